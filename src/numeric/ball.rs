//! Double-double balls: a fast rigorous arithmetic for the points of a quadrature at up to about 80 bits.
//!
//! A [`Ball`] is a midpoint held as the unevaluated sum of two f64 (`high + low`, about 106 bits) and a radius
//! that bounds the distance from that midpoint to the true value. The midpoints are computed with the
//! double-word algorithms analysed by Joldes, Muller and Popescu ("Tight and rigorous error bounds for basic
//! building blocks of double-word arithmetic", ACM TOMS 44, 2017): addition errs by at most 3u², the product
//! by 5u², the quotient by 15u² relative (u = 2⁻⁵³), as long as nothing underflows. The radii below take those
//! bounds with a margin of 16 or more, and every radius is rounded up by [`up`]: Rust rounds to nearest only,
//! so each sum or product of nonnegative error terms is inflated by 2⁻⁴⁵ relative, far beyond the few ulps
//! that rounding to nearest can lose.
//!
//! Every midpoint stays within [2⁻⁹⁰⁰, 2⁹⁰⁰] in magnitude, or is exactly 0: then no error-free transformation
//! underflows or overflows. An operation that would leave that range, or a ball too wide for the linear
//! bounds of `exp` and `log`, fails with [`OutOfReach`], and the caller evaluates with MPFR instead. That
//! keeps the analysis short: this arithmetic only has to be right where it answers.

use std::sync::OnceLock;

use rug::float::Round;
use rug::Float;

use crate::numeric::interval::{down, up, Failure, Interval};

/// An operation this arithmetic does not take on (a value out of range, a ball too wide): evaluate with
/// MPFR instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfReach;

/// A real number within `radius` of `high + low`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ball {
    high: f64,
    low: f64,
    radius: f64,
}

/// Relative error bounds of the midpoints' operations (the proven bounds times 16 or more).
const ADD_ERROR: f64 = power_of_two(-101);
const MUL_ERROR: f64 = power_of_two(-100);
const DIV_ERROR: f64 = power_of_two(-96);
/// The relative error of [`exp_value`] (about 2⁻⁹⁷ by the count in its comment).
const EXP_ERROR: f64 = power_of_two(-92);
/// The absolute error of the logarithm's midpoint, besides the final addition's.
const LOG_ERROR: f64 = power_of_two(-90);
/// The range of midpoints' magnitudes.
const TINY: f64 = power_of_two(-900);
const HUGE: f64 = power_of_two(900);

/// 2ⁿ for a normal exponent.
const fn power_of_two(n: i32) -> f64 {
    f64::from_bits(((1023 + n) as u64) << 52)
}

/// Whether value ≤ limit; false for NaN, which must never pass a check.
fn at_most(value: f64, limit: f64) -> bool {
    value <= limit
}

/// Whether value > 0; false for NaN.
fn positive(value: f64) -> bool {
    value > 0.0
}

/// An upper bound on a nonnegative quantity computed with rounding to nearest from a few operations.
fn inflate(value: f64) -> f64 {
    value * (1.0 + f64::EPSILON * 128.0) + f64::MIN_POSITIVE
}

/// A lower bound likewise.
fn deflate(value: f64) -> f64 {
    value * (1.0 - f64::EPSILON * 128.0) - f64::MIN_POSITIVE
}

/// Knuth's TwoSum: s + e = a + b exactly.
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let b_virtual = s - a;
    let a_virtual = s - b_virtual;
    (s, (a - a_virtual) + (b - b_virtual))
}

/// Dekker's Fast2Sum, for |a| ≥ |b| (or a = 0): s + e = a + b exactly.
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    (s, b - (s - a))
}

/// p + e = a·b exactly, by a fused multiply-add.
fn two_product(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    (p, a.mul_add(b, -p))
}

/// A double-word number high + low with |low| ≤ ulp(high)/2.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Word {
    high: f64,
    low: f64,
}

impl Word {
    fn of(value: f64) -> Word {
        Word {
            high: value,
            low: 0.0,
        }
    }

    /// AccurateDWPlusDW (Joldes–Muller–Popescu, algorithm 6): relative error ≤ 3u² + 13u³.
    fn add(self, other: Word) -> Word {
        let (sh, sl) = two_sum(self.high, other.high);
        let (th, tl) = two_sum(self.low, other.low);
        let (vh, vl) = fast_two_sum(sh, sl + th);
        let (high, low) = fast_two_sum(vh, vl + tl);
        Word { high, low }
    }

    fn neg(self) -> Word {
        Word {
            high: -self.high,
            low: -self.low,
        }
    }

