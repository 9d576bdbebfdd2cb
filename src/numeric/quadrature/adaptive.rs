//! Adaptive Gauss–Legendre integration with a proven error bound on each segment.
//!
//! For f analytic inside the Bernstein ellipse E_ρ around a segment of half-length δ, with |f| ≤ B there,
//! the n-point Gauss–Legendre rule errs by at most 64·M / (15 (ρ − 1) ρ^{2n−1}) with M = δ·B (Petras;
//! the form used by Arb's `acb_calc_integrate`). B comes from evaluating the integrand on a complex box
//! that contains the ellipse ([`super::complex`]), which also certifies analyticity there. A segment whose
//! bound needs too many nodes is bisected; a segment whose whole contribution is below the tolerance is
//! enclosed by its length times the range of the integrand over it.

use rug::ops::Pow;
use rug::Float;

use super::complex::{rectangle, Complex, ComplexEvaluator, NotAnalytic, Part};
use super::ellipse;
use super::legendre::{self, DEGREES};
use super::{Map, Region, BOUND_PRECISION};
use crate::error::EvalError;
use crate::interrupt::Interrupt;
use crate::numeric::ball::{Ball, OutOfReach};
use crate::numeric::coarse::Coarse;
use crate::numeric::compiled::ball::BallEvaluator;
use crate::numeric::compiled::float::FloatEvaluator;
use crate::numeric::compiled::interval::IntervalEvaluator;
use crate::numeric::interval::{down, up, Failure, Interval};
use crate::numeric::trace::{self, Trace};

/// Limits and targets of one integration.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Working precision of the quadrature sums, in bits.
    pub precision: u32,
    /// Relative accuracy sought, in bits: a segment is accepted once its error is below 2^−goal times the
    /// largest contribution seen so far (or below `tolerance`).
    pub goal: u32,
    /// The absolute error accepted on one segment.
    pub tolerance: Float,
    /// The most integrand evaluations allowed.
    pub max_evaluations: usize,
}

/// Work done, for budgets and diagnostics.
#[derive(Clone, Copy, Debug, Default)]
pub struct Work {
    /// Integrand evaluations (points, real ranges and complex boxes).
    pub evaluations: usize,
    /// Segments accepted.
    pub segments: usize,
}

fn budget(message: String) -> EvalError {
    EvalError::Budget(message)
}

fn fatal(failure: Failure) -> EvalError {
    match failure {
        Failure::Fatal(error) => error,
        Failure::Imprecise(reason) => budget(format!("quadrature: {reason}")),
    }
}

/// The integrand of a region at one precision: g(u) = F(t(u))·t′(u).
struct Integrand<'a> {
    map: Map,
    working: IntervalEvaluator<'a>,
    coarse: IntervalEvaluator<'a>,
    /// Bounds on complex boxes in f64 ranges: for regions that stay within f64's reach (see
    /// [`Integrand::on_box`]).
    fast: Option<ComplexEvaluator<'a, Coarse>>,
    complex: ComplexEvaluator<'a, Interval>,
    /// Points in double-double balls, at low precision (see [`BALL_GOAL`]).
    balls: Option<BallEvaluator<'a>>,
    /// Points in machine floats, unproven: they only decide when an enclosure would be wasted.
    floats: Option<FloatEvaluator<'a>>,
}

/// The largest relative goal, in bits, whose points are evaluated in double-double balls (about 2⁻⁸⁸
/// relative each, some twenty times faster than MPFR intervals); beyond it, or where a ball gives up, in
/// MPFR intervals at the working precision.
pub const BALL_GOAL: u32 = 72;

