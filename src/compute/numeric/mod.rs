//! The numeric fallback: certified quadrature and series for pairs of one-dimensional distributions without a
//! closed form.
//!
//! [`divergence`] is called by `compute` when no rule, identity, support decision or finite sum applies. It
//! checks that the parameters are numbers, builds the integral (continuous pairs) or sum (discrete pairs) of
//! the divergence from the two log-densities, decides whether it diverges, and wraps it as a numeric leaf
//! `Expr::Numeric` that the certified evaluator encloses at increasing precisions. Multivariate pairs are
//! refused: the fallback integrates over the line only.

pub mod crossing;
pub mod density;
pub mod discrete;
pub mod ends;
pub mod integral;
pub mod integrand;
pub mod layout;
pub mod leaf;
pub mod magnitude;
pub mod maximum;
pub mod negligible;
pub mod settled;
pub mod shared_terms;
pub mod tail_cut;
pub mod tails;

use std::sync::Arc;

use crate::divergence::DivergenceKind;
use crate::error::EvalError;
use crate::exact::Rational;
use crate::family::{Distribution, Param};
use crate::sym::{self, Expr, Method, Numeric};
use crate::value::Quantity;

use density::Density;
use integral::Layout;
use integrand::Form;

/// A computed quantity and how it was obtained (the rule text of `Computed`).
pub type Outcome = (Quantity, String);

fn has_symbols(distribution: &Distribution) -> bool {
    let params: Vec<&Param> = match distribution {
        Distribution::Family(family) => family.params.iter().collect(),
        Distribution::Mixture(components) => components
            .iter()
            .flat_map(|component| component.family.params.iter())
            .collect(),
    };
    params.iter().any(|param| match param {
        Param::Scalar(value) => value.has_symbols(),
        Param::Vector(values) => values.iter().any(Expr::has_symbols),
        Param::Matrix(rows) => rows.iter().flatten().any(Expr::has_symbols),
    })
}

/// The name of a query, for descriptions and messages (`KL(StudentT || Normal)`).
pub fn query_name(kind: DivergenceKind, p: &Distribution, q: Option<&Distribution>) -> String {
    match (kind, q) {
        (_, None) => format!("H({})", p.display_name()),
        (DivergenceKind::CrossEntropy, Some(q)) => {
            format!("H({}, {})", p.display_name(), q.display_name())
        }
        (kind, Some(q)) => format!(
            "{}({} || {})",
            kind.name(),
            p.display_name(),
            q.display_name()
        ),
    }
}

/// The numeric fallback for `kind` of P (against Q): `None` when it does not apply (symbolic parameters or
/// order), else the value, `inf`, or an error saying why no value can be given.
pub fn divergence(
    kind: DivergenceKind,
    order: Option<&Expr>,
    p: &Distribution,
    q: Option<&Distribution>,
) -> Option<Result<Outcome, EvalError>> {
    if has_symbols(p) || q.is_some_and(has_symbols) || order.is_some_and(Expr::has_symbols) {
        return None;
    }
    let name = query_name(kind, p, q);
    let continuous = density::is_continuous(p);
    let q_continuous = q.map(density::is_continuous);
    let multivariate = continuous.is_none() || q_continuous.is_some_and(|c| c.is_none());
    if multivariate {
        return Some(Err(EvalError::NoRule(format!(
            "{name}; multivariate quadrature is not supported (the numeric fallback integrates over the line \
             only, and mixtures must not mix discrete and continuous components)"
        ))));
    }
    let continuous = continuous?;
    if q_continuous.is_some_and(|c| c != Some(continuous)) {
        // A density against a mass function: the supports decide (by_support); nothing to integrate.
        return None;
    }
    Some(if continuous {
        quadrature(kind, order, p, q, &name)
    } else {
        series(kind, order, p, q, &name)
    })
}

/// The integral of `form` and how the divergence is obtained from it.
fn form_of(kind: DivergenceKind, order: Option<&Expr>) -> Result<(Form, Transform), EvalError> {
    use DivergenceKind::*;
    Ok(match kind {
        KullbackLeibler => (Form::KullbackLeibler, Transform::Identity),
        CrossEntropy => (Form::CrossEntropy, Transform::Identity),
        Entropy => (Form::Entropy, Transform::Identity),
        JensenShannon => (Form::JensenShannon, Transform::Identity),
        Hellinger => (Form::HellingerSquared, Transform::SquareRoot),
        Bhattacharyya => (Form::Bhattacharyya, Transform::NegativeLog),
        Pearson => (Form::Pearson, Transform::Identity),
        TotalVariation => (Form::TotalVariation(1), Transform::Identity),
        Renyi => {
            let order = order.ok_or_else(|| EvalError::Arguments("Renyi needs an order".into()))?;
            match order {
                Expr::Number(alpha) if alpha.numer() == &0.into() => {
                    (Form::RenyiZero, Transform::NegativeLog)
                }
                Expr::Number(alpha) => (
                    Form::RenyiPower(alpha.clone()),
                    Transform::LogOver(alpha - Rational::from_integer(1.into())),
                ),
                Expr::Infinity => return Err(EvalError::NoRule("Renyi of order inf".into())),
                other => {
                    let value = crate::numeric::enclose(other, 64, &crate::interrupt::Never)?;
                    return Err(EvalError::NoRule(format!(
                        "Renyi of the irrational order {other} (≈ {})",
                        value.midpoint().to_f64()
                    )));
                }
            }
        }
    })
}

