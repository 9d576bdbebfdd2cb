//! Inverse gamma InvGamma(α, β): shape α and **scale** β, density β^α x^{−α−1} e^{−β/x} / Γ(α) on (0, ∞).
//!
//! Keywords: `shape` (alias `alpha`); `scale` (alias `beta`). If X ~ Gamma(α, rate β) then 1/X ~ InvGamma(α, β).

use super::common::{half_line, no_check, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{lgamma, log, Expr};

const ALPHA: Alias = synonym("alpha");
const BETA: Alias = synonym("beta");

/// The inverse gamma family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::InverseGamma,
    display: "InvGamma",
    names: &["InvGamma"],
    params: &[
        ParamSpec::scalar("shape", "shape", Constraint::Positive).with_aliases(&[ALPHA]),
        ParamSpec::scalar("scale", "scale", Constraint::Positive).with_aliases(&[BETA]),
    ],
    check: no_check,
    support: half_line,
    log_density: Some(log_density),
    summary: "InvGamma(shape, scale): inverse gamma distribution with shape α and scale β.",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (shape, scale) = (scalar(params, 0), scalar(params, 1));
    shape.clone() * log(scale.clone())
        - (shape.clone() + 1) * log(x.clone())
        - scale / x.clone()
        - lgamma(shape)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Continuous, InverseGamma};

    #[test]
    fn matches_statrs() {
        for (shape, scale) in [(1.0, 1.0), (3.0, 0.5), (0.5, 2.0)] {
            let reference = InverseGamma::new(shape, scale).unwrap();
            assert_matches(
                &member(&SPEC, &[shape, scale]),
                &[0.1, 1.0, 2.5, 9.0],
                |x| reference.ln_pdf(x),
            );
        }
    }
}
