//! Closed forms for the log-uniform distribution LogU(a, b), 0 < a < b.
//!
//! x ↦ log x maps LogU(a, b) onto U(log a, log b), so KL, Rényi divergences and the total variation are the
//! uniform ones in the lengths Lᵢ = log bᵢ − log aᵢ and the overlap o = log min(b₁, b₂) − log max(a₁, a₂)
//! (van Erven & Harremoës 2014). Every comparison is made on the parameters themselves (log is increasing).

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::Expr;

use super::blocks::{below_one, compare, infinite, log_of, log_ratio, order_of, Order};
use super::{Query, Rule, RuleResult, Verdict};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::LogUniform,
        q: Some(FamilyKind::LogUniform),
        formula: kl,
        reference: "uniform KL log((b2 - a2)/(b1 - a1)) through x -> log x (van Erven & Harremoes, IEEE Trans. \
                    IT 60(7) 2014)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::LogUniform,
        q: Some(FamilyKind::LogUniform),
        formula: renyi,
        reference: "uniform Renyi divergence (Gil, Alajaji & Linder, Inf. Sci. 249 (2013) 124-131, with the \
                    overlap case) through x -> log x",
    },
    Rule {
        divergence: DivergenceKind::TotalVariation,
        p: FamilyKind::LogUniform,
        q: Some(FamilyKind::LogUniform),
        formula: total_variation,
        reference: "uniform TV 1 - overlap/max(L1, L2) through x -> log x",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::LogUniform,
        q: None,
        formula: entropy,
        reference: "-E log p = log(log b - log a) + E log X, E log X = (log a + log b)/2",
    },
];

/// The supports of two log-uniform members, compared.
struct Layout {
    /// L₁ = log b₁ − log a₁.
    first: Expr,
    /// L₂ = log b₂ − log a₂.
    second: Expr,
    /// The overlap o in log scale, when the supports overlap.
    overlap: Option<Expr>,
    /// Whether [a₁, b₁] ⊆ [a₂, b₂].
    contained: bool,
}

fn layout(query: &Query<'_>) -> Result<Layout, Verdict> {
    let (p, q) = (query.p, query.q());
    let (a1, b1, a2, b2) = (p.scalar(0), p.scalar(1), q.scalar(0), q.scalar(1));
    let lower = compare(a1, a2, "a₁ ≥ a₂")?;
    let upper = compare(b1, b2, "b₁ ≤ b₂")?;
    let contained = lower != Ordering::Less && upper != Ordering::Greater;
    let start = if lower == Ordering::Less { a2 } else { a1 };
    let end = if upper == Ordering::Greater { b2 } else { b1 };
    let overlap = match compare(end, start, "the supports overlap")? {
        Ordering::Greater => Some(log_ratio(end, start)),
        _ => None,
    };
    Ok(Layout {
        first: log_ratio(b1, a1),
        second: log_ratio(b2, a2),
        overlap,
        contained,
    })
}

const OUTSIDE: &str = "P puts mass outside the support of Q";
const DISJOINT: &str = "the supports are disjoint";

/// KL(LogU(a₁, b₁) ‖ LogU(a₂, b₂)).
///
/// # Formula
///
/// ```text
/// KL = log L₂ − log L₁ if [a₁, b₁] ⊆ [a₂, b₂], +∞ otherwise;  Lᵢ = log bᵢ − log aᵢ
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let layout = layout(query)?;
    if !layout.contained {
        return infinite(OUTSIDE);
    }
    Ok(log_ratio(&layout.second, &layout.first))
}

/// The Rényi divergence of order α between log-uniform distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// contained:        D_α = log L₂ − log L₁ for every α ∈ [0, ∞]
/// overlap o > 0:    D_α = (log o − α log L₁ − (1 − α) log L₂)/(α − 1) for α < 1; D_0 = log L₂ − log o;
///                   +∞ for α ≥ 1
/// disjoint:         +∞
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let layout = layout(query)?;
    let order = order_of(query);
    if let Order::One = order {
        return kl(query);
    }
    if layout.contained {
        return Ok(log_ratio(&layout.second, &layout.first));
    }
    let Some(overlap) = layout.overlap else {
        return infinite(DISJOINT);
    };
    match order {
        Order::Zero => Ok(log_ratio(&layout.second, &overlap)),
        Order::Finite(alpha) if below_one(&alpha)? => Ok((log_of(overlap)
            - alpha.clone() * log_of(layout.first)
            - (1 - alpha.clone()) * log_of(layout.second))
            / (alpha - 1)),
        _ => infinite(OUTSIDE),
    }
}

