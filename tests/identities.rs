//! Identities every divergence must satisfy, checked on random exact parameters (proptest):
//! KL ≥ 0, KL(P‖P) = 0, H(P, Q) = H(P) + KL(P‖Q), Rényi non-decreasing in α and continuous at α = 1 (where it
//! is KL), Hellinger and TV in [0, 1], JS ≤ log 2.

mod common;

use divcalc::{AnswerValue, Options, Outcome, Session};
use proptest::prelude::*;

/// The value of an expression as f64, from its certified 30-digit decimal; `None` for an infinite result.
fn value(expression: &str) -> Option<f64> {
    match session(30).eval(expression) {
        Ok(Outcome::Answer(answer)) => match answer.value {
            AnswerValue::Number(certified) => Some(certified.decimal.parse().expect("a decimal")),
            AnswerValue::Infinite { .. } => None,
            AnswerValue::Symbolic => panic!("{expression}: unexpected symbols"),
        },
        other => panic!("{expression}: {other:?}"),
    }
}

/// The certified decimal of an expression in a session; panics on anything else.
fn decimal(session: &mut Session, query: &str) -> String {
    let answer = session.eval(query);
    let Ok(Outcome::Answer(answer)) = answer else {
        panic!("{query}: {answer:?}")
    };
    let AnswerValue::Number(certified) = answer.value else {
        panic!("{query}: not a number")
    };
    certified.decimal
}

/// A session printing `digits` digits.
fn session(digits: usize) -> Session {
    Session::with_options(Options {
        digits,
        ..Options::default()
    })
}

/// A rational written as `n/d`, from small integers, strictly positive.
fn positive() -> impl Strategy<Value = String> {
    (1u32..40, 1u32..12).prop_map(|(n, d)| format!("{n}/{d}"))
}

fn real() -> impl Strategy<Value = String> {
    (-30i32..30, 1u32..8).prop_map(|(n, d)| format!("{n}/{d}"))
}

fn probability() -> impl Strategy<Value = String> {
    (1u32..19).prop_map(|n| format!("{n}/20"))
}

/// A pair of distributions of one family, written in the language.
fn pair() -> impl Strategy<Value = (String, String)> {
    prop_oneof![
        (real(), positive(), real(), positive())
            .prop_map(|(a, b, c, d)| (format!("N({a}, {b})"), format!("N({c}, {d})"))),
        (positive(), positive()).prop_map(|(a, b)| (format!("Exp({a})"), format!("Exp({b})"))),
        (positive(), positive(), positive(), positive())
            .prop_map(|(a, b, c, d)| (format!("Gamma({a}, {b})"), format!("Gamma({c}, {d})"))),
        (positive(), positive(), positive(), positive())
            .prop_map(|(a, b, c, d)| (format!("Beta({a}, {b})"), format!("Beta({c}, {d})"))),
        (positive(), positive())
            .prop_map(|(a, b)| (format!("Poisson({a})"), format!("Poisson({b})"))),
        (probability(), probability())
            .prop_map(|(a, b)| (format!("Geom({a})"), format!("Geom({b})"))),
        (probability(), probability())
            .prop_map(|(a, b)| (format!("Bern({a})"), format!("Bern({b})"))),
        (1u32..8, probability(), probability())
            .prop_map(|(n, a, b)| (format!("Bin({n}, {a})"), format!("Bin({n}, {b})"))),
        (real(), positive(), real(), positive())
            .prop_map(|(a, b, c, d)| (format!("Laplace({a}, {b})"), format!("Laplace({c}, {d})"))),
        (1u32..9, 1u32..9, 1u32..9, 1u32..9).prop_map(|(a, b, c, d)| {
            let p = format!(
                "Cat({a}/{}, {b}/{}, {}/{})",
                a + b + 1,
                a + b + 1,
                1,
                a + b + 1
            );
            let q = format!(
                "Cat({c}/{}, {d}/{}, {}/{})",
                c + d + 1,
                c + d + 1,
                1,
                c + d + 1
            );
            (p, q)
        }),
        (real(), positive(), real(), positive()).prop_map(|(a, b, c, d)| {
            (
                format!("DiagN([{a}, 1], [{b}, 2])"),
                format!("DiagN([{c}, 0], [{d}, 1/2])"),
            )
        }),
    ]
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #![proptest_config(common::fixed_seed(48, 20_261_124))]

    #[test]
    fn kl_is_non_negative_and_zero_on_the_diagonal((p, q) in pair()) {
        if let Some(kl) = value(&format!("KL({p} || {q})")) {
            prop_assert!(kl >= 0.0, "KL({p} || {q}) = {kl}");
        }
        prop_assert_eq!(value(&format!("KL({p} || {p})")), Some(0.0));
    }

    #[test]
    fn cross_entropy_is_entropy_plus_kl((p, q) in pair()) {
        let cross = value(&format!("H({p}, {q})"));
        let entropy = value(&format!("H({p})")).expect("finite entropy");
        match (cross, value(&format!("KL({p} || {q})"))) {
            (Some(cross), Some(kl)) => prop_assert!(close(cross, entropy + kl), "{cross} vs {entropy} + {kl}"),
            (None, None) => {}
            (cross, kl) => prop_assert!(false, "H(P,Q) = {cross:?} but KL = {kl:?}"),
        }
    }

    #[test]
    fn renyi_is_non_decreasing_and_continuous_at_one((p, q) in pair()) {
        let orders = ["1/4", "1/2", "999999/1000000", "1000001/1000000", "2", "inf"];
        let values: Vec<Option<f64>> = orders.iter().map(|a| value(&format!("Renyi({a}, {p} || {q})"))).collect();
        let as_number = |v: &Option<f64>| v.unwrap_or(f64::INFINITY);
        for window in values.windows(2) {
            prop_assert!(as_number(&window[0]) <= as_number(&window[1]) * (1.0 + 1e-12) + 1e-300, "{values:?}");
        }
        if let Some(kl) = value(&format!("KL({p} || {q})")) {
            // KL lies between the orders 1 ∓ 10⁻⁶, whose gap is about 10⁻⁶·Var_P(log p/q): small, but
            // not tiny when the variances differ a hundredfold (N(0,10) against N(7,1/11): 0.065).
            let below = values[2].expect("finite below 1");
            let above = values[3].unwrap_or(kl);
            prop_assert!(below <= kl * (1.0 + 1e-12) && kl <= above * (1.0 + 1e-12), "{values:?}, KL = {kl}");
            prop_assert!(above - below <= 1e-3 * kl.max(1.0), "Renyi near 1: {below} and {above}, KL = {kl}");
            prop_assert_eq!(value(&format!("Renyi(1, {p} || {q})")), Some(kl));
        }
    }

    #[test]
    fn bounded_divergences_stay_in_their_ranges((p, q) in pair()) {
        for name in ["Hellinger", "TV"] {
            if let Ok(Outcome::Answer(_)) = Session::new().eval(&format!("{name}({p} || {q})")) {
                let v = value(&format!("{name}({p} || {q})")).expect("finite");
                prop_assert!((0.0..=1.0).contains(&v), "{name}({p} || {q}) = {v}");
            }
        }
        if let Ok(Outcome::Answer(_)) = Session::new().eval(&format!("JS({p} || {q})")) {
            let js = value(&format!("JS({p} || {q})")).expect("finite");
            prop_assert!((0.0..=std::f64::consts::LN_2 + 1e-15).contains(&js), "JS = {js}");
        }
    }
}

