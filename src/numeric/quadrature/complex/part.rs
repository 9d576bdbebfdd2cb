//! The real enclosures a complex box is built from: MPFR intervals, or f64 ranges ([`Coarse`]) that cost
//! nanoseconds where MPFR's elementary functions cost microseconds. The box arithmetic of [`super`] is
//! written once over this trait.

use std::fmt::Debug;

use rug::float::Round;
use rug::Float;

use super::NotAnalytic;
use crate::exact::Rational;
use crate::numeric::coarse::{Coarse, CoarseFailure};
use crate::numeric::interval::{down, round, up, Failure, Interval};
use crate::numeric::{functions, power};

type Outcome<T> = Result<T, NotAnalytic>;

/// An enclosure of a real number with the operations complex boxes need.
pub trait Part: Clone + Debug {
    /// The exactly representable `value` (a small integer, or a half) as an enclosure of this kind.
    fn constant(&self, value: f64) -> Outcome<Self>;
    /// π.
    fn pi(&self) -> Self;
    /// An enclosure of a rational.
    fn rational(&self, value: &Rational) -> Outcome<Self>;
    /// x + y.
    fn add(&self, other: &Self) -> Outcome<Self>;
    /// x − y.
    fn sub(&self, other: &Self) -> Outcome<Self>;
    /// x·y.
    fn mul(&self, other: &Self) -> Outcome<Self>;
    /// x/y, for y away from zero.
    fn div(&self, other: &Self) -> Outcome<Self>;
    /// 1/x, for x away from zero.
    fn recip(&self) -> Outcome<Self>;
    /// −x.
    fn neg(&self) -> Self;
    /// |x|.
    fn abs(&self) -> Self;
    /// √x, for x ≥ 0.
    fn sqrt(&self) -> Outcome<Self>;
    /// xⁿ.
    fn pow_integer(&self, n: i32) -> Outcome<Self>;
    /// xʸ, for x > 0.
    fn pow(&self, exponent: &Self) -> Outcome<Self>;
    /// eˣ.
    fn exp(&self) -> Outcome<Self>;
    /// log x, for x > 0.
    fn log(&self) -> Outcome<Self>;
    /// sin x.
    fn sin(&self) -> Outcome<Self>;
    /// cos x.
    fn cos(&self) -> Outcome<Self>;
    /// sinh x.
    fn sinh(&self) -> Outcome<Self>;
    /// cosh x.
    fn cosh(&self) -> Outcome<Self>;
    /// asin x, for x in [−1, 1].
    fn asin(&self) -> Outcome<Self>;
    /// arg(x + iy) over a box that misses the cut (−∞, 0].
    fn argument(re: &Self, im: &Self) -> Outcome<Self>;
    /// Whether every point is > 0.
    fn is_positive(&self) -> bool;
    /// Whether every point is < 0.
    fn is_negative(&self) -> bool;
    /// Whether the enclosure is exactly zero.
    fn is_zero(&self) -> bool;
    /// Whether every point is below every point of `other`.
    fn below(&self, other: &Self) -> bool;
    /// The intersection of two enclosures of one quantity (the first when they do not meet).
    fn intersect(&self, other: &Self) -> Self;
    /// The smallest enclosure of both.
    fn hull(&self, other: &Self) -> Self;
    /// [lower end of `lower`, upper end of `upper`].
    fn between(lower: &Self, upper: &Self) -> Outcome<Self>;
    /// The lower end, as a point.
    fn lower_end(&self) -> Self;
    /// The upper end, as a point.
    fn upper_end(&self) -> Self;
    /// The point of least absolute value.
    fn nearest_to_zero(&self) -> Self;
    /// The integer nearest to the midpoint over 2π (0 when that is not a moderate integer).
    fn turns(&self) -> f64;
    /// An upper bound on |x|.
    fn magnitude(&self) -> Float;
    /// The ends as f64, for traces.
    fn ends(&self) -> (f64, f64);
}

impl From<Failure> for NotAnalytic {
    fn from(_: Failure) -> NotAnalytic {
        NotAnalytic::Domain
    }
}

impl From<CoarseFailure> for NotAnalytic {
    fn from(failure: CoarseFailure) -> NotAnalytic {
        match failure {
            CoarseFailure::Domain => NotAnalytic::Domain,
            CoarseFailure::Range => NotAnalytic::Range,
        }
    }
}

/// The integer nearest to `x`, when it is moderate enough to be exact in every enclosure kind.
fn moderate_turns(x: f64) -> f64 {
    let turns = x.round();
    if turns.is_finite() && turns.abs() < 1e15 {
        turns
    } else {
        0.0
    }
}

