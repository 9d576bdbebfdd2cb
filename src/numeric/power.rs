//! Powers of intervals: integer, rational and general real exponents.

use num_traits::{One, Signed, ToPrimitive};
use rug::float::Round;
use rug::ops::Pow;
use rug::{Float, Integer};

use super::interval::{round, to_rug_integer, Failure, Interval};
use crate::error::EvalError;
use crate::exact::Rational;

fn domain(message: &str) -> Failure {
    Failure::Fatal(EvalError::Domain(message.into()))
}

fn division_by_zero() -> Failure {
    domain("division by zero")
}

fn near_zero() -> Failure {
    Failure::Imprecise("a divisor is too close to zero to tell its sign".into())
}

/// xⁿ for an integer n (of any size).
pub fn pow_integer(x: &Interval, n: &Integer) -> Result<Interval, Failure> {
    let precision = x.precision();
    if n.is_zero() {
        return Ok(Interval::point(Float::with_val(precision, 1)));
    }
    if let Some(power) = small_power(x, n) {
        return power;
    }
    let evaluate = |v: &Float, r: Round| round(precision, v.pow(n), r);
    if n.is_even() {
        // xⁿ = |x|ⁿ: increasing in |x| for n > 0, decreasing for n < 0.
        let magnitude = x.abs();
        if *n < 0 && magnitude.lower.is_zero() {
            return Err(if x.is_zero() {
                division_by_zero()
            } else {
                near_zero()
            });
        }
        return magnitude.monotone(*n > 0, evaluate);
    }
    if *n < 0 && x.contains_zero() {
        return Err(if x.is_zero() {
            division_by_zero()
        } else {
            near_zero()
        });
    }
    // Odd powers increase on ℝ for n > 0 and decrease on each side of 0 for n < 0.
    x.monotone(*n > 0, evaluate)
}

/// baseⁿ by repeated squaring (`square`) and products (`mul`), from `one`: for the enclosures whose own
/// powers are not correctly rounded (f64 ranges, complex boxes).
pub fn by_squaring<T, E>(
    one: T,
    mut base: T,
    mut exponent: u32,
    mul: impl Fn(&T, &T) -> Result<T, E>,
    square: impl Fn(&T) -> Result<T, E>,
) -> Result<T, E> {
    let mut result = one;
    while exponent > 0 {
        if exponent & 1 == 1 {
            result = mul(&result, &base)?;
        }
        exponent >>= 1;
        if exponent > 0 {
            base = square(&base)?;
        }
    }
    Ok(result)
}

/// xⁿ for 1 ≤ |n| ≤ 8 and x ≥ 0 by products (a few ulps wider than MPFR's correctly rounded power, and
/// several times cheaper); `None` for other powers.
fn small_power(x: &Interval, n: &Integer) -> Option<Result<Interval, Failure>> {
    let exponent = n.to_i32().filter(|n| (1..=8).contains(&n.unsigned_abs()))?;
    if x.lower < 0 || (exponent < 0 && x.lower.is_zero()) {
        return None;
    }
    let power = (|| {
        let mut result = x.clone();
        for _ in 1..exponent.unsigned_abs() {
            result = result.mul(x)?;
        }
        if exponent < 0 {
            result = result.recip()?;
        }
        Ok(result)
    })();
    Some(power)
}

/// x^(p/q) for a rational exponent in lowest terms: the real q-th root (negative bases only for odd q),
/// raised to the integer power p.
pub fn pow_rational(x: &Interval, exponent: &Rational) -> Result<Interval, Failure> {
    if exponent.is_integer() {
        return pow_integer(x, &to_rug_integer(exponent.numer()));
    }
    if x.is_zero() {
        return if exponent.is_positive() {
            Ok(Interval::point(Float::new(x.precision())))
        } else {
            Err(division_by_zero())
        };
    }
    let root_degree = exponent.denom().to_u32().filter(|&q| q <= 1 << 20);
    let Some(degree) = root_degree else {
        // A denominator too large for a root: only positive bases, through x^y = exp(y·log x).
        let power = Interval::from_rational(exponent, x.precision())?;
        return pow(x, &power);
    };
    if degree % 2 == 0 {
        if x.is_negative() {
            return Err(domain(if degree == 2 {
                "square root of a negative number"
            } else {
                "even root of a negative number"
            }));
        }
        if x.lower < 0 {
            return Err(Failure::Imprecise(
                "the base of a root is too close to zero to tell its sign".into(),
            ));
        }
    }
    let precision = x.precision();
    let root = if degree == 2 {
        super::functions::sqrt(x)?
    } else {
        // The real root is increasing on ℝ for odd degree and on [0, ∞) for even degree.
        x.monotone(true, |v, r| round(precision, v.root_ref(degree), r))?
    };
    if exponent.numer().is_one() {
        return Ok(root);
    }
    pow_integer(&root, &to_rug_integer(exponent.numer()))
}

