use super::*;
use crate::divergence::DivergenceKind;
use crate::family::{build, spec, Argument, Component, Family, FamilyKind};
use crate::interrupt::Never;
use crate::numeric::{certify, Budget};

fn family(kind: FamilyKind, params: &[Expr]) -> Family {
    let arguments = params
        .iter()
        .map(|value| Argument::positional(Param::Scalar(value.clone())))
        .collect();
    build(spec(kind), arguments).unwrap()
}

fn n(mean: Expr, variance: Expr) -> Distribution {
    Distribution::Family(family(FamilyKind::Normal, &[mean, variance]))
}

fn int(n: i64) -> Expr {
    Expr::int(n)
}

/// The fallback's value of `kind(P || Q)` to `digits` digits.
fn value(
    kind: DivergenceKind,
    order: Option<Expr>,
    p: &Distribution,
    q: Option<&Distribution>,
    digits: usize,
) -> String {
    let (quantity, _) = divergence(kind, order.as_ref(), p, q)
        .expect("applies")
        .expect("computes");
    let Quantity::Finite(expr) = quantity else {
        panic!("infinite: {quantity:?}")
    };
    certify(&expr, digits, Budget::default(), &Never)
        .unwrap()
        .decimal
}

#[test]
fn kl_of_student_t_against_normal() {
    let t10 = Distribution::Family(family(FamilyKind::StudentT, &[int(10), int(0), int(1)]));
    let got = value(
        DivergenceKind::KullbackLeibler,
        None,
        &t10,
        Some(&n(int(0), int(1))),
        50,
    );
    assert_eq!(got, "0.022676040228991906392648796968257034618030204915914");
}

#[test]
fn kl_of_normal_against_a_mixture() {
    let mixture = Distribution::Mixture(vec![
        Component {
            weight: Expr::ratio(3, 10),
            family: family(FamilyKind::Normal, &[int(0), int(1)]),
        },
        Component {
            weight: Expr::ratio(7, 10),
            family: family(FamilyKind::Normal, &[int(2), int(1)]),
        },
    ]);
    let got = value(
        DivergenceKind::KullbackLeibler,
        None,
        &n(int(1), int(2)),
        Some(&mixture),
        50,
    );
    assert_eq!(got, "0.055513150000163963768698591526228434448626686833171");
}

#[test]
#[ignore]
fn timing_probe() {
    let t3 = Distribution::Family(family(FamilyKind::StudentT, &[int(3), int(0), int(1)]));
    for digits in [15, 30, 50, 100] {
        let start = std::time::Instant::now();
        let (quantity, _) = divergence(
            DivergenceKind::KullbackLeibler,
            None,
            &t3,
            Some(&n(int(0), int(1))),
        )
        .unwrap()
        .unwrap();
        let built = start.elapsed();
        let Quantity::Finite(expr) = quantity else {
            panic!()
        };
        let value = certify(&expr, digits, Budget::default(), &Never).unwrap();
        let first = start.elapsed();
        let again = std::time::Instant::now();
        let _ = certify(&expr, digits, Budget::default(), &Never).unwrap();
        println!(
            "{digits}: {} built {built:?} total {first:?} again {:?}",
            value.decimal,
            again.elapsed()
        );
    }
}

#[test]
#[ignore]
fn trace_probe() {
    let t3 = Distribution::Family(family(FamilyKind::StudentT, &[int(3), int(0), int(1)]));
    let (quantity, _) = divergence(
        DivergenceKind::KullbackLeibler,
        None,
        &t3,
        Some(&n(int(0), int(1))),
    )
    .unwrap()
    .unwrap();
    let Quantity::Finite(expr) = quantity else {
        panic!()
    };
    let leaf = expr.numeric_leaves()[0].clone();
    std::env::set_var("DIVCALC_TRACE_SEGMENTS", "1");
    std::env::set_var("DIVCALC_TRACE_BOXES", "1");
    let start = std::time::Instant::now();
    let value = leaf.value.enclose(204, &Never).unwrap();
    println!("{:?} in {:?}", value.width().to_f64(), start.elapsed());
}

