//! Closed forms for the Wishart distribution Wishart(ν, V) on k×k positive definite matrices.
//!
//! log W(X | ν, V) = ((ν − k − 1)/2) log|X| − ½ tr(V⁻¹X) − G(ν, V), with G(ν, V) = (νk/2) log 2 +
//! (ν/2) log|V| + log Γ_k(ν/2), log Γ_k(a) = (k(k − 1)/4) log π + Σᵢ log Γ(a + (1 − i)/2) and
//! E log|X| = ψ_k(ν/2) + k log 2 + log|V|, ψ_k(a) = Σᵢ ψ(a + (1 − i)/2), E X = νV. The family is exponential
//! with natural parameters (−½V⁻¹, (ν − k − 1)/2) and log-normaliser G, which gives the Rényi divergence.
//!
//! The matrix algebra is exact over rationals (a private helper: determinant, inverse and definiteness by
//! symmetric elimination); a scale matrix with symbolic entries is left to the caller with `NotApplicable`.

use std::cmp::Ordering;

use num_traits::{One, Signed, Zero};

use crate::divergence::DivergenceKind;
use crate::exact::Rational;
use crate::family::FamilyKind;
use crate::sym::{digamma, lgamma, log, pi, sum, Expr};

use super::blocks::{
    compare, from_normalisers, infinite, interpolate, lgamma_difference, log_ratio, not_applicable,
    order_of, require_mixture_positive, Order,
};
use super::{Query, Rule, RuleResult, Verdict};

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Wishart,
        q: Some(FamilyKind::Wishart),
        formula: kl,
        reference: "Penny, KL-divergences of Normal, Gamma, Dirichlet and Wishart densities (UCL 2001), \
                    Wishart case; Gupta & Nagar, Matrix Variate Distributions (2000), ch. 3 (E log|X|)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Wishart,
        q: Some(FamilyKind::Wishart),
        formula: renyi,
        reference: "Nielsen & Nock, arXiv:1105.3259 (2011), Renyi divergence of exponential families from the \
                    Wishart log-normaliser; D_inf by maximising log p/q over positive definite X",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Wishart,
        q: None,
        formula: entropy,
        reference: "Bishop, Pattern Recognition and Machine Learning (2006), eq. (B.82); Gupta & Nagar, \
                    Matrix Variate Distributions (2000), ch. 3",
    },
];

type Matrix = Vec<Vec<Rational>>;

/// The scale matrix as rationals, or `NotApplicable`.
fn rational_matrix(rows: &[Vec<Expr>]) -> Result<Matrix, Verdict> {
    rows.iter()
        .map(|row| {
            row.iter()
                .map(|entry| entry.as_rational().cloned())
                .collect()
        })
        .collect::<Option<Matrix>>()
        .ok_or_else(|| {
            Verdict::NotApplicable(
                "the Wishart rules need a scale matrix with rational entries".into(),
            )
        })
}

/// The determinant by Gaussian elimination with exact pivoting.
fn determinant(matrix: &Matrix) -> Rational {
    let mut work = matrix.clone();
    let size = work.len();
    let mut result = Rational::one();
    for column in 0..size {
        let Some(pivot) = (column..size).find(|&row| !work[row][column].is_zero()) else {
            return Rational::zero();
        };
        if pivot != column {
            work.swap(pivot, column);
            result = -result;
        }
        let pivot_row = work[column].clone();
        result *= &pivot_row[column];
        for row in work.iter_mut().skip(column + 1) {
            let factor = &row[column] / &pivot_row[column];
            subtract_multiple(&mut row[column..], &pivot_row[column..], &factor);
        }
    }
    result
}

/// target −= factor · source, entry by entry.
fn subtract_multiple(target: &mut [Rational], source: &[Rational], factor: &Rational) {
    for (value, from) in target.iter_mut().zip(source) {
        *value -= factor * from;
    }
}

