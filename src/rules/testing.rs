//! Test support for the same-family rules: building members, applying a rule through the table, and an
//! independent `f64` evaluation of each quantity from its definition by double-exponential quadrature of the
//! family's own log-density.
//!
//! The quadrature is the trapezoidal rule after a double-exponential change of variables (tanh-sinh on a
//! bounded interval, exp-sinh on a half-line, sinh-sinh on the line): it converges to about 1e-13 even with
//! integrable endpoint singularities (x^{−1/2} of Chi2(1)) and algebraic tails (Cauchy, Pareto), where an
//! adaptive Simpson rule stalls.

use crate::divergence::DivergenceKind;
use crate::exact::Rational;
use crate::family::support::Bound;
use crate::family::{Family, FamilyKind, Param, Support};
use crate::sym::float::eval_f64;
use crate::sym::{Expr, Function};

use super::{lookup, Query, RuleResult};

/// Relative tolerance of a closed form against quadrature (absolute for values below 1).
pub(crate) const TOLERANCE: f64 = 1e-9;

/// The exact rational value of an `f64`.
pub(crate) fn exact(value: f64) -> Expr {
    Expr::number(Rational::from_float(value).expect("test values are finite"))
}

/// A member with scalar parameters given as `f64` (converted exactly).
pub(crate) fn member(kind: FamilyKind, params: &[f64]) -> Family {
    Family {
        kind,
        params: params.iter().map(|&v| Param::Scalar(exact(v))).collect(),
    }
}

/// Applies the table's rule for (kind, P, Q).
#[track_caller]
pub(crate) fn apply(
    kind: DivergenceKind,
    p: &Family,
    q: Option<&Family>,
    order: Option<&Expr>,
) -> RuleResult {
    let rule = lookup(kind, p.kind, q.map(|q| q.kind)).expect("a rule for the query");
    (rule.formula)(&Query { p, q, order })
}

/// The rule's finite value in `f64`; panics on a verdict.
#[track_caller]
pub(crate) fn value(
    kind: DivergenceKind,
    p: &Family,
    q: Option<&Family>,
    order: Option<&Expr>,
) -> f64 {
    let expr = apply(kind, p, q, order).unwrap_or_else(|verdict| panic!("{verdict:?}"));
    evaluate(&expr)
}

/// A constant expression in `f64`, including E₁ (which the shared evaluator leaves out).
#[track_caller]
pub(crate) fn evaluate(expr: &Expr) -> f64 {
    eval_f64(&with_exponential_integrals(expr)).expect("a constant expression")
}

fn with_exponential_integrals(expr: &Expr) -> Expr {
    match expr {
        Expr::Apply(Function::ExpIntegralE1, arguments) => {
            exact(exponential_integral(evaluate(&arguments[0])))
        }
        Expr::Apply(function, arguments) => Expr::Apply(
            *function,
            arguments.iter().map(with_exponential_integrals).collect(),
        ),
        Expr::Add(items) => Expr::Add(items.iter().map(with_exponential_integrals).collect()),
        Expr::Mul(items) => Expr::Mul(items.iter().map(with_exponential_integrals).collect()),
        Expr::Pow(base, exponent) => Expr::Pow(
            Box::new(with_exponential_integrals(base)),
            Box::new(with_exponential_integrals(exponent)),
        ),
        other => other.clone(),
    }
}

/// E₁(x) = ∫₁^∞ e^{−xt}/t dt, x > 0.
pub(crate) fn exponential_integral(x: f64) -> f64 {
    integrate(&|t| (-x * t).exp() / t, Some(1.0), None)
}

/// Asserts `actual ≈ expected` within [`TOLERANCE`].
#[track_caller]
pub(crate) fn assert_close(actual: f64, expected: f64) {
    let scale = expected.abs().max(1.0);
    assert!(
        (actual - expected).abs() <= TOLERANCE * scale,
        "got {actual}, expected {expected} (difference {:e})",
        actual - expected
    );
}

/// Asserts that the rule says +∞.
#[track_caller]
pub(crate) fn assert_infinite(result: RuleResult) {
    assert!(
        matches!(result, Err(super::Verdict::Infinite(_))),
        "expected an infinite verdict, got {result:?}"
    );
}

