//! T3 rows of the sources on ℝ: Normal, Laplace, Cauchy, Student t, logistic, Gumbel, Moyal.
//!
//! Statistics that need a positive variable (log X, 1/X, …) are `Unknown` here: the support check of the
//! dispatcher never pairs these sources with targets that use them.

use crate::family::Family;
use crate::sym::{abs, erf, euler_gamma, exp, expint, lgamma, log, pi, sqrt, Expr, Function};

use super::statistics::{diverges, finite_when, is_zero, Expectation, Outcome, Statistic};

use Expectation::{Finite, Unknown};

/// sin(x).
fn sin(x: Expr) -> Expr {
    Expr::Apply(Function::Sin, vec![x])
}

/// N(μ, σ²).
pub fn normal(p: &Family, statistic: &Statistic) -> Outcome {
    let (mean, variance) = (p.scalar(0).clone(), p.scalar(1).clone());
    Ok(Finite(match statistic {
        Statistic::Identity => mean,
        Statistic::Square => variance + mean.powi(2),
        Statistic::ExpDecay(c) => exp(-c.clone() * mean + c.clone().powi(2) * variance / 2),
        Statistic::AbsoluteDeviation(m) => {
            // δ = μ − m: σ√(2/π) e^{−δ²/(2σ²)} + δ erf(δ/(σ√2)).
            let delta = mean - m.clone();
            sqrt(2 * variance.clone() / pi()) * exp(-delta.clone().powi(2) / (2 * variance.clone()))
                + delta.clone() * erf(delta / sqrt(2 * variance))
        }
        _ => return Ok(Unknown),
    }))
}

/// Laplace(μ, b).
pub fn laplace(p: &Family, statistic: &Statistic) -> Outcome {
    let (location, scale) = (p.scalar(0).clone(), p.scalar(1).clone());
    Ok(Finite(match statistic {
        Statistic::Identity => location,
        Statistic::Square => location.powi(2) + 2 * scale.powi(2),
        Statistic::ExpDecay(c) => {
            return finite_when(
                1 - scale.clone() * c.clone(),
                "scale * c < 1",
                statistic,
                p,
                || exp(-c.clone() * location) / (1 - (scale * c.clone()).powi(2)),
            )
        }
        Statistic::AbsoluteDeviation(m) => {
            let distance = abs(location - m.clone());
            distance.clone() + scale.clone() * exp(-distance / scale)
        }
        _ => return Ok(Unknown),
    }))
}

/// Cauchy(x₀, γ): no moments; only the logarithmic statistic of the Cauchy and t targets is integrable.
pub fn cauchy(p: &Family, statistic: &Statistic) -> Outcome {
    let (location, scale) = (p.scalar(0).clone(), p.scalar(1).clone());
    Ok(match statistic {
        Statistic::Identity
        | Statistic::Square
        | Statistic::ExpDecay(_)
        | Statistic::AbsoluteDeviation(_)
        | Statistic::LogLogistic { .. } => diverges(statistic, p),
        Statistic::LogCauchy { center, scale: h } => Finite(cauchy_log_moment(
            location,
            scale,
            center.clone(),
            h.clone(),
        )),
        _ => Unknown,
    })
}

/// E log(1 + ((X − y₀)/h)²) for X ~ Cauchy(x₀, γ): log[((γ + h)² + (x₀ − y₀)²)/h²].
fn cauchy_log_moment(location: Expr, scale: Expr, center: Expr, h: Expr) -> Expr {
    log(((scale + h.clone()).powi(2) + (location - center).powi(2)) / h.powi(2))
}

