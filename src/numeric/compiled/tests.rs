use rug::Float;

use super::interval::IntervalEvaluator;
use super::point::PointEvaluator;
use super::*;
use crate::family::{Family, FamilyKind, Param};
use crate::numeric::Interval;
use crate::sym::{Domain, Expr};

fn x() -> Expr {
    Expr::symbol(VARIABLE, Domain::Real)
}

fn family(kind: FamilyKind, params: &[Expr]) -> Family {
    Family {
        kind,
        params: params.iter().cloned().map(Param::Scalar).collect(),
    }
}

fn compile(expr: &Expr, substitution: Substitution) -> Program {
    let mut builder = Builder::new(substitution, Some(crate::exact::ratio(1, 3)));
    let node = builder.expr(expr).unwrap();
    builder.finish(node)
}

#[test]
fn student_t_log_density_at_a_point_and_on_an_interval() {
    // log of the T(3) density at 2: log(Γ(2)/(Γ(3/2)√(3π))) − 2 log(1 + 4/3).
    let t3 = family(
        FamilyKind::StudentT,
        &[Expr::int(3), Expr::int(0), Expr::int(1)],
    );
    let program = compile(&t3.log_density(&x()).unwrap(), Substitution::identity());
    let mut point = PointEvaluator::new(&program, 128).unwrap();
    let value = point.evaluate_f64(2.0).unwrap();
    let expected = (2.0 / (std::f64::consts::PI * 3f64.sqrt())).ln() - 2.0 * (7.0f64 / 3.0).ln();
    assert!((value - expected).abs() < 1e-14, "{value} vs {expected}");
    let mut interval = IntervalEvaluator::new(&program, 128).unwrap();
    let at_two = interval
        .evaluate(&Interval::point(Float::with_val(128, 2)))
        .unwrap();
    assert!(at_two.width() < 1e-35);
    assert!((at_two.midpoint().to_f64() - expected).abs() < 1e-14);
    let wide = Interval::new(Float::with_val(128, 1), Float::with_val(128, 3)).unwrap();
    let range = interval.evaluate(&wide).unwrap();
    let at_one = point.evaluate_f64(1.0).unwrap();
    let at_three = point.evaluate_f64(3.0).unwrap();
    assert!(
        (range.lower.to_f64() - at_three).abs() < 1e-12
            && (range.upper.to_f64() - at_one).abs() < 1e-12
    );
}

#[test]
fn substitution_near_an_end_has_no_cancellation() {
    // Beta(1/2, 1/2) near x = 1 written as x = 1 − t: log(1 − x) must be log(t) exactly.
    let beta = family(FamilyKind::Beta, &[Expr::ratio(1, 2), Expr::ratio(1, 2)]);
    let substitution = Substitution {
        center: Expr::int(1),
        increasing: false,
    };
    let program = compile(&beta.log_density(&x()).unwrap(), substitution);
    let mut interval = IntervalEvaluator::new(&program, 128).unwrap();
    let mut tiny = Float::with_val(128, 1);
    tiny >>= 400;
    let value = interval.evaluate(&Interval::point(tiny)).unwrap();
    // −½ log(1 − 2^−400) − ½ log(2^−400) − log π ≈ 200 log 2 − log π.
    let expected = 200.0 * std::f64::consts::LN_2 - std::f64::consts::PI.ln();
    assert!((value.midpoint().to_f64() - expected).abs() < 1e-12);
    assert!(value.width() < 1e-30);
}

#[test]
fn absolute_values_are_resolved_by_the_sign_point() {
    let laplace = family(FamilyKind::Laplace, &[Expr::int(1), Expr::int(2)]);
    let density = laplace.log_density(&x()).unwrap();
    assert_eq!(kinks(&density), vec![Expr::int(1)]);
    // The sign point 1/3 lies left of the kink: |x − 1| = 1 − x, an analytic program.
    let program = compile(&density, Substitution::identity());
    assert!(program.is_analytic());
    let mut point = PointEvaluator::new(&program, 64).unwrap();
    let value = point.evaluate_f64(0.0).unwrap();
    assert!((value - (-0.5 - 4f64.ln())).abs() < 1e-15);
}

/// log(0.3 p₁ + 0.7 p₂) as a log-sum-exp.
fn mixture_log_density(first: &Family, second: &Family) -> Program {
    let mut builder = Builder::new(Substitution::identity(), None);
    let a = builder.expr(&first.log_density(&x()).unwrap()).unwrap();
    let b = builder.expr(&second.log_density(&x()).unwrap()).unwrap();
    let mixture = builder.log_sum_exp(vec![
        (crate::sym::log(Expr::ratio(3, 10)), a),
        (crate::sym::log(Expr::ratio(7, 10)), b),
    ]);
    builder.finish(mixture)
}

