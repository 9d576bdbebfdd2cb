//! Coarse enclosures in f64: [lower, upper] with every result widened outwards.
//!
//! The quadrature's error bound needs |f| on a complex box to a few significant bits only, and MPFR's
//! elementary functions cost microseconds each at any precision; these ranges cost nanoseconds. Each
//! arithmetic operation (+, −, ×, ÷, √ are correctly rounded in IEEE 754) moves its ends one float
//! outwards. The elementary functions come from the `libm` crate (a port of musl's, the same results on
//! every platform; their sources give errors of 1–2 ulp for exp, log, sin, cos, atan2, asin, sinh, cosh); their ends
//! are moved outwards by 2⁻⁴⁰ relative, 4096 times that, plus the smallest normal float near zero.
//! A result that leaves the f64 range is a [`Range`] failure: the caller then bounds with MPFR instead.

/// A closed range of reals [lower, upper] with finite f64 ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coarse {
    /// Lower end.
    pub lower: f64,
    /// Upper end.
    pub upper: f64,
}

/// Why a coarse operation failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoarseFailure {
    /// Outside the function's domain (a divisor or logarithm's argument that reaches zero).
    Domain,
    /// A result beyond the f64 range: MPFR's exponent range may still hold it.
    Range,
}

type Outcome = Result<Coarse, CoarseFailure>;

/// The relative widening of a libm result.
const SLACK: f64 = 1.0 / (1u64 << 40) as f64;

/// Below this magnitude, underflow may have lost a value's relative accuracy.
const TINY: f64 = 1e-280;

fn below(x: f64) -> f64 {
    x.next_down()
}

fn above(x: f64) -> f64 {
    x.next_up()
}

/// The lower end of a sum: a rounded sum of zero is exact (with gradual underflow, a nonzero exact sum
/// never rounds to zero), anything else moves one float down.
fn sum_below(x: f64) -> f64 {
    if x == 0.0 {
        0.0
    } else {
        below(x)
    }
}

fn sum_above(x: f64) -> f64 {
    if x == 0.0 {
        0.0
    } else {
        above(x)
    }
}

/// A libm value moved down past its possible error.
fn loose_below(x: f64) -> f64 {
    below(x - x.abs() * SLACK - f64::MIN_POSITIVE)
}

/// A libm value moved up past its possible error.
fn loose_above(x: f64) -> f64 {
    above(x + x.abs() * SLACK + f64::MIN_POSITIVE)
}

impl Coarse {
    /// A range from its ends; a NaN or infinite end is a range failure.
    pub fn new(lower: f64, upper: f64) -> Outcome {
        if lower.is_finite() && upper.is_finite() && lower <= upper {
            Ok(Coarse { lower, upper })
        } else {
            Err(CoarseFailure::Range)
        }
    }

    /// The range holding exactly `value`.
    pub fn point(value: f64) -> Outcome {
        Coarse::new(value, value)
    }

    /// An enclosure of an MPFR interval.
    pub fn of(interval: &crate::numeric::Interval) -> Outcome {
        use rug::float::Round;
        Coarse::new(
            interval.lower.to_f64_round(Round::Down),
            interval.upper.to_f64_round(Round::Up),
        )
    }

    /// π.
    pub fn pi() -> Coarse {
        // std's PI is the float just below π.
        Coarse {
            lower: std::f64::consts::PI,
            upper: above(std::f64::consts::PI),
        }
    }

    /// Whether every point is > 0.
    pub fn is_positive(&self) -> bool {
        self.lower > 0.0
    }

    /// Whether every point is < 0.
    pub fn is_negative(&self) -> bool {
        self.upper < 0.0
    }

    /// Whether the range is exactly zero.
    pub fn is_zero(&self) -> bool {
        self.lower == 0.0 && self.upper == 0.0
    }

    /// The largest absolute value of a point.
    pub fn magnitude(&self) -> f64 {
        self.lower.abs().max(self.upper.abs())
    }

