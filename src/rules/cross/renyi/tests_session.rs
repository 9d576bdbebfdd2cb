//! End to end through `Session::eval` at 30 digits: the reference values of the public cases, and closed
//! forms derived by hand, evaluated as plain expressions in the same session.

use crate::session::{AnswerValue, Options, Outcome, Session};

fn session() -> Session {
    Session::with_options(Options {
        digits: 30,
        ..Options::default()
    })
}

/// (exact form, certified decimal or `inf`).
#[track_caller]
fn evaluate(input: &str) -> (Option<String>, String) {
    match session().eval(input) {
        Ok(Outcome::Answer(answer)) => {
            let decimal = match answer.value {
                AnswerValue::Number(certified) => certified.decimal,
                AnswerValue::Infinite {
                    negative: false, ..
                } => "inf".to_string(),
                other => panic!("{input}: {other:?}"),
            };
            (answer.exact.map(|e| e.to_string()), decimal)
        }
        other => panic!("{input}: {other:?}"),
    }
}

/// The 50-digit reference of a public case.
fn reference(input: &str) -> String {
    let cases = include_str!("../../../../tests/data/public_cases.jsonl");
    cases
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .find(|case| case["expr"] == input)
        .and_then(|case| case["value"].as_str().map(str::to_string))
        .unwrap_or_else(|| panic!("no public case {input}"))
}

/// The significant digits of a decimal string (no sign, point or leading zeros) and its exponent.
fn digits(decimal: &str) -> (String, i64) {
    let (mantissa, exponent) = decimal
        .split_once('e')
        .map_or((decimal, 0), |(m, e)| (m, e.parse().unwrap_or(0)));
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{whole}{fraction}");
    let leading = all.len() - all.trim_start_matches('0').len();
    let point = whole.len() as i64 - leading as i64 + exponent;
    (all.trim_start_matches('0').to_string(), point)
}

/// Whether a 30-digit certified decimal is the 50-digit reference correctly rounded (to within one unit
/// in the last place, where the rounding of the reference and of ours may differ).
#[track_caller]
fn agrees(ours: &str, reference: &str) {
    if ours == "inf" || reference == "inf" {
        assert_eq!(ours, reference);
        return;
    }
    let (mine, my_point) = digits(ours);
    let (theirs, their_point) = digits(reference);
    assert_eq!(my_point, their_point, "{ours} vs {reference}");
    let length = mine.len().min(29);
    let mine: u128 = mine[..length].parse().unwrap_or(0);
    let theirs: u128 = theirs[..length].parse().unwrap_or(0);
    assert!(mine.abs_diff(theirs) <= 1, "{ours} vs {reference}");
}

#[test]
fn public_cases() {
    for input in [
        "Renyi(2, Gamma(2,1) || Exp(1))",
        "Pearson(Gamma(2,1) || Exp(1))",
        "Renyi(2, Exp(1) || N(0,1))",
    ] {
        let (_, decimal) = evaluate(input);
        agrees(&decimal, &reference(input));
    }
    assert_eq!(
        evaluate("Renyi(2, Gamma(2,1) || Exp(1))").0.as_deref(),
        Some("log(2)")
    );
    assert_eq!(
        evaluate("Pearson(Gamma(2,1) || Exp(1))").0.as_deref(),
        Some("1")
    );
}

#[test]
fn derived_quantities_for_cross_pairs() {
    // (query, the same value written by hand).
    for (input, by_hand) in [
        // BC = ∫ √x e^(−x) dx = Γ(3/2).
        ("Hellinger(Gamma(2,1) || Exp(1))", "sqrt(1 - sqrt(pi)/2)"),
        ("Bhattacharyya(Gamma(2,1) || Exp(1))", "-log(sqrt(pi)/2)"),
        // BC = (2π)^(−1/4) ∫₀^∞ e^(−x²/4 − x/2) dx = (2π)^(−1/4) e^(1/4) √π erfc(1/2).
        (
            "Bhattacharyya(Exp(1) || N(0,1))",
            "-log((2*pi)^(-1/4) * exp(1/4) * sqrt(pi) * erfc(1/2))",
        ),
        // ∫ p²/q = e^(1/4) erfc(−1/2)/√π.
        (
            "Renyi(2, N(0,1) || Laplace(0,1))",
            "1/4 + log(erfc(-1/2)) - log(pi)/2",
        ),
        ("Renyi(0, U(0,1) || N(0,1))", "-log(erf(1/sqrt(2))/2)"),
        (
            "Renyi(inf, N(0,1) || Laplace(0,1))",
            "(1 + log(2) - log(pi))/2",
        ),
        ("Renyi(inf, Beta(2,2) || U(0,1))", "log(3/2)"),
        // Exp(2) = Chi2(2) scaled: ∫ √(2e^(−2x)) √(x^(1/2) e^(−x/2)/(2^(3/2) Γ(3/2))) dx.
        (
            "Renyi(1/2, Exp(2) || Chi2(3))",
            "-2*log(sqrt(2) * (2^(3/2)*sqrt(pi)/2)^(-1/2) * exp(lgamma(5/4)) * (5/4)^(-5/4))",
        ),
        ("Pearson(Geom(1/2) || NegBin(1, 1/3))", "1/5"),
    ] {
        let (_, ours) = evaluate(input);
        let (_, expected) = evaluate(by_hand);
        assert_eq!(ours, expected, "{input} vs {by_hand}");
    }
}

/// Gumbel against Moyal of another scale mixes e^(−x) and e^(−x/2): no kernel applies, so the value comes from
/// quadrature (the harness in tests/harness.rs found the rule once answering with one of the two terms dropped).
#[test]
fn two_decay_rates_are_left_to_quadrature() {
    let (exact, value) = evaluate("Renyi(1/3, Gumbel(1/2, 1) || Moyal(-1, 2))");
    assert_eq!(exact, None);
    assert_eq!(value, "0.525624383166363342248802426589");
    let (exact, value) = evaluate("Renyi(1/3, Moyal(1/2, 1) || Gumbel(-1, 2))");
    assert_eq!(exact, None);
    assert_eq!(value, "0.280181987282078295353880136579");
}
