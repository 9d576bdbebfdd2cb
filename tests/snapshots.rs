//! insta snapshots (stored in `snapshots/`) of what users see: every rule's exact form and 50-digit value at two
//! parameter sets, every rule's formula over symbolic parameters, and every kind of error message.

mod common;

use divcalc::divergence::DivergenceKind;
use divcalc::family::Family;
use divcalc::interrupt::Never;
use divcalc::numeric;
use divcalc::rules::{self, Query};
use divcalc::sym::Expr;
use divcalc::{output, Format, Session};

use common::member;

fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// The rule itself (not the dispatcher, which may answer earlier or fall back to quadrature) applied to the
/// example members: its exact form and 50 certified digits, or its verdict.
fn apply(rule: &divcalc::rules::Rule, p: &Family, q: Option<&Family>, order: &Expr) -> String {
    let query = Query {
        p,
        q,
        order: (rule.divergence == DivergenceKind::Renyi).then_some(order),
    };
    match (rule.formula)(&query) {
        Ok(expr) => {
            let exact = divcalc::sym::simplify(&expr);
            match numeric::certify(&exact, 50, numeric::Budget::default(), &Never) {
                Ok(value) => format!("{exact} ≈ {}", value.decimal),
                Err(error) => format!("{exact} (not certified: {error})"),
            }
        }
        Err(verdict) => format!("{verdict:?}"),
    }
}

#[test]
fn every_rule_at_two_parameter_sets() {
    let mut lines = Vec::new();
    for rule in rules::all() {
        let p = common::examples(rule.p);
        let name = rule.name();
        for (set, order) in [(0, Expr::ratio(1, 3)), (1, Expr::ratio(5, 2))] {
            let q_text = rule.q.map(|kind| common::examples(kind)[1 - set]);
            let q = q_text.map(member);
            let shown = match q_text {
                Some(q_text) => format!("{} || {q_text}", p[set]),
                None => p[set].to_string(),
            };
            lines.push(format!(
                "{name} at {shown}\n    {}",
                apply(rule, &member(p[set]), q.as_ref(), &order)
            ));
        }
    }
    settings().bind(|| insta::assert_snapshot!("rule_values", lines.join("\n")));
}

#[test]
fn every_rule_formula() {
    settings().bind(|| insta::assert_snapshot!("rule_formulas", rules::listing(Format::Plain)));
}

#[test]
fn error_messages() {
    let inputs = [
        "KL(N(0,1) || N(0,4)",
        "N(0,,1)",
        "N()",
        "1 +",
        "KL(N(0,1) || N(0,4)))",
        "P || Q || R",
        "1e999999999",
        "N(0, -1)",
        "N(0, sd=-2)",
        "U(1, 0)",
        "Cat(0.5, 0.4)",
        "MVN([0,0],[[1,2],[2,1]])",
        "N(0, 1, 2)",
        "N(0, sigma=1)",
        "Nromal(0, 1)",
        "KLL(N(0,1) || N(0,1))",
        "KL(N(0,1))",
        "KL(1 || 2)",
        "Renyi(-1, N(0,1) || N(0,2))",
        "log(-1)",
        "1/0",
        "(-8)^(1/3)",
        "0.3*N(0,1) + 0.6*N(1,1)",
        "Beta(0, 1)",
        "Bin(2.5, 0.5)",
        "Poisson(-1)",
        "H(N(0,1), N(0,1), N(0,1))",
        "KL(N(0,1) || MVN([0,0],[[1,0],[0,1]]))",
        "KL(Weibull(2, 1) || Cauchy(0, 1))",
        "2^2^2^2^2^2^2",
        "N",
        "let N = 3",
    ];
    let rendered: Vec<String> = inputs
        .iter()
        .map(|input| match Session::new().eval(input) {
            Ok(outcome) => format!(
                "{input}\n  (no error) {}",
                output::render(&outcome, Format::Plain)
            ),
            Err(error) => divcalc::diagnostic::render(input, &error),
        })
        .collect();
    settings().bind(|| insta::assert_snapshot!("error_messages", rendered.join("\n\n")));
}
