//! Closed forms for the categorical distribution Cat(p₁, …, p_K) on {1, …, K}, as exact finite sums.
//!
//! Two categoricals of different lengths are compared on the longer support, the missing probabilities being 0.

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::Expr;

use super::common::{identical, order_of};
use super::{finite, Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Categorical,
        q: Some(FamilyKind::Categorical),
        formula: kl,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), eq. (2.26)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Categorical,
        q: Some(FamilyKind::Categorical),
        formula: renyi,
        reference:
            "Rényi, On measures of entropy and information, Proc. 4th Berkeley Symp. (1961); van \
                    Erven & Harremoës, IEEE Trans. IT 60(7) (2014), §II (orders 0 and ∞)",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Categorical,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), eq. (2.1)",
    },
];

/// The atoms (pᵢ, qᵢ), padding the shorter vector with zeros.
fn atoms(query: &Query<'_>) -> Vec<(Expr, Expr)> {
    let (p, q) = (query.p.vector(0), query.q().vector(0));
    let length = p.len().max(q.len());
    let at = |values: &[Expr], i: usize| values.get(i).cloned().unwrap_or_else(|| Expr::int(0));
    (0..length).map(|i| (at(p, i), at(q, i))).collect()
}

/// KL(Cat(p) ‖ Cat(q)).
///
/// # Formula
///
/// ```text
/// KL = Σᵢ pᵢ log(pᵢ/qᵢ)     (terms with pᵢ = 0 dropped; +∞ if some qᵢ = 0 < pᵢ)
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    finite::kl(&atoms(query))
}

/// The Rényi divergence of order α between categoricals, including the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// D_α = log Σᵢ pᵢ^α qᵢ^(1−α) / (α − 1)      (sum over pᵢ > 0; a qᵢ = 0 < pᵢ gives +∞ for α > 1)
/// D_∞ = log maxᵢ pᵢ/qᵢ over pᵢ > 0,   D_0 = −log Σ_{pᵢ > 0} qᵢ
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    finite::renyi(&atoms(query), &order_of(query)?)
}

/// The entropy of Cat(p).
///
/// # Formula
///
/// ```text
/// H = −Σᵢ pᵢ log pᵢ     (0 log 0 = 0)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    Ok(finite::entropy(query.p.vector(0)))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        apply, assert_close, categorical, check_identities, ints, r, renyi_value, value,
    };
    use crate::divergence::DivergenceKind;
    use crate::rules::Verdict;
    use crate::sym::Expr;

    fn thirds() -> Vec<Expr> {
        vec![r(1, 3); 3]
    }

    #[test]
    fn kl_matches_the_reference_values() {
        let kl = |p: Vec<Expr>, q: Vec<Expr>| {
            value(
                DivergenceKind::KullbackLeibler,
                &categorical(p),
                Some(&categorical(q)),
                None,
            )
        };
        assert_close(
            kl(vec![r(7, 10), r(2, 10), r(1, 10)], thirds()) / 2f64.ln(),
            0.428_182_851_274_116_7,
        );
        assert_close(
            kl(vec![Expr::int(0), r(1, 2), r(1, 2)], thirds()),
            0.405_465_108_108_164_4,
        );
        let rising: Vec<Expr> = (1..=12).map(|i| r(i, 78)).collect();
        let falling: Vec<Expr> = (1..=12).rev().map(|i| r(i, 78)).collect();
        assert_close(kl(rising, falling), 0.727_222_157_137_711_4);
    }

    #[test]
    fn zeros_are_decided_exactly() {
        let p = categorical(vec![r(1, 2), r(1, 2), Expr::int(0)]);
        let q = categorical(vec![Expr::int(0), r(1, 2), r(1, 2)]);
        assert!(matches!(
            apply(DivergenceKind::KullbackLeibler, &p, Some(&q), None),
            Err(Verdict::Infinite(reason)) if reason == "P puts mass where Q has none"
        ));
        // Below order 1 only the shared atom counts: log((1/2)^α (1/2)^(1−α)) / (α − 1) = log 2 · 1/(1 − α).
        assert_close(renyi_value(r(1, 2), &p, &q), 2.0 * 2f64.ln());
        assert_close(renyi_value(Expr::int(0), &p, &q), 2f64.ln());
        assert!(renyi_value(Expr::int(2), &p, &q).is_infinite());
        let point = categorical(ints(&[1, 0]));
        let other = categorical(ints(&[0, 1]));
        assert!(renyi_value(r(1, 2), &point, &other).is_infinite());
    }

    #[test]
    fn different_lengths_pad_with_zeros() {
        let short = categorical(vec![r(1, 2), r(1, 2)]);
        let long = categorical(vec![r(1, 4), r(1, 4), r(1, 2)]);
        assert_close(
            value(DivergenceKind::KullbackLeibler, &short, Some(&long), None),
            2f64.ln(),
        );
        assert!(renyi_value(Expr::int(1), &long, &short).is_infinite());
    }

    #[test]
    fn renyi_orders() {
        let p = categorical(vec![r(1, 2), r(1, 3), r(1, 6)]);
        let q = categorical(vec![r(1, 4), r(1, 4), r(1, 2)]);
        assert_close(renyi_value(Expr::Infinity, &p, &q), 2f64.ln());
        let expected = ((0.5f64.powi(2) / 0.25) + (1.0 / 9.0) / 0.25 + (1.0 / 36.0) / 0.5).ln();
        assert_close(renyi_value(Expr::int(2), &p, &q), expected);
    }

    #[test]
    fn entropy_values() {
        assert_close(
            value(DivergenceKind::Entropy, &categorical(thirds()), None, None),
            3f64.ln(),
        );
        let with_zero = categorical(vec![r(1, 2), Expr::int(0), r(1, 2)]);
        assert_close(
            value(DivergenceKind::Entropy, &with_zero, None, None),
            2f64.ln(),
        );
    }

    #[test]
    fn identities_hold() {
        let p = categorical(vec![r(7, 10), r(2, 10), r(1, 10)]);
        let q = categorical(thirds());
        check_identities(&p, &q);
        check_identities(&q, &p);
        check_identities(&categorical(vec![Expr::int(0), r(1, 2), r(1, 2)]), &q);
    }
}
