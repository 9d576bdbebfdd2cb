//! Special values: ψ, ψ₁ and log Γ at positive integers and half-integers, odd and even symmetries at
//! rationals, and |x| where the sign of x is known.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::arith::reduced;
use super::sign::signs;
use super::{add, mul, negate, power, with_coefficient};
use crate::exact::Rational;
use crate::sym::primes::{factorial_exponent, primes_up_to};
use crate::sym::{Constant, Expr, Function};

/// Largest n for which ψ(n), ψ(n + ½), ψ₁ and log Γ are expanded; beyond it they stay symbolic (the exact
/// harmonic sums would have tens of thousands of digits).
pub const MAX_INDEX: u64 = 10_000;

/// A positive integer n, or the half-integer n + ½ (n ≥ 0).
enum Index {
    Integer(u64),
    Half(u64),
}

fn index_of(argument: &Expr) -> Option<Index> {
    let Expr::Number(value) = argument else {
        return None;
    };
    if !value.is_positive() {
        return None;
    }
    let whole = value
        .floor()
        .to_integer()
        .to_u64()
        .filter(|&n| n <= MAX_INDEX)?;
    if value.is_integer() {
        Some(Index::Integer(whole))
    } else if *value.denom() == BigInt::from(2) {
        Some(Index::Half(whole))
    } else {
        None
    }
}

fn atom(function: Function, argument: Expr) -> Expr {
    Expr::Apply(function, vec![argument])
}

/// A special function applied to a canonical argument, in canonical form.
pub fn special(function: Function, argument: Expr) -> Expr {
    let expanded = match function {
        Function::Lgamma => lgamma_of(&argument),
        Function::Digamma => digamma_of(&argument),
        Function::Trigamma => trigamma_of(&argument),
        _ => None,
    };
    if let Some(expanded) = expanded {
        return expanded;
    }
    match (function, argument) {
        (Function::Abs, argument) => abs_of(argument),
        (Function::Erf | Function::Atan | Function::Sin, Expr::Number(value))
            if value.is_zero() =>
        {
            Expr::int(0)
        }
        // Odd functions: f(−x) = −f(x).
        (Function::Erf | Function::Atan | Function::Sin, Expr::Number(value))
            if value.is_negative() =>
        {
            negate(atom(function, Expr::Number(-value)))
        }
        (Function::Cos, Expr::Number(value)) if value.is_zero() => Expr::int(1),
        (Function::Cos, Expr::Number(value)) if value.is_negative() => {
            atom(function, Expr::Number(-value))
        }
        (Function::Erfc, Expr::Number(value)) if value.is_zero() => Expr::int(1),
        (_, argument) => atom(function, argument),
    }
}

/// I_ν(x) with its value at x = 0: I₀(0) = 1, I_ν(0) = 0 for ν > 0.
pub fn bessel_i(arguments: Vec<Expr>) -> Expr {
    if let [Expr::Number(order), x] = arguments.as_slice() {
        if x.is_zero() && order.is_zero() {
            return Expr::int(1);
        }
        if x.is_zero() && order.is_positive() {
            return Expr::int(0);
        }
    }
    Expr::Apply(Function::BesselI, arguments)
}

/// |x| in canonical form: x or −x when the sign is known, the known-sign factors taken out of a product.
pub fn abs_of(argument: Expr) -> Expr {
    if let Expr::Number(value) = &argument {
        return Expr::Number(value.abs());
    }
    let argument_signs = signs(&argument);
    if argument_signs.is_non_negative() {
        return argument;
    }
    if !argument_signs.positive {
        return negate(argument);
    }
    match argument {
        Expr::Mul(factors) => {
            let mut known = Vec::new();
            let mut unknown = Vec::new();
            for factor in factors {
                let factor_signs = signs(&factor);
                if factor_signs.is_non_negative() {
                    known.push(factor);
                } else if !factor_signs.positive {
                    known.push(negate(factor));
                } else {
                    unknown.push(factor);
                }
            }
            if known.is_empty() {
                return atom(Function::Abs, Expr::Mul(unknown));
            }
            known.push(atom(Function::Abs, mul(unknown)));
            mul(known)
        }
        other => atom(Function::Abs, other),
    }
}

