//! Closed forms for the logit-normal distribution LogitN(μ, σ²), mean and variance of logit X.
//!
//! x ↦ log(x/(1 − x)) maps LogitN(μ, σ²) onto N(μ, σ²), so KL and Rényi divergences are the normal ones
//! (van Erven & Harremoës 2014). The entropy involves E log(X(1 − X)), which has no closed form: no rule.

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;

use super::blocks::order_of;
use super::log_normal::{normal_kl, normal_renyi, normal_total_variation, parameters};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::LogitNormal,
        q: Some(FamilyKind::LogitNormal),
        formula: kl,
        reference:
            "Kullback, Information Theory and Statistics (1959), normal case, through x -> logit x \
                    (van Erven & Harremoes, IEEE Trans. IT 60(7) 2014)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::LogitNormal,
        q: Some(FamilyKind::LogitNormal),
        formula: renyi,
        reference:
            "Gil, Alajaji & Linder, Inf. Sci. 249 (2013) 124-131 (normal row), through x -> logit x",
    },
    Rule {
        divergence: DivergenceKind::TotalVariation,
        p: FamilyKind::LogitNormal,
        q: Some(FamilyKind::LogitNormal),
        formula: total_variation,
        reference: "normal TV from the crossings of the densities and the normal CDF, through x -> logit x \
                    (TV is invariant under bijections)",
    },
];

/// KL(LogitN(μ₁, σ₁²) ‖ LogitN(μ₂, σ₂²)).
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

/// The Rényi divergence of order α between logit-normal distributions, with the orders 0 and ∞.
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

/// The total variation between logit-normal distributions: the normal one.
///
/// # Formula
///
/// ```text
/// σ₁² = σ₂² = σ²:  TV = erf(|μ₁ − μ₂| / (2√(2σ²)))
/// otherwise, x± = (μ₁σ₂² − μ₂σ₁² ± √(σ₁²σ₂²((μ₁ − μ₂)² + (σ₂² − σ₁²)(log σ₂² − log σ₁²)))) / (σ₂² − σ₁²)
///   TV = ½ [erf((x₊ − μ₁)/√(2σ₁²)) − erf((x₋ − μ₁)/√(2σ₁²)) − erf((x₊ − μ₂)/√(2σ₂²)) + erf((x₋ − μ₂)/√(2σ₂²))]
/// ```
fn total_variation(query: &Query<'_>) -> RuleResult {
    let (m1, v1, m2, v2) = parameters(query);
    normal_total_variation(&m1, &v1, &m2, &v2)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{KullbackLeibler, Renyi, TotalVariation};
    use crate::family::FamilyKind::LogitNormal;
    use crate::sym::Expr;

    fn logit_normal(mean: f64, variance: f64) -> crate::family::Family {
        member(LogitNormal, &[mean, variance])
    }

    #[test]
    fn kl_matches_quadrature() {
        for (p, q) in [
            (logit_normal(0.5, 0.75), logit_normal(-0.25, 1.5)),
            (logit_normal(0.0, 2.0), logit_normal(1.0, 0.5)),
        ] {
            assert_close(
                value(KullbackLeibler, &p, Some(&q), None),
                kl_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn renyi_matches_quadrature_on_both_sides_of_one() {
        let (p, q) = (logit_normal(0.5, 0.75), logit_normal(-0.25, 1.5));
        for alpha in [0.3, 0.7, 1.5, 2.5] {
            let order = exact(alpha);
            assert_close(
                value(Renyi, &p, Some(&q), Some(&order)),
                renyi_by_quadrature(alpha, &p, &q),
            );
        }
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::Infinity)));
    }

    #[test]
    fn total_variation_matches_quadrature() {
        for (p, q) in [
            (logit_normal(0.5, 0.75), logit_normal(-0.25, 1.5)),
            (logit_normal(0.0, 0.5), logit_normal(1.0, 0.5)),
        ] {
            assert_close(
                value(TotalVariation, &p, Some(&q), None),
                total_variation_by_quadrature(&p, &q),
            );
        }
    }
}
