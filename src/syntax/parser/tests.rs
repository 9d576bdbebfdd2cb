//! Parser tests: trees through their S-expressions, spans, errors with their exact span, hostile input.

use super::*;
use crate::exact::{integer, ratio};
use crate::syntax::sexpr::sexpr;

/// The S-expression of a line that must parse.
#[track_caller]
fn tree(input: &str) -> String {
    match parse(input) {
        Ok(statement) => sexpr(&statement),
        Err(error) => panic!("{input:?} failed: {error} at {:?}", error.span),
    }
}

/// `start..end message` for a line that must fail.
#[track_caller]
fn failure(input: &str) -> String {
    match parse(input) {
        Ok(statement) => panic!("{input:?} parsed as {}", sexpr(&statement)),
        Err(error) => format!("{}..{} {}", error.span.start, error.span.end, error.kind),
    }
}

/// Every node's span as the text it covers, one node per line, children indented; binary nodes add their
/// operator's span, calls their name's span and keywords theirs.
fn spans(input: &str) -> String {
    fn walk(source: &str, expr: &Expr, indent: usize, out: &mut Vec<String>) {
        let pad = "  ".repeat(indent);
        let text = expr.span.slice(source);
        match &expr.kind {
            ExprKind::Binary {
                operator_span,
                left,
                right,
                ..
            } => {
                out.push(format!("{pad}{text} @{}", operator_span.slice(source)));
                walk(source, left, indent + 1, out);
                walk(source, right, indent + 1, out);
            }
            ExprKind::Call {
                name_span,
                arguments,
                ..
            } => {
                out.push(format!("{pad}{text} @{}", name_span.slice(source)));
                for argument in arguments {
                    if let Some((_, span)) = &argument.keyword {
                        out.push(format!("{pad}  ={}", span.slice(source)));
                    }
                    walk(source, &argument.value, indent + 1, out);
                }
            }
            ExprKind::Negate(operand) => {
                out.push(format!("{pad}{text}"));
                walk(source, operand, indent + 1, out);
            }
            ExprKind::List(elements) => {
                out.push(format!("{pad}{text}"));
                elements
                    .iter()
                    .for_each(|element| walk(source, element, indent + 1, out));
            }
            ExprKind::Number(_) | ExprKind::Name(_) => out.push(format!("{pad}{text}")),
        }
    }
    let mut out = Vec::new();
    match parse(input).expect("parses") {
        Statement::Let {
            name_span, value, ..
        } => {
            out.push(format!("let {}", name_span.slice(input)));
            walk(input, &value, 1, &mut out);
        }
        Statement::Expr(expr) => walk(input, &expr, 0, &mut out),
    }
    out.join("\n")
}

#[test]
fn precedence_of_the_arithmetic_operators() {
    insta::assert_snapshot!(tree("1 + 2 * 3"), @"(+ 1 (* 2 3))");
    insta::assert_snapshot!(tree("1 * 2 + 3"), @"(+ (* 1 2) 3)");
    insta::assert_snapshot!(tree("(1 + 2) * 3"), @"(* (+ 1 2) 3)");
    insta::assert_snapshot!(tree("2 * 3 ^ 2"), @"(* 2 (^ 3 2))");
    insta::assert_snapshot!(tree("-x * y"), @"(* (- x) y)");
    insta::assert_snapshot!(tree("a * -b"), @"(* a (- b))");
    insta::assert_snapshot!(tree("1 - -1"), @"(- 1 (- 1))");
    insta::assert_snapshot!(tree("-(1/7)"), @"(- (/ 1 7))");
    insta::assert_snapshot!(tree("--x"), @"(- (- x))");
}

