//! Canonical products: flattening, the rational coefficient, powers of equal bases merged where valid,
//! exponentials merged, numeric radicals with equal exponents merged, proportional sums cancelled, and a
//! rational distributed over a lone sum.

use std::collections::BTreeMap;

use num_traits::{One, Signed, Zero};

use super::arith::times;
use super::order::{compare_factors, split_owned, split_ref};
use super::sign::signs;
use super::{add, logarithm, power};
use crate::exact::{checked_power, Rational};
use crate::sym::{Expr, Function};

/// Rounds of merging at most: each round that changes something shrinks the product or leaves only merged
/// pieces, so a few rounds reach the fixed point.
const MAX_ROUNDS: usize = 6;

/// The product of canonical factors, in canonical form.
pub fn mul(factors: Vec<Expr>) -> Expr {
    let mut current = factors;
    for _ in 0..MAX_ROUNDS {
        let (coefficient, rest) = match fold(current) {
            Folded::Done(expr) => return expr,
            Folded::Product(coefficient, rest) => (coefficient, rest),
        };
        let (mut merged, changed) = merge(rest);
        if !changed {
            return build(coefficient, merged);
        }
        merged.push(Expr::Number(coefficient));
        current = merged;
    }
    let (coefficient, rest) = match fold(current) {
        Folded::Done(expr) => return expr,
        Folded::Product(coefficient, rest) => (coefficient, rest),
    };
    build(coefficient, rest)
}

enum Folded {
    Done(Expr),
    Product(Rational, Vec<Expr>),
}

/// Flattens nested products and multiplies the rationals together.
fn fold(factors: Vec<Expr>) -> Folded {
    let mut coefficient = Rational::one();
    let mut rest = Vec::with_capacity(factors.len());
    let flat = factors.into_iter().flat_map(|factor| match factor {
        Expr::Mul(inner) => inner,
        other => vec![other],
    });
    for factor in flat {
        match factor {
            Expr::Number(value) => coefficient = times(&coefficient, &value),
            other => rest.push(other),
        }
    }
    if coefficient.is_zero() {
        if rest.contains(&Expr::Infinity) {
            // 0·∞ is undefined: keep it for the evaluator to report.
            return Folded::Done(Expr::Mul(vec![Expr::int(0), Expr::Infinity]));
        }
        return Folded::Done(Expr::int(0));
    }
    Folded::Product(coefficient, rest)
}

/// A factor as base and exponent (`x` is `x^1`), borrowed.
fn power_parts(factor: &Expr) -> (&Expr, Option<&Expr>) {
    match factor {
        Expr::Pow(base, exponent) => (base, Some(exponent)),
        other => (other, None),
    }
}

/// A factor as base and exponent, taken apart without copying.
fn into_power(factor: Expr) -> (Expr, Expr) {
    match factor {
        Expr::Pow(base, exponent) => (*base, *exponent),
        other => (other, Expr::int(1)),
    }
}

fn is_integer(expr: &Expr) -> bool {
    matches!(expr, Expr::Number(value) if value.is_integer())
}

fn is_positive_rational(expr: &Expr) -> bool {
    matches!(expr, Expr::Number(value) if value.is_positive())
}

/// Whether `x^a · x^b = x^(a+b)` holds for every value of x where the left side is defined.
fn can_merge(base_positive: bool, base_non_negative: bool, a: &Expr, b: &Expr) -> bool {
    base_positive
        || (is_integer(a) && is_integer(b))
        || (base_non_negative && is_positive_rational(a) && is_positive_rational(b))
}

