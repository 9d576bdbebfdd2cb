//! The remaining cells: half-normal, Rayleigh and the extra sources on (0, ∞); bounded and discrete sources.

use crate::family::FamilyKind::*;

use super::testing::{by_definition, entropy_reference, member, value};
use super::tests::{check_all, Case, Expect};

use Expect::{Finite as F, Infinite as I, Open as O};

pub(super) const MORE_HALF_LINE: &[Case] = &[
    (HalfNormal, &[2.0], Normal, &[0.5, 2.0], F),
    (HalfNormal, &[2.0], Exponential, &[0.7], F),
    (HalfNormal, &[2.0], Gamma, &[2.5, 0.7], F),
    (HalfNormal, &[2.0], ChiSquared, &[3.0], F),
    (HalfNormal, &[2.0], InverseGamma, &[2.0, 1.0], I),
    (HalfNormal, &[2.0], Laplace, &[0.7, 1.5], F),
    (HalfNormal, &[2.0], LogNormal, &[0.2, 1.5], F),
    (HalfNormal, &[2.0], Weibull, &[1.5, 2.0], F),
    (HalfNormal, &[2.0], Gumbel, &[0.2, 1.5], F),
    (HalfNormal, &[2.0], Rayleigh, &[1.5], F),
    (Rayleigh, &[1.5], Normal, &[0.5, 2.0], F),
    (Rayleigh, &[1.5], Exponential, &[0.7], F),
    (Rayleigh, &[1.5], Gamma, &[2.5, 0.7], F),
    (Rayleigh, &[1.5], ChiSquared, &[3.0], F),
    (Rayleigh, &[1.5], InverseGamma, &[2.0, 1.0], F),
    (Rayleigh, &[1.5], Laplace, &[0.7, 1.5], F),
    (Rayleigh, &[1.5], LogNormal, &[0.2, 1.5], F),
    (Rayleigh, &[1.5], Weibull, &[1.5, 2.0], F),
    (Rayleigh, &[1.5], Gumbel, &[0.2, 1.5], F),
    (Rayleigh, &[1.5], HalfNormal, &[2.0], F),
    (Chi, &[3.0], Normal, &[0.5, 2.0], F),
    (Chi, &[3.0], Exponential, &[0.7], F),
    (Chi, &[3.0], Gamma, &[2.5, 0.7], F),
    (Chi, &[3.0], ChiSquared, &[3.0], F),
    (Chi, &[3.0], InverseGamma, &[2.0, 1.0], F),
    (Chi, &[2.0], Laplace, &[0.7, 1.5], F),
    (Chi, &[3.0], Laplace, &[0.7, 1.5], O),
    (Chi, &[3.0], LogNormal, &[0.2, 1.5], F),
    (Chi, &[3.0], Weibull, &[1.5, 2.0], F),
    (Chi, &[1.0], Gumbel, &[0.2, 1.5], F),
    (Chi, &[3.0], HalfNormal, &[2.0], F),
    (Chi, &[3.0], Rayleigh, &[1.5], F),
    (Lindley, &[1.5], Normal, &[0.5, 2.0], F),
    (Lindley, &[1.5], Exponential, &[0.7], F),
    (Lindley, &[1.5], Gamma, &[2.5, 0.7], F),
    (Lindley, &[1.5], ChiSquared, &[3.0], F),
    (Lindley, &[1.5], InverseGamma, &[2.0, 1.0], I),
    (Lindley, &[1.5], Laplace, &[0.7, 1.5], F),
    (Lindley, &[1.5], LogNormal, &[0.2, 1.5], F),
    (Lindley, &[1.5], Weibull, &[1.5, 2.0], F),
    (Lindley, &[1.5], Gumbel, &[0.2, 1.5], F),
    (Lindley, &[1.5], HalfNormal, &[2.0], F),
    (Lindley, &[1.5], Rayleigh, &[1.5], F),
    (HalfCauchy, &[1.5], Normal, &[0.5, 2.0], I),
    (HalfCauchy, &[1.5], Exponential, &[0.7], I),
    (HalfCauchy, &[1.5], Gamma, &[2.5, 0.7], I),
    (HalfCauchy, &[1.5], ChiSquared, &[3.0], I),
    (HalfCauchy, &[1.5], InverseGamma, &[2.0, 1.0], I),
    (HalfCauchy, &[1.5], Laplace, &[0.7, 1.5], I),
    (HalfCauchy, &[1.5], Cauchy, &[0.0, 2.0], F),
    (HalfCauchy, &[1.5], Cauchy, &[0.5, 2.0], O),
    (HalfCauchy, &[1.5], StudentT, &[3.0, 0.0, 2.0], F),
    (HalfCauchy, &[1.5], LogNormal, &[0.2, 1.5], F),
    (HalfCauchy, &[1.5], Weibull, &[0.5, 2.0], F),
    (HalfCauchy, &[1.5], Weibull, &[1.5, 2.0], I),
    (HalfCauchy, &[1.5], Gumbel, &[0.2, 1.5], I),
    (HalfCauchy, &[1.5], HalfNormal, &[2.0], I),
    (HalfCauchy, &[1.5], Rayleigh, &[1.5], I),
    (HalfCauchy, &[1.5], Logistic, &[0.0, 1.0], I),
];

