//! Closed forms for the Pareto distribution Pareto(xₘ, α), **scale** (minimum) xₘ and shape α.
//!
//! Both densities are power laws on half-lines, so every integral is elementary. The ordering of the minima
//! decides support containment: P puts mass below Q's minimum when x_{m1} < x_{m2}.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::Expr;

use super::blocks::{
    below_one, compare, infinite, interpolate, log_of, log_ratio, order_of,
    require_mixture_positive, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Pareto,
        q: Some(FamilyKind::Pareto),
        formula: kl,
        reference: "Gil, On Renyi Divergence Measures for Continuous Alphabet Sources, MSc thesis, Queen's \
                    University (2011), Pareto (as cited by PyTorch torch/distributions/kl.py, _kl_pareto_pareto)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Pareto,
        q: Some(FamilyKind::Pareto),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249 (2013) 124-131 (Pareto row); direct integration of \
                    p^a q^(1-a) over the common support for x_m1 < x_m2",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Pareto,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Table 17.1 (Pareto); Lazo & \
                    Rathie, IEEE Trans. IT 24(1) (1978) 120-122",
    },
];

/// (x_{m1}, α₁, x_{m2}, α₂).
fn parameters(query: &Query<'_>) -> (Expr, Expr, Expr, Expr) {
    let (p, q) = (query.p, query.q());
    (
        p.scalar(0).clone(),
        p.scalar(1).clone(),
        q.scalar(0).clone(),
        q.scalar(1).clone(),
    )
}

const BELOW_MINIMUM: &str = "P puts mass below the minimum of Q (x_m1 < x_m2)";

/// KL(Pareto(x_{m1}, α₁) ‖ Pareto(x_{m2}, α₂)).
///
/// # Formula
///
/// ```text
/// KL = log α₁ − log α₂ + α₂ (log x_{m1} − log x_{m2}) + α₂/α₁ − 1    if x_{m1} ≥ x_{m2};  +∞ otherwise
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (x1, a1, x2, a2) = parameters(query);
    if compare(&x1, &x2, "x_m1 ≥ x_m2")? == Ordering::Less {
        return infinite(BELOW_MINIMUM);
    }
    Ok(log_ratio(&a1, &a2) + a2.clone() * log_ratio(&x1, &x2) + a2 / a1 - 1)
}

/// The Rényi divergence of order α between Pareto distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// a_α = α α₁ + (1 − α) α₂
/// x_{m1} ≥ x_{m2}: D_α = log α₁ − log α₂ + α₂ (log x_{m1} − log x_{m2}) + (log α₁ − log a_α)/(α − 1)
///                  finite iff a_α > 0
/// x_{m1} < x_{m2}: D_α = log α₁ − log α₂ + (log α₁ − log a_α)/(α − 1) + α α₁ (log x_{m1} − log x_{m2})/(α − 1)
///                  for α < 1; +∞ for α ≥ 1
/// D_∞ = log α₁ − log α₂ + α₂ (log x_{m1} − log x_{m2}) if x_{m1} ≥ x_{m2} and α₁ ≥ α₂; +∞ otherwise
/// D_0 = α₂ (log x_{m1} − log x_{m2}) if x_{m1} > x_{m2}; 0 otherwise
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (x1, a1, x2, a2) = parameters(query);
    let minima = compare(&x1, &x2, "x_m1 ≥ x_m2")?;
    let contained = minima != Ordering::Less;
    match order_of(query) {
        Order::One => kl(query),
        Order::Zero => Ok(if minima == Ordering::Greater {
            a2 * log_ratio(&x1, &x2)
        } else {
            Expr::int(0)
        }),
        Order::Infinity => {
            if !contained {
                return infinite(BELOW_MINIMUM);
            }
            if compare(&a1, &a2, "α₁ ≥ α₂")? == Ordering::Less {
                return infinite("p/q is unbounded at infinity when α₁ < α₂");
            }
            Ok(log_ratio(&a1, &a2) + a2 * log_ratio(&x1, &x2))
        }
        Order::Finite(alpha) => {
            let mixed = interpolate(&alpha, &a1, &a2);
            let shape_terms = log_ratio(&a1, &a2) + log_ratio(&a1, &mixed) / (alpha.clone() - 1);
            if contained {
                require_mixture_positive(
                    &alpha,
                    &mixed,
                    "α·α₁ + (1 − α)·α₂ > 0",
                    "the Rényi integral diverges at infinity: α·α₁ + (1 − α)·α₂ ≤ 0",
                )?;
                Ok(shape_terms + a2 * log_ratio(&x1, &x2))
            } else if below_one(&alpha)? {
                Ok(shape_terms + alpha.clone() * a1 * log_ratio(&x1, &x2) / (alpha - 1))
            } else {
                infinite(BELOW_MINIMUM)
            }
        }
    }
}

