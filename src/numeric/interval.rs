//! Closed intervals of MPFR floats with directed rounding.
//!
//! Every operation rounds its lower end towards −∞ and its upper end towards +∞, so the result contains the
//! exact result of the operation applied to every pair of points of its operands. The ends are always finite:
//! an operation whose result leaves MPFR's exponent range fails instead of producing ∞ or NaN.

use std::cmp::Ordering;

use num_bigint::Sign;
use rug::float::{Constant, Round};
use rug::ops::AssignRound;
use rug::{Float, Integer};

use crate::error::EvalError;
use crate::exact::Rational;

/// A closed interval [lower, upper] that contains a real number.
#[derive(Clone, Debug, PartialEq)]
pub struct Interval {
    /// Lower end (rounded down).
    pub lower: Float,
    /// Upper end (rounded up).
    pub upper: Float,
}

/// Why an enclosure could not be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The intervals at this precision are too wide to go on (a divisor or the argument of a logarithm
    /// straddles zero); a higher precision may succeed. The text says what was undecided.
    Imprecise(String),
    /// A definite error (a domain error, an overflow, an interruption) that more precision cannot cure.
    Fatal(EvalError),
}

impl From<EvalError> for Failure {
    fn from(error: EvalError) -> Failure {
        Failure::Fatal(error)
    }
}

/// Where an interval lies with respect to zero (an end at zero counts as either side).
#[derive(Clone, Copy)]
enum Side {
    Positive,
    Negative,
    Mixed,
}

impl Side {
    fn of(x: &Interval) -> Side {
        if x.lower >= 0 {
            Side::Positive
        } else if x.upper <= 0 {
            Side::Negative
        } else {
            Side::Mixed
        }
    }
}

/// A float result with the direction of its rounding error (`Less`: below the exact value).
pub(crate) type Rounded = (Float, Ordering);

/// Rounds `value` (an MPFR incomplete computation or a number) to `precision` bits in direction `round`.
pub(crate) fn round<T>(precision: u32, value: T, round: Round) -> Rounded
where
    Float: AssignRound<T, Round = Round, Ordering = Ordering>,
{
    Float::with_val_round(precision, value, round)
}

/// Rounds `value` down to `precision` bits.
pub(crate) fn down<T>(precision: u32, value: T) -> Float
where
    Float: AssignRound<T, Round = Round, Ordering = Ordering>,
{
    Float::with_val_round(precision, value, Round::Down).0
}

/// Rounds `value` up to `precision` bits.
pub(crate) fn up<T>(precision: u32, value: T) -> Float
where
    Float: AssignRound<T, Round = Round, Ordering = Ordering>,
{
    Float::with_val_round(precision, value, Round::Up).0
}

/// The exact rug rational equal to a num rational.
pub(crate) fn to_rug_rational(value: &Rational) -> rug::Rational {
    rug::Rational::from((to_rug_integer(value.numer()), to_rug_integer(value.denom())))
}

/// The exact rug integer equal to a num integer.
pub(crate) fn to_rug_integer(value: &num_bigint::BigInt) -> Integer {
    let (sign, digits) = value.to_u32_digits();
    let magnitude = Integer::from_digits(&digits, rug::integer::Order::Lsf);
    if sign == Sign::Minus {
        -magnitude
    } else {
        magnitude
    }
}

fn overflow() -> Failure {
    Failure::Fatal(EvalError::TooLarge(
        "an intermediate value is too large for the floating-point exponent range (beyond about 10^(3×10^8))"
            .into(),
    ))
}

impl Interval {
    /// Builds an interval from its ends, refusing infinite or NaN ends (an overflow).
    pub fn new(lower: Float, upper: Float) -> Result<Interval, Failure> {
        if !lower.is_finite() || !upper.is_finite() {
            return Err(overflow());
        }
        Ok(Interval { lower, upper })
    }

    /// The interval holding exactly one float.
    pub fn point(value: Float) -> Interval {
        Interval {
            lower: value.clone(),
            upper: value,
        }
    }

    /// The tightest interval of `precision`-bit floats around a rational (a point when it is exact).
    pub fn from_rational(value: &Rational, precision: u32) -> Result<Interval, Failure> {
        Interval::from_rational_rug(&to_rug_rational(value), precision)
    }

    /// The tightest interval of `precision`-bit floats around a rug rational.
    pub fn from_rational_rug(value: &rug::Rational, precision: u32) -> Result<Interval, Failure> {
        let (lower, direction) = round(precision, value, Round::Down);
        Interval::from_lower(lower, direction)
    }

