//! Chi(k): degrees of freedom k > 0, density x^{k−1} e^{−x²/2} / (2^{k/2−1} Γ(k/2)) on [0, ∞).
//!
//! Keywords: `df` (alias `k`).

use super::common::{half_line, no_check, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{lgamma, log, Expr};

const K: Alias = synonym("k");

/// The chi family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Chi,
    display: "Chi",
    names: &["Chi"],
    params: &[ParamSpec::scalar("df", "degrees of freedom", Constraint::Positive).with_aliases(&[K])],
    check: no_check,
    support: half_line,
    log_density: Some(log_density),
    summary: "Chi(df): chi distribution (the square root of a Chi2(k) variable) with k degrees of freedom.",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let df = scalar(params, 0);
    (df.clone() - 1) * log(x.clone())
        - x.clone().powi(2) / 2
        - (df.clone() / 2 - 1) * log(Expr::int(2))
        - lgamma(df / 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Chi, Continuous};

    #[test]
    fn matches_statrs() {
        for df in [1u32, 2, 5] {
            let reference = Chi::new(u64::from(df)).unwrap();
            assert_matches(
                &member(&SPEC, &[f64::from(df)]),
                &[0.1, 1.0, 2.5, 4.0],
                |x| reference.ln_pdf(x),
            );
        }
    }
}
