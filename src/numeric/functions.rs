//! Elementary and special functions on intervals, from MPFR's correctly rounded functions.
//!
//! A monotone function is evaluated at the two ends with outward rounding. The non-monotone ones (lgamma,
//! sin, cos) bound their extrema inside the interval separately.

use rug::float::Round;
use rug::Float;

use super::interval::{down, round, up, Failure, Interval, Rounded};
use super::{exponential, logarithm};
use crate::error::EvalError;

fn domain(message: String) -> Failure {
    Failure::Fatal(EvalError::Domain(message))
}

/// Checks that every point of `x` is > 0: an interval entirely ≤ 0 is a domain error, one that straddles
/// zero at this precision asks for more precision.
pub(crate) fn require_positive(x: &Interval, name: &str) -> Result<(), Failure> {
    if x.is_positive() {
        Ok(())
    } else if x.upper <= 0 {
        Err(domain(format!("{name} of a non-positive number")))
    } else {
        Err(Failure::Imprecise(format!(
            "the argument of {name} is too close to zero to tell its sign"
        )))
    }
}

/// eˣ.
pub fn exp(x: &Interval) -> Result<Interval, Failure> {
    let precision = x.precision();
    let at = |a: &Float| exponential::enclosure(a, precision);
    if let Some(width) = thin(x, &Float::with_val(precision, 1)) {
        // exp(b) = exp(a)·exp(b − a) ≤ exp(a)·(1 + 2(b − a)) for b − a ≤ 1: one exponential, not two.
        let at_lower = match at(&x.lower) {
            Some(enclosure) => enclosure,
            None => {
                let (lower, direction) = round(precision, x.lower.exp_ref(), Round::Down);
                Interval::from_lower(lower, direction)?
            }
        };
        // exp(a)·2(b − a) rounded up, then added with one upward rounding: forming 1 + 2(b − a) first
        // would round it to 1 whenever b − a is below the precision's unit.
        let increment = up(precision, &at_lower.upper * &(width << 1u32));
        let upper = up(precision, &at_lower.upper + &increment);
        return Interval::new(down(precision, &at_lower.lower), upper);
    }
    if let Some(enclosure) = from_ends(x, at) {
        return enclosure;
    }
    x.monotone(true, |v, r| round(precision, v.exp_ref(), r))
}

/// log x, for x > 0.
pub fn log(x: &Interval) -> Result<Interval, Failure> {
    require_positive(x, "log")?;
    let precision = x.precision();
    let at = |a: &Float| logarithm::enclosure(a, precision);
    if let Some(width) = thin(x, &x.lower) {
        // log is concave, so log(b) ≤ log(a) + (b − a)/a: one logarithm, not two.
        let at_lower = match at(&x.lower) {
            Some(enclosure) => enclosure,
            None => {
                let (lower, direction) = round(precision, x.lower.ln_ref(), Round::Down);
                Interval::from_lower(lower, direction)?
            }
        };
        let slope = up(precision, &width / &x.lower);
        let upper = up(precision, &at_lower.upper + &slope);
        return Interval::new(down(precision, &at_lower.lower), upper);
    }
    if let Some(enclosure) = from_ends(x, at) {
        return enclosure;
    }
    x.monotone(true, |v, r| round(precision, v.ln_ref(), r))
}

/// An increasing function over x from enclosures of it at points (the table-driven ones, whose ends carry
/// guard bits): the lower end's lower bound and the upper end's upper bound, each rounded outwards to x's
/// precision; one enclosure for a point. `None` where `at` does not serve.
fn from_ends(
    x: &Interval,
    at: impl Fn(&Float) -> Option<Interval>,
) -> Option<Result<Interval, Failure>> {
    let precision = x.precision();
    let lower = at(&x.lower)?;
    let upper = if x.is_point() {
        lower.upper.clone()
    } else {
        at(&x.upper)?.upper
    };
    Some(Interval::new(
        down(precision, &lower.lower),
        up(precision, &upper),
    ))
}

