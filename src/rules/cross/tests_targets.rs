//! Table T2: each decomposition reassembles the target's −log q.

use crate::family::FamilyKind;
use crate::rules::Verdict;

use super::statistics::Statistic;
use super::targets::{decompose, Decomposition, TARGETS};
use super::testing::{member, value_at};
use crate::sym::Expr;

/// Evaluates c₀ + Σ cⱼ Tⱼ(x) directly, with the statistic evaluated at the point.
fn reassembled(decomposition: &Decomposition, x: f64) -> f64 {
    let point = |expr: &Expr| value_at(expr, x);
    let statistic = |t: &Statistic| match t {
        Statistic::Identity => x,
        Statistic::Square => x * x,
        Statistic::Log => x.ln(),
        Statistic::LogSquare => x.ln().powi(2),
        Statistic::Reciprocal => 1.0 / x,
        Statistic::LogComplement => (1.0 - x).ln(),
        Statistic::Power(t) => x.powf(point(t)),
        Statistic::ExpDecay(c) => (-point(c) * x).exp(),
        Statistic::AbsoluteDeviation(m) => (x - point(m)).abs(),
        Statistic::LogCauchy { center, scale } => {
            (1.0 + ((x - point(center)) / point(scale)).powi(2)).ln()
        }
        Statistic::LogLogistic { center, scale } => {
            (1.0 + (-(x - point(center)) / point(scale)).exp()).ln()
        }
        Statistic::LogFactorial => statrs::function::gamma::ln_gamma(x + 1.0),
        Statistic::LogChoose(n) => {
            let n = point(n);
            statrs::function::factorial::ln_binomial(n as u64, x as u64)
        }
    };
    point(&decomposition.constant)
        + decomposition
            .terms
            .iter()
            .map(|t| point(&t.coefficient) * statistic(&t.statistic))
            .sum::<f64>()
}

#[test]
fn every_target_reassembles_its_negative_log_density() {
    let cases: &[(FamilyKind, &[f64], &[f64])] = &[
        (FamilyKind::Normal, &[1.0, 2.0], &[-1.5, 0.3, 4.0]),
        (FamilyKind::Exponential, &[1.5], &[0.2, 3.0]),
        (FamilyKind::Gamma, &[2.5, 0.5], &[0.2, 3.0]),
        (FamilyKind::ChiSquared, &[3.0], &[0.2, 3.0]),
        (FamilyKind::InverseGamma, &[1.5, 2.0], &[0.2, 3.0]),
        (FamilyKind::Beta, &[0.5, 2.5], &[0.1, 0.8]),
        (FamilyKind::Laplace, &[0.5, 2.0], &[-1.0, 3.0]),
        (FamilyKind::Uniform, &[-1.0, 2.5], &[0.0, 2.0]),
        (FamilyKind::Cauchy, &[0.5, 2.0], &[-3.0, 1.0]),
        (FamilyKind::StudentT, &[3.5, 1.0, 0.5], &[-3.0, 1.0]),
        (FamilyKind::LogNormal, &[0.5, 2.0], &[0.1, 3.0]),
        (FamilyKind::Weibull, &[1.5, 2.0], &[0.1, 3.0]),
        (FamilyKind::Gumbel, &[0.5, 2.0], &[-2.0, 3.0]),
        (FamilyKind::Pareto, &[1.5, 2.5], &[1.6, 7.0]),
        (FamilyKind::HalfNormal, &[2.0], &[0.1, 3.0]),
        (FamilyKind::Rayleigh, &[1.5], &[0.1, 3.0]),
        (FamilyKind::Logistic, &[0.5, 2.0], &[-2.0, 3.0]),
        (FamilyKind::ContinuousBernoulli, &[0.3], &[0.1, 0.9]),
        (FamilyKind::Poisson, &[2.5], &[0.0, 4.0]),
        (FamilyKind::Geometric, &[0.25], &[0.0, 4.0]),
        (FamilyKind::Bernoulli, &[0.25], &[0.0, 1.0]),
        (FamilyKind::Binomial, &[6.0, 0.25], &[0.0, 2.0, 6.0]),
    ];
    for (kind, params, points) in cases {
        let q = member(*kind, params);
        let decomposition = decompose(&q).expect("a target");
        for &x in *points {
            let direct = -value_at(
                &q.log_density(&Expr::symbol("x", crate::sym::Domain::Real))
                    .unwrap(),
                x,
            );
            let ours = reassembled(&decomposition, x);
            assert!(
                (ours - direct).abs() < 1e-12 * direct.abs().max(1.0),
                "{q} at {x}: {ours} vs {direct}"
            );
        }
    }
    assert!(TARGETS
        .iter()
        .all(|&kind| cases.iter().any(|case| case.0 == kind)));
}

#[test]
fn degenerate_targets_step_aside() {
    assert!(matches!(
        decompose(&member(FamilyKind::Poisson, &[0.0])),
        Err(Verdict::NotApplicable(_))
    ));
    assert!(matches!(
        decompose(&member(FamilyKind::Geometric, &[1.0])),
        Err(Verdict::NotApplicable(_))
    ));
    assert!(matches!(
        decompose(&member(FamilyKind::Bernoulli, &[1.0])),
        Err(Verdict::NotApplicable(_))
    ));
}

/// The rule listing shows the product's formulas over symbolic parameters without failing.
#[test]
fn the_listing_shows_the_cross_family_rules() {
    let listing = crate::rules::listing(crate::session::Format::Plain);
    let line = listing
        .lines()
        .find(|line| line.starts_with("H(Exponential, Normal): "))
        .expect("listed");
    assert!(line.contains("rate1") && line.contains("var2"), "{line}");
    assert!(listing.contains("KL(PointMass || Poisson): "));
}
