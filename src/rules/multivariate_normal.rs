//! Closed forms for the multivariate normal MVN(μ, Σ) (mean vector, covariance matrix) and the diagonal normal
//! DiagN(μ, σ²) (mean vector, variance vector).
//!
//! MVN uses the exact linear algebra of `linear_algebra.rs`; DiagN is a product of independent normals, so
//! its divergences are sums of the normal ones (`normal.rs`) and work with symbolic parameters of any size.

use std::cmp::Ordering;

use crate::divergence::DivergenceKind;
use crate::family::{Family, FamilyKind, Param};
use crate::sym::{log, pi, Expr};

use super::common::{identical, infinite, log_ratio, order_of, sign, undecided, Order};
use super::linear_algebra::{
    definiteness, determinant, difference, equal, interpolate, inverse, quadratic_form,
    range_quadratic_form, rational_matrix, rational_vector, trace_of_product, Definiteness,
};
use super::normal::{self, Coordinate};
use super::{Query, Rule, RuleResult, Verdict};

const MVN_KL: &str =
    "Kullback, Information Theory and Statistics (1959), ch. 9; Gil, Alajaji & Linder, \
                      Inf. Sci. 249:124–131 (2013), multivariate Gaussian entries";
const MVN_RENYI: &str = "Gil, Alajaji & Linder, Inf. Sci. 249:124–131 (2013), multivariate Gaussian \
                         entries; Pardo, Statistical Inference Based on Divergence Measures (2006), ch. 1; \
                         D_∞ from the maximum of log p/q";
const ENTROPY: &str =
    "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), Theorem 8.4.1";
const ADDITIVE: &str =
    "van Erven & Harremoës, IEEE Trans. IT 60(7) (2014), §III (additivity for product \
                        distributions), with the Normal rules of Gil, Alajaji & Linder, Inf. Sci. \
                        249:124–131 (2013)";

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::MultivariateNormal,
        q: Some(FamilyKind::MultivariateNormal),
        formula: mvn_kl,
        reference: MVN_KL,
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::MultivariateNormal,
        q: Some(FamilyKind::MultivariateNormal),
        formula: mvn_renyi,
        reference: MVN_RENYI,
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::MultivariateNormal,
        q: None,
        formula: mvn_entropy,
        reference: ENTROPY,
    },
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::DiagonalNormal,
        q: Some(FamilyKind::DiagonalNormal),
        formula: diagonal_kl,
        reference: ADDITIVE,
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::DiagonalNormal,
        q: Some(FamilyKind::DiagonalNormal),
        formula: diagonal_renyi,
        reference: ADDITIVE,
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::DiagonalNormal,
        q: None,
        formula: diagonal_entropy,
        reference: ENTROPY,
    },
];

/// The common dimension k of P and Q, after checking that every parameter of both has k entries (k rows of k
/// for a covariance matrix); the constructors guarantee it, and a mismatch must not index out of bounds.
fn same_dimension(p: &Family, q: &Family) -> Result<usize, Verdict> {
    let dimension = p.vector(0).len();
    let consistent = |family: &Family| match family.params.get(1) {
        Some(Param::Matrix(rows)) => {
            rows.len() == dimension && rows.iter().all(|row| row.len() == dimension)
        }
        Some(Param::Vector(values)) => values.len() == dimension,
        _ => false,
    };
    if q.vector(0).len() != dimension {
        return Err(Verdict::NotApplicable(format!(
            "P has dimension {dimension} and Q has dimension {}",
            q.vector(0).len()
        )));
    }
    if !(consistent(p) && consistent(q)) {
        return Err(Verdict::NotApplicable(
            "the parameters do not have matching dimensions".into(),
        ));
    }
    Ok(dimension)
}

fn mean_difference(p: &Family, q: &Family) -> Vec<Expr> {
    p.vector(0)
        .iter()
        .zip(q.vector(0))
        .map(|(a, b)| a.clone() - b.clone())
        .collect()
}

/// KL(MVN(μ₁, Σ₁) ‖ MVN(μ₂, Σ₂)) in dimension k.
///
/// # Formula
///
/// ```text
/// KL = ( tr(Σ₂⁻¹Σ₁) + (μ₁ − μ₂)ᵀ Σ₂⁻¹ (μ₁ − μ₂) − k + log det Σ₂ − log det Σ₁ ) / 2
/// ```
fn mvn_kl(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let (p, q) = (query.p, query.q());
    let dimension = same_dimension(p, q)?;
    let inverse_q = inverse(q.matrix(1))?;
    let shift = mean_difference(p, q);
    let algebraic = trace_of_product(&inverse_q, p.matrix(1)) + quadratic_form(&shift, &inverse_q)
        - Expr::int(dimension as i64);
    let log_dets = log_ratio(&determinant(q.matrix(1))?, &determinant(p.matrix(1))?);
    Ok(algebraic / 2 + log_dets / 2)
}

