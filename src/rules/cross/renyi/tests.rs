//! The kernels against the definition (∫ p^α q^(1−α) by double-exponential quadrature, a direct sum on the
//! integers), the infinite verdicts, and the embeddings against the same-family rules.

use crate::family::support::{Bound, Support};
use crate::family::{Family, FamilyKind::*};
use crate::rules::{lookup, Query, Verdict};
use crate::sym::{Domain, Expr};

use super::super::testing::{exact, integrate, member, value, value_at};
use super::renyi;

fn variable() -> Expr {
    Expr::symbol("x", Domain::Real)
}

/// The log-density of a family at the free variable `x`.
fn log_density_expr(family: &Family) -> Expr {
    family.log_density(&variable()).expect("univariate")
}

fn ends(support: &Support) -> (Option<f64>, Option<f64>) {
    let end = |bound: &Bound| match bound {
        Bound::Infinite => None,
        Bound::Finite(e) => Some(value(e)),
    };
    match support {
        Support::Interval { lower, upper } => (end(lower), end(upper)),
        other => panic!("not an interval: {other:?}"),
    }
}

/// The tighter ends of two intervals.
fn intersection(p: &Family, q: &Family) -> (Option<f64>, Option<f64>) {
    let ((l1, u1), (l2, u2)) = (ends(&p.support()), ends(&q.support()));
    let lower = match (l1, l2) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    let upper = match (u1, u2) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    (lower, upper)
}

/// Kinks of a density (the location of a Laplace distribution).
fn kinks(family: &Family) -> Vec<f64> {
    match family.kind {
        Laplace => vec![value(family.scalar(0))],
        _ => Vec::new(),
    }
}

/// ∫ exp(α log p + β log q) over supp P ∩ supp Q (a sum on the integers).
fn integral(p: &Family, q: &Family, alpha: f64, beta: f64) -> f64 {
    if let Support::Integers { lower, upper } = p.support() {
        let last = |support: Support| match support {
            Support::Integers { upper: Some(u), .. } => value(&u) as i64,
            _ => 2000,
        };
        let end = last(Support::Integers {
            lower: lower.clone(),
            upper,
        })
        .min(last(q.support()));
        let mut total = 0.0;
        for k in (value(&lower) as i64)..=end {
            let at = |f: &Family| value(&f.log_density(&Expr::int(k)).expect("mass"));
            let (lp, lq) = (if alpha == 0.0 { 0.0 } else { at(p) }, at(q));
            let term = (alpha * lp + beta * lq).exp();
            if term.is_finite() {
                total += term;
            }
        }
        return total;
    }
    let (lp, lq) = (log_density_expr(p), log_density_expr(q));
    let integrand = |x: f64| {
        let left = if alpha == 0.0 {
            0.0
        } else {
            alpha * value_at(&lp, x)
        };
        let term = (left + beta * value_at(&lq, x)).exp();
        [if term.is_finite() { term } else { 0.0 }, 0.0]
    };
    let (lower, upper) = intersection(p, q);
    let mut breaks = kinks(p);
    breaks.extend(kinks(q));
    breaks.push(0.0);
    integrate(&integrand, lower, upper, 0.0, &breaks)[0]
}

/// D_α(P‖Q) by its definition, for a finite α ≠ 1 (0 included).
fn by_definition(alpha: f64, p: &Family, q: &Family) -> f64 {
    integral(p, q, alpha, 1.0 - alpha).ln() / (alpha - 1.0)
}

/// D_α by the kernel rule, `inf` for an infinite verdict.
#[track_caller]
fn by_rule(order: Expr, p: &Family, q: &Family) -> f64 {
    match renyi(p, q, &order) {
        Ok(expr) => value(&crate::sym::simplify(&expr)),
        Err(Verdict::Infinite(_)) => f64::INFINITY,
        Err(other) => panic!("Renyi({order}, {p} || {q}): {other:?}"),
    }
}

#[track_caller]
fn close(ours: f64, reference: f64, what: &str) {
    if ours.is_infinite() || reference.is_infinite() {
        assert_eq!(ours, reference, "{what}");
        return;
    }
    let tolerance = 1e-9 * reference.abs().max(1.0);
    assert!(
        (ours - reference).abs() <= tolerance,
        "{what}: {ours} vs {reference}"
    );
}

