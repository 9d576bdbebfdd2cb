//! Property tests of the parser: any text parses or fails with a span inside it, and generated trees printed
//! with as few parentheses as the grammar needs parse back to themselves (precedence and associativity).

use super::*;
use crate::syntax::sexpr::sexpr;

/// Checks that every span of `expr` lies within `source` on character boundaries and inside its parent's.
fn assert_spans_fit(source: &str, expr: &Expr, parent: Span) {
    let span = expr.span;
    assert!(
        span.start < span.end && span.end <= source.len(),
        "{span:?} in {source:?}"
    );
    assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end));
    assert!(
        parent.start <= span.start && span.end <= parent.end,
        "{span:?} outside {parent:?}"
    );
    match &expr.kind {
        ExprKind::Number(_) | ExprKind::Name(_) => {}
        ExprKind::List(elements) => elements
            .iter()
            .for_each(|element| assert_spans_fit(source, element, span)),
        ExprKind::Negate(operand) => assert_spans_fit(source, operand, span),
        ExprKind::Binary {
            operator_span,
            left,
            right,
            ..
        } => {
            assert!(left.span.end <= operator_span.start && operator_span.end <= right.span.start);
            assert_spans_fit(source, left, span);
            assert_spans_fit(source, right, span);
        }
        ExprKind::Call {
            name_span,
            arguments,
            ..
        } => {
            assert_eq!(name_span.start, span.start);
            arguments
                .iter()
                .for_each(|argument| assert_spans_fit(source, &argument.value, span));
        }
    }
}

proptest::proptest! {
    #[test]
    fn any_line_parses_or_fails_with_a_span_inside_it(input in "[-+*/^()\\[\\],=|‖ 0-9.eENKLxμ_#é\t]{0,40}") {
        match parse(&input) {
            Ok(Statement::Expr(expr)) | Ok(Statement::Let { value: expr, .. }) => {
                assert_spans_fit(&input, &expr, Span::new(0, input.len()));
            }
            Err(error) => {
                let span = error.span;
                proptest::prop_assert!(span.start <= span.end && span.end <= input.len());
                proptest::prop_assert!(input.is_char_boundary(span.start) && input.is_char_boundary(span.end));
                let rendered = crate::diagnostic::render(&input, &error.into());
                proptest::prop_assert!(rendered.starts_with("error: "));
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(input in "\\PC{0,60}") {
        let _ = parse(&input);
    }
}

/// A generated expression: printed with as few parentheses as the grammar needs, and as the S-expression the
/// parser must produce from that text.
#[derive(Clone, Debug)]
enum Generated {
    Number(u32),
    Name(&'static str),
    Negate(Box<Generated>),
    Binary(BinaryOperator, Box<Generated>, Box<Generated>),
    Call(&'static str, Vec<Generated>),
    List(Vec<Generated>),
}

impl Generated {
    /// 0 for `||`, 1 for `+ -`, 2 for `* /`, 3 for unary minus, 4 for `^`, 5 for a primary.
    fn precedence(&self) -> u8 {
        match self {
            Generated::Binary(BinaryOperator::Against, ..) => 0,
            Generated::Binary(BinaryOperator::Add | BinaryOperator::Subtract, ..) => 1,
            Generated::Binary(BinaryOperator::Multiply | BinaryOperator::Divide, ..) => 2,
            Generated::Negate(_) => 3,
            Generated::Binary(BinaryOperator::Power, ..) => 4,
            _ => 5,
        }
    }

    fn text_at_least(&self, precedence: u8) -> String {
        let text = self.text();
        if self.precedence() < precedence {
            format!("( {text} )")
        } else {
            text
        }
    }

    fn text(&self) -> String {
        let join = |items: &[Generated]| {
            items
                .iter()
                .map(Generated::text)
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Generated::Number(value) => value.to_string(),
            Generated::Name(name) => name.to_string(),
            Generated::Negate(operand) => format!("-{}", operand.text_at_least(3)),
            Generated::Binary(operator, left, right) => {
                let (left_needs, right_needs) = match operator {
                    BinaryOperator::Against => (1, 1),
                    BinaryOperator::Add | BinaryOperator::Subtract => (1, 2),
                    BinaryOperator::Multiply | BinaryOperator::Divide => (2, 3),
                    BinaryOperator::Power => (5, 3),
                };
                format!(
                    "{} {} {}",
                    left.text_at_least(left_needs),
                    operator.symbol(),
                    right.text_at_least(right_needs)
                )
            }
            Generated::Call(name, arguments) => format!("{name}({})", join(arguments)),
            Generated::List(elements) => format!("[{}]", join(elements)),
        }
    }

    fn sexpr(&self) -> String {
        let join = |items: &[Generated]| {
            items
                .iter()
                .map(Generated::sexpr)
                .collect::<Vec<_>>()
                .join(" ")
        };
        match self {
            Generated::Number(value) => value.to_string(),
            Generated::Name(name) => name.to_string(),
            Generated::Negate(operand) => format!("(- {})", operand.sexpr()),
            Generated::Binary(operator, left, right) => {
                format!("({} {} {})", operator.symbol(), left.sexpr(), right.sexpr())
            }
            Generated::Call(name, arguments) => format!("({name} {})", join(arguments)),
            Generated::List(elements) => format!("[{}]", join(elements)),
        }
    }
}

fn generated() -> impl proptest::strategy::Strategy<Value = Generated> {
    use proptest::prelude::*;
    let leaf = prop_oneof![
        (0u32..1000).prop_map(Generated::Number),
        prop::sample::select(vec!["x", "P", "Q", "σ", "inf", "let"]).prop_map(Generated::Name),
    ];
    leaf.prop_recursive(6, 48, 4, |inner| {
        let operator = prop::sample::select(vec![
            BinaryOperator::Add,
            BinaryOperator::Subtract,
            BinaryOperator::Multiply,
            BinaryOperator::Divide,
            BinaryOperator::Power,
            BinaryOperator::Against,
        ]);
        prop_oneof![
            inner
                .clone()
                .prop_map(|operand| Generated::Negate(Box::new(operand))),
            (operator, inner.clone(), inner.clone()).prop_map(|(operator, left, right)| {
                Generated::Binary(operator, Box::new(left), Box::new(right))
            }),
            (
                prop::sample::select(vec!["KL", "N", "f"]),
                prop::collection::vec(inner.clone(), 1..4)
            )
                .prop_map(|(name, arguments)| Generated::Call(name, arguments)),
            prop::collection::vec(inner, 1..4).prop_map(Generated::List),
        ]
    })
}

proptest::proptest! {
    #[test]
    fn minimally_parenthesised_text_parses_back_to_its_tree(expression in generated()) {
        let text = expression.text();
        // `let` is a keyword at the start of a line only; a leading `let` is not an expression.
        proptest::prop_assume!(!text.starts_with("let"));
        let parsed = parse(&text);
        proptest::prop_assert!(parsed.is_ok(), "{text:?}: {:?}", parsed);
        if let Ok(Statement::Expr(expr)) = &parsed {
            assert_spans_fit(&text, expr, Span::new(0, text.len()));
            proptest::prop_assert_eq!(sexpr(&Statement::Expr(expr.clone())), expression.sexpr(), "{}", text);
        }
    }
}