    /// DWTimesDW3 (algorithm 12): relative error ≤ 4u².
    fn mul(self, other: Word) -> Word {
        let (ch, cl1) = two_product(self.high, other.high);
        let tl0 = self.low * other.low;
        let tl1 = self.high.mul_add(other.low, tl0);
        let cl2 = self.low.mul_add(other.high, tl1);
        let (high, low) = fast_two_sum(ch, cl1 + cl2);
        Word { high, low }
    }

    /// DWTimesFP1 (algorithm 7), the product by a float: relative error ≤ 1.5u² + 4u³.
    fn mul_float(self, y: f64) -> Word {
        let (ch, cl1) = two_product(self.high, y);
        let cl2 = self.low * y;
        let (th, tl1) = fast_two_sum(ch, cl2);
        let (high, low) = fast_two_sum(th, tl1 + cl1);
        Word { high, low }
    }

    /// DWDivDW2 (algorithm 17): relative error ≤ 15u² + 56u³.
    fn div(self, other: Word) -> Word {
        let th = self.high / other.high;
        let r = other.mul_float(th);
        let (ph, pl) = two_sum(self.high, -r.high);
        let dh = pl - r.low;
        let dl = dh + self.low;
        let d = ph + dl;
        let tl = d / other.high;
        let (high, low) = fast_two_sum(th, tl);
        Word { high, low }
    }

    /// Exact scaling by a power of two (no underflow within the checked range).
    fn scale(self, power: i32) -> Word {
        let factor = 2f64.powi(power);
        Word {
            high: self.high * factor,
            low: self.low * factor,
        }
    }
}

/// ln 2 as three floats (its error below 2⁻¹⁶⁰), and 1/j! as double words for j ≤ 10, from MPFR.
struct Constants {
    ln2: [f64; 3],
    inverse_factorials: [Word; 11],
}

fn constants() -> &'static Constants {
    static CONSTANTS: OnceLock<Constants> = OnceLock::new();
    CONSTANTS.get_or_init(|| {
        let split = |value: Float| -> [f64; 3] {
            let high = value.to_f64();
            let rest = Float::with_val(300, &value - high);
            let low = rest.to_f64();
            let lowest = Float::with_val(300, &rest - low).to_f64();
            [high, low, lowest]
        };
        let ln2 = split(Float::with_val(300, rug::float::Constant::Log2));
        let mut inverse_factorials = [Word::of(1.0); 11];
        let mut factorial = rug::Integer::from(1);
        for (j, slot) in inverse_factorials.iter_mut().enumerate().skip(1) {
            factorial *= j as u32;
            let [high, low, _] = split(Float::with_val(300, 1) / Float::with_val(300, &factorial));
            *slot = Word { high, low };
        }
        Constants {
            ln2,
            inverse_factorials,
        }
    })
}

/// Σ_{j=1}^{10} r^j/j! = eʳ − 1 for |r| ≤ 2⁻⁹·⁵, by Horner's rule. The truncation leaves at most
/// |r|¹¹/11! ≤ 2⁻¹³⁰ relative; each of the 20 operations errs by at most 5u² relative on values near 1,
/// so the relative error is below 2⁻⁹⁸.
fn exp_minus_one_small(r: Word) -> Word {
    let coefficients = &constants().inverse_factorials;
    let mut sum = coefficients[10];
    for coefficient in coefficients[1..10].iter().rev() {
        sum = sum.mul(r).add(*coefficient);
    }
    sum.mul(r)
}

/// eʳ − 1 for |r| ≤ 0.36: eʳ − 1 of r/2⁸, then eᵐ − 1 ↦ (eᵐ − 1)(eᵐ − 1 + 2) eight times. Each doubling keeps
/// the relative error (times 1 + (eᵐ − 1)/2, a product below 1.5 over the eight) and adds at most 8u²: about
/// 2⁻⁹⁷ in all.
fn exp_minus_one_reduced(r: Word) -> Word {
    let mut value = exp_minus_one_small(r.scale(-8));
    for _ in 0..8 {
        value = value.mul(value.add(Word::of(2.0)));
    }
    value
}

/// eˣ for |x| ≤ 600 with relative error at most EXP_ERROR: x = k ln 2 + r with |r| ≤ 0.35, the reduction
/// exact but for three roundings of about 2⁻¹⁰⁴ (ln 2's three parts make k·ln 2 exact to 2⁻¹⁵⁰).
fn exp_value(x: Word) -> Result<Word, OutOfReach> {
    if !at_most(x.high.abs(), 600.0) {
        return Err(OutOfReach);
    }
    let ln2 = &constants().ln2;
    let k = (x.high / ln2[0]).round();
    let (p_high, p_low) = two_product(k, ln2[0]);
    let (q_high, q_low) = two_product(k, ln2[1]);
    let first = two_sum(x.high, -p_high);
    let r = Word {
        high: first.0,
        low: first.1,
    };
    let second = two_sum(x.low, -p_low);
    let third = two_sum(-q_high, -q_low - k * ln2[2]);
    let r = r
        .add(Word {
            high: second.0,
            low: second.1,
        })
        .add(Word {
            high: third.0,
            low: third.1,
        });
    let value = exp_minus_one_reduced(r).add(Word::of(1.0));
    Ok(value.scale(k as i32))
}

