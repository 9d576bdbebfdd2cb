//! Closed forms for the beta distribution Beta(a, b) (density x^(a−1) (1−x)^(b−1) / B(a, b) on (0, 1)).

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{digamma, log_beta, Expr};

use super::common::{
    decided_compare, identical, infinite, interpolate, log_beta_difference, log_ratio, order_of,
    require_positive, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Beta,
        q: Some(FamilyKind::Beta),
        formula: kl,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249:124–131 (2013), table of Kullback–Leibler \
                    divergences (Beta)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Beta,
        q: Some(FamilyKind::Beta),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249:124–131 (2013), table of Rényi divergences (Beta); \
                    Nielsen & Nock, arXiv:1105.3259 (2011), Rényi divergence of exponential families from \
                    the log-normaliser F; D_∞ from the maximum of log p/q",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Beta,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Table 17.1 (Beta)",
    },
];

/// (a₁, b₁, a₂, b₂).
fn parameters(query: &Query<'_>) -> (Expr, Expr, Expr, Expr) {
    let (p, q) = (query.p, query.q());
    (
        p.scalar(0).clone(),
        p.scalar(1).clone(),
        q.scalar(0).clone(),
        q.scalar(1).clone(),
    )
}

/// KL(Beta(a₁, b₁) ‖ Beta(a₂, b₂)).
///
/// # Formula
///
/// ```text
/// KL = log B(a₂, b₂) − log B(a₁, b₁) + (a₁ − a₂) ψ(a₁) + (b₁ − b₂) ψ(b₁) + (a₂ − a₁ + b₂ − b₁) ψ(a₁ + b₁)
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let (a1, b1, a2, b2) = parameters(query);
    let first = (a1.clone() - a2.clone()) * digamma(a1.clone());
    let second = (b1.clone() - b2.clone()) * digamma(b1.clone());
    let joint =
        (a2.clone() - a1.clone() + b2.clone() - b1.clone()) * digamma(a1.clone() + b1.clone());
    Ok(first + second + joint + log_beta_difference(&a2, &b2, &a1, &b1))
}

/// The Rényi divergence of order α between beta distributions, including the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// a_α = α a₁ + (1 − α) a₂,  b_α = α b₁ + (1 − α) b₂
/// D_α = log B(a₂, b₂) − log B(a₁, b₁) + (log B(a_α, b_α) − log B(a₁, b₁)) / (α − 1)
///       finite iff a_α > 0 and b_α > 0
/// D_∞ = log B(a₂, b₂) − log B(a₁, b₁) + Δa log(Δa/(Δa + Δb)) + Δb log(Δb/(Δa + Δb))
///       if Δa = a₁ − a₂ ≥ 0 and Δb = b₁ − b₂ ≥ 0 (0 log 0 = 0), +∞ otherwise
/// D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let (a1, b1, a2, b2) = parameters(query);
    let base = log_beta_difference(&a2, &b2, &a1, &b1);
    match order_of(query)? {
        Order::One => kl(query),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => {
            let first = decided_compare(&a1, &a2, "a₁ ≥ a₂")?;
            let second = decided_compare(&b1, &b2, "b₁ ≥ b₂")?;
            if first == Ordering::Less || second == Ordering::Less {
                return infinite(
                    "p/q is unbounded at an end of (0, 1): it needs a₁ ≥ a₂ and b₁ ≥ b₂",
                );
            }
            let (shift_a, shift_b) = (a1 - a2, b1 - b2);
            let total = shift_a.clone() + shift_b.clone();
            let term = |shift: Expr, order: Ordering| {
                if order == Ordering::Equal {
                    Expr::int(0)
                } else {
                    shift.clone() * log_ratio(&shift, &total)
                }
            };
            Ok(base + term(shift_a, first) + term(shift_b, second))
        }
        Order::Finite(alpha) => {
            let a = interpolate(&alpha, &a1, &a2);
            let b = interpolate(&alpha, &b1, &b2);
            require_positive(
                &alpha,
                &a,
                "α·a₁ + (1 − α)·a₂ > 0",
                "the Rényi integral diverges at this order: α·a₁ + (1 − α)·a₂ ≤ 0",
            )?;
            require_positive(
                &alpha,
                &b,
                "α·b₁ + (1 − α)·b₂ > 0",
                "the Rényi integral diverges at this order: α·b₁ + (1 − α)·b₂ ≤ 0",
            )?;
            Ok(base + log_beta_difference(&a, &b, &a1, &b1) / (alpha - 1))
        }
    }
}