#[test]
fn log_sum_exp_of_a_mixture_and_its_derivative() {
    // log(0.3 φ(x) + 0.7 φ(x − 2)) at x = 1 equals log φ(1) exactly.
    let first = family(FamilyKind::Normal, &[Expr::int(0), Expr::int(1)]);
    let second = family(FamilyKind::Normal, &[Expr::int(2), Expr::int(1)]);
    let program = mixture_log_density(&first, &second);
    let mut interval = IntervalEvaluator::new(&program, 200).unwrap();
    let one = Interval::point(Float::with_val(200, 1));
    let jet = interval.evaluate_jet(&one).unwrap();
    let expected = -0.5 - 0.5 * (2.0 * std::f64::consts::PI).ln();
    assert!((jet.value.midpoint().to_f64() - expected).abs() < 1e-15);
    // The derivative is 0.3·(−1) + 0.7·(+1) weighted by equal densities: 0.4.
    assert!((jet.derivative.midpoint().to_f64() - 0.4).abs() < 1e-15);
    assert!(jet.derivative.width() < 1e-50);
    // Far out, the shifted sum neither underflows nor loses the larger term.
    let mut point = PointEvaluator::new(&program, 64).unwrap();
    let far = point.evaluate_f64(-100.0).unwrap();
    assert!((far - (0.3f64.ln() - 5000.0 - 0.5 * (2.0 * std::f64::consts::PI).ln())).abs() < 1e-9);
}

/// log p − log q for T(3) against Cauchy gathers its two logarithms into one `LogProduct`; the program
/// agrees with the plain difference at points, on intervals (value and derivative), and refuses a
/// negative factor instead of taking the logarithm of a positive product.
#[test]
fn a_log_difference_takes_one_logarithm_and_agrees_with_the_plain_difference() {
    let t3 = family(
        FamilyKind::StudentT,
        &[Expr::int(3), Expr::int(0), Expr::int(1)],
    );
    let cauchy = family(FamilyKind::Cauchy, &[Expr::int(0), Expr::int(1)]);
    let (log_p, log_q) = (
        t3.log_density(&x()).unwrap(),
        cauchy.log_density(&x()).unwrap(),
    );
    let mut builder = Builder::new(Substitution::identity(), None);
    let node = builder.log_difference(&log_p, &log_q).unwrap().unwrap();
    let fused = builder.finish(node);
    let logarithms = |program: &Program| {
        program
            .instructions
            .iter()
            .filter(|i| {
                matches!(
                    i,
                    Instruction::Unary(Unary::Log, _) | Instruction::LogProduct(_)
                )
            })
            .count()
    };
    assert_eq!(logarithms(&fused), 1);
    let plain = compile(&(log_p - log_q), Substitution::identity());
    assert_eq!(logarithms(&plain), 2);
    let mut fused_interval = IntervalEvaluator::new(&fused, 128).unwrap();
    let mut plain_interval = IntervalEvaluator::new(&plain, 128).unwrap();
    for x in [-30.0, -1.5, 0.0, 0.25, 7.0, 1e6] {
        let t = Interval::point(Float::with_val(128, x));
        let (a, b) = (
            fused_interval.evaluate(&t).unwrap(),
            plain_interval.evaluate(&t).unwrap(),
        );
        assert!(
            a.lower <= b.upper && b.lower <= a.upper,
            "{x}: {a:?} vs {b:?}"
        );
        assert!(a.width() < 1e-30);
        let (a, b) = (
            fused_interval.evaluate_jet(&t).unwrap(),
            plain_interval.evaluate_jet(&t).unwrap(),
        );
        let (da, db) = (
            a.derivative.midpoint().to_f64(),
            b.derivative.midpoint().to_f64(),
        );
        assert!(
            (da - db).abs() <= 1e-12 * db.abs().max(1.0),
            "{x}: {da} vs {db}"
        );
    }
    let mut point = PointEvaluator::new(&fused, 64).unwrap();
    let expected = PointEvaluator::new(&plain, 64)
        .unwrap()
        .evaluate_f64(2.0)
        .unwrap();
    assert!((point.evaluate_f64(2.0).unwrap() - expected).abs() < 1e-15);
    // log(x) − log(−x) has no real value anywhere; the product x·(−x)⁻¹ = −1 would hide that.
    let mut builder = Builder::new(Substitution::identity(), None);
    let log = |e: Expr| crate::sym::log(e);
    let node = builder
        .log_difference(&(log(x()) + log(x() + 1)), &log(-x()))
        .unwrap()
        .unwrap();
    let odd = builder.finish(node);
    let mut interval = IntervalEvaluator::new(&odd, 64).unwrap();
    assert!(interval
        .evaluate(&Interval::point(Float::with_val(64, 2)))
        .is_err());
}

