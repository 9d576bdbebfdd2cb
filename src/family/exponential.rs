//! Exponential Exp(λ): **rate** λ, density λe^{−λx} on [0, ∞).
//!
//! Keywords: `rate` (alias `scale` = 1/λ, so `Exp(scale=3)` has rate 1/3).

use super::common::{half_line, no_check, reciprocal, scalar};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{log, Expr};

const SCALE: Alias = reciprocal("scale");

/// The exponential family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Exponential,
    display: "Exponential",
    names: &["Exp", "Exponential"],
    params: &[ParamSpec::scalar("rate", "rate", Constraint::Positive).with_aliases(&[SCALE])],
    check: no_check,
    support: half_line,
    log_density: Some(log_density),
    summary: "Exp(rate): exponential distribution with rate λ (scale= gives 1/λ).",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let rate = scalar(params, 0);
    log(rate.clone()) - rate * x.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Continuous, Exp};

    #[test]
    fn matches_statrs() {
        for rate in [0.5, 1.0, 3.0] {
            let reference = Exp::new(rate).unwrap();
            assert_matches(&member(&SPEC, &[rate]), &[0.0, 0.25, 1.0, 7.5], |x| {
                reference.ln_pdf(x)
            });
        }
    }
}
