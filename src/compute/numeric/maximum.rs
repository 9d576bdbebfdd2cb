//! Rényi divergence of order ∞ between densities: log ess sup p/q by certified maximisation.
//!
//! The supremum of d = log p − log q is enclosed by branch and bound: every subinterval (of each piece, in its
//! own variable) has an upper bound of d from interval arithmetic and the mean-value form d(m) + d′(B)(B − m);
//! values at points give lower bounds; subintervals whose upper bound cannot exceed the best value found are
//! dropped, the others bisected. Beyond the cuts, the envelopes bound d by upper(p) − lower(q), cut far enough
//! to stay below the best value.

use std::cmp::Ordering;
use std::sync::Arc;

use rug::Float;

use crate::error::EvalError;
use crate::exact::Rational;
use crate::interrupt::Interrupt;
use crate::numeric::compiled::interval::{log_sum_exp, IntervalEvaluator};
use crate::numeric::compiled::Program;
use crate::numeric::functions;
use crate::numeric::interval::{Failure, Interval};
use crate::numeric::quadrature::envelope;
use crate::numeric::quadrature::Map;
use crate::numeric::Enclose;
use crate::sym::{Expr, Method};

use super::density::{tail_bounds, Component, Density};
use super::integrand;
use super::layout::{self, Kind};
use super::tail_cut::first_y;
use super::tails::Direction;

fn failure(failure: Failure) -> EvalError {
    match failure {
        Failure::Fatal(error) => error,
        Failure::Imprecise(reason) => EvalError::Budget(reason),
    }
}

#[derive(Debug)]
struct Piece {
    kind: Kind,
    map: Map,
    difference: Arc<Program>,
    p: Vec<Component>,
    q: Vec<Component>,
}

/// log ess sup p/q, ready to be enclosed.
#[derive(Debug)]
pub struct Maximum {
    pieces: Vec<Piece>,
    description: String,
}

/// The outcome of preparing the maximisation.
pub enum Prepared {
    /// Ready.
    Finite(Maximum),
    /// The supremum is +∞, for the reason given.
    Infinite(String),
}

fn map_of(kind: &Kind) -> (crate::numeric::compiled::Substitution, Map) {
    use crate::numeric::compiled::Substitution;
    match kind {
        Kind::Bulk { .. } => (Substitution::identity(), Map::Linear),
        Kind::End { at, from_above, .. } => (
            Substitution {
                center: at.expr.clone(),
                increasing: *from_above,
            },
            Map::Exponential,
        ),
        Kind::Tail { start, direction } => (
            Substitution {
                center: match direction {
                    Direction::Right => start.expr.clone() - Expr::int(1),
                    Direction::Left => start.expr.clone() + Expr::int(1),
                },
                increasing: *direction == Direction::Right,
            },
            Map::Exponential,
        ),
    }
}

impl Maximum {
    /// Lays out log p − log q over the support of P.
    pub fn prepare(p: &Density, q: &Density, description: String) -> Result<Prepared, EvalError> {
        let mut pieces = Vec::new();
        for piece in layout::pieces(p, Some(q))? {
            if piece.p.is_empty() {
                continue;
            }
            if piece.q.is_empty() {
                return Ok(Prepared::Infinite("P puts mass where Q has none".into()));
            }
            let p_components: Vec<&Component> = piece.p.iter().map(|&i| &p.components[i]).collect();
            let q_components: Vec<&Component> = piece.q.iter().map(|&i| &q.components[i]).collect();
            let (substitution, map) = map_of(&piece.kind);
            let difference = integrand::difference(
                &p_components,
                &q_components,
                substitution,
                Some(piece.inside.clone()),
            )?;
            pieces.push(Piece {
                kind: piece.kind,
                map,
                difference: Arc::new(difference),
                p: p_components.into_iter().cloned().collect(),
                q: q_components.into_iter().cloned().collect(),
            });
        }
        let maximum = Maximum {
            pieces,
            description,
        };
        // log p − log q growing without bound towards an end makes the supremum infinite.
        for piece in &maximum.pieces {
            let (Some(end), Some(first)) = (piece.kind.tail_end(), first_y(&piece.kind)) else {
                continue;
            };
            for exponent in [0u32, 4, 16, 64] {
                let y = &first * Rational::from_integer(num_bigint::BigInt::from(2).pow(exponent));
                let p: Vec<&Component> = piece.p.iter().collect();
                let q: Vec<&Component> = piece.q.iter().collect();
                if let (Some(pb), Some(qb)) = (tail_bounds(&p, &end, &y), tail_bounds(&q, &end, &y))
                {
                    let growing = pb.lower.sub(&qb.upper);
                    if envelope::log_of_growing(&growing, &y).is_some() {
                        return Ok(Prepared::Infinite("p/q is unbounded".into()));
                    }
                }
            }
        }
        Ok(Prepared::Finite(maximum))
    }

