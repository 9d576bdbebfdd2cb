//! Every (P, Q) cell the table produces, at one or more parameter sets, against the definition: KL(P‖Q) =
//! ∫ p log(p/q) and H(P, Q) = −∫ p log q by quadrature (sums for mass functions). Sources on ℝ and (0, ∞)
//! here; bounded and discrete sources in `tests_extra`.

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind::{self, *};
use crate::rules::Verdict;

use super::testing::{by_definition, closed_kl, entropy_for_tests, member, value};
use super::{cross_entropy, RULES};

/// What the product must give for a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Expect {
    /// A closed form equal to the definition.
    Finite,
    /// +∞.
    Infinite,
    /// No closed form: the rule steps aside for the numeric fallback.
    Open,
}

use Expect::{Finite as F, Infinite as I, Open as O};

/// (P, its parameters, Q, its parameters, expected outcome).
pub(super) type Case = (
    FamilyKind,
    &'static [f64],
    FamilyKind,
    &'static [f64],
    Expect,
);

/// Relative tolerance against the f64 quadrature (whose own error is about 1e-14 on these cases).
const TOLERANCE: f64 = 1e-11;

/// Checks one case; the error says what differs.
pub(super) fn check(case: &Case) -> Result<(), String> {
    let (p_kind, p_params, q_kind, q_params, expect) = *case;
    let (p, q) = (member(p_kind, p_params), member(q_kind, q_params));
    let name = format!("{p} || {q}");
    let cross = cross_entropy(&p, &q);
    let kl = closed_kl(&p, &q);
    match expect {
        Expect::Infinite => match (&cross, &kl) {
            (Err(Verdict::Infinite(_)), Err(Verdict::Infinite(_))) => Ok(()),
            _ => Err(format!("{name}: expected inf, got {cross:?} and {kl:?}")),
        },
        Expect::Open => match cross {
            Err(Verdict::NotApplicable(_)) => Ok(()),
            other => Err(format!("{name}: expected no closed form, got {other:?}")),
        },
        Expect::Finite => {
            let [kl_reference, cross_reference] = by_definition(&p, &q);
            let close =
                |ours: f64, theirs: f64| (ours - theirs).abs() <= TOLERANCE * theirs.abs().max(1.0);
            let cross = cross.map_err(|verdict| format!("{name}: H(P, Q) gave {verdict:?}"))?;
            let cross = value(&cross);
            if !close(cross, cross_reference) {
                return Err(format!(
                    "{name}: H(P, Q) {cross} vs quadrature {cross_reference}"
                ));
            }
            match kl {
                Ok(kl) if close(value(&kl), kl_reference) => Ok(()),
                Ok(kl) => Err(format!(
                    "{name}: KL {} vs quadrature {kl_reference}",
                    value(&kl)
                )),
                // Only a missing entropy may keep the KL open.
                Err(Verdict::NotApplicable(_)) if entropy_for_tests(&p).is_none() => Ok(()),
                Err(verdict) => Err(format!("{name}: KL gave {verdict:?}")),
            }
        }
    }
}

