//! T3 rows of the sources on (0, ∞): Gamma (with Exponential and χ²), inverse gamma, log-normal, Weibull,
//! Pareto, half-normal and Rayleigh.

use std::cmp::Ordering;

use crate::family::Family;
use crate::rules::Verdict;
use crate::sym::{digamma, erf, erfc, euler_gamma, exp, lgamma, log, pi, sqrt, trigamma, Expr};

use super::special::{bessel_k_half, lower_gamma, normal_cdf, upper_gamma};
use super::statistics::{
    absolute_deviation, diverges, finite_when, is_zero, only_for_literals, sign, Expectation,
    Outcome, Statistic,
};

use Expectation::{Finite, Unknown};

/// Whether the deviation point m lies at or below `lower` (then |X − m| = X − m on the support).
fn at_or_below(m: &Expr, lower: Expr) -> Result<bool, Verdict> {
    Ok(sign(&(m.clone() - lower), "m minus the lower end of the support")? != Ordering::Greater)
}

/// Gamma(α, β), rate β. Also Exponential (α = 1) and χ² (α = k/2, β = ½).
pub fn gamma(p: &Family, statistic: &Statistic) -> Outcome {
    let (shape, rate) = (p.scalar(0).clone(), p.scalar(1).clone());
    let mean_log = digamma(shape.clone()) - log(rate.clone());
    Ok(Finite(match statistic {
        Statistic::Identity => shape / rate,
        Statistic::Square => shape.clone() * (shape + 1) / rate.powi(2),
        Statistic::Log => mean_log,
        Statistic::LogSquare => trigamma(shape) + mean_log.powi(2),
        Statistic::Reciprocal => {
            return finite_when(shape.clone() - 1, "shape > 1", statistic, p, || {
                rate / (shape - 1)
            })
        }
        Statistic::Power(t) => {
            return finite_when(
                shape.clone() + t.clone(),
                "shape + t > 0",
                statistic,
                p,
                || exp(lgamma(shape.clone() + t.clone()) - lgamma(shape)) / rate.pow(t.clone()),
            )
        }
        Statistic::ExpDecay(c) => (1 + c.clone() / rate).pow(-shape),
        Statistic::AbsoluteDeviation(m) => {
            let mean = shape.clone() / rate.clone();
            if at_or_below(m, Expr::int(0))? {
                return Ok(Finite(mean - m.clone()));
            }
            let point = rate.clone() * m.clone();
            match (
                lower_gamma(&shape, point.clone()),
                lower_gamma(&(shape.clone() + 1), point),
            ) {
                (Some(below), Some(partial)) => {
                    absolute_deviation(mean.clone(), m.clone(), below, mean * partial)
                }
                _ => return only_for_literals(&shape, "integer or half-integer shapes"),
            }
        }
        _ => return Ok(Unknown),
    }))
}

/// Inverse gamma InvGamma(α, β), scale β: 1/X is Gamma(α, β).
pub fn inverse_gamma(p: &Family, statistic: &Statistic) -> Outcome {
    let (shape, scale) = (p.scalar(0).clone(), p.scalar(1).clone());
    let mean_log = log(scale.clone()) - digamma(shape.clone());
    let mean = || scale.clone() / (shape.clone() - 1);
    Ok(Finite(match statistic {
        Statistic::Identity => {
            return finite_when(shape.clone() - 1, "shape > 1", statistic, p, mean)
        }
        Statistic::Square => {
            return finite_when(shape.clone() - 2, "shape > 2", statistic, p, || {
                scale.clone().powi(2) / ((shape.clone() - 1) * (shape.clone() - 2))
            })
        }
        Statistic::Log => mean_log,
        Statistic::LogSquare => trigamma(shape) + mean_log.powi(2),
        Statistic::Reciprocal => shape / scale,
        Statistic::Power(t) => {
            return finite_when(shape.clone() - t.clone(), "t < shape", statistic, p, || {
                scale.clone().pow(t.clone())
                    * exp(lgamma(shape.clone() - t.clone()) - lgamma(shape.clone()))
            })
        }
        Statistic::ExpDecay(c) => {
            // 2 (βc)^{α/2} K_α(2√(βc)) / Γ(α), elementary for half-integer α.
            let product = scale * c.clone();
            match bessel_k_half(&shape, 2 * sqrt(product.clone())) {
                Some(bessel) => 2 * product.pow(shape.clone() / 2) * bessel / exp(lgamma(shape)),
                None => return only_for_literals(&shape, "half-integer shapes"),
            }
        }
        Statistic::AbsoluteDeviation(m) => {
            if !crate::rules::is_positive(&(shape.clone() - 1), "shape > 1")? {
                return Ok(diverges(statistic, p));
            }
            if at_or_below(m, Expr::int(0))? {
                return Ok(Finite(mean() - m.clone()));
            }
            // P(X < m) = Q(α, β/m); E[X; X < m] = E X · Q(α − 1, β/m).
            let point = scale.clone() / m.clone();
            match (
                upper_gamma(&shape, point.clone()),
                upper_gamma(&(shape.clone() - 1), point),
            ) {
                (Some(below), Some(partial)) => {
                    absolute_deviation(mean(), m.clone(), below, mean() * partial)
                }
                _ => return only_for_literals(&shape, "integer or half-integer shapes"),
            }
        }
        _ => return Ok(Unknown),
    }))
}

