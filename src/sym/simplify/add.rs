//! Canonical sums: flattening, collecting like terms, ordering, and distributing a monomial over a sum when
//! that makes terms cancel.

/// Largest sum (in nodes) distributed over, and largest monomial distributed, when trying for cancellations:
/// the trial copies them, so they stay small.
const MAX_DISTRIBUTED_SIZE: usize = 200;

/// Nodes of a term without its rational coefficient: the measure compared when distributing. Leaving the
/// coefficient out makes the decision the same for `m·(a + b)` and `c·m·(a + b)`, so a rational that is
/// distributed over a sum later cannot change it (which keeps the simplifier idempotent).
fn weight(term: &Expr) -> usize {
    match split_ref(term).1 {
        [] => 1,
        [single] => single.size(),
        factors => 1 + factors.iter().map(Expr::size).sum::<usize>(),
    }
}

/// Number of nodes of `expr`, counting no further than `cap`.
fn size_up_to(expr: &Expr, cap: usize) -> usize {
    let mut count = 1;
    let children: &[Expr] = match expr {
        Expr::Add(items) | Expr::Mul(items) | Expr::Apply(_, items) => items,
        Expr::Pow(base, exponent) => {
            count += size_up_to(base, cap);
            if count <= cap {
                count += size_up_to(exponent, cap);
            }
            return count;
        }
        _ => return count,
    };
    for child in children {
        if count > cap {
            break;
        }
        count += size_up_to(child, cap - count.min(cap));
    }
    count
}

use std::collections::BTreeMap;

use num_traits::{Signed, Zero};

use super::arith::plus;
use super::order::{compare_terms, split_owned, split_ref};
use super::{mul, with_coefficient};
use crate::exact::Rational;
use crate::sym::Expr;

/// The sum of canonical terms, in canonical form.
pub fn add(terms: Vec<Expr>) -> Expr {
    match collect(terms) {
        Expr::Add(terms) => distribute_if_smaller(terms),
        other => other,
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
            constant = plus(&constant, value);
            continue;
        }
        let (coefficient, rest) = split_owned(term);
        if rest == Expr::Infinity {
            plus_infinity |= coefficient.is_positive();
            minus_infinity |= coefficient.is_negative();
            continue;
        }
        let entry = coefficients.entry(rest).or_insert_with(Rational::zero);
        *entry = plus(entry, &coefficient);
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

/// For a term `m·(a + b + …)` (a product with exactly one sum factor, both small), the expanded terms
/// `m·a + m·b + …`.
fn expand(term: &Expr) -> Option<Vec<Expr>> {
    let Expr::Mul(factors) = term else {
        return None;
    };
    let mut sums = factors
        .iter()
        .enumerate()
        .filter(|(_, factor)| matches!(factor, Expr::Add(_)));
    let (position, sum) = sums.next()?;
    let Expr::Add(inner) = sum else { return None };
    if sums.next().is_some() || size_up_to(sum, MAX_DISTRIBUTED_SIZE) > MAX_DISTRIBUTED_SIZE {
        return None;
    }
    let others: Vec<&Expr> = factors
        .iter()
        .enumerate()
        .filter(|(index, _)| *index != position)
        .map(|(_, f)| f)
        .collect();
    let others_size: usize = others
        .iter()
        .map(|f| size_up_to(f, MAX_DISTRIBUTED_SIZE))
        .sum();
    if others_size > MAX_DISTRIBUTED_SIZE {
        return None;
    }
    Some(
        inner
            .iter()
            .map(|item| {
                let mut product: Vec<Expr> = others.iter().map(|f| (*f).clone()).collect();
                product.push(item.clone());
                mul(product)
            })
            .collect(),
    )
}

/// Distributes the monomials over the sums in the terms of a collected sum when that makes the sum smaller:
/// this is how `(v + d²)/(2v) − 1/2` becomes `d²/(2v)`. Sums stay factored otherwise, so nothing blows up.
///
/// Only the expanded parts and the terms they can merge with (same rest) are compared; the other terms,
/// which may be deep, are moved, never copied.
fn distribute_if_smaller(terms: Vec<Expr>) -> Expr {
    let expansions: Vec<Option<Vec<Expr>>> = terms.iter().map(expand).collect();
    if expansions.iter().all(Option::is_none) {
        return Expr::Add(terms);
    }
    let kept_rests: BTreeMap<&[Expr], usize> = terms
        .iter()
        .zip(&expansions)
        .enumerate()
        .filter(|(_, (_, expansion))| expansion.is_none())
        .map(|(index, (term, _))| (split_ref(term).1, index))
        .collect();
    let mut affected = vec![false; terms.len()];
    let mut local_before = 0;
    let mut local_terms = Vec::new();
    for (index, expansion) in expansions.iter().enumerate() {
        let Some(parts) = expansion else { continue };
        local_before += weight(&terms[index]);
        for part in parts {
            if let Some(&kept) = kept_rests.get(split_ref(part).1) {
                if !affected[kept] {
                    affected[kept] = true;
                    local_before += weight(&terms[kept]);
                    local_terms.push(terms[kept].clone());
                }
            }
        }
    }
    drop(kept_rests);
    local_terms.extend(expansions.iter().flatten().flatten().cloned());
    let local = collect(local_terms);
    let local_after = match &local {
        Expr::Add(items) => items.iter().map(weight).sum(),
        other if other.is_zero() => 0,
        other => weight(other),
    };
    if local_after >= local_before {
        return Expr::Add(terms);
    }
    let mut result: Vec<Expr> = terms
        .into_iter()
        .zip(expansions)
        .enumerate()
        .filter(|(index, (_, expansion))| expansion.is_none() && !affected[*index])
        .map(|(_, (term, _))| term)
        .collect();
    result.push(local);
    collect(result)
}
