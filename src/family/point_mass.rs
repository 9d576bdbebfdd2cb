//! Point mass Delta(v): all the mass at the location v.
//!
//! Keywords: `loc` (alias `value`).

use super::common::{no_check, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec, Support};
use crate::sym::Expr;

const VALUE: Alias = synonym("value");

/// The point mass (Dirac) family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::PointMass,
    display: "PointMass",
    names: &["Delta", "Dirac"],
    params: &[ParamSpec::scalar("loc", "location", Constraint::Real).with_aliases(&[VALUE])],
    check: no_check,
    support,
    log_density: Some(log_density),
    summary: "Delta(loc): the point mass (Dirac distribution) at v.",
};

fn support(params: &[Param]) -> Support {
    Support::Point(scalar(params, 0))
}

/// The mass is 1 at the one point of the support.
fn log_density(_: &[Param], _: &Expr) -> Expr {
    Expr::int(0)
}