/// Log-normal LogN(μ, σ²): log X is N(μ, σ²).
pub fn log_normal(p: &Family, statistic: &Statistic) -> Outcome {
    let (mu, variance) = (p.scalar(0).clone(), p.scalar(1).clone());
    let moment = |t: Expr| exp(t.clone() * mu.clone() + t.powi(2) * variance.clone() / 2);
    Ok(Finite(match statistic {
        Statistic::Identity => moment(Expr::int(1)),
        Statistic::Square => moment(Expr::int(2)),
        Statistic::Reciprocal => moment(Expr::int(-1)),
        Statistic::Power(t) => moment(t.clone()),
        Statistic::Log => mu,
        Statistic::LogSquare => variance + mu.powi(2),
        Statistic::AbsoluteDeviation(m) => {
            let mean = moment(Expr::int(1));
            if at_or_below(m, Expr::int(0))? {
                return Ok(Finite(mean - m.clone()));
            }
            let sd = sqrt(variance.clone());
            let z = (log(m.clone()) - mu) / sd.clone();
            absolute_deviation(
                mean.clone(),
                m.clone(),
                normal_cdf(z.clone()),
                mean * normal_cdf(z - sd),
            )
        }
        _ => return Ok(Unknown),
    }))
}

/// Weibull(k, λ): (X/λ)^k is Exp(1).
pub fn weibull(p: &Family, statistic: &Statistic) -> Outcome {
    let (shape, scale) = (p.scalar(0).clone(), p.scalar(1).clone());
    let mean_log = log(scale.clone()) - euler_gamma() / shape.clone();
    let moment = |t: Expr| scale.clone().pow(t.clone()) * exp(lgamma(1 + t / shape.clone()));
    Ok(Finite(match statistic {
        Statistic::Identity => moment(Expr::int(1)),
        Statistic::Square => moment(Expr::int(2)),
        Statistic::Log => mean_log,
        Statistic::LogSquare => mean_log.powi(2) + pi().powi(2) / (6 * shape.powi(2)),
        Statistic::Reciprocal => {
            return finite_when(shape.clone() - 1, "shape > 1", statistic, p, || {
                moment(Expr::int(-1))
            })
        }
        Statistic::Power(t) => {
            return finite_when(
                shape.clone() + t.clone(),
                "shape + t > 0",
                statistic,
                p,
                || moment(t.clone()),
            )
        }
        Statistic::ExpDecay(c) => {
            // k = 1 is Exp(1/λ); other shapes have no elementary Laplace transform.
            if !is_zero(&(shape.clone() - 1), "shape - 1")? {
                return only_for_literals(&shape, "shape 1");
            }
            1 / (1 + c.clone() * scale)
        }
        Statistic::AbsoluteDeviation(m) => {
            let mean = moment(Expr::int(1));
            if at_or_below(m, Expr::int(0))? {
                return Ok(Finite(mean - m.clone()));
            }
            // With u = (m/λ)^k: P(X < m) = 1 − e^{−u}, E[X; X < m] = E X · P(1 + 1/k, u).
            let u = (m.clone() / scale.clone()).pow(shape.clone());
            match lower_gamma(&(1 + 1 / shape.clone()), u.clone()) {
                Some(partial) => {
                    absolute_deviation(mean.clone(), m.clone(), 1 - exp(-u), mean * partial)
                }
                None => {
                    return only_for_literals(
                        &shape,
                        "shapes k with 1/k an integer or half-integer",
                    )
                }
            }
        }
        _ => return Ok(Unknown),
    }))
}

