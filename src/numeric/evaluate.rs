//! Recursive interval evaluation of a constant symbolic expression at one working precision.

use super::bessel::bessel_i;
use super::functions;
use super::interval::{to_rug_integer, Failure, Interval};
use super::power;
use super::trigamma::trigamma;
use crate::error::EvalError;
use crate::interrupt::Interrupt;
use crate::sym::{Constant, Expr, Function};

/// Encloses `expr` at `precision` bits, telling a shortfall of precision apart from a definite error.
pub fn evaluate(
    expr: &Expr,
    precision: u32,
    interrupt: &dyn Interrupt,
) -> Result<Interval, Failure> {
    interrupt.check()?;
    match expr {
        Expr::Number(value) => Interval::from_rational(value, precision),
        Expr::Constant(Constant::Pi) => Ok(Interval::pi(precision)),
        Expr::Constant(Constant::E) => Ok(Interval::e(precision)),
        Expr::Constant(Constant::EulerGamma) => Ok(Interval::euler_gamma(precision)),
        Expr::Symbol(symbol) => Err(Failure::Fatal(EvalError::Type(format!(
            "cannot evaluate numerically: the expression has free symbols ({})",
            symbol.name
        )))),
        Expr::Infinity => Err(Failure::Fatal(EvalError::Type(
            "cannot evaluate numerically: the value is infinite".into(),
        ))),
        Expr::Add(terms) => {
            let mut terms = terms.iter();
            let mut total = match terms.next() {
                Some(first) => evaluate(first, precision, interrupt)?,
                None => return Interval::from_rational(&crate::exact::integer(0), precision),
            };
            for term in terms {
                total = total.add(&evaluate(term, precision, interrupt)?)?;
            }
            Ok(total)
        }
        Expr::Mul(factors) => {
            let mut factors = factors.iter();
            let mut total = match factors.next() {
                Some(first) => evaluate(first, precision, interrupt)?,
                None => return Interval::from_rational(&crate::exact::integer(1), precision),
            };
            for factor in factors {
                total = total.mul(&evaluate(factor, precision, interrupt)?)?;
            }
            Ok(total)
        }
        Expr::Pow(base, exponent) => evaluate_power(base, exponent, precision, interrupt),
        Expr::Apply(Function::BesselI, arguments) => {
            let [order, argument] = arguments.as_slice() else {
                return Err(Failure::Fatal(EvalError::Arguments(format!(
                    "besseli takes two arguments (order, x), got {}",
                    arguments.len()
                ))));
            };
            let x = evaluate(argument, precision, interrupt)?;
            bessel_i(order, &x, precision, interrupt)
        }
        Expr::Apply(function, arguments) => {
            let [argument] = arguments.as_slice() else {
                return Err(Failure::Fatal(EvalError::Arguments(format!(
                    "{} takes one argument, got {}",
                    function.name(),
                    arguments.len()
                ))));
            };
            let x = evaluate(argument, precision, interrupt)?;
            apply(*function, &x, interrupt)
        }
        Expr::Numeric(leaf) => {
            let interval = leaf.value.enclose(precision, interrupt)?;
            // A leaf is another module's code: re-check that its ends are finite and ordered.
            if interval.lower > interval.upper {
                return Err(Failure::Fatal(EvalError::Budget(format!(
                    "{} gave an empty interval",
                    leaf.value.describe()
                ))));
            }
            Interval::new(interval.lower, interval.upper)
        }
    }
}

fn evaluate_power(
    base: &Expr,
    exponent: &Expr,
    precision: u32,
    interrupt: &dyn Interrupt,
) -> Result<Interval, Failure> {
    if let Expr::Number(exponent) = exponent {
        let base = evaluate(base, precision, interrupt)?;
        return if exponent.is_integer() {
            power::pow_integer(&base, &to_rug_integer(exponent.numer()))
        } else {
            power::pow_rational(&base, exponent)
        };
    }
    let exponent = evaluate(exponent, precision, interrupt)?;
    if matches!(base, Expr::Constant(Constant::E)) {
        return functions::exp(&exponent);
    }
    let base = evaluate(base, precision, interrupt)?;
    power::pow(&base, &exponent)
}

/// Applies a one-argument function of the symbolic core to an interval.
pub fn apply(
    function: Function,
    x: &Interval,
    interrupt: &dyn Interrupt,
) -> Result<Interval, Failure> {
    match function {
        Function::Log => functions::log(x),
        Function::Exp => functions::exp(x),
        Function::Abs => Ok(x.abs()),
        Function::Lgamma => functions::lgamma(x),
        Function::Digamma => functions::digamma(x),
        Function::Trigamma => trigamma(x, interrupt),
        Function::Erf => functions::erf(x),
        Function::Erfc => functions::erfc(x),
        Function::ExpIntegralE1 => functions::expint(x),
        Function::Atan => functions::atan(x),
        Function::Sin => functions::sin(x),
        Function::Cos => functions::cos(x),
        Function::BesselI => Err(Failure::Fatal(EvalError::Arguments(
            "besseli takes two arguments (order, x)".into(),
        ))),
    }
}
