//! log p(x) as a constant plus a combination of sufficient statistics, for every family the Rényi kernels
//! read, and the exponent α·log p + (1 − α)·log q built from two of them.
//!
//! The decompositions of table T2 ([`decompose`], written for −log q) serve P as well as Q; the few families
//! that are not targets there (negative binomial, χ, log-uniform, Moyal, half-Cauchy) are written here.

use std::cmp::Ordering;
use std::fmt;

use crate::family::{Family, FamilyKind};
use crate::rules::{sign_of, Verdict};
use crate::sym::{exp, lgamma, log, pi, Expr};

use super::super::statistics::Statistic;
use super::super::targets::decompose;

/// A function of x in the exponent of p^α q^(1−α).
#[derive(Clone, Debug, PartialEq)]
pub enum Feature {
    /// x.
    Identity,
    /// x².
    Square,
    /// log x (x > 0).
    Log,
    /// log(1 − x) (x < 1).
    LogComplement,
    /// (log x)².
    LogSquare,
    /// 1/x.
    Reciprocal,
    /// x^k for a k other than 1 and 2.
    Power(Expr),
    /// e^(−c x), c > 0.
    ExpDecay(Expr),
    /// |x − m|.
    AbsoluteDeviation(Expr),
    /// log(1 + ((x − center)/scale)²).
    LogCauchy {
        /// The centre.
        center: Expr,
        /// The scale, > 0.
        scale: Expr,
    },
    /// log(1 + e^(−(x − center)/scale)).
    LogLogistic {
        /// The centre.
        center: Expr,
        /// The scale, > 0.
        scale: Expr,
    },
    /// log x! on the integers ≥ 0.
    LogFactorial,
    /// log C(n, x).
    LogChoose(Expr),
    /// log Γ(x + r) for an r other than 1.
    LogRising(Expr),
}

impl fmt::Display for Feature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Feature::Identity => f.write_str("x"),
            Feature::Square => f.write_str("x^2"),
            Feature::Log => f.write_str("log(x)"),
            Feature::LogComplement => f.write_str("log(1 - x)"),
            Feature::LogSquare => f.write_str("log(x)^2"),
            Feature::Reciprocal => f.write_str("1/x"),
            Feature::Power(k) => write!(f, "x^({k})"),
            Feature::ExpDecay(c) => write!(f, "exp(-({c}) x)"),
            Feature::AbsoluteDeviation(m) => write!(f, "|x - ({m})|"),
            Feature::LogCauchy { center, scale } => {
                write!(f, "log(1 + ((x - ({center}))/({scale}))^2)")
            }
            Feature::LogLogistic { center, scale } => {
                write!(f, "log(1 + exp(-(x - ({center}))/({scale})))")
            }
            Feature::LogFactorial => f.write_str("log(x!)"),
            Feature::LogChoose(n) => write!(f, "log(binomial({n}, x))"),
            Feature::LogRising(r) => write!(f, "lgamma(x + {r})"),
        }
    }
}

/// coefficient · feature.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// The coefficient.
    pub coefficient: Expr,
    /// The function of x.
    pub feature: Feature,
}

/// constant + Σ coefficient·feature(x).
#[derive(Clone, Debug, PartialEq)]
pub struct Exponent {
    /// The constant.
    pub constant: Expr,
    /// The terms, each feature at most once.
    pub terms: Vec<Term>,
}

/// Whether `expr` is exactly zero (a literal zero, or decided so).
pub fn known_zero(expr: &Expr) -> bool {
    expr.is_zero() || (expr.as_rational().is_none() && sign_of(expr) == Some(Ordering::Equal))
}

/// Whether `a` and `b` are known to be equal.
pub fn known_equal(a: &Expr, b: &Expr) -> bool {
    a == b || known_zero(&(a.clone() - b.clone()))
}

/// The same function of x, whatever the parameters are written as.
fn same_feature(a: &Feature, b: &Feature) -> bool {
    use Feature::*;
    match (a, b) {
        (Power(k), Power(l))
        | (ExpDecay(k), ExpDecay(l))
        | (AbsoluteDeviation(k), AbsoluteDeviation(l))
        | (LogChoose(k), LogChoose(l))
        | (LogRising(k), LogRising(l)) => known_equal(k, l),
        (
            LogCauchy {
                center: c1,
                scale: s1,
            },
            LogCauchy {
                center: c2,
                scale: s2,
            },
        )
        | (
            LogLogistic {
                center: c1,
                scale: s1,
            },
            LogLogistic {
                center: c2,
                scale: s2,
            },
        ) => known_equal(c1, c2) && known_equal(s1, s2),
        _ => a == b,
    }
}

/// A feature in its simplest name: x¹ is x, x² is x², log Γ(x + 1) is log x!.
fn normalised(feature: Feature) -> Feature {
    match feature {
        Feature::Power(k) if known_equal(&k, &Expr::int(1)) => Feature::Identity,
        Feature::Power(k) if known_equal(&k, &Expr::int(2)) => Feature::Square,
        Feature::LogRising(r) if known_equal(&r, &Expr::int(1)) => Feature::LogFactorial,
        other => other,
    }
}

impl Exponent {
    fn new(constant: Expr) -> Exponent {
        Exponent {
            constant,
            terms: Vec::new(),
        }
    }

