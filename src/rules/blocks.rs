//! Building blocks of the same-family rules: the Rényi order, exact decisions that become verdicts, and
//! constructors that fold to an exact 0 or 1 where the value is exactly 0 or 1 for rational parameters.
//!
//! With those constructors a divergence between equal members with rational parameters folds to 0 without the
//! simplifier (`log(b) - log(b)` is never built: `log_ratio(b, b)` is 0), and a rule written once serves
//! rational and symbolic parameters alike.

use std::cmp::Ordering;

use crate::sym::{exp, lgamma, log, pow, Expr};

use super::{is_positive, sign_of, Query, RuleResult, Verdict};

/// The order of a Rényi query, sorted by how the rules treat it.
pub(crate) enum Order {
    /// α = 0: −log Q(supp P).
    Zero,
    /// α = 1, which the dispatcher reduces to KL before the lookup; a rule receiving it answers with its KL.
    One,
    /// α = ∞: log ess sup p/q.
    Infinity,
    /// Any other order ≥ 0, rational or symbolic.
    Finite(Expr),
}

/// Sorts the order of a Rényi query.
pub(crate) fn order_of(query: &Query<'_>) -> Order {
    let alpha = query.order();
    if *alpha == Expr::Infinity {
        Order::Infinity
    } else if alpha.is_zero() {
        Order::Zero
    } else if alpha.is_one() {
        Order::One
    } else {
        Order::Finite(alpha.clone())
    }
}

/// Whether a finite order α lies below 1 (then every divergence of overlapping supports is finite).
pub(crate) fn below_one(alpha: &Expr) -> Result<bool, Verdict> {
    is_positive(&(1 - alpha.clone()), "the Rényi order is below 1")
}

/// An infinite result with its reason.
pub(crate) fn infinite(reason: impl Into<String>) -> RuleResult {
    Err(Verdict::Infinite(reason.into()))
}

/// The verdict for parameters outside the rule's scope (the caller falls back to numeric methods).
pub(crate) fn not_applicable(reason: impl Into<String>) -> RuleResult {
    Err(Verdict::NotApplicable(reason.into()))
}

/// Checks `expr > 0`; `Infinite(reason)` when it is not, `Undecided` when symbols leave it open.
pub(crate) fn require_positive(expr: &Expr, condition: &str, reason: &str) -> Result<(), Verdict> {
    if is_positive(expr, condition)? {
        Ok(())
    } else {
        Err(Verdict::Infinite(reason.to_string()))
    }
}

/// Checks that an interpolated parameter α·a + (1 − α)·b is > 0, the range condition of a Rényi integral.
/// Below order 1 it is a convex combination of valid parameters and holds without a decision.
pub(crate) fn require_mixture_positive(
    alpha: &Expr,
    mixed: &Expr,
    condition: &str,
    reason: &str,
) -> Result<(), Verdict> {
    if below_one(alpha) == Ok(true) {
        return Ok(());
    }
    require_positive(mixed, condition, reason)
}

/// How `a` compares with `b`: structurally equal expressions are equal; otherwise the sign of `a − b`, or the
/// verdict `Undecided` naming the comparison.
pub(crate) fn compare(a: &Expr, b: &Expr, what: &str) -> Result<Ordering, Verdict> {
    if a == b {
        return Ok(Ordering::Equal);
    }
    sign_of(&(a.clone() - b.clone())).ok_or_else(|| {
        Verdict::Undecided(format!(
            "cannot decide whether {what} for symbolic parameters"
        ))
    })
}

/// log x, exactly 0 when x is exactly 1.
pub(crate) fn log_of(x: Expr) -> Expr {
    if x.is_one() {
        Expr::int(0)
    } else {
        log(x)
    }
}

/// log a − log b, exactly 0 when a and b are the same expression.
pub(crate) fn log_ratio(a: &Expr, b: &Expr) -> Expr {
    if a == b {
        Expr::int(0)
    } else {
        log_of(a.clone()) - log_of(b.clone())
    }
}