/// The inverse by Gauss–Jordan elimination; `None` for a singular matrix.
fn inverse(matrix: &Matrix) -> Option<Matrix> {
    let size = matrix.len();
    let mut work: Matrix = matrix
        .iter()
        .enumerate()
        .map(|(row, values)| {
            let mut extended = values.clone();
            extended.extend((0..size).map(|column| {
                if column == row {
                    Rational::one()
                } else {
                    Rational::zero()
                }
            }));
            extended
        })
        .collect();
    for column in 0..size {
        let pivot = (column..size).find(|&row| !work[row][column].is_zero())?;
        work.swap(pivot, column);
        let head = work[column][column].clone();
        work[column].iter_mut().for_each(|value| *value /= &head);
        let pivot_row = work[column].clone();
        for (index, row) in work.iter_mut().enumerate() {
            if index != column && !row[column].is_zero() {
                let factor = row[column].clone();
                subtract_multiple(row, &pivot_row, &factor);
            }
        }
    }
    Some(work.into_iter().map(|row| row[size..].to_vec()).collect())
}

/// tr(AB).
fn trace_of_product(a: &Matrix, b: &Matrix) -> Rational {
    let size = a.len();
    (0..size)
        .flat_map(|i| (0..size).map(move |j| (i, j)))
        .fold(Rational::zero(), |total, (i, j)| {
            total + &a[i][j] * &b[j][i]
        })
}

/// s·A + t·B.
fn combine(s: &Rational, a: &Matrix, t: &Rational, b: &Matrix) -> Matrix {
    a.iter()
        .zip(b)
        .map(|(x, y)| x.iter().zip(y).map(|(u, v)| s * u + t * v).collect())
        .collect()
}

/// Where a symmetric matrix stands with respect to zero.
#[derive(Debug, PartialEq)]
enum Definiteness {
    PositiveDefinite,
    SingularSemidefinite,
    Indefinite,
}

/// Symmetric elimination on positive diagonal pivots: positive definite when every step finds one,
/// semidefinite when what is left is zero, indefinite on a negative diagonal or a zero diagonal with a
/// nonzero row.
fn definiteness(matrix: &Matrix) -> Definiteness {
    let mut work = matrix.clone();
    let mut remaining: Vec<usize> = (0..work.len()).collect();
    while !remaining.is_empty() {
        if remaining.iter().any(|&i| work[i][i].is_negative()) {
            return Definiteness::Indefinite;
        }
        let Some(position) = remaining.iter().position(|&i| work[i][i].is_positive()) else {
            let zero = remaining
                .iter()
                .all(|&i| remaining.iter().all(|&j| work[i][j].is_zero()));
            return if zero {
                Definiteness::SingularSemidefinite
            } else {
                Definiteness::Indefinite
            };
        };
        let pivot = remaining.remove(position);
        let head = work[pivot][pivot].clone();
        for &i in &remaining {
            let factor = &work[i][pivot] / &head;
            for &j in &remaining {
                let delta = &factor * &work[pivot][j];
                work[i][j] -= delta;
            }
        }
    }
    Definiteness::PositiveDefinite
}

/// One member: ν, V, V⁻¹ and log|V|'s argument |V|.
struct Member {
    df: Expr,
    scale: Matrix,
    precision: Matrix,
    determinant: Rational,
}

fn member(family: &crate::family::Family) -> Result<Member, Verdict> {
    let scale = rational_matrix(family.matrix(1))?;
    let precision = inverse(&scale)
        .ok_or_else(|| Verdict::NotApplicable("a singular Wishart scale matrix".into()))?;
    Ok(Member {
        df: family.scalar(0).clone(),
        determinant: determinant(&scale),
        scale,
        precision,
    })
}

/// Both members, checked to have one dimension.
fn members(query: &Query<'_>) -> Result<(Member, Member), Verdict> {
    let (p, q) = (member(query.p)?, member(query.q())?);
    if p.scale.len() != q.scale.len() {
        return Err(Verdict::NotApplicable(
            "Wishart distributions of different dimensions".into(),
        ));
    }
    Ok((p, q))
}