    /// Adds coefficient·feature, merging with a term of the same feature; zero coefficients are dropped.
    pub fn add(&mut self, coefficient: Expr, feature: Feature) {
        let feature = normalised(feature);
        if let Some(term) = self
            .terms
            .iter_mut()
            .find(|term| same_feature(&term.feature, &feature))
        {
            term.coefficient = term.coefficient.clone() + coefficient;
        } else {
            self.terms.push(Term {
                coefficient,
                feature,
            });
        }
    }

    /// Removes the terms whose coefficient is known to be zero.
    pub fn pruned(mut self) -> Exponent {
        self.terms.retain(|term| !known_zero(&term.coefficient));
        self
    }

    /// weight_p·self + weight_q·other, with like terms merged and zero terms removed.
    pub fn mix(&self, weight_p: &Expr, other: &Exponent, weight_q: &Expr) -> Exponent {
        let mut mixed = Exponent::new(
            weight_p.clone() * self.constant.clone() + weight_q.clone() * other.constant.clone(),
        );
        for (weight, terms) in [(weight_p, &self.terms), (weight_q, &other.terms)] {
            if weight.is_zero() {
                continue;
            }
            for term in terms {
                mixed.add(
                    weight.clone() * term.coefficient.clone(),
                    term.feature.clone(),
                );
            }
        }
        mixed.pruned()
    }

    /// The coefficient of a feature (0 when absent).
    pub fn coefficient(&self, feature: &Feature) -> Expr {
        self.terms
            .iter()
            .find(|term| same_feature(&term.feature, feature))
            .map_or_else(|| Expr::int(0), |term| term.coefficient.clone())
    }
}

fn feature_of(statistic: Statistic) -> Feature {
    match statistic {
        Statistic::Identity => Feature::Identity,
        Statistic::Square => Feature::Square,
        Statistic::Log => Feature::Log,
        Statistic::LogSquare => Feature::LogSquare,
        Statistic::Reciprocal => Feature::Reciprocal,
        Statistic::LogComplement => Feature::LogComplement,
        Statistic::Power(k) => Feature::Power(k),
        Statistic::ExpDecay(c) => Feature::ExpDecay(c),
        Statistic::AbsoluteDeviation(m) => Feature::AbsoluteDeviation(m),
        Statistic::LogCauchy { center, scale } => Feature::LogCauchy { center, scale },
        Statistic::LogLogistic { center, scale } => Feature::LogLogistic { center, scale },
        Statistic::LogFactorial => Feature::LogFactorial,
        Statistic::LogChoose(n) => Feature::LogChoose(n),
    }
}

/// log p(x) on supp P, or `NotApplicable` for a family without such a decomposition.
pub fn log_density(family: &Family) -> Result<Exponent, Verdict> {
    if let Some(exponent) = extra(family)? {
        return Ok(exponent.pruned());
    }
    let decomposition = decompose(family)?;
    let mut exponent = Exponent::new(-decomposition.constant);
    for term in decomposition.terms {
        exponent.add(-term.coefficient, feature_of(term.statistic));
    }
    // log C(1, x) vanishes on {0, 1}.
    exponent.terms.retain(
        |term| !matches!(&term.feature, Feature::LogChoose(n) if known_equal(n, &Expr::int(1))),
    );
    Ok(exponent.pruned())
}

/// The families that are not targets of table T2.
fn extra(family: &Family) -> Result<Option<Exponent>, Verdict> {
    let s = |index: usize| family.scalar(index).clone();
    let two = || Expr::int(2);
    let mut exponent;
    match family.kind {
        FamilyKind::NegativeBinomial => {
            let (r, p) = (s(0), s(1));
            if known_zero(&(1 - p.clone())) {
                return Err(Verdict::NotApplicable(format!(
                    "{family} is a point mass at 0"
                )));
            }
            // Γ(x + r)/(Γ(r) x!) p^r (1 − p)^x.
            exponent = Exponent::new(r.clone() * log(p.clone()) - lgamma(r.clone()));
            exponent.add(Expr::int(1), Feature::LogRising(r));
            exponent.add(Expr::int(-1), Feature::LogFactorial);
            exponent.add(log(1 - p), Feature::Identity);
        }
        FamilyKind::Chi => {
            let k = s(0);
            exponent = Exponent::new(-(k.clone() / 2 - 1) * log(two()) - lgamma(k.clone() / 2));
            exponent.add(k - 1, Feature::Log);
            exponent.add(Expr::ratio(-1, 2), Feature::Square);
        }
        FamilyKind::LogUniform => {
            exponent = Exponent::new(-log(log(s(1)) - log(s(0))));
            exponent.add(Expr::int(-1), Feature::Log);
        }
        FamilyKind::Moyal => {
            // −(z + e^(−z))/2 − log(2π)/2 − log σ with z = (x − μ)/σ.
            let (location, scale) = (s(0), s(1));
            exponent = Exponent::new(
                location.clone() / (2 * scale.clone()) - log(2 * pi()) / 2 - log(scale.clone()),
            );
            exponent.add(-1 / (2 * scale.clone()), Feature::Identity);
            exponent.add(
                -exp(location / scale.clone()) / 2,
                Feature::ExpDecay(1 / scale),
            );
        }
        FamilyKind::HalfCauchy => {
            let scale = s(0);
            exponent = Exponent::new(log(two()) - log(pi() * scale.clone()));
            exponent.add(
                Expr::int(-1),
                Feature::LogCauchy {
                    center: Expr::int(0),
                    scale,
                },
            );
        }
        _ => return Ok(None),
    }
    Ok(Some(exponent))
}
