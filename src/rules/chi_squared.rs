//! Closed forms for the chi-squared distribution Chi2(k) = Gamma(k/2, rate ½).
//!
//! Both arguments share the rate ½, so the rate terms of the gamma formulas cancel. The chi distribution is
//! the square root of a chi-squared variable and uses [`divergence_kl`] and [`divergence_renyi`] too.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{digamma, lgamma, log, Expr};

use super::blocks::{
    compare, infinite, interpolate, lgamma_difference, order_of, require_mixture_positive, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::ChiSquared,
        q: Some(FamilyKind::ChiSquared),
        formula: kl,
        reference: "Penny, KL-divergences of Normal, Gamma, Dirichlet and Wishart densities (UCL 2001), \
                    gamma case with the common rate 1/2",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::ChiSquared,
        q: Some(FamilyKind::ChiSquared),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249 (2013) 124-131 (chi-squared row); Nielsen & Nock, \
                    arXiv:1105.3259 (2011)",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::ChiSquared,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Table 17.1 (chi-squared); Lazo & \
                    Rathie, IEEE Trans. IT 24(1) (1978) 120-122",
    },
];

/// KL(Chi2(k₁) ‖ Chi2(k₂)) = ((k₁ − k₂)/2) ψ(k₁/2) − log Γ(k₁/2) + log Γ(k₂/2).
pub(crate) fn divergence_kl(k1: &Expr, k2: &Expr) -> Expr {
    let (h1, h2) = (k1.clone() / 2, k2.clone() / 2);
    (h1.clone() - h2.clone()) * digamma(h1.clone()) + lgamma_difference(&h2, &h1)
}

/// D_α(Chi2(k₁) ‖ Chi2(k₂)) for an order α ∈ [0, ∞].
pub(crate) fn divergence_renyi(k1: &Expr, k2: &Expr, order: Order) -> RuleResult {
    let (h1, h2) = (k1.clone() / 2, k2.clone() / 2);
    match order {
        Order::One => Ok(divergence_kl(k1, k2)),
        Order::Zero => Ok(Expr::int(0)),
        // Equal rates: log p/q = ((k₁ − k₂)/2) log x + const is unbounded at 0 or ∞ unless k₁ = k₂.
        Order::Infinity => match compare(k1, k2, "k₁ = k₂")? {
            Ordering::Equal => Ok(Expr::int(0)),
            _ => infinite(
                "p/q is unbounded (at 0 or at infinity) when the degrees of freedom differ",
            ),
        },
        Order::Finite(alpha) => {
            let mixed = interpolate(&alpha, &h1, &h2);
            require_mixture_positive(
                &alpha,
                &mixed,
                "α·k₁ + (1 − α)·k₂ > 0",
                "the Rényi integral diverges at this order: α·k₁ + (1 − α)·k₂ ≤ 0",
            )?;
            Ok(lgamma_difference(&h2, &h1) + lgamma_difference(&mixed, &h1) / (alpha - 1))
        }
    }
}

/// KL(Chi2(k₁) ‖ Chi2(k₂)).
///
/// # Formula
///
/// ```text
/// KL = ((k₁ − k₂)/2) ψ(k₁/2) − log Γ(k₁/2) + log Γ(k₂/2)
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    Ok(divergence_kl(query.p.scalar(0), query.q().scalar(0)))
}

/// The Rényi divergence of order α between chi-squared distributions, with the orders 0 and ∞.
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

/// The differential entropy of Chi2(k).
///
/// # Formula
///
/// ```text
/// H = k/2 + log 2 + log Γ(k/2) + (1 − k/2) ψ(k/2)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let half = query.p.scalar(0).clone() / 2;
    Ok(
        half.clone()
            + log(Expr::int(2))
            + lgamma(half.clone())
            + (1 - half.clone()) * digamma(half),
    )
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi};
    use crate::family::FamilyKind::ChiSquared;
    use crate::sym::Expr;

    fn chi2(df: f64) -> crate::family::Family {
        member(ChiSquared, &[df])
    }

    #[test]
    fn kl_matches_the_public_case_and_quadrature() {
        assert_close(
            value(KullbackLeibler, &chi2(1.0), Some(&chi2(2.0)), None),
            0.409_390_070_086_011_7,
        );
        let (p, q) = (chi2(5.5), chi2(3.0));
        assert_close(
            value(KullbackLeibler, &p, Some(&q), None),
            kl_by_quadrature(&p, &q),
        );
    }

    #[test]
    fn renyi_matches_quadrature_on_both_sides_of_one() {
        for (k1, k2) in [(3.0, 5.0), (6.0, 2.5)] {
            let (p, q) = (chi2(k1), chi2(k2));
            for alpha in [0.3, 0.8, 1.5, 2.0] {
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
        let (p, q) = (chi2(1.0), chi2(4.0));
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::Infinity)));
        // k_α = 3·1 − 2·4 < 0.
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::int(3))));
        assert_eq!(value(Renyi, &p, Some(&q), Some(&Expr::int(0))), 0.0);
    }

    #[test]
    fn entropy_matches_quadrature() {
        for df in [1.0, 7.5] {
            let p = chi2(df);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