/// One round of merging over the non-rational factors: the new factors, and whether anything merged (if
/// not, the product is canonical up to ordering).
fn merge(factors: Vec<Expr>) -> (Vec<Expr>, bool) {
    let mut changed = false;
    let mut result = Vec::with_capacity(factors.len());
    let mut exponentials = Vec::new();
    let mut others = Vec::with_capacity(factors.len());
    for factor in factors {
        match factor {
            Expr::Apply(Function::Exp, mut arguments) if arguments.len() == 1 => {
                exponentials.extend(arguments.pop());
            }
            other => others.push(other),
        }
    }
    match exponentials.len() {
        0 => {}
        1 => result.push(Expr::Apply(Function::Exp, exponentials)),
        _ => {
            changed = true;
            result.push(logarithm::exp_of(add(exponentials)));
        }
    }
    // Group by base through borrowed keys, then move the factors out: nothing deep is copied.
    let groups: Vec<Vec<usize>> = {
        let mut by_base: BTreeMap<&Expr, Vec<usize>> = BTreeMap::new();
        for (index, factor) in others.iter().enumerate() {
            by_base
                .entry(power_parts(factor).0)
                .or_default()
                .push(index);
        }
        by_base.into_values().collect()
    };
    let mut slots: Vec<Option<Expr>> = others.into_iter().map(Some).collect();
    for group in groups {
        let mut taken: Vec<Expr> = group
            .iter()
            .filter_map(|&index| slots[index].take())
            .collect();
        if taken.len() == 1 {
            result.append(&mut taken);
            continue;
        }
        let mut base = None;
        let mut exponents = Vec::with_capacity(taken.len());
        for factor in taken {
            let (factor_base, exponent) = into_power(factor);
            base.get_or_insert(factor_base);
            exponents.push(exponent);
        }
        let Some(base) = base else { continue };
        let (merged, merged_any) = merge_exponents(&base, exponents);
        changed |= merged_any;
        result.extend(merged.into_iter().map(|(exponent, count)| {
            let single = power(base.clone(), exponent);
            if count == 1 {
                single
            } else {
                power(single, Expr::Number(Rational::from_integer(count.into())))
            }
        }));
    }
    changed |= merge_radicals(&mut result);
    changed |= cancel_proportional_sums(&mut result);
    (result, changed)
}

/// The exponents of one base, merged where valid, with how many times each remaining one occurs:
/// x^a·x^a = (x^a)² holds even where x^(2a) ≠ (x^a)².
fn merge_exponents(base: &Expr, exponents: Vec<Expr>) -> (Vec<(Expr, u64)>, bool) {
    let base_signs = signs(base);
    let (positive, non_negative) = (base_signs.is_positive(), base_signs.is_non_negative());
    let mut changed = false;
    let mut merged: Vec<(Expr, u64)> = Vec::new();
    for exponent in exponents {
        if let Some(slot) = merged.iter_mut().find(|(existing, count)| {
            *count == 1 && can_merge(positive, non_negative, existing, &exponent)
        }) {
            changed = true;
            let existing = std::mem::replace(&mut slot.0, Expr::int(0));
            slot.0 = add(vec![existing, exponent]);
        } else if let Some(slot) = merged
            .iter_mut()
            .find(|(existing, _)| *existing == exponent)
        {
            changed = true;
            slot.1 += 1;
        } else {
            merged.push((exponent, 1));
        }
    }
    (merged, changed)
}

/// Merges numeric radicals with the same exponent: `sqrt(2)·sqrt(6) = sqrt(12) = 2·sqrt(3)`.
fn merge_radicals(factors: &mut Vec<Expr>) -> bool {
    let mut by_exponent: BTreeMap<Rational, Vec<usize>> = BTreeMap::new();
    for (index, factor) in factors.iter().enumerate() {
        if let Expr::Pow(base, exponent) = factor {
            if let (Expr::Number(radicand), Expr::Number(exponent)) = (&**base, &**exponent) {
                if radicand.is_positive() && !exponent.is_integer() {
                    by_exponent.entry(exponent.clone()).or_default().push(index);
                }
            }
        }
    }
    let mut merged_any = false;
    let mut removed = vec![false; factors.len()];
    let mut additions = Vec::new();
    for (exponent, indices) in by_exponent {
        if indices.len() < 2 {
            continue;
        }
        let mut radicand = Rational::one();
        for &index in &indices {
            if let Expr::Pow(base, _) = &factors[index] {
                if let Expr::Number(value) = &**base {
                    radicand = times(&radicand, value);
                }
            }
            removed[index] = true;
        }
        merged_any = true;
        additions.push(power(Expr::Number(radicand), Expr::Number(exponent)));
    }
    if merged_any {
        let mut index = 0;
        factors.retain(|_| {
            let keep = !removed[index];
            index += 1;
            keep
        });
        factors.extend(additions);
    }
    merged_any
}

/// The terms of a sum as (rest, coefficient relative to the first term).
type Shape<'a> = Vec<(&'a [Expr], Rational)>;

