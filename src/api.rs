//! Typed constructors for calling divcalc from Rust without writing expressions as text.
//!
//! ```
//! use divcalc::api::{normal, kl};
//! use divcalc::sym::Expr;
//!
//! let p = normal(0, 1).unwrap();
//! let q = normal(0, 4).unwrap();
//! let answer = kl(&p, &q).unwrap();
//! assert_eq!(answer.exact.unwrap().to_string(), "log(2) - 3/8");
//! ```

use crate::divergence::{Divergence, DivergenceKind};
use crate::error::{Error, EvalError};
use crate::family::build::{build, Argument};
use crate::family::{self, Distribution, FamilyKind, Param};
use crate::session::{Answer, Session};
use crate::sym::Expr;

/// A distribution of `kind` from its canonical parameters in positional order, checked like the parser's.
pub fn distribution(kind: FamilyKind, params: Vec<Param>) -> Result<Distribution, Error> {
    let spec = family::spec(kind);
    let arguments = params
        .into_iter()
        .map(|value| Argument {
            keyword: None,
            value,
        })
        .collect();
    build(spec, arguments)
        .map(Distribution::Family)
        .map_err(|error| {
            let message = match error {
                family::build::BuildError::Arguments { message, .. } => message,
                family::build::BuildError::Parameter(error) => error.to_string(),
            };
            EvalError::Parameter {
                call: spec.display.to_string(),
                message,
            }
            .into()
        })
}

fn scalars(kind: FamilyKind, values: Vec<Expr>) -> Result<Distribution, Error> {
    distribution(kind, values.into_iter().map(Param::Scalar).collect())
}

/// N(mean, variance).
pub fn normal(mean: impl Into<Expr>, variance: impl Into<Expr>) -> Result<Distribution, Error> {
    scalars(FamilyKind::Normal, vec![mean.into(), variance.into()])
}

/// Exp(rate).
pub fn exponential(rate: impl Into<Expr>) -> Result<Distribution, Error> {
    scalars(FamilyKind::Exponential, vec![rate.into()])
}

/// Gamma(shape, rate).
pub fn gamma(shape: impl Into<Expr>, rate: impl Into<Expr>) -> Result<Distribution, Error> {
    scalars(FamilyKind::Gamma, vec![shape.into(), rate.into()])
}

/// Beta(a, b).
pub fn beta(a: impl Into<Expr>, b: impl Into<Expr>) -> Result<Distribution, Error> {
    scalars(FamilyKind::Beta, vec![a.into(), b.into()])
}

/// Poisson(rate).
pub fn poisson(rate: impl Into<Expr>) -> Result<Distribution, Error> {
    scalars(FamilyKind::Poisson, vec![rate.into()])
}

/// Bern(p).
pub fn bernoulli(p: impl Into<Expr>) -> Result<Distribution, Error> {
    scalars(FamilyKind::Bernoulli, vec![p.into()])
}

/// Cat(p₁, …, pₖ).
pub fn categorical(probabilities: Vec<Expr>) -> Result<Distribution, Error> {
    distribution(FamilyKind::Categorical, vec![Param::Vector(probabilities)])
}

/// MVN(mean, covariance).
pub fn multivariate_normal(
    mean: Vec<Expr>,
    covariance: Vec<Vec<Expr>>,
) -> Result<Distribution, Error> {
    distribution(
        FamilyKind::MultivariateNormal,
        vec![Param::Vector(mean), Param::Matrix(covariance)],
    )
}

/// Any quantity, with a default session's options (20 digits).
pub fn divergence(
    divergence: &Divergence,
    p: &Distribution,
    q: Option<&Distribution>,
) -> Result<Answer, Error> {
    Session::new().divergence(divergence, p, q)
}

/// KL(P ‖ Q).
pub fn kl(p: &Distribution, q: &Distribution) -> Result<Answer, Error> {
    divergence(
        &Divergence::new(DivergenceKind::KullbackLeibler),
        p,
        Some(q),
    )
}

/// Rényi divergence of order α.
pub fn renyi(order: impl Into<Expr>, p: &Distribution, q: &Distribution) -> Result<Answer, Error> {
    divergence(&Divergence::renyi(order.into()), p, Some(q))
}

/// Entropy H(P).
pub fn entropy(p: &Distribution) -> Result<Answer, Error> {
    divergence(&Divergence::new(DivergenceKind::Entropy), p, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::AnswerValue;

    #[test]
    fn typed_calls_match_the_language() {
        let answer = kl(&normal(0, 4).unwrap(), &normal(0, 1).unwrap()).unwrap();
        assert_eq!(answer.exact.unwrap().to_string(), "3/2 - log(2)");
        let AnswerValue::Number(value) = answer.value else {
            panic!("a number")
        };
        assert_eq!(value.decimal, "0.80685281944005469058");
    }

    #[test]
    fn typed_constructors_check_parameters() {
        let error = normal(0, -1).unwrap_err().to_string();
        assert_eq!(error, "Normal: variance must be > 0, got -1");
        assert!(categorical(vec![Expr::ratio(1, 2), Expr::ratio(1, 3)]).is_err());
    }

    #[test]
    fn renyi_and_entropy() {
        let p = exponential(1).unwrap();
        let q = exponential(4).unwrap();
        let AnswerValue::Number(value) = entropy(&p).unwrap().value else {
            panic!()
        };
        assert_eq!(value.decimal, "1.0000000000000000000");
        assert!(renyi(Expr::ratio(1, 2), &p, &q).is_ok());
    }
}