/// Σ 1/k^exponent over `terms`, exactly, over their least common multiple (one reduction at the end).
fn reciprocal_power_sum(terms: impl Iterator<Item = u64> + Clone, exponent: u32) -> Rational {
    let mut common = BigUint::one();
    for k in terms.clone() {
        let denominator = k.pow(exponent);
        let remainder = (&common % denominator).to_u64().unwrap_or(0);
        let divisor = remainder.gcd(&denominator);
        common *= denominator / divisor;
    }
    let numerator: BigUint = terms.map(|k| &common / k.pow(exponent)).sum();
    reduced(BigInt::from(numerator), BigInt::from(common))
}

fn euler_gamma() -> Expr {
    Expr::Constant(Constant::EulerGamma)
}

fn log_of_prime(prime: u64) -> Expr {
    Expr::Apply(
        Function::Log,
        vec![Expr::Number(Rational::from_integer(BigInt::from(prime)))],
    )
}

/// Σ cₚ·log(p) as a canonical sum.
fn prime_logs(coefficients: impl Iterator<Item = (u64, BigInt)>) -> Vec<Expr> {
    coefficients
        .filter(|(_, c)| !c.is_zero())
        .map(|(p, c)| with_coefficient(Rational::from_integer(c), log_of_prime(p)))
        .collect()
}

/// ψ(n) = H₍ₙ₋₁₎ − γ; ψ(n + ½) = −γ − 2·log(2) + Σₖ₌₁ⁿ 2/(2k − 1).
fn digamma_of(argument: &Expr) -> Option<Expr> {
    Some(match index_of(argument)? {
        Index::Integer(n) => add(vec![
            Expr::Number(reciprocal_power_sum(1..n, 1)),
            negate(euler_gamma()),
        ]),
        Index::Half(n) => {
            let odd = (1..=n).map(|k| 2 * k - 1);
            let harmonic = reciprocal_power_sum(odd, 1) * Rational::from_integer(BigInt::from(2));
            add(vec![
                Expr::Number(harmonic),
                negate(euler_gamma()),
                with_coefficient(Rational::from_integer(BigInt::from(-2)), log_of_prime(2)),
            ])
        }
    })
}

/// ψ₁(n) = π²/6 − Σₖ₌₁ⁿ⁻¹ 1/k²; ψ₁(n + ½) = π²/2 − 4·Σₖ₌₁ⁿ 1/(2k − 1)².
fn trigamma_of(argument: &Expr) -> Option<Expr> {
    let pi_squared = power(Expr::Constant(Constant::Pi), Expr::int(2));
    Some(match index_of(argument)? {
        Index::Integer(n) => add(vec![
            mul(vec![Expr::ratio(1, 6), pi_squared]),
            Expr::Number(-reciprocal_power_sum(1..n, 2)),
        ]),
        Index::Half(n) => {
            let odd = (1..=n).map(|k| 2 * k - 1);
            let sum = reciprocal_power_sum(odd, 2) * Rational::from_integer(BigInt::from(4));
            add(vec![
                mul(vec![Expr::ratio(1, 2), pi_squared]),
                Expr::Number(-sum),
            ])
        }
    })
}

/// log Γ(n) = log((n − 1)!); log Γ(n + ½) = log((2n)!·√π / (4ⁿ·n!)), both over primes by Legendre's formula.
fn lgamma_of(argument: &Expr) -> Option<Expr> {
    Some(match index_of(argument)? {
        Index::Integer(n) => {
            let m = n - 1;
            add(prime_logs(primes_up_to(m).iter().map(|&p| {
                (
                    u64::from(p),
                    BigInt::from(factorial_exponent(m, u64::from(p))),
                )
            })))
        }
        Index::Half(n) => {
            let coefficients = primes_up_to(2 * n).iter().map(|&p| {
                let p = u64::from(p);
                let mut exponent =
                    BigInt::from(factorial_exponent(2 * n, p)) - factorial_exponent(n, p);
                if p == 2 {
                    exponent -= 2 * n;
                }
                (p, exponent)
            });
            let mut terms = prime_logs(coefficients);
            let log_pi = Expr::Apply(Function::Log, vec![Expr::Constant(Constant::Pi)]);
            terms.push(mul(vec![Expr::ratio(1, 2), log_pi]));
            add(terms)
        }
    })
}
