//! Hostile and random input: every line gets a value or an error, never a panic, a hang or a huge allocation.

use divcalc::{Options, Outcome, Session};
use proptest::prelude::*;

fn evaluate(input: &str) -> Result<Outcome, String> {
    Session::with_options(Options {
        digits: 10,
        ..Options::default()
    })
    .eval(input)
    .map_err(|error| error.to_string())
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
    assert!(evaluate(&deep).unwrap_err().contains("nested too deeply"));
    let minus = format!("{}1", "-".repeat(100_000));
    assert!(evaluate(&minus).is_err());
}

#[test]
fn huge_literals_are_refused_quickly() {
    let literal = "9".repeat(10_000_000);
    assert!(evaluate(&literal).is_err());
    assert!(evaluate("1e999999999")
        .unwrap_err()
        .contains("invalid number"));
}

#[test]
fn towers_of_powers_stay_bounded() {
    // 2^2^2^2^2 = 2^65536 has 19 729 digits: exact and fine.
    let Ok(Outcome::Answer(answer)) = evaluate("2^2^2^2^2") else {
        panic!("2^2^2^2^2 evaluates")
    };
    assert_eq!(answer.exact.unwrap().to_string().len(), 19_729);
    // One level more would have about 10^19728 digits: an error, at once.
    assert!(evaluate("2^2^2^2^2^2").unwrap_err().contains("more than"));
}

#[test]
fn infinite_results_do_not_mix_silently() {
    assert!(evaluate("KL(N(0,1) || Exp(1)) - KL(N(0,1) || Exp(1))")
        .unwrap_err()
        .contains("inf - inf"));
    let Ok(Outcome::Answer(answer)) = evaluate("KL(N(0,1) || Exp(1)) + 1") else {
        panic!()
    };
    assert!(matches!(
        answer.value,
        divcalc::AnswerValue::Infinite {
            negative: false,
            ..
        }
    ));
}

fn token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "KL", "Renyi", "JS", "H", "TV", "N", "Exp", "Gamma", "Beta", "Cat", "MVN", "Poisson",
        "Bin", "U", "(", ")", "[", "]", ",", "||", "+", "-", "*", "/", "^", "0", "1", "1/2", "0.3",
        "1e-9", "-1", "x", "sd=", "let ", "=", "inf", "log", "sqrt", " ",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_token_soup_never_panics(tokens in prop::collection::vec(token(), 0..24)) {
        let _ = evaluate(&tokens.concat());
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,60}") {
        let _ = evaluate(&text);
    }
}
