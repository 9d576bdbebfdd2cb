//! Exact rational numbers: the type every literal and every exact result is built from.
//!
//! divcalc reads `0.1` as 1/10 and `1e-6` as 1/1000000; nothing is rounded when it is read.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// An exact rational number (arbitrary precision numerator and denominator).
pub type Rational = num_rational::BigRational;

/// The rational `n/d` from machine integers.
pub fn ratio(n: i64, d: i64) -> Rational {
    Rational::new(BigInt::from(n), BigInt::from(d))
}

/// The integer `n` as a rational.
pub fn integer(n: i64) -> Rational {
    Rational::from_integer(BigInt::from(n))
}

/// Largest number of decimal digits accepted in one literal or produced by one exact power.
/// Bigger numbers are refused with an error instead of exhausting memory.
pub const MAX_DIGITS: u64 = 100_000;

/// Approximate number of decimal digits of the numerator plus the denominator.
pub fn size_in_digits(value: &Rational) -> u64 {
    let bits = value.numer().bits() + value.denom().bits();
    bits * 30103 / 100000 + 1
}

/// `base^exponent` exactly, for an integer exponent, or `None` when the result would exceed
/// [`MAX_DIGITS`] (or the base is zero and the exponent negative).
pub fn checked_power(base: &Rational, exponent: &BigInt) -> Option<Rational> {
    if base.is_zero() {
        return if exponent.is_negative() {
            None
        } else if exponent.is_zero() {
            Some(Rational::one())
        } else {
            Some(Rational::zero())
        };
    }
    if base.abs().is_one() {
        let odd = exponent.bit(0);
        return Some(if base.is_negative() && odd {
            -Rational::one()
        } else {
            Rational::one()
        });
    }
    let magnitude = exponent.abs().to_u64()?;
    let digits = size_in_digits(base);
    if digits.saturating_mul(magnitude) > MAX_DIGITS {
        return None;
    }
    let power = num_traits::pow::Pow::pow(base, magnitude as u32);
    Some(if exponent.is_negative() {
        power.recip()
    } else {
        power
    })
}

/// Exact `n`-th root of a non-negative rational when it is rational (`sqrt(9/4) = 3/2`).
pub fn exact_root(value: &Rational, n: u32) -> Option<Rational> {
    if value.is_negative() {
        return None;
    }
    let numerator = value.numer().nth_root(n);
    let denominator = value.denom().nth_root(n);
    let candidate = Rational::new(numerator, denominator);
    if num_traits::pow::Pow::pow(&candidate, n) == *value {
        Some(candidate)
    } else {
        None
    }
}

/// The rational as an `f64` (for cross-checks and heuristics only, never for printed digits).
pub fn to_f64(value: &Rational) -> f64 {
    value.to_f64().unwrap_or(f64::NAN)
}
