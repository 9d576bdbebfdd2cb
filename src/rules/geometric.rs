//! Closed forms for the geometric distribution Geom(p) counting the **failures before the first success**
//! (mass p (1 − p)^k on k = 0, 1, …; Geom(1) is the point mass at 0).

use std::cmp::Ordering;

use num_traits::One;

use crate::divergence::DivergenceKind;
use crate::exact::{checked_power, to_f64, Rational};
use crate::family::FamilyKind;
use crate::sym::Expr;

use super::common::{
    decided_compare, decided_sign, identical, infinite, is_zero, log_of, log_ratio, order_of,
    power_mix, undecided, Order,
};
use super::finite::{self, MASS_WHERE_Q_HAS_NONE};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Geometric,
        q: Some(FamilyKind::Geometric),
        formula: kl,
        reference: "Nielsen & Nock, Entropies and cross-entropies of exponential families, Proc. IEEE ICIP \
                    2010 (Bregman divergence of F(θ) = −log(1 − e^θ))",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Geometric,
        q: Some(FamilyKind::Geometric),
        formula: renyi,
        reference: "Nielsen & Nock, arXiv:1105.3259 (2011), Rényi divergence of exponential families from \
                    the log-normaliser F (F(θ) = −log(1 − e^θ)); van Erven & Harremoës, IEEE Trans. IT \
                    60(7) (2014), §II (orders 0 and ∞)",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Geometric,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Problem 2.1 (entropy of \
                    a geometric distribution)",
    },
];

fn probabilities(query: &Query<'_>) -> (Expr, Expr) {
    (query.p.scalar(0).clone(), query.q().scalar(0).clone())
}

/// KL(Geom(p₁) ‖ Geom(p₂)).
///
/// # Formula
///
/// ```text
/// KL = log(p₁/p₂) + ((1 − p₁)/p₁) log((1 − p₁)/(1 − p₂))     (0 log 0 = 0; p₂ = 1 > p₁ gives +∞)
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let (p1, p2) = probabilities(query);
    let failures = finite::kl(&[(1 - p1.clone(), 1 - p2.clone())])?;
    Ok(failures / p1.clone() + log_ratio(&p1, &p2))
}

/// The Rényi divergence of order α between geometric distributions, including the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// t_α = (1 − p₁)^α (1 − p₂)^(1−α)
/// D_α = (α log(p₁/p₂) + log(p₂/(1 − t_α))) / (α − 1)       finite iff t_α < 1 (always for α < 1)
/// D_∞ = log(p₁/p₂) if p₁ ≥ p₂, +∞ otherwise
/// D_0 = 0, or −log p₂ when P = Geom(1) is the point mass at 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let (p1, p2) = probabilities(query);
    let order = order_of(query)?;
    if let Order::One = order {
        return kl(query);
    }
    let (fail1, fail2) = (1 - p1.clone(), 1 - p2.clone());
    // P = Geom(1) is the point mass at 0, where p/q = 1/p₂: every order gives −log p₂.
    match is_zero(&fail1) {
        Some(true) => return Ok(-log_of(p2)),
        Some(false) => {}
        None => return Err(undecided("p₁ = 1")),
    }
    match order {
        Order::One => kl(query),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => match decided_compare(&p1, &p2, "p₁ ≥ p₂")? {
            Ordering::Less => {
                infinite("p/q is unbounded: the success probability of P is below that of Q")
            }
            _ => Ok(log_ratio(&p1, &p2)),
        },
        Order::Finite(alpha) => {
            let above_one =
                decided_sign(&(alpha.clone() - 1), "the order exceeds 1")? == Ordering::Greater;
            if is_zero(&fail2) == Some(true) {
                // Q = Geom(1): only k = 0 is shared.
                return if above_one {
                    infinite(MASS_WHERE_Q_HAS_NONE)
                } else {
                    Ok(alpha.clone() * log_of(p1) / (alpha - 1))
                };
            }
            if above_one && !mixed_tail_below_one(&fail1, &fail2, &alpha)? {
                return infinite(
                    "the Rényi sum diverges at this order: (1 − p₁)^α (1 − p₂)^(1−α) ≥ 1",
                );
            }
            let tail = power_mix(&fail1, &fail2, &alpha);
            let remainder = 1 - tail;
            let scale = alpha.clone() * log_ratio(&p1, &p2);
            Ok((scale + log_ratio(&p2, &remainder)) / (alpha - 1))
        }
    }
}

