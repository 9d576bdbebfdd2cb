//! Closed forms for the Lindley distribution Lindley(θ), density θ²/(θ + 1) · (1 + x) e^{−θx} on (0, ∞).
//!
//! The family is exponential: base measure (1 + x), statistic x, natural parameter −θ and log-normaliser
//! F(θ) = log(θ + 1) − 2 log θ, with mean (θ + 2)/(θ(θ + 1)). KL and Rényi divergences follow from F; the
//! entropy needs E log(1 + X) = (1 + e^θ E₁(θ))/(θ + 1), with the exponential integral E₁.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{exp, expint, Expr};

use super::blocks::{
    compare, from_normalisers, infinite, interpolate, log_of, order_of, require_mixture_positive,
    Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Lindley,
        q: Some(FamilyKind::Lindley),
        formula: kl,
        reference: "Bregman divergence of the log-normaliser log(t + 1) - 2 log t (Nielsen & Nock, \
                    arXiv:1105.3259, 2011); mean (t + 2)/(t (t + 1)) from Ghitany, Atieh & Nadarajah, \
                    Math. Comput. Simul. 78 (2008) 493-506",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Lindley,
        q: Some(FamilyKind::Lindley),
        formula: renyi,
        reference: "Nielsen & Nock, arXiv:1105.3259 (2011), Renyi divergence of exponential families from the \
                    log-normaliser",
    },
    Rule {
        divergence: DivergenceKind::TotalVariation,
        p: FamilyKind::Lindley,
        q: Some(FamilyKind::Lindley),
        formula: total_variation,
        reference: "|S_P(x*) - S_Q(x*)| at the single crossing x* of the densities (log p/q is linear in x), with \
                    the survival function of Ghitany, Atieh & Nadarajah, Math. Comput. Simul. 78 (2008) 493-506",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Lindley,
        q: None,
        formula: entropy,
        reference: "-E log p with E log(1 + X) = (1 + e^t E1(t))/(t + 1) (integration by parts; \
                    Ghitany, Atieh & Nadarajah, Math. Comput. Simul. 78 (2008) 493-506, for the moments)",
    },
];

/// F(θ) = log(θ + 1) − 2 log θ.
fn normaliser(theta: &Expr) -> Expr {
    log_of(theta.clone() + 1) - 2 * log_of(theta.clone())
}

/// F(θ₂) − F(θ₁), exactly 0 for equal parameters.
fn normaliser_difference(theta1: &Expr, theta2: &Expr) -> Expr {
    if theta1 == theta2 {
        Expr::int(0)
    } else {
        normaliser(theta2) - normaliser(theta1)
    }
}

/// KL(Lindley(θ₁) ‖ Lindley(θ₂)).
///
/// # Formula
///
/// ```text
/// F(θ) = log(θ + 1) − 2 log θ
/// KL = F(θ₂) − F(θ₁) − (θ₁ − θ₂)(θ₁ + 2)/(θ₁(θ₁ + 1))
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (t1, t2) = (query.p.scalar(0).clone(), query.q().scalar(0).clone());
    let mean = (t1.clone() + 2) / (t1.clone() * (t1.clone() + 1));
    Ok(normaliser_difference(&t1, &t2) - (t1 - t2) * mean)
}

/// The Rényi divergence of order α between Lindley distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// θ_α = α θ₁ + (1 − α) θ₂
/// D_α = F(θ₂) − F(θ₁) + (F(θ_α) − F(θ₁)) / (α − 1)     finite iff θ_α > 0
/// D_∞ = F(θ₂) − F(θ₁) if θ₁ ≥ θ₂ (the ratio is largest at 0), +∞ otherwise;   D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (t1, t2) = (query.p.scalar(0).clone(), query.q().scalar(0).clone());
    match order_of(query) {
        Order::One => kl(query),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => match compare(&t1, &t2, "θ₁ ≥ θ₂")? {
            Ordering::Less => infinite("p/q is unbounded at infinity when θ₁ < θ₂"),
            _ => Ok(normaliser_difference(&t1, &t2)),
        },
        Order::Finite(alpha) => {
            let mixed = interpolate(&alpha, &t1, &t2);
            require_mixture_positive(
                &alpha,
                &mixed,
                "α·θ₁ + (1 − α)·θ₂ > 0",
                "the Rényi integral diverges at this order: α·θ₁ + (1 − α)·θ₂ ≤ 0",
            )?;
            Ok(from_normalisers(
                Expr::int(0),
                normaliser_difference(&t1, &t2),
                normaliser_difference(&t1, &mixed),
                &alpha,
            ))
        }
    }
}

