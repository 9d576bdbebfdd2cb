//! insta snapshots (stored in `snapshots/`) of what users see: every rule's exact form and 50-digit value at two
//! parameter sets, every rule's formula over symbolic parameters, and every kind of error message.

mod common;

use divcalc::rules;
use divcalc::{output, Format, Options, Outcome, Session};

fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// The one-line plain result of an expression at 50 digits, or its error.
fn result(expression: &str) -> String {
    let mut session = Session::with_options(Options {
        digits: 50,
        ..Options::default()
    });
    match session.eval(expression) {
        Ok(Outcome::Answer(answer)) => {
            let rule = answer.rule.clone().unwrap_or_default();
            let text = output::render(&Outcome::Answer(answer), Format::Plain).replace('\n', " ");
            format!("{text}    [{rule}]")
        }
        Ok(other) => format!("{other:?}"),
        Err(error) => format!("error: {error}"),
    }
}

#[test]
fn every_rule_at_two_parameter_sets() {
    let mut lines = Vec::new();
    for rule in rules::all() {
        let p = common::examples(rule.p);
        let name = rule.name();
        let divergence = name.split('(').next().unwrap_or_default();
        for (set, order) in [(0, "1/3"), (1, "5/2")] {
            let q = rule.q.map(|kind| common::examples(kind)[1 - set]);
            let expression = common::query(divergence, p[set], q, order);
            lines.push(format!("{name}: {expression}\n    {}", result(&expression)));
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
