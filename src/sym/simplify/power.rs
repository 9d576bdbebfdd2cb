//! Canonical powers: exact rational powers, canonical radicals, nested powers and powers of products where
//! the rewrite is valid, and exponentials.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::arith::reduced;
use super::sign::{is_positive, signs};
use super::{logarithm, mul, special};
use crate::exact::{checked_power, exact_root, Rational, MAX_DIGITS};
use crate::sym::primes::factor;
use crate::sym::{Constant, Expr, Function};

/// Largest root index that radicals are normalised for; higher roots stay as written.
const MAX_ROOT_INDEX: u64 = 1_000;

/// Largest radicand (in bits) built when a radical is normalised; bigger ones stay as written.
const MAX_RADICAND_BITS: u64 = 20_000;

/// `base ^ exponent` for canonical operands, in canonical form.
pub fn power(base: Expr, exponent: Expr) -> Expr {
    if exponent.is_zero() {
        return Expr::int(1);
    }
    if exponent.is_one() {
        return base;
    }
    if let (Expr::Number(b), Expr::Number(e)) = (&base, &exponent) {
        return rational_power(b, e);
    }
    if base.is_one() {
        return Expr::int(1);
    }
    if base.is_zero() {
        return if signs(&exponent).is_positive() {
            Expr::int(0)
        } else {
            unevaluated(base, exponent)
        };
    }
    match base {
        Expr::Constant(Constant::E) => logarithm::exp_of(exponent),
        // exp(x) > 0, so exp(x)^a = exp(a·x).
        Expr::Apply(Function::Exp, arguments) if arguments.len() == 1 => {
            let argument = arguments.into_iter().next().unwrap_or_else(|| Expr::int(0));
            logarithm::exp_of(mul(vec![argument, exponent]))
        }
        Expr::Apply(Function::Abs, ref arguments)
            if arguments.len() == 1 && is_even_integer(&exponent) =>
        {
            power(arguments[0].clone(), exponent)
        }
        Expr::Pow(inner_base, inner_exponent) => {
            nested_power(*inner_base, *inner_exponent, exponent)
        }
        Expr::Mul(factors) => product_power(factors, exponent),
        Expr::Infinity => match signs(&exponent).exact() {
            Some(std::cmp::Ordering::Greater) => Expr::Infinity,
            Some(std::cmp::Ordering::Less) => Expr::int(0),
            _ => unevaluated(Expr::Infinity, exponent),
        },
        other => unevaluated(other, exponent),
    }
}

fn unevaluated(base: Expr, exponent: Expr) -> Expr {
    Expr::Pow(Box::new(base), Box::new(exponent))
}

fn integer_value(expr: &Expr) -> Option<&BigInt> {
    match expr {
        Expr::Number(value) if value.is_integer() => Some(value.numer()),
        _ => None,
    }
}

fn is_even_integer(expr: &Expr) -> bool {
    integer_value(expr).is_some_and(|n| n.is_even())
}

/// `(b^a)^e`: `b^(a·e)` where valid; `|b|^(a·e)` for an even integer a; otherwise unevaluated.
fn nested_power(base: Expr, inner: Expr, exponent: Expr) -> Expr {
    let non_negative = signs(&base).is_non_negative();
    let both_positive = matches!((&inner, &exponent), (Expr::Number(a), Expr::Number(e)) if a.is_positive() && e.is_positive());
    if is_positive(&base) || integer_value(&exponent).is_some() || (non_negative && both_positive) {
        return power(base, mul(vec![inner, exponent]));
    }
    if is_even_integer(&inner) && matches!(exponent, Expr::Number(_)) {
        let absolute = special::abs_of(base);
        return power(absolute, mul(vec![inner, exponent]));
    }
    unevaluated(unevaluated(base, inner), exponent)
}

/// `(x·y·…)^e`: distributed over every factor for an integer e, over the positive factors otherwise (and
/// over all when all are ≥ 0).
fn product_power(factors: Vec<Expr>, exponent: Expr) -> Expr {
    if integer_value(&exponent).is_some() || factors.iter().all(|f| signs(f).is_non_negative()) {
        return mul(factors
            .into_iter()
            .map(|f| power(f, exponent.clone()))
            .collect());
    }
    let (positive, rest): (Vec<Expr>, Vec<Expr>) = factors.into_iter().partition(is_positive);
    if positive.is_empty() {
        return unevaluated(Expr::Mul(rest), exponent);
    }
    let mut result: Vec<Expr> = positive
        .into_iter()
        .map(|f| power(f, exponent.clone()))
        .collect();
    result.push(power(mul(rest), exponent));
    mul(result)
}

