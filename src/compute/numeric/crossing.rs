//! The crossings p = q that split the total variation integral into pieces of constant sign.
//!
//! log p − log q (a compiled program) is examined on subintervals in interval arithmetic with its derivative:
//! a subinterval where it has one sign needs nothing more; one where it is monotone and changes sign holds
//! exactly one crossing, found by Newton's method and certified by a sign change across a tiny interval.
//! Each certified crossing leaves a tiny interval of unknown sign, whose contribution ½∫|p − q| is enclosed
//! by its length times the range of the integrand there.

use std::sync::Arc;

use rug::float::Round;
use rug::Float;

use crate::error::EvalError;
use crate::interrupt::Interrupt;
use crate::numeric::compiled::interval::IntervalEvaluator;
use crate::numeric::compiled::Program;
use crate::numeric::functions;
use crate::numeric::interval::{Failure, Interval};
use crate::numeric::quadrature::envelope::rational_of;
use crate::numeric::quadrature::Map;
use crate::sym::Expr;

/// A subinterval of constant sign.
#[derive(Clone, Debug)]
pub struct Part {
    /// Lower end in u.
    pub lower: Expr,
    /// Upper end in u.
    pub upper: Expr,
    /// Whether p ≥ q there.
    pub positive: bool,
}

/// A tiny interval around a crossing (or of unresolved sign), in u.
#[derive(Clone, Debug)]
pub struct Root {
    /// Lower end.
    pub lower: Float,
    /// Upper end.
    pub upper: Float,
}

/// The pieces of a region.
#[derive(Debug, Default)]
pub struct Split {
    /// Constant-sign parts.
    pub parts: Vec<Part>,
    /// Crossings between them.
    pub roots: Vec<Root>,
}

fn failure(failure: Failure) -> EvalError {
    match failure {
        Failure::Fatal(error) => error,
        Failure::Imprecise(reason) => EvalError::Budget(reason),
    }
}

fn to_t(map: Map, u: &Interval) -> Result<Interval, Failure> {
    match map {
        Map::Linear => Ok(u.clone()),
        Map::Exponential => functions::exp(u),
    }
}

fn expr_of(value: &Float) -> Result<Expr, EvalError> {
    rational_of(value)
        .map(Expr::Number)
        .ok_or_else(|| EvalError::Budget("a crossing is not a finite number".into()))
}

/// Sign of log p − log q on an interval of u: `Some(true)` positive, `Some(false)` negative.
fn sign(evaluator: &mut IntervalEvaluator<'_>, map: Map, u: &Interval) -> Option<bool> {
    let t = to_t(map, u).ok()?;
    evaluator.evaluate(&t).ok()?.sign()
}

/// What the derivative says of log p − log q on an interval of u.
enum Slope {
    /// The derivative has one sign: the difference is monotone.
    Monotone,
    /// The difference has one sign (`true`: positive), by the mean value form f(m) + f′(U)·(U − m).
    Signed(bool),
    /// Neither could be shown.
    Unknown,
}

/// The derivative's verdict on an interval of u. The mean value form decides the sign where plain interval
/// evaluation cannot: for nearly equal distributions, log p − log q is a small difference of large terms,
/// and evaluating each term over a wide interval loses the difference, while f′ is small and multiplies
/// only the interval's half-width.
fn slope(evaluator: &mut IntervalEvaluator<'_>, map: Map, u: &Interval) -> Slope {
    let mut verdict = || -> Result<Slope, Failure> {
        let t = to_t(map, u)?;
        let jet = evaluator.evaluate_jet(&t)?;
        if jet.derivative.is_positive() || jet.derivative.is_negative() {
            return Ok(Slope::Monotone);
        }
        // d/du = d/dt · t′(u), with t′(u) = t on the exponential map.
        let derivative = match map {
            Map::Linear => jet.derivative,
            Map::Exponential => jet.derivative.mul(&t)?,
        };
        let middle = u.midpoint();
        let at_middle = evaluator.evaluate(&to_t(map, &point(&middle))?)?;
        let offset = u.sub(&point(&middle))?;
        let range = at_middle.add(&derivative.mul(&offset)?)?;
        Ok(range.sign().map_or(Slope::Unknown, Slope::Signed))
    };
    verdict().unwrap_or(Slope::Unknown)
}

fn point(value: &Float) -> Interval {
    Interval::point(value.clone())
}

/// The most sub-intervals examined in one region.
const MAX_PIECES: usize = 20_000;

/// A sub-interval [lower, upper] of u being classified.
struct Pending {
    lower: Float,
    upper: Float,
    depth: u32,
}

