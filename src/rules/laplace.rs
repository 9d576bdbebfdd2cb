//! Closed forms for the Laplace distribution Laplace(μ, b), parametrised by location μ and scale b
//! (density e^(−|x−μ|/b) / (2b)).

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{log, Expr};

use super::common::{
    absolute, compare, decided_compare, exp_of, identical, infinite, interpolate, is_zero, log_of,
    log_ratio, order_of, require_positive, Order,
};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Laplace,
        q: Some(FamilyKind::Laplace),
        formula: kl,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249:124–131 (2013), table of Kullback–Leibler \
                    divergences (Laplace)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Laplace,
        q: Some(FamilyKind::Laplace),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249:124–131 (2013), table of Rényi divergences \
                    (Laplace); Mironov, Rényi differential privacy, IEEE CSF 2017, Table II (equal scales)",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Laplace,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Table 17.1 (Laplace)",
    },
];

/// (b₁, b₂, d = |μ₁ − μ₂|).
fn parameters(query: &Query<'_>) -> (Expr, Expr, Expr) {
    let (p, q) = (query.p, query.q());
    let distance = absolute(p.scalar(0).clone() - q.scalar(0).clone());
    (p.scalar(1).clone(), q.scalar(1).clone(), distance)
}

/// KL(Laplace(μ₁, b₁) ‖ Laplace(μ₂, b₂)).
///
/// # Formula
///
/// ```text
/// d  = |μ₁ − μ₂|
/// KL = d/b₂ + (b₁/b₂) e^(−d/b₁) − 1 + log b₂ − log b₁
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let (b1, b2, d) = parameters(query);
    let decay = exp_of(-(d.clone() / b1.clone()));
    Ok(d / b2.clone() + b1.clone() / b2.clone() * decay - 1 + log_ratio(&b2, &b1))
}

/// The Rényi divergence of order α between Laplace distributions, including the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// d = |μ₁ − μ₂|,  A = α/b₁,  B = (1 − α)/b₂
/// J = (B e^(−A d) − A e^(−B d)) / (B² − A²)       if A ≠ B
///   = e^(−A d) (1 + A d) / (2A)                   if A = B
/// D_α = log(b₂/b₁) + log(J/b₁) / (α − 1)          finite iff α b₂ + (1 − α) b₁ > 0
///     (d = 0: log(b₂/b₁) + log(b₂/(α b₂ + (1 − α) b₁)) / (α − 1))
/// D_∞ = log(b₂/b₁) + d/b₂ if b₁ ≤ b₂, +∞ otherwise
/// D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let (b1, b2, d) = parameters(query);
    match order_of(query)? {
        Order::One => kl(query),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => match decided_compare(&b1, &b2, "b₁ ≤ b₂")? {
            Ordering::Greater => infinite("p/q is unbounded: the scale of P exceeds that of Q"),
            _ => Ok(d / b2.clone() + log_ratio(&b2, &b1)),
        },
        Order::Finite(alpha) => {
            let mixed = interpolate(&alpha, &b2, &b1);
            require_positive(
                &alpha,
                &mixed,
                "α·b₂ + (1 − α)·b₁ > 0",
                "the Rényi integral diverges at this order: α·b₂ + (1 − α)·b₁ ≤ 0",
            )?;
            if is_zero(&d) == Some(true) {
                return Ok(log_ratio(&b2, &b1) + log_ratio(&b2, &mixed) / (alpha - 1));
            }
            let a = alpha.clone() / b1.clone();
            let b = (1 - alpha.clone()) / b2.clone();
            let decay_a = exp_of(-(a.clone() * d.clone()));
            // J is the integral of exp(−A|x − μ₁| − B|x − μ₂|) over ℝ, halved. The branch A = B removes the
            // singularity of the general form; when symbols leave A = B open, the general form is returned.
            let integral = if compare(&a, &b) == Some(Ordering::Equal) {
                decay_a * (1 + a.clone() * d) / (2 * a)
            } else {
                let decay_b = exp_of(-(b.clone() * d));
                (b.clone() * decay_a - a.clone() * decay_b) / (b.clone().powi(2) - a.powi(2))
            };
            let ratio = integral / b1.clone();
            let log_integral = if ratio.as_rational().is_some() {
                log_of(ratio)
            } else {
                log(ratio)
            };
            Ok(log_ratio(&b2, &b1) + log_integral / (alpha - 1))
        }
    }
}

