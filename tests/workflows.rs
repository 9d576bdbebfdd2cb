//! The workflows of the text divcalc started from, as worked examples: the VAE's KL term, the PPO/RLHF KL
//! penalty, the GAN's Jensen–Shannon divergence and the Rényi-DP budget of the Gaussian mechanism.

use divcalc::{AnswerValue, Outcome, Session};

fn answer(expression: &str) -> (Option<String>, Option<String>) {
    match Session::new().eval(expression) {
        Ok(Outcome::Answer(answer)) => {
            let exact = answer.exact.map(|expr| expr.to_string());
            let value = match answer.value {
                AnswerValue::Number(certified) => Some(certified.decimal),
                AnswerValue::Infinite { .. } => Some("inf".into()),
                AnswerValue::Symbolic => None,
            };
            (exact, value)
        }
        other => panic!("{expression}: {other:?}"),
    }
}

#[test]
fn vae_kl_term_in_symbols_and_numbers() {
    let (exact, _) = answer("KL(DiagN([m1, m2], [v1, v2]) || DiagN([0, 0], [1, 1]))");
    assert_eq!(
        exact.unwrap(),
        "m1^2/2 + m2^2/2 + v1/2 + v2/2 - log(v1)/2 - log(v2)/2 - 1"
    );
    let (exact, value) = answer("KL(DiagN([1/2, -1], [1/4, 2]) || DiagN([0, 0], [1, 1]))");
    // ½Σ(μ² + σ² − log σ² − 1) = ½[(1/4 + 1/4 + log 4 − 1) + (1 + 2 − log 2 − 1)] = 3/4 + log(2)/2.
    assert_eq!(exact.unwrap(), "log(2)/2 + 3/4");
    assert_eq!(value.unwrap(), "1.0965735902799726547");
}

#[test]
fn ppo_penalty_between_two_policies_in_both_directions() {
    let (forward, forward_value) = answer("KL(Cat(0.5, 0.3, 0.2) || Cat(0.4, 0.4, 0.2))");
    let (reverse, reverse_value) = answer("KL(Cat(0.4, 0.4, 0.2) || Cat(0.5, 0.3, 0.2))");
    assert_eq!(forward.unwrap(), "3*log(3)/10 - 8*log(2)/5 + log(5)/2");
    assert_eq!(reverse.unwrap(), "(8*log(2) - 2*log(3) - 2*log(5))/5");
    // KL is not symmetric: the two directions differ in the third digit.
    assert_eq!(forward_value.unwrap(), "0.025267153921570599651");
    assert_eq!(reverse_value.unwrap(), "0.025815408455028468669");
}

#[test]
fn gan_jensen_shannon_stays_within_its_bounds() {
    // Disjoint supports reach the upper bound log 2 exactly; identical distributions give exactly 0.
    assert_eq!(
        answer("JS(Cat(1, 0, 0) || Cat(0, 0, 1))").0.unwrap(),
        "log(2)"
    );
    assert_eq!(answer("JS(Bern(0.3) || Bern(0.3))").0.unwrap(), "0");
    let (_, value) = answer("JS(Bern(0.2) || Bern(0.7))");
    let js: f64 = value.unwrap().parse().unwrap();
    assert!(0.0 < js && js < std::f64::consts::LN_2);
    // At the optimal discriminator the GAN objective is 2·JS − log 4.
    let (exact, _) = answer("2*JS(Cat(1, 0, 0) || Cat(0, 0, 1)) - log(4)");
    assert_eq!(exact.unwrap(), "0");
}

#[test]
fn renyi_dp_budget_of_the_gaussian_mechanism() {
    assert_eq!(answer("Renyi(a, N(1, s) || N(0, s))").0.unwrap(), "a/(2*s)");
    assert_eq!(
        answer("Renyi(a, N(mu, s) || N(0, s))").0.unwrap(),
        "a*mu^2/(2*s)"
    );
    let (exact, value) = answer("Renyi(8, N(1, 4) || N(0, 4))");
    assert_eq!(exact.unwrap(), "1");
    assert_eq!(value.unwrap(), "1.0000000000000000000");
}
