//! Closed forms for the log-normal distribution LogN(μ, σ²), mean and variance of log X.
//!
//! x ↦ log x maps LogN(μ, σ²) onto N(μ, σ²), and KL and Rényi divergences are invariant under a bijection
//! applied to both arguments (van Erven & Harremoës 2014), so the divergences are the normal ones. The normal
//! formulas live here as functions of (mean, variance) pairs, shared with the logit-normal (x ↦ logit x) and
//! half-normal (zero means) rules.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{abs, erf, log, pi, sqrt, Expr};

use super::blocks::{
    compare, infinite, interpolate, log_ratio, order_of, require_mixture_positive, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::LogNormal,
        q: Some(FamilyKind::LogNormal),
        formula: kl,
        reference: "Kullback, Information Theory and Statistics (1959), normal case, through x -> log x \
                    (van Erven & Harremoes, IEEE Trans. IT 60(7) 2014)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::LogNormal,
        q: Some(FamilyKind::LogNormal),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249 (2013) 124-131 (normal and log-normal rows); D_inf by \
                    maximising log p/q",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::LogNormal,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Table 17.1 (lognormal); Lazo & \
                    Rathie, IEEE Trans. IT 24(1) (1978) 120-122",
    },
];

/// (μ₁, σ₁², μ₂, σ₂²) of two members parametrised by a mean and a variance.
pub(crate) fn parameters(query: &Query<'_>) -> (Expr, Expr, Expr, Expr) {
    let (p, q) = (query.p, query.q());
    (
        p.scalar(0).clone(),
        p.scalar(1).clone(),
        q.scalar(0).clone(),
        q.scalar(1).clone(),
    )
}

/// KL(N(μ₁, v₁) ‖ N(μ₂, v₂)) = ½(log v₂ − log v₁) + (v₁ + (μ₁ − μ₂)²)/(2v₂) − ½.
pub(crate) fn normal_kl(m1: &Expr, v1: &Expr, m2: &Expr, v2: &Expr) -> Expr {
    let shift = (m1.clone() - m2.clone()).powi(2);
    log_ratio(v2, v1) / 2 + (v1.clone() + shift) / (2 * v2.clone()) - Expr::ratio(1, 2)
}

/// D_α(N(μ₁, v₁) ‖ N(μ₂, v₂)) for an order α ∈ [0, ∞].
pub(crate) fn normal_renyi(m1: &Expr, v1: &Expr, m2: &Expr, v2: &Expr, order: Order) -> RuleResult {
    let shift = (m1.clone() - m2.clone()).powi(2);
    match order {
        Order::One => Ok(normal_kl(m1, v1, m2, v2)),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => match compare(v1, v2, "σ₁² < σ₂²")? {
            Ordering::Less => Ok(log_ratio(v2, v1) / 2 + shift / (2 * (v2.clone() - v1.clone()))),
            Ordering::Equal if compare(m1, m2, "μ₁ = μ₂")? == Ordering::Equal => {
                Ok(Expr::int(0))
            }
            _ => {
                infinite("p/q is unbounded: D_inf is finite only for σ₁² < σ₂² (or equal members)")
            }
        },
        Order::Finite(alpha) => {
            let mixed = interpolate(&alpha, v2, v1);
            require_mixture_positive(
                &alpha,
                &mixed,
                "α·σ₂² + (1 − α)·σ₁² > 0",
                "the Rényi integral diverges at this order: α·σ₂² + (1 − α)·σ₁² ≤ 0",
            )?;
            Ok(log_ratio(v2, v1) / 2
                + log_ratio(v2, &mixed) / (2 * (alpha.clone() - 1))
                + alpha * shift / (2 * mixed))
        }
    }
}

/// TV(N(μ₁, v₁), N(μ₂, v₂)) from the crossings x± of the densities.
pub(crate) fn normal_total_variation(m1: &Expr, v1: &Expr, m2: &Expr, v2: &Expr) -> RuleResult {
    let distribution = |x: Expr, m: &Expr, v: &Expr| erf((x - m.clone()) / sqrt(2 * v.clone()));
    if compare(v1, v2, "σ₁² = σ₂²")? == Ordering::Equal {
        let distance = match compare(m1, m2, "μ₁ ≥ μ₂") {
            Ok(Ordering::Equal) => return Ok(Expr::int(0)),
            Ok(Ordering::Greater) => m1.clone() - m2.clone(),
            Ok(Ordering::Less) => m2.clone() - m1.clone(),
            Err(_) => abs(m1.clone() - m2.clone()),
        };
        return Ok(erf(distance / (2 * sqrt(2 * v1.clone()))));
    }
    let gap = v2.clone() - v1.clone();
    let discriminant = (m1.clone() - m2.clone()).powi(2) + gap.clone() * log_ratio(v2, v1);
    let root = sqrt(v1.clone() * v2.clone() * discriminant);
    let centre = m1.clone() * v2.clone() - m2.clone() * v1.clone();
    let upper = (centre.clone() + root.clone()) / gap.clone();
    let lower = (centre - root) / gap;
    // P − Q on the interval between the crossings; with σ₁² > σ₂² the labels swap and so does the sign.
    Ok((distribution(upper.clone(), m1, v1)
        - distribution(lower.clone(), m1, v1)
        - distribution(upper, m2, v2)
        + distribution(lower, m2, v2))
        / 2)
}

