//! The nom parser: one line of input into a [`Statement`] with a byte span on every node.
//!
//! The grammar (EBNF; `grammar/divcalc.ebnf` is the same grammar with examples). Blanks (whitespace and
//! `# comments` to the end of the line) may stand between any two tokens.
//!
//! ```text
//! statement     = let_binding | expression ;
//! let_binding   = "let" name "=" expression ;            (* "let" is a keyword only here *)
//! expression    = against ;
//! against       = sum [ ( "||" | "‖" ) sum ] ;            (* non-associative *)
//! sum           = product { ( "+" | "-" ) product } ;     (* left associative *)
//! product       = unary { ( "*" | "/" ) unary } ;         (* left associative *)
//! unary         = "-" unary | power ;
//! power         = primary [ "^" unary ] ;                 (* right associative: 2^-3, 2^3^2 = 2^9 *)
//! primary       = number | call | name | parenthesized | list ;
//! call          = name "(" arguments ")" ;
//! arguments     = argument { "," argument } ;
//! argument      = [ name "=" ] expression ;
//! parenthesized = "(" expression ")" ;
//! list          = "[" expression { "," expression } "]" ;
//! name          = letter { letter | digit } ;              (* letter: A-Z a-z _ and Greek α-ω Α-Ω *)
//! number        = ( digits [ "." [ digits ] ] | "." digits ) [ exponent ] ;
//! exponent      = ( "e" | "E" ) [ "+" | "-" ] digits ;
//! digits        = digit { digit } ;
//! ```
//!
//! Each rule is the function of the same name; the tokens (`name`, `number`, blanks) live in
//! [`crate::syntax::lexeme`]. After a token that commits the parse (an operator, `(`, `,`, `=`) the rest is
//! wrapped in `cut`, so an error points at the first byte that could not be accepted instead of backtracking.
//!
//! Limits against hostile input: at most [`MAX_INPUT_BYTES`] bytes, and at most [`MAX_DEPTH`] levels both of
//! nesting while parsing (parentheses, brackets, calls, minus signs, exponents) and in the resulting tree (a
//! chain `1+1+…` is as deep as it is long), so that nothing downstream that recurses over the tree can exhaust
//! the stack.

use nom::branch::alt;
use nom::combinator::{cut, opt};
use nom::error::context;
use nom::Parser;

use crate::error::{ParseError, ParseErrorKind};
use crate::span::Span;
use crate::syntax::ast::{Argument, BinaryOperator, Expr, ExprKind, Statement};
use crate::syntax::lexeme::{
    against_operator, blank, first_character, is_name_start, keyword, name as name_token,
    number as number_token, symbol, Input, ParseResult, SyntaxError,
};

/// Deepest nesting the parser accepts, and the greatest depth of a parsed tree.
pub const MAX_DEPTH: usize = 256;

/// Longest input the parser accepts, in bytes.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// Parses one line.
///
/// # Errors
///
/// A [`ParseError`] whose span is where the caret goes: the first byte that could not be accepted.
pub fn parse(input: &str) -> Result<Statement, ParseError> {
    if input.len() > MAX_INPUT_BYTES {
        let span = Span::new(MAX_INPUT_BYTES, input.len());
        return Err(ParseError {
            span,
            kind: ParseErrorKind::TooLong(input.len(), MAX_INPUT_BYTES),
        });
    }
    let located = Input::new(input);
    let parsed = blank(located).and_then(|(rest, ())| {
        if rest.fragment().is_empty() {
            let end = Span::new(input.len(), input.len());
            return Err(SyntaxError::failure(end, ParseErrorKind::Empty));
        }
        let (rest, statement) = statement(rest)?;
        let (rest, ()) = blank(rest)?;
        match rest.fragment().is_empty() {
            true => Ok(statement),
            false => Err(SyntaxError::failure(
                trailing_token(&rest),
                ParseErrorKind::Trailing(describe(&rest)),
            )),
        }
    });
    parsed.map_err(|error| match error {
        nom::Err::Error(error) | nom::Err::Failure(error) => error.into_parse_error(),
        nom::Err::Incomplete(_) => ParseError {
            span: Span::new(input.len(), input.len()),
            kind: ParseErrorKind::Expected("more input".into()),
        },
    })
}

/// The span of the token that starts `rest`: a name or number, `||`, or one character.
fn trailing_token(rest: &Input) -> Span {
    let text = rest.fragment();
    let start = rest.location_offset();
    let word = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(text.len());
    let width = if word > 0 {
        word
    } else if text.starts_with("||") {
        2
    } else {
        first_character(rest).end - start
    };
    Span::new(start, start + width)
}

