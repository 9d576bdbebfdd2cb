//! Closed forms for the logistic distribution Logistic(μ, s), location μ and **scale** s.
//!
//! With a common scale s everything depends on d = (μ₁ − μ₂)/s: with Z standard logistic,
//! E log(1 + e^{−(Z + d)}) = d/(e^d − 1) gives KL = d coth(d/2) − 2, and the substitution u = e^{−(x−μ₁)/s}
//! gives ∫p^α q^{1−α} = sinh((2α − 1)d/2)/((2α − 1) sinh(d/2)). Different scales have no closed form; only
//! the infinite cases are decided.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{abs, Expr};

use super::blocks::{
    below_one, compare, exp_of, infinite, interpolate, log_of, not_applicable, order_of,
    require_positive, Order,
};
use super::{Query, Rule, RuleResult, Verdict};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Logistic,
        q: Some(FamilyKind::Logistic),
        formula: kl,
        reference: "E log(1 + exp(-(Z + d))) = d/(e^d - 1) for standard logistic Z (derivative in d via the \
                    CDF of Z + Z'); equal scales only",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Logistic,
        q: Some(FamilyKind::Logistic),
        formula: renyi,
        reference: "integral of p^a q^(1-a) by u = exp(-(x - mu1)/s): a beta-type integral giving \
                    sinh((2a - 1)d/2)/((2a - 1) sinh(d/2)); equal scales only",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Logistic,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Table 17.1 (logistic); Lazo & \
                    Rathie, IEEE Trans. IT 24(1) (1978) 120-122",
    },
];

const DIFFERENT_SCALES: &str = "no closed form for logistic distributions of different scales";

/// d = (μ₁ − μ₂)/s for equal scales, the verdict for different ones, and how μ₁ compares with μ₂.
fn shift(query: &Query<'_>) -> Result<(Expr, Result<Ordering, Verdict>), Verdict> {
    let (p, q) = (query.p, query.q());
    let (m1, s1, m2, s2) = (p.scalar(0), p.scalar(1), q.scalar(0), q.scalar(1));
    if compare(s1, s2, "s₁ = s₂")? != Ordering::Equal {
        return Err(Verdict::NotApplicable(DIFFERENT_SCALES.into()));
    }
    Ok((
        (m1.clone() - m2.clone()) / s1.clone(),
        compare(m1, m2, "μ₁ ≥ μ₂"),
    ))
}

/// sinh(x)·2 = e^x − e^{−x}.
fn twice_sinh(x: Expr) -> Expr {
    exp_of(x.clone()) - exp_of(-x)
}

/// |d| when the sign of d is known, abs(d) otherwise.
fn magnitude(d: Expr, order: Result<Ordering, Verdict>) -> Expr {
    match order {
        Ok(Ordering::Less) => -d,
        Ok(_) => d,
        Err(_) => abs(d),
    }
}

/// KL(Logistic(μ₁, s) ‖ Logistic(μ₂, s)).
///
/// # Formula
///
/// ```text
/// d = (μ₁ − μ₂)/s:   KL = d (e^d + 1)/(e^d − 1) − 2  (= d coth(d/2) − 2; 0 at d = 0)
/// different scales: no closed form
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (d, order) = shift(query)?;
    if order == Ok(Ordering::Equal) {
        return Ok(Expr::int(0));
    }
    let growth = exp_of(d.clone());
    Ok(d * (growth.clone() + 1) / (growth - 1) - 2)
}

/// The Rényi divergence of order α between logistic distributions of a common scale, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// d = (μ₁ − μ₂)/s
/// D_α = log[ sinh((2α − 1)d/2) / ((2α − 1) sinh(d/2)) ] / (α − 1)   (finite for every α)
/// D_½ = −2 log((d/2)/sinh(d/2));   D_∞ = |d|;   D_0 = 0
/// different scales: +∞ for α > 1 when α s₂ + (1 − α) s₁ ≤ 0 (D_∞: when s₁ > s₂); no closed form otherwise
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let alpha = match order_of(query) {
        Order::One => return kl(query),
        Order::Zero => return Ok(Expr::int(0)),
        Order::Infinity => None,
        Order::Finite(alpha) => Some(alpha),
    };
    let (d, order) = match shift(query) {
        Ok(found) => found,
        Err(Verdict::NotApplicable(reason)) => return different_scales(query, alpha, reason),
        Err(verdict) => return Err(verdict),
    };
    if order == Ok(Ordering::Equal) {
        return Ok(Expr::int(0));
    }
    let Some(alpha) = alpha else {
        return Ok(magnitude(d, order));
    };
    let slope = 2 * alpha.clone() - 1;
    let half = d / 2;
    let integral = if slope.is_zero() {
        // α = ½: the limit of sinh(εd/2)/(ε sinh(d/2)) as ε → 0.
        2 * half.clone() / twice_sinh(half)
    } else {
        twice_sinh(slope.clone() * half.clone()) / (slope * twice_sinh(half))
    };
    Ok(log_of(integral) / (alpha - 1))
}

