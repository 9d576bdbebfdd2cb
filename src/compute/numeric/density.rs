//! Distributions as weighted components with their log-densities, supports and envelopes.

use crate::error::EvalError;
use crate::exact::Rational;
use crate::family::support::Bound;
use crate::family::{Distribution, Family, Support};
use crate::numeric::compiled::{Builder, Node, Substitution, VARIABLE};
use crate::numeric::interval::Interval;
use crate::numeric::quadrature::envelope::{self, lower_of, upper_of, Envelope};
use crate::sym::{self, Domain, Expr};

use super::ends;
use super::shared_terms;
use super::tails::{self, Bounds, Direction};

/// Precision of the comparisons that order support ends and breakpoints.
pub const COMPARISON_PRECISION: u32 = 128;

/// A point of the line known exactly, with an enclosure for ordering.
#[derive(Clone, Debug)]
pub struct Point {
    /// The exact value.
    pub expr: Expr,
    /// An enclosure at [`COMPARISON_PRECISION`] bits.
    pub value: Interval,
}

impl Point {
    /// Encloses an exact constant.
    pub fn new(expr: Expr) -> Result<Point, EvalError> {
        let value = crate::numeric::enclose(&expr, COMPARISON_PRECISION, &crate::interrupt::Never)?;
        Ok(Point { expr, value })
    }

    /// An approximation, for heuristics.
    pub fn approximate(&self) -> f64 {
        self.value.midpoint().to_f64()
    }
}

/// One weighted component of a density.
#[derive(Clone, Debug)]
pub struct Component {
    /// log of its weight.
    pub log_weight: Expr,
    /// The family member.
    pub family: Family,
    /// Its log-density in `x`.
    pub log_density: Expr,
    /// The lower support end (`None`: −∞).
    pub lower: Option<Point>,
    /// The upper support end (`None`: +∞).
    pub upper: Option<Point>,
}

impl Component {
    /// Whether the component's support contains the point strictly inside.
    pub fn contains(&self, point: &Interval) -> bool {
        self.lower
            .as_ref()
            .is_none_or(|lower| lower.value.upper < point.lower)
            && self
                .upper
                .as_ref()
                .is_none_or(|upper| point.upper < upper.value.lower)
    }
}

/// A distribution with a density on an interval of the line, as weighted components.
#[derive(Clone, Debug)]
pub struct Density {
    /// The components (one for a family).
    pub components: Vec<Component>,
}

/// Whether a distribution is continuous and one-dimensional (`Some(true)`), discrete (`Some(false)`), or
/// neither (multivariate, or a mixture of both kinds).
pub fn is_continuous(distribution: &Distribution) -> Option<bool> {
    let kinds: Vec<Option<bool>> = match distribution {
        Distribution::Family(family) => vec![kind(&family.support())],
        Distribution::Mixture(components) => components
            .iter()
            .map(|component| kind(&component.family.support()))
            .collect(),
    };
    let first = *kinds.first()?;
    kinds.iter().all(|k| *k == first).then_some(first).flatten()
}

fn kind(support: &Support) -> Option<bool> {
    match support {
        Support::Interval { .. } => Some(true),
        Support::Integers { .. } | Support::Point(_) => Some(false),
        _ => None,
    }
}

fn end(bound: &Bound) -> Result<Option<Point>, EvalError> {
    match bound {
        Bound::Infinite => Ok(None),
        Bound::Finite(expr) => Point::new(expr.clone()).map(Some),
    }
}

impl Density {
    /// The components of a continuous distribution.
    pub fn new(distribution: &Distribution) -> Result<Density, EvalError> {
        let weighted = distribution.weighted();
        let x = Expr::symbol(VARIABLE, Domain::Real);
        let mut components = Vec::with_capacity(weighted.len());
        for (weight, family) in weighted {
            let log_density = family.log_density(&x).ok_or_else(|| {
                EvalError::NoRule(format!("{}: no log-density", family.spec().display))
            })?;
            let Support::Interval { lower, upper } = family.support() else {
                return Err(EvalError::NoRule(format!(
                    "{family}: not a density on the line"
                )));
            };
            components.push(Component {
                log_weight: sym::log(weight),
                family: family.clone(),
                log_density,
                lower: end(&lower)?,
                upper: end(&upper)?,
            });
        }
        Ok(Density { components })
    }

    /// The components whose support contains the point.
    pub fn present(&self, point: &Interval) -> Vec<&Component> {
        self.components
            .iter()
            .filter(|component| component.contains(point))
            .collect()
    }
}

