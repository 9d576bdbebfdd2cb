//! Diagonal normal DiagN(μ, σ²): mean vector and vector of **variances** (independent coordinates).
//!
//! Keywords: `mean` (alias `mu`); `var`, the variances (alias `sd`: standard deviations, squared elementwise).

use super::checks::show_vector;
use super::common::{squared, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamError, ParamSpec, Support};

const MU: Alias = synonym("mu");
const SD: Alias = squared("sd");

/// The diagonal normal family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::DiagonalNormal,
    display: "DiagN",
    names: &["DiagN"],
    params: &[
        ParamSpec::scalar("mean", "mean vector", Constraint::Real)
            .vector()
            .with_aliases(&[MU]),
        ParamSpec::scalar("var", "variance", Constraint::Positive)
            .vector()
            .with_aliases(&[SD]),
    ],
    check,
    support,
    log_density: None,
    summary:
        "DiagN([mean…], [var…]): normal with independent coordinates, means μᵢ and variances σᵢ².",
};

fn check(params: &[Param]) -> Result<(), ParamError> {
    let (mean, variance) = (params[0].vector(), params[1].vector());
    if mean.len() != variance.len() {
        let rule = format!(
            "must have the same length as the mean vector ({})",
            mean.len()
        );
        return Err(ParamError::new(
            "variance vector",
            &rule,
            show_vector(variance),
            Some(1),
        ));
    }
    Ok(())
}

fn support(params: &[Param]) -> Support {
    Support::Euclidean(params[0].vector().len())
}