/// How an error message names the token that starts `rest`: `'x'`, shortened when long.
fn describe(rest: &Input) -> String {
    const SHOWN: usize = 24;
    let span = trailing_token(rest);
    let token = &rest.fragment()[..span.end - span.start];
    match token.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("'{}…'", &token[..cut]),
        None => format!("'{token}'"),
    }
}

/// A parsed expression and the depth of its tree (a leaf has depth 0). The expression is boxed so that the
/// results passed between the recursive rules stay small: each level of nesting holds several of them on
/// the stack.
struct Node {
    expr: Box<Expr>,
    depth: usize,
}

impl Node {
    fn leaf(kind: ExprKind, span: Span) -> Node {
        Node {
            expr: Box::new(Expr::new(kind, span)),
            depth: 0,
        }
    }

    /// A node over children of the given depth; too deep a tree is an error at `blame`.
    fn branch(
        kind: ExprKind,
        span: Span,
        child_depth: usize,
        blame: Span,
    ) -> Result<Node, nom::Err<SyntaxError>> {
        if child_depth >= MAX_DEPTH {
            return Err(SyntaxError::failure(
                blame,
                ParseErrorKind::TooDeep(MAX_DEPTH),
            ));
        }
        Ok(Node {
            expr: Box::new(Expr::new(kind, span)),
            depth: child_depth + 1,
        })
    }

    fn binary(
        operator: BinaryOperator,
        operator_span: Span,
        left: Node,
        right: Node,
    ) -> Result<Node, nom::Err<SyntaxError>> {
        let span = left.expr.span.join(right.expr.span);
        let child_depth = left.depth.max(right.depth);
        let kind = ExprKind::Binary {
            operator,
            operator_span,
            left: left.expr,
            right: right.expr,
        };
        Node::branch(kind, span, child_depth, operator_span)
    }
}

/// `ParseErrorKind::Expected(what)`.
fn expected(what: &str) -> ParseErrorKind {
    ParseErrorKind::Expected(what.into())
}

/// nom's `cut` for the recursive rules: once a token has committed the parse, a failure of what follows is
/// final. Written as a plain function because every combinator layer between two levels of nesting costs
/// stack in unoptimised builds.
fn committed<T>(result: ParseResult<T>) -> ParseResult<T> {
    result.map_err(|error| match error {
        nom::Err::Error(error) => nom::Err::Failure(error),
        other => other,
    })
}

/// One more level of parser nesting, opened by the token at `span`.
fn deeper(nesting: usize, span: Span) -> Result<usize, nom::Err<SyntaxError>> {
    if nesting >= MAX_DEPTH {
        return Err(SyntaxError::failure(
            span,
            ParseErrorKind::TooDeep(MAX_DEPTH),
        ));
    }
    Ok(nesting + 1)
}

/// `statement = let_binding | expression`.
fn statement(input: Input) -> ParseResult<Statement> {
    let expression_statement = |input| {
        let (rest, node) = expression(input, 0)?;
        Ok((rest, Statement::Expr(*node.expr)))
    };
    alt((let_binding, expression_statement)).parse(input)
}

/// `let_binding = "let" name "=" expression`.
fn let_binding(input: Input) -> ParseResult<Statement> {
    let (input, _) = keyword("let")(input)?;
    let (input, (name, name_span)) = cut(context("a name after 'let'", name_token)).parse(input)?;
    let (input, _) = cut(context("'='", symbol("="))).parse(input)?;
    let (input, value) = committed(expression(input, 0))?;
    Ok((
        input,
        Statement::Let {
            name,
            name_span,
            value: *value.expr,
        },
    ))
}

/// `expression = against`.
fn expression(input: Input, nesting: usize) -> ParseResult<Node> {
    against(input, nesting)
}

/// `against = sum [ ("||" | "‖") sum ]`. A second `||` is an error, not a chain.
fn against(input: Input, nesting: usize) -> ParseResult<Node> {
    let (input, left) = sum(input, nesting)?;
    let (input, operator) = opt(against_operator).parse(input)?;
    let Some(operator_span) = operator else {
        return Ok((input, left));
    };
    let (input, right) = committed(sum(input, nesting))?;
    if let (_, Some(second)) = opt(against_operator).parse(input)? {
        return Err(SyntaxError::failure(second, ParseErrorKind::Chained));
    }
    Ok((
        input,
        Node::binary(BinaryOperator::Against, operator_span, left, right)?,
    ))
}

