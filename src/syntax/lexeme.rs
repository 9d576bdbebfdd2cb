//! Tokens of the grammar (blanks and comments, symbols, names, exact numeric literals) and the error type
//! the nom parsers share.
//!
//! Every token parser skips the blanks before it, so the grammar rules in [`crate::syntax::parser`] never
//! mention whitespace, and every error points at the first byte after the blanks.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till, take_while, take_while1};
use nom::character::complete::{char, digit0, digit1, one_of, satisfy};
use nom::combinator::{opt, recognize};
use nom::error::{ContextError, ErrorKind, ParseError as NomParseError};
use nom::multi::many0_count;
use nom::{IResult, Parser};
use nom_locate::LocatedSpan;
use num_bigint::BigInt;
use num_traits::Zero;

use crate::error::{ParseError, ParseErrorKind};
use crate::exact::{Rational, MAX_DIGITS};
use crate::span::Span;

/// The parser's input: the line, with the byte offset of each position.
pub(crate) type Input<'a> = LocatedSpan<&'a str>;

/// What every nom rule returns.
pub(crate) type ParseResult<'a, T> = IResult<Input<'a>, T, SyntaxError>;

/// The error the nom parsers pass around: a span and, once some rule has said what it expected there, the
/// user-facing kind. nom's own error kinds never reach the user: an error without a kind becomes
/// "expected an expression" only if no rule named it (see [`SyntaxError::into_parse_error`]).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SyntaxError {
    /// Where the caret goes.
    pub(crate) span: Span,
    /// What went wrong, once known (boxed to keep the results of the recursive rules small).
    pub(crate) kind: Option<Box<ParseErrorKind>>,
}

impl SyntaxError {
    /// An error of a known kind.
    pub(crate) fn new(span: Span, kind: ParseErrorKind) -> SyntaxError {
        SyntaxError {
            span,
            kind: Some(Box::new(kind)),
        }
    }

    /// A committed (non-backtracking) nom error of a known kind.
    pub(crate) fn failure(span: Span, kind: ParseErrorKind) -> nom::Err<SyntaxError> {
        nom::Err::Failure(SyntaxError::new(span, kind))
    }

    /// The error shown to the user.
    pub(crate) fn into_parse_error(self) -> ParseError {
        let kind = self.kind.map_or_else(
            || ParseErrorKind::Expected("an expression".into()),
            |kind| *kind,
        );
        ParseError {
            span: self.span,
            kind,
        }
    }
}

/// The span of the first character of `input` (empty at the end of the input): where a caret goes when
/// that character could not be accepted.
pub(crate) fn first_character(input: &Input) -> Span {
    let start = input.location_offset();
    let width = input.fragment().chars().next().map_or(0, char::len_utf8);
    Span::new(start, start + width)
}

impl<'a> NomParseError<Input<'a>> for SyntaxError {
    fn from_error_kind(input: Input<'a>, _kind: ErrorKind) -> SyntaxError {
        SyntaxError {
            span: first_character(&input),
            kind: None,
        }
    }

    fn append(_input: Input<'a>, _kind: ErrorKind, other: SyntaxError) -> SyntaxError {
        other
    }

    /// Of two alternatives that both failed, the one that knows what it expected wins, then the one that got
    /// further.
    fn or(self, other: SyntaxError) -> SyntaxError {
        match (&self.kind, &other.kind) {
            (Some(_), None) => self,
            (None, Some(_)) => other,
            _ if other.span.start > self.span.start => other,
            _ => self,
        }
    }
}

impl<'a> ContextError<Input<'a>> for SyntaxError {
    /// `context("')'", parser)` names what was expected, unless a deeper rule already said something more
    /// precise.
    fn add_context(_input: Input<'a>, context: &'static str, other: SyntaxError) -> SyntaxError {
        match other.kind {
            Some(_) => other,
            None => SyntaxError::new(other.span, ParseErrorKind::Expected(context.into())),
        }
    }
}

/// `blank := (whitespace | comment)*`, where `comment := "#" (any character but a newline)*`.
pub(crate) fn blank(input: Input) -> ParseResult<()> {
    let comment = recognize((char('#'), take_till(|c| c == '\n')));
    let (rest, _) = many0_count(alt((take_while1(char::is_whitespace), comment))).parse(input)?;
    Ok((rest, ()))
}