/// How the divergence follows from the integral I.
#[derive(Clone, Debug)]
enum Transform {
    /// I.
    Identity,
    /// √I.
    SquareRoot,
    /// −log I.
    NegativeLog,
    /// log(I)/(α − 1).
    LogOver(Rational),
}

impl Transform {
    fn apply(&self, integral: Expr) -> Expr {
        match self {
            Transform::Identity => integral,
            Transform::SquareRoot => sym::sqrt(integral),
            Transform::NegativeLog => -sym::log(integral),
            Transform::LogOver(denominator) => {
                sym::log(integral) / Expr::Number(denominator.clone())
            }
        }
    }
}

fn quadrature(
    kind: DivergenceKind,
    order: Option<&Expr>,
    p: &Distribution,
    q: Option<&Distribution>,
    name: &str,
) -> Result<Outcome, EvalError> {
    if let (DivergenceKind::Renyi, Some(Expr::Infinity), Some(q)) = (kind, order, q) {
        return supremum(p, q, name);
    }
    let (form, transform) = form_of(kind, order)?;
    let p_density = Density::new(p)?;
    let q_density = q.map(Density::new).transpose()?;
    let rule = format!("{name} by certified quadrature");
    let mut integral = match integral::prepare(form, &p_density, q_density.as_ref())? {
        Layout::Infinite(reason) => {
            // Infinite integrals are divergences that are +∞ (KL, cross-entropy, Pearson, Rényi above 1).
            return Ok((Quantity::infinite(reason), rule));
        }
        Layout::Finite(integral) => integral,
    };
    integral.calibrate(&crate::interrupt::Never)?;
    let leaf = leaf::Quadrature::new(integral, format!("{name} by Gauss-Legendre quadrature"));
    let value = Expr::Numeric(Numeric::new(Arc::new(leaf)));
    Ok((Quantity::Finite(transform.apply(value)), rule))
}

fn series(
    kind: DivergenceKind,
    order: Option<&Expr>,
    p: &Distribution,
    q: Option<&Distribution>,
    name: &str,
) -> Result<Outcome, EvalError> {
    if let (DivergenceKind::Renyi, Some(Expr::Infinity), Some(q)) = (kind, order, q) {
        let rule = format!("{name} by certified maximisation of log p/q");
        let description = format!("{name} as the largest log p/q, with a proven bound on the tail");
        return Ok(match discrete::Supremum::prepare(p, q, description)? {
            discrete::PreparedSupremum::Infinite(reason) => (Quantity::infinite(reason), rule),
            discrete::PreparedSupremum::Finite(supremum) => (
                Quantity::Finite(Expr::Numeric(Numeric::new(Arc::new(supremum)))),
                rule,
            ),
        });
    }
    let (form, transform) = form_of(kind, order)?;
    let rule = format!("{name} by certified series");
    let description = format!("{name} by a series with a proven tail bound");
    let mut sum = match discrete::Sum::prepare(form, p, q, description)? {
        discrete::Prepared::Infinite(reason) => return Ok((Quantity::infinite(reason), rule)),
        discrete::Prepared::Finite(sum) => sum,
    };
    sum.calibrate(&crate::interrupt::Never)?;
    let value = Expr::Numeric(Numeric::new(Arc::new(sum)));
    Ok((Quantity::Finite(transform.apply(value)), rule))
}

/// Rényi of order ∞ between densities: log ess sup p/q by certified maximisation.
fn supremum(p: &Distribution, q: &Distribution, name: &str) -> Result<Outcome, EvalError> {
    let rule = format!("{name} by certified maximisation of log p/q");
    let description = format!("{name} by branch and bound on log p − log q");
    let (p, q) = (Density::new(p)?, Density::new(q)?);
    match maximum::Maximum::prepare(&p, &q, description)? {
        maximum::Prepared::Infinite(reason) => Ok((Quantity::infinite(reason), rule)),
        maximum::Prepared::Finite(maximum) => {
            let value = Expr::Numeric(Numeric::new(Arc::new(maximum)));
            Ok((Quantity::Finite(value), rule))
        }
    }
}

/// The method of the leaves made here.
pub const METHOD: Method = Method::Quadrature;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_mixtures;
#[cfg(test)]
mod tests_renyi;
#[cfg(test)]
mod tests_series;
#[cfg(test)]
mod tests_total_variation;
