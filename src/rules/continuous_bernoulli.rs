//! Closed forms for the continuous Bernoulli distribution CB(λ) on [0, 1].
//!
//! The family is exponential: statistic x, natural parameter η = log(λ/(1 − λ)) and log-normaliser
//! F(η) = log((e^η − 1)/η) (F(0) = 0 at λ = ½), which equals −log(1 − λ) − log C(λ) with the normalising
//! constant C(λ) of the density. The mean is λ/(2λ − 1) − 1/η (½ at λ = ½). Every η is valid, so the Rényi
//! divergence is finite for every order; log p/q is linear in x, so D_∞ sits at an end and the densities
//! cross once, which gives the total variation from the CDF (λ^x (1 − λ)^{1−x} + λ − 1)/(2λ − 1).

use std::cmp::Ordering;

use num_traits::One;

use crate::divergence::DivergenceKind;
use crate::exact::{checked_power, Rational};
use crate::family::continuous_bernoulli::log_normaliser;
use crate::family::FamilyKind;
use crate::sym::{exp, log, Expr};

use super::blocks::{
    compare, difference, from_normalisers, interpolate, log_ratio, order_of, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::ContinuousBernoulli,
        q: Some(FamilyKind::ContinuousBernoulli),
        formula: kl,
        reference: "E_P[log p/q] with the mean of Loaiza-Ganem & Cunningham, The continuous Bernoulli: fixing a \
                    pervasive error in variational autoencoders, NeurIPS 2019",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::ContinuousBernoulli,
        q: Some(FamilyKind::ContinuousBernoulli),
        formula: renyi,
        reference: "Nielsen & Nock, arXiv:1105.3259 (2011), Renyi divergence of exponential families from the \
                    log-normaliser log((e^eta - 1)/eta)",
    },
    Rule {
        divergence: DivergenceKind::TotalVariation,
        p: FamilyKind::ContinuousBernoulli,
        q: Some(FamilyKind::ContinuousBernoulli),
        formula: total_variation,
        reference: "|F_P(x*) - F_Q(x*)| at the single crossing x* of the densities, with the CDF of \
                    Loaiza-Ganem & Cunningham, NeurIPS 2019",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::ContinuousBernoulli,
        q: None,
        formula: entropy,
        reference: "-E log p with the mean of Loaiza-Ganem & Cunningham, NeurIPS 2019",
    },
];

/// η(λ) = log λ − log(1 − λ), exactly 0 at λ = ½.
fn natural(lambda: &Expr) -> Expr {
    log_ratio(lambda, &(1 - lambda.clone()))
}

/// The mean λ/(2λ − 1) − 1/η, exactly ½ at λ = ½.
fn mean(lambda: &Expr) -> Expr {
    if *lambda == Expr::ratio(1, 2) {
        return Expr::ratio(1, 2);
    }
    lambda.clone() / (2 * lambda.clone() - 1) - 1 / natural(lambda)
}

/// F(η) = log((e^η − 1)/η) (= −log(1 − λ) − log C(λ) at η = η(λ)); 0 when η is known to be 0.
fn normaliser_at(eta: Expr, is_zero: bool) -> Expr {
    if is_zero || eta.is_zero() {
        return Expr::int(0);
    }
    log((exp(eta.clone()) - 1) / eta)
}

/// Whether α η₁ + (1 − α) η₂ = 0 exactly, decided for rational α, λ₁, λ₂: with α = n/d and rᵢ = λᵢ/(1 − λᵢ),
/// it is r₁^n r₂^{d − n} = 1.
fn mixed_is_zero(alpha: &Expr, l1: &Expr, l2: &Expr) -> bool {
    let (Some(alpha), Some(l1), Some(l2)) =
        (alpha.as_rational(), l1.as_rational(), l2.as_rational())
    else {
        return false;
    };
    let odds = |l: &Rational| l / (Rational::one() - l);
    let (n, d) = (alpha.numer().clone(), alpha.denom().clone());
    let first = checked_power(&odds(l1), &n);
    let second = checked_power(&odds(l2), &(d - n));
    matches!((first, second), (Some(a), Some(b)) if (&a * &b).is_one())
}

/// KL(CB(λ₁) ‖ CB(λ₂)).
///
/// # Formula
///
/// ```text
/// m₁ = λ₁/(2λ₁ − 1) − 1/log(λ₁/(1 − λ₁))   (½ at λ₁ = ½)
/// KL = log C(λ₁) − log C(λ₂) + m₁ (log λ₁ − log λ₂) + (1 − m₁)(log(1 − λ₁) − log(1 − λ₂))
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (l1, l2) = (query.p.scalar(0).clone(), query.q().scalar(0).clone());
    let m1 = mean(&l1);
    let constants = if l1 == l2 {
        Expr::int(0)
    } else {
        log_normaliser(l1.clone()) - log_normaliser(l2.clone())
    };
    Ok(constants + m1.clone() * log_ratio(&l1, &l2) + (1 - m1) * log_ratio(&(1 - l1), &(1 - l2)))
}

