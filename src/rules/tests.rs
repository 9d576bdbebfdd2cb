//! Test support for the rule files (family builders, f64 evaluation, an independent quadrature) and the
//! identities every rule must satisfy: KL(P‖P) = 0, KL ≥ 0, Rényi → KL as α → 1, Rényi non-decreasing in α.

use num_traits::FromPrimitive;

use crate::divergence::DivergenceKind;
use crate::exact::Rational;
use crate::family::{Family, FamilyKind, Param};
use crate::sym::float::eval_f64;
use crate::sym::Expr;

use super::{lookup, Query, RuleResult, Verdict};

/// Relative tolerance against reference values (the f64 evaluator and statrs's special functions).
pub(crate) const RELATIVE: f64 = 1e-12;

/// A family from scalar parameters.
pub(crate) fn scalars(kind: FamilyKind, values: Vec<Expr>) -> Family {
    Family {
        kind,
        params: values.into_iter().map(Param::Scalar).collect(),
    }
}

pub(crate) fn normal(mean: impl Into<Expr>, variance: impl Into<Expr>) -> Family {
    scalars(FamilyKind::Normal, vec![mean.into(), variance.into()])
}

pub(crate) fn exponential(rate: impl Into<Expr>) -> Family {
    scalars(FamilyKind::Exponential, vec![rate.into()])
}

pub(crate) fn gamma(shape: impl Into<Expr>, rate: impl Into<Expr>) -> Family {
    scalars(FamilyKind::Gamma, vec![shape.into(), rate.into()])
}

pub(crate) fn beta(a: impl Into<Expr>, b: impl Into<Expr>) -> Family {
    scalars(FamilyKind::Beta, vec![a.into(), b.into()])
}

pub(crate) fn laplace(location: impl Into<Expr>, scale: impl Into<Expr>) -> Family {
    scalars(FamilyKind::Laplace, vec![location.into(), scale.into()])
}

pub(crate) fn uniform(lower: impl Into<Expr>, upper: impl Into<Expr>) -> Family {
    scalars(FamilyKind::Uniform, vec![lower.into(), upper.into()])
}

pub(crate) fn bernoulli(p: impl Into<Expr>) -> Family {
    scalars(FamilyKind::Bernoulli, vec![p.into()])
}

pub(crate) fn binomial(n: impl Into<Expr>, p: impl Into<Expr>) -> Family {
    scalars(FamilyKind::Binomial, vec![n.into(), p.into()])
}

pub(crate) fn poisson(rate: impl Into<Expr>) -> Family {
    scalars(FamilyKind::Poisson, vec![rate.into()])
}

pub(crate) fn geometric(p: impl Into<Expr>) -> Family {
    scalars(FamilyKind::Geometric, vec![p.into()])
}

pub(crate) fn categorical(probabilities: Vec<Expr>) -> Family {
    Family {
        kind: FamilyKind::Categorical,
        params: vec![Param::Vector(probabilities)],
    }
}

/// A multivariate normal from integer-or-rational entries.
pub(crate) fn mvn(mean: Vec<Expr>, covariance: Vec<Vec<Expr>>) -> Family {
    Family {
        kind: FamilyKind::MultivariateNormal,
        params: vec![Param::Vector(mean), Param::Matrix(covariance)],
    }
}

pub(crate) fn diagonal_normal(mean: Vec<Expr>, variances: Vec<Expr>) -> Family {
    Family {
        kind: FamilyKind::DiagonalNormal,
        params: vec![Param::Vector(mean), Param::Vector(variances)],
    }
}

/// `n/d`.
pub(crate) fn r(n: i64, d: i64) -> Expr {
    Expr::ratio(n, d)
}

/// Integers as expressions.
pub(crate) fn ints(values: &[i64]) -> Vec<Expr> {
    values.iter().map(|&v| Expr::int(v)).collect()
}

/// The exact rational value of an `f64`.
pub(crate) fn rational(x: f64) -> Expr {
    Expr::number(Rational::from_f64(x).expect("finite test value"))
}

