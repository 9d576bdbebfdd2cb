//! Self-verification of the multivariate rules, which tests/harness.rs cannot check (the numeric fallback
//! integrates on the line only). Each rule is applied directly and compared, to 30 certified digits, with an
//! exact reduction of its definition to univariate definitions — computed by certified quadrature or series
//! (`compute::numeric`), never by another rule — or with the exact finite sum over the support (Multinomial).
//! Every rule is checked at two parameter sets or more, one of them near P = Q (one parameter moved by 1/1000).
//!
//! The reductions rest on one fact: under a bijection T common to P and Q, both densities are divided by the
//! same |Jacobian|, so the ratio p/q and ∫ p^α q^(1−α) are unchanged (KL and Rényi are invariant), while the
//! entropy gains E_P[log |Jacobian|]. For independent coordinates, log p/q is a sum and ∫ p^α q^(1−α) a
//! product, so KL and Rényi add up over the coordinates, and so does the entropy.

mod common;

use std::time::Instant;

use divcalc::divergence::DivergenceKind::{self, CrossEntropy, Entropy, KullbackLeibler, Renyi};
use divcalc::exact::{ratio, Rational};
use divcalc::family::{Distribution, FamilyKind};
use divcalc::rules::{self, Query};
use divcalc::sym::{self, Expr};
use divcalc::value::Quantity;

use common::member;

/// Significant digits compared.
const DIGITS: usize = 30;

/// Every multivariate rule, as `rule.name()` spells it; `every_multivariate_rule_is_covered` keeps it complete.
const COVERED: &str = "KL(MVN || MVN); Renyi(MVN || MVN); H(MVN); KL(DiagN || DiagN); Renyi(DiagN || DiagN); \
    H(DiagN); KL(Dirichlet || Dirichlet); Renyi(Dirichlet || Dirichlet); H(Dirichlet); KL(Beta || Dirichlet); \
    KL(Dirichlet || Beta); KL(Multinomial || Multinomial); Renyi(Multinomial || Multinomial); \
    KL(Wishart || Wishart); Renyi(Wishart || Wishart); H(Wishart)";

/// 30 certified digits of a value.
fn digits(expr: &Expr, what: &str) -> String {
    common::certified(expr, DIGITS).unwrap_or_else(|error| panic!("{what}: {error}"))
}

/// The rule named `name`, applied directly to P (and Q), simplified.
fn by_rule(name: &str, p: &str, q: Option<&str>, order: Option<&Expr>) -> Expr {
    let rule = rules::all()
        .find(|rule| rule.name() == name)
        .unwrap_or_else(|| panic!("no rule {name}"));
    let (p_family, q_family) = (member(p), q.map(member));
    let query = Query {
        p: &p_family,
        q: q_family.as_ref(),
        order: (rule.divergence == Renyi).then_some(order).flatten(),
    };
    match (rule.formula)(&query) {
        Ok(expr) => sym::simplify(&expr),
        Err(verdict) => panic!("{name} at {p} || {q:?}: {verdict:?}"),
    }
}

/// A univariate definition by certified quadrature or series (no rule is consulted).
fn defined(kind: DivergenceKind, p: &str, q: Option<&str>, order: Option<&Expr>) -> Expr {
    let p_law = Distribution::Family(member(p));
    let q_law = q.map(|q| Distribution::Family(member(q)));
    let order = (kind == Renyi).then_some(order).flatten();
    match divcalc::compute::numeric::divergence(kind, order, &p_law, q_law.as_ref()) {
        Some(Ok((Quantity::Finite(expr), _))) => expr,
        other => panic!("{kind:?} of {p} || {q:?} by definition: {other:?}"),
    }
}

