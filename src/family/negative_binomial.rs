//! Negative binomial NegBin(r, p): r > 0 successes and success probability p ∈ (0, 1], counting the
//! **failures before the r-th success**, mass Γ(x + r)/(Γ(r) x!) · p^r (1 − p)^x on {0, 1, …}.
//!
//! Keywords: `r` (alias `successes`); `p`.

use super::checks::at_most_one;
use super::common::{log_factorial, naturals, scalar, synonym, x_log_y};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamError, ParamSpec};
use crate::sym::{lgamma, log, Expr};

const SUCCESSES: Alias = synonym("successes");

/// The negative binomial family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::NegativeBinomial,
    display: "NegBin",
    names: &["NegBin"],
    params: &[
        ParamSpec::scalar("r", "number of successes", Constraint::Positive).with_aliases(&[SUCCESSES]),
        // (0, 1] is "> 0" here and "<= 1" in `check`.
        ParamSpec::scalar("p", "success probability", Constraint::Positive),
    ],
    check,
    support: naturals,
    log_density: Some(log_density),
    summary: "NegBin(r, p): number of failures before the r-th success (r > 0), success probability p ∈ (0, 1].",
};

fn check(params: &[Param]) -> Result<(), ParamError> {
    at_most_one(params[1].scalar(), "success probability", 1)
}

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (r, p) = (scalar(params, 0), scalar(params, 1));
    lgamma(x.clone() + r.clone()) - lgamma(r.clone()) - log_factorial(x.clone())
        + r * log(p.clone())
        + x_log_y(x.clone(), 1 - p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Discrete, NegativeBinomial};

    #[test]
    fn matches_statrs() {
        for (r, p) in [(1.0, 0.5), (2.5, 0.3), (10.0, 0.9)] {
            let reference = NegativeBinomial::new(r, p).unwrap();
            let family = member(&SPEC, &[r, p]);
            assert_matches(&family, &[0.0, 1.0, 4.0, 20.0], |x| {
                reference.ln_pmf(x as u64)
            });
        }
    }
}
