//! Logarithms and exponentials: logs of rationals split over primes, logs of positive products and powers
//! expanded, `exp(log x) = x` for x > 0, and `exp(a·log b) = b^a` for b > 0.

use std::collections::BTreeMap;

use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

use super::sign::is_positive;
use super::{add, mul, power, with_coefficient};
use crate::exact::Rational;
use crate::sym::primes::factor;
use crate::sym::{Constant, Expr, Function};

fn log_atom(x: Expr) -> Expr {
    Expr::Apply(Function::Log, vec![x])
}

fn exp_atom(x: Expr) -> Expr {
    Expr::Apply(Function::Exp, vec![x])
}

fn is_odd_integer(expr: &Expr) -> bool {
    matches!(expr, Expr::Number(value) if value.is_integer() && value.numer().bit(0))
}

/// `log(x)` for a canonical argument, in canonical form.
pub fn log_of(argument: Expr) -> Expr {
    match argument {
        Expr::Number(ref value) if value.is_positive() => log_rational(value),
        Expr::Constant(Constant::E) => Expr::int(1),
        Expr::Infinity => Expr::Infinity,
        // log(exp(x)) = x for every real x.
        Expr::Apply(Function::Exp, mut arguments) if arguments.len() == 1 => {
            arguments.pop().unwrap_or_else(|| Expr::int(0))
        }
        // log(b^a) = a·log(b) for b > 0; for an odd integer a, b^a > 0 exactly when b > 0.
        Expr::Pow(base, exponent) if is_positive(&base) || is_odd_integer(&exponent) => {
            mul(vec![*exponent, log_of(*base)])
        }
        Expr::Mul(factors) => log_product(factors),
        other => log_atom(other),
    }
}

/// log of a product: the logs of the positive factors split off. When at most one factor is not known to
/// be positive, it is positive wherever the log is defined, so it splits off too.
fn log_product(factors: Vec<Expr>) -> Expr {
    let mut terms = Vec::new();
    let mut rest = Vec::new();
    for factor in factors {
        match factor {
            Expr::Number(ref value) if value.is_negative() => {
                terms.push(log_rational(&-value));
                rest.push(Expr::int(-1));
            }
            _ if is_positive(&factor) => terms.push(log_of(factor)),
            _ => rest.push(factor),
        }
    }
    if rest.len() == 1 {
        terms.extend(rest.pop().map(log_of));
    } else if !rest.is_empty() {
        terms.push(log_atom(mul(rest)));
    }
    add(terms)
}

/// log of a positive rational as a combination of logs of primes (and of cofactors without small primes).
fn log_rational(value: &Rational) -> Expr {
    if value.is_one() {
        return Expr::int(0);
    }
    let mut terms = Vec::new();
    for (part, sign) in [(value.numer(), 1i64), (value.denom(), -1i64)] {
        let found = factor(part.magnitude());
        for (prime, exponent) in found.primes {
            let coefficient = Rational::from_integer(BigInt::from(exponent) * sign);
            terms.push(with_coefficient(
                coefficient,
                log_atom(Expr::int(i64::from(prime))),
            ));
        }
        for (cofactor, exponent) in found.cofactors {
            let coefficient = Rational::from_integer(BigInt::from(exponent) * sign);
            terms.push(with_coefficient(
                coefficient,
                log_atom(Expr::Number(Rational::from_integer(cofactor.into()))),
            ));
        }
    }
    add(terms)
}

fn is_log_of_positive(factor: &Expr) -> bool {
    matches!(factor, Expr::Apply(Function::Log, arguments) if arguments.len() == 1 && is_positive(&arguments[0]))
}

/// A term `c·…·log(b)` with b > 0, as base b and exponent `c·…`; the term itself when it is not one.
fn as_log_power(term: Expr) -> Result<(Expr, Expr), Expr> {
    match term {
        Expr::Apply(Function::Log, mut arguments)
            if arguments.len() == 1 && is_positive(&arguments[0]) =>
        {
            Ok((
                arguments.pop().unwrap_or_else(|| Expr::int(1)),
                Expr::int(1),
            ))
        }
        Expr::Mul(mut factors) if factors.iter().filter(|f| is_log_of_positive(f)).count() == 1 => {
            let Some(position) = factors.iter().position(is_log_of_positive) else {
                return Err(Expr::Mul(factors));
            };
            match factors.remove(position) {
                Expr::Apply(_, mut arguments) => Ok((
                    arguments.pop().unwrap_or_else(|| Expr::int(1)),
                    mul(factors),
                )),
                other => {
                    factors.insert(position, other);
                    Err(Expr::Mul(factors))
                }
            }
        }
        other => Err(other),
    }
}

/// `exp(x)` for a canonical argument, in canonical form.
pub fn exp_of(argument: Expr) -> Expr {
    match argument {
        Expr::Number(ref value) if value.is_zero() => Expr::int(1),
        Expr::Number(ref value) if value.is_one() => Expr::Constant(Constant::E),
        Expr::Infinity => Expr::Infinity,
        Expr::Mul(ref factors) if factors.as_slice() == [Expr::int(-1), Expr::Infinity] => {
            Expr::int(0)
        }
        Expr::Add(terms) => {
            // Bases with the same exponent are multiplied first: exp(n·log 2 + n·log 5) = 10ⁿ, which stays
            // one unevaluated power when it is too big, rather than 2ⁿ evaluated times 5ⁿ unevaluated.
            let mut by_exponent: BTreeMap<Expr, Vec<Expr>> = BTreeMap::new();
            let mut rest = Vec::new();
            for term in terms {
                match as_log_power(term) {
                    Ok((base, exponent)) => by_exponent.entry(exponent).or_default().push(base),
                    Err(term) => rest.push(term),
                }
            }
            if by_exponent.is_empty() {
                return exp_atom(Expr::Add(rest));
            }
            let mut powers: Vec<Expr> = by_exponent
                .into_iter()
                .map(|(exponent, bases)| power(mul(bases), exponent))
                .collect();
            if !rest.is_empty() {
                powers.push(exp_of(add(rest)));
            }
            mul(powers)
        }
        other => match as_log_power(other) {
            Ok((base, exponent)) => power(base, exponent),
            Err(other) => exp_atom(other),
        },
    }
}
