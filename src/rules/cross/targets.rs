//! Table T2 of closed_forms.md §3.1: for each target family Q, −log q(x) = c₀ + Σ cⱼ Tⱼ(x) on supp Q.
//!
//! Each term also says how it grows ([`Growth`]), which decides what a divergent expectation E_P[Tⱼ] = ∞
//! implies for the cross-entropy.

use std::cmp::Ordering;

use crate::family::continuous_bernoulli::log_normaliser;
use crate::family::{Family, FamilyKind};
use crate::rules::{sign_of, Verdict};
use crate::sym::{exp, lgamma, log, log_beta, pi, sqrt, Expr};

use super::statistics::{canonical, Statistic};

/// How a term cⱼTⱼ of −log q behaves on supp Q, for the case E_P|Tⱼ| = ∞.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Growth {
    /// −log q(x) ≥ ε|Tⱼ(x)| − C on supp Q for some ε > 0: a divergent E_P|Tⱼ| makes H(P, Q) = +∞ whatever
    /// the other terms do.
    Dominant,
    /// cⱼTⱼ is bounded below on supp Q: its divergence is to +∞, which other terms bounded below cannot
    /// cancel.
    BoundedBelow,
    /// Neither: a divergent expectation leaves the sum undetermined (∞ − ∞).
    Signed,
}

/// One term cⱼ·Tⱼ.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// cⱼ.
    pub coefficient: Expr,
    /// Tⱼ.
    pub statistic: Statistic,
    /// How cⱼTⱼ grows.
    pub growth: Growth,
}

/// −log q(x) = constant + Σ terms, on supp Q.
#[derive(Clone, Debug, PartialEq)]
pub struct Decomposition {
    /// c₀.
    pub constant: Expr,
    /// The terms cⱼTⱼ.
    pub terms: Vec<Term>,
}

fn term(coefficient: Expr, statistic: Statistic, growth: Growth) -> Term {
    Term {
        coefficient,
        statistic,
        growth,
    }
}

/// Every target family of T2 (Exponential and χ² are read as Gamma).
pub const TARGETS: &[FamilyKind] = &[
    FamilyKind::Normal,
    FamilyKind::Exponential,
    FamilyKind::Gamma,
    FamilyKind::ChiSquared,
    FamilyKind::InverseGamma,
    FamilyKind::Beta,
    FamilyKind::Laplace,
    FamilyKind::Uniform,
    FamilyKind::Cauchy,
    FamilyKind::StudentT,
    FamilyKind::LogNormal,
    FamilyKind::Weibull,
    FamilyKind::Gumbel,
    FamilyKind::Pareto,
    FamilyKind::HalfNormal,
    FamilyKind::Rayleigh,
    FamilyKind::Logistic,
    FamilyKind::ContinuousBernoulli,
    FamilyKind::Poisson,
    FamilyKind::Geometric,
    FamilyKind::Bernoulli,
    FamilyKind::Binomial,
];

/// Whether `expr` is known to be exactly zero.
fn known_zero(expr: &Expr) -> bool {
    sign_of(expr) == Some(Ordering::Equal)
}

/// A degenerate target (a point mass in disguise, such as Poisson(0)): the finite-sum path handles it.
fn degenerate(q: &Family) -> Verdict {
    Verdict::NotApplicable(format!(
        "{q} is a point mass; its log-mass has no such expansion"
    ))
}

