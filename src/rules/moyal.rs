//! Closed forms for the Moyal distribution Moyal(μ, σ), location μ and **scale** σ.
//!
//! If X ~ Moyal(μ, σ) then Y = e^{−(X − μ)/σ} ~ Chi2(1) = Gamma(½, rate ½): E[(X − μ)/σ] = γ + log 2 and
//! E e^{−c(X − μ)/σ} = 2^c Γ(½ + c)/√π, which close KL for all parameters. With a common scale σ,
//! x ↦ e^{−x/σ} maps Moyal(μ, σ) onto Gamma(½, rate e^{μ/σ}/2), a gamma family of one shape, which gives
//! the Rényi divergence of every order and the total variation (the gamma CDF of shape ½ is erf(√y)).

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{abs, erf, euler_gamma, log, pi, sqrt, Expr};

use super::blocks::{
    below_one, compare, exp_of, exponential_renyi, infinite, lgamma_difference, log_of, log_ratio,
    not_applicable, order_of, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Moyal,
        q: Some(FamilyKind::Moyal),
        formula: kl,
        reference: "E_P[-log q] from exp(-(X - mu)/sigma) ~ Chi2(1) (Moyal, Phil. Mag. 46 (1955) 263-280; \
                    Walck, Handbook on Statistical Distributions for Experimentalists (2007), Moyal section)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Moyal,
        q: Some(FamilyKind::Moyal),
        formula: renyi,
        reference: "gamma Renyi divergence of one shape 1/2 (Gil, Alajaji & Linder, Inf. Sci. 249 (2013)) \
                    through x -> exp(-x/sigma), common scale",
    },
    Rule {
        divergence: DivergenceKind::TotalVariation,
        p: FamilyKind::Moyal,
        q: Some(FamilyKind::Moyal),
        formula: total_variation,
        reference: "gamma TV of a common shape |P(a, b1 x*) - P(a, b2 x*)| with a = 1/2, P(1/2, y) = erf(sqrt y), \
                    through x -> exp(-x/sigma), common scale",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Moyal,
        q: None,
        formula: entropy,
        reference: "-E log p with E[(X - mu)/sigma] = gamma + log 2 and E exp(-(X - mu)/sigma) = 1 \
                    (exp(-(X - mu)/sigma) ~ Chi2(1))",
    },
];

/// (μ₁, σ₁, μ₂, σ₂).
fn parameters(query: &Query<'_>) -> (Expr, Expr, Expr, Expr) {
    let (p, q) = (query.p, query.q());
    (
        p.scalar(0).clone(),
        p.scalar(1).clone(),
        q.scalar(0).clone(),
        q.scalar(1).clone(),
    )
}

const DIFFERENT_SCALES: &str = "no closed form for Moyal distributions of different scales";

/// KL(Moyal(μ₁, σ₁) ‖ Moyal(μ₂, σ₂)).
///
/// # Formula
///
/// ```text
/// c = σ₁/σ₂,  δ = (μ₁ − μ₂)/σ₂
/// KL = log σ₂ − log σ₁ + ½ [ (c − 1)(γ + log 2) + δ + e^{−δ} 2^c Γ(c + ½)/√π − 1 ]
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (m1, s1, m2, s2) = parameters(query);
    let ratio = s1.clone() / s2.clone();
    let shift = (m1 - m2) / s2.clone();
    // 2^c Γ(c + ½)/√π = exp(c log 2 + log Γ(c + ½) − log Γ(½)), exactly 1 at c = 1.
    let moment = if ratio.is_one() {
        Expr::int(1)
    } else {
        exp_of(
            ratio.clone() * log(Expr::int(2))
                + lgamma_difference(&(ratio.clone() + Expr::ratio(1, 2)), &Expr::ratio(1, 2)),
        )
    };
    let location = (ratio - 1) * (euler_gamma() + log(Expr::int(2)));
    Ok(log_ratio(&s2, &s1) + (location + shift.clone() + exp_of(-shift) * moment - 1) / 2)
}

