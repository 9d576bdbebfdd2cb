//! Closed forms for the normal distribution N(μ, σ²), parametrised by mean and **variance**.
//!
//! The formulas are written over a list of independent coordinates so that the diagonal normal
//! (`multivariate_normal.rs`) reuses them: every divergence here is additive over independent coordinates.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::{Family, FamilyKind};
use crate::sym::{log, pi, sum, Expr};

use super::common::{
    decided_compare, decided_sign, identical, infinite, interpolate, log_ratio_sum, order_of,
    require_positive, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Normal,
        q: Some(FamilyKind::Normal),
        formula: kl,
        reference: "Kullback, Information Theory and Statistics (1959), ch. 9; Gil, Alajaji & Linder, Inf. \
                    Sci. 249:124–131 (2013), table of Kullback–Leibler divergences (Normal)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Normal,
        q: Some(FamilyKind::Normal),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249:124–131 (2013), table of Rényi divergences \
                    (Normal); van Erven & Harremoës, IEEE Trans. IT 60(7) (2014), §II (orders 0 and ∞)",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Normal,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Example 8.1.2 and Table \
                    17.1 (Normal)",
    },
];

/// One coordinate of a pair of (diagonal) normals: N(m1, v1) against N(m2, v2).
#[derive(Clone, Debug)]
pub(crate) struct Coordinate {
    pub(crate) m1: Expr,
    pub(crate) v1: Expr,
    pub(crate) m2: Expr,
    pub(crate) v2: Expr,
}

fn coordinates(query: &Query<'_>) -> [Coordinate; 1] {
    let (p, q): (&Family, &Family) = (query.p, query.q());
    [Coordinate {
        m1: p.scalar(0).clone(),
        v1: p.scalar(1).clone(),
        m2: q.scalar(0).clone(),
        v2: q.scalar(1).clone(),
    }]
}

/// KL(N(μ₁, σ₁²) ‖ N(μ₂, σ₂²)).
///
/// # Formula
///
/// ```text
/// KL = (σ₁² + (μ₁ − μ₂)²) / (2σ₂²) − 1/2 + (log σ₂² − log σ₁²) / 2
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    Ok(kl_sum(&coordinates(query)))
}

/// The Rényi divergence of order α between normals, including the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// σ_α² = α σ₂² + (1 − α) σ₁²
/// D_α  = (log σ₂² − log σ₁²)/2 + (log σ₂² − log σ_α²) / (2(α − 1)) + α (μ₁ − μ₂)² / (2σ_α²)
///        finite iff σ_α² > 0 (always for α < 1)
/// D_∞  = (log σ₂² − log σ₁²)/2 + (μ₁ − μ₂)² / (2(σ₂² − σ₁²))   if σ₁² < σ₂²
///      = 0 if σ₁² = σ₂² and μ₁ = μ₂, +∞ otherwise
/// D_0  = 0   (both supports are ℝ)
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    renyi_sum(&coordinates(query), &order_of(query)?)
}

/// The differential entropy of N(μ, σ²).
///
/// # Formula
///
/// ```text
/// H = (1 + log(2π) + log σ²) / 2
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    Ok(entropy_sum(&[query.p.scalar(1).clone()]))
}

/// Σⱼ KL over independent coordinates; the logarithms are gathered into one where the variances are rational.
pub(crate) fn kl_sum(coordinates: &[Coordinate]) -> Expr {
    let algebraic = sum(coordinates.iter().map(|c| {
        let shift = c.m1.clone() - c.m2.clone();
        (c.v1.clone() + shift.powi(2)) / (2 * c.v2.clone()) - Expr::ratio(1, 2)
    }));
    let pairs: Vec<(Expr, Expr)> = coordinates
        .iter()
        .map(|c| (c.v2.clone(), c.v1.clone()))
        .collect();
    algebraic + log_ratio_sum(&pairs) / 2
}

/// Σⱼ differential entropies of independent normal coordinates with the given variances.
pub(crate) fn entropy_sum(variances: &[Expr]) -> Expr {
    let dimension = Expr::int(variances.len() as i64);
    let pairs: Vec<(Expr, Expr)> = variances
        .iter()
        .map(|v| (v.clone(), Expr::int(1)))
        .collect();
    (dimension * (1 + log(2 * pi())) + log_ratio_sum(&pairs)) / 2
}

/// Σⱼ Rényi divergences of independent coordinates, at any order.
pub(crate) fn renyi_sum(coordinates: &[Coordinate], order: &Order) -> RuleResult {
    match order {
        Order::One => Ok(kl_sum(coordinates)),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => renyi_infinity_sum(coordinates),
        Order::Finite(alpha) => renyi_finite_sum(coordinates, alpha),
    }
}

