//! Self-verification: every rule of the table against its definition, computed independently — certified
//! quadrature or series (src/compute/numeric), or the exact finite sum over the support of P
//! (src/compute/finite) — to 30 significant digits, at two parameter sets or more, one of them near P = Q for
//! same-family rules. The rules are enumerated from `rules::all()`, so a rule added later is covered by this
//! test without writing a new one; a rule that cannot be checked at two parameter sets fails the test.
//!
//! Multivariate rules cannot be integrated on the line; tests/harness_multivariate.rs checks them by exact
//! reductions to univariate definitions.

mod common;

use std::collections::BTreeMap;
use std::time::Instant;

use divcalc::divergence::DivergenceKind;
use divcalc::family::{Distribution, Family, FamilyKind};
use divcalc::numeric;
use divcalc::rules::{self, Query, Rule, Verdict};
use divcalc::sym::Expr;
use divcalc::value::Quantity;

use common::member;

/// Significant digits compared.
const DIGITS: usize = 30;

/// A value to compare: 30 certified digits, or +∞.
#[derive(Debug, PartialEq)]
enum Checked {
    Digits(String),
    Zero,
    Infinite,
}

fn digits(expr: &Expr) -> Result<Checked, String> {
    if expr.is_zero() {
        return Ok(Checked::Zero);
    }
    common::certified(expr, DIGITS).map(Checked::Digits)
}

/// The rule's answer; `Err` when it does not apply to these parameters or its value is not certified.
fn by_rule(
    rule: &Rule,
    p: &Family,
    q: Option<&Family>,
    order: &Expr,
) -> Result<Result<Checked, String>, String> {
    let query = Query {
        p,
        q,
        order: (rule.divergence == DivergenceKind::Renyi).then_some(order),
    };
    match (rule.formula)(&query) {
        Ok(expr) => Ok(digits(&divcalc::sym::simplify(&expr))),
        Err(Verdict::Infinite(_)) => Ok(Ok(Checked::Infinite)),
        Err(Verdict::NotApplicable(reason)) => Err(format!("not applicable: {reason}")),
        Err(verdict) => Ok(Err(format!("{verdict:?}"))),
    }
}

/// The definition's answer, by the exact finite sum or by certified quadrature or series.
fn by_definition(
    kind: DivergenceKind,
    p: &Family,
    q: Option<&Family>,
    order: &Expr,
    expect_zero: bool,
) -> Result<Checked, String> {
    let order = (kind == DivergenceKind::Renyi).then_some(order);
    let p = Distribution::Family(p.clone());
    let q = q.map(|q| Distribution::Family(q.clone()));
    let quantity = match divcalc::compute::finite::divergence(kind, order, &p, q.as_ref()) {
        Some(exact) => exact?,
        None => match divcalc::compute::numeric::divergence(kind, order, &p, q.as_ref()) {
            Some(numeric) => numeric.map_err(|error| error.to_string())?.0,
            None => return Err("no numeric method applies".into()),
        },
    };
    match quantity {
        // An exact 0 from the rule (the same law written in two families) has no significant digits: the
        // definition's enclosure must lie within 10⁻³⁰ of it.
        Quantity::Finite(expr) if expect_zero => {
            let interval = numeric::enclose(&expr, 256, &common::deadline())
                .map_err(|error| error.to_string())?;
            let tiny = rug::Float::with_val(64, 1e-30);
            Ok(if interval.magnitude() < tiny {
                Checked::Zero
            } else {
                Checked::Digits(format!("|value| up to {}", interval.magnitude().to_f64()))
            })
        }
        Quantity::Finite(expr) => digits(&expr),
        Quantity::Infinite {
            negative: false, ..
        } => Ok(Checked::Infinite),
        Quantity::Infinite { negative: true, .. } => Err("−∞".into()),
    }
}

fn is_multivariate(kind: FamilyKind) -> bool {
    use FamilyKind::*;
    matches!(
        kind,
        MultivariateNormal | DiagonalNormal | Dirichlet | Multinomial | Wishart
    )
}

