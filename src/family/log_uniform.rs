//! Log-uniform LogU(a, b): lower and upper end, 0 < a < b, density 1 / (x log(b/a)) on [a, b].
//!
//! Keywords: `a` (alias `lower`); `b` (alias `upper`). log X is uniform on [log a, log b].

use super::checks::less_than;
use super::common::{scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamError, ParamSpec, Support};
use crate::sym::{log, Expr};

const LOWER: Alias = synonym("lower");
const UPPER: Alias = synonym("upper");

/// The log-uniform (reciprocal) family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::LogUniform,
    display: "LogUniform",
    names: &["LogU", "LogUniform"],
    params: &[
        ParamSpec::scalar("a", "lower bound", Constraint::Positive).with_aliases(&[LOWER]),
        ParamSpec::scalar("b", "upper bound", Constraint::Positive).with_aliases(&[UPPER]),
    ],
    check,
    support,
    log_density: Some(log_density),
    summary: "LogU(a, b): log-uniform distribution on [a, b], 0 < a < b (log X is uniform).",
};

fn check(params: &[Param]) -> Result<(), ParamError> {
    less_than(params[0].scalar(), params[1].scalar(), "upper bound", 1)
}

fn support(params: &[Param]) -> Support {
    Support::between(scalar(params, 0), scalar(params, 1))
}

fn log_density(params: &[Param], x: &Expr) -> Expr {
    -log(x.clone()) - log(log(scalar(params, 1)) - log(scalar(params, 0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;

    #[test]
    fn density_integrates_to_one() {
        let total = total_probability(&member(&SPEC, &[0.5, 20.0]));
        assert!((total - 1.0).abs() < TOTAL_TOLERANCE, "total {total}");
    }
}
