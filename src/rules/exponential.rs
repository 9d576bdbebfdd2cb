//! Closed forms for the exponential distribution Exp(λ), parametrised by its **rate** λ (density λ e^(−λx)).

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::Expr;

use super::common::{
    decided_compare, identical, infinite, interpolate, log_of, log_ratio, order_of,
    require_positive, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Exponential,
        q: Some(FamilyKind::Exponential),
        formula: kl,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249:124–131 (2013), table of Kullback–Leibler \
                    divergences (Exponential)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Exponential,
        q: Some(FamilyKind::Exponential),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249:124–131 (2013), table of Rényi divergences \
                    (Exponential); Nielsen & Nock, arXiv:1105.3259 (2011), Rényi divergence of exponential \
                    families from the log-normaliser F",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Exponential,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Table 17.1 (Exponential)",
    },
];

fn rates(query: &Query<'_>) -> (Expr, Expr) {
    (query.p.scalar(0).clone(), query.q().scalar(0).clone())
}

/// KL(Exp(λ₁) ‖ Exp(λ₂)).
///
/// # Formula
///
/// ```text
/// KL = λ₂/λ₁ − 1 + log λ₁ − log λ₂
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let (l1, l2) = rates(query);
    Ok(l2.clone() / l1.clone() - 1 + log_ratio(&l1, &l2))
}

/// The Rényi divergence of order α between exponential distributions, including the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// λ_α = α λ₁ + (1 − α) λ₂
/// D_α = log(λ₁/λ₂) + log(λ₁/λ_α) / (α − 1)     finite iff λ_α > 0
/// D_∞ = log(λ₁/λ₂) if λ₁ ≥ λ₂, +∞ otherwise
/// D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let (l1, l2) = rates(query);
    match order_of(query)? {
        Order::One => kl(query),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => match decided_compare(&l1, &l2, "λ₁ ≥ λ₂")? {
            Ordering::Less => infinite("p/q is unbounded: the rate of P is below that of Q"),
            _ => Ok(log_ratio(&l1, &l2)),
        },
        Order::Finite(alpha) => {
            let mixed = interpolate(&alpha, &l1, &l2);
            require_positive(
                &alpha,
                &mixed,
                "α·λ₁ + (1 − α)·λ₂ > 0",
                "the Rényi integral diverges at this order: α·λ₁ + (1 − α)·λ₂ ≤ 0",
            )?;
            Ok(log_ratio(&l1, &l2) + log_ratio(&l1, &mixed) / (alpha - 1))
        }
    }
}

/// The differential entropy of Exp(λ).
///
/// # Formula
///
/// ```text
/// H = 1 − log λ
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    Ok(1 - log_of(query.p.scalar(0).clone()))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        apply, assert_close, check_identities, exponential, integrate_half_line, r,
        renyi_from_integral, renyi_value, value,
    };
    use crate::divergence::DivergenceKind;
    use crate::sym::Expr;

    #[test]
    fn kl_matches_the_reference_value() {
        // KL(Exp(rate 2) ‖ Exp(scale 3)) and the cross-entropy H(Exp(2), Exp(5)) = H + KL.
        let kl = value(
            DivergenceKind::KullbackLeibler,
            &exponential(2),
            Some(&exponential(r(1, 3))),
            None,
        );
        assert_close(kl, 0.958_426_135_894_721_7);
        let cross = value(DivergenceKind::Entropy, &exponential(2), None, None)
            + value(
                DivergenceKind::KullbackLeibler,
                &exponential(2),
                Some(&exponential(5)),
                None,
            );
        assert_close(cross, 0.890_562_087_565_899_6);
    }

    #[test]
    fn renyi_agrees_with_quadrature() {
        for (alpha, l1, l2) in [(0.3, 1.0, 4.0), (2.5, 3.0, 2.0), (1.5, 0.5, 0.75)] {
            let density = |l: f64, x: f64| l * (-l * x).exp();
            let integral = integrate_half_line(&|x| {
                density(l1, x).powf(alpha) * density(l2, x).powf(1.0 - alpha)
            });
            let exact = renyi_value(
                super::super::tests::rational(alpha),
                &exponential(super::super::tests::rational(l1)),
                &exponential(super::super::tests::rational(l2)),
            );
            assert!(
                (exact - renyi_from_integral(alpha, integral)).abs() < 1e-11,
                "{alpha} {l1} {l2}"
            );
        }
    }

    #[test]
    fn renyi_orders_zero_infinity_and_outside_the_range() {
        assert_close(
            renyi_value(Expr::Infinity, &exponential(3), &exponential(1)),
            3f64.ln(),
        );
        assert!(renyi_value(Expr::Infinity, &exponential(1), &exponential(3)).is_infinite());
        assert_eq!(
            renyi_value(Expr::int(0), &exponential(1), &exponential(3)),
            0.0
        );
        // 3·1 − 2·2 < 0.
        assert!(renyi_value(Expr::int(3), &exponential(1), &exponential(2)).is_infinite());
        let exact = apply(
            DivergenceKind::Renyi,
            &exponential(r(2, 3)),
            Some(&exponential(r(2, 3))),
            Some(&r(1, 2)),
        );
        assert!(exact.unwrap().is_zero());
    }

    #[test]
    fn entropy_values() {
        assert_close(
            value(DivergenceKind::Entropy, &exponential(1), None, None),
            1.0,
        );
        assert_close(
            value(DivergenceKind::Entropy, &exponential(r(1, 2)), None, None),
            1.0 + 2f64.ln(),
        );
    }

    #[test]
    fn identities_hold() {
        check_identities(&exponential(2), &exponential(r(1, 3)));
        check_identities(&exponential(r(1, 3)), &exponential(2));
    }
}
