//! Lindley(θ): shape θ > 0, density θ²/(θ + 1) · (1 + x) e^{−θx} on (0, ∞).
//!
//! Keywords: `theta` (alias `shape`).

use super::common::{half_line, no_check, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{log, Expr};

const SHAPE: Alias = synonym("shape");

/// The Lindley family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Lindley,
    display: "Lindley",
    names: &["Lindley"],
    params: &[ParamSpec::scalar("theta", "shape", Constraint::Positive).with_aliases(&[SHAPE])],
    check: no_check,
    support: half_line,
    log_density: Some(log_density),
    summary:
        "Lindley(theta): Lindley distribution, a mixture of Exp(θ) and Gamma(2, θ), with shape θ.",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let theta = scalar(params, 0);
    2 * log(theta.clone()) - log(theta.clone() + 1) + log(1 + x.clone()) - theta * x.clone()
}
