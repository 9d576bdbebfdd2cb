//! The canonical order of terms in a sum and of factors in a product, shared by the simplifier (which sorts)
//! and the printers (which print in this order).
//!
//! A sum reads like a polynomial in its symbols, then the other terms, then the rational constant:
//! `m^2 + v - log(v) - 1`. A product puts numeric radicals, constants and symbols before functions and sums:
//! `2*sqrt(2)*pi*x*log(x)`.
//!
//! The comparisons look at terms through borrowed views and inspect only a bounded depth, so that sorting
//! stays cheap on deep expressions.

use std::cmp::Ordering;

use crate::exact::Rational;
use crate::sym::{Constant, Expr};

/// How deep the ordering looks for symbols; deeper ones do not change a term's rank (the order stays total,
/// the structural comparison decides).
const SYMBOL_SEARCH_DEPTH: usize = 12;

/// Splits a term into its rational coefficient and the rest (`1` for a plain rational).
pub fn split_coefficient(term: &Expr) -> (Rational, Expr) {
    let (coefficient, rest) = split_ref(term);
    let coefficient = coefficient
        .cloned()
        .unwrap_or_else(|| crate::exact::integer(1));
    let rest = match rest {
        [] => Expr::int(1),
        [single] => single.clone(),
        many => Expr::Mul(many.to_vec()),
    };
    (coefficient, rest)
}

/// Splits an owned term into its rational coefficient and the rest without copying the rest.
pub fn split_owned(term: Expr) -> (Rational, Expr) {
    match term {
        Expr::Number(value) => (value, Expr::int(1)),
        Expr::Mul(mut factors) if matches!(factors.first(), Some(Expr::Number(_))) => {
            let coefficient = match factors.remove(0) {
                Expr::Number(value) => value,
                _ => crate::exact::integer(1),
            };
            let rest = if factors.len() == 1 {
                factors.pop().unwrap_or_else(|| Expr::int(1))
            } else {
                Expr::Mul(factors)
            };
            (coefficient, rest)
        }
        other => (crate::exact::integer(1), other),
    }
}

/// A borrowed view of a term: its coefficient (`None` for 1) and the factors of the rest (empty for a
/// rational). `x` and `2*x` have the same rest `[x]`.
pub fn split_ref(term: &Expr) -> (Option<&Rational>, &[Expr]) {
    match term {
        Expr::Number(value) => (Some(value), &[]),
        Expr::Mul(factors) => match factors.split_first() {
            Some((Expr::Number(value), rest)) => (Some(value), rest),
            _ => (None, factors),
        },
        other => (None, std::slice::from_ref(other)),
    }
}

/// Whether a symbol occurs within the first levels of `expr`.
fn mentions_symbols(expr: &Expr, depth: usize) -> bool {
    match expr {
        Expr::Symbol(_) => true,
        _ if depth == 0 => false,
        Expr::Add(items) | Expr::Mul(items) | Expr::Apply(_, items) => {
            items.iter().any(|item| mentions_symbols(item, depth - 1))
        }
        Expr::Pow(base, exponent) => {
            mentions_symbols(base, depth - 1) || mentions_symbols(exponent, depth - 1)
        }
        _ => false,
    }
}

fn slice_mentions_symbols(items: &[Expr]) -> bool {
    items
        .iter()
        .any(|item| mentions_symbols(item, SYMBOL_SEARCH_DEPTH))
}

/// The symbols of a monomial with their rational exponents (a symbol alone has exponent 1), by name.
fn symbol_powers(rest: &[Expr]) -> Vec<(&str, Option<&Rational>)> {
    let mut found: Vec<(&str, Option<&Rational>)> = rest
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

fn term_category(rest: &[Expr]) -> u8 {
    if rest.is_empty() {
        2
    } else if rest.iter().any(|factor| match factor {
        Expr::Symbol(_) => true,
        Expr::Pow(base, exponent) => {
            matches!((&**base, &**exponent), (Expr::Symbol(_), Expr::Number(_)))
        }
        _ => false,
    }) {
        0
    } else {
        1
    }
}

fn exponent_value(exponent: Option<&Rational>) -> Rational {
    exponent
        .cloned()
        .unwrap_or_else(|| crate::exact::integer(1))
}

fn compare_monomials(a: &[Expr], b: &[Expr]) -> Ordering {
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
        .then_with(|| {
            mentions_symbols(base_b, SYMBOL_SEARCH_DEPTH)
                .cmp(&mentions_symbols(base_a, SYMBOL_SEARCH_DEPTH))
        })
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
fn other_rank(rest: &[Expr]) -> u8 {
    match rest.iter().map(factor_rank).min().unwrap_or(0) {
        2 => 0,
        1 => 1,
        4 => 2,
        _ => 3,
    }
}

/// Order of two terms of a sum, by the terms without their rational coefficients (within a canonical sum
/// those are all different, so this is a total order there).
pub fn compare_terms(a: &Expr, b: &Expr) -> Ordering {
    let (_, rest_a) = split_ref(a);
    let (_, rest_b) = split_ref(b);
    compare_rests(rest_a, rest_b).then_with(|| a.cmp(b))
}

/// Order of two terms given as the factors of their rests.
fn compare_rests(a: &[Expr], b: &[Expr]) -> Ordering {
    let category = term_category(a);
    category.cmp(&term_category(b)).then_with(|| {
        match category {
            0 => compare_monomials(a, b),
            1 => slice_mentions_symbols(b)
                .cmp(&slice_mentions_symbols(a))
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
