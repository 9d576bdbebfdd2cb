//! Gamma(α, β): shape α and **rate** β, density β^α x^{α−1} e^{−βx} / Γ(α) on (0, ∞).
//!
//! Keywords: `shape` (alias `alpha`); `rate` (alias `beta`; alias `scale` = 1/β).

use super::common::{half_line, no_check, reciprocal, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{lgamma, log, Expr};

const ALPHA: Alias = synonym("alpha");
const BETA: Alias = synonym("beta");
const SCALE: Alias = reciprocal("scale");

/// The gamma family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Gamma,
    display: "Gamma",
    names: &["Gamma"],
    params: &[
        ParamSpec::scalar("shape", "shape", Constraint::Positive).with_aliases(&[ALPHA]),
        ParamSpec::scalar("rate", "rate", Constraint::Positive).with_aliases(&[BETA, SCALE]),
    ],
    check: no_check,
    support: half_line,
    log_density: Some(log_density),
    summary: "Gamma(shape, rate): gamma distribution with shape α and rate β (scale= gives 1/β).",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (shape, rate) = (scalar(params, 0), scalar(params, 1));
    shape.clone() * log(rate.clone()) + (shape.clone() - 1) * log(x.clone())
        - rate * x.clone()
        - lgamma(shape)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Continuous, Gamma};

    #[test]
    fn matches_statrs_with_rate() {
        for (shape, rate) in [(1.0, 1.0), (2.5, 0.5), (0.75, 4.0)] {
            let reference = Gamma::new(shape, rate).unwrap();
            assert_matches(&member(&SPEC, &[shape, rate]), &[0.1, 1.0, 2.5, 9.0], |x| {
                reference.ln_pdf(x)
            });
        }
    }
}