/// The Rényi divergence of order α between Moyal distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// common scale σ, d = (μ₁ − μ₂)/σ:
/// D_α = d/2 − log(α + (1 − α) e^{−d}) / (2(α − 1))     finite iff α + (1 − α) e^{−d} > 0
/// D_∞ = d/2 if μ₁ ≥ μ₂, +∞ otherwise
/// different scales: +∞ for α > 1 (or α = ∞) when σ₁ > σ₂; no closed form otherwise
/// D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (m1, s1, m2, s2) = parameters(query);
    let alpha = match order_of(query) {
        Order::One => return kl(query),
        Order::Zero => return Ok(Expr::int(0)),
        Order::Infinity => None,
        Order::Finite(alpha) => Some(alpha),
    };
    match compare(&s1, &s2, "σ₁ = σ₂")? {
        Ordering::Equal => {
            let locations = compare(&m1, &m2, "μ₁ ≥ μ₂");
            let shift = (m1 - m2) / s1;
            match alpha {
                None => match locations? {
                    Ordering::Less => infinite("p/q is unbounded at -infinity when μ₁ < μ₂"),
                    _ => Ok(shift / 2),
                },
                // The gamma rule of one shape a is a times the exponential one in the rates.
                Some(alpha) => {
                    let at_most_one = matches!(locations, Ok(Ordering::Greater | Ordering::Equal));
                    exponential_renyi(-shift.clone(), exp_of(-shift), at_most_one, &alpha)
                        .map(|value| value / 2)
                }
            }
        }
        // At −∞, log p/q ≈ (e^{−(x − μ₂)/σ₂} − e^{−(x − μ₁)/σ₁})/2, unbounded when σ₁ > σ₂.
        Ordering::Greater => match alpha {
            None => infinite("p/q is unbounded at -infinity when σ₁ > σ₂"),
            Some(alpha) if !below_one(&alpha)? => {
                infinite("the Rényi integral diverges at -infinity for α > 1 when σ₁ > σ₂")
            }
            Some(_) => not_applicable(DIFFERENT_SCALES),
        },
        Ordering::Less => not_applicable(DIFFERENT_SCALES),
    }
}

/// The total variation between Moyal distributions of a common scale.
///
/// # Formula
///
/// ```text
/// d = (μ₁ − μ₂)/σ:   TV = |erf(√(d / (2(1 − e^{−d})))) − erf(√(d / (2(e^d − 1))))|   (0 when d = 0)
/// ```
fn total_variation(query: &Query<'_>) -> RuleResult {
    let (m1, s1, m2, s2) = parameters(query);
    if compare(&s1, &s2, "σ₁ = σ₂")? != Ordering::Equal {
        return not_applicable(DIFFERENT_SCALES);
    }
    let order = compare(&m1, &m2, "μ₁ ≥ μ₂");
    if order == Ok(Ordering::Equal) {
        return Ok(Expr::int(0));
    }
    let shift = (m1 - m2) / s1;
    // The rates b₁, b₂ = e^{μ/σ}/2 cross at x*; b₁x* and b₂x* are the arguments below.
    let first = erf(sqrt(shift.clone() / (2 * (1 - exp_of(-shift.clone())))));
    let second = erf(sqrt(shift.clone() / (2 * (exp_of(shift) - 1))));
    Ok(match order {
        Ok(Ordering::Greater) => first - second,
        Ok(_) => second - first,
        Err(_) => abs(first - second),
    })
}

/// The differential entropy of Moyal(μ, σ).
///
/// # Formula
///
/// ```text
/// H = log σ + ½ (1 + γ + log(4π))
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let scale = query.p.scalar(1).clone();
    Ok(log_of(scale) + (1 + euler_gamma() + log(4 * pi())) / 2)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi, TotalVariation};
    use crate::family::FamilyKind::Moyal;
    use crate::sym::Expr;

    fn moyal(location: f64, scale: f64) -> crate::family::Family {
        member(Moyal, &[location, scale])
    }

    #[test]
    fn kl_matches_quadrature() {
        for (p, q) in [
            (moyal(1.0, 0.5), moyal(-0.5, 1.25)),
            (moyal(0.0, 2.0), moyal(0.5, 1.0)),
            (moyal(0.0, 1.5), moyal(2.0, 1.5)),
        ] {
            assert_close(
                value(KullbackLeibler, &p, Some(&q), None),
                kl_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn renyi_with_a_common_scale_matches_quadrature() {
        let (p, q) = (moyal(1.0, 1.5), moyal(-0.5, 1.5));
        for alpha in [0.3, 0.6, 1.5, 3.0] {
            let order = exact(alpha);
            assert_close(
                value(Renyi, &p, Some(&q), Some(&order)),
                renyi_by_quadrature(alpha, &p, &q),
            );
        }
        for alpha in [0.3, 0.8] {
            let order = exact(alpha);
            assert_close(
                value(Renyi, &q, Some(&p), Some(&order)),
                renyi_by_quadrature(alpha, &q, &p),
            );
        }
        assert_close(value(Renyi, &p, Some(&q), Some(&Expr::Infinity)), 0.5);
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::Infinity)));
        let (p, q) = (moyal(0.0, 2.0), moyal(0.0, 1.0));
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::int(2))));
    }

    #[test]
    fn total_variation_matches_quadrature() {
        for (p, q) in [
            (moyal(1.0, 1.5), moyal(-0.5, 1.5)),
            (moyal(0.0, 0.5), moyal(0.25, 0.5)),
        ] {
            assert_close(
                value(TotalVariation, &p, Some(&q), None),
                total_variation_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn entropy_matches_quadrature() {
        for (location, scale) in [(0.0, 1.0), (1.0, 0.75)] {
            let p = moyal(location, scale);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
