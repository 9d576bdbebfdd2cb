//! The numeric fallback's shared test helpers, and its tests of quadrature in general: public cases, heavy
//! tails, singular ends and narrow peaks, cancellation, divergence, agreement with closed forms. Total
//! variation, Rényi, series and mixtures have their own files beside this one.

use super::*;
use crate::divergence::{Divergence, DivergenceKind};
use crate::family::{build, spec, Argument, Component, Family, FamilyKind};
use crate::interrupt::Never;
use crate::numeric::{certify, Budget, Certified};

fn family(kind: FamilyKind, params: &[Expr]) -> Family {
    let arguments = params
        .iter()
        .map(|value| Argument::positional(Param::Scalar(value.clone())))
        .collect();
    build(spec(kind), arguments).unwrap()
}

pub(super) fn single(kind: FamilyKind, params: &[Expr]) -> Distribution {
    Distribution::Family(family(kind, params))
}

pub(super) fn n(mean: Expr, variance: Expr) -> Distribution {
    single(FamilyKind::Normal, &[mean, variance])
}

pub(super) fn t(df: i64) -> Distribution {
    single(FamilyKind::StudentT, &[int(df), int(0), int(1)])
}

pub(super) fn int(n: i64) -> Expr {
    Expr::int(n)
}

pub(super) fn ratio(n: i64, d: i64) -> Expr {
    Expr::ratio(n, d)
}

pub(super) fn mixture(parts: &[(Expr, Distribution)]) -> Distribution {
    Distribution::Mixture(
        parts
            .iter()
            .map(|(weight, distribution)| Component {
                weight: weight.clone(),
                family: distribution.as_family().unwrap().clone(),
            })
            .collect(),
    )
}

/// The fallback's value of `kind(P || Q)`, certified to `digits` digits.
fn certified(
    kind: DivergenceKind,
    order: Option<Expr>,
    p: &Distribution,
    q: Option<&Distribution>,
    digits: usize,
) -> Certified {
    let (quantity, _) = divergence(kind, order.as_ref(), p, q)
        .expect("the fallback applies")
        .expect("the fallback computes");
    let Quantity::Finite(expr) = quantity else {
        panic!("infinite: {quantity:?}")
    };
    certify(&expr, digits, Budget::default(), &Never).unwrap()
}

pub(super) fn value(
    kind: DivergenceKind,
    order: Option<Expr>,
    p: &Distribution,
    q: Option<&Distribution>,
    digits: usize,
) -> String {
    certified(kind, order, p, q, digits).decimal
}

/// Whether the certified value agrees with a reference string on its first `digits` digits (the reference
/// carries more digits, so compare by rounding the certified value from the same computation).
#[track_caller]
pub(super) fn assert_value(
    kind: DivergenceKind,
    order: Option<Expr>,
    p: &Distribution,
    q: Option<&Distribution>,
    expected: &str,
) {
    let significant = expected.trim_start_matches(['-', '0', '.']);
    let digits = significant.chars().filter(char::is_ascii_digit).count();
    assert_eq!(value(kind, order, p, q, digits), expected, "{kind:?}");
}

/// Asserts that the fallback finds `kind(P || Q)` infinite.
#[track_caller]
pub(super) fn assert_infinite(
    kind: DivergenceKind,
    order: Option<&Expr>,
    p: &Distribution,
    q: &Distribution,
) {
    let (quantity, _) = divergence(kind, order, p, Some(q))
        .expect("the fallback applies")
        .expect("the fallback computes");
    assert!(
        matches!(quantity, Quantity::Infinite { .. }),
        "{kind:?}: {quantity:?}"
    );
}

use DivergenceKind::*;