/// The fixed token `text` after optional blanks; returns its span.
pub(crate) fn symbol<'a>(text: &'static str) -> impl FnMut(Input<'a>) -> ParseResult<'a, Span> {
    move |input| {
        let (input, ()) = blank(input)?;
        let start = input.location_offset();
        let (rest, _) = tag(text).parse(input)?;
        Ok((rest, Span::new(start, rest.location_offset())))
    }
}

/// The divergence separator `||`, or the Unicode `‖` (U+2016).
pub(crate) fn against_operator(input: Input) -> ParseResult<Span> {
    alt((symbol("||"), symbol("‖"))).parse(input)
}

/// Letters that may start a name: ASCII letters, `_`, and Greek letters (`μ`, `σ`).
pub(crate) fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic()
        || c == '_'
        || ('\u{391}'..='\u{3A9}').contains(&c)
        || ('\u{3B1}'..='\u{3C9}').contains(&c)
}

fn is_name_continue(c: char) -> bool {
    is_name_start(c) || c.is_ascii_digit()
}

/// `name := letter (letter | digit)*`; returns the name and its span.
pub(crate) fn name(input: Input) -> ParseResult<(String, Span)> {
    let (input, ()) = blank(input)?;
    let (rest, text) =
        recognize((satisfy(is_name_start), take_while(is_name_continue))).parse(input)?;
    let span = Span::new(text.location_offset(), rest.location_offset());
    Ok((rest, (text.fragment().to_string(), span)))
}