impl Integrand<'_> {
    fn real(
        evaluator: &mut IntervalEvaluator<'_>,
        map: Map,
        u: &Interval,
    ) -> Result<Interval, Failure> {
        match map {
            Map::Linear => evaluator.evaluate(u),
            Map::Exponential => {
                let t = crate::numeric::functions::exp(u)?;
                evaluator.evaluate(&t)?.mul(&t)
            }
        }
    }

    /// g(c + o) + g(c − o); on an exponential map, with `scale` = e^c, t = e^c·e^{±o}: one exponential
    /// for the two nodes.
    fn pair(
        &mut self,
        center: &Interval,
        offset: &Interval,
        scale: Option<&Interval>,
    ) -> Result<Interval, Failure> {
        let evaluator = &mut self.working;
        match scale {
            None => evaluator
                .evaluate(&center.add(offset)?)?
                .add(&evaluator.evaluate(&center.sub(offset)?)?),
            Some(scale) => {
                let factor = crate::numeric::functions::exp(offset)?;
                let (right, left) = (scale.mul(&factor)?, scale.div(&factor)?);
                let right = evaluator.evaluate(&right)?.mul(&right)?;
                right.add(&evaluator.evaluate(&left)?.mul(&left)?)
            }
        }
    }

    /// half·Σ wᵢ (g(c + half·xᵢ) + g(c − half·xᵢ)) in balls, or `OutOfReach` (the caller sums in MPFR).
    fn ball_sum(
        &mut self,
        rule: &legendre::Rule,
        center: &Interval,
        half: &Interval,
        precision: u32,
    ) -> Result<Interval, OutOfReach> {
        let (Some(balls), Some(pairs)) = (self.balls.as_mut(), rule.balls()) else {
            return Err(OutOfReach);
        };
        let center = Ball::from_interval(center)?;
        let half = Ball::from_interval(half)?;
        // On an exponential map, t = e^{c ± o} = e^c·e^{±o}: one exponential for the pair of nodes.
        let scale = match self.map {
            Map::Exponential => Some(center.exp()?),
            Map::Linear => None,
        };
        let mut sum = Ball::exact(0.0);
        for (node, weight) in pairs {
            let offset = half.mul(node)?;
            let pair = match &scale {
                None => balls
                    .evaluate(&center.add(&offset)?)?
                    .add(&balls.evaluate(&center.sub(&offset)?)?)?,
                Some(scale) => {
                    let factor = offset.exp()?;
                    let (right, left) = (scale.mul(&factor)?, scale.div(&factor)?);
                    let right = balls.evaluate(&right)?.mul(&right)?;
                    right.add(&balls.evaluate(&left)?.mul(&left)?)?
                }
            };
            sum = sum.add(&weight.mul(&pair)?)?;
        }
        sum.mul(&half)?
            .to_interval(precision)
            .map_err(|_| OutOfReach)
    }

    /// Whether g, estimated in machine floats at the ends and the middle of [a, b], varies by more than
    /// `spread`: then its range over [a, b] is wider than that, and enclosing it is wasted work.
    fn varies_beyond(&mut self, a: f64, b: f64, spread: f64) -> bool {
        let Some(floats) = self.floats.as_mut() else {
            return false;
        };
        let map = self.map;
        let mut at = |u: f64| map.at_f64(u, |t| floats.evaluate(t));
        let values = [at(a), at((a + b) / 2.0), at(b)];
        let Some(values) = values.into_iter().collect::<Option<Vec<f64>>>() else {
            return false;
        };
        let (low, high) = values
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), value| {
                (low.min(*value), high.max(*value))
            });
        high - low > spread
    }

    fn range(&mut self, u: &Interval) -> Result<Interval, Failure> {
        Integrand::real(&mut self.coarse, self.map, u)
    }

    fn on_evaluator<R: Part>(
        evaluator: &ComplexEvaluator<'_, R>,
        map: Map,
        u: &Complex<R>,
    ) -> Result<Float, NotAnalytic> {
        let value = match map {
            Map::Linear => evaluator.evaluate(u)?,
            Map::Exponential => {
                let t = u.exp()?;
                evaluator.evaluate(&t)?.mul(&t)?
            }
        };
        Ok(value.magnitude())
    }

    /// An upper bound on |g| over the box re × im. The f64 ranges serve where they can: a box they cannot
    /// bound for want of range (an overflow, an underflow) is bounded again with MPFR, and so is a box too
    /// narrow for f64 to resolve (its width below 2⁻³⁰ of its distance from 0).
    fn on_box(&self, re: &Interval, im: &Interval) -> Result<Float, NotAnalytic> {
        if let Some(fast) = &self.fast {
            let width = Float::with_val(BOUND_PRECISION, re.width());
            if width > (re.magnitude() >> 30u32) {
                let u = Complex::rectangle(Coarse::of(re)?, Coarse::of(im)?);
                match Integrand::on_evaluator(fast, self.map, &u) {
                    Err(NotAnalytic::Range) => {}
                    settled => return settled,
                }
            }
        }
        let u = Complex::rectangle(re.clone(), im.clone());
        Integrand::on_evaluator(&self.complex, self.map, &u)
    }
}

/// A segment [a, b] of the integration variable, with certified ends.
struct Segment {
    a: Interval,
    b: Interval,
    depth: u32,
}