    /// The point of least absolute value.
    pub fn nearest_to_zero(&self) -> f64 {
        if self.lower > 0.0 {
            self.lower
        } else if self.upper < 0.0 {
            -self.upper
        } else {
            0.0
        }
    }

    /// The smallest range holding both.
    pub fn hull(&self, other: &Coarse) -> Coarse {
        Coarse {
            lower: self.lower.min(other.lower),
            upper: self.upper.max(other.upper),
        }
    }

    /// x + y.
    pub fn add(&self, other: &Coarse) -> Outcome {
        Coarse::new(
            sum_below(self.lower + other.lower),
            sum_above(self.upper + other.upper),
        )
    }

    /// x − y.
    pub fn sub(&self, other: &Coarse) -> Outcome {
        Coarse::new(
            sum_below(self.lower - other.upper),
            sum_above(self.upper - other.lower),
        )
    }

    /// −x.
    pub fn neg(&self) -> Coarse {
        Coarse {
            lower: -self.upper,
            upper: -self.lower,
        }
    }

    /// |x|.
    pub fn abs(&self) -> Coarse {
        Coarse {
            lower: self.nearest_to_zero(),
            upper: self.magnitude(),
        }
    }

    /// x·y.
    pub fn mul(&self, other: &Coarse) -> Outcome {
        let products = [
            self.lower * other.lower,
            self.lower * other.upper,
            self.upper * other.lower,
            self.upper * other.upper,
        ];
        let lower = products.iter().copied().fold(f64::INFINITY, f64::min);
        let upper = products.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        // A product that rounds to zero may have underflowed, but where every product has one sign, zero
        // still bounds it on that side: keeping it keeps the sign of, say, a square.
        let nonnegative =
            (self.lower >= 0.0 && other.lower >= 0.0) || (self.upper <= 0.0 && other.upper <= 0.0);
        let nonpositive =
            (self.lower >= 0.0 && other.upper <= 0.0) || (self.upper <= 0.0 && other.lower >= 0.0);
        let lower = if lower == 0.0 && nonnegative {
            0.0
        } else {
            below(lower)
        };
        let upper = if upper == 0.0 && nonpositive {
            0.0
        } else {
            above(upper)
        };
        Coarse::new(lower, upper)
    }

    /// Why a range that should exclude zero does not: a range around zero is outside the domain, but one
    /// that only reaches zero through underflow may not be (MPFR's exponent range can tell).
    fn reaches_zero(&self) -> CoarseFailure {
        if self.is_zero() || self.magnitude() > TINY {
            CoarseFailure::Domain
        } else {
            CoarseFailure::Range
        }
    }

    /// 1/x, for x away from zero.
    pub fn recip(&self) -> Outcome {
        if !(self.is_positive() || self.is_negative()) {
            return Err(self.reaches_zero());
        }
        Coarse::new(below(1.0 / self.upper), above(1.0 / self.lower))
    }

    /// x/y, for y away from zero.
    pub fn div(&self, other: &Coarse) -> Outcome {
        self.mul(&other.recip()?)
    }

    /// √x, for x ≥ 0.
    pub fn sqrt(&self) -> Outcome {
        if self.lower < 0.0 {
            return Err(self.reaches_zero());
        }
        Coarse::new(below(self.lower.sqrt()).max(0.0), above(self.upper.sqrt()))
    }

    /// xⁿ: an odd power as x·xⁿ⁻¹, an even one by squaring |x| (all factors ≥ 0, so the range is tight).
    pub fn pow_integer(&self, n: i32) -> Outcome {
        if n < 0 {
            return self
                .pow_integer(n.checked_neg().ok_or(CoarseFailure::Range)?)?
                .recip();
        }
        if n % 2 == 1 {
            return self.mul(&self.pow_integer(n - 1)?);
        }
        crate::numeric::power::by_squaring(
            Coarse::point(1.0)?,
            self.abs(),
            n.unsigned_abs(),
            Coarse::mul,
            |x| x.mul(x),
        )
    }