/// The sum over independent coordinates of the univariate definitions, P_i against Q_i. A coordinate where
/// P_i = Q_i adds exactly 0 (log p/q ≡ 0, ∫ p^α p^(1−α) = 1); quadrature cannot give 30 digits of a zero.
fn coordinatewise(kind: DivergenceKind, p: &[String], q: &[String], order: Option<&Expr>) -> Expr {
    let differing = p.iter().zip(q).filter(|(p, q)| p != q);
    sym::sum(differing.map(|(p, q)| defined(kind, p, Some(q), order)))
}

/// Asserts that the rule's value and the reduction's agree to 30 certified digits.
fn agree(name: &str, case: &str, claimed: &Expr, reduced: &Expr) {
    let started = Instant::now();
    let claimed = digits(claimed, &format!("{name} at {case} by the rule"));
    let reduced = digits(reduced, &format!("{name} at {case} by the reduction"));
    assert_eq!(claimed, reduced, "{name} at {case}: rule, reduction");
    if std::env::var_os("DIVCALC_HARNESS_TIMES").is_some() {
        let seconds = started.elapsed().as_secs_f64();
        eprintln!("{seconds:>8.3} s  {name} at {case}");
    }
}

/// One divergence case: the rule on the multivariate pair against a reduction.
fn check(name: &str, p: &str, q: &str, order: Option<&Expr>, reduced: &Expr) {
    let case = match order {
        Some(order) => format!("{p} || {q}, order {order}"),
        None => format!("{p} || {q}"),
    };
    agree(name, &case, &by_rule(name, p, Some(q), order), reduced);
}

/// KL and Rényi of `family` at P ‖ Q, against their reductions.
fn check_both(family: &str, p: &str, q: &str, order: &Expr, [kl, renyi]: &[Expr; 2]) {
    let names = [
        format!("KL({family} || {family})"),
        format!("Renyi({family} || {family})"),
    ];
    check(&names[0], p, q, None, kl);
    check(&names[1], p, q, Some(order), renyi);
}

/// The entropy rule `name` at P against its reduction.
fn check_entropy(name: &str, p: &str, reduced: &Expr) {
    agree(name, p, &by_rule(name, p, None, None), reduced);
}

/// KL and Rényi as sums over independent coordinates.
fn sums(p: &[String], q: &[String], order: &Expr) -> [Expr; 2] {
    [
        coordinatewise(KullbackLeibler, p, q, None),
        coordinatewise(Renyi, p, q, Some(order)),
    ]
}

/// The cases tried, with Rényi's order: P ‖ Q and Q ‖ P at 1/3 (finite for any parameters), and P ‖ P_near
/// (one parameter moved by 1/1000) at 5/2, where the near pair keeps it finite.
fn cases<T: Copy>(first: T, second: T, near: T) -> [(T, T, Expr); 3] {
    let third = Expr::ratio(1, 3);
    [
        (first, second, third.clone()),
        (second, first, third),
        (first, near, Expr::ratio(5, 2)),
    ]
}

fn r(n: i64, d: i64) -> Rational {
    ratio(n, d)
}

/// The near member: `value + 1/1000`.
fn nudged(value: &Rational) -> Rational {
    value + r(1, 1000)
}

fn vector(values: &[Rational]) -> String {
    let entries: Vec<String> = values.iter().map(ToString::to_string).collect();
    format!("[{}]", entries.join(", "))
}

type Matrix = [[Rational; 2]; 2];

fn matrix(rows: &Matrix) -> String {
    format!("[{}, {}]", vector(&rows[0]), vector(&rows[1]))
}

/// A rational invertible map A = [[1, 1/2], [−1/3, 2]], det A = 13/6. Not orthogonal, on purpose: A D₁ Aᵀ and
/// A D₂ Aᵀ do not commute, so the rules' general matrix paths are exercised, not only the co-diagonal case
/// (a rotation R would give covariances with common eigenvectors).
fn mixing() -> Matrix {
    [[r(1, 1), r(1, 2)], [r(-1, 3), r(2, 1)]]
}