/// Student t T(ν, μ, σ): moments of order < ν.
pub fn student_t(p: &Family, statistic: &Statistic) -> Outcome {
    let (df, location, scale) = (
        p.scalar(0).clone(),
        p.scalar(1).clone(),
        p.scalar(2).clone(),
    );
    match statistic {
        Statistic::Identity => finite_when(df - 1, "df > 1", statistic, p, || location),
        Statistic::Square => finite_when(df.clone() - 2, "df > 2", statistic, p, || {
            location.powi(2) + scale.powi(2) * df.clone() / (df - 2)
        }),
        Statistic::ExpDecay(_) => Ok(diverges(statistic, p)),
        Statistic::AbsoluteDeviation(m) => {
            if !crate::rules::is_positive(&(df.clone() - 1), "df > 1")? {
                return Ok(diverges(statistic, p));
            }
            // Closed only about the centre: E|X − μ| = σ √(ν/π) Γ((ν−1)/2)/Γ(ν/2).
            if !is_zero(&(m.clone() - location), "loc - m")? {
                return Ok(Unknown);
            }
            Ok(Finite(
                scale
                    * sqrt(df.clone() / pi())
                    * exp(lgamma((df.clone() - 1) / 2) - lgamma(df / 2)),
            ))
        }
        Statistic::LogLogistic { .. } => {
            if crate::rules::is_positive(&(df - 1), "df > 1")? {
                Ok(Unknown)
            } else {
                Ok(diverges(statistic, p))
            }
        }
        // T(1, μ, σ) is Cauchy(μ, σ).
        Statistic::LogCauchy { center, scale: h } if is_zero(&(df - 1), "df - 1")? => Ok(Finite(
            cauchy_log_moment(location, scale, center.clone(), h.clone()),
        )),
        _ => Ok(Unknown),
    }
}

/// Logistic(μ, s).
pub fn logistic(p: &Family, statistic: &Statistic) -> Outcome {
    let (location, scale) = (p.scalar(0).clone(), p.scalar(1).clone());
    Ok(Finite(match statistic {
        Statistic::Identity => location,
        Statistic::Square => location.powi(2) + (pi() * scale).powi(2) / 3,
        Statistic::ExpDecay(c) => {
            // E e^{−cX} = e^{−cμ} πsc / sin(πsc) for cs < 1.
            return finite_when(
                1 - c.clone() * scale.clone(),
                "scale * c < 1",
                statistic,
                p,
                || {
                    let angle = pi() * scale * c.clone();
                    exp(-c.clone() * location) * angle.clone() / sin(angle)
                },
            );
        }
        Statistic::AbsoluteDeviation(m) => {
            location.clone() - m.clone()
                + 2 * scale.clone() * log(1 + exp((m.clone() - location) / scale))
        }
        _ => return Ok(Unknown),
    }))
}

/// Gumbel(μ, β), maximum type.
pub fn gumbel(p: &Family, statistic: &Statistic) -> Outcome {
    let (location, scale) = (p.scalar(0).clone(), p.scalar(1).clone());
    let mean = location.clone() + euler_gamma() * scale.clone();
    Ok(Finite(match statistic {
        Statistic::Identity => mean,
        Statistic::Square => mean.powi(2) + (pi() * scale).powi(2) / 6,
        Statistic::ExpDecay(c) => exp(-c.clone() * location + lgamma(1 + c.clone() * scale)),
        Statistic::AbsoluteDeviation(m) => {
            mean - m.clone() + 2 * scale.clone() * expint(exp((location - m.clone()) / scale))
        }
        _ => return Ok(Unknown),
    }))
}

/// Moyal(μ, σ): with Z = (X − μ)/σ, e^{−Z} is χ²(1), so the moments follow from those of Gamma(½, ½):
/// E Z = γ + log 2, Var Z = π²/2, E e^{−cX} = e^{−cμ} 2^{cσ} Γ(½ + cσ)/√π.
pub fn moyal(p: &Family, statistic: &Statistic) -> Outcome {
    let (location, scale) = (p.scalar(0).clone(), p.scalar(1).clone());
    let mean = location.clone() + scale.clone() * (euler_gamma() + log(Expr::int(2)));
    Ok(Finite(match statistic {
        Statistic::Identity => mean,
        Statistic::Square => mean.powi(2) + (pi() * scale).powi(2) / 2,
        Statistic::ExpDecay(c) => {
            let power = c.clone() * scale;
            exp(-c.clone() * location
                + power.clone() * log(Expr::int(2))
                + lgamma(Expr::ratio(1, 2) + power))
                / sqrt(pi())
        }
        _ => return Ok(Unknown),
    }))
}
