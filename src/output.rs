//! Renders outcomes as the contract's plain, LaTeX and JSON output (contract §5).

use serde::Serialize;

use crate::error::Error;
use crate::session::{Answer, AnswerValue, Format, Outcome};
use crate::sym::print;

/// The text printed for an outcome (no trailing newline); empty for a blank line.
pub fn render(outcome: &Outcome, format: Format) -> String {
    match outcome {
        Outcome::Answer(answer) => match format {
            Format::Plain => plain(answer),
            Format::Latex => latex(answer),
            Format::Json => json(answer),
        },
        Outcome::Bound { name, value } => match format {
            Format::Json => serde_json::json!({ "let": name, "value": value }).to_string(),
            _ => format!("{name} = {value}"),
        },
        Outcome::Distribution(text) => match format {
            Format::Json => serde_json::json!({ "distribution": text }).to_string(),
            _ => text.clone(),
        },
        Outcome::Nothing => String::new(),
    }
}

/// The JSON object for an error: `{"input": …, "error": …}`.
pub fn json_error(input: &str, error: &Error) -> String {
    #[derive(Serialize)]
    struct JsonError<'a> {
        input: &'a str,
        error: String,
    }
    let record = JsonError {
        input: input.trim(),
        error: error.to_string(),
    };
    serde_json::to_string(&record).unwrap_or_else(|_| String::from("{\"error\": \"unprintable\"}"))
}

fn method_note(answer: &Answer) -> String {
    match &answer.value {
        AnswerValue::Number(certified) if answer.method != crate::sym::Method::ClosedForm => {
            let bound = certified.error_bound.as_deref().unwrap_or("0");
            let kind = if answer.proven {
                "error <="
            } else {
                "estimated error"
            };
            format!("  ({}, {kind} {bound})", answer.method.name())
        }
        _ => String::new(),
    }
}

fn plain(answer: &Answer) -> String {
    match &answer.value {
        AnswerValue::Infinite { negative, reason } => {
            format!("{}  ({reason})", if *negative { "-inf" } else { "inf" })
        }
        AnswerValue::Symbolic => answer.exact.as_ref().map(print::plain).unwrap_or_default(),
        AnswerValue::Number(certified) => {
            let relation = if certified.error_bound.is_none() {
                "="
            } else {
                "≈"
            };
            let digits = format!("{relation} {}{}", certified.decimal, method_note(answer));
            match &answer.exact {
                Some(exact) => {
                    let text = print::plain(exact);
                    if exact.as_rational().is_some_and(|value| value.is_integer()) {
                        text
                    } else {
                        format!("{text}\n{digits}")
                    }
                }
                None => digits,
            }
        }
    }
}

fn latex(answer: &Answer) -> String {
    match &answer.value {
        AnswerValue::Infinite { negative, .. } => {
            (if *negative { "-\\infty" } else { "\\infty" }).to_string()
        }
        AnswerValue::Symbolic => answer.exact.as_ref().map(print::latex).unwrap_or_default(),
        AnswerValue::Number(certified) => {
            let relation = if certified.error_bound.is_none() {
                "="
            } else {
                "\\approx"
            };
            match &answer.exact {
                Some(exact) if exact.as_rational().is_some_and(|value| value.is_integer()) => {
                    print::latex(exact)
                }
                Some(exact) => format!("{} {relation} {}", print::latex(exact), certified.decimal),
                None => format!("{relation} {}", certified.decimal),
            }
        }
    }
}

/// Key order follows the contract: input, exact, value, method, rule, then the optional keys.
#[derive(Serialize)]
struct JsonAnswer<'a> {
    input: &'a str,
    exact: Option<String>,
    value: Option<String>,
    method: &'static str,
    rule: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_bound: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error_estimate: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

fn json(answer: &Answer) -> String {
    let numeric = answer.method != crate::sym::Method::ClosedForm;
    let (value, bound, reason) = match &answer.value {
        AnswerValue::Number(certified) => (
            Some(certified.decimal.clone()),
            certified.error_bound.as_deref(),
            None,
        ),
        AnswerValue::Infinite { negative, reason } => (
            Some(if *negative { "-inf" } else { "inf" }.to_string()),
            None,
            Some(reason.as_str()),
        ),
        AnswerValue::Symbolic => (None, None, None),
    };
    let bound = if numeric { bound.or(Some("0")) } else { None };
    let record = JsonAnswer {
        input: answer.input.trim(),
        exact: answer.exact.as_ref().map(print::plain),
        value,
        method: answer.method.name(),
        rule: answer.rule.as_deref(),
        error_bound: if answer.proven { bound } else { None },
        error_estimate: if answer.proven { None } else { bound },
        reason,
    };
    serde_json::to_string(&record).unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"))
}
