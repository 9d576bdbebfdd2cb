//! The entropy of the Student t distribution T(ν, μ, σ).
//!
//! KL and Rényi divergences between two t distributions have no finite closed form (Bouhlel & Rousseau 2023
//! give Lauricella F_D series), so this file has no two-argument rule; ν₁ = ν₂ = 1 is the Cauchy case.

use crate::divergence::DivergenceKind;
use crate::family::FamilyKind;
use crate::sym::{digamma, log, log_beta, Expr};

use super::blocks::log_of;
use super::{Query, Rule, RuleResult};

/// The rules of this file.
pub static RULES: &[Rule] = &[Rule {
    divergence: DivergenceKind::Entropy,
    p: FamilyKind::StudentT,
    q: None,
    formula: entropy,
    reference:
        "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Table 17.1 (Student t), plus log sigma \
         for the scale; Lazo & Rathie, IEEE Trans. IT 24(1) (1978) 120-122",
}];

/// The differential entropy of T(ν, μ, σ).
///
/// # Formula
///
/// ```text
/// H = ((ν + 1)/2) (ψ((ν + 1)/2) − ψ(ν/2)) + ½ log ν + log B(ν/2, ½) + log σ
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let (df, scale) = (query.p.scalar(0).clone(), query.p.scalar(2).clone());
    let half_next = (df.clone() + 1) / 2;
    let digammas = half_next.clone() * (digamma(half_next) - digamma(df.clone() / 2));
    Ok(digammas + log(df.clone()) / 2 + log_beta(df / 2, Expr::ratio(1, 2)) + log_of(scale))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::divergence::DivergenceKind::Entropy;
    use crate::family::FamilyKind::StudentT;

    #[test]
    fn entropy_matches_quadrature() {
        for params in [[1.0, 0.0, 1.0], [3.0, 1.0, 2.0], [7.5, -2.0, 0.5]] {
            let p = member(StudentT, &params);
            assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&p));
        }
        // ν = 1 is Cauchy: log(4π).
        assert_close(
            value(Entropy, &member(StudentT, &[1.0, 0.0, 1.0]), None, None),
            (4.0 * std::f64::consts::PI).ln(),
        );
    }
}
