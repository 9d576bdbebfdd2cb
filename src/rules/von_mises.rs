//! Closed forms for the von Mises distribution VonMises(μ, κ) on the circle, location μ and concentration κ.
//!
//! The family is exponential with statistic (cos x, sin x), natural parameter κ(cos μ, sin μ) and
//! log-normaliser log(2π I₀(|θ|)); E_P cos(X − μ₁) = A(κ₁) = I₁(κ₁)/I₀(κ₁) and E_P sin(X − μ₁) = 0.
//! Every interpolated natural parameter is valid, so the Rényi divergence is finite for every order.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{abs, pi, sqrt, Expr, Function};

use super::blocks::{
    below_one, compare, cos, difference, from_normalisers, log_of, order_of, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::VonMises,
        q: Some(FamilyKind::VonMises),
        formula: kl,
        reference: "Mardia & Jupp, Directional Statistics (Wiley 2000), section 3.5 (E cos(X - mu) = A(kappa) = I1/I0); \
                    E_P[log p/q] with the von Mises density",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::VonMises,
        q: Some(FamilyKind::VonMises),
        formula: renyi,
        reference: "Nielsen & Nock, arXiv:1105.3259 (2011), Renyi divergence of exponential families from the \
                    log-normaliser log(2 pi I0(|theta|))",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::VonMises,
        q: None,
        formula: entropy,
        reference: "-E log p with E cos(X - mu) = A(kappa) (Mardia & Jupp, Directional Statistics, Wiley 2000, \
                    section 3.5)",
    },
];

/// (μ₁, κ₁, μ₂, κ₂).
fn parameters(query: &Query<'_>) -> (Expr, Expr, Expr, Expr) {
    let (p, q) = (query.p, query.q());
    (
        p.scalar(0).clone(),
        p.scalar(1).clone(),
        q.scalar(0).clone(),
        q.scalar(1).clone(),
    )
}

fn bessel(order: i64, x: Expr) -> Expr {
    Expr::Apply(Function::BesselI, vec![Expr::int(order), x])
}

/// log I₀(κ), exactly 0 at κ = 0.
fn log_bessel(concentration: Expr) -> Expr {
    if concentration.is_zero() {
        Expr::int(0)
    } else {
        log_of(bessel(0, concentration))
    }
}

/// κ A(κ) = κ I₁(κ)/I₀(κ), exactly 0 at κ = 0.
fn mean_resultant(concentration: Expr) -> Expr {
    if concentration.is_zero() {
        Expr::int(0)
    } else {
        bessel(1, concentration.clone()) / bessel(0, concentration)
    }
}

/// |a e^{iμ₁} + b e^{iμ₂}| for real weights a, b: the length of a sum of two planar vectors.
fn resultant_length(
    a: Expr,
    b: Expr,
    difference: &Expr,
    same_direction: bool,
) -> Result<Expr, crate::rules::Verdict> {
    if same_direction {
        let sum = a + b;
        return Ok(match sum.as_rational() {
            Some(value) => Expr::number(num_traits::Signed::abs(value)),
            None => match compare(&sum, &Expr::int(0), "the resultant is ≥ 0") {
                Ok(Ordering::Less) => -sum,
                Ok(_) => sum,
                Err(_) => abs(sum),
            },
        });
    }
    Ok(sqrt(
        a.clone().powi(2) + b.clone().powi(2) + 2 * a * b * cos(difference.clone()),
    ))
}

/// KL(VonMises(μ₁, κ₁) ‖ VonMises(μ₂, κ₂)).
///
/// # Formula
///
/// ```text
/// KL = log I₀(κ₂) − log I₀(κ₁) + (I₁(κ₁)/I₀(κ₁)) (κ₁ − κ₂ cos(μ₁ − μ₂))
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (m1, k1, m2, k2) = parameters(query);
    let projection = k1.clone() - k2.clone() * cos(m1 - m2);
    let moment = if k1.is_zero() {
        Expr::int(0)
    } else {
        mean_resultant(k1.clone()) * projection
    };
    Ok(difference(log_bessel(k2), log_bessel(k1)) + moment)
}

