//! A rough, unproven magnitude of an integral, to scale the tolerances of its certified enclosures.
//!
//! The tolerances need the value's order of magnitude only. A magnitude too large leaves the enclosure too
//! wide for the digits asked and costs a retry; one too small asks a few more bits than needed. Neither
//! changes a printed digit, since every enclosure is proven whatever the tolerance. A certified calibration
//! (a whole enclosure at a 12-bit goal) was a quarter of a 15-digit query's work, so the magnitude is first
//! estimated here: Gauss–Legendre rules of 4 and 8 nodes on every piece (geometric panels of the
//! exponential variable on tails and singular ends), at points rounded to nearest. The estimate is kept
//! only where it can be trusted to a factor of a few: every point finite, the two rules within a third of
//! each other, and the integral not a small difference of large parts. Otherwise, and whenever an
//! enclosure contradicts it, the certified calibration decides ([`super::integral::Integral::enclose`]).

use rug::Float;

use super::integral::{substitution, Integral};
use super::layout::Kind;
use crate::numeric::compiled::float::FloatEvaluator;
use crate::numeric::compiled::point::PointEvaluator;
use crate::numeric::compiled::{Program, SHARED_PRECISION};
use crate::numeric::quadrature::{legendre, Map};

/// Working precision of the points that machine floats cannot evaluate: an estimate, so 53 bits suffice.
const PRECISION: u32 = 53;

/// The two rules compared, by number of nodes.
const DEGREES: [usize; 2] = [4, 8];

/// Panels of the exponential variable, as distances from the start of a tail or from the other end of a
/// singular end's piece: 62 units of u reach e⁻⁶² of the scale, beyond any magnitude that matters.
const PANELS: [(f64, f64); 5] = [
    (0.0, 2.0),
    (2.0, 6.0),
    (6.0, 14.0),
    (14.0, 30.0),
    (30.0, 62.0),
];

/// The integral beyond which cancellation makes the estimate untrustworthy: the value must be at least
/// this fraction of the integral of the integrand's absolute value.
const CANCELLATION: f64 = 1.0 / 64.0;

/// An estimate of |∫| for `integral`, or `None` where it cannot be trusted.
pub fn estimate(integral: &Integral) -> Option<Float> {
    let sums = sums(integral)?;
    let [(coarse, _), (fine, absolute)] = sums;
    let (coarse, fine) = if integral.form.is_nonnegative() {
        // A nonnegative integrand: where the program's sign is a convention (total variation's p ≥ q),
        // its absolute value is the integrand.
        (sums[0].1, absolute)
    } else {
        (coarse, fine)
    };
    let trusted = fine.is_finite()
        && fine != 0.0
        && (coarse - fine).abs() <= fine.abs() / 3.0
        && fine.abs() >= absolute * CANCELLATION;
    // Half the estimate: a magnitude a little small costs a bit of work, one too large a retry.
    trusted.then(|| Float::with_val(64, fine.abs() / 2.0))
}

/// The largest of the two rules' sums and of the integral of |integrand|, where all are finite, trusted or
/// not: the scale from which a certified calibration starts when it is far above 1 (a Rényi integrand
/// reaching e³⁶⁴ far out in a tail, where the two rules disagree, and a calibration from 1 would ask
/// every segment there for an absolute tolerance it cannot meet).
pub fn rough(integral: &Integral) -> Option<f64> {
    let [(coarse, _), (fine, absolute)] = sums(integral)?;
    let largest = coarse.abs().max(fine.abs()).max(absolute);
    largest.is_finite().then_some(largest)
}

/// Σ w g and Σ w |g| over every piece, by each rule of [`DEGREES`].
fn sums(integral: &Integral) -> Option<[(f64, f64); DEGREES.len()]> {
    let mut sums = [(0.0f64, 0.0f64); DEGREES.len()];
    for piece in &integral.pieces {
        let (_, map) = substitution(&piece.kind);
        let mut evaluator = Points::new(&piece.program)?;
        for (lower, upper) in panels(&piece.kind)? {
            for (sum, degree) in sums.iter_mut().zip(DEGREES) {
                let (value, absolute) = panel(&mut evaluator, map, lower, upper, degree)?;
                sum.0 += value;
                sum.1 += absolute;
            }
        }
    }
    Some(sums)
}

/// The panels of u on a piece, in its map's variable.
fn panels(kind: &Kind) -> Option<Vec<(f64, f64)>> {
    Some(match kind {
        Kind::Bulk { lower, upper } => {
            vec![(
                lower.value.midpoint().to_f64(),
                upper.value.midpoint().to_f64(),
            )]
        }
        Kind::Tail { .. } => PANELS.to_vec(),
        Kind::End { at, other, .. } => {
            // u runs up to log |other − at|, where x reaches the other end.
            let distance = (other.value.midpoint() - at.value.midpoint()).abs();
            let top = distance.ln().to_f64();
            PANELS.iter().map(|(a, b)| (top - b, top - a)).collect()
        }
    })
    .filter(|panels| panels.iter().all(|(a, b)| a.is_finite() && b.is_finite()))
}

/// The program at points: in machine floats, and where those overflow, underflow or lack a function, in
/// MPFR at 53 bits (rounded to nearest, with its exponent range and every function).
struct Points<'a> {
    program: &'a Program,
    floats: FloatEvaluator<'a>,
    multiple: Option<PointEvaluator<'a>>,
}

impl<'a> Points<'a> {
    fn new(program: &'a Program) -> Option<Points<'a>> {
        let constants = program.constants_at(SHARED_PRECISION).ok()?;
        Some(Points {
            program,
            floats: FloatEvaluator::new(program, &constants),
            multiple: None,
        })
    }

    /// g(u) = F(t(u))·t′(u), or `None` where it is not finite.
    fn at(&mut self, map: Map, u: f64) -> Option<f64> {
        let value = match map.at_f64(u, |t| self.floats.evaluate(t)) {
            Some(value) => value,
            None => {
                if self.multiple.is_none() {
                    self.multiple = Some(PointEvaluator::new(self.program, PRECISION).ok()?);
                }
                let multiple = self.multiple.as_mut()?;
                map.at_f64(u, |t| multiple.evaluate_f64(t))?
            }
        };
        value.is_finite().then_some(value)
    }
}

/// Σ w g and Σ w |g| on [lower, upper] by the rule of `degree` nodes, or `None` at a point that is not
/// finite.
fn panel(
    evaluator: &mut Points<'_>,
    map: Map,
    lower: f64,
    upper: f64,
    degree: usize,
) -> Option<(f64, f64)> {
    let rule = legendre::rule(degree, PRECISION).ok()?;
    let (center, half) = ((upper + lower) / 2.0, (upper - lower) / 2.0);
    let mut sums = (0.0, 0.0);
    for (node, weight) in rule.nodes.iter().zip(&rule.weights) {
        let (node, weight) = (node.midpoint().to_f64(), weight.midpoint().to_f64());
        for u in [center - half * node, center + half * node] {
            let g = evaluator.at(map, u)?;
            sums.0 += weight * half * g;
            sums.1 += weight * half * g.abs();
        }
    }
    Some(sums)
}

#[cfg(test)]
mod tests;
