//! Certified numeric evaluation of symbolic expressions in MPFR interval arithmetic.
//!
//! [`enclose`] evaluates an expression at a working precision into an [`Interval`] that contains the true
//! value (every operation rounds its lower end down and its upper end up). [`certify`] raises the precision
//! (a Ziv loop) until both ends of the interval round to the same decimal of the requested significant
//! digits, within a precision and time budget.

pub mod ball;
pub mod bessel;
pub mod coarse;
pub mod compiled;
pub mod decimal;
pub mod evaluate;
pub mod exponential;
pub mod functions;
pub mod interval;
pub mod logarithm;
pub mod power;
pub mod quadrature;
pub mod series;
#[cfg(test)]
pub mod stream;
pub mod tables;
pub mod trace;
pub mod trigamma;

use std::cmp::Ordering;

use rug::Float;

use crate::error::EvalError;
use crate::interrupt::{Interrupt, Never};
use crate::sym::Expr;

pub use crate::sym::Enclose;
pub use decimal::Decimal;
pub use evaluate::{apply, evaluate};
pub use interval::{Failure, Interval};

/// Limits on one certified evaluation.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// The largest working precision tried, in bits.
    pub max_precision: u32,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            max_precision: 1 << 17,
        }
    }
}

/// A hard ceiling on any working precision, whatever the budget says (2^28 bits is 32 MiB per float).
const PRECISION_CEILING: u32 = 1 << 28;

/// A value whose printed digits are all correct.
#[derive(Clone, Debug, PartialEq)]
pub struct Certified {
    /// The decimal string with the requested significant digits (`0.31814718055994530942`, `1.25e-30`),
    /// or `0` for an exact zero.
    pub decimal: String,
    /// An upper bound on |printed value − true value|, as a short decimal (`1e-21`); `None` when the printed
    /// value is exact.
    pub error_bound: Option<String>,
}

impl Certified {
    /// The decimal of a rational, rounded exactly (ties to even).
    pub fn of_rational(value: &crate::exact::Rational, digits: usize) -> Certified {
        let exact = interval::to_rug_rational(value);
        let decimal =
            Decimal::of_rational(&exact, digits).map_or_else(|| "0".to_string(), |d| d.render());
        Certified {
            decimal,
            error_bound: None,
        }
    }

    /// The decimal with `digits` significant digits when both ends of `interval` round to it, with an
    /// upper bound on its error; `None` when they round differently (or the interval contains 0 but is not
    /// exactly 0).
    pub fn of_interval(interval: &Interval, digits: usize) -> Option<Certified> {
        if interval.is_zero() {
            return Some(Certified {
                decimal: "0".into(),
                error_bound: None,
            });
        }
        if interval.contains_zero() {
            return None;
        }
        let lower = Decimal::of_float(&interval.lower, digits)?;
        if Decimal::of_float(&interval.upper, digits)? != lower {
            return None;
        }
        let error_bound = error_bound(&lower, interval);
        Some(Certified {
            decimal: lower.render(),
            error_bound,
        })
    }
}

/// max(|printed − lower|, |upper − printed|) rounded up to one digit, `None` when it is zero.
fn error_bound(printed: &Decimal, interval: &Interval) -> Option<String> {
    let exact = printed.to_rational();
    // The printed value needs about 3.33 bits per digit to be represented exactly.
    let bits = (printed.digits.len() as u64 * 10 / 3 + 64).min(u64::from(PRECISION_CEILING)) as u32;
    let precision = interval.precision().max(bits);
    let printed_above = interval::up(precision, &exact);
    let printed_below = interval::down(precision, &exact);
    let above = interval::up(64, &interval.upper - &printed_below);
    let below = interval::up(64, &printed_above - &interval.lower);
    let bound = if above > below { above } else { below };
    if bound <= 0 {
        return None;
    }
    Some(decimal::one_digit_above(&bound))
}

/// Encloses a constant expression (no free symbols) at `precision` bits.
pub fn enclose(
    expr: &Expr,
    precision: u32,
    interrupt: &dyn Interrupt,
) -> Result<Interval, EvalError> {
    let precision = precision.clamp(2, PRECISION_CEILING);
    evaluate(expr, precision, interrupt).map_err(|failure| match failure {
        Failure::Fatal(error) => error,
        Failure::Imprecise(reason) => {
            EvalError::Budget(format!("{reason} at {precision} bits of precision"))
        }
    })
}

