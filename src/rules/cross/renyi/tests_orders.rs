//! The orders 0 and ∞ against their definitions, symbolic parameters, and which pairs get a rule.

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind::{self, *};
use crate::family::{Family, Param};
use crate::rules::{lookup, Verdict};
use crate::sym::{Domain, Expr};

use super::super::testing::{exact, integrate, member, value, value_at};
use super::renyi;

/// A member: family and parameters.
type Member = (FamilyKind, &'static [f64]);

fn by_rule(order: Expr, p: &Family, q: &Family) -> f64 {
    match renyi(p, q, &order) {
        Ok(expr) => value(&crate::sym::simplify(&expr)),
        Err(Verdict::Infinite(_)) => f64::INFINITY,
        Err(other) => panic!("Renyi({order}, {p} || {q}): {other:?}"),
    }
}

#[track_caller]
fn close(ours: f64, reference: f64, what: &str) {
    assert!(
        (ours - reference).abs() <= 1e-9 * reference.abs().max(1.0),
        "{what}: {ours} vs {reference}"
    );
}

fn log_density(family: &Family) -> Expr {
    family
        .log_density(&Expr::symbol("x", Domain::Real))
        .expect("univariate")
}

#[test]
fn order_zero_is_minus_the_log_of_q_on_the_support_of_p() {
    // (P, Q, the ends of supp P).
    let cases: &[(Member, Member, Option<f64>, Option<f64>)] = &[
        (
            (Uniform, &[0.0, 1.0]),
            (Normal, &[0.0, 1.0]),
            Some(0.0),
            Some(1.0),
        ),
        (
            (Uniform, &[-3.0, -1.0]),
            (Normal, &[2.0, 0.5]),
            Some(-3.0),
            Some(-1.0),
        ),
        ((Gamma, &[2.0, 1.0]), (Normal, &[1.0, 2.0]), Some(0.0), None),
        (
            (Exponential, &[1.0]),
            (Laplace, &[1.0, 1.0]),
            Some(0.0),
            None,
        ),
        (
            (Exponential, &[1.0]),
            (Laplace, &[-1.0, 2.0]),
            Some(0.0),
            None,
        ),
        (
            (Beta, &[2.0, 2.0]),
            (Uniform, &[-1.0, 0.5]),
            Some(0.0),
            Some(0.5),
        ),
        (
            (Pareto, &[2.0, 1.0]),
            (Exponential, &[1.0]),
            Some(2.0),
            None,
        ),
        (
            (Pareto, &[2.0, 1.0]),
            (LogNormal, &[0.0, 1.0]),
            Some(2.0),
            None,
        ),
        (
            (Uniform, &[0.5, 3.0]),
            (Pareto, &[1.0, 2.0]),
            Some(0.5),
            Some(3.0),
        ),
        (
            (Uniform, &[1.0, 2.0]),
            (Cauchy, &[0.0, 1.0]),
            Some(1.0),
            Some(2.0),
        ),
    ];
    for &((p_kind, p_params), (q_kind, q_params), lower, upper) in cases {
        let (p, q) = (member(p_kind, p_params), member(q_kind, q_params));
        let log_q = log_density(&q);
        let (q_lower, q_upper) = match q.support() {
            crate::family::Support::Interval { lower, upper } => {
                let end = |b: crate::family::support::Bound| match b {
                    crate::family::support::Bound::Finite(e) => Some(value(&e)),
                    crate::family::support::Bound::Infinite => None,
                };
                (end(lower), end(upper))
            }
            _ => unreachable!(),
        };
        let lower = match (lower, q_lower) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let upper = match (upper, q_upper) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let mass = integrate(
            &|x| [value_at(&log_q, x).exp(), 0.0],
            lower,
            upper,
            0.0,
            &[1.0, -1.0],
        );
        close(
            by_rule(Expr::int(0), &p, &q),
            -mass[0].ln(),
            &format!("Renyi(0, {p} || {q})"),
        );
    }
    // supp Q ⊆ supp P: Q(supp P) = 1.
    let (p, q) = (member(Poisson, &[1.0]), member(Binomial, &[3.0, 0.5]));
    assert_eq!(renyi(&p, &q, &Expr::int(0)), Ok(Expr::int(0)));
    let (p, q) = (member(Normal, &[0.0, 1.0]), member(HalfNormal, &[1.0]));
    assert_eq!(renyi(&p, &q, &Expr::int(0)), Ok(Expr::int(0)));
}

/// sup of log p − log q over (lower, upper) by a grid search refined by golden sections.
fn grid_supremum(p: &Family, q: &Family, lower: f64, upper: f64) -> f64 {
    let (lp, lq) = (log_density(p), log_density(q));
    let f = |x: f64| value_at(&lp, x) - value_at(&lq, x);
    let steps = 20_000;
    let mut best = (f64::NEG_INFINITY, lower);
    for i in 1..steps {
        let x = lower + (upper - lower) * i as f64 / steps as f64;
        let y = f(x);
        if y > best.0 {
            best = (y, x);
        }
    }
    let width = (upper - lower) / steps as f64;
    let (mut a, mut b) = ((best.1 - width).max(lower), (best.1 + width).min(upper));
    for _ in 0..100 {
        let (c, d) = (b - 0.618 * (b - a), a + 0.618 * (b - a));
        if f(c) > f(d) {
            b = d;
        } else {
            a = c;
        }
    }
    f((a + b) / 2.0)
        .max(best.0)
        .max(f(lower.max(1e-300)))
        .max(f(upper))
}

#[test]
fn order_infinity_is_the_supremum_of_log_p_over_q() {
    let cases: &[(Member, Member, f64, f64)] = &[
        ((Normal, &[0.0, 1.0]), (Laplace, &[0.0, 1.0]), -20.0, 20.0),
        ((Normal, &[1.0, 0.5]), (Laplace, &[-1.0, 2.0]), -20.0, 20.0),
        ((Beta, &[2.0, 2.0]), (Uniform, &[0.0, 1.0]), 0.0, 1.0),
        ((Beta, &[3.0, 1.5]), (Uniform, &[0.0, 1.0]), 0.0, 1.0),
        ((Uniform, &[0.0, 1.0]), (Normal, &[0.0, 1.0]), 0.0, 1.0),
        ((Uniform, &[-1.0, 3.0]), (Normal, &[0.5, 2.0]), -1.0, 3.0),
        ((HalfNormal, &[1.0]), (Normal, &[0.0, 2.0]), 0.0, 30.0),
        ((HalfNormal, &[1.0]), (Exponential, &[2.0]), 0.0, 30.0),
        ((Exponential, &[3.0]), (Laplace, &[1.0, 1.0]), 0.0, 40.0),
        ((Rayleigh, &[1.0]), (HalfNormal, &[2.0]), 0.0, 30.0),
        ((Chi, &[3.0]), (Rayleigh, &[2.0]), 0.0, 30.0),
        ((Gumbel, &[0.0, 1.0]), (Moyal, &[0.0, 1.0]), -5.0, 40.0),
    ];
    for &((p_kind, p_params), (q_kind, q_params), lower, upper) in cases {
        let (p, q) = (member(p_kind, p_params), member(q_kind, q_params));
        close(
            by_rule(Expr::Infinity, &p, &q),
            grid_supremum(&p, &q, lower, upper),
            &format!("Renyi(inf, {p} || {q})"),
        );
    }
    for (p, q) in [
        (member(Laplace, &[0.0, 1.0]), member(Normal, &[0.0, 1.0])),
        (member(Gamma, &[2.0, 1.0]), member(Exponential, &[1.0])),
        (member(Exponential, &[1.0]), member(Gamma, &[2.0, 1.0])),
        (member(Beta, &[0.5, 2.0]), member(Uniform, &[0.0, 1.0])),
        (
            member(Geometric, &[0.2]),
            member(NegativeBinomial, &[1.0, 0.5]),
        ),
        (member(Geometric, &[0.5]), member(Poisson, &[1.0])),
    ] {
        assert!(by_rule(Expr::Infinity, &p, &q).is_infinite(), "{p} || {q}");
    }
    // A linear exponent on the integers: the maximum at 0, log(p/q) = log(1/2 ÷ 1/3).
    let (p, q) = (
        member(Geometric, &[0.5]),
        member(NegativeBinomial, &[1.0, 1.0 / 3.0]),
    );
    close(
        by_rule(Expr::Infinity, &p, &q),
        1.5f64.ln(),
        "Geom || NegBin at inf",
    );
}

#[test]
fn symbolic_parameters() {
    let symbol = |name: &str| Expr::symbol(name, Domain::Positive);
    let family = |kind, params: Vec<Expr>| Family {
        kind,
        params: params.into_iter().map(Param::Scalar).collect(),
    };
    // Renyi(1/2, Gamma(k, 1) ‖ Exp(1)) = log Γ(k) − 2 log Γ((k + 1)/2).
    let p = family(Gamma, vec![symbol("k"), Expr::int(1)]);
    let q = family(Exponential, vec![Expr::int(1)]);
    let formula = renyi(&p, &q, &Expr::ratio(1, 2)).expect("a formula");
    for k in [0.5, 2.0, 7.25] {
        let at = crate::sym::simplify(&formula.substitute("k", &exact(k)));
        let lgamma = statrs::function::gamma::ln_gamma;
        close(
            value(&at),
            lgamma(k) - 2.0 * lgamma((k + 1.0) / 2.0),
            "symbolic k",
        );
    }
    // Normal(m, v) ‖ Laplace(0, 1) at α = 1/2: both half-lines are Gaussian tails for every m, v.
    let p = family(Normal, vec![Expr::symbol("m", Domain::Real), symbol("v")]);
    let q = family(Laplace, vec![Expr::int(0), Expr::int(1)]);
    let formula = renyi(&p, &q, &Expr::ratio(1, 2)).expect("a formula");
    let at = formula
        .substitute("m", &exact(0.5))
        .substitute("v", &exact(2.0));
    let numeric = renyi(&member(Normal, &[0.5, 2.0]), &q, &Expr::ratio(1, 2)).unwrap();
    close(
        value(&crate::sym::simplify(&at)),
        value(&numeric),
        "symbolic m, v",
    );
    // A location that symbols leave on either side of the support's end: undecided.
    let p = family(Laplace, vec![Expr::symbol("m", Domain::Real), Expr::int(1)]);
    let q = family(Exponential, vec![Expr::int(1)]);
    assert!(matches!(
        renyi(&p, &q, &Expr::ratio(1, 2)),
        Err(Verdict::Undecided(_))
    ));
}

#[test]
fn pairs_with_a_kernel_get_a_rule() {
    let has = |p, q| lookup(DivergenceKind::Renyi, p, Some(q)).is_some();
    for (p, q) in [
        (Gamma, Exponential),
        (Exponential, Gamma),
        (ChiSquared, Gamma),
        (Exponential, ChiSquared),
        (Geometric, NegativeBinomial),
        (Bernoulli, Binomial),
        (Exponential, Normal),
        (Normal, Laplace),
        (Weibull, Exponential),
        (Moyal, Gumbel),
        (LogNormal, Pareto),
        (HalfCauchy, Cauchy),
    ] {
        assert!(has(p, q), "{p:?} || {q:?}");
    }
    // Logistic kernels, Cauchy against a normal, continuous against discrete: none.
    for (p, q) in [
        (Logistic, Normal),
        (Cauchy, Normal),
        (Normal, Poisson),
        (Gumbel, Normal),
    ] {
        assert!(!has(p, q), "{p:?} || {q:?}");
    }
    // Every same-family pair keeps its own rule.
    for rule in super::RULES.iter() {
        assert_ne!(Some(rule.p), rule.q);
    }
}
