//! T3 rows of the extra sources on (0, ∞), beyond closed_forms.md's table: Chi, Lindley and half-Cauchy, each
//! reduced to families of the table (χ², Gamma, Cauchy).

use crate::family::{Family, FamilyKind, Param};
use crate::sym::{digamma, exp, lgamma, log, pi, trigamma, Expr, Function};

use super::statistics::{
    diverges, expectation, finite_when, is_zero, mixture, Expectation, Outcome, Statistic,
};

use Expectation::{Finite, Unknown};

/// Chi(k): X² is χ²(k) = Gamma(k/2, ½). Chi(1) is HalfN(1) and Chi(2) is Rayleigh(1), which give the
/// statistics that are not powers or logarithms.
pub fn chi(p: &Family, statistic: &Statistic) -> Outcome {
    let df = p.scalar(0).clone();
    let half = df.clone() / 2;
    let mean_log = (digamma(half.clone()) + log(Expr::int(2))) / 2;
    let moment = |t: Expr| {
        exp(t.clone() * log(Expr::int(2)) / 2 + lgamma(half.clone() + t / 2) - lgamma(half.clone()))
    };
    match statistic {
        Statistic::Identity => Ok(Finite(moment(Expr::int(1)))),
        Statistic::Square => Ok(Finite(df)),
        Statistic::Log => Ok(Finite(mean_log)),
        Statistic::LogSquare => Ok(Finite(trigamma(half.clone()) / 4 + mean_log.powi(2))),
        Statistic::Reciprocal => finite_when(df.clone() - 1, "df > 1", statistic, p, || {
            moment(Expr::int(-1))
        }),
        Statistic::Power(t) => {
            finite_when(df.clone() + t.clone(), "df + t > 0", statistic, p, || {
                moment(t.clone())
            })
        }
        Statistic::ExpDecay(_) | Statistic::AbsoluteDeviation(_) => {
            let (kind, parameter) = if is_zero(&(df.clone() - 1), "df - 1")? {
                (FamilyKind::HalfNormal, Expr::int(1))
            } else if is_zero(&(df.clone() - 2), "df - 2")? {
                (FamilyKind::Rayleigh, Expr::int(1))
            } else {
                return Ok(Unknown);
            };
            let stand_in = Family {
                kind,
                params: vec![Param::Scalar(parameter)],
            };
            Ok(match expectation(&stand_in, statistic)? {
                Expectation::Infinite(_) => diverges(statistic, p),
                other => other,
            })
        }
        _ => Ok(Unknown),
    }
}

/// Lindley(θ) = θ/(θ+1) · Exp(θ) + 1/(θ+1) · Gamma(2, θ).
pub fn lindley(p: &Family, statistic: &Statistic) -> Outcome {
    let theta = p.scalar(0).clone();
    let gamma_with = |shape: i64| Family {
        kind: FamilyKind::Gamma,
        params: vec![
            Param::Scalar(Expr::int(shape)),
            Param::Scalar(theta.clone()),
        ],
    };
    let components = [
        (theta.clone() / (theta.clone() + 1), gamma_with(1)),
        (1 / (theta.clone() + 1), gamma_with(2)),
    ];
    mixture(&components, statistic, p)
}

/// Half-Cauchy(γ) = |Cauchy(0, γ)|: log(X/γ) is symmetric with variance π²/4, E X^t = γ^t / cos(πt/2) for
/// |t| < 1.
pub fn half_cauchy(p: &Family, statistic: &Statistic) -> Outcome {
    let scale = p.scalar(0).clone();
    match statistic {
        Statistic::Identity | Statistic::Square | Statistic::Reciprocal => {
            Ok(diverges(statistic, p))
        }
        Statistic::AbsoluteDeviation(_) | Statistic::LogLogistic { .. } => {
            Ok(diverges(statistic, p))
        }
        Statistic::Log => Ok(Finite(log(scale))),
        Statistic::LogSquare => Ok(Finite(log(scale).powi(2) + pi().powi(2) / 4)),
        Statistic::Power(t) => {
            let inside = crate::rules::is_positive(&(1 - t.clone()), "t < 1")?
                && crate::rules::is_positive(&(t.clone() + 1), "t > -1")?;
            Ok(if inside {
                let cosine = Expr::Apply(Function::Cos, vec![pi() * t.clone() / 2]);
                Finite(scale.pow(t.clone()) / cosine)
            } else {
                diverges(statistic, p)
            })
        }
        // About the origin, |C| and C give the same value of the even statistic.
        Statistic::LogCauchy { center, scale: h } => {
            if !is_zero(center, "the centre")? {
                return Ok(Unknown);
            }
            Ok(Finite(log((scale + h.clone()).powi(2) / h.clone().powi(2))))
        }
        _ => Ok(Unknown),
    }
}