    /// An upper bound of sup (log p − log q) beyond y on a piece's tail.
    fn tail_supremum(&self, piece: &Piece, y: &Rational, precision: u32) -> Option<Float> {
        let end = piece.kind.tail_end()?;
        let p: Vec<&Component> = piece.p.iter().collect();
        let q: Vec<&Component> = piece.q.iter().collect();
        let q_lower = tail_bounds(&q, &end, y).map(|bounds| bounds.lower);
        let whole = tail_bounds(&p, &end, y)
            .zip(q_lower.as_ref())
            .and_then(|(pb, q_lower)| envelope::supremum(&pb.upper.sub(q_lower), y));
        // A mixture's envelope is loose by up to log n; component by component, sup log Σ wᵢpᵢ/q ≤
        // log Σ exp(sup log wᵢpᵢ/q) is tight where one component dominates towards the end.
        // (When a component's bound cannot be had, the whole mixture's serves alone.)
        let split = q_lower.filter(|_| p.len() > 1).and_then(|q_lower| {
            let parts = p
                .iter()
                .map(|component| {
                    let bounds = tail_bounds(&[*component], &end, y)?;
                    envelope::supremum(&bounds.upper.sub(&q_lower), y)
                })
                .collect::<Option<Vec<Float>>>()?;
            let points: Vec<Interval> = parts.into_iter().map(Interval::point).collect();
            Some(log_sum_exp(&points).ok()?.upper)
        });
        [
            whole,
            split,
            componentwise(&p, &q, &end, y),
            shared(&p, &q, precision),
        ]
        .into_iter()
        .flatten()
        .reduce(|a, b| if b < a { b } else { a })
    }

    /// A lower bound of log p − log q at the cut y of a piece's tail (its value there).
    fn value_at_cut(
        &self,
        piece: &Piece,
        evaluator: &mut IntervalEvaluator<'_>,
        y: &Rational,
        precision: u32,
    ) -> Option<Float> {
        let (lower, upper) = self.range(piece, Some(y));
        let u = match piece.kind {
            Kind::End { .. } => lower,
            _ => upper,
        };
        let u = crate::numeric::enclose(&u, precision, &crate::interrupt::Never).ok()?;
        let t = to_t(piece.map, &u).ok()?;
        Some(evaluator.evaluate(&t).ok()?.lower)
    }

    /// The u-range of a piece, with its tail cut at y.
    fn range(&self, piece: &Piece, y: Option<&Rational>) -> (Expr, Expr) {
        match (&piece.kind, y) {
            (Kind::Bulk { lower, upper }, _) => (lower.expr.clone(), upper.expr.clone()),
            (
                Kind::End {
                    at,
                    other,
                    from_above,
                },
                Some(y),
            ) => {
                let distance = if *from_above {
                    other.expr.clone() - at.expr.clone()
                } else {
                    at.expr.clone() - other.expr.clone()
                };
                (
                    crate::sym::log(Expr::Number(y.recip())),
                    crate::sym::log(distance),
                )
            }
            (Kind::Tail { direction, .. }, Some(y)) => {
                let (substitution, _) = map_of(&piece.kind);
                let reach = match direction {
                    Direction::Right => Expr::Number(y.clone()) - substitution.center,
                    Direction::Left => substitution.center + Expr::Number(y.clone()),
                };
                (Expr::int(0), crate::sym::log(reach))
            }
            (_, None) => (Expr::int(0), Expr::int(0)),
        }
    }
}