#[test]
#[ignore]
fn evaluation_probe() {
    use crate::numeric::compiled::interval::IntervalEvaluator;
    use crate::numeric::compiled::point::PointEvaluator;
    let t3 = Distribution::Family(family(FamilyKind::StudentT, &[int(3), int(0), int(1)]));
    let p = density::Density::new(&t3).unwrap();
    let q = density::Density::new(&n(int(0), int(1))).unwrap();
    let pc: Vec<&density::Component> = p.components.iter().collect();
    let qc: Vec<&density::Component> = q.components.iter().collect();
    let integrand::Piece::Formula(program) = integrand::compile(
        &Form::KullbackLeibler,
        &pc,
        &qc,
        crate::numeric::compiled::Substitution::identity(),
        None,
    )
    .unwrap() else {
        panic!()
    };
    println!(
        "{} instructions, {} constants",
        program.instructions.len(),
        program.constants.len()
    );
    for (i, instruction) in program.instructions.iter().enumerate() {
        println!("  {i}: {instruction:?}");
    }
    let mut evaluator = IntervalEvaluator::new(&program, 132).unwrap();
    let x = crate::numeric::Interval::point(rug::Float::with_val(132, 1.2345));
    let start = std::time::Instant::now();
    for _ in 0..10000 {
        let _ = evaluator.evaluate(&x).unwrap();
    }
    println!("interval: {:?} per evaluation", start.elapsed() / 10000);
    let mut point = PointEvaluator::new(&program, 132).unwrap();
    let x = rug::Float::with_val(132, 1.2345);
    let start = std::time::Instant::now();
    for _ in 0..10000 {
        let _ = point.evaluate(&x).unwrap();
    }
    println!("point: {:?} per evaluation", start.elapsed() / 10000);
}

#[test]
#[ignore]
fn mpfr_probe() {
    use rug::Assign;
    use rug::Float;
    for precision in [64u32, 132, 200, 400] {
        let x = Float::with_val(precision, 1.2345);
        let mut y = Float::new(precision);
        let start = std::time::Instant::now();
        for _ in 0..10000 {
            y.assign(x.ln_ref());
        }
        let ln = start.elapsed() / 10000;
        let start = std::time::Instant::now();
        for _ in 0..10000 {
            y.assign(x.exp_ref());
        }
        let exp = start.elapsed() / 10000;
        let start = std::time::Instant::now();
        for _ in 0..10000 {
            y.assign(&x * &x);
        }
        let mul = start.elapsed() / 10000;
        let start = std::time::Instant::now();
        for _ in 0..10000 {
            let z = Float::with_val(precision, &x * &x);
            std::hint::black_box(z);
        }
        let alloc = start.elapsed() / 10000;
        println!("{precision}: ln {ln:?} exp {exp:?} mul {mul:?} mul+alloc {alloc:?}");
    }
}

#[test]
#[ignore]
fn complex_probe() {
    use crate::numeric::quadrature::complex::{rectangle, ComplexEvaluator};
    let t3 = Distribution::Family(family(FamilyKind::StudentT, &[int(3), int(0), int(1)]));
    let p = density::Density::new(&t3).unwrap();
    let q = density::Density::new(&n(int(0), int(1))).unwrap();
    let pc: Vec<&density::Component> = p.components.iter().collect();
    let qc: Vec<&density::Component> = q.components.iter().collect();
    let substitution = crate::numeric::compiled::Substitution::identity();
    let integrand::Piece::Formula(program) =
        integrand::compile(&Form::KullbackLeibler, &pc, &qc, substitution, None).unwrap()
    else {
        panic!()
    };
    let constants = crate::numeric::compiled::interval::IntervalEvaluator::new(&program, 64)
        .unwrap()
        .constants()
        .to_vec();
    let evaluator = ComplexEvaluator::new(&program, &constants);
    let center = crate::numeric::Interval::point(rug::Float::with_val(64, 1.25));
    let half = 0.25f64;
    let t = rectangle(
        &center,
        &rug::Float::with_val(64, 4.0 * half),
        &rug::Float::with_val(64, 15f64.sqrt() * half),
    )
    .unwrap();
    std::env::set_var("DIVCALC_TRACE_COMPLEX", "1");
    println!(
        "{:?}",
        evaluator.evaluate(&t).map(|v| v.magnitude().to_f64())
    );
}