/// The differential entropy of Laplace(μ, b).
///
/// # Formula
///
/// ```text
/// H = 1 + log(2b)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    Ok(1 + log_of(2 * query.p.scalar(1).clone()))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        apply, assert_close, check_identities, integrate_real_line, laplace, r, rational,
        renyi_from_integral, renyi_value, value,
    };
    use crate::divergence::DivergenceKind;
    use crate::sym::{Domain, Expr};

    fn log_density(location: f64, scale: f64, x: f64) -> f64 {
        -(x - location).abs() / scale - (2.0 * scale).ln()
    }

    #[test]
    fn kl_matches_the_reference_value() {
        let kl = |p, q| value(DivergenceKind::KullbackLeibler, &p, Some(&q), None);
        assert_close(
            kl(laplace(1, r(1, 2)), laplace(0, 1)),
            0.760_814_822_178_251_7,
        );
        // Equal scales: d/b + e^(−d/b) − 1.
        assert_close(
            kl(laplace(0, 2), laplace(-3, 2)),
            1.5 + (-1.5f64).exp() - 1.0,
        );
    }

    #[test]
    fn renyi_agrees_with_quadrature() {
        let cases = [
            (0.3, 0.0, 1.0, 1.5, 2.0),
            (2.5, 1.0, 1.0, 0.0, 1.5),
            (1.5, 0.0, 2.0, 0.5, 1.0),
            // α b₂ = (1 − α) b₁: A = B.
            (0.75, 0.0, 3.0, 1.0, 1.0),
            (0.5, 0.0, 1.0, 0.0, 3.0),
        ];
        for (alpha, m1, b1, m2, b2) in cases {
            let integral = integrate_real_line(
                &|x| {
                    (alpha * log_density(m1, b1, x) + (1.0 - alpha) * log_density(m2, b2, x)).exp()
                },
                &[m1, m2],
            );
            let p = laplace(rational(m1), rational(b1));
            let q = laplace(rational(m2), rational(b2));
            let exact = renyi_value(rational(alpha), &p, &q);
            assert!(
                (exact - renyi_from_integral(alpha, integral)).abs() < 1e-10,
                "{exact} at {alpha}"
            );
        }
    }

    #[test]
    fn renyi_of_the_laplace_mechanism() {
        // Mironov Table II: D_α(Lap(0, b) ‖ Lap(Δ, b)) for α > 1 and D_∞ = Δ/b.
        let (alpha, shift): (f64, f64) = (3.0, 1.0);
        let expected = ((alpha / (2.0 * alpha - 1.0)) * ((alpha - 1.0) * shift).exp()
            + ((alpha - 1.0) / (2.0 * alpha - 1.0)) * (-alpha * shift).exp())
        .ln()
            / (alpha - 1.0);
        assert_close(
            renyi_value(Expr::int(3), &laplace(0, 1), &laplace(1, 1)),
            expected,
        );
        assert_close(
            renyi_value(Expr::Infinity, &laplace(0, 1), &laplace(1, 1)),
            1.0,
        );
        assert!(renyi_value(Expr::Infinity, &laplace(0, 2), &laplace(0, 1)).is_infinite());
        // 3·1 − 2·2 < 0.
        assert!(renyi_value(Expr::int(3), &laplace(0, 2), &laplace(0, 1)).is_infinite());
    }

    #[test]
    fn symbolic_locations_keep_the_absolute_value() {
        let m = Expr::symbol("m", Domain::Real);
        let result = apply(
            DivergenceKind::KullbackLeibler,
            &laplace(m, 1),
            Some(&laplace(0, 1)),
            None,
        )
        .unwrap();
        for value in [-2.0, 0.5] {
            let at =
                crate::sym::float::eval_f64(&result.substitute("m", &rational(value))).unwrap();
            assert_close(at, value.abs() + (-value.abs()).exp() - 1.0);
        }
    }

    #[test]
    fn entropy_values() {
        assert_close(
            value(DivergenceKind::Entropy, &laplace(3, r(1, 2)), None, None),
            1.0,
        );
        assert_close(
            value(DivergenceKind::Entropy, &laplace(0, 1), None, None),
            1.0 + 2f64.ln(),
        );
    }

    #[test]
    fn identities_hold() {
        check_identities(&laplace(1, r(1, 2)), &laplace(0, 1));
        check_identities(&laplace(0, 1), &laplace(r(1, 3), 2));
    }
}
