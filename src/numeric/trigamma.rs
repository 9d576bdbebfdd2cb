//! The trigamma function ψ₁(x) = Σₖ₌₀^∞ 1/(x + k)², which MPFR does not provide.
//!
//! The recurrence ψ₁(x) = Σₖ₌₀^{N−1} 1/(x + k)² + ψ₁(x + N) moves the argument to z = x + N, large enough
//! for the asymptotic series ψ₁(z) ~ 1/z + 1/(2z²) + Σₖ B₂ₖ/z^{2k+1}. For real z > 0 the series is
//! enveloping: ψ₁(z) = ∫₀^∞ e^{−zt} ((t/2)·coth(t/2) + t/2) dt, and every Taylor remainder of (t/2)·coth(t/2)
//! has the sign of its first omitted term and a smaller magnitude, so the error of a truncated sum is
//! bounded by the first omitted term. The Bernoulli numbers are exact rationals computed from the tangent
//! numbers.

use rug::{Float, Integer};

use super::functions::require_positive;
use super::interval::{down, up, Failure, Interval};
use crate::interrupt::Interrupt;

/// ψ₁(x) for x > 0, decreasing there.
pub fn trigamma(x: &Interval, interrupt: &dyn Interrupt) -> Result<Interval, Failure> {
    require_positive(x, "trigamma")?;
    let precision = x.precision();
    let at_upper = at_point(&x.upper, precision, interrupt)?;
    if x.is_point() {
        return Ok(at_upper);
    }
    let at_lower = at_point(&x.lower, precision, interrupt)?;
    Interval::new(at_upper.lower, at_lower.upper)
}

/// An enclosure of ψ₁(x) for one float x > 0.
fn at_point(x: &Float, precision: u32, interrupt: &dyn Interrupt) -> Result<Interval, Failure> {
    // With z ≥ p/4 the smallest asymptotic term (about e^{−2πz}) is far below 2^−p, and it is reached
    // after about p/8 terms.
    let target = (f64::from(precision) + 10.0) / 4.0;
    let target = target.max(16.0);
    let start = x.to_f64();
    let shift = if start >= target {
        0
    } else {
        (target - start).ceil() as u32
    };
    let work = precision + 16 + (32 - shift.leading_zeros());

    let mut lower = Float::new(work);
    let mut upper = Float::new(work);
    for k in 0..shift {
        if k % 256 == 0 {
            interrupt.check()?;
        }
        let point_low = down(work, x + k);
        let point_high = up(work, x + k);
        let square_low = down(work, point_low.square_ref());
        let square_high = up(work, point_high.square_ref());
        lower = down(work, &lower + &down(work, square_high.recip_ref()));
        upper = up(work, &upper + &up(work, square_low.recip_ref()));
    }
    let head = Interval::new(lower, upper)?;

    let z = Interval::new(down(work, x + shift), up(work, x + shift))?;
    let tail = asymptotic(&z, work, interrupt)?;
    let total = head.add(&tail)?;
    Interval::new(down(precision, &total.lower), up(precision, &total.upper))
}

/// ψ₁(z) for z ≥ 16 by the asymptotic series with its remainder bound.
fn asymptotic(z: &Interval, work: u32, interrupt: &dyn Interrupt) -> Result<Interval, Failure> {
    let inverse = z.recip()?;
    let inverse_square = inverse.mul(&inverse)?;
    let half = Interval::point(Float::with_val(work, 0.5));
    let mut sum = inverse.add(&inverse_square.mul(&half)?)?;
    let count = terms_needed(z.lower.to_f64(), work);
    let tangents = tangent_numbers(count + 1, interrupt)?;
    // power = z^−(2k+1)
    let mut power = inverse.mul(&inverse_square)?;
    let last = tangents.len() - 1;
    for (k, tangent) in tangents.iter().enumerate().skip(1) {
        let bernoulli = Interval::from_rational_rug(&bernoulli_from_tangent(k, tangent), work)?;
        let term = bernoulli.mul(&power)?;
        let magnitude = term.magnitude();
        let mut threshold = sum.lower.clone();
        threshold >>= work + 2;
        if magnitude <= threshold || k == last {
            // The first omitted term bounds the remainder.
            return sum.widen(&magnitude);
        }
        sum = sum.add(&term)?;
        power = power.mul(&inverse_square)?;
    }
    // Unreachable: the loop returns at its last term.
    Err(Failure::Imprecise(
        "the trigamma series did not converge".into(),
    ))
}