/// A mixture's density Σ e^{sᵢ}: term by term for moderate sᵢ, through the shifted log-sum-exp where the
/// terms' exponentials would leave MPFR's exponent range (a narrow peak's log-density far from its mode).
#[test]
fn sums_of_exponentials_are_enclosed_near_and_far() {
    let point = |x: f64| Interval::point(Float::with_val(128, x));
    let near = super::interval::sum_exp(&[point(-1.5), point(-2.25)]).unwrap();
    let expected = (-1.5f64).exp() + (-2.25f64).exp();
    assert!(near.lower.to_f64() <= expected * (1.0 + 1e-15));
    assert!(near.upper.to_f64() >= expected * (1.0 - 1e-15));
    assert!(near.width() < 1e-35);
    // e^{−2·10⁹} is below MPFR's range: the sum is [0, tiny], and its logarithm comes from the pairs.
    let far = super::interval::sum_exp(&[point(-2e9), point(-2e9 - 1.0)]).unwrap();
    assert!(far.lower >= 0 && far.upper < 1e-300);
    let mut builder = Builder::new(Substitution::identity(), None);
    let terms = vec![
        (
            Expr::int(0),
            Node::Affine {
                offset: Expr::int(-2_000_000_000),
                slope: Expr::int(0),
            },
        ),
        (
            Expr::int(-1),
            Node::Affine {
                offset: Expr::int(-2_000_000_000),
                slope: Expr::int(0),
            },
        ),
    ];
    let sum = builder.sum_exp(terms.clone());
    let log = builder.log_of_sum(sum, terms);
    let program = builder.finish(log);
    let mut evaluator = IntervalEvaluator::new(&program, 64).unwrap();
    let log = evaluator.evaluate(&point(0.0)).unwrap();
    let expected = -2e9 + (1.0 + (-1.0f64).exp()).ln();
    assert!((log.midpoint().to_f64() - expected).abs() < 1e-6, "{log:?}");
}

/// Machine floats agree with MPFR points to about 1e-13 on log-densities of every kind of instruction the
/// integrands use (a mixture's log-sum-exp, a gathered log difference, lgamma and powers), and give `None`
/// where a function has no float form or a value is not finite.
#[test]
fn machine_floats_agree_with_mpfr_points() {
    let t3 = family(
        FamilyKind::StudentT,
        &[Expr::int(3), Expr::int(0), Expr::int(1)],
    );
    let cauchy = family(FamilyKind::Cauchy, &[Expr::int(0), Expr::int(1)]);
    let mut builder = Builder::new(Substitution::identity(), None);
    let (log_p, log_q) = (
        t3.log_density(&x()).unwrap(),
        cauchy.log_density(&x()).unwrap(),
    );
    let node = builder.log_difference(&log_p, &log_q).unwrap().unwrap();
    let difference = builder.finish(node);
    let gamma = family(FamilyKind::Gamma, &[Expr::ratio(5, 2), Expr::int(3)]);
    let mixture = mixture_log_density(&t3, &gamma);
    let programs = [
        difference,
        compile(&gamma.log_density(&x()).unwrap(), Substitution::identity()),
        mixture,
        compile(&x().pow(Expr::ratio(1, 3)), Substitution::identity()),
    ];
    for program in &programs {
        let constants = program.constants_at(128).unwrap();
        let mut floats = float::FloatEvaluator::new(program, &constants);
        let mut points = PointEvaluator::new(program, 128).unwrap();
        for t in [0.03, 0.5, 1.0, 2.75, 40.0, 1e5] {
            let expected = points.evaluate_f64(t).unwrap();
            let found = floats.evaluate(t).unwrap();
            assert!(
                (found - expected).abs() <= 1e-13 * expected.abs().max(1.0),
                "{t}: {found} vs {expected}"
            );
        }
    }
    let digamma = compile(&crate::sym::digamma(x()), Substitution::identity());
    let constants = digamma.constants_at(128).unwrap();
    assert_eq!(
        float::FloatEvaluator::new(&digamma, &constants).evaluate(2.0),
        None
    );
    let logarithm = compile(&crate::sym::log(x()), Substitution::identity());
    let constants = logarithm.constants_at(128).unwrap();
    assert_eq!(
        float::FloatEvaluator::new(&logarithm, &constants).evaluate(-1.0),
        None
    );
}

/// Σ kᵢ log aᵢ by one logarithm holds the sum of the separate logarithms, with factors only above, only
/// below, or on both sides of the fraction (at 142 bits, where the logarithm is the table-driven one).
#[test]
fn log_products_hold_the_sum_of_the_logarithms() {
    let precision = 142;
    let value = |n: u32, d: u32| {
        let x = Float::with_val(precision, n) / d;
        let mut above = x.clone();
        above.next_up();
        Interval::new(x, above).unwrap()
    };
    let (a, b, c) = (value(7, 3), value(1, 9), value(5, 2));
    let cases: [Vec<(&Interval, i32)>; 4] = [
        vec![(&a, 1), (&b, 2)],
        vec![(&a, -2)],
        vec![(&a, -1), (&b, -3), (&c, 1)],
        vec![(&c, 3), (&a, -2), (&b, 1)],
    ];
    for factors in cases {
        let enclosure = super::interval::log_product(&factors, precision).unwrap();
        for corner in [false, true] {
            let exact = factors.iter().fold(Float::with_val(400, 0), |sum, (x, k)| {
                let end = if corner { &x.upper } else { &x.lower };
                sum + Float::with_val(400, end.ln_ref()) * *k
            });
            assert!(
                enclosure.lower <= exact && exact <= enclosure.upper,
                "{factors:?}: {enclosure:?}"
            );
        }
        assert!(Float::with_val(64, enclosure.width()) < 1e-38);
    }
}