#[test]
fn associativity() {
    insta::assert_snapshot!(tree("1 - 2 - 3"), @"(- (- 1 2) 3)");
    insta::assert_snapshot!(tree("8 / 4 / 2"), @"(/ (/ 8 4) 2)");
    insta::assert_snapshot!(tree("1 + 2 - 3 + 4"), @"(+ (- (+ 1 2) 3) 4)");
    insta::assert_snapshot!(tree("2 ^ 3 ^ 2"), @"(^ 2 (^ 3 2))");
    insta::assert_snapshot!(tree("2^2^2^2^2^2"), @"(^ 2 (^ 2 (^ 2 (^ 2 (^ 2 2)))))");
}

#[test]
fn unary_minus_and_powers() {
    insta::assert_snapshot!(tree("-2^2"), @"(- (^ 2 2))");
    insta::assert_snapshot!(tree("2^-3"), @"(^ 2 (- 3))");
    insta::assert_snapshot!(tree("2^-3^2"), @"(^ 2 (- (^ 3 2)))");
    insta::assert_snapshot!(tree("(-2)^2"), @"(^ (- 2) 2)");
    insta::assert_snapshot!(tree("2^(1/2)"), @"(^ 2 (/ 1 2))");
}

#[test]
fn numbers_are_exact_rationals() {
    insta::assert_snapshot!(tree("0.1"), @"1/10");
    insta::assert_snapshot!(tree("1e-6"), @"1/1000000");
    insta::assert_snapshot!(tree("2.5E3"), @"2500");
    insta::assert_snapshot!(tree(".5 + 12"), @"(+ 1/2 12)");
    let Ok(Statement::Expr(expr)) = parse("0.30") else {
        panic!("0.30 parses")
    };
    assert_eq!(expr.kind, ExprKind::Number(ratio(3, 10)));
    let Ok(Statement::Expr(expr)) = parse("1e3") else {
        panic!("1e3 parses")
    };
    assert_eq!(expr.kind, ExprKind::Number(integer(1000)));
}

#[test]
fn divergence_forms() {
    insta::assert_snapshot!(tree("N(0,1) || N(0,4)"), @"(|| (N 0 1) (N 0 4))");
    insta::assert_snapshot!(tree("N(0,1) ‖ N(0,4)"), @"(|| (N 0 1) (N 0 4))");
    insta::assert_snapshot!(tree("KL(N(0,1) || N(0,4))"), @"(KL (|| (N 0 1) (N 0 4)))");
    insta::assert_snapshot!(tree("KL(N(0,1) || N(0, sd=2))"), @"(KL (|| (N 0 1) (N 0 (= sd 2))))");
    insta::assert_snapshot!(tree("Renyi(1/3, P || Q)"), @"(Renyi (/ 1 3) (|| P Q))");
    insta::assert_snapshot!(tree("Renyi(inf, P || Q)"), @"(Renyi inf (|| P Q))");
    insta::assert_snapshot!(tree("H(P)"), @"(H P)");
    insta::assert_snapshot!(tree("H(P, Q)"), @"(H P Q)");
    insta::assert_snapshot!(tree("sqrt(JS(P||Q))"), @"(sqrt (JS (|| P Q)))");
    insta::assert_snapshot!(tree("KL(P||Q) - KL(Q||P)"), @"(- (KL (|| P Q)) (KL (|| Q P)))");
    insta::assert_snapshot!(tree("KL(N(m, v) || N(0, 1))"), @"(KL (|| (N m v) (N 0 1)))");
}

#[test]
fn against_binds_loosest() {
    insta::assert_snapshot!(
        tree("0.3*N(0,1) + 0.7*N(2,1) || N(0,1)"),
        @"(|| (+ (* 3/10 (N 0 1)) (* 7/10 (N 2 1))) (N 0 1))"
    );
    insta::assert_snapshot!(tree("(P || Q)"), @"(|| P Q)");
    insta::assert_snapshot!(tree("(P || Q) || R"), @"(|| (|| P Q) R)");
}