/// Whether t = x^α y^(1−α) < 1 for α > 1, with x, y ∈ (0, 1), decided in three ways: in `f64` when the
/// margin dwarfs every rounding error, exactly by integer powers when α = n/d and x, y are rational
/// (t < 1 ⇔ xⁿ y^(d−n) < 1), and otherwise by the certified sign of 1 − t.
fn mixed_tail_below_one(x: &Expr, y: &Expr, alpha: &Expr) -> Result<bool, super::Verdict> {
    if let (Some(x), Some(y), Some(alpha)) = (x.as_rational(), y.as_rational(), alpha.as_rational())
    {
        if let Some(below) = float_filter(x, y, alpha) {
            return Ok(below);
        }
        let (n, d) = (alpha.numer(), alpha.denom());
        if let (Some(first), Some(second)) = (checked_power(x, n), checked_power(y, &(d - n))) {
            let power: Rational = first * second;
            return Ok(power < Rational::one());
        }
    }
    let remainder = 1 - power_mix(x, y, alpha);
    super::is_positive(&remainder, "(1 − p₁)^α (1 − p₂)^(1−α) < 1")
}

/// The sign of log t = α log x + (1 − α) log y in `f64`, trusted only when |log t| exceeds 10⁻¹⁰ of the sum
/// of the terms' magnitudes: each input is rounded once (half an ulp) and each operation adds at most an ulp or
/// two, so a margin of 10⁻¹⁰ is millions of times the worst rounding error.
fn float_filter(x: &Rational, y: &Rational, alpha: &Rational) -> Option<bool> {
    // 1 − α and x − 1 are formed exactly before rounding: near 1 the f64 subtraction would lose the digits
    // that matter, so log x is taken as log1p(x − 1) there.
    let logarithm = |value: &Rational| {
        let below_one = value - Rational::one();
        let rounded = to_f64(value);
        if !rounded.is_normal() {
            f64::NAN
        } else if rounded < 0.5 {
            rounded.ln()
        } else {
            to_f64(&below_one).ln_1p()
        }
    };
    let complement = to_f64(&(Rational::one() - alpha));
    let (log_x, log_y, alpha) = (logarithm(x), logarithm(y), to_f64(alpha));
    if !(log_x.is_finite() && log_y.is_finite() && alpha.is_finite() && complement.is_finite()) {
        return None;
    }
    let (first, second) = (alpha * log_x, complement * log_y);
    let log_tail = first + second;
    let margin = 1e-10 * (first.abs() + second.abs());
    if !log_tail.is_finite() || log_tail.abs() <= margin {
        return None;
    }
    Some(log_tail < 0.0)
}

