//! Which ordered pairs (P, Q) get a rule: every source of T3 against every target of T2, of different
//! families, whose supports can be nested, and for which the product gives something (a closed form, +∞,
//! or a condition on symbols) for generic parameters.

use crate::divergence::DivergenceKind;
use crate::family::{Family, FamilyKind, Param};
use crate::rules::{symbolic_member, Rule, Verdict};
use crate::sym::{Domain, Expr};

use super::targets::TARGETS;
use super::{cross_entropy, cross_entropy_rule, kullback_leibler_rule, point_mass_rule};

/// Every source family of T3, with the extra sources (Moyal, Chi, Lindley, half-Cauchy, Kumaraswamy,
/// continuous Bernoulli, log-uniform) and the bounded ones that only meet the uniform target (logit-normal,
/// von Mises).
pub const SOURCES: &[FamilyKind] = &[
    FamilyKind::Normal,
    FamilyKind::Laplace,
    FamilyKind::Cauchy,
    FamilyKind::StudentT,
    FamilyKind::Logistic,
    FamilyKind::Gumbel,
    FamilyKind::Moyal,
    FamilyKind::Exponential,
    FamilyKind::Gamma,
    FamilyKind::ChiSquared,
    FamilyKind::InverseGamma,
    FamilyKind::LogNormal,
    FamilyKind::Weibull,
    FamilyKind::Pareto,
    FamilyKind::HalfNormal,
    FamilyKind::Rayleigh,
    FamilyKind::Chi,
    FamilyKind::Lindley,
    FamilyKind::HalfCauchy,
    FamilyKind::Uniform,
    FamilyKind::Beta,
    FamilyKind::Kumaraswamy,
    FamilyKind::ContinuousBernoulli,
    FamilyKind::LogUniform,
    FamilyKind::LogitNormal,
    FamilyKind::VonMises,
    FamilyKind::Bernoulli,
    FamilyKind::Binomial,
    FamilyKind::Poisson,
    FamilyKind::Geometric,
    FamilyKind::NegativeBinomial,
    FamilyKind::Categorical,
];

/// The discrete families a point mass is paired with.
const POINT_MASS_TARGETS: &[FamilyKind] = &[
    FamilyKind::Bernoulli,
    FamilyKind::Binomial,
    FamilyKind::Poisson,
    FamilyKind::Geometric,
    FamilyKind::NegativeBinomial,
    FamilyKind::Categorical,
];

const REFERENCE: &str =
    "Nielsen & Nock (2010), cross-entropy of exponential families; closed_forms.md §3.1 T2/T3";

const POINT_MASS_REFERENCE: &str = "definition: KL(Delta(v) || Q) = H(Delta(v), Q) = -log q(v)";

/// Where a family lives, coarsely: enough to rule out pairs whose supports are never nested.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// ℝ.
    Line,
    /// (0, ∞).
    HalfLine,
    /// [xₘ, ∞), xₘ > 0 (Pareto).
    AboveMinimum,
    /// (0, 1).
    UnitInterval,
    /// A bounded interval given by the parameters (uniform, log-uniform).
    Interval,
    /// [−π, π] (von Mises).
    Circle,
    /// {0, 1, …}.
    Naturals,
    /// A finite set of integers.
    FiniteIntegers,
}

fn place(kind: FamilyKind) -> Option<Place> {
    use FamilyKind::*;
    Some(match kind {
        Normal | Laplace | Cauchy | StudentT | Logistic | Gumbel | Moyal => Place::Line,
        Exponential | Gamma | ChiSquared | InverseGamma | LogNormal | Weibull | HalfNormal
        | Rayleigh | Chi | Lindley | HalfCauchy => Place::HalfLine,
        Pareto => Place::AboveMinimum,
        Beta | Kumaraswamy | ContinuousBernoulli | LogitNormal => Place::UnitInterval,
        Uniform | LogUniform => Place::Interval,
        VonMises => Place::Circle,
        Poisson | Geometric | NegativeBinomial => Place::Naturals,
        Bernoulli | Binomial | Categorical => Place::FiniteIntegers,
        _ => return None,
    })
}

/// Whether supp P ⊆ supp Q holds for some parameters.
fn may_nest(p: FamilyKind, q: FamilyKind) -> bool {
    use Place::*;
    let (Some(inner), Some(outer)) = (place(p), place(q)) else {
        return false;
    };
    match inner {
        Line => outer == Line,
        HalfLine => matches!(outer, Line | HalfLine),
        AboveMinimum => matches!(outer, Line | HalfLine | AboveMinimum),
        UnitInterval => matches!(outer, Line | HalfLine | UnitInterval | Interval),
        Interval => matches!(
            outer,
            Line | HalfLine | AboveMinimum | UnitInterval | Interval
        ),
        Circle => matches!(outer, Line | Interval),
        Naturals => outer == Naturals,
        FiniteIntegers => matches!(outer, Naturals | FiniteIntegers),
    }
}

/// A member with symbolic parameters (three symbolic probabilities for a categorical).
fn probe_member(kind: FamilyKind, suffix: &str) -> Option<Family> {
    if kind == FamilyKind::Categorical {
        let probability = |i: usize| Expr::symbol(&format!("p{i}{suffix}"), Domain::OpenUnit);
        return Some(Family {
            kind,
            params: vec![Param::Vector((1..=3).map(probability).collect())],
        });
    }
    symbolic_member(kind, suffix)
}

/// Whether the product gives anything for generic parameters of P and Q: it does unless it has no closed
/// form whatever the parameters.
fn produces(p: FamilyKind, q: FamilyKind) -> bool {
    let (Some(p), Some(q)) = (probe_member(p, "1"), probe_member(q, "2")) else {
        return false;
    };
    !matches!(cross_entropy(&p, &q), Err(Verdict::NotApplicable(_)))
}

fn rule(
    divergence: DivergenceKind,
    p: FamilyKind,
    q: FamilyKind,
    formula: fn(&crate::rules::Query<'_>) -> crate::rules::RuleResult,
    reference: &'static str,
) -> Rule {
    Rule {
        divergence,
        p,
        q: Some(q),
        formula,
        reference,
    }
}

/// The rule table of this module.
pub fn build() -> Vec<Rule> {
    let mut rules = Vec::new();
    for &p in SOURCES {
        for &q in TARGETS {
            if p != q && may_nest(p, q) && produces(p, q) {
                rules.push(rule(
                    DivergenceKind::KullbackLeibler,
                    p,
                    q,
                    kullback_leibler_rule,
                    REFERENCE,
                ));
                rules.push(rule(
                    DivergenceKind::CrossEntropy,
                    p,
                    q,
                    cross_entropy_rule,
                    REFERENCE,
                ));
            }
        }
    }
    for &q in POINT_MASS_TARGETS {
        for divergence in [
            DivergenceKind::KullbackLeibler,
            DivergenceKind::CrossEntropy,
        ] {
            rules.push(rule(
                divergence,
                FamilyKind::PointMass,
                q,
                point_mass_rule,
                POINT_MASS_REFERENCE,
            ));
        }
    }
    rules
}
