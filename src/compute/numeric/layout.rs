//! How the line is cut into pieces for integration: support ends, kinks, points around each component's
//! location at multiples of its scale, and the tails.
//!
//! Each piece has a constant set of present components. A piece next to an end where some present component
//! is singular is integrated in u = log(distance) and cut near the end; the tails beyond the outermost points
//! are integrated in u = log(distance from a center) and cut far out. Both cuts are bounded by envelopes.

use std::cmp::Ordering;

use crate::error::EvalError;
use crate::exact::Rational;
use crate::family::{Family, FamilyKind};
use crate::numeric::compiled::kinks;
use crate::numeric::interval::Interval;

use super::density::{Component, Density, Point, TailEnd};
use super::ends;
use super::tails::Direction;

/// A piece of the line and the components present on it.
#[derive(Clone, Debug)]
pub struct Piece {
    /// Where it is and how it is integrated.
    pub kind: Kind,
    /// Indices of the present components of P.
    pub p: Vec<usize>,
    /// Indices of the present components of Q.
    pub q: Vec<usize>,
    /// A point strictly inside, in x (decides the signs of absolute values).
    pub inside: Rational,
}

/// The kinds of pieces.
#[derive(Clone, Debug)]
pub enum Kind {
    /// [lower, upper], integrated in x.
    Bulk {
        /// Lower end.
        lower: Point,
        /// Upper end.
        upper: Point,
    },
    /// Between a singular end `at` and the point `other`, integrated in log |x − at| and cut near `at`.
    End {
        /// The singular end.
        at: Point,
        /// The other end of the piece.
        other: Point,
        /// Whether the piece lies above `at`.
        from_above: bool,
    },
    /// Beyond `start` towards an infinite end, integrated in log |x − c| with c one unit inside.
    Tail {
        /// The outermost breakpoint.
        start: Point,
        /// Which way.
        direction: Direction,
    },
}

impl Kind {
    /// The tail end for the envelopes, for pieces that have one.
    pub fn tail_end(&self) -> Option<TailEnd> {
        match self {
            Kind::Bulk { .. } => None,
            Kind::End { at, from_above, .. } => Some(TailEnd::Finite {
                at: at.clone(),
                from_above: *from_above,
            }),
            Kind::Tail { direction, .. } => Some(TailEnd::Infinite(*direction)),
        }
    }
}

fn approximate(expr: &crate::sym::Expr) -> Option<f64> {
    crate::numeric::enclose(expr, 64, &crate::interrupt::Never)
        .ok()
        .map(|value| value.midpoint().to_f64())
        .filter(|value| value.is_finite())
}

/// A location and a scale of the family, for placing breakpoints (a heuristic: any choice is correct).
fn hint(family: &Family) -> Option<(f64, f64)> {
    use FamilyKind::*;
    let v = |index: usize| approximate(family.scalar(index));
    Some(match family.kind {
        Normal => (v(0)?, v(1)?.sqrt()),
        HalfNormal => (0.0, v(0)?.sqrt()),
        Laplace | Cauchy | Logistic | Gumbel | Moyal => (v(0)?, v(1)?),
        HalfCauchy => (0.0, v(0)?),
        StudentT => (v(1)?, v(2)?),
        Exponential => (0.0, 1.0 / v(0)?),
        Gamma => (v(0)? / v(1)?, v(0)?.sqrt() / v(1)?),
        ChiSquared => (v(0)?, (2.0 * v(0)?).sqrt()),
        InverseGamma => {
            let mode = v(1)? / (v(0)? + 1.0);
            (mode, mode)
        }
        LogNormal => (v(0)?.exp(), v(0)?.exp() * v(1)?.sqrt().max(0.1)),
        Weibull => (v(1)?, v(1)?),
        Pareto => (v(0)?, v(0)?),
        Rayleigh => (v(0)?, v(0)?),
        Chi => (v(0)?.sqrt(), 1.0),
        Lindley => (1.0 / v(0)?, 1.0 / v(0)?),
        Beta | Kumaraswamy | LogitNormal | ContinuousBernoulli => (0.5, 0.25),
        Uniform | LogUniform => ((v(0)? + v(1)?) / 2.0, (v(1)? - v(0)?) / 4.0),
        VonMises => (v(0)?, 1.0 / (v(1)? + 1.0).sqrt()),
        _ => return None,
    })
}