/// sup log Σ wᵢpᵢ/Σ wⱼqⱼ beyond y, bounded component by component on both sides: log Σᵢ exp(sup log wᵢpᵢ)
/// − log Σⱼ exp(inf log wⱼqⱼ), where a q component without a known infimum (one that decays towards the end)
/// is left out of the sum (it only adds to q). Near a finite end where the components are regular, both
/// mixtures' own envelopes are loose by up to log n, and this is tight: the supremum of p/q approached at the
/// end of a uniform component, or at 0 against a Lindley and a Cauchy of comparable weight.
fn componentwise(
    p: &[&Component],
    q: &[&Component],
    end: &super::density::TailEnd,
    y: &Rational,
) -> Option<Float> {
    if p.len() < 2 && q.len() < 2 {
        return None;
    }
    let above = p
        .iter()
        .map(|component| {
            let bounds = tail_bounds(&[*component], end, y)?;
            Some(Interval::point(envelope::supremum(&bounds.upper, y)?))
        })
        .collect::<Option<Vec<Interval>>>()?;
    let below: Vec<Interval> = q
        .iter()
        .filter_map(|component| {
            let bounds = tail_bounds(&[*component], end, y)?;
            Some(Interval::point(envelope::infimum(&bounds.lower, y)?))
        })
        .collect();
    if below.is_empty() {
        return None;
    }
    let numerator = log_sum_exp(&above).ok()?;
    let denominator = log_sum_exp(&below).ok()?;
    Some(numerator.sub(&denominator).ok()?.upper)
}

/// sup log p/q everywhere, where P is one component w·p and Q holds the same family member with weight v:
/// q ≥ v·p, so p/q ≤ w/v (a mixture containing P itself, against which the envelopes, each with its own
/// slack, never meet: `Renyi(inf, Beta(1/2, 1/3) || 1/3*Beta(1/2, 1/3) + 2/3*CB(4/5))` is log 3, a limit at
/// both ends).
fn shared(p: &[&Component], q: &[&Component], precision: u32) -> Option<Float> {
    let [single] = p else { return None };
    let same = q
        .iter()
        .find(|component| component.family == single.family)?;
    let ratio = single.log_weight.clone() - same.log_weight.clone();
    // At the working precision: the supremum is this bound itself when it is a limit at an end.
    let ratio = crate::numeric::enclose(&ratio, precision, &crate::interrupt::Never).ok()?;
    Some(ratio.upper)
}

/// The exponents k of the cuts y = first·2ᵏ tried: each up to 64, then doubling to 2¹⁴ (a supremum
/// approached at an end like x^{1/2} needs 2ᵏ beyond 2^{2·precision}).
fn cut_exponents() -> impl Iterator<Item = u32> {
    (0..64u32).chain((6..=14).flat_map(|power| [3u32 << (power - 1), 1u32 << (power + 1)]))
}

struct Candidate {
    piece: usize,
    lower: Float,
    upper: Float,
    bound: Float,
}

fn to_t(map: Map, u: &Interval) -> Result<Interval, Failure> {
    match map {
        Map::Linear => Ok(u.clone()),
        Map::Exponential => functions::exp(u),
    }
}

