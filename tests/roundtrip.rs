//! The plain printer re-parses: for every same-family rule's exact form at example parameters, the printed
//! text evaluates to the same certified digits. (Forms with the two-argument `besseli` are skipped: the language
//! has no two-argument function call yet.)

mod common;

use divcalc::{AnswerValue, Options, Outcome, Session};

fn answer(expression: &str) -> Option<(String, String)> {
    let mut session = Session::with_options(Options {
        digits: 30,
        ..Options::default()
    });
    match session.eval(expression) {
        Ok(Outcome::Answer(answer)) => match (answer.exact, answer.value) {
            (Some(exact), AnswerValue::Number(value)) => Some((exact.to_string(), value.decimal)),
            _ => None,
        },
        _ => None,
    }
}

#[test]
fn printed_exact_forms_evaluate_to_themselves() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for rule in divcalc::rules::all().filter(|rule| rule.q.is_none_or(|q| q == rule.p)) {
        let p = common::examples(rule.p)[0];
        let name = rule.name();
        let divergence = name.split('(').next().unwrap_or_default();
        let q = rule.q.map(|kind| common::examples(kind)[1]);
        let expression = common::query(divergence, p, q, "1/3");
        // Only closed forms: the numeric fallback has no exact form to print.
        let Some((exact, value)) = answer(&expression) else {
            continue;
        };
        if exact.contains("besseli") {
            continue;
        }
        checked += 1;
        match answer(&exact) {
            Some((_, value_again)) if value_again == value => {}
            other => failures.push(format!(
                "{expression}: printed {exact}, which gives {other:?}"
            )),
        }
    }
    assert!(checked > 100, "only {checked} exact forms were checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