/// A dyadic rational near `value`, with a few bits below `scale`.
fn dyadic(value: f64, scale: f64) -> Option<Rational> {
    let exponent = scale.abs().log2().floor() as i32 - 6;
    let quantum = 2f64.powi(exponent);
    let rounded = (value / quantum).round() * quantum;
    Rational::from_float(rounded)
}

const MULTIPLES: [f64; 9] = [-20.0, -8.0, -3.0, -1.0, 0.0, 1.0, 3.0, 8.0, 20.0];

fn candidates(component: &Component) -> Result<Vec<Point>, EvalError> {
    let mut points = Vec::new();
    points.extend(component.lower.clone());
    points.extend(component.upper.clone());
    for kink in kinks(&component.log_density) {
        points.push(Point::new(kink)?);
    }
    if let Some((center, scale)) = hint(&component.family) {
        if scale.is_finite() && scale > 0.0 && center.is_finite() {
            for multiple in MULTIPLES {
                let Some(value) = dyadic(center + multiple * scale, scale) else {
                    continue;
                };
                let point = Point::new(crate::sym::Expr::Number(value))?;
                if component.contains(&point.value) {
                    points.push(point);
                }
            }
        }
    }
    Ok(points)
}

fn order(a: &Point, b: &Point) -> Result<Ordering, EvalError> {
    if a.expr == b.expr {
        return Ok(Ordering::Equal);
    }
    if a.value.upper < b.value.lower {
        return Ok(Ordering::Less);
    }
    if b.value.upper < a.value.lower {
        return Ok(Ordering::Greater);
    }
    crate::numeric::compare(&a.expr, &b.expr).ok_or_else(|| {
        EvalError::Undecided(format!("cannot order the points {} and {}", a.expr, b.expr))
    })
}

fn failure(failure: crate::numeric::Failure) -> EvalError {
    match failure {
        crate::numeric::Failure::Fatal(error) => error,
        crate::numeric::Failure::Imprecise(reason) => EvalError::Undecided(reason),
    }
}

/// The sorted distinct breakpoints of all components.
fn breakpoints(components: &[&Component]) -> Result<Vec<Point>, EvalError> {
    let mut points: Vec<Point> = Vec::new();
    for component in components {
        points.extend(candidates(component)?);
    }
    let mut sorted: Vec<Point> = Vec::with_capacity(points.len());
    for point in points {
        let mut position = sorted.len();
        let mut duplicate = false;
        for (index, existing) in sorted.iter().enumerate() {
            match order(&point, existing)? {
                Ordering::Equal => {
                    duplicate = true;
                    break;
                }
                Ordering::Less => {
                    position = index;
                    break;
                }
                Ordering::Greater => {}
            }
        }
        if !duplicate {
            sorted.insert(position, point);
        }
    }
    Ok(sorted)
}

/// The exact midpoint strictly between two ordered points, as a short rational.
fn between(lower: &Point, upper: &Point) -> Option<Rational> {
    let middle = (lower.value.upper.clone() + &upper.value.lower) / 2u32;
    let value = crate::numeric::quadrature::envelope::rational_of(&middle)?;
    let inside = Interval::from_rational(&value, 128).ok()?;
    (lower.value.upper < inside.lower && inside.upper < upper.value.lower).then_some(value)
}

fn present(density: &Density, point: &Interval) -> Vec<usize> {
    density
        .components
        .iter()
        .enumerate()
        .filter(|(_, component)| component.contains(point))
        .map(|(index, _)| index)
        .collect()
}

