//! End to end through `Session::eval` at 30 digits against the 50-digit public reference values.

use crate::session::{AnswerValue, Options, Outcome, Session};

/// (exact form, certified decimal).
#[track_caller]
fn evaluate(input: &str) -> (Option<String>, String) {
    let mut session = Session::with_options(Options {
        digits: 30,
        ..Options::default()
    });
    match session.eval(input) {
        Ok(Outcome::Answer(answer)) => match answer.value {
            AnswerValue::Number(certified) => {
                (answer.exact.map(|e| e.to_string()), certified.decimal)
            }
            other => panic!("{input}: {other:?}"),
        },
        other => panic!("{input}: {other:?}"),
    }
}

fn reference(input: &str) -> String {
    include_str!("../../../tests/data/public_cases.jsonl")
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .find(|case| case["expr"] == input)
        .and_then(|case| case["value"].as_str().map(str::to_string))
        .unwrap_or_else(|| panic!("no public case {input}"))
}

/// The reference rounded to the 30 significant digits we print (these references are not near a tie).
fn rounded(reference: &str, digits: usize) -> String {
    let (whole, fraction) = reference.split_once('.').unwrap_or((reference, ""));
    let leading = fraction.len() - fraction.trim_start_matches('0').len();
    let significant_start = if whole == "0" { leading } else { 0 };
    let kept = digits - if whole == "0" { 0 } else { whole.len() } + significant_start;
    let all: Vec<u32> = format!("{whole}{fraction}")
        .chars()
        .filter_map(|c| c.to_digit(10))
        .collect();
    let cut = whole.len() + kept;
    let mut head: Vec<u32> = all[..cut].to_vec();
    if all[cut] >= 5 {
        let mut index = head.len();
        while index > 0 {
            index -= 1;
            if head[index] == 9 {
                head[index] = 0;
            } else {
                head[index] += 1;
                break;
            }
        }
    }
    let text: String = head
        .iter()
        .map(|d| char::from_digit(*d, 10).unwrap_or('0'))
        .collect();
    format!("{}.{}", &text[..whole.len()], &text[whole.len()..])
}

#[test]
fn public_cases() {
    for input in [
        "TV(Laplace(0,1) || Laplace(2,1))",
        "TV(U(0,1) || U(1/2,3/2))",
        "TV(N(0, 1e-8) || N(0, 1e8))",
    ] {
        let (_, decimal) = evaluate(input);
        assert_eq!(decimal, rounded(&reference(input), 30), "{input}");
    }
    assert_eq!(
        evaluate("TV(Laplace(0,1) || Laplace(2,1))").0.as_deref(),
        Some("1 - exp(-1)")
    );
    assert_eq!(
        evaluate("TV(U(0,1) || U(1/2,3/2))").0.as_deref(),
        Some("1/2")
    );
}

#[test]
fn closed_forms_by_hand() {
    for (input, by_hand) in [
        // 2Φ(|Δμ|/(2σ)) − 1 = erf(|Δμ|/(2√2 σ)).
        ("TV(N(0, 4) || N(3, 4))", "erf(3/(4*sqrt(2)))"),
        // x* = log 3/2, TV = e^(−x*) − e^(−3x*) = 3^(−1/2) − 3^(−3/2).
        ("TV(Exp(1) || Exp(3))", "1/sqrt(3) - 1/(3*sqrt(3))"),
        ("TV(Cauchy(0,1) || Cauchy(1,2))", "2*atan(1/2)/pi"),
        ("TV(Geom(1/2) || Geom(1/5))", "39/100"),
    ] {
        assert_eq!(
            evaluate(input).1,
            evaluate(by_hand).1,
            "{input} vs {by_hand}"
        );
    }
}
