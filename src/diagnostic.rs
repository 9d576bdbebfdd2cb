//! Renders an [`Error`] for a person: the message, then the input line with carets under the span.
//!
//! ```text
//! error: expected ')'
//!   KL(N(0,1) || N(0,4)
//!                      ^
//! ```
//!
//! Columns and caret widths count characters, not bytes, so a caret under `‖` or after `μ` lines up.

use crate::error::Error;
use crate::span::Span;

/// `error: <message>`, followed, when the error has a span, by the line of `source` it falls on (indented by
/// two spaces) and a line of carets under the span (at least one). No line ends in whitespace, and a span that
/// does not fit `source` is clamped rather than trusted.
pub fn render(source: &str, error: &Error) -> String {
    let mut out = format!("error: {error}");
    if let Some(span) = error.span() {
        if let Some(excerpt) = excerpt(source, span) {
            out.push('\n');
            out.push_str(&excerpt);
        }
    }
    out
}

/// The source line and the caret line for `span`, or `None` when the line is blank (an empty input has
/// nothing to point at).
fn excerpt(source: &str, span: Span) -> Option<String> {
    let start = floor_char_boundary(source, span.start);
    let line_start = source[..start].rfind('\n').map_or(0, |newline| newline + 1);
    let line_end = source[start..]
        .find('\n')
        .map_or(source.len(), |newline| start + newline);
    let line = source[line_start..line_end].trim_end();
    if line.is_empty() {
        return None;
    }
    let end = floor_char_boundary(source, span.end.clamp(start, line_end));
    let column = source[line_start..start].chars().count();
    let width = source[start..end].chars().count().max(1);
    // A tab is one character wide here, so it prints as one space to keep the caret under its column.
    let line = line.replace('\t', " ");
    Some(format!(
        "  {line}\n  {}{}",
        " ".repeat(column),
        "^".repeat(width)
    ))
}

/// The largest character boundary of `text` at or before `index` (clamped to its length).
fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::EvalError;
    use crate::syntax::parse;

    /// The rendering of the syntax error of `source`.
    #[track_caller]
    fn syntax_error(source: &str) -> String {
        match parse(source) {
            Ok(_) => panic!("{source:?} parsed"),
            Err(error) => render(source, &error.into()),
        }
    }

    #[test]
    fn the_format_is_exact() {
        let expected = "error: expected ')'\n  KL(N(0,1) || N(0,4)\n                     ^";
        assert_eq!(syntax_error("KL(N(0,1) || N(0,4)"), expected);
    }

    #[test]
    fn caret_at_the_end_of_the_input() {
        insta::assert_snapshot!(syntax_error("KL(N(0,1) || N(0,4)"), @r"
        error: expected ')'
          KL(N(0,1) || N(0,4)
                             ^
        ");
        insta::assert_snapshot!(syntax_error("1 +   "), @r"
        error: expected an expression
          1 +
                ^
        ");
    }

    #[test]
    fn caret_under_the_offending_character() {
        insta::assert_snapshot!(syntax_error("N(0,,1)"), @r"
        error: expected an expression
          N(0,,1)
              ^
        ");
        insta::assert_snapshot!(syntax_error("N(0,1) N(0,4)"), @r"
        error: unexpected 'N' after the end of the expression
          N(0,1) N(0,4)
                 ^
        ");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        insta::assert_snapshot!(syntax_error("P ‖ Q ‖ R"), @r"
        error: '||' cannot be chained: a divergence compares exactly two distributions
          P ‖ Q ‖ R
                ^
        ");
        insta::assert_snapshot!(syntax_error("N(μ, σ) ‖ N(0,1)) x"), @r"
        error: unexpected ')' after the end of the expression
          N(μ, σ) ‖ N(0,1)) x
                          ^
        ");
    }

    #[test]
    fn a_wide_span_gets_one_caret_per_character() {
        insta::assert_snapshot!(syntax_error("2 * 1e999999999"), @r"
        error: invalid number: the exponent is too large (the number would have more than 100000 digits)
          2 * 1e999999999
              ^^^^^^^^^^^
        ");
        let error = Error::Eval {
            error: EvalError::Parameter {
                call: "N(0, -1)".into(),
                message: "variance must be > 0, got -1".into(),
            },
            span: Some(Span::new(5, 7)),
        };
        insta::assert_snapshot!(render("N(0, -1)", &error), @r"
        error: N(0, -1): variance must be > 0, got -1
          N(0, -1)
               ^^
        ");
    }

    #[test]
    fn without_a_span_only_the_message() {
        let error = Error::from(EvalError::NoRule("TV(Cauchy || Gumbel)".into()));
        assert_eq!(
            render("TV(Cauchy(0,1) || Gumbel(0,1))", &error),
            "error: no closed form for TV(Cauchy || Gumbel)"
        );
        assert_eq!(syntax_error("   "), "error: empty input");
    }

    #[test]
    fn tabs_keep_the_caret_aligned_and_no_line_ends_in_blanks() {
        let rendered = syntax_error("\t1 +\t) ");
        insta::assert_snapshot!(rendered, @r"
        error: expected an expression
           1 + )
               ^
        ");
        assert!(rendered.lines().all(|line| line == line.trim_end()));
    }

    #[test]
    fn the_line_of_the_span_is_shown() {
        let error = Error::Eval {
            error: EvalError::Domain("log of a negative number".into()),
            span: Some(Span::new(14, 21)),
        };
        insta::assert_snapshot!(render("let a = 1\nb + log(-1)\nc", &error), @r"
        error: log of a negative number
          b + log(-1)
              ^^^^^^^
        ");
    }

    #[test]
    fn spans_outside_the_source_are_clamped() {
        let error = Error::Eval {
            error: EvalError::Interrupted,
            span: Some(Span::new(40, 90)),
        };
        assert_eq!(
            render("1 + 2", &error),
            "error: interrupted\n  1 + 2\n       ^"
        );
        let inside_a_character = Error::Eval {
            error: EvalError::Interrupted,
            span: Some(Span::new(2, 3)),
        };
        assert_eq!(
            render("‖x", &inside_a_character),
            "error: interrupted\n  ‖x\n  ^"
        );
    }
}