#[test]
fn cross_entropy_of_a_distribution_with_itself_is_its_entropy() {
    for p in ["N(0, 1)", "Exp(2)", "Cat(1/2, 1/4, 1/4)", "Gamma(3/2, 2)"] {
        let cross = value(&format!("H({p}, {p})")).expect("finite");
        let entropy = value(&format!("H({p})")).expect("finite");
        assert_eq!(cross, entropy, "H({p}, {p})");
        assert_ne!(entropy, 0.0);
    }
}

/// A mixture with a narrow peak: far from the peak its log-density is about −10¹⁰, where the density
/// underflows even MPFR's range and the log-density must come from the terms. H(P, Q) = H(P) + KL(P ‖ Q).
#[test]
fn cross_entropy_splits_for_a_mixture_with_a_narrow_peak() {
    let p = "1/2*N(0, 1/10^8) + 1/2*N(3, 1)";
    let q = "N(0, 1)";
    let kl = value(&format!("KL({p} || {q})")).expect("finite");
    let entropy = value(&format!("H({p})")).expect("finite");
    let cross = value(&format!("H({p}, {q})")).expect("finite");
    assert!(close(cross, entropy + kl), "{cross} vs {entropy} + {kl}");
    // Nearly disjoint halves: H(P) ≈ ½ H(N(0, 10⁻⁸)) + ½ H(N(3, 1)) + log 2.
    let halves = 0.25 * (2.0 * std::f64::consts::PI * std::f64::consts::E * 1e-8).ln()
        + 0.25 * (2.0 * std::f64::consts::PI * std::f64::consts::E).ln()
        + std::f64::consts::LN_2;
    assert!((entropy - halves).abs() < 1e-3, "{entropy} vs {halves}");
}

/// JS between a mixture with a narrow peak and a Cauchy: far out, the Gaussian terms' phases turn by
/// hundreds of radians across any complex box, and only the dominant term's form of the log-sum-exp keeps
/// the bound finite (before, this ran into the time limit). Reference: mpmath `quad` at 45 digits,
/// 0.498328275953446176514635727046717…; and JS ≤ log 2.
#[test]
fn jensen_shannon_of_a_narrow_peak_mixture_against_cauchy() {
    let query = "JS(1/2*N(0, 1/10^8) + 1/2*N(3, 1) || Cauchy(0, 1))";
    assert_eq!(decimal(&mut session(20), query), "0.49832827595344617651");
}

