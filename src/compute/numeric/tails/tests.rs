use super::*;
use crate::compute::numeric::ends;
use crate::exact::{integer, ratio};
use crate::family::{build, spec, Argument, Param};
use crate::sym::Expr;

fn family(kind: FamilyKind, params: &[Rational]) -> Family {
    let arguments = params
        .iter()
        .map(|value| Argument::positional(Param::Scalar(Expr::Number(value.clone()))))
        .collect();
    build(spec(kind), arguments).unwrap()
}

/// log p at an exact point, enclosed at 128 bits.
fn log_density(family: &Family, x: &Rational) -> Interval {
    let expr = family.log_density(&Expr::Number(x.clone())).unwrap();
    crate::numeric::enclose(&expr, 128, &crate::interrupt::Never).unwrap()
}

#[track_caller]
fn assert_brackets(bounds: &Bounds, family: &Family, y: &Rational, x: &Rational) {
    let point = Interval::from_rational(y, 128).unwrap();
    let value = log_density(family, x);
    let upper = bounds.upper.at(&point).unwrap();
    let lower = bounds.lower.at(&point).unwrap();
    assert!(
        upper.upper >= value.lower && lower.lower <= value.upper,
        "{family} at x = {x}: {lower:?} ≤ {value:?} ≤ {upper:?} fails"
    );
}

const SAMPLES: [(i64, i64); 7] = [
    (1, 1),
    (11, 10),
    (3, 2),
    (5, 1),
    (40, 1),
    (1000, 1),
    (100_000, 1),
];

#[track_caller]
fn check_infinite(family: &Family, direction: Direction, start: Rational) {
    let bounds =
        infinite(family, direction, &start).unwrap_or_else(|| panic!("no envelope for {family}"));
    for (n, d) in SAMPLES {
        let y = &start * ratio(n, d);
        let x = match direction {
            Direction::Right => y.clone(),
            Direction::Left => -y.clone(),
        };
        assert_brackets(&bounds, family, &y, &x);
    }
}

#[track_caller]
fn check_end(family: &Family, upper_end: bool, start: Rational) {
    let bounds = ends::singular(family, upper_end, &start)
        .unwrap_or_else(|| panic!("no end envelope for {family}"));
    let end = if upper_end { integer(1) } else { integer(0) };
    for (n, d) in SAMPLES {
        let y = &start * ratio(n, d);
        let distance = y.recip();
        let x = if upper_end {
            &end - distance
        } else {
            &end + distance
        };
        assert_brackets(&bounds, family, &y, &x);
    }
}

#[test]
fn infinite_tails_bracket_the_log_densities() {
    use FamilyKind::*;
    let r = |n: i64, d: i64| ratio(n, d);
    let cases: Vec<(FamilyKind, Vec<Rational>)> = vec![
        (Normal, vec![r(3, 2), r(1, 3)]),
        (Laplace, vec![r(-1, 1), r(2, 1)]),
        (Cauchy, vec![r(2, 1), r(1, 2)]),
        (StudentT, vec![r(3, 1), r(-1, 2), r(2, 1)]),
        (Logistic, vec![r(1, 1), r(3, 2)]),
        (Gumbel, vec![r(1, 2), r(2, 1)]),
        (Moyal, vec![r(-1, 1), r(1, 2)]),
    ];
    for (kind, params) in cases {
        let member = family(kind, &params);
        check_infinite(&member, Direction::Right, integer(8));
        check_infinite(&member, Direction::Left, integer(8));
    }
    let right_only: Vec<(FamilyKind, Vec<Rational>)> = vec![
        (Exponential, vec![r(3, 2)]),
        (Gamma, vec![r(1, 3), r(2, 1)]),
        (ChiSquared, vec![r(5, 1)]),
        (InverseGamma, vec![r(3, 1), r(2, 1)]),
        (LogNormal, vec![r(1, 2), r(2, 1)]),
        (Weibull, vec![r(3, 2), r(2, 1)]),
        (Pareto, vec![r(1, 1), r(5, 2)]),
        (HalfNormal, vec![r(2, 1)]),
        (Rayleigh, vec![r(3, 2)]),
        (Chi, vec![r(3, 1)]),
        (HalfCauchy, vec![r(2, 1)]),
        (Lindley, vec![r(1, 2)]),
    ];
    for (kind, params) in right_only {
        let member = family(kind, &params);
        check_infinite(&member, Direction::Right, integer(12));
    }
}

#[test]
fn singular_ends_bracket_the_log_densities() {
    use FamilyKind::*;
    let r = |n: i64, d: i64| ratio(n, d);
    let lower: Vec<(FamilyKind, Vec<Rational>)> = vec![
        (Gamma, vec![r(1, 2), r(3, 1)]),
        (ChiSquared, vec![r(1, 1)]),
        (Weibull, vec![r(1, 2), r(2, 1)]),
        (Chi, vec![r(5, 2)]),
        (InverseGamma, vec![r(2, 1), r(1, 2)]),
        (LogNormal, vec![r(-1, 1), r(1, 2)]),
        (Rayleigh, vec![r(1, 2)]),
        (Beta, vec![r(1, 2), r(3, 2)]),
        (Kumaraswamy, vec![r(1, 2), r(3, 1)]),
        (LogitNormal, vec![r(1, 2), r(2, 1)]),
    ];
    for (kind, params) in lower {
        check_end(&family(kind, &params), false, integer(16));
    }
    let upper: Vec<(FamilyKind, Vec<Rational>)> = vec![
        (Beta, vec![r(2, 1), r(1, 3)]),
        (Kumaraswamy, vec![r(2, 1), r(1, 2)]),
        (LogitNormal, vec![r(-1, 2), r(1, 1)]),
    ];
    for (kind, params) in upper {
        check_end(&family(kind, &params), true, integer(16));
    }
}

