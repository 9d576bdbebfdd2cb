//! Plain and LaTeX printers (to be written).

use super::Expr;

/// Plain ASCII that re-parses to the same value.
pub fn plain(expr: &Expr) -> String {
    format!("{expr:?}")
}

/// LaTeX.
pub fn latex(expr: &Expr) -> String {
    format!("{expr:?}")
}
