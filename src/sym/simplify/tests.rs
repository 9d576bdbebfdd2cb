use super::*;
use crate::sym::print::plain;
use crate::sym::*;

fn show(expr: Expr) -> String {
    plain(&simplify(&expr))
}

#[test]
fn explore() {
    let two = || Expr::int(2);
    let v = Expr::symbol("v", Domain::Positive);
    let m = Expr::symbol("m", Domain::Real);
    let cases = vec![
        log(Expr::int(4)) / 2 - Expr::ratio(3, 8),
        log(Expr::int(8)) / log(two()),
        log(Expr::ratio(1, 4)),
        log(Expr::int(12)),
        log(v.clone().powi(2) * 3),
        log(sqrt(v.clone())),
        sqrt(Expr::ratio(9, 4)),
        Expr::int(8).pow(Expr::ratio(1, 3)),
        Expr::int(4).pow(Expr::ratio(-1, 2)),
        sqrt(Expr::int(8)),
        sqrt(Expr::ratio(12, 5)),
        digamma(Expr::int(1)),
        digamma(Expr::int(2)),
        digamma(Expr::ratio(1, 2)),
        digamma(Expr::ratio(7, 2)),
        lgamma(Expr::int(5)),
        lgamma(Expr::ratio(1, 2)),
        lgamma(Expr::ratio(7, 2)),
        trigamma(Expr::int(1)),
        trigamma(Expr::int(3)),
        trigamma(Expr::ratio(3, 2)),
        log(two()) / 2 + log(Expr::int(3)) - log(Expr::int(6)) / 2 - log(Expr::int(3)) / 2,
        log(v.clone() / 1) / 2 * -1 + (v.clone() + (m.clone() - 0).powi(2)) / 2 - Expr::ratio(1, 2),
        log(Expr::int(1) / v.clone()) / 2
            + (v.clone() + (m.clone() - 0).powi(2)) / (2 * Expr::int(1))
            - Expr::ratio(1, 2),
        gamma(Expr::int(5)),
        exp(lgamma(Expr::ratio(1, 2))),
        Expr::int(2)
            .pow(Expr::int(2).pow(Expr::int(2).pow(Expr::int(2).pow(Expr::int(2).pow(two()))))),
        sqrt(two()) * sqrt(Expr::int(6)),
        m.clone() * m.clone(),
        exp(m.clone()) * exp(v.clone()),
        Expr::int(1) / m.clone(),
        m.clone() / 2,
        sqrt(m.clone().powi(2)),
    ];
    for case in cases {
        println!(
            "{:<60} {}",
            format!("{case:?}").chars().take(60).collect::<String>(),
            show(case)
        );
    }
}
