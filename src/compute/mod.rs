//! Computes one divergence between distributions: the dispatch from a query to a rule, an identity, an exact
//! finite sum, or the numeric fallback.
//!
//! Order of attempts, cheapest and most exact first:
//! 1. P = Q: every divergence is exactly 0.
//! 2. Supports: mutually singular or not nested supports decide many answers (`inf`, TV = 1, JS = log 2).
//! 3. Rényi order reduction: α = 1 is KL.
//! 4. A rule of the table for (divergence, family of P, family of Q).
//! 5. Identities that derive one quantity from rules for others (cross-entropy = H(P) + KL, Bhattacharyya =
//!    D_{1/2}/2, Hellinger = √(1 − e^{−B}), Pearson = e^{D₂} − 1).
//! 6. Exact finite sums when P has finite support.
//! 7. The numeric fallback ([`numeric`]): certified quadrature or series for one-dimensional pairs.
//! 8. Otherwise, an error naming the missing closed form.

pub mod embedding;
pub mod finite;
pub mod numeric;
pub mod support;

use std::cmp::Ordering;

use crate::divergence::{Divergence, DivergenceKind};
use crate::error::EvalError;
use crate::family::{Distribution, Family};
use crate::rules::{self, sign_of, Query, Verdict};
use crate::sym::{self, Expr};
use crate::value::Quantity;

use support::Relation;

/// A computed quantity and the rule (or identity) that produced it.
#[derive(Clone, Debug, PartialEq)]
pub struct Computed {
    /// The value.
    pub quantity: Quantity,
    /// How it was obtained: a rule name, possibly with the identity used (`Hellinger(Normal || Normal) from
    /// Renyi(Normal || Normal)`).
    pub rule: String,
}

impl Computed {
    fn new(quantity: Quantity, rule: impl Into<String>) -> Computed {
        Computed {
            quantity,
            rule: rule.into(),
        }
    }

    fn finite(expr: Expr, rule: impl Into<String>) -> Computed {
        Computed::new(Quantity::Finite(expr), rule)
    }
}

/// The name of a query without a rule: `KL(Weibull || Gamma)`.
fn query_name(kind: DivergenceKind, p: &Distribution, q: Option<&Distribution>) -> String {
    match (kind, q) {
        (_, None) => format!("H({})", p.display_name()),
        (DivergenceKind::CrossEntropy, Some(q)) => {
            format!("H({}, {})", p.display_name(), q.display_name())
        }
        (kind, Some(q)) => format!(
            "{}({} || {})",
            kind.name(),
            p.display_name(),
            q.display_name()
        ),
    }
}

/// Computes `divergence` of `p` (against `q` for two-argument quantities).
pub fn compute(
    divergence: &Divergence,
    p: &Distribution,
    q: Option<&Distribution>,
) -> Result<Computed, EvalError> {
    let kind = divergence.kind;
    let Some(q) = q else {
        return entropy(p);
    };
    let order = match kind {
        DivergenceKind::Renyi => Some(normalise_order(divergence.order.as_ref())?),
        _ => None,
    };
    if kind == DivergenceKind::Renyi && order.as_ref().is_some_and(Expr::is_one) {
        let computed = compute(
            &Divergence::new(DivergenceKind::KullbackLeibler),
            p,
            Some(q),
        )?;
        return Ok(Computed {
            rule: format!("Renyi at order 1 = {}", computed.rule),
            ..computed
        });
    }
    if let (Some(pf), Some(qf)) = (p.as_family(), q.as_family()) {
        if let Some(beta) = embedding::as_beta(pf, qf) {
            return compute(divergence, &Distribution::Family(beta), Some(q));
        }
        if let Some(beta) = embedding::as_beta(qf, pf) {
            return compute(divergence, p, Some(&Distribution::Family(beta)));
        }
    }
    if p == q && kind == DivergenceKind::CrossEntropy {
        let entropy = entropy(p)?;
        return Ok(Computed {
            rule: format!("H(P, P) = {}", entropy.rule),
            ..entropy
        });
    }
    if p == q {
        return Ok(Computed::finite(Expr::int(0), "D(P || P) = 0"));
    }
    if let Some(decided) = by_support(kind, order.as_ref(), p, q)? {
        return Ok(decided);
    }
    if let (Some(pf), Some(qf)) = (p.as_family(), q.as_family()) {
        if let Some(found) = by_rules(kind, order.as_ref(), pf, qf)? {
            return Ok(found);
        }
    }
    if let Some(result) = finite::divergence(kind, order.as_ref(), p, Some(q)) {
        let quantity = result.map_err(EvalError::Undecided)?;
        return Ok(Computed::new(
            quantity,
            format!("{} (finite sum)", query_name(kind, p, Some(q))),
        ));
    }
    if let Some(result) = numeric::divergence(kind, order.as_ref(), p, Some(q)) {
        return result.map(|(quantity, rule)| Computed::new(quantity, rule));
    }
    Err(EvalError::NoRule(query_name(kind, p, Some(q))))
}