/// A sum divided by the coefficient of its first term: two sums are proportional exactly when these agree.
/// Returns the first coefficient too.
fn normalised_sum(terms: &[Expr]) -> Option<(Shape<'_>, Rational)> {
    let one = Rational::one();
    let (first, _) = split_ref(terms.first()?);
    let first = first.unwrap_or(&one).clone();
    if first.is_zero() {
        // Never in a canonical sum; no shape rather than a division by zero.
        return None;
    }
    let inverse = first.recip();
    let key = terms
        .iter()
        .map(|term| {
            let (coefficient, rest) = split_ref(term);
            (rest, times(coefficient.unwrap_or(&one), &inverse))
        })
        .collect();
    Some((key, first))
}

/// Rewrites `A^a` as `k^a·B^a` when `A = k·B` for another sum B of the product, so that they merge:
/// `(2·log(2) + 2·log(3))/(log(2) + log(3)) = 2`.
fn cancel_proportional_sums(factors: &mut [Expr]) -> bool {
    // Each rewrite: the factor to rewrite, the factor whose sum it is a multiple of, and the multiple.
    let mut rewrites: Vec<(usize, usize, Rational)> = Vec::new();
    {
        let mut groups: BTreeMap<Shape<'_>, (usize, Rational)> = BTreeMap::new();
        for (index, factor) in factors.iter().enumerate() {
            let (Expr::Add(terms), exponent) = power_parts(factor) else {
                continue;
            };
            if !matches!(exponent, None | Some(Expr::Number(_))) {
                continue;
            }
            let Some((key, first)) = normalised_sum(terms) else {
                continue;
            };
            match groups.get(&key) {
                Some((representative, representative_first)) => rewrites.push((
                    index,
                    *representative,
                    times(&first, &representative_first.recip()),
                )),
                None => {
                    groups.insert(key, (index, first));
                }
            }
        }
    }
    let mut changed = false;
    for (index, representative, multiple) in rewrites {
        let one = Expr::int(1);
        let exponent = power_parts(&factors[index]).1.unwrap_or(&one).clone();
        let Expr::Number(n) = &exponent else { continue };
        let scale = if n.is_integer() {
            match checked_power(&multiple, n.numer()) {
                Some(value) => Expr::Number(value),
                None => continue,
            }
        } else if multiple.is_positive() {
            power(Expr::Number(multiple), exponent.clone())
        } else {
            continue;
        };
        let sum = power_parts(&factors[representative]).0.clone();
        factors[index] = Expr::Mul(vec![scale, power(sum, exponent)]);
        changed = true;
    }
    changed
}

/// The canonical product of a coefficient and merged factors.
fn build(coefficient: Rational, factors: Vec<Expr>) -> Expr {
    if factors.contains(&Expr::Infinity) {
        let others_positive = factors
            .iter()
            .filter(|f| **f != Expr::Infinity)
            .all(|f| signs(f).is_positive());
        if others_positive {
            // c·∞ is ±∞ for a rational c ≠ 0 (c = 0 never reaches here).
            let sign = if coefficient.is_negative() {
                -Rational::one()
            } else {
                Rational::one()
            };
            return build_sorted(sign, vec![Expr::Infinity]);
        }
    }
    build_sorted(coefficient, factors)
}

fn build_sorted(coefficient: Rational, mut factors: Vec<Expr>) -> Expr {
    factors.sort_by(compare_factors);
    if factors.len() == 1 && matches!(factors[0], Expr::Add(_)) && !coefficient.is_one() {
        if let Some(Expr::Add(terms)) = factors.pop() {
            // A rational distributes over a sum: the terms keep their order, which ignores coefficients.
            return Expr::Add(
                terms
                    .into_iter()
                    .map(|term| {
                        let (inner, rest) = split_owned(term);
                        super::with_coefficient(times(&coefficient, &inner), rest)
                    })
                    .collect(),
            );
        }
    }
    if factors.is_empty() {
        return Expr::Number(coefficient);
    }
    if coefficient.is_one() && factors.len() == 1 {
        return factors.pop().unwrap_or_else(|| Expr::int(1));
    }
    let mut all = Vec::with_capacity(factors.len() + 1);
    if !coefficient.is_one() {
        all.push(Expr::Number(coefficient));
    }
    all.extend(factors);
    Expr::Mul(all)
}