/// Integrates one region; adds the work done to `work`.
pub fn integrate_region(
    region: &Region,
    settings: &Settings,
    work: &mut Work,
    interrupt: &dyn Interrupt,
) -> Result<Interval, EvalError> {
    let precision = settings.precision;
    let a = crate::numeric::enclose(&region.lower, precision, interrupt)?;
    let b = crate::numeric::enclose(&region.upper, precision, interrupt)?;
    let reach = super::reach_bits(region.map, &a.lower);
    let coarse = IntervalEvaluator::new(&region.program, BOUND_PRECISION + reach)?;
    let unbounded =
        || EvalError::Budget("quadrature: a constant of the integrand is too large".into());
    let complex = ComplexEvaluator::new(&region.program, coarse.constants(), |c| Ok(c.clone()))
        .map_err(|_| unbounded())?;
    // A region reaching below 2⁻⁶⁴ needs more bits than f64 has.
    let fast = (reach == 0)
        .then(|| {
            ComplexEvaluator::new(&region.program, coarse.constants(), |c| Ok(Coarse::of(c)?)).ok()
        })
        .flatten();
    let balls = if reach == 0 && settings.goal <= BALL_GOAL {
        BallEvaluator::new(&region.program)?
    } else {
        None
    };
    let floats = (reach == 0).then(|| FloatEvaluator::new(&region.program, coarse.constants()));
    let mut integrand = Integrand {
        balls,
        floats,
        map: region.map,
        working: IntervalEvaluator::new(&region.program, precision + reach)?,
        coarse,
        fast,
        complex,
    };
    let mut tolerance = settings.tolerance.clone();
    // Neighbouring segments see the same singularities at a similar scale: each starts its search for an
    // ellipse at the one its predecessor used.
    let mut ellipse = FIRST_ELLIPSE;
    let mut total = Interval::point(Float::new(precision));
    // Long exponential regions are cut into pieces of length 4 first: their integrands are analytic only in a
    // strip of bounded height, so a whole region would be bisected down to that scale anyway.
    let mut stack: Vec<Segment> = Vec::new();
    let pieces = match region.map {
        Map::Exponential => {
            let length = b.sub(&a).map_err(fatal)?.midpoint().to_f64();
            (length / 4.0).ceil().clamp(1.0, 4096.0) as usize
        }
        Map::Linear => 1,
    };
    let step = Float::with_val(precision, b.midpoint() - a.midpoint()) / pieces as u32;
    let mut ends = vec![a.clone()];
    for index in 1..pieces {
        let offset = Float::with_val(precision, &step * index as u32);
        ends.push(Interval::point(Float::with_val(
            precision,
            &a.midpoint() + &offset,
        )));
    }
    ends.push(b);
    // The first piece is popped first: it usually carries the most mass, which sets the tolerance.
    stack.extend(ends.windows(2).rev().map(|pair| Segment {
        a: pair[0].clone(),
        b: pair[1].clone(),
        depth: 0,
    }));
    while let Some(segment) = stack.pop() {
        interrupt.check()?;
        if work.evaluations > settings.max_evaluations {
            return Err(budget(format!(
                "quadrature stopped after {} integrand evaluations on {} segments",
                work.evaluations, work.segments
            )));
        }
        if let Some(simple) = simple_enclosure(&mut integrand, &segment, &tolerance, work) {
            if radius(&simple) < tolerance {
                total = total.add(&simple).map_err(fatal)?;
                work.segments += 1;
                continue;
            }
        }
        if let Some(value) = gauss_legendre(
            &mut integrand,
            &segment,
            &tolerance,
            settings,
            &mut ellipse,
            work,
        )? {
            let scaled = up(BOUND_PRECISION, value.magnitude()) >> settings.goal as i32;
            if scaled > tolerance {
                tolerance = scaled;
            }
            total = total.add(&value).map_err(fatal)?;
            work.segments += 1;
            continue;
        }
        let middle = Interval::point(segment.a.midpoint().clone() / 2 + segment.b.midpoint() / 2);
        let too_deep = segment.depth >= 100
            || !(segment.a.upper < middle.lower && middle.upper < segment.b.lower);
        if too_deep {
            return Err(budget(format!(
                "quadrature could not bound the integrand near {} (the integrand may be singular there)",
                describe_point(region.map, &middle)
            )));
        }
        let depth = segment.depth + 1;
        stack.push(Segment {
            a: middle.clone(),
            b: segment.b,
            depth,
        });
        stack.push(Segment {
            a: segment.a,
            b: middle,
            depth,
        });
    }
    Ok(total)
}

fn describe_point(map: Map, u: &Interval) -> String {
    let value = u.midpoint().to_f64();
    match map {
        Map::Linear => format!("u = {value:.6e}"),
        Map::Exponential => format!("t = exp({value:.6e})"),
    }
}

fn radius(value: &Interval) -> Float {
    up(BOUND_PRECISION, value.width()) >> 1
}

