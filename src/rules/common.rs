//! Building blocks shared by the rule files: exact decisions, the Rényi order, and constructors that cancel
//! exactly when P = Q.
//!
//! The constructors here (`log_ratio`, `power_mix`, …) return an exact 0 or 1 where the value is exactly 0 or 1
//! for rational parameters (log 1, exp 0, x^α x^(1−α)), so that a divergence between equal distributions folds
//! to 0 without help from the simplifier, and a divergence between nearby ones keeps every term small.

use std::cmp::Ordering;

use crate::sym::{exp, lgamma, log, Expr};

use super::{Query, RuleResult, Verdict};

/// The order of a Rényi divergence, sorted by how the rules treat it.
pub(crate) enum Order {
    /// α = 0: −log Q(supp P).
    Zero,
    /// α = 1, which callers reduce to KL; a rule receiving it answers with its KL formula.
    One,
    /// α = ∞: log ess sup p/q.
    Infinity,
    /// Any other order, rational, constant or symbolic.
    Finite(Expr),
}

/// Sorts the order of a Rényi query. A negative order is not a Rényi divergence.
pub(crate) fn order_of(query: &Query<'_>) -> Result<Order, Verdict> {
    let alpha = query.order();
    if matches!(alpha, Expr::Infinity) {
        return Ok(Order::Infinity);
    }
    if alpha.is_zero() {
        return Ok(Order::Zero);
    }
    if alpha.is_one() {
        return Ok(Order::One);
    }
    if sign(alpha) == Some(Ordering::Less) {
        return Err(Verdict::NotApplicable(
            "the Rényi order must be >= 0".into(),
        ));
    }
    Ok(Order::Finite(alpha.clone()))
}

/// Whether P and Q are the same distribution as written (every divergence between them is 0).
pub(crate) fn identical(query: &Query<'_>) -> bool {
    query.q.is_some_and(|q| q == query.p)
}

/// The sign of `expr` when it can be decided exactly.
pub(crate) fn sign(expr: &Expr) -> Option<Ordering> {
    if let Some(value) = expr.as_rational() {
        return Some(value.cmp(&crate::exact::integer(0)));
    }
    super::sign_of(expr)
}

/// Whether `expr` is exactly zero, when decided.
pub(crate) fn is_zero(expr: &Expr) -> Option<bool> {
    sign(expr).map(|s| s == Ordering::Equal)
}

/// How `a` compares with `b`, when decided. Structurally equal expressions are equal.
pub(crate) fn compare(a: &Expr, b: &Expr) -> Option<Ordering> {
    if a == b {
        return Some(Ordering::Equal);
    }
    sign(&(a.clone() - b.clone()))
}

/// The sign of `expr`, or the verdict `Undecided` naming `what` is being decided.
pub(crate) fn decided_sign(expr: &Expr, what: &str) -> Result<Ordering, Verdict> {
    sign(expr).ok_or_else(|| undecided(what))
}

/// How `a` compares with `b`, or the verdict `Undecided` naming the comparison.
pub(crate) fn decided_compare(a: &Expr, b: &Expr, what: &str) -> Result<Ordering, Verdict> {
    compare(a, b).ok_or_else(|| undecided(what))
}

/// The verdict for a comparison that symbolic parameters leave open.
pub(crate) fn undecided(what: &str) -> Verdict {
    Verdict::Undecided(format!(
        "cannot decide whether {what} for symbolic parameters"
    ))
}

/// An infinite result with its reason.
pub(crate) fn infinite(reason: &str) -> RuleResult {
    Err(Verdict::Infinite(reason.to_string()))
}

/// log x, exactly 0 when x is exactly 1.
pub(crate) fn log_of(x: Expr) -> Expr {
    if x.is_one() {
        Expr::int(0)
    } else {
        log(x)
    }
}

/// exp x, exactly 1 when x is exactly 0.
pub(crate) fn exp_of(x: Expr) -> Expr {
    if x.is_zero() {
        Expr::int(1)
    } else {
        exp(x)
    }
}

/// log(a/b): one logarithm of a rational when both are rational (0 when a = b), log a − log b otherwise.
pub(crate) fn log_ratio(a: &Expr, b: &Expr) -> Expr {
    if a == b {
        return Expr::int(0);
    }
    match (a.as_rational(), b.as_rational()) {
        (Some(_), Some(_)) => log_of(a.clone() / b.clone()),
        _ => log_of(a.clone()) - log_of(b.clone()),
    }
}