impl Part for Interval {
    fn constant(&self, value: f64) -> Outcome<Self> {
        Ok(Interval::point(Float::with_val(self.precision(), value)))
    }
    fn pi(&self) -> Self {
        Interval::pi(self.precision())
    }
    fn rational(&self, value: &Rational) -> Outcome<Self> {
        Ok(Interval::from_rational(value, self.precision())?)
    }
    fn add(&self, other: &Self) -> Outcome<Self> {
        Ok(Interval::add(self, other)?)
    }
    fn sub(&self, other: &Self) -> Outcome<Self> {
        Ok(Interval::sub(self, other)?)
    }
    fn mul(&self, other: &Self) -> Outcome<Self> {
        Ok(Interval::mul(self, other)?)
    }
    fn div(&self, other: &Self) -> Outcome<Self> {
        Ok(Interval::div(self, other)?)
    }
    fn recip(&self) -> Outcome<Self> {
        Ok(Interval::recip(self)?)
    }
    fn neg(&self) -> Self {
        Interval::neg(self)
    }
    fn abs(&self) -> Self {
        Interval::abs(self)
    }
    fn sqrt(&self) -> Outcome<Self> {
        Ok(functions::sqrt(self)?)
    }
    fn pow_integer(&self, n: i32) -> Outcome<Self> {
        Ok(power::pow_integer(self, &rug::Integer::from(n))?)
    }
    fn pow(&self, exponent: &Self) -> Outcome<Self> {
        Ok(power::pow(self, exponent)?)
    }
    fn exp(&self) -> Outcome<Self> {
        Ok(functions::exp(self)?)
    }
    fn log(&self) -> Outcome<Self> {
        Ok(functions::log(self)?)
    }
    fn sin(&self) -> Outcome<Self> {
        Ok(functions::sin(self)?)
    }
    fn cos(&self) -> Outcome<Self> {
        Ok(functions::cos(self)?)
    }
    fn sinh(&self) -> Outcome<Self> {
        let precision = self.precision();
        Ok(self.monotone(true, |v, r| round(precision, v.sinh_ref(), r))?)
    }
    fn cosh(&self) -> Outcome<Self> {
        let precision = self.precision();
        let evaluate = |v: &Float, r: Round| round(precision, v.cosh_ref(), r);
        Ok(Interval::abs(self).monotone(true, evaluate)?)
    }
    fn asin(&self) -> Outcome<Self> {
        let precision = self.precision();
        Ok(self.monotone(true, |v, r| round(precision, v.asin_ref(), r))?)
    }
    fn argument(re: &Self, im: &Self) -> Outcome<Self> {
        let precision = re.precision().max(im.precision());
        let mut lower: Option<Float> = None;
        let mut upper: Option<Float> = None;
        for y in [&im.lower, &im.upper] {
            for x in [&re.lower, &re.upper] {
                let low = down(precision, y.atan2_ref(x));
                let high = up(precision, y.atan2_ref(x));
                if lower.as_ref().is_none_or(|l| low < *l) {
                    lower = Some(low);
                }
                if upper.as_ref().is_none_or(|u| high > *u) {
                    upper = Some(high);
                }
            }
        }
        match (lower, upper) {
            (Some(lower), Some(upper)) => Ok(Interval::new(lower, upper)?),
            _ => Err(NotAnalytic::Domain),
        }
    }
    fn is_positive(&self) -> bool {
        Interval::is_positive(self)
    }
    fn is_negative(&self) -> bool {
        Interval::is_negative(self)
    }
    fn is_zero(&self) -> bool {
        Interval::is_zero(self)
    }
    fn below(&self, other: &Self) -> bool {
        self.upper < other.lower
    }
    fn intersect(&self, other: &Self) -> Self {
        let lower = if self.lower > other.lower {
            &self.lower
        } else {
            &other.lower
        };
        let upper = if self.upper < other.upper {
            &self.upper
        } else {
            &other.upper
        };
        if lower <= upper {
            Interval {
                lower: lower.clone(),
                upper: upper.clone(),
            }
        } else {
            self.clone()
        }
    }
    fn hull(&self, other: &Self) -> Self {
        Interval::hull(self, other)
    }
    fn between(lower: &Self, upper: &Self) -> Outcome<Self> {
        Ok(Interval::new(lower.lower.clone(), upper.upper.clone())?)
    }
    fn lower_end(&self) -> Self {
        Interval::point(self.lower.clone())
    }
    fn upper_end(&self) -> Self {
        Interval::point(self.upper.clone())
    }
    fn nearest_to_zero(&self) -> Self {
        Interval::point(Interval::abs(self).lower)
    }
    fn turns(&self) -> f64 {
        let precision = self.precision();
        let turn = Interval::pi(precision).upper * 2u32;
        moderate_turns(Float::with_val(precision, &self.midpoint() / &turn).to_f64())
    }
    fn magnitude(&self) -> Float {
        Interval::magnitude(self)
    }
    fn ends(&self) -> (f64, f64) {
        (self.lower.to_f64(), self.upper.to_f64())
    }
}

