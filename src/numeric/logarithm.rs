//! log x at moderate precision by a table and a short series, several times cheaper than MPFR's.
//!
//! MPFR computes every logarithm by the arithmetic–geometric mean, whose square roots cost about 20,000
//! instructions at 150 bits; the quadrature's points at 30 digits spend a third of their time there. Here,
//! with x = m·2ᵉ and m ∈ [√½, √2):
//!
//! - r = round(1024/m) and c = r/1024, so that t = m·c − 1 is exact (m has p bits and r eleven) and
//!   |t| < 2⁻¹⁰;
//! - log m = log(1 + t) − log c, with log c = log r − 10 log 2 from a table filled once per precision;
//! - log(1 + t) = 2s Σ s²ᵏ/(2k + 1) with s = t/(2 + t), |s| < 2⁻¹¹, so each term adds 22 bits.
//!
//! Every operation rounds to nearest at the working precision w; the error bound counts each rounding
//! (16 times over) and the series' remainder, and the result is an interval around the computed value.
//! Near x = 1, c = 1 exactly and the bound is relative to log x itself.

use rug::float::Constant;
use rug::Float;

use super::interval::{down, up, Interval};
use super::tables::{serves, with_table, Tables, GUARD, MAX_PRECISION};

/// Bits of the table's index: c = r/2^BITS.
const BITS: i32 = 10;

/// The smallest and largest r = round(2^BITS/m) for m ∈ [√½, √2).
const FIRST: u32 = 724;
const LAST: u32 = 1449;

/// log 2, log(r/1024) for each r (filled as they are first asked for) and the series' coefficients
/// 1/(2k + 1), at one working precision.
struct Table {
    log_two: Float,
    logs: Vec<Option<Float>>,
    coefficients: Vec<Float>,
}

impl Table {
    fn new(precision: u32) -> Table {
        // |z| < 2⁻²², so (w + 4)/22 + 1 terms always suffice.
        let terms = (precision + 4) / 22 + 2;
        Table {
            log_two: Float::with_val(precision, Constant::Log2),
            logs: vec![None; (LAST - FIRST + 1) as usize],
            coefficients: (0..=terms)
                .map(|k| Float::with_val(precision, 1) / (2 * k + 1))
                .collect(),
        }
    }

    /// log(r/1024) rounded to nearest at `precision` (MPFR's log of the exact quotient: 0 for r = 1024).
    fn log_of(&mut self, r: u32, precision: u32) -> &Float {
        self.logs[(r - FIRST) as usize]
            .get_or_insert_with(|| (Float::with_val(precision, r) >> BITS).ln())
    }
}

thread_local! {
    static TABLES: Tables<Table> = Tables::default();
}

/// An enclosure of log a for a > 0, its ends [`GUARD`] bits beyond `precision` (for the caller to round
/// outwards once). `None` where this method does not serve (a or the precision out of range), for MPFR
/// to take over.
pub fn enclosure(a: &Float, precision: u32) -> Option<Interval> {
    let (value, error) = log_enclosure(a, precision)?;
    let w = value.prec();
    Interval::new(down(w, &value - error), up(w, &value + error)).ok()
}

