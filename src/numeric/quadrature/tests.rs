use rug::Float;

use super::*;
use crate::interrupt::Never;
use crate::numeric::compiled::{Builder, Substitution, VARIABLE};
use crate::sym::{self, Domain, Expr};

fn x() -> Expr {
    Expr::symbol(VARIABLE, Domain::Real)
}

fn region(expr: &Expr, map: Map, substitution: Substitution, lower: Expr, upper: Expr) -> Region {
    let mut builder = Builder::new(substitution, None);
    let node = builder.expr(expr).unwrap();
    Region {
        program: std::sync::Arc::new(builder.finish(node)),
        map,
        lower,
        upper,
    }
}

fn settings(precision: u32) -> Settings {
    let mut tolerance = Float::with_val(64, 1);
    tolerance >>= precision;
    Settings {
        precision,
        goal: precision,
        tolerance,
        max_evaluations: 200_000,
    }
}

#[track_caller]
fn assert_encloses(value: &crate::numeric::Interval, expected: &str, width: f64) {
    let exact = Float::with_val(400, Float::parse(expected).unwrap());
    assert!(
        value.contains(&exact),
        "{value:?} does not contain {expected}"
    );
    assert!(
        value.width().to_f64() < width,
        "{value:?} is wider than {width}"
    );
}

#[test]
fn gaussian_over_a_finite_interval() {
    // ∫_{-3}^{3} e^{−x²/2} dx = √(2π) erf(3/√2).
    let gaussian = region(
        &sym::exp(-(x().powi(2)) / 2),
        Map::Linear,
        Substitution::identity(),
        Expr::int(-3),
        Expr::int(3),
    );
    let (value, work) = integrate(&[gaussian], &settings(200), &Never).unwrap();
    assert_encloses(
        &value,
        "2.49986088948309504724383182938289402821171030106476863137722835347704319299940946156851",
        1e-55,
    );
    assert!(work.evaluations < 2_000, "{work:?}");
}

#[test]
fn a_near_pole_forces_bisection_but_stays_certified() {
    // ∫_0^1 dx/(x² + 10⁻⁴) = 100 atan(100).
    let lorentz = region(
        &(x().powi(2) + Expr::ratio(1, 10_000)).powi(-1),
        Map::Linear,
        Substitution::identity(),
        Expr::int(0),
        Expr::int(1),
    );
    let (value, _) = integrate(&[lorentz], &settings(128), &Never).unwrap();
    assert_encloses(
        &value,
        "156.079666010823138102498157543047189353721534714317627085953",
        1e-30,
    );
}

#[test]
fn exponential_map_for_a_power_tail() {
    // ∫_1^{e^40} x⁻² dx = 1 − e⁻⁴⁰ with x = eᵘ, u ∈ [0, 40].
    let power = region(
        &x().powi(-2),
        Map::Exponential,
        Substitution::identity(),
        Expr::int(0),
        Expr::int(40),
    );
    let (value, _) = integrate(&[power], &settings(128), &Never).unwrap();
    assert_encloses(
        &value,
        "0.999999999999999995751645744708411004670765217141341982120434",
        1e-32,
    );
}

#[test]
fn singular_end_through_the_exponential_map() {
    // ∫_0^1 x^{−1/2} dx over [e^{−200}, 1] in u = log x: 2 − 2e^{−100}.
    let singular = region(
        &x().pow(Expr::ratio(-1, 2)),
        Map::Exponential,
        Substitution::identity(),
        Expr::int(-200),
        Expr::int(0),
    );
    let (value, _) = integrate(&[singular], &settings(128), &Never).unwrap();
    assert_encloses(
        &value,
        "1.99999999999999999999999999999999999999999992559848047958328",
        1e-33,
    );
}
