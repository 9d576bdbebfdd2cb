//! A plain `f64` evaluator for tests: cross-checks against statrs and reference values, never for output.

use statrs::function::{erf, gamma};

use super::{Constant, Expr, Function};
use crate::exact::to_f64;

/// The value of a constant expression in `f64`, or `None` for symbols, infinity and numeric leaves.
pub fn eval_f64(expr: &Expr) -> Option<f64> {
    Some(match expr {
        Expr::Number(value) => to_f64(value),
        Expr::Constant(Constant::Pi) => std::f64::consts::PI,
        Expr::Constant(Constant::E) => std::f64::consts::E,
        Expr::Constant(Constant::EulerGamma) => 0.577_215_664_901_532_9,
        Expr::Add(items) => items.iter().map(eval_f64).sum::<Option<f64>>()?,
        Expr::Mul(items) => items.iter().map(eval_f64).product::<Option<f64>>()?,
        Expr::Pow(base, exponent) => eval_f64(base)?.powf(eval_f64(exponent)?),
        Expr::Apply(Function::BesselI, arguments) => {
            bessel_i(eval_f64(arguments.first()?)?, eval_f64(arguments.get(1)?)?)
        }
        Expr::Apply(function, arguments) => {
            let x = eval_f64(arguments.first()?)?;
            match function {
                Function::Log => x.ln(),
                Function::Exp => x.exp(),
                Function::Abs => x.abs(),
                Function::Lgamma => gamma::ln_gamma(x),
                Function::Digamma => gamma::digamma(x),
                Function::Trigamma => trigamma(x),
                Function::Erf => erf::erf(x),
                Function::Erfc => erf::erfc(x),
                Function::ExpIntegralE1 => return None,
                Function::Atan => x.atan(),
                Function::Sin => x.sin(),
                Function::Cos => x.cos(),
                Function::BesselI => return None,
            }
        }
        Expr::Symbol(_) | Expr::Infinity | Expr::Numeric(_) => return None,
    })
}

/// I_ν(x) for x ≥ 0 by its power series Σ (x/2)^{2k+ν} / (k! Γ(k+ν+1)), whose terms are all positive.
fn bessel_i(order: f64, x: f64) -> f64 {
    let half = x / 2.0;
    let mut term = (order * half.ln() - gamma::ln_gamma(order + 1.0)).exp();
    if x == 0.0 {
        term = if order == 0.0 { 1.0 } else { 0.0 };
    }
    let mut total = term;
    let mut k = 0.0;
    while term > total * 1e-17 {
        k += 1.0;
        term *= half * half / (k * (k + order));
        total += term;
    }
    total
}

/// ψ₁(x) for x > 0 by recurrence to x ≥ 20 and the asymptotic series.
fn trigamma(mut x: f64) -> f64 {
    let mut total = 0.0;
    while x < 20.0 {
        total += 1.0 / (x * x);
        x += 1.0;
    }
    let inverse = 1.0 / x;
    let square = inverse * inverse;
    total
        + inverse
        + square / 2.0
        + inverse * square * (1.0 / 6.0 - square * (1.0 / 30.0 - square / 42.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sym::{log, trigamma as trigamma_of};

    #[test]
    fn evaluates_log_two_minus_three_eighths() {
        let value = eval_f64(&(log(Expr::int(2)) - Expr::ratio(3, 8))).unwrap();
        assert!((value - 0.318_147_180_559_945_3).abs() < 1e-15);
    }

    #[test]
    fn trigamma_of_one_is_pi_squared_over_six() {
        let value = eval_f64(&trigamma_of(Expr::int(1))).unwrap();
        assert!((value - std::f64::consts::PI.powi(2) / 6.0).abs() < 1e-13);
    }

    #[test]
    fn bessel_i_matches_reference_values() {
        let at = |order: i64, x: i64| {
            eval_f64(&Expr::Apply(
                Function::BesselI,
                vec![Expr::int(order), Expr::int(x)],
            ))
        };
        assert!((at(0, 1).unwrap() - 1.266_065_877_752_008_4).abs() < 1e-15);
        assert!((at(1, 2).unwrap() - 1.590_636_854_637_329).abs() < 1e-14);
        assert_eq!(at(0, 0), Some(1.0));
    }
}
