//! The modified Bessel function of the first kind, I_ν(x) = (x/2)^ν Σₖ (x²/4)^k / (k!·Γ(k + ν + 1)),
//! which MPFR does not provide.
//!
//! Every term of the series is positive, so it is summed without cancellation; once the ratio of
//! consecutive terms q is below ½, the tail after a term t is at most t·q/(1 − q).

use rug::{Float, Integer};

use super::evaluate::evaluate;
use super::functions::{exp, lgamma};
use super::interval::{down, up, Failure, Interval};
use super::power::{pow, pow_integer};
use crate::error::EvalError;
use crate::exact::Rational;
use crate::interrupt::Interrupt;
use crate::sym::Expr;

/// Largest |x| accepted: the series needs about |x| terms.
const LARGEST_ARGUMENT: f64 = 1e7;

/// Largest integer order accepted.
const LARGEST_ORDER: u32 = 1 << 20;

/// I_ν(x) for an order given as an expression: any integer order (I₋ₙ = Iₙ) with any real x, or a real
/// order ν ≥ 0 with x > 0.
pub fn bessel_i(
    order: &Expr,
    x: &Interval,
    precision: u32,
    interrupt: &dyn Interrupt,
) -> Result<Interval, Failure> {
    if x.magnitude() > LARGEST_ARGUMENT {
        return Err(Failure::Fatal(EvalError::TooLarge(
            "besseli is evaluated only for |x| ≤ 10^7".into(),
        )));
    }
    if let Some(order) = order.as_rational().filter(|value| value.is_integer()) {
        let order = order.numer().magnitude().to_u32_digits();
        let order = match order.as_slice() {
            [] => 0,
            [single] if *single <= LARGEST_ORDER => *single,
            _ => {
                return Err(Failure::Fatal(EvalError::TooLarge(
                    "besseli is evaluated only for orders up to 2^20".into(),
                )))
            }
        };
        return integer_order(order, x, interrupt);
    }
    let order = evaluate(order, precision, interrupt)?;
    if order.is_negative() {
        return Err(Failure::Fatal(EvalError::Domain(
            "besseli is defined here only for integer orders or orders ≥ 0".into(),
        )));
    }
    if order.lower < 0 {
        return Err(Failure::Imprecise(
            "the order of besseli is too close to zero".into(),
        ));
    }
    real_order(&order, x, interrupt)
}

/// Iₙ(x) = (x/2)ⁿ/n! · Σₖ (x²/4)^k / (k!·(n + 1)ₖ).
fn integer_order(order: u32, x: &Interval, interrupt: &dyn Interrupt) -> Result<Interval, Failure> {
    let precision = x.precision();
    let half = x.mul(&Interval::point(Float::with_val(precision, 0.5)))?;
    let square = half.mul(&half)?;
    let shifted = Interval::point(Float::with_val(precision, order + 1));
    let total = series(&shifted, &square, interrupt)?;
    let factorial = Integer::from(Integer::factorial(order));
    let inverse = Interval::from_rational_rug(&rug::Rational::from((1, factorial)), precision)?;
    let power = pow_integer(&half, &Integer::from(order))?;
    power.mul(&inverse)?.mul(&total)
}

/// I_ν(x) = (x/2)^ν/Γ(ν + 1) · Σₖ (x²/4)^k / (k!·(ν + 1)ₖ) for ν ≥ 0 and x > 0.
fn real_order(
    order: &Interval,
    x: &Interval,
    interrupt: &dyn Interrupt,
) -> Result<Interval, Failure> {
    let precision = x.precision().max(order.precision());
    let one = Interval::from_rational(&Rational::from_integer(1.into()), precision)?;
    let half = x.mul(&Interval::point(Float::with_val(precision, 0.5)))?;
    let square = half.mul(&half)?;
    let shifted = order.add(&one)?;
    let total = series(&shifted, &square, interrupt)?;
    let gamma = exp(&lgamma(&shifted)?)?;
    pow(&half, order)?.div(&gamma)?.mul(&total)
}

