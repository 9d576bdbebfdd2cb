//! Property tests: the simplifier keeps values (checked in f64 on random constant trees, and on random
//! symbolic trees at random points of the symbols' domains) and is idempotent.

use proptest::prelude::*;

use super::{canonical, simplify};
use crate::sym::float::eval_f64;
use crate::sym::{
    abs, digamma, e, euler_gamma, exp, lgamma, log, pi, product, sqrt, sum, trigamma, Domain, Expr,
};

fn constant_leaf() -> BoxedStrategy<Expr> {
    prop_oneof![
        4 => (-12i64..=12, 1i64..=8).prop_map(|(n, d)| Expr::ratio(n, d)),
        1 => Just(pi()),
        1 => Just(e()),
        1 => Just(euler_gamma()),
        3 => (1i64..=60, 1i64..=12).prop_map(|(n, d)| log(Expr::ratio(n, d))),
        2 => (1i64..=40, 1i64..=6).prop_map(|(n, d)| sqrt(Expr::ratio(n, d))),
        1 => (1i64..=24).prop_map(|n| digamma(Expr::ratio(n, 2))),
        // log Γ(1) = log Γ(2) = 0 exactly, but not in f64: a log of that noise would fail spuriously.
        1 => (1i64..=24).prop_filter("not a zero of log Γ", |n| *n != 2 && *n != 4).prop_map(|n| lgamma(Expr::ratio(n, 2))),
        1 => (1i64..=24).prop_map(|n| trigamma(Expr::ratio(n, 2))),
    ]
    .boxed()
}

fn symbolic_leaf() -> BoxedStrategy<Expr> {
    prop_oneof![
        3 => constant_leaf(),
        2 => Just(Expr::symbol("x", Domain::Real)),
        2 => Just(Expr::symbol("v", Domain::Positive)),
        1 => Just(Expr::symbol("p", Domain::OpenUnit)),
        1 => Just(Expr::symbol("n", Domain::PositiveInteger)),
        1 => Just(Expr::symbol("w", Domain::NonNegative)),
    ]
    .boxed()
}

fn tree(leaf: BoxedStrategy<Expr>) -> impl Strategy<Value = Expr> {
    leaf.prop_recursive(5, 48, 4, |inner| {
        prop_oneof![
            3 => prop::collection::vec(inner.clone(), 2..4).prop_map(sum),
            3 => prop::collection::vec(inner.clone(), 2..4).prop_map(product),
            2 => (inner.clone(), inner.clone()).prop_map(|(a, b)| a / b),
            2 => (inner.clone(), -3i64..=3).prop_map(|(a, n)| a.powi(n)),
            1 => (inner.clone(), prop::sample::select(vec![(1, 2), (1, 3), (3, 2), (-1, 2), (2, 3), (-3, 4)]))
                .prop_map(|(a, (n, d))| a.pow(Expr::ratio(n, d))),
            1 => inner.clone().prop_map(log),
            1 => inner.clone().prop_map(|a| log(abs(a))),
            1 => inner.clone().prop_map(exp),
            1 => inner.clone().prop_map(sqrt),
            1 => inner.clone().prop_map(abs),
            1 => (inner.clone(), inner.clone()).prop_map(|(a, b)| exp(a * log(abs(b)))),
        ]
    })
}

/// A sum or product of several trees, for bigger expressions with more chances to cancel.
fn forest(leaf: BoxedStrategy<Expr>) -> impl Strategy<Value = Expr> {
    (prop::collection::vec(tree(leaf), 2..6), any::<bool>()).prop_map(|(trees, is_sum)| {
        if is_sum {
            sum(trees)
        } else {
            product(trees)
        }
    })
}

/// Values of the symbols to test at: several points of each domain, including the awkward ones.
const POINTS: [[(&str, (i64, i64)); 5]; 4] = [
    [
        ("x", (-5, 2)),
        ("v", (1, 3)),
        ("p", (1, 4)),
        ("n", (1, 1)),
        ("w", (0, 1)),
    ],
    [
        ("x", (7, 10)),
        ("v", (2, 1)),
        ("p", (2, 3)),
        ("n", (3, 1)),
        ("w", (5, 2)),
    ],
    [
        ("x", (-1, 2)),
        ("v", (7, 2)),
        ("p", (1, 2)),
        ("n", (2, 1)),
        ("w", (1, 3)),
    ],
    [
        ("x", (3, 1)),
        ("v", (1, 1)),
        ("p", (9, 10)),
        ("n", (5, 1)),
        ("w", (4, 1)),
    ],
];

fn at_point(expr: &Expr, point: &[(&str, (i64, i64))]) -> Expr {
    point.iter().fold(expr.clone(), |acc, (name, (n, d))| {
        acc.substitute(name, &Expr::ratio(*n, *d))
    })
}

