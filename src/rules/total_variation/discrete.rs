//! Total variation between two members of one discrete family on {0, 1, …}: the log-ratio is linear in k,
//! so p > q on one side of a single crossing k*, found exactly among the integers, and TV is a difference of
//! distribution functions at ⌊k*⌋, finite sums.

use std::cmp::Ordering;

use crate::rules::common::log_ratio;
use crate::rules::{Query, RuleResult, Verdict};
use crate::sym::{exp, sum, Expr};

use super::decide;

/// The largest number of terms a distribution function is summed over: beyond it the exact rationals run to
/// thousands of digits, and the numeric methods serve better.
const MAX_TERMS: i64 = 1_000;

/// How far the crossing is searched for.
const MAX_SEARCH: i64 = 1 << 40;

fn too_many(limit: i64) -> Verdict {
    Verdict::NotApplicable(format!(
        "the crossing lies beyond {limit}: too many terms for an exact sum"
    ))
}

/// The smallest integer n ≥ 0 with n ≥ x, for x > 0 (exact: bisection with decided comparisons).
fn ceiling(x: &Expr) -> Result<i64, Verdict> {
    let at_least = |n: i64| -> Result<bool, Verdict> {
        Ok(decide(&Expr::int(n), x, "the crossing and an integer")? != Ordering::Less)
    };
    let mut high = 1;
    while !at_least(high)? {
        high *= 2;
        if high > MAX_SEARCH {
            return Err(too_many(MAX_SEARCH));
        }
    }
    let mut low = 0;
    // at_least(high) holds; find the least such value in (low, high].
    while high - low > 1 {
        let middle = (low + high) / 2;
        if at_least(middle)? {
            high = middle;
        } else {
            low = middle;
        }
    }
    Ok(if at_least(low)? { low } else { high })
}

fn scalars(query: &Query<'_>) -> (Vec<Expr>, Vec<Expr>) {
    let all = |family: &crate::family::Family| {
        (0..family.params.len())
            .map(|index| family.scalar(index).clone())
            .collect()
    };
    (all(query.p), all(query.q()))
}

/// The larger and the smaller of two parameters (`None` when equal).
fn sorted(a: &Expr, b: &Expr, what: &str) -> Result<Option<(Expr, Expr)>, Verdict> {
    Ok(match decide(a, b, what)? {
        Ordering::Equal => None,
        Ordering::Greater => Some((a.clone(), b.clone())),
        Ordering::Less => Some((b.clone(), a.clone())),
    })
}

/// TV(Poisson(λ₁) ‖ Poisson(λ₂)).
///
/// # Formula
///
/// ```text
/// λ> > λ<,  m = ⌊(λ> − λ<)/log(λ>/λ<)⌋
/// TV = e^(−λ<) Σ_{k≤m} λ<^k/k! − e^(−λ>) Σ_{k≤m} λ>^k/k!
/// ```
pub(super) fn poisson(query: &Query<'_>) -> RuleResult {
    let (p, q) = scalars(query);
    let Some((high, low)) = sorted(&p[0], &q[0], "the rates")? else {
        return Ok(Expr::int(0));
    };
    if low.is_zero() {
        // Poisson(0) is a point mass at 0: TV = 1 − P_high(0).
        return Ok(1 - exp(-high));
    }
    // p_high(k) > p_low(k) exactly when k > k*.
    let crossing = (high.clone() - low.clone()) / log_ratio(&high, &low);
    let below = ceiling(&crossing)?;
    // The integers ≤ ⌊k*⌋ are 0 … below − 1, or … below when k* is itself an integer (a tie contributes 0).
    let last = below - 1;
    if last < 0 {
        return Ok(Expr::int(0));
    }
    if last > MAX_TERMS {
        return Err(too_many(MAX_TERMS));
    }
    let cdf = |rate: &Expr| {
        let mut term = Expr::int(1);
        let mut terms = vec![term.clone()];
        for k in 1..=last {
            term = term * rate.clone() / Expr::int(k);
            terms.push(term.clone());
        }
        exp(-rate.clone()) * sum(terms)
    };
    Ok(cdf(&low) - cdf(&high))
}

/// TV between geometric or negative binomial distributions with the same r (r = 1: geometric).
///
/// # Formula
///
/// ```text
/// p> > p<,  n₀ = ⌈r log(p>/p<)/log((1 − p<)/(1 − p>))⌉,  TV = P>(K < n₀) − P<(K < n₀)
/// geometric: TV = (1 − p<)^n₀ − (1 − p>)^n₀
/// ```
fn failures(r: &Expr, p1: &Expr, p2: &Expr) -> RuleResult {
    let Some((high, low)) = sorted(p1, p2, "the success probabilities")? else {
        return Ok(Expr::int(0));
    };
    if (1 - high.clone()).is_zero() {
        // A point mass at 0 against a spread distribution: TV = 1 − P_low(0).
        return Ok(1 - low.pow(r.clone()));
    }
    // p_high(k) > p_low(k) exactly when k < k*.
    let crossing =
        r.clone() * log_ratio(&high, &low) / log_ratio(&(1 - low.clone()), &(1 - high.clone()));
    let count = ceiling(&crossing)?;
    if r.is_one() {
        return Ok((1 - low.clone()).powi(count) - (1 - high).powi(count));
    }
    if count > MAX_TERMS {
        return Err(too_many(MAX_TERMS));
    }
    // Σ_{k<n₀} C(k + r − 1, k) (p>^r (1 − p>)^k − p<^r (1 − p<)^k).
    let mut coefficient = Expr::int(1);
    let mut total_high = Vec::new();
    let mut total_low = Vec::new();
    for k in 0..count {
        if k > 0 {
            coefficient = coefficient * (r.clone() + Expr::int(k - 1)) / Expr::int(k);
        }
        total_high.push(coefficient.clone() * (1 - high.clone()).powi(k));
        total_low.push(coefficient.clone() * (1 - low.clone()).powi(k));
    }
    Ok(high.pow(r.clone()) * sum(total_high) - low.pow(r.clone()) * sum(total_low))
}

/// TV(Geom(p₁) ‖ Geom(p₂)).
pub(super) fn geometric(query: &Query<'_>) -> RuleResult {
    let (p, q) = scalars(query);
    failures(&Expr::int(1), &p[0], &q[0])
}

/// TV(NegBin(r, p₁) ‖ NegBin(r, p₂)); unequal r has no closed form here.
pub(super) fn negative_binomial(query: &Query<'_>) -> RuleResult {
    let (p, q) = scalars(query);
    if decide(&p[0], &q[0], "the numbers of successes")? != Ordering::Equal {
        return Err(Verdict::NotApplicable(
            "no closed total variation for negative binomials of different r".into(),
        ));
    }
    failures(&p[0], &p[1], &q[1])
}