impl Ball {
    /// The ball holding exactly `value`.
    pub fn exact(value: f64) -> Ball {
        Ball {
            high: value,
            low: 0.0,
            radius: 0.0,
        }
    }

    /// The ball of radius `radius` around 0.
    pub fn around_zero(radius: f64) -> Ball {
        Ball {
            high: 0.0,
            low: 0.0,
            radius,
        }
    }

    /// Whether every value in the ball is positive.
    pub fn is_positive(&self) -> bool {
        self.high > 0.0 && self.lower_magnitude() > 0.0
    }

    /// The midpoint's high part (a float within a few ulps of the value, for decisions).
    pub fn estimate(&self) -> f64 {
        self.high
    }

    /// A ball from a computed midpoint and the error terms around it, checked to stay within range.
    fn checked(word: Word, radius: f64) -> Result<Ball, OutOfReach> {
        let magnitude = word.high.abs();
        let in_range = word.high == 0.0 || (TINY..=HUGE).contains(&magnitude);
        if !in_range || !word.low.is_finite() || !at_most(radius, HUGE) {
            return Err(OutOfReach);
        }
        Ok(Ball {
            high: word.high,
            low: word.low,
            radius: inflate(radius),
        })
    }

    fn word(&self) -> Word {
        Word {
            high: self.high,
            low: self.low,
        }
    }

    /// An upper bound on |midpoint| (|low| ≤ ulp(high)/2).
    fn midpoint_magnitude(&self) -> f64 {
        self.high.abs() * (1.0 + f64::EPSILON)
    }

    /// A lower bound on the value's magnitude when the ball excludes 0, else 0 or less.
    fn lower_magnitude(&self) -> f64 {
        deflate(self.high.abs() * (1.0 - f64::EPSILON) - inflate(self.radius))
    }

    /// Encloses an MPFR interval (its ends within the range).
    pub fn from_interval(interval: &Interval) -> Result<Ball, OutOfReach> {
        let middle = interval.midpoint();
        let high = middle.to_f64();
        let low = Float::with_val(middle.prec() + 64, &middle - high).to_f64();
        let above = Float::with_val_round(64, &interval.upper - high, Round::Up).0;
        let above = Float::with_val_round(64, &above - low, Round::Up).0;
        let below = Float::with_val_round(64, high - &interval.lower, Round::Up).0;
        let below = Float::with_val_round(64, &below + low, Round::Up).0;
        let radius = above.max(&below).to_f64_round(Round::Up).max(0.0);
        let (high, low) = fast_two_sum(high, low);
        Ball::checked(Word { high, low }, radius)
    }

    /// The interval [midpoint − radius, midpoint + radius], its ends rounded outwards to `precision` bits.
    pub fn to_interval(&self, precision: u32) -> Result<Interval, Failure> {
        // By reference: rug rounds owned operands to their own precision, to nearest.
        let high = Float::with_val(53, self.high);
        let lower = down(precision, &high - self.radius);
        let lower = down(precision, &lower + self.low);
        let upper = up(precision, &high + self.radius);
        let upper = up(precision, &upper + self.low);
        Interval::new(lower, upper)
    }

    /// The radius (for checks of accuracy).
    pub fn radius(&self) -> f64 {
        self.radius
    }

    /// −x.
    pub fn neg(&self) -> Ball {
        Ball {
            high: -self.high,
            low: -self.low,
            radius: self.radius,
        }
    }

    /// x + y.
    pub fn add(&self, other: &Ball) -> Result<Ball, OutOfReach> {
        let sum = self.word().add(other.word());
        let rounding = ADD_ERROR * sum.high.abs();
        Ball::checked(sum, self.radius + other.radius + rounding)
    }

    /// x − y.
    pub fn sub(&self, other: &Ball) -> Result<Ball, OutOfReach> {
        self.add(&other.neg())
    }

    /// x·y: |x̃ỹ − xy| ≤ |x̃|r_y + |ỹ|r_x + r_x r_y, besides the product's rounding.
    pub fn mul(&self, other: &Ball) -> Result<Ball, OutOfReach> {
        let product = self.word().mul(other.word());
        let spread = self.midpoint_magnitude() * other.radius
            + other.midpoint_magnitude() * self.radius
            + self.radius * other.radius;
        Ball::checked(product, spread + MUL_ERROR * product.high.abs())
    }

