//! Closed forms for the gamma distribution Gamma(α, β), parametrised by shape α and **rate** β
//! (density β^α x^(α−1) e^(−βx) / Γ(α)).

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{digamma, lgamma, Expr};

use super::common::{
    decided_compare, identical, infinite, interpolate, lgamma_difference, log_of, log_ratio,
    order_of, require_positive, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Gamma,
        q: Some(FamilyKind::Gamma),
        formula: kl,
        reference: "Penny, KL-divergences of Normal, Gamma, Dirichlet and Wishart densities, tech. report, \
                    UCL (2001), Gamma section, converted to the rate; Gil, Alajaji & Linder, Inf. Sci. \
                    249:124–131 (2013), table of Kullback–Leibler divergences (Gamma)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Gamma,
        q: Some(FamilyKind::Gamma),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249:124–131 (2013), table of Rényi divergences \
                    (Gamma); Nielsen & Nock, arXiv:1105.3259 (2011), Rényi divergence of exponential \
                    families from the log-normaliser F; D_∞ from the maximum of log p/q",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Gamma,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Table 17.1 (Gamma)",
    },
];

/// (α₁, β₁, α₂, β₂).
fn parameters(query: &Query<'_>) -> (Expr, Expr, Expr, Expr) {
    let (p, q) = (query.p, query.q());
    (
        p.scalar(0).clone(),
        p.scalar(1).clone(),
        q.scalar(0).clone(),
        q.scalar(1).clone(),
    )
}

/// G(a, b) − G(c, d) with G(a, b) = log Γ(a) − a log b, the log-normaliser of Gamma(a, b); exactly 0 when
/// (a, b) = (c, d).
fn normaliser_difference(a: &Expr, b: &Expr, c: &Expr, d: &Expr) -> Expr {
    // a log b − c log d = a log(b/d) + (a − c) log d.
    let shift = a.clone() - c.clone();
    let power = if shift.is_zero() {
        Expr::int(0)
    } else {
        shift * log_of(d.clone())
    };
    lgamma_difference(a, c) - (a.clone() * log_ratio(b, d) + power)
}

/// KL(Gamma(α₁, β₁) ‖ Gamma(α₂, β₂)).
///
/// # Formula
///
/// ```text
/// KL = (α₁ − α₂) ψ(α₁) − log Γ(α₁) + log Γ(α₂) + α₂ (log β₁ − log β₂) + α₁ (β₂ − β₁)/β₁
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let (a1, b1, a2, b2) = parameters(query);
    let shape_term = (a1.clone() - a2.clone()) * digamma(a1.clone());
    let rate_term = a1.clone() * (b2.clone() - b1.clone()) / b1.clone();
    Ok(rate_term + shape_term + lgamma_difference(&a2, &a1) + a2 * log_ratio(&b1, &b2))
}

/// The Rényi divergence of order α between gamma distributions, including the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// G(a, b) = log Γ(a) − a log b,  a_α = α α₁ + (1 − α) α₂,  b_α = α β₁ + (1 − α) β₂
/// D_α = G(α₂, β₂) − G(α₁, β₁) + (G(a_α, b_α) − G(α₁, β₁)) / (α − 1)     finite iff a_α > 0 and b_α > 0
/// D_∞ = C                                        if α₁ = α₂ and β₁ ≥ β₂
///     = C + (α₁ − α₂)(log((α₁ − α₂)/(β₁ − β₂)) − 1)   if α₁ > α₂ and β₁ > β₂
///     = +∞ otherwise,  with C = G(α₂, β₂) − G(α₁, β₁)
/// D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let (a1, b1, a2, b2) = parameters(query);
    let base = normaliser_difference(&a2, &b2, &a1, &b1);
    match order_of(query)? {
        Order::One => kl(query),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => {
            let shapes = decided_compare(&a1, &a2, "α₁ ≥ α₂")?;
            let rates = decided_compare(&b1, &b2, "β₁ ≥ β₂")?;
            match (shapes, rates) {
                (Ordering::Equal, Ordering::Equal | Ordering::Greater) => Ok(base),
                (Ordering::Greater, Ordering::Greater) => {
                    let shift = a1 - a2;
                    let gap = b1 - b2;
                    Ok(base + shift.clone() * (log_ratio(&shift, &gap) - 1))
                }
                _ => infinite(
                    "p/q is unbounded: it needs α₁ ≥ α₂ and β₁ ≥ β₂ (and α₁ = α₂ when β₁ = β₂)",
                ),
            }
        }
        Order::Finite(alpha) => {
            let shape = interpolate(&alpha, &a1, &a2);
            let rate = interpolate(&alpha, &b1, &b2);
            require_positive(
                &alpha,
                &shape,
                "α·α₁ + (1 − α)·α₂ > 0",
                "the Rényi integral diverges at this order: α·α₁ + (1 − α)·α₂ ≤ 0",
            )?;
            require_positive(
                &alpha,
                &rate,
                "α·β₁ + (1 − α)·β₂ > 0",
                "the Rényi integral diverges at this order: α·β₁ + (1 − α)·β₂ ≤ 0",
            )?;
            Ok(base + normaliser_difference(&shape, &rate, &a1, &b1) / (alpha - 1))
        }
    }
}

