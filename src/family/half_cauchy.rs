//! Half-Cauchy HalfCauchy(γ): **scale** γ, density 2 / (πγ(1 + (x/γ)²)) on [0, ∞).
//!
//! Keywords: `scale` (alias `gamma`).

use super::common::{half_line, no_check, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{log, pi, Expr};

const GAMMA: Alias = synonym("gamma");

/// The half-Cauchy family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::HalfCauchy,
    display: "HalfCauchy",
    names: &["HalfCauchy"],
    params: &[ParamSpec::scalar("scale", "scale", Constraint::Positive).with_aliases(&[GAMMA])],
    check: no_check,
    support: half_line,
    log_density: Some(log_density),
    summary: "HalfCauchy(scale): |X| for X ~ Cauchy(0, γ).",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let scale = scalar(params, 0);
    let z = x.clone() / scale.clone();
    log(Expr::int(2)) - log(pi()) - log(scale) - log(1 + z.powi(2))
}