/// `sum = product { ("+" | "-") product }`.
fn sum(input: Input, nesting: usize) -> ParseResult<Node> {
    let operators = [("+", BinaryOperator::Add), ("-", BinaryOperator::Subtract)];
    left_associative(input, nesting, &operators, product)
}

/// `product = unary { ("*" | "/") unary }`.
fn product(input: Input, nesting: usize) -> ParseResult<Node> {
    let operators = [
        ("*", BinaryOperator::Multiply),
        ("/", BinaryOperator::Divide),
    ];
    left_associative(input, nesting, &operators, unary)
}

/// `operand { operator operand }`, folded to the left.
fn left_associative<'a>(
    input: Input<'a>,
    nesting: usize,
    operators: &[(&'static str, BinaryOperator)],
    operand: fn(Input<'a>, usize) -> ParseResult<'a, Node>,
) -> ParseResult<'a, Node> {
    let (mut input, mut left) = operand(input, nesting)?;
    loop {
        let found = operators.iter().find_map(|&(text, operator)| {
            symbol(text)(input)
                .ok()
                .map(|(rest, span)| (rest, operator, span))
        });
        let Some((rest, operator, operator_span)) = found else {
            return Ok((input, left));
        };
        let (rest, right) = committed(operand(rest, nesting))?;
        left = Node::binary(operator, operator_span, left, right)?;
        input = rest;
    }
}

/// `unary = "-" unary | power`, read as a run of minus signs so that a long run costs no stack.
fn unary(input: Input, nesting: usize) -> ParseResult<Node> {
    let mut input = input;
    let mut nesting = nesting;
    let mut signs = Vec::new();
    while let (rest, Some(sign)) = opt(symbol("-")).parse(input)? {
        nesting = deeper(nesting, sign)?;
        signs.push(sign);
        input = rest;
    }
    let (input, mut node) = if signs.is_empty() {
        power(input, nesting)?
    } else {
        committed(power(input, nesting))?
    };
    for sign in signs.into_iter().rev() {
        let span = sign.join(node.expr.span);
        let depth = node.depth;
        node = Node::branch(ExprKind::Negate(node.expr), span, depth, sign)?;
    }
    Ok((input, node))
}

/// `power = primary [ "^" unary ]`: right associative, and the exponent may start with a minus sign.
fn power(input: Input, nesting: usize) -> ParseResult<Node> {
    let (input, base) = primary(input, nesting)?;
    let (input, operator) = opt(symbol("^")).parse(input)?;
    let Some(operator_span) = operator else {
        return Ok((input, base));
    };
    let nesting = deeper(nesting, operator_span)?;
    let (input, exponent) = committed(unary(input, nesting))?;
    Ok((
        input,
        Node::binary(BinaryOperator::Power, operator_span, base, exponent)?,
    ))
}

/// `primary = number | call | name | parenthesized | list`, chosen by the first character after the blanks
/// (the grammar is LL(1) here, which keeps the recursion free of backtracking and its stack frames small).
fn primary(input: Input, nesting: usize) -> ParseResult<Node> {
    let (input, ()) = blank(input)?;
    let result = match input.fragment().chars().next() {
        Some('0'..='9' | '.') => number(input),
        Some('(') => parenthesized(input, nesting),
        Some('[') => list(input, nesting),
        Some(letter) if is_name_start(letter) => match call(input, nesting) {
            Err(nom::Err::Error(_)) => name(input),
            result => result,
        },
        _ => Err(nom::Err::Error(SyntaxError {
            span: first_character(&input),
            kind: None,
        })),
    };
    // Whatever did not even start a primary (a lone `.`, a `$`) is "expected an expression" at its first
    // character, not wherever the token parser happened to stop.
    result.map_err(|error| match error {
        nom::Err::Error(SyntaxError { kind: None, .. }) => nom::Err::Error(SyntaxError::new(
            first_character(&input),
            expected("an expression"),
        )),
        other => other,
    })
}

/// `number`: an exact literal.
fn number(input: Input) -> ParseResult<Node> {
    let (rest, (value, span)) = number_token(input)?;
    Ok((rest, Node::leaf(ExprKind::Number(value), span)))
}

/// `name`: a binding, a constant or a free symbol.
fn name(input: Input) -> ParseResult<Node> {
    let (rest, (text, span)) = name_token(input)?;
    Ok((rest, Node::leaf(ExprKind::Name(text), span)))
}

/// `call = name "(" arguments ")"`.
fn call(input: Input, nesting: usize) -> ParseResult<Node> {
    let (input, (name, name_span)) = name_token(input)?;
    let (input, open) = symbol("(")(input)?;
    let nesting = deeper(nesting, open)?;
    let (input, arguments) = committed(arguments(input, nesting))?;
    let (input, close) = cut(context("')'", symbol(")"))).parse(input)?;
    let child_depth = arguments.iter().map(|(_, depth)| *depth).max().unwrap_or(0);
    let arguments = arguments
        .into_iter()
        .map(|(argument, _)| argument)
        .collect();
    let node = Node::branch(
        ExprKind::Call {
            name,
            name_span,
            arguments,
        },
        name_span.join(close),
        child_depth,
        open,
    )?;
    Ok((input, node))
}

/// `arguments = argument { "," argument }`; each comes with the depth of its value.
fn arguments(input: Input, nesting: usize) -> ParseResult<Vec<(Argument, usize)>> {
    if let Ok((_, close)) = symbol(")")(input) {
        return Err(SyntaxError::failure(
            close,
            ParseErrorKind::Expected("an argument".into()),
        ));
    }
    let (mut input, first) = argument(input, nesting)?;
    let mut arguments = vec![first];
    while let (rest, Some(_)) = opt(symbol(",")).parse(input)? {
        let (rest, next) = committed(argument(rest, nesting))?;
        arguments.push(next);
        input = rest;
    }
    Ok((input, arguments))
}

/// `argument = [ name "=" ] expression`.
fn argument(input: Input, nesting: usize) -> ParseResult<(Argument, usize)> {
    let keyword_prefix = |input| {
        let (rest, keyword) = name_token(input)?;
        let (rest, _) = symbol("=")(rest)?;
        Ok((rest, keyword))
    };
    let (input, keyword) = opt(keyword_prefix).parse(input)?;
    let (input, value) = match keyword {
        Some(_) => committed(expression(input, nesting))?,
        None => expression(input, nesting)?,
    };
    Ok((
        input,
        (
            Argument {
                keyword,
                value: *value.expr,
            },
            value.depth,
        ),
    ))
}

/// `parenthesized = "(" expression ")"`; the node's span grows to cover the parentheses.
fn parenthesized(input: Input, nesting: usize) -> ParseResult<Node> {
    let (input, open) = symbol("(")(input)?;
    let nesting = deeper(nesting, open)?;
    let (input, mut inner) = committed(expression(input, nesting))?;
    let (input, close) = cut(context("')'", symbol(")"))).parse(input)?;
    inner.expr.span = open.join(close);
    Ok((input, inner))
}

/// `list = "[" expression { "," expression } "]"`; an empty list is an error.
fn list(input: Input, nesting: usize) -> ParseResult<Node> {
    let (input, open) = symbol("[")(input)?;
    let nesting = deeper(nesting, open)?;
    if let Ok((_, close)) = symbol("]")(input) {
        return Err(SyntaxError::failure(
            close,
            ParseErrorKind::Expected("a list element".into()),
        ));
    }
    let (mut input, first) = committed(expression(input, nesting))?;
    let mut child_depth = first.depth;
    let mut elements = vec![*first.expr];
    while let (rest, Some(_)) = opt(symbol(",")).parse(input)? {
        let (rest, next) = committed(expression(rest, nesting))?;
        child_depth = child_depth.max(next.depth);
        elements.push(*next.expr);
        input = rest;
    }
    let (input, close) = cut(context("']'", symbol("]"))).parse(input)?;
    Ok((
        input,
        Node::branch(
            ExprKind::List(elements),
            open.join(close),
            child_depth,
            open,
        )?,
    ))
}

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

#[cfg(test)]
mod grammar_examples {
    use super::parse;

    /// Every `(* example: … *)` line of the grammar file parses.
    #[test]
    fn every_example_of_the_grammar_file_parses() {
        let grammar = include_str!("../../grammar/divcalc.ebnf");
        let examples: Vec<&str> = grammar
            .lines()
            .filter_map(|line| line.trim().strip_prefix("(* example:"))
            .filter_map(|rest| rest.strip_suffix("*)"))
            .map(str::trim)
            .collect();
        assert!(examples.len() >= 30, "only {} examples", examples.len());
        for example in examples {
            if let Err(error) = parse(example) {
                panic!("{example}: {error} at {:?}", error.span);
            }
        }
    }
}