/// A x.
fn map_vector(x: &[Rational; 2]) -> [Rational; 2] {
    let turn = mixing();
    let entry = |i: usize| &turn[i][0] * &x[0] + &turn[i][1] * &x[1];
    [entry(0), entry(1)]
}

/// A diag(d) Aᵀ, exactly: entry (i, j) is Σ_k A_ik d_k A_jk.
fn map_diagonal(d: &[Rational; 2]) -> Matrix {
    let turn = mixing();
    let entry =
        |i: usize, j: usize| (0..2).fold(r(0, 1), |acc, k| acc + &turn[i][k] * &d[k] * &turn[j][k]);
    [[entry(0, 0), entry(0, 1)], [entry(1, 0), entry(1, 1)]]
}

/// A Gaussian with independent coordinates: means and variances.
struct Gaussian([Rational; 2], [Rational; 2]);

impl Gaussian {
    fn diagonal(&self) -> String {
        format!("DiagN({}, {})", vector(&self.0), vector(&self.1))
    }

    /// The image under x ↦ Ax: MVN(Aμ, A D Aᵀ).
    fn mapped(&self) -> String {
        let (mean, covariance) = (map_vector(&self.0), map_diagonal(&self.1));
        format!("MVN({}, {})", vector(&mean), matrix(&covariance))
    }

    fn coordinates(&self) -> Vec<String> {
        (0..2)
            .map(|i| format!("N({}, {})", self.0[i], self.1[i]))
            .collect()
    }
}

/// DiagN is a product of Normals; MVN(Aμ, ADAᵀ) is the image of DiagN(μ, D) under the common bijection x ↦ Ax,
/// so KL and Rényi equal the diagonal pair's, i.e. the coordinate sums; the entropy gains log |det A|.
#[test]
fn gaussian_rules_agree_with_sums_over_coordinates() {
    let first = Gaussian([r(0, 1), r(1, 1)], [r(2, 1), r(1, 2)]);
    let second = Gaussian([r(1, 2), r(-1, 1)], [r(1, 1), r(3, 1)]);
    let near = Gaussian(first.0.clone(), [r(2, 1), nudged(&r(1, 2))]);
    for (p, q, order) in cases(&first, &second, &near) {
        let reduced = sums(&p.coordinates(), &q.coordinates(), &order);
        check_both("DiagN", &p.diagonal(), &q.diagonal(), &order, &reduced);
        check_both("MVN", &p.mapped(), &q.mapped(), &order, &reduced);
    }
    for p in [&first, &second] {
        let parts = p.coordinates();
        let entropy = sym::sum(parts.iter().map(|part| defined(Entropy, part, None, None)));
        check_entropy("H(DiagN)", &p.diagonal(), &entropy);
        let shifted = entropy.clone() + sym::log(Expr::ratio(13, 6));
        check_entropy("H(MVN)", &p.mapped(), &shifted);
    }
}

/// Stick-breaking: X ~ Dir(a₁, a₂, a₃) is (B₁, (1 − B₁) B₂) with B₁ ~ Beta(a₁, a₂ + a₃) and B₂ ~ Beta(a₂, a₃)
/// independent, a bijection of (0, 1)² onto the simplex common to P and Q with Jacobian 1 − B₁. For K = 2,
/// Dir(a, b) on x₁ is Beta(a, b).
fn sticks(alpha: &[Rational]) -> Vec<String> {
    match alpha {
        [a, b] => vec![beta(a, b)],
        [a1, a2, a3] => vec![beta(a1, &(a2 + a3)), beta(a2, a3)],
        _ => panic!("Dirichlet of 2 or 3 components only"),
    }
}

fn beta(a: &Rational, b: &Rational) -> String {
    format!("Beta({a}, {b})")
}

fn dirichlet(alpha: &[Rational]) -> String {
    format!("Dir({})", vector(alpha))
}

