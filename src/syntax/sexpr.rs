//! Compact S-expression rendering of the syntax tree, for tests and `:ast`.
//!
//! `KL(N(0,1) || N(0, sd=2))` renders as `(KL (|| (N 0 1) (N 0 (= sd 2))))`: every operator and call is
//! parenthesised in prefix form, so precedence and associativity are visible at a glance. Numbers print
//! exactly (`1/10`), lists as `[1 2]`, unary minus as `(- x)` and `let` as `(let P …)`.

use std::fmt::Write;

use crate::syntax::ast::{Expr, ExprKind, Statement};

/// A syntax tree node that has an S-expression: a [`Statement`] or an [`Expr`].
pub trait ToSexpr {
    /// Appends the S-expression to `out`.
    fn write_sexpr(&self, out: &mut String);
}

impl ToSexpr for Statement {
    fn write_sexpr(&self, out: &mut String) {
        match self {
            Statement::Let { name, value, .. } => {
                let _ = write!(out, "(let {name} ");
                write_expr(out, value);
                out.push(')');
            }
            Statement::Expr(expr) => write_expr(out, expr),
        }
    }
}

impl ToSexpr for Expr {
    fn write_sexpr(&self, out: &mut String) {
        write_expr(out, self);
    }
}

/// The S-expression of a statement or an expression.
pub fn sexpr(node: &impl ToSexpr) -> String {
    let mut out = String::new();
    node.write_sexpr(&mut out);
    out
}

fn write_expr(out: &mut String, expr: &Expr) {
    // Writing to a String cannot fail.
    match &expr.kind {
        ExprKind::Number(value) => {
            let _ = write!(out, "{value}");
        }
        ExprKind::Name(name) => out.push_str(name),
        ExprKind::List(elements) => {
            out.push('[');
            for (index, element) in elements.iter().enumerate() {
                if index > 0 {
                    out.push(' ');
                }
                write_expr(out, element);
            }
            out.push(']');
        }
        ExprKind::Negate(operand) => {
            out.push_str("(- ");
            write_expr(out, operand);
            out.push(')');
        }
        ExprKind::Binary {
            operator,
            left,
            right,
            ..
        } => {
            let _ = write!(out, "({} ", operator.symbol());
            write_expr(out, left);
            out.push(' ');
            write_expr(out, right);
            out.push(')');
        }
        ExprKind::Call {
            name, arguments, ..
        } => {
            out.push('(');
            out.push_str(name);
            for argument in arguments {
                out.push(' ');
                match &argument.keyword {
                    Some((keyword, _)) => {
                        let _ = write!(out, "(= {keyword} ");
                        write_expr(out, &argument.value);
                        out.push(')');
                    }
                    None => write_expr(out, &argument.value),
                }
            }
            out.push(')');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::{integer, ratio};
    use crate::span::Span;
    use crate::syntax::ast::{Argument, BinaryOperator};

    fn leaf(kind: ExprKind) -> Expr {
        Expr::new(kind, Span::dummy())
    }

    #[track_caller]
    fn parsed(input: &str) -> String {
        sexpr(&crate::syntax::parse(input).expect("parses"))
    }

    #[test]
    fn parsed_lines_render() {
        insta::assert_snapshot!(parsed("N(0,1) || N(0,4)"), @"(|| (N 0 1) (N 0 4))");
        insta::assert_snapshot!(parsed("KL(N(0,1) || N(0, sd=2))"), @"(KL (|| (N 0 1) (N 0 (= sd 2))))");
        insta::assert_snapshot!(parsed("let P = N(0,1)"), @"(let P (N 0 1))");
        insta::assert_snapshot!(parsed("-(3*x)"), @"(- (* 3 x))");
        insta::assert_snapshot!(parsed("[1, 2] + 0.1"), @"(+ [1 2] 1/10)");
        let Ok(Statement::Expr(expr)) = crate::syntax::parse("x^2") else {
            panic!("parses")
        };
        insta::assert_snapshot!(sexpr(&expr), @"(^ x 2)");
    }

    #[test]
    fn built_trees_render() {
        let tenth = leaf(ExprKind::Number(ratio(1, 10)));
        let minus_half = leaf(ExprKind::Number(ratio(-1, 2)));
        let x = leaf(ExprKind::Name("x".into()));
        let product = leaf(ExprKind::Binary {
            operator: BinaryOperator::Multiply,
            operator_span: Span::dummy(),
            left: Box::new(tenth),
            right: Box::new(leaf(ExprKind::Negate(Box::new(x)))),
        });
        let call = leaf(ExprKind::Call {
            name: "f".into(),
            name_span: Span::dummy(),
            arguments: vec![
                Argument {
                    keyword: None,
                    value: product,
                },
                Argument {
                    keyword: Some(("k".into(), Span::dummy())),
                    value: minus_half,
                },
                Argument {
                    keyword: None,
                    value: leaf(ExprKind::List(vec![leaf(ExprKind::Number(integer(3)))])),
                },
            ],
        });
        insta::assert_snapshot!(sexpr(&call), @"(f (* 1/10 (- x)) (= k -1/2) [3])");
        let statement = Statement::Let {
            name: "y".into(),
            name_span: Span::dummy(),
            value: call,
        };
        insta::assert_snapshot!(sexpr(&statement), @"(let y (f (* 1/10 (- x)) (= k -1/2) [3]))");
    }
}
