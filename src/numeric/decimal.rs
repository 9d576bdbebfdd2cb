//! Decimal rounding and formatting of certified values.
//!
//! A float is rounded by MPFR's `mpfr_get_str`, which rounds the exact binary value once, to nearest with
//! ties to even; a rational is rounded by exact integer arithmetic. Neither rounds twice.

use std::cmp::Ordering;

use rug::float::Round;
use rug::{Float, Integer};

/// A nonzero number rounded to significant digits: `±d.ddd… × 10^exponent`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decimal {
    /// Whether the number is negative.
    pub negative: bool,
    /// The significant digits, the first nonzero.
    pub digits: String,
    /// The decimal exponent of the first digit.
    pub exponent: i64,
}

/// Decimal exponents of the leading digit printed in fixed notation; the others use scientific notation.
const FIXED_EXPONENTS: std::ops::Range<i64> = -5..21;

fn power_of_ten(exponent: u64) -> Integer {
    let exponent = u32::try_from(exponent).unwrap_or(u32::MAX);
    Integer::from(Integer::u_pow_u(10, exponent))
}

impl Decimal {
    /// A finite nonzero float rounded to nearest (ties to even) with `digits` significant digits (`None` for
    /// zero, infinity or NaN).
    pub fn of_float(value: &Float, digits: usize) -> Option<Decimal> {
        if !value.is_normal() {
            return None;
        }
        let digits = digits.max(1);
        let (negative, text, exponent) =
            value.to_sign_string_exp_round(10, Some(digits), Round::Nearest);
        let exponent = i64::from(exponent?) - 1;
        Some(Decimal {
            negative,
            digits: text,
            exponent,
        })
    }

    /// A nonzero rational rounded to nearest (ties to even) with `digits` significant digits (`None` for
    /// zero).
    pub fn of_rational(value: &rug::Rational, digits: usize) -> Option<Decimal> {
        if value.cmp0() == Ordering::Equal {
            return None;
        }
        let digits = digits.max(1) as i64;
        let negative = value.cmp0() == Ordering::Less;
        let numerator = Integer::from(value.numer().abs_ref());
        let denominator = value.denom();
        // |value| · 10^shift as a fraction of two integers.
        let scaled = |shift: i64| -> (Integer, Integer) {
            if shift >= 0 {
                (
                    numerator.clone() * power_of_ten(shift as u64),
                    denominator.clone(),
                )
            } else {
                (
                    numerator.clone(),
                    denominator.clone() * power_of_ten(shift.unsigned_abs()),
                )
            }
        };
        // 10^exponent ≤ |value| < 10^(exponent + 1); the estimate from bit lengths is off by at most one.
        let bits = numerator.significant_bits() as i64 - denominator.significant_bits() as i64;
        let mut exponent = (bits as f64 * std::f64::consts::LOG10_2).floor() as i64;
        loop {
            let (above, below) = scaled(-exponent);
            if above < below {
                exponent -= 1;
                continue;
            }
            let (above, below) = scaled(-exponent - 1);
            if above >= below {
                exponent += 1;
                continue;
            }
            break;
        }
        let (above, below) = scaled(digits - 1 - exponent);
        let (mut quotient, remainder) = above.div_rem(below.clone());
        let twice = remainder * 2u32;
        match twice.cmp(&below) {
            Ordering::Greater => quotient += 1u32,
            Ordering::Equal if quotient.is_odd() => quotient += 1u32,
            _ => {}
        }
        if quotient == power_of_ten(digits as u64) {
            // Rounding carried into a new digit: 9.99… became 10.0…, an exact power of ten.
            quotient = power_of_ten(digits as u64 - 1);
            exponent += 1;
        }
        Some(Decimal {
            negative,
            digits: quotient.to_string(),
            exponent,
        })
    }

    /// The exact value of the rounded decimal.
    pub fn to_rational(&self) -> rug::Rational {
        let significand = Integer::from_str_radix(&self.digits, 10).unwrap_or_default();
        let scale = self.exponent - (self.digits.len() as i64 - 1);
        let magnitude = if scale >= 0 {
            rug::Rational::from(significand * power_of_ten(scale as u64))
        } else {
            rug::Rational::from((significand, power_of_ten(scale.unsigned_abs())))
        };
        if self.negative {
            -magnitude
        } else {
            magnitude
        }
    }

    /// Fixed notation for exponents −5 ≤ e < 21 (`0.31814718055994530942`, `49999999.000000005000`),
    /// scientific otherwise (`5.0000000000000000000e-61`); trailing zeros kept.
    pub fn render(&self) -> String {
        let mut text = String::with_capacity(self.digits.len() + 8);
        if self.negative {
            text.push('-');
        }
        let (first, rest) = self.digits.split_at(1);
        if !FIXED_EXPONENTS.contains(&self.exponent) {
            text.push_str(first);
            if !rest.is_empty() {
                text.push('.');
                text.push_str(rest);
            }
            text.push('e');
            text.push_str(&self.exponent.to_string());
        } else if self.exponent < 0 {
            text.push_str("0.");
            text.extend(std::iter::repeat_n('0', (-self.exponent - 1) as usize));
            text.push_str(&self.digits);
        } else {
            let whole = self.exponent as usize + 1;
            if whole >= self.digits.len() {
                text.push_str(&self.digits);
                text.extend(std::iter::repeat_n('0', whole - self.digits.len()));
            } else {
                text.push_str(&self.digits[..whole]);
                text.push('.');
                text.push_str(&self.digits[whole..]);
            }
        }
        text
    }
}

