//! Closed forms for the Dirichlet distribution Dir(α₁…α_K) on the simplex.
//!
//! The family is exponential with statistics log xᵢ, natural parameters αᵢ − 1 and log-normaliser
//! log B(α) = Σ log Γ(αᵢ) − log Γ(α₀), α₀ = Σ αᵢ; E log Xᵢ = ψ(αᵢ) − ψ(α₀). P = Dir(α), Q = Dir(β).

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{digamma, lgamma, sum, Expr};

use super::blocks::{
    compare, infinite, interpolate, lgamma_difference, log_ratio, not_applicable, order_of,
    require_mixture_positive, Order,
};
use super::{Query, Rule, RuleResult, Verdict};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Dirichlet,
        q: Some(FamilyKind::Dirichlet),
        formula: kl,
        reference: "Penny, KL-divergences of Normal, Gamma, Dirichlet and Wishart densities (UCL 2001), \
                    Dirichlet case",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Dirichlet,
        q: Some(FamilyKind::Dirichlet),
        formula: renyi,
        reference: "Gil, Alajaji & Linder, Inf. Sci. 249 (2013) 124-131 (Dirichlet); Nielsen & Nock, \
                    arXiv:1105.3259 (2011); D_inf by maximising sum (a_i - b_i) log x_i on the simplex",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Dirichlet,
        q: None,
        formula: entropy,
        reference: "Nielsen & Nock, Entropies and cross-entropies of exponential families, Proc. IEEE ICIP \
                    2010 (Dirichlet)",
    },
];

/// (α, β), or the verdict for vectors of different lengths (different spaces, which the support check
/// reports before any rule runs).
fn parameters<'a>(query: &Query<'a>) -> Result<(&'a [Expr], &'a [Expr]), Verdict> {
    let (alpha, beta) = (
        query.p.vector(0),
        query.q.map(|q| q.vector(0)).unwrap_or(&[]),
    );
    if alpha.len() != beta.len() {
        return Err(Verdict::NotApplicable(
            "Dirichlet distributions of different dimensions".into(),
        ));
    }
    Ok((alpha, beta))
}

fn total(values: &[Expr]) -> Expr {
    sum(values.iter().cloned())
}

/// log B(a) − log B(b), with exact cancellation of equal entries.
fn log_beta_difference(a: &[Expr], b: &[Expr]) -> Expr {
    sum(a.iter().zip(b).map(|(x, y)| lgamma_difference(x, y)))
        - lgamma_difference(&total(a), &total(b))
}

/// KL(Dir(α) ‖ Dir(β)).
///
/// # Formula
///
/// ```text
/// KL = log Γ(α₀) − Σ log Γ(αᵢ) − log Γ(β₀) + Σ log Γ(βᵢ) + Σ (αᵢ − βᵢ)(ψ(αᵢ) − ψ(α₀))
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (alpha, beta) = parameters(query)?;
    let alpha0 = total(alpha);
    let moments = sum(alpha.iter().zip(beta).map(|(a, b)| {
        let weight = a.clone() - b.clone();
        if weight.is_zero() {
            Expr::int(0)
        } else {
            weight * (digamma(a.clone()) - digamma(alpha0.clone()))
        }
    }));
    Ok(log_beta_difference(beta, alpha) + moments)
}

/// The Rényi divergence of order α between Dirichlet distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// a_α = α α + (1 − α) β (componentwise)
/// D_α = log B(β) − log B(α) + (log B(a_α) − log B(α)) / (α − 1)    finite iff every component of a_α > 0
/// D_∞ = log B(β) − log B(α) + Σ δᵢ log(δᵢ/Σⱼ δⱼ), δ = α − β, if every δᵢ ≥ 0 (0 log 0 = 0); +∞ otherwise
/// D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (alpha, beta) = parameters(query)?;
    let base = log_beta_difference(beta, alpha);
    match order_of(query) {
        Order::One => kl(query),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => {
            let mut excess = Vec::with_capacity(alpha.len());
            for (a, b) in alpha.iter().zip(beta) {
                match compare(a, b, "αᵢ ≥ βᵢ")? {
                    Ordering::Less => {
                        return infinite(
                            "p/q is unbounded near a face of the simplex where αᵢ < βᵢ",
                        )
                    }
                    Ordering::Equal => {}
                    Ordering::Greater => excess.push(a.clone() - b.clone()),
                }
            }
            let whole = total(&excess);
            Ok(base + sum(excess.iter().map(|d| d.clone() * log_ratio(d, &whole))))
        }
        Order::Finite(order) => {
            let mixed: Vec<Expr> = alpha
                .iter()
                .zip(beta)
                .map(|(a, b)| interpolate(&order, a, b))
                .collect();
            for component in &mixed {
                require_mixture_positive(
                    &order,
                    component,
                    "α·αᵢ + (1 − α)·βᵢ > 0",
                    "the Rényi integral diverges at this order: some α·αᵢ + (1 − α)·βᵢ ≤ 0",
                )?;
            }
            Ok(base + log_beta_difference(&mixed, alpha) / (order - 1))
        }
    }
}

