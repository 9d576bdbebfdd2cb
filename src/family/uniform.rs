//! Uniform U(a, b): lower and upper end, a < b (checked exactly), density 1/(b − a) on [a, b].
//!
//! Keywords: `a` (alias `lower`); `b` (alias `upper`).

use super::checks::less_than;
use super::common::{scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamError, ParamSpec, Support};
use crate::sym::{log, Expr};

const LOWER: Alias = synonym("lower");
const UPPER: Alias = synonym("upper");

/// The continuous uniform family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Uniform,
    display: "Uniform",
    names: &["U", "Uniform"],
    params: &[
        ParamSpec::scalar("a", "lower bound", Constraint::Real).with_aliases(&[LOWER]),
        ParamSpec::scalar("b", "upper bound", Constraint::Real).with_aliases(&[UPPER]),
    ],
    check,
    support,
    log_density: Some(log_density),
    summary: "U(a, b): continuous uniform distribution on [a, b], a < b.",
};

fn check(params: &[Param]) -> Result<(), ParamError> {
    less_than(params[0].scalar(), params[1].scalar(), "upper bound", 1)
}

fn support(params: &[Param]) -> Support {
    Support::between(scalar(params, 0), scalar(params, 1))
}

fn log_density(params: &[Param], _: &Expr) -> Expr {
    -log(scalar(params, 1) - scalar(params, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Continuous, Uniform};

    #[test]
    fn matches_statrs() {
        for (a, b) in [(0.0, 1.0), (-2.0, 3.5)] {
            let reference = Uniform::new(a, b).unwrap();
            assert_matches(&member(&SPEC, &[a, b]), &[0.0, 0.25, 0.75], |x| {
                reference.ln_pdf(x)
            });
        }
    }
}