/// Runs every case of a group, reporting all failures at once.
#[track_caller]
pub(super) fn check_all(cases: &[Case]) {
    let failures: Vec<String> = cases.iter().filter_map(|case| check(case).err()).collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

pub(super) const LINE: &[Case] = &[
    (Normal, &[0.5, 2.0], Laplace, &[-0.3, 1.5], F),
    (Normal, &[0.5, 2.0], Gumbel, &[0.2, 1.5], F),
    (Laplace, &[0.5, 0.8], Normal, &[-1.0, 2.0], F),
    (Laplace, &[0.5, 0.8], Gumbel, &[0.2, 1.5], F),
    (Laplace, &[0.5, 2.0], Gumbel, &[0.0, 1.5], I),
    (Cauchy, &[0.0, 1.0], Normal, &[0.5, 1.0], I),
    (Cauchy, &[0.0, 1.0], Laplace, &[0.0, 1.0], I),
    (Cauchy, &[0.0, 1.0], Gumbel, &[0.0, 1.0], I),
    (Cauchy, &[0.0, 1.0], Logistic, &[0.0, 1.0], I),
    (Cauchy, &[0.5, 1.5], StudentT, &[3.0, -0.5, 2.0], F),
    (StudentT, &[5.0, 0.5, 1.5], Normal, &[0.0, 2.0], F),
    (StudentT, &[2.0, 0.0, 1.0], Normal, &[0.0, 1.0], I),
    (StudentT, &[3.0, 0.5, 1.5], Laplace, &[0.5, 2.0], F),
    (StudentT, &[3.0, 0.5, 1.5], Laplace, &[0.0, 2.0], O),
    (StudentT, &[1.0, 0.0, 1.0], Laplace, &[0.0, 2.0], I),
    (StudentT, &[1.0, 0.5, 1.5], Cauchy, &[-0.5, 2.0], F),
    (StudentT, &[3.0, 0.5, 1.5], Cauchy, &[-0.5, 2.0], O),
    (StudentT, &[4.0, 0.0, 1.0], Gumbel, &[0.0, 1.0], I),
    (StudentT, &[1.0, 0.0, 1.0], Logistic, &[0.0, 1.0], I),
    (StudentT, &[3.0, 0.0, 1.0], Logistic, &[0.0, 1.0], O),
    (Logistic, &[0.5, 0.8], Normal, &[-1.0, 2.0], F),
    (Logistic, &[0.5, 0.8], Laplace, &[-0.3, 1.5], F),
    (Logistic, &[0.5, 0.8], Gumbel, &[0.2, 1.5], F),
    (Logistic, &[0.0, 2.0], Gumbel, &[0.0, 1.5], I),
    (Gumbel, &[0.5, 0.8], Normal, &[-1.0, 2.0], F),
    (Gumbel, &[0.5, 0.8], Laplace, &[-0.3, 1.5], F),
    (Moyal, &[0.5, 0.8], Normal, &[-1.0, 2.0], F),
    (Moyal, &[0.5, 0.8], Gumbel, &[0.2, 1.5], F),
];

/// Sources on (0, ∞) against the targets on (0, ∞) and ℝ.
pub(super) const HALF_LINE: &[Case] = &[
    (Exponential, &[1.5], Normal, &[0.5, 2.0], F),
    (Exponential, &[1.5], Gamma, &[2.5, 0.7], F),
    (Exponential, &[1.5], ChiSquared, &[3.0], F),
    (Exponential, &[1.5], InverseGamma, &[2.0, 1.0], I),
    (Exponential, &[1.5], Laplace, &[0.7, 1.5], F),
    (Exponential, &[1.5], Laplace, &[-0.7, 1.5], F),
    (Exponential, &[1.5], LogNormal, &[0.2, 1.5], F),
    (Exponential, &[1.5], Weibull, &[1.5, 2.0], F),
    (Exponential, &[1.5], Gumbel, &[0.2, 1.5], F),
    (Exponential, &[1.5], HalfNormal, &[2.0], F),
    (Exponential, &[1.5], Rayleigh, &[1.5], F),
    (Gamma, &[2.5, 1.5], Normal, &[0.5, 2.0], F),
    (Gamma, &[2.5, 1.5], Exponential, &[0.7], F),
    (Gamma, &[0.5, 1.5], Exponential, &[0.7], F),
    (Gamma, &[2.5, 1.5], ChiSquared, &[3.0], F),
    (Gamma, &[2.5, 1.5], InverseGamma, &[2.0, 1.0], F),
    (Gamma, &[0.8, 1.0], InverseGamma, &[2.0, 1.0], I),
    (Gamma, &[2.5, 1.5], Laplace, &[0.7, 1.5], F),
    (Gamma, &[3.0, 1.5], Laplace, &[1.7, 1.5], F),
    (Gamma, &[2.3, 1.0], Laplace, &[0.7, 1.0], O),
    (Gamma, &[2.5, 1.5], LogNormal, &[0.2, 1.5], F),
    (Gamma, &[2.5, 1.5], Weibull, &[1.5, 2.0], F),
    (Gamma, &[2.5, 1.5], Gumbel, &[0.2, 1.5], F),
    (Gamma, &[2.5, 1.5], HalfNormal, &[2.0], F),
    (Gamma, &[2.5, 1.5], Rayleigh, &[1.5], F),
    (ChiSquared, &[3.0], Normal, &[0.5, 2.0], F),
    (ChiSquared, &[3.0], Exponential, &[0.7], F),
    (ChiSquared, &[3.0], Gamma, &[2.5, 0.7], F),
    (ChiSquared, &[3.0], InverseGamma, &[2.0, 1.0], F),
    (ChiSquared, &[2.0], InverseGamma, &[2.0, 1.0], I),
    (ChiSquared, &[3.0], Laplace, &[0.7, 1.5], F),
    (ChiSquared, &[3.0], LogNormal, &[0.2, 1.5], F),
    (ChiSquared, &[3.0], Weibull, &[1.5, 2.0], F),
    (ChiSquared, &[3.0], Gumbel, &[0.2, 1.5], F),
    (ChiSquared, &[3.0], HalfNormal, &[2.0], F),
    (ChiSquared, &[3.0], Rayleigh, &[1.5], F),
    (InverseGamma, &[3.5, 2.0], Normal, &[0.5, 2.0], F),
    (InverseGamma, &[1.5, 1.0], Normal, &[0.5, 2.0], I),
    (InverseGamma, &[3.5, 2.0], Exponential, &[0.7], F),
    (InverseGamma, &[0.8, 2.0], Exponential, &[0.7], I),
    (InverseGamma, &[3.5, 2.0], Gamma, &[2.5, 0.7], F),
    (InverseGamma, &[3.5, 2.0], ChiSquared, &[3.0], F),
    (InverseGamma, &[3.5, 2.0], Laplace, &[0.7, 1.5], F),
    (InverseGamma, &[3.0, 2.0], Laplace, &[0.7, 1.5], F),
    (InverseGamma, &[3.5, 2.0], LogNormal, &[0.2, 1.5], F),
    (InverseGamma, &[3.5, 2.0], Weibull, &[1.5, 2.0], F),
    (InverseGamma, &[1.2, 2.0], Weibull, &[1.5, 2.0], I),
    (InverseGamma, &[3.5, 2.0], Gumbel, &[0.2, 1.5], F),
    (InverseGamma, &[3.0, 2.0], Gumbel, &[0.2, 1.5], O),
    (InverseGamma, &[3.5, 2.0], HalfNormal, &[2.0], F),
    (InverseGamma, &[3.5, 2.0], Rayleigh, &[1.5], F),
    (InverseGamma, &[0.8, 1.0], Logistic, &[0.0, 1.0], I),
    (InverseGamma, &[3.5, 2.0], Logistic, &[0.0, 1.0], O),
    (LogNormal, &[0.2, 0.5], Normal, &[0.5, 2.0], F),
    (LogNormal, &[0.2, 0.5], Exponential, &[0.7], F),
    (LogNormal, &[0.2, 0.5], Gamma, &[2.5, 0.7], F),
    (LogNormal, &[0.2, 0.5], ChiSquared, &[3.0], F),
    (LogNormal, &[0.2, 0.5], InverseGamma, &[2.0, 1.0], F),
    (LogNormal, &[0.2, 0.5], Laplace, &[0.7, 1.5], F),
    (LogNormal, &[0.2, 0.5], Weibull, &[1.5, 2.0], F),
    (LogNormal, &[0.2, 0.5], HalfNormal, &[2.0], F),
    (LogNormal, &[0.2, 0.5], Rayleigh, &[1.5], F),
    (Weibull, &[1.5, 2.0], Normal, &[0.5, 2.0], F),
    (Weibull, &[1.5, 2.0], Exponential, &[0.7], F),
    (Weibull, &[1.5, 2.0], Gamma, &[2.5, 0.7], F),
    (Weibull, &[1.5, 2.0], ChiSquared, &[3.0], F),
    (Weibull, &[1.5, 2.0], InverseGamma, &[2.0, 1.0], F),
    (Weibull, &[0.8, 2.0], InverseGamma, &[2.0, 1.0], I),
    (Weibull, &[2.0, 1.5], Laplace, &[0.7, 1.5], F),
    (Weibull, &[1.5, 2.0], Laplace, &[0.7, 1.5], O),
    (Weibull, &[1.5, 2.0], LogNormal, &[0.2, 1.5], F),
    (Weibull, &[1.0, 2.0], Gumbel, &[0.2, 1.5], F),
    (Weibull, &[1.5, 2.0], Gumbel, &[0.2, 1.5], O),
    (Weibull, &[1.5, 2.0], HalfNormal, &[2.0], F),
    (Weibull, &[1.5, 2.0], Rayleigh, &[1.5], F),
    (Pareto, &[1.5, 3.5], Normal, &[0.5, 2.0], F),
    (Pareto, &[1.0, 2.0], Normal, &[0.0, 1.0], I),
    (Pareto, &[1.5, 3.5], Exponential, &[0.7], F),
    (Pareto, &[1.5, 0.8], Exponential, &[0.7], I),
    (Pareto, &[1.5, 3.5], Gamma, &[2.5, 0.7], F),
    (Pareto, &[1.5, 3.5], ChiSquared, &[3.0], F),
    (Pareto, &[1.5, 3.5], InverseGamma, &[2.0, 1.0], F),
    (Pareto, &[1.5, 3.5], Laplace, &[2.0, 1.5], F),
    (Pareto, &[1.5, 3.5], Laplace, &[0.5, 1.5], F),
    (Pareto, &[1.5, 3.5], LogNormal, &[0.2, 1.5], F),
    (Pareto, &[1.5, 3.5], Weibull, &[1.5, 2.0], F),
    (Pareto, &[1.5, 1.2], Weibull, &[1.5, 2.0], I),
    (Pareto, &[1.5, 3.5], Gumbel, &[0.2, 1.5], O),
    (Pareto, &[1.5, 0.8], Gumbel, &[0.2, 1.5], I),
    (Pareto, &[1.5, 3.5], HalfNormal, &[2.0], F),
    (Pareto, &[1.5, 3.5], Rayleigh, &[1.5], F),
    (Pareto, &[1.5, 3.5], Logistic, &[0.0, 1.0], O),
    (Pareto, &[1.5, 0.8], Logistic, &[0.0, 1.0], I),
];

#[test]
fn sources_on_the_real_line() {
    check_all(LINE);
}

#[test]
fn exponential_gamma_and_chi_squared_sources() {
    check_all(&HALF_LINE[..36]);
}

#[test]
fn inverse_gamma_log_normal_weibull_and_pareto_sources() {
    check_all(&HALF_LINE[36..]);
}

/// Every pair of the table has at least one case here or in `tests_extra`, and every case names a pair of
/// the table.
#[test]
fn every_cell_of_the_table_is_tested() {
    let cases: Vec<&Case> = [LINE, HALF_LINE, super::tests_extra::MORE_HALF_LINE]
        .into_iter()
        .chain(super::tests_extra::BOUNDED_AND_DISCRETE)
        .flatten()
        .collect();
    let pairs: Vec<(FamilyKind, FamilyKind)> = RULES
        .iter()
        .filter(|rule| rule.divergence == DivergenceKind::KullbackLeibler && rule.p != PointMass)
        .filter_map(|rule| Some((rule.p, rule.q?)))
        .collect();
    let untested: Vec<_> = pairs
        .iter()
        .filter(|(p, q)| !cases.iter().any(|case| case.0 == *p && case.2 == *q))
        .collect();
    assert!(untested.is_empty(), "untested pairs: {untested:?}");
    let strays: Vec<_> = cases
        .iter()
        .filter(|case| !pairs.contains(&(case.0, case.2)))
        .map(|case| (case.0, case.2))
        .collect();
    assert!(strays.is_empty(), "cases without a rule: {strays:?}");
    assert_eq!(pairs.len(), 220);
}
