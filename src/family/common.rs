//! Small pieces the family declarations share: keyword alternatives, common supports and density terms.

use super::{Alias, Param, ParamError, Support, Transform};
use crate::sym::{log, pi, Expr};

/// A synonym of the canonical keyword (`mu` for `mean`).
pub const fn synonym(name: &'static str) -> Alias {
    Alias {
        name,
        transform: Transform::Identity,
    }
}

/// An alternative whose square is the canonical parameter (`sd` for the variance).
pub const fn squared(name: &'static str) -> Alias {
    Alias {
        name,
        transform: Transform::Square,
    }
}

/// An alternative whose reciprocal is the canonical parameter (`scale` for the rate).
pub const fn reciprocal(name: &'static str) -> Alias {
    Alias {
        name,
        transform: Transform::Reciprocal,
    }
}

/// The cross-parameter check of a family without one.
pub fn no_check(_: &[Param]) -> Result<(), ParamError> {
    Ok(())
}

/// ℝ.
pub fn real_line(_: &[Param]) -> Support {
    Support::real_line()
}

/// [0, ∞) (whether 0 is included does not matter under a density).
pub fn half_line(_: &[Param]) -> Support {
    Support::from(Expr::int(0))
}

/// [0, 1].
pub fn unit_interval(_: &[Param]) -> Support {
    Support::between(Expr::int(0), Expr::int(1))
}

/// {0, 1, 2, …}.
pub fn naturals(_: &[Param]) -> Support {
    Support::Integers {
        lower: Expr::int(0),
        upper: None,
    }
}

/// The `index`-th parameter, a scalar, as an owned expression.
pub fn scalar(params: &[Param], index: usize) -> Expr {
    params[index].scalar().clone()
}

/// The log-density of N(0, variance) at `deviation`: −deviation²/(2·variance) − ½ log(2π·variance).
pub fn normal_log_kernel(deviation: Expr, variance: Expr) -> Expr {
    -(deviation.powi(2) / (2 * variance.clone())) - log(2 * pi() * variance) / 2
}

/// `x log y`, with `0 log y = 0` when `x` is the literal zero, so that a mass function at an end of its
/// support does not produce `0 log 0`.
pub fn x_log_y(x: Expr, y: Expr) -> Expr {
    if x.is_zero() {
        Expr::int(0)
    } else {
        x * log(y)
    }
}

/// log x! as log Γ(x + 1).
pub fn log_factorial(x: Expr) -> Expr {
    crate::sym::lgamma(x + 1)
}
