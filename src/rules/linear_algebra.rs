//! Exact linear algebra on matrices of expressions, for the multivariate normal rules.
//!
//! When every entry is rational the work is done in exact `Rational` arithmetic (Gaussian elimination), which
//! is fast and gives rational results that fold into the rule's formula. Otherwise determinants are expanded
//! by cofactors and inverses built from the adjugate: no pivot has to be decided nonzero, so the result is
//! valid for every value of the symbols. The expansion grows factorially, so symbolic matrices are limited to
//! [`MAX_SYMBOLIC_DIMENSION`] rows.

use std::cmp::Ordering;

use num_traits::{One, Signed, Zero};

use crate::exact::Rational;
use crate::sym::{sum, Expr};

use super::common::{compare, sign};
use super::Verdict;

/// A matrix as a list of rows.
pub type Matrix = Vec<Vec<Expr>>;

/// The largest dimension of a matrix with non-rational entries that the cofactor expansion accepts.
pub const MAX_SYMBOLIC_DIMENSION: usize = 4;

/// How a symmetric matrix relates to zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Definiteness {
    /// Every eigenvalue is > 0.
    PositiveDefinite,
    /// Every eigenvalue is ≥ 0 and at least one is 0.
    PositiveSemidefiniteSingular,
    /// Some eigenvalue is < 0.
    Indefinite,
}

/// The entries as rationals, when every one is rational.
pub fn rational_matrix(matrix: &[Vec<Expr>]) -> Option<Vec<Vec<Rational>>> {
    matrix.iter().map(|row| rational_vector(row)).collect()
}

/// The entries as rationals, when every one is rational.
pub fn rational_vector(vector: &[Expr]) -> Option<Vec<Rational>> {
    vector
        .iter()
        .map(|entry| entry.as_rational().cloned())
        .collect()
}

fn to_expressions(matrix: Vec<Vec<Rational>>) -> Matrix {
    matrix
        .into_iter()
        .map(|row| row.into_iter().map(Expr::number).collect())
        .collect()
}

fn symbolic_limit(matrix: &[Vec<Expr>]) -> Result<(), Verdict> {
    if matrix.len() > MAX_SYMBOLIC_DIMENSION {
        return Err(Verdict::NotApplicable(format!(
            "covariance matrices with non-rational entries are supported up to {MAX_SYMBOLIC_DIMENSION}×\
             {MAX_SYMBOLIC_DIMENSION}"
        )));
    }
    Ok(())
}

/// det M.
pub fn determinant(matrix: &[Vec<Expr>]) -> Result<Expr, Verdict> {
    if let Some(rational) = rational_matrix(matrix) {
        return Ok(Expr::number(rational_determinant(rational)));
    }
    symbolic_limit(matrix)?;
    Ok(cofactor_determinant(matrix))
}

/// M⁻¹, or `NotApplicable` for a (rational) singular matrix.
pub fn inverse(matrix: &[Vec<Expr>]) -> Result<Matrix, Verdict> {
    if let Some(rational) = rational_matrix(matrix) {
        return rational_inverse(rational)
            .map(to_expressions)
            .ok_or_else(|| Verdict::NotApplicable("the matrix is singular".into()));
    }
    symbolic_limit(matrix)?;
    let size = matrix.len();
    let det = cofactor_determinant(matrix);
    if det.is_zero() {
        return Err(Verdict::NotApplicable("the matrix is singular".into()));
    }
    // (M⁻¹)ᵢⱼ = Cⱼᵢ / det M, with Cⱼᵢ the cofactor of entry (j, i).
    Ok((0..size)
        .map(|i| {
            (0..size)
                .map(|j| {
                    let cofactor = cofactor_determinant(&minor(matrix, j, i));
                    let signed = if (i + j) % 2 == 0 {
                        cofactor
                    } else {
                        -cofactor
                    };
                    signed / det.clone()
                })
                .collect()
        })
        .collect())
}

/// tr(A B).
pub fn trace_of_product(a: &[Vec<Expr>], b: &[Vec<Expr>]) -> Expr {
    sum((0..a.len()).flat_map(|i| (0..a.len()).map(move |j| a[i][j].clone() * b[j][i].clone())))
}

/// vᵀ M v.
pub fn quadratic_form(vector: &[Expr], matrix: &[Vec<Expr>]) -> Expr {
    sum((0..vector.len()).flat_map(|i| {
        (0..vector.len()).map(move |j| vector[i].clone() * matrix[i][j].clone() * vector[j].clone())
    }))
}