    /// The interval [lower, next float above lower], or the point when `direction` says `lower` is exact.
    pub(crate) fn from_lower(lower: Float, direction: Ordering) -> Result<Interval, Failure> {
        let mut upper = lower.clone();
        if direction != Ordering::Equal {
            upper.next_up();
        }
        Interval::new(lower, upper)
    }

    /// π.
    pub fn pi(precision: u32) -> Interval {
        let (lower, _) = round(precision, Constant::Pi, Round::Down);
        Interval {
            upper: up(precision, Constant::Pi),
            lower,
        }
    }

    /// Euler's number e.
    pub fn e(precision: u32) -> Interval {
        let one = Float::with_val(precision, 1);
        Interval {
            lower: down(precision, one.exp_ref()),
            upper: up(precision, one.exp_ref()),
        }
    }

    /// The Euler–Mascheroni constant γ.
    pub fn euler_gamma(precision: u32) -> Interval {
        Interval {
            lower: down(precision, Constant::Euler),
            upper: up(precision, Constant::Euler),
        }
    }

    /// The working precision: the larger precision of the two ends.
    pub fn precision(&self) -> u32 {
        self.lower.prec().max(self.upper.prec())
    }

    fn joint_precision(&self, other: &Interval) -> u32 {
        self.precision().max(other.precision())
    }

    /// Whether both ends are the same float (the value is known exactly).
    pub fn is_point(&self) -> bool {
        self.lower == self.upper
    }

    /// Whether the value is exactly zero.
    pub fn is_zero(&self) -> bool {
        self.lower.is_zero() && self.upper.is_zero()
    }

    /// Whether the interval contains zero.
    pub fn contains_zero(&self) -> bool {
        self.lower <= 0 && self.upper >= 0
    }

    /// Whether every point of the interval is > 0.
    pub fn is_positive(&self) -> bool {
        self.lower > 0
    }

    /// Whether every point of the interval is < 0.
    pub fn is_negative(&self) -> bool {
        self.upper < 0
    }

    /// The sign of every point of the interval, where they share one (`true`: all > 0, `false`: all < 0).
    pub fn sign(&self) -> Option<bool> {
        if self.is_positive() {
            Some(true)
        } else if self.is_negative() {
            Some(false)
        } else {
            None
        }
    }

    /// Whether the interval contains `value`.
    pub fn contains(&self, value: &Float) -> bool {
        self.lower <= *value && *value <= self.upper
    }

    /// An upper bound on upper − lower.
    pub fn width(&self) -> Float {
        up(self.precision(), &self.upper - &self.lower)
    }

    /// The midpoint, rounded to nearest (a point of the interval, not a bound).
    pub fn midpoint(&self) -> Float {
        let precision = self.precision() + 1;
        let mut middle = Float::with_val(precision, &self.lower + &self.upper);
        middle /= 2;
        middle
    }

    /// The largest absolute value of a point of the interval.
    pub fn magnitude(&self) -> Float {
        let lower = Float::with_val(self.lower.prec(), self.lower.abs_ref());
        let upper = Float::with_val(self.upper.prec(), self.upper.abs_ref());
        if lower > upper {
            lower
        } else {
            upper
        }
    }

    /// Applies a function that is monotone on the interval, evaluating it at the ends with outward rounding.
    /// `evaluate(x, round)` must return the correctly rounded value at `x` with its rounding direction.
    pub(crate) fn monotone(
        &self,
        increasing: bool,
        evaluate: impl Fn(&Float, Round) -> Rounded,
    ) -> Result<Interval, Failure> {
        let (low_point, high_point) = if increasing {
            (&self.lower, &self.upper)
        } else {
            (&self.upper, &self.lower)
        };
        let (lower, direction) = evaluate(low_point, Round::Down);
        if self.is_point() {
            // One correctly rounded evaluation gives both ends: the upper end is the next float when inexact.
            return Interval::from_lower(lower, direction);
        }
        let (upper, _) = evaluate(high_point, Round::Up);
        Interval::new(lower, upper)
    }

    /// −x.
    pub fn neg(&self) -> Interval {
        Interval {
            lower: -self.upper.clone(),
            upper: -self.lower.clone(),
        }
    }

    /// x + y.
    pub fn add(&self, other: &Interval) -> Result<Interval, Failure> {
        let precision = self.joint_precision(other);
        Interval::new(
            down(precision, &self.lower + &other.lower),
            up(precision, &self.upper + &other.upper),
        )
    }