#[test]
fn regular_ends_are_not_singular() {
    use FamilyKind::*;
    assert!(!ends::is_singular(
        &family(Exponential, &[integer(1)]),
        false
    ));
    assert!(!ends::is_singular(
        &family(Gamma, &[integer(1), integer(2)]),
        false
    ));
    assert!(ends::is_singular(
        &family(Gamma, &[ratio(1, 2), integer(2)]),
        false
    ));
    assert!(!ends::is_singular(
        &family(Beta, &[integer(1), integer(2)]),
        false
    ));
    assert!(ends::is_singular(
        &family(Beta, &[integer(1), integer(2)]),
        true
    ));
}

/// A mixture's upper envelope must hold the sum of its components: with two comparable halves, the larger
/// half alone is below the mixture by up to log 2 (the envelope once took the maximum only).
#[test]
fn a_mixture_envelope_holds_two_comparable_components() {
    use crate::compute::numeric::density::{tail_bounds, Density, TailEnd};
    use crate::family::{Component as Part, Distribution};
    let halves = [ratio(0, 1), ratio(1, 10)].map(|location| Part {
        weight: Expr::Number(ratio(1, 2)),
        family: family(FamilyKind::Cauchy, &[location, integer(1)]),
    });
    let mixture = Distribution::Mixture(halves.to_vec());
    let density = Density::new(&mixture).unwrap();
    let components: Vec<_> = density.components.iter().collect();
    let start = integer(10);
    let bounds = tail_bounds(&components, &TailEnd::Infinite(Direction::Right), &start).unwrap();
    for (n, d) in SAMPLES {
        let y = &start * ratio(n, d);
        let point = Interval::from_rational(&y, 128).unwrap();
        let upper = bounds.upper.at(&point).unwrap();
        // log(½c₀ + ½c₁) at y, from the components' log-densities.
        let value = halves
            .iter()
            .map(|half| log_density(&half.family, &y))
            .map(|log| crate::numeric::functions::exp(&log).unwrap())
            .reduce(|a, b| a.add(&b).unwrap())
            .unwrap();
        let value = crate::numeric::functions::log(
            &value
                .mul(&Interval::from_rational(&ratio(1, 2), 128).unwrap())
                .unwrap(),
        )
        .unwrap();
        assert!(
            upper.upper >= value.upper,
            "y = {y}: envelope {upper:?} below log p = {value:?}"
        );
    }
}

/// Near a finite end where a weighted component is regular, its envelopes hold log w + log p once: its range
/// was taken from a program that already held the weight, and the weight was added again (an upper envelope
/// too low by log 2 for a half, which could cut a tail too soon).
#[test]
fn a_weighted_regular_component_counts_its_weight_once() {
    use crate::compute::numeric::density::{tail_bounds, Density, Point, TailEnd};
    use crate::family::{Component as Part, Distribution};
    let parts = [
        Part {
            weight: Expr::Number(ratio(1, 2)),
            family: family(FamilyKind::Normal, &[ratio(1, 2), integer(2)]),
        },
        Part {
            weight: Expr::Number(ratio(1, 2)),
            family: family(FamilyKind::Exponential, &[integer(1)]),
        },
    ];
    let density = Density::new(&Distribution::Mixture(parts.to_vec())).unwrap();
    let normal = &density.components[0];
    let end = TailEnd::Finite {
        at: Point::new(Expr::int(0)).unwrap(),
        from_above: true,
    };
    for (n, d) in SAMPLES {
        let y = integer(2) * ratio(n, d);
        let bounds = tail_bounds(&[normal], &end, &y).unwrap();
        let x = y.recip();
        // log(½ p(x)) and log(½ p(0)), both within the range beyond the cut.
        for point in [x, integer(0)] {
            let value = log_density(&parts[0].family, &point)
                .add(
                    &crate::numeric::functions::log(
                        &Interval::from_rational(&ratio(1, 2), 128).unwrap(),
                    )
                    .unwrap(),
                )
                .unwrap();
            let upper = bounds
                .upper
                .at(&Interval::from_rational(&y, 128).unwrap())
                .unwrap();
            let lower = bounds
                .lower
                .at(&Interval::from_rational(&y, 128).unwrap())
                .unwrap();
            assert!(
                upper.upper >= value.upper && lower.lower <= value.lower,
                "y = {y}, x = {point}: {lower:?} ≤ {value:?} ≤ {upper:?} fails"
            );
            // Tight: the range of log p over (0, 1/y] is no wider than its variation there.
            assert!(
                rug::Float::with_val(64, &upper.upper - &value.upper) < 1,
                "y = {y}: {upper:?} far above {value:?}"
            );
        }
    }
}