#[test]
fn dirichlet_rules_agree_with_stick_breaking_into_betas() {
    let first = vec![r(1, 2), r(2, 1), r(3, 1)];
    let second = vec![r(2, 1), r(1, 1), r(1, 3)];
    let near = vec![r(1, 2), r(2, 1), nudged(&r(3, 1))];
    let (pair, other) = (vec![r(3, 2), r(5, 2)], vec![r(1, 2), r(1, 3)]);
    let two = (&pair, &other, Expr::ratio(1, 3));
    for (p, q, order) in cases(&first, &second, &near).into_iter().chain([two]) {
        let reduced = sums(&sticks(p), &sticks(q), &order);
        check_both("Dirichlet", &dirichlet(p), &dirichlet(q), &order, &reduced);
    }
    // H(X) = H(B₁) + H(B₂) + E[log(1 − B₁)]; with Beta(1, 2)'s density 2(1 − x), the cross-entropy
    // H(B₁, Beta(1, 2)) = −log 2 − E[log(1 − B₁)] gives the last term by quadrature too.
    for alpha in [&first, &second, &pair] {
        let parts = sticks(alpha);
        let mut entropy = sym::sum(parts.iter().map(|part| defined(Entropy, part, None, None)));
        if parts.len() == 2 {
            let cross = defined(CrossEntropy, &parts[0], Some("Beta(1, 2)"), None);
            entropy = entropy - sym::log(Expr::int(2)) - cross;
        }
        check_entropy("H(Dirichlet)", &dirichlet(alpha), &entropy);
    }
}

/// Dir([a, b]) on x₁ is Beta(a, b): both cross-family KLs are the Beta–Beta definition.
#[test]
fn beta_dirichlet_rules_agree_with_the_beta_definition() {
    let (first, second) = ((r(3, 2), r(5, 2)), (r(1, 2), r(1, 3)));
    let near = (r(3, 2), nudged(&r(5, 2)));
    for ((a1, b1), (a2, b2), _) in cases(&first, &second, &near) {
        let (p_beta, q_beta) = (beta(a1, b1), beta(a2, b2));
        let p_dirichlet = format!("Dir([{a1}, {b1}])");
        let q_dirichlet = format!("Dir([{a2}, {b2}])");
        let kl = defined(KullbackLeibler, &p_beta, Some(&q_beta), None);
        check("KL(Beta || Dirichlet)", &p_beta, &q_dirichlet, None, &kl);
        check("KL(Dirichlet || Beta)", &p_dirichlet, &q_beta, None, &kl);
    }
}

/// Every outcome (k₁, …, k_K) with Σ kᵢ = n.
fn compositions(n: u32, parts: usize) -> Vec<Vec<u32>> {
    if parts == 1 {
        return vec![vec![n]];
    }
    let with_first = |first: u32| {
        let rest = compositions(n - first, parts - 1);
        rest.into_iter()
            .map(move |rest| [vec![first], rest].concat())
    };
    (0..=n).flat_map(with_first).collect()
}

/// The exact multinomial mass n!/(Π kᵢ!) Π pᵢ^kᵢ.
fn mass(n: u32, probabilities: &[Rational], counts: &[u32]) -> Rational {
    let factorial = |m: u32| (1..=i64::from(m)).fold(r(1, 1), |acc, i| acc * r(i, 1));
    let power = |(p, &k): (&Rational, &u32)| num_traits::pow(p.clone(), k as usize);
    let coefficient = counts
        .iter()
        .fold(factorial(n), |acc, &k| acc / factorial(k));
    probabilities
        .iter()
        .zip(counts)
        .map(power)
        .fold(coefficient, |acc, x| acc * x)
}

fn multinomial(n: u32, probabilities: &[Rational]) -> String {
    format!("Multinomial({n}, {})", vector(probabilities))
}