/// Σ log(aᵢ/bᵢ) over the pairs: one logarithm of a rational when every entry is rational (so that equal
/// products cancel exactly), a sum of `log_ratio`s otherwise.
pub(crate) fn log_ratio_sum(pairs: &[(Expr, Expr)]) -> Expr {
    let rational = pairs
        .iter()
        .all(|(a, b)| a.as_rational().is_some() && b.as_rational().is_some());
    if rational {
        let numerator = crate::sym::product(pairs.iter().map(|(a, _)| a.clone()));
        let denominator = crate::sym::product(pairs.iter().map(|(_, b)| b.clone()));
        return log_ratio(&numerator, &denominator);
    }
    crate::sym::sum(pairs.iter().map(|(a, b)| log_ratio(a, b)))
}

/// log Γ(a) − log Γ(b), exactly 0 when a = b.
pub(crate) fn lgamma_difference(a: &Expr, b: &Expr) -> Expr {
    if a == b {
        Expr::int(0)
    } else {
        lgamma(a.clone()) - lgamma(b.clone())
    }
}

/// log B(a₁, b₁) − log B(a₂, b₂), exactly 0 when the arguments agree.
pub(crate) fn log_beta_difference(a1: &Expr, b1: &Expr, a2: &Expr, b2: &Expr) -> Expr {
    lgamma_difference(a1, a2) + lgamma_difference(b1, b2)
        - lgamma_difference(&(a1.clone() + b1.clone()), &(a2.clone() + b2.clone()))
}

/// x^α · y^(1−α), exactly x when x = y.
pub(crate) fn power_mix(x: &Expr, y: &Expr, alpha: &Expr) -> Expr {
    if x == y {
        return x.clone();
    }
    x.clone().pow(alpha.clone()) * y.clone().pow(1 - alpha.clone())
}

/// α·x + (1 − α)·y, the interpolated parameter of an exponential family's Rényi divergence.
pub(crate) fn interpolate(alpha: &Expr, x: &Expr, y: &Expr) -> Expr {
    if x == y {
        return x.clone();
    }
    alpha.clone() * x.clone() + (1 - alpha.clone()) * y.clone()
}

/// |x|, without the absolute value when the sign of x is decided.
pub(crate) fn absolute(x: Expr) -> Expr {
    match sign(&x) {
        Some(Ordering::Less) => -x,
        Some(_) => x,
        None => crate::sym::abs(x),
    }
}

/// Requires `expr > 0` for a finite Rényi divergence of order α: `Ok(())`, the infinite verdict with `reason`
/// when `expr ≤ 0`, or `Undecided`. `expr` is a parameter interpolated between P's and Q's, α·θ₁ + (1 − α)·θ₂:
/// for α < 1 it is a convex combination of valid parameters and needs no check.
pub(crate) fn require_positive(
    alpha: &Expr,
    expr: &Expr,
    condition: &str,
    reason: &str,
) -> Result<(), Verdict> {
    if sign(&(alpha.clone() - 1)) == Some(Ordering::Less) || super::is_positive(expr, condition)? {
        Ok(())
    } else {
        Err(Verdict::Infinite(reason.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_ratio_of_equal_rationals_is_exactly_zero() {
        assert!(log_ratio(&Expr::ratio(3, 7), &Expr::ratio(6, 14)).is_zero());
        assert_eq!(log_ratio(&Expr::int(4), &Expr::int(2)), log(Expr::int(2)));
    }

    #[test]
    fn power_mix_of_equal_bases_is_the_base() {
        assert_eq!(
            power_mix(&Expr::ratio(1, 3), &Expr::ratio(1, 3), &Expr::ratio(1, 2)),
            Expr::ratio(1, 3)
        );
    }

    #[test]
    fn absolute_drops_the_bars_for_rationals() {
        assert_eq!(absolute(Expr::int(-3)), Expr::int(3));
        assert_eq!(absolute(Expr::ratio(1, 2)), Expr::ratio(1, 2));
    }

    #[test]
    fn compare_decides_rationals() {
        assert_eq!(
            compare(&Expr::ratio(1, 3), &Expr::ratio(1, 2)),
            Some(Ordering::Less)
        );
        assert_eq!(
            compare(&Expr::ratio(2, 4), &Expr::ratio(1, 2)),
            Some(Ordering::Equal)
        );
    }
}