/// Pareto(xₘ, α): log(X/xₘ) is Exp(α).
pub fn pareto(p: &Family, statistic: &Statistic) -> Outcome {
    let (minimum, shape) = (p.scalar(0).clone(), p.scalar(1).clone());
    let mean_log = log(minimum.clone()) + 1 / shape.clone();
    let moment = |t: Expr| shape.clone() * minimum.clone().pow(t.clone()) / (shape.clone() - t);
    match statistic {
        Statistic::Identity => finite_when(shape.clone() - 1, "shape > 1", statistic, p, || {
            moment(Expr::int(1))
        }),
        Statistic::Square => finite_when(shape.clone() - 2, "shape > 2", statistic, p, || {
            moment(Expr::int(2))
        }),
        Statistic::Power(t) => {
            finite_when(shape.clone() - t.clone(), "t < shape", statistic, p, || {
                moment(t.clone())
            })
        }
        Statistic::Reciprocal => Ok(Finite(moment(Expr::int(-1)))),
        Statistic::Log => Ok(Finite(mean_log)),
        Statistic::LogSquare => Ok(Finite(mean_log.powi(2) + 1 / shape.powi(2))),
        Statistic::AbsoluteDeviation(m) => {
            if !crate::rules::is_positive(&(shape.clone() - 1), "shape > 1")? {
                return Ok(diverges(statistic, p));
            }
            let mean = moment(Expr::int(1));
            if at_or_below(m, minimum.clone())? {
                return Ok(Finite(mean - m.clone()));
            }
            let ratio = minimum / m.clone();
            let below = 1 - ratio.clone().pow(shape.clone());
            let partial = mean.clone() * (1 - ratio.pow(shape - 1));
            Ok(Finite(absolute_deviation(mean, m.clone(), below, partial)))
        }
        _ => Ok(Unknown),
    }
}

/// Half-normal HalfN(σ²), σ² the variance of the underlying normal.
pub fn half_normal(p: &Family, statistic: &Statistic) -> Outcome {
    let variance = p.scalar(0).clone();
    let sd = sqrt(variance.clone());
    let mean_log = log(variance.clone()) / 2 - (euler_gamma() + log(Expr::int(2))) / 2;
    let mean = sqrt(2 * variance.clone() / pi());
    Ok(Finite(match statistic {
        Statistic::Identity => mean,
        Statistic::Square => variance,
        Statistic::Log => mean_log,
        Statistic::LogSquare => mean_log.powi(2) + pi().powi(2) / 8,
        Statistic::Reciprocal => return Ok(diverges(statistic, p)),
        Statistic::Power(t) => {
            // σ^t 2^{t/2} Γ((t+1)/2)/√π for t > −1.
            return finite_when(t.clone() + 1, "t > -1", statistic, p, || {
                (2 * variance).pow(t.clone() / 2) * exp(lgamma((t.clone() + 1) / 2)) / sqrt(pi())
            });
        }
        Statistic::ExpDecay(c) => {
            exp(c.clone().powi(2) * variance / 2) * erfc(c.clone() * sd / sqrt(Expr::int(2)))
        }
        Statistic::AbsoluteDeviation(m) => {
            if at_or_below(m, Expr::int(0))? {
                return Ok(Finite(mean - m.clone()));
            }
            let below = erf(m.clone() / sqrt(2 * variance.clone()));
            let partial = mean.clone() * (1 - exp(-m.clone().powi(2) / (2 * variance)));
            absolute_deviation(mean, m.clone(), below, partial)
        }
        _ => return Ok(Unknown),
    }))
}

/// Rayleigh(σ).
pub fn rayleigh(p: &Family, statistic: &Statistic) -> Outcome {
    let scale = p.scalar(0).clone();
    let mean_log = log(scale.clone()) + (log(Expr::int(2)) - euler_gamma()) / 2;
    let root_half_pi = sqrt(pi() / 2);
    Ok(Finite(match statistic {
        Statistic::Identity => scale * root_half_pi,
        Statistic::Square => 2 * scale.powi(2),
        Statistic::Log => mean_log,
        Statistic::LogSquare => mean_log.powi(2) + pi().powi(2) / 24,
        Statistic::Reciprocal => root_half_pi / scale,
        Statistic::Power(t) => {
            // σ^t 2^{t/2} Γ(1 + t/2) for t > −2.
            return finite_when(t.clone() + 2, "t > -2", statistic, p, || {
                (2 * scale.powi(2)).pow(t.clone() / 2) * exp(lgamma(1 + t.clone() / 2))
            });
        }
        Statistic::ExpDecay(c) => {
            let product = c.clone() * scale;
            1 - product.clone()
                * root_half_pi
                * exp(product.clone().powi(2) / 2)
                * erfc(product / sqrt(Expr::int(2)))
        }
        Statistic::AbsoluteDeviation(m) => {
            if at_or_below(m, Expr::int(0))? {
                return Ok(Finite(scale * root_half_pi - m.clone()));
            }
            m.clone()
                + scale.clone()
                    * root_half_pi
                    * (1 - 2 * erf(m.clone() / (scale * sqrt(Expr::int(2)))))
        }
        _ => return Ok(Unknown),
    }))
}