/// The interval support of a univariate member (the range of the integers of a mass function), as `f64` ends.
fn interval(family: &Family) -> (Option<f64>, Option<f64>) {
    let end = |bound: &Bound| match bound {
        Bound::Infinite => None,
        Bound::Finite(value) => Some(eval_f64(value).expect("a constant bound")),
    };
    match family.support() {
        Support::Interval { lower, upper } => (end(&lower), end(&upper)),
        // A mass function: the same ends, for the range check of `log_density`.
        Support::Integers { lower, upper } => (
            end(&Bound::Finite(lower)),
            upper.and_then(|upper| end(&Bound::Finite(upper))),
        ),
        other => panic!("{family} has no interval support: {other:?}"),
    }
}

/// The log-density in `f64`, −∞ outside the support.
pub(crate) fn log_density(family: &Family, x: f64) -> f64 {
    let (lower, upper) = interval(family);
    if lower.is_some_and(|a| x < a) || upper.is_some_and(|b| x > b) || !x.is_finite() {
        return f64::NEG_INFINITY;
    }
    let expr = family.log_density(&exact(x)).expect("a univariate family");
    eval_f64(&expr).unwrap_or(f64::NAN)
}

fn intersection(p: &Family, q: &Family) -> (Option<f64>, Option<f64>) {
    let ((pa, pb), (qa, qb)) = (interval(p), interval(q));
    let lower = match (pa, qa) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    let upper = match (pb, qb) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    (lower, upper)
}

fn union(p: &Family, q: &Family) -> (Option<f64>, Option<f64>) {
    let ((pa, pb), (qa, qb)) = (interval(p), interval(q));
    let lower = match (pa, qa) {
        (Some(a), Some(b)) => Some(a.min(b)),
        _ => None,
    };
    let upper = match (pb, qb) {
        (Some(a), Some(b)) => Some(a.max(b)),
        _ => None,
    };
    (lower, upper)
}

/// KL(P‖Q) = ∫ p log(p/q) over the support of P.
pub(crate) fn kl_by_quadrature(p: &Family, q: &Family) -> f64 {
    let (lower, upper) = interval(p);
    integrate(
        &|x| {
            let (lp, lq) = (log_density(p, x), log_density(q, x));
            if lp == f64::NEG_INFINITY {
                0.0
            } else {
                lp.exp() * (lp - lq)
            }
        },
        lower,
        upper,
    )
}

/// D_α(P‖Q) = log ∫ p^α q^{1−α} / (α − 1) over the common support.
pub(crate) fn renyi_by_quadrature(alpha: f64, p: &Family, q: &Family) -> f64 {
    let (lower, upper) = intersection(p, q);
    let integral = integrate(
        &|x| (alpha * log_density(p, x) + (1.0 - alpha) * log_density(q, x)).exp(),
        lower,
        upper,
    );
    integral.ln() / (alpha - 1.0)
}

/// H(P) = −∫ p log p.
pub(crate) fn entropy_by_quadrature(p: &Family) -> f64 {
    let (lower, upper) = interval(p);
    integrate(
        &|x| {
            let lp = log_density(p, x);
            if lp == f64::NEG_INFINITY {
                0.0
            } else {
                -lp.exp() * lp
            }
        },
        lower,
        upper,
    )
}

/// TV(P, Q) = ½∫|p − q| over the union of the supports, split where the densities cross and where a support
/// ends (the kinks and jumps of |p − q| would slow the quadrature down to a few digits).
pub(crate) fn total_variation_by_quadrature(p: &Family, q: &Family) -> f64 {
    let (lower, upper) = union(p, q);
    let difference = |x: f64| log_density(p, x).exp() - log_density(q, x).exp();
    // The support ends inside the union are jumps of |p − q| even where p − q keeps its sign.
    let (p_ends, q_ends) = (interval(p), interval(q));
    let mut inner: Vec<f64> = [p_ends.0, p_ends.1, q_ends.0, q_ends.1]
        .into_iter()
        .flatten()
        .chain(crossings(&difference, lower, upper))
        .filter(|x| lower.is_none_or(|a| *x > a) && upper.is_none_or(|b| *x < b))
        .collect();
    inner.sort_by(f64::total_cmp);
    inner.dedup();
    let mut ends = vec![lower];
    ends.extend(inner.into_iter().map(Some));
    ends.push(upper);
    ends.windows(2)
        .map(|pair| integrate(&|x| difference(x).abs() / 2.0, pair[0], pair[1]))
        .sum()
}

