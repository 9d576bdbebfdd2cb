//! The difference of two sums gathered term by term, so that terms common to both cancel exactly.
//!
//! Log-densities are sums of terms built by each family's formula: Rayleigh and Chi both hold −x²/2, a
//! log-normal and a mixture holding it the same −(log x)²/(2σ²). Evaluated as written, a − b subtracts
//! those terms in floating point, which loses their difference to rounding when they are large, and to the
//! width of their ranges over an interval (the dependency problem). Gathered here, they cancel before any
//! evaluation.

use num_traits::Zero;

use crate::exact::Rational;
use crate::sym::Expr;

use super::depends_on_variable;

/// a − b as (coefficient, product of the other factors) per distinct product, in the order first seen, and
/// whether a term that depends on the variable cancelled.
pub fn gathered_difference(a: &Expr, b: &Expr) -> (Vec<(Rational, Expr)>, bool) {
    let one = crate::exact::integer(1);
    gathered_combination(&[(one.clone(), a), (-one, b)])
}

/// Σ cᵢ·eᵢ gathered alike: Rényi's α log p + (1 − α) log q, whose rates cancel where 3·(−x/3) meets
/// −2·(−x/2).
pub fn gathered_combination(parts: &[(Rational, &Expr)]) -> (Vec<(Rational, Expr)>, bool) {
    let mut gathered: Vec<(Vec<Expr>, Rational)> = Vec::new();
    let mut cancelled = false;
    for (scale, expr) in parts {
        for (coefficient, factors) in monomials(expr) {
            let coefficient = coefficient * scale;
            match gathered
                .iter_mut()
                .find(|(known, _)| same_factors(known, &factors))
            {
                Some((known, total)) => {
                    let before = total.is_zero();
                    *total += coefficient;
                    let variable = known.iter().any(depends_on_variable);
                    cancelled |= variable && !before && total.is_zero();
                }
                None => gathered.push((factors, coefficient)),
            }
        }
    }
    let terms = gathered
        .into_iter()
        .filter(|(_, coefficient)| !coefficient.is_zero())
        .map(|(factors, coefficient)| {
            let product = factors
                .into_iter()
                .fold(Expr::int(1), |product, factor| product * factor);
            (coefficient, product)
        })
        .collect();
    (terms, cancelled)
}

/// Σ c·product over gathered terms, as one expression.
pub fn sum(terms: Vec<(Rational, Expr)>) -> Expr {
    terms
        .into_iter()
        .fold(Expr::int(0), |sum, (coefficient, product)| {
            sum + Expr::Number(coefficient) * product
        })
}

/// The terms of a sum, each as its rational coefficient and its other factors. A coefficient times a single
/// sum is distributed over it (−(x + 1)/3 is −x/3 − 1/3), so that a rate written with an offset meets the
/// same rate written without one.
fn monomials(expr: &Expr) -> Vec<(Rational, Vec<Expr>)> {
    let terms = match expr {
        Expr::Add(terms) => terms.clone(),
        other => vec![other.clone()],
    };
    let mut result = Vec::new();
    for term in terms {
        let factors = match term {
            Expr::Mul(factors) => factors,
            other => vec![other],
        };
        let mut coefficient = crate::exact::integer(1);
        let mut rest = Vec::new();
        for factor in factors {
            match factor {
                Expr::Number(value) => coefficient *= value,
                other => rest.push(other),
            }
        }
        match rest.as_slice() {
            [inner @ Expr::Add(_)] => {
                for (inner_coefficient, factors) in monomials(inner) {
                    result.push((inner_coefficient * &coefficient, factors));
                }
            }
            _ => result.push((coefficient, rest)),
        }
    }
    result
}

/// The same factors, in any order.
fn same_factors(a: &[Expr], b: &[Expr]) -> bool {
    let mut unmatched: Vec<&Expr> = b.iter().collect();
    a.len() == b.len()
        && a.iter().all(|factor| {
            match unmatched.iter().position(|candidate| *candidate == factor) {
                Some(position) => {
                    unmatched.swap_remove(position);
                    true
                }
                None => false,
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeric::compiled::VARIABLE;
    use crate::sym::{log, Domain};

    #[test]
    fn common_terms_cancel_and_like_terms_merge() {
        let x = Expr::symbol(VARIABLE, Domain::Real);
        let square = Expr::ratio(-1, 2) * x.clone().powi(2);
        // (log x − x²/2 + 3) − (2·log x − x²/2 + 1) = −log x + 2.
        let a = log(x.clone()) + square.clone() + Expr::int(3);
        let b = Expr::int(2) * log(x.clone()) + square + Expr::int(1);
        let (terms, cancelled) = gathered_difference(&a, &b);
        assert!(cancelled);
        assert_eq!(
            terms,
            vec![
                (crate::exact::integer(-1), log(x)),
                (crate::exact::integer(2), Expr::int(1)),
            ]
        );
    }

    #[test]
    fn a_rate_with_an_offset_meets_the_same_rate_without_one() {
        let x = Expr::symbol(VARIABLE, Domain::Real);
        // −(x + 1)/3 (a Laplace's, its sign resolved) against −x/3 (a Gamma's): −1/3 is left.
        let a = Expr::ratio(-1, 3) * (x.clone() + Expr::int(1));
        let b = Expr::ratio(-1, 3) * x;
        let (terms, cancelled) = gathered_difference(&a, &b);
        assert!(cancelled);
        assert_eq!(
            terms,
            vec![(Rational::new((-1).into(), 3.into()), Expr::int(1))]
        );
    }

    #[test]
    fn constants_cancelling_are_not_a_cancellation_of_the_variable() {
        let x = Expr::symbol(VARIABLE, Domain::Real);
        let a = x.clone() + Expr::int(1);
        let b = Expr::int(2) * x + Expr::int(1);
        let (terms, cancelled) = gathered_difference(&a, &b);
        assert!(!cancelled);
        assert_eq!(terms.len(), 1);
    }
}