#[test]
fn lists_vectors_and_matrices() {
    insta::assert_snapshot!(tree("[1, 2]"), @"[1 2]");
    insta::assert_snapshot!(tree("MVN([0,0],[[2,1],[1,2]])"), @"(MVN [0 0] [[2 1] [1 2]])");
    insta::assert_snapshot!(tree("Cat([0.7, 0.2, 0.1])"), @"(Cat [7/10 1/5 1/10])");
    insta::assert_snapshot!(tree("Cat(0.7, 0.2, 0.1)"), @"(Cat 7/10 1/5 1/10)");
    insta::assert_snapshot!(tree("[-1, 2*x]"), @"[(- 1) (* 2 x)]");
}

#[test]
fn let_bindings_and_names() {
    insta::assert_snapshot!(tree("let P = N(0,1)"), @"(let P (N 0 1))");
    insta::assert_snapshot!(tree("  let  μ=σ^2"), @"(let μ (^ σ 2))");
    insta::assert_snapshot!(tree("letter + 1"), @"(+ letter 1)");
    insta::assert_snapshot!(tree("x + let"), @"(+ x let)");
    insta::assert_snapshot!(tree("_a1 * B_2"), @"(* _a1 B_2)");
    insta::assert_snapshot!(tree("N(μ, σ^2)"), @"(N μ (^ σ 2))");
}

#[test]
fn blanks_and_comments() {
    insta::assert_snapshot!(tree("  KL ( N ( 0 , 1 )||N(0,4) )  "), @"(KL (|| (N 0 1) (N 0 4)))");
    insta::assert_snapshot!(tree("1 + 2 # the sum"), @"(+ 1 2)");
    insta::assert_snapshot!(tree("1 +\t2"), @"(+ 1 2)");
    insta::assert_snapshot!(tree("f (x)"), @"(f x)");
    insta::assert_snapshot!(tree("N(0, sd = 2)"), @"(N 0 (= sd 2))");
}

