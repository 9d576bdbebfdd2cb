//! Cross-family Rényi divergences by kernel matching.
//!
//! D_α(P‖Q) = log(∫ p^α q^(1−α))/(α − 1). On supp P ∩ supp Q, α·log p + (1 − α)·log q is a constant plus a
//! combination of sufficient statistics ([`exponent`], from the decompositions of table T2 applied to P as
//! well as to Q). When the combination is a known kernel on the common support ([`kernel`]: normal, gamma
//! and beta kernels after a change of variable, Cauchy kernels, and the geometric, Poisson, negative binomial
//! and binomial kernels on the integers in [`discrete`]), the integral is its normaliser in closed form
//! ([`integral`]); a coefficient that makes it diverge gives `inf` with the reason, and an unknown kernel
//! `NotApplicable` (the numeric fallback takes it).
//!
//! Orders: α ∈ (0, 1) integrate over supp P ∩ supp Q; α > 1 over supp P, which the dispatcher has checked to
//! lie in supp Q; α = 0 gives −log Q(supp P), that is the same integral of q alone; α = ∞ gives
//! log ess sup p/q, the supremum of log p − log q over supp P ([`supremum`]); α = 1 is KL, from the product of
//! tables T2 and T3. The same-family pairs keep their own rules; pairs that are one family in disguise
//! (Exp ⊂ Gamma, χ² = Gamma(k/2, ½), Geometric = NegBin(1, p), Bernoulli = Binomial(1, p), Weibull(1, λ),
//! Cauchy = T(1)) meet here, as kernels of one family.

mod discrete;
mod domain;
mod exponent;
mod integral;
mod kernel;
mod supremum;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_exponent;
#[cfg(test)]
mod tests_orders;
#[cfg(test)]
mod tests_session;

use std::cmp::Ordering;
use std::sync::LazyLock;

use crate::divergence::DivergenceKind;
use crate::family::{Family, FamilyKind};
use crate::rules::{sign_of, symbolic_member, Query, Rule, RuleResult, Verdict};
use crate::sym::{log, sum, Expr};

use domain::{common_support, is_whole_support, pieces, Domain};
use exponent::{log_density, Exponent};

/// Every cross-family Rényi rule.
pub static RULES: LazyLock<Vec<Rule>> = LazyLock::new(build);

const REFERENCE: &str = "kernel matching: ∫ p^α q^(1−α) as the normaliser of the exponential family that \
                         α·log p + (1 − α)·log q spans (Nielsen & Nock, arXiv:1105.3259 (2011)); van \
                         Erven & Harremoës, IEEE Trans. Inf. Theory 60(7) (2014) for the orders 0 and ∞";

/// Every family whose log-density the kernels read.
pub const FAMILIES: &[FamilyKind] = &[
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
    FamilyKind::HalfCauchy,
    FamilyKind::Uniform,
    FamilyKind::Beta,
    FamilyKind::ContinuousBernoulli,
    FamilyKind::LogUniform,
    FamilyKind::Bernoulli,
    FamilyKind::Binomial,
    FamilyKind::Poisson,
    FamilyKind::Geometric,
    FamilyKind::NegativeBinomial,
];

/// The order, sorted as the formulas need it.
enum Order {
    Zero,
    One,
    Infinity,
    Finite(Expr),
}

fn order_of(order: &Expr) -> Result<Order, Verdict> {
    if *order == Expr::Infinity {
        return Ok(Order::Infinity);
    }
    if order.is_zero() {
        return Ok(Order::Zero);
    }
    if order.is_one() {
        return Ok(Order::One);
    }
    if sign_of(order) == Some(Ordering::Less) {
        return Err(Verdict::NotApplicable(
            "the Rényi order must be >= 0".into(),
        ));
    }
    Ok(Order::Finite(order.clone()))
}