/// The Rényi divergence of order α between von Mises distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// κ_α = |α κ₁ e^{iμ₁} + (1 − α) κ₂ e^{iμ₂}| = √(α²κ₁² + (1 − α)²κ₂² + 2α(1 − α)κ₁κ₂ cos(μ₁ − μ₂))
/// D_α = log I₀(κ₂) − log I₀(κ₁) + (log I₀(κ_α) − log I₀(κ₁)) / (α − 1)     (finite for every α)
/// D_∞ = log I₀(κ₂) − log I₀(κ₁) + √(κ₁² + κ₂² − 2κ₁κ₂ cos(μ₁ − μ₂))
/// D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (m1, k1, m2, k2) = parameters(query);
    let separation = m1.clone() - m2.clone();
    let same_direction = compare(&m1, &m2, "μ₁ = μ₂") == Ok(Ordering::Equal);
    match order_of(query) {
        Order::One => kl(query),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => {
            let reach = resultant_length(k1.clone(), -k2.clone(), &separation, same_direction)?;
            Ok(difference(log_bessel(k2), log_bessel(k1)) + reach)
        }
        Order::Finite(alpha) => {
            let a = alpha.clone() * k1.clone();
            let b = (1 - alpha.clone()) * k2.clone();
            // Both weights are ≥ 0 below order 1: the resultant along one direction needs no absolute value.
            let mixed = if same_direction && below_one(&alpha) == Ok(true) {
                a + b
            } else {
                resultant_length(a, b, &separation, same_direction)?
            };
            Ok(from_normalisers(
                log_bessel(k1),
                log_bessel(k2),
                log_bessel(mixed),
                &alpha,
            ))
        }
    }
}

/// The differential entropy of VonMises(μ, κ).
///
/// # Formula
///
/// ```text
/// H = log(2π) + log I₀(κ) − κ I₁(κ)/I₀(κ)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let concentration = query.p.scalar(1).clone();
    Ok(log_of(2 * pi()) + log_bessel(concentration.clone())
        - concentration.clone() * mean_resultant(concentration))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi};
    use crate::family::FamilyKind::VonMises;
    use crate::sym::Expr;

    fn von_mises(location: f64, concentration: f64) -> crate::family::Family {
        member(VonMises, &[location, concentration])
    }

    #[test]
    fn kl_matches_quadrature() {
        for (p, q) in [
            (von_mises(1.0, 2.5), von_mises(-0.5, 1.0)),
            (von_mises(0.0, 0.0), von_mises(0.5, 3.0)),
            (von_mises(0.25, 4.0), von_mises(0.25, 0.5)),
        ] {
            assert_close(
                value(KullbackLeibler, &p, Some(&q), None),
                kl_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn renyi_matches_quadrature_on_both_sides_of_one() {
        for (p, q) in [
            (von_mises(1.0, 2.5), von_mises(-0.5, 1.0)),
            (von_mises(0.25, 1.0), von_mises(0.25, 3.0)),
        ] {
            for alpha in [0.3, 0.7, 1.5, 4.0] {
                let order = exact(alpha);
                assert_close(
                    value(Renyi, &p, Some(&q), Some(&order)),
                    renyi_by_quadrature(alpha, &p, &q),
                );
            }
        }
    }

    #[test]
    fn renyi_of_infinite_order_is_the_maximum_of_the_log_ratio() {
        let (p, q) = (von_mises(1.0, 2.5), von_mises(-0.5, 1.0));
        let maximum = (0..=20000)
            .map(|k| -std::f64::consts::PI + f64::from(k) * std::f64::consts::TAU / 20000.0)
            .map(|x| log_density(&p, x) - log_density(&q, x))
            .fold(f64::NEG_INFINITY, f64::max);
        let closed = value(Renyi, &p, Some(&q), Some(&Expr::Infinity));
        assert!((closed - maximum).abs() < 1e-6 && closed >= maximum - 1e-12);
        let (p, q) = (von_mises(0.0, 1.0), von_mises(0.0, 3.0));
        let expected =
            log_density(&p, std::f64::consts::PI) - log_density(&q, std::f64::consts::PI);
        assert_close(value(Renyi, &p, Some(&q), Some(&Expr::Infinity)), expected);
    }

    #[test]
    fn entropy_matches_quadrature() {
        for (location, concentration) in [(0.0, 0.0), (1.0, 2.5)] {
            let p = von_mises(location, concentration);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