/// Special members where kernels simplify or conditions of some rules hold (zero locations, unit shapes,
/// equal scales, supports inside others'), tried after the examples.
fn specials(kind: FamilyKind) -> &'static [&'static str] {
    use FamilyKind::*;
    match kind {
        Normal => &["N(0, 1)", "N(0, 2)"],
        Exponential => &["Exp(1)", "Exp(2)"],
        Gamma => &["Gamma(1, 2)", "Gamma(2, 1)", "Gamma(3, 1/2)"],
        InverseGamma => &["InvGamma(1, 1)", "InvGamma(2, 3)"],
        Beta => &["Beta(1, 1)", "Beta(2, 3)", "Beta(1, 2)"],
        Laplace => &["Laplace(0, 1)", "Laplace(0, 2)"],
        Uniform => &["U(0, 2)", "U(2, 3)", "U(-4, 4)"],
        Cauchy => &["Cauchy(0, 1)", "Cauchy(0, 2)"],
        LogNormal => &["LogN(0, 1)", "LogN(1/2, 1/4)"],
        Weibull => &["Weibull(1, 2)", "Weibull(2, 1)", "Weibull(2, 3)"],
        Gumbel => &["Gumbel(0, 1)", "Gumbel(0, 2)"],
        Pareto => &["Pareto(1, 2)", "Pareto(2, 3)"],
        HalfNormal => &["HalfN(2)"],
        ChiSquared => &["Chi2(2)", "Chi2(4)"],
        StudentT => &["T(1)", "T(3, 0, 2)"],
        Logistic => &["Logistic(0, 1)", "Logistic(0, 2)"],
        Rayleigh => &["Rayleigh(2)"],
        Chi => &["Chi(1)", "Chi(2)"],
        HalfCauchy => &["HalfCauchy(2)"],
        LogUniform => &["LogU(2, 3)", "LogU(1, 2)"],
        ContinuousBernoulli => &["CB(1/2)"],
        Kumaraswamy => &["Kumaraswamy(1, 2)", "Kumaraswamy(2, 1)"],
        VonMises => &["VonMises(0, 1)", "VonMises(1/2, 1)"],
        Moyal => &["Moyal(0, 1)", "Moyal(0, 2)"],
        Lindley => &["Lindley(1)"],
        Bernoulli => &["Bern(1/2)"],
        Binomial => &["Bin(1, 1/3)", "Bin(2, 1/2)"],
        Categorical => &["Cat(1/4, 3/4)"],
        Poisson => &["Poisson(0)", "Poisson(1)"],
        Geometric => &["Geom(1/2)"],
        NegativeBinomial => &["NegBin(1, 1/2)", "NegBin(2, 1/3)"],
        _ => &[],
    }
}

/// The members tried for one family: two examples, then the specials.
fn pool(kind: FamilyKind) -> Vec<String> {
    let [first, second, _] = common::examples(kind);
    [first, second]
        .into_iter()
        .chain(specials(kind).iter().copied())
        .map(String::from)
        .collect()
}

/// The parameter sets a rule is tried at, in order: (P, Q, order). The designed sets come first: two
/// examples, and for same-family rules the near-equal member (the examples' third, its perturbation 1e-25
/// widened to 1/1000: KL is then about 10⁻⁷, and 30 digits of it test the rule's cancellation without asking
/// the quadrature for 80). Then every pair of the pools, for rules whose conditions the examples miss.
fn candidates(rule: &Rule) -> Vec<(String, Option<String>, Expr)> {
    let [first, second, near] = common::examples(rule.p);
    let near = near.replace("1e-25", "1/1000");
    // Orders on both sides of 1, and an integer one (some Rényi closed forms exist only at integer orders).
    let orders = [Expr::ratio(1, 3), Expr::ratio(5, 2), Expr::int(2)];
    let p_pool = pool(rule.p);
    let Some(q_kind) = rule.q else {
        return p_pool
            .into_iter()
            .map(|p| (p, None, orders[0].clone()))
            .collect();
    };
    let mut sets: Vec<(String, Option<String>, Expr)> = Vec::new();
    if q_kind == rule.p {
        for (p, q, order) in [
            (first, second, 0),
            (first, near.as_str(), 1),
            (second, first, 1),
            (first, near.as_str(), 0),
        ] {
            sets.push((p.into(), Some(q.into()), orders[order].clone()));
        }
    }
    let q_pool = pool(q_kind);
    let renyi = rule.divergence == DivergenceKind::Renyi;
    for order in orders.iter().take(if renyi { 3 } else { 1 }) {
        for p in &p_pool {
            for q in q_pool.iter().filter(|q| *q != p) {
                sets.push((p.clone(), Some(q.clone()), order.clone()));
            }
        }
    }
    sets
}

/// Whether the dispatcher decides this query from the supports before consulting any rule (rules may assume
/// such queries never reach them).
fn decided_by_support(rule: &Rule, p: &Family, q: Option<&Family>, order: &Expr) -> bool {
    let Some(q) = q else { return false };
    let order = (rule.divergence == DivergenceKind::Renyi).then_some(order);
    let (p, q) = (
        Distribution::Family(p.clone()),
        Distribution::Family(q.clone()),
    );
    !matches!(
        divcalc::compute::by_support(rule.divergence, order, &p, &q),
        Ok(None)
    )
}

