//! Closed forms for the Bernoulli distribution Bern(p) on {0, 1} (success probability p ∈ [0, 1]), as exact
//! two-term sums (see `finite.rs` for the conventions at p = 0 and p = 1).

use crate::divergence::DivergenceKind;
use crate::family::{Family, FamilyKind};
use crate::sym::Expr;

use super::common::{identical, order_of};
use super::{finite, Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Bernoulli,
        q: Some(FamilyKind::Bernoulli),
        formula: kl,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), eq. (2.26) (relative \
                    entropy) on {0, 1}",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Bernoulli,
        q: Some(FamilyKind::Bernoulli),
        formula: renyi,
        reference: "van Erven & Harremoës, IEEE Trans. IT 60(7) (2014), §II (definition; orders 0 and ∞); \
                    Mironov, Rényi differential privacy, IEEE CSF 2017, Table II (randomized response)",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Bernoulli,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Example 2.1.1 (binary \
                    entropy)",
    },
];

/// The masses (P(0), P(1)) of a Bernoulli distribution.
pub(crate) fn masses(family: &Family, index: usize) -> [Expr; 2] {
    let p = family.scalar(index).clone();
    [1 - p.clone(), p]
}

/// The atoms ((P(0), Q(0)), (P(1), Q(1))) of two Bernoulli distributions whose success probability is
/// parameter `index`.
pub(crate) fn atoms(p: &Family, q: &Family, index: usize) -> Vec<(Expr, Expr)> {
    masses(p, index).into_iter().zip(masses(q, index)).collect()
}

/// KL(Bern(p₁) ‖ Bern(p₂)).
///
/// # Formula
///
/// ```text
/// KL = p₁ log(p₁/p₂) + (1 − p₁) log((1 − p₁)/(1 − p₂))     (0 log 0 = 0; +∞ if P puts mass where Q has none)
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    finite::kl(&atoms(query.p, query.q(), 0))
}

/// The Rényi divergence of order α between Bernoulli distributions, including the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// D_α = log(p₁^α p₂^(1−α) + (1 − p₁)^α (1 − p₂)^(1−α)) / (α − 1)
/// D_∞ = log max(p₁/p₂, (1 − p₁)/(1 − p₂))
/// D_0 = −log Q(supp P)
/// (terms with zero mass in P drop out; a mass of P where Q has none gives +∞ for α ≥ 1)
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    finite::renyi(&atoms(query.p, query.q(), 0), &order_of(query)?)
}

/// The entropy of Bern(p).
///
/// # Formula
///
/// ```text
/// H = −p log p − (1 − p) log(1 − p)     (0 log 0 = 0)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    Ok(finite::entropy(&masses(query.p, 0)))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        apply, assert_close, bernoulli, check_identities, is_infinite, r, renyi_value, value,
    };
    use crate::divergence::DivergenceKind;
    use crate::sym::Expr;

    #[test]
    fn kl_matches_the_reference_value() {
        let kl = |p, q| value(DivergenceKind::KullbackLeibler, &p, Some(&q), None);
        assert_close(
            kl(bernoulli(r(1, 3)), bernoulli(r(9, 10))),
            0.933_662_732_253_826_4,
        );
        // p₁ = 0 drops the first term: KL = log(1/(1 − p₂)).
        assert_close(kl(bernoulli(0), bernoulli(r(1, 4))), (4.0f64 / 3.0).ln());
        let infinite = apply(
            DivergenceKind::KullbackLeibler,
            &bernoulli(r(1, 2)),
            Some(&bernoulli(1)),
            None,
        );
        assert!(is_infinite(&infinite));
    }

    #[test]
    fn renyi_of_randomized_response() {
        // Mironov Table II: D_α(Bern(p) ‖ Bern(1 − p)).
        let p: f64 = 0.75;
        for (alpha, order) in [(2.0, Expr::int(2)), (0.5, r(1, 2))] {
            let expected = (p.powf(alpha) * (1.0 - p).powf(1.0 - alpha)
                + (1.0 - p).powf(alpha) * p.powf(1.0 - alpha))
            .ln()
                / (alpha - 1.0);
            assert_close(
                renyi_value(order, &bernoulli(r(3, 4)), &bernoulli(r(1, 4))),
                expected,
            );
        }
        assert_close(
            renyi_value(Expr::Infinity, &bernoulli(r(3, 4)), &bernoulli(r(1, 4))),
            3f64.ln(),
        );
    }

    #[test]
    fn renyi_with_point_masses() {
        // Bern(1) ‖ Bern(p₂): every order gives −log p₂.
        for alpha in [Expr::int(0), r(1, 2), Expr::int(3), Expr::Infinity] {
            assert_close(
                renyi_value(alpha, &bernoulli(1), &bernoulli(r(1, 5))),
                5f64.ln(),
            );
        }
        // Bern(1/2) ‖ Bern(1): finite below order 1 (α log(1/2)/(α − 1)), infinite above.
        assert_close(
            renyi_value(r(1, 2), &bernoulli(r(1, 2)), &bernoulli(1)),
            2f64.ln(),
        );
        assert_close(
            renyi_value(Expr::int(0), &bernoulli(r(1, 2)), &bernoulli(1)),
            0.0,
        );
        assert!(renyi_value(Expr::int(2), &bernoulli(r(1, 2)), &bernoulli(1)).is_infinite());
        assert!(renyi_value(Expr::Infinity, &bernoulli(r(1, 2)), &bernoulli(1)).is_infinite());
        // Disjoint supports: infinite at every order.
        assert!(renyi_value(r(1, 2), &bernoulli(0), &bernoulli(1)).is_infinite());
        assert!(renyi_value(Expr::int(0), &bernoulli(0), &bernoulli(1)).is_infinite());
    }

    #[test]
    fn entropy_values() {
        assert_close(
            value(DivergenceKind::Entropy, &bernoulli(r(1, 2)), None, None),
            2f64.ln(),
        );
        assert!(apply(DivergenceKind::Entropy, &bernoulli(1), None, None)
            .unwrap()
            .is_zero());
        let p: f64 = 0.2;
        let expected = -p * p.ln() - (1.0 - p) * (1.0 - p).ln();
        assert_close(
            value(DivergenceKind::Entropy, &bernoulli(r(1, 5)), None, None),
            expected,
        );
    }

    #[test]
    fn identities_hold() {
        check_identities(&bernoulli(r(1, 3)), &bernoulli(r(9, 10)));
        check_identities(&bernoulli(r(9, 10)), &bernoulli(r(1, 3)));
        check_identities(&bernoulli(1), &bernoulli(r(1, 2)));
    }
}
