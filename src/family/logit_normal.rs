//! Logit-normal LogitN(μ, σ²): mean and **variance of logit X**, density
//! exp(−(logit x − μ)²/(2σ²)) / (σ√(2π) x(1 − x)) on (0, 1).
//!
//! Keywords: `mean` (alias `mu`); `var` (alias `sd`: the standard deviation of logit X, squared).

use super::common::{no_check, normal_log_kernel, scalar, squared, synonym, unit_interval};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{log, Expr};

const MU: Alias = synonym("mu");
const SD: Alias = squared("sd");

/// The logit-normal family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::LogitNormal,
    display: "LogitNormal",
    names: &["LogitN", "LogitNormal"],
    params: &[
        ParamSpec::scalar("mean", "mean of the logit", Constraint::Real).with_aliases(&[MU]),
        ParamSpec::scalar("var", "variance of the logit", Constraint::Positive).with_aliases(&[SD]),
    ],
    check: no_check,
    support: unit_interval,
    log_density: Some(log_density),
    summary: "LogitN(mean, var): logit-normal distribution; log(X/(1−X)) is normal with mean μ and variance σ².",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (log_x, log_complement) = (log(x.clone()), log(1 - x.clone()));
    let logit = log_x.clone() - log_complement.clone();
    normal_log_kernel(logit - scalar(params, 0), scalar(params, 1)) - log_x - log_complement
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;

    #[test]
    fn density_integrates_to_one() {
        let total = total_probability(&member(&SPEC, &[0.5, 2.0]));
        assert!((total - 1.0).abs() < TOTAL_TOLERANCE, "total {total}");
    }
}
