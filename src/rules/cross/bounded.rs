//! T3 rows of the sources on bounded intervals: uniform, beta, and the extra sources Kumaraswamy,
//! continuous Bernoulli and log-uniform.

use std::cmp::Ordering;

use crate::family::continuous_bernoulli::log_normaliser;
use crate::family::Family;
use crate::rules::Verdict;
use crate::sym::{atan, digamma, euler_gamma, exp, expint, log, log_beta, trigamma, Expr};

use super::special::{beta_exponential_moment, incomplete_beta};
use super::statistics::{
    absolute_deviation, diverges, finite_when, only_for_literals, sign, Expectation, Outcome,
    Statistic,
};

use Expectation::{Finite, Unknown};

/// `x log x` with 0 log 0 = 0 for a literal zero.
fn x_log_x(x: Expr) -> Expr {
    if x.is_zero() {
        Expr::int(0)
    } else {
        x.clone() * log(x)
    }
}

/// Where m lies against [lower, upper]: `Less` below, `Greater` above, `Equal` inside (ends included in
/// the outer cases).
fn locate(m: &Expr, lower: &Expr, upper: &Expr) -> Result<Ordering, Verdict> {
    if sign(&(m.clone() - lower.clone()), "m minus the lower end")? != Ordering::Greater {
        return Ok(Ordering::Less);
    }
    if sign(&(upper.clone() - m.clone()), "the upper end minus m")? != Ordering::Greater {
        return Ok(Ordering::Greater);
    }
    Ok(Ordering::Equal)
}

/// U(a, b), L = b − a.
pub fn uniform(p: &Family, statistic: &Statistic) -> Outcome {
    let (a, b) = (p.scalar(0).clone(), p.scalar(1).clone());
    let length = b.clone() - a.clone();
    let mean = (a.clone() + b.clone()) / 2;
    // G(x) = x(log²x − 2 log x + 2), the antiderivative of log²x, with G(0) = 0.
    let log_square_antiderivative = |x: Expr| {
        if x.is_zero() {
            Expr::int(0)
        } else {
            x.clone() * (log(x.clone()).powi(2) - 2 * log(x) + 2)
        }
    };
    Ok(Finite(match statistic {
        Statistic::Identity => mean,
        Statistic::Square => (a.clone().powi(2) + a.clone() * b.clone() + b.powi(2)) / 3,
        Statistic::Log => (x_log_x(b) - x_log_x(a)) / length - 1,
        Statistic::LogSquare => {
            (log_square_antiderivative(b) - log_square_antiderivative(a)) / length
        }
        Statistic::LogComplement => (x_log_x(1 - a) - x_log_x(1 - b)) / length - 1,
        Statistic::Reciprocal => match sign(&a, "the lower end")? {
            Ordering::Greater => log(b / a) / length,
            Ordering::Equal => return Ok(diverges(statistic, p)),
            Ordering::Less => return Ok(Unknown),
        },
        Statistic::Power(t) => {
            if a.is_zero() && !crate::rules::is_positive(&(t.clone() + 1), "t > -1")? {
                return Ok(diverges(statistic, p));
            }
            let next = t.clone() + 1;
            if super::statistics::is_zero(&next, "t + 1")? {
                return uniform(p, &Statistic::Reciprocal);
            }
            (b.pow(next.clone()) - a.pow(next.clone())) / (next * length)
        }
        Statistic::ExpDecay(c) => {
            (exp(-c.clone() * a) - exp(-c.clone() * b)) / (c.clone() * length)
        }
        Statistic::AbsoluteDeviation(m) => match locate(m, &a, &b)? {
            Ordering::Less => mean - m.clone(),
            Ordering::Greater => m.clone() - mean,
            Ordering::Equal => ((m.clone() - a).powi(2) + (b - m.clone()).powi(2)) / (2 * length),
        },
        Statistic::LogCauchy { center, scale } => {
            // (h/L)[F((b − y₀)/h) − F((a − y₀)/h)], F(u) = u log(1 + u²) − 2u + 2 arctan u.
            let antiderivative =
                |u: Expr| u.clone() * log(1 + u.clone().powi(2)) - 2 * u.clone() + 2 * atan(u);
            let at = |x: Expr| antiderivative((x - center.clone()) / scale.clone());
            scale.clone() * (at(b) - at(a)) / length
        }
        _ => return Ok(Unknown),
    }))
}