/// The entropy of Geom(p).
///
/// # Formula
///
/// ```text
/// H = −((1 − p) log(1 − p) + p log p) / p     (0 log 0 = 0)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let p = query.p.scalar(0).clone();
    Ok(finite::entropy(&[p.clone(), 1 - p.clone()]) / p)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        apply, assert_close, check_identities, geometric, is_infinite, r, renyi_value, value,
    };
    use crate::divergence::DivergenceKind;
    use crate::sym::Expr;

    fn direct_renyi(alpha: f64, p1: f64, p2: f64) -> f64 {
        let log_mass = |p: f64, k: f64| p.ln() + k * (1.0 - p).ln();
        let total: f64 = (0..20_000)
            .map(|k| {
                (alpha * log_mass(p1, k as f64) + (1.0 - alpha) * log_mass(p2, k as f64)).exp()
            })
            .sum();
        total.ln() / (alpha - 1.0)
    }

    #[test]
    fn kl_matches_the_reference_value() {
        let kl = value(
            DivergenceKind::KullbackLeibler,
            &geometric(r(1, 3)),
            Some(&geometric(r(9, 10))),
            None,
        );
        assert_close(kl, 2.800_988_196_761_479_2);
        // Geom(1) is the point mass at 0: KL = −log p₂.
        assert_close(
            value(
                DivergenceKind::KullbackLeibler,
                &geometric(1),
                Some(&geometric(r(1, 4))),
                None,
            ),
            4f64.ln(),
        );
        assert!(is_infinite(&apply(
            DivergenceKind::KullbackLeibler,
            &geometric(r(1, 2)),
            Some(&geometric(1)),
            None
        )));
    }

    #[test]
    fn renyi_agrees_with_the_direct_sum() {
        for (alpha, order, p1, p2, q1, q2) in [
            (0.3, r(3, 10), r(1, 3), r(9, 10), 1.0 / 3.0, 0.9),
            (2.5, r(5, 2), r(1, 2), r(1, 3), 0.5, 1.0 / 3.0),
            (1.5, r(3, 2), r(3, 4), r(1, 4), 0.75, 0.25),
        ] {
            let exact = renyi_value(order, &geometric(p1), &geometric(p2));
            assert!(
                (exact - direct_renyi(alpha, q1, q2)).abs() < 1e-11,
                "{exact} at {alpha}"
            );
        }
    }

    #[test]
    fn renyi_outside_the_range_and_special_orders() {
        // t_α = (1/2)^3 (9/10)^(−2) = 0.154… < 1 is finite; (9/10)^3 (1/10)^(−2) = 72.9 ≥ 1 is infinite.
        assert!(renyi_value(Expr::int(3), &geometric(r(1, 2)), &geometric(r(1, 10))).is_finite());
        assert!(
            renyi_value(Expr::int(3), &geometric(r(1, 10)), &geometric(r(9, 10))).is_infinite()
        );
        // On the boundary t_α = (1/2)² (1/4)^(−1) = 1 exactly: the f64 filter abstains, the exact test decides.
        assert!(renyi_value(Expr::int(2), &geometric(r(1, 2)), &geometric(r(3, 4))).is_infinite());
        assert!(renyi_value(
            r(1_000_001, 1_000_000),
            &geometric(r(9, 10)),
            &geometric(r(1, 10))
        )
        .is_finite());
        assert_close(
            renyi_value(Expr::Infinity, &geometric(r(1, 2)), &geometric(r(1, 10))),
            5f64.ln(),
        );
        assert!(
            renyi_value(Expr::Infinity, &geometric(r(1, 10)), &geometric(r(1, 2))).is_infinite()
        );
        assert_eq!(
            renyi_value(Expr::int(0), &geometric(r(1, 10)), &geometric(r(1, 2))),
            0.0
        );
        for alpha in [Expr::int(0), r(1, 2), Expr::int(3), Expr::Infinity] {
            assert_close(
                renyi_value(alpha, &geometric(1), &geometric(r(1, 5))),
                5f64.ln(),
            );
        }
        assert_close(
            renyi_value(r(1, 2), &geometric(r(1, 2)), &geometric(1)),
            2f64.ln(),
        );
    }

    #[test]
    fn entropy_values() {
        // Geom(1/2): H = 2 log 2.
        assert_close(
            value(DivergenceKind::Entropy, &geometric(r(1, 2)), None, None),
            2.0 * 2f64.ln(),
        );
        assert!(apply(DivergenceKind::Entropy, &geometric(1), None, None)
            .unwrap()
            .is_zero());
    }

    #[test]
    fn identities_hold() {
        check_identities(&geometric(r(1, 3)), &geometric(r(9, 10)));
        check_identities(&geometric(r(9, 10)), &geometric(r(1, 3)));
    }
}
