//! Closed forms for the negative binomial distribution NegBin(r, p), failures before the r-th success.
//!
//! With a common r the divergences are r times the geometric ones (the Rényi integral of a product measure
//! factorises; for real r the mass functions give the same sums through (1 − t)^{−r}). p = 1 is the point mass
//! at 0 and is handled first, for any r. Different r: only the infinite cases are decided (the KL is a
//! series, left to the numeric methods). There is no entropy rule: the entropy is a series.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::Expr;

use super::blocks::{
    below_one, compare, infinite, log_of, log_ratio, not_applicable, order_of, power,
    require_positive, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::NegativeBinomial,
        q: Some(FamilyKind::NegativeBinomial),
        formula: kl,
        reference:
            "r times the geometric KL (sum of the mass functions; Kullback, Information Theory and \
                    Statistics, 1959); equal r only",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::NegativeBinomial,
        q: Some(FamilyKind::NegativeBinomial),
        formula: renyi,
        reference:
            "Nielsen & Nock, arXiv:1105.3259 (2011): log-normaliser -r log(1 - e^theta), theta = \
                    log(1 - p); equal r only",
    },
];

/// (r₁, p₁, r₂, p₂).
fn parameters(query: &Query<'_>) -> (Expr, Expr, Expr, Expr) {
    let (p, q) = (query.p, query.q());
    (
        p.scalar(0).clone(),
        p.scalar(1).clone(),
        q.scalar(0).clone(),
        q.scalar(1).clone(),
    )
}

const DIFFERENT_R: &str =
    "no closed form for negative binomial distributions with different r (a series)";
const POINT_MASS_Q: &str = "Q = NegBin(r, 1) is the point mass at 0 and P puts mass on k > 0";

/// KL(NegBin(r, p₁) ‖ NegBin(r, p₂)).
///
/// # Formula
///
/// ```text
/// KL = r [log p₁ − log p₂ + ((1 − p₁)/p₁)(log(1 − p₁) − log(1 − p₂))]     (equal r)
/// p₁ = 1: −r₂ log p₂;   p₂ = 1 > p₁: +∞
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (r1, p1, r2, p2) = parameters(query);
    let one = Expr::int(1);
    if compare(&p1, &one, "p₁ = 1")? == Ordering::Equal {
        return Ok(-r2 * log_of(p2));
    }
    if compare(&p2, &one, "p₂ = 1")? == Ordering::Equal {
        return infinite(POINT_MASS_Q);
    }
    if compare(&r1, &r2, "r₁ = r₂")? != Ordering::Equal {
        return not_applicable(DIFFERENT_R);
    }
    let failures = 1 - p1.clone();
    Ok(r1 * (log_ratio(&p1, &p2) + failures.clone() / p1 * log_ratio(&failures, &(1 - p2))))
}

