//! Pareto(xₘ, α): **scale** (minimum) xₘ and shape α, density α xₘ^α x^{−α−1} on [xₘ, ∞).
//!
//! Keywords: `scale` (alias `xm`); `shape` (alias `alpha`).

use super::common::{no_check, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec, Support};
use crate::sym::{log, Expr};

const XM: Alias = synonym("xm");
const ALPHA: Alias = synonym("alpha");

/// The Pareto (type I) family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Pareto,
    display: "Pareto",
    names: &["Pareto"],
    params: &[
        ParamSpec::scalar("scale", "scale", Constraint::Positive).with_aliases(&[XM]),
        ParamSpec::scalar("shape", "shape", Constraint::Positive).with_aliases(&[ALPHA]),
    ],
    check: no_check,
    support,
    log_density: Some(log_density),
    summary: "Pareto(scale, shape): Pareto distribution on [xₘ, ∞) with minimum xₘ and shape α.",
};

fn support(params: &[Param]) -> Support {
    Support::from(scalar(params, 0))
}

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (minimum, shape) = (scalar(params, 0), scalar(params, 1));
    log(shape.clone()) + shape.clone() * log(minimum) - (shape + 1) * log(x.clone())
}
