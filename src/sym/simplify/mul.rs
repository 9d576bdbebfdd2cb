//! Canonical products: flattening, the rational coefficient, powers of equal bases merged where valid,
//! exponentials merged, numeric radicals with equal exponents merged, proportional sums cancelled, and a
//! rational distributed over a lone sum.

use std::collections::BTreeMap;

use num_traits::{One, Signed, Zero};

use super::order::{compare_factors, split_coefficient};
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
        match merge(&rest) {
            Some(mut merged) => {
                merged.push(Expr::Number(coefficient));
                current = merged;
            }
            None => return build(coefficient, rest),
        }
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
            Expr::Number(value) => coefficient *= value,
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

/// A factor as base and exponent (`x` is `x^1`).
fn as_power(factor: &Expr) -> (Expr, Expr) {
    match factor {
        Expr::Pow(base, exponent) => ((**base).clone(), (**exponent).clone()),
        other => (other.clone(), Expr::int(1)),
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

/// One round of merging over the non-rational factors: `None` when nothing merges (the product is
/// canonical up to ordering), otherwise the new factors.
fn merge(factors: &[Expr]) -> Option<Vec<Expr>> {
    let mut changed = false;
    let mut result = Vec::with_capacity(factors.len());
    let mut exponentials = Vec::new();
    let mut by_base: BTreeMap<Expr, Vec<(Expr, &Expr)>> = BTreeMap::new();
    for factor in factors {
        match factor {
            Expr::Apply(Function::Exp, arguments) if arguments.len() == 1 => {
                exponentials.push(arguments[0].clone())
            }
            _ => {
                let (base, exponent) = as_power(factor);
                by_base.entry(base).or_default().push((exponent, factor));
            }
        }
    }
    match exponentials.len() {
        0 => {}
        1 => result.push(Expr::Apply(Function::Exp, exponentials)),
        _ => {
            changed = true;
            result.push(logarithm::exp_of(&add(exponentials)));
        }
    }
    for (base, exponents) in by_base {
        if exponents.len() == 1 {
            result.extend(exponents.into_iter().map(|(_, factor)| factor.clone()));
            continue;
        }
        let base_signs = signs(&base);
        // Exponents with how many times each occurs: x^a·x^a = (x^a)² holds even where x^(2a) ≠ (x^a)².
        let mut merged: Vec<(Expr, u64)> = Vec::new();
        for (exponent, _) in exponents {
            let positive = base_signs.is_positive();
            let non_negative = base_signs.is_non_negative();
            if let Some(slot) = merged.iter_mut().find(|(existing, count)| {
                *count == 1 && can_merge(positive, non_negative, existing, &exponent)
            }) {
                changed = true;
                slot.0 = add(vec![slot.0.clone(), exponent]);
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
    changed.then_some(result)
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
                    radicand *= value;
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

/// The rational k with `a = k·b`, for two sums with the same terms up to one common factor.
pub(super) fn proportion(a: &Expr, b: &Expr) -> Option<Rational> {
    let (Expr::Add(left), Expr::Add(right)) = (a, b) else {
        return None;
    };
    if left.len() != right.len() {
        return None;
    }
    let mut ratio: Option<Rational> = None;
    for (x, y) in left.iter().zip(right) {
        let (cx, rx) = split_coefficient(x);
        let (cy, ry) = split_coefficient(y);
        if rx != ry {
            return None;
        }
        let this = cx / cy;
        match &ratio {
            Some(existing) if *existing != this => return None,
            Some(_) => {}
            None => ratio = Some(this),
        }
    }
    ratio
}

/// Rewrites `A^a` as `k^a·B^a` when `A = k·B` for another sum B of the product, so that they merge:
/// `(2·log(2) + 2·log(3))/(log(2) + log(3)) = 2`.
fn cancel_proportional_sums(factors: &mut [Expr]) -> bool {
    let sums: Vec<usize> = factors
        .iter()
        .enumerate()
        .filter(|(_, factor)| matches!(as_power(factor), (Expr::Add(_), Expr::Number(_))))
        .map(|(index, _)| index)
        .collect();
    for &i in &sums {
        for &j in &sums {
            if i == j {
                continue;
            }
            let (a, exponent) = as_power(&factors[i]);
            let (b, _) = as_power(&factors[j]);
            let Some(k) = proportion(&a, &b) else {
                continue;
            };
            let Expr::Number(n) = &exponent else { continue };
            if !(n.is_integer() || k.is_positive()) {
                continue;
            }
            let scale = if n.is_integer() {
                match checked_power(&k, n.numer()) {
                    Some(value) => Expr::Number(value),
                    None => continue,
                }
            } else {
                power(Expr::Number(k), exponent.clone())
            };
            factors[i] = Expr::Mul(vec![scale, power(b, exponent)]);
            return true;
        }
    }
    false
}

/// The canonical product of a coefficient and merged factors.
fn build(coefficient: Rational, mut factors: Vec<Expr>) -> Expr {
    if factors.contains(&Expr::Infinity) && factors.len() > 1 {
        let others_positive = factors
            .iter()
            .filter(|f| **f != Expr::Infinity)
            .all(|f| signs(f).is_positive());
        if others_positive {
            factors = vec![Expr::Infinity];
        }
    }
    factors.sort_by(compare_factors);
    if let [Expr::Add(terms)] = factors.as_slice() {
        if !coefficient.is_one() {
            // A rational distributes over a sum: the terms keep their order, which ignores coefficients.
            return Expr::Add(
                terms
                    .iter()
                    .map(|term| {
                        let (inner, rest) = split_coefficient(term);
                        super::with_coefficient(&coefficient * inner, rest)
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