/// Checks one rule: `Ok(sets verified)`, or what went wrong.
fn check(rule: &Rule) -> Result<usize, String> {
    let mut verified = 0;
    let mut finite = 0;
    let mut notes = Vec::new();
    for (p_text, q_text, order) in candidates(rule) {
        if verified >= 2 {
            break;
        }
        let p = member(&p_text);
        let q = q_text.as_deref().map(member);
        let shown = match &q_text {
            Some(q_text) => format!("{p_text} || {q_text} (order {order})"),
            None => p_text.clone(),
        };
        if decided_by_support(rule, &p, q.as_ref(), &order) {
            continue;
        }
        let claimed = match by_rule(rule, &p, q.as_ref(), &order) {
            Ok(Ok(claimed)) => claimed,
            Ok(Err(error)) => {
                notes.push(format!("{shown}: the rule's value is {error}"));
                continue;
            }
            Err(skipped) => {
                notes.push(format!("{shown}: {skipped}"));
                continue;
            }
        };
        let expect_zero = claimed == Checked::Zero;
        match by_definition(rule.divergence, &p, q.as_ref(), &order, expect_zero) {
            Ok(defined) if defined == claimed => {
                verified += 1;
                finite += usize::from(claimed != Checked::Infinite);
            }
            Ok(defined) => {
                return Err(format!(
                    "{shown}: the rule gives {claimed:?}, the definition {defined:?}"
                ))
            }
            Err(error) => notes.push(format!("{shown}: the definition: {error}")),
        }
    }
    // Rules whose divergence is infinite at every parameter (KL of a heavy tail against a light one) are
    // verified by agreeing on +∞. A conditional rule (no formula for symbolic parameters: it applies only
    // where a kernel or a special function simplifies) must agree wherever it applies in the pools.
    let conditional = rules::formula(rule).is_err();
    if verified >= 2 || (conditional && verified == 1) {
        Ok(verified)
    } else if conditional
        && verified == 0
        && notes.iter().all(|note| note.contains("not applicable"))
    {
        Ok(0)
    } else {
        Err(format!(
            "verified at {verified} parameter sets ({finite} finite): {}",
            notes.join("; ")
        ))
    }
}

/// Checks every univariate rule of one divergence group, on a thread per group so the groups run in parallel.
fn check_group(select: fn(&Rule) -> bool) {
    let mut failures = BTreeMap::new();
    let mut checked = 0;
    let mut nowhere = Vec::new();
    for rule in rules::all().filter(|rule| select(rule)) {
        if is_multivariate(rule.p) || rule.q.is_some_and(is_multivariate) {
            continue;
        }
        let started = Instant::now();
        match check(rule) {
            Ok(0) => nowhere.push(rule.name()),
            Ok(_) => checked += 1,
            Err(failure) => {
                failures.insert(rule.name(), failure);
            }
        }
        if std::env::var_os("DIVCALC_HARNESS_TIMES").is_some() {
            eprintln!(
                "{:>8.3} s  {}",
                started.elapsed().as_secs_f64(),
                rule.name()
            );
        }
    }
    let report: Vec<String> = failures
        .iter()
        .map(|(name, failure)| format!("{name}: {failure}"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} rules not verified:\n{}",
        failures.len(),
        checked + failures.len(),
        report.join("\n")
    );
    assert!(checked > 0, "no rule in this group");
    if !nowhere.is_empty() {
        eprintln!(
            "{} conditional rules apply to no member of the pools (nothing to verify): {}",
            nowhere.len(),
            nowhere.join(", ")
        );
    }
}

#[test]
fn kullback_leibler_rules_agree_with_their_definition() {
    check_group(|rule| rule.divergence == DivergenceKind::KullbackLeibler);
}

#[test]
fn renyi_rules_agree_with_their_definition() {
    check_group(|rule| rule.divergence == DivergenceKind::Renyi);
}

#[test]
fn entropy_rules_agree_with_their_definition() {
    check_group(|rule| {
        matches!(
            rule.divergence,
            DivergenceKind::Entropy | DivergenceKind::CrossEntropy
        )
    });
}

#[test]
fn other_rules_agree_with_their_definition() {
    use DivergenceKind::*;
    check_group(|rule| {
        !matches!(
            rule.divergence,
            KullbackLeibler | Renyi | Entropy | CrossEntropy
        )
    });
}