/// The points where `f` changes sign, found on a fine grid of the quadrature's nodes and refined by bisection.
fn crossings(f: &dyn Fn(f64) -> f64, lower: Option<f64>, upper: Option<f64>) -> Vec<f64> {
    let grid: Vec<f64> = (-2400..=2400)
        .map(|k| node(f64::from(k) / 400.0, lower, upper).0)
        .filter(|x| x.is_finite())
        .collect();
    let mut found = Vec::new();
    for pair in grid.windows(2) {
        let (mut a, mut b) = (pair[0], pair[1]);
        let (fa, fb) = (f(a), f(b));
        if !(fa.is_finite() && fb.is_finite()) || fa == 0.0 || fa.signum() == fb.signum() {
            continue;
        }
        for _ in 0..200 {
            let middle = (a + b) / 2.0;
            if middle <= a || middle >= b {
                break;
            }
            if f(middle).signum() == fa.signum() {
                a = middle;
            } else {
                b = middle;
            }
        }
        found.push((a + b) / 2.0);
    }
    found
}

/// The double-exponential node at t: (x, dx/dt).
fn node(t: f64, lower: Option<f64>, upper: Option<f64>) -> (f64, f64) {
    use std::f64::consts::FRAC_PI_2;
    let s = FRAC_PI_2 * t.sinh();
    let ds = FRAC_PI_2 * t.cosh();
    match (lower, upper) {
        (Some(a), Some(b)) => {
            // The distance to the nearer end, computed without cancellation.
            let half = (b - a) / 2.0;
            let distance = (b - a) / (1.0 + (2.0 * s.abs()).exp());
            let x = if t < 0.0 { a + distance } else { b - distance };
            (x, half * ds / s.cosh().powi(2))
        }
        (Some(a), None) => (a + s.exp(), s.exp() * ds),
        (None, Some(b)) => (b - s.exp(), s.exp() * ds),
        (None, None) => (s.sinh(), s.cosh() * ds),
    }
}

/// ∫ f over (lower, upper), either end possibly infinite.
///
/// The trapezoidal sums are refined by halving the step until two successive levels agree to 1e-14
/// relatively (see [`integrate_to`]); non-finite values of the integrand (underflow far in a tail) count as 0.
pub(crate) fn integrate(f: &dyn Fn(f64) -> f64, lower: Option<f64>, upper: Option<f64>) -> f64 {
    integrate_to(f, lower, upper, 1e-14)
}

/// [`integrate`] with a relative `tolerance` between successive levels, for the inner integrals of nested
/// quadrature (each level roughly squares the error, so 1e-10 between levels leaves far less).
pub(crate) fn integrate_to(
    f: &dyn Fn(f64) -> f64,
    lower: Option<f64>,
    upper: Option<f64>,
    tolerance: f64,
) -> f64 {
    let node = |t: f64| node(t, lower, upper);
    let term = |t: f64| {
        let (x, weight) = node(t);
        let value = f(x) * weight;
        if value.is_finite() {
            value
        } else {
            0.0
        }
    };
    let limit = 6.0;
    let mut step = 0.5;
    let mut total = term(0.0);
    let mut k = 1;
    while f64::from(k) * step <= limit {
        let t = f64::from(k) * step;
        total += term(t) + term(-t);
        k += 1;
    }
    let mut estimate = total * step;
    for _ in 0..9 {
        // The new level adds the midpoints of the old one.
        let mut k = 1;
        while f64::from(k) * step / 2.0 <= limit {
            let t = f64::from(k) * step / 2.0;
            total += term(t) + term(-t);
            k += 2;
        }
        step /= 2.0;
        let refined = total * step;
        if (refined - estimate).abs() <= tolerance * refined.abs() {
            return refined;
        }
        estimate = refined;
    }
    estimate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quadrature_handles_singular_ends_and_heavy_tails() {
        // ∫₀¹ x^{−1/2} = 2, ∫₀^∞ e^{−x} = 1, ∫ 1/(π(1 + x²)) = 1, ∫₁^∞ x^{−3/2} = 2.
        assert_close(integrate(&|x| x.powf(-0.5), Some(0.0), Some(1.0)), 2.0);
        assert_close(integrate(&|x| (-x).exp(), Some(0.0), None), 1.0);
        let cauchy = |x: f64| 1.0 / (std::f64::consts::PI * (1.0 + x * x));
        assert_close(integrate(&cauchy, None, None), 1.0);
        assert_close(integrate(&|x| x.powf(-1.5), Some(1.0), None), 2.0);
    }

    #[test]
    fn exponential_integral_matches_reference_values() {
        // E₁(1) = 0.21938393439552027, E₁(1/10) = 1.8229239584193906.
        assert_close(exponential_integral(1.0), 0.219_383_934_395_520_27);
        assert_close(exponential_integral(0.1), 1.822_923_958_419_390_6);
    }
}

