//! Chi-squared Chi2(k): degrees of freedom k > 0, the same as Gamma(k/2, rate ½).
//!
//! Keywords: `df` (alias `k`).

use super::common::{half_line, no_check, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{lgamma, log, Expr};

const K: Alias = synonym("k");

/// The chi-squared family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::ChiSquared,
    display: "Chi2",
    names: &["Chi2"],
    params: &[ParamSpec::scalar("df", "degrees of freedom", Constraint::Positive).with_aliases(&[K])],
    check: no_check,
    support: half_line,
    log_density: Some(log_density),
    summary: "Chi2(df): chi-squared distribution with k degrees of freedom (k > 0, not necessarily an integer).",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let half = scalar(params, 0) / 2;
    (half.clone() - 1) * log(x.clone())
        - x.clone() / 2
        - half.clone() * log(Expr::int(2))
        - lgamma(half)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{ChiSquared, Continuous};

    #[test]
    fn matches_statrs() {
        for df in [1.0, 2.0, 3.5, 10.0] {
            let reference = ChiSquared::new(df).unwrap();
            assert_matches(&member(&SPEC, &[df]), &[0.1, 1.0, 2.5, 9.0], |x| {
                reference.ln_pdf(x)
            });
        }
    }
}
