//! Wishart(ν, V): degrees of freedom ν > k − 1 and k×k **scale matrix** V (symmetric positive definite).
//!
//! Keywords: `df` (alias `nu`); `scale` (alias `V`). The mean is νV.

use super::checks::{positive_definite, show};
use super::common::synonym;
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamError, ParamSpec, Support};
use crate::sym::Expr;

const NU: Alias = synonym("nu");
const V: Alias = synonym("V");

/// The Wishart family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Wishart,
    display: "Wishart",
    names: &["Wishart"],
    params: &[
        ParamSpec::scalar("df", "degrees of freedom", Constraint::Positive).with_aliases(&[NU]),
        ParamSpec::scalar("scale", "scale matrix", Constraint::Real).matrix().with_aliases(&[V]),
    ],
    check,
    support,
    log_density: None,
    summary: "Wishart(df, [[V…]…]): Wishart distribution on k×k positive definite matrices, ν > k − 1, scale V.",
};

fn check(params: &[Param]) -> Result<(), ParamError> {
    let rows = params[1].matrix();
    positive_definite(rows, None, "scale matrix", 1)?;
    let df = params[0].scalar();
    let bound = Expr::int(rows.len() as i64 - 1);
    if Constraint::Positive.holds(&(df.clone() - bound.clone())) == Some(false) {
        let rule = format!("must be > k - 1 = {}", show(&bound));
        return Err(ParamError::new(
            "degrees of freedom",
            &rule,
            show(df),
            Some(0),
        ));
    }
    Ok(())
}

fn support(params: &[Param]) -> Support {
    Support::PositiveDefinite(params[1].matrix().len())
}
