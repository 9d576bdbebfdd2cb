//! The canonical order of terms in a sum and of factors in a product, shared by the simplifier (which sorts)
//! and the printers (which print in this order).
//!
//! A sum reads like a polynomial in its symbols, then the other terms, then the rational constant:
//! `m^2 + v - log(v) - 1`. A product puts numeric radicals, constants and symbols before functions and sums:
//! `2*sqrt(2)*pi*x*log(x)`.

use std::cmp::Ordering;

use crate::exact::Rational;
use crate::sym::{Constant, Expr};

/// Splits a term into its rational coefficient and the rest (`1` for a plain rational).
pub fn split_coefficient(term: &Expr) -> (Rational, Expr) {
    match term {
        Expr::Number(value) => (value.clone(), Expr::int(1)),
        Expr::Mul(factors) => match factors.split_first() {
            Some((Expr::Number(value), rest)) => {
                let rest = match rest {
                    [single] => single.clone(),
                    _ => Expr::Mul(rest.to_vec()),
                };
                (value.clone(), rest)
            }
            _ => (crate::exact::integer(1), term.clone()),
        },
        _ => (crate::exact::integer(1), term.clone()),
    }
}

fn factors(expr: &Expr) -> &[Expr] {
    match expr {
        Expr::Mul(items) => items,
        other => std::slice::from_ref(other),
    }
}

/// The symbols of a monomial with their rational exponents (a symbol alone has exponent 1), by name.
fn symbol_powers(rest: &Expr) -> Vec<(&str, Option<&Rational>)> {
    let mut found: Vec<(&str, Option<&Rational>)> = factors(rest)
        .iter()
        .filter_map(|factor| match factor {
            Expr::Symbol(symbol) => Some((symbol.name.as_str(), None)),
            Expr::Pow(base, exponent) => match (&**base, &**exponent) {
                (Expr::Symbol(symbol), Expr::Number(value)) => {
                    Some((symbol.name.as_str(), Some(value)))
                }
                _ => None,
            },
            _ => None,
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(b.0));
    found
}

fn term_category(rest: &Expr) -> u8 {
    match rest {
        Expr::Number(_) => 2,
        _ if !symbol_powers(rest).is_empty() => 0,
        _ => 1,
    }
}

fn exponent_value(exponent: Option<&Rational>) -> Rational {
    exponent
        .cloned()
        .unwrap_or_else(|| crate::exact::integer(1))
}

fn compare_monomials(a: &Expr, b: &Expr) -> Ordering {
    let left = symbol_powers(a);
    let right = symbol_powers(b);
    for (x, y) in left.iter().zip(&right) {
        let by_name = x.0.cmp(y.0);
        if by_name != Ordering::Equal {
            return by_name;
        }
        // Higher powers first.
        let by_power = exponent_value(y.1).cmp(&exponent_value(x.1));
        if by_power != Ordering::Equal {
            return by_power;
        }
    }
    left.len().cmp(&right.len())
}

/// Rank of a factor's kind: numeric radicals, constants, symbols, functions, sums, the rest.
fn factor_rank(factor: &Expr) -> u8 {
    match factor {
        Expr::Number(_) => 0,
        Expr::Pow(base, _) => match &**base {
            Expr::Number(_) => 1,
            other => factor_rank(other).max(2),
        },
        Expr::Constant(_) => 2,
        Expr::Symbol(_) => 3,
        Expr::Apply(..) => 4,
        Expr::Add(_) => 5,
        Expr::Mul(_) => 6,
        Expr::Infinity | Expr::Numeric(_) => 7,
    }
}

fn base_of(factor: &Expr) -> &Expr {
    match factor {
        Expr::Pow(base, _) => base,
        other => other,
    }
}

/// Order of two factors of a product.
pub fn compare_factors(a: &Expr, b: &Expr) -> Ordering {
    let (base_a, base_b) = (base_of(a), base_of(b));
    factor_rank(a)
        .cmp(&factor_rank(b))
        .then_with(|| match (base_a, base_b) {
            (Expr::Symbol(x), Expr::Symbol(y)) => x.name.cmp(&y.name),
            (Expr::Constant(x), Expr::Constant(y)) => constant_rank(*x).cmp(&constant_rank(*y)),
            _ => Ordering::Equal,
        })
        .then_with(|| base_b.has_symbols().cmp(&base_a.has_symbols()))
        .then_with(|| base_a.cmp(base_b))
        .then_with(|| a.cmp(b))
}

fn constant_rank(constant: Constant) -> u8 {
    match constant {
        Constant::Pi => 0,
        Constant::E => 1,
        Constant::EulerGamma => 2,
    }
}

/// Rank of the non-polynomial terms of a sum: constants, numeric radicals, functions, the rest.
fn other_rank(rest: &Expr) -> u8 {
    match factors(rest).iter().map(factor_rank).min().unwrap_or(0) {
        2 => 0,
        1 => 1,
        4 => 2,
        _ => 3,
    }
}

/// Order of two terms of a sum, by the terms without their rational coefficients (within a canonical sum
/// those are all different, so this is a total order there).
pub fn compare_terms(a: &Expr, b: &Expr) -> Ordering {
    let (_, rest_a) = split_coefficient(a);
    let (_, rest_b) = split_coefficient(b);
    compare_rests(&rest_a, &rest_b).then_with(|| a.cmp(b))
}

/// Order of two terms given without their coefficients.
pub fn compare_rests(a: &Expr, b: &Expr) -> Ordering {
    let category = term_category(a);
    category.cmp(&term_category(b)).then_with(|| {
        match category {
            0 => compare_monomials(a, b),
            1 => b
                .has_symbols()
                .cmp(&a.has_symbols())
                .then_with(|| other_rank(a).cmp(&other_rank(b))),
            _ => Ordering::Equal,
        }
        .then_with(|| a.cmp(b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sym::{log, pi, Domain};

    fn sorted(mut terms: Vec<Expr>) -> Vec<Expr> {
        terms.sort_by(compare_terms);
        terms
    }

    #[test]
    fn symbols_then_functions_then_the_rational() {
        let m = Expr::symbol("m", Domain::Real);
        let v = Expr::symbol("v", Domain::Positive);
        let terms = vec![Expr::int(-1), log(v.clone()), v.clone(), m.clone().powi(2)];
        assert_eq!(
            sorted(terms),
            vec![m.powi(2), v.clone(), log(v), Expr::int(-1)]
        );
    }

    #[test]
    fn higher_powers_first() {
        let x = Expr::symbol("x", Domain::Real);
        let terms = vec![x.clone(), Expr::Mul(vec![Expr::int(3), x.clone().powi(2)])];
        assert_eq!(sorted(terms)[0], Expr::Mul(vec![Expr::int(3), x.powi(2)]));
    }

    #[test]
    fn logs_of_symbols_before_logs_of_numbers() {
        let v = Expr::symbol("v", Domain::Positive);
        let terms = vec![log(Expr::int(3)), log(v.clone())];
        assert_eq!(sorted(terms)[0], log(v));
    }

    #[test]
    fn constants_before_symbols_in_products() {
        let x = Expr::symbol("x", Domain::Real);
        let mut factors = [log(x.clone()), x.clone(), pi()];
        factors.sort_by(compare_factors);
        assert_eq!(factors, [pi(), x.clone(), log(x)]);
    }
}