/// The differential entropy of Beta(a, b).
///
/// # Formula
///
/// ```text
/// H = log B(a, b) − (a − 1) ψ(a) − (b − 1) ψ(b) + (a + b − 2) ψ(a + b)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let (a, b) = (query.p.scalar(0).clone(), query.p.scalar(1).clone());
    let first = (a.clone() - 1) * digamma(a.clone());
    let second = (b.clone() - 1) * digamma(b.clone());
    let joint = (a.clone() + b.clone() - 2) * digamma(a.clone() + b.clone());
    Ok(joint - first - second + log_beta(a, b))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        apply, assert_close, beta, check_identities, integrate, r, rational, renyi_from_integral,
        renyi_value, value,
    };
    use crate::divergence::DivergenceKind;
    use crate::sym::Expr;
    use statrs::function::beta::ln_beta;

    fn log_density(a: f64, b: f64, x: f64) -> f64 {
        (a - 1.0) * x.ln() + (b - 1.0) * (1.0 - x).ln() - ln_beta(a, b)
    }

    #[test]
    fn kl_matches_the_reference_values() {
        let kl = |p, q| value(DivergenceKind::KullbackLeibler, &p, Some(&q), None);
        assert_close(
            kl(beta(r(1, 2), r(1, 2)), beta(2, 2)),
            1.222_393_728_282_216_7,
        );
        // Beta(1/2, 1/2) ‖ Beta(1, 1) = Beta(1/2, 1/2) ‖ U(0, 1) = −H(Beta(1/2, 1/2)).
        assert_close(
            kl(beta(r(1, 2), r(1, 2)), beta(1, 1)),
            0.241_564_475_270_490_44,
        );
    }

    #[test]
    fn renyi_agrees_with_quadrature() {
        for (alpha, a1, b1, a2, b2) in [
            (0.4, 2.0, 3.0, 1.0, 1.0),
            (1.5, 2.0, 2.0, 1.5, 3.0),
            (3.0, 4.0, 2.0, 3.0, 1.5),
        ] {
            let integral = integrate(
                &|x| {
                    (alpha * log_density(a1, b1, x) + (1.0 - alpha) * log_density(a2, b2, x)).exp()
                },
                0.0,
                1.0,
            );
            let exact = renyi_value(
                rational(alpha),
                &beta(rational(a1), rational(b1)),
                &beta(rational(a2), rational(b2)),
            );
            assert!(
                (exact - renyi_from_integral(alpha, integral)).abs() < 1e-9,
                "{exact} at {alpha}"
            );
        }
    }

    #[test]
    fn renyi_orders_infinity_and_outside_the_range() {
        // The maximum of log p/q is at x = Δa/(Δa + Δb).
        let (a1, b1, a2, b2) = (3.0, 4.0, 2.0, 1.5);
        let x = (a1 - a2) / (a1 - a2 + b1 - b2);
        let expected = log_density(a1, b1, x) - log_density(a2, b2, x);
        assert_close(
            renyi_value(Expr::Infinity, &beta(3, 4), &beta(2, r(3, 2))),
            expected,
        );
        // Δb = 0: the maximum is at x = 1.
        let expected = ln_beta(2.0, 2.0) - ln_beta(3.0, 2.0);
        assert_close(
            renyi_value(Expr::Infinity, &beta(3, 2), &beta(2, 2)),
            expected,
        );
        assert!(renyi_value(Expr::Infinity, &beta(1, 2), &beta(2, 1)).is_infinite());
        // a_α = 3·1 − 2·2 < 0.
        assert!(renyi_value(Expr::int(3), &beta(1, 1), &beta(2, 1)).is_infinite());
        let p = beta(r(5, 2), r(1, 3));
        assert!(
            apply(DivergenceKind::Renyi, &p, Some(&p.clone()), Some(&r(1, 3)))
                .unwrap()
                .is_zero()
        );
    }

    #[test]
    fn entropy_matches_the_reference_values() {
        assert_close(
            value(DivergenceKind::Entropy, &beta(r(1, 2), r(1, 2)), None, None),
            -0.241_564_475_270_490_44,
        );
        assert_close(value(DivergenceKind::Entropy, &beta(1, 1), None, None), 0.0);
    }

    #[test]
    fn identities_hold() {
        check_identities(&beta(r(1, 2), r(1, 2)), &beta(2, 2));
        check_identities(&beta(3, 4), &beta(2, r(3, 2)));
    }
}