/// The differential entropy of Dir(α) (with respect to the Lebesgue measure of the first K − 1 coordinates).
///
/// # Formula
///
/// ```text
/// H = Σ log Γ(αᵢ) − log Γ(α₀) + (α₀ − K) ψ(α₀) − Σ (αᵢ − 1) ψ(αᵢ)
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let alpha = query.p.vector(0);
    if alpha.is_empty() {
        return not_applicable("an empty concentration vector");
    }
    let alpha0 = total(alpha);
    let count = Expr::int(alpha.len() as i64);
    let log_beta = sum(alpha.iter().cloned().map(lgamma)) - lgamma(alpha0.clone());
    let shapes = sum(alpha.iter().map(|a| (a.clone() - 1) * digamma(a.clone())));
    Ok(log_beta + (alpha0.clone() - count) * digamma(alpha0) - shapes)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi};
    use crate::family::{Family, FamilyKind, Param};
    use crate::sym::Expr;
    use statrs::function::gamma::ln_gamma;

    fn dirichlet(alpha: &[f64]) -> Family {
        Family {
            kind: FamilyKind::Dirichlet,
            params: vec![Param::Vector(alpha.iter().map(|&a| exact(a)).collect())],
        }
    }

    /// The Dirichlet log-density in `f64`, written out independently of the rules.
    fn log_density(alpha: &[f64], x: &[f64]) -> f64 {
        let total: f64 = alpha.iter().sum();
        ln_gamma(total) - alpha.iter().map(|&a| ln_gamma(a)).sum::<f64>()
            + alpha
                .iter()
                .zip(x)
                .map(|(a, x)| (a - 1.0) * x.ln())
                .sum::<f64>()
    }

    /// ∫ over the simplex of K = 2 or 3 components, in stick-breaking coordinates.
    fn over_simplex(dimension: usize, f: &dyn Fn(&[f64]) -> f64) -> f64 {
        match dimension {
            2 => integrate(&|x| f(&[x, 1.0 - x]), Some(0.0), Some(1.0)),
            _ => integrate(
                &|x| {
                    let rest = 1.0 - x;
                    rest * integrate(
                        &|u| f(&[x, rest * u, rest * (1.0 - u)]),
                        Some(0.0),
                        Some(1.0),
                    )
                },
                Some(0.0),
                Some(1.0),
            ),
        }
    }

    #[test]
    fn kl_matches_the_public_cases() {
        let (p, q) = (dirichlet(&[0.5, 0.5]), dirichlet(&[2.0, 2.0]));
        assert_close(
            value(KullbackLeibler, &p, Some(&q), None),
            1.222_393_728_282_216_7,
        );
        // H(Dir([2,3,4]), Dir([1,1,1])) = H(P) + KL(P‖Q) = −log 2 (Q is uniform with density 2).
        let (p, q) = (dirichlet(&[2.0, 3.0, 4.0]), dirichlet(&[1.0, 1.0, 1.0]));
        let cross = value(Entropy, &p, None, None) + value(KullbackLeibler, &p, Some(&q), None);
        assert_close(cross, -std::f64::consts::LN_2);
    }

    #[test]
    fn kl_and_entropy_match_quadrature_on_the_simplex() {
        for (a, b) in [
            (vec![0.75, 2.0], vec![1.5, 0.5]),
            (vec![2.0, 3.0, 1.5], vec![1.0, 2.5, 4.0]),
        ] {
            let (p, q) = (dirichlet(&a), dirichlet(&b));
            let expected = over_simplex(a.len(), &|x| {
                let lp = log_density(&a, x);
                lp.exp() * (lp - log_density(&b, x))
            });
            assert_close(value(KullbackLeibler, &p, Some(&q), None), expected);
            let entropy = over_simplex(a.len(), &|x| {
                let lp = log_density(&a, x);
                -lp.exp() * lp
            });
            assert_close(value(Entropy, &p, None, None), entropy);
        }
    }

    #[test]
    fn renyi_matches_quadrature_on_both_sides_of_one() {
        for (a, b) in [
            (vec![1.5, 2.0], vec![0.75, 1.25]),
            (vec![2.0, 3.0, 1.5], vec![1.0, 2.5, 2.0]),
        ] {
            let (p, q) = (dirichlet(&a), dirichlet(&b));
            for alpha in [0.3, 0.7, 1.5, 2.0] {
                let integral = over_simplex(a.len(), &|x| {
                    (alpha * log_density(&a, x) + (1.0 - alpha) * log_density(&b, x)).exp()
                });
                assert_close(
                    value(Renyi, &p, Some(&q), Some(&exact(alpha))),
                    integral.ln() / (alpha - 1.0),
                );
            }
        }
    }

    #[test]
    fn renyi_orders_infinity_and_outside_the_range() {
        let (a, b) = ([3.0, 2.0, 2.5], [1.0, 2.0, 1.5]);
        // The maximum of log p/q is at xᵢ = δᵢ/Σδ = (2/3, 0, 1/3); the face x₂ = 0 carries it.
        let at = [2.0 / 3.0, 1e-300, 1.0 / 3.0];
        let expected = log_density(&a, &at) - log_density(&b, &at);
        assert_close(
            value(
                Renyi,
                &dirichlet(&a),
                Some(&dirichlet(&b)),
                Some(&Expr::Infinity),
            ),
            expected,
        );
        assert_infinite(apply(
            Renyi,
            &dirichlet(&b),
            Some(&dirichlet(&a)),
            Some(&Expr::Infinity),
        ));
        // 3·1 − 2·3 < 0 in the first component.
        assert_infinite(apply(
            Renyi,
            &dirichlet(&b),
            Some(&dirichlet(&a)),
            Some(&Expr::int(3)),
        ));
    }
}
