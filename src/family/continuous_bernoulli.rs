//! Continuous Bernoulli CB(λ): shape λ ∈ (0, 1), density C(λ) λ^x (1 − λ)^{1−x} on [0, 1], where
//! C(λ) = log((1 − λ)/λ) / (1 − 2λ) (= 2 atanh(1 − 2λ)/(1 − 2λ)), with C(½) = 2.
//!
//! Keywords: `lambda` (alias `p`).

use super::common::{no_check, scalar, synonym, unit_interval};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{log, Expr};

const P: Alias = synonym("p");

/// The continuous Bernoulli family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::ContinuousBernoulli,
    display: "ContinuousBernoulli",
    names: &["CB", "ContinuousBernoulli"],
    params: &[ParamSpec::scalar("lambda", "shape", Constraint::OpenUnit).with_aliases(&[P])],
    check: no_check,
    support: unit_interval,
    log_density: Some(log_density),
    summary: "CB(lambda): continuous Bernoulli distribution on [0, 1] with shape λ ∈ (0, 1).",
};

/// log C(λ). At λ = ½ the general form is 0/0; its limit is 2. A symbolic λ gets the general form, whose
/// singularity at ½ is removable.
pub fn log_normaliser(lambda: Expr) -> Expr {
    if lambda == Expr::ratio(1, 2) {
        return log(Expr::int(2));
    }
    let one_minus = 1 - lambda.clone();
    log(log(one_minus.clone() / lambda.clone()) / (one_minus - lambda))
}

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let lambda = scalar(params, 0);
    log_normaliser(lambda.clone())
        + x.clone() * log(lambda.clone())
        + (1 - x.clone()) * log(1 - lambda)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;

    #[test]
    fn density_integrates_to_one() {
        let total = total_probability(&member(&SPEC, &[0.2]));
        assert!((total - 1.0).abs() < TOTAL_TOLERANCE, "total {total}");
        let total = total_probability(&member(&SPEC, &[0.875]));
        assert!((total - 1.0).abs() < TOTAL_TOLERANCE, "total {total}");
        let total = total_probability(&member(&SPEC, &[0.5]));
        assert!((total - 1.0).abs() < TOTAL_TOLERANCE, "total {total}");
    }
}