/// The width b − a (rounded up) of an interval [a, b] with a < b and b − a < scale·2^(−p/2): thin enough
/// that a linear bound from one end loses nothing at precision p (the rounding of the points of a
/// quadrature rule leaves intervals a few ulps wide).
fn thin(x: &Interval, scale: &Float) -> Option<Float> {
    if x.is_point() || !x.lower.is_finite() || !x.upper.is_finite() || *scale <= 0 {
        return None;
    }
    let precision = x.precision();
    let width = up(precision, &x.upper - &x.lower);
    let limit = Float::with_val(precision, scale) >> (precision / 2) as i32;
    (width < limit).then_some(width)
}

/// √x, for x ≥ 0.
pub fn sqrt(x: &Interval) -> Result<Interval, Failure> {
    if x.is_negative() {
        return Err(domain("square root of a negative number".into()));
    }
    if x.lower < 0 {
        return Err(Failure::Imprecise(
            "the argument of a square root is too close to zero".into(),
        ));
    }
    let precision = x.precision();
    x.monotone(true, |v, r| round(precision, v.sqrt_ref(), r))
}

/// arctan x.
pub fn atan(x: &Interval) -> Result<Interval, Failure> {
    let precision = x.precision();
    x.monotone(true, |v, r| round(precision, v.atan_ref(), r))
}

/// erf x.
pub fn erf(x: &Interval) -> Result<Interval, Failure> {
    let precision = x.precision();
    x.monotone(true, |v, r| round(precision, v.erf_ref(), r))
}

/// erfc x = 1 − erf x, decreasing.
pub fn erfc(x: &Interval) -> Result<Interval, Failure> {
    let precision = x.precision();
    x.monotone(false, |v, r| round(precision, v.erfc_ref(), r))
}

/// ψ(x) for x > 0, increasing there.
pub fn digamma(x: &Interval) -> Result<Interval, Failure> {
    require_positive(x, "digamma")?;
    let precision = x.precision();
    x.monotone(true, |v, r| round(precision, v.digamma_ref(), r))
}

/// E₁(x) = ∫ₓ^∞ e⁻ᵗ/t dt for x > 0, decreasing. MPFR's `eint` gives Ei, and for a negative argument
/// Ei(−x) = −E₁(x), so E₁(x) rounded one way is −Ei(−x) rounded the other way.
pub fn expint(x: &Interval) -> Result<Interval, Failure> {
    require_positive(x, "expint")?;
    let precision = x.precision();
    x.monotone(false, |v, r| {
        let opposite = if r == Round::Down {
            Round::Up
        } else {
            Round::Down
        };
        let negated = Float::with_val(v.prec(), -v);
        let (ei, direction) = round(precision, negated.eint_ref(), opposite);
        (-ei, direction.reverse())
    })
}

/// Bounds of the point where log Γ has its minimum on (0, ∞), x₀ = 1.4616321449683623412…: log Γ
/// decreases on (0, x₀] and increases on [x₀, ∞).
const LGAMMA_MINIMUM_BELOW: f64 = 1.461_632_144_968_36;
const LGAMMA_MINIMUM_ABOVE: f64 = 1.461_632_144_968_37;

/// log Γ(x) for x > 0. Monotone on either side of its minimum; an interval around the minimum is bounded
/// below by the tangent at its midpoint (log Γ is convex) and above by the larger end value.
pub fn lgamma(x: &Interval) -> Result<Interval, Failure> {
    require_positive(x, "lgamma")?;
    let precision = x.precision();
    let evaluate = |v: &Float, r: Round| round(precision, v.ln_gamma_ref(), r);
    // The f64 constants are exact binary fractions; the comparison against them is exact.
    if x.upper <= LGAMMA_MINIMUM_BELOW {
        return x.monotone(false, evaluate);
    }
    if x.lower >= LGAMMA_MINIMUM_ABOVE {
        return x.monotone(true, evaluate);
    }
    let upper = {
        let at_lower = evaluate(&x.lower, Round::Up).0;
        let at_upper = evaluate(&x.upper, Round::Up).0;
        if at_lower > at_upper {
            at_lower
        } else {
            at_upper
        }
    };
    // Convexity: log Γ(t) ≥ log Γ(m) + ψ(m)(t − m) ≥ log Γ(m) − |ψ(m)|·r on [m − r, m + r].
    let middle = Interval::point(x.midpoint());
    let at_middle = middle.monotone(true, evaluate)?;
    let slope = digamma(&middle)?.magnitude();
    let radius = {
        let left = up(precision, &middle.lower - &x.lower);
        let right = up(precision, &x.upper - &middle.lower);
        if left > right {
            left
        } else {
            right
        }
    };
    let drop = up(precision, &slope * &radius);
    let lower = down(precision, &at_middle.lower - &drop);
    Interval::new(lower, upper)
}

