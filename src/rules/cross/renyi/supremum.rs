//! D_∞ = log ess sup p/q: the supremum of the exponent log p − log q over supp P, where it is simple — a
//! quadratic in t, g log t + c t, or g log x + h log(1 − x) on (0, 1) — found from the ends and the one
//! critical point.

use std::cmp::Ordering;

use crate::rules::Verdict;
use crate::sym::{log, Expr};

use super::domain::{decide, Interval, Piece};
use super::exponent::known_zero;
use super::integral::sign;
use super::kernel::{kernel, Shape};

fn unbounded(reason: &str) -> Verdict {
    Verdict::Infinite(format!("p/q is unbounded on the support of P: {reason}"))
}

/// The larger of candidate values (all finite).
fn largest(values: Vec<Expr>) -> Result<Expr, Verdict> {
    let mut best: Option<Expr> = None;
    for value in values {
        best = Some(match best {
            None => value,
            Some(current) => {
                if decide(&value, &current, "the candidate maxima")? == Ordering::Greater {
                    value
                } else {
                    current
                }
            }
        });
    }
    best.ok_or_else(|| Verdict::NotApplicable("no candidate for the maximum".into()))
}

/// The supremum of the exponent over the pieces.
pub fn supremum(pieces: &[Piece]) -> Result<Expr, Verdict> {
    let mut values = Vec::new();
    for piece in pieces {
        let kernel = kernel(piece, false)?;
        let inner = match &kernel.shape {
            Shape::Normal { a, b } => quadratic(a, b, &kernel.interval)?,
            Shape::Gamma { g, c } => logarithmic(g, c, &kernel.interval)?,
            Shape::Beta { g, h } => beta(g, h, &kernel.interval)?,
            Shape::Cauchy { .. } => {
                return Err(Verdict::NotApplicable(
                    "no closed supremum for a Cauchy kernel".into(),
                ))
            }
        };
        values.push(kernel.constant + inner);
    }
    largest(values)
}

/// sup of a t² + b t over (l, u).
fn quadratic(a: &Expr, b: &Expr, interval: &Interval) -> Result<Expr, Verdict> {
    let f = |t: &Expr| a.clone() * t.clone().powi(2) + b.clone() * t.clone();
    let (lower, upper) = (&interval.lower, &interval.upper);
    match sign(a, "the coefficient of the square")? {
        Ordering::Greater => match (lower, upper) {
            (Some(l), Some(u)) => largest(vec![f(l), f(u)]),
            _ => Err(unbounded("the coefficient of x² is positive")),
        },
        Ordering::Equal => match (sign(b, "the coefficient of x")?, lower, upper) {
            (Ordering::Equal, _, _) => Ok(Expr::int(0)),
            (Ordering::Greater, _, Some(u)) => Ok(f(u)),
            (Ordering::Less, Some(l), _) => Ok(f(l)),
            _ => Err(unbounded("log p/q grows linearly")),
        },
        Ordering::Less => {
            let vertex = -b.clone() / (2 * a.clone());
            if let Some(l) = lower {
                if decide(&vertex, l, "the vertex and an end")? != Ordering::Greater {
                    return Ok(f(l));
                }
            }
            if let Some(u) = upper {
                if decide(&vertex, u, "the vertex and an end")? != Ordering::Less {
                    return Ok(f(u));
                }
            }
            Ok(-b.clone().powi(2) / (4 * a.clone()))
        }
    }
}

/// sup of g log t + c t over (l, u) ⊆ [0, ∞).
fn logarithmic(g: &Expr, c: &Expr, interval: &Interval) -> Result<Expr, Verdict> {
    if known_zero(g) {
        return quadratic(&Expr::int(0), c, interval);
    }
    let lower = interval.lower.clone().unwrap_or_else(|| Expr::int(0));
    let at_zero = known_zero(&lower);
    let f = |t: &Expr| g.clone() * log(t.clone()) + c.clone() * t.clone();
    let power = sign(g, "the coefficient of the logarithm")?;
    let slope = sign(c, "the coefficient of the linear term")?;
    if at_zero && power == Ordering::Less {
        return Err(unbounded("log p/q → ∞ at the lower end"));
    }
    if interval.upper.is_none()
        && (slope == Ordering::Greater || (slope == Ordering::Equal && power == Ordering::Greater))
    {
        return Err(unbounded("log p/q → ∞ at infinity"));
    }
    match (power, slope) {
        (Ordering::Greater, Ordering::Less) => {
            // Concave: the maximum is at t₀ = −g/c, or at the nearer end.
            let vertex = -g.clone() / c.clone();
            if !at_zero && decide(&vertex, &lower, "the maximum and an end")? != Ordering::Greater {
                return Ok(f(&lower));
            }
            if let Some(u) = &interval.upper {
                if decide(&vertex, u, "the maximum and an end")? != Ordering::Less {
                    return Ok(f(u));
                }
            }
            Ok(g.clone() * log(vertex) - g.clone())
        }
        // Increasing: the upper end (finite, else unbounded above).
        (Ordering::Greater, _) => interval
            .upper
            .as_ref()
            .map(f)
            .ok_or_else(|| unbounded("log p/q → ∞ at infinity")),
        // Decreasing: the lower end (> 0 here).
        (Ordering::Less, Ordering::Less | Ordering::Equal) => Ok(f(&lower)),
        // Convex: one of the ends.
        (Ordering::Less, Ordering::Greater) => match &interval.upper {
            Some(u) => largest(vec![f(&lower), f(u)]),
            None => Err(unbounded("log p/q → ∞ at infinity")),
        },
        (Ordering::Equal, _) => quadratic(&Expr::int(0), c, interval),
    }
}

/// sup of g log x + h log(1 − x) over (0, 1).
fn beta(g: &Expr, h: &Expr, interval: &Interval) -> Result<Expr, Verdict> {
    let whole = interval.lower.as_ref().is_none_or(known_zero)
        && interval
            .upper
            .as_ref()
            .is_none_or(|u| known_zero(&(u.clone() - 1)));
    if !whole {
        return Err(Verdict::NotApplicable(
            "no closed supremum on part of (0, 1)".into(),
        ));
    }
    let left = sign(g, "the exponent of x")?;
    let right = sign(h, "the exponent of 1 − x")?;
    if left == Ordering::Less || right == Ordering::Less {
        return Err(unbounded("log p/q → ∞ at an end of (0, 1)"));
    }
    if left == Ordering::Equal || right == Ordering::Equal {
        // Monotone towards the end where the other power vanishes: the supremum is 0.
        return Ok(Expr::int(0));
    }
    let total = g.clone() + h.clone();
    Ok(g.clone() * log(g.clone() / total.clone()) + h.clone() * log(h.clone() / total))
}
