//! Weibull(k, λ): shape k and **scale** λ, density (k/λ)(x/λ)^{k−1} e^{−(x/λ)^k} on [0, ∞).
//!
//! Keywords: `shape` (alias `k`); `scale` (alias `lambda`).

use super::common::{half_line, no_check, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{log, Expr};

const K: Alias = synonym("k");
const LAMBDA: Alias = synonym("lambda");

/// The Weibull family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Weibull,
    display: "Weibull",
    names: &["Weibull"],
    params: &[
        ParamSpec::scalar("shape", "shape", Constraint::Positive).with_aliases(&[K]),
        ParamSpec::scalar("scale", "scale", Constraint::Positive).with_aliases(&[LAMBDA]),
    ],
    check: no_check,
    support: half_line,
    log_density: Some(log_density),
    summary: "Weibull(shape, scale): Weibull distribution with shape k and scale λ.",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (shape, scale) = (scalar(params, 0), scalar(params, 1));
    let ratio = x.clone() / scale.clone();
    log(shape.clone()) - log(scale) + (shape.clone() - 1) * log(ratio.clone()) - ratio.pow(shape)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Continuous, Weibull};

    #[test]
    fn matches_statrs() {
        for (shape, scale) in [(1.0, 1.0), (2.5, 0.5), (0.75, 4.0)] {
            let reference = Weibull::new(shape, scale).unwrap();
            assert_matches(
                &member(&SPEC, &[shape, scale]),
                &[0.1, 1.0, 2.5, 6.0],
                |x| reference.ln_pdf(x),
            );
        }
    }
}