/// The decomposition of −log q for a target family, or `NotApplicable` for a family outside T2.
pub fn decompose(q: &Family) -> Result<Decomposition, Verdict> {
    if let Some(stand_in) = canonical(q).filter(|stand_in| stand_in.kind == FamilyKind::Gamma) {
        return decompose(&stand_in);
    }
    let s = |index: usize| q.scalar(index).clone();
    use Growth::*;
    use Statistic::*;
    let (constant, terms) = match q.kind {
        FamilyKind::Normal => {
            let (mean, variance) = (s(0), s(1));
            (
                log(2 * pi() * variance.clone()) / 2
                    + mean.clone().powi(2) / (2 * variance.clone()),
                vec![
                    term(1 / (2 * variance.clone()), Square, Dominant),
                    term(-mean / variance, Identity, Dominant),
                ],
            )
        }
        FamilyKind::Gamma => {
            let (shape, rate) = (s(0), s(1));
            (
                lgamma(shape.clone()) - shape.clone() * log(rate.clone()),
                vec![
                    term(1 - shape, Log, Signed),
                    term(rate, Identity, BoundedBelow),
                ],
            )
        }
        FamilyKind::InverseGamma => {
            let (shape, scale) = (s(0), s(1));
            (
                lgamma(shape.clone()) - shape.clone() * log(scale.clone()),
                vec![
                    term(shape + 1, Log, Dominant),
                    term(scale, Reciprocal, Dominant),
                ],
            )
        }
        FamilyKind::Beta => {
            let (alpha, beta) = (s(0), s(1));
            (
                log_beta(alpha.clone(), beta.clone()),
                vec![
                    term(1 - alpha, Log, Signed),
                    term(1 - beta, LogComplement, Signed),
                ],
            )
        }
        FamilyKind::Laplace => {
            let (location, scale) = (s(0), s(1));
            (
                log(2 * scale.clone()),
                vec![term(1 / scale, AbsoluteDeviation(location), Dominant)],
            )
        }
        FamilyKind::Uniform => (log(s(1) - s(0)), Vec::new()),
        FamilyKind::Cauchy => {
            let (location, scale) = (s(0), s(1));
            (
                log(pi() * scale.clone()),
                vec![term(
                    Expr::int(1),
                    LogCauchy {
                        center: location,
                        scale,
                    },
                    Dominant,
                )],
            )
        }
        FamilyKind::StudentT => {
            let (df, location, scale) = (s(0), s(1), s(2));
            (
                lgamma(df.clone() / 2) - lgamma((df.clone() + 1) / 2)
                    + log(df.clone() * pi() * scale.clone().powi(2)) / 2,
                vec![term(
                    (df.clone() + 1) / 2,
                    LogCauchy {
                        center: location,
                        scale: scale * sqrt(df),
                    },
                    Dominant,
                )],
            )
        }
        FamilyKind::LogNormal => {
            let (mean, variance) = (s(0), s(1));
            (
                log(2 * pi() * variance.clone()) / 2
                    + mean.clone().powi(2) / (2 * variance.clone()),
                vec![
                    term(1 - mean / variance.clone(), Log, Dominant),
                    term(1 / (2 * variance), LogSquare, Dominant),
                ],
            )
        }
        FamilyKind::Weibull => {
            let (shape, scale) = (s(0), s(1));
            (
                shape.clone() * log(scale.clone()) - log(shape.clone()),
                vec![
                    term(1 - shape.clone(), Log, Signed),
                    term(scale.pow(-shape.clone()), Power(shape), BoundedBelow),
                ],
            )
        }
        FamilyKind::Gumbel => {
            let (location, scale) = (s(0), s(1));
            (
                log(scale.clone()) - location.clone() / scale.clone(),
                vec![
                    term(1 / scale.clone(), Identity, Dominant),
                    term(exp(location / scale.clone()), ExpDecay(1 / scale), Dominant),
                ],
            )
        }
        FamilyKind::Pareto => {
            let (minimum, shape) = (s(0), s(1));
            (
                -log(shape.clone()) - shape.clone() * log(minimum),
                vec![term(shape + 1, Log, Dominant)],
            )
        }
        FamilyKind::HalfNormal => {
            let variance = s(0);
            (
                log(pi() * variance.clone() / 2) / 2,
                vec![term(1 / (2 * variance), Square, Dominant)],
            )
        }
        FamilyKind::Rayleigh => {
            let scale = s(0);
            (
                2 * log(scale.clone()),
                vec![
                    term(Expr::int(-1), Log, Dominant),
                    term(1 / (2 * scale.powi(2)), Square, Dominant),
                ],
            )
        }
        FamilyKind::Logistic => {
            let (location, scale) = (s(0), s(1));
            (
                log(scale.clone()) - location.clone() / scale.clone(),
                vec![
                    term(1 / scale.clone(), Identity, Dominant),
                    term(
                        Expr::int(2),
                        LogLogistic {
                            center: location,
                            scale,
                        },
                        Dominant,
                    ),
                ],
            )
        }
        FamilyKind::ContinuousBernoulli => {
            // log q(x) = log C(λ) + log(1 − λ) + x (log λ − log(1 − λ)).
            let lambda = s(0);
            (
                -log_normaliser(lambda.clone()) - log(1 - lambda.clone()),
                vec![term(
                    log(1 - lambda.clone()) - log(lambda),
                    Identity,
                    Signed,
                )],
            )
        }
        FamilyKind::Poisson => {
            let rate = s(0);
            if known_zero(&rate) {
                return Err(degenerate(q));
            }
            (
                rate.clone(),
                vec![
                    term(-log(rate), Identity, Signed),
                    term(Expr::int(1), LogFactorial, BoundedBelow),
                ],
            )
        }
        FamilyKind::Geometric => {
            let probability = s(0);
            if known_zero(&(1 - probability.clone())) {
                return Err(degenerate(q));
            }
            (
                -log(probability.clone()),
                vec![term(-log(1 - probability), Identity, BoundedBelow)],
            )
        }
        FamilyKind::Bernoulli | FamilyKind::Binomial => {
            let (trials, probability) = match q.kind {
                FamilyKind::Bernoulli => (Expr::int(1), s(0)),
                _ => (s(0), s(1)),
            };
            if known_zero(&probability) || known_zero(&(1 - probability.clone())) {
                return Err(degenerate(q));
            }
            let mut terms = vec![term(
                log(1 - probability.clone()) - log(probability.clone()),
                Identity,
                Signed,
            )];
            if q.kind == FamilyKind::Binomial {
                terms.push(term(Expr::int(-1), LogChoose(trials.clone()), Signed));
            }
            (-trials * log(1 - probability), terms)
        }
        _ => {
            return Err(Verdict::NotApplicable(format!(
                "{} is not a target of the cross-entropy product",
                q.spec().display
            )))
        }
    };
    Ok(Decomposition { constant, terms })
}
