//! Cauchy(x₀, γ): location x₀ and **scale** γ, density 1 / (πγ(1 + ((x − x₀)/γ)²)) on ℝ.
//!
//! Keywords: `loc` (alias `x0`); `scale` (alias `gamma`).

use super::common::{no_check, real_line, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{log, pi, Expr};

const X0: Alias = synonym("x0");
const GAMMA: Alias = synonym("gamma");

/// The Cauchy family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Cauchy,
    display: "Cauchy",
    names: &["Cauchy"],
    params: &[
        ParamSpec::scalar("loc", "location", Constraint::Real).with_aliases(&[X0]),
        ParamSpec::scalar("scale", "scale", Constraint::Positive).with_aliases(&[GAMMA]),
    ],
    check: no_check,
    support: real_line,
    log_density: Some(log_density),
    summary: "Cauchy(loc, scale): Cauchy distribution with location x₀ and scale γ.",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (location, scale) = (scalar(params, 0), scalar(params, 1));
    let z = (x.clone() - location) / scale.clone();
    -log(pi()) - log(scale) - log(1 + z.powi(2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Cauchy, Continuous};

    #[test]
    fn matches_statrs() {
        for (location, scale) in [(0.0, 1.0), (2.0, 0.5), (-1.0, 3.0)] {
            let reference = Cauchy::new(location, scale).unwrap();
            assert_matches(
                &member(&SPEC, &[location, scale]),
                &[-3.0, 0.0, 1.5, 40.0],
                |x| reference.ln_pdf(x),
            );
        }
    }
}
