//! Cross-family KL divergence and cross-entropy as a product of two tables (closed_forms.md §3).
//!
//! For a target Q, −log q(x) = c₀ + Σ cⱼ Tⱼ(x) on supp Q ([`targets`], table T2); for a source P, E_P[Tⱼ]
//! ([`statistics`], table T3). Then H(P, Q) = c₀ + Σ cⱼ E_P[Tⱼ] and KL(P‖Q) = H(P, Q) − H(P), with H(P) from
//! the entropy rule of P's family, asked for at run time. One formula function per divergence serves every
//! ordered pair of different families the tables cover; [`RULES`] lists those pairs. A point mass against a
//! discrete family is the one structural rule here: KL(δ_v‖Q) = H(δ_v, Q) = −log q(v).
//!
//! Supports are the dispatcher's: it answers `inf` when supp P ⊄ supp Q before any rule runs, so a formula
//! here may assume containment (the expectation of log X under a uniform source presumes a ≥ 0, and so on).

mod bounded;
mod discrete;
mod extra;
mod positive;
mod real_line;
pub mod renyi;
pub mod special;
pub mod statistics;
mod table;
pub mod targets;
#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_extra;
#[cfg(test)]
mod tests_required;
#[cfg(test)]
mod tests_targets;

use std::cmp::Ordering;
use std::sync::LazyLock;

use crate::divergence::DivergenceKind;
use crate::family::Family;
use crate::rules::{lookup, sign_of, Query, Rule, RuleResult, Verdict};
use crate::sym::log;

use statistics::{canonical, expectation, Expectation};
use targets::{decompose, Decomposition, Growth};

pub use table::SOURCES;

/// Every cross-family rule: KL and cross-entropy for each ordered pair (P, Q) of different families that the
/// tables cover, and the point-mass rules.
pub static RULES: LazyLock<Vec<Rule>> = LazyLock::new(table::build);

/// H(P, Q) = c₀ + Σ cⱼ E_P[Tⱼ] (closed_forms.md §3.1).
///
/// `Infinite` when a divergent E_P[Tⱼ] forces +∞, `NotApplicable` when an expectation has no closed form (or
/// Q is not a target), `Undecided` when symbols leave a condition open.
pub fn cross_entropy(p: &Family, q: &Family) -> RuleResult {
    combine(p, decompose(q)?)
}

/// KL(P‖Q) = H(P, Q) − H(P), with H(P) from the entropy rule of P's family.
pub fn kullback_leibler(p: &Family, q: &Family) -> RuleResult {
    kullback_leibler_with(p, q, &entropy_by_rule)
}

/// KL(P‖Q) = H(P, Q) − H(P) with H(P) from `entropy` (`None`: no closed form known).
pub fn kullback_leibler_with(
    p: &Family,
    q: &Family,
    entropy: &dyn Fn(&Family) -> Option<RuleResult>,
) -> RuleResult {
    // An infinite cross-entropy makes the KL infinite: H(P) is finite for every source family.
    let cross = cross_entropy(p, q)?;
    match entropy(p) {
        Some(Ok(h)) => Ok(cross - h),
        Some(Err(Verdict::NotApplicable(reason))) => Err(Verdict::NotApplicable(reason)),
        Some(Err(Verdict::Infinite(_))) | None => Err(Verdict::NotApplicable(format!(
            "no closed form for the entropy of {p}"
        ))),
        Some(Err(undecided)) => Err(undecided),
    }
}

/// H(P) from the table's entropy rule for P's family, or for the family it is a special case of
/// (Exponential as Gamma(1, λ)).
pub fn entropy_by_rule(p: &Family) -> Option<RuleResult> {
    let apply = |family: &Family| {
        lookup(DivergenceKind::Entropy, family.kind, None).map(|rule| {
            (rule.formula)(&Query {
                p: family,
                q: None,
                order: None,
            })
        })
    };
    apply(p).or_else(|| canonical(p).and_then(|stand_in| apply(&stand_in)))
}

/// Sums the terms, deciding what divergent or unknown expectations imply.
fn combine(p: &Family, decomposition: Decomposition) -> RuleResult {
    let mut total = decomposition.constant;
    let mut verdict = None;
    let mut diverging = None;
    let mut open = None;
    let mut open_in_both_directions = false;
    for term in decomposition.terms {
        if term.coefficient.is_zero() {
            continue;
        }
        match expectation(p, &term.statistic) {
            Ok(Expectation::Finite(value)) => total = total + term.coefficient * value,
            Ok(Expectation::Infinite(reason)) => match term.growth {
                Growth::Dominant => return Err(Verdict::Infinite(reason)),
                Growth::BoundedBelow => {
                    diverging.get_or_insert(reason);
                }
                Growth::Signed => {
                    open_in_both_directions = true;
                    open.get_or_insert(format!("{reason}, with no bound on its sign"));
                }
            },
            Ok(Expectation::Unknown) => {
                open_in_both_directions |= term.growth == Growth::Signed;
                open.get_or_insert(format!("E[{}] has no closed form for {p}", term.statistic));
            }
            Err(stopped) => {
                verdict.get_or_insert(stopped);
            }
        }
    }
    if let Some(stopped) = verdict {
        return Err(stopped);
    }
    match (diverging, open) {
        (Some(reason), _) if !open_in_both_directions => Err(Verdict::Infinite(reason)),
        (_, Some(reason)) => Err(Verdict::NotApplicable(reason)),
        (Some(reason), None) => Err(Verdict::Infinite(reason)),
        (None, None) => Ok(total),
    }
}

/// The rule formula for KL(P‖Q).
fn kullback_leibler_rule(query: &Query<'_>) -> RuleResult {
    kullback_leibler(query.p, query.q())
}

/// The rule formula for H(P, Q).
fn cross_entropy_rule(query: &Query<'_>) -> RuleResult {
    cross_entropy(query.p, query.q())
}

/// H(δ_v, Q) = KL(δ_v‖Q) = −log q(v) for a discrete Q (H(δ_v) = 0). The dispatcher's support check has
/// already answered `inf` for a v outside supp Q and for every density Q (δ_v is singular to it).
fn point_mass_rule(query: &Query<'_>) -> RuleResult {
    let (p, q) = (query.p, query.q());
    let location = p.scalar(0);
    if let Some(point) = location.as_rational() {
        if let Some(mass) = crate::compute::finite::mass_at(q, point) {
            // A mass vanishes through a literal zero factor (p = 0, λ = 0, …), which the constructors fold
            // to the rational 0; any other mass of a point in the support is positive.
            if mass.is_zero() || sign_of(&mass) == Some(Ordering::Equal) {
                return Err(Verdict::Infinite(format!(
                    "{q} puts no mass at the point {location} of {p}"
                )));
            }
            return Ok(-log(mass));
        }
    }
    q.log_density(location)
        .map(|log_mass| -log_mass)
        .ok_or_else(|| Verdict::NotApplicable(format!("{q} has no log-mass function")))
}