/// Checks a Rényi order: a number ≥ 0, `inf`, or a symbol.
fn normalise_order(order: Option<&Expr>) -> Result<Expr, EvalError> {
    let order = order
        .ok_or_else(|| EvalError::Arguments("Renyi needs an order: Renyi(alpha, P || Q)".into()))?;
    if *order == Expr::Infinity {
        return Ok(Expr::Infinity);
    }
    let order = sym::simplify(order);
    if let Some(Ordering::Less) = sign_of(&order) {
        return Err(EvalError::Domain(format!(
            "Renyi order must be >= 0, got {order}"
        )));
    }
    Ok(order)
}

fn entropy(p: &Distribution) -> Result<Computed, EvalError> {
    if let Some(family) = p.as_family() {
        if let Some(rule) = rules::lookup(DivergenceKind::Entropy, family.kind, None) {
            let query = Query {
                p: family,
                q: None,
                order: None,
            };
            match (rule.formula)(&query) {
                Ok(expr) => return Ok(Computed::finite(expr, rule.name())),
                Err(Verdict::Infinite(reason)) => {
                    return Ok(Computed::new(Quantity::infinite(reason), rule.name()))
                }
                Err(Verdict::Undecided(reason)) => return Err(EvalError::Undecided(reason)),
                Err(Verdict::NotApplicable(_)) => {}
            }
        }
    }
    if let Some(result) = finite::divergence(DivergenceKind::Entropy, None, p, None) {
        let quantity = result.map_err(EvalError::Undecided)?;
        return Ok(Computed::new(
            quantity,
            format!("H({}) (finite sum)", p.display_name()),
        ));
    }
    if let Some(result) = numeric::divergence(DivergenceKind::Entropy, None, p, None) {
        return result.map(|(quantity, rule)| Computed::new(quantity, rule));
    }
    Err(EvalError::NoRule(format!("H({})", p.display_name())))
}

