//! Closed forms for the multinomial distribution Multinomial(n, p₁…p_K).
//!
//! With equal n the count vector is a sum of n independent categorical draws, and the multinomial
//! coefficients cancel in p/q, so KL and Rényi divergences are n times the categorical ones (additivity for
//! product measures, van Erven & Harremoës 2014). Different n: the counts sum to different totals, the
//! supports are disjoint and every divergence is +∞. Categories with p₁ᵢ = 0 carry no mass of P.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{sum, Expr};

use super::blocks::{below_one, compare, infinite, log_of, log_ratio, order_of, power, Order};
use super::{Query, Rule, RuleResult, Verdict};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Multinomial,
        q: Some(FamilyKind::Multinomial),
        formula: kl,
        reference: "n times the categorical KL (Kullback, Information Theory and Statistics, 1959; additivity \
                    for product measures)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Multinomial,
        q: Some(FamilyKind::Multinomial),
        formula: renyi,
        reference: "n times the categorical Renyi divergence (van Erven & Harremoes, IEEE Trans. IT 60(7) \
                    2014, additivity for product measures)",
    },
];

/// One category: the probabilities under P and Q, and whether each is zero.
struct Category {
    first: Expr,
    second: Expr,
    first_zero: bool,
    second_zero: bool,
}

/// n (checked equal for both) and the categories, or the verdict for different n or different K.
fn categories(query: &Query<'_>) -> Result<(Expr, Vec<Category>), Verdict> {
    let (p, q) = (query.p, query.q());
    let (n1, n2) = (p.scalar(0), q.scalar(0));
    if compare(n1, n2, "n₁ = n₂")? != Ordering::Equal {
        return Err(Verdict::Infinite(
            "the counts of P and Q sum to different totals: their supports are disjoint".into(),
        ));
    }
    let (first, second) = (p.vector(1), q.vector(1));
    if first.len() != second.len() {
        return Err(Verdict::NotApplicable(
            "multinomial distributions over different numbers of categories".into(),
        ));
    }
    let zero = Expr::int(0);
    let found = first
        .iter()
        .zip(second)
        .map(|(a, b)| {
            Ok(Category {
                first: a.clone(),
                second: b.clone(),
                first_zero: compare(a, &zero, "p₁ᵢ = 0")? == Ordering::Equal,
                second_zero: compare(b, &zero, "p₂ᵢ = 0")? == Ordering::Equal,
            })
        })
        .collect::<Result<Vec<_>, Verdict>>()?;
    Ok((n1.clone(), found))
}

const OUTSIDE: &str = "P gives positive probability to a category that Q excludes (p₂ᵢ = 0 < p₁ᵢ)";

/// KL(Multinomial(n, p₁) ‖ Multinomial(n, p₂)).
///
/// # Formula
///
/// ```text
/// KL = n Σ_{p₁ᵢ > 0} p₁ᵢ (log p₁ᵢ − log p₂ᵢ)    (+∞ if some p₂ᵢ = 0 < p₁ᵢ; +∞ for n₁ ≠ n₂)
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (n, found) = categories(query)?;
    let mut terms = Vec::new();
    for category in found.iter().filter(|c| !c.first_zero) {
        if category.second_zero {
            return infinite(OUTSIDE);
        }
        terms.push(category.first.clone() * log_ratio(&category.first, &category.second));
    }
    Ok(n * sum(terms))
}

/// The Rényi divergence of order α between multinomial distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// D_α = n log(Σ_{p₁ᵢ p₂ᵢ > 0} p₂ᵢ (p₁ᵢ/p₂ᵢ)^α) / (α − 1)
///       finite iff α < 1 with some common category, or p₂ᵢ > 0 wherever p₁ᵢ > 0
/// D_∞ = n log max_{p₁ᵢ > 0} p₁ᵢ/p₂ᵢ;   D_0 = −n log Σ_{p₁ᵢ > 0} p₂ᵢ;   +∞ for n₁ ≠ n₂
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (n, found) = categories(query)?;
    let excluded = found.iter().any(|c| !c.first_zero && c.second_zero);
    match order_of(query) {
        Order::One => kl(query),
        Order::Zero => {
            let mass = sum(found
                .iter()
                .filter(|c| !c.first_zero)
                .map(|c| c.second.clone()));
            if mass.is_zero() {
                return infinite("Q gives no probability to the categories of P");
            }
            Ok(-n * log_of(mass))
        }
        Order::Infinity => {
            if excluded {
                return infinite(OUTSIDE);
            }
            Ok(n * log_of(largest_ratio(&found)?))
        }
        Order::Finite(alpha) => {
            if excluded && !below_one(&alpha)? {
                return infinite(OUTSIDE);
            }
            let terms: Vec<Expr> = found
                .iter()
                .filter(|c| !c.first_zero && !c.second_zero)
                .map(|c| {
                    c.second.clone() * power(c.first.clone() / c.second.clone(), alpha.clone())
                })
                .collect();
            if terms.is_empty() {
                return infinite("P and Q have no category in common");
            }
            Ok(n * log_of(sum(terms)) / (alpha - 1))
        }
    }
}

