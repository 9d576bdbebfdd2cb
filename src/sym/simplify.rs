//! Canonical form of symbolic expressions (to be written).

use super::Expr;

/// Simplifies an expression into its canonical form.
pub fn simplify(expr: &Expr) -> Expr {
    expr.clone()
}

/// The sign of an expression when it follows from its form and the symbols' domains (a rational, a positive
/// symbol, exp(x), a sum of positive terms, …): `Some(Less | Equal | Greater)`, or `None` when undecided.
/// Constant expressions that this cannot decide are decided numerically by `crate::numeric::compare`.
pub fn sign(expr: &Expr) -> Option<std::cmp::Ordering> {
    expr.as_rational()
        .map(|value| value.cmp(&crate::exact::integer(0)))
}