/// Whether `point` is a singular support end, from the side (`from_above`) of the present components.
fn singular_at(density: &Density, indices: &[usize], point: &Point, from_above: bool) -> bool {
    indices.iter().any(|&index| {
        let component = &density.components[index];
        let end = if from_above {
            &component.lower
        } else {
            &component.upper
        };
        end.as_ref()
            .is_some_and(|end| order(end, point).ok() == Some(Ordering::Equal))
            && ends::is_singular(&component.family, !from_above)
    })
}

/// Cuts the line for P and Q (or P alone).
pub fn pieces(p: &Density, q: Option<&Density>) -> Result<Vec<Piece>, EvalError> {
    let empty = Density {
        components: Vec::new(),
    };
    let q = q.unwrap_or(&empty);
    let all: Vec<&Component> = p.components.iter().chain(&q.components).collect();
    let mut points = breakpoints(&all)?;
    let singular = |lower: &Point, upper: &Point, inside: &Interval| -> (bool, bool) {
        let (in_p, in_q) = (present(p, inside), present(q, inside));
        let below = singular_at(p, &in_p, lower, true) || singular_at(q, &in_q, lower, true);
        let above = singular_at(p, &in_p, upper, false) || singular_at(q, &in_q, upper, false);
        (below, above)
    };
    // A piece singular at both ends is halved, so that each end has its own logarithmic piece.
    let mut index = 0;
    while index + 1 < points.len() {
        let middle = between(&points[index], &points[index + 1]).ok_or_else(|| {
            EvalError::Undecided("two breakpoints are too close to separate".into())
        })?;
        let inside = Interval::from_rational(&middle, 128).map_err(failure)?;
        if singular(&points[index], &points[index + 1], &inside) == (true, true) {
            points.insert(index + 1, Point::new(crate::sym::Expr::Number(middle))?);
        } else {
            index += 1;
        }
    }
    let mut pieces = Vec::new();
    for window in points.windows(2) {
        let (lower, upper) = (&window[0], &window[1]);
        let Some(middle) = between(lower, upper) else {
            continue;
        };
        let inside = Interval::from_rational(&middle, 128).map_err(failure)?;
        let (in_p, in_q) = (present(p, &inside), present(q, &inside));
        if in_p.is_empty() && in_q.is_empty() {
            continue;
        }
        let kind = match singular(lower, upper, &inside) {
            (true, _) => Kind::End {
                at: lower.clone(),
                other: upper.clone(),
                from_above: true,
            },
            (false, true) => Kind::End {
                at: upper.clone(),
                other: lower.clone(),
                from_above: false,
            },
            (false, false) => Kind::Bulk {
                lower: lower.clone(),
                upper: upper.clone(),
            },
        };
        pieces.push(Piece {
            kind,
            p: in_p,
            q: in_q,
            inside: middle,
        });
    }
    for direction in [Direction::Left, Direction::Right] {
        let extends = |component: &Component| match direction {
            Direction::Left => component.lower.is_none(),
            Direction::Right => component.upper.is_none(),
        };
        let indices = |density: &Density| -> Vec<usize> {
            density
                .components
                .iter()
                .enumerate()
                .filter(|(_, component)| extends(component))
                .map(|(index, _)| index)
                .collect()
        };
        let (in_p, in_q) = (indices(p), indices(q));
        if in_p.is_empty() && in_q.is_empty() {
            continue;
        }
        let start = match direction {
            Direction::Left => points.first(),
            Direction::Right => points.last(),
        }
        .ok_or_else(|| EvalError::NoRule("a density without any finite point".into()))?
        .clone();
        let offset = match direction {
            Direction::Left => -Rational::from_integer(2.into()),
            Direction::Right => Rational::from_integer(2.into()),
        };
        let inside = crate::numeric::quadrature::envelope::rational_of(&start.value.midpoint())
            .map(|value| value + offset)
            .ok_or_else(|| EvalError::NoRule("a breakpoint without a value".into()))?;
        pieces.push(Piece {
            kind: Kind::Tail { start, direction },
            p: in_p,
            q: in_q,
            inside,
        });
    }
    Ok(pieces)
}
