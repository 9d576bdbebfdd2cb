//! Closed forms for the Gumbel (maximum) distribution Gumbel(μ, β), location μ and **scale** β.
//!
//! KL has a closed form for all parameters. With a common scale β, x ↦ e^{−x/β} maps Gumbel(μ, β) onto
//! Exp(e^{μ/β}), which gives the Rényi divergence of every order and the total variation; for different
//! scales only the infinite cases are decided here.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{euler_gamma, Expr};

use super::blocks::{
    below_one, compare, exp_of, exponential_renyi, gamma_of, infinite, log_ratio, not_applicable,
    order_of, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Gumbel,
        q: Some(FamilyKind::Gumbel),
        formula: kl,
        reference: "Bauckhage, arXiv:1310.3713 (2013), Weibull KL through x -> -log x (Gumbel(-log l, 1/k)); \
                    PyTorch torch/distributions/kl.py, _kl_gumbel_gumbel",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Gumbel,
        q: Some(FamilyKind::Gumbel),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249 (2013) 124-131 (Gumbel row, common scale); \
                    exponential case through x -> exp(-x/beta)",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Gumbel,
        q: None,
        formula: entropy,
        reference: "-E log p with E[(X - mu)/beta] = gamma and E exp(-(X - mu)/beta) = 1 (Johnson, Kotz & Balakrishnan, \
                    Continuous Univariate Distributions vol. 2 (1995), extreme value distributions)",
    },
];

/// (μ₁, β₁, μ₂, β₂).
fn parameters(query: &Query<'_>) -> (Expr, Expr, Expr, Expr) {
    let (p, q) = (query.p, query.q());
    (
        p.scalar(0).clone(),
        p.scalar(1).clone(),
        q.scalar(0).clone(),
        q.scalar(1).clone(),
    )
}

/// KL(Gumbel(μ₁, β₁) ‖ Gumbel(μ₂, β₂)).
///
/// # Formula
///
/// ```text
/// KL = log β₂ − log β₁ + (μ₁ − μ₂)/β₂ + γ (β₁/β₂ − 1) + e^{(μ₂ − μ₁)/β₂} Γ(1 + β₁/β₂) − 1
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (m1, b1, m2, b2) = parameters(query);
    let ratio = b1.clone() / b2.clone();
    let moment = exp_of((m2.clone() - m1.clone()) / b2.clone()) * gamma_of(1 + ratio.clone());
    Ok(log_ratio(&b2, &b1) + (m1 - m2) / b2 + euler_gamma() * (ratio - 1) + moment - 1)
}

/// The Rényi divergence of order α between Gumbel distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// common scale β, d = (μ₁ − μ₂)/β:
/// D_α = d − log(α + (1 − α) e^{−d}) / (α − 1)     finite iff α + (1 − α) e^{−d} > 0
/// D_∞ = d if μ₁ ≥ μ₂, +∞ otherwise
/// different scales: +∞ for α > 1 (or α = ∞) when β₁ > β₂; no closed form otherwise
/// D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (m1, b1, m2, b2) = parameters(query);
    let alpha = match order_of(query) {
        Order::One => return kl(query),
        Order::Zero => return Ok(Expr::int(0)),
        Order::Infinity => None,
        Order::Finite(alpha) => Some(alpha),
    };
    match compare(&b1, &b2, "β₁ = β₂")? {
        Ordering::Equal => {
            let locations = compare(&m1, &m2, "μ₁ ≥ μ₂");
            let shift = (m1 - m2) / b1;
            match alpha {
                None => match locations? {
                    Ordering::Less => infinite("p/q is unbounded at -infinity when μ₁ < μ₂"),
                    _ => Ok(shift),
                },
                Some(alpha) => {
                    // Mapped rates e^{μ/β}: t = e^{−d} ≤ 1 exactly when μ₁ ≥ μ₂.
                    let at_most_one = matches!(locations, Ok(Ordering::Greater | Ordering::Equal));
                    exponential_renyi(-shift.clone(), exp_of(-shift), at_most_one, &alpha)
                }
            }
        }
        // At −∞, log p/q ≈ e^{−(x − μ₂)/β₂} − e^{−(x − μ₁)/β₁}, which grows without bound when β₁ > β₂.
        Ordering::Greater => match alpha {
            None => infinite("p/q is unbounded at -infinity when β₁ > β₂"),
            Some(alpha) if !below_one(&alpha)? => {
                infinite("the Rényi integral diverges at -infinity for α > 1 when β₁ > β₂")
            }
            Some(_) => {
                not_applicable("no closed form for Gumbel distributions of different scales")
            }
        },
        Ordering::Less => {
            not_applicable("no closed form for Gumbel distributions of different scales")
        }
    }
}

