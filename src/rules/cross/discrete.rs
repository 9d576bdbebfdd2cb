//! T3 rows of the discrete sources: E[K], E[K²] and, where they are closed, E[log K!] and E[log C(n, K)].
//!
//! E[log K!] of a Binomial or Categorical is a finite sum that the exact finite-sum path of the dispatcher
//! computes better; of a Poisson, Geometric or NegBin it is a series without closed form. Both are
//! `Unknown` here, so the rule steps aside.

use crate::family::Family;
use crate::sym::{log, sum, Expr};

use super::statistics::{Expectation, Outcome, Statistic};

use Expectation::{Finite, Unknown};

/// Bernoulli(p): K ∈ {0, 1}, so K² = K and log K! = 0.
pub fn bernoulli(p: &Family, statistic: &Statistic) -> Outcome {
    let probability = p.scalar(0).clone();
    Ok(Finite(match statistic {
        Statistic::Identity | Statistic::Square => probability,
        Statistic::LogFactorial => Expr::int(0),
        // log C(n, 0) = 0 and log C(n, 1) = log n.
        Statistic::LogChoose(n) => probability * log(n.clone()),
        _ => return Ok(Unknown),
    }))
}

/// Binomial(n, p).
pub fn binomial(p: &Family, statistic: &Statistic) -> Outcome {
    let (trials, probability) = (p.scalar(0).clone(), p.scalar(1).clone());
    let mean = trials.clone() * probability.clone();
    Ok(Finite(match statistic {
        Statistic::Identity => mean,
        Statistic::Square => mean.clone() * (1 - probability) + mean.powi(2),
        _ => return Ok(Unknown),
    }))
}

/// Poisson(λ).
pub fn poisson(p: &Family, statistic: &Statistic) -> Outcome {
    let rate = p.scalar(0).clone();
    Ok(Finite(match statistic {
        Statistic::Identity => rate,
        Statistic::Square => rate.clone() + rate.powi(2),
        _ => return Ok(Unknown),
    }))
}

/// NegBin(r, p), failures before the r-th success (Geometric is r = 1).
pub fn negative_binomial(p: &Family, statistic: &Statistic) -> Outcome {
    let (successes, probability) = (p.scalar(0).clone(), p.scalar(1).clone());
    let mean = successes * (1 - probability.clone()) / probability.clone();
    Ok(Finite(match statistic {
        Statistic::Identity => mean,
        // Var K = E K / p.
        Statistic::Square => mean.clone() / probability + mean.powi(2),
        _ => return Ok(Unknown),
    }))
}

/// Categorical(p₁, …, p_K) on {1, …, K}.
pub fn categorical(p: &Family, statistic: &Statistic) -> Outcome {
    let probabilities = p.vector(0);
    let moment = |power: i64| {
        sum(probabilities
            .iter()
            .zip(1..)
            .map(|(probability, k)| Expr::int(k).powi(power) * probability.clone()))
    };
    Ok(Finite(match statistic {
        Statistic::Identity => moment(1),
        Statistic::Square => moment(2),
        _ => return Ok(Unknown),
    }))
}