    /// x − y.
    pub fn sub(&self, other: &Interval) -> Result<Interval, Failure> {
        let precision = self.joint_precision(other);
        Interval::new(
            down(precision, &self.lower - &other.upper),
            up(precision, &self.upper - &other.lower),
        )
    }

    /// x · y, from the products of the four pairs of ends.
    pub fn mul(&self, other: &Interval) -> Result<Interval, Failure> {
        let precision = self.joint_precision(other);
        let (a, b) = (self, other);
        // By the signs of the factors, each end is one corner product (two products, not eight), except
        // where both straddle zero.
        let ends = match (Side::of(a), Side::of(b)) {
            (Side::Positive, Side::Positive) => (&a.lower, &b.lower, &a.upper, &b.upper),
            (Side::Positive, Side::Negative) => (&a.upper, &b.lower, &a.lower, &b.upper),
            (Side::Positive, Side::Mixed) => (&a.upper, &b.lower, &a.upper, &b.upper),
            (Side::Negative, Side::Positive) => (&a.lower, &b.upper, &a.upper, &b.lower),
            (Side::Negative, Side::Negative) => (&a.upper, &b.upper, &a.lower, &b.lower),
            (Side::Negative, Side::Mixed) => (&a.lower, &b.upper, &a.lower, &b.lower),
            (Side::Mixed, Side::Positive) => (&a.lower, &b.upper, &a.upper, &b.upper),
            (Side::Mixed, Side::Negative) => (&a.upper, &b.lower, &a.lower, &b.lower),
            (Side::Mixed, Side::Mixed) => {
                let lower =
                    down(precision, &a.lower * &b.upper).min(&down(precision, &a.upper * &b.lower));
                let upper =
                    up(precision, &a.lower * &b.lower).max(&up(precision, &a.upper * &b.upper));
                return Interval::new(lower, upper);
            }
        };
        let (lower_a, lower_b, upper_a, upper_b) = ends;
        Interval::new(
            down(precision, lower_a * lower_b),
            up(precision, upper_a * upper_b),
        )
    }

    /// x·n/d for positive integers n and d (two roundings outward, each monotone: far cheaper than a
    /// division by an interval).
    pub fn scale(&self, numerator: u32, denominator: u32) -> Result<Interval, Failure> {
        let precision = self.precision();
        let lower = down(precision, &self.lower * numerator);
        let upper = up(precision, &self.upper * numerator);
        Interval::new(
            down(precision, &lower / denominator),
            up(precision, &upper / denominator),
        )
    }

