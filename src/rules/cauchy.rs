//! Closed forms for the Cauchy distribution Cauchy(x₀, γ), location x₀ and **scale** γ.
//!
//! Every f-divergence and Rényi divergence between two Cauchy distributions is a function of the maximal
//! invariant χ² = ((x₁ − x₂)² + (γ₁ − γ₂)²)/(2γ₁γ₂) of the location-scale group (Nielsen & Okamura 2023).
//! With z = 1 + χ², D_α = log P_{α−1}(z)/(α − 1) with the Legendre function P_ν; for integer orders P_{n−1} is
//! the Legendre polynomial, built here exactly. Other orders would need P_ν (and α = ½ the elliptic K),
//! which the symbolic core lacks: the rule leaves them to the numeric methods. The half-Cauchy rules reuse
//! these formulas with zero locations.

use num_traits::{ToPrimitive, Zero};

use crate::divergence::DivergenceKind;
use crate::exact::Rational;
use crate::family::FamilyKind;
use crate::sym::{atan, log, pi, sqrt, sum, Expr};

use super::blocks::{log_of, log_ratio, not_applicable, order_of, Order};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Cauchy,
        q: Some(FamilyKind::Cauchy),
        formula: kl,
        reference: "Chyzak & Nielsen, A closed-form formula for the Kullback-Leibler divergence between Cauchy \
                    distributions, arXiv:1905.10965 (2019), main theorem",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Cauchy,
        q: Some(FamilyKind::Cauchy),
        formula: renyi,
        reference: "Nielsen & Okamura, On f-divergences between Cauchy distributions, IEEE Trans. IT 69(5) \
                    (2023), arXiv:2101.12459 (divergences as functions of chi^2); Legendre polynomial form for \
                    integer orders",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Cauchy,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Table 17.1 (Cauchy); Lazo & \
                    Rathie, IEEE Trans. IT 24(1) (1978) 120-122",
    },
];

/// The largest integer order whose Legendre polynomial the rule expands.
const MAX_INTEGER_ORDER: usize = 400;

/// (x₁, γ₁, x₂, γ₂).
fn parameters(query: &Query<'_>) -> (Expr, Expr, Expr, Expr) {
    let (p, q) = (query.p, query.q());
    (
        p.scalar(0).clone(),
        p.scalar(1).clone(),
        q.scalar(0).clone(),
        q.scalar(1).clone(),
    )
}

/// χ² = ((x₁ − x₂)² + (γ₁ − γ₂)²)/(2γ₁γ₂), the Pearson divergence and the maximal invariant.
fn chi_square(x1: &Expr, g1: &Expr, x2: &Expr, g2: &Expr) -> Expr {
    let numerator = (x1.clone() - x2.clone()).powi(2) + (g1.clone() - g2.clone()).powi(2);
    numerator / (2 * g1.clone() * g2.clone())
}

/// KL between Cauchy(x₁, γ₁) and Cauchy(x₂, γ₂): log((γ₁ + γ₂)² + (x₁ − x₂)²) − log(4γ₁γ₂).
pub(crate) fn divergence_kl(x1: &Expr, g1: &Expr, x2: &Expr, g2: &Expr) -> Expr {
    let numerator = (g1.clone() + g2.clone()).powi(2) + (x1.clone() - x2.clone()).powi(2);
    log_ratio(&numerator, &(4 * g1.clone() * g2.clone()))
}

/// The coefficients of the Legendre polynomial P_n, lowest degree first, by Bonnet's recurrence
/// (m + 1) P_{m+1} = (2m + 1) z P_m − m P_{m−1}.
fn legendre_coefficients(n: usize) -> Vec<Rational> {
    let mut previous = vec![Rational::from_integer(1.into())];
    if n == 0 {
        return previous;
    }
    let mut current = vec![Rational::zero(), Rational::from_integer(1.into())];
    for m in 1..n {
        let weight = |k: usize| Rational::from_integer(k.into());
        let mut next = vec![Rational::zero(); m + 2];
        for (degree, coefficient) in current.iter().enumerate() {
            next[degree + 1] += coefficient * weight(2 * m + 1);
        }
        for (degree, coefficient) in previous.iter().enumerate() {
            next[degree] -= coefficient * weight(m);
        }
        let divisor = weight(m + 1);
        next.iter_mut().for_each(|c| *c /= &divisor);
        previous = std::mem::replace(&mut current, next);
    }
    current
}

/// P_n(z): an exact rational for rational z, a polynomial in z otherwise.
fn legendre(n: usize, z: &Expr) -> Expr {
    let coefficients = legendre_coefficients(n);
    if let Some(z) = z.as_rational() {
        let value = coefficients
            .iter()
            .rev()
            .fold(Rational::zero(), |total, c| total * z + c);
        return Expr::number(value);
    }
    sum(coefficients
        .into_iter()
        .enumerate()
        .filter(|(_, c)| !c.is_zero())
        .map(|(degree, c)| Expr::number(c) * z.clone().powi(degree as i64)))
}

/// D_α between Cauchy(x₁, γ₁) and Cauchy(x₂, γ₂) for an order α ∈ [0, ∞] other than 1.
pub(crate) fn divergence_renyi(
    x1: &Expr,
    g1: &Expr,
    x2: &Expr,
    g2: &Expr,
    order: Order,
) -> RuleResult {
    let z = 1 + chi_square(x1, g1, x2, g2);
    match order {
        Order::One => Ok(divergence_kl(x1, g1, x2, g2)),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => {
            if z.is_one() {
                return Ok(Expr::int(0));
            }
            // arccosh z
            Ok(log(z.clone() + sqrt(z.powi(2) - 1)))
        }
        Order::Finite(alpha) => {
            let degree = alpha
                .as_rational()
                .filter(|value| value.is_integer())
                .and_then(|value| value.to_integer().to_usize())
                .filter(|n| (2..=MAX_INTEGER_ORDER).contains(n));
            match degree {
                Some(n) => Ok(log_of(legendre(n - 1, &z)) / (n as i64 - 1)),
                None => not_applicable(format!(
                    "the Cauchy Rényi divergence has a closed form only for integer orders 2 to \
                     {MAX_INTEGER_ORDER} (other orders need the Legendre function P_(α−1))"
                )),
            }
        }
    }
}