/// max p₁ᵢ/p₂ᵢ over the categories of P (every p₂ᵢ there is positive), decided exactly.
fn largest_ratio(found: &[Category]) -> Result<Expr, Verdict> {
    let mut best: Option<Expr> = None;
    for category in found.iter().filter(|c| !c.first_zero) {
        let ratio = category.first.clone() / category.second.clone();
        best = Some(match best {
            None => ratio,
            Some(current) => match compare(&ratio, &current, "p₁ᵢ/p₂ᵢ > p₁ⱼ/p₂ⱼ")? {
                Ordering::Greater => ratio,
                _ => current,
            },
        });
    }
    // P has at least one category with positive probability (they sum to 1).
    Ok(best.unwrap_or_else(|| Expr::int(1)))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{KullbackLeibler, Renyi};
    use crate::family::{Family, FamilyKind, Param};
    use crate::sym::Expr;
    use statrs::function::gamma::ln_gamma;

    fn multinomial(n: i64, probabilities: &[Expr]) -> Family {
        Family {
            kind: FamilyKind::Multinomial,
            params: vec![
                Param::Scalar(Expr::int(n)),
                Param::Vector(probabilities.to_vec()),
            ],
        }
    }

    fn r(n: i64, d: i64) -> Expr {
        Expr::ratio(n, d)
    }

    /// log P(counts) in `f64`, −∞ where a zero probability meets a positive count.
    fn log_mass(n: u32, p: &[f64], counts: &[u32]) -> f64 {
        let mut total = ln_gamma(f64::from(n) + 1.0);
        for (&pi, &k) in p.iter().zip(counts) {
            total -= ln_gamma(f64::from(k) + 1.0);
            if k > 0 {
                total += f64::from(k) * pi.ln();
            }
        }
        total
    }

    /// Every composition of n into three counts.
    fn compositions(n: u32) -> Vec<[u32; 3]> {
        (0..=n)
            .flat_map(|a| (0..=n - a).map(move |b| [a, b, n - a - b]))
            .collect()
    }

    #[test]
    fn kl_matches_the_public_case_and_a_direct_sum() {
        let p = multinomial(10, &[r(1, 5), r(4, 5)]);
        let q = multinomial(10, &[r(1, 2), r(1, 2)]);
        assert_close(
            value(KullbackLeibler, &p, Some(&q), None),
            1.927_447_570_217_574_3,
        );
        let (a, b) = ([0.5, 0.25, 0.25], [0.125, 0.375, 0.5]);
        let p = multinomial(4, &[r(1, 2), r(1, 4), r(1, 4)]);
        let q = multinomial(4, &[r(1, 8), r(3, 8), r(1, 2)]);
        let expected: f64 = compositions(4)
            .iter()
            .map(|c| {
                let lp = log_mass(4, &a, c);
                lp.exp() * (lp - log_mass(4, &b, c))
            })
            .sum();
        assert_close(value(KullbackLeibler, &p, Some(&q), None), expected);
        assert_infinite(apply(
            KullbackLeibler,
            &multinomial(3, &[r(1, 2), r(1, 2)]),
            Some(&multinomial(4, &[r(1, 2), r(1, 2)])),
            None,
        ));
    }

    #[test]
    fn renyi_matches_a_direct_sum_with_a_zero_category() {
        let (a, b) = ([0.5, 0.5, 0.0], [0.125, 0.375, 0.5]);
        let p = multinomial(3, &[r(1, 2), r(1, 2), r(0, 1)]);
        let q = multinomial(3, &[r(1, 8), r(3, 8), r(1, 2)]);
        for alpha in [0.3, 0.7, 1.5, 2.0] {
            let integral: f64 = compositions(3)
                .iter()
                .map(|c| (alpha * log_mass(3, &a, c) + (1.0 - alpha) * log_mass(3, &b, c)).exp())
                .filter(|v| v.is_finite())
                .sum();
            assert_close(
                value(Renyi, &p, Some(&q), Some(&exact(alpha))),
                integral.ln() / (alpha - 1.0),
            );
        }
        // D_∞ = 3 log 4 (the first category), D_0 = −3 log(1/2).
        assert_close(
            value(Renyi, &p, Some(&q), Some(&Expr::Infinity)),
            3.0 * 4f64.ln(),
        );
        assert_close(
            value(Renyi, &p, Some(&q), Some(&Expr::int(0))),
            3.0 * 2f64.ln(),
        );
        // Q excludes the third category of P only above order 1.
        assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::int(2))));
        assert!(value(Renyi, &q, Some(&p), Some(&Expr::ratio(1, 2))).is_finite());
    }
}