/// The value of a constant expression with `digits` significant digits, every one correct.
pub fn certify(
    expr: &Expr,
    digits: usize,
    budget: Budget,
    interrupt: &dyn Interrupt,
) -> Result<Certified, EvalError> {
    if digits == 0 {
        return Err(EvalError::Arguments(
            "the number of digits must be at least 1".into(),
        ));
    }
    if let Expr::Number(value) = expr {
        return Ok(Certified::of_rational(value, digits));
    }
    let maximum = budget.max_precision.clamp(2, PRECISION_CEILING);
    let failed = format!("could not certify {digits} digits within {maximum} bits of precision");
    // log2(10) ≈ 3.3219 bits per digit, 32 guard bits, and a few more for the rounding of each operation.
    let needed = (digits as f64 * std::f64::consts::LOG2_10).ceil() + 32.0;
    let guard = 2.0 * (expr.size() as f64 + 1.0).log2().ceil();
    let start = needed + guard;
    if start > f64::from(maximum) {
        let reachable = (f64::from(maximum) * std::f64::consts::LOG10_2) as u64;
        return Err(EvalError::Budget(format!(
            "{failed} (that is about {reachable} digits)"
        )));
    }
    let mut precision = (start as u32).max(64).min(maximum);
    let mut last;
    loop {
        interrupt.check()?;
        match evaluate(expr, precision, interrupt) {
            Ok(interval) => {
                if let Some(certified) = Certified::of_interval(&interval, digits) {
                    return Ok(certified);
                }
                last = Some(Ok(interval));
            }
            Err(Failure::Imprecise(reason)) => last = Some(Err(reason)),
            Err(Failure::Fatal(error)) => return Err(error),
        }
        if precision >= maximum {
            break;
        }
        precision = precision.saturating_mul(2).min(maximum);
    }
    Err(EvalError::Budget(match last {
        Some(Ok(interval)) => format!("{failed}; {}", what_is_certain(&interval, digits)),
        Some(Err(reason)) => format!("{failed}: {reason}"),
        None => failed,
    }))
}

/// How much of an interval's value is known: its certain leading digits, or a bound on its magnitude.
pub(crate) fn what_is_certain(interval: &Interval, digits: usize) -> String {
    let magnitude = interval.magnitude();
    if interval.contains_zero() {
        // |value| ≤ magnitude < 10^(e + 1) where e is the exponent of magnitude's leading digit.
        // Rounding to two digits never lowers the leading exponent: a magnitude ≥ 9.95·10^e becomes 10·10^e.
        let exponent = Decimal::of_float(&magnitude, 2).map_or(0, |d| d.exponent) + 1;
        return format!("|value| < 1e{exponent}");
    }
    // Estimate the agreeing digits from the relative width, then confirm by rounding both ends.
    let relative = Float::with_val(64, interval.width() / &magnitude);
    let estimate = if relative > 0 {
        (-relative.log10().to_f64()).floor().max(0.0) as usize + 1
    } else {
        digits
    };
    let mut count = estimate.min(digits.saturating_sub(1));
    let mut tries = 0;
    while count >= 1 && tries < 64 {
        if let Some(certified) = Certified::of_interval(interval, count) {
            let plural = if count == 1 { "digit is" } else { "digits are" };
            let decimal = &certified.decimal;
            // The ellipsis marks the missing digits: before the exponent in scientific notation.
            let shown = match decimal.find('e') {
                Some(at) => format!("{}…{}", &decimal[..at], &decimal[at..]),
                None => format!("{decimal}…"),
            };
            return format!("{count} {plural} certain: {shown}");
        }
        count -= 1;
        tries += 1;
    }
    let lower = Decimal::of_float(&interval.lower, 3).map_or_else(|| "0".into(), |d| d.render());
    let upper = Decimal::of_float(&interval.upper, 3).map_or_else(|| "0".into(), |d| d.render());
    format!("no digit is certain: the value lies between about {lower} and {upper}")
}

/// Compares two constant expressions by certified evaluation with a small budget: `None` when they contain
/// symbols or cannot be told apart (equal values that did not simplify to the same form).
pub fn compare(a: &Expr, b: &Expr) -> Option<Ordering> {
    if let (Expr::Number(x), Expr::Number(y)) = (a, b) {
        return Some(x.cmp(y));
    }
    if a.has_symbols() || b.has_symbols() {
        return None;
    }
    let infinite = |e: &Expr| e.any(&|x| matches!(x, Expr::Infinity));
    match (a, b) {
        (Expr::Infinity, Expr::Infinity) => return Some(Ordering::Equal),
        (Expr::Infinity, other) if !infinite(other) => return Some(Ordering::Greater),
        (other, Expr::Infinity) if !infinite(other) => return Some(Ordering::Less),
        _ => {}
    }
    let mut precision = 64;
    while precision <= 4096 {
        let difference =
            evaluate(a, precision, &Never).and_then(|x| x.sub(&evaluate(b, precision, &Never)?));
        match difference {
            Ok(difference) if difference.is_zero() => return Some(Ordering::Equal),
            Ok(difference) if difference.is_positive() => return Some(Ordering::Greater),
            Ok(difference) if difference.is_negative() => return Some(Ordering::Less),
            Ok(_) | Err(Failure::Imprecise(_)) => precision *= 2,
            Err(Failure::Fatal(_)) => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests;