/// `b^e` for rationals: exact when rational, a canonical radical when the base is positive, unevaluated
/// when the result would be too big or is not real.
fn rational_power(base: &Rational, exponent: &Rational) -> Expr {
    let keep = || unevaluated(Expr::Number(base.clone()), Expr::Number(exponent.clone()));
    if exponent.is_integer() {
        return checked_power(base, exponent.numer())
            .map(Expr::Number)
            .unwrap_or_else(keep);
    }
    if base.is_zero() {
        return if exponent.is_positive() {
            Expr::int(0)
        } else {
            keep()
        };
    }
    if base.is_one() {
        return Expr::int(1);
    }
    if base.is_negative() {
        return keep();
    }
    let Some(index) = exponent.denom().to_u64().filter(|&q| q <= MAX_ROOT_INDEX) else {
        return keep();
    };
    if let Some(root) = exact_root(base, index as u32) {
        return checked_power(&root, exponent.numer())
            .map(Expr::Number)
            .unwrap_or_else(keep);
    }
    radical(base, exponent, index).unwrap_or_else(keep)
}

/// `r^(p/q)` for r > 0 as `c·B^g`: each prime power pᵉ of r contributes p^⌊e·p/q⌋ to the rational c and
/// p^frac(e·p/q) to the radical; g is the greatest common divisor of those fractional exponents in (0, 1)
/// and B the integer (not a perfect power) with B^g equal to the radical part. So
/// `sqrt(12/5) = 2·sqrt(15)/5`, `4^(1/4) = sqrt(2)`, `4^(1/3) = 2^(2/3)`, `12^(1/3)` stays,
/// `2^(-1/3) = 2^(2/3)/2`. `None` (keep the power as written) when the factorisation is
/// incomplete or c or B would be big: `(3/7)^(999/1000)` stays rather than becoming `(3^999·7)^(1/1000)/7`.
fn radical(base: &Rational, exponent: &Rational, index: u64) -> Option<Expr> {
    let numerator_of_exponent = exponent.numer();
    let q = BigInt::from(index);
    // (prime or cofactor, its signed exponent in r).
    let mut parts: Vec<(BigUint, BigInt)> = Vec::new();
    for (value, sign) in [
        (base.numer().magnitude(), 1i64),
        (base.denom().magnitude(), -1i64),
    ] {
        let found = factor(value);
        parts.extend(
            found
                .primes
                .into_iter()
                .map(|(p, e)| (BigUint::from(p), BigInt::from(e) * sign)),
        );
        parts.extend(
            found
                .cofactors
                .into_iter()
                .map(|(c, e)| (c, BigInt::from(e) * sign)),
        );
    }
    let input_bits = base.numer().bits() + base.denom().bits();
    let mut above = BigUint::one();
    let mut below = BigUint::one();
    let mut outside_bits = 0u64;
    // Fractional exponents as numerators over q.
    let mut inside: Vec<(BigUint, u64)> = Vec::new();
    for (prime, power) in parts {
        let (whole, left) = (power * numerator_of_exponent).div_mod_floor(&q);
        let magnitude = whole.magnitude().to_u64()?;
        outside_bits = outside_bits.saturating_add(prime.bits().saturating_mul(magnitude));
        if outside_bits > MAX_DIGITS * 3 {
            return None;
        }
        let factor = num_traits::pow::Pow::pow(&prime, magnitude);
        if whole.is_negative() {
            below *= factor;
        } else {
            above *= factor;
        }
        let left = left.to_u64()?;
        if left > 0 {
            inside.push((prime, left));
        }
    }
    let coefficient = reduced(BigInt::from(above), BigInt::from(below));
    if inside.is_empty() {
        return Some(Expr::Number(coefficient));
    }
    let common = inside.iter().fold(0, |g, (_, e)| g.gcd(e));
    let radicand_bits: u64 = inside
        .iter()
        .map(|(p, e)| p.bits().saturating_mul(e / common))
        .sum();
    if radicand_bits > MAX_RADICAND_BITS || radicand_bits > 2 * input_bits + 64 {
        return None;
    }
    let radicand: BigUint = inside
        .iter()
        .map(|(p, e)| num_traits::pow::Pow::pow(p, e / common))
        .product();
    let root = Expr::Pow(
        Box::new(Expr::Number(Rational::from_integer(BigInt::from(radicand)))),
        Box::new(Expr::Number(Rational::new(
            BigInt::from(common),
            BigInt::from(index),
        ))),
    );
    Some(if coefficient.is_one() {
        root
    } else {
        Expr::Mul(vec![Expr::Number(coefficient), root])
    })
}
