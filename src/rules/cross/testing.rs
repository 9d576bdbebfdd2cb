//! Test helpers: members from `f64` parameters, an `f64` evaluator with one free variable `x` (built on
//! [`eval_f64`], plus E₁ which it lacks), double-exponential quadrature of ∫ p log(p/q) on the support,
//! direct sums for mass functions, and the entropies of closed_forms.md §1 as a stand-in for entropy rules
//! missing from this tree.

use crate::exact::Rational;
use crate::family::support::{Bound, Support};
use crate::family::{build, spec, Argument, Family, FamilyKind, Param};
use crate::rules::RuleResult;
use crate::sym::float::eval_f64;
use crate::sym::{digamma, euler_gamma, lgamma, log, log_beta, pi, sqrt, Domain, Expr, Function};
use statrs::function::gamma::{gamma_lr, gamma_ur};

use super::{entropy_by_rule, kullback_leibler_with};

/// The name of the integration variable.
const VARIABLE: &str = "x";

/// The exact rational value of an `f64`.
pub fn exact(value: f64) -> Expr {
    Expr::number(Rational::from_float(value).expect("finite test values"))
}

/// The member of `kind` with these positional parameters (a categorical takes them as its vector).
#[track_caller]
pub fn member(kind: FamilyKind, params: &[f64]) -> Family {
    let arguments = if kind == FamilyKind::Categorical {
        vec![Argument::positional(Param::Vector(
            params.iter().map(|&v| exact(v)).collect(),
        ))]
    } else {
        params
            .iter()
            .map(|&v| Argument::positional(Param::Scalar(exact(v))))
            .collect()
    };
    build(spec(kind), arguments).unwrap_or_else(|error| panic!("{kind:?}{params:?}: {error}"))
}

