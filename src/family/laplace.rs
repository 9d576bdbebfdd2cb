//! Laplace(μ, b): location μ and **scale** b, density e^{−|x−μ|/b} / (2b) on ℝ.
//!
//! Keywords: `loc` (alias `mu`); `scale` (alias `b`).

use super::common::{no_check, real_line, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{abs, log, Expr};

const MU: Alias = synonym("mu");
const B: Alias = synonym("b");

/// The Laplace family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Laplace,
    display: "Laplace",
    names: &["Laplace"],
    params: &[
        ParamSpec::scalar("loc", "location", Constraint::Real).with_aliases(&[MU]),
        ParamSpec::scalar("scale", "scale", Constraint::Positive).with_aliases(&[B]),
    ],
    check: no_check,
    support: real_line,
    log_density: Some(log_density),
    summary: "Laplace(loc, scale): double exponential distribution with location μ and scale b.",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (location, scale) = (scalar(params, 0), scalar(params, 1));
    -(abs(x.clone() - location) / scale.clone()) - log(2 * scale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Continuous, Laplace};

    #[test]
    fn matches_statrs() {
        for (location, scale) in [(0.0, 1.0), (2.0, 0.5), (-1.0, 3.0)] {
            let reference = Laplace::new(location, scale).unwrap();
            assert_matches(
                &member(&SPEC, &[location, scale]),
                &[-3.0, 0.0, 1.5, 4.0],
                |x| reference.ln_pdf(x),
            );
        }
    }
}