/// s·A + t·B, entry by entry; an entry where A and B agree is that entry (so that s + t = 1 keeps it exact).
pub fn interpolate(s: &Expr, a: &[Vec<Expr>], t: &Expr, b: &[Vec<Expr>]) -> Matrix {
    a.iter()
        .zip(b)
        .map(|(row_a, row_b)| {
            row_a
                .iter()
                .zip(row_b)
                .map(|(x, y)| {
                    if x == y {
                        x.clone()
                    } else {
                        s.clone() * x.clone() + t.clone() * y.clone()
                    }
                })
                .collect()
        })
        .collect()
}

/// A − B.
pub fn difference(a: &[Vec<Expr>], b: &[Vec<Expr>]) -> Matrix {
    a.iter()
        .zip(b)
        .map(|(row_a, row_b)| {
            row_a
                .iter()
                .zip(row_b)
                .map(|(x, y)| x.clone() - y.clone())
                .collect()
        })
        .collect()
}

/// Whether two matrices are equal, when decided.
pub fn equal(a: &[Vec<Expr>], b: &[Vec<Expr>]) -> Option<bool> {
    let mut all_equal = true;
    for (row_a, row_b) in a.iter().zip(b) {
        for (x, y) in row_a.iter().zip(row_b) {
            match compare(x, y) {
                Some(Ordering::Equal) => {}
                Some(_) => return Some(false),
                None => all_equal = false,
            }
        }
    }
    all_equal.then_some(true)
}

/// The definiteness of a symmetric matrix: exact symmetric elimination for rationals, Sylvester's criterion
/// (leading principal minors) otherwise, `Undecided` when symbols leave it open.
pub fn definiteness(matrix: &[Vec<Expr>], what: &str) -> Result<Definiteness, Verdict> {
    if let Some(rational) = rational_matrix(matrix) {
        return Ok(rational_definiteness(rational));
    }
    symbolic_limit(matrix)?;
    for size in 1..=matrix.len() {
        let leading: Matrix = matrix[..size]
            .iter()
            .map(|row| row[..size].to_vec())
            .collect();
        match sign(&cofactor_determinant(&leading)) {
            Some(Ordering::Greater) => {}
            // A principal minor of a positive semidefinite matrix is ≥ 0.
            Some(Ordering::Less) => return Ok(Definiteness::Indefinite),
            _ => {
                return Err(super::common::undecided(&format!(
                    "{what} is positive definite"
                )))
            }
        }
    }
    Ok(Definiteness::PositiveDefinite)
}

/// vᵀ M⁺ v for a positive semidefinite rational M and v in its range (any solution y of M y = v gives
/// vᵀ y); `None` when v is outside the range.
pub fn range_quadratic_form(matrix: &[Vec<Rational>], vector: &[Rational]) -> Option<Rational> {
    let solution = solve_consistent(matrix.to_vec(), vector.to_vec())?;
    Some(vector.iter().zip(&solution).map(|(v, y)| v * y).sum())
}

fn minor(matrix: &[Vec<Expr>], skip_row: usize, skip_column: usize) -> Matrix {
    matrix
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != skip_row)
        .map(|(_, row)| {
            row.iter()
                .enumerate()
                .filter(|(j, _)| *j != skip_column)
                .map(|(_, e)| e.clone())
                .collect()
        })
        .collect()
}

fn cofactor_determinant(matrix: &[Vec<Expr>]) -> Expr {
    match matrix.len() {
        0 => Expr::int(1),
        1 => matrix[0][0].clone(),
        2 => {
            matrix[0][0].clone() * matrix[1][1].clone()
                - matrix[0][1].clone() * matrix[1][0].clone()
        }
        _ => sum(matrix[0]
            .iter()
            .enumerate()
            .filter(|(_, entry)| !entry.is_zero())
            .map(|(j, entry)| {
                let term = entry.clone() * cofactor_determinant(&minor(matrix, 0, j));
                if j % 2 == 0 {
                    term
                } else {
                    -term
                }
            })),
    }
}

/// target[k] −= factor · source[k] for k ≥ start.
fn subtract_multiple(
    target: &mut [Rational],
    source: &[Rational],
    factor: &Rational,
    start: usize,
) {
    for (entry, value) in target.iter_mut().zip(source).skip(start) {
        *entry -= factor * value;
    }
}

/// Row index of a nonzero entry in `column` at or below `start`.
fn pivot_row(matrix: &[Vec<Rational>], column: usize, start: usize) -> Option<usize> {
    (start..matrix.len()).find(|&row| !matrix[row][column].is_zero())
}