    /// x / y. A divisor that is exactly zero is a domain error; one that merely straddles zero at this
    /// precision asks for more precision.
    pub fn div(&self, other: &Interval) -> Result<Interval, Failure> {
        if other.is_zero() {
            return Err(Failure::Fatal(EvalError::Domain("division by zero".into())));
        }
        if other.contains_zero() {
            return Err(Failure::Imprecise(
                "a divisor is too close to zero to tell its sign".into(),
            ));
        }
        let precision = self.joint_precision(other);
        if other.is_positive() {
            // y > 0: x/y is increasing in x, and the ends pair each end of x with the end of y that
            // makes it extreme (two divisions, not eight).
            let lower_divisor = if self.lower >= 0 {
                &other.upper
            } else {
                &other.lower
            };
            let upper_divisor = if self.upper >= 0 {
                &other.lower
            } else {
                &other.upper
            };
            return Interval::new(
                down(precision, &self.lower / lower_divisor),
                up(precision, &self.upper / upper_divisor),
            );
        }
        let mut lower: Option<Float> = None;
        let mut upper: Option<Float> = None;
        for a in [&self.lower, &self.upper] {
            for b in [&other.lower, &other.upper] {
                let low = down(precision, a / b);
                let high = up(precision, a / b);
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
            _ => Err(overflow()),
        }
    }

    /// 1 / x.
    pub fn recip(&self) -> Result<Interval, Failure> {
        Interval::point(Float::with_val(self.precision(), 1)).div(self)
    }

    /// |x|.
    pub fn abs(&self) -> Interval {
        if self.lower >= 0 {
            self.clone()
        } else if self.upper <= 0 {
            self.neg()
        } else {
            let zero = Float::new(self.precision());
            Interval {
                lower: zero,
                upper: self.magnitude(),
            }
        }
    }

    /// The interval with its ends rounded outwards to `precision` bits.
    pub fn rounded_outwards(&self, precision: u32) -> Interval {
        Interval {
            lower: down(precision, &self.lower),
            upper: up(precision, &self.upper),
        }
    }

    /// The smallest interval containing both operands.
    pub fn hull(&self, other: &Interval) -> Interval {
        let lower = if self.lower <= other.lower {
            &self.lower
        } else {
            &other.lower
        };
        let upper = if self.upper >= other.upper {
            &self.upper
        } else {
            &other.upper
        };
        Interval {
            lower: lower.clone(),
            upper: upper.clone(),
        }
    }

    /// The interval widened by `radius` on both sides (for a remainder bound).
    pub fn widen(&self, radius: &Float) -> Result<Interval, Failure> {
        let precision = self.precision();
        Interval::new(
            down(precision, &self.lower - radius),
            up(precision, &self.upper + radius),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::ratio;

    #[test]
    fn one_third_is_enclosed_by_adjacent_floats() {
        let third = Interval::from_rational(&ratio(1, 3), 64).unwrap();
        assert!(third.lower < third.upper);
        let exact = rug::Rational::from((1, 3));
        assert!(third.lower < exact && third.upper > exact);
        let mut next = third.lower.clone();
        next.next_up();
        assert_eq!(next, third.upper);
    }

    #[test]
    fn dyadic_rationals_are_points() {
        let value = Interval::from_rational(&ratio(-15, 8), 64).unwrap();
        assert!(value.is_point());
        assert_eq!(value.lower, -1.875);
    }

    #[test]
    fn division_by_exact_zero_is_a_domain_error_and_by_a_straddle_imprecise() {
        let one = Interval::from_rational(&ratio(1, 1), 64).unwrap();
        let zero = Interval::from_rational(&ratio(0, 1), 64).unwrap();
        assert_eq!(
            one.div(&zero),
            Err(Failure::Fatal(EvalError::Domain("division by zero".into())))
        );
        let third = Interval::from_rational(&ratio(1, 3), 64).unwrap();
        let straddle = third.sub(&third).unwrap();
        assert!(matches!(one.div(&straddle), Err(Failure::Imprecise(_))));
    }

    #[test]
    fn products_of_mixed_signs_take_the_extreme_corners() {
        let a = Interval::new(Float::with_val(53, -2), Float::with_val(53, 3)).unwrap();
        let b = Interval::new(Float::with_val(53, -5), Float::with_val(53, 4)).unwrap();
        let product = a.mul(&b).unwrap();
        assert_eq!(product.lower, -15);
        assert_eq!(product.upper, 12);
        let quotient = a
            .div(&Interval::new(Float::with_val(53, 2), Float::with_val(53, 4)).unwrap())
            .unwrap();
        assert_eq!(quotient.lower, -1);
        assert_eq!(quotient.upper, 1.5);
    }

    /// Every sign case (ends at zero included) gives the hull of the four corner products, each rounded
    /// outwards: the same interval as taking all eight roundings.
    #[test]
    fn products_in_every_sign_case_are_the_hull_of_the_corners() {
        let ends = [-3.5, -1.25, 0.0, 0.75, 2.0];
        let intervals: Vec<Interval> = ends
            .iter()
            .flat_map(|&a| ends.iter().filter(move |&&b| b >= a).map(move |&b| (a, b)))
            .map(|(a, b)| {
                let third = |x: f64| Float::with_val(64, x) / 3u32;
                Interval::new(down(64, &third(a) * 1u32), up(64, &third(b) * 1u32)).unwrap()
            })
            .collect();
        for a in &intervals {
            for b in &intervals {
                let product = a.mul(b).unwrap();
                let corners = [
                    (&a.lower, &b.lower),
                    (&a.lower, &b.upper),
                    (&a.upper, &b.lower),
                    (&a.upper, &b.upper),
                ];
                let lower = corners
                    .iter()
                    .map(|(x, y)| down(64, *x * *y))
                    .min_by(|x, y| x.total_cmp(y))
                    .unwrap();
                let upper = corners
                    .iter()
                    .map(|(x, y)| up(64, *x * *y))
                    .max_by(|x, y| x.total_cmp(y))
                    .unwrap();
                assert_eq!(
                    (&product.lower, &product.upper),
                    (&lower, &upper),
                    "{a:?} × {b:?}"
                );
            }
        }
    }

    #[test]
    fn overflow_is_an_error_not_infinity() {
        let mut huge = Float::with_val(53, 1);
        huge <<= rug::float::exp_max() - 1;
        let big = Interval::point(huge);
        assert!(matches!(
            big.mul(&big),
            Err(Failure::Fatal(EvalError::TooLarge(_)))
        ));
    }
}