/// The shifts (1 − i)/2, i = 1…k, of the multivariate gamma and digamma functions.
fn shifts(dimension: usize) -> impl Iterator<Item = Expr> {
    (0..dimension as i64).map(|i| Expr::ratio(-i, 2))
}

/// log Γ_k(a) − log Γ_k(b) (the π terms cancel).
fn multivariate_lgamma_difference(a: &Expr, b: &Expr, dimension: usize) -> Expr {
    sum(shifts(dimension)
        .map(|shift| lgamma_difference(&(a.clone() + shift.clone()), &(b.clone() + shift))))
}

/// ψ_k(a).
fn multivariate_digamma(a: &Expr, dimension: usize) -> Expr {
    sum(shifts(dimension).map(|shift| digamma(a.clone() + shift)))
}

fn number(value: Rational) -> Expr {
    Expr::number(value)
}

/// KL(Wishart(ν₁, V₁) ‖ Wishart(ν₂, V₂)).
///
/// # Formula
///
/// ```text
/// KL = ((ν₁ − ν₂)/2) ψ_k(ν₁/2) + (ν₂/2)(log|V₂| − log|V₁|) + (ν₁/2)(tr(V₂⁻¹V₁) − k)
///      + log Γ_k(ν₂/2) − log Γ_k(ν₁/2)
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    let (p, q) = members(query)?;
    let k = p.scale.len();
    let (h1, h2) = (p.df.clone() / 2, q.df.clone() / 2);
    let shape = (h1.clone() - h2.clone()) * multivariate_digamma(&h1, k);
    let trace = trace_of_product(&q.precision, &p.scale) - Rational::from_integer(k.into());
    Ok(shape
        + h2.clone() * log_ratio(&number(q.determinant), &number(p.determinant))
        + h1.clone() * number(trace)
        + multivariate_lgamma_difference(&h2, &h1, k))
}

/// G(ν, V) without the (νk/2) log 2 and π terms, which cancel in every Rényi divergence:
/// (ν/2) log|V| + Σᵢ log Γ(ν/2 + (1 − i)/2), given |V|.
fn reduced_normaliser(df: &Expr, determinant: &Rational, dimension: usize) -> Expr {
    let half = df.clone() / 2;
    half.clone() * log(number(determinant.clone()))
        + sum(shifts(dimension).map(|shift| lgamma(half.clone() + shift)))
}

/// The Rényi divergence of order α between Wishart distributions, with the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// ν_α = α ν₁ + (1 − α) ν₂,  V_α⁻¹ = α V₁⁻¹ + (1 − α) V₂⁻¹
/// g(ν, V) = (ν/2) log|V| + log Γ_k(ν/2)
/// D_α = g(ν₂, V₂) − g(ν₁, V₁) + (g(ν_α, V_α) − g(ν₁, V₁)) / (α − 1)
///       finite iff V_α⁻¹ ≻ 0 and ν_α > k − 1 (rational α only)
/// D_∞, with D = V₁⁻¹ − V₂⁻¹, c = ν₁ − ν₂ and G(ν, V) = (νk/2) log 2 + g(ν, V):
///       c = 0 and D ⪰ 0: (ν/2)(log|V₂| − log|V₁|);
///       c > 0 and D ≻ 0: G(ν₂, V₂) − G(ν₁, V₁) + (c/2)(k log c − log|D| − k);   +∞ otherwise
/// D_0 = 0
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    let (p, q) = members(query)?;
    let k = p.scale.len();
    let alpha = match order_of(query) {
        Order::One => return kl(query),
        Order::Zero => return Ok(Expr::int(0)),
        Order::Infinity => return renyi_infinity(&p, &q),
        Order::Finite(alpha) => alpha,
    };
    let Some(weight) = alpha.as_rational() else {
        return not_applicable("the Wishart Rényi rule needs a rational order");
    };
    let mixed_precision = combine(
        weight,
        &p.precision,
        &(Rational::one() - weight),
        &q.precision,
    );
    if definiteness(&mixed_precision) != Definiteness::PositiveDefinite {
        return infinite("the Rényi integral diverges at this order: α V₁⁻¹ + (1 − α) V₂⁻¹ is not positive definite");
    }
    let mixed_df = interpolate(&alpha, &p.df, &q.df);
    require_mixture_positive(
        &alpha,
        &(mixed_df.clone() - (k as i64 - 1)),
        "α·ν₁ + (1 − α)·ν₂ > k − 1",
        "the Rényi integral diverges at this order: α·ν₁ + (1 − α)·ν₂ ≤ k − 1",
    )?;
    let mixed_determinant = determinant(&mixed_precision).recip();
    let first = reduced_normaliser(&p.df, &p.determinant, k);
    let second = reduced_normaliser(&q.df, &q.determinant, k);
    let mixed = reduced_normaliser(&mixed_df, &mixed_determinant, k);
    Ok(from_normalisers(first, second, mixed, &alpha))
}

