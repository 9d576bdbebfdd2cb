//! Closed forms for the continuous uniform distribution U(a, b) on [a, b], a < b.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::Expr;

use super::common::{
    decided_compare, decided_sign, identical, infinite, log_of, log_ratio, order_of, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Uniform,
        q: Some(FamilyKind::Uniform),
        formula: kl,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249:124–131 (2013), table of Kullback–Leibler \
                    divergences (Uniform)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Uniform,
        q: Some(FamilyKind::Uniform),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249:124–131 (2013), table of Rényi divergences \
                    (Uniform); van Erven & Harremoës, IEEE Trans. IT 60(7) (2014), §II (orders 0 and ∞)",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Uniform,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Example 8.1.1 and Table \
                    17.1 (Uniform)",
    },
];

const OUTSIDE: &str = "P puts mass outside the support of Q";
const DISJOINT: &str = "P and Q have disjoint supports";

/// The endpoints of P and Q.
struct Intervals {
    a1: Expr,
    b1: Expr,
    a2: Expr,
    b2: Expr,
}

impl Intervals {
    fn of(query: &Query<'_>) -> Intervals {
        let (p, q) = (query.p, query.q());
        Intervals {
            a1: p.scalar(0).clone(),
            b1: p.scalar(1).clone(),
            a2: q.scalar(0).clone(),
            b2: q.scalar(1).clone(),
        }
    }

    fn width_p(&self) -> Expr {
        self.b1.clone() - self.a1.clone()
    }

    fn width_q(&self) -> Expr {
        self.b2.clone() - self.a2.clone()
    }

    /// Whether [a₁, b₁] ⊆ [a₂, b₂], decided exactly.
    fn contained(&self) -> Result<bool, super::Verdict> {
        let lower = decided_compare(&self.a2, &self.a1, "a₂ ≤ a₁")?;
        let upper = decided_compare(&self.b1, &self.b2, "b₁ ≤ b₂")?;
        Ok(lower != Ordering::Greater && upper != Ordering::Greater)
    }

    /// The length of [a₁, b₁] ∩ [a₂, b₂] (≤ 0 when they do not overlap).
    fn overlap(&self) -> Result<Expr, super::Verdict> {
        let upper = match decided_compare(&self.b1, &self.b2, "b₁ ≤ b₂")? {
            Ordering::Greater => &self.b2,
            _ => &self.b1,
        };
        let lower = match decided_compare(&self.a1, &self.a2, "a₁ ≥ a₂")? {
            Ordering::Less => &self.a2,
            _ => &self.a1,
        };
        Ok(upper.clone() - lower.clone())
    }
}

/// KL(U(a₁, b₁) ‖ U(a₂, b₂)).
///
/// # Formula
///
/// ```text
/// KL = log((b₂ − a₂)/(b₁ − a₁))   if [a₁, b₁] ⊆ [a₂, b₂],  +∞ otherwise
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let intervals = Intervals::of(query);
    if !intervals.contained()? {
        return infinite(OUTSIDE);
    }
    Ok(log_ratio(&intervals.width_q(), &intervals.width_p()))
}

/// The Rényi divergence of order α between uniform distributions, including the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// [a₁, b₁] ⊆ [a₂, b₂]:  D_α = log((b₂ − a₂)/(b₁ − a₁)) for every α ∈ [0, ∞]
/// otherwise, with the overlap o = min(b₁, b₂) − max(a₁, a₂):
///   α ∈ (0, 1), o > 0:  D_α = (log o − α log(b₁ − a₁) − (1 − α) log(b₂ − a₂)) / (α − 1)
///   α = 0, o > 0:       D_0 = −log(o/(b₂ − a₂))
///   o ≤ 0, or α > 1:    +∞
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let intervals = Intervals::of(query);
    if intervals.contained()? {
        return Ok(log_ratio(&intervals.width_q(), &intervals.width_p()));
    }
    let order = order_of(query)?;
    let below_one = match &order {
        Order::Zero => true,
        Order::One | Order::Infinity => false,
        Order::Finite(alpha) => {
            decided_sign(&(alpha.clone() - 1), "the order is below 1")? == Ordering::Less
        }
    };
    if !below_one {
        return infinite(OUTSIDE);
    }
    let overlap = intervals.overlap()?;
    if decided_sign(&overlap, "the supports overlap")? != Ordering::Greater {
        return infinite(DISJOINT);
    }
    let width_q = intervals.width_q();
    match order {
        Order::Finite(alpha) => {
            let shared = log_ratio(&overlap, &width_q);
            let spread = alpha.clone() * log_ratio(&intervals.width_p(), &width_q);
            Ok((shared - spread) / (alpha - 1))
        }
        _ => Ok(log_ratio(&width_q, &overlap)),
    }
}