/// The keyword `word`: the same letters as a name, not followed by another name character (`letter` is not
/// `let`).
pub(crate) fn keyword<'a>(word: &'static str) -> impl FnMut(Input<'a>) -> ParseResult<'a, Span> {
    move |input| {
        let (rest, (text, span)) = name(input)?;
        if text == word {
            Ok((rest, span))
        } else {
            Err(nom::Err::Error(SyntaxError { span, kind: None }))
        }
    }
}

/// `number := (digits ("." digits?)? | "." digits) exponent?`, `exponent := ("e" | "E") ("+" | "-")? digits`,
/// read exactly: `0.1` is 1/10 and `2.5E3` is 2500.
///
/// A literal whose value would need more than [`MAX_DIGITS`] digits is refused before any big integer is
/// built, so `1e999999999` costs nothing.
pub(crate) fn number(input: Input) -> ParseResult<(Rational, Span)> {
    let (input, ()) = blank(input)?;
    let start = input.location_offset();
    let (rest, mantissa) = alt((
        recognize((digit1, opt((char('.'), digit0)))),
        recognize((char('.'), digit1)),
    ))
    .parse(input)?;
    let (rest, marker) = opt(one_of("eE")).parse(rest)?;
    let (rest, exponent) = match marker {
        None => (rest, None),
        Some(letter) => {
            let digits: ParseResult<Input> = recognize((opt(one_of("+-")), digit1)).parse(rest);
            match digits {
                Ok((rest, exponent)) => (rest, Some(*exponent.fragment())),
                Err(_) => {
                    let end = rest.location_offset();
                    let (rest, _) = opt(one_of("+-")).parse(rest)?;
                    let span = Span::new(start, end.max(rest.location_offset()));
                    let message = format!("expected digits after '{letter}' in the exponent");
                    return Err(SyntaxError::failure(
                        span,
                        ParseErrorKind::InvalidNumber(message),
                    ));
                }
            }
        }
    };
    let span = Span::new(start, rest.location_offset());
    match exact_value(mantissa.fragment(), exponent) {
        Ok(value) => Ok((rest, (value, span))),
        Err(message) => Err(SyntaxError::failure(
            span,
            ParseErrorKind::InvalidNumber(message),
        )),
    }
}

/// The exact value of a literal whose mantissa (`12.50`) and exponent (`-3`) have been recognised, or why it
/// is refused.
fn exact_value(mantissa: &str, exponent: Option<&str>) -> Result<Rational, String> {
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if (whole.len() + fraction.len()) as u64 > MAX_DIGITS {
        return Err(format!("a literal may have at most {MAX_DIGITS} digits"));
    }
    let digits = format!("{whole}{fraction}");
    let significant = digits.trim_start_matches('0').trim_end_matches('0');
    if significant.is_empty() {
        return Ok(Rational::zero());
    }
    let trailing_zeros = digits.len() - digits.trim_end_matches('0').len();
    let too_large = || {
        format!("the exponent is too large (the number would have more than {MAX_DIGITS} digits)")
    };
    let exponent: i64 = match exponent {
        None => 0,
        Some(text) => {
            let (negative, magnitude) = match text.as_bytes().first() {
                Some(b'-') => (true, &text[1..]),
                Some(b'+') => (false, &text[1..]),
                _ => (false, text),
            };
            let magnitude = magnitude.trim_start_matches('0');
            // Eighteen digits fit an i64; anything longer is far past MAX_DIGITS either way.
            if magnitude.len() > 18 {
                return Err(too_large());
            }
            let value: i64 = if magnitude.is_empty() {
                0
            } else {
                magnitude.parse().map_err(|_| too_large())?
            };
            if negative {
                -value
            } else {
                value
            }
        }
    };
    // value = significant × 10^scale, with the significant digits free of zeros at both ends.
    let scale = exponent - fraction.len() as i64 + trailing_zeros as i64;
    if significant.len() as u64 + scale.unsigned_abs() > MAX_DIGITS {
        return Err(too_large());
    }
    let significant: BigInt = significant
        .parse()
        .map_err(|_| "malformed digits".to_string())?;
    let power = num_traits::pow(BigInt::from(10u32), scale.unsigned_abs() as usize);
    Ok(if scale >= 0 {
        Rational::from_integer(significant * power)
    } else {
        Rational::new(significant, power)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::{integer, ratio};

    fn read(text: &str) -> Result<(Rational, Span), ParseError> {
        match number(Input::new(text)) {
            Ok((rest, value)) if rest.fragment().is_empty() => Ok(value),
            Ok((rest, _)) => panic!("left {:?}", rest.fragment()),
            Err(nom::Err::Error(error) | nom::Err::Failure(error)) => Err(error.into_parse_error()),
            Err(nom::Err::Incomplete(_)) => panic!("incomplete"),
        }
    }

    fn value(text: &str) -> Rational {
        read(text).expect("a valid literal").0
    }

    #[test]
    fn literals_are_exact() {
        assert_eq!(value("12"), integer(12));
        assert_eq!(value("0.1"), ratio(1, 10));
        assert_eq!(value(".5"), ratio(1, 2));
        assert_eq!(value("5."), integer(5));
        assert_eq!(value("1e-6"), ratio(1, 1_000_000));
        assert_eq!(value("2.5E3"), integer(2500));
        assert_eq!(value("2.5e+3"), integer(2500));
        assert_eq!(value("0.000"), integer(0));
        assert_eq!(value("120e-1"), integer(12));
        assert_eq!(value("007.250"), ratio(29, 4));
        assert_eq!(value("0e999999999999999999999"), integer(0));
    }

    #[test]
    fn the_span_covers_the_literal_after_blanks() {
        assert_eq!(read("  1.5e2").expect("valid").1, Span::new(2, 7));
    }

    #[test]
    fn an_exponent_needs_digits() {
        let error = read("1e+").expect_err("no digits");
        assert_eq!(
            error.kind,
            ParseErrorKind::InvalidNumber("expected digits after 'e' in the exponent".into())
        );
        assert_eq!(error.span, Span::new(0, 3));
        assert_eq!(read("2E").expect_err("no digits").span, Span::new(0, 2));
    }

    #[test]
    fn huge_literals_are_refused_quickly() {
        let too_large = ParseErrorKind::InvalidNumber(
            "the exponent is too large (the number would have more than 100000 digits)".into(),
        );
        assert_eq!(read("1e999999999").expect_err("huge").kind, too_large);
        assert_eq!(read("1e-100000").expect_err("huge").kind, too_large);
        assert_eq!(
            read("1e9999999999999999999999999").expect_err("huge").kind,
            too_large
        );
        let long = "7".repeat(100_001);
        assert_eq!(
            read(&long).expect_err("long").kind,
            ParseErrorKind::InvalidNumber("a literal may have at most 100000 digits".into())
        );
        assert_eq!(read(&long).expect_err("long").span, Span::new(0, 100_001));
    }

    #[test]
    fn literals_at_the_limit_are_accepted() {
        assert_eq!(value("1e99999").numer().to_string().len(), 100_000);
        let digits = "9".repeat(100_000);
        assert_eq!(value(&digits).numer().to_string(), digits);
        assert_eq!(value("1e-99999").denom().to_string().len(), 100_000);
        // Trailing zeros of the mantissa cancel against a negative exponent.
        assert_eq!(
            value(&format!("1{}e-99999", "0".repeat(99_998))),
            ratio(1, 10)
        );
    }

    #[test]
    fn names_and_keywords() {
        let (rest, (text, span)) = name(Input::new("  σ_2x+1")).expect("a name");
        assert_eq!(
            (text.as_str(), span, *rest.fragment()),
            ("σ_2x", Span::new(2, 7), "+1")
        );
        assert!(name(Input::new("2x")).is_err());
        assert!(keyword("let")(Input::new("let x")).is_ok());
        assert!(keyword("let")(Input::new("letter")).is_err());
    }

    #[test]
    fn blanks_include_comments() {
        let (rest, ()) = blank(Input::new(" # a comment\n  x")).expect("blanks");
        assert_eq!(*rest.fragment(), "x");
        let (rest, span) = against_operator(Input::new(" ‖ Q")).expect("operator");
        assert_eq!((span, *rest.fragment()), (Span::new(1, 4), " Q"));
    }
}