/// The Rényi divergence of order α between multivariate normals, including the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// Σ_α = α Σ₂ + (1 − α) Σ₁
/// D_α = (α/2)(μ₁ − μ₂)ᵀ Σ_α⁻¹ (μ₁ − μ₂) + (log det Σ₂ − log det Σ₁)/2
///       + (log det Σ_α − log det Σ₂) / (2(1 − α))          finite iff Σ_α ≻ 0
/// D_∞ = (log det Σ₂ − log det Σ₁)/2 + (μ₁ − μ₂)ᵀ (Σ₂ − Σ₁)⁺ (μ₁ − μ₂) / 2
///       if Σ₂ − Σ₁ ⪰ 0 and μ₁ − μ₂ ∈ range(Σ₂ − Σ₁); +∞ otherwise
/// D_0 = 0
/// ```
fn mvn_renyi(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let (p, q) = (query.p, query.q());
    same_dimension(p, q)?;
    match order_of(query)? {
        Order::One => mvn_kl(query),
        Order::Zero => Ok(Expr::int(0)),
        Order::Infinity => mvn_renyi_infinity(p, q),
        Order::Finite(alpha) => {
            let mixed = interpolate(&alpha, q.matrix(1), &(1 - alpha.clone()), p.matrix(1));
            // Below order 1, Σ_α is a convex combination of positive definite matrices.
            let below_one = sign(&(alpha.clone() - 1)) == Some(Ordering::Less);
            if !below_one
                && definiteness(&mixed, "α·Σ₂ + (1 − α)·Σ₁")? != Definiteness::PositiveDefinite
            {
                return infinite(
                    "the Rényi integral diverges at this order: α·Σ₂ + (1 − α)·Σ₁ is not positive definite",
                );
            }
            let shift = mean_difference(p, q);
            let quadratic = alpha.clone() * quadratic_form(&shift, &inverse(&mixed)?) / 2;
            let det_q = determinant(q.matrix(1))?;
            let log_dets = log_ratio(&det_q, &determinant(p.matrix(1))?) / 2;
            let log_mixed = log_ratio(&determinant(&mixed)?, &det_q) / (2 * (1 - alpha));
            Ok(quadratic + log_dets + log_mixed)
        }
    }
}

fn mvn_renyi_infinity(p: &Family, q: &Family) -> RuleResult {
    let shift = mean_difference(p, q);
    if equal(p.matrix(1), q.matrix(1)) == Some(true) {
        let mut all_zero = true;
        for entry in &shift {
            match sign(entry) {
                Some(Ordering::Equal) => {}
                Some(_) => {
                    return infinite("p/q is unbounded: equal covariances with different means")
                }
                None => all_zero = false,
            }
        }
        return if all_zero {
            Ok(Expr::int(0))
        } else {
            Err(undecided("μ₁ = μ₂"))
        };
    }
    let gap = difference(q.matrix(1), p.matrix(1));
    let log_dets = log_ratio(&determinant(q.matrix(1))?, &determinant(p.matrix(1))?) / 2;
    match definiteness(&gap, "Σ₂ − Σ₁")? {
        Definiteness::PositiveDefinite => {
            Ok(log_dets + quadratic_form(&shift, &inverse(&gap)?) / 2)
        }
        Definiteness::Indefinite => infinite("p/q is unbounded: Σ₂ − Σ₁ has a negative eigenvalue"),
        Definiteness::PositiveSemidefiniteSingular => {
            let (Some(gap), Some(shift)) = (rational_matrix(&gap), rational_vector(&shift)) else {
                return Err(undecided("μ₁ − μ₂ lies in the range of Σ₂ − Σ₁"));
            };
            match range_quadratic_form(&gap, &shift) {
                Some(value) => Ok(log_dets + Expr::number(value) / 2),
                None => infinite("p/q is unbounded: μ₁ − μ₂ is not in the range of Σ₂ − Σ₁"),
            }
        }
    }
}