/// The differential entropy of U(a, b).
///
/// # Formula
///
/// ```text
/// H = log(b − a)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    Ok(log_of(
        query.p.scalar(1).clone() - query.p.scalar(0).clone(),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        apply, assert_close, check_identities, is_infinite, r, renyi_value, uniform, value,
    };
    use crate::divergence::DivergenceKind;
    use crate::sym::{Domain, Expr};

    #[test]
    fn kl_inside_and_outside() {
        let kl = |p, q| apply(DivergenceKind::KullbackLeibler, &p, Some(&q), None);
        assert_close(
            value(
                DivergenceKind::KullbackLeibler,
                &uniform(0, 1),
                Some(&uniform(-1, 3)),
                None,
            ),
            4f64.ln(),
        );
        // Sharing an endpoint is still contained.
        assert_close(
            value(
                DivergenceKind::KullbackLeibler,
                &uniform(0, 1),
                Some(&uniform(0, 2)),
                None,
            ),
            2f64.ln(),
        );
        assert!(is_infinite(&kl(uniform(0, 2), uniform(0, 1))));
        assert!(is_infinite(&kl(uniform(-1, 1), uniform(0, 3))));
        assert!(kl(uniform(r(1, 3), r(2, 3)), uniform(r(1, 3), r(2, 3)))
            .unwrap()
            .is_zero());
    }

    #[test]
    fn renyi_matches_the_reference_value_and_the_overlap_formula() {
        assert_close(
            renyi_value(r(1, 2), &uniform(0, 1), &uniform(0, r(1, 2))),
            2f64.ln(),
        );
        // ∫p^α q^(1−α) over the overlap [1, 2] of U(0, 2) and U(1, 4): (1/2)^α (1/3)^(1−α).
        let alpha: f64 = 0.25;
        let expected = (0.5f64.powf(alpha) * (1.0f64 / 3.0).powf(1.0 - alpha)).ln() / (alpha - 1.0);
        assert_close(
            renyi_value(r(1, 4), &uniform(0, 2), &uniform(1, 4)),
            expected,
        );
        // D_0 = −log Q(supp P) = −log(1/3).
        assert_close(
            renyi_value(Expr::int(0), &uniform(0, 2), &uniform(1, 4)),
            3f64.ln(),
        );
        assert!(renyi_value(Expr::int(2), &uniform(0, 2), &uniform(1, 4)).is_infinite());
        assert!(renyi_value(Expr::Infinity, &uniform(0, 2), &uniform(1, 4)).is_infinite());
        assert!(renyi_value(r(1, 2), &uniform(0, 1), &uniform(1, 2)).is_infinite());
        // Contained: the same value at every order.
        for alpha in [Expr::int(0), r(1, 3), Expr::int(5), Expr::Infinity] {
            assert_close(
                renyi_value(alpha, &uniform(1, 2), &uniform(0, 3)),
                3f64.ln(),
            );
        }
    }

    #[test]
    fn symbolic_endpoints_are_undecided() {
        let a = Expr::symbol("a", Domain::Real);
        let result = apply(
            DivergenceKind::KullbackLeibler,
            &uniform(a, 1),
            Some(&uniform(0, 2)),
            None,
        );
        assert!(
            matches!(result, Err(crate::rules::Verdict::Undecided(_))),
            "{result:?}"
        );
    }

    #[test]
    fn entropy_values() {
        assert_close(
            value(DivergenceKind::Entropy, &uniform(-1, 3), None, None),
            4f64.ln(),
        );
        assert!(apply(
            DivergenceKind::Entropy,
            &uniform(r(1, 2), r(3, 2)),
            None,
            None
        )
        .unwrap()
        .is_zero());
    }

    #[test]
    fn identities_hold() {
        check_identities(&uniform(0, 1), &uniform(-1, 3));
        check_identities(&uniform(0, 2), &uniform(1, 4));
    }
}