/// Whether the interval may contain a point offset + 2πk for an integer k (conservatively true when the
/// precision cannot tell).
fn may_contain_lattice_point(x: &Interval, offset: &Interval) -> Result<bool, Failure> {
    let precision = x.precision();
    let two = Interval::point(Float::with_val(precision, 2));
    let period = two.mul(&Interval::pi(precision))?;
    let turns = x.sub(offset)?.div(&period)?;
    let first = Float::with_val(turns.lower.prec(), turns.lower.ceil_ref());
    let last = Float::with_val(turns.upper.prec(), turns.upper.floor_ref());
    Ok(first <= last)
}

/// A 2π-periodic function with its maximum 1 at `maximum` + 2πk and its minimum −1 at `minimum` + 2πk,
/// monotone between them.
fn periodic(
    x: &Interval,
    maximum: &Interval,
    minimum: &Interval,
    evaluate: impl Fn(&Float, Round) -> Rounded,
) -> Result<Interval, Failure> {
    let precision = x.precision();
    let has_maximum = may_contain_lattice_point(x, maximum)?;
    let has_minimum = may_contain_lattice_point(x, minimum)?;
    if !has_maximum && !has_minimum {
        let at_lower = Interval::point(x.lower.clone()).monotone(true, &evaluate)?;
        let at_upper = Interval::point(x.upper.clone()).monotone(true, &evaluate)?;
        return Ok(at_lower.hull(&at_upper));
    }
    let lower = if has_minimum {
        Float::with_val(precision, -1)
    } else {
        let a = evaluate(&x.lower, Round::Down).0;
        let b = evaluate(&x.upper, Round::Down).0;
        if a < b {
            a
        } else {
            b
        }
    };
    let upper = if has_maximum {
        Float::with_val(precision, 1)
    } else {
        let a = evaluate(&x.lower, Round::Up).0;
        let b = evaluate(&x.upper, Round::Up).0;
        if a > b {
            a
        } else {
            b
        }
    };
    Interval::new(lower, upper)
}

fn half_pi(precision: u32) -> Result<Interval, Failure> {
    Interval::pi(precision).mul(&Interval::point(Float::with_val(precision, 0.5)))
}

/// sin x: maxima at π/2 + 2πk, minima at −π/2 + 2πk.
pub fn sin(x: &Interval) -> Result<Interval, Failure> {
    let precision = x.precision();
    let maximum = half_pi(precision)?;
    let minimum = maximum.neg();
    periodic(x, &maximum, &minimum, |v, r| {
        round(precision, v.sin_ref(), r)
    })
}