/// (b − a) · g([a, b]): an enclosure of the segment's integral from the range of the integrand.
fn simple_enclosure(
    integrand: &mut Integrand<'_>,
    segment: &Segment,
    tolerance: &Float,
    work: &mut Work,
) -> Option<Interval> {
    // The enclosure's radius is at least half the variation of g times the length: where the floats
    // already show that above four times the tolerance (a margin for their rounding), skip it.
    let (a, b) = (segment.a.midpoint().to_f64(), segment.b.midpoint().to_f64());
    let spread = 8.0 * tolerance.to_f64() / (b - a);
    if spread.is_finite() && integrand.varies_beyond(a, b, spread) {
        return None;
    }
    work.evaluations += 1;
    let hull = Interval::new(
        down(BOUND_PRECISION, &segment.a.lower),
        up(BOUND_PRECISION, &segment.b.upper),
    )
    .ok()?;
    let length = Interval::new(
        down(BOUND_PRECISION, &segment.b.lower - &segment.a.upper),
        up(BOUND_PRECISION, &segment.b.upper - &segment.a.lower),
    )
    .ok()?;
    if length.lower < 0 {
        return None;
    }
    let range = integrand.range(&hull).ok()?;
    length.mul(&range).ok()
}

/// Semi-axes ratios X of the ellipses tried (ρ = X + √(X² − 1)), from the smallest, and the index of the
/// first one tried on a region's first segment.
const ELLIPSES: [f64; 11] = [1.01, 1.03, 1.1, 1.25, 1.5, 2.0, 3.0, 4.0, 8.0, 16.0, 64.0];
const FIRST_ELLIPSE: usize = 5;

/// The error bound 64 M / (15 (ρ − 1) ρ^{2n−1}) rounded up.
fn error_bound(m: &Float, rho: &Float, n: usize) -> Float {
    let p = BOUND_PRECISION;
    let numerator = up(p, m * 64u32);
    let rho_minus_one = down(p, rho - 1u32);
    let power = down(p, rho.pow(2 * n as u32 - 1));
    let denominator = down(p, down(p, &rho_minus_one * &power) * 15u32);
    up(p, &numerator / &denominator)
}

/// The smallest degree (up to `goal`/2 + 12) whose bound on an ellipse of ratio `x` is below `tolerance`,
/// with that bound.
fn best_degree(
    integrand: &Integrand<'_>,
    center: &Interval,
    half: &Float,
    x: f64,
    tolerance: &Float,
    settings: &Settings,
    work: &mut Work,
) -> Option<(usize, Float)> {
    let max_degree = max_degree(settings);
    let strips = settings.goal > BALL_GOAL;
    let p = BOUND_PRECISION;
    work.evaluations += 1;
    let x_float = Float::with_val(p, x);
    let y = up(p, up(p, &x_float * &x_float) - 1u32);
    let y = up(p, y.sqrt_ref());
    let y_low = down(p, down(p, down(p, &x_float * &x_float) - 1u32).sqrt_ref());
    let rho = down(p, &x_float + &y_low);
    let width = up(p, half * &x_float);
    let height = up(p, half * &y);
    let center = Interval::new(down(p, &center.lower), up(p, &center.upper)).ok()?;
    // One box first; strips where its corners reach a singularity. Strips cost eight boxes, more than the
    // points they save where points are balls.
    let value: Result<Float, NotAnalytic> = rectangle(&center, &width, &height)
        .map_err(|_| NotAnalytic::Range)
        .and_then(|(re, im)| integrand.on_box(&re, &im))
        .or_else(|failure| {
            if !strips {
                return Err(failure);
            }
            work.evaluations += ellipse::STRIPS as usize;
            let boxes =
                ellipse::strips(&center, &width, &height).map_err(|_| NotAnalytic::Range)?;
            boxes
                .iter()
                .map(|(re, im)| integrand.on_box(re, im))
                .try_fold(Float::new(p), |largest, bound| Ok(largest.max(&bound?)))
        });
    if trace::enabled(Trace::Boxes) {
        eprintln!(
            "      box X {x} center {:.3} half {:.3e}: {:?}",
            center.midpoint().to_f64(),
            half.to_f64(),
            value.as_ref().map(|v| v.to_f64())
        );
    }
    let value = value.ok()?;
    let m = up(p, value * half);
    if !m.is_finite() {
        return None;
    }
    // The bound falls by ρ² per node: an estimate in f64 logarithms skips the degrees that cannot serve, and
    // the bound is computed rigorously from the first that may.
    let estimate = log2(&m) + (64.0f64 / 15.0).log2() - log2(&Float::with_val(p, &rho - 1u32));
    let slope = log2(&rho);
    let goal = log2(tolerance) + 0.5;
    DEGREES
        .iter()
        .copied()
        .take_while(|&n| n <= max_degree)
        .filter(|&n| estimate - (2 * n - 1) as f64 * slope < goal)
        .map(|n| (n, error_bound(&m, &rho, n)))
        .find(|(_, bound)| bound < tolerance)
}

