//! Student t T(ν, μ, σ): degrees of freedom ν, location μ (default 0) and **scale** σ (default 1).
//!
//! Keywords: `df` (alias `nu`); `loc` (alias `mu`); `scale` (alias `sigma`). Density
//! Γ((ν+1)/2) / (Γ(ν/2)√(νπ)σ) · (1 + ((x − μ)/σ)²/ν)^{−(ν+1)/2}.

use super::common::{no_check, real_line, scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{lgamma, log, pi, Expr};

const NU: Alias = synonym("nu");
const MU: Alias = synonym("mu");
const SIGMA: Alias = synonym("sigma");

/// The Student t family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::StudentT,
    display: "StudentT",
    names: &["T", "StudentT"],
    params: &[
        ParamSpec::scalar("df", "degrees of freedom", Constraint::Positive).with_aliases(&[NU]),
        ParamSpec::scalar("loc", "location", Constraint::Real).with_aliases(&[MU]).with_default(0),
        ParamSpec::scalar("scale", "scale", Constraint::Positive).with_aliases(&[SIGMA]).with_default(1),
    ],
    check: no_check,
    support: real_line,
    log_density: Some(log_density),
    summary: "T(df, loc, scale): Student t with ν degrees of freedom, location μ (default 0), scale σ (default 1).",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (df, location, scale) = (scalar(params, 0), scalar(params, 1), scalar(params, 2));
    let z = (x.clone() - location) / scale.clone();
    let half_next = (df.clone() + 1) / 2;
    lgamma(half_next.clone())
        - lgamma(df.clone() / 2)
        - log(df.clone() * pi()) / 2
        - log(scale)
        - half_next * log(1 + z.powi(2) / df)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Continuous, StudentsT};

    #[test]
    fn matches_statrs() {
        for (df, location, scale) in [(1.0, 0.0, 1.0), (3.0, 1.0, 2.0), (7.5, -2.0, 0.5)] {
            let reference = StudentsT::new(location, scale, df).unwrap();
            let family = member(&SPEC, &[df, location, scale]);
            assert_matches(&family, &[-3.0, 0.0, 1.5, 20.0], |x| reference.ln_pdf(x));
        }
    }
}
