//! Bernoulli Bern(p): success probability p ∈ [0, 1], mass p^x (1 − p)^{1−x} on {0, 1}.
//!
//! Keywords: `p`.

use super::common::{no_check, scalar, x_log_y};
use super::{Constraint, FamilyKind, FamilySpec, Param, ParamSpec, Support};
use crate::sym::Expr;

/// The Bernoulli family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Bernoulli,
    display: "Bernoulli",
    names: &["Bern", "Bernoulli"],
    params: &[ParamSpec::scalar(
        "p",
        "success probability",
        Constraint::ClosedUnit,
    )],
    check: no_check,
    support,
    log_density: Some(log_density),
    summary: "Bern(p): Bernoulli distribution on {0, 1} with success probability p.",
};

fn support(_: &[Param]) -> Support {
    Support::Integers {
        lower: Expr::int(0),
        upper: Some(Expr::int(1)),
    }
}

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let p = scalar(params, 0);
    x_log_y(x.clone(), p.clone()) + x_log_y(1 - x.clone(), 1 - p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Bernoulli, Discrete};

    #[test]
    fn matches_statrs() {
        for p in [0.25, 0.5, 0.9] {
            let reference = Bernoulli::new(p).unwrap();
            assert_matches(&member(&SPEC, &[p]), &[0.0, 1.0], |x| {
                reference.ln_pmf(x as u64)
            });
        }
    }

    #[test]
    fn certain_outcomes_have_no_zero_log_zero() {
        assert_certain(&member(&SPEC, &[1.0]), 1.0);
        assert_certain(&member(&SPEC, &[0.0]), 0.0);
    }
}
