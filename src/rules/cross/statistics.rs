//! The sufficient statistics of table T2 (closed_forms.md §3.1) and their expectations under each source
//! family (table T3).
//!
//! [`expectation`] maps a source P and a statistic T to E_P[T]: a closed form, +∞ when T is not P-integrable
//! (E_P|T| = ∞, the meaning of "diverges" in T3), or `Unknown` when no closed form is known. Conditions on the
//! parameters are decided exactly; symbols that leave one open give the verdict `Undecided`. The per-family
//! tables live in [`super::real_line`], [`super::positive`], [`super::bounded`], [`super::discrete`] and
//! [`super::extra`].

use std::cmp::Ordering;
use std::fmt;

use crate::family::{Family, FamilyKind, Param};
use crate::rules::{is_positive, sign_of, Verdict};
use crate::sym::Expr;

use super::{bounded, discrete, extra, positive, real_line};

/// A function T(x) whose expectation enters a cross-entropy E_P[−log q] = c₀ + Σ cⱼ E_P[Tⱼ].
#[derive(Clone, Debug, PartialEq)]
pub enum Statistic {
    /// X.
    Identity,
    /// X².
    Square,
    /// log X (P on (0, ∞)).
    Log,
    /// (log X)².
    LogSquare,
    /// 1/X.
    Reciprocal,
    /// log(1 − X) (P on (0, 1)).
    LogComplement,
    /// X^t for the given t.
    Power(Expr),
    /// e^{−cX} for the given c > 0.
    ExpDecay(Expr),
    /// |X − m| for the given m.
    AbsoluteDeviation(Expr),
    /// log(1 + ((X − center)/scale)²), the statistic of the Cauchy and Student t targets.
    LogCauchy {
        /// y₀.
        center: Expr,
        /// h > 0.
        scale: Expr,
    },
    /// log(1 + e^{−(X − center)/scale}), the statistic of the logistic target.
    LogLogistic {
        /// m.
        center: Expr,
        /// s > 0.
        scale: Expr,
    },
    /// log K! (P on the integers ≥ 0).
    LogFactorial,
    /// log C(n, K), the binomial coefficient of the given n.
    LogChoose(Expr),
}

impl fmt::Display for Statistic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Statistic::Identity => f.write_str("X"),
            Statistic::Square => f.write_str("X^2"),
            Statistic::Log => f.write_str("log(X)"),
            Statistic::LogSquare => f.write_str("log(X)^2"),
            Statistic::Reciprocal => f.write_str("1/X"),
            Statistic::LogComplement => f.write_str("log(1 - X)"),
            Statistic::Power(t) => write!(f, "X^({t})"),
            Statistic::ExpDecay(c) => write!(f, "exp(-({c}) X)"),
            Statistic::AbsoluteDeviation(m) => write!(f, "|X - ({m})|"),
            Statistic::LogCauchy { center, scale } => {
                write!(f, "log(1 + ((X - ({center}))/({scale}))^2)")
            }
            Statistic::LogLogistic { center, scale } => {
                write!(f, "log(1 + exp(-(X - ({center}))/({scale})))")
            }
            Statistic::LogFactorial => f.write_str("log(X!)"),
            Statistic::LogChoose(n) => write!(f, "log(binomial({n}, X))"),
        }
    }
}

/// E_P[T], when it exists in closed form.
#[derive(Clone, Debug, PartialEq)]
pub enum Expectation {
    /// A closed form over P's parameters.
    Finite(Expr),
    /// T is not P-integrable (E_P|T| = ∞), for the reason given (`E[X^2] diverges for T(2, 0, 1)`).
    Infinite(String),
    /// Finite or not, it has no closed form here: the numeric fallback takes over.
    Unknown,
}

/// An expectation, or the verdict that stopped it (`Undecided` when symbols leave a condition open).
pub type Outcome = Result<Expectation, Verdict>;