/// Answers decided by the supports alone, before any rule is consulted: rules may assume that these cases
/// never reach them (supp P ⊆ supp Q for KL, cross-entropy, Pearson and Rényi of order ≥ 1).
pub fn by_support(
    kind: DivergenceKind,
    order: Option<&Expr>,
    p: &Distribution,
    q: &Distribution,
) -> Result<Option<Computed>, EvalError> {
    use DivergenceKind::*;
    let (Some(p_support), Some(q_support)) = (support_of(p), support_of(q)) else {
        return Ok(None);
    };
    let relation = support::relate(&p_support, &q_support, &p.to_string(), &q.to_string());
    let rule = "support";
    Ok(match relation {
        Relation::Contained => None,
        Relation::Incompatible(reason) => return Err(EvalError::Type(reason)),
        Relation::Undecided(reason) => return Err(EvalError::Undecided(reason)),
        Relation::Singular(reason) => Some(match kind {
            TotalVariation | Hellinger => Computed::finite(Expr::int(1), rule),
            JensenShannon => Computed::finite(sym::log(Expr::int(2)), rule),
            _ => Computed::new(Quantity::infinite(reason), rule),
        }),
        Relation::Overflowing(reason) => {
            let order_at_least_one = |order: &Expr| {
                *order == Expr::Infinity
                    || matches!(
                        sign_of(&(order.clone() - 1)),
                        Some(Ordering::Greater | Ordering::Equal)
                    )
            };
            match kind {
                KullbackLeibler | CrossEntropy | Pearson => {
                    Some(Computed::new(Quantity::infinite(reason), rule))
                }
                Renyi if order.is_some_and(order_at_least_one) => {
                    Some(Computed::new(Quantity::infinite(reason), rule))
                }
                _ => None,
            }
        }
    })
}

/// The support of a distribution (of the first component for a mixture, widened to the union of the
/// components when they agree in kind).
fn support_of(distribution: &Distribution) -> Option<crate::family::Support> {
    match distribution {
        Distribution::Family(family) => Some(family.support()),
        Distribution::Mixture(components) => mixture_support(components),
    }
}

fn mixture_support(components: &[crate::family::Component]) -> Option<crate::family::Support> {
    use crate::family::support::{Bound, Support};
    // A point mass at an integer joins integer supports as the one-point range {v, …, v}.
    let as_integers = |support: Support| match support {
        Support::Point(Expr::Number(value)) if value.is_integer() => Support::Integers {
            lower: Expr::Number(value.clone()),
            upper: Some(Expr::Number(value)),
        },
        other => other,
    };
    let supports: Vec<Support> = components
        .iter()
        .map(|c| as_integers(c.family.support()))
        .collect();
    let mut union = supports.first()?.clone();
    for next in &supports[1..] {
        union = match (&union, next) {
            (
                Support::Interval { lower: a, upper: b },
                Support::Interval { lower: c, upper: d },
            ) => {
                let lower = extreme(a, c, Ordering::Less)?;
                let upper = extreme(b, d, Ordering::Greater)?;
                Support::Interval { lower, upper }
            }
            (
                Support::Integers { lower: a, upper: b },
                Support::Integers { lower: c, upper: d },
            ) => {
                let lower = match extreme(
                    &Bound::Finite(a.clone()),
                    &Bound::Finite(c.clone()),
                    Ordering::Less,
                )? {
                    Bound::Finite(value) => value,
                    Bound::Infinite => return None,
                };
                let upper = match (b, d) {
                    (Some(b), Some(d)) => match extreme(
                        &Bound::Finite(b.clone()),
                        &Bound::Finite(d.clone()),
                        Ordering::Greater,
                    )? {
                        Bound::Finite(value) => Some(value),
                        Bound::Infinite => None,
                    },
                    _ => None,
                };
                Support::Integers { lower, upper }
            }
            _ => return None,
        };
    }
    Some(union)
}

/// The lower (`Less`) or upper (`Greater`) of two bounds; a gap between components does not matter for the
/// containment tests that use the union.
fn extreme(
    a: &crate::family::support::Bound,
    b: &crate::family::support::Bound,
    which: Ordering,
) -> Option<crate::family::support::Bound> {
    use crate::family::support::Bound;
    match (a, b) {
        (Bound::Infinite, _) | (_, Bound::Infinite) => Some(Bound::Infinite),
        (Bound::Finite(x), Bound::Finite(y)) => {
            let order = sign_of(&(x.clone() - y.clone()))?;
            Some(Bound::Finite(if order == which {
                x.clone()
            } else {
                y.clone()
            }))
        }
    }
}

