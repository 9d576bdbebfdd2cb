//! Multivariate normal MVN(μ, Σ): mean vector and **covariance matrix** (symmetric positive definite).
//!
//! Keywords: `mean` (alias `mu`), a vector of length k; `cov` (alias `covariance`), a k×k matrix.

use super::checks::positive_definite;
use super::common::synonym;
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamError, ParamSpec, Support};

const MU: Alias = synonym("mu");
const COVARIANCE: Alias = synonym("covariance");

/// The multivariate normal family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::MultivariateNormal,
    display: "MVN",
    names: &["MVN"],
    params: &[
        ParamSpec::scalar("mean", "mean vector", Constraint::Real).vector().with_aliases(&[MU]),
        ParamSpec::scalar("cov", "covariance matrix", Constraint::Real).matrix().with_aliases(&[COVARIANCE]),
    ],
    check,
    support,
    log_density: None,
    summary: "MVN([mean…], [[cov…]…]): multivariate normal with mean vector μ and covariance matrix Σ ≻ 0.",
};

fn check(params: &[Param]) -> Result<(), ParamError> {
    let size = params[0].vector().len();
    positive_definite(params[1].matrix(), Some(size), "covariance matrix", 1)
}

fn support(params: &[Param]) -> Support {
    Support::Euclidean(params[0].vector().len())
}