/// Whether `expr` has a power too big for f64 (kept exact and unevaluated by the simplifier, where the
/// original tree may still evaluate: `1/exp(181440·log(5/2))` is 0 in f64 but `2^181440/5^181440` is NaN).
fn overflows_f64(expr: &Expr) -> bool {
    expr.any(&|e| matches!(e, Expr::Pow(_, exponent) if matches!(&**exponent, Expr::Number(n) if crate::exact::to_f64(n).abs() > 300.0)))
}

/// The f64 value of `expr` when every sub-expression is finite (f64 turns 1/0 into ∞ and 1/∞ into 0, which
/// would make undefined expressions look defined).
/// Near a singularity (the log or a negative power of a value that is 0 up to rounding, as in
/// `log(log(4/5) + log(5/4))`) f64 gives a finite value where the exact expression has none: undefined too.
fn defined_value(expr: &Expr) -> Option<f64> {
    let near_zero = |e: &Expr| eval_f64(e).is_some_and(|value| value.abs() < 1e-9);
    let singular = |sub: &Expr| match sub {
        Expr::Apply(crate::sym::Function::Log, arguments) => arguments.iter().any(near_zero),
        Expr::Pow(base, exponent) => {
            near_zero(base) && eval_f64(exponent).is_some_and(|value| value < 0.0)
        }
        other => eval_f64(other).is_some_and(|value| !value.is_finite()),
    };
    if expr.any(&singular) {
        return None;
    }
    eval_f64(expr)
}

/// Whether `after` agrees with `before` where `before` is a moderate finite value.
fn agrees(before: Option<f64>, after: Option<f64>) -> Result<(), String> {
    let Some(before) = before.filter(|b| b.is_finite() && b.abs() < 1e8) else {
        return Ok(());
    };
    let Some(after) = after else {
        return Err(format!("value {before} lost"));
    };
    let tolerance = 1e-7 * (1.0 + before.abs());
    if (after - before).abs() <= tolerance {
        Ok(())
    } else {
        Err(format!("{before} became {after}"))
    }
}

/// A second opinion when f64 disagrees: f64 loses everything when a factor that is exactly 0 (`x - 10/3 + 1/3`
/// at x = 3) meets a huge one, so compare certified enclosures at 256 bits instead.
fn certified_agreement(before: &Expr, after: &Expr, error: String) -> Result<(), String> {
    let never = crate::interrupt::Never;
    match (
        crate::numeric::enclose(before, 256, &never),
        crate::numeric::enclose(after, 256, &never),
    ) {
        (Ok(a), Ok(b)) if a.lower <= b.upper && b.lower <= a.upper => Ok(()),
        _ => Err(error),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn simplify_keeps_the_value_of_constant_trees(expr in forest(constant_leaf())) {
        let simplified = simplify(&expr);
        prop_assume!(!overflows_f64(&simplified));
        let verdict = agrees(defined_value(&expr), eval_f64(&simplified));
        prop_assert!(verdict.is_ok(), "{:?}: {}\n  {}", verdict, expr, simplified);
    }

    #[test]
    fn simplify_keeps_the_value_of_symbolic_trees(expr in forest(symbolic_leaf())) {
        let simplified = simplify(&expr);
        prop_assume!(!overflows_f64(&simplified));
        for point in &POINTS {
            let (before, after) = (at_point(&expr, point), at_point(&simplified, point));
            let verdict = agrees(defined_value(&before), eval_f64(&after)).or_else(|error| certified_agreement(&before, &after, error));
            prop_assert!(verdict.is_ok(), "{:?} at {:?}: {}\n  {}", verdict, point, expr, simplified);
        }
    }

    #[test]
    fn simplify_is_idempotent(expr in forest(symbolic_leaf())) {
        let once = simplify(&expr);
        let twice = simplify(&once);
        prop_assert_eq!(&twice, &once, "{}", expr);
    }

    #[test]
    fn one_pass_reaches_the_canonical_form(expr in forest(symbolic_leaf())) {
        let once = canonical(&expr);
        let twice = canonical(&once);
        prop_assert_eq!(&twice, &once, "{}", expr);
    }
}

/// The value tests are only as good as their inputs: most generated trees must be symbolic, big enough to
/// combine, and defined at most of the test points.
#[test]
fn generated_trees_are_big_and_mostly_defined() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = forest(symbolic_leaf());
    let (mut defined, mut symbolic, mut nodes) = (0, 0, 0);
    let total = 400;
    for _ in 0..total {
        let Ok(tree) = strategy.new_tree(&mut runner) else {
            continue;
        };
        let expr = tree.current();
        nodes += expr.size();
        symbolic += usize::from(expr.has_symbols());
        defined += POINTS
            .iter()
            .filter(|point| defined_value(&at_point(&expr, &point[..])).is_some())
            .count();
    }
    assert!(nodes / total >= 15, "mean size {}", nodes / total);
    assert!(
        symbolic * 10 >= total * 8,
        "{symbolic} symbolic trees of {total}"
    );
    assert!(
        defined * 2 >= total * POINTS.len() / 2,
        "{defined} defined points"
    );
}