#[test]
fn public_quadrature_cases_to_50_digits() {
    let normal_01 = n(int(0), int(1));
    assert_value(
        KullbackLeibler,
        None,
        &t(10),
        Some(&normal_01),
        "0.022676040228991906392648796968257034618030204915914",
    );
    let shifted_t = single(FamilyKind::StudentT, &[int(4), int(1), ratio(1, 2)]);
    assert_value(
        KullbackLeibler,
        None,
        &shifted_t,
        Some(&n(int(1), ratio(1, 3))),
        "0.13101955255189684906298205257474352974497648896326",
    );
    let two_bumps = mixture(&[
        (ratio(3, 10), n(int(0), int(1))),
        (ratio(7, 10), n(int(2), int(1))),
    ]);
    assert_value(
        KullbackLeibler,
        None,
        &n(int(1), int(2)),
        Some(&two_bumps),
        "0.055513150000163963768698591526228434448626686833171",
    );
    let symmetric = mixture(&[
        (ratio(1, 2), n(int(-1), int(1))),
        (ratio(1, 2), n(int(1), int(1))),
    ]);
    assert_value(
        JensenShannon,
        None,
        &symmetric,
        Some(&n(int(0), int(2))),
        "0.0025451957156492443773308046311831334604966975511821",
    );
    assert_value(
        TotalVariation,
        None,
        &symmetric,
        Some(&normal_01),
        "0.20674369061523615867229002199068912263854890195397",
    );
    let near = mixture(&[
        (ratio(1, 2), n(int(0), int(1))),
        (ratio(1, 2), n(int(1), int(1))),
    ]);
    assert_value(
        Pearson,
        None,
        &near,
        Some(&n(ratio(1, 2), int(2))),
        "0.077165187325742772183932055570856276521950805863035",
    );
    let exponential = single(FamilyKind::Exponential, &[int(1)]);
    assert_value(
        JensenShannon,
        None,
        &exponential,
        Some(&normal_01),
        "0.22927276892321794305502803967876050385405641624488",
    );
    // sqrt(JS(N(0,1) || N(1,1))): the leaf inside an expression.
    let (quantity, _) = divergence(JensenShannon, None, &normal_01, Some(&n(int(1), int(1))))
        .unwrap()
        .unwrap();
    let root = crate::sym::sqrt(quantity.finite().unwrap().clone());
    assert_eq!(
        certify(&root, 50, Budget::default(), &Never)
            .unwrap()
            .decimal,
        "0.33379856528262097926838330520525200318766098872382"
    );
}

#[test]
fn mixture_against_a_normal_to_50_digits_with_a_bound_below_1e_50() {
    let p = mixture(&[
        (ratio(3, 10), n(int(-1), ratio(1, 2))),
        (ratio(7, 10), n(int(2), int(1))),
    ]);
    let result = certified(KullbackLeibler, None, &p, Some(&n(int(0), int(2))), 50);
    assert_eq!(
        result.decimal,
        "0.42481951744402987622345069541596015158537954496478"
    );
    let bound: f64 = result.error_bound.unwrap().parse().unwrap();
    assert!(bound < 1e-50, "{bound}");
}

#[test]
fn every_divergence_of_student_t_and_normal() {
    let (p, q) = (t(3), n(int(0), int(1)));
    assert_value(
        KullbackLeibler,
        None,
        &p,
        Some(&q),
        "0.64546096134138179368758340221676637166",
    );
    assert_value(
        TotalVariation,
        None,
        &p,
        Some(&q),
        "0.098593524404405358295024338481370222180",
    );
    assert_value(
        Hellinger,
        None,
        &p,
        Some(&q),
        "0.16308973453587318151292525644848319097",
    );
    assert_value(
        Bhattacharyya,
        None,
        &p,
        Some(&q),
        "0.026958395587852006980744135792543627981",
    );
    assert_value(
        JensenShannon,
        None,
        &p,
        Some(&q),
        "0.021969319681122359478641576736392370206",
    );
    assert_value(
        Renyi,
        Some(int(2)),
        &q,
        Some(&p),
        "0.083683420407080083954697189255686766786",
    );
    assert_value(
        CrossEntropy,
        None,
        &q,
        Some(&p),
        "1.4880901316898489682325552006444092762",
    );
    assert_value(
        Pearson,
        None,
        &q,
        Some(&p),
        "0.087284627193144019009523601444843914502",
    );
    let bimodal = mixture(&[
        (ratio(1, 2), n(int(-1), int(1))),
        (ratio(1, 2), n(int(1), int(1))),
    ]);
    assert_value(
        Entropy,
        None,
        &bimodal,
        None,
        "1.7557693535515043537851345363885104465",
    );
}

#[test]
fn heavy_tails_singular_ends_and_narrow_peaks() {
    let cauchy = single(FamilyKind::Cauchy, &[int(0), int(1)]);
    assert_value(
        KullbackLeibler,
        None,
        &cauchy,
        Some(&t(3)),
        "0.29285018028752357073999271777397",
    );
    let laplace = single(FamilyKind::Laplace, &[int(0), int(1)]);
    assert_value(
        KullbackLeibler,
        None,
        &laplace,
        Some(&n(int(0), int(1))),
        "0.22579135264472743236309761494744107",
    );
    let gamma = single(FamilyKind::Gamma, &[ratio(1, 2), int(1)]);
    let exponential = single(FamilyKind::Exponential, &[int(1)]);
    assert_value(
        KullbackLeibler,
        None,
        &gamma,
        Some(&exponential),
        "0.40939007008601165264877449082284843",
    );
    let arcsine = single(FamilyKind::Beta, &[ratio(1, 2), ratio(1, 2)]);
    let uniform = single(FamilyKind::Uniform, &[int(0), int(1)]);
    assert_value(
        KullbackLeibler,
        None,
        &arcsine,
        Some(&uniform),
        "0.24156447527049044469103689156329442",
    );
    // Bhattacharyya between Paretos: −log ∫ √(pq) = −log(2√6/5) exactly.
    let pareto3 = single(FamilyKind::Pareto, &[int(1), int(3)]);
    let pareto2 = single(FamilyKind::Pareto, &[int(1), int(2)]);
    assert_value(
        Bhattacharyya,
        None,
        &pareto3,
        Some(&pareto2),
        "0.020410997260127564777288532577660",
    );
    // A peak 10⁴ times narrower than the reference, against the closed form (v − 1 − log v)/2.
    let narrow = n(int(0), Expr::Number(crate::exact::ratio(1, 100_000_000)));
    assert_value(
        KullbackLeibler,
        None,
        &narrow,
        Some(&n(int(0), int(1))),
        "8.7103403769761827360719658187374568304",
    );
}

