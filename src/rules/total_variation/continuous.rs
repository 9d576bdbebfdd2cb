//! Total variation between two members of one continuous family.

use std::cmp::Ordering;

use crate::rules::common::{absolute, log_ratio};
use crate::rules::{Query, RuleResult, Verdict};
use crate::sym::{atan, erf, exp, log, pi, sqrt, Expr};

use super::{decide, from_crossings, Line};

fn scalars(query: &Query<'_>) -> (Vec<Expr>, Vec<Expr>) {
    let all = |family: &crate::family::Family| {
        (0..family.params.len())
            .map(|index| family.scalar(index).clone())
            .collect()
    };
    (all(query.p), all(query.q()))
}

fn unequal(what: &str) -> Verdict {
    Verdict::NotApplicable(format!("no closed total variation for {what}"))
}

/// TV(N(μ₁, v₁) ‖ N(μ₂, v₂)), also for the log-normal (the same after x ↦ log x).
///
/// # Formula
///
/// ```text
/// v₁ = v₂ = v:  TV = erf(|μ₁ − μ₂|/(2√(2v)))
/// otherwise:    x± = (μ₁v₂ − μ₂v₁ ± √(v₁v₂((μ₁ − μ₂)² + (v₂ − v₁) log(v₂/v₁))))/(v₂ − v₁)
///               TV = |P(x₋ < X < x₊) − Q(x₋ < X < x₊)|,  P(X < x) = (1 + erf((x − μ)/√(2v)))/2
/// ```
pub(super) fn normal(query: &Query<'_>) -> RuleResult {
    let (p, q) = scalars(query);
    normal_tv(&p[0], &p[1], &q[0], &q[1])
}

/// TV(HalfN(v₁) ‖ HalfN(v₂)) = TV(N(0, v₁) ‖ N(0, v₂)): both integrands are even.
pub(super) fn half_normal(query: &Query<'_>) -> RuleResult {
    let (p, q) = scalars(query);
    normal_tv(&Expr::int(0), &p[0], &Expr::int(0), &q[0])
}

fn normal_tv(m1: &Expr, v1: &Expr, m2: &Expr, v2: &Expr) -> RuleResult {
    if decide(v1, v2, "the variances")? == Ordering::Equal {
        return Ok(erf(
            absolute(m1.clone() - m2.clone()) / (2 * sqrt(2 * v1.clone()))
        ));
    }
    let difference = v2.clone() - v1.clone();
    let root = sqrt(
        v1.clone()
            * v2.clone()
            * ((m1.clone() - m2.clone()).powi(2) + difference.clone() * log_ratio(v2, v1)),
    );
    let center = m1.clone() * v2.clone() - m2.clone() * v1.clone();
    let crossings = vec![
        (center.clone() - root.clone()) / difference.clone(),
        (center + root) / difference,
    ];
    let cdf =
        |m: &Expr, v: &Expr, x: &Expr| (1 + erf((x.clone() - m.clone()) / sqrt(2 * v.clone()))) / 2;
    let log_ratio_at = |x: &Expr| {
        (x.clone() - m2.clone()).powi(2) / (2 * v2.clone())
            - (x.clone() - m1.clone()).powi(2) / (2 * v1.clone())
            + log_ratio(v2, v1) / 2
    };
    let line = Line {
        lower: None,
        upper: None,
        log_ratio: &log_ratio_at,
        cdf_p: &|x| Ok(cdf(m1, v1, x)),
        cdf_q: &|x| Ok(cdf(m2, v2, x)),
    };
    from_crossings(&line, crossings)
}

/// TV(Exp(λ₁) ‖ Exp(λ₂)).
///
/// # Formula
///
/// ```text
/// x* = log(λ₁/λ₂)/(λ₁ − λ₂),  TV = |e^(−λ₂x*) − e^(−λ₁x*)|
/// ```
pub(super) fn exponential(query: &Query<'_>) -> RuleResult {
    let (p, q) = scalars(query);
    exponential_tv(&p[0], &q[0])
}

