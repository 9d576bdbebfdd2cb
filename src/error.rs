//! Error types of every stage. Messages are sentences that name what is wrong; [`crate::diagnostic`]
//! renders them with the input line and a caret.

use thiserror::Error;

use crate::span::Span;

/// What went wrong while parsing.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ParseErrorKind {
    /// A token was expected here (`expected ')'`).
    #[error("expected {0}")]
    Expected(String),
    /// Input continues after a complete expression.
    #[error("unexpected {0} after the end of the expression")]
    Trailing(String),
    /// A numeric literal is malformed or too long.
    #[error("invalid number: {0}")]
    InvalidNumber(String),
    /// Nesting deeper than the parser accepts.
    #[error("expression nested too deeply (more than {0} levels)")]
    TooDeep(usize),
    /// The input is longer than the parser accepts.
    #[error("input too long ({0} bytes; the limit is {1})")]
    TooLong(usize, usize),
    /// The input is empty.
    #[error("empty input")]
    Empty,
    /// A second `||` after `P || Q`: the operator does not chain.
    #[error("'||' cannot be chained: a divergence compares exactly two distributions")]
    Chained,
}

/// A syntax error at a position of the input.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{kind}")]
pub struct ParseError {
    /// Where the caret goes.
    pub span: Span,
    /// What went wrong.
    pub kind: ParseErrorKind,
}

/// An error while evaluating a well-formed expression.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EvalError {
    /// A name that is neither a family, a divergence, a function nor a binding, where a name of that kind is
    /// required.
    #[error("unknown {what} '{name}'{}", did_you_mean(.suggestion))]
    UnknownName {
        /// Kind of name expected (`distribution`, `function`).
        what: &'static str,
        /// The name as written.
        name: String,
        /// The closest known name, if close enough.
        suggestion: Option<String>,
    },
    /// A parameter breaks its family's constraint: `N(0, -1): variance must be > 0, got -1`.
    #[error("{call}: {message}")]
    Parameter {
        /// The call as the user wrote it.
        call: String,
        /// What is wrong with it.
        message: String,
    },
    /// Wrong arguments for a call (count, keyword, shape).
    #[error("{0}")]
    Arguments(String),
    /// A value of the wrong kind (a distribution where a number is needed, or the reverse).
    #[error("{0}")]
    Type(String),
    /// Arithmetic that has no real value (division by zero, log of a negative number).
    #[error("{0}")]
    Domain(String),
    /// No rule and no numeric method applies.
    #[error("no closed form for {0}")]
    NoRule(String),
    /// The answer depends on a condition that symbolic parameters leave open.
    #[error("{0}")]
    Undecided(String),
    /// The precision, evaluation or time budget ran out before the requested digits were certain.
    #[error("{0}")]
    Budget(String),
    /// A number too large to hold exactly.
    #[error("{0}")]
    TooLarge(String),
    /// Cancelled by the user (Ctrl-C) or by a deadline.
    #[error("interrupted")]
    Interrupted,
}

fn did_you_mean(suggestion: &Option<String>) -> String {
    match suggestion {
        Some(name) => format!(" (did you mean '{name}'?)"),
        None => String::new(),
    }
}

/// Any error of the pipeline, with the span of the input it concerns where one is known.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Error {
    /// A syntax error.
    #[error("{0}")]
    Parse(ParseError),
    /// An evaluation error, with the span of the sub-expression at fault.
    #[error("{error}")]
    Eval {
        /// What went wrong.
        error: EvalError,
        /// Where, if known.
        span: Option<Span>,
    },
}

impl Error {
    /// The span to underline, if any.
    pub fn span(&self) -> Option<Span> {
        match self {
            Error::Parse(error) => Some(error.span),
            Error::Eval { span, .. } => *span,
        }
    }
}

impl From<ParseError> for Error {
    fn from(error: ParseError) -> Error {
        Error::Parse(error)
    }
}

impl From<EvalError> for Error {
    fn from(error: EvalError) -> Error {
        Error::Eval { error, span: None }
    }
}
