//! Closed forms for the half-Cauchy distribution HalfCauchy(γ), **scale** γ.
//!
//! x ↦ |x| is sufficient for two Cauchy distributions centred at 0 (both are symmetric, so the density ratio
//! of the folded laws equals that of the unfolded ones): every f-divergence and Rényi divergence between
//! half-Cauchy distributions is the Cauchy one with zero locations, for instance
//! KL = log((γ₁ + γ₂)²/(4γ₁γ₂)). Folding halves the support, so the entropy is the Cauchy one less log 2.

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{log, pi, Expr};

use super::blocks::order_of;
use super::cauchy::{divergence_kl, divergence_renyi, divergence_total_variation};
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::HalfCauchy,
        q: Some(FamilyKind::HalfCauchy),
        formula: kl,
        reference: "Cauchy KL with zero locations (Chyzak & Nielsen, arXiv:1905.10965, 2019); |x| is \
                    sufficient for symmetric laws centred at 0",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::HalfCauchy,
        q: Some(FamilyKind::HalfCauchy),
        formula: renyi,
        reference: "Cauchy Renyi divergence with zero locations (Nielsen & Okamura, IEEE Trans. IT 69(5) 2023, \
                    arXiv:2101.12459)",
    },
    Rule {
        divergence: DivergenceKind::TotalVariation,
        p: FamilyKind::HalfCauchy,
        q: Some(FamilyKind::HalfCauchy),
        formula: total_variation,
        reference: "Cauchy TV with zero locations (Nielsen & Okamura, IEEE Trans. IT 69(5) 2023)",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::HalfCauchy,
        q: None,
        formula: entropy,
        reference: "Cauchy entropy log(4 pi gamma) (Cover & Thomas 2006, Table 17.1) less log 2 for \
                    the fold",
    },
];

/// (γ₁, γ₂).
fn scales(query: &Query<'_>) -> (Expr, Expr) {
    (query.p.scalar(0).clone(), query.q().scalar(0).clone())
}

/// KL(HalfCauchy(γ₁) ‖ HalfCauchy(γ₂)).
///
/// # Formula
///
/// ```text
/// KL = log((γ₁ + γ₂)²) − log(4 γ₁ γ₂)
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (g1, g2) = scales(query);
    let zero = Expr::int(0);
    Ok(divergence_kl(&zero, &g1, &zero, &g2))
}

/// The Rényi divergence of integer order α ≥ 2 between half-Cauchy distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// z = (γ₁² + γ₂²)/(2γ₁γ₂)
/// D_n = log P_{n−1}(z) / (n − 1) (Legendre polynomial);   D_∞ = log(z + √(z² − 1));   D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (g1, g2) = scales(query);
    let zero = Expr::int(0);
    divergence_renyi(&zero, &g1, &zero, &g2, order_of(query))
}

/// The total variation between half-Cauchy distributions.
///
/// # Formula
///
/// ```text
/// TV = (2/π) arctan √((γ₁ − γ₂)²/(4γ₁γ₂))
/// ```
fn total_variation(query: &Query<'_>) -> RuleResult {
    let (g1, g2) = scales(query);
    let zero = Expr::int(0);
    Ok(divergence_total_variation(&zero, &g1, &zero, &g2))
}

/// The differential entropy of HalfCauchy(γ).
///
/// # Formula
///
/// ```text
/// H = log(2πγ)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    Ok(log(2 * pi() * query.p.scalar(0).clone()))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi, TotalVariation};
    use crate::family::FamilyKind::HalfCauchy;
    use crate::sym::Expr;

    fn half_cauchy(scale: f64) -> crate::family::Family {
        member(HalfCauchy, &[scale])
    }

    #[test]
    fn kl_matches_the_folded_cauchy_formula_and_quadrature() {
        for (a, b) in [(2.0, 1.0), (0.5, 3.0)] {
            let (p, q) = (half_cauchy(a), half_cauchy(b));
            let closed = value(KullbackLeibler, &p, Some(&q), None);
            assert_close(closed, ((a + b) * (a + b) / (4.0 * a * b)).ln());
            assert_close(closed, kl_by_quadrature(&p, &q));
        }
    }

    #[test]
    fn renyi_of_integer_orders_matches_quadrature() {
        let (p, q) = (half_cauchy(0.5), half_cauchy(3.0));
        for n in [2, 4] {
            assert_close(
                value(Renyi, &p, Some(&q), Some(&Expr::int(n))),
                renyi_by_quadrature(n as f64, &p, &q),
            );
        }
        // The ratio is largest at 0 or at infinity: γ₂/γ₁ or γ₁/γ₂.
        assert_close(value(Renyi, &p, Some(&q), Some(&Expr::Infinity)), 6f64.ln());
    }

    #[test]
    fn total_variation_matches_quadrature() {
        let (p, q) = (half_cauchy(0.5), half_cauchy(3.0));
        assert_close(
            value(TotalVariation, &p, Some(&q), None),
            total_variation_by_quadrature(&p, &q),
        );
    }

    #[test]
    fn entropy_matches_quadrature() {
        for scale in [1.0, 0.3] {
            let p = half_cauchy(scale);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
    }
}