/// Applies the rule for `divergence` between the families of `p` and `q`.
#[track_caller]
pub(crate) fn apply(
    divergence: DivergenceKind,
    p: &Family,
    q: Option<&Family>,
    order: Option<&Expr>,
) -> RuleResult {
    let rule = lookup(divergence, p.kind, q.map(|q| q.kind)).expect("a rule for this pair");
    (rule.formula)(&Query { p, q, order })
}

/// The rule's value in f64; panics on a verdict.
#[track_caller]
pub(crate) fn value(
    divergence: DivergenceKind,
    p: &Family,
    q: Option<&Family>,
    order: Option<&Expr>,
) -> f64 {
    let result =
        apply(divergence, p, q, order).unwrap_or_else(|verdict| panic!("verdict {verdict:?}"));
    eval_f64(&result).unwrap_or_else(|| panic!("not a constant: {result:?}"))
}

/// The Rényi divergence of order `order` in f64, `f64::INFINITY` for an infinite verdict.
#[track_caller]
pub(crate) fn renyi_value(order: Expr, p: &Family, q: &Family) -> f64 {
    let divergence = if order.is_one() {
        DivergenceKind::KullbackLeibler
    } else {
        DivergenceKind::Renyi
    };
    let order = (divergence == DivergenceKind::Renyi).then_some(order);
    match apply(divergence, p, Some(q), order.as_ref()) {
        Ok(result) => eval_f64(&result).unwrap_or_else(|| panic!("not a constant: {result:?}")),
        Err(Verdict::Infinite(_)) => f64::INFINITY,
        Err(other) => panic!("verdict {other:?}"),
    }
}

/// Whether the result is the infinite verdict.
pub(crate) fn is_infinite(result: &RuleResult) -> bool {
    matches!(result, Err(Verdict::Infinite(_)))
}

#[track_caller]
pub(crate) fn assert_close(actual: f64, expected: f64) {
    let scale = expected.abs().max(1e-300);
    assert!(
        (actual - expected).abs() <= RELATIVE * scale.max(1.0)
            || (actual - expected).abs() <= RELATIVE * scale,
        "got {actual:e}, expected {expected:e} (relative error {:e})",
        (actual - expected).abs() / scale
    );
}

#[track_caller]
pub(crate) fn assert_close_to(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance * expected.abs().max(1.0),
        "got {actual:e}, expected {expected:e}"
    );
}

/// The orders at which the identities are checked, in increasing order (1 stands for KL).
fn orders() -> Vec<Expr> {
    vec![
        Expr::int(0),
        r(1, 4),
        r(1, 2),
        r(3, 4),
        r(999_999, 1_000_000),
        Expr::int(1),
        r(1_000_001, 1_000_000),
        r(3, 2),
        Expr::int(2),
        Expr::int(3),
        Expr::Infinity,
    ]
}

/// KL(P‖P) = 0, KL(P‖Q) ≥ 0, D_α → KL at α = 1 ± 10⁻⁶, D_α non-decreasing in α (so D_∞ ≥ D₂), and
/// D_α(P‖P) = 0 at every order.
#[track_caller]
pub(crate) fn check_identities(p: &Family, q: &Family) {
    assert!(renyi_value(Expr::int(1), p, p).abs() < 1e-12, "KL(P‖P) ≠ 0");
    let values: Vec<(Expr, f64)> = orders()
        .into_iter()
        .map(|alpha| (alpha.clone(), renyi_value(alpha, p, q)))
        .collect();
    let kl = values[5].1;
    assert!(kl >= -1e-12, "KL < 0: {kl}");
    if kl.is_finite() {
        for index in [4, 6] {
            assert_close_to(values[index].1, kl, 1e-5);
        }
    }
    for pair in values.windows(2) {
        let ((low_order, low), (high_order, high)) = (&pair[0], &pair[1]);
        assert!(
            *low <= *high + 1e-9 * high.abs().max(1.0),
            "Rényi decreases from order {low_order:?} ({low}) to {high_order:?} ({high})"
        );
    }
    for alpha in orders() {
        assert!(
            renyi_value(alpha.clone(), p, p).abs() < 1e-12,
            "D_{alpha:?}(P‖P) ≠ 0"
        );
    }
}

