//! The decompositions of log p against the families' log-densities.

use crate::family::FamilyKind::*;

use super::super::testing::{exact, member, value};
use super::exponent::{log_density, Exponent, Feature};

/// exp(Σ terms) at x, to check a decomposition against the log-density.
fn exponent_at(exponent: &Exponent, x: f64) -> f64 {
    let mut total = value(&exponent.constant);
    for term in &exponent.terms {
        let feature = match &term.feature {
            Feature::Identity => x,
            Feature::Square => x * x,
            Feature::Log => x.ln(),
            Feature::LogComplement => (1.0 - x).ln(),
            Feature::LogSquare => x.ln().powi(2),
            Feature::Reciprocal => 1.0 / x,
            Feature::Power(k) => x.powf(value(k)),
            Feature::ExpDecay(c) => (-value(c) * x).exp(),
            Feature::AbsoluteDeviation(m) => (x - value(m)).abs(),
            Feature::LogCauchy { center, scale } => {
                (1.0 + ((x - value(center)) / value(scale)).powi(2)).ln()
            }
            Feature::LogLogistic { center, scale } => {
                (1.0 + (-(x - value(center)) / value(scale)).exp()).ln()
            }
            Feature::LogFactorial => statrs::function::gamma::ln_gamma(x + 1.0),
            Feature::LogChoose(n) => {
                let n = value(n);
                statrs::function::factorial::ln_binomial(n as u64, x as u64)
            }
            Feature::LogRising(r) => statrs::function::gamma::ln_gamma(x + value(r)),
        };
        total += value(&term.coefficient) * feature;
    }
    total
}

#[test]
fn decompositions_are_the_log_densities() {
    use crate::family::FamilyKind;
    let members: &[(FamilyKind, &[f64], &[f64])] = &[
        (Normal, &[0.5, 2.0], &[-1.0, 0.3, 2.0]),
        (Laplace, &[0.5, 2.0], &[-1.0, 0.3, 2.0]),
        (Cauchy, &[0.5, 2.0], &[-1.0, 2.0]),
        (StudentT, &[3.0, 0.5, 2.0], &[-1.0, 2.0]),
        (Logistic, &[0.5, 2.0], &[-1.0, 2.0]),
        (Gumbel, &[0.5, 2.0], &[-1.0, 2.0]),
        (Moyal, &[0.5, 2.0], &[-1.0, 2.0]),
        (Exponential, &[1.5], &[0.3, 2.0]),
        (Gamma, &[2.5, 1.5], &[0.3, 2.0]),
        (ChiSquared, &[3.0], &[0.3, 2.0]),
        (InverseGamma, &[2.5, 1.5], &[0.3, 2.0]),
        (LogNormal, &[0.5, 2.0], &[0.3, 2.0]),
        (Weibull, &[1.5, 2.0], &[0.3, 2.0]),
        (Pareto, &[0.5, 2.0], &[0.7, 2.0]),
        (HalfNormal, &[2.0], &[0.3, 2.0]),
        (Rayleigh, &[1.5], &[0.3, 2.0]),
        (Chi, &[3.0], &[0.3, 2.0]),
        (HalfCauchy, &[1.5], &[0.3, 2.0]),
        (Uniform, &[-1.0, 3.0], &[0.3, 2.0]),
        (Beta, &[2.5, 0.5], &[0.3, 0.9]),
        (ContinuousBernoulli, &[0.3], &[0.3, 0.9]),
        (LogUniform, &[0.5, 3.0], &[0.7, 2.0]),
        (Bernoulli, &[0.3], &[0.0, 1.0]),
        (Binomial, &[5.0, 0.3], &[0.0, 2.0, 5.0]),
        (Poisson, &[2.5], &[0.0, 3.0]),
        (Geometric, &[0.3], &[0.0, 3.0]),
        (NegativeBinomial, &[2.5, 0.3], &[0.0, 3.0]),
    ];
    for &(kind, params, points) in members {
        let family = member(kind, params);
        let exponent = log_density(&family).expect("a decomposition");
        for &x in points {
            let expected = value(&family.log_density(&exact(x)).expect("univariate"));
            let ours = exponent_at(&exponent, x);
            assert!(
                (ours - expected).abs() < 1e-12,
                "{family} at {x}: {ours} vs {expected}"
            );
        }
    }
}
