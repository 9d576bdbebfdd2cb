//! Closed forms for the Kumaraswamy distribution Kumaraswamy(a, b) on (0, 1).
//!
//! With a common first shape a, x ↦ −log(1 − x^a) maps Kumaraswamy(a, b) onto Exp(b), which gives KL, the
//! Rényi divergence of every order and the total variation. With different first shapes the divergences are
//! series (E log(1 − X^{a₂}) has no closed form); only the infinite cases are decided.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{digamma, euler_gamma, Expr};

use super::blocks::{
    compare, exponential_renyi, exponential_total_variation, infinite, interpolate, log_of,
    log_ratio, not_applicable, order_of, require_mixture_positive, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Kumaraswamy,
        q: Some(FamilyKind::Kumaraswamy),
        formula: kl,
        reference:
            "exponential KL through x -> -log(1 - x^a) (common first shape; Jones, Statistical \
                    Methodology 6 (2009) 70-81: 1 - X^a is Beta(1, b))",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Kumaraswamy,
        q: Some(FamilyKind::Kumaraswamy),
        formula: renyi,
        reference:
            "exponential Renyi divergence (Gil, Alajaji & Linder, Inf. Sci. 249 (2013)) through \
                    x -> -log(1 - x^a), common first shape",
    },
    Rule {
        divergence: DivergenceKind::TotalVariation,
        p: FamilyKind::Kumaraswamy,
        q: Some(FamilyKind::Kumaraswamy),
        formula: total_variation,
        reference: "exponential TV through x -> -log(1 - x^a), common first shape",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Kumaraswamy,
        q: None,
        formula: entropy,
        reference: "-E log p with 1 - X^a ~ Beta(1, b) (Jones, Kumaraswamy's distribution: a beta-type \
                    distribution with some tractability advantages, Statistical Methodology 6 (2009) 70-81)",
    },
];

/// (a₁, b₁, a₂, b₂).
fn parameters(query: &Query<'_>) -> (Expr, Expr, Expr, Expr) {
    let (p, q) = (query.p, query.q());
    (
        p.scalar(0).clone(),
        p.scalar(1).clone(),
        q.scalar(0).clone(),
        q.scalar(1).clone(),
    )
}

const DIFFERENT_SHAPES: &str =
    "no closed form for Kumaraswamy distributions of different first shapes";

/// KL(Kumaraswamy(a, b₁) ‖ Kumaraswamy(a, b₂)).
///
/// # Formula
///
/// ```text
/// KL = log b₁ − log b₂ + b₂/b₁ − 1     (a₁ = a₂;  different first shapes: no closed form)
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (a1, b1, a2, b2) = parameters(query);
    if compare(&a1, &a2, "a₁ = a₂")? != Ordering::Equal {
        return not_applicable(DIFFERENT_SHAPES);
    }
    Ok(log_ratio(&b1, &b2) + b2 / b1 - 1)
}

/// The Rényi divergence of order α between Kumaraswamy distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// a₁ = a₂:  D_α = log b₁ − log b₂ − log(α + (1 − α) b₂/b₁) / (α − 1)    finite iff α b₁ + (1 − α) b₂ > 0
///           D_∞ = log b₁ − log b₂ if b₁ ≥ b₂, +∞ otherwise
/// a₁ ≠ a₂:  +∞ if α a₁ + (1 − α) a₂ ≤ 0 or α b₁ + (1 − α) b₂ ≤ 0 (D_∞: if a₁ < a₂ or b₁ < b₂);
///           no closed form otherwise
/// D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (a1, b1, a2, b2) = parameters(query);
    let alpha = match order_of(query) {
        Order::One => return kl(query),
        Order::Zero => return Ok(Expr::int(0)),
        Order::Infinity => None,
        Order::Finite(alpha) => Some(alpha),
    };
    let first = compare(&a1, &a2, "a₁ = a₂")?;
    match alpha {
        None => {
            // log p/q ~ (a₁ − a₂) log x at 0 and (b₁ − b₂) log(1 − x) at 1.
            if first == Ordering::Less {
                return infinite("p/q is unbounded at 0 when a₁ < a₂");
            }
            if compare(&b1, &b2, "b₁ ≥ b₂")? == Ordering::Less {
                return infinite("p/q is unbounded at 1 when b₁ < b₂");
            }
            if first == Ordering::Equal {
                Ok(log_ratio(&b1, &b2))
            } else {
                not_applicable(DIFFERENT_SHAPES)
            }
        }
        Some(alpha) => {
            if first == Ordering::Equal {
                return exponential_renyi(log_ratio(&b2, &b1), b2 / b1, false, &alpha);
            }
            // The integrand behaves as x^{a_α − 1} at 0 and (1 − x)^{b_α − 1} at 1.
            require_mixture_positive(
                &alpha,
                &interpolate(&alpha, &a1, &a2),
                "α·a₁ + (1 − α)·a₂ > 0",
                "the Rényi integral diverges at 0: α·a₁ + (1 − α)·a₂ ≤ 0",
            )?;
            require_mixture_positive(
                &alpha,
                &interpolate(&alpha, &b1, &b2),
                "α·b₁ + (1 − α)·b₂ > 0",
                "the Rényi integral diverges at 1: α·b₁ + (1 − α)·b₂ ≤ 0",
            )?;
            not_applicable(DIFFERENT_SHAPES)
        }
    }
}

