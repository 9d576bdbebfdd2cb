//! Every total variation rule at several parameter sets against ½∫|p − q|: quadrature split at the
//! crossings (found in f64 by a grid scan and bisection, independently of the rules), or a direct sum.

use crate::divergence::DivergenceKind;
use crate::family::support::{Bound, Support};
use crate::family::FamilyKind::{self, *};
use crate::family::{Family, Param};
use crate::rules::cross::testing::{integrate, member, value, value_at};
use crate::rules::{lookup, Query, Verdict};
use crate::sym::{Domain, Expr};

fn apply(p: &Family, q: &Family) -> Result<Expr, Verdict> {
    let rule = lookup(DivergenceKind::TotalVariation, p.kind, Some(q.kind)).expect("a TV rule");
    (rule.formula)(&Query {
        p,
        q: Some(q),
        order: None,
    })
}

fn ends(family: &Family) -> (f64, f64) {
    let end = |bound: Bound, infinite: f64| match bound {
        Bound::Infinite => infinite,
        Bound::Finite(e) => value(&e),
    };
    match family.support() {
        Support::Interval { lower, upper } => {
            (end(lower, f64::NEG_INFINITY), end(upper, f64::INFINITY))
        }
        other => panic!("{other:?}"),
    }
}

/// The density, zero outside the support.
fn density(family: &Family, log_density: &Expr, x: f64) -> f64 {
    let (lower, upper) = ends(family);
    if x < lower || x > upper {
        return 0.0;
    }
    value_at(log_density, x).exp()
}

/// ½∫|p − q| by quadrature over the union of the supports, split where p − q changes sign.
fn by_definition(p: &Family, q: &Family, range: (f64, f64)) -> f64 {
    let variable = Expr::symbol("x", Domain::Real);
    let (lp, lq) = (
        p.log_density(&variable).expect("univariate"),
        q.log_density(&variable).expect("univariate"),
    );
    let difference = |x: f64| density(p, &lp, x) - density(q, &lq, x);
    let (l1, u1) = ends(p);
    let (l2, u2) = ends(q);
    let (lower, upper) = (l1.min(l2), u1.max(u2));
    let mut breaks = vec![l1, u1, l2, u2];
    // The kinks of Laplace densities.
    for family in [p, q] {
        if family.kind == Laplace {
            breaks.push(value(family.scalar(0)));
        }
    }
    let steps = 10_000;
    let at = |i: usize| range.0 + (range.1 - range.0) * i as f64 / steps as f64;
    for i in 0..steps {
        let (mut a, mut b) = (at(i), at(i + 1));
        if difference(a).signum() * difference(b).signum() < 0.0 {
            for _ in 0..80 {
                let middle = (a + b) / 2.0;
                if difference(middle).signum() == difference(a).signum() {
                    a = middle;
                } else {
                    b = middle;
                }
            }
            breaks.push((a + b) / 2.0);
        }
    }
    breaks.retain(|b| b.is_finite());
    let finite = |v: f64| v.is_finite().then_some(v);
    let half = integrate(
        &|x| [difference(x).abs() / 2.0, 0.0],
        finite(lower),
        finite(upper),
        0.0,
        &breaks,
    );
    half[0]
}

/// Σ max(p − q, 0) over the integers.
fn by_sum(p: &Family, q: &Family) -> f64 {
    (0..4000)
        .map(|k| {
            let mass = |f: &Family| value(&f.log_density(&Expr::int(k)).expect("mass")).exp();
            (mass(p) - mass(q)).max(0.0)
        })
        .sum()
}

