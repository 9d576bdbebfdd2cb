//! Logarithms and exponentials: logs of rationals split over primes, logs of positive products and powers
//! expanded, `exp(log x) = x` for x > 0, and `exp(a·log b) = b^a` for b > 0.

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
pub fn log_of(argument: &Expr) -> Expr {
    match argument {
        Expr::Number(value) if value.is_positive() => log_rational(value),
        Expr::Constant(Constant::E) => Expr::int(1),
        Expr::Infinity => Expr::Infinity,
        // log(exp(x)) = x for every real x.
        Expr::Apply(Function::Exp, arguments) if arguments.len() == 1 => arguments[0].clone(),
        // log(b^a) = a·log(b) for b > 0; for an odd integer a, b^a > 0 exactly when b > 0.
        Expr::Pow(base, exponent) if is_positive(base) || is_odd_integer(exponent) => {
            mul(vec![(**exponent).clone(), log_of(base)])
        }
        Expr::Mul(factors) => log_product(factors),
        other => log_atom(other.clone()),
    }
}

/// log of a product: the logs of the positive factors split off. When at most one factor is not known to
/// be positive, it is positive wherever the log is defined, so it splits off too.
fn log_product(factors: &[Expr]) -> Expr {
    let mut terms = Vec::new();
    let mut rest = Vec::new();
    for factor in factors {
        match factor {
            Expr::Number(value) if value.is_negative() => {
                terms.push(log_rational(&-value));
                rest.push(Expr::int(-1));
            }
            _ if is_positive(factor) => terms.push(log_of(factor)),
            _ => rest.push(factor.clone()),
        }
    }
    match rest.as_slice() {
        [] => {}
        [single] => terms.push(log_of(single)),
        _ => terms.push(log_atom(mul(rest))),
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

/// A term `c·…·log(b)` with b > 0, as base b and exponent `c·…`.
fn as_log_power(term: &Expr) -> Option<(Expr, Expr)> {
    match term {
        Expr::Apply(Function::Log, arguments)
            if arguments.len() == 1 && is_positive(&arguments[0]) =>
        {
            Some((arguments[0].clone(), Expr::int(1)))
        }
        Expr::Mul(factors) => {
            let mut logs = factors.iter().enumerate().filter(|(_, factor)| {
                matches!(factor, Expr::Apply(Function::Log, arguments) if arguments.len() == 1 && is_positive(&arguments[0]))
            });
            let (position, Expr::Apply(_, arguments)) = logs.next()? else {
                return None;
            };
            if logs.next().is_some() {
                return None;
            }
            let others = factors
                .iter()
                .enumerate()
                .filter(|(index, _)| *index != position)
                .map(|(_, f)| f.clone())
                .collect();
            Some((arguments[0].clone(), mul(others)))
        }
        _ => None,
    }
}

/// `exp(x)` for a canonical argument, in canonical form.
pub fn exp_of(argument: &Expr) -> Expr {
    match argument {
        Expr::Number(value) if value.is_zero() => Expr::int(1),
        Expr::Number(value) if value.is_one() => Expr::Constant(Constant::E),
        Expr::Infinity => Expr::Infinity,
        Expr::Mul(factors) if factors.as_slice() == [Expr::int(-1), Expr::Infinity] => Expr::int(0),
        Expr::Add(terms) => {
            let mut powers = Vec::new();
            let mut rest = Vec::new();
            for term in terms {
                match as_log_power(term) {
                    Some((base, exponent)) => powers.push(power(base, exponent)),
                    None => rest.push(term.clone()),
                }
            }
            if powers.is_empty() {
                return exp_atom(argument.clone());
            }
            if !rest.is_empty() {
                powers.push(exp_of(&add(rest)));
            }
            mul(powers)
        }
        other => match as_log_power(other) {
            Some((base, exponent)) => power(base, exponent),
            None => exp_atom(other.clone()),
        },
    }
}