/// Upper bound of d over [lower, upper] (the smaller of the range and the mean-value form) and the value at
/// the midpoint (a lower bound of the supremum).
fn examine(
    evaluator: &mut IntervalEvaluator<'_>,
    map: Map,
    lower: &Float,
    upper: &Float,
    precision: u32,
) -> Result<(Float, Option<Float>), EvalError> {
    let whole = Interval::new(lower.clone(), upper.clone()).map_err(failure)?;
    let middle = Float::with_val(precision, lower + upper) / 2u32;
    let at_middle = evaluator
        .evaluate(&to_t(map, &Interval::point(middle.clone())).map_err(failure)?)
        .ok();
    let t = to_t(map, &whole).map_err(failure)?;
    let bound = match evaluator.evaluate_jet(&t) {
        Ok(jet) => {
            let mut best = jet.value.upper.clone();
            if let Some(value) = &at_middle {
                let slope = match map {
                    Map::Linear => jet.derivative.clone(),
                    Map::Exponential => jet.derivative.mul(&t).map_err(failure)?,
                };
                let radius =
                    Float::with_val_round(precision, upper - &middle, rug::float::Round::Up).0;
                let spread = Interval::new(-radius.clone(), radius).map_err(failure)?;
                let mean_value = value
                    .add(&slope.mul(&spread).map_err(failure)?)
                    .map_err(failure)?;
                if mean_value.upper < best {
                    best = mean_value.upper;
                }
            }
            best
        }
        Err(_) => Float::with_val(precision, f64::INFINITY),
    };
    Ok((bound, at_middle.map(|value| value.lower)))
}