/// Total variation where Q's Cauchy component keeps the left tail's cut near −10²⁴ while the Gumbel in
/// both P and Q has a log-density −z − e^{−z} beyond MPFR's exponent range from x ≈ −10⁹ on: envelopes
/// settle the sign p < q there, and the negligible Gumbel terms are dropped with their tail bounds
/// (before, the crossing search failed). TV(G ‖ ⅓C + ⅔G) = ⅓ TV(G ‖ C), and with the crossings r₁ < r₂ of
/// g and c, TV(G ‖ C) = (G(r₂) − G(r₁)) − (C(r₂) − C(r₁)) from the CDFs: mpmath at 50 digits gives
/// 0.13888395416347274564937867857599516727134503648277 for the third.
#[test]
fn total_variation_where_a_component_leaves_the_exponent_range_in_a_tail() {
    let mut session = session(25);
    for query in [
        "TV(Gumbel(-1, 2) || 1/3*Cauchy(-2, 3) + 2/3*Gumbel(-1, 2))",
        "TV(Gumbel(-1, 2) || Cauchy(-2, 3))/3",
    ] {
        assert_eq!(
            decimal(&mut session, query),
            "0.1388839541634727456493787",
            "{query}"
        );
    }
}

/// Divergences of a mixture whose Moyal component is negligible far out in the Cauchy's tails, where its
/// e^{−z} made the complex boxes tiny (before, each ran into the time limit): beyond the first y where the
/// mean-value bound allows, the component is dropped. References: mpmath `quad` at 30 digits,
/// H = 2.43700553436087450376427267075, KL(M ‖ C) = 0.119149137238969386073063582573,
/// KL(C ‖ M) = 0.116867437566088335450019265697, JS(M ‖ C) = 0.0290688734696223417148399010712,
/// BC(M, C) = 0.970716748290085710919579979545 (Bhattacharyya −log BC = 0.0297205645855786486900982082689,
/// Hellinger √(1 − BC) = 0.171123498415367516937650042451), Pearson(M ‖ C) = 0.257773594781379651431676308518
/// (Rényi of order 2 is its log(1 + ·), 0.229343169729437226891712623148), Pearson(C ‖ M) =
/// 0.243156072096022294018246570104; Rényi of order ½ is −2 log BC; and H(P, Q) = H(P) + KL(P ‖ Q) both ways.
#[test]
fn divergences_drop_a_negligible_component_in_a_tail() {
    let mixture = "1/3*Moyal(1/2, 1) + 2/3*Cauchy(1/2, 1)";
    let cauchy = "Cauchy(0, 1)";
    let mut session = session(20);
    let mut digits = |query: String| -> String { decimal(&mut session, &query) };
    assert_eq!(digits(format!("H({mixture})")), "2.4370055343608745038");
    assert_eq!(
        digits(format!("KL({mixture} || {cauchy})")),
        "0.11914913723896938607"
    );
    assert_eq!(
        digits(format!("KL({cauchy} || {mixture})")),
        "0.11686743756608833545"
    );
    // 2.4370055343608745038 + 0.11914913723896938607 and log(4π) + 0.11686743756608833545.
    assert_eq!(
        digits(format!("H({mixture}, {cauchy})")),
        "2.5561546715998438898"
    );
    assert_eq!(
        digits(format!("H({cauchy}, {mixture})")),
        "2.6478916845353791284"
    );
    assert_eq!(
        digits(format!("JS({mixture} || {cauchy})")),
        "0.029068873469622341715"
    );
    assert_eq!(
        digits(format!("Bhattacharyya({cauchy} || {mixture})")),
        "0.029720564585578648690"
    );
    assert_eq!(
        digits(format!("Hellinger({mixture} || {cauchy})")),
        "0.17112349841536751694"
    );
    assert_eq!(
        digits(format!("Renyi(1/2, {cauchy} || {mixture})")),
        "0.059441129171157297380"
    );
    assert_eq!(
        digits(format!("Renyi(2, {mixture} || {cauchy})")),
        "0.22934316972943722689"
    );
    assert_eq!(
        digits(format!("Pearson({mixture} || {cauchy})")),
        "0.25777359478137965143"
    );
    assert_eq!(
        digits(format!("Pearson({cauchy} || {mixture})")),
        "0.24315607209602229402"
    );
}