fn exponential_tv(l1: &Expr, l2: &Expr) -> RuleResult {
    if decide(l1, l2, "the rates")? == Ordering::Equal {
        return Ok(Expr::int(0));
    }
    let crossing = log_ratio(l1, l2) / (l1.clone() - l2.clone());
    let cdf = |l: &Expr, x: &Expr| 1 - exp(-l.clone() * x.clone());
    let log_ratio_at = |x: &Expr| log_ratio(l1, l2) - (l1.clone() - l2.clone()) * x.clone();
    let line = Line {
        lower: Some(Expr::int(0)),
        upper: None,
        log_ratio: &log_ratio_at,
        cdf_p: &|x| Ok(cdf(l1, x)),
        cdf_q: &|x| Ok(cdf(l2, x)),
    };
    from_crossings(&line, vec![crossing])
}

/// TV(Rayleigh(σ₁) ‖ Rayleigh(σ₂)): X² is exponential with rate 1/(2σ²).
pub(super) fn rayleigh(query: &Query<'_>) -> RuleResult {
    let (p, q) = scalars(query);
    let rate = |sigma: &Expr| 1 / (2 * sigma.clone().powi(2));
    exponential_tv(&rate(&p[0]), &rate(&q[0]))
}

/// TV(Weibull(k, λ₁) ‖ Weibull(k, λ₂)): X^k is exponential with rate λ^(−k).
pub(super) fn weibull(query: &Query<'_>) -> RuleResult {
    let (p, q) = scalars(query);
    if decide(&p[0], &q[0], "the shapes")? != Ordering::Equal {
        return Err(unequal("Weibull distributions of different shapes"));
    }
    let rate = |scale: &Expr| scale.clone().pow(-p[0].clone());
    exponential_tv(&rate(&p[1]), &rate(&q[1]))
}

/// TV(Gumbel(μ₁, β) ‖ Gumbel(μ₂, β)): e^(−X/β) is exponential with rate e^(μ/β).
pub(super) fn gumbel(query: &Query<'_>) -> RuleResult {
    let (p, q) = scalars(query);
    if decide(&p[1], &q[1], "the scales")? != Ordering::Equal {
        return Err(unequal("Gumbel distributions of different scales"));
    }
    let rate = |location: &Expr| exp(location.clone() / p[1].clone());
    exponential_tv(&rate(&p[0]), &rate(&q[0]))
}

/// TV(U(a₁, b₁) ‖ U(a₂, b₂)).
///
/// # Formula
///
/// ```text
/// o = max(0, min(b₁, b₂) − max(a₁, a₂)),  TV = 1 − o/max(b₁ − a₁, b₂ − a₂)
/// ```
pub(super) fn uniform(query: &Query<'_>) -> RuleResult {
    let (p, q) = scalars(query);
    let larger = |a: &Expr, b: &Expr| -> Result<Expr, Verdict> {
        Ok(match decide(a, b, "the ends of the intervals")? {
            Ordering::Less => b.clone(),
            _ => a.clone(),
        })
    };
    let smaller = |a: &Expr, b: &Expr| -> Result<Expr, Verdict> {
        Ok(match decide(a, b, "the ends of the intervals")? {
            Ordering::Greater => b.clone(),
            _ => a.clone(),
        })
    };
    let overlap = smaller(&p[1], &q[1])? - larger(&p[0], &q[0])?;
    if decide(&overlap, &Expr::int(0), "the overlap")? != Ordering::Greater {
        return Ok(Expr::int(1));
    }
    let longest = larger(
        &(p[1].clone() - p[0].clone()),
        &(q[1].clone() - q[0].clone()),
    )?;
    Ok(1 - overlap / longest)
}