impl Enclose for Maximum {
    fn enclose(&self, precision: u32, interrupt: &dyn Interrupt) -> Result<Interval, EvalError> {
        let working = precision + 16;
        let mut evaluators = self
            .pieces
            .iter()
            .map(|piece| IntervalEvaluator::new(&piece.difference, working))
            .collect::<Result<Vec<_>, EvalError>>()?;
        // A first lower bound from the middle of each bulk piece, to place the cuts.
        let mut best: Option<Float> = None;
        let raise = |best: &mut Option<Float>, value: Float| {
            if best.as_ref().is_none_or(|b| value > *b) {
                *best = Some(value);
            }
        };
        for (index, piece) in self.pieces.iter().enumerate() {
            if let Kind::Bulk { lower, upper } = &piece.kind {
                let middle =
                    Float::with_val(working, lower.value.midpoint() + upper.value.midpoint())
                        / 2u32;
                if let Ok(value) = evaluators[index].evaluate(&Interval::point(middle)) {
                    raise(&mut best, value.lower);
                }
            }
        }
        let Some(start) = best.clone() else {
            return Err(EvalError::Budget(format!(
                "{}: no point to start from",
                self.description
            )));
        };
        let mut candidates = Vec::new();
        let mut outside = Float::with_val(working, f64::NEG_INFINITY);
        // Set when a tail's bound, not the precision, limits the enclosure.
        let mut limited: Option<u32> = None;
        for (index, piece) in self.pieces.iter().enumerate() {
            let cut = match first_y(&piece.kind) {
                None => None,
                Some(first) => {
                    let mut found = None;
                    let mut last = None;
                    let mut previous_gap: Option<Float> = None;
                    for exponent in cut_exponents() {
                        let y = &first
                            * Rational::from_integer(num_bigint::BigInt::from(2).pow(exponent));
                        let Some(bound) = self.tail_supremum(piece, &y, working) else {
                            continue;
                        };
                        if bound < start {
                            found = Some((y, bound));
                            break;
                        }
                        // Where the supremum is a limit towards the end (p/q → L), the bound beyond the
                        // cut falls to L only as the cut nears the end, and the value at the cut rises
                        // to L alike: the cut goes where the two meet within the tolerance.
                        if let Some(value) =
                            self.value_at_cut(piece, &mut evaluators[index], &y, working)
                        {
                            raise(&mut best, value.clone());
                            let scale = Float::with_val(64, value.abs_ref()) + 1u32;
                            let gap = Float::with_val(working, &bound - &value);
                            // The bound's own slack (the envelopes work at 64 bits; a mixture's is within
                            // log n) can stop the gap from closing: past 2⁶⁴, a gap that no longer halves
                            // is as small as it gets.
                            let stalled = exponent > 64
                                && previous_gap
                                    .as_ref()
                                    .is_some_and(|previous| gap > (previous.clone() >> 1));
                            if stalled {
                                limited = limited.max(Some(exponent));
                            }
                            if stalled || gap <= scale >> (precision as i32 + 4) {
                                found = Some((y, bound));
                                break;
                            }
                            previous_gap = Some(gap);
                        } else if previous_gap.is_some() {
                            // The value at the cut was computable before and is not now: the cut has
                            // come closer to the end than the working precision resolves (1 − √x at
                            // x = 1 − 2⁻ᵏ rounds to 0), and so would every point beyond it. Cut here; a
                            // higher precision goes further.
                            break;
                        }
                        last = Some((y, bound));
                    }
                    let (y, bound) = found.or(last).ok_or_else(|| {
                        EvalError::Budget(format!(
                            "{}: cannot bound p/q towards an end",
                            self.description
                        ))
                    })?;
                    if bound > outside {
                        outside = bound;
                    }
                    Some(y)
                }
            };
            let (lower, upper) = self.range(piece, cut.as_ref());
            let lower = crate::numeric::enclose(&lower, working, interrupt)?.lower;
            let upper = crate::numeric::enclose(&upper, working, interrupt)?.upper;
            let (bound, value) =
                examine(&mut evaluators[index], piece.map, &lower, &upper, working)?;
            if let Some(value) = value {
                raise(&mut best, value);
            }
            candidates.push(Candidate {
                piece: index,
                lower,
                upper,
                bound,
            });
        }
        let mut steps = 0usize;
        loop {
            interrupt.check()?;
            let best_value = best.clone().unwrap_or(start.clone());
            candidates.retain(|candidate| candidate.bound >= best_value);
            candidates.sort_by(|a, b| b.bound.partial_cmp(&a.bound).unwrap_or(Ordering::Equal));
            let Some(top) = candidates.first() else { break };
            let scale = Float::with_val(64, best_value.abs_ref()) + 1u32;
            let gap = Float::with_val(working, &top.bound - &best_value);
            if gap <= scale >> (precision as i32 + 4) {
                break;
            }
            steps += 1;
            if steps > 200_000 {
                return Err(EvalError::Budget(format!(
                    "{}: the maximisation did not converge in 200000 steps",
                    self.description
                )));
            }
            let top = candidates.remove(0);
            let middle = Float::with_val(working, &top.lower + &top.upper) / 2u32;
            if middle <= top.lower || middle >= top.upper {
                candidates.push(top);
                break;
            }
            let map = self.pieces[top.piece].map;
            for (lower, upper) in [
                (top.lower.clone(), middle.clone()),
                (middle, top.upper.clone()),
            ] {
                let (bound, value) =
                    examine(&mut evaluators[top.piece], map, &lower, &upper, working)?;
                if let Some(value) = value {
                    raise(&mut best, value);
                }
                candidates.push(Candidate {
                    piece: top.piece,
                    lower,
                    upper,
                    bound,
                });
            }
        }
        let lower = best.unwrap_or(start);
        let mut upper = candidates
            .iter()
            .map(|candidate| candidate.bound.clone())
            .fold(lower.clone(), |a, b| if b > a { b } else { a });
        if outside > upper {
            upper = outside;
        }
        let interval = Interval::new(lower, upper).map_err(failure)?;
        // A supremum approached at an end is known only as well as the tail's envelopes bound it: asked for
        // far more, say how much is certain rather than retry at ever higher precisions.
        let relative = Float::with_val(64, interval.width()) / (interval.magnitude() + 1u32);
        if limited.is_some() && relative > (Float::with_val(64, 1) >> (precision as i32 - 40)) {
            return Err(EvalError::Budget(format!(
                "{}: the supremum of p/q is approached at an end of the support, and the bound of the tail \
                 there (64-bit envelopes, a mixture's within log n) is not tight enough for more; {}",
                self.description,
                crate::numeric::what_is_certain(&interval, 40)
            )));
        }
        Ok(interval)
    }

    fn method(&self) -> Method {
        Method::Quadrature
    }

    fn describe(&self) -> String {
        self.description.clone()
    }
}
