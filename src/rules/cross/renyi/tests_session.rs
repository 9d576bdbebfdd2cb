use crate::session::{AnswerValue, Options, Outcome, Session};

fn show(input: &str) -> String {
    let mut session = Session::with_options(Options {
        digits: 30,
        ..Options::default()
    });
    match session.eval(input) {
        Ok(Outcome::Answer(answer)) => format!(
            "{input} => {:?} | {} | {:?}",
            answer.exact.map(|e| e.to_string()),
            match answer.value {
                AnswerValue::Number(c) => c.decimal,
                other => format!("{other:?}"),
            },
            answer.rule
        ),
        other => format!("{input} => {other:?}"),
    }
}

#[test]
fn smoke() {
    for input in [
        "Renyi(2, Gamma(2,1) || Exp(1))",
        "Pearson(Gamma(2,1) || Exp(1))",
        "Renyi(2, Exp(1) || N(0,1))",
        "Renyi(2, N(0,1) || Laplace(0,1))",
        "Renyi(1/2, N(0,1) || Laplace(0,1))",
        "Hellinger(Gamma(2,1) || Exp(1))",
        "Bhattacharyya(Exp(1) || N(0,1))",
        "Renyi(0, U(0,1) || N(0,1))",
        "Renyi(inf, N(0,1) || Laplace(0,1))",
        "Renyi(inf, Beta(2,2) || U(0,1))",
        "Renyi(1/2, Gamma(k, 1) || Exp(1))",
        "Renyi(1/2, N(m, v) || Laplace(0, 1))",
        "Renyi(2, Geom(1/2) || NegBin(1, 1/3))",
        "Renyi(2, Geom(1/2) || Poisson(1))",
        "Renyi(3, Chi2(3) || Gamma(2, 1))",
        "Renyi(1/2, Exp(2) || Chi2(3))",
        "Renyi(1/3, LogN(0,1) || Pareto(1, 2))",
        "Renyi(2, HalfCauchy(1) || Cauchy(0, 1))",
    ] {
        println!("{}", show(input));
    }
}
