//! Test helpers for the family declarations: building members from `f64` parameters (converted exactly),
//! evaluating log-densities in `f64`, and integrating or summing densities numerically.

use super::support::Bound;
use super::{build, Argument, Family, FamilySpec, Param, Support};
use crate::exact::Rational;
use crate::sym::float::eval_f64;
use crate::sym::Expr;

/// Tolerance for comparing log-densities with statrs: both sides are accurate to a few ulps of the terms.
pub const LOG_DENSITY_TOLERANCE: f64 = 1e-11;

/// Tolerance for a numerically integrated or summed total probability.
pub const TOTAL_TOLERANCE: f64 = 1e-8;

/// The exact rational value of an `f64`.
pub fn exact(value: f64) -> Expr {
    Expr::number(Rational::from_float(value).expect("test values are finite"))
}

/// A scalar parameter with the exact value of an `f64`.
pub fn number(value: f64) -> Param {
    Param::Scalar(exact(value))
}

/// The member of `spec` with these positional scalar parameters; panics if the builder refuses them.
#[track_caller]
pub fn member(spec: &'static FamilySpec, params: &[f64]) -> Family {
    build(
        spec,
        params
            .iter()
            .map(|&v| Argument::positional(number(v)))
            .collect(),
    )
    .expect("valid parameters")
}

/// The log-density at `x`, evaluated in `f64`.
#[track_caller]
pub fn log_density_at(family: &Family, x: f64) -> f64 {
    let expr = family.log_density(&exact(x)).expect("a univariate family");
    eval_f64(&expr).expect("a constant expression")
}

/// Asserts that `log_density` agrees with a reference at each point.
#[track_caller]
pub fn assert_matches(family: &Family, points: &[f64], reference: impl Fn(f64) -> f64) {
    for &x in points {
        let (ours, theirs) = (log_density_at(family, x), reference(x));
        let tolerance = LOG_DENSITY_TOLERANCE * theirs.abs().max(1.0);
        assert!(
            (ours - theirs).abs() <= tolerance,
            "{family} at x = {x}: ours {ours}, reference {theirs}"
        );
    }
}

/// ∫ exp(log-density) over the support, by adaptive Simpson after mapping infinite ends to finite ones.
pub fn total_probability(family: &Family) -> f64 {
    let end = |bound: &Bound| match bound {
        Bound::Infinite => None,
        Bound::Finite(value) => Some(eval_f64(value).expect("a constant bound")),
    };
    let Support::Interval { lower, upper } = family.support() else {
        panic!("{family} has no interval support");
    };
    let density = |x: f64| {
        if !x.is_finite() {
            return 0.0;
        }
        let value = log_density_at(family, x).exp();
        if value.is_finite() {
            value
        } else {
            0.0
        }
    };
    // The maps send (0, 1) or (−1, 1) onto the infinite interval; their endpoints are never evaluated
    // because the integrand is zero there (the density decays faster than the Jacobian grows).
    let guarded = |f: &dyn Fn(f64) -> f64, t: f64| {
        let value = f(t);
        if value.is_finite() {
            value
        } else {
            0.0
        }
    };
    match (end(&lower), end(&upper)) {
        (Some(a), Some(b)) => simpson(&density, a, b),
        (Some(a), None) => {
            let mapped = |t: f64| density(a + t / (1.0 - t)) / (1.0 - t).powi(2);
            simpson(&|t| guarded(&mapped, t), 0.0, 1.0)
        }
        (None, None) => {
            let mapped =
                |t: f64| density(t / (1.0 - t * t)) * (1.0 + t * t) / (1.0 - t * t).powi(2);
            simpson(&|t| guarded(&mapped, t), -1.0, 1.0)
        }
        (None, Some(_)) => panic!("no family is bounded above only"),
    }
}

fn simpson(f: &dyn Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    let (fa, fm, fb) = (f(a), f((a + b) / 2.0), f(b));
    let whole = (b - a) / 6.0 * (fa + 4.0 * fm + fb);
    adaptive(f, a, b, fa, fm, fb, whole, 1e-11, 40)
}

#[allow(clippy::too_many_arguments)]
fn adaptive(
    f: &dyn Fn(f64) -> f64,
    a: f64,
    b: f64,
    fa: f64,
    fm: f64,
    fb: f64,
    whole: f64,
    tolerance: f64,
    depth: u32,
) -> f64 {
    let m = (a + b) / 2.0;
    let (left_mid, right_mid) = (f((a + m) / 2.0), f((m + b) / 2.0));
    let left = (m - a) / 6.0 * (fa + 4.0 * left_mid + fm);
    let right = (b - m) / 6.0 * (fm + 4.0 * right_mid + fb);
    let difference = left + right - whole;
    if depth == 0 || difference.abs() <= 15.0 * tolerance {
        return left + right + difference / 15.0;
    }
    // The floor keeps rounding noise in the integrand from forcing a split of every subinterval.
    let tolerance = (tolerance / 2.0).max(1e-14);
    adaptive(f, a, m, fa, left_mid, fm, left, tolerance, depth - 1)
        + adaptive(f, m, b, fm, right_mid, fb, right, tolerance, depth - 1)
}

/// Asserts that the log-mass at `x` is zero (the whole mass), up to rounding in log Γ.
#[track_caller]
pub fn assert_certain(family: &Family, x: f64) {
    let value = log_density_at(family, x);
    assert!(value.abs() < 1e-14, "{family} at {x}: {value}");
}
