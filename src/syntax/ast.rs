//! The surface syntax tree, with a byte span on every node.
//!
//! It keeps the input's sugar (`P || Q` alone, keyword arguments, mixtures written as sums); `crate::lower`
//! gives it meaning.

use crate::exact::Rational;
use crate::span::Span;

/// One line of input.
#[derive(Clone, Debug, PartialEq)]
pub enum Statement {
    /// `let name = value`.
    Let {
        /// The bound name.
        name: String,
        /// Where the name is written.
        name_span: Span,
        /// The value.
        value: Expr,
    },
    /// An expression to evaluate.
    Expr(Expr),
}

/// A binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOperator {
    /// `+`
    Add,
    /// `-`
    Subtract,
    /// `*`
    Multiply,
    /// `/`
    Divide,
    /// `^` (right associative)
    Power,
    /// `||`, the divergence separator: lowest precedence, non-associative.
    Against,
}

impl BinaryOperator {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOperator::Add => "+",
            BinaryOperator::Subtract => "-",
            BinaryOperator::Multiply => "*",
            BinaryOperator::Divide => "/",
            BinaryOperator::Power => "^",
            BinaryOperator::Against => "||",
        }
    }
}

/// An argument of a call, positional or by keyword.
#[derive(Clone, Debug, PartialEq)]
pub struct Argument {
    /// The keyword and its span, for `sd=2`.
    pub keyword: Option<(String, Span)>,
    /// The value.
    pub value: Expr,
}

/// An expression node.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What the node is.
    pub kind: ExprKind,
    /// The bytes of the input it covers.
    pub span: Span,
}

/// The kinds of expression node.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// An exact numeric literal (`0.1` is 1/10).
    Number(Rational),
    /// An identifier: a `let` binding, a constant (`pi`, `e`, `inf`) or a free symbol.
    Name(String),
    /// A list `[a, b, …]` (a vector; a list of lists is a matrix).
    List(Vec<Expr>),
    /// Unary minus.
    Negate(Box<Expr>),
    /// A binary operation.
    Binary {
        /// The operator.
        operator: BinaryOperator,
        /// Where the operator is written.
        operator_span: Span,
        /// Left operand.
        left: Box<Expr>,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `name(arguments)`: a family, a divergence or a function.
    Call {
        /// The called name.
        name: String,
        /// Where the name is written.
        name_span: Span,
        /// The arguments.
        arguments: Vec<Argument>,
    },
}

impl Expr {
    /// A node.
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    /// Replaces every span in the tree by [`Span::dummy`], so that tests can compare structure only.
    pub fn strip_spans(&mut self) {
        self.span = Span::dummy();
        match &mut self.kind {
            ExprKind::Number(_) | ExprKind::Name(_) => {}
            ExprKind::List(elements) => elements.iter_mut().for_each(Expr::strip_spans),
            ExprKind::Negate(operand) => operand.strip_spans(),
            ExprKind::Binary {
                operator_span,
                left,
                right,
                ..
            } => {
                *operator_span = Span::dummy();
                left.strip_spans();
                right.strip_spans();
            }
            ExprKind::Call {
                name_span,
                arguments,
                ..
            } => {
                *name_span = Span::dummy();
                for argument in arguments {
                    if let Some((_, span)) = &mut argument.keyword {
                        *span = Span::dummy();
                    }
                    argument.value.strip_spans();
                }
            }
        }
    }
}

impl Statement {
    /// Replaces every span by [`Span::dummy`] (see [`Expr::strip_spans`]).
    pub fn strip_spans(&mut self) {
        match self {
            Statement::Let {
                name_span, value, ..
            } => {
                *name_span = Span::dummy();
                value.strip_spans();
            }
            Statement::Expr(expr) => expr.strip_spans(),
        }
    }
}