/// An end piece reaching t = eᵘ far below 2⁻⁶⁴ next to x = 1: bounds at 64 bits rounded 1 − t to 1, so
/// the Kumaraswamy factor 1 − x² enclosed 0 and every bound failed (JS stopped with "could not bound the
/// integrand", TV bisected its crossing search without end). References: mpmath, 30 digits.
#[test]
fn bounds_near_a_support_end_keep_the_distance_to_it() {
    let kumaraswamy = single(FamilyKind::Kumaraswamy, &[int(2), int(3)]);
    assert_value(
        JensenShannon,
        None,
        &n(int(0), int(1)),
        Some(&kumaraswamy),
        "0.34249167235664850435",
    );
    let gumbel = single(FamilyKind::Gumbel, &[ratio(1, 2), int(1)]);
    assert_value(
        TotalVariation,
        None,
        &gumbel,
        Some(&kumaraswamy),
        "0.68558856666141059656",
    );
}

/// A mixture with a Beta(1/2, 1/3) part, whose (1 − x)^(−2/3) makes the cut near x = 1 fall at t ≈ 2⁻²²⁰:
/// the points x = 1 − t there need more bits than the working precision, or 1 − x² rounds to 0 and the
/// logarithm fails. Reference: mpmath with x = 1 − s³ written out (its plain quad loses digits here).
#[test]
fn points_near_a_singular_end_keep_the_distance_to_it() {
    let beta = single(FamilyKind::Beta, &[ratio(1, 2), ratio(1, 3)]);
    let kumaraswamy = single(FamilyKind::Kumaraswamy, &[int(2), int(3)]);
    let p = mixture(&[(ratio(1, 3), beta), (ratio(2, 3), kumaraswamy)]);
    let cauchy = single(FamilyKind::Cauchy, &[int(-2), int(3)]);
    assert_value(
        JensenShannon,
        None,
        &p,
        Some(&cauchy),
        "0.576238853942246070763628485898",
    );
}

/// A logistic far in the left tail of a Cauchy: written with e^{−z}, its log-density's complex enclosures
/// held e^{10⁴} and covered the plane (JS timed out). Reference: mpmath, 25 digits.
#[test]
fn logistic_far_in_a_heavy_tail() {
    let cauchy = single(FamilyKind::Cauchy, &[int(0), int(1)]);
    let logistic = single(FamilyKind::Logistic, &[ratio(1, 2), int(1)]);
    assert_value(
        JensenShannon,
        None,
        &cauchy,
        Some(&logistic),
        "0.052251337065817281322",
    );
}

/// Pearson of a standard logistic against a Cauchy: the logistic's tail remainder, e^{−y} at the cuts'
/// y ≈ 2⁴⁰, went into an envelope's constant exactly (0 − e^{−2⁴⁰}, a rational with a denominator of 10¹²
/// digits) and the query never ended. Reference: mpmath, 30 digits.
#[test]
fn a_logistic_tail_far_out_keeps_its_envelopes_small() {
    let logistic = single(FamilyKind::Logistic, &[int(0), int(1)]);
    let cauchy = single(FamilyKind::Cauchy, &[int(1), int(2)]);
    assert_value(
        Pearson,
        None,
        &logistic,
        Some(&cauchy),
        "0.64668362673910998116",
    );
}

