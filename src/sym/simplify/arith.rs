//! Rational products and sums that stay fast on big numbers.
//!
//! num-rational reduces every result with a binary gcd, which takes time quadratic in the bit length even
//! when the other operand is tiny (`gcd(n, 1)` walks all of n's bits). Coefficients here are often a big
//! integer times a small rational, so integers skip the reduction and a small operand is reduced by one
//! machine-word remainder first.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::exact::Rational;

/// gcd(a, b) ≥ 0, with one Euclid step on machine words when either operand is small.
pub fn gcd(a: &BigInt, b: &BigInt) -> BigInt {
    if let Some(small) = b.magnitude().to_u64() {
        return small_gcd(a, small);
    }
    if let Some(small) = a.magnitude().to_u64() {
        return small_gcd(b, small);
    }
    a.gcd(b)
}

fn small_gcd(big: &BigInt, small: u64) -> BigInt {
    if small == 0 {
        return big.abs();
    }
    let remainder = (big.magnitude() % small).to_u64().unwrap_or(0);
    BigInt::from(remainder.gcd(&small))
}

/// n/d in lowest terms (d ≠ 0).
pub fn reduced(numerator: BigInt, denominator: BigInt) -> Rational {
    let common = gcd(&numerator, &denominator);
    let (mut numerator, mut denominator) = if common.is_one() {
        (numerator, denominator)
    } else {
        (numerator / &common, denominator / &common)
    };
    if denominator.is_negative() {
        numerator = -numerator;
        denominator = -denominator;
    }
    Rational::new_raw(numerator, denominator)
}

/// a · b.
pub fn times(a: &Rational, b: &Rational) -> Rational {
    if a.is_integer() && b.is_integer() {
        return Rational::from_integer(a.numer() * b.numer());
    }
    // Cross-reduce: both inputs are in lowest terms, so this leaves the product in lowest terms.
    let left = gcd(a.numer(), b.denom());
    let right = gcd(b.numer(), a.denom());
    let numerator = (a.numer() / &left) * (b.numer() / &right);
    let denominator = (a.denom() / &right) * (b.denom() / &left);
    if denominator.is_negative() {
        Rational::new_raw(-numerator, -denominator)
    } else {
        Rational::new_raw(numerator, denominator)
    }
}

/// a + b.
pub fn plus(a: &Rational, b: &Rational) -> Rational {
    if a.is_integer() && b.is_integer() {
        return Rational::from_integer(a.numer() + b.numer());
    }
    if a.is_zero() {
        return b.clone();
    }
    if b.is_zero() {
        return a.clone();
    }
    if a.denom() == b.denom() {
        return reduced(a.numer() + b.numer(), a.denom().clone());
    }
    reduced(
        a.numer() * b.denom() + b.numer() * a.denom(),
        a.denom() * b.denom(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::ratio;

    #[test]
    fn agrees_with_num_rational() {
        let values = [
            ratio(3, 8),
            ratio(-5, 6),
            ratio(7, 1),
            ratio(-12, 1),
            ratio(0, 1),
            ratio(9, 14),
        ];
        for a in &values {
            for b in &values {
                assert_eq!(times(a, b), a * b, "{a} * {b}");
                assert_eq!(plus(a, b), a + b, "{a} + {b}");
            }
        }
    }

    #[test]
    fn big_integer_times_small_fraction_is_reduced() {
        let big = Rational::from_integer(BigInt::from(6u8).pow(5000));
        let product = times(&big, &ratio(5, 12));
        assert_eq!(product, &big * ratio(5, 12));
        assert!(product.is_integer());
    }
}
