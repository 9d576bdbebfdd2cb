//! Total variation TV(P, Q) = ½∫|p − q| = P(A) − Q(A), A = {p > q}, in closed form where the crossing set
//! {p = q} is explicit and the distribution functions are closed.
//!
//! The continuous rules ([`continuous`]) list the crossings of the log-ratio log p − log q on the common
//! support; [`from_crossings`] then decides the sign of the log-ratio between consecutive crossings and adds
//! P(I) − Q(I) over the intervals where it is positive. The discrete rules ([`discrete`]) do the same on the
//! integers, with finite sums for the distribution functions. TV is invariant under a common bijection, so
//! the log-normal uses the normal rule and Rayleigh, Weibull (common shape) and Gumbel (common scale) the
//! exponential one. The dispatcher has already answered P = Q (0) and mutually singular supports (1).

mod continuous;
mod discrete;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_session;

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::rules::{sign_of, Rule, RuleResult, Verdict};
use crate::sym::Expr;

/// The rules of this file.
pub static RULES: &[Rule] = &[
    rule(FamilyKind::Normal, continuous::normal, NORMAL),
    rule(FamilyKind::LogNormal, continuous::normal, NORMAL),
    rule(FamilyKind::HalfNormal, continuous::half_normal, NORMAL),
    rule(
        FamilyKind::Exponential,
        continuous::exponential,
        EXPONENTIAL,
    ),
    rule(FamilyKind::Rayleigh, continuous::rayleigh, EXPONENTIAL),
    rule(FamilyKind::Weibull, continuous::weibull, EXPONENTIAL),
    rule(FamilyKind::Gumbel, continuous::gumbel, EXPONENTIAL),
    rule(FamilyKind::Uniform, continuous::uniform, OVERLAP),
    rule(FamilyKind::Laplace, continuous::laplace, LAPLACE),
    rule(FamilyKind::Pareto, continuous::pareto, LAPLACE),
    rule(FamilyKind::Cauchy, continuous::cauchy, CAUCHY),
    rule(FamilyKind::Logistic, continuous::logistic, OVERLAP),
    rule(FamilyKind::Poisson, discrete::poisson, DISCRETE),
    rule(FamilyKind::Geometric, discrete::geometric, DISCRETE),
    rule(
        FamilyKind::NegativeBinomial,
        discrete::negative_binomial,
        DISCRETE,
    ),
];

const NORMAL: &str =
    "P(A) − Q(A) with A between the two roots of the quadratic log p/q (one root for equal \
                      variances); closed_forms.md §7 (TV.Normal, TV.LogNormal, TV.HalfNormal)";
const EXPONENTIAL: &str =
    "one crossing x* = log(λ₁/λ₂)/(λ₁ − λ₂); closed_forms.md §7 (TV.Exp, and \
                           TV.Rayleigh / TV.Weibull / TV.Gumbel through the bijections of §0.1)";
const OVERLAP: &str =
    "closed_forms.md §7: 1 − o/max(b₁ − a₁, b₂ − a₂) with o the overlap (TV.Uniform); \
                       tanh(|μ₁ − μ₂|/(4s)) for equal scales (TV.Logistic)";
const LAPLACE: &str =
    "crossings of the piecewise linear log p/q (in x, or in log x for Pareto) and the \
                       closed distribution functions; closed_forms.md §7 (TV.Laplace, TV.Pareto)";
const CAUCHY: &str = "Nielsen & Okamura, IEEE Trans. IT 69(5) (2023): TV = (2/π) arctan √(χ²/2); \
                      closed_forms.md §7 (TV.Cauchy)";
const DISCRETE: &str =
    "one crossing of the linear log-ratio, finite sums for the distribution functions; \
                        closed_forms.md §7 (TV.Poisson, TV.Geometric)";