/// Compiles the log-density of a set of present components (a log-sum-exp for several; relative to a
/// reference component where the components share terms, [`shared_terms`]).
pub fn compile_log_density(
    builder: &mut Builder,
    components: &[&Component],
) -> Result<Node, EvalError> {
    if let Some((resolved, shared)) = shared_form(builder, components) {
        let reference = reference_node(builder, &resolved[shared.reference])?;
        let terms = relative_pairs(builder, &resolved, &shared)?;
        let sum = builder.log_sum_exp(terms);
        return Ok(builder.add(reference, sum));
    }
    let mut terms = Vec::with_capacity(components.len());
    for component in components {
        let node = builder.expr(&component.log_density)?;
        terms.push((component.log_weight.clone(), node));
    }
    if terms.is_empty() {
        return Err(EvalError::NoRule("an empty density".into()));
    }
    Ok(builder.log_sum_exp(terms))
}

/// Where the components share a term ([`shared_terms`]): the components with each absolute value of their
/// log-densities resolved on the builder's region (so that their terms can be gathered:
/// [`Builder::resolve_absolute`]), and the reference with the differences against it.
fn shared_form(
    builder: &Builder,
    components: &[&Component],
) -> Option<(Vec<Component>, shared_terms::Shared)> {
    if components.len() < 2 {
        return None;
    }
    let resolved: Vec<Component> = components
        .iter()
        .map(|component| Component {
            log_density: builder.resolve_absolute(&component.log_density),
            ..(*component).clone()
        })
        .collect();
    let shared = shared_terms::shared(&resolved.iter().collect::<Vec<_>>())?;
    Some((resolved, shared))
}

/// The pairs (log(wⱼ/w_r), lⱼ − l_r) of each component against the reference.
fn relative_pairs(
    builder: &mut Builder,
    components: &[Component],
    shared: &shared_terms::Shared,
) -> Result<Vec<(Expr, Node)>, EvalError> {
    let reference = &components[shared.reference];
    let mut terms = Vec::with_capacity(components.len());
    for (component, difference) in components.iter().zip(&shared.differences) {
        let node = builder.expr(difference)?;
        let weight = component.log_weight.clone() - reference.log_weight.clone();
        terms.push((weight, node));
    }
    Ok(terms)
}

/// The reference's log w_r + l_r, compiled.
fn reference_node(builder: &mut Builder, reference: &Component) -> Result<Node, EvalError> {
    let log_density = builder.expr(&reference.log_density)?;
    let weight = Node::Constant(reference.log_weight.clone());
    Ok(builder.add(weight, log_density))
}

/// The log-density as an expression in x plus, for a mixture of shared terms, the node of its log-sum-exp
/// relative to the reference component: log p = expression + node. `None` for other mixtures. The
/// expression can then be gathered with another density's term by term (Rényi's α log p + (1 − α) log q).
pub fn split_log_density(
    builder: &mut Builder,
    components: &[&Component],
) -> Result<Option<(Expr, Option<Node>)>, EvalError> {
    if let [single] = components {
        let expression = single.log_weight.clone() + single.log_density.clone();
        return Ok(Some((expression, None)));
    }
    let Some((resolved, shared)) = shared_form(builder, components) else {
        return Ok(None);
    };
    let reference = &resolved[shared.reference];
    let expression = reference.log_weight.clone() + reference.log_density.clone();
    let terms = relative_pairs(builder, &resolved, &shared)?;
    Ok(Some((expression, Some(builder.log_sum_exp(terms)))))
}

/// Compiles the density itself: a single component without the exponential where its log-density is a
/// sum of multiples of logarithms (`Builder::exp_of`), a mixture as e^{log-sum-exp}.
pub fn compile_density(
    builder: &mut Builder,
    components: &[&Component],
    log_density: Node,
) -> Result<Node, EvalError> {
    if let [component] = components {
        return builder.exp_of(&(component.log_weight.clone() + component.log_density.clone()));
    }
    Ok(builder.unary(crate::numeric::compiled::Unary::Exp, log_density))
}

/// The log-density and the density together: for a mixture, the density as Σ wᵢ pᵢ and its logarithm
/// (n exponentials and a logarithm, where a log-sum-exp and its exponential would take one more).
pub fn compile_log_and_density(
    builder: &mut Builder,
    components: &[&Component],
) -> Result<(Node, Node), EvalError> {
    if components.len() < 2 {
        let log_density = compile_log_density(builder, components)?;
        let density = compile_density(builder, components, log_density.clone())?;
        return Ok((log_density, density));
    }
    if let Some((resolved, shared)) = shared_form(builder, components) {
        // p = w_r p_r · Σⱼ exp(log(wⱼ/w_r) + lⱼ − l_r), and its logarithm from the same sum.
        let own = &resolved[shared.reference];
        let reference = reference_node(builder, own)?;
        let terms = relative_pairs(builder, &resolved, &shared)?;
        let factor = builder.exp_of(&(own.log_weight.clone() + own.log_density.clone()))?;
        let sum = builder.sum_exp(terms.clone());
        let logarithm = builder.log_of_sum(sum.clone(), terms);
        let density = builder.mul(factor, sum);
        let log_density = builder.add(reference, logarithm);
        return Ok((log_density, density));
    }
    let mut terms = Vec::with_capacity(components.len());
    for component in components {
        let node = builder.expr(&component.log_density)?;
        terms.push((component.log_weight.clone(), node));
    }
    let density = builder.sum_exp(terms.clone());
    let log_density = builder.log_of_sum(density.clone(), terms);
    Ok((log_density, density))
}