/// TV(Laplace(μ₁, b₁) ‖ Laplace(μ₂, b₂)).
///
/// # Formula
///
/// ```text
/// b₁ = b₂ = b:  TV = 1 − e^(−|μ₁ − μ₂|/(2b))
/// otherwise:    log p/q = log(b₂/b₁) − |x − μ₁|/b₁ + |x − μ₂|/b₂ is linear between the locations; its zeros
///               cut the line, and TV = Σ P(I) − Q(I) over the pieces I where it is positive, with
///               P(X < x) = e^((x − μ)/b)/2 for x ≤ μ and 1 − e^(−(x − μ)/b)/2 for x ≥ μ
/// ```
pub(super) fn laplace(query: &Query<'_>) -> RuleResult {
    let (p, q) = scalars(query);
    let (m1, b1, m2, b2) = (&p[0], &p[1], &q[0], &q[1]);
    if decide(b1, b2, "the scales")? == Ordering::Equal {
        return Ok(1 - exp(-absolute(m1.clone() - m2.clone()) / (2 * b1.clone())));
    }
    // On each side of each location |x − μ| = ±(x − μ): the zeros of the linear pieces.
    let mut crossings = vec![m1.clone(), m2.clone()];
    for s1 in [-1, 1] {
        for s2 in [-1, 1] {
            let slope = Expr::int(-s1) / b1.clone() + Expr::int(s2) / b2.clone();
            if decide(&slope, &Expr::int(0), "the slopes")? == Ordering::Equal {
                continue;
            }
            let intercept = log_ratio(b2, b1) + Expr::int(s1) * m1.clone() / b1.clone()
                - Expr::int(s2) * m2.clone() / b2.clone();
            crossings.push(-intercept / slope);
        }
    }
    let cdf = |m: &Expr, b: &Expr, x: &Expr| -> RuleResult {
        let z = (x.clone() - m.clone()) / b.clone();
        Ok(match decide(x, m, "a crossing and a location")? {
            Ordering::Greater => 1 - exp(-z) / 2,
            _ => exp(z) / 2,
        })
    };
    let log_ratio_at = |x: &Expr| {
        log_ratio(b2, b1) - absolute(x.clone() - m1.clone()) / b1.clone()
            + absolute(x.clone() - m2.clone()) / b2.clone()
    };
    let line = Line {
        lower: None,
        upper: None,
        log_ratio: &log_ratio_at,
        cdf_p: &|x| cdf(m1, b1, x),
        cdf_q: &|x| cdf(m2, b2, x),
    };
    from_crossings(&line, crossings)
}

/// TV(Pareto(x₁, α₁) ‖ Pareto(x₂, α₂)): mass of P below x₂, plus the crossing of the log-ratio, linear in
/// log x, above max(x₁, x₂).
pub(super) fn pareto(query: &Query<'_>) -> RuleResult {
    let (p, q) = scalars(query);
    let (x1, a1, x2, a2) = (&p[0], &p[1], &q[0], &q[1]);
    let order = decide(x1, x2, "the minima")?;
    let start = if order == Ordering::Less { x2 } else { x1 };
    let cdf = |minimum: &Expr, shape: &Expr, x: &Expr| {
        1 - (minimum.clone() / x.clone()).pow(shape.clone())
    };
    // Where only P has mass, p − q = p.
    let only_p = if order == Ordering::Less {
        cdf(x1, a1, x2)
    } else {
        Expr::int(0)
    };
    let constant = log_ratio(a1, a2) + a1.clone() * log(x1.clone()) - a2.clone() * log(x2.clone());
    let slope = a2.clone() - a1.clone();
    let log_ratio_at = |x: &Expr| constant.clone() + slope.clone() * log(x.clone());
    let mut crossings = Vec::new();
    if decide(&slope, &Expr::int(0), "the shapes")? != Ordering::Equal {
        crossings.push(exp(-constant.clone() / slope.clone()));
    }
    let line = Line {
        lower: Some(start.clone()),
        upper: None,
        log_ratio: &log_ratio_at,
        cdf_p: &|x| Ok(cdf(x1, a1, x)),
        cdf_q: &|x| Ok(cdf(x2, a2, x)),
    };
    Ok(only_p + from_crossings(&line, crossings)?)
}

/// TV(Cauchy(x₁, γ₁) ‖ Cauchy(x₂, γ₂)) = (2/π) arctan √(((x₁ − x₂)² + (γ₁ − γ₂)²)/(4γ₁γ₂)).
pub(super) fn cauchy(query: &Query<'_>) -> RuleResult {
    let (p, q) = scalars(query);
    let chi = ((p[0].clone() - q[0].clone()).powi(2) + (p[1].clone() - q[1].clone()).powi(2))
        / (4 * p[1].clone() * q[1].clone());
    Ok(2 * atan(sqrt(chi)) / pi())
}

/// TV(Logistic(μ₁, s) ‖ Logistic(μ₂, s)) = tanh(|μ₁ − μ₂|/(4s)).
pub(super) fn logistic(query: &Query<'_>) -> RuleResult {
    let (p, q) = scalars(query);
    if decide(&p[1], &q[1], "the scales")? != Ordering::Equal {
        return Err(unequal("logistic distributions of different scales"));
    }
    // tanh(y) = (1 − e^(−2y))/(1 + e^(−2y)).
    let decay = exp(-absolute(p[0].clone() - q[0].clone()) / (2 * p[1].clone()));
    Ok((1 - decay.clone()) / (1 + decay))
}