fn rational_determinant(mut matrix: Vec<Vec<Rational>>) -> Rational {
    let size = matrix.len();
    let mut det = Rational::one();
    for column in 0..size {
        let Some(pivot) = pivot_row(&matrix, column, column) else {
            return Rational::zero();
        };
        if pivot != column {
            matrix.swap(pivot, column);
            det = -det;
        }
        let pivot_value = matrix[column][column].clone();
        det *= &pivot_value;
        for row in column + 1..size {
            let factor = &matrix[row][column] / &pivot_value;
            if factor.is_zero() {
                continue;
            }
            let source = matrix[column].clone();
            subtract_multiple(&mut matrix[row], &source, &factor, column);
        }
    }
    det
}

fn rational_inverse(mut matrix: Vec<Vec<Rational>>) -> Option<Vec<Vec<Rational>>> {
    let size = matrix.len();
    let mut inverse: Vec<Vec<Rational>> = (0..size)
        .map(|i| {
            (0..size)
                .map(|j| {
                    if i == j {
                        Rational::one()
                    } else {
                        Rational::zero()
                    }
                })
                .collect()
        })
        .collect();
    for column in 0..size {
        let pivot = pivot_row(&matrix, column, column)?;
        matrix.swap(pivot, column);
        inverse.swap(pivot, column);
        let pivot_value = matrix[column][column].clone();
        for k in 0..size {
            matrix[column][k] /= &pivot_value;
            inverse[column][k] /= &pivot_value;
        }
        for row in 0..size {
            if row == column || matrix[row][column].is_zero() {
                continue;
            }
            let factor = matrix[row][column].clone();
            for k in 0..size {
                let delta = &factor * &matrix[column][k];
                matrix[row][k] -= delta;
                let delta = &factor * &inverse[column][k];
                inverse[row][k] -= delta;
            }
        }
    }
    Some(inverse)
}

/// Symmetric Gaussian elimination: a negative pivot, or a zero pivot with a nonzero entry in its row, shows an
/// indefinite matrix (the 2×2 principal minor [[0, b], [b, c]] has determinant −b² < 0); a Schur complement
/// of a positive semidefinite matrix is positive semidefinite.
fn rational_definiteness(mut matrix: Vec<Vec<Rational>>) -> Definiteness {
    let size = matrix.len();
    let mut singular = false;
    for k in 0..size {
        let pivot = matrix[k][k].clone();
        if pivot.is_negative() {
            return Definiteness::Indefinite;
        }
        if pivot.is_zero() {
            if (k + 1..size).any(|j| !matrix[k][j].is_zero() || !matrix[j][k].is_zero()) {
                return Definiteness::Indefinite;
            }
            singular = true;
            continue;
        }
        for i in k + 1..size {
            let factor = &matrix[i][k] / &pivot;
            if factor.is_zero() {
                continue;
            }
            let source = matrix[k].clone();
            subtract_multiple(&mut matrix[i], &source, &factor, k + 1);
        }
    }
    if singular {
        Definiteness::PositiveSemidefiniteSingular
    } else {
        Definiteness::PositiveDefinite
    }
}

