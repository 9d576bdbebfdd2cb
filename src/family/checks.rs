//! Checks shared by several families: exact comparisons, sizes, probability vectors and positive definiteness.
//!
//! Every check decides rational values exactly. A value with symbols is accepted: the symbol then carries the
//! constraint as its assumption. A constant irrational expression (`sqrt(2)`) is decided by
//! [`Constraint::holds`], which evaluates its sign with certified bounds.

use super::{Constraint, Param, ParamError};
use crate::sym::Expr;

/// Shows a value as an error message quotes it: a rational as `-1` or `9/10`, anything else as printed.
pub fn show(value: &Expr) -> String {
    match value.as_rational() {
        Some(rational) => rational.to_string(),
        None => value.to_string(),
    }
}

/// Shows a list `[a, b, …]`.
pub fn show_vector(values: &[Expr]) -> String {
    let items: Vec<String> = values.iter().map(show).collect();
    format!("[{}]", items.join(", "))
}

/// Shows a matrix `[[a, b], [c, d]]`.
pub fn show_matrix(rows: &[Vec<Expr>]) -> String {
    let items: Vec<String> = rows.iter().map(|row| show_vector(row)).collect();
    format!("[{}]", items.join(", "))
}

/// Shows any parameter value.
pub fn show_param(param: &Param) -> String {
    match param {
        Param::Scalar(value) => show(value),
        Param::Vector(values) => show_vector(values),
        Param::Matrix(rows) => show_matrix(rows),
    }
}

/// Whether `value > 0` is known to fail. Symbols and undecidable constants pass.
fn fails_positive(value: &Expr) -> bool {
    Constraint::Positive.holds(value) == Some(false)
}

/// Checks `lower < upper`, blaming the upper bound (parameter `index`).
pub fn less_than(
    lower: &Expr,
    upper: &Expr,
    meaning: &str,
    index: usize,
) -> Result<(), ParamError> {
    if fails_positive(&(upper.clone() - lower.clone())) {
        let rule = format!("must be greater than the lower bound {}", show(lower));
        return Err(ParamError::new(meaning, &rule, show(upper), Some(index)));
    }
    Ok(())
}

/// Checks `value <= 1` for a probability whose positivity the constraint has already checked.
pub fn at_most_one(value: &Expr, meaning: &str, index: usize) -> Result<(), ParamError> {
    if Constraint::NonNegative.holds(&(Expr::int(1) - value.clone())) == Some(false) {
        return Err(ParamError::new(
            meaning,
            "must be <= 1",
            show(value),
            Some(index),
        ));
    }
    Ok(())
}

/// Checks that a vector has at least `minimum` elements.
pub fn min_length(
    values: &[Expr],
    minimum: usize,
    meaning: &str,
    index: usize,
) -> Result<(), ParamError> {
    if values.len() < minimum {
        let rule = format!("must have at least {minimum} elements");
        return Err(ParamError::new(
            meaning,
            &rule,
            show_vector(values),
            Some(index),
        ));
    }
    Ok(())
}

/// Checks that probabilities (each already in [0, 1]) sum to exactly one.
pub fn probability_vector(values: &[Expr], meaning: &str, index: usize) -> Result<(), ParamError> {
    let total = crate::sym::sum(values.iter().cloned());
    let decided_unequal = match total.as_rational() {
        Some(rational) => *rational != crate::exact::integer(1),
        None if total.has_symbols() => false,
        // A constant irrational sum: unequal only when certified evaluation separates it from 1.
        None => matches!(
            crate::numeric::compare(&total, &Expr::int(1)),
            Some(std::cmp::Ordering::Less | std::cmp::Ordering::Greater)
        ),
    };
    if decided_unequal {
        return Err(ParamError::new(
            meaning,
            "must sum to 1",
            show(&total),
            Some(index),
        ));
    }
    Ok(())
}

/// Whether two entries are known to differ (rationals exactly, constants by certified comparison).
fn known_different(a: &Expr, b: &Expr) -> bool {
    if a == b {
        return false;
    }
    match (a.as_rational(), b.as_rational()) {
        (Some(x), Some(y)) => x != y,
        _ if a.has_symbols() || b.has_symbols() => false,
        _ => matches!(
            crate::numeric::compare(a, b),
            Some(std::cmp::Ordering::Less | std::cmp::Ordering::Greater)
        ),
    }
}