/// x^y for a real exponent y: x > 0, or x = 0 with y > 0.
pub fn pow(x: &Interval, y: &Interval) -> Result<Interval, Failure> {
    let precision = x.precision().max(y.precision());
    if x.is_zero() {
        return if y.is_positive() {
            Ok(Interval::point(Float::new(precision)))
        } else if y.upper <= 0 {
            Err(division_by_zero())
        } else {
            Err(Failure::Imprecise(
                "the exponent of a power of zero is too close to zero".into(),
            ))
        };
    }
    if !x.is_positive() {
        return Err(if x.upper <= 0 {
            domain("power of a negative number with an irrational exponent")
        } else {
            Failure::Imprecise("the base of a power is too close to zero to tell its sign".into())
        });
    }
    if y.is_point() {
        let exponent = &y.lower;
        let increasing = *exponent >= 0;
        return x.monotone(increasing, |v, r| round(precision, v.pow(exponent), r));
    }
    // x^y is monotone in each variable for x > 0, so its extremes over a box are at the corners.
    let mut lower: Option<Float> = None;
    let mut upper: Option<Float> = None;
    for base in [&x.lower, &x.upper] {
        for exponent in [&y.lower, &y.upper] {
            let low = round(precision, base.pow(exponent), Round::Down).0;
            let high = round(precision, base.pow(exponent), Round::Up).0;
            if lower.as_ref().is_none_or(|current| low < *current) {
                lower = Some(low);
            }
            if upper.as_ref().is_none_or(|current| high > *current) {
                upper = Some(high);
            }
        }
    }
    match (lower, upper) {
        (Some(lower), Some(upper)) => Interval::new(lower, upper),
        _ => Err(Failure::Imprecise(
            "no corner of a power was evaluated".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::ratio;

    fn rational(n: i64, d: i64) -> Interval {
        Interval::from_rational(&ratio(n, d), 128).unwrap()
    }

    #[test]
    fn integer_powers_of_intervals_across_zero() {
        let x = Interval::new(Float::with_val(53, -2), Float::with_val(53, 3)).unwrap();
        let square = pow_integer(&x, &Integer::from(2)).unwrap();
        assert_eq!((square.lower.to_f64(), square.upper.to_f64()), (0.0, 9.0));
        let cube = pow_integer(&x, &Integer::from(3)).unwrap();
        assert_eq!((cube.lower.to_f64(), cube.upper.to_f64()), (-8.0, 27.0));
        assert!(matches!(
            pow_integer(&x, &Integer::from(-1)),
            Err(Failure::Imprecise(_))
        ));
        let negative = Interval::new(Float::with_val(53, -4), Float::with_val(53, -2)).unwrap();
        let inverse_square = pow_integer(&negative, &Integer::from(-2)).unwrap();
        assert_eq!(
            (inverse_square.lower.to_f64(), inverse_square.upper.to_f64()),
            (1.0 / 16.0, 0.25)
        );
    }

    #[test]
    fn rational_powers() {
        let root = pow_rational(&rational(2, 1), &ratio(1, 2)).unwrap();
        assert!(root.contains(&Float::with_val(200, 2).sqrt()));
        let cube_root = pow_rational(&rational(-8, 1), &ratio(2, 3)).unwrap();
        assert_eq!(
            (cube_root.lower.to_f64(), cube_root.upper.to_f64()),
            (4.0, 4.0)
        );
        let fraction = pow_rational(&rational(27, 8), &ratio(-1, 3)).unwrap();
        let two_thirds = rug::Rational::from((2, 3));
        assert!(fraction.lower < two_thirds && fraction.upper > two_thirds);
        assert_eq!(
            pow_rational(&rational(-2, 1), &ratio(1, 2)),
            Err(domain("square root of a negative number"))
        );
        assert_eq!(
            pow_rational(&rational(0, 1), &ratio(-1, 2)),
            Err(division_by_zero())
        );
    }

    #[test]
    fn general_powers() {
        let two = rational(2, 1);
        let third = rational(1, 3);
        let value = pow(&two, &third).unwrap();
        assert!(value.contains(&Float::with_val(256, 2).cbrt()));
        assert!(value.width() < 1e-35);
        assert!(matches!(
            pow(&rational(-2, 1), &third),
            Err(Failure::Fatal(_))
        ));
    }
}
