//! Exact support comparisons: when P is not absolutely continuous with respect to Q, KL(P‖Q) is +∞.

use std::cmp::Ordering;

use crate::family::support::{Bound, Support};
use crate::rules::sign_of;
use crate::sym::Expr;

/// How the supports of P and Q relate.
#[derive(Clone, Debug, PartialEq)]
pub enum Relation {
    /// supp P ⊆ supp Q (up to sets of measure zero).
    Contained,
    /// P and Q are mutually singular (a density against a mass function, or disjoint supports).
    Singular(String),
    /// P puts mass outside supp Q, but the supports overlap.
    Overflowing(String),
    /// Symbols leave the comparison open.
    Undecided(String),
    /// The distributions live on different spaces (dimensions): no divergence is defined.
    Incompatible(String),
}

/// `a ≤ b`, decided exactly; `None` when symbols leave it open.
fn at_most(a: &Expr, b: &Expr) -> Option<bool> {
    sign_of(&(b.clone() - a.clone())).map(|sign| sign != Ordering::Less)
}

/// `a < b`, decided exactly.
fn below(a: &Expr, b: &Expr) -> Option<bool> {
    sign_of(&(b.clone() - a.clone())).map(|sign| sign == Ordering::Greater)
}

/// Renders a support for a reason message.
pub fn describe(support: &Support) -> String {
    let bound = |bound: &Bound, negative: bool| match bound {
        Bound::Infinite if negative => "-inf".to_string(),
        Bound::Infinite => "inf".to_string(),
        Bound::Finite(value) => value.to_string(),
    };
    match support {
        Support::Interval { lower, upper } => {
            format!("({}, {})", bound(lower, true), bound(upper, false))
        }
        Support::Integers {
            lower,
            upper: Some(upper),
        } => format!("{{{lower}, ..., {upper}}}"),
        Support::Integers { lower, upper: None } => {
            format!("{{{lower}, {}, ...}}", lower.clone() + 1)
        }
        Support::Point(value) => format!("{{{value}}}"),
        Support::Euclidean(k) => format!("R^{k}"),
        Support::Simplex(k) => format!("the simplex in R^{k}"),
        Support::PositiveDefinite(k) => format!("positive definite {k}x{k} matrices"),
        Support::Counts { trials, categories } => {
            format!("counts of {categories} categories summing to {trials}")
        }
    }
}

/// Compares the supports of `p` and `q` (already described as text `p_text`, `q_text` for the reasons).
pub fn relate(p: &Support, q: &Support, p_text: &str, q_text: &str) -> Relation {
    let undecided = || {
        Relation::Undecided(format!(
            "cannot decide whether the support of {p_text} lies in that of {q_text}"
        ))
    };
    let outside = || {
        format!(
            "{p_text} puts mass outside the support {} of {q_text}",
            describe(q)
        )
    };
    if p.is_continuous() != q.is_continuous() {
        let kinds = if p.is_continuous() {
            ("a density", "a mass function")
        } else {
            ("a mass function", "a density")
        };
        return Relation::Singular(format!(
            "{p_text} has {} and {q_text} has {}: they are mutually singular",
            kinds.0, kinds.1
        ));
    }
    match (p, q) {
        (Support::Interval { lower: pl, upper: pu }, Support::Interval { lower: ql, upper: qu }) => {
            // Lower ends: Q's must not exceed P's. Upper ends: Q's must not fall short of P's.
            let lower_ok = match (pl, ql) {
                (_, Bound::Infinite) => Some(true),
                (Bound::Infinite, Bound::Finite(_)) => Some(false),
                (Bound::Finite(a), Bound::Finite(b)) => at_most(b, a),
            };
            let upper_ok = match (pu, qu) {
                (_, Bound::Infinite) => Some(true),
                (Bound::Infinite, Bound::Finite(_)) => Some(false),
                (Bound::Finite(a), Bound::Finite(b)) => at_most(a, b),
            };
            match (lower_ok, upper_ok) {
                (Some(true), Some(true)) => Relation::Contained,
                (Some(_), Some(_)) => {
                    // Not contained: disjoint (singular) when one interval ends before the other starts.
                    let disjoint = match (pu, ql, qu, pl) {
                        (Bound::Finite(p_upper), Bound::Finite(q_lower), _, _) if at_most(p_upper, q_lower) == Some(true) => true,
                        (_, _, Bound::Finite(q_upper), Bound::Finite(p_lower)) if at_most(q_upper, p_lower) == Some(true) => true,
                        _ => false,
                    };
                    if disjoint {
                        Relation::Singular(format!("{p_text} and {q_text} have disjoint supports"))
                    } else {
                        Relation::Overflowing(outside())
                    }
                }
                _ => undecided(),
            }
        }
        (Support::Integers { lower: pl, upper: pu }, Support::Integers { lower: ql, upper: qu }) => {
            let lower_ok = at_most(ql, pl);
            let upper_ok = match (pu, qu) {
                (_, None) => Some(true),
                (None, Some(_)) => Some(false),
                (Some(a), Some(b)) => at_most(a, b),
            };
            match (lower_ok, upper_ok) {
                (Some(true), Some(true)) => Relation::Contained,
                (Some(_), Some(_)) => {
                    let disjoint = match (pu, qu) {
                        (Some(p_upper), _) if below(p_upper, ql) == Some(true) => true,
                        (_, Some(q_upper)) if below(q_upper, pl) == Some(true) => true,
                        _ => false,
                    };
                    if disjoint {
                        Relation::Singular(format!("{p_text} and {q_text} have disjoint supports"))
                    } else {
                        Relation::Overflowing(outside())
                    }
                }
                _ => undecided(),
            }
        }
        (Support::Point(v), Support::Integers { lower, upper }) => {
            let inside = at_most(lower, v).and_then(|low| match upper {
                None => Some(low),
                Some(upper) => at_most(v, upper).map(|high| low && high),
            });
            let integral = v.as_rational().map(|value| value.is_integer());
            match (inside, integral) {
                (Some(true), Some(true)) => Relation::Contained,
                (Some(_), Some(_)) => Relation::Singular(format!("{q_text} puts no mass at the point of {p_text}")),
                _ => undecided(),
            }
        }
        (Support::Integers { .. }, Support::Point(v)) => {
            Relation::Overflowing(format!("{p_text} puts mass away from the single point {v} of {q_text}"))
        }
        (Support::Point(a), Support::Point(b)) => match sign_of(&(a.clone() - b.clone())) {
            Some(Ordering::Equal) => Relation::Contained,
            Some(_) => Relation::Singular(format!("{p_text} and {q_text} are point masses at different points")),
            None => undecided(),
        },
        (Support::Euclidean(a), Support::Euclidean(b))
        | (Support::Simplex(a), Support::Simplex(b))
        | (Support::PositiveDefinite(a), Support::PositiveDefinite(b))
            if a == b =>
        {
            Relation::Contained
        }
        (Support::Counts { trials: a, categories: k }, Support::Counts { trials: b, categories: l }) if k == l => {
            match sign_of(&(a.clone() - b.clone())) {
                Some(Ordering::Equal) => Relation::Contained,
                Some(_) => Relation::Singular(format!(
                    "{p_text} and {q_text} count different numbers of trials: their supports are disjoint"
                )),
                None => undecided(),
            }
        }
        _ => Relation::Incompatible(format!(
            "{p_text} and {q_text} live on different spaces ({} and {})",
            describe(p),
            describe(q)
        )),
    }
}
