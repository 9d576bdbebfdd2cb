//! Closed forms for the Poisson distribution Poisson(λ), λ ≥ 0 (Poisson(0) is the point mass at 0).
//!
//! The entropy has no finite closed form (it needs E[log K!]); the series method computes it.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::Expr;

use super::common::{
    decided_compare, identical, infinite, interpolate, is_zero, log_ratio, order_of, power_mix,
    sign, undecided, Order,
};
use super::finite::MASS_WHERE_Q_HAS_NONE;
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Poisson,
        q: Some(FamilyKind::Poisson),
        formula: kl,
        reference: "Nielsen & Nock, Entropies and cross-entropies of exponential families, Proc. IEEE ICIP \
                    2010 (Bregman divergence of F(θ) = e^θ)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Poisson,
        q: Some(FamilyKind::Poisson),
        formula: renyi,
        reference: "Nielsen & Nock, arXiv:1105.3259 (2011), Rényi divergence of exponential families from \
                    the log-normaliser F (F(θ) = e^θ); van Erven & Harremoës, IEEE Trans. IT 60(7) (2014), \
                    §II (orders 0 and ∞)",
    },
];

/// The zeroness of λ₁ and λ₂; open zeroness is treated as positive (the formulas are the continuous
/// extensions), except where it decides between finite and infinite.
fn rates(query: &Query<'_>) -> (Expr, Expr) {
    (query.p.scalar(0).clone(), query.q().scalar(0).clone())
}

/// KL(Poisson(λ₁) ‖ Poisson(λ₂)).
///
/// # Formula
///
/// ```text
/// KL = λ₂ − λ₁ + λ₁ (log λ₁ − log λ₂)    (λ₁ = 0: KL = λ₂; λ₂ = 0 < λ₁: +∞)
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let (l1, l2) = rates(query);
    let linear = l2.clone() - l1.clone();
    match (is_zero(&l1), is_zero(&l2)) {
        (Some(true), _) => Ok(l2),
        (Some(false), Some(true)) => infinite(MASS_WHERE_Q_HAS_NONE),
        (None, Some(true)) => Err(undecided("λ₁ = 0")),
        _ => Ok(linear + l1.clone() * log_ratio(&l1, &l2)),
    }
}

/// The Rényi divergence of order α between Poisson distributions, including the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// D_α = (λ₁^α λ₂^(1−α) − α λ₁ − (1 − α) λ₂) / (α − 1)     (always finite for λ₁, λ₂ > 0)
///       λ₁ = 0: λ₂;   λ₂ = 0 < λ₁: α λ₁/(1 − α) for α < 1, +∞ for α > 1
/// D_∞ = λ₂ − λ₁ if λ₁ ≤ λ₂, +∞ otherwise
/// D_0 = 0 if λ₁ > 0, λ₂ if λ₁ = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let (l1, l2) = rates(query);
    let order = order_of(query)?;
    if let Order::One = order {
        return kl(query);
    }
    // P = Poisson(0) is the point mass at 0, where p/q = e^λ₂: every order gives λ₂.
    match is_zero(&l1) {
        Some(true) => return Ok(l2),
        Some(false) => {}
        None => return Err(undecided("λ₁ = 0")),
    }
    match order {
        Order::One => kl(query),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => match decided_compare(&l1, &l2, "λ₁ ≤ λ₂")? {
            Ordering::Greater => infinite("p/q is unbounded: the rate of P exceeds that of Q"),
            _ => Ok(l2 - l1),
        },
        Order::Finite(alpha) => {
            let mixed = interpolate(&alpha, &l1, &l2);
            match is_zero(&l2) {
                Some(false) => Ok((power_mix(&l1, &l2, &alpha) - mixed) / (alpha - 1)),
                Some(true) => match sign(&(alpha.clone() - 1)) {
                    Some(Ordering::Less) => Ok(alpha.clone() * l1 / (1 - alpha)),
                    Some(_) => infinite(MASS_WHERE_Q_HAS_NONE),
                    None => Err(undecided("the order is below 1")),
                },
                None => Err(undecided("λ₂ = 0")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        apply, assert_close, check_identities, is_infinite, poisson, r, renyi_value, value,
    };
    use crate::divergence::DivergenceKind;
    use crate::sym::{Domain, Expr};
    use statrs::distribution::{Discrete, Poisson};

    fn direct_renyi(alpha: f64, l1: f64, l2: f64) -> f64 {
        let (first, second) = (Poisson::new(l1).unwrap(), Poisson::new(l2).unwrap());
        let total: f64 = (0..400)
            .map(|k| (alpha * first.ln_pmf(k) + (1.0 - alpha) * second.ln_pmf(k)).exp())
            .sum();
        total.ln() / (alpha - 1.0)
    }

    #[test]
    fn kl_matches_the_reference_value_and_point_masses() {
        let kl = |p, q| apply(DivergenceKind::KullbackLeibler, &p, Some(&q), None);
        assert_close(
            value(
                DivergenceKind::KullbackLeibler,
                &poisson(r(7, 2)),
                Some(&poisson(r(1, 2))),
                None,
            ),
            3.810_685_521_693_596_6,
        );
        assert_eq!(kl(poisson(0), poisson(1)).unwrap(), Expr::int(1));
        assert!(is_infinite(&kl(poisson(1), poisson(0))));
        assert!(kl(poisson(0), poisson(0)).unwrap().is_zero());
        assert!(kl(poisson(r(2, 3)), poisson(r(2, 3))).unwrap().is_zero());
    }

    #[test]
    fn kl_with_a_symbolic_rate() {
        let l = Expr::symbol("l", Domain::Positive);
        let result = apply(
            DivergenceKind::KullbackLeibler,
            &poisson(l),
            Some(&poisson(1)),
            None,
        )
        .unwrap();
        let at = crate::sym::float::eval_f64(&result.substitute("l", &Expr::int(3))).unwrap();
        assert_close(at, 3.0 * 3f64.ln() + 1.0 - 3.0);
    }

    #[test]
    fn renyi_agrees_with_the_direct_sum() {
        for (alpha, order) in [(0.3, r(3, 10)), (2.5, r(5, 2)), (1.5, r(3, 2))] {
            let exact = renyi_value(order, &poisson(r(7, 2)), &poisson(r(1, 2)));
            assert!(
                (exact - direct_renyi(alpha, 3.5, 0.5)).abs() < 1e-11,
                "{exact} at {alpha}"
            );
        }
    }

    #[test]
    fn renyi_special_orders_and_point_masses() {
        assert_close(renyi_value(Expr::Infinity, &poisson(1), &poisson(3)), 2.0);
        assert!(renyi_value(Expr::Infinity, &poisson(3), &poisson(1)).is_infinite());
        assert_eq!(renyi_value(Expr::int(0), &poisson(3), &poisson(1)), 0.0);
        for alpha in [Expr::int(0), r(1, 2), Expr::int(2), Expr::Infinity] {
            assert_close(renyi_value(alpha, &poisson(0), &poisson(r(5, 2))), 2.5);
        }
        // Poisson(λ₁) ‖ Poisson(0): only k = 0 is shared, ∫p^α q^(1−α) = e^(−αλ₁).
        assert_close(renyi_value(r(1, 3), &poisson(2), &poisson(0)), 1.0);
        assert!(renyi_value(Expr::int(2), &poisson(2), &poisson(0)).is_infinite());
    }

    #[test]
    fn identities_hold() {
        check_identities(&poisson(r(7, 2)), &poisson(r(1, 2)));
        check_identities(&poisson(r(1, 2)), &poisson(r(7, 2)));
        check_identities(&poisson(0), &poisson(2));
    }
}
