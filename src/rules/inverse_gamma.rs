//! Closed forms for the inverse gamma distribution InvGamma(α, β), shape α and **scale** β.
//!
//! x ↦ 1/x maps InvGamma(α, β) onto Gamma(α, rate β), and KL and Rényi divergences are invariant under a
//! bijection applied to both arguments, so the divergences are the gamma ones with β in the place of the rate
//! (van Erven & Harremoës 2014). The entropy is not invariant and has its own form.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{digamma, lgamma, Expr};

use super::blocks::{
    compare, infinite, interpolate, lgamma_difference, log_of, log_ratio, order_of,
    require_mixture_positive, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::InverseGamma,
        q: Some(FamilyKind::InverseGamma),
        formula: kl,
        reference: "Penny, KL-divergences of Normal, Gamma, Dirichlet and Wishart densities (UCL 2001), \
                    gamma case, through x -> 1/x (van Erven & Harremoes, IEEE Trans. IT 60(7) 2014, \
                    data-processing inequality)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::InverseGamma,
        q: Some(FamilyKind::InverseGamma),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249 (2013) 124-131 (gamma row); Nielsen & Nock, \
                    arXiv:1105.3259 (2011), Renyi divergence from the log-normaliser; x -> 1/x",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::InverseGamma,
        q: None,
        formula: entropy,
        reference: "Nielsen & Nock, Entropies and cross-entropies of exponential families, Proc. IEEE ICIP 2010 \
                    (inverse gamma: E log X = log beta - psi(alpha), E 1/X = alpha/beta)",
    },
];

/// (α₁, β₁, α₂, β₂).
pub(crate) fn parameters(query: &Query<'_>) -> (Expr, Expr, Expr, Expr) {
    let (p, q) = (query.p, query.q());
    (
        p.scalar(0).clone(),
        p.scalar(1).clone(),
        q.scalar(0).clone(),
        q.scalar(1).clone(),
    )
}

/// G(a, b) − G(c, d) with G(a, b) = log Γ(a) − a log b, the gamma log-normaliser.
pub(crate) fn normaliser_difference(a: &Expr, b: &Expr, c: &Expr, d: &Expr) -> Expr {
    // a log b − c log d = a (log b − log d) + (a − c) log d, exactly 0 for (a, b) = (c, d).
    let powers = a.clone() * log_ratio(b, d) + (a.clone() - c.clone()) * log_of(d.clone());
    lgamma_difference(a, c) - powers
}

/// KL(Gamma(α₁, β₁) ‖ Gamma(α₂, β₂)) in the rate parametrisation.
pub(crate) fn gamma_kl(a1: &Expr, b1: &Expr, a2: &Expr, b2: &Expr) -> Expr {
    let shape_term = (a1.clone() - a2.clone()) * digamma(a1.clone());
    let rate_term = a1.clone() * (b2.clone() - b1.clone()) / b1.clone();
    shape_term + lgamma_difference(a2, a1) + a2.clone() * log_ratio(b1, b2) + rate_term
}

/// D_α(Gamma(α₁, β₁) ‖ Gamma(α₂, β₂)) for an order α ∈ [0, ∞] other than 1, rate parametrisation.
pub(crate) fn gamma_renyi(a1: &Expr, b1: &Expr, a2: &Expr, b2: &Expr, order: Order) -> RuleResult {
    let base = normaliser_difference(a2, b2, a1, b1);
    match order {
        Order::One => Ok(gamma_kl(a1, b1, a2, b2)),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => {
            let shapes = compare(a1, a2, "α₁ ≥ α₂")?;
            let rates = compare(b1, b2, "β₁ ≥ β₂")?;
            match (shapes, rates) {
                (Ordering::Equal, Ordering::Equal | Ordering::Greater) => Ok(base),
                (Ordering::Greater, Ordering::Greater) => {
                    let shift = a1.clone() - a2.clone();
                    let gap = b1.clone() - b2.clone();
                    Ok(base + shift.clone() * (log_ratio(&shift, &gap) - 1))
                }
                _ => infinite(
                    "p/q is unbounded: D_inf is finite only for α₁ = α₂, β₁ ≥ β₂ or α₁ > α₂, β₁ > β₂",
                ),
            }
        }
        Order::Finite(alpha) => {
            let shape = interpolate(&alpha, a1, a2);
            let rate = interpolate(&alpha, b1, b2);
            require_mixture_positive(
                &alpha,
                &shape,
                "α·α₁ + (1 − α)·α₂ > 0",
                "the Rényi integral diverges at this order: α·α₁ + (1 − α)·α₂ ≤ 0",
            )?;
            require_mixture_positive(
                &alpha,
                &rate,
                "α·β₁ + (1 − α)·β₂ > 0",
                "the Rényi integral diverges at this order: α·β₁ + (1 − α)·β₂ ≤ 0",
            )?;
            Ok(base + normaliser_difference(&shape, &rate, a1, b1) / (alpha - 1))
        }
    }
}

