//! Gumbel(μ, β): location μ and **scale** β (maximum type), density β⁻¹ exp(−z − e^{−z}), z = (x − μ)/β.
//!
//! Keywords: `loc` (alias `mu`); `scale` (alias `beta`).

use super::common::{no_check, real_line, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{exp, log, Expr};

const MU: Alias = synonym("mu");
const BETA: Alias = synonym("beta");

/// The Gumbel family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Gumbel,
    display: "Gumbel",
    names: &["Gumbel"],
    params: &[
        ParamSpec::scalar("loc", "location", Constraint::Real).with_aliases(&[MU]),
        ParamSpec::scalar("scale", "scale", Constraint::Positive).with_aliases(&[BETA]),
    ],
    check: no_check,
    support: real_line,
    log_density: Some(log_density),
    summary: "Gumbel(loc, scale): Gumbel (maximum) distribution with location μ and scale β.",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (location, scale) = (scalar(params, 0), scalar(params, 1));
    let z = (x.clone() - location) / scale.clone();
    -log(scale) - z.clone() - exp(-z)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Continuous, Gumbel};

    #[test]
    fn matches_statrs() {
        for (location, scale) in [(0.0, 1.0), (2.0, 0.5), (-1.0, 3.0)] {
            let reference = Gumbel::new(location, scale).unwrap();
            assert_matches(
                &member(&SPEC, &[location, scale]),
                &[-2.0, 0.0, 1.5, 6.0],
                |x| reference.ln_pdf(x),
            );
        }
    }
}
