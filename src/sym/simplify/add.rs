//! Canonical sums: flattening, collecting like terms, ordering, and distributing a monomial over a sum when
//! that makes terms cancel.

use std::collections::BTreeMap;

use num_traits::{Signed, Zero};

use super::order::{compare_terms, split_coefficient};
use super::{mul, with_coefficient};
use crate::exact::Rational;
use crate::sym::Expr;

/// The sum of canonical terms, in canonical form.
pub fn add(terms: Vec<Expr>) -> Expr {
    let collected = collect(terms);
    match distribute_if_smaller(&collected) {
        Some(smaller) => smaller,
        None => collected,
    }
}

/// Flattens nested sums, folds the rationals and adds the coefficients of equal terms.
fn collect(terms: Vec<Expr>) -> Expr {
    let mut constant = Rational::zero();
    let mut coefficients: BTreeMap<Expr, Rational> = BTreeMap::new();
    let (mut plus_infinity, mut minus_infinity) = (false, false);
    let flat = terms.into_iter().flat_map(|term| match term {
        Expr::Add(inner) => inner,
        other => vec![other],
    });
    for term in flat {
        if let Expr::Number(value) = &term {
            constant += value;
            continue;
        }
        let (coefficient, rest) = split_coefficient(&term);
        if rest == Expr::Infinity {
            plus_infinity |= coefficient.is_positive();
            minus_infinity |= coefficient.is_negative();
            continue;
        }
        *coefficients.entry(rest).or_insert_with(Rational::zero) += coefficient;
    }
    // Every other term is finite where the sum is defined.
    match (plus_infinity, minus_infinity) {
        (true, false) => return Expr::Infinity,
        (false, true) => return Expr::Mul(vec![Expr::int(-1), Expr::Infinity]),
        _ => {}
    }
    let mut result: Vec<Expr> = coefficients
        .into_iter()
        .filter(|(_, coefficient)| !coefficient.is_zero())
        .map(|(rest, coefficient)| with_coefficient(coefficient, rest))
        .collect();
    if plus_infinity {
        // ∞ − ∞ is undefined: keep both so that the evaluator reports it.
        result.push(Expr::Infinity);
        result.push(Expr::Mul(vec![Expr::int(-1), Expr::Infinity]));
    }
    result.sort_by(compare_terms);
    if !constant.is_zero() {
        result.push(Expr::Number(constant));
    }
    match result.len() {
        0 => Expr::int(0),
        1 => result.pop().unwrap_or_else(|| Expr::int(0)),
        _ => Expr::Add(result),
    }
}

/// For a term `m·(a + b + …)` (a product with exactly one sum factor), the expanded terms `m·a + m·b + …`.
fn expand(term: &Expr) -> Option<Vec<Expr>> {
    let Expr::Mul(factors) = term else {
        return None;
    };
    let mut sums = factors
        .iter()
        .enumerate()
        .filter(|(_, factor)| matches!(factor, Expr::Add(_)));
    let (position, Expr::Add(inner)) = sums.next()? else {
        return None;
    };
    if sums.next().is_some() {
        return None;
    }
    let others: Vec<Expr> = factors
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != position)
        .map(|(_, f)| f.clone())
        .collect();
    Some(
        inner
            .iter()
            .map(|item| {
                let mut product = others.clone();
                product.push(item.clone());
                mul(product)
            })
            .collect(),
    )
}

/// Distributes the monomials over the sums in the terms of `sum` when the collected result is smaller: this
/// is how `(v + d²)/(2v) − 1/2` becomes `d²/(2v)`. Sums stay factored otherwise, so nothing blows up.
fn distribute_if_smaller(sum: &Expr) -> Option<Expr> {
    let Expr::Add(terms) = sum else { return None };
    let mut changed = false;
    let mut expanded = Vec::with_capacity(terms.len());
    for term in terms {
        match expand(term) {
            Some(parts) => {
                changed = true;
                expanded.extend(parts);
            }
            None => expanded.push(term.clone()),
        }
    }
    if !changed {
        return None;
    }
    let candidate = collect(expanded);
    (candidate.size() < sum.size()).then_some(candidate)
}