const fn rule(
    kind: FamilyKind,
    formula: fn(&crate::rules::Query<'_>) -> RuleResult,
    reference: &'static str,
) -> Rule {
    Rule {
        divergence: DivergenceKind::TotalVariation,
        p: kind,
        q: Some(kind),
        formula,
        reference,
    }
}

/// How `a` compares with `b`, or `Undecided` naming the comparison.
pub(crate) fn decide(a: &Expr, b: &Expr, what: &str) -> Result<Ordering, Verdict> {
    if a == b {
        return Ok(Ordering::Equal);
    }
    sign_of(&(a.clone() - b.clone())).ok_or_else(|| {
        Verdict::Undecided(format!(
            "cannot decide how {what} compare for symbolic parameters"
        ))
    })
}

/// A distribution function F(x) at a finite point of the support.
pub(crate) type Cdf<'a> = &'a dyn Fn(&Expr) -> Result<Expr, Verdict>;

/// Two distributions on a common interval of the line, for [`from_crossings`]. The distribution functions
/// are evaluated at the finite ends too (P may have mass below the common lower end).
pub(crate) struct Line<'a> {
    /// The lower end of the common support (`None`: −∞).
    pub lower: Option<Expr>,
    /// The upper end (`None`: +∞).
    pub upper: Option<Expr>,
    /// log p(x) − log q(x).
    pub log_ratio: &'a dyn Fn(&Expr) -> Expr,
    /// The distribution function of P.
    pub cdf_p: Cdf<'a>,
    /// The distribution function of Q.
    pub cdf_q: Cdf<'a>,
}

/// F(b) − F(a) for an interval (a, b) of the line, F(−∞) = 0 and F(+∞) = 1.
fn mass(cdf: Cdf<'_>, a: &Option<Expr>, b: &Option<Expr>) -> RuleResult {
    let at_upper = b.as_ref().map_or(Ok(Expr::int(1)), cdf)?;
    let at_lower = a.as_ref().map_or(Ok(Expr::int(0)), cdf)?;
    Ok(at_upper - at_lower)
}

/// A point strictly inside (a, b).
fn inside(a: &Option<Expr>, b: &Option<Expr>) -> Expr {
    match (a, b) {
        (Some(a), Some(b)) => (a.clone() + b.clone()) / 2,
        (Some(a), None) => a.clone() + 1,
        (None, Some(b)) => b.clone() - 1,
        (None, None) => Expr::int(0),
    }
}

/// TV = Σ (P(I) − Q(I)) over the intervals I between consecutive crossings where log p/q > 0. `crossings`
/// must contain every point of the support where log p/q changes sign (extra points do no harm).
pub(crate) fn from_crossings(line: &Line<'_>, crossings: Vec<Expr>) -> RuleResult {
    const WHAT: &str = "the crossings of the densities";
    let mut points: Vec<Expr> = Vec::new();
    for point in crossings {
        let above = line
            .lower
            .as_ref()
            .map_or(Ok(Ordering::Greater), |l| decide(&point, l, WHAT))?;
        let below = line
            .upper
            .as_ref()
            .map_or(Ok(Ordering::Less), |u| decide(&point, u, WHAT))?;
        if above != Ordering::Greater || below != Ordering::Less {
            continue;
        }
        let mut at = points.len();
        for (index, other) in points.iter().enumerate() {
            match decide(&point, other, WHAT)? {
                Ordering::Equal => {
                    at = usize::MAX;
                    break;
                }
                Ordering::Less => {
                    at = index;
                    break;
                }
                Ordering::Greater => {}
            }
        }
        if at != usize::MAX {
            points.insert(at, point);
        }
    }
    let mut ends: Vec<Option<Expr>> = vec![line.lower.clone()];
    ends.extend(points.into_iter().map(Some));
    ends.push(line.upper.clone());
    // Runs of consecutive intervals where p > q, merged.
    let mut runs: Vec<(Option<Expr>, Option<Expr>)> = Vec::new();
    let mut open: Option<Option<Expr>> = None;
    for pair in ends.windows(2) {
        let ratio = (line.log_ratio)(&inside(&pair[0], &pair[1]));
        let positive = decide(&ratio, &Expr::int(0), "log p/q and 0")? == Ordering::Greater;
        match (positive, &open) {
            (true, None) => open = Some(pair[0].clone()),
            (false, Some(start)) => {
                runs.push((start.clone(), pair[0].clone()));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        runs.push((start, line.upper.clone()));
    }
    let mut total = Expr::int(0);
    for (a, b) in &runs {
        total = total + mass(line.cdf_p, a, b)? - mass(line.cdf_q, a, b)?;
    }
    Ok(total)
}