/// D_∞ = log sup p/q: log p/q = (c/2) log|X| − ½ tr(DX) + G₂ − G₁ with c = ν₁ − ν₂, D = V₁⁻¹ − V₂⁻¹.
fn renyi_infinity(p: &Member, q: &Member) -> RuleResult {
    let k = p.scale.len();
    let gap = combine(
        &Rational::one(),
        &p.precision,
        &-Rational::one(),
        &q.precision,
    );
    let shape = definiteness(&gap);
    match compare(&p.df, &q.df, "ν₁ ≥ ν₂")? {
        Ordering::Equal if shape != Definiteness::Indefinite => {
            Ok(p.df.clone() / 2 * log_ratio(&number(q.determinant.clone()), &number(p.determinant.clone())))
        }
        Ordering::Greater if shape == Definiteness::PositiveDefinite => {
            let c = p.df.clone() - q.df.clone();
            let dimension = Expr::int(k as i64);
            let normalisers = (q.df.clone() - p.df.clone()) * dimension.clone() / 2 * log(Expr::int(2))
                + (q.df.clone() / 2) * log(number(q.determinant.clone()))
                - (p.df.clone() / 2) * log(number(p.determinant.clone()))
                + multivariate_lgamma_difference(&(q.df.clone() / 2), &(p.df.clone() / 2), k);
            let peak = c.clone() / 2
                * (dimension.clone() * log(c) - log(number(determinant(&gap))) - dimension);
            Ok(normalisers + peak)
        }
        _ => infinite(
            "p/q is unbounded: D_inf is finite only for ν₁ = ν₂ with V₁ ⪯ V₂, or ν₁ > ν₂ with V₁⁻¹ − V₂⁻¹ ≻ 0",
        ),
    }
}

/// The differential entropy of Wishart(ν, V).
///
/// # Formula
///
/// ```text
/// H = ((k + 1)/2) log|V| + (k(k + 1)/2) log 2 + log Γ_k(ν/2) − ((ν − k − 1)/2) ψ_k(ν/2) + νk/2
/// ```
fn entropy(query: &Query<'_>) -> RuleResult {
    let p = member(query.p)?;
    let k = p.scale.len() as i64;
    let half = p.df.clone() / 2;
    let multivariate_lgamma = Expr::ratio(k * (k - 1), 4) * log(pi())
        + sum(shifts(p.scale.len()).map(|shift| lgamma(half.clone() + shift)));
    Ok(Expr::ratio(k + 1, 2) * log(number(p.determinant))
        + Expr::ratio(k * (k + 1), 2) * log(Expr::int(2))
        + multivariate_lgamma
        - (p.df.clone() - (k + 1)) / 2 * multivariate_digamma(&half, p.scale.len())
        + p.df * k / 2)
}

#[cfg(test)]
#[path = "wishart_tests.rs"]
mod tests;