/// One solution of M y = v by Gauss–Jordan elimination (free variables set to 0), or `None` when the system
/// is inconsistent.
fn solve_consistent(
    mut matrix: Vec<Vec<Rational>>,
    mut vector: Vec<Rational>,
) -> Option<Vec<Rational>> {
    let rows = matrix.len();
    let columns = matrix.first().map_or(0, Vec::len);
    let mut pivots = Vec::new();
    let mut row = 0;
    for column in 0..columns {
        let Some(pivot) = pivot_row(&matrix, column, row) else {
            continue;
        };
        matrix.swap(pivot, row);
        vector.swap(pivot, row);
        let pivot_value = matrix[row][column].clone();
        for entry in matrix[row].iter_mut() {
            *entry /= &pivot_value;
        }
        vector[row] /= &pivot_value;
        let source = matrix[row].clone();
        for other in 0..rows {
            if other == row || matrix[other][column].is_zero() {
                continue;
            }
            let factor = matrix[other][column].clone();
            subtract_multiple(&mut matrix[other], &source, &factor, 0);
            let delta = &factor * &vector[row];
            vector[other] -= delta;
        }
        pivots.push(column);
        row += 1;
        if row == rows {
            break;
        }
    }
    if vector[row..].iter().any(|v| !v.is_zero()) {
        return None;
    }
    let mut solution = vec![Rational::zero(); columns];
    for (index, &column) in pivots.iter().enumerate() {
        solution[column] = vector[index].clone();
    }
    Some(solution)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::{ints, r};
    use crate::sym::Domain;

    fn matrix(rows: &[&[i64]]) -> Matrix {
        rows.iter().map(|row| ints(row)).collect()
    }

    #[test]
    fn rational_determinant_and_inverse() {
        let m = matrix(&[&[2, 1, 0], &[1, 3, 1], &[0, 1, 4]]);
        assert_eq!(determinant(&m).unwrap(), Expr::int(18));
        let inverse = inverse(&m).unwrap();
        // M⁻¹[0][0] = (3·4 − 1)/18 = 11/18; M⁻¹[0][2] = 1/18.
        assert_eq!(inverse[0][0], r(11, 18));
        assert_eq!(inverse[0][2], r(1, 18));
        assert_eq!(trace_of_product(&inverse, &m), Expr::int(3));
    }

    #[test]
    fn determinant_needs_a_row_swap() {
        let m = matrix(&[&[0, 1], &[1, 0]]);
        assert_eq!(determinant(&m).unwrap(), Expr::int(-1));
        assert_eq!(inverse(&m).unwrap(), m);
    }

    #[test]
    fn singular_rational_matrix_has_no_inverse() {
        assert!(inverse(&matrix(&[&[1, 2], &[2, 4]])).is_err());
    }

    #[test]
    fn symbolic_determinant_and_inverse_agree_with_rational_values() {
        let a = Expr::symbol("a", Domain::Positive);
        let m: Matrix = vec![
            vec![a.clone(), Expr::int(1)],
            vec![Expr::int(1), Expr::int(2)],
        ];
        let det = determinant(&m).unwrap();
        let inverse = inverse(&m).unwrap();
        let at = |e: &Expr| crate::sym::float::eval_f64(&e.substitute("a", &Expr::int(3))).unwrap();
        assert!((at(&det) - 5.0).abs() < 1e-15);
        assert!((at(&inverse[0][0]) - 0.4).abs() < 1e-15);
        assert!((at(&inverse[0][1]) + 0.2).abs() < 1e-15);
        assert!((at(&inverse[1][1]) - 0.6).abs() < 1e-15);
    }

    #[test]
    fn symbolic_three_by_three_determinant() {
        let x = Expr::symbol("x", Domain::Real);
        let m: Matrix = vec![
            vec![x.clone(), Expr::int(1), Expr::int(2)],
            vec![Expr::int(0), Expr::int(3), x.clone()],
            vec![Expr::int(1), Expr::int(0), Expr::int(1)],
        ];
        // det = x(3 − 0) − 1(0 − x) + 2(0 − 3) = 4x − 6.
        let det = determinant(&m).unwrap().substitute("x", &Expr::int(5));
        assert!((crate::sym::float::eval_f64(&det).unwrap() - 14.0).abs() < 1e-14);
    }

    #[test]
    fn definiteness_of_rational_matrices() {
        assert_eq!(
            definiteness(&matrix(&[&[2, 1], &[1, 2]]), "M").unwrap(),
            Definiteness::PositiveDefinite
        );
        assert_eq!(
            definiteness(&matrix(&[&[1, 1], &[1, 1]]), "M").unwrap(),
            Definiteness::PositiveSemidefiniteSingular
        );
        assert_eq!(
            definiteness(&matrix(&[&[1, 2], &[2, 1]]), "M").unwrap(),
            Definiteness::Indefinite
        );
        assert_eq!(
            definiteness(&matrix(&[&[0, 1], &[1, 3]]), "M").unwrap(),
            Definiteness::Indefinite
        );
        assert_eq!(
            definiteness(&matrix(&[&[0, 0], &[0, 3]]), "M").unwrap(),
            Definiteness::PositiveSemidefiniteSingular
        );
    }

    #[test]
    fn quadratic_form_on_the_range_of_a_singular_matrix() {
        let m = rational_matrix(&matrix(&[&[1, 1], &[1, 1]])).unwrap();
        let inside = rational_vector(&ints(&[2, 2])).unwrap();
        let outside = rational_vector(&ints(&[1, 0])).unwrap();
        // M y = (2, 2) has y = (2, 0): vᵀy = 4 (= vᵀM⁺v with M⁺ = M/4).
        assert_eq!(
            range_quadratic_form(&m, &inside),
            Some(crate::exact::integer(4))
        );
        assert_eq!(range_quadratic_form(&m, &outside), None);
    }

    #[test]
    fn quadratic_form_and_interpolation() {
        let m = matrix(&[&[2, 1], &[1, 2]]);
        assert_eq!(quadratic_form(&ints(&[1, -1]), &m), Expr::int(2));
        let mixed = interpolate(&r(1, 3), &m, &r(2, 3), &matrix(&[&[2, 0], &[0, 5]]));
        assert_eq!(
            mixed,
            vec![vec![Expr::int(2), r(1, 3)], vec![r(1, 3), Expr::int(4)]]
        );
    }
}