/// The differential entropy of Pareto(xₘ, α).
///
/// # Formula
///
/// ```text
/// H = log xₘ − log α + 1/α + 1
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let (minimum, shape) = (query.p.scalar(0).clone(), query.p.scalar(1).clone());
    Ok(log_of(minimum) - log_of(shape.clone()) + 1 / shape + 1)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi, TotalVariation};
    use crate::family::FamilyKind::Pareto;
    use crate::sym::Expr;

    fn pareto(minimum: f64, shape: f64) -> crate::family::Family {
        member(Pareto, &[minimum, shape])
    }

    #[test]
    fn kl_matches_the_public_case_and_quadrature() {
        assert_close(
            value(
                KullbackLeibler,
                &pareto(2.0, 3.0),
                Some(&pareto(1.0, 1.0)),
                None,
            ),
            1.125_092_802_561_388_3,
        );
        let (p, q) = (pareto(1.5, 0.75), pareto(0.5, 2.0));
        assert_close(
            value(KullbackLeibler, &p, Some(&q), None),
            kl_by_quadrature(&p, &q),
        );
        assert_infinite(apply(KullbackLeibler, &q, Some(&p), None));
    }

    #[test]
    fn renyi_matches_quadrature_in_both_support_orders() {
        let (p, q) = (pareto(1.5, 2.0), pareto(0.5, 1.25));
        for alpha in [0.3, 0.7, 1.5, 2.5] {
            let order = exact(alpha);
            assert_close(
                value(Renyi, &p, Some(&q), Some(&order)),
                renyi_by_quadrature(alpha, &p, &q),
            );
        }
        // x_m1 < x_m2: finite below 1 only.
        for alpha in [0.3, 0.7] {
            let order = exact(alpha);
            assert_close(
                value(Renyi, &q, Some(&p), Some(&order)),
                renyi_by_quadrature(alpha, &q, &p),
            );
        }
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::int(2))));
        // a_α = 3·1 − 2·2 < 0.
        let (p, q) = (pareto(1.0, 1.0), pareto(1.0, 2.0));
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::int(3))));
    }

    #[test]
    fn renyi_orders_zero_and_infinity() {
        let (p, q) = (pareto(2.0, 3.0), pareto(1.0, 1.5));
        assert_close(
            value(Renyi, &p, Some(&q), Some(&Expr::Infinity)),
            log_density(&p, 2.0) - log_density(&q, 2.0),
        );
        // Q([2, ∞)) = 2^{−3/2}.
        assert_close(
            value(Renyi, &p, Some(&q), Some(&Expr::int(0))),
            1.5 * 2f64.ln(),
        );
        assert_eq!(value(Renyi, &q, Some(&p), Some(&Expr::int(0))), 0.0);
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::Infinity)));
        assert_infinite(apply(
            Renyi,
            &pareto(2.0, 1.0),
            Some(&pareto(1.0, 1.5)),
            Some(&Expr::Infinity),
        ));
    }

    #[test]
    fn total_variation_with_a_common_shape_matches_quadrature() {
        for (p, q) in [
            (pareto(2.0, 1.5), pareto(1.0, 1.5)),
            (pareto(0.5, 3.0), pareto(0.75, 3.0)),
        ] {
            assert_close(
                value(TotalVariation, &p, Some(&q), None),
                total_variation_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn entropy_matches_quadrature() {
        for (minimum, shape) in [(1.0, 1.0), (0.5, 2.5)] {
            let p = pareto(minimum, shape);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
