//! Multinomial(n, p): trials n (integer ≥ 0) and category probabilities p₁…p_K summing to exactly 1, mass
//! n!/∏kᵢ! · ∏ pᵢ^{kᵢ} on count vectors summing to n.
//!
//! Keywords: `n` (alias `trials`); `p` (alias `probs`).

use super::checks::probability_vector;
use super::common::{scalar, synonym};
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamError, ParamSpec, Support};

const TRIALS: Alias = synonym("trials");
const PROBS: Alias = synonym("probs");

/// The multinomial family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Multinomial,
    display: "Multinomial",
    names: &["Multinomial"],
    params: &[
        ParamSpec::scalar("n", "number of trials", Constraint::NonNegativeInteger).with_aliases(&[TRIALS]),
        ParamSpec::scalar("p", "probability", Constraint::ClosedUnit).vector().with_aliases(&[PROBS]),
    ],
    check,
    support,
    log_density: None,
    summary: "Multinomial(n, [p…]): counts of K categories in n trials with probabilities summing to exactly 1.",
};

fn check(params: &[Param]) -> Result<(), ParamError> {
    probability_vector(params[1].vector(), "probabilities", 1)
}

fn support(params: &[Param]) -> Support {
    Support::Counts {
        trials: scalar(params, 0),
        categories: params[1].vector().len(),
    }
}