const BOUNDED: &[Case] = &[
    (Uniform, &[0.5, 2.0], Normal, &[0.5, 2.0], F),
    (Uniform, &[0.5, 2.0], Exponential, &[0.7], F),
    (Uniform, &[0.0, 2.0], Gamma, &[2.5, 0.7], F),
    (Uniform, &[0.5, 2.0], ChiSquared, &[3.0], F),
    (Uniform, &[0.5, 2.0], InverseGamma, &[2.0, 1.0], F),
    (Uniform, &[0.0, 2.0], InverseGamma, &[2.0, 1.0], I),
    (Uniform, &[0.2, 0.9], Beta, &[2.5, 1.5], F),
    (Uniform, &[0.0, 1.0], Beta, &[2.5, 1.5], F),
    (Uniform, &[0.5, 2.0], Laplace, &[1.0, 1.5], F),
    (Uniform, &[0.5, 2.0], Laplace, &[-1.0, 1.5], F),
    (Uniform, &[0.5, 2.0], Cauchy, &[0.5, 1.5], F),
    (Uniform, &[0.5, 2.0], StudentT, &[3.0, 0.5, 1.5], F),
    (Uniform, &[0.5, 2.0], LogNormal, &[0.2, 1.5], F),
    (Uniform, &[0.0, 2.0], Weibull, &[1.5, 2.0], F),
    (Uniform, &[0.5, 2.0], Gumbel, &[0.2, 1.5], F),
    (Uniform, &[0.5, 2.0], Pareto, &[0.4, 2.5], F),
    (Uniform, &[0.5, 2.0], HalfNormal, &[2.0], F),
    (Uniform, &[0.0, 2.0], Rayleigh, &[1.5], F),
    (Uniform, &[0.2, 0.9], ContinuousBernoulli, &[0.3], F),
    (Beta, &[2.5, 1.5], Normal, &[0.5, 2.0], F),
    (Beta, &[2.5, 1.5], Exponential, &[0.7], F),
    (Beta, &[2.5, 1.5], Gamma, &[2.5, 0.7], F),
    (Beta, &[2.5, 1.5], ChiSquared, &[3.0], F),
    (Beta, &[2.5, 1.5], InverseGamma, &[2.0, 1.0], F),
    (Beta, &[0.8, 2.0], InverseGamma, &[2.0, 1.0], I),
    (Beta, &[2.0, 3.0], Laplace, &[0.4, 1.5], F),
    (Beta, &[2.5, 1.5], Laplace, &[0.4, 1.5], O),
    (Beta, &[2.5, 1.5], Laplace, &[-0.4, 1.5], F),
    (Beta, &[2.5, 1.5], Uniform, &[-0.5, 1.5], F),
    (Beta, &[2.5, 1.5], LogNormal, &[0.2, 1.5], F),
    (Beta, &[2.5, 1.5], Weibull, &[1.5, 2.0], F),
    (Beta, &[2.0, 3.0], Gumbel, &[0.2, 1.5], F),
    (Beta, &[2.5, 1.5], Gumbel, &[0.2, 1.5], O),
    (Beta, &[2.5, 1.5], HalfNormal, &[2.0], F),
    (Beta, &[2.5, 1.5], Rayleigh, &[1.5], F),
    (Beta, &[2.5, 1.5], ContinuousBernoulli, &[0.3], F),
    (Kumaraswamy, &[2.0, 3.0], Normal, &[0.5, 2.0], F),
    (Kumaraswamy, &[2.0, 3.0], Exponential, &[0.7], F),
    (Kumaraswamy, &[2.0, 3.0], Gamma, &[2.5, 0.7], F),
    (Kumaraswamy, &[2.0, 3.0], ChiSquared, &[3.0], F),
    (Kumaraswamy, &[2.0, 3.0], InverseGamma, &[2.0, 1.0], F),
    (Kumaraswamy, &[1.0, 3.0], Beta, &[2.0, 1.5], F),
    (Kumaraswamy, &[2.0, 3.0], Beta, &[2.0, 1.0], F),
    (Kumaraswamy, &[2.0, 3.0], Beta, &[2.0, 1.5], O),
    (Kumaraswamy, &[2.0, 3.0], Uniform, &[0.0, 1.0], F),
    (Kumaraswamy, &[2.0, 3.0], LogNormal, &[0.2, 1.5], F),
    (Kumaraswamy, &[2.0, 3.0], Weibull, &[1.5, 2.0], F),
    (Kumaraswamy, &[2.0, 3.0], HalfNormal, &[2.0], F),
    (Kumaraswamy, &[2.0, 3.0], Rayleigh, &[1.5], F),
    (Kumaraswamy, &[2.0, 3.0], ContinuousBernoulli, &[0.3], F),
    (ContinuousBernoulli, &[0.3], Normal, &[0.5, 2.0], F),
    (ContinuousBernoulli, &[0.5], Normal, &[0.5, 2.0], F),
    (ContinuousBernoulli, &[0.3], Exponential, &[0.7], F),
    (ContinuousBernoulli, &[0.3], Uniform, &[0.0, 1.0], F),
    (ContinuousBernoulli, &[0.3], Gumbel, &[0.2, 1.5], F),
    (ContinuousBernoulli, &[0.3], HalfNormal, &[2.0], F),
    (LogUniform, &[0.5, 2.0], Normal, &[0.5, 2.0], F),
    (LogUniform, &[0.5, 2.0], Exponential, &[0.7], F),
    (LogUniform, &[0.5, 2.0], Gamma, &[2.5, 0.7], F),
    (LogUniform, &[0.5, 2.0], ChiSquared, &[3.0], F),
    (LogUniform, &[0.5, 2.0], InverseGamma, &[2.0, 1.0], F),
    (LogUniform, &[0.5, 2.0], Laplace, &[1.0, 1.5], F),
    (LogUniform, &[0.5, 2.0], Uniform, &[0.4, 3.0], F),
    (LogUniform, &[0.5, 2.0], LogNormal, &[0.2, 1.5], F),
    (LogUniform, &[0.5, 2.0], Weibull, &[1.5, 2.0], F),
    (LogUniform, &[0.5, 2.0], Gumbel, &[0.2, 1.5], F),
    (LogUniform, &[0.5, 2.0], Pareto, &[0.4, 2.5], F),
    (LogUniform, &[0.5, 2.0], HalfNormal, &[2.0], F),
    (LogUniform, &[0.5, 2.0], Rayleigh, &[1.5], F),
    (LogUniform, &[0.2, 0.9], ContinuousBernoulli, &[0.3], F),
    (LogitNormal, &[0.2, 0.5], Uniform, &[0.0, 1.0], F),
    (VonMises, &[0.5, 2.0], Uniform, &[-4.0, 4.0], F),
];