/// E_P[T] for a source family P (table T3). Exponential and χ² are read as Gamma(1, λ) and Gamma(k/2, ½),
/// Geometric as NegBin(1, p): one table serves each group.
pub fn expectation(p: &Family, statistic: &Statistic) -> Outcome {
    let canonical = canonical(p);
    let source = canonical.as_ref().unwrap_or(p);
    let outcome = match source.kind {
        FamilyKind::Normal => real_line::normal(source, statistic),
        FamilyKind::Laplace => real_line::laplace(source, statistic),
        FamilyKind::Cauchy => real_line::cauchy(source, statistic),
        FamilyKind::StudentT => real_line::student_t(source, statistic),
        FamilyKind::Logistic => real_line::logistic(source, statistic),
        FamilyKind::Gumbel => real_line::gumbel(source, statistic),
        FamilyKind::Moyal => real_line::moyal(source, statistic),
        FamilyKind::Gamma => positive::gamma(source, statistic),
        FamilyKind::InverseGamma => positive::inverse_gamma(source, statistic),
        FamilyKind::LogNormal => positive::log_normal(source, statistic),
        FamilyKind::Weibull => positive::weibull(source, statistic),
        FamilyKind::Pareto => positive::pareto(source, statistic),
        FamilyKind::HalfNormal => positive::half_normal(source, statistic),
        FamilyKind::Rayleigh => positive::rayleigh(source, statistic),
        FamilyKind::Chi => extra::chi(source, statistic),
        FamilyKind::Lindley => extra::lindley(source, statistic),
        FamilyKind::HalfCauchy => extra::half_cauchy(source, statistic),
        FamilyKind::Uniform => bounded::uniform(source, statistic),
        FamilyKind::Beta => bounded::beta(source, statistic),
        FamilyKind::Kumaraswamy => bounded::kumaraswamy(source, statistic),
        FamilyKind::ContinuousBernoulli => bounded::continuous_bernoulli(source, statistic),
        FamilyKind::LogUniform => bounded::log_uniform(source, statistic),
        FamilyKind::Bernoulli => discrete::bernoulli(source, statistic),
        FamilyKind::Binomial => discrete::binomial(source, statistic),
        FamilyKind::Poisson => discrete::poisson(source, statistic),
        FamilyKind::NegativeBinomial => discrete::negative_binomial(source, statistic),
        FamilyKind::Categorical => discrete::categorical(source, statistic),
        _ => Ok(Expectation::Unknown),
    }?;
    // The reason names the distribution as the user wrote it, not its canonical stand-in.
    Ok(match outcome {
        Expectation::Infinite(_) if canonical.is_some() => diverges(statistic, p),
        other => other,
    })
}

/// The family a source is read as, when it is a special case of another (`None`: itself).
pub fn canonical(p: &Family) -> Option<Family> {
    let scalar = |value: Expr| Param::Scalar(value);
    Some(match p.kind {
        FamilyKind::Exponential => Family {
            kind: FamilyKind::Gamma,
            params: vec![scalar(Expr::int(1)), scalar(p.scalar(0).clone())],
        },
        FamilyKind::ChiSquared => Family {
            kind: FamilyKind::Gamma,
            params: vec![scalar(p.scalar(0).clone() / 2), scalar(Expr::ratio(1, 2))],
        },
        FamilyKind::Geometric => Family {
            kind: FamilyKind::NegativeBinomial,
            params: vec![scalar(Expr::int(1)), scalar(p.scalar(0).clone())],
        },
        _ => return None,
    })
}

/// T is not P-integrable.
pub fn diverges(statistic: &Statistic, p: &Family) -> Expectation {
    Expectation::Infinite(format!("E[{statistic}] diverges for {p}"))
}

/// `value` when `condition > 0`, else +∞ (the moment diverges); `text` names the condition (`df > 2`).
pub fn finite_when(
    condition: Expr,
    text: &str,
    statistic: &Statistic,
    p: &Family,
    value: impl FnOnce() -> Expr,
) -> Outcome {
    Ok(if is_positive(&condition, text)? {
        Expectation::Finite(value())
    } else {
        diverges(statistic, p)
    })
}

/// The sign of `expr`, or the verdict `Undecided` naming `text` (`loc - m`) when symbols leave it open.
pub fn sign(expr: &Expr, text: &str) -> Result<Ordering, Verdict> {
    sign_of(expr).ok_or_else(|| {
        Verdict::Undecided(format!(
            "cannot decide the sign of {text} for symbolic parameters"
        ))
    })
}

/// Whether `expr` is exactly zero: `Ok(true)`, `Ok(false)`, or `Undecided`. Used where a closed form exists
/// only at one point (`m` equal to the location), so that symbols do not silently lose it.
pub fn is_zero(expr: &Expr, text: &str) -> Result<bool, Verdict> {
    sign(expr, text).map(|sign| sign == Ordering::Equal)
}

/// A closed form that exists only for some literal parameters (an integer shape): `Undecided` when the
/// parameter is symbolic (it might be one of them), `Unknown` otherwise.
pub fn only_for_literals(parameter: &Expr, what: &str) -> Outcome {
    if parameter.has_symbols() {
        Err(Verdict::Undecided(format!(
            "a closed form exists only for {what}; the parameter is symbolic"
        )))
    } else {
        Ok(Expectation::Unknown)
    }
}

/// E|X − m| from E X, P(X < m) and the partial mean E[X; X < m]:
/// E|X − m| = E X − m + 2(m P(X < m) − E[X; X < m]).
pub fn absolute_deviation(mean: Expr, m: Expr, below: Expr, partial_mean: Expr) -> Expr {
    mean - m.clone() + 2 * (m * below - partial_mean)
}

/// The weighted sum Σ wᵢ E_{Pᵢ}[T] of a finite mixture: infinite when one component's is, unknown when one
/// component's is.
pub fn mixture(components: &[(Expr, Family)], statistic: &Statistic, shown: &Family) -> Outcome {
    let mut total = Expr::int(0);
    for (weight, component) in components {
        match expectation(component, statistic)? {
            Expectation::Finite(value) => total = total + weight.clone() * value,
            Expectation::Infinite(_) => return Ok(diverges(statistic, shown)),
            Expectation::Unknown => return Ok(Expectation::Unknown),
        }
    }
    Ok(Expectation::Finite(total))
}
