//! Moyal(μ, σ): location μ and **scale** σ, density exp(−(z + e^{−z})/2) / (σ√(2π)), z = (x − μ)/σ.
//!
//! Keywords: `loc` (alias `mu`); `scale` (alias `sigma`).

use super::common::{no_check, real_line, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{exp, log, pi, Expr};

const MU: Alias = synonym("mu");
const SIGMA: Alias = synonym("sigma");

/// The Moyal family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Moyal,
    display: "Moyal",
    names: &["Moyal"],
    params: &[
        ParamSpec::scalar("loc", "location", Constraint::Real).with_aliases(&[MU]),
        ParamSpec::scalar("scale", "scale", Constraint::Positive).with_aliases(&[SIGMA]),
    ],
    check: no_check,
    support: real_line,
    log_density: Some(log_density),
    summary: "Moyal(loc, scale): Moyal distribution (a Landau approximation) with location μ and scale σ.",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (location, scale) = (scalar(params, 0), scalar(params, 1));
    let z = (x.clone() - location) / scale.clone();
    -(z.clone() + exp(-z)) / 2 - log(2 * pi()) / 2 - log(scale)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;

    #[test]
    fn density_integrates_to_one() {
        let total = total_probability(&member(&SPEC, &[1.0, 0.75]));
        assert!((total - 1.0).abs() < TOTAL_TOLERANCE, "total {total}");
    }
}
