//! The reference values of `tests/data/public_cases.jsonl` (computed independently at 50 digits) must be
//! reproduced to 45 significant digits at `--digits 50`.

mod common;

use common::{agrees, evaluate};

/// Cases whose method is not built yet (the numeric fallback of issue 3). The test fails if one of them starts
/// passing, so that this list only ever shrinks.
const PENDING: &[&str] = &[];

#[test]
fn public_cases_agree_to_45_digits() {
    let cases = include_str!("data/public_cases.jsonl");
    let mut failures = Vec::new();
    let mut passed = 0;
    for line in cases.lines().filter(|line| !line.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
        let expression = case["expr"].as_str().expect("expr");
        let reference = case["value"].as_str().expect("value");
        let pending = PENDING.contains(&expression);
        match evaluate(expression, 50) {
            Ok(ours) if agrees(&ours, reference, 45) => {
                if pending {
                    failures.push(format!("{expression}: passes now, remove it from PENDING"));
                }
                passed += 1;
            }
            Ok(ours) if !pending => {
                failures.push(format!("{expression}: got {ours}, expected {reference}"))
            }
            Err(error) if !pending => failures.push(format!("{expression}: error {error}")),
            _ => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} passed; failures:\n{}",
        passed,
        failures.join("\n")
    );
}

/// At 15 and 18 digits the quadratures' points are double-double balls (`numeric::ball`), not MPFR
/// intervals: the same cases, to the digits printed (less one, for the rounding of the last).
#[test]
fn public_cases_agree_at_15_and_18_digits() {
    let cases = include_str!("data/public_cases.jsonl");
    let mut failures = Vec::new();
    for line in cases.lines().filter(|line| !line.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
        let expression = case["expr"].as_str().expect("expr");
        let reference = case["value"].as_str().expect("value");
        if PENDING.contains(&expression) {
            continue;
        }
        for digits in [15, 18] {
            match evaluate(expression, digits) {
                Ok(ours) if agrees(&ours, reference, digits as u32 - 1) => {}
                Ok(ours) => failures.push(format!("{expression} at {digits}: got {ours}")),
                Err(error) => failures.push(format!("{expression} at {digits}: error {error}")),
            }
        }
    }
    assert!(failures.is_empty(), "failures:\n{}", failures.join("\n"));
}

#[test]
fn decimal_comparison_is_strict() {
    assert!(agrees(
        "0.31814718055994530941723212145817656807550013436026",
        "0.31814718055994530941723212145817656807550013436026",
        45
    ));
    assert!(!agrees(
        "0.31814718055994530941723212145817656807550013436026",
        "0.31814718055994530941723212145817656807551013436026",
        45
    ));
    assert!(agrees(
        "5.0000000000000000000000000000000000000000000000000e-61",
        "5.0e-61",
        45
    ));
    assert!(!agrees("1e-30", "0", 45));
    assert!(agrees("0", "0", 45));
}