/// Σₖ y^k / (k!·(a)ₖ) for a ≥ 1 and y ≥ 0, with its tail bound.
fn series(
    shifted: &Interval,
    square: &Interval,
    interrupt: &dyn Interrupt,
) -> Result<Interval, Failure> {
    let precision = shifted.precision().max(square.precision());
    let mut term = Interval::point(Float::with_val(precision, 1));
    let mut total = term.clone();
    let mut k: u64 = 0;
    loop {
        k += 1;
        if k.is_multiple_of(64) {
            interrupt.check()?;
        }
        // t_k = t_{k−1} · y / (k·(a + k − 1))
        let index = Interval::point(Float::with_val(precision, k));
        let rising = shifted.add(&Interval::point(Float::with_val(precision, k - 1)))?;
        term = term.mul(square)?.div(&index.mul(&rising)?)?;
        total = total.add(&term)?;
        // Ratio of every later term to its predecessor: at most q = y/((k + 1)(a + k)).
        let next = Float::with_val(precision, k + 1);
        let denominator = down(precision, &next * &down(precision, &shifted.lower + k));
        let ratio = up(precision, &square.upper / &denominator);
        if ratio <= 0.5 {
            let complement = down(precision, 1 - Float::with_val(precision, &ratio));
            let factor = up(precision, &ratio / &complement);
            let tail = up(precision, &term.upper * &factor);
            let mut threshold = total.lower.clone();
            threshold >>= precision + 4;
            if tail <= threshold {
                let upper = up(precision, &total.upper + &tail);
                return Interval::new(total.lower, upper);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::ratio;
    use crate::interrupt::Never;

    fn value(order: Expr, x: Rational) -> Interval {
        let x = Interval::from_rational(&x, 128).unwrap();
        bessel_i(&order, &x, 128, &Never).unwrap()
    }

    /// Checks that the interval is narrow and within `tolerance` (relative) of a reference value.
    #[track_caller]
    fn assert_near(interval: &Interval, decimal: &str, tolerance: f64) {
        let expected = Float::with_val(300, Float::parse(decimal).unwrap());
        let width = Float::with_val(64, interval.width() / &expected).abs();
        assert!(width < 1e-30, "{interval:?} is too wide");
        let error = Float::with_val(64, (interval.midpoint() - &expected) / &expected).abs();
        assert!(error < tolerance, "{interval:?} is not {decimal}");
    }

    #[test]
    fn reference_values() {
        let i0 = value(Expr::int(0), ratio(1, 1));
        assert_near(
            &i0,
            "1.26606587775200833559824462521471753760767031135496",
            1e-37,
        );
        let i1 = value(Expr::int(1), ratio(5, 2));
        assert_near(&i1, "2.51671624528869844152819174812237767238894730", 1e-37);
        // I₋₁ = I₁ and I₁ is odd.
        let mirrored = value(Expr::int(-1), ratio(-5, 2));
        assert_eq!(mirrored, i1.neg());
        // I₀(100) = 1.0737517071310738235…e42
        assert_near(
            &value(Expr::int(0), ratio(100, 1)),
            "1.0737517071310738235e42",
            1e-19,
        );
        // I_{1/2}(x) = √(2/(πx))·sinh x.
        let pi = Float::with_val(300, rug::float::Constant::Pi);
        let half_order = Float::with_val(300, 2 / pi).sqrt() * Float::with_val(300, 1).sinh();
        let computed = value(Expr::ratio(1, 2), ratio(1, 1));
        assert_near(&computed, &half_order.to_string_radix(10, Some(60)), 1e-35);
        let zero = value(Expr::int(0), ratio(0, 1));
        assert_eq!((zero.lower.to_f64(), zero.upper.to_f64()), (1.0, 1.0));
    }

    #[test]
    fn out_of_range_arguments_are_errors() {
        let huge = Interval::from_rational(&ratio(100_000_000, 1), 64).unwrap();
        assert!(matches!(
            bessel_i(&Expr::int(0), &huge, 64, &Never),
            Err(Failure::Fatal(_))
        ));
        let one = Interval::from_rational(&ratio(1, 1), 64).unwrap();
        assert!(matches!(
            bessel_i(&Expr::ratio(-1, 2), &one, 64, &Never),
            Err(Failure::Fatal(_))
        ));
    }
}
