//! Supports of distributions, compared exactly to decide when a divergence is infinite.

use crate::sym::Expr;

/// An end of a real interval.
#[derive(Clone, Debug, PartialEq)]
pub enum Bound {
    /// −∞ or +∞ (by position).
    Infinite,
    /// A finite end (whether it is included does not matter: a point has no mass under a density).
    Finite(Expr),
}

/// Where a distribution puts its mass.
#[derive(Clone, Debug, PartialEq)]
pub enum Support {
    /// An interval of the real line, under a density.
    Interval {
        /// The lower end.
        lower: Bound,
        /// The upper end.
        upper: Bound,
    },
    /// The integers from `lower` to `upper` (unbounded when `None`), under a mass function.
    Integers {
        /// The smallest value.
        lower: Expr,
        /// The largest value, if any.
        upper: Option<Expr>,
    },
    /// One point.
    Point(Expr),
    /// ℝᵏ under a density.
    Euclidean(usize),
    /// The open simplex of dimension k − 1 in ℝᵏ.
    Simplex(usize),
    /// Positive definite k×k matrices.
    PositiveDefinite(usize),
    /// Count vectors of k categories summing to n.
    Counts {
        /// The number of trials.
        trials: Expr,
        /// The number of categories.
        categories: usize,
    },
}

impl Support {
    /// The whole real line.
    pub fn real_line() -> Support {
        Support::Interval {
            lower: Bound::Infinite,
            upper: Bound::Infinite,
        }
    }

    /// [lower, ∞).
    pub fn from(lower: Expr) -> Support {
        Support::Interval {
            lower: Bound::Finite(lower),
            upper: Bound::Infinite,
        }
    }

    /// [lower, upper].
    pub fn between(lower: Expr, upper: Expr) -> Support {
        Support::Interval {
            lower: Bound::Finite(lower),
            upper: Bound::Finite(upper),
        }
    }

    /// Whether the distribution has a density (as opposed to a mass function).
    pub fn is_continuous(&self) -> bool {
        matches!(
            self,
            Support::Interval { .. }
                | Support::Euclidean(_)
                | Support::Simplex(_)
                | Support::PositiveDefinite(_)
        )
    }

    /// Whether the distribution is one-dimensional.
    pub fn is_univariate(&self) -> bool {
        matches!(
            self,
            Support::Interval { .. } | Support::Integers { .. } | Support::Point(_)
        )
    }
}
