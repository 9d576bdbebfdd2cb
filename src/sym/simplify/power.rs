//! Canonical powers: exact rational powers, canonical radicals, nested powers and powers of products where
//! the rewrite is valid, and exponentials.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

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
        Expr::Constant(Constant::E) => logarithm::exp_of(&exponent),
        // exp(x) > 0, so exp(x)^a = exp(a·x).
        Expr::Apply(Function::Exp, arguments) if arguments.len() == 1 => {
            let argument = arguments.into_iter().next().unwrap_or_else(|| Expr::int(0));
            logarithm::exp_of(&mul(vec![argument, exponent]))
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
        let absolute = special::abs_of(&base);
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

/// `r^(k + a/q) = r^k / d · (n^a·d^(q−a))^(1/q)` for r = n/d, with the q-th powers taken out of the radicand
/// and the index lowered by the common divisor of what is left: `sqrt(12/5) = 2·sqrt(15)/5`,
/// `2^(2/3) = 4^(1/3)`, `4^(1/4) = sqrt(2)`.
fn radical(base: &Rational, exponent: &Rational, index: u64) -> Option<Expr> {
    let whole = exponent.floor();
    let fraction = (exponent - &whole).numer().to_u64()?;
    let outside_power = checked_power(base, whole.numer())?;
    // Prime powers of the radicand n^a·d^(q−a), from the factorisations of n and d.
    let mut parts: Vec<(BigUint, u64)> = Vec::new();
    for (value, times) in [
        (base.numer().magnitude(), fraction),
        (base.denom().magnitude(), index - fraction),
    ] {
        let found = factor(value);
        parts.extend(
            found
                .primes
                .into_iter()
                .map(|(p, e)| (BigUint::from(p), e * times)),
        );
        parts.extend(found.cofactors.into_iter().map(|(c, e)| (c, e * times)));
    }
    let mut outside = BigUint::one();
    let mut inside_parts = Vec::new();
    let mut outside_bits = 0u64;
    for (prime, total) in parts {
        let (whole_powers, left) = total.div_rem(&index);
        outside_bits = outside_bits.saturating_add(prime.bits().saturating_mul(whole_powers));
        if outside_bits > MAX_DIGITS * 3 {
            return None;
        }
        outside *= num_traits::pow::Pow::pow(&prime, whole_powers);
        if left > 0 {
            inside_parts.push((prime, left));
        }
    }
    let common = inside_parts.iter().fold(index, |g, (_, e)| g.gcd(e));
    let root_index = index / common;
    let inside_bits: u64 = inside_parts
        .iter()
        .map(|(p, e)| p.bits().saturating_mul(e / common))
        .sum();
    if inside_bits > MAX_RADICAND_BITS {
        return None;
    }
    let radicand: BigUint = inside_parts
        .iter()
        .map(|(p, e)| num_traits::pow::Pow::pow(p, e / common))
        .product();
    let coefficient = outside_power * Rational::new(BigInt::from(outside), base.denom().clone());
    let root = Expr::Pow(
        Box::new(Expr::Number(Rational::from_integer(BigInt::from(radicand)))),
        Box::new(Expr::Number(Rational::new(
            BigInt::one(),
            BigInt::from(root_index),
        ))),
    );
    Some(if coefficient.is_one() {
        root
    } else {
        Expr::Mul(vec![Expr::Number(coefficient), root])
    })
}
