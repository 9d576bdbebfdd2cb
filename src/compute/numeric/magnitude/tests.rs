use super::*;
use crate::compute::numeric::density::Density;
use crate::compute::numeric::integral::{prepare, Layout};
use crate::compute::numeric::integrand::Form;
use crate::exact::ratio;
use crate::family::{build, spec, Argument, Distribution, FamilyKind, Param};
use crate::interrupt::Never;
use crate::sym::Expr;

fn single(kind: FamilyKind, params: &[Expr]) -> Distribution {
    let arguments = params
        .iter()
        .map(|value| Argument::positional(Param::Scalar(value.clone())))
        .collect();
    Distribution::Family(build(spec(kind), arguments).unwrap())
}

fn integral(form: Form, p: &Distribution, q: &Distribution) -> Integral {
    let (p, q) = (Density::new(p).unwrap(), Density::new(q).unwrap());
    match prepare(form, &p, Some(&q)).unwrap() {
        Layout::Finite(integral) => integral,
        Layout::Infinite(reason) => panic!("infinite: {reason}"),
    }
}

fn t3_against_cauchy() -> Integral {
    let t3 = single(
        FamilyKind::StudentT,
        &[Expr::int(3), Expr::int(0), Expr::int(1)],
    );
    let cauchy = single(FamilyKind::Cauchy, &[Expr::int(0), Expr::int(1)]);
    integral(Form::KullbackLeibler, &t3, &cauchy)
}

/// KL(T(3) ‖ Cauchy) = 0.1134081990397485376…: the estimate, halved, lies within a factor of two below it.
#[test]
fn the_estimate_is_the_value_to_within_a_factor_of_two() {
    let estimate = estimate(&t3_against_cauchy())
        .expect("a trusted estimate")
        .to_f64();
    assert!((0.1134 / 4.0..=0.1134).contains(&estimate), "{estimate}");
}

/// KL(N(0,1) ‖ N(10⁻¹⁰,1)) = 5·10⁻²¹ is a small difference of parts of 10⁻¹⁰: no estimate is trusted,
/// and the calibration is the certified one.
#[test]
fn cancellation_leaves_the_magnitude_to_the_certified_calibration() {
    let normal = |mean: Expr| single(FamilyKind::Normal, &[mean, Expr::int(1)]);
    let tiny = Expr::Number(ratio(1, 10_000_000_000));
    let mut nearly = integral(Form::KullbackLeibler, &normal(Expr::int(0)), &normal(tiny));
    assert!(estimate(&nearly).is_none());
    nearly.calibrate(&Never).unwrap();
    let (magnitude, proven) = nearly.current_magnitude();
    assert!(proven);
    assert!((1e-21..=5e-21).contains(&magnitude), "{magnitude}");
}

/// A wrong estimate costs work, never digits: far too large, the enclosure contradicts it and is redone
/// after a certified calibration; far too small, the enclosure is only tighter than asked.
#[test]
fn a_wrong_estimate_is_corrected() {
    let reference = "0.11340819903974853762";
    for wrong in [1e12, 1e-12] {
        let integral = t3_against_cauchy();
        integral.assume_magnitude(wrong);
        let value = integral.enclose(110, 86, &Never).unwrap();
        let width = value.width().to_f64();
        assert!(width < 1e-21, "{wrong}: width {width}");
        let middle = format!("{:.20}", value.midpoint().to_f64());
        assert_eq!(&middle[..16], &reference[..16], "{wrong}");
        assert_eq!(integral.current_magnitude().1, wrong > 1.0, "{wrong}");
    }
}
