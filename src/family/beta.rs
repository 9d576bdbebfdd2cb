//! Beta(α, β): two positive shapes, density x^{α−1}(1−x)^{β−1} / B(α, β) on (0, 1).
//!
//! Keywords: `a` (alias `alpha`); `b` (alias `beta`).

use super::common::{no_check, scalar, synonym, unit_interval};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{log, log_beta, Expr};

const ALPHA: Alias = synonym("alpha");
const BETA: Alias = synonym("beta");

/// The beta family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Beta,
    display: "Beta",
    names: &["Beta"],
    params: &[
        ParamSpec::scalar("a", "first shape", Constraint::Positive).with_aliases(&[ALPHA]),
        ParamSpec::scalar("b", "second shape", Constraint::Positive).with_aliases(&[BETA]),
    ],
    check: no_check,
    support: unit_interval,
    log_density: Some(log_density),
    summary: "Beta(a, b): beta distribution on (0, 1) with shapes α and β.",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (a, b) = (scalar(params, 0), scalar(params, 1));
    (a.clone() - 1) * log(x.clone()) + (b.clone() - 1) * log(1 - x.clone()) - log_beta(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Beta, Continuous};

    #[test]
    fn matches_statrs() {
        for (a, b) in [(1.0, 1.0), (2.0, 5.0), (0.5, 0.75)] {
            let reference = Beta::new(a, b).unwrap();
            assert_matches(&member(&SPEC, &[a, b]), &[0.05, 0.3, 0.5, 0.9], |x| {
                reference.ln_pdf(x)
            });
        }
    }
}