/// The Rényi divergence of order α between continuous Bernoulli distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// F(η) = log((e^η − 1)/η),  ηᵢ = log(λᵢ/(1 − λᵢ)),  η_α = α η₁ + (1 − α) η₂
/// D_α = F(η₂) − F(η₁) + (F(η_α) − F(η₁)) / (α − 1)     (finite for every α; F(0) = 0)
/// D_∞ = log C(λ₁) − log C(λ₂) + (log λ₁ − log λ₂ if λ₁ ≥ λ₂, else log(1 − λ₁) − log(1 − λ₂))
/// D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (l1, l2) = (query.p.scalar(0).clone(), query.q().scalar(0).clone());
    match order_of(query) {
        Order::One => kl(query),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => {
            let constants = difference(log_normaliser(l1.clone()), log_normaliser(l2.clone()));
            Ok(match compare(&l1, &l2, "λ₁ ≥ λ₂")? {
                Ordering::Less => constants + log_ratio(&(1 - l1), &(1 - l2)),
                _ => constants + log_ratio(&l1, &l2),
            })
        }
        Order::Finite(alpha) => {
            let (eta1, eta2) = (natural(&l1), natural(&l2));
            let eta = interpolate(&alpha, &eta1, &eta2);
            let mixed = normaliser_at(eta, mixed_is_zero(&alpha, &l1, &l2));
            Ok(from_normalisers(
                normaliser_at(eta1, false),
                normaliser_at(eta2, false),
                mixed,
                &alpha,
            ))
        }
    }
}

/// The CDF of CB(λ) at x: (λ^x (1 − λ)^{1−x} + λ − 1)/(2λ − 1), or x at λ = ½.
fn distribution_function(lambda: &Expr, x: &Expr) -> Expr {
    if *lambda == Expr::ratio(1, 2) {
        return x.clone();
    }
    let power = exp(x.clone() * log(lambda.clone()) + (1 - x.clone()) * log(1 - lambda.clone()));
    (power + lambda.clone() - 1) / (2 * lambda.clone() - 1)
}

/// The total variation between continuous Bernoulli distributions.
///
/// # Formula
///
/// ```text
/// x* = −(log C(λ₁) − log C(λ₂) + log(1 − λ₁) − log(1 − λ₂)) / (η₁ − η₂)   (where p = q)
/// TV = F₂(x*) − F₁(x*) if λ₁ > λ₂, F₁(x*) − F₂(x*) if λ₁ < λ₂, 0 if λ₁ = λ₂
/// ```
fn total_variation(query: &Query<'_>) -> RuleResult {
    let (l1, l2) = (query.p.scalar(0).clone(), query.q().scalar(0).clone());
    let order = compare(&l1, &l2, "λ₁ ≥ λ₂")?;
    if order == Ordering::Equal {
        return Ok(Expr::int(0));
    }
    let offset = log_normaliser(l1.clone()) - log_normaliser(l2.clone())
        + log_ratio(&(1 - l1.clone()), &(1 - l2.clone()));
    let crossing = -offset / (natural(&l1) - natural(&l2));
    let (first, second) = (
        distribution_function(&l1, &crossing),
        distribution_function(&l2, &crossing),
    );
    // With λ₁ > λ₂ the ratio p/q increases, so p < q before the crossing.
    Ok(match order {
        Ordering::Greater => second - first,
        _ => first - second,
    })
}

/// The differential entropy of CB(λ).
///
/// # Formula
///
/// ```text
/// H = −log C(λ) − m log λ − (1 − m) log(1 − λ),   m = λ/(2λ − 1) − 1/log(λ/(1 − λ))  (½ at λ = ½)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let lambda = query.p.scalar(0).clone();
    let m = mean(&lambda);
    Ok(-log_normaliser(lambda.clone())
        - m.clone() * log(lambda.clone())
        - (1 - m) * log(1 - lambda))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi, TotalVariation};
    use crate::family::FamilyKind::ContinuousBernoulli;
    use crate::sym::Expr;

    fn cb(lambda: f64) -> crate::family::Family {
        member(ContinuousBernoulli, &[lambda])
    }

    #[test]
    fn kl_matches_quadrature() {
        for (l1, l2) in [(0.2, 0.7), (0.5, 0.9), (0.875, 0.5)] {
            let (p, q) = (cb(l1), cb(l2));
            assert_close(
                value(KullbackLeibler, &p, Some(&q), None),
                kl_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn renyi_matches_quadrature_on_both_sides_of_one() {
        for (l1, l2) in [(0.2, 0.7), (0.5, 0.9)] {
            let (p, q) = (cb(l1), cb(l2));
            for alpha in [0.3, 0.7, 1.5, 3.0] {
                let order = exact(alpha);
                assert_close(
                    value(Renyi, &p, Some(&q), Some(&order)),
                    renyi_by_quadrature(alpha, &p, &q),
                );
            }
        }
        // η_α = 0 exactly: λ = 1/3 and 2/3 at α = ½ (odds 1/2 and 2).
        let third = |n| crate::family::Family {
            kind: ContinuousBernoulli,
            params: vec![crate::family::Param::Scalar(Expr::ratio(n, 3))],
        };
        let (p, q) = (third(1), third(2));
        assert_close(
            value(Renyi, &p, Some(&q), Some(&Expr::ratio(1, 2))),
            renyi_by_quadrature(0.5, &p, &q),
        );
    }

    #[test]
    fn renyi_of_infinite_order_sits_at_an_end() {
        let (p, q) = (cb(0.2), cb(0.7));
        assert_close(
            value(Renyi, &p, Some(&q), Some(&Expr::Infinity)),
            log_density(&p, 0.0) - log_density(&q, 0.0),
        );
        assert_close(
            value(Renyi, &q, Some(&p), Some(&Expr::Infinity)),
            log_density(&q, 1.0) - log_density(&p, 1.0),
        );
    }

    #[test]
    fn total_variation_matches_quadrature() {
        for (l1, l2) in [(0.2, 0.7), (0.5, 0.9), (0.875, 0.5)] {
            let (p, q) = (cb(l1), cb(l2));
            assert_close(
                value(TotalVariation, &p, Some(&q), None),
                total_variation_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn entropy_matches_quadrature() {
        for lambda in [0.2, 0.5, 0.9] {
            let p = cb(lambda);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