/// A supremum of p/q approached at an end of the support: Kumaraswamy(½, 2) against Beta(½, ⅓), where
/// p/q → B(½, ⅓) as x → 0 (both densities go as x^{−½}; their logarithms' −½ log x now cancel exactly in
/// the compiled difference). log B(½, ⅓) = 1.43664195852136213322607454943 (mpmath). The tail's bound holds
/// to about 64 bits, so 30 digits are refused with the digits that are certain (before, both ran into the
/// time limit, as did the mixture below).
#[test]
fn renyi_of_order_infinity_with_its_supremum_at_an_end() {
    let query = "Renyi(inf, Kumaraswamy(1/2, 2) || Beta(1/2, 1/3))";
    assert_eq!(decimal(&mut session(15), query), "1.43664195852136");
    let error = session(30)
        .eval(query)
        .expect_err("beyond the tail's bound")
        .to_string();
    assert!(
        error.contains("approached at an end") && error.contains("1.4366419585213621"),
        "{error}"
    );
    // A mixture against one density: p/q → 0.1·6·9 = 5.4 as x → 0 (the Kumaraswamy component's 6x over the
    // Rayleigh's x/9), log 5.4 = 1.68639895357022869958497637754. The x cancels inside the log-sum-exp, and
    // the tail is bounded component by component (the mixture's envelope is loose by log 2).
    let query = "Renyi(inf, 9/10*Chi(5) + (1 - 9/10)*Kumaraswamy(2, 3) || Rayleigh(3))";
    assert_eq!(decimal(&mut session(15), query), "1.68639895357023");
}

/// Rényi of order 3 between Laplace(−1, 3) and Logistic(−1, s): p³/q² goes as e^{−z}·e^{2z/s} in the tails,
/// so s = 2 is the border: the integral diverges (the rates 3·(−1/3) and −2·(−1/2) cancel exactly; rounded
/// outwards they left ±2⁻⁶⁵ y and the query ended in "no certified envelope", sweep seed 2718), s = 1 diverges
/// too, and s = 5/2 converges: ½ log ∫ p³/q² = 0.0993724201344684552977059808439 (mpmath `quad`).
#[test]
fn renyi_at_the_border_of_convergence_of_exponential_tails() {
    let mut session = session(15);
    for (query, expected) in [
        ("Renyi(3, Laplace(-1, 3) || Logistic(-1, 2))", None),
        ("Renyi(3, Laplace(-1, 3) || Logistic(-1, 1))", None),
        (
            "Renyi(3, Laplace(-1, 3) || Logistic(-1, 5/2))",
            Some("0.0993724201344685"),
        ),
    ] {
        let answer = session.eval(query);
        let Ok(Outcome::Answer(answer)) = answer else {
            panic!("{query}: {answer:?}")
        };
        match (answer.value, expected) {
            (
                AnswerValue::Infinite {
                    negative: false, ..
                },
                None,
            ) => {}
            (AnswerValue::Number(certified), Some(expected)) => {
                assert_eq!(certified.decimal, expected, "{query}")
            }
            (other, _) => panic!("{query}: {other:?}"),
        }
    }
}

/// Squared Hellinger drops a whole density far out in a tail: against Cauchy(−2, 3), a Gumbel's e^{−z} turns
/// fast off the real line and the query ran into the time limit (sweep seed 404). Beyond the first y where
/// its mass and √(pδ) are negligible, the integrand is ½p. mpmath `quad` of √(1 − ∫ √(pq)), the Gumbel cut
/// where z < −6 (e^{−e⁶} is below 10⁻¹⁷⁵), gives 0.449046977166036835142323277382, both ways round.
#[test]
fn hellinger_drops_a_whole_density_in_a_tail() {
    let mut session = session(20);
    for query in [
        "Hellinger(Cauchy(-2, 3) || Gumbel(-1, 2))",
        "Hellinger(Gumbel(-1, 2) || Cauchy(-2, 3))",
    ] {
        assert_eq!(
            decimal(&mut session, query),
            "0.44904697716603683514",
            "{query}"
        );
    }
}

/// Pearson drops a whole density P far out in Q's heavy tail: a Gumbel's e^{−z} against a Cauchy (with a
/// continuous Bernoulli on [0, 1]) ran into the time limit (sweep seed 4040), as Hellinger and JS once did.
/// With the whole of p gone the integrand is q, and dropping it changes p²/q − 2p + q by at most
/// δ·2·max(p/q, 1). mpmath `quad` of ∫ p²/q − 1 from x = −7 (the Gumbel's e^{−2e^{7.5}} is far below 10⁻³⁰)
/// gives 1.063650501212882925244823567458.
#[test]
fn pearson_drops_a_whole_density_in_a_tail() {
    let mut session = session(30);
    assert_eq!(
        decimal(
            &mut session,
            "Pearson(Gumbel(1/2, 1) || 1/2*Cauchy(1/2, 1) + 1/2*CB(4/5))"
        ),
        "1.06365050121288292524482356746"
    );
}