    /// x/y for y bounded away from 0: |x/y − x̃/ỹ| ≤ (r_x + |x̃/ỹ| r_y)/min|y|.
    pub fn div(&self, other: &Ball) -> Result<Ball, OutOfReach> {
        let floor = other.lower_magnitude();
        if !positive(floor) || other.radius > other.high.abs() / 16.0 {
            return Err(OutOfReach);
        }
        let quotient = self.word().div(other.word());
        let magnitude = quotient.high.abs() * (1.0 + f64::EPSILON) * (1.0 + DIV_ERROR);
        let spread = inflate(self.radius + magnitude * other.radius) / floor;
        Ball::checked(quotient, spread + DIV_ERROR * quotient.high.abs())
    }

    /// xⁿ by squaring (1/x^|n| for n < 0).
    pub fn powi(&self, n: i32) -> Result<Ball, OutOfReach> {
        let mut result = Ball::exact(1.0);
        let mut base = *self;
        let mut exponent = n.unsigned_abs();
        while exponent > 0 {
            if exponent & 1 == 1 {
                result = result.mul(&base)?;
            }
            exponent >>= 1;
            if exponent > 0 {
                base = base.mul(&base)?;
            }
        }
        if n < 0 {
            Ball::exact(1.0).div(&result)
        } else {
            Ok(result)
        }
    }

    /// eˣ for a radius up to 1/16: e^{x ± r} lies within eˣ(eʳ − 1) ≤ eˣ·r(1 + r) of eˣ.
    pub fn exp(&self) -> Result<Ball, OutOfReach> {
        if !at_most(self.radius, 1.0 / 16.0) {
            return Err(OutOfReach);
        }
        let value = exp_value(self.word())?;
        let magnitude = value.high.abs() * (1.0 + f64::EPSILON) * (1.0 + EXP_ERROR);
        let spread = magnitude * self.radius * (1.0 + self.radius);
        Ball::checked(value, spread + EXP_ERROR * magnitude)
    }

    /// eˣ − 1, accurate relative to itself near 0 (no reduction there).
    pub fn exp_minus_one(&self) -> Result<Ball, OutOfReach> {
        if self.high.abs() > 0.35 {
            return self.exp()?.sub(&Ball::exact(1.0));
        }
        if !at_most(self.radius, 1.0 / 16.0) {
            return Err(OutOfReach);
        }
        let value = exp_minus_one_reduced(self.word());
        // d/dx (eˣ − 1) = eˣ ≤ e^{0.36 + 1/16} < 1.6 over the ball.
        let spread = 1.6 * self.radius;
        Ball::checked(value, spread + EXP_ERROR * value.high.abs())
    }

    /// log x for x > 0 with a radius below x/16. With y₀ = log(x̃) in f64 and z = x̃e^{−y₀} − 1 (|z| ≲ 2⁻⁴⁰),
    /// log x̃ = y₀ + log(1 + z) = y₀ + z − z²/2 + z³/3 − …; the error of e^{−y₀} passes to z and on to the
    /// result as an absolute error (LOG_ERROR), and log(x ± r) lies within r/min x of log x.
    pub fn log(&self) -> Result<Ball, OutOfReach> {
        let floor = self.lower_magnitude();
        if !(self.high > 0.0 && floor > 0.0 && self.radius <= self.high / 16.0) {
            return Err(OutOfReach);
        }
        let y0 = self.high.ln();
        let scaled = self.word().mul(exp_value(Word::of(-y0))?);
        let z = scaled.add(Word::of(-1.0));
        if !at_most(z.high.abs(), power_of_two(-30)) {
            return Err(OutOfReach);
        }
        let z_squared = z.mul(z);
        let third = z_squared.mul(z).div(Word::of(3.0));
        let series = z.add(z_squared.scale(-1).neg()).add(third);
        let value = Word::of(y0).add(series);
        let truncation = z.high.abs().powi(4);
        let spread = inflate(self.radius / floor);
        Ball::checked(
            value,
            spread + LOG_ERROR + truncation + ADD_ERROR * value.high.abs(),
        )
    }

    /// |x|.
    pub fn abs(&self) -> Result<Ball, OutOfReach> {
        if self.lower_magnitude() > 0.0 {
            return Ok(if self.high < 0.0 { self.neg() } else { *self });
        }
        // The ball straddles 0: [0, |x̃| + r] as a ball around its middle.
        let reach = inflate(self.midpoint_magnitude() + self.radius);
        Ball::checked(Word::of(reach / 2.0), reach / 2.0)
    }

    /// xʸ for x > 0, as e^{y log x}.
    pub fn pow(&self, exponent: &Ball) -> Result<Ball, OutOfReach> {
        exponent.mul(&self.log()?)?.exp()
    }
}

#[cfg(test)]
mod tests;