/// TV between Cauchy(x₁, γ₁) and Cauchy(x₂, γ₂): (2/π) arctan √(χ²/2).
pub(crate) fn divergence_total_variation(x1: &Expr, g1: &Expr, x2: &Expr, g2: &Expr) -> Expr {
    let half = chi_square(x1, g1, x2, g2) / 2;
    if half.is_zero() {
        return Expr::int(0);
    }
    2 * atan(sqrt(half)) / pi()
}

/// KL(Cauchy(x₁, γ₁) ‖ Cauchy(x₂, γ₂)).
///
/// # Formula
///
/// ```text
/// KL = log((γ₁ + γ₂)² + (x₁ − x₂)²) − log(4 γ₁ γ₂)
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (x1, g1, x2, g2) = parameters(query);
    Ok(divergence_kl(&x1, &g1, &x2, &g2))
}

/// The Rényi divergence of integer order α ≥ 2 between Cauchy distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// z = 1 + ((x₁ − x₂)² + (γ₁ − γ₂)²)/(2γ₁γ₂)
/// D_n = log P_{n−1}(z) / (n − 1)   (Legendre polynomial; D₂ = log z, D₃ = ½ log((3z² − 1)/2))
/// D_∞ = arccosh z = log(z + √(z² − 1));   D_0 = 0;   other orders: no rule (Legendre function)
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (x1, g1, x2, g2) = parameters(query);
    divergence_renyi(&x1, &g1, &x2, &g2, order_of(query))
}

/// The differential entropy of Cauchy(x₀, γ).
///
/// # Formula
///
/// ```text
/// H = log(4πγ)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    Ok(log(4 * pi() * query.p.scalar(1).clone()))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::legendre_coefficients;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi, TotalVariation};
    use crate::exact::ratio;
    use crate::family::FamilyKind::Cauchy;
    use crate::rules::Verdict;
    use crate::sym::Expr;

    fn cauchy(location: f64, scale: f64) -> crate::family::Family {
        member(Cauchy, &[location, scale])
    }

    #[test]
    fn legendre_polynomials_follow_the_recurrence() {
        // P₃ = (5z³ − 3z)/2, P₄ = (35z⁴ − 30z² + 3)/8.
        assert_eq!(
            legendre_coefficients(3),
            vec![ratio(0, 1), ratio(-3, 2), ratio(0, 1), ratio(5, 2)]
        );
        assert_eq!(
            legendre_coefficients(4),
            vec![
                ratio(3, 8),
                ratio(0, 1),
                ratio(-30, 8),
                ratio(0, 1),
                ratio(35, 8)
            ]
        );
    }

    #[test]
    fn kl_matches_the_public_case_and_quadrature() {
        assert_close(
            value(
                KullbackLeibler,
                &cauchy(0.0, 2.0),
                Some(&cauchy(0.0, 1.0)),
                None,
            ),
            0.117_783_035_656_383_45,
        );
        let (p, q) = (cauchy(1.0, 0.5), cauchy(-0.5, 1.5));
        assert_close(
            value(KullbackLeibler, &p, Some(&q), None),
            kl_by_quadrature(&p, &q),
        );
    }

    #[test]
    fn renyi_of_integer_orders_matches_quadrature() {
        for (p, q) in [
            (cauchy(1.0, 0.5), cauchy(-0.5, 1.5)),
            (cauchy(0.0, 2.0), cauchy(0.25, 1.0)),
        ] {
            for n in [2, 3, 5] {
                assert_close(
                    value(Renyi, &p, Some(&q), Some(&Expr::int(n))),
                    renyi_by_quadrature(n as f64, &p, &q),
                );
            }
        }
        assert!(matches!(
            apply(
                Renyi,
                &cauchy(0.0, 1.0),
                Some(&cauchy(1.0, 1.0)),
                Some(&Expr::ratio(1, 2))
            ),
            Err(Verdict::NotApplicable(_))
        ));
    }

    #[test]
    fn renyi_of_infinite_order_is_the_maximum_of_the_log_ratio() {
        let (p, q) = (cauchy(1.0, 0.5), cauchy(-0.5, 1.5));
        let maximum = (0..=40_000)
            .map(|k| -10.0 + f64::from(k) * 20.0 / 40_000.0)
            .map(|x| log_density(&p, x) - log_density(&q, x))
            .fold(f64::NEG_INFINITY, f64::max);
        let closed = value(Renyi, &p, Some(&q), Some(&Expr::Infinity));
        assert!(closed >= maximum - 1e-12 && closed - maximum < 1e-6);
    }

    #[test]
    fn total_variation_matches_quadrature() {
        for (p, q) in [
            (cauchy(1.0, 0.5), cauchy(-0.5, 1.5)),
            (cauchy(0.0, 2.0), cauchy(0.0, 1.0)),
        ] {
            assert_close(
                value(TotalVariation, &p, Some(&q), None),
                total_variation_by_quadrature(&p, &q),
            );
        }
    }

    #[test]
    fn entropy_matches_quadrature() {
        for scale in [1.0, 0.25] {
            let p = cauchy(0.5, scale);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