/// KL(LogN(μ₁, σ₁²) ‖ LogN(μ₂, σ₂²)).
///
/// # Formula
///
/// ```text
/// KL = ½ (log σ₂² − log σ₁²) + (σ₁² + (μ₁ − μ₂)²) / (2σ₂²) − ½
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (m1, v1, m2, v2) = parameters(query);
    Ok(normal_kl(&m1, &v1, &m2, &v2))
}

/// The Rényi divergence of order α between log-normal distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// v_α = α σ₂² + (1 − α) σ₁²
/// D_α = ½ (log σ₂² − log σ₁²) + (log σ₂² − log v_α) / (2(α − 1)) + α (μ₁ − μ₂)² / (2 v_α)
///       finite iff v_α > 0
/// D_∞ = ½ (log σ₂² − log σ₁²) + (μ₁ − μ₂)² / (2(σ₂² − σ₁²)) if σ₁² < σ₂²; +∞ otherwise (P ≠ Q)
/// D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (m1, v1, m2, v2) = parameters(query);
    normal_renyi(&m1, &v1, &m2, &v2, order_of(query))
}

/// The differential entropy of LogN(μ, σ²).
///
/// # Formula
///
/// ```text
/// H = μ + ½ (1 + log(2π σ²))
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let (mean, variance) = (query.p.scalar(0).clone(), query.p.scalar(1).clone());
    Ok(mean + (1 + log(2 * pi() * variance)) / 2)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi, TotalVariation};
    use crate::family::FamilyKind::LogNormal;
    use crate::sym::Expr;

    fn log_normal(mean: f64, variance: f64) -> crate::family::Family {
        member(LogNormal, &[mean, variance])
    }

    #[test]
    fn kl_matches_the_public_case_and_quadrature() {
        assert_close(
            value(
                KullbackLeibler,
                &log_normal(0.0, 0.25),
                Some(&log_normal(0.0, 1.0)),
                None,
            ),
            0.318_147_180_559_945_3,
        );
        let (p, q) = (log_normal(0.5, 0.75), log_normal(-0.25, 1.5));
        assert_close(
            value(KullbackLeibler, &p, Some(&q), None),
            kl_by_quadrature(&p, &q),
        );
    }

    #[test]
    fn renyi_matches_quadrature_on_both_sides_of_one() {
        for (p, q) in [
            (log_normal(0.5, 0.75), log_normal(-0.25, 1.5)),
            (log_normal(1.0, 2.0), log_normal(0.0, 1.5)),
        ] {
            for alpha in [0.3, 0.7, 1.5, 2.5] {
                let order = exact(alpha);
                assert_close(
                    value(Renyi, &p, Some(&q), Some(&order)),
                    renyi_by_quadrature(alpha, &p, &q),
                );
            }
        }
    }

    #[test]
    fn renyi_limits_and_infinite_range() {
        let (p, q) = (log_normal(0.5, 0.75), log_normal(-0.25, 1.5));
        // D_∞ = log p/q at its maximum, log x* = (μ₁σ₂² − μ₂σ₁²)/(σ₂² − σ₁²).
        let x = ((0.5 * 1.5 + 0.25 * 0.75) / (1.5 - 0.75_f64)).exp();
        let expected = log_density(&p, x) - log_density(&q, x);
        assert_close(value(Renyi, &p, Some(&q), Some(&Expr::Infinity)), expected);
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::Infinity)));
        // v_α = 4·(3/4) − 3·(3/2) < 0.
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::int(4))));
    }

    #[test]
    fn total_variation_matches_quadrature() {
        for (p, q) in [
            (log_normal(0.5, 0.75), log_normal(-0.25, 1.5)),
            (log_normal(1.0, 2.0), log_normal(0.0, 0.5)),
            (log_normal(0.0, 0.5), log_normal(0.75, 0.5)),
        ] {
            assert_close(
                value(TotalVariation, &p, Some(&q), None),
                total_variation_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn entropy_matches_quadrature() {
        for (mean, variance) in [(0.0, 1.0), (1.5, 0.2)] {
            let p = log_normal(mean, variance);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