/// The survival function P(X > x) = (1 + θ + θx)/(1 + θ) · e^{−θx}.
fn survival(theta: &Expr, x: &Expr) -> Expr {
    (1 + theta.clone() + theta.clone() * x.clone()) / (1 + theta.clone())
        * exp(-(theta.clone() * x.clone()))
}

/// The total variation between Lindley distributions.
///
/// # Formula
///
/// ```text
/// x* = (F(θ₂) − F(θ₁))/(θ₁ − θ₂)  (where p = q),  S(x) = (1 + θ + θx)/(1 + θ) e^{−θx}
/// TV = S₂(x*) − S₁(x*) if θ₁ > θ₂, S₁(x*) − S₂(x*) if θ₁ < θ₂, 0 if θ₁ = θ₂
/// ```
fn total_variation(query: &Query<'_>) -> RuleResult {
    let (t1, t2) = (query.p.scalar(0).clone(), query.q().scalar(0).clone());
    let order = compare(&t1, &t2, "θ₁ ≥ θ₂")?;
    if order == Ordering::Equal {
        return Ok(Expr::int(0));
    }
    let crossing = normaliser_difference(&t1, &t2) / (t1.clone() - t2.clone());
    let (first, second) = (survival(&t1, &crossing), survival(&t2, &crossing));
    // With θ₁ > θ₂ the ratio p/q decreases: P has more mass before the crossing.
    Ok(match order {
        Ordering::Greater => second - first,
        _ => first - second,
    })
}

/// The differential entropy of Lindley(θ).
///
/// # Formula
///
/// ```text
/// H = log(θ + 1) − 2 log θ + 1 − e^θ E₁(θ)/(θ + 1)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let theta = query.p.scalar(0).clone();
    let tail = exp(theta.clone()) * expint(theta.clone()) / (theta.clone() + 1);
    Ok(normaliser(&theta) + 1 - tail)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi, TotalVariation};
    use crate::family::FamilyKind::Lindley;
    use crate::sym::Expr;

    fn lindley(theta: f64) -> crate::family::Family {
        member(Lindley, &[theta])
    }

    #[test]
    fn kl_matches_quadrature() {
        for (t1, t2) in [(0.5, 2.0), (3.0, 1.25)] {
            let (p, q) = (lindley(t1), lindley(t2));
            assert_close(
                value(KullbackLeibler, &p, Some(&q), None),
                kl_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn renyi_matches_quadrature_on_both_sides_of_one() {
        for (t1, t2) in [(0.5, 2.0), (3.0, 1.25)] {
            let (p, q) = (lindley(t1), lindley(t2));
            for alpha in [0.3, 0.7, 1.1, 1.2] {
                let order = exact(alpha);
                assert_close(
                    value(Renyi, &p, Some(&q), Some(&order)),
                    renyi_by_quadrature(alpha, &p, &q),
                );
            }
        }
        let (p, q) = (lindley(3.0), lindley(1.25));
        assert_close(
            value(Renyi, &p, Some(&q), Some(&Expr::Infinity)),
            log_density(&p, 0.0) - log_density(&q, 0.0),
        );
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::Infinity)));
        // θ_α = 2·(1/2) − 1·2 < 0.
        assert_infinite(apply(
            Renyi,
            &lindley(0.5),
            Some(&lindley(2.0)),
            Some(&Expr::int(2)),
        ));
    }

    #[test]
    fn total_variation_matches_quadrature() {
        for (t1, t2) in [(0.5, 2.0), (3.0, 1.25)] {
            let (p, q) = (lindley(t1), lindley(t2));
            assert_close(
                value(TotalVariation, &p, Some(&q), None),
                total_variation_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn entropy_matches_quadrature() {
        for theta in [0.5, 2.0] {
            let p = lindley(theta);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