/// Checks that a matrix is square of size `size` (`None`: any size), symmetric and positive definite.
///
/// Positive definiteness is decided by the pivots of the LDLᵀ factorisation, which are positive exactly when
/// every leading principal minor is (Sylvester's criterion). With rational entries the pivots are rationals,
/// computed exactly. A pivot with symbols stops the check: the matrix is then assumed positive definite.
pub fn positive_definite(
    rows: &[Vec<Expr>],
    size: Option<usize>,
    meaning: &str,
    index: usize,
) -> Result<(), ParamError> {
    let k = rows.len();
    let fail = |rule: &str| {
        Err(ParamError::new(
            meaning,
            rule,
            show_matrix(rows),
            Some(index),
        ))
    };
    if rows.iter().any(|row| row.len() != k) {
        return fail("must be a square matrix");
    }
    if let Some(expected) = size {
        if k != expected {
            return fail(&format!("must be {expected}x{expected}"));
        }
    }
    let asymmetric = (0..k).any(|i| (0..i).any(|j| known_different(&rows[i][j], &rows[j][i])));
    if asymmetric {
        return fail("must be symmetric");
    }
    // LDLᵀ: lower[i][j] = (a[i][j] − Σ_{m<j} lower[i][m] lower[j][m] pivot[m]) / pivot[j].
    let mut pivots: Vec<Expr> = Vec::with_capacity(k);
    let mut lower: Vec<Vec<Expr>> = Vec::with_capacity(k);
    for (i, entries) in rows.iter().enumerate() {
        let mut row: Vec<Expr> = Vec::with_capacity(i);
        for j in 0..i {
            let correction = crate::sym::sum(
                (0..j).map(|m| row[m].clone() * lower[j][m].clone() * pivots[m].clone()),
            );
            row.push((entries[j].clone() - correction) / pivots[j].clone());
        }
        let correction =
            crate::sym::sum((0..i).map(|m| row[m].clone() * row[m].clone() * pivots[m].clone()));
        let pivot = entries[i].clone() - correction;
        match Constraint::Positive.holds(&pivot) {
            Some(false) => return fail("must be positive definite"),
            Some(true) => {}
            None => return Ok(()),
        }
        pivots.push(pivot);
        lower.push(row);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sym::Domain;

    fn matrix(entries: &[&[i64]]) -> Vec<Vec<Expr>> {
        entries
            .iter()
            .map(|row| row.iter().map(|&v| Expr::int(v)).collect())
            .collect()
    }

    #[test]
    fn sylvester_decides_rational_matrices() {
        assert!(positive_definite(&matrix(&[&[2, 1], &[1, 2]]), Some(2), "covariance", 1).is_ok());
        let error =
            positive_definite(&matrix(&[&[1, 2], &[2, 1]]), Some(2), "covariance", 1).unwrap_err();
        assert_eq!(error.rule, "must be positive definite");
        // Positive semi-definite but singular.
        assert!(positive_definite(&matrix(&[&[1, 1], &[1, 1]]), None, "V", 1).is_err());
        assert!(
            positive_definite(&matrix(&[&[4, 2, 0], &[2, 5, 1], &[0, 1, 3]]), None, "V", 1).is_ok()
        );
        assert!(
            positive_definite(&matrix(&[&[1, 0, 0], &[0, 1, 2], &[0, 2, 1]]), None, "V", 1)
                .is_err()
        );
        let asymmetric = positive_definite(&matrix(&[&[2, 1], &[0, 2]]), None, "V", 1).unwrap_err();
        assert_eq!(asymmetric.rule, "must be symmetric");
        let wrong_size = positive_definite(&matrix(&[&[2]]), Some(2), "V", 1).unwrap_err();
        assert_eq!(wrong_size.rule, "must be 2x2");
    }

    #[test]
    fn symbolic_entries_are_assumed() {
        let a = Expr::symbol("a", Domain::Real);
        let rows = vec![vec![Expr::int(1), a.clone()], vec![a, Expr::int(1)]];
        assert!(positive_definite(&rows, Some(2), "covariance", 1).is_ok());
    }

    #[test]
    fn probabilities_must_sum_to_one_exactly() {
        let tenths = |v: &[i64]| v.iter().map(|&n| Expr::ratio(n, 10)).collect::<Vec<_>>();
        assert!(probability_vector(&tenths(&[7, 2, 1]), "probabilities", 0).is_ok());
        let error = probability_vector(&tenths(&[5, 4]), "probabilities", 0).unwrap_err();
        assert_eq!(error.to_string(), "probabilities must sum to 1, got 9/10");
    }

    #[test]
    fn bounds_are_compared_exactly() {
        assert!(less_than(&Expr::int(0), &Expr::ratio(1, 1000), "upper bound", 1).is_ok());
        let error = less_than(&Expr::int(1), &Expr::int(1), "upper bound", 1).unwrap_err();
        assert_eq!(
            error.to_string(),
            "upper bound must be greater than the lower bound 1, got 1"
        );
        assert!(at_most_one(&Expr::ratio(3, 2), "p", 0).is_err());
        assert!(at_most_one(&Expr::int(1), "p", 0).is_ok());
    }
}
