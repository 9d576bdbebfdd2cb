use rug::Float;

use super::*;
use crate::numeric::coarse::Coarse;
use crate::numeric::compiled::{Builder, Substitution, VARIABLE};
use crate::sym::{self, Domain, Expr};

fn program(expr: &Expr) -> Program {
    let mut builder = Builder::new(Substitution::identity(), None);
    let node = builder.expr(expr).unwrap();
    builder.finish(node)
}

fn constants(program: &Program) -> Vec<Interval> {
    crate::numeric::compiled::interval::IntervalEvaluator::new(program, 64)
        .unwrap()
        .constants()
        .to_vec()
}

fn exact(program: &Program) -> ComplexEvaluator<'_, Interval> {
    ComplexEvaluator::new(program, &constants(program), |c| Ok(c.clone())).unwrap()
}

fn coarse(program: &Program) -> ComplexEvaluator<'_, Coarse> {
    ComplexEvaluator::new(program, &constants(program), |c| Ok(Coarse::of(c)?)).unwrap()
}

/// The box [center ± width] × [± height].
fn mpfr_box(center: f64, width: f64, height: f64) -> Complex<Interval> {
    let center = Interval::point(Float::with_val(64, center));
    let (re, im) = rectangle(
        &center,
        &Float::with_val(64, width),
        &Float::with_val(64, height),
    )
    .unwrap();
    Complex::rectangle(re, im)
}

fn coarse_box(center: f64, width: f64, height: f64) -> Complex<Coarse> {
    let mpfr = mpfr_box(center, width, height);
    Complex::rectangle(Coarse::of(&mpfr.re).unwrap(), Coarse::of(&mpfr.im).unwrap())
}

#[test]
fn a_box_around_a_pole_is_refused_and_one_beside_it_is_bounded() {
    // 1/(1 + x²) has poles at ±i.
    let x = Expr::symbol(VARIABLE, Domain::Real);
    let program = program(&(1 + x.powi(2)).powi(-1));
    let evaluator = exact(&program);
    assert!(evaluator.evaluate(&mpfr_box(0.0, 0.5, 1.5)).is_err());
    let value = evaluator.evaluate(&mpfr_box(0.0, 0.5, 0.5)).unwrap();
    // |f| is largest at z = ±i/2, where it is 4/3; the enclosure holds it and stays finite.
    let bound = value.magnitude().to_f64();
    assert!((4.0 / 3.0..100.0).contains(&bound), "{bound}");
    let fast = coarse(&program);
    assert_eq!(
        fast.evaluate(&coarse_box(0.0, 0.5, 1.5)).unwrap_err(),
        NotAnalytic::Domain
    );
    let fast_bound = fast
        .evaluate(&coarse_box(0.0, 0.5, 0.5))
        .unwrap()
        .magnitude()
        .to_f64();
    assert!((4.0 / 3.0..100.0).contains(&fast_bound), "{fast_bound}");
}

#[test]
fn logarithm_refuses_the_cut_and_exponential_is_entire() {
    let x = Expr::symbol(VARIABLE, Domain::Real);
    let log = program(&sym::log(x.clone()));
    assert!(log.constants.is_empty());
    let evaluator = exact(&log);
    assert!(evaluator.evaluate(&mpfr_box(1.0, 1.5, 0.1)).is_err());
    let value = evaluator.evaluate(&mpfr_box(1.0, 0.5, 2.0)).unwrap();
    assert!(value.im.upper.to_f64() < 1.6 && value.im.lower.to_f64() > -1.6);
    let exp = program(&sym::exp(-(x.powi(2)) / 2));
    // |exp(−z²/2)| ≤ exp(Im² / 2) ≤ e^4.5 ≈ 90 (the enclosure is looser, but finite).
    let bound = exact(&exp)
        .evaluate(&mpfr_box(1.0, 3.0, 3.0))
        .unwrap()
        .magnitude()
        .to_f64();
    assert!((90.0..1e6).contains(&bound), "{bound}");
    let fast = coarse(&exp)
        .evaluate(&coarse_box(1.0, 3.0, 3.0))
        .unwrap()
        .magnitude()
        .to_f64();
    assert!((90.0..1e6).contains(&fast), "{fast}");
}

/// z² of a box that straddles the imaginary axis keeps x² − y² from squares: 1 + z² stays in the right half
/// plane on [−1/2, 3/2] × [±0.86], so its logarithm is bounded there (x·x would reach −3/4 and y·y −3/4,
/// taking 1 + z² across the cut). Holds whether the bound is in MPFR or in f64.
#[test]
fn a_square_straddling_zero_stays_off_the_cut() {
    let x = Expr::symbol(VARIABLE, Domain::Real);
    let program = program(&sym::log(1 + x.powi(2)));
    let bound = exact(&program)
        .evaluate(&mpfr_box(0.5, 1.0, 0.86))
        .unwrap()
        .magnitude()
        .to_f64();
    // |log(1 + z²)| is largest at the corners 3/2 ± 0.86i, where it is 1.5097 (on a grid of 401²).
    assert!((1.5096..10.0).contains(&bound), "{bound}");
    let fast = coarse(&program).evaluate(&coarse_box(0.5, 1.0, 0.86));
    assert!(fast.is_ok(), "{fast:?}");
}

/// The f64 bound of a box must hold |f| at every point of it: checked at a grid of points, each evaluated
/// as a point box in MPFR, for a T(3) KL integrand (logs, powers, exp) and a Gaussian mixture (log-sum-exp).
#[test]
fn coarse_bounds_hold_the_function_on_the_whole_box() {
    let x = Expr::symbol(VARIABLE, Domain::Real);
    let t3 = -2 * sym::log(1 + x.clone().powi(2) / 3) + sym::log(1 + x.clone().powi(2));
    let kl = sym::exp(t3.clone()) * t3;
    let mixture = sym::log(
        sym::exp(-(x.clone() - 1).powi(2) / 2) * Expr::number(crate::exact::ratio(3, 10))
            + sym::exp(-(x.clone() + 2).powi(2)) * Expr::number(crate::exact::ratio(7, 10)),
    );
    let sine = Expr::Apply(sym::Function::Sin, vec![x.clone() * 3]) * sym::exp(x.clone() / 4);
    for expr in [kl, mixture, sine] {
        let program = program(&expr);
        let (exact, fast) = (exact(&program), coarse(&program));
        for (center, width, height) in [(0.0, 1.0, 0.8), (2.5, 0.5, 0.4), (-7.0, 2.0, 1.0)] {
            let Ok(bound) = fast.evaluate(&coarse_box(center, width, height)) else {
                continue;
            };
            let bound = bound.magnitude();
            for i in 0..=4 {
                for j in 0..=4 {
                    let re = center - width + width * f64::from(i) / 2.0;
                    let im = -height + height * f64::from(j) / 2.0;
                    let point = Complex::rectangle(
                        Interval::point(Float::with_val(64, re)),
                        Interval::point(Float::with_val(64, im)),
                    );
                    let value = exact.evaluate(&point).unwrap().magnitude();
                    let lower = value.to_f64() * (1.0 - 1e-12);
                    assert!(
                        bound.to_f64() >= lower,
                        "{expr} at {re} + {im}i: {bound} < {value}"
                    );
                }
            }
        }
    }
}