/// Where a tail is.
#[derive(Clone, Debug)]
pub enum TailEnd {
    /// Towards +∞ or −∞.
    Infinite(Direction),
    /// Towards the finite point `at`, from above (`from_above`) or below; y = 1/|x − at|.
    Finite {
        /// The end.
        at: Point,
        /// Whether the tail lies above the end (x > at).
        from_above: bool,
    },
}

/// Envelopes of the log-density of present components in a tail, for y ≥ `start`: each component's own
/// envelope (a family table for an infinite or singular end; the range of a regular log-density near a
/// finite end), shifted by its log-weight; the mixture's upper envelope is the maximum plus log n (n
/// components), its lower one the component that decays slowest.
pub fn tail_bounds(components: &[&Component], end: &TailEnd, start: &Rational) -> Option<Bounds> {
    let mut upper: Option<Envelope> = None;
    let mut lower: Option<Envelope> = None;
    for component in components {
        let bounds = component_bounds(component, end, start)?;
        let log_weight =
            crate::numeric::enclose(&component.log_weight, 64, &crate::interrupt::Never).ok()?;
        let shifted_upper = bounds
            .upper
            .add(&Envelope::constant(upper_of(&log_weight)?));
        let shifted_lower = bounds
            .lower
            .add(&Envelope::constant(lower_of(&log_weight)?));
        upper = Some(match upper {
            None => shifted_upper,
            Some(current) => envelope::maximum(&current, &shifted_upper, start)?,
        });
        lower = Some(match lower {
            None => shifted_lower,
            Some(current) => slower(current, shifted_lower),
        });
    }
    // log Σ wᵢpᵢ ≤ log n + maxᵢ log wᵢpᵢ: the maximum alone is not an upper envelope of the sum when two
    // components are comparable (two equal halves would be bounded by half their sum).
    let count = Interval::point(rug::Float::with_val(64, components.len()));
    let log_count = upper_of(&crate::numeric::functions::log(&count).ok()?)?;
    Some(Bounds {
        upper: upper?.add(&Envelope::constant(log_count)),
        lower: lower?,
    })
}

/// Of two lower envelopes (both valid), the one that decays slowest (or the larger constant).
fn slower(first: Envelope, second: Envelope) -> Envelope {
    let difference = first.sub(&second);
    let first_larger = match difference.leading() {
        Some((_, c)) => c > &Rational::from_integer(0.into()),
        None => difference.constant >= Rational::from_integer(0.into()),
    };
    if first_larger {
        first
    } else {
        second
    }
}

fn component_bounds(component: &Component, end: &TailEnd, start: &Rational) -> Option<Bounds> {
    match end {
        TailEnd::Infinite(direction) => tails::infinite(&component.family, *direction, start),
        TailEnd::Finite { at, from_above } => {
            let own_end = if *from_above {
                &component.lower
            } else {
                &component.upper
            };
            let is_own_end = own_end.as_ref().is_some_and(|own| own.expr == at.expr);
            if is_own_end && ends::is_singular(&component.family, !from_above) {
                return ends::singular(&component.family, !from_above, start);
            }
            regular_bounds(component, at, *from_above, start)
        }
    }
}

/// The range of a log-density that is regular near `at`, over distances (0, 1/Y].
fn regular_bounds(
    component: &Component,
    at: &Point,
    from_above: bool,
    start: &Rational,
) -> Option<Bounds> {
    let substitution = Substitution {
        center: at.expr.clone(),
        increasing: from_above,
    };
    // The log-density alone: the caller adds the log-weight.
    let mut builder = Builder::new(substitution, None);
    let node = builder.expr(&component.log_density).ok()?;
    let program = builder.finish(node);
    let mut evaluator =
        crate::numeric::compiled::interval::IntervalEvaluator::new(&program, 64).ok()?;
    let distance = Interval::new(
        rug::Float::new(64),
        Interval::from_rational(&start.recip(), 64).ok()?.upper,
    )
    .ok()?;
    let range = evaluator.evaluate(&distance).ok()?;
    Some(Bounds {
        upper: Envelope::constant(upper_of(&range)?),
        lower: Envelope::constant(lower_of(&range)?),
    })
}
