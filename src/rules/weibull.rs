//! Closed forms for the Weibull distribution Weibull(k, λ), shape k and **scale** λ.
//!
//! KL has a closed form for all parameters (Bauckhage 2013). With a common shape k, x ↦ x^k maps
//! Weibull(k, λ) onto Exp(λ^{−k}), which gives the Rényi divergence of every order and the total variation;
//! for different shapes only the infinite cases are decided here.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{euler_gamma, Expr};

use super::blocks::{
    below_one, compare, exponential_renyi, gamma_of, infinite, log_ratio, not_applicable, order_of,
    power, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Weibull,
        q: Some(FamilyKind::Weibull),
        formula: kl,
        reference: "Bauckhage, Computing the Kullback-Leibler divergence between two Weibull distributions, \
                    arXiv:1310.3713 (2013), final formula",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Weibull,
        q: Some(FamilyKind::Weibull),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249 (2013) 124-131 (Weibull row, common shape); \
                    exponential case through x -> x^k",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Weibull,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Table 17.1 (Weibull); Lazo & \
                    Rathie, IEEE Trans. IT 24(1) (1978) 120-122",
    },
];

/// (k₁, λ₁, k₂, λ₂).
fn parameters(query: &Query<'_>) -> (Expr, Expr, Expr, Expr) {
    let (p, q) = (query.p, query.q());
    (
        p.scalar(0).clone(),
        p.scalar(1).clone(),
        q.scalar(0).clone(),
        q.scalar(1).clone(),
    )
}

/// KL(Weibull(k₁, λ₁) ‖ Weibull(k₂, λ₂)).
///
/// # Formula
///
/// ```text
/// KL = log k₁ − log k₂ + k₂ (log λ₂ − log λ₁) − γ (k₁ − k₂)/k₁ + (λ₁/λ₂)^{k₂} Γ(1 + k₂/k₁) − 1
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (k1, l1, k2, l2) = parameters(query);
    let moment = power(l1.clone() / l2.clone(), k2.clone()) * gamma_of(1 + k2.clone() / k1.clone());
    Ok(log_ratio(&k1, &k2) + k2.clone() * log_ratio(&l2, &l1)
        - euler_gamma() * ((k1.clone() - k2) / k1)
        + moment
        - 1)
}

/// The Rényi divergence of order α between Weibull distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// common shape k, t = (λ₁/λ₂)^k:
/// D_α = k (log λ₂ − log λ₁) − log(α + (1 − α) t) / (α − 1)     finite iff α + (1 − α) t > 0
/// D_∞ = k (log λ₂ − log λ₁) if λ₁ ≤ λ₂, +∞ otherwise
/// different shapes: +∞ for α > 1 (or α = ∞) when k₂ > k₁; no closed form otherwise
/// D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (k1, l1, k2, l2) = parameters(query);
    let alpha = match order_of(query) {
        Order::One => return kl(query),
        Order::Zero => return Ok(Expr::int(0)),
        Order::Infinity => None,
        Order::Finite(alpha) => Some(alpha),
    };
    let scales = compare(&l1, &l2, "λ₁ ≤ λ₂");
    match compare(&k1, &k2, "k₁ = k₂")? {
        Ordering::Equal => match alpha {
            None => match scales? {
                Ordering::Greater => infinite("p/q is unbounded at infinity when λ₁ > λ₂"),
                _ => Ok(k1.clone() * log_ratio(&l2, &l1)),
            },
            Some(alpha) => {
                let ratio = power(l1.clone() / l2.clone(), k1.clone());
                let at_most_one = matches!(scales, Ok(Ordering::Less | Ordering::Equal));
                exponential_renyi(k1 * log_ratio(&l1, &l2), ratio, at_most_one, &alpha)
            }
        },
        // log p/q grows like (x/λ₂)^{k₂} − (x/λ₁)^{k₁} at infinity.
        Ordering::Less => match alpha {
            None => infinite("p/q is unbounded at infinity when k₁ < k₂"),
            Some(alpha) if !below_one(&alpha)? => {
                infinite("the Rényi integral diverges at infinity for α > 1 when k₁ < k₂")
            }
            Some(_) => {
                not_applicable("no closed form for Weibull distributions of different shapes")
            }
        },
        Ordering::Greater => {
            not_applicable("no closed form for Weibull distributions of different shapes")
        }
    }
}

/// The differential entropy of Weibull(k, λ).
///
/// # Formula
///
/// ```text
/// H = γ (1 − 1/k) + log λ − log k + 1
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let (shape, scale) = (query.p.scalar(0).clone(), query.p.scalar(1).clone());
    Ok(euler_gamma() * (1 - 1 / shape.clone()) + log_ratio(&scale, &shape) + 1)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi, TotalVariation};
    use crate::family::FamilyKind::Weibull;
    use crate::rules::Verdict;
    use crate::sym::Expr;

    fn weibull(shape: f64, scale: f64) -> crate::family::Family {
        member(Weibull, &[shape, scale])
    }

    #[test]
    fn kl_matches_the_public_case_and_quadrature() {
        assert_close(
            value(
                KullbackLeibler,
                &weibull(0.5, 1.0),
                Some(&weibull(1.5, 2.0)),
                None,
            ),
            2.216_860_155_534_516_6,
        );
        let (p, q) = (weibull(2.5, 1.5), weibull(1.25, 0.75));
        assert_close(
            value(KullbackLeibler, &p, Some(&q), None),
            kl_by_quadrature(&p, &q),
        );
    }

    #[test]
    fn renyi_with_a_common_shape_matches_quadrature() {
        for (p, q) in [
            (weibull(2.0, 1.5), weibull(2.0, 2.5)),
            (weibull(0.75, 2.0), weibull(0.75, 3.0)),
            (weibull(2.0, 3.0), weibull(2.0, 2.0)),
        ] {
            for alpha in [0.3, 0.6, 1.25, 1.5] {
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
        let (p, q) = (weibull(2.0, 1.5), weibull(2.0, 2.5));
        assert_close(
            value(Renyi, &p, Some(&q), Some(&Expr::Infinity)),
            2.0 * (2.5f64 / 1.5).ln(),
        );
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::Infinity)));
        // t = (5/3)² and α + (1 − α)t = 3 − 2·25/9 < 0.
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::int(3))));
        let (p, q) = (weibull(1.0, 1.0), weibull(2.0, 1.0));
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::int(2))));
        assert!(matches!(
            apply(Renyi, &p, Some(&q), Some(&Expr::ratio(1, 2))),
            Err(Verdict::NotApplicable(_))
        ));
    }

    #[test]
    fn total_variation_matches_quadrature() {
        for (p, q) in [
            (weibull(2.0, 1.5), weibull(2.0, 2.5)),
            (weibull(0.75, 3.0), weibull(0.75, 2.0)),
        ] {
            assert_close(
                value(TotalVariation, &p, Some(&q), None),
                total_variation_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn entropy_matches_quadrature() {
        for (shape, scale) in [(0.75, 2.0), (3.0, 0.5)] {
            let p = weibull(shape, scale);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
