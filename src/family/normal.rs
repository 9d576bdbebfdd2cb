//! Normal N(μ, σ²): mean and **variance**.
//!
//! Keywords: `mean` (alias `mu`); `var`, the variance (aliases `sd` and `scale`: the standard deviation σ,
//! squared on the way in, so `N(0, sd=2)` is `N(0, 4)`).

use super::common::{no_check, normal_log_kernel, real_line, scalar, squared, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::Expr;

const MU: Alias = synonym("mu");
const SD: Alias = squared("sd");
const SCALE: Alias = squared("scale");

/// The normal family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Normal,
    display: "Normal",
    names: &["N", "Normal"],
    params: &[
        ParamSpec::scalar("mean", "mean", Constraint::Real).with_aliases(&[MU]),
        ParamSpec::scalar("var", "variance", Constraint::Positive).with_aliases(&[SD, SCALE]),
    ],
    check: no_check,
    support: real_line,
    log_density: Some(log_density),
    summary:
        "N(mean, var): normal distribution with mean μ and variance σ² (sd= or scale= give σ).",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    normal_log_kernel(x.clone() - scalar(params, 0), scalar(params, 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Continuous, Normal};

    #[test]
    fn matches_statrs_with_standard_deviation() {
        for (mean, variance) in [(0.0, 1.0), (1.5, 4.0), (-3.0, 0.25)] {
            let reference = Normal::new(mean, f64::sqrt(variance)).unwrap();
            let family = member(&SPEC, &[mean, variance]);
            assert_matches(&family, &[-2.0, 0.0, 0.5, 3.25], |x| reference.ln_pdf(x));
        }
    }
}