/// The total variation between log-uniform distributions.
///
/// # Formula
///
/// ```text
/// TV = 1 − o / max(L₁, L₂)   (1 for disjoint supports)
/// ```
fn total_variation(query: &Query<'_>) -> RuleResult {
    let (p, q) = (query.p, query.q());
    let layout = layout(query)?;
    let Some(overlap) = layout.overlap else {
        return Ok(Expr::int(1));
    };
    // L₁ ≥ L₂ exactly when b₁/a₁ ≥ b₂/a₂.
    let spans = compare(
        &(p.scalar(1).clone() / p.scalar(0).clone()),
        &(q.scalar(1).clone() / q.scalar(0).clone()),
        "L₁ ≥ L₂",
    )?;
    let longest = if spans == Ordering::Less {
        layout.second
    } else {
        layout.first
    };
    if overlap == longest {
        return Ok(Expr::int(0));
    }
    Ok(1 - overlap / longest)
}

/// The differential entropy of LogU(a, b).
///
/// # Formula
///
/// ```text
/// H = log(log b − log a) + (log a + log b)/2
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let (a, b) = (query.p.scalar(0).clone(), query.p.scalar(1).clone());
    Ok(log_of(log_ratio(&b, &a)) + (log_of(a) + log_of(b)) / 2)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi, TotalVariation};
    use crate::family::FamilyKind::LogUniform;
    use crate::sym::Expr;

    fn log_uniform(a: f64, b: f64) -> crate::family::Family {
        member(LogUniform, &[a, b])
    }

    #[test]
    fn kl_matches_quadrature_and_support_containment() {
        for (p, q) in [
            (log_uniform(1.0, 2.0), log_uniform(0.5, 4.0)),
            (log_uniform(0.25, 3.0), log_uniform(0.125, 3.0)),
        ] {
            assert_close(
                value(KullbackLeibler, &p, Some(&q), None),
                kl_by_quadrature(&p, &q),
            );
            assert_infinite(apply(KullbackLeibler, &q, Some(&p), None));
        }
    }

    #[test]
    fn renyi_matches_quadrature_with_overlapping_supports() {
        let (p, q) = (log_uniform(0.5, 2.0), log_uniform(1.0, 8.0));
        for alpha in [0.3, 0.7] {
            let order = exact(alpha);
            assert_close(
                value(Renyi, &p, Some(&q), Some(&order)),
                renyi_by_quadrature(alpha, &p, &q),
            );
        }
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::int(2))));
        assert_infinite(apply(Renyi, &p, Some(&q), Some(&Expr::Infinity)));
        // Q([1, 2]) = log 2 / log 8.
        assert_close(value(Renyi, &p, Some(&q), Some(&Expr::int(0))), 3f64.ln());
        let (p, q) = (log_uniform(1.0, 2.0), log_uniform(0.5, 4.0));
        for alpha in [0.3, 2.5] {
            let order = exact(alpha);
            assert_close(
                value(Renyi, &p, Some(&q), Some(&order)),
                renyi_by_quadrature(alpha, &p, &q),
            );
        }
        assert_infinite(apply(
            Renyi,
            &log_uniform(1.0, 2.0),
            Some(&log_uniform(3.0, 4.0)),
            Some(&Expr::ratio(1, 2)),
        ));
    }

    #[test]
    fn total_variation_matches_quadrature() {
        for (p, q) in [
            (log_uniform(0.5, 2.0), log_uniform(1.0, 8.0)),
            (log_uniform(1.0, 2.0), log_uniform(0.5, 4.0)),
        ] {
            assert_close(
                value(TotalVariation, &p, Some(&q), None),
                total_variation_by_quadrature(&p, &q),
            );
        }
        assert_eq!(
            value(
                TotalVariation,
                &log_uniform(1.0, 2.0),
                Some(&log_uniform(3.0, 4.0)),
                None
            ),
            1.0
        );
    }

    #[test]
    fn entropy_matches_quadrature() {
        for (a, b) in [(0.5, 20.0), (1.0, 1.5)] {
            let p = log_uniform(a, b);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
