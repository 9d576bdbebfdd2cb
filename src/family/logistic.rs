//! Logistic(μ, s): location μ and **scale** s, density e^{−z} / (s(1 + e^{−z})²), z = (x − μ)/s.
//!
//! Keywords: `loc` (alias `mu`); `scale` (alias `s`).

use super::common::{no_check, real_line, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{abs, exp, log, Expr};

const MU: Alias = synonym("mu");
const S: Alias = synonym("s");

/// The logistic family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Logistic,
    display: "Logistic",
    names: &["Logistic"],
    params: &[
        ParamSpec::scalar("loc", "location", Constraint::Real).with_aliases(&[MU]),
        ParamSpec::scalar("scale", "scale", Constraint::Positive).with_aliases(&[S]),
    ],
    check: no_check,
    support: real_line,
    log_density: Some(log_density),
    summary: "Logistic(loc, scale): logistic distribution with location μ and scale s.",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (location, scale) = (scalar(params, 0), scalar(params, 1));
    // −|z| − log s − 2 log(1 + e^{−|z|}) equals −z − log s − 2 log(1 + e^{−z}) (the density is symmetric),
    // but e^{−|z|} ≤ 1 on both sides: far in the left tail the other form holds e^{−z} = e^{10⁴}, whose
    // complex enclosures cover the plane and defeat the quadrature's error bounds.
    let z = (x.clone() - location) / scale.clone();
    let distance = abs(z);
    -distance.clone() - log(scale) - 2 * log(1 + exp(-distance))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;

    #[test]
    fn density_integrates_to_one() {
        let total = total_probability(&member(&SPEC, &[1.0, 0.5]));
        assert!((total - 1.0).abs() < TOTAL_TOLERANCE, "total {total}");
    }
}