/// The highest degree tried: beyond it, bisecting a segment serves better.
fn max_degree(settings: &Settings) -> usize {
    (settings.goal as usize / 2 + 12).min(256)
}

/// log₂ |x| roughly (for estimates), from the exponent and the leading bits.
fn log2(x: &Float) -> f64 {
    let (mantissa, exponent) = x.to_f64_exp();
    mantissa.abs().log2() + exponent as f64
}

/// Integrates a segment with the cheapest certified rule, or `None` when no degree up to the limit reaches
/// the tolerance (the caller bisects).
fn gauss_legendre(
    integrand: &mut Integrand<'_>,
    segment: &Segment,
    tolerance: &Float,
    settings: &Settings,
    ellipse: &mut usize,
    work: &mut Work,
) -> Result<Option<Interval>, EvalError> {
    let precision = settings.precision;
    let half = segment.b.sub(&segment.a).map_err(fatal)?;
    let half = half
        .mul(&Interval::point(Float::with_val(precision, 0.5)))
        .map_err(fatal)?;
    let center = segment
        .a
        .add(&segment.b)
        .map_err(fatal)?
        .mul(&Interval::point(Float::with_val(precision, 0.5)))
        .map_err(fatal)?;
    let half_upper = up(BOUND_PRECISION, &half.upper);
    let try_ellipse = |index: usize, work: &mut Work| {
        best_degree(
            integrand,
            &center,
            &half_upper,
            ELLIPSES[index],
            tolerance,
            settings,
            work,
        )
    };
    // From the starting ellipse: if it serves, larger ones while they lower the degree; if not, smaller
    // ones until one serves, then smaller still while they lower the degree (near a pole, a thinner
    // ellipse with a far smaller bound can win).
    let mut best = try_ellipse(*ellipse, work).map(|found| (*ellipse, found));
    let upward = best.is_some();
    let mut index = *ellipse;
    loop {
        let next = if upward {
            index + 1
        } else {
            match index.checked_sub(1) {
                Some(next) => next,
                None => break,
            }
        };
        if next >= ELLIPSES.len() {
            break;
        }
        index = next;
        let found = try_ellipse(index, work);
        match (&best, found) {
            (Some((_, (n, _))), Some((m, bound))) if m < *n => best = Some((index, (m, bound))),
            (None, Some(found)) => best = Some((index, found)),
            (Some(_), _) => break,
            (None, None) => {}
        }
    }
    if let Some((index, _)) = best {
        *ellipse = index;
    }
    let best = best.map(|(_, found)| found);
    let Some((degree, bound)) = best else {
        return Ok(None);
    };
    let rule = legendre::rule(degree, precision).map_err(fatal)?;
    work.evaluations += degree;
    // Points in balls where they serve: their rounding must stay far below the tolerance.
    if let Ok(value) = integrand.ball_sum(&rule, &center, &half, precision) {
        if radius(&value) < (tolerance.clone() >> 6u32) {
            trace_segment(segment, degree, &bound, tolerance);
            return Ok(Some(value.widen(&bound).map_err(fatal)?));
        }
    }
    let scale = match integrand.map {
        Map::Exponential => Some(crate::numeric::functions::exp(&center).map_err(fatal)?),
        Map::Linear => None,
    };
    let mut sum = Interval::point(Float::new(precision));
    for (node, weight) in rule.nodes.iter().zip(&rule.weights) {
        let offset = half.mul(node).map_err(fatal)?;
        let pair = integrand
            .pair(&center, &offset, scale.as_ref())
            .map_err(fatal)?;
        sum = sum.add(&weight.mul(&pair).map_err(fatal)?).map_err(fatal)?;
    }
    let value = sum.mul(&half).map_err(fatal)?;
    trace_segment(segment, degree, &bound, tolerance);
    Ok(Some(value.widen(&bound).map_err(fatal)?))
}

fn trace_segment(segment: &Segment, degree: usize, bound: &Float, tolerance: &Float) {
    if trace::enabled(Trace::Segments) {
        eprintln!(
            "    segment [{:.4e}, {:.4e}] degree {degree} bound {:.2e} tolerance {:.2e}",
            segment.a.midpoint().to_f64(),
            segment.b.midpoint().to_f64(),
            bound.to_f64(),
            tolerance.to_f64()
        );
    }
}
