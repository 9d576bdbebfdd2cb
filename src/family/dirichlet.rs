//! Dirichlet Dir(α): concentration vector α₁…α_K (K ≥ 2, each > 0), density ∏ xᵢ^{αᵢ−1} / B(α) on the simplex.
//!
//! Keywords: `alpha` (alias `concentration`).

use super::checks::min_length;
use super::common::synonym;
use super::{Alias, Constraint, FamilyKind, FamilySpec, Param, ParamError, ParamSpec, Support};

const CONCENTRATION: Alias = synonym("concentration");

/// The Dirichlet family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Dirichlet,
    display: "Dirichlet",
    names: &["Dir", "Dirichlet"],
    params: &[
        ParamSpec::scalar("alpha", "concentration", Constraint::Positive)
            .vector()
            .with_aliases(&[CONCENTRATION]),
    ],
    check,
    support,
    log_density: None,
    summary:
        "Dir([alpha…]): Dirichlet distribution on the simplex with concentrations α₁…α_K, K ≥ 2.",
};

fn check(params: &[Param]) -> Result<(), ParamError> {
    min_length(params[0].vector(), 2, "concentration vector", 0)
}

fn support(params: &[Param]) -> Support {
    Support::Simplex(params[0].vector().len())
}
