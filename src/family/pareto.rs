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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Continuous, Pareto};

    #[test]
    fn matches_statrs() {
        for (minimum, shape) in [(1.0, 1.0), (0.5, 2.5), (2.0, 0.75)] {
            let reference = Pareto::new(minimum, shape).unwrap();
            assert_matches(&member(&SPEC, &[minimum, shape]), &[2.0, 2.5, 10.0], |x| {
                reference.ln_pdf(x)
            });
        }
        assert_eq!(
            member(&SPEC, &[2.0, 1.0]).support(),
            Support::from(Expr::int(2))
        );
    }
}