/// Splits [lower, upper] (in u) at the crossings of log p = log q, where `programs` are log p − log q and
/// the integrand ½(p − q). A sub-interval whose sign no evaluation settles, and whose contribution is
/// within its share of `budget` (by its width), is left as an unresolved root: far out in a tail where
/// p/q → 1, log p − log q lies below any precision (e^{−z} beside z), while ½∫|p − q| there is negligible.
pub fn split(
    (difference, integrand): (&Arc<Program>, &Arc<Program>),
    map: Map,
    (lower, upper): (&Expr, &Expr),
    precision: u32,
    budget: &Float,
    interrupt: &dyn Interrupt,
) -> Result<Split, EvalError> {
    let a = crate::numeric::enclose(lower, precision, interrupt)?;
    let b = crate::numeric::enclose(upper, precision, interrupt)?;
    let reach = crate::numeric::quadrature::reach_bits(map, &a.lower);
    let coarse_precision = crate::numeric::quadrature::BOUND_PRECISION + reach;
    let mut coarse = IntervalEvaluator::new(difference, coarse_precision)?;
    let mut fine = IntervalEvaluator::new(difference, precision)?;
    let mut bounds = IntervalEvaluator::new(integrand, precision)?;
    let width = Float::with_val_round(precision, &b.upper - &a.lower, Round::Up).0;
    let per_width = Float::with_val_round(precision, budget / &width, Round::Down).0;
    // Each piece left unresolved at the greatest depth costs a bound; a difference that cannot be
    // classified anywhere would otherwise bisect into 2^48 of them.
    let mut examined = 0usize;
    // Classified pieces in order: (lower, upper, sign), with `None` for a root's tiny interval.
    let mut classified: Vec<(Float, Float, Option<bool>)> = Vec::new();
    let mut stack = vec![Pending {
        lower: a.midpoint(),
        upper: b.midpoint(),
        depth: 0,
    }];
    while let Some(pending) = stack.pop() {
        interrupt.check()?;
        examined += 1;
        if examined > MAX_PIECES {
            return Err(EvalError::Budget(format!(
                "could not separate the crossings of p and q in {MAX_PIECES} pieces"
            )));
        }
        let whole = Interval::new(pending.lower.clone(), pending.upper.clone()).map_err(failure)?;
        let rounded = Interval::new(
            Float::with_val_round(coarse_precision, &whole.lower, Round::Down).0,
            Float::with_val_round(coarse_precision, &whole.upper, Round::Up).0,
        )
        .map_err(failure)?;
        if let Some(positive) = sign(&mut coarse, map, &rounded) {
            classified.push((pending.lower, pending.upper, Some(positive)));
            continue;
        }
        // Where the coarse precision cannot tell, the working one may: far in a tail where p/q → 1, the
        // difference is a small remainder of large terms.
        let slope = match slope(&mut coarse, map, &rounded) {
            Slope::Unknown => match sign(&mut fine, map, &whole) {
                Some(positive) => Slope::Signed(positive),
                None => slope(&mut fine, map, &whole),
            },
            known => known,
        };
        if let Slope::Signed(positive) = slope {
            classified.push((pending.lower, pending.upper, Some(positive)));
            continue;
        }
        if let Slope::Monotone = slope {
            let left = sign(&mut fine, map, &point(&pending.lower));
            let right = sign(&mut fine, map, &point(&pending.upper));
            if let (Some(l), Some(r)) = (left, right) {
                if l == r {
                    classified.push((pending.lower, pending.upper, Some(l)));
                    continue;
                }
            }
            let root = locate(
                &mut fine,
                map,
                (&pending.lower, &pending.upper),
                (left, right),
                precision,
            )?;
            classified.push((
                pending.lower,
                root.lower.clone(),
                left.or(right.map(|r| !r)),
            ));
            classified.push((root.lower, root.upper.clone(), None));
            classified.push((root.upper, pending.upper, right.or(left.map(|l| !l))));
            continue;
        }
        let mut negligible = || -> Option<bool> {
            let bound = bound_over(&mut bounds, map, &whole, precision).ok()?;
            let length =
                Float::with_val_round(precision, &whole.upper - &whole.lower, Round::Down).0;
            let share = Float::with_val_round(precision, length * &per_width, Round::Down).0;
            Some(bound.upper <= share)
        };
        if pending.depth >= 48 || negligible() == Some(true) {
            classified.push((pending.lower, pending.upper, None));
            continue;
        }
        let middle = Float::with_val(precision, &pending.lower + &pending.upper) / 2u32;
        stack.push(Pending {
            lower: middle.clone(),
            upper: pending.upper,
            depth: pending.depth + 1,
        });
        stack.push(Pending {
            lower: pending.lower,
            upper: middle,
            depth: pending.depth + 1,
        });
    }
    let mut split = Split::default();
    // Ends of the region keep their exact expressions; inner cuts are exact floats.
    let count = classified.len();
    for (index, (low, high, positive)) in classified.into_iter().enumerate() {
        let low_expr = if index == 0 {
            lower.clone()
        } else {
            expr_of(&low)?
        };
        let high_expr = if index + 1 == count {
            upper.clone()
        } else {
            expr_of(&high)?
        };
        match positive {
            Some(positive) => {
                if let Some(last) = split.parts.last_mut() {
                    if last.positive == positive && last.upper == low_expr {
                        last.upper = high_expr;
                        continue;
                    }
                }
                split.parts.push(Part {
                    lower: low_expr,
                    upper: high_expr,
                    positive,
                });
            }
            None => split.roots.push(Root {
                lower: if index == 0 { a.lower.clone() } else { low },
                upper: if index + 1 == count {
                    b.upper.clone()
                } else {
                    high
                },
            }),
        }
    }
    Ok(split)
}