impl Part for Coarse {
    fn constant(&self, value: f64) -> Outcome<Self> {
        Ok(Coarse::point(value)?)
    }
    fn pi(&self) -> Self {
        Coarse::pi()
    }
    fn rational(&self, value: &Rational) -> Outcome<Self> {
        Ok(Coarse::of(&Interval::from_rational(value, 64)?)?)
    }
    fn add(&self, other: &Self) -> Outcome<Self> {
        Ok(Coarse::add(self, other)?)
    }
    fn sub(&self, other: &Self) -> Outcome<Self> {
        Ok(Coarse::sub(self, other)?)
    }
    fn mul(&self, other: &Self) -> Outcome<Self> {
        Ok(Coarse::mul(self, other)?)
    }
    fn div(&self, other: &Self) -> Outcome<Self> {
        Ok(Coarse::div(self, other)?)
    }
    fn recip(&self) -> Outcome<Self> {
        Ok(Coarse::recip(self)?)
    }
    fn neg(&self) -> Self {
        Coarse::neg(self)
    }
    fn abs(&self) -> Self {
        Coarse::abs(self)
    }
    fn sqrt(&self) -> Outcome<Self> {
        Ok(Coarse::sqrt(self)?)
    }
    fn pow_integer(&self, n: i32) -> Outcome<Self> {
        Ok(Coarse::pow_integer(self, n)?)
    }
    fn pow(&self, exponent: &Self) -> Outcome<Self> {
        Ok(Coarse::pow(self, exponent)?)
    }
    fn exp(&self) -> Outcome<Self> {
        Ok(Coarse::exp(self)?)
    }
    fn log(&self) -> Outcome<Self> {
        Ok(Coarse::log(self)?)
    }
    fn sin(&self) -> Outcome<Self> {
        Ok(Coarse::sin(self)?)
    }
    fn cos(&self) -> Outcome<Self> {
        Ok(Coarse::cos(self)?)
    }
    fn sinh(&self) -> Outcome<Self> {
        Ok(Coarse::sinh(self)?)
    }
    fn cosh(&self) -> Outcome<Self> {
        Ok(Coarse::cosh(self)?)
    }
    fn asin(&self) -> Outcome<Self> {
        Ok(Coarse::asin(self)?)
    }
    fn argument(re: &Self, im: &Self) -> Outcome<Self> {
        Ok(Coarse::argument(re, im)?)
    }
    fn is_positive(&self) -> bool {
        Coarse::is_positive(self)
    }
    fn is_negative(&self) -> bool {
        Coarse::is_negative(self)
    }
    fn is_zero(&self) -> bool {
        Coarse::is_zero(self)
    }
    fn below(&self, other: &Self) -> bool {
        self.upper < other.lower
    }
    fn intersect(&self, other: &Self) -> Self {
        let lower = self.lower.max(other.lower);
        let upper = self.upper.min(other.upper);
        if lower <= upper {
            Coarse { lower, upper }
        } else {
            *self
        }
    }
    fn hull(&self, other: &Self) -> Self {
        Coarse::hull(self, other)
    }
    fn between(lower: &Self, upper: &Self) -> Outcome<Self> {
        Ok(Coarse::new(lower.lower, upper.upper)?)
    }
    fn lower_end(&self) -> Self {
        Coarse {
            lower: self.lower,
            upper: self.lower,
        }
    }
    fn upper_end(&self) -> Self {
        Coarse {
            lower: self.upper,
            upper: self.upper,
        }
    }
    fn nearest_to_zero(&self) -> Self {
        let value = Coarse::nearest_to_zero(self);
        Coarse {
            lower: value,
            upper: value,
        }
    }
    fn turns(&self) -> f64 {
        moderate_turns((self.lower / 2.0 + self.upper / 2.0) / std::f64::consts::TAU)
    }
    fn magnitude(&self) -> Float {
        Float::with_val(64, Coarse::magnitude(self))
    }
    fn ends(&self) -> (f64, f64) {
        (self.lower, self.upper)
    }
}