/// cos x: maxima at 2πk, minima at π + 2πk.
pub fn cos(x: &Interval) -> Result<Interval, Failure> {
    let precision = x.precision();
    let maximum = Interval::point(Float::new(precision));
    let minimum = Interval::pi(precision);
    periodic(x, &maximum, &minimum, |v, r| {
        round(precision, v.cos_ref(), r)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::ratio;

    fn rational(n: i64, d: i64, precision: u32) -> Interval {
        Interval::from_rational(&ratio(n, d), precision).unwrap()
    }

    fn between(lower: f64, upper: f64) -> Interval {
        Interval::new(Float::with_val(64, lower), Float::with_val(64, upper)).unwrap()
    }

    #[track_caller]
    fn assert_encloses(interval: &Interval, decimal: &str) {
        let value = Float::with_val(400, Float::parse(decimal).unwrap());
        assert!(
            interval.contains(&value),
            "{interval:?} does not contain {decimal}"
        );
        let width = interval.width().to_f64();
        assert!(
            width < 1e-15 * value.to_f64().abs().max(1e-300),
            "{interval:?} is too wide"
        );
    }

    #[test]
    fn expint_of_one() {
        assert_encloses(
            &expint(&rational(1, 1, 64)).unwrap(),
            "0.21938393439552027368",
        );
    }

    #[test]
    fn erf_of_one_half_and_erfc_of_two() {
        assert_encloses(&erf(&rational(1, 2, 64)).unwrap(), "0.52049987781304653768");
        assert_encloses(
            &erfc(&rational(2, 1, 64)).unwrap(),
            "0.0046777349810472658379",
        );
    }

    #[test]
    fn log_rejects_non_positive_and_defers_straddles() {
        assert_eq!(
            log(&rational(-1, 2, 64)),
            Err(domain("log of a non-positive number".into()))
        );
        assert!(matches!(
            log(&between(-1.0, 1.0)),
            Err(Failure::Imprecise(_))
        ));
    }

    #[test]
    fn lgamma_minimum_bounds_are_on_either_side() {
        let below = Float::with_val(128, LGAMMA_MINIMUM_BELOW).digamma();
        let above = Float::with_val(128, LGAMMA_MINIMUM_ABOVE).digamma();
        assert!(below < 0 && above > 0);
    }

    #[test]
    fn lgamma_around_its_minimum() {
        // log Γ(x₀) = −0.12148629053584960809…
        let around = between(1.25, 1.75);
        let value = lgamma(&around).unwrap();
        let minimum = Float::with_val(
            300,
            Float::parse("-0.12148629053584960809551455717769158215135617313").unwrap(),
        );
        assert!(value.lower <= minimum);
        assert!(value.lower > -0.2);
        let narrow = rational(14616321449683623, 10000000000000000, 200);
        let value = lgamma(&narrow).unwrap();
        assert!(value.contains(&minimum) || (value.lower.clone() - &minimum).abs() < 1e-30);
        assert!(value.width() < 1e-55);
        assert_encloses(
            &lgamma(&rational(1, 2, 64)).unwrap(),
            "0.57236494292470008707",
        );
        assert_encloses(
            &lgamma(&rational(10, 1, 64)).unwrap(),
            "12.801827480081469611",
        );
    }

    #[test]
    fn sine_and_cosine_include_their_extrema() {
        let around = between(1.0, 2.0);
        let value = sin(&around).unwrap();
        assert_eq!(value.upper, 1);
        assert!((value.lower.to_f64() - 1f64.sin()).abs() < 1e-15);
        let value = cos(&between(3.0, 3.5)).unwrap();
        assert_eq!(value.lower, -1);
        let value = cos(&between(-0.5, 0.25)).unwrap();
        assert_eq!(value.upper, 1);
        assert!((value.lower.to_f64() - 0.5f64.cos()).abs() < 1e-15);
        let value = sin(&between(-10.0, 10.0)).unwrap();
        assert_eq!((value.lower.to_f64(), value.upper.to_f64()), (-1.0, 1.0));
        assert_encloses(&sin(&rational(1, 1, 64)).unwrap(), "0.84147098480789650665");
        assert_encloses(&cos(&rational(1, 1, 64)).unwrap(), "0.54030230586813971740");
    }

    #[test]
    fn digamma_and_atan() {
        assert_encloses(
            &digamma(&rational(1, 1, 64)).unwrap(),
            "-0.57721566490153286061",
        );
        assert_encloses(
            &atan(&rational(1, 1, 64)).unwrap(),
            "0.78539816339744830962",
        );
        assert!(matches!(
            digamma(&rational(0, 1, 64)),
            Err(Failure::Fatal(_))
        ));
    }
}