/// The differential entropy of MVN(μ, Σ) in dimension k.
///
/// # Formula
///
/// ```text
/// H = k (1 + log 2π) / 2 + log det Σ / 2
/// ```
fn mvn_entropy(query: &Query<'_>) -> RuleResult {
    let covariance = query.p.matrix(1);
    if covariance.iter().any(|row| row.len() != covariance.len()) {
        return Err(Verdict::NotApplicable(
            "the covariance matrix is not square".into(),
        ));
    }
    let dimension = Expr::int(covariance.len() as i64);
    let det = determinant(covariance)?;
    Ok((dimension * (1 + log(2 * pi())) + log_ratio(&det, &Expr::int(1))) / 2)
}

fn diagonal_coordinates(query: &Query<'_>) -> Result<Vec<Coordinate>, Verdict> {
    let (p, q) = (query.p, query.q());
    same_dimension(p, q)?;
    Ok((0..p.vector(0).len())
        .map(|j| Coordinate {
            m1: p.vector(0)[j].clone(),
            v1: p.vector(1)[j].clone(),
            m2: q.vector(0)[j].clone(),
            v2: q.vector(1)[j].clone(),
        })
        .collect())
}

/// KL between diagonal normals: the sum of the coordinates' normal KL divergences.
///
/// # Formula
///
/// ```text
/// KL = Σⱼ [ (σ₁ⱼ² + (μ₁ⱼ − μ₂ⱼ)²) / (2σ₂ⱼ²) − 1/2 ] + (log Πⱼ σ₂ⱼ² − log Πⱼ σ₁ⱼ²) / 2
/// ```
fn diagonal_kl(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    Ok(normal::kl_sum(&diagonal_coordinates(query)?))
}

/// The Rényi divergence between diagonal normals: the sum of the coordinates' normal Rényi divergences
/// (finite iff every coordinate's is).
///
/// # Formula
///
/// ```text
/// D_α = Σⱼ D_α(N(μ₁ⱼ, σ₁ⱼ²) ‖ N(μ₂ⱼ, σ₂ⱼ²))   for every α ∈ [0, ∞]
/// ```
fn diagonal_renyi(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    normal::renyi_sum(&diagonal_coordinates(query)?, &order_of(query)?)
}