/// A positive float rounded up to one significant digit, rendered like a value (`4e-21`, `0.003`).
pub fn one_digit_above(value: &Float) -> String {
    let (_, text, exponent) = value.to_sign_string_exp_round(10, Some(2), Round::Up);
    let Some(exponent) = exponent else {
        return "0".into();
    };
    let mut exponent = i64::from(exponent) - 1;
    let bytes = text.as_bytes();
    let mut leading = u32::from(bytes[0] - b'0');
    if bytes.get(1).is_some_and(|&digit| digit != b'0') {
        leading += 1;
    }
    if leading == 10 {
        leading = 1;
        exponent += 1;
    }
    Decimal {
        negative: false,
        digits: leading.to_string(),
        exponent,
    }
    .render()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rational(n: i64, d: i64) -> rug::Rational {
        rug::Rational::from((n, d))
    }

    fn text(n: i64, d: i64, digits: usize) -> String {
        Decimal::of_rational(&rational(n, d), digits)
            .unwrap()
            .render()
    }

    #[test]
    fn rationals_round_half_to_even_and_keep_trailing_zeros() {
        assert_eq!(text(1, 3, 20), "0.33333333333333333333");
        assert_eq!(text(2, 3, 5), "0.66667");
        assert_eq!(text(15, 8, 20), "1.8750000000000000000");
        assert_eq!(text(-5, 2, 3), "-2.50");
        assert_eq!(text(125, 1000, 2), "0.12");
        assert_eq!(text(135, 1000, 2), "0.14");
        assert_eq!(text(9995, 10, 3), "1000");
        assert_eq!(text(9985, 10, 3), "998");
        assert_eq!(text(99_999, 1, 3), "100000");
        assert_eq!(text(1, 100_000, 3), "0.0000100");
        assert_eq!(text(1, 1_000_000, 3), "1.00e-6");
        assert_eq!(text(-1, 1_000_000, 1), "-1e-6");
    }

    #[test]
    fn fixed_and_scientific_boundaries() {
        let big = Decimal::of_rational(&rug::Rational::from(Integer::u_pow_u(10, 30)), 20).unwrap();
        assert_eq!(big.render(), "1.0000000000000000000e30");
        let below = Decimal {
            negative: false,
            digits: "12345".into(),
            exponent: 20,
        };
        assert_eq!(below.render(), "123450000000000000000");
        let above = Decimal {
            negative: false,
            digits: "12345".into(),
            exponent: 25,
        };
        assert_eq!(above.render(), "1.2345e25");
        let small = Decimal {
            negative: true,
            digits: "5".into(),
            exponent: -61,
        };
        assert_eq!(small.render(), "-5e-61");
        let edge = Decimal {
            negative: false,
            digits: "25".into(),
            exponent: -5,
        };
        assert_eq!(edge.render(), "0.000025");
        let edge = Decimal {
            negative: false,
            digits: "25".into(),
            exponent: -6,
        };
        assert_eq!(edge.render(), "2.5e-6");
    }

    #[test]
    fn floats_round_once_from_their_exact_binary_value() {
        // 0.125 is exact in binary: a tie at two digits goes to the even digit.
        let eighth = Float::with_val(10, 0.125);
        assert_eq!(Decimal::of_float(&eighth, 2).unwrap().render(), "0.12");
        assert_eq!(
            Decimal::of_float(&Float::with_val(10, 0.375), 2)
                .unwrap()
                .render(),
            "0.38"
        );
        assert_eq!(
            Decimal::of_float(&Float::with_val(10, -0.375), 1)
                .unwrap()
                .render(),
            "-0.4"
        );
        assert_eq!(
            Decimal::of_float(&Float::with_val(10, 0.25), 1)
                .unwrap()
                .render(),
            "0.2"
        );
        assert_eq!(
            Decimal::of_float(&Float::with_val(10, 0.75), 1)
                .unwrap()
                .render(),
            "0.8"
        );
        assert_eq!(
            Decimal::of_float(&Float::with_val(10, 9.96), 2)
                .unwrap()
                .render(),
            "10"
        );
        let round_trip = Decimal::of_float(&Float::with_val(53, 2.5), 4).unwrap();
        assert_eq!(round_trip.to_rational(), rational(5, 2));
        assert_eq!(Decimal::of_float(&Float::new(53), 5), None);
    }

    #[test]
    fn bounds_round_up_to_one_digit() {
        assert_eq!(one_digit_above(&Float::with_val(64, 3.2e-21)), "4e-21");
        assert_eq!(one_digit_above(&Float::with_val(64, 0.75)), "0.8");
        assert_eq!(one_digit_above(&Float::with_val(64, 9.5e-8)), "1e-7");
        assert_eq!(one_digit_above(&Float::with_val(64, 0.0021)), "0.003");
    }
}