/// Beta(α, β).
pub fn beta(p: &Family, statistic: &Statistic) -> Outcome {
    let (alpha, beta) = (p.scalar(0).clone(), p.scalar(1).clone());
    let total = alpha.clone() + beta.clone();
    let mean = alpha.clone() / total.clone();
    let mean_log = digamma(alpha.clone()) - digamma(total.clone());
    let moment = |t: Expr| {
        exp(log_beta(alpha.clone() + t, beta.clone()) - log_beta(alpha.clone(), beta.clone()))
    };
    Ok(Finite(match statistic {
        Statistic::Identity => mean,
        Statistic::Square => alpha.clone() * (alpha + 1) / (total.clone() * (total + 1)),
        Statistic::Log => mean_log,
        Statistic::LogSquare => trigamma(alpha) - trigamma(total) + mean_log.powi(2),
        Statistic::LogComplement => digamma(beta) - digamma(total),
        Statistic::Reciprocal => {
            return finite_when(alpha.clone() - 1, "a > 1", statistic, p, || {
                (total - 1) / (alpha - 1)
            })
        }
        Statistic::Power(t) => {
            return finite_when(alpha.clone() + t.clone(), "a + t > 0", statistic, p, || {
                moment(t.clone())
            })
        }
        Statistic::ExpDecay(c) => match beta_exponential_moment(&alpha, &beta, c) {
            Some(value) => value,
            None => return only_for_literals(&total, "integer shapes"),
        },
        Statistic::AbsoluteDeviation(m) => match locate(m, &Expr::int(0), &Expr::int(1))? {
            Ordering::Less => mean - m.clone(),
            Ordering::Greater => m.clone() - mean,
            Ordering::Equal => {
                // P(X < m) = I_m(α, β); E[X; X < m] = E X · I_m(α + 1, β).
                let below = incomplete_beta(&alpha, &beta, m.clone());
                let partial = incomplete_beta(&(alpha.clone() + 1), &beta, m.clone());
                match (below, partial) {
                    (Some(below), Some(partial)) => {
                        absolute_deviation(mean.clone(), m.clone(), below, mean * partial)
                    }
                    _ => return only_for_literals(&total, "integer shapes"),
                }
            }
        },
        _ => return Ok(Unknown),
    }))
}

/// Kumaraswamy(a, b): X^a is Beta(1, b), so E X^t = b B(1 + t/a, b) and E log X = (ψ(1) − ψ(b + 1))/a.
pub fn kumaraswamy(p: &Family, statistic: &Statistic) -> Outcome {
    let (a, b) = (p.scalar(0).clone(), p.scalar(1).clone());
    let moment = |t: Expr| b.clone() * exp(log_beta(1 + t / a.clone(), b.clone()));
    let log_of_beta = -euler_gamma() - digamma(b.clone() + 1);
    Ok(Finite(match statistic {
        Statistic::Identity => moment(Expr::int(1)),
        Statistic::Square => moment(Expr::int(2)),
        Statistic::Reciprocal => {
            return finite_when(a.clone() - 1, "a > 1", statistic, p, || {
                moment(Expr::int(-1))
            })
        }
        Statistic::Power(t) => {
            return finite_when(a.clone() + t.clone(), "a + t > 0", statistic, p, || {
                moment(t.clone())
            })
        }
        Statistic::Log => log_of_beta / a,
        Statistic::LogSquare => {
            // E (log Y)² for Y ~ Beta(1, b): ψ₁(1) − ψ₁(b + 1) + (ψ(1) − ψ(b + 1))².
            (trigamma(Expr::int(1)) - trigamma(b + 1) + log_of_beta.powi(2)) / a.powi(2)
        }
        Statistic::LogComplement => {
            // Closed only for a = 1, where X is Beta(1, b).
            if !super::statistics::is_zero(&(a.clone() - 1), "a - 1")? {
                return only_for_literals(&a, "a = 1");
            }
            digamma(b.clone()) - digamma(b + 1)
        }
        _ => return Ok(Unknown),
    }))
}

