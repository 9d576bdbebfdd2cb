//! Binomial Bin(n, p): trials n (integer ≥ 0) and success probability p ∈ [0, 1], mass C(n, x) p^x (1 − p)^{n−x}.
//!
//! Keywords: `n` (alias `trials`); `p`.

use super::common::{log_factorial, no_check, scalar, synonym, x_log_y};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec, Support};
use crate::sym::Expr;

const TRIALS: Alias = synonym("trials");

/// The binomial family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Binomial,
    display: "Binomial",
    names: &["Bin", "Binomial"],
    params: &[
        ParamSpec::scalar("n", "number of trials", Constraint::NonNegativeInteger)
            .with_aliases(&[TRIALS]),
        ParamSpec::scalar("p", "success probability", Constraint::ClosedUnit),
    ],
    check: no_check,
    support,
    log_density: Some(log_density),
    summary: "Bin(n, p): number of successes in n independent trials with success probability p.",
};

fn support(params: &[Param]) -> Support {
    Support::Integers {
        lower: Expr::int(0),
        upper: Some(scalar(params, 0)),
    }
}

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (n, p) = (scalar(params, 0), scalar(params, 1));
    let failures = n.clone() - x.clone();
    log_factorial(n) - log_factorial(x.clone()) - log_factorial(failures.clone())
        + x_log_y(x.clone(), p.clone())
        + x_log_y(failures, 1 - p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Binomial, Discrete};

    #[test]
    fn matches_statrs() {
        for (n, p) in [(1u32, 0.5), (10, 0.3), (25, 0.9)] {
            let reference = Binomial::new(p, u64::from(n)).unwrap();
            let points: Vec<f64> = (0..=n).map(f64::from).collect();
            assert_matches(&member(&SPEC, &[f64::from(n), p]), &points, |x| {
                reference.ln_pmf(x as u64)
            });
        }
    }

    #[test]
    fn certain_outcomes_have_no_zero_log_zero() {
        assert_certain(&member(&SPEC, &[4.0, 1.0]), 4.0);
        assert_certain(&member(&SPEC, &[4.0, 0.0]), 0.0);
    }
}
