//! Rules that identify one family with another: point masses, and a Beta with a two-component Dirichlet
//! (the law of x against that of (x, 1 − x)).

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::{Family, FamilyKind, Param};
use crate::rules::{lookup, sign_of, Query, Rule, RuleResult, Verdict};
use crate::sym::Expr;

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::PointMass,
        q: Some(FamilyKind::PointMass),
        formula: point_masses,
        reference: "definition: KL(δ_a ‖ δ_b) = 0 if a = b, +∞ otherwise",
    },
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Beta,
        q: Some(FamilyKind::Dirichlet),
        formula: beta_against_dirichlet,
        reference:
            "Dir(a, b) on {(x, 1 − x)} is Beta(a, b) on x; Penny (2001), Beta and Dirichlet KL",
    },
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Dirichlet,
        q: Some(FamilyKind::Beta),
        formula: dirichlet_against_beta,
        reference:
            "Dir(a, b) on {(x, 1 − x)} is Beta(a, b) on x; Penny (2001), Beta and Dirichlet KL",
    },
];

/// KL(δ_a ‖ δ_b).
///
/// # Formula
///
/// ```text
/// 0 if a = b, +∞ otherwise
/// ```
fn point_masses(query: &Query<'_>) -> RuleResult {
    match sign_of(&(query.p.scalar(0).clone() - query.q().scalar(0).clone())) {
        Some(Ordering::Equal) => Ok(Expr::int(0)),
        Some(_) => Err(Verdict::Infinite(
            "point masses at different points are mutually singular".into(),
        )),
        None => Err(Verdict::Undecided(
            "cannot decide whether the two points are equal".into(),
        )),
    }
}

/// A two-component Dirichlet as a Beta.
fn as_beta(dirichlet: &Family) -> Result<Family, Verdict> {
    match dirichlet.vector(0) {
        [a, b] => Ok(Family {
            kind: FamilyKind::Beta,
            params: vec![Param::Scalar(a.clone()), Param::Scalar(b.clone())],
        }),
        _ => Err(Verdict::NotApplicable(
            "a Beta compares with a Dirichlet of two components only".into(),
        )),
    }
}

fn beta_kl(p: &Family, q: &Family) -> RuleResult {
    let rule = lookup(
        DivergenceKind::KullbackLeibler,
        FamilyKind::Beta,
        Some(FamilyKind::Beta),
    )
    .ok_or_else(|| Verdict::NotApplicable("no Beta rule".into()))?;
    (rule.formula)(&Query {
        p,
        q: Some(q),
        order: None,
    })
}

/// KL(Beta(a₁, b₁) ‖ Dir([a₂, b₂])) = KL(Beta(a₁, b₁) ‖ Beta(a₂, b₂)).
fn beta_against_dirichlet(query: &Query<'_>) -> RuleResult {
    beta_kl(query.p, &as_beta(query.q())?)
}

/// KL(Dir([a₁, b₁]) ‖ Beta(a₂, b₂)) = KL(Beta(a₁, b₁) ‖ Beta(a₂, b₂)).
fn dirichlet_against_beta(query: &Query<'_>) -> RuleResult {
    beta_kl(&as_beta(query.p)?, query.q())
}

#[cfg(test)]
mod tests {
    use crate::{AnswerValue, Outcome, Session};

    fn exact(expression: &str) -> String {
        match Session::new().eval(expression) {
            Ok(Outcome::Answer(answer)) => match answer.value {
                AnswerValue::Infinite { .. } => "inf".into(),
                _ => answer.exact.expect("exact").to_string(),
            },
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn beta_and_two_component_dirichlet_agree() {
        let beta = exact("KL(Beta(3/2, 5/2) || Beta(2, 3))");
        assert_eq!(exact("KL(Beta(3/2, 5/2) || Dir([2, 3]))"), beta);
        assert_eq!(exact("KL(Dir([3/2, 5/2]) || Beta(2, 3))"), beta);
    }

    #[test]
    fn point_masses() {
        assert_eq!(exact("KL(Delta(1) || Delta(1))"), "0");
        assert_eq!(exact("KL(Delta(1) || Delta(2))"), "inf");
    }
}
