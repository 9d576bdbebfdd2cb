//! Closed forms for the chi distribution Chi(k), the square root of a Chi2(k) variable.
//!
//! x ↦ x² maps Chi(k) onto Chi2(k) on [0, ∞), so KL and Rényi divergences are the chi-squared ones
//! (van Erven & Harremoës 2014, data-processing inequality). The entropy is not invariant and has its own form.

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{digamma, lgamma, log, Expr};

use super::blocks::order_of;
use super::chi_squared::{divergence_kl, divergence_renyi};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Chi,
        q: Some(FamilyKind::Chi),
        formula: kl,
        reference: "chi-squared KL (Penny, UCL 2001, gamma case) through x -> x^2 (van Erven & Harremoes, \
                    IEEE Trans. IT 60(7) 2014)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Chi,
        q: Some(FamilyKind::Chi),
        formula: renyi,
        reference: "chi-squared Renyi divergence (Gil, Alajaji & Linder, Inf. Sci. 249 (2013) 124-131) through \
                    x -> x^2",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Chi,
        q: None,
        formula: entropy,
        reference: "Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions vol. 1 (1994), chi \
                    distribution: -E log p with E X^2 = k and E log X = (psi(k/2) + log 2)/2",
    },
];

/// KL(Chi(k₁) ‖ Chi(k₂)).
///
/// # Formula
///
/// ```text
/// KL = ((k₁ − k₂)/2) ψ(k₁/2) − log Γ(k₁/2) + log Γ(k₂/2)
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    Ok(divergence_kl(query.p.scalar(0), query.q().scalar(0)))
}

/// The Rényi divergence of order α between chi distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// k_α = α k₁ + (1 − α) k₂
/// D_α = log Γ(k₂/2) − log Γ(k₁/2) + (log Γ(k_α/2) − log Γ(k₁/2)) / (α − 1)    finite iff k_α > 0
/// D_∞ = 0 if k₁ = k₂, +∞ otherwise;   D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    divergence_renyi(query.p.scalar(0), query.q().scalar(0), order_of(query))
}

/// The differential entropy of Chi(k).
///
/// # Formula
///
/// ```text
/// H = log Γ(k/2) + (k − log 2 − (k − 1) ψ(k/2)) / 2
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let df = query.p.scalar(0).clone();
    let half = df.clone() / 2;
    Ok(lgamma(half.clone()) + (df.clone() - log(Expr::int(2)) - (df - 1) * digamma(half)) / 2)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi};
    use crate::family::FamilyKind::Chi;
    use crate::sym::Expr;

    fn chi(df: f64) -> crate::family::Family {
        member(Chi, &[df])
    }

    #[test]
    fn kl_matches_quadrature() {
        for (k1, k2) in [(1.0, 2.0), (4.5, 3.0)] {
            let (p, q) = (chi(k1), chi(k2));
            assert_close(
                value(KullbackLeibler, &p, Some(&q), None),
                kl_by_quadrature(&p, &q),
            );
        }
        // The same value as the public case KL(Chi2(1) ‖ Chi2(2)).
        assert_close(
            value(KullbackLeibler, &chi(1.0), Some(&chi(2.0)), None),
            0.409_390_070_086_011_7,
        );
    }

    #[test]
    fn renyi_matches_quadrature_on_both_sides_of_one() {
        for (k1, k2) in [(3.0, 5.0), (2.0, 1.5)] {
            let (p, q) = (chi(k1), chi(k2));
            for alpha in [0.4, 0.9, 1.5, 2.0] {
                let order = exact(alpha);
                assert_close(
                    value(Renyi, &p, Some(&q), Some(&order)),
                    renyi_by_quadrature(alpha, &p, &q),
                );
            }
        }
        assert_infinite(apply(
            Renyi,
            &chi(2.0),
            Some(&chi(3.0)),
            Some(&Expr::Infinity),
        ));
    }

    #[test]
    fn entropy_matches_quadrature() {
        for df in [1.0, 2.0, 6.5] {
            let p = chi(df);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
