//! Ball evaluation of compiled log-densities against MPFR intervals at 300 bits.

use rug::Float;

use super::super::interval::IntervalEvaluator;
use super::super::*;
use super::BallEvaluator;
use crate::family::{Family, FamilyKind, Param};
use crate::numeric::ball::Ball;
use crate::numeric::Interval;
use crate::sym::{Domain, Expr};

fn family(kind: FamilyKind, params: &[Expr]) -> Family {
    Family {
        kind,
        params: params.iter().cloned().map(Param::Scalar).collect(),
    }
}

fn log_density(builder: &mut Builder, family: &Family) -> Node {
    let x = Expr::symbol(VARIABLE, Domain::Real);
    builder.expr(&family.log_density(&x).unwrap()).unwrap()
}

/// Every point of `points` (and a ball of relative radius 2⁻⁷⁰ around it): the ball holds the MPFR
/// value, and is within 2⁻⁸⁴ of max(1, |value|) wide for the exact points.
fn agrees(program: &Program, points: &[f64]) {
    let mut exact = IntervalEvaluator::new(program, 300).unwrap();
    let mut balls = BallEvaluator::new(program).unwrap().expect("a ball form");
    for &t in points {
        let point = Interval::point(Float::with_val(300, t));
        let value = exact.evaluate(&point).unwrap();
        let ball = balls.evaluate(&Ball::exact(t)).unwrap();
        let enclosure = ball.to_interval(300).unwrap();
        assert!(
            enclosure.lower <= value.lower && value.upper <= enclosure.upper,
            "at {t}: {value:?} outside {enclosure:?}"
        );
        let scale = value.midpoint().to_f64().abs().max(1.0);
        assert!(ball.radius() <= scale * 2f64.powi(-84), "at {t}: {ball:?}");
        let radius = t.abs() * 2f64.powi(-70);
        let wide = Interval::new(
            Float::with_val(300, t - radius),
            Float::with_val(300, t + radius),
        )
        .unwrap();
        let around = balls
            .evaluate(&Ball::from_interval(&wide).unwrap())
            .unwrap();
        let around = around.to_interval(300).unwrap();
        for end in [&wide.lower, &wide.upper] {
            let value = exact.evaluate(&Interval::point(end.clone())).unwrap();
            assert!(
                around.lower <= value.lower && value.upper <= around.upper,
                "near {t}"
            );
        }
    }
}

fn points() -> Vec<f64> {
    (0..200)
        .map(|i| ((i as f64) * 0.37 - 37.0) * (1.0 + (i % 7) as f64 * 1e-9))
        .collect()
}

#[test]
fn a_heavy_tailed_log_ratio_agrees_with_mpfr() {
    // p (log p − log q) for T(3) against Cauchy(0, 1), the benchmark's integrand.
    let t3 = family(
        FamilyKind::StudentT,
        &[Expr::int(3), Expr::int(0), Expr::int(1)],
    );
    let cauchy = family(FamilyKind::Cauchy, &[Expr::int(0), Expr::int(1)]);
    let x = Expr::symbol(VARIABLE, Domain::Real);
    let (log_p, log_q) = (t3.log_density(&x).unwrap(), cauchy.log_density(&x).unwrap());
    let mut builder = Builder::new(Substitution::identity(), None);
    // One logarithm of a product (LogProduct), as the integrands have it.
    let difference = builder
        .log_difference(&log_p, &log_q)
        .unwrap()
        .expect("a product");
    let p = builder.expr(&log_p).unwrap();
    let density = builder.unary(Unary::Exp, p);
    let integrand = builder.mul(density, difference);
    agrees(&builder.finish(integrand), &points());
    // And the plain difference of the two log-densities.
    let mut builder = Builder::new(Substitution::identity(), None);
    let p = log_density(&mut builder, &t3);
    let q = log_density(&mut builder, &cauchy);
    let difference = builder.sub(p, q);
    agrees(&builder.finish(difference), &points());
}

#[test]
fn a_mixture_log_density_agrees_with_mpfr() {
    let first = family(FamilyKind::Normal, &[Expr::int(-1), Expr::ratio(1, 2)]);
    let second = family(FamilyKind::Normal, &[Expr::int(2), Expr::int(1)]);
    let mut builder = Builder::new(Substitution::identity(), None);
    let a = log_density(&mut builder, &first);
    let b = log_density(&mut builder, &second);
    let pairs = vec![
        (crate::sym::log(Expr::ratio(3, 10)), a),
        (crate::sym::log(Expr::ratio(7, 10)), b),
    ];
    let sum = builder.sum_exp(pairs.clone());
    let log = builder.log_of_sum(sum.clone(), pairs);
    let product = builder.mul(sum, log);
    agrees(&builder.finish(product), &points());
}

#[test]
fn programs_with_other_functions_have_no_ball_form() {
    let gamma = family(FamilyKind::Gamma, &[Expr::ratio(1, 2), Expr::int(1)]);
    let x = Expr::symbol(VARIABLE, Domain::Real);
    let mut builder = Builder::new(Substitution::identity(), None);
    let node = builder.expr(&crate::sym::lgamma(x.clone())).unwrap();
    let program = builder.finish(node);
    assert!(BallEvaluator::new(&program).unwrap().is_none());
    // A log-density with only logs and powers has one.
    let mut builder = Builder::new(Substitution::identity(), None);
    let node = log_density(&mut builder, &gamma);
    let program = builder.finish(node);
    assert!(BallEvaluator::new(&program).unwrap().is_some());
}