#[test]
fn spans_of_binary_nodes_cover_both_operands() {
    insta::assert_snapshot!(spans("1 + 2*3"), @r"
    1 + 2*3 @+
      1
      2*3 @*
        2
        3
    ");
    insta::assert_snapshot!(spans("(1+2) * x"), @r"
    (1+2) * x @*
      (1+2) @+
        1
        2
      x
    ");
    insta::assert_snapshot!(spans("P ‖ Q"), @r"
    P ‖ Q @‖
      P
      Q
    ");
}

#[test]
fn spans_of_calls_keywords_lists_and_negations() {
    insta::assert_snapshot!(spans("KL(N(0, sd=2) || Q)"), @r"
    KL(N(0, sd=2) || Q) @KL
      N(0, sd=2) || Q @||
        N(0, sd=2) @N
          0
          =sd
          2
        Q
    ");
    insta::assert_snapshot!(spans("- [1, -x] ^ 2"), @r"
    - [1, -x] ^ 2
      [1, -x] ^ 2 @^
        [1, -x]
          1
          -x
            x
        2
    ");
    insta::assert_snapshot!(spans("let P = N (0, 1)"), @r"
    let P
      N (0, 1) @N
        0
        1
    ");
}

#[test]
fn span_values_are_byte_offsets() {
    let Ok(Statement::Expr(expr)) = parse("σ ‖ 12") else {
        panic!("parses")
    };
    assert_eq!(expr.span, Span::new(0, 9));
    let ExprKind::Binary {
        operator_span,
        left,
        right,
        ..
    } = &expr.kind
    else {
        panic!("binary")
    };
    assert_eq!(
        (*operator_span, left.span, right.span),
        (Span::new(3, 6), Span::new(0, 2), Span::new(7, 9))
    );
}

#[test]
fn errors_point_at_the_first_byte_not_accepted() {
    insta::assert_snapshot!(failure("KL(N(0,1) || N(0,4)"), @"19..19 expected ')'");
    insta::assert_snapshot!(failure("N(0,,1)"), @"4..5 expected an expression");
    insta::assert_snapshot!(failure("1 +"), @"3..3 expected an expression");
    insta::assert_snapshot!(failure("1 +   "), @"6..6 expected an expression");
    insta::assert_snapshot!(failure("N()"), @"2..3 expected an argument");
    insta::assert_snapshot!(failure("N(0,1,)"), @"6..7 expected an expression");
    insta::assert_snapshot!(failure("N(0 1)"), @"4..5 expected ')'");
    insta::assert_snapshot!(failure("N(0, sd=)"), @"8..9 expected an expression");
    insta::assert_snapshot!(failure("(1 + 2"), @"6..6 expected ')'");
    insta::assert_snapshot!(failure("2 ^"), @"3..3 expected an expression");
    insta::assert_snapshot!(failure("-"), @"1..1 expected an expression");
    insta::assert_snapshot!(failure("$"), @"0..1 expected an expression");
    insta::assert_snapshot!(failure("1 * €"), @"4..7 expected an expression");
    insta::assert_snapshot!(failure(")"), @"0..1 expected an expression");
    insta::assert_snapshot!(failure("1 + ."), @"4..5 expected an expression");
    insta::assert_snapshot!(failure("N(0, 1"), @"6..6 expected ')'");
    insta::assert_snapshot!(failure("P | Q"), @"2..3 unexpected '|' after the end of the expression");
}

#[test]
fn errors_in_lists() {
    insta::assert_snapshot!(failure("[]"), @"1..2 expected a list element");
    insta::assert_snapshot!(failure("[1, 2"), @"5..5 expected ']'");
    insta::assert_snapshot!(failure("[1 2]"), @"3..4 expected ']'");
    insta::assert_snapshot!(failure("[1,]"), @"3..4 expected an expression");
    insta::assert_snapshot!(failure("[a=1]"), @"2..3 expected ']'");
}

#[test]
fn errors_in_let() {
    insta::assert_snapshot!(failure("let = 1"), @"4..5 expected a name after 'let'");
    insta::assert_snapshot!(failure("let x 1"), @"6..7 expected '='");
    insta::assert_snapshot!(failure("let x ="), @"7..7 expected an expression");
    insta::assert_snapshot!(failure("let 2 = x"), @"4..5 expected a name after 'let'");
}

#[test]
fn trailing_input() {
    insta::assert_snapshot!(failure("1 2"), @"2..3 unexpected '2' after the end of the expression");
    insta::assert_snapshot!(failure("1 + 2)"), @"5..6 unexpected ')' after the end of the expression");
    insta::assert_snapshot!(failure("N(0,1) N(0,4)"), @"7..8 unexpected 'N' after the end of the expression");
    insta::assert_snapshot!(failure("x = 3"), @"2..3 unexpected '=' after the end of the expression");
    insta::assert_snapshot!(failure("2x"), @"1..2 unexpected 'x' after the end of the expression");
    insta::assert_snapshot!(failure("1 2.5e3"), @"2..7 unexpected '2.5e3' after the end of the expression");
    let long = format!("x {}", "y".repeat(1000));
    insta::assert_snapshot!(
        failure(&long),
        @"2..1002 unexpected 'yyyyyyyyyyyyyyyyyyyyyyyy…' after the end of the expression"
    );
}

#[test]
fn against_does_not_chain() {
    let chained = "'||' cannot be chained: a divergence compares exactly two distributions";
    assert_eq!(failure("P || Q || R"), format!("7..9 {chained}"));
    assert_eq!(failure("KL(P ‖ Q ‖ R)"), format!("11..14 {chained}"));
}

#[test]
fn empty_input() {
    assert_eq!(failure(""), "0..0 empty input");
    assert_eq!(failure("   "), "3..3 empty input");
    assert_eq!(failure("  # only a comment"), "18..18 empty input");
}

#[test]
fn invalid_numbers_name_the_problem() {
    insta::assert_snapshot!(failure("1e+ 2"), @"0..3 invalid number: expected digits after 'e' in the exponent");
    insta::assert_snapshot!(
        failure("2 * 1e999999999"),
        @"4..15 invalid number: the exponent is too large (the number would have more than 100000 digits)"
    );
}

/// `count` copies of `open`, an `x`, then `count` copies of `close`.
fn nested(open: &str, close: &str, count: usize) -> String {
    format!("{}x{}", open.repeat(count), close.repeat(count))
}

#[test]
fn nesting_up_to_the_limit_parses() {
    assert!(parse(&nested("(", ")", MAX_DEPTH)).is_ok());
    assert!(parse(&nested("[", "]", MAX_DEPTH)).is_ok());
    assert!(parse(&nested("f(", ")", MAX_DEPTH)).is_ok());
    assert!(parse(&nested("-", "", MAX_DEPTH)).is_ok());
    assert!(parse(&nested("(-", ")", MAX_DEPTH / 2)).is_ok());
    let sum = vec!["1"; MAX_DEPTH + 1].join("+");
    assert!(parse(&sum).is_ok());
}

#[test]
fn nesting_past_the_limit_is_too_deep() {
    let too_deep = "expression nested too deeply (more than 256 levels)";
    assert_eq!(
        failure(&nested("(", ")", MAX_DEPTH + 1)),
        format!("256..257 {too_deep}")
    );
    assert_eq!(
        failure(&nested("-", "", MAX_DEPTH + 1)),
        format!("256..257 {too_deep}")
    );
    assert_eq!(
        failure(&nested("[", "]", MAX_DEPTH + 1)),
        format!("256..257 {too_deep}")
    );
    assert_eq!(
        failure(&nested("f(", ")", MAX_DEPTH + 1)),
        format!("513..514 {too_deep}")
    );
    let sum = vec!["1"; MAX_DEPTH + 2].join("+");
    assert_eq!(failure(&sum), format!("513..514 {too_deep}"));
}

#[test]
fn hostile_nesting_is_refused_without_overflowing_the_stack() {
    let too_deep = "expression nested too deeply (more than 256 levels)";
    for (open, close) in [
        ("(", ")"),
        ("-", ""),
        ("[", "]"),
        ("f(", ")"),
        ("- (", ")"),
        ("[(", ")]"),
    ] {
        let error = failure(&nested(open, close, 100_000));
        assert!(error.ends_with(too_deep), "{open}: {error}");
    }
    let unclosed = "(".repeat(100_000);
    assert!(failure(&unclosed).ends_with(too_deep));
    let tower = vec!["2"; 100_000].join("^");
    assert!(failure(&tower).ends_with(too_deep));
    let chain = vec!["1"; 100_000].join(" - ");
    assert!(failure(&chain).ends_with(too_deep));
    let mixed = format!("{}1{}", "((1+".repeat(1000), ")+1)".repeat(1000));
    assert!(failure(&mixed).ends_with(too_deep));
}

#[test]
fn hostile_length_is_refused() {
    let long = "1".repeat(MAX_INPUT_BYTES + 1);
    assert_eq!(
        failure(&long),
        format!("1048576..1048577 input too long (1048577 bytes; the limit is 1048576)")
    );
    let huge = "9".repeat(10_000_000);
    let started = std::time::Instant::now();
    assert!(failure(&huge).contains("input too long"));
    let digits = format!("0.{}", "3".repeat(999_990));
    assert_eq!(
        failure(&digits),
        "0..999992 invalid number: a literal may have at most 100000 digits"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn strip_spans_compares_structure() {
    let mut spaced = parse("KL( N(0 , sd=2) ||Q )").expect("parses");
    let mut compact = parse("KL(N(0,sd=2)||Q)").expect("parses");
    assert_ne!(spaced, compact);
    spaced.strip_spans();
    compact.strip_spans();
    assert_eq!(spaced, compact);
}