#[test]
fn multinomial_rules_agree_with_exact_sums_over_the_outcomes() {
    let n = 4;
    let first = vec![r(1, 2), r(1, 3), r(1, 6)];
    let second = vec![r(1, 10), r(3, 10), r(3, 5)];
    let near = vec![r(1, 2) - r(1, 1000), r(1, 3) + r(1, 1000), r(1, 6)];
    let sparse = vec![r(1, 2), r(1, 2), r(0, 1)];
    let extra = (&sparse, &first, Expr::ratio(1, 3));
    for (p, q, _) in cases(&first, &second, &near).into_iter().chain([extra]) {
        // The masses over supp P (0 log 0 = 0 and 0^α = 0 drop the others); Q is positive everywhere.
        let mut masses = Vec::new();
        for counts in compositions(n, p.len()) {
            let (p_mass, q_mass) = (mass(n, p, &counts), mass(n, q, &counts));
            assert!(q_mass > r(0, 1), "Q must put mass everywhere");
            if p_mass > r(0, 1) {
                masses.push((Expr::number(p_mass), Expr::number(q_mass)));
            }
        }
        let term = |(p, q): &(Expr, Expr)| p.clone() * sym::log(p.clone() / q.clone());
        let kl = sym::sum(masses.iter().map(term));
        let (p_text, q_text) = (multinomial(n, p), multinomial(n, q));
        // Both orders at every pair: the exact sums cost nothing.
        for alpha in [Expr::ratio(1, 3), Expr::ratio(5, 2)] {
            let integral = sym::sum(masses.iter().map(|(p, q)| {
                sym::pow(p.clone(), alpha.clone()) * sym::pow(q.clone(), 1 - alpha.clone())
            }));
            let renyi = sym::log(integral) / (alpha.clone() - 1);
            let both = [kl.clone(), renyi];
            check_both("Multinomial", &p_text, &q_text, &alpha, &both);
        }
    }
}

/// Wishart(ν, V) is the law of Σᵢ xᵢxᵢᵀ, xᵢ ~ N(0, V) (i = 1…ν), with density ∝ |W|^((ν−k−1)/2) e^(−tr(V⁻¹W)/2)
/// on the k(k+1)/2 entries W_ij, i ≤ j. For k = 1, Wishart(ν, [[s]]) is s χ²_ν = Gamma(shape ν/2, rate 1/(2s)).
fn gamma_of(df: &Rational, scale: &Rational) -> String {
    format!("Gamma({}, {})", df / r(2, 1), r(1, 1) / (scale * r(2, 1)))
}

fn wishart(df: &Rational, scale: &Matrix) -> String {
    format!("Wishart({df}, {})", matrix(scale))
}

#[test]
fn one_dimensional_wishart_rules_agree_with_the_gamma_definitions() {
    let (first, second) = ((r(4, 1), r(2, 1)), (r(3, 1), r(1, 2)));
    let near = (r(4, 1), nudged(&r(2, 1)));
    let text = |(df, scale): &(Rational, Rational)| format!("Wishart({df}, [[{scale}]])");
    for (p, q, order) in cases(&first, &second, &near) {
        let (p_gamma, q_gamma) = (gamma_of(&p.0, &p.1), gamma_of(&q.0, &q.1));
        let reduced = sums(&[p_gamma], &[q_gamma], &order);
        check_both("Wishart", &text(p), &text(q), &order, &reduced);
    }
    for p in [&first, &second] {
        let entropy = defined(Entropy, &gamma_of(&p.0, &p.1), None, None);
        check_entropy("H(Wishart)", &text(p), &entropy);
    }
}