/// E₁(x) for x > 0: the power series below 1, a continued fraction (modified Lentz) above.
fn exponential_integral(x: f64) -> f64 {
    if x <= 1.0 {
        let mut term = 1.0;
        let mut total = 0.0;
        for k in 1..60 {
            term *= -x / k as f64;
            total -= term / k as f64;
        }
        return -0.577_215_664_901_532_9 - x.ln() + total;
    }
    let tiny = 1e-300;
    let mut b = x + 1.0;
    let mut c = 1.0 / tiny;
    let mut d = 1.0 / b;
    let mut h = d;
    for i in 1..200 {
        let a = -((i * i) as f64);
        b += 2.0;
        d = 1.0 / (a * d + b);
        c = b + a / c;
        let delta = c * d;
        h *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    h * (-x).exp()
}

/// The value of `expr` with `x` bound to a number.
pub fn value_at(expr: &Expr, x: f64) -> f64 {
    match expr {
        Expr::Symbol(symbol) if symbol.name == VARIABLE => x,
        Expr::Add(items) => items.iter().map(|item| value_at(item, x)).sum(),
        Expr::Mul(items) => items.iter().map(|item| value_at(item, x)).product(),
        Expr::Pow(base, exponent) => value_at(base, x).powf(value_at(exponent, x)),
        Expr::Apply(function, arguments) => {
            let values: Vec<f64> = arguments
                .iter()
                .map(|argument| value_at(argument, x))
                .collect();
            match function {
                Function::ExpIntegralE1 => exponential_integral(values[0]),
                // statrs 0.19's erf is off by up to ~4e-11; P(½, x²) is accurate to a few ulps.
                Function::Erf => values[0].signum() * gamma_lr(0.5, values[0] * values[0]),
                Function::Erfc if values[0] >= 0.0 => gamma_ur(0.5, values[0] * values[0]),
                Function::Erfc => 2.0 - gamma_ur(0.5, values[0] * values[0]),
                Function::Log => values[0].ln(),
                Function::Exp => values[0].exp(),
                _ if values.iter().all(|v| v.is_finite()) => {
                    let leaf = Expr::Apply(*function, values.iter().map(|&v| exact(v)).collect());
                    eval_f64(&leaf).unwrap_or(f64::NAN)
                }
                _ => f64::NAN,
            }
        }
        other => eval_f64(other).unwrap_or_else(|| panic!("not a constant: {other:?}")),
    }
}

/// The value of a constant expression.
pub fn value(expr: &Expr) -> f64 {
    value_at(expr, f64::NAN)
}

/// One node of a double-exponential rule: the point and its weight, or `None` where the map leaves the
/// floating-point range.
type Node = Option<(f64, f64)>;

/// ∫ over a map t ↦ (x(t), x′(t)) of ℝ onto the interval, by the trapezoidal rule with halving steps.
fn double_exponential(map: &dyn Fn(f64) -> Node, f: &dyn Fn(f64) -> [f64; 2]) -> [f64; 2] {
    const REACH: f64 = 6.5;
    let mut total = [0.0; 2];
    let add = |t: f64, total: &mut [f64; 2]| {
        if let Some((x, weight)) = map(t) {
            let values = f(x);
            for (sum, value) in total.iter_mut().zip(values) {
                let contribution = value * weight;
                if contribution.is_finite() {
                    *sum += contribution;
                }
            }
        }
    };
    let mut step = 0.5;
    let count = (REACH / step) as i64;
    for k in -count..=count {
        add(k as f64 * step, &mut total);
    }
    let mut estimate = total.map(|sum| sum * step);
    for level in 1..=9 {
        step /= 2.0;
        let count = (REACH / step) as i64;
        for k in (-count..=count).filter(|k| k % 2 != 0) {
            add(k as f64 * step, &mut total);
        }
        let next = total.map(|sum| sum * step);
        let settled = next
            .iter()
            .zip(estimate)
            .all(|(new, old)| (new - old).abs() <= 1e-13 * new.abs().max(1.0));
        estimate = next;
        if settled && level >= 3 {
            break;
        }
    }
    estimate
}

/// ∫ f over (lower, upper), `None` meaning infinite, split at `breakpoints`.
pub fn integrate(
    f: &dyn Fn(f64) -> [f64; 2],
    lower: Option<f64>,
    upper: Option<f64>,
    center: f64,
    breakpoints: &[f64],
) -> [f64; 2] {
    let mut cuts: Vec<f64> = breakpoints
        .iter()
        .copied()
        .filter(|&b| lower.is_none_or(|a| b > a) && upper.is_none_or(|c| b < c))
        .collect();
    cuts.sort_by(f64::total_cmp);
    let mut ends: Vec<Option<f64>> = vec![lower];
    ends.extend(cuts.into_iter().map(Some));
    ends.push(upper);
    let mut total = [0.0; 2];
    for pair in ends.windows(2) {
        let part = match (pair[0], pair[1]) {
            (Some(a), Some(b)) => double_exponential(
                &|t| {
                    let u = std::f64::consts::FRAC_PI_2 * t.sinh();
                    let decay = (-2.0 * u.abs()).exp();
                    let distance = (b - a) * decay / (1.0 + decay);
                    let weight = 2.0 * (b - a) * std::f64::consts::FRAC_PI_2 * t.cosh() * decay
                        / (1.0 + decay).powi(2);
                    let x = if t < 0.0 { a + distance } else { b - distance };
                    (weight > 0.0 && x > a && x < b).then_some((x, weight))
                },
                f,
            ),
            (Some(a), None) => double_exponential(
                &|t| half_line_node(t).map(|(offset, weight)| (a + offset, weight)),
                f,
            ),
            (None, Some(b)) => double_exponential(
                &|t| half_line_node(t).map(|(offset, weight)| (b - offset, weight)),
                f,
            ),
            (None, None) => double_exponential(
                &|t| {
                    let u = std::f64::consts::FRAC_PI_2 * t.sinh();
                    let weight = u.cosh() * std::f64::consts::FRAC_PI_2 * t.cosh();
                    let x = center + u.sinh();
                    (x.is_finite() && weight.is_finite()).then_some((x, weight))
                },
                f,
            ),
        };
        total[0] += part[0];
        total[1] += part[1];
    }
    total
}

/// exp-sinh: t ↦ e^{(π/2) sinh t}, mapping ℝ onto (0, ∞).
fn half_line_node(t: f64) -> Node {
    let u = std::f64::consts::FRAC_PI_2 * t.sinh();
    let offset = u.exp();
    let weight = offset * std::f64::consts::FRAC_PI_2 * t.cosh();
    (offset > 0.0 && offset.is_finite() && weight.is_finite()).then_some((offset, weight))
}

/// The log-density of `family` with the variable `x` free.
fn log_density(family: &Family) -> Expr {
    family
        .log_density(&Expr::symbol(VARIABLE, Domain::Real))
        .expect("a univariate family")
}

/// Points where a density or a target's −log q has a kink (the location of a Laplace distribution).
fn kinks(family: &Family) -> Vec<f64> {
    match family.kind {
        FamilyKind::Laplace => vec![value(family.scalar(0))],
        _ => Vec::new(),
    }
}

/// (KL(P‖Q), H(P, Q)) by quadrature of p log(p/q) and −p log q over supp P, or by summation of masses.
pub fn by_definition(p: &Family, q: &Family) -> [f64; 2] {
    let (log_p, log_q) = (log_density(p), log_density(q));
    let integrand = |x: f64| {
        let lp = value_at(&log_p, x);
        let density = lp.exp();
        if density == 0.0 || lp == f64::NEG_INFINITY {
            return [0.0, 0.0];
        }
        let lq = value_at(&log_q, x);
        [density * (lp - lq), -density * lq]
    };
    match p.support() {
        Support::Interval { lower, upper } => {
            let end = |bound: Bound| match bound {
                Bound::Infinite => None,
                Bound::Finite(value_of_end) => Some(value(&value_of_end)),
            };
            let (lower, upper) = (end(lower), end(upper));
            let center = if lower.is_none() && upper.is_none() {
                mode(&log_p)
            } else {
                0.0
            };
            let mut breakpoints = kinks(p);
            breakpoints.extend(kinks(q));
            integrate(&integrand, lower, upper, center, &breakpoints)
        }
        Support::Integers { lower, upper } => {
            let start = value(&lower) as i64;
            let end = upper.map(|u| value(&u) as i64).unwrap_or(i64::MAX);
            let mut total = [0.0; 2];
            for k in start..=end {
                let lp = value(&p.log_density(&Expr::int(k)).expect("a mass function"));
                let mass = lp.exp();
                if mass > 0.0 {
                    let lq = value(&q.log_density(&Expr::int(k)).expect("a mass function"));
                    total[0] += mass * (lp - lq);
                    total[1] -= mass * lq;
                }
                if k - start > 50 && mass < 1e-40 {
                    break;
                }
            }
            total
        }
        other => panic!("no definition for the support {other:?}"),
    }
}

/// Where log p is largest on a coarse grid: the centre of the sinh-sinh map.
fn mode(log_p: &Expr) -> f64 {
    (-80..=80)
        .map(|k| (k as f64 / 8.0).sinh())
        .max_by(|a, b| value_at(log_p, *a).total_cmp(&value_at(log_p, *b)))
        .unwrap_or(0.0)
}

/// H(P) from closed_forms.md §1 (and the extra sources), for families whose entropy rule is missing here.
pub fn entropy_reference(p: &Family) -> Option<Expr> {
    let s = |index: usize| p.scalar(index).clone();
    let two = || Expr::int(2);
    Some(match p.kind {
        FamilyKind::Normal => log(2 * pi() * crate::sym::e() * s(1)) / 2,
        FamilyKind::Exponential => 1 - log(s(0)),
        FamilyKind::Gamma => {
            let (a, b) = (s(0), s(1));
            a.clone() - log(b) + lgamma(a.clone()) + (1 - a.clone()) * digamma(a)
        }
        FamilyKind::ChiSquared => {
            let half = s(0) / 2;
            half.clone() + log(two()) + lgamma(half.clone()) + (1 - half.clone()) * digamma(half)
        }
        FamilyKind::InverseGamma => {
            let (a, b) = (s(0), s(1));
            a.clone() + log(b) + lgamma(a.clone()) - (1 + a.clone()) * digamma(a)
        }
        FamilyKind::Beta => {
            let (a, b) = (s(0), s(1));
            log_beta(a.clone(), b.clone())
                - (a.clone() - 1) * digamma(a.clone())
                - (b.clone() - 1) * digamma(b.clone())
                + (a.clone() + b.clone() - 2) * digamma(a + b)
        }
        FamilyKind::Laplace => 1 + log(2 * s(1)),
        FamilyKind::Uniform => log(s(1) - s(0)),
        FamilyKind::Cauchy => log(4 * pi() * s(1)),
        FamilyKind::LogNormal => s(0) + log(2 * pi() * crate::sym::e() * s(1)) / 2,
        FamilyKind::Weibull => {
            let (k, lambda) = (s(0), s(1));
            euler_gamma() * (1 - 1 / k.clone()) + log(lambda / k) + 1
        }
        FamilyKind::Gumbel => log(s(1)) + euler_gamma() + 1,
        FamilyKind::Pareto => log(s(0) / s(1)) + 1 / s(1) + 1,
        FamilyKind::HalfNormal => log(pi() * crate::sym::e() * s(0) / 2) / 2,
        FamilyKind::StudentT => {
            let (nu, scale) = (s(0), s(2));
            (nu.clone() + 1) / 2 * (digamma((nu.clone() + 1) / 2) - digamma(nu.clone() / 2))
                + log(sqrt(nu.clone()))
                + log_beta(nu / 2, Expr::ratio(1, 2))
                + log(scale)
        }
        FamilyKind::Logistic => log(s(1)) + 2,
        FamilyKind::Rayleigh => 1 + log(s(0) / sqrt(two())) + euler_gamma() / 2,
        FamilyKind::Bernoulli => {
            let q = s(0);
            -(q.clone() * log(q.clone())) - (1 - q.clone()) * log(1 - q)
        }
        FamilyKind::Geometric => {
            let q = s(0);
            -((1 - q.clone()) * log(1 - q.clone()) + q.clone() * log(q.clone())) / q
        }
        FamilyKind::Categorical => {
            -crate::sym::sum(p.vector(0).iter().map(|q| q.clone() * log(q.clone())))
        }
        FamilyKind::Chi => {
            let k = s(0);
            lgamma(k.clone() / 2) + (k.clone() - log(two()) - (k.clone() - 1) * digamma(k / 2)) / 2
        }
        FamilyKind::Kumaraswamy => {
            let (a, b) = (s(0), s(1));
            (1 - 1 / b.clone()) + (1 - 1 / a.clone()) * (digamma(b.clone() + 1) + euler_gamma())
                - log(a * b)
        }
        FamilyKind::ContinuousBernoulli => {
            // −E log q with E X from the statistics table.
            let mean =
                match super::statistics::expectation(p, &super::statistics::Statistic::Identity) {
                    Ok(super::statistics::Expectation::Finite(mean)) => mean,
                    _ => return None,
                };
            let lambda = s(0);
            -(crate::family::continuous_bernoulli::log_normaliser(lambda.clone())
                + mean.clone() * log(lambda.clone())
                + (1 - mean) * log(1 - lambda))
        }
        FamilyKind::LogUniform => {
            let (a, b) = (log(s(0)), log(s(1)));
            (a.clone() + b.clone()) / 2 + log(b - a)
        }
        FamilyKind::Moyal => (1 + euler_gamma() + log(4 * pi())) / 2 + log(s(1)),
        FamilyKind::HalfCauchy => log(2 * pi() * s(0)),
        FamilyKind::VonMises => {
            let kappa = s(1);
            let bessel =
                |order: i64| Expr::Apply(Function::BesselI, vec![Expr::int(order), kappa.clone()]);
            log(2 * pi() * bessel(0)) - kappa.clone() * bessel(1) / bessel(0)
        }
        _ => return None,
    })
}

/// H(P): the entropy rule of the table if this tree has one, else the reference formula.
pub fn entropy_for_tests(p: &Family) -> Option<RuleResult> {
    entropy_by_rule(p).or_else(|| entropy_reference(p).map(Ok))
}

/// KL(P‖Q) by the product, with [`entropy_for_tests`].
pub fn closed_kl(p: &Family, q: &Family) -> RuleResult {
    kullback_leibler_with(p, q, &entropy_for_tests)
}