/// Locates the one crossing in [lower, upper] (where the difference is monotone) to a tiny certified
/// interval: Newton's method at working precision, then a sign change across r ± ε. The second pair holds
/// the signs the caller found at the bracket's ends (`None` where the difference is 0 or too close to it).
fn locate(
    evaluator: &mut IntervalEvaluator<'_>,
    map: Map,
    (lower, upper): (&Float, &Float),
    (at_lower, at_upper): (Option<bool>, Option<bool>),
    precision: u32,
) -> Result<Root, EvalError> {
    // Newton's method safeguarded by bisection: [low, high] always holds the root (the difference is
    // monotone, so the sign of the value and of the slope say on which side of u it lies), and a Newton
    // step that leaves the bracket is replaced by the bracket's middle.
    let mut low = lower.clone();
    let mut high = upper.clone();
    let mut u = Float::with_val(precision, lower + upper) / 2u32;
    for _ in 0..400 {
        let t = to_t(map, &point(&u)).map_err(failure)?;
        let Ok(jet) = evaluator.evaluate_jet(&t) else {
            break;
        };
        let scale = match map {
            Map::Linear => Float::with_val(precision, 1),
            Map::Exponential => t.midpoint(),
        };
        let value = jet.value.midpoint();
        let slope = Float::with_val(precision, jet.derivative.midpoint() * &scale);
        if value.is_zero() || slope.is_zero() {
            break;
        }
        // The root lies left of u when value and slope share a sign.
        if value.is_sign_positive() == slope.is_sign_positive() {
            high = u.clone();
        } else {
            low = u.clone();
        }
        let step = Float::with_val(precision, &value / &slope);
        let mut next = Float::with_val(precision, &u - &step);
        if next <= low || next >= high {
            next = Float::with_val(precision, &low + &high) / 2u32;
        }
        let magnitude = Float::with_val(64, u.abs_ref()) + 1u32;
        let width = Float::with_val(64, &high - &low);
        let converged = Float::with_val(64, &next - &u).abs()
            < magnitude.clone() >> (precision - 4)
            || width < magnitude >> (precision - 4);
        u = next;
        if converged {
            break;
        }
    }
    // Certify: opposite signs at u ± ε, widening ε if the precision cannot tell the signs apart. A root at
    // an end of the bracket (where the sign is 0, so unknown) is certified from the other side: the
    // difference is monotone, so one sign at both the bracket's end and u − ε holds all the way between.
    let magnitude = Float::with_val(64, u.abs_ref()) + 1u32;
    let mut epsilon = Float::with_val(precision, magnitude) >> (precision - 12);
    for _ in 0..12 {
        // Clamped to the bracket's own ends, not their roundings to `precision` (the ends carry a bit more,
        // as midpoints of their enclosures): a root at an end is certified only by comparing with that end.
        let low = Float::with_val(precision, &u - &epsilon);
        let low = if low <= *lower { lower.clone() } else { low };
        let high = Float::with_val(precision, &u + &epsilon);
        let high = if high >= *upper { upper.clone() } else { high };
        let left = sign(evaluator, map, &point(&low));
        let right = sign(evaluator, map, &point(&high));
        let certified = match (left, right) {
            (Some(l), Some(r)) if l != r => true,
            (Some(l), _) if high == *upper => at_lower == Some(l),
            (_, Some(r)) if low == *lower => at_upper == Some(r),
            _ => false,
        };
        if certified {
            return Ok(Root {
                lower: low,
                upper: high,
            });
        }
        epsilon <<= 4;
    }
    // The sign could not be certified near the estimate: leave the whole monotone piece unresolved.
    Ok(Root {
        lower: lower.clone(),
        upper: upper.clone(),
    })
}

/// An enclosure of ½∫|p − q| over a root's tiny interval: [0, length · max |½(p − q)| t′(u)].
pub fn bound_near_root(
    integrand: &Arc<Program>,
    map: Map,
    root: &Root,
    precision: u32,
) -> Result<Interval, EvalError> {
    let mut evaluator = IntervalEvaluator::new(integrand, precision)?;
    let u = Interval::new(root.lower.clone(), root.upper.clone()).map_err(failure)?;
    bound_over(&mut evaluator, map, &u, precision)
}

fn bound_over(
    evaluator: &mut IntervalEvaluator<'_>,
    map: Map,
    u: &Interval,
    precision: u32,
) -> Result<Interval, EvalError> {
    let t = to_t(map, u).map_err(failure)?;
    let mut value = evaluator.evaluate(&t).map_err(failure)?;
    if map == Map::Exponential {
        value = value.mul(&t).map_err(failure)?;
    }
    let length = u.width();
    let bound = Float::with_val_round(precision, &length * value.magnitude(), Round::Up).0;
    Interval::new(Float::new(precision), bound).map_err(failure)
}