/// ∫ f over (a, b) by tanh-sinh quadrature in f64: exact to near machine precision for integrands analytic
/// inside the interval, including integrable endpoint singularities. An independent check of the closed forms.
pub(crate) fn integrate(f: &dyn Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    let half = (b - a) / 2.0;
    let middle = (a + b) / 2.0;
    let step = 1.0 / 64.0;
    let mut total = 0.0;
    for k in -400..=400 {
        let t = k as f64 * step;
        let inner = std::f64::consts::FRAC_PI_2 * t.sinh();
        let weight = std::f64::consts::FRAC_PI_2 * t.cosh() / inner.cosh().powi(2);
        // x = middle + half·tanh(s), measured from the nearer end to avoid cancellation:
        // 1 + tanh s = eˢ/cosh s and 1 − tanh s = e⁻ˢ/cosh s.
        let x = if k < 0 {
            a + half * inner.exp() / inner.cosh()
        } else if k > 0 {
            b - half * (-inner).exp() / inner.cosh()
        } else {
            middle
        };
        if x <= a || x >= b || weight == 0.0 {
            continue;
        }
        let value = f(x);
        if value.is_finite() {
            total += weight * value;
        }
    }
    total * half * step
}

/// ∫ f over the real line, split at `breaks` (kinks of the integrand) and mapped to finite intervals.
pub(crate) fn integrate_real_line(f: &dyn Fn(f64) -> f64, breaks: &[f64]) -> f64 {
    let mut points: Vec<f64> = breaks.to_vec();
    points.sort_by(f64::total_cmp);
    let first = points[0];
    let last = points[points.len() - 1];
    // x = first − u/(1 − u) and x = last + u/(1 − u) for u in (0, 1).
    let left = integrate(
        &|u: f64| f(first - u / (1.0 - u)) / (1.0 - u).powi(2),
        0.0,
        1.0,
    );
    let right = integrate(
        &|u: f64| f(last + u / (1.0 - u)) / (1.0 - u).powi(2),
        0.0,
        1.0,
    );
    let inner: f64 = points
        .windows(2)
        .map(|w| {
            if w[1] > w[0] {
                integrate(f, w[0], w[1])
            } else {
                0.0
            }
        })
        .sum();
    left + inner + right
}

/// ∫ f over (0, ∞), by x = u/(1 − u).
pub(crate) fn integrate_half_line(f: &dyn Fn(f64) -> f64) -> f64 {
    integrate(&|u: f64| f(u / (1.0 - u)) / (1.0 - u).powi(2), 0.0, 1.0)
}

/// D_α from ∫ p^α q^(1−α) written with log-densities.
pub(crate) fn renyi_from_integral(alpha: f64, integral: f64) -> f64 {
    integral.ln() / (alpha - 1.0)
}

#[test]
fn every_rule_is_registered_once() {
    let rules: Vec<_> = super::all().collect();
    for (index, rule) in rules.iter().enumerate() {
        for other in &rules[index + 1..] {
            assert!(
                !(rule.divergence == other.divergence && rule.p == other.p && rule.q == other.q),
                "duplicate rule {:?} {:?} {:?}",
                rule.divergence,
                rule.p,
                rule.q
            );
        }
        assert!(!rule.reference.is_empty());
    }
    assert!(rules.len() >= 38, "the core families have 38 rules");
}

#[test]
fn quadrature_integrates_a_gaussian_and_a_singular_endpoint() {
    let gaussian = integrate_real_line(&|x: f64| (-x * x / 2.0).exp(), &[0.0]);
    assert!((gaussian - (2.0 * std::f64::consts::PI).sqrt()).abs() < 1e-13);
    let singular = integrate(&|x: f64| x.powf(-0.5), 0.0, 1.0);
    assert!((singular - 2.0).abs() < 1e-12);
}