/// KL(InvGamma(α₁, β₁) ‖ InvGamma(α₂, β₂)).
///
/// # Formula
///
/// ```text
/// KL = (α₁ − α₂) ψ(α₁) − log Γ(α₁) + log Γ(α₂) + α₂ (log β₁ − log β₂) + α₁ (β₂ − β₁)/β₁
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (a1, b1, a2, b2) = parameters(query);
    Ok(gamma_kl(&a1, &b1, &a2, &b2))
}

/// The Rényi divergence of order α between inverse gamma distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// G(a, b) = log Γ(a) − a log b,  a_α = α α₁ + (1 − α) α₂,  b_α = α β₁ + (1 − α) β₂
/// D_α = G(α₂, β₂) − G(α₁, β₁) + (G(a_α, b_α) − G(α₁, β₁)) / (α − 1)   finite iff a_α > 0 and b_α > 0
/// D_∞ = C if α₁ = α₂ and β₁ ≥ β₂;  C + (α₁ − α₂)(log((α₁ − α₂)/(β₁ − β₂)) − 1) if α₁ > α₂ and β₁ > β₂;
///       +∞ otherwise, with C = G(α₂, β₂) − G(α₁, β₁)
/// D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (a1, b1, a2, b2) = parameters(query);
    gamma_renyi(&a1, &b1, &a2, &b2, order_of(query))
}

/// The differential entropy of InvGamma(α, β).
///
/// # Formula
///
/// ```text
/// H = α + log β + log Γ(α) − (1 + α) ψ(α)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let (shape, scale) = (query.p.scalar(0).clone(), query.p.scalar(1).clone());
    Ok(
        shape.clone() + log_of(scale) + lgamma(shape.clone())
            - (1 + shape.clone()) * digamma(shape),
    )
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi};
    use crate::family::FamilyKind::InverseGamma;
    use crate::sym::Expr;

    fn inverse_gamma(shape: f64, scale: f64) -> crate::family::Family {
        member(InverseGamma, &[shape, scale])
    }

    #[test]
    fn kl_matches_the_public_case_and_quadrature() {
        let (p, q) = (inverse_gamma(0.5, 1.0), inverse_gamma(1.0, 1.0));
        assert_close(
            value(KullbackLeibler, &p, Some(&q), None),
            0.409_390_070_086_011_7,
        );
        let (p, q) = (inverse_gamma(3.0, 2.0), inverse_gamma(1.5, 0.75));
        assert_close(
            value(KullbackLeibler, &p, Some(&q), None),
            kl_by_quadrature(&p, &q),
        );
    }

    #[test]
    fn renyi_matches_quadrature_on_both_sides_of_one() {
        let (p, q) = (inverse_gamma(3.0, 2.0), inverse_gamma(2.0, 1.5));
        for alpha in [0.25, 0.75, 1.5, 2.5] {
            let order = exact(alpha);
            assert_close(
                value(Renyi, &p, Some(&q), Some(&order)),
                renyi_by_quadrature(alpha, &p, &q),
            );
        }
        let (p, q) = (inverse_gamma(1.5, 2.0), inverse_gamma(4.0, 3.0));
        for alpha in [0.5, 1.25] {
            let order = exact(alpha);
            assert_close(
                value(Renyi, &p, Some(&q), Some(&order)),
                renyi_by_quadrature(alpha, &p, &q),
            );
        }
    }

    #[test]
    fn renyi_limits_and_infinite_range() {
        let (p, q) = (inverse_gamma(3.0, 2.0), inverse_gamma(1.5, 1.0));
        // D_∞ = log p/q at its maximum, x = (β₁ − β₂)/(α₁ − α₂) on the inverse-gamma scale.
        let x = (2.0 - 1.0) / (3.0 - 1.5);
        let expected = log_density(&p, x) - log_density(&q, x);
        assert_close(value(Renyi, &p, Some(&q), Some(&Expr::Infinity)), expected);
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::Infinity)));
        assert_eq!(value(Renyi, &p, Some(&q), Some(&Expr::int(0))), 0.0);
        // b_α = 3·1 − 2·2 < 0.
        let (p, q) = (inverse_gamma(1.0, 1.0), inverse_gamma(1.0, 2.0));
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::int(3))));
    }

    #[test]
    fn symbolic_parameters_need_no_decision_below_order_one() {
        let p = crate::rules::symbolic_member(InverseGamma, "1").expect("scalar parameters");
        let q = crate::rules::symbolic_member(InverseGamma, "2").expect("scalar parameters");
        assert!(apply(Renyi, &p, Some(&q), Some(&Expr::ratio(1, 2))).is_ok());
        assert!(matches!(
            apply(Renyi, &p, Some(&q), Some(&Expr::int(2))),
            Err(crate::rules::Verdict::Undecided(_))
        ));
    }

    #[test]
    fn entropy_matches_quadrature() {
        for (shape, scale) in [(0.5, 1.0), (3.0, 0.25)] {
            let p = inverse_gamma(shape, scale);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