/// The differential entropy of a diagonal normal.
///
/// # Formula
///
/// ```text
/// H = k (1 + log 2π) / 2 + Σⱼ log σⱼ² / 2
/// ```
fn diagonal_entropy(query: &Query<'_>) -> RuleResult {
    Ok(normal::entropy_sum(query.p.vector(1)))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        apply, assert_close, check_identities, diagonal_normal, ints, is_infinite, mvn, r,
        rational, renyi_value, value,
    };
    use crate::divergence::DivergenceKind;
    use crate::sym::float::eval_f64;
    use crate::sym::{Domain, Expr};

    fn rows(rows: &[&[Expr]]) -> Vec<Vec<Expr>> {
        rows.iter().map(|row| row.to_vec()).collect()
    }

    fn int_rows(rows: &[&[i64]]) -> Vec<Vec<Expr>> {
        rows.iter().map(|row| ints(row)).collect()
    }

    fn identity(size: usize) -> Vec<Vec<Expr>> {
        (0..size)
            .map(|i| (0..size).map(|j| Expr::int((i == j) as i64)).collect())
            .collect()
    }

    fn three_by_three() -> Vec<Vec<Expr>> {
        rows(&[
            &[Expr::int(2), r(1, 2), Expr::int(0)],
            &[r(1, 2), Expr::int(1), r(1, 4)],
            &[Expr::int(0), r(1, 4), Expr::int(3)],
        ])
    }

    #[test]
    fn kl_in_two_dimensions_is_exact() {
        let p = mvn(ints(&[0, 0]), int_rows(&[&[2, 1], &[1, 2]]));
        let q = mvn(ints(&[1, 0]), identity(2));
        let result = apply(DivergenceKind::KullbackLeibler, &p, Some(&q), None).unwrap();
        // (4 + 1 − 2 − log 3)/2, built as 3/2 + log(1/3)/2.
        assert_eq!(result, r(3, 2) + crate::sym::log(r(1, 3)) / 2);
        assert_close(eval_f64(&result).unwrap(), (3.0 - 3f64.ln()) / 2.0);
    }

    #[test]
    fn kl_matches_the_reference_values() {
        let p = mvn(ints(&[0, 0, 0]), three_by_three());
        let q = mvn(ints(&[1, 0, -1]), identity(3));
        assert_close(
            value(DivergenceKind::KullbackLeibler, &p, Some(&q), None),
            1.682_934_737_487_764,
        );
        let wide = mvn(
            ints(&[0, 0]),
            rows(&[
                &[Expr::int(100_000_000), Expr::int(0)],
                &[Expr::int(0), r(1, 100_000_000)],
            ]),
        );
        let standard = mvn(ints(&[0, 0]), identity(2));
        assert_close(
            value(
                DivergenceKind::KullbackLeibler,
                &wide,
                Some(&standard),
                None,
            ),
            49_999_999.000_000_01,
        );
    }

    #[test]
    fn renyi_matches_the_reference_values() {
        let p = mvn(ints(&[0, 0]), identity(2));
        let q = mvn(ints(&[1, 2]), int_rows(&[&[3, 1], &[1, 2]]));
        assert_close(renyi_value(Expr::Infinity, &p, &q), 3.304_718_956_217_050_2);
        // Bhattacharyya = D_{1/2}/2 and Hellinger² = 1 − exp(−D_{1/2}/2).
        let p3 = mvn(ints(&[0, 0, 0]), three_by_three());
        let q3 = mvn(
            ints(&[0, 1, 0]),
            int_rows(&[&[1, 0, 0], &[0, 2, 0], &[0, 0, 1]]),
        );
        assert_close(
            renyi_value(r(1, 2), &p3, &q3) / 2.0,
            0.239_624_004_157_100_77,
        );
        let hellinger = 0.390_736_015_024_122_8_f64;
        let q2 = mvn(ints(&[1, 0]), int_rows(&[&[2, 1], &[1, 2]]));
        assert_close(
            renyi_value(r(1, 2), &p, &q2),
            -2.0 * (1.0 - hellinger * hellinger).ln(),
        );
    }

    #[test]
    fn renyi_with_diagonal_covariances_agrees_with_the_diagonal_normal() {
        let p = mvn(vec![r(1, 2), Expr::int(-1)], int_rows(&[&[2, 0], &[0, 3]]));
        let q = mvn(ints(&[0, 1]), int_rows(&[&[1, 0], &[0, 5]]));
        let p_diagonal = diagonal_normal(vec![r(1, 2), Expr::int(-1)], ints(&[2, 3]));
        let q_diagonal = diagonal_normal(ints(&[0, 1]), ints(&[1, 5]));
        for alpha in [r(1, 3), r(3, 2), Expr::int(2), Expr::int(0), Expr::Infinity] {
            let full = renyi_value(alpha.clone(), &p, &q);
            let diagonal = renyi_value(alpha.clone(), &p_diagonal, &q_diagonal);
            assert!(
                full == diagonal || (full - diagonal).abs() < 1e-13,
                "{alpha:?}: {full} vs {diagonal}"
            );
        }
        // α = 3: 3·1 − 2·2 < 0 in the first coordinate.
        assert!(renyi_value(Expr::int(3), &p, &q).is_infinite());
        assert!(renyi_value(Expr::int(3), &p_diagonal, &q_diagonal).is_infinite());
    }

    #[test]
    fn renyi_infinity_with_a_singular_covariance_gap() {
        // Σ₂ − Σ₁ = diag(1, 0): finite only when the means agree in the second coordinate.
        let p = mvn(ints(&[0, 0]), identity(2));
        let q_along = mvn(ints(&[1, 0]), int_rows(&[&[2, 0], &[0, 1]]));
        let q_across = mvn(ints(&[0, 1]), int_rows(&[&[2, 0], &[0, 1]]));
        assert_close(
            renyi_value(Expr::Infinity, &p, &q_along),
            0.5 * 2f64.ln() + 0.5,
        );
        assert!(renyi_value(Expr::Infinity, &p, &q_across).is_infinite());
        let shrinking = mvn(ints(&[0, 0]), int_rows(&[&[2, 0], &[0, 1]]));
        assert!(is_infinite(&apply(
            DivergenceKind::Renyi,
            &shrinking,
            Some(&p),
            Some(&Expr::Infinity)
        )));
    }

    #[test]
    fn identities_hold() {
        let p = mvn(ints(&[0, 0]), int_rows(&[&[2, 1], &[1, 2]]));
        let q = mvn(vec![Expr::int(1), r(-1, 2)], int_rows(&[&[3, 1], &[1, 4]]));
        check_identities(&p, &q);
        check_identities(&q, &p);
        let p = diagonal_normal(vec![r(1, 2), Expr::int(0)], vec![r(1, 4), Expr::int(2)]);
        let q = diagonal_normal(ints(&[0, 1]), ints(&[1, 3]));
        check_identities(&p, &q);
        check_identities(&q, &p);
    }

    #[test]
    fn entropy_of_mvn_and_diagonal_normal() {
        let p = mvn(ints(&[0, 0]), int_rows(&[&[2, 1], &[1, 2]]));
        let expected = 1.0 + (2.0 * std::f64::consts::PI).ln() + 0.5 * 3f64.ln();
        assert_close(value(DivergenceKind::Entropy, &p, None, None), expected);
        let diagonal = diagonal_normal(ints(&[5, 5, 5]), vec![Expr::int(1), r(1, 4), Expr::int(4)]);
        assert_close(
            value(DivergenceKind::Entropy, &diagonal, None, None),
            1.5 * (1.0 + (2.0 * std::f64::consts::PI).ln()),
        );
    }

    #[test]
    fn diagonal_kl_is_exact_for_the_reference_case() {
        let p = diagonal_normal(
            vec![r(1, 2), r(-1, 2), Expr::int(1)],
            vec![r(1, 4), Expr::int(1), Expr::int(4)],
        );
        let q = diagonal_normal(ints(&[0, 0, 0]), ints(&[1, 1, 1]));
        let result = apply(DivergenceKind::KullbackLeibler, &p, Some(&q), None).unwrap();
        assert_eq!(result, r(15, 8));
    }

    #[test]
    fn diagonal_kl_against_the_standard_normal_with_symbols_is_the_vae_sum() {
        let names = ["m1", "m2", "v1", "v2"];
        let symbol = |name: &str, domain| Expr::symbol(name, domain);
        let p = diagonal_normal(
            vec![symbol("m1", Domain::Real), symbol("m2", Domain::Real)],
            vec![
                symbol("v1", Domain::Positive),
                symbol("v2", Domain::Positive),
            ],
        );
        let q = diagonal_normal(ints(&[0, 0]), ints(&[1, 1]));
        let result = apply(DivergenceKind::KullbackLeibler, &p, Some(&q), None).unwrap();
        let values = [0.5, -2.0, 0.25, 3.0];
        let substituted = names
            .iter()
            .zip(values)
            .fold(result, |e, (name, v)| e.substitute(name, &rational(v)));
        let vae = |m: f64, v: f64| (m * m + v - v.ln() - 1.0) / 2.0;
        assert_close(
            eval_f64(&substituted).unwrap(),
            vae(0.5, 0.25) + vae(-2.0, 3.0),
        );
    }

    #[test]
    fn symbolic_covariance_kl_evaluates_correctly() {
        let a = Expr::symbol("a", Domain::Positive);
        let p = mvn(
            ints(&[0, 0]),
            rows(&[&[a.clone(), Expr::int(1)], &[Expr::int(1), Expr::int(2)]]),
        );
        let q = mvn(ints(&[1, 0]), identity(2));
        let result = apply(DivergenceKind::KullbackLeibler, &p, Some(&q), None).unwrap();
        let at_two = eval_f64(&result.substitute("a", &Expr::int(2))).unwrap();
        assert_close(at_two, (3.0 - 3f64.ln()) / 2.0);
    }

    #[test]
    fn symbolic_renyi_below_order_one_and_undecided_above() {
        let a = Expr::symbol("a", Domain::Positive);
        let p = mvn(
            ints(&[0, 0]),
            rows(&[&[a.clone(), Expr::int(1)], &[Expr::int(1), Expr::int(2)]]),
        );
        let q = mvn(ints(&[1, 0]), identity(2));
        let result = apply(DivergenceKind::Renyi, &p, Some(&q), Some(&r(1, 2))).unwrap();
        let at_two = eval_f64(&result.substitute("a", &Expr::int(2))).unwrap();
        let numeric = mvn(ints(&[0, 0]), int_rows(&[&[2, 1], &[1, 2]]));
        assert_close(at_two, renyi_value(r(1, 2), &numeric, &q));
        let open = apply(DivergenceKind::Renyi, &p, Some(&q), Some(&Expr::int(2)));
        assert!(
            matches!(open, Err(crate::rules::Verdict::Undecided(_))),
            "{open:?}"
        );
    }

    #[test]
    fn different_dimensions_are_not_applicable() {
        let p = mvn(ints(&[0, 0]), identity(2));
        let q = mvn(ints(&[0]), identity(1));
        let result = apply(DivergenceKind::KullbackLeibler, &p, Some(&q), None);
        assert!(matches!(
            result,
            Err(crate::rules::Verdict::NotApplicable(_))
        ));
    }
}
