//! Categorical Cat(p₁, …, p_K): probabilities of the outcomes 1…K, each in [0, 1], summing to exactly 1.
//!
//! Keywords: `p` (alias `probs`). Written `Cat(0.7, 0.2, 0.1)` or `Cat([0.7, 0.2, 0.1])`: the builder gathers
//! several positional numbers into the one vector.

use super::checks::probability_vector;
use super::common::synonym;
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamError, ParamSpec, Support};
use crate::sym::{log, sum, Expr};

const PROBS: Alias = synonym("probs");

/// The categorical family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Categorical,
    display: "Categorical",
    names: &["Cat", "Categorical"],
    params: &[
        ParamSpec::scalar("p", "probability", Constraint::ClosedUnit)
            .vector()
            .with_aliases(&[PROBS]),
    ],
    check,
    support,
    log_density: Some(log_density),
    summary:
        "Cat(p1, …, pK): categorical distribution on {1…K} with probabilities summing to exactly 1.",
};

fn check(params: &[Param]) -> Result<(), ParamError> {
    probability_vector(params[0].vector(), "probabilities", 0)
}

fn support(params: &[Param]) -> Support {
    Support::Integers {
        lower: Expr::int(1),
        upper: Some(Expr::int(params[0].vector().len() as i64)),
    }
}

/// log p_x. An integer literal x picks its probability; any other x gets the Lagrange polynomial through the
/// points (i, pᵢ), which equals p_x at every point of the support.
fn log_density(params: &[Param], x: &Expr) -> Expr {
    let probabilities = params[0].vector();
    let picked = x
        .as_rational()
        .filter(|value| value.is_integer())
        .and_then(|value| {
            let index = num_traits::ToPrimitive::to_usize(value.numer())?;
            probabilities.get(index.checked_sub(1)?)
        });
    if let Some(probability) = picked {
        return log(probability.clone());
    }
    let count = probabilities.len() as i64;
    let interpolant = sum(probabilities.iter().zip(1..).map(|(probability, i)| {
        (1..=count)
            .filter(|&j| j != i)
            .fold(probability.clone(), |term, j| {
                term * (x.clone() - j) / Expr::int(i - j)
            })
    }));
    log(interpolant)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;
    use statrs::distribution::{Categorical, Discrete};

    use crate::sym::Domain;

    #[test]
    fn matches_statrs_shifted_from_zero_based() {
        let probabilities = [0.125, 0.5, 0.25, 0.125];
        let reference = Categorical::new(&probabilities).unwrap();
        let family = member(&SPEC, &probabilities);
        assert_matches(&family, &[1.0, 2.0, 3.0, 4.0], |x| {
            reference.ln_pmf(x as u64 - 1)
        });
    }

    #[test]
    fn symbolic_outcome_interpolates_the_probabilities() {
        let family = member(&SPEC, &[0.125, 0.5, 0.25, 0.125]);
        let symbolic = family
            .log_density(&Expr::symbol("x", Domain::PositiveInteger))
            .unwrap();
        for x in 1..=4 {
            let at = crate::sym::float::eval_f64(&symbolic.substitute("x", &Expr::int(x))).unwrap();
            assert!(
                (at - log_density_at(&family, x as f64)).abs() < 1e-14,
                "at {x}"
            );
        }
    }
}