const DISCRETE: &[Case] = &[
    (Bernoulli, &[0.3], Poisson, &[1.5], F),
    (Bernoulli, &[0.3], Geometric, &[0.4], F),
    (Bernoulli, &[0.3], Binomial, &[5.0, 0.4], F),
    (Binomial, &[6.0, 0.3], Geometric, &[0.4], F),
    (Binomial, &[1.0, 0.3], Bernoulli, &[0.4], F),
    (Poisson, &[2.5], Geometric, &[0.4], F),
    (NegativeBinomial, &[2.5, 0.4], Geometric, &[0.3], F),
    (Categorical, &[0.2, 0.5, 0.3], Geometric, &[0.4], F),
    (Categorical, &[1.0], Bernoulli, &[0.4], F),
];

pub(super) const BOUNDED_AND_DISCRETE: [&[Case]; 2] = [BOUNDED, DISCRETE];

#[test]
fn half_normal_rayleigh_and_extra_positive_sources() {
    check_all(MORE_HALF_LINE);
}

#[test]
fn bounded_sources() {
    check_all(BOUNDED);
}

#[test]
fn discrete_sources() {
    check_all(DISCRETE);
}

/// The entropy formulas the tests stand in with agree with −∫ p log p.
#[test]
fn reference_entropies_match_their_definition() {
    let members = [
        (Normal, &[0.5, 2.0][..]),
        (Exponential, &[1.5]),
        (Gamma, &[2.5, 1.5]),
        (ChiSquared, &[3.0]),
        (InverseGamma, &[3.5, 2.0]),
        (Beta, &[2.5, 1.5]),
        (Laplace, &[0.5, 0.8]),
        (Uniform, &[0.5, 2.0]),
        (Cauchy, &[0.5, 1.5]),
        (LogNormal, &[0.2, 0.5]),
        (Weibull, &[1.5, 2.0]),
        (Gumbel, &[0.5, 0.8]),
        (Pareto, &[1.5, 3.5]),
        (HalfNormal, &[2.0]),
        (StudentT, &[5.0, 0.5, 1.5]),
        (Logistic, &[0.5, 0.8]),
        (Rayleigh, &[1.5]),
        (Chi, &[3.0]),
        (Kumaraswamy, &[2.0, 3.0]),
        (ContinuousBernoulli, &[0.3]),
        (LogUniform, &[0.5, 2.0]),
        (Moyal, &[0.5, 0.8]),
        (HalfCauchy, &[1.5]),
        (VonMises, &[0.5, 2.0]),
        (Bernoulli, &[0.3]),
        (Geometric, &[0.4]),
        (Categorical, &[0.2, 0.5, 0.3]),
    ];
    for (kind, params) in members {
        let p = member(kind, params);
        let [_, entropy] = by_definition(&p, &p);
        let ours = value(&entropy_reference(&p).expect("a reference entropy"));
        assert!(
            (ours - entropy).abs() < 1e-9 * entropy.abs().max(1.0),
            "H({p}) = {ours}, quadrature {entropy}"
        );
    }
}