/// D_α(P‖Q) for P and Q of different families.
pub fn renyi(p: &Family, q: &Family, order: &Expr) -> RuleResult {
    match order_of(order)? {
        Order::One => super::kullback_leibler(p, q),
        Order::Zero => {
            // −log Q(supp P); Q(supp P) = 1 when supp Q lies in supp P.
            let domain = common_support(p, q)?;
            if is_whole_support(q, &domain) {
                return Ok(Expr::int(0));
            }
            Ok(-log_integral(&domain, &log_density(q)?)?)
        }
        Order::Infinity => {
            let domain = common_support(p, q)?;
            let exponent = log_density(p)?.mix(&Expr::int(1), &log_density(q)?, &Expr::int(-1));
            supremum(&domain, &exponent)
        }
        Order::Finite(alpha) => {
            let domain = common_support(p, q)?;
            let exponent = log_density(p)?.mix(&alpha, &log_density(q)?, &(1 - alpha.clone()));
            Ok(log_integral(&domain, &exponent)? / (alpha - 1))
        }
    }
}

/// log ∫ exp(exponent) over the domain (a sum on the integers).
fn log_integral(domain: &Domain, exponent: &Exponent) -> RuleResult {
    let interval = match domain {
        Domain::Discrete { lower, upper } => {
            return discrete::log_sum(exponent, lower, upper.as_ref())
        }
        Domain::Continuous(interval) => interval,
    };
    let features: Vec<_> = exponent.terms.iter().map(|term| &term.feature).collect();
    if !kernel::recognisable(&features) {
        return Err(Verdict::NotApplicable(
            "no known kernel combines these statistics".into(),
        ));
    }
    let mut masses = Vec::new();
    let mut stopped = None;
    for piece in pieces(interval, exponent)? {
        match kernel::kernel(&piece, true).and_then(|kernel| integral::integral(&kernel)) {
            Ok(value) => masses.push(value),
            // One divergent piece makes the whole integral diverge.
            Err(infinite @ Verdict::Infinite(_)) => return Err(infinite),
            Err(other) => {
                stopped.get_or_insert(other);
            }
        }
    }
    if let Some(verdict) = stopped {
        return Err(verdict);
    }
    Ok(match masses.len() {
        1 => masses.remove(0).logarithm(),
        _ => log(sum(masses.into_iter().map(integral::Mass::value))),
    })
}

/// sup of the exponent over the domain.
fn supremum(domain: &Domain, exponent: &Exponent) -> RuleResult {
    match domain {
        Domain::Discrete { lower, upper } => discrete::supremum(exponent, lower, upper.as_ref()),
        Domain::Continuous(interval) => {
            let features: Vec<_> = exponent.terms.iter().map(|term| &term.feature).collect();
            if !kernel::recognisable(&features) {
                return Err(Verdict::NotApplicable("no known shape for log p/q".into()));
            }
            supremum::supremum(&pieces(interval, exponent)?)
        }
    }
}

/// The rule formula.
fn renyi_rule(query: &Query<'_>) -> RuleResult {
    renyi(query.p, query.q(), query.order())
}

/// Whether the statistics of P and Q together can form a kernel for some parameters: every feature of the
/// two symbolic members, as one set (parameters that would have to coincide, such as two Weibull shapes,
/// are taken as coinciding).
fn may_form_kernel(p: FamilyKind, q: FamilyKind) -> bool {
    let (Some(p), Some(q)) = (symbolic_member(p, "1"), symbolic_member(q, "2")) else {
        return false;
    };
    let (continuous_p, continuous_q) = (p.support().is_continuous(), q.support().is_continuous());
    if continuous_p != continuous_q {
        return false;
    }
    let (Ok(left), Ok(right)) = (log_density(&p), log_density(&q)) else {
        return false;
    };
    let mut features: Vec<_> = left.terms.iter().map(|term| &term.feature).collect();
    features.extend(right.terms.iter().map(|term| &term.feature));
    if continuous_p {
        kernel::recognisable(&features)
    } else {
        let mut union = left.clone();
        union.terms.extend(right.terms.iter().cloned());
        discrete::recognisable(&union)
    }
}

fn build() -> Vec<Rule> {
    let mut rules = Vec::new();
    for &p in FAMILIES {
        for &q in FAMILIES {
            if p != q && may_form_kernel(p, q) {
                rules.push(Rule {
                    divergence: DivergenceKind::Renyi,
                    p,
                    q: Some(q),
                    formula: renyi_rule,
                    reference: REFERENCE,
                });
            }
        }
    }
    rules
}
