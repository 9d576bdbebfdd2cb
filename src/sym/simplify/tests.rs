use super::*;
use crate::sym::print::plain;
use crate::sym::*;

fn timed(name: &str, e: Expr) {
    let t = std::time::Instant::now();
    let s = simplify(&e);
    let t1 = t.elapsed();
    let p = plain(&s);
    println!(
        "{name}: size {} -> {} in {:?} (+print {:?}) {}",
        e.size(),
        s.size(),
        t1,
        t.elapsed() - t1,
        p.chars().take(80).collect::<String>()
    );
}

#[test]
fn stress() {
    let x = Expr::symbol("x", Domain::Real);
    let v = Expr::symbol("v", Domain::Positive);
    // wide sum of logs of integers
    timed(
        "sum log(k)/k",
        sum((1..3000).map(|k| log(Expr::int(k)) / k)),
    );
    timed("sum log(k)", sum((1..3000).map(|k| log(Expr::int(k)))));
    // Horner
    let mut h = x.clone();
    for k in 0..3000 {
        h = h * x.clone() + k;
    }
    timed("horner", h);
    // nested log/exp
    let mut n = v.clone();
    for k in 0..2000 {
        n = if k % 2 == 0 { log(n + 1) } else { exp(n) * 2 };
    }
    timed("log/exp chain", n);
    // products of many factors
    timed(
        "product",
        product((1..2000).map(|k| (x.clone() + k).powi(k % 5 + 1) * sqrt(Expr::int(k)))),
    );
    // distribution candidates at every level
    let mut d = v.clone();
    for k in 1..1500 {
        d = (v.clone() + k) / (2 * v.clone()) + log(d);
    }
    timed("distribution chain", d);
    // KL-like repeated
    timed(
        "many KL",
        sum((1..500).map(|k| {
            let s1 = Expr::int(k);
            let s2 = Expr::int(k + 1);
            log(s2.clone() / s1.clone()) / 2 + (s1 + (x.clone() - k).powi(2)) / (2 * s2)
                - Expr::ratio(1, 2)
        })),
    );
    timed("digamma(10000)", digamma(Expr::int(10000)));
    timed("digamma(10000.5)", digamma(Expr::ratio(20001, 2)));
    timed("trigamma(10000)", trigamma(Expr::int(10000)));
    timed("trigamma(9999.5)", trigamma(Expr::ratio(19999, 2)));
    timed("lgamma(10000)", lgamma(Expr::int(10000)));
    timed("lgamma(9999.5)", lgamma(Expr::ratio(19999, 2)));
    timed(
        "digamma(10^30)",
        digamma(Expr::number(crate::exact::Rational::from_integer(
            num_bigint::BigInt::from(10u8).pow(30),
        ))),
    );
    timed(
        "tower",
        Expr::int(2).pow(
            Expr::int(2).pow(Expr::int(2).pow(Expr::int(2).pow(Expr::int(2).pow(Expr::int(2))))),
        ),
    );
    let big = Expr::number(crate::exact::Rational::from_integer(
        num_bigint::BigInt::from(3u8).pow(60000) * 7,
    ));
    timed("log 3^60000*7", log(big.clone()));
    timed("sqrt 3^60000*7", sqrt(big.clone()));
    timed(
        "cbrt 3^60000*7 / 10^999",
        big.clone().pow(Expr::ratio(1, 3))
            / Expr::number(crate::exact::Rational::from_integer(
                num_bigint::BigInt::from(10u8).pow(999),
            )),
    );
    let big2 = Expr::number(crate::exact::Rational::from_integer(
        num_bigint::BigInt::from(10u8).pow(300) + 1,
    ));
    timed("log(10^300+1)", log(big2.clone()));
    timed("sqrt(10^300+1)", sqrt(big2.clone()));
    timed("(10^300+1)^(1/7)", big2.clone().pow(Expr::ratio(5, 7)));
    timed("2^(1/1000000)", Expr::int(2).pow(Expr::ratio(1, 1000000)));
    timed("2^(999/1000)", Expr::int(2).pow(Expr::ratio(999, 1000)));
    timed(
        "(3/7)^(999/1000)",
        Expr::ratio(3, 7).pow(Expr::ratio(999, 1000)),
    );
}

#[test]
fn stress_product() {
    let x = Expr::symbol("x", Domain::Real);
    timed(
        "product",
        product((1..2000).map(|k| (x.clone() + k).powi(k % 5 + 1) * sqrt(Expr::int(k)))),
    );
}

#[test]
fn stress_distribution() {
    let v = Expr::symbol("v", Domain::Positive);
    let mut d = v.clone();
    for k in 1..1500 {
        d = (v.clone() + k) / (2 * v.clone()) + log(d);
    }
    timed("distribution chain", d);
}

#[test]
fn explore3() {
    let e = -exp(-log(abs(sqrt(Expr::int(10)))) / 216);
    println!("{:?}", simplify(&e));
    println!("{}", simplify(&e));
}