fn renyi_finite_sum(coordinates: &[Coordinate], alpha: &Expr) -> RuleResult {
    let mut quadratic = Vec::with_capacity(coordinates.len());
    let mut interpolated = Vec::with_capacity(coordinates.len());
    for c in coordinates {
        let v_alpha = interpolate(alpha, &c.v2, &c.v1);
        require_positive(
            alpha,
            &v_alpha,
            "α·σ₂² + (1 − α)·σ₁² > 0",
            "the Rényi integral diverges at this order: α·σ₂² + (1 − α)·σ₁² ≤ 0",
        )?;
        let shift = c.m1.clone() - c.m2.clone();
        quadratic.push(alpha.clone() * shift.powi(2) / (2 * v_alpha.clone()));
        interpolated.push((c.v2.clone(), v_alpha));
    }
    let variances: Vec<(Expr, Expr)> = coordinates
        .iter()
        .map(|c| (c.v2.clone(), c.v1.clone()))
        .collect();
    Ok(sum(quadratic)
        + log_ratio_sum(&variances) / 2
        + log_ratio_sum(&interpolated) / (2 * (alpha.clone() - 1)))
}

fn renyi_infinity_sum(coordinates: &[Coordinate]) -> RuleResult {
    let mut quadratic = Vec::new();
    let mut variances = Vec::new();
    for c in coordinates {
        let shift = c.m1.clone() - c.m2.clone();
        match decided_compare(&c.v1, &c.v2, "σ₁² < σ₂²")? {
            Ordering::Less => {
                quadratic.push(shift.powi(2) / (2 * (c.v2.clone() - c.v1.clone())));
                variances.push((c.v2.clone(), c.v1.clone()));
            }
            Ordering::Equal => {
                if decided_sign(&shift, "μ₁ = μ₂")? != Ordering::Equal {
                    return infinite("p/q is unbounded: equal variances with different means");
                }
            }
            Ordering::Greater => {
                return infinite("p/q is unbounded: the variance of P exceeds that of Q")
            }
        }
    }
    Ok(sum(quadratic) + log_ratio_sum(&variances) / 2)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        apply, assert_close, check_identities, integrate_real_line, normal, rational,
        renyi_from_integral, renyi_value, value,
    };
    use super::super::Verdict;
    use crate::divergence::DivergenceKind;
    use crate::sym::{Domain, Expr};

    #[test]
    fn kl_matches_the_reference_values() {
        let kl = |p, q| value(DivergenceKind::KullbackLeibler, &p, Some(&q), None);
        assert_close(kl(normal(0, 1), normal(0, 4)), 0.318_147_180_559_945_3);
        assert_close(kl(normal(0, 4), normal(0, 1)), 0.806_852_819_440_054_7);
        assert_close(
            kl(normal(3, Expr::ratio(1, 4)), normal(0, 1)),
            4.818_147_180_559_945,
        );
    }

    #[test]
    fn kl_between_equal_rational_normals_is_exactly_zero() {
        let p = normal(Expr::ratio(1, 3), Expr::ratio(2, 7));
        let result = apply(DivergenceKind::KullbackLeibler, &p, Some(&p), None).unwrap();
        assert!(result.is_zero(), "{result:?}");
    }

    #[test]
    fn kl_near_equal_means_keeps_its_relative_precision() {
        // KL(N(1e8, 1) ‖ N(1e8 + 1e-6, 1)) = 5e-13 exactly: every term is rational.
        let big = Expr::int(100_000_000);
        let p = normal(big.clone(), 1);
        let q = normal(big + Expr::ratio(1, 1_000_000), 1);
        let result = apply(DivergenceKind::KullbackLeibler, &p, Some(&q), None).unwrap();
        assert_eq!(result, Expr::ratio(1, 2_000_000_000_000));
    }

    #[test]
    fn kl_against_the_standard_normal_with_symbols() {
        let m = Expr::symbol("m", Domain::Real);
        let v = Expr::symbol("v", Domain::Positive);
        let p = normal(m.clone(), v.clone());
        let result = apply(
            DivergenceKind::KullbackLeibler,
            &p,
            Some(&normal(0, 1)),
            None,
        )
        .unwrap();
        let at = |m_value: f64, v_value: f64| {
            let substituted = result
                .substitute("m", &rational(m_value))
                .substitute("v", &rational(v_value));
            crate::sym::float::eval_f64(&substituted).unwrap()
        };
        for (m_value, v_value) in [(0.5, 2.0), (-1.0, 0.25)] {
            let expected = (m_value * m_value + v_value - f64::ln(v_value) - 1.0) / 2.0;
            assert!((at(m_value, v_value) - expected).abs() < 1e-14);
        }
    }

    #[test]
    fn symbolic_parameters_below_order_one_need_no_decision() {
        let m = Expr::symbol("m", Domain::Real);
        let v = Expr::symbol("v", Domain::Positive);
        let p = normal(m.clone(), v.clone());
        let result = apply(
            DivergenceKind::Renyi,
            &p,
            Some(&normal(0, 1)),
            Some(&Expr::ratio(1, 2)),
        )
        .unwrap();
        let substituted = result
            .substitute("m", &Expr::int(1))
            .substitute("v", &Expr::int(4));
        let direct = renyi_value(Expr::ratio(1, 2), &normal(1, 4), &normal(0, 1));
        assert_close(crate::sym::float::eval_f64(&substituted).unwrap(), direct);
        // Above order 1 the range condition 2 − v > 0 is open.
        let open = apply(
            DivergenceKind::Renyi,
            &p,
            Some(&normal(0, 1)),
            Some(&Expr::int(2)),
        );
        assert!(matches!(open, Err(Verdict::Undecided(_))), "{open:?}");
        let same = apply(DivergenceKind::KullbackLeibler, &p, Some(&p.clone()), None).unwrap();
        assert!(same.is_zero());
    }

    #[test]
    fn renyi_matches_the_reference_value() {
        let result = renyi_value(Expr::ratio(1, 3), &normal(1, 1), &normal(0, 4));
        assert_close(result, 0.256_620_128_473_319_7);
    }

    #[test]
    fn renyi_of_order_two_with_a_tiny_shift() {
        // Renyi(2, N(0,1) ‖ N(1e-9, 1)) = α d²/2 = 1e-18 exactly.
        let p = normal(0, 1);
        let q = normal(Expr::ratio(1, 1_000_000_000), 1);
        let result = apply(DivergenceKind::Renyi, &p, Some(&q), Some(&Expr::int(2))).unwrap();
        assert_eq!(result, Expr::ratio(1, 1_000_000_000_000_000_000));
    }

    #[test]
    fn renyi_is_infinite_outside_its_range() {
        // α σ₂² + (1 − α) σ₁² = 3·1 − 2·4 < 0.
        let result = apply(
            DivergenceKind::Renyi,
            &normal(0, 4),
            Some(&normal(0, 1)),
            Some(&Expr::int(3)),
        );
        assert!(matches!(result, Err(Verdict::Infinite(_))), "{result:?}");
    }

    #[test]
    fn renyi_infinity_cases() {
        let infinity = Expr::Infinity;
        let finite = renyi_value(infinity.clone(), &normal(1, 1), &normal(0, 3));
        assert_close(finite, 0.5 * f64::ln(3.0) + 1.0 / 4.0);
        for (p, q) in [(normal(0, 2), normal(0, 1)), (normal(0, 1), normal(1, 1))] {
            let result = apply(DivergenceKind::Renyi, &p, Some(&q), Some(&infinity));
            assert!(matches!(result, Err(Verdict::Infinite(_))), "{result:?}");
        }
        assert!(apply(
            DivergenceKind::Renyi,
            &normal(2, 2),
            Some(&normal(0, 5)),
            Some(&Expr::int(0))
        )
        .unwrap()
        .is_zero());
    }

    #[test]
    fn renyi_agrees_with_quadrature() {
        let log_density = |m: f64, v: f64, x: f64| {
            -(x - m).powi(2) / (2.0 * v) - 0.5 * (2.0 * std::f64::consts::PI * v).ln()
        };
        for (alpha, m1, v1, m2, v2) in [
            (0.3, 1.0, 1.0, 0.0, 4.0),
            (2.5, 0.5, 2.0, -1.0, 3.0),
            (1.5, 0.0, 0.5, 1.0, 0.25),
        ] {
            let integral = integrate_real_line(
                &|x| {
                    (alpha * log_density(m1, v1, x) + (1.0 - alpha) * log_density(m2, v2, x)).exp()
                },
                &[m1.min(m2) - 5.0, m1.max(m2) + 5.0],
            );
            let exact = renyi_value(
                rational(alpha),
                &normal(rational(m1), rational(v1)),
                &normal(rational(m2), rational(v2)),
            );
            assert!(
                (exact - renyi_from_integral(alpha, integral)).abs() < 1e-10,
                "{exact} at {alpha}"
            );
        }
    }

    #[test]
    fn identities_hold() {
        check_identities(&normal(0, 1), &normal(0, 4));
        check_identities(&normal(1, 4), &normal(0, 1));
        check_identities(&normal(Expr::ratio(1, 3), 2), &normal(0, 3));
    }

    #[test]
    fn entropy_matches_the_reference_value() {
        let result = value(
            DivergenceKind::Entropy,
            &normal(0, Expr::ratio(1, 100)),
            None,
            None,
        );
        assert_close(result, -0.883_646_559_789_372_9);
        let standard = value(DivergenceKind::Entropy, &normal(5, 1), None, None);
        assert_close(standard, 0.5 * (1.0 + f64::ln(2.0 * std::f64::consts::PI)));
    }
}