/// The differential entropy of Gumbel(μ, β).
///
/// # Formula
///
/// ```text
/// H = log β + γ + 1
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let scale = query.p.scalar(1).clone();
    Ok(super::blocks::log_of(scale) + euler_gamma() + 1)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi, TotalVariation};
    use crate::family::FamilyKind::Gumbel;
    use crate::rules::Verdict;
    use crate::sym::Expr;

    fn gumbel(location: f64, scale: f64) -> crate::family::Family {
        member(Gumbel, &[location, scale])
    }

    #[test]
    fn kl_matches_the_public_case_and_quadrature() {
        assert_close(
            value(
                KullbackLeibler,
                &gumbel(0.0, 2.0),
                Some(&gumbel(0.0, 1.0)),
                None,
            ),
            0.884_068_484_341_587_6,
        );
        let (p, q) = (gumbel(1.0, 0.5), gumbel(-0.5, 1.25));
        assert_close(
            value(KullbackLeibler, &p, Some(&q), None),
            kl_by_quadrature(&p, &q),
        );
    }

    #[test]
    fn renyi_with_a_common_scale_matches_quadrature() {
        // μ₁ ≥ μ₂ keeps the range condition rational; α < 1 needs none.
        for (p, q) in [
            (gumbel(1.0, 1.5), gumbel(-0.5, 1.5)),
            (gumbel(0.25, 0.5), gumbel(0.0, 0.5)),
        ] {
            for alpha in [0.3, 0.6, 1.5, 3.0] {
                let order = exact(alpha);
                assert_close(
                    value(Renyi, &p, Some(&q), Some(&order)),
                    renyi_by_quadrature(alpha, &p, &q),
                );
            }
            for alpha in [0.3, 0.6] {
                let order = exact(alpha);
                assert_close(
                    value(Renyi, &q, Some(&p), Some(&order)),
                    renyi_by_quadrature(alpha, &q, &p),
                );
            }
        }
    }

    #[test]
    fn renyi_limits_and_infinite_range() {
        let (p, q) = (gumbel(1.0, 1.5), gumbel(-0.5, 1.5));
        assert_close(value(Renyi, &p, Some(&q), Some(&Expr::Infinity)), 1.0);
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::Infinity)));
        let (p, q) = (gumbel(0.0, 2.0), gumbel(0.0, 1.0));
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::int(2))));
        assert!(matches!(
            apply(Renyi, &q, Some(&p), Some(&Expr::int(2))),
            Err(Verdict::NotApplicable(_))
        ));
    }

    #[test]
    fn total_variation_matches_quadrature() {
        for (p, q) in [
            (gumbel(1.0, 1.5), gumbel(-0.5, 1.5)),
            (gumbel(0.0, 0.5), gumbel(0.25, 0.5)),
        ] {
            assert_close(
                value(TotalVariation, &p, Some(&q), None),
                total_variation_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn entropy_matches_quadrature() {
        for (location, scale) in [(0.0, 1.0), (2.0, 0.3)] {
            let p = gumbel(location, scale);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
