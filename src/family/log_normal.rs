//! Log-normal LogN(μ, σ²): mean and **variance of log X**, density exp(−(log x − μ)²/(2σ²)) / (xσ√(2π)).
//!
//! Keywords: `mean` (alias `mu`); `var` (alias `sd`: the standard deviation of log X, squared).

use super::common::{half_line, no_check, normal_log_kernel, scalar, squared, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{log, Expr};

const MU: Alias = synonym("mu");
const SD: Alias = squared("sd");

/// The log-normal family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::LogNormal,
    display: "LogNormal",
    names: &["LogN", "LogNormal"],
    params: &[
        ParamSpec::scalar("mean", "mean of the log", Constraint::Real).with_aliases(&[MU]),
        ParamSpec::scalar("var", "variance of the log", Constraint::Positive).with_aliases(&[SD]),
    ],
    check: no_check,
    support: half_line,
    log_density: Some(log_density),
    summary:
        "LogN(mean, var): log-normal distribution; log X is normal with mean μ and variance σ².",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let log_x = log(x.clone());
    normal_log_kernel(log_x.clone() - scalar(params, 0), scalar(params, 1)) - log_x
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Continuous, LogNormal};

    #[test]
    fn matches_statrs_with_standard_deviation() {
        for (mean, variance) in [(0.0, 1.0), (1.0, 0.25), (-0.5, 4.0)] {
            let reference = LogNormal::new(mean, f64::sqrt(variance)).unwrap();
            assert_matches(
                &member(&SPEC, &[mean, variance]),
                &[0.1, 1.0, 2.5, 9.0],
                |x| reference.ln_pdf(x),
            );
        }
    }
}