/// The families whose same-family rules this group writes, with a sample member each.
#[cfg(test)]
pub(crate) fn samples() -> Vec<Family> {
    use FamilyKind::*;
    let matrix = |rows: &[&[i64]]| {
        Param::Matrix(
            rows.iter()
                .map(|row| row.iter().map(|&v| Expr::int(v)).collect())
                .collect(),
        )
    };
    let vector = |values: &[Expr]| Param::Vector(values.to_vec());
    let scalars = |kind: FamilyKind, values: &[Expr]| Family {
        kind,
        params: values.iter().cloned().map(Param::Scalar).collect(),
    };
    let r = Expr::ratio;
    vec![
        scalars(InverseGamma, &[r(3, 2), r(1, 2)]),
        scalars(ChiSquared, &[r(5, 2)]),
        scalars(Chi, &[r(5, 2)]),
        scalars(LogNormal, &[r(1, 3), r(3, 4)]),
        scalars(LogitNormal, &[r(1, 3), r(3, 4)]),
        scalars(HalfNormal, &[r(3, 4)]),
        scalars(Weibull, &[r(3, 2), r(2, 3)]),
        scalars(Gumbel, &[r(1, 3), r(2, 3)]),
        scalars(Rayleigh, &[r(2, 3)]),
        scalars(Pareto, &[r(2, 3), r(5, 2)]),
        scalars(Kumaraswamy, &[r(3, 2), r(5, 2)]),
        scalars(Moyal, &[r(1, 3), r(2, 3)]),
        scalars(VonMises, &[r(1, 3), r(5, 2)]),
        scalars(Lindley, &[r(3, 2)]),
        scalars(ContinuousBernoulli, &[r(1, 3)]),
        scalars(Cauchy, &[r(1, 3), r(2, 3)]),
        scalars(HalfCauchy, &[r(2, 3)]),
        scalars(StudentT, &[r(7, 2), r(1, 3), r(2, 3)]),
        scalars(Logistic, &[r(1, 3), r(2, 3)]),
        scalars(LogUniform, &[r(1, 3), r(7, 2)]),
        Family {
            kind: Dirichlet,
            params: vec![vector(&[r(1, 2), r(3, 2), Expr::int(2)])],
        },
        scalars(NegativeBinomial, &[r(5, 2), r(2, 5)]),
        Family {
            kind: Multinomial,
            params: vec![
                Param::Scalar(Expr::int(4)),
                vector(&[r(1, 2), Expr::int(0), r(1, 2)]),
            ],
        },
        Family {
            kind: Wishart,
            params: vec![Param::Scalar(r(7, 2)), matrix(&[&[2, 1], &[1, 3]])],
        },
    ]
}

#[cfg(test)]
mod group_tests {
    use super::*;
    use crate::rules::{all, formula};

    /// The rules of this group, with the sample member of their family.
    fn rules_with_samples() -> Vec<(&'static super::super::Rule, Family)> {
        let samples = samples();
        all()
            .filter_map(|rule| {
                let sample = samples.iter().find(|family| family.kind == rule.p)?;
                Some((rule, sample.clone()))
            })
            .collect()
    }

    #[test]
    fn identical_members_give_exactly_zero() {
        let mut failures = Vec::new();
        let orders = [
            Expr::ratio(1, 2),
            Expr::int(2),
            Expr::Infinity,
            Expr::int(0),
        ];
        for (rule, sample) in rules_with_samples() {
            // Same-family rules only: a cross-family rule cannot take one member as both P and Q.
            if rule.q != Some(rule.p) {
                continue;
            }
            let cases: Vec<Option<&Expr>> = match rule.divergence {
                DivergenceKind::Renyi => orders.iter().map(Some).collect(),
                _ => vec![None],
            };
            for order in cases {
                let result = (rule.formula)(&Query {
                    p: &sample,
                    q: Some(&sample),
                    order,
                });
                match result {
                    Ok(expr) if crate::sym::simplify(&expr).is_zero() => {}
                    // The Cauchy rule leaves non-integer orders to the numeric methods.
                    Err(super::super::Verdict::NotApplicable(_))
                        if rule.p == FamilyKind::Cauchy || rule.p == FamilyKind::HalfCauchy => {}
                    other => failures.push(format!("{} at {order:?}: {other:?}", rule.name())),
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn every_rule_accepts_symbolic_parameters() {
        let rules = rules_with_samples();
        assert!(rules.len() >= 60, "{} rules", rules.len());
        for (rule, _) in rules {
            // A formula or a verdict, never a panic; families with vector parameters have no listing.
            let _ = formula(rule);
        }
    }
}