/// Continuous Bernoulli CB(λ): density ∝ e^{ηx} on [0, 1] with η = log(λ/(1 − λ)).
pub fn continuous_bernoulli(p: &Family, statistic: &Statistic) -> Outcome {
    let lambda = p.scalar(0).clone();
    let symmetric = lambda == Expr::ratio(1, 2);
    let eta = log(lambda.clone() / (1 - lambda.clone()));
    // e^η = λ/(1 − λ); E X = λ/(2λ − 1) + 1/log((1 − λ)/λ); at λ = ½ the density is uniform.
    let ratio = lambda.clone() / (1 - lambda.clone());
    Ok(Finite(match statistic {
        Statistic::Identity if symmetric => Expr::ratio(1, 2),
        Statistic::Identity => lambda.clone() / (2 * lambda - 1) - 1 / eta,
        Statistic::Square if symmetric => Expr::ratio(1, 3),
        Statistic::Square => {
            // ∫₀¹ x² e^{ηx} dx / ∫₀¹ e^{ηx} dx = (e^η(η² − 2η + 2) − 2) / (η²(e^η − 1)).
            (ratio.clone() * (eta.clone().powi(2) - 2 * eta.clone() + 2) - 2)
                / (eta.powi(2) * (ratio - 1))
        }
        Statistic::ExpDecay(c) if symmetric => (1 - exp(-c.clone())) / c.clone(),
        Statistic::ExpDecay(c) => {
            // C(λ) ∫₀¹ e^{(η − c)x} dx with C(λ) = η/(e^η − 1).
            let shifted = eta.clone() - c.clone();
            exp(log_normaliser(lambda.clone()) + log(1 - lambda)) * (exp(shifted.clone()) - 1)
                / shifted
        }
        _ => return Ok(Unknown),
    }))
}

/// Log-uniform LogU(a, b): log X is U(log a, log b), L = log(b/a).
pub fn log_uniform(p: &Family, statistic: &Statistic) -> Outcome {
    let (a, b) = (p.scalar(0).clone(), p.scalar(1).clone());
    let length = log(b.clone()) - log(a.clone());
    let moment =
        |t: Expr| (b.clone().pow(t.clone()) - a.clone().pow(t.clone())) / (t * length.clone());
    Ok(Finite(match statistic {
        Statistic::Identity => moment(Expr::int(1)),
        Statistic::Square => moment(Expr::int(2)),
        Statistic::Reciprocal => moment(Expr::int(-1)),
        Statistic::Power(t) if t.is_zero() => Expr::int(1),
        Statistic::Power(t) => moment(t.clone()),
        Statistic::Log => (log(a) + log(b)) / 2,
        Statistic::LogSquare => {
            let (low, high) = (log(a), log(b));
            (low.clone().powi(2) + low * high.clone() + high.powi(2)) / 3
        }
        Statistic::ExpDecay(c) => (expint(c.clone() * a) - expint(c.clone() * b)) / length,
        Statistic::AbsoluteDeviation(m) => match locate(m, &a, &b)? {
            Ordering::Less => moment(Expr::int(1)) - m.clone(),
            Ordering::Greater => m.clone() - moment(Expr::int(1)),
            Ordering::Equal => {
                // P(X < m) = log(m/a)/L; E[X; X < m] = (m − a)/L.
                let below = (log(m.clone()) - log(a.clone())) / length.clone();
                let partial = (m.clone() - a.clone()) / length.clone();
                absolute_deviation(moment(Expr::int(1)), m.clone(), below, partial)
            }
        },
        _ => return Ok(Unknown),
    }))
}
