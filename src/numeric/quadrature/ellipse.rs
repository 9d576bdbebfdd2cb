//! Boxes that cover a Bernstein ellipse.
//!
//! The Gauss–Legendre bound needs |f| bounded on the ellipse and f analytic inside it. The smallest single
//! box around the ellipse reaches into its corners, which lie √2 times as far out: a pole or a branch cut
//! near a segment's end spoils the box long before it reaches the ellipse. Vertical strips, each as tall as
//! the ellipse over its width, cover the ellipse far more closely; the largest bound over the strips bounds
//! |f| on the ellipse, and each strip's enclosure certifies analyticity on it, so on their union.

use rug::Float;

use crate::numeric::interval::{down, up, Failure};
use crate::numeric::Interval;

/// How many strips cover an ellipse: eight strips cut off most of the corners, at eight box enclosures.
pub const STRIPS: u32 = 8;

/// Boxes (re, im) whose union contains every ellipse with semi-axes `half_width` (along the real axis) and
/// `half_height` around any center in `center`: [`STRIPS`] strips of equal width, each of the height of
/// the ellipse at its edge nearer the center, with ends rounded outwards.
pub fn strips(
    center: &Interval,
    half_width: &Float,
    half_height: &Float,
) -> Result<Vec<(Interval, Interval)>, Failure> {
    let precision = center.precision();
    // Edge j sits at s_j = 2j/n − 1 of the half width, exactly representable for the small n used here.
    let edge = |j: u32| f64::from(2 * j) / f64::from(STRIPS) - 1.0;
    (0..STRIPS)
        .map(|j| {
            let (left, right) = (edge(j), edge(j + 1));
            let lower = down(
                precision,
                &center.lower + down(precision, half_width * left),
            );
            let upper = up(precision, &center.upper + up(precision, half_width * right));
            // The ellipse's height over the strip is largest where |s| is least; √(1 − s²) computed in
            // f64 and raised by far more than its rounding error.
            let nearest = if left <= 0.0 && right >= 0.0 {
                0.0
            } else {
                left.abs().min(right.abs())
            };
            let factor = ((1.0 - nearest * nearest).sqrt() * (1.0 + 1e-12)).min(1.0);
            let height = up(precision, half_height * factor);
            let im = Interval::new(Float::with_val(precision, -&height), height)?;
            Ok((Interval::new(lower, upper)?, im))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Points of the ellipse's boundary and inside it, around both ends of the center, lie in a strip.
    #[test]
    fn strips_cover_the_ellipse() {
        let p = 64;
        let center = Interval::new(Float::with_val(p, 1.5), Float::with_val(p, 1.75)).unwrap();
        let (a, b) = (Float::with_val(p, 2.0), Float::with_val(p, 0.75));
        let boxes = strips(&center, &a, &b).unwrap();
        let contains = |x: f64, y: f64| {
            boxes
                .iter()
                .any(|(re, im)| re.lower <= x && re.upper >= x && im.lower <= y && im.upper >= y)
        };
        for c in [1.5, 1.625, 1.75] {
            for k in 0..2000 {
                let angle = f64::from(k) * std::f64::consts::TAU / 2000.0;
                for scale in [1.0, 0.9, 0.5] {
                    let (x, y) = (c + scale * 2.0 * angle.cos(), scale * 0.75 * angle.sin());
                    // A hair inside: the f64 point itself is rounded.
                    assert!(contains(x * (1.0 - 1e-15), y * (1.0 - 1e-15)), "{x} {y}");
                }
            }
        }
    }

    /// The strips stay inside the single box and leave its corners out.
    #[test]
    fn strips_leave_the_corners_out() {
        let p = 64;
        let center = Interval::point(Float::with_val(p, 0.0));
        let (a, b) = (Float::with_val(p, 1.0), Float::with_val(p, 1.0));
        let boxes = strips(&center, &a, &b).unwrap();
        assert_eq!(boxes.len(), STRIPS as usize);
        let (re, im) = &boxes[0];
        assert!(re.lower == -1.0 && re.upper == -0.75);
        assert!(im.upper > 0.6614 && im.upper < 0.6615, "{}", im.upper);
        assert!(boxes.iter().all(|(_, im)| im.upper <= 1.0));
    }
}