/// Applies the rule for (kind, P, Q), or derives the quantity from other rules by an identity.
fn by_rules(
    kind: DivergenceKind,
    order: Option<&Expr>,
    p: &Family,
    q: &Family,
) -> Result<Option<Computed>, EvalError> {
    if let Some(found) = find(kind, order, p, q)? {
        return Ok(Some(found));
    }
    let derived = match kind {
        DivergenceKind::CrossEntropy => {
            let Some(kl) = find(DivergenceKind::KullbackLeibler, None, p, q)? else {
                return Ok(None);
            };
            let entropy = entropy(&Distribution::Family(p.clone()))?;
            let rule = format!("H(P) + KL(P || Q) with {} and {}", entropy.rule, kl.rule);
            match (entropy.quantity, kl.quantity) {
                (Quantity::Finite(h), Quantity::Finite(d)) => Computed::finite(h + d, rule),
                (_, infinite @ Quantity::Infinite { .. })
                | (infinite @ Quantity::Infinite { .. }, _) => Computed::new(infinite, rule),
            }
        }
        DivergenceKind::Bhattacharyya => {
            let Some(half) = find(DivergenceKind::Renyi, Some(&Expr::ratio(1, 2)), p, q)? else {
                return Ok(None);
            };
            let rule = format!("Renyi(1/2)/2 with {}", half.rule);
            match half.quantity {
                Quantity::Finite(d) => Computed::finite(d / 2, rule),
                infinite => Computed::new(infinite, rule),
            }
        }
        DivergenceKind::Hellinger => {
            let Some(half) = find(DivergenceKind::Renyi, Some(&Expr::ratio(1, 2)), p, q)? else {
                return Ok(None);
            };
            let rule = format!("sqrt(1 - exp(-Renyi(1/2)/2)) with {}", half.rule);
            match half.quantity {
                Quantity::Finite(d) => Computed::finite(sym::sqrt(1 - sym::exp(-d / 2)), rule),
                Quantity::Infinite { .. } => Computed::finite(Expr::int(1), rule),
            }
        }
        DivergenceKind::Pearson => {
            let Some(two) = find(DivergenceKind::Renyi, Some(&Expr::int(2)), p, q)? else {
                return Ok(None);
            };
            let rule = format!("exp(Renyi(2)) - 1 with {}", two.rule);
            match two.quantity {
                Quantity::Finite(d) => Computed::finite(sym::exp(d) - 1, rule),
                infinite => Computed::new(infinite, rule),
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(derived))
}

/// The rule for (kind, P, Q), or for P and Q re-expressed in a family that contains both.
fn find(
    kind: DivergenceKind,
    order: Option<&Expr>,
    p: &Family,
    q: &Family,
) -> Result<Option<Computed>, EvalError> {
    if let Some(found) = apply(kind, order, p, q)? {
        return Ok(Some(found));
    }
    for (host_p, host_q) in embedding::common_hosts(p, q) {
        if let Some(found) = apply(kind, order, &host_p, &host_q)? {
            let rule = format!("{} (as {})", found.rule, host_p.spec().display);
            return Ok(Some(Computed { rule, ..found }));
        }
    }
    Ok(None)
}

/// Applies the table's rule for exactly (kind, P, Q), if there is one and it applies.
fn apply(
    kind: DivergenceKind,
    order: Option<&Expr>,
    p: &Family,
    q: &Family,
) -> Result<Option<Computed>, EvalError> {
    let Some(rule) = rules::lookup(kind, p.kind, Some(q.kind)) else {
        return Ok(None);
    };
    let query = Query {
        p,
        q: Some(q),
        order,
    };
    Ok(match (rule.formula)(&query) {
        Ok(expr) => Some(Computed::finite(expr, rule.name())),
        Err(Verdict::Infinite(reason)) => {
            Some(Computed::new(Quantity::infinite(reason), rule.name()))
        }
        Err(Verdict::Undecided(reason)) => return Err(EvalError::Undecided(reason)),
        Err(Verdict::NotApplicable(_)) => None,
    })
}
