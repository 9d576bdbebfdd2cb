//! Closed intervals of MPFR floats with directed rounding.

use rug::Float;

/// A closed interval [lower, upper] that contains a real number.
#[derive(Clone, Debug, PartialEq)]
pub struct Interval {
    /// Lower end (rounded down).
    pub lower: Float,
    /// Upper end (rounded up).
    pub upper: Float,
}
