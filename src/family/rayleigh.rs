//! Rayleigh(σ): **scale** σ, density (x/σ²) e^{−x²/(2σ²)} on [0, ∞).
//!
//! Keywords: `scale` (alias `sigma`).

use super::common::{half_line, no_check, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{log, Expr};

const SIGMA: Alias = synonym("sigma");

/// The Rayleigh family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Rayleigh,
    display: "Rayleigh",
    names: &["Rayleigh"],
    params: &[ParamSpec::scalar("scale", "scale", Constraint::Positive).with_aliases(&[SIGMA])],
    check: no_check,
    support: half_line,
    log_density: Some(log_density),
    summary: "Rayleigh(scale): Rayleigh distribution with scale σ (the length of a 2-D N(0, σ²I) vector).",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let variance = scalar(params, 0).powi(2);
    log(x.clone()) - log(variance.clone()) - x.clone().powi(2) / (2 * variance)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;

    #[test]
    fn density_integrates_to_one() {
        let total = total_probability(&member(&SPEC, &[1.5]));
        assert!((total - 1.0).abs() < TOTAL_TOLERANCE, "total {total}");
    }
}