/// The total variation between Kumaraswamy distributions of a common first shape.
///
/// # Formula
///
/// ```text
/// t = b₂/b₁:   TV = t^{t/(1 − t)} |1 − t|   (0 when b₁ = b₂; a₁ = a₂ only)
/// ```
fn total_variation(query: &Query<'_>) -> RuleResult {
    let (a1, b1, a2, b2) = parameters(query);
    if compare(&a1, &a2, "a₁ = a₂")? != Ordering::Equal {
        return not_applicable(DIFFERENT_SHAPES);
    }
    if compare(&b1, &b2, "b₁ = b₂") == Ok(Ordering::Equal) {
        return Ok(Expr::int(0));
    }
    Ok(exponential_total_variation(b2 / b1))
}

/// The differential entropy of Kumaraswamy(a, b).
///
/// # Formula
///
/// ```text
/// H = (1 − 1/b) + (1 − 1/a)(ψ(b + 1) + γ) − log a − log b
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let (a, b) = (query.p.scalar(0).clone(), query.p.scalar(1).clone());
    let harmonic = digamma(b.clone() + 1) + euler_gamma();
    Ok((1 - 1 / b.clone()) + (1 - 1 / a.clone()) * harmonic - log_of(a) - log_of(b))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi, TotalVariation};
    use crate::family::FamilyKind::Kumaraswamy;
    use crate::rules::Verdict;
    use crate::sym::Expr;

    fn kumaraswamy(a: f64, b: f64) -> crate::family::Family {
        member(Kumaraswamy, &[a, b])
    }

    #[test]
    fn kl_with_a_common_first_shape_matches_quadrature() {
        for (p, q) in [
            (kumaraswamy(2.0, 3.0), kumaraswamy(2.0, 1.5)),
            (kumaraswamy(0.5, 0.75), kumaraswamy(0.5, 2.0)),
        ] {
            assert_close(
                value(KullbackLeibler, &p, Some(&q), None),
                kl_by_quadrature(&p, &q),
            );
        }
        assert!(matches!(
            apply(
                KullbackLeibler,
                &kumaraswamy(2.0, 3.0),
                Some(&kumaraswamy(1.0, 3.0)),
                None
            ),
            Err(Verdict::NotApplicable(_))
        ));
    }

    #[test]
    fn renyi_matches_quadrature_on_both_sides_of_one() {
        for (p, q) in [
            (kumaraswamy(2.0, 3.0), kumaraswamy(2.0, 1.5)),
            (kumaraswamy(0.5, 2.5), kumaraswamy(0.5, 1.5)),
        ] {
            for alpha in [0.3, 0.6, 1.5, 2.0] {
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
        let (p, q) = (kumaraswamy(2.0, 3.0), kumaraswamy(2.0, 1.5));
        assert_close(value(Renyi, &p, Some(&q), Some(&Expr::Infinity)), 2f64.ln());
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::Infinity)));
        // α b₁ + (1 − α) b₂ = 3·3/2 − 2·3 < 0.
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::int(3))));
        let (p, q) = (kumaraswamy(1.0, 1.0), kumaraswamy(3.0, 1.0));
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::int(2))));
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::Infinity)));
        assert!(matches!(
            apply(Renyi, &q, Some(&p), Some(&Expr::int(2))),
            Err(Verdict::NotApplicable(_))
        ));
    }

    #[test]
    fn total_variation_matches_quadrature() {
        for (p, q) in [
            (kumaraswamy(2.0, 3.0), kumaraswamy(2.0, 1.5)),
            (kumaraswamy(0.5, 0.75), kumaraswamy(0.5, 2.0)),
        ] {
            assert_close(
                value(TotalVariation, &p, Some(&q), None),
                total_variation_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn entropy_matches_quadrature() {
        for (a, b) in [(2.0, 3.5), (0.5, 0.75)] {
            let p = kumaraswamy(a, b);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
