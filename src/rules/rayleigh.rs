//! Closed forms for the Rayleigh distribution Rayleigh(σ), **scale** σ.
//!
//! x ↦ x² maps Rayleigh(σ) onto Exp(1/(2σ²)), so KL, Rényi divergences and the total variation are the
//! exponential ones with the rate ratio t = σ₁²/σ₂² (van Erven & Harremoës 2014). The entropy has its own form.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{euler_gamma, log, Expr};

use super::blocks::{compare, exponential_renyi, infinite, log_of, log_ratio, order_of, Order};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Rayleigh,
        q: Some(FamilyKind::Rayleigh),
        formula: kl,
        reference: "exponential KL log(l1/l2) + l2/l1 - 1 through x -> x^2, l = 1/(2 sigma^2) (van Erven & \
                    Harremoes, IEEE Trans. IT 60(7) 2014)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Rayleigh,
        q: Some(FamilyKind::Rayleigh),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249 (2013) 124-131 (Rayleigh row); D_inf by maximising \
                    log p/q",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Rayleigh,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Table 17.1 (Rayleigh); Lazo & \
                    Rathie, IEEE Trans. IT 24(1) (1978) 120-122",
    },
];

/// (σ₁, σ₂).
fn scales(query: &Query<'_>) -> (Expr, Expr) {
    (query.p.scalar(0).clone(), query.q().scalar(0).clone())
}

/// KL(Rayleigh(σ₁) ‖ Rayleigh(σ₂)).
///
/// # Formula
///
/// ```text
/// KL = 2 (log σ₂ − log σ₁) + σ₁²/σ₂² − 1
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (s1, s2) = scales(query);
    Ok(2 * log_ratio(&s2, &s1) + (s1 / s2).powi(2) - 1)
}

/// The Rényi divergence of order α between Rayleigh distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// D_α = 2 (log σ₂ − log σ₁) − log(α + (1 − α) σ₁²/σ₂²) / (α − 1)     finite iff α σ₂² + (1 − α) σ₁² > 0
/// D_∞ = 2 (log σ₂ − log σ₁) if σ₁ ≤ σ₂, +∞ otherwise;   D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (s1, s2) = scales(query);
    match order_of(query) {
        Order::One => kl(query),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => match compare(&s1, &s2, "σ₁ ≤ σ₂")? {
            Ordering::Greater => infinite("p/q is unbounded at infinity when σ₁ > σ₂"),
            _ => Ok(2 * log_ratio(&s2, &s1)),
        },
        Order::Finite(alpha) => {
            exponential_renyi(2 * log_ratio(&s1, &s2), (s1 / s2).powi(2), false, &alpha)
        }
    }
}

/// The differential entropy of Rayleigh(σ).
///
/// # Formula
///
/// ```text
/// H = 1 + log σ − ½ log 2 + γ/2
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let scale = query.p.scalar(0).clone();
    Ok(1 + log_of(scale) - log(Expr::int(2)) / 2 + euler_gamma() / 2)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi, TotalVariation};
    use crate::family::FamilyKind::Rayleigh;
    use crate::sym::Expr;

    fn rayleigh(scale: f64) -> crate::family::Family {
        member(Rayleigh, &[scale])
    }

    #[test]
    fn kl_matches_the_public_case_and_quadrature() {
        assert_close(
            value(KullbackLeibler, &rayleigh(3.0), Some(&rayleigh(0.5)), None),
            31.416_481_061_543_89,
        );
        let (p, q) = (rayleigh(0.75), rayleigh(2.0));
        assert_close(
            value(KullbackLeibler, &p, Some(&q), None),
            kl_by_quadrature(&p, &q),
        );
    }

    #[test]
    fn renyi_matches_quadrature_on_both_sides_of_one() {
        for (s1, s2) in [(0.75, 2.0), (1.5, 1.25)] {
            let (p, q) = (rayleigh(s1), rayleigh(s2));
            for alpha in [0.3, 0.6, 1.5, 2.5] {
                let order = exact(alpha);
                assert_close(
                    value(Renyi, &p, Some(&q), Some(&order)),
                    renyi_by_quadrature(alpha, &p, &q),
                );
            }
        }
        let (p, q) = (rayleigh(0.5), rayleigh(1.0));
        assert_close(
            value(Renyi, &p, Some(&q), Some(&Expr::Infinity)),
            2.0 * 2f64.ln(),
        );
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::Infinity)));
        // α σ₂² + (1 − α) σ₁² = 2/4 − 1 < 0.
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::int(2))));
    }

    #[test]
    fn total_variation_matches_quadrature() {
        for (s1, s2) in [(0.75, 2.0), (1.5, 1.25)] {
            let (p, q) = (rayleigh(s1), rayleigh(s2));
            assert_close(
                value(TotalVariation, &p, Some(&q), None),
                total_variation_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn entropy_matches_quadrature() {
        for scale in [1.0, 0.4] {
            let p = rayleigh(scale);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