type Case = (
    f64,
    (crate::family::FamilyKind, &'static [f64]),
    (crate::family::FamilyKind, &'static [f64]),
);

/// Every pair at two parameter sets, orders on both sides of 1.
const FINITE_ORDERS: &[Case] = &[
    (2.0, (Gamma, &[2.0, 1.0]), (Exponential, &[1.0])),
    (0.3, (Gamma, &[3.5, 2.0]), (Exponential, &[1.5])),
    (0.5, (Exponential, &[1.0]), (Gamma, &[2.0, 1.5])),
    (1.5, (Exponential, &[2.0]), (Gamma, &[0.5, 1.0])),
    (0.5, (ChiSquared, &[3.0]), (Gamma, &[2.0, 1.0])),
    (1.5, (ChiSquared, &[5.0]), (Gamma, &[2.0, 0.4])),
    (0.5, (Exponential, &[2.0]), (ChiSquared, &[3.0])),
    (1.5, (Exponential, &[1.0]), (ChiSquared, &[1.0])),
    (2.0, (Gamma, &[2.0, 1.0]), (ChiSquared, &[4.0])),
    (0.3, (Gamma, &[1.5, 0.5]), (ChiSquared, &[2.0])),
    (2.0, (Normal, &[0.0, 1.0]), (Laplace, &[0.0, 1.0])),
    (0.4, (Normal, &[1.0, 2.0]), (Laplace, &[-0.5, 1.5])),
    (0.5, (Laplace, &[0.0, 1.0]), (Normal, &[0.0, 1.0])),
    (0.8, (Laplace, &[1.0, 0.5]), (Normal, &[0.0, 2.0])),
    (0.5, (Exponential, &[1.0]), (Normal, &[0.0, 1.0])),
    (0.7, (Exponential, &[2.0]), (Normal, &[1.0, 3.0])),
    (0.5, (Normal, &[0.0, 1.0]), (Exponential, &[1.0])),
    (0.25, (Normal, &[1.0, 0.5]), (Exponential, &[2.0])),
    (2.0, (HalfNormal, &[1.0]), (Normal, &[0.0, 2.0])),
    (0.5, (HalfNormal, &[2.0]), (Normal, &[1.0, 1.0])),
    (0.5, (HalfNormal, &[1.0]), (Exponential, &[1.0])),
    (0.5, (Exponential, &[1.0]), (HalfNormal, &[3.0])),
    (0.3, (Uniform, &[0.0, 1.0]), (Normal, &[0.0, 1.0])),
    (0.5, (Uniform, &[-1.0, 2.0]), (Normal, &[0.5, 2.0])),
    (0.5, (Normal, &[0.0, 1.0]), (Uniform, &[-1.0, 2.0])),
    (0.3, (Normal, &[3.0, 1.0]), (Uniform, &[0.0, 1.0])),
    (2.0, (Beta, &[2.0, 3.0]), (Uniform, &[0.0, 1.0])),
    (0.5, (Beta, &[0.5, 0.5]), (Uniform, &[0.0, 1.0])),
    (0.5, (Uniform, &[0.0, 1.0]), (Beta, &[2.0, 2.0])),
    (1.5, (Uniform, &[0.0, 1.0]), (Beta, &[0.5, 0.7])),
    (0.5, (Laplace, &[0.0, 1.0]), (Exponential, &[1.0])),
    (0.3, (Laplace, &[1.0, 2.0]), (Exponential, &[0.5])),
    (2.0, (Exponential, &[1.0]), (Laplace, &[0.0, 1.0])),
    (1.5, (Exponential, &[2.0]), (Laplace, &[1.0, 1.0])),
    (0.5, (Laplace, &[0.0, 1.0]), (Uniform, &[-1.0, 2.0])),
    (2.0, (Uniform, &[-1.0, 2.0]), (Laplace, &[0.5, 1.0])),
    (2.0, (Rayleigh, &[1.0]), (HalfNormal, &[2.0])),
    (0.5, (HalfNormal, &[1.0]), (Rayleigh, &[1.5])),
    (1.5, (Chi, &[3.0]), (Rayleigh, &[1.0])),
    (0.5, (Chi, &[2.0]), (HalfNormal, &[1.0])),
    (2.0, (Weibull, &[2.0, 1.5]), (Rayleigh, &[1.0])),
    (0.5, (Weibull, &[1.0, 2.0]), (Exponential, &[1.0])),
    (2.0, (Exponential, &[1.0]), (Weibull, &[1.0, 2.0])),
    (1.0 / 3.0, (LogNormal, &[0.0, 1.0]), (Pareto, &[1.0, 2.0])),
    (0.5, (LogNormal, &[0.5, 0.5]), (LogUniform, &[0.5, 3.0])),
    (0.8, (Pareto, &[1.0, 2.0]), (LogNormal, &[0.0, 1.0])),
    (0.5, (Pareto, &[2.0, 3.0]), (LogNormal, &[1.0, 2.0])),
    (2.0, (LogUniform, &[1.0, 3.0]), (Pareto, &[1.0, 2.0])),
    (0.5, (Uniform, &[0.5, 2.0]), (Pareto, &[1.0, 1.5])),
    (2.0, (LogUniform, &[0.5, 4.0]), (Uniform, &[0.0, 5.0])),
    (0.5, (Uniform, &[1.0, 4.0]), (LogUniform, &[0.5, 3.0])),
    (1.5, (Moyal, &[0.0, 1.0]), (Gumbel, &[-1.0, 1.0])),
    (0.5, (Gumbel, &[0.0, 2.0]), (Moyal, &[1.0, 2.0])),
    (2.0, (HalfCauchy, &[1.0]), (Cauchy, &[0.0, 1.0])),
    (0.5, (HalfCauchy, &[2.0]), (Cauchy, &[0.0, 2.0])),
    (2.0, (ContinuousBernoulli, &[0.3]), (Uniform, &[0.0, 1.0])),
    (0.5, (Uniform, &[0.0, 1.0]), (ContinuousBernoulli, &[0.7])),
    (0.5, (ContinuousBernoulli, &[0.2]), (Normal, &[0.5, 1.0])),
    (
        2.0,
        (Geometric, &[0.5]),
        (NegativeBinomial, &[1.0, 1.0 / 3.0]),
    ),
    (0.5, (NegativeBinomial, &[1.0, 0.4]), (Geometric, &[0.7])),
    (2.0, (Bernoulli, &[0.3]), (Binomial, &[1.0, 0.6])),
    (0.5, (Binomial, &[1.0, 0.2]), (Bernoulli, &[0.5])),
];

#[test]
fn finite_orders_agree_with_the_definition() {
    for &(alpha, (p_kind, p_params), (q_kind, q_params)) in FINITE_ORDERS {
        let (p, q) = (member(p_kind, p_params), member(q_kind, q_params));
        let what = format!("Renyi({alpha}, {p} || {q})");
        close(
            by_rule(exact(alpha), &p, &q),
            by_definition(alpha, &p, &q),
            &what,
        );
    }
}

#[test]
fn divergent_integrals_are_infinite() {
    for (alpha, p, q) in [
        (
            2.0,
            member(Exponential, &[1.0]),
            member(Normal, &[0.0, 1.0]),
        ),
        (1.5, member(Exponential, &[1.0]), member(HalfNormal, &[1.0])),
        (3.0, member(ChiSquared, &[3.0]), member(Gamma, &[2.0, 1.0])),
        (2.0, member(Geometric, &[0.5]), member(Poisson, &[1.0])),
        (
            2.0,
            member(Laplace, &[0.0, 1.0]),
            member(Normal, &[0.0, 1.0]),
        ),
        (2.0, member(Uniform, &[0.0, 1.0]), member(Beta, &[3.0, 2.0])),
        (3.0, member(Gamma, &[0.5, 1.0]), member(Exponential, &[1.0])),
    ] {
        let result = renyi(&p, &q, &exact(alpha));
        assert!(
            matches!(result, Err(Verdict::Infinite(_))),
            "Renyi({alpha}, {p} || {q}): {result:?}"
        );
    }
}

/// The same-family rule for (p, q).
fn same_family(order: &Expr, p: &Family, q: &Family) -> f64 {
    let rule = lookup(
        crate::divergence::DivergenceKind::Renyi,
        q.kind,
        Some(q.kind),
    )
    .expect("a same-family rule");
    let query = Query {
        p,
        q: Some(q),
        order: Some(order),
    };
    match (rule.formula)(&query) {
        Ok(expr) => value(&expr),
        Err(Verdict::Infinite(_)) => f64::INFINITY,
        Err(other) => panic!("{other:?}"),
    }
}

#[test]
fn embeddings_agree_with_the_same_family_rules() {
    // (P, Q) of different families, and the same two distributions in one family.
    let cases = [
        (
            (Exponential, &[2.0][..]),
            (Gamma, &[0.5, 1.0][..]),
            (Gamma, &[1.0, 2.0][..]),
            (Gamma, &[0.5, 1.0][..]),
        ),
        (
            (Gamma, &[3.0, 2.0]),
            (Exponential, &[1.0]),
            (Gamma, &[3.0, 2.0]),
            (Gamma, &[1.0, 1.0]),
        ),
        (
            (ChiSquared, &[3.0]),
            (Gamma, &[2.0, 1.0]),
            (Gamma, &[1.5, 0.5]),
            (Gamma, &[2.0, 1.0]),
        ),
        (
            (Exponential, &[1.0]),
            (ChiSquared, &[3.0]),
            (Gamma, &[1.0, 1.0]),
            (Gamma, &[1.5, 0.5]),
        ),
        (
            (Geometric, &[0.5]),
            (NegativeBinomial, &[1.0, 0.3]),
            (Geometric, &[0.5]),
            (Geometric, &[0.3]),
        ),
        (
            (NegativeBinomial, &[1.0, 0.2]),
            (Geometric, &[0.6]),
            (Geometric, &[0.2]),
            (Geometric, &[0.6]),
        ),
        (
            (Bernoulli, &[0.3]),
            (Binomial, &[1.0, 0.6]),
            (Bernoulli, &[0.3]),
            (Bernoulli, &[0.6]),
        ),
        (
            (Weibull, &[1.0, 0.5]),
            (Exponential, &[3.0]),
            (Exponential, &[2.0]),
            (Exponential, &[3.0]),
        ),
    ];
    let orders = [
        Expr::int(0),
        Expr::ratio(1, 3),
        Expr::ratio(3, 2),
        Expr::int(2),
        Expr::Infinity,
    ];
    for ((p, p_params), (q, q_params), (p_same, p_same_params), (q_same, q_same_params)) in cases {
        let (p, q) = (member(p, p_params), member(q, q_params));
        let (p_same, q_same) = (member(p_same, p_same_params), member(q_same, q_same_params));
        for order in &orders {
            close(
                by_rule(order.clone(), &p, &q),
                same_family(order, &p_same, &q_same),
                &format!("Renyi({order}, {p} || {q})"),
            );
        }
    }
}
