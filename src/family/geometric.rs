//! Geometric Geom(p): success probability p ∈ (0, 1], counting the **failures before the first success**,
//! mass p (1 − p)^x on {0, 1, …}.
//!
//! Keywords: `p`.

use super::checks::at_most_one;
use super::common::{naturals, scalar, x_log_y};
use super::{Constraint, FamilyKind, FamilySpec, Param, ParamError, ParamSpec};
use crate::sym::{log, Expr};

/// The geometric family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Geometric,
    display: "Geometric",
    names: &["Geom", "Geometric"],
    // (0, 1] is "> 0" here and "<= 1" in `check`.
    params: &[ParamSpec::scalar(
        "p",
        "success probability",
        Constraint::Positive,
    )],
    check,
    support: naturals,
    log_density: Some(log_density),
    summary:
        "Geom(p): number of failures before the first success, success probability p ∈ (0, 1].",
};

fn check(params: &[Param]) -> Result<(), ParamError> {
    at_most_one(params[0].scalar(), "success probability", 0)
}

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let p = scalar(params, 0);
    log(p.clone()) + x_log_y(x.clone(), 1 - p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Discrete, Geometric};

    #[test]
    fn matches_statrs_shifted_from_trials_to_failures() {
        for p in [0.1, 0.5, 0.9] {
            let reference = Geometric::new(p).unwrap();
            let family = member(&SPEC, &[p]);
            assert_matches(&family, &[0.0, 1.0, 4.0, 20.0], |x| {
                reference.ln_pmf(x as u64 + 1)
            });
        }
        assert_certain(&member(&SPEC, &[1.0]), 0.0);
    }
}
