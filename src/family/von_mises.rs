//! Von Mises VonMises(μ, κ): location μ and concentration κ ≥ 0, density e^{κ cos(x − μ)} / (2π I₀(κ)) on
//! [−π, π).
//!
//! Keywords: `loc` (alias `mu`); `kappa` (alias `concentration`). κ = 0 is the uniform distribution on the
//! circle. I₀ is the modified Bessel function of the first kind, [`Function::BesselI`] of order 0.

use super::common::{no_check, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec, Support};
use crate::sym::{log, pi, Expr, Function};

const MU: Alias = synonym("mu");
const CONCENTRATION: Alias = synonym("concentration");

/// The von Mises family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::VonMises,
    display: "VonMises",
    names: &["VonMises"],
    params: &[
        ParamSpec::scalar("loc", "location", Constraint::Real).with_aliases(&[MU]),
        ParamSpec::scalar("kappa", "concentration", Constraint::NonNegative).with_aliases(&[CONCENTRATION]),
    ],
    check: no_check,
    support,
    log_density: Some(log_density),
    summary: "VonMises(loc, kappa): von Mises distribution on the circle [−π, π) with location μ and concentration κ ≥ 0.",
};

fn support(_: &[Param]) -> Support {
    Support::between(-pi(), pi())
}

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (location, concentration) = (scalar(params, 0), scalar(params, 1));
    let cosine = Expr::Apply(Function::Cos, vec![x.clone() - location]);
    let bessel = Expr::Apply(Function::BesselI, vec![Expr::int(0), concentration.clone()]);
    concentration * cosine - log(2 * pi()) - log(bessel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;

    #[test]
    fn density_integrates_to_one() {
        let total = total_probability(&member(&SPEC, &[1.0, 2.5]));
        assert!((total - 1.0).abs() < TOTAL_TOLERANCE, "total {total}");
        let total = total_probability(&member(&SPEC, &[-0.5, 0.0]));
        assert!((total - 1.0).abs() < TOTAL_TOLERANCE, "total {total}");
    }
}
