//! The nom parser (to be written).

use crate::error::{ParseError, ParseErrorKind};
use crate::span::Span;
use crate::syntax::ast::Statement;

/// Parses one line.
pub fn parse(input: &str) -> Result<Statement, ParseError> {
    let _ = input;
    Err(ParseError {
        span: Span::dummy(),
        kind: ParseErrorKind::Empty,
    })
}