/// 2×2, equal ν, scales D₁ and D₂ diagonal: p/q = (|D₂|/|D₁|)^(ν/2) e^(−Σᵢ (1/d₁ᵢ − 1/d₂ᵢ) W_ii / 2) depends on
/// diag(W) only, and is the product of the ratios of the laws of W_ii (Gamma(ν/2, 1/(2dᵢ)) under Dᵢ); W₁₁ and
/// W₂₂ are independent (sums of squares of the independent coordinates of xᵢ ~ N(0, D)). So KL and Rényi are
/// sums of Gamma definitions. W ↦ AWAᵀ is a common bijection taking Wishart(ν, D) to Wishart(ν, ADAᵀ): the
/// mapped pairs have the same values, and exercise non-diagonal, non-commuting scales.
#[test]
fn two_dimensional_wishart_divergences_agree_with_sums_of_gammas() {
    let df = r(4, 1);
    let (first, second) = ([r(2, 1), r(1, 2)], [r(1, 1), r(3, 1)]);
    let near = [r(2, 1), nudged(&r(1, 2))];
    let diagonal = |d: &[Rational; 2]| [[d[0].clone(), r(0, 1)], [r(0, 1), d[1].clone()]];
    for (p, q, order) in cases(&first, &second, &near) {
        let gammas = |d: &[Rational; 2]| d.iter().map(|d| gamma_of(&df, d)).collect::<Vec<_>>();
        let reduced = sums(&gammas(p), &gammas(q), &order);
        for scale in [diagonal, map_diagonal] {
            let (p_text, q_text) = (wishart(&df, &scale(p)), wishart(&df, &scale(q)));
            check_both("Wishart", &p_text, &q_text, &order, &reduced);
        }
    }
}

/// Bartlett: W = AAᵀ for Wishart(ν, I₂), A lower triangular with A₁₁² = C₁ ~ χ²_ν, A₂₁ = Z ~ N(0, 1),
/// A₂₂² = C₂ ~ χ²_(ν−1) independent; (C₁, Z, C₂) ↦ (W₁₁, W₂₁, W₂₂) = (C₁, Z√C₁, Z² + C₂) has Jacobian √C₁.
/// W ↦ LWLᵀ (LLᵀ = V) has Jacobian |V|^(3/2) on 2×2 symmetric matrices. So
/// H = H(χ²_ν) + H(N(0, 1)) + H(χ²_(ν−1)) + E[log C₁]/2 + (3/2) log |V|, and the cross-entropy against
/// Gamma(2, 1) (density x e^(−x)) is E[C₁] − E[log C₁] = ν − E[log C₁].
#[test]
fn two_dimensional_wishart_entropy_agrees_with_the_bartlett_decomposition() {
    let general = [[r(2, 1), r(1, 2)], [r(1, 2), r(1, 1)]];
    for (df, scale) in [
        (r(4, 1), general),
        (r(3, 1), map_diagonal(&[r(1, 1), r(2, 1)])),
    ] {
        let chi = |k: &Rational| format!("Chi2({k})");
        let cross = defined(CrossEntropy, &chi(&df), Some("Gamma(2, 1)"), None);
        let log_c1 = Expr::number(df.clone()) - cross;
        let determinant = &scale[0][0] * &scale[1][1] - &scale[0][1] * &scale[1][0];
        let entropy = defined(Entropy, &chi(&df), None, None)
            + defined(Entropy, "N(0, 1)", None, None)
            + defined(Entropy, &chi(&(&df - r(1, 1))), None, None)
            + log_c1 / 2
            + Expr::ratio(3, 2) * sym::log(Expr::number(determinant));
        check_entropy("H(Wishart)", &wishart(&df, &scale), &entropy);
    }
}

#[test]
fn every_multivariate_rule_is_covered() {
    use FamilyKind::*;
    let families = [
        MultivariateNormal,
        DiagonalNormal,
        Dirichlet,
        Multinomial,
        Wishart,
    ];
    let multivariate = |kind| families.contains(&kind);
    let mut found: Vec<String> = rules::all()
        .filter(|rule| multivariate(rule.p) || rule.q.is_some_and(multivariate))
        .map(|rule| rule.name())
        .collect();
    found.sort();
    let mut covered: Vec<String> = COVERED.split("; ").map(String::from).collect();
    covered.sort();
    assert_eq!(found, covered, "the multivariate rules, then those checked");
}