/// The differential entropy of Gamma(α, β).
///
/// # Formula
///
/// ```text
/// H = α − log β + log Γ(α) + (1 − α) ψ(α)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let (shape, rate) = (query.p.scalar(0).clone(), query.p.scalar(1).clone());
    let digamma_term = (1 - shape.clone()) * digamma(shape.clone());
    Ok(shape.clone() - log_of(rate) + lgamma(shape) + digamma_term)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        apply, assert_close, check_identities, gamma, integrate_half_line, r, rational,
        renyi_from_integral, renyi_value, value,
    };
    use crate::divergence::DivergenceKind;
    use crate::sym::Expr;
    use statrs::function::gamma::ln_gamma;

    fn log_density(shape: f64, rate: f64, x: f64) -> f64 {
        shape * rate.ln() + (shape - 1.0) * x.ln() - rate * x - ln_gamma(shape)
    }

    #[test]
    fn kl_matches_the_reference_values() {
        let kl = |p, q| value(DivergenceKind::KullbackLeibler, &p, Some(&q), None);
        assert_close(
            kl(gamma(r(1, 2), 1), gamma(2, r(1, 2))),
            3.509_194_457_227_325_8,
        );
        // Gamma(2, 1) ‖ Gamma(1, 1) = Gamma(2, 1) ‖ Exp(1) = 1 − γ.
        assert_close(kl(gamma(2, 1), gamma(1, 1)), 0.422_784_335_098_467_1);
    }

    #[test]
    fn renyi_agrees_with_quadrature() {
        for (alpha, a1, b1, a2, b2) in [
            (0.3, 0.5, 1.0, 2.0, 0.5),
            (1.5, 2.0, 1.5, 3.0, 1.0),
            (2.5, 3.0, 2.0, 2.0, 1.0),
        ] {
            let integral = integrate_half_line(&|x| {
                (alpha * log_density(a1, b1, x) + (1.0 - alpha) * log_density(a2, b2, x)).exp()
            });
            let exact = renyi_value(
                rational(alpha),
                &gamma(rational(a1), rational(b1)),
                &gamma(rational(a2), rational(b2)),
            );
            assert!(
                (exact - renyi_from_integral(alpha, integral)).abs() < 1e-9,
                "{exact} at {alpha}"
            );
        }
        // Renyi(2, Gamma(2, 1) ‖ Exp(1) = Gamma(1, 1)) = log 2.
        assert_close(
            renyi_value(Expr::int(2), &gamma(2, 1), &gamma(1, 1)),
            2f64.ln(),
        );
    }

    #[test]
    fn renyi_orders_infinity_and_outside_the_range() {
        // Equal shapes, β₁ ≥ β₂: C = α log(β₁/β₂).
        assert_close(
            renyi_value(Expr::Infinity, &gamma(2, 3), &gamma(2, 1)),
            2.0 * 3f64.ln(),
        );
        // α₁ > α₂, β₁ > β₂: the maximum of log p/q at x = (α₁ − α₂)/(β₁ − β₂).
        let (a1, b1, a2, b2) = (3.0, 2.0, 1.5, 1.0);
        let x = (a1 - a2) / (b1 - b2);
        let expected = log_density(a1, b1, x) - log_density(a2, b2, x);
        assert_close(
            renyi_value(Expr::Infinity, &gamma(3, 2), &gamma(r(3, 2), 1)),
            expected,
        );
        assert!(renyi_value(Expr::Infinity, &gamma(1, 2), &gamma(2, 1)).is_infinite());
        assert!(renyi_value(Expr::Infinity, &gamma(2, 1), &gamma(1, 1)).is_infinite());
        // b_α = 3·1 − 2·2 < 0.
        assert!(renyi_value(Expr::int(3), &gamma(1, 1), &gamma(1, 2)).is_infinite());
        let p = gamma(r(5, 2), r(1, 3));
        assert!(
            apply(DivergenceKind::Renyi, &p, Some(&p.clone()), Some(&r(7, 3)))
                .unwrap()
                .is_zero()
        );
    }

    #[test]
    fn entropy_matches_the_reference_values() {
        assert_close(
            value(DivergenceKind::Entropy, &gamma(r(1, 2), 1), None, None),
            0.090_609_929_913_988_35,
        );
        assert_close(
            value(DivergenceKind::Entropy, &gamma(1, 2), None, None),
            1.0 - 2f64.ln(),
        );
    }

    #[test]
    fn identities_hold() {
        check_identities(&gamma(r(1, 2), 1), &gamma(2, r(1, 2)));
        check_identities(&gamma(3, 2), &gamma(r(3, 2), 1));
    }
}