/// log Γ(a) − log Γ(b), exactly 0 when a and b are the same expression.
pub(crate) fn lgamma_difference(a: &Expr, b: &Expr) -> Expr {
    if a == b {
        Expr::int(0)
    } else {
        lgamma(a.clone()) - lgamma(b.clone())
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

/// base^exponent, exactly 1 when the base is exactly 1.
pub(crate) fn power(base: Expr, exponent: Expr) -> Expr {
    if base.is_one() {
        Expr::int(1)
    } else {
        pow(base, exponent)
    }
}

/// Γ(x), exactly 1 at x = 1 and x = 2.
pub(crate) fn gamma_of(x: Expr) -> Expr {
    if x.is_one() || x == Expr::int(2) {
        Expr::int(1)
    } else {
        exp(lgamma(x))
    }
}

/// The cosine (the symbolic core has the function but no constructor).
pub(crate) fn cos(x: Expr) -> Expr {
    if x.is_zero() {
        Expr::int(1)
    } else {
        Expr::Apply(crate::sym::Function::Cos, vec![x])
    }
}

/// α·a + (1 − α)·b, the interpolated parameter of a Rényi integral; folds to a rational for rational inputs.
pub(crate) fn interpolate(alpha: &Expr, a: &Expr, b: &Expr) -> Expr {
    if a == b {
        return a.clone();
    }
    alpha.clone() * a.clone() + (1 - alpha.clone()) * b.clone()
}

/// The Rényi divergence of an exponential family from its log-normaliser F at θ₁, θ₂ and θ_α:
/// F(θ₂) − F(θ₁) + (F(θ_α) − F(θ₁))/(α − 1) (Nielsen & Nock, arXiv:1105.3259).
/// The differences are exactly 0 when the log-normalisers are the same expression.
pub(crate) fn from_normalisers(first: Expr, second: Expr, mixed: Expr, alpha: &Expr) -> Expr {
    difference(second, first.clone()) + difference(mixed, first) / (alpha.clone() - 1)
}

/// a − b, exactly 0 when a and b are the same expression.
pub(crate) fn difference(a: Expr, b: Expr) -> Expr {
    if a == b {
        Expr::int(0)
    } else {
        a - b
    }
}

/// The Rényi divergence of two exponential distributions written through the ratio t = λ₂/λ₁ of their rates
/// and its logarithm: −log t − log(α + (1 − α)t)/(α − 1), finite iff α + (1 − α)t > 0. Weibull (equal shapes),
/// Rayleigh, Gumbel (equal scales), Kumaraswamy (equal first shapes) and Moyal map onto exponentials or gammas
/// of one shape. `ratio_at_most_one` says whether t ≤ 1 is known, in which case the mixture is ≥ 1 for α > 1
/// and no decision on a transcendental t is needed.
pub(crate) fn exponential_renyi(
    log_ratio: Expr,
    ratio: Expr,
    ratio_at_most_one: bool,
    alpha: &Expr,
) -> RuleResult {
    let mixed = alpha.clone() + (1 - alpha.clone()) * ratio;
    // For α < 1 the mixture of two positive numbers is positive.
    if !ratio_at_most_one && !below_one(alpha)? {
        require_positive(
            &mixed,
            "α + (1 − α)·t > 0",
            "the Rényi integral diverges at this order (α + (1 − α)·t ≤ 0 for the ratio t of the mapped rates)",
        )?;
    }
    Ok(-log_ratio - log_of(mixed) / (alpha.clone() - 1))
}

/// The total variation between exponential distributions whose rates have the ratio t = λ₂/λ₁ ≠ 1:
/// t^{t/(1−t)}·|1 − t| (the densities cross once, at x* = log(λ₁/λ₂)/(λ₁ − λ₂)).
pub(crate) fn exponential_total_variation(ratio: Expr) -> Expr {
    let one_minus = 1 - ratio.clone();
    power(ratio.clone(), ratio / one_minus.clone()) * crate::sym::abs(one_minus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constructors_fold_exact_values() {
        let two = Expr::int(2);
        assert!(log_ratio(&two, &two).is_zero());
        assert!(log_of(Expr::int(1)).is_zero());
        assert!(exp_of(Expr::int(0)).is_one());
        assert!(gamma_of(Expr::int(2)).is_one());
        assert!(power(Expr::int(1), Expr::ratio(1, 3)).is_one());
        assert_eq!(
            interpolate(&Expr::ratio(1, 3), &Expr::int(3), &Expr::int(6)),
            Expr::int(5)
        );
    }

    #[test]
    fn comparisons_of_rationals_are_decided() {
        let (one, two) = (Expr::int(1), Expr::int(2));
        assert_eq!(compare(&one, &two, "1 < 2"), Ok(Ordering::Less));
        assert_eq!(compare(&two, &two, "2 = 2"), Ok(Ordering::Equal));
        assert_eq!(below_one(&Expr::ratio(1, 2)), Ok(true));
        assert_eq!(below_one(&Expr::int(3)), Ok(false));
        let symbol = Expr::symbol("s", crate::sym::Domain::Positive);
        assert!(matches!(
            compare(&symbol, &one, "s = 1"),
            Err(Verdict::Undecided(_))
        ));
    }
}
