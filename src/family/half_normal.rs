//! Half-normal HalfN(σ²): the **variance** σ² of the underlying N(0, σ²), density 2(2πσ²)^{−½} e^{−x²/(2σ²)}.
//!
//! Keywords: `var` (aliases `sd` and `scale`: σ, squared on the way in).

use super::common::{half_line, no_check, normal_log_kernel, scalar, squared};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{log, Expr};

const SD: Alias = squared("sd");
const SCALE: Alias = squared("scale");

/// The half-normal family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::HalfNormal,
    display: "HalfNormal",
    names: &["HalfN", "HalfNormal"],
    params: &[ParamSpec::scalar("var", "variance", Constraint::Positive).with_aliases(&[SD, SCALE])],
    check: no_check,
    support: half_line,
    log_density: Some(log_density),
    summary: "HalfN(var): |X| for X ~ N(0, σ²), given the variance σ² (sd= or scale= give σ).",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    log(Expr::int(2)) + normal_log_kernel(x.clone(), scalar(params, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;

    #[test]
    fn density_integrates_to_one() {
        let total = total_probability(&member(&SPEC, &[2.25]));
        assert!((total - 1.0).abs() < TOTAL_TOLERANCE, "total {total}");
    }
}
