//! Parsing: one line of input into a [`ast::Statement`] with spans.

pub mod ast;
mod lexeme;
pub mod parser;
pub mod sexpr;

pub use parser::parse;
