//! Closed forms for the half-normal distribution HalfN(σ²), σ² the variance of the underlying N(0, σ²).
//!
//! x ↦ |x| is sufficient for zero-mean normals, so every f-divergence and Rényi divergence between
//! half-normals equals that between N(0, σ₁²) and N(0, σ₂²) (van Erven & Harremoës 2014). The densities
//! cross once on [0, ∞), which gives the total variation with erf.

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{log, pi, Expr};

use super::blocks::order_of;
use super::log_normal::{normal_kl, normal_renyi};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::HalfNormal,
        q: Some(FamilyKind::HalfNormal),
        formula: kl,
        reference: "Kullback, Information Theory and Statistics (1959), zero-mean normal case (|x| is \
                    sufficient; van Erven & Harremoes, IEEE Trans. IT 60(7) 2014)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::HalfNormal,
        q: Some(FamilyKind::HalfNormal),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249 (2013) 124-131 (normal row with zero means)",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::HalfNormal,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory (2006), Table 17.1 (normal) less log 2 for \
                    the fold",
    },
];

/// (σ₁², σ₂²).
fn variances(query: &Query<'_>) -> (Expr, Expr) {
    (query.p.scalar(0).clone(), query.q().scalar(0).clone())
}

/// KL(HalfN(σ₁²) ‖ HalfN(σ₂²)).
///
/// # Formula
///
/// ```text
/// KL = ½ (log σ₂² − log σ₁²) + σ₁² / (2σ₂²) − ½
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (v1, v2) = variances(query);
    let zero = Expr::int(0);
    Ok(normal_kl(&zero, &v1, &zero, &v2))
}

/// The Rényi divergence of order α between half-normal distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// v_α = α σ₂² + (1 − α) σ₁²
/// D_α = ½ (log σ₂² − log σ₁²) + (log σ₂² − log v_α) / (2(α − 1))     finite iff v_α > 0
/// D_∞ = ½ (log σ₂² − log σ₁²) if σ₁² < σ₂²; +∞ if σ₁² > σ₂²;   D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (v1, v2) = variances(query);
    let zero = Expr::int(0);
    normal_renyi(&zero, &v1, &zero, &v2, order_of(query))
}

/// The differential entropy of HalfN(σ²).
///
/// # Formula
///
/// ```text
/// H = ½ (1 + log(π σ² / 2))
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let variance = query.p.scalar(0).clone();
    Ok((1 + log(pi() * variance / 2)) / 2)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi, TotalVariation};
    use crate::family::FamilyKind::HalfNormal;
    use crate::sym::Expr;

    fn half_normal(variance: f64) -> crate::family::Family {
        member(HalfNormal, &[variance])
    }

    #[test]
    fn kl_matches_the_public_case_and_quadrature() {
        let (p, q) = (half_normal(4.0), half_normal(1.0));
        assert_close(
            value(KullbackLeibler, &p, Some(&q), None),
            0.806_852_819_440_054_7,
        );
        let (p, q) = (half_normal(0.5), half_normal(2.25));
        assert_close(
            value(KullbackLeibler, &p, Some(&q), None),
            kl_by_quadrature(&p, &q),
        );
    }

    #[test]
    fn renyi_matches_quadrature_on_both_sides_of_one() {
        for (v1, v2) in [(0.5, 2.25), (3.0, 2.0)] {
            let (p, q) = (half_normal(v1), half_normal(v2));
            for alpha in [0.2, 0.6, 1.5, 2.5] {
                let order = exact(alpha);
                assert_close(
                    value(Renyi, &p, Some(&q), Some(&order)),
                    renyi_by_quadrature(alpha, &p, &q),
                );
            }
        }
        let (p, q) = (half_normal(0.5), half_normal(2.0));
        assert_close(value(Renyi, &p, Some(&q), Some(&Expr::Infinity)), 2f64.ln());
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::Infinity)));
        // v_α = 5·(1/2) − 4·2 < 0.
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::int(5))));
    }

    #[test]
    fn total_variation_matches_quadrature() {
        for (v1, v2) in [(0.5, 2.25), (3.0, 2.0)] {
            let (p, q) = (half_normal(v1), half_normal(v2));
            assert_close(
                value(TotalVariation, &p, Some(&q), None),
                total_variation_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn entropy_matches_quadrature() {
        for variance in [1.0, 0.3] {
            let p = half_normal(variance);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