/// log a computed [`GUARD`] bits beyond `precision`, and a bound on its absolute error.
fn log_enclosure(a: &Float, precision: u32) -> Option<(Float, f64)> {
    if !serves(precision) || *a <= 0 || !a.is_finite() || a.prec() > 4 * MAX_PRECISION {
        return None;
    }
    let (mantissa, exponent) = a.to_f64_exp();
    // m = a·2^−e in [√½, √2).
    let (mut m, mut e) = (mantissa, exponent);
    if m < std::f64::consts::FRAC_1_SQRT_2 {
        m *= 2.0;
        e -= 1;
    }
    let r = (1024.0 / m).round() as u32;
    if !(FIRST..=LAST).contains(&r) {
        return None;
    }
    // t = a·r·2^(−e−10) − 1, exact: the product has at most prec(a) + 11 significant bits, and t is a
    // multiple of its last place below 2⁻¹⁰ in size.
    let exact = a.prec() + 12;
    let mut t = Float::with_val(exact, a * r);
    t >>= e + BITS;
    t -= 1u32;
    let w = precision + GUARD;
    let u = (-f64::from(w)).exp2();
    let (value, magnitudes, series) = with_table(&TABLES, w, Table::new, |table| {
        let series = if t.is_zero() {
            Float::new(w)
        } else {
            let mut s = Float::with_val(w, &t + 2u32);
            s.recip_mut();
            s *= &t;
            let z = Float::with_val(w, s.square_ref());
            // Terms while z^(k+1) > 2^−(w+4): every term is below the one before by z < 2⁻²².
            let z_log2 = z.to_f64().log2();
            let terms = ((f64::from(w) + 4.0) / -z_log2).ceil().max(1.0) as usize;
            if terms >= table.coefficients.len() {
                return None;
            }
            let mut sum = table.coefficients[terms].clone();
            for coefficient in table.coefficients[..terms].iter().rev() {
                sum *= &z;
                sum += coefficient;
            }
            sum *= &s;
            sum << 1u32
        };
        let mut value = Float::with_val(w, &table.log_two * e);
        let mut magnitudes = value.to_f64().abs();
        let log_c = table.log_of(r, w);
        value -= log_c;
        magnitudes += log_c.to_f64().abs() + value.to_f64().abs();
        value += &series;
        magnitudes += value.to_f64().abs() + series.to_f64().abs();
        Some((value, magnitudes, series))
    })?;
    // Each rounding is within u of its result, and the series' remainder within u/16 of it; sixteen
    // times their sum, and 1% more for the f64 arithmetic of the bound itself.
    let error = (16.0 * u * magnitudes + u * series.to_f64().abs()) * 1.01;
    error.is_finite().then_some((value, error))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeric::functions::log;
    use crate::numeric::stream::Stream;
    use crate::numeric::tables::MIN_PRECISION;

    /// A number of `precision` random bits in [1, 2), times 2^scale.
    fn random(state: &mut Stream, precision: u32, scale: i32) -> Float {
        (state.bits(precision) + 1u32) << scale
    }

    /// MPFR's log, 64 bits above the working precision, lies in the enclosure, which is at most 4 units
    /// of the last place wide, at precisions from 100 to 1000 bits: on x from 2⁻⁹⁰⁰ to 2⁹⁰⁰, near 1 (where
    /// c = 1 and the bound must be relative to log x), and near √½·2ᵏ (where m changes ends).
    #[test]
    fn the_enclosure_holds_mpfr_log_and_is_tight() {
        let mut state = Stream(2026);
        for precision in [100u32, 101, 142, 209, 256, 370, 512, 700, 1000] {
            let tiny = Float::with_val(precision, 1) >> 40u32;
            for case in 0..400 {
                let scale = (case * 37 % 1800) - 900;
                let x = match case % 4 {
                    0 => random(&mut state, precision, scale),
                    1 => {
                        Float::with_val(precision, 1)
                            + (random(&mut state, precision, -12) - 1.5f64) / 64u32
                    }
                    2 => {
                        Float::with_val(precision, 1)
                            + (random(&mut state, precision, 0) - 1.5f64) * &tiny
                    }
                    _ => {
                        let sqrt_half = Float::with_val(precision, 0.5).sqrt();
                        let jitter = (random(&mut state, precision, 0) - 1.5f64) * &tiny;
                        (sqrt_half + jitter) << (case % 120 - 60)
                    }
                };
                let enclosure = log(&Interval::point(x.clone())).unwrap();
                let exact = Float::with_val(precision + 64, x.ln_ref());
                // The value at the guard bits is within its bound (the outward rounding to the
                // precision would hide a bound that is too small).
                let (value, error) = log_enclosure(&x, precision).unwrap();
                let difference = Float::with_val(64, &value - &exact).to_f64().abs();
                assert!(
                    difference <= error,
                    "log {x} at {precision}: {difference} > {error}"
                );
                let scale = exact.to_f64().abs();
                assert!(error < scale * (-f64::from(precision + GUARD - 8)).exp2());
                assert!(
                    enclosure.lower <= exact && exact <= enclosure.upper,
                    "log {x} at {precision}: {exact} outside [{}, {}]",
                    enclosure.lower,
                    enclosure.upper
                );
                let width = Float::with_val(precision + 64, &enclosure.upper - &enclosure.lower);
                let ulp = Float::with_val(53, exact.abs_ref()) >> (precision as i32 - 2);
                assert!(width <= ulp, "log {x} at {precision}: width {width}");
            }
        }
    }

    /// A thin interval [a, a + k ulps] holds log b too, where the slope k·ulp(a)/a is below the last place
    /// of log a (rounding the upper end to nearest would lose it).
    #[test]
    fn a_thin_interval_holds_both_ends() {
        let starts = [(64607.0, 412), (37.0, 10), (1_000_001.0, 1_000_000)];
        crate::numeric::tables::assert_thin_intervals_hold(
            "log",
            &starts,
            log,
            |end, precision| Float::with_val(precision, end.ln_ref()),
        );
    }

    /// Where the method does not serve, it says so.
    #[test]
    fn out_of_range_is_left_to_mpfr() {
        assert!(log_enclosure(&Float::with_val(64, -1), 64).is_none());
        assert!(log_enclosure(&Float::with_val(64, 2), MAX_PRECISION + 1).is_none());
        assert!(log_enclosure(&Float::with_val(64, 2), MIN_PRECISION - 1).is_none());
    }
}