/// The infinite cases of the Rényi divergence between logistic distributions of different scales: both
/// tails of p^α q^{1−α} decay like exp(−|x|(α/s₁ + (1 − α)/s₂)).
fn different_scales(query: &Query<'_>, alpha: Option<Expr>, reason: String) -> RuleResult {
    let (s1, s2) = (query.p.scalar(1), query.q().scalar(1));
    match alpha {
        None => match compare(s1, s2, "s₁ > s₂")? {
            Ordering::Greater => infinite("p/q is unbounded in the tails when s₁ > s₂"),
            _ => not_applicable(reason),
        },
        Some(alpha) => {
            if !below_one(&alpha)? {
                require_positive(
                    &interpolate(&alpha, s2, s1),
                    "α·s₂ + (1 − α)·s₁ > 0",
                    "the Rényi integral diverges in the tails: α·s₂ + (1 − α)·s₁ ≤ 0",
                )?;
            }
            not_applicable(reason)
        }
    }
}

/// The differential entropy of Logistic(μ, s).
///
/// # Formula
///
/// ```text
/// H = log s + 2
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    Ok(log_of(query.p.scalar(1).clone()) + 2)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi, TotalVariation};
    use crate::family::FamilyKind::Logistic;
    use crate::rules::Verdict;
    use crate::sym::Expr;

    fn logistic(location: f64, scale: f64) -> crate::family::Family {
        member(Logistic, &[location, scale])
    }

    #[test]
    fn kl_with_equal_scales_matches_quadrature() {
        for (p, q) in [
            (logistic(1.0, 0.5), logistic(-0.5, 0.5)),
            (logistic(0.0, 2.0), logistic(3.0, 2.0)),
        ] {
            assert_close(
                value(KullbackLeibler, &p, Some(&q), None),
                kl_by_quadrature(&p, &q),
            );
        }
        assert!(matches!(
            apply(
                KullbackLeibler,
                &logistic(0.0, 1.0),
                Some(&logistic(0.0, 2.0)),
                None
            ),
            Err(Verdict::NotApplicable(_))
        ));
    }

    #[test]
    fn renyi_matches_quadrature_on_both_sides_of_one() {
        for (p, q, distance) in [
            (logistic(1.0, 0.5), logistic(-0.5, 0.5), 3.0),
            (logistic(0.0, 2.0), logistic(3.0, 2.0), 1.5),
        ] {
            for alpha in [0.3, 0.5, 0.8, 1.5, 4.0] {
                let order = exact(alpha);
                assert_close(
                    value(Renyi, &p, Some(&q), Some(&order)),
                    renyi_by_quadrature(alpha, &p, &q),
                );
            }
            // The log-ratio tends to ±d in the tails.
            assert_close(value(Renyi, &p, Some(&q), Some(&Expr::Infinity)), distance);
        }
    }

    #[test]
    fn renyi_with_different_scales_decides_only_the_infinite_cases() {
        let (p, q) = (logistic(0.0, 2.0), logistic(0.0, 1.0));
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::Infinity)));
        // α s₂ + (1 − α) s₁ = 3 − 4 < 0.
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::int(3))));
        assert!(matches!(
            apply(Renyi, &q, Some(&p), Some(&Expr::int(3))),
            Err(Verdict::NotApplicable(_))
        ));
    }

    #[test]
    fn total_variation_matches_quadrature() {
        for (p, q) in [
            (logistic(1.0, 0.5), logistic(-0.5, 0.5)),
            (logistic(0.0, 2.0), logistic(3.0, 2.0)),
        ] {
            assert_close(
                value(TotalVariation, &p, Some(&q), None),
                total_variation_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn entropy_matches_the_public_case_and_quadrature() {
        assert_close(
            value(Entropy, &logistic(0.0, 2.0), None, None),
            2.693_147_180_559_945,
        );
        let p = logistic(1.0, 0.3);
        assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
    }
}