/// How many asymptotic terms bring |B₂ₖ/z^{2k+1}| ≈ 2·(2k)!/((2πz)^{2k}·z) below 2^−work relative to 1/z,
/// estimated in floating point (the loop checks the real bound).
fn terms_needed(z: f64, work: u32) -> usize {
    let scale = 2.0 * (2.0 * std::f64::consts::PI * z).log2();
    let mut logarithm = 1.0;
    let mut k = 0usize;
    while logarithm > -(f64::from(work) + 8.0) {
        k += 1;
        let growth = ((2 * k - 1) as f64 * (2 * k) as f64).log2() - scale;
        if growth >= 0.0 {
            break;
        }
        logarithm += growth;
    }
    k.max(1)
}

/// Tangent numbers T₁…Tₙ (tan x = Σ Tₖ x^{2k−1}/(2k−1)!) by Brent and Harvey's in-place recurrence,
/// in exact integers; index 0 is unused.
fn tangent_numbers(count: usize, interrupt: &dyn Interrupt) -> Result<Vec<Integer>, Failure> {
    let mut tangents = vec![Integer::new(); count + 1];
    if count == 0 {
        return Ok(tangents);
    }
    tangents[1] = Integer::from(1);
    for k in 2..=count {
        tangents[k] = Integer::from(&tangents[k - 1] * (k as u64 - 1));
    }
    for k in 2..=count {
        interrupt.check()?;
        for j in k..=count {
            let previous = Integer::from(&tangents[j - 1] * (j as u64 - k as u64));
            tangents[j] *= j as u64 - k as u64 + 2;
            tangents[j] += previous;
        }
    }
    Ok(tangents)
}

/// B₂ₖ = (−1)^{k−1}·2k·Tₖ/(4ᵏ(4ᵏ − 1)).
fn bernoulli_from_tangent(k: usize, tangent: &Integer) -> rug::Rational {
    let four_power = Integer::from(1) << (2 * k as u32);
    let denominator = Integer::from(&four_power - 1u32) * four_power;
    let numerator = Integer::from(tangent * (2 * k as u64));
    let value = rug::Rational::from((numerator, denominator));
    if k % 2 == 1 {
        value
    } else {
        -value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::ratio;
    use crate::interrupt::Never;

    #[test]
    fn bernoulli_numbers_from_tangent_numbers() {
        let tangents = tangent_numbers(6, &Never).unwrap();
        let expected = [1, 2, 16, 272, 7936, 353792];
        assert!(tangents[1..].iter().zip(expected).all(|(t, e)| *t == e));
        let b12 = bernoulli_from_tangent(6, &tangents[6]);
        assert_eq!(b12, rug::Rational::from((-691, 2730)));
        assert_eq!(
            bernoulli_from_tangent(1, &tangents[1]),
            rug::Rational::from((1, 6))
        );
    }

    #[test]
    fn trigamma_of_one_is_pi_squared_over_six() {
        let one = Interval::from_rational(&ratio(1, 1), 400).unwrap();
        let value = trigamma(&one, &Never).unwrap();
        let pi = Float::with_val(500, rug::float::Constant::Pi);
        let expected = Float::with_val(500, pi.square_ref()) / 6;
        assert!(value.contains(&expected));
        assert!(value.width() < Float::with_val(64, 1e-115));
    }

    #[test]
    fn trigamma_of_an_interval_and_of_a_large_argument() {
        // ψ₁(1/2) = π²/2, ψ₁(1000) = 0.00100050016666663333…
        let half = Interval::from_rational(&ratio(1, 2), 100).unwrap();
        let value = trigamma(&half, &Never).unwrap();
        let pi = Float::with_val(200, rug::float::Constant::Pi);
        assert!(value.contains(&(Float::with_val(200, pi.square_ref()) / 2)));
        let wide = Interval::new(Float::with_val(64, 1), Float::with_val(64, 2)).unwrap();
        let value = trigamma(&wide, &Never).unwrap();
        assert!((value.lower.to_f64() - 0.644_934_066_848_226_4).abs() < 1e-15);
        assert!((value.upper.to_f64() - 1.644_934_066_848_226_4).abs() < 1e-15);
        let large = Interval::from_rational(&ratio(1000, 1), 64).unwrap();
        let value = trigamma(&large, &Never).unwrap();
        assert!((value.lower.to_f64() - 0.001_000_500_166_666_633_3).abs() < 1e-18);
    }
}