type Member = (FamilyKind, &'static [f64]);

#[test]
fn continuous_rules_agree_with_the_definition() {
    let cases: &[(Member, Member, (f64, f64))] = &[
        ((Normal, &[0.0, 1.0]), (Normal, &[1.0, 1.0]), (-20.0, 20.0)),
        ((Normal, &[0.0, 1.0]), (Normal, &[1.0, 4.0]), (-30.0, 30.0)),
        ((Normal, &[2.0, 3.0]), (Normal, &[-1.0, 0.5]), (-30.0, 30.0)),
        (
            (LogNormal, &[0.0, 1.0]),
            (LogNormal, &[1.0, 2.0]),
            (1e-6, 50.0),
        ),
        (
            (LogNormal, &[0.0, 1.0]),
            (LogNormal, &[0.5, 1.0]),
            (1e-6, 50.0),
        ),
        ((HalfNormal, &[1.0]), (HalfNormal, &[3.0]), (0.0, 30.0)),
        ((HalfNormal, &[2.0]), (HalfNormal, &[0.5]), (0.0, 30.0)),
        ((Exponential, &[1.0]), (Exponential, &[3.0]), (0.0, 50.0)),
        ((Exponential, &[0.5]), (Exponential, &[0.2]), (0.0, 200.0)),
        ((Rayleigh, &[1.0]), (Rayleigh, &[2.0]), (0.0, 30.0)),
        ((Rayleigh, &[1.5]), (Rayleigh, &[0.5]), (0.0, 30.0)),
        ((Weibull, &[2.0, 1.0]), (Weibull, &[2.0, 3.0]), (0.0, 30.0)),
        ((Weibull, &[0.5, 1.0]), (Weibull, &[0.5, 2.0]), (0.0, 1e3)),
        ((Gumbel, &[0.0, 2.0]), (Gumbel, &[1.0, 2.0]), (-20.0, 60.0)),
        ((Gumbel, &[1.0, 0.5]), (Gumbel, &[-1.0, 0.5]), (-20.0, 60.0)),
        ((Uniform, &[0.0, 1.0]), (Uniform, &[0.5, 1.5]), (-1.0, 2.0)),
        ((Uniform, &[0.0, 3.0]), (Uniform, &[1.0, 2.0]), (-1.0, 4.0)),
        (
            (Laplace, &[0.0, 1.0]),
            (Laplace, &[2.0, 1.0]),
            (-30.0, 30.0),
        ),
        (
            (Laplace, &[0.0, 1.0]),
            (Laplace, &[1.0, 2.0]),
            (-30.0, 30.0),
        ),
        (
            (Laplace, &[1.0, 3.0]),
            (Laplace, &[0.0, 0.5]),
            (-30.0, 30.0),
        ),
        (
            (Laplace, &[0.0, 1.0]),
            (Laplace, &[0.0, 2.0]),
            (-30.0, 30.0),
        ),
        ((Pareto, &[1.0, 2.0]), (Pareto, &[2.0, 1.0]), (1.0, 100.0)),
        ((Pareto, &[2.0, 1.5]), (Pareto, &[1.0, 3.0]), (1.0, 100.0)),
        ((Pareto, &[1.0, 2.0]), (Pareto, &[1.0, 3.0]), (1.0, 100.0)),
        ((Cauchy, &[0.0, 1.0]), (Cauchy, &[1.0, 2.0]), (-50.0, 50.0)),
        ((Cauchy, &[0.5, 1.0]), (Cauchy, &[-1.0, 0.3]), (-50.0, 50.0)),
        (
            (Logistic, &[0.0, 1.0]),
            (Logistic, &[1.0, 1.0]),
            (-40.0, 40.0),
        ),
        (
            (Logistic, &[2.0, 0.5]),
            (Logistic, &[-1.0, 0.5]),
            (-40.0, 40.0),
        ),
    ];
    for &((p_kind, p_params), (q_kind, q_params), range) in cases {
        let (p, q) = (member(p_kind, p_params), member(q_kind, q_params));
        let ours = value(&crate::sym::simplify(
            &apply(&p, &q).expect("a closed form"),
        ));
        let reference = by_definition(&p, &q, range);
        assert!(
            (ours - reference).abs() < 1e-8,
            "TV({p} || {q}): {ours} vs {reference}"
        );
    }
}

#[test]
fn discrete_rules_agree_with_the_sums() {
    let cases: &[(Member, Member)] = &[
        ((Poisson, &[2.0]), (Poisson, &[3.0])),
        ((Poisson, &[10.5]), (Poisson, &[0.25])),
        ((Geometric, &[0.5]), (Geometric, &[0.2])),
        ((Geometric, &[0.05]), (Geometric, &[0.3])),
        ((Geometric, &[1.0]), (Geometric, &[0.3])),
        (
            (NegativeBinomial, &[2.0, 0.5]),
            (NegativeBinomial, &[2.0, 0.2]),
        ),
        (
            (NegativeBinomial, &[3.5, 0.3]),
            (NegativeBinomial, &[3.5, 0.6]),
        ),
    ];
    for &((p_kind, p_params), (q_kind, q_params)) in cases {
        let (p, q) = (member(p_kind, p_params), member(q_kind, q_params));
        let ours = value(&apply(&p, &q).expect("a closed form"));
        let reference = by_sum(&p, &q);
        assert!(
            (ours - reference).abs() < 1e-12,
            "TV({p} || {q}): {ours} vs {reference}"
        );
    }
}

#[test]
fn closed_forms_and_conditions() {
    let show = |p: Family, q: Family| apply(&p, &q).map(|e| crate::sym::simplify(&e).to_string());
    // TV(Laplace(0, 1) ‖ Laplace(2, 1)) = 1 − e^(−1); TV(U(0, 1) ‖ U(1/2, 3/2)) = 1/2.
    assert_eq!(
        show(member(Laplace, &[0.0, 1.0]), member(Laplace, &[2.0, 1.0])),
        Ok("1 - exp(-1)".into())
    );
    assert_eq!(
        show(member(Uniform, &[0.0, 1.0]), member(Uniform, &[0.5, 1.5])),
        Ok("1/2".into())
    );
    // Equal variances: erf(|Δμ|/(2√2 σ)), symbolic in the mean.
    let family = |kind, params: Vec<Expr>| Family {
        kind,
        params: params.into_iter().map(Param::Scalar).collect(),
    };
    let v = Expr::symbol("v", Domain::Positive);
    let m = Expr::symbol("m", Domain::Real);
    assert_eq!(
        show(
            family(Normal, vec![m, v.clone()]),
            family(Normal, vec![Expr::int(0), v.clone()])
        ),
        Ok("erf(sqrt(2)*abs(m)/(4*sqrt(v)))".into())
    );
    // Unknown order of symbolic rates or variances: undecided.
    let w = Expr::symbol("w", Domain::Positive);
    for (p, q) in [
        (
            family(Exponential, vec![v.clone()]),
            family(Exponential, vec![w.clone()]),
        ),
        (
            family(Normal, vec![Expr::int(0), v.clone()]),
            family(Normal, vec![Expr::int(0), w.clone()]),
        ),
    ] {
        assert!(
            matches!(apply(&p, &q), Err(Verdict::Undecided(_))),
            "{p} || {q}"
        );
    }
    // Different Weibull shapes, logistic scales, negative binomial r: no closed form.
    for (p, q) in [
        (member(Weibull, &[1.0, 1.0]), member(Weibull, &[2.0, 1.0])),
        (member(Logistic, &[0.0, 1.0]), member(Logistic, &[0.0, 2.0])),
        (
            member(NegativeBinomial, &[1.0, 0.5]),
            member(NegativeBinomial, &[2.0, 0.5]),
        ),
    ] {
        assert!(
            matches!(apply(&p, &q), Err(Verdict::NotApplicable(_))),
            "{p} || {q}"
        );
    }
    // Disjoint uniforms: 1.
    assert_eq!(
        show(member(Uniform, &[0.0, 1.0]), member(Uniform, &[2.0, 3.0])),
        Ok("1".into())
    );
}
