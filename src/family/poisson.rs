//! Poisson Pois(λ): rate λ ≥ 0, mass e^{−λ} λ^x / x! on {0, 1, …}; λ = 0 is the point mass at 0.
//!
//! Keywords: `rate` (alias `lambda`).

use super::common::{log_factorial, naturals, no_check, scalar, synonym, x_log_y};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::Expr;

const LAMBDA: Alias = synonym("lambda");

/// The Poisson family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Poisson,
    display: "Poisson",
    names: &["Pois", "Poisson"],
    params: &[ParamSpec::scalar("rate", "rate", Constraint::NonNegative).with_aliases(&[LAMBDA])],
    check: no_check,
    support: naturals,
    log_density: Some(log_density),
    summary: "Pois(rate): Poisson distribution with rate λ ≥ 0.",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let rate = scalar(params, 0);
    x_log_y(x.clone(), rate.clone()) - rate - log_factorial(x.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Discrete, Poisson};

    #[test]
    fn matches_statrs() {
        for rate in [0.5, 1.0, 7.25] {
            let reference = Poisson::new(rate).unwrap();
            assert_matches(&member(&SPEC, &[rate]), &[0.0, 1.0, 3.0, 12.0], |x| {
                reference.ln_pmf(x as u64)
            });
        }
    }

    #[test]
    fn rate_zero_is_the_point_mass_at_zero() {
        assert_certain(&member(&SPEC, &[0.0]), 0.0);
    }
}