/// JS where one density decays as e^{−e^{|z|}} far out in the other's heavy tail: JS's bound for dropping
/// the whole density, or a component where only one density is present, keeps the complex boxes off the
/// super-exponential e^{−z} (each query reached the 120 s time limit in sweeps). References: mpmath, 30
/// digits with the line split every quarter unit (a coarser split gave 0.35930335055459727282).
#[test]
fn jensen_shannon_drops_super_exponential_densities_far_out() {
    let gumbel = single(FamilyKind::Gumbel, &[ratio(1, 2), int(1)]);
    let cauchy = |location: Expr, scale: i64| single(FamilyKind::Cauchy, &[location, int(scale)]);
    assert_value(
        JensenShannon,
        None,
        &gumbel,
        Some(&cauchy(int(-2), 3)),
        "0.35930335055459727417",
    );
    let moyal = |location: i64, scale: i64| single(FamilyKind::Moyal, &[int(location), int(scale)]);
    let moyal_and_normal = mixture(&[
        (ratio(1, 3), n(int(-1), ratio(1, 3))),
        (
            ratio(2, 3),
            single(FamilyKind::Moyal, &[ratio(1, 2), int(1)]),
        ),
    ]);
    assert_value(
        JensenShannon,
        None,
        &cauchy(ratio(1, 2), 1),
        Some(&moyal_and_normal),
        "0.080754007034234935912",
    );
    let moyal_and_cauchy = mixture(&[
        (ratio(1, 2), moyal(-1, 2)),
        (ratio(1, 2), cauchy(ratio(1, 2), 1)),
    ]);
    let log_uniform = single(FamilyKind::LogUniform, &[ratio(1, 4), ratio(3, 4)]);
    assert_value(
        JensenShannon,
        None,
        &moyal_and_cauchy,
        Some(&log_uniform),
        "0.52190392058902082645",
    );
}

#[test]
fn nearly_equal_distributions_cancel_without_losing_digits() {
    // KL(N(0,1) || N(10⁻¹⁰, 1)) = 10⁻²⁰/2 exactly.
    let tiny = Expr::Number(crate::exact::ratio(1, 10_000_000_000));
    let result = value(
        KullbackLeibler,
        None,
        &n(int(0), int(1)),
        Some(&n(tiny, int(1))),
        20,
    );
    assert_eq!(result, "5.0000000000000000000e-21");
}

#[test]
fn divergent_integrals_are_infinite() {
    let cauchy = single(FamilyKind::Cauchy, &[int(0), int(1)]);
    for (kind, order, p, q) in [
        (KullbackLeibler, None, &cauchy, n(int(0), int(1))),
        (Pearson, None, &t(3), n(int(0), int(1))),
        (Renyi, Some(int(3)), &t(3), n(int(0), int(1))),
        (CrossEntropy, None, &cauchy, n(int(0), int(1))),
    ] {
        assert_infinite(kind, order.as_ref(), p, &q);
    }
}

#[test]
fn the_fallback_agrees_with_closed_forms() {
    let cases = [
        (KullbackLeibler, n(int(1), int(2)), n(int(0), int(3))),
        (
            KullbackLeibler,
            single(FamilyKind::Gamma, &[int(3), int(2)]),
            single(FamilyKind::Gamma, &[ratio(3, 2), int(1)]),
        ),
        (
            Hellinger,
            single(FamilyKind::Exponential, &[int(1)]),
            single(FamilyKind::Exponential, &[int(3)]),
        ),
    ];
    for (kind, p, q) in cases {
        let exact = crate::compute::compute(&Divergence::new(kind), &p, Some(&q)).unwrap();
        assert!(!exact.rule.contains("quadrature"), "{}", exact.rule);
        let Quantity::Finite(exact) = exact.quantity else {
            panic!()
        };
        let closed = certify(&exact, 40, Budget::default(), &Never)
            .unwrap()
            .decimal;
        assert_eq!(value(kind, None, &p, Some(&q), 40), closed, "{kind:?}");
    }
}

#[test]
fn compute_falls_back_and_refuses_multivariate_pairs() {
    // KL(T(3) ‖ N(0, 1)) has a closed form; KL(T(3) ‖ Cauchy(0, 1)) has none.
    let cauchy = Distribution::Family(Family {
        kind: FamilyKind::Cauchy,
        params: vec![Param::Scalar(int(0)), Param::Scalar(int(1))],
    });
    let computed =
        crate::compute::compute(&Divergence::new(KullbackLeibler), &t(3), Some(&cauchy)).unwrap();
    assert!(computed.rule.contains("quadrature"), "{}", computed.rule);
    let mvn = |shift: i64| Family {
        kind: FamilyKind::MultivariateNormal,
        params: vec![
            Param::Vector(vec![int(shift), int(0)]),
            Param::Matrix(vec![vec![int(1), int(0)], vec![int(0), int(1)]]),
        ],
    };
    let p = Distribution::Family(mvn(0));
    let q = Distribution::Mixture(vec![
        Component {
            weight: ratio(1, 2),
            family: mvn(0),
        },
        Component {
            weight: ratio(1, 2),
            family: mvn(1),
        },
    ]);
    let error =
        crate::compute::compute(&Divergence::new(KullbackLeibler), &p, Some(&q)).unwrap_err();
    assert_eq!(
        error.to_string().split(';').next().unwrap(),
        "no closed form for KL(MVN || Mixture)"
    );
    assert!(error
        .to_string()
        .contains("multivariate quadrature is not supported"));
}