/// The Rényi divergence of order α between negative binomial distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// equal r, t_α = (1 − p₂)((1 − p₁)/(1 − p₂))^α:
/// D_α = r [log p₂ − log(1 − t_α) + α (log p₁ − log p₂)] / (α − 1)     finite iff t_α < 1
/// D_∞ = r (log p₁ − log p₂) if p₁ ≥ p₂, +∞ otherwise;   D_0 = 0
/// p₁ = 1 (any r): −r₂ log p₂ for every order (D_0 too);  p₂ = 1 > p₁: r₁ α log p₁/(α − 1) for α < 1,
/// +∞ for α ≥ 1;  different r: +∞ at α = ∞ if p₁ < p₂ (or p₁ = p₂ and r₁ > r₂), no closed form otherwise
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (r1, p1, r2, p2) = parameters(query);
    let alpha = match order_of(query) {
        Order::One => return kl(query),
        Order::Zero => None,
        Order::Infinity => Some(Expr::Infinity),
        Order::Finite(alpha) => Some(alpha),
    };
    let one = Expr::int(1);
    if compare(&p1, &one, "p₁ = 1")? == Ordering::Equal {
        return Ok(-r2 * log_of(p2));
    }
    if compare(&p2, &one, "p₂ = 1")? == Ordering::Equal {
        return match alpha {
            None => Ok(Expr::int(0)),
            Some(Expr::Infinity) => infinite(POINT_MASS_Q),
            Some(alpha) if below_one(&alpha)? => Ok(r1 * alpha.clone() * log_of(p1) / (alpha - 1)),
            Some(_) => infinite(POINT_MASS_Q),
        };
    }
    let Some(alpha) = alpha else {
        return Ok(Expr::int(0));
    };
    let successes = compare(&p1, &p2, "p₁ ≥ p₂")?;
    if compare(&r1, &r2, "r₁ = r₂")? != Ordering::Equal {
        let unbounded = successes == Ordering::Less
            || (successes == Ordering::Equal && compare(&r1, &r2, "r₁ > r₂")? == Ordering::Greater);
        return if alpha == Expr::Infinity && unbounded {
            infinite("p/q is unbounded as k grows")
        } else {
            not_applicable(DIFFERENT_R)
        };
    }
    if alpha == Expr::Infinity {
        return match successes {
            Ordering::Less => infinite("p/q grows geometrically in k when p₁ < p₂"),
            _ => Ok(r1 * log_ratio(&p1, &p2)),
        };
    }
    let complement = 1 - p2.clone();
    let mixed = complement.clone() * power((1 - p1.clone()) / complement, alpha.clone());
    // With p₁ ≥ p₂, t_α ≤ 1 − p₂ < 1 for every α; below order 1 it is a geometric mean of numbers < 1.
    if successes == Ordering::Less && !below_one(&alpha)? {
        require_positive(
            &(1 - mixed.clone()),
            "(1 − p₁)^α (1 − p₂)^(1 − α) < 1",
            "the Rényi sum diverges at this order: (1 − p₁)^α (1 − p₂)^(1 − α) ≥ 1",
        )?;
    }
    Ok(r1 * (log_ratio(&p2, &(1 - mixed)) + alpha.clone() * log_ratio(&p1, &p2)) / (alpha - 1))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{KullbackLeibler, Renyi};
    use crate::family::FamilyKind::NegativeBinomial;
    use crate::rules::Verdict;
    use crate::sym::Expr;

    fn negative_binomial(r: f64, p: f64) -> crate::family::Family {
        member(NegativeBinomial, &[r, p])
    }

    /// Σ_k f(log p(k), log q(k)) by direct summation until the terms vanish.
    fn series(
        p: &crate::family::Family,
        q: &crate::family::Family,
        term: &dyn Fn(f64, f64) -> f64,
    ) -> f64 {
        let mut total = 0.0;
        for k in 0..5000 {
            let x = f64::from(k);
            let value = term(log_density(p, x), log_density(q, x));
            total += value;
            if k > 50 && value.abs() < 1e-18 * total.abs() {
                break;
            }
        }
        total
    }

    #[test]
    fn kl_with_equal_r_matches_the_series() {
        for (p, q) in [
            (negative_binomial(2.5, 0.4), negative_binomial(2.5, 0.6)),
            (negative_binomial(1.0, 0.75), negative_binomial(1.0, 0.3)),
        ] {
            let expected = series(&p, &q, &|lp, lq| lp.exp() * (lp - lq));
            assert_close(value(KullbackLeibler, &p, Some(&q), None), expected);
        }
        assert!(matches!(
            apply(
                KullbackLeibler,
                &negative_binomial(2.5, 0.4),
                Some(&negative_binomial(5.0, 0.6)),
                None
            ),
            Err(Verdict::NotApplicable(_))
        ));
    }

    #[test]
    fn renyi_with_equal_r_matches_the_series() {
        // With p₁ < p₂ an order above 1 needs a decided t_α < 1: integer orders keep t_α rational.
        for (p, q, orders) in [
            (
                negative_binomial(2.5, 0.4),
                negative_binomial(2.5, 0.6),
                &[0.3, 0.7, 2.0][..],
            ),
            (
                negative_binomial(3.0, 0.75),
                negative_binomial(3.0, 0.3),
                &[0.3, 0.7, 1.5, 2.0][..],
            ),
        ] {
            for &alpha in orders {
                let expected = series(&p, &q, &|lp, lq| (alpha * lp + (1.0 - alpha) * lq).exp())
                    .ln()
                    / (alpha - 1.0);
                assert_close(value(Renyi, &p, Some(&q), Some(&exact(alpha))), expected);
            }
        }
        // t_2 = 0.6²/0.4 = 0.9 < 1 is finite; t_3 = 0.6³/0.4² > 1 is not.
        let (p, q) = (negative_binomial(2.0, 0.4), negative_binomial(2.0, 0.6));
        assert!(value(Renyi, &p, Some(&q), Some(&Expr::int(2))).is_finite());
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::int(3))));
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::Infinity)));
        assert_close(
            value(Renyi, &q, Some(&p), Some(&Expr::Infinity)),
            2.0 * 1.5f64.ln(),
        );
    }

    #[test]
    fn point_masses_at_zero() {
        let (point, spread) = (negative_binomial(2.0, 1.0), negative_binomial(3.0, 0.5));
        // P = δ₀: −log q(0) = −3 log(1/2) for every order.
        for order in [
            Expr::ratio(1, 2),
            Expr::int(2),
            Expr::Infinity,
            Expr::int(0),
        ] {
            assert_close(
                value(Renyi, &point, Some(&spread), Some(&order)),
                3.0 * 2f64.ln(),
            );
        }
        assert_infinite(apply(KullbackLeibler, &spread, Some(&point), None));
        assert_infinite(apply(Renyi, &spread, Some(&point), Some(&Expr::int(2))));
        // Q = δ₀, α = ½: log p(0)^½ / (−½) = −log p(0) = 3 log 2.
        assert_close(
            value(Renyi, &spread, Some(&point), Some(&Expr::ratio(1, 2))),
            3.0 * 2f64.ln(),
        );
    }
}