    /// eˣ. A lower end that underflows is a range failure: its positivity would be lost.
    pub fn exp(&self) -> Outcome {
        let lower = libm::exp(self.lower);
        if lower < TINY {
            return Err(CoarseFailure::Range);
        }
        Coarse::new(loose_below(lower), loose_above(libm::exp(self.upper)))
    }

    /// log x, for x > 0.
    pub fn log(&self) -> Outcome {
        if !self.is_positive() {
            return Err(self.reaches_zero());
        }
        Coarse::new(
            loose_below(libm::log(self.lower)),
            loose_above(libm::log(self.upper)),
        )
    }

    /// xʸ = exp(y log x), for x > 0.
    pub fn pow(&self, exponent: &Coarse) -> Outcome {
        exponent.mul(&self.log()?)?.exp()
    }

    /// sinh x (increasing).
    pub fn sinh(&self) -> Outcome {
        Coarse::new(
            loose_below(libm::sinh(self.lower)),
            loose_above(libm::sinh(self.upper)),
        )
    }

    /// cosh x (even, increasing in |x|).
    pub fn cosh(&self) -> Outcome {
        let magnitude = self.abs();
        Coarse::new(
            loose_below(libm::cosh(magnitude.lower)).max(1.0),
            loose_above(libm::cosh(magnitude.upper)),
        )
    }

    /// asin x, for x in [−1, 1] (increasing).
    pub fn asin(&self) -> Outcome {
        if self.lower < -1.0 || self.upper > 1.0 {
            return Err(CoarseFailure::Domain);
        }
        Coarse::new(
            loose_below(libm::asin(self.lower)),
            loose_above(libm::asin(self.upper)),
        )
    }

    /// sin x.
    pub fn sin(&self) -> Outcome {
        // Maxima at π/2 + 2πk, minima at −π/2 + 2πk: the critical points π/2 + πk, k even for maxima.
        self.periodic(libm::sin, 0.5)
    }

    /// cos x.
    pub fn cos(&self) -> Outcome {
        // Maxima at 2πk, minima at π + 2πk: the critical points πk, k even for maxima.
        self.periodic(libm::cos, 0.0)
    }

    /// A sine-like function: its values at the ends, and ±1 where a critical point π(k + `phase`) may lie
    /// inside (a maximum for even k). Ranges wider than 2π, or so far out that f64 cannot place the
    /// critical points, are [−1, 1].
    fn periodic(&self, function: fn(f64) -> f64, phase: f64) -> Outcome {
        let whole = Coarse {
            lower: -1.0,
            upper: 1.0,
        };
        if self.upper - self.lower >= 6.0 || self.magnitude() > 1e6 {
            return Ok(whole);
        }
        let (a, b) = (function(self.lower), function(self.upper));
        let mut lower = a.min(b) - 2.0 * SLACK;
        let mut upper = a.max(b) + 2.0 * SLACK;
        // k with π(k + phase) in [lower end, upper end], with a margin far beyond the rounding of the division.
        let first = (self.lower / std::f64::consts::PI - phase - 1e-9).ceil() as i64;
        let last = (self.upper / std::f64::consts::PI - phase + 1e-9).floor() as i64;
        for k in first..=last {
            if k % 2 == 0 {
                upper = 1.0;
            } else {
                lower = -1.0;
            }
        }
        Coarse::new(lower.max(-1.0), upper.min(1.0))
    }

    /// The range of arg(x + iy) over a box that misses the cut (−∞, 0]: the extremes lie at its corners.
    pub fn argument(re: &Coarse, im: &Coarse) -> Outcome {
        let mut lower = f64::INFINITY;
        let mut upper = f64::NEG_INFINITY;
        for y in [im.lower, im.upper] {
            for x in [re.lower, re.upper] {
                let angle = libm::atan2(y, x);
                lower = lower.min(angle);
                upper = upper.max(angle);
            }
        }
        Coarse::new(below(lower - 4.0 * SLACK), above(upper + 4.0 * SLACK))
    }
}

#[cfg(test)]
mod tests;
