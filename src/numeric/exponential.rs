//! eˣ at moderate precision by a table and a short Taylor series, several times cheaper than MPFR's.
//!
//! With k = round(x/log 2) and j = round(1024(x − k log 2)),
//!
//! - r = x − k log 2 − j/1024 is computed 40 bits beyond the working precision w (so that k log 2 loses
//!   nothing), and |r| < 2⁻¹⁰;
//! - eˣ = 2ᵏ · e^{j/1024} · eʳ, with e^{j/1024} from a table filled once per precision;
//! - eʳ = Σ rⁿ/n!, each term at least ten bits below the one before (seventeen terms at 220 bits).
//!
//! Every operation rounds to nearest at w; the relative error bound counts each rounding 16 times over
//! beside the error of r and the series' remainder, and the result is an interval around the computed
//! value. MPFR serves precisions and arguments outside the ranges below.

use rug::float::Constant;
use rug::Float;

use super::interval::{down, up, Interval};
use super::tables::{serves, with_table, Tables, GUARD};

/// Bits beyond w for the reduction x − k log 2, with |k| < 2²¹.
const REDUCTION_GUARD: u32 = 40;

/// The largest |x| served: k stays below 2²¹.
const MAX_ARGUMENT: f64 = 1.0e6;

/// |j| ≤ 1024·(log 2)/2 + 1.
const REACH: i32 = 356;

/// log 2 (at w + [`REDUCTION_GUARD`]), e^{j/1024} for each j (filled as first asked for), and 1/n!.
struct Table {
    log_two: Float,
    exps: Vec<Option<Float>>,
    coefficients: Vec<Float>,
}

impl Table {
    fn new(precision: u32) -> Table {
        // |r| < 2⁻¹⁰, so each term is at least 2¹⁰ below the one before: (w + 4)/10 + 2 terms suffice.
        let terms = (precision + 4) / 10 + 2;
        // 1/n! rounded once each, from exact factorials.
        let mut factorial = rug::Integer::from(1);
        let mut coefficients = vec![Float::with_val(precision, 1)];
        for n in 1..=terms {
            factorial *= n;
            coefficients.push(Float::with_val(precision, &factorial).recip());
        }
        Table {
            log_two: Float::with_val(precision + REDUCTION_GUARD, Constant::Log2),
            exps: vec![None; (2 * REACH + 1) as usize],
            coefficients,
        }
    }

    /// e^{j/1024} rounded to nearest at `precision` (MPFR's exp of the exact quotient).
    fn exp_of(&mut self, j: i32, precision: u32) -> &Float {
        self.exps[(j + REACH) as usize]
            .get_or_insert_with(|| (Float::with_val(precision, j) >> 10u32).exp())
    }
}

thread_local! {
    static TABLES: Tables<Table> = Tables::default();
}

/// An enclosure of eᵃ, its ends [`GUARD`] bits beyond `precision` (for the caller to round outwards
/// once). `None` where this method does not serve, for MPFR to take over.
pub fn enclosure(a: &Float, precision: u32) -> Option<Interval> {
    let (value, error) = exp_enclosure(a, precision)?;
    let w = value.prec();
    let slack = up(w, &value * error);
    Interval::new(down(w, &value - &slack), up(w, &value + &slack)).ok()
}

/// eᵃ computed [`GUARD`] bits beyond `precision`, and a bound on its relative error.
fn exp_enclosure(a: &Float, precision: u32) -> Option<(Float, f64)> {
    let approximate = a.to_f64();
    if !serves(precision) || !a.is_finite() || approximate.abs() >= MAX_ARGUMENT {
        return None;
    }
    let k = (approximate / std::f64::consts::LN_2).round();
    let j = ((approximate - k * std::f64::consts::LN_2) * 1024.0).round() as i32;
    if j.abs() > REACH {
        return None;
    }
    let k = k as i32;
    let w = precision + GUARD;
    let high = w + REDUCTION_GUARD;
    let u = (-f64::from(w)).exp2();
    with_table(&TABLES, w, Table::new, |table| {
        // r = a − k log 2 − j/1024 at `high` bits; each of its three roundings, and log 2's, is within
        // 2^−high of a term no larger than |k log 2| + |a − k log 2| + |r|.
        let scaled = Float::with_val(high, &table.log_two * k);
        let reduced = Float::with_val(high, a - &scaled);
        let r = Float::with_val(high, &reduced - (Float::with_val(high, j) >> 10u32));
        let r_magnitude = r.to_f64().abs();
        let reduction_error = (-f64::from(high)).exp2()
            * (2.0 * scaled.to_f64().abs() + reduced.to_f64().abs() + r_magnitude);
        let r = Float::with_val(w, &r);
        // The error of r (its rounding to w included) is the relative error it brings to eʳ, times 1.01.
        let r_error = reduction_error + u * r_magnitude;
        // Terms 0..n−1, with n the first where |r|ⁿ/n! ≤ 2^−(w+4): the remainder is within 1.01 of it.
        let goal = (-f64::from(w + 4)).exp2();
        let mut term = 1.0f64;
        let mut terms = 0;
        while term > goal {
            terms += 1;
            term *= r_magnitude / terms as f64;
        }
        if terms >= table.coefficients.len() {
            return None;
        }
        let mut sum = table.coefficients[terms.saturating_sub(1)].clone();
        for coefficient in table.coefficients[..terms.saturating_sub(1)].iter().rev() {
            sum *= &r;
            sum += coefficient;
        }
        let mut value = Float::with_val(w, table.exp_of(j, w) * &sum);
        value <<= k;
        // The table entry (u/2), the sum (3u), the product (u), counted 16 times over; the error of r; the
        // remainder; 1% more for the f64 arithmetic of the bound itself.
        let error = (16.0 * u + 1.01 * r_error + 1.01 * term) * 1.01;
        (value.is_normal() && error < 1e-20).then_some((value, error))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeric::functions::exp;
    use crate::numeric::stream::Stream;
    use crate::numeric::tables::{MAX_PRECISION, MIN_PRECISION};

    /// A number in [−span, span] with every bit of `precision` set at random.
    fn number(stream: &mut Stream, precision: u32, span: f64) -> Float {
        (stream.bits(precision) * 2u32 - 1u32) * span
    }

    /// MPFR's exp, 64 bits above the working precision, lies in the enclosure, which is at most 4 units of
    /// the last place wide, at precisions from 100 to 1000 bits: arguments up to 700 and 10⁵ in size, near
    /// 0, and near the table's steps (j/1024) and the reduction's (k log 2 ± log 2/2).
    #[test]
    fn the_enclosure_holds_mpfr_exp_and_is_tight() {
        let mut stream = Stream(2026);
        for precision in [100u32, 101, 142, 209, 256, 370, 512, 700, 1000] {
            let log_two = Float::with_val(precision, Constant::Log2);
            for case in 0..400 {
                let x = match case % 5 {
                    0 => number(&mut stream, precision, 700.0),
                    1 => number(&mut stream, precision, 1e5),
                    2 => number(&mut stream, precision, 1e-30),
                    3 => {
                        let step = f64::from(case % 700 - 350) / 1024.0 + 1.0 / 2048.0;
                        number(&mut stream, precision, 1e-25) + step
                    }
                    _ => {
                        let k = f64::from(case % 200 - 100) + 0.5;
                        number(&mut stream, precision, 1e-25)
                            + Float::with_val(precision, &log_two * k)
                    }
                };
                let enclosure = exp(&Interval::point(x.clone())).unwrap();
                let exact = Float::with_val(precision + 64, x.exp_ref());
                // The value at the guard bits is within its bound (the outward rounding to the
                // precision would hide a bound that is too small).
                let (value, error) = exp_enclosure(&x, precision).unwrap();
                let difference = Float::with_val(precision + 64, &value - &exact);
                let relative = (difference / &exact).to_f64().abs();
                assert!(
                    relative <= error,
                    "exp {x} at {precision}: {relative} > {error}"
                );
                assert!(error < (-f64::from(precision + GUARD - 8)).exp2());
                assert!(
                    enclosure.lower <= exact && exact <= enclosure.upper,
                    "exp {x} at {precision}: {exact} outside [{}, {}]",
                    enclosure.lower,
                    enclosure.upper
                );
                let width = Float::with_val(precision + 64, &enclosure.upper - &enclosure.lower);
                let ulp = Float::with_val(53, &exact) >> (precision as i32 - 2);
                assert!(width <= ulp, "exp {x} at {precision}: width {width}");
            }
        }
    }

    /// A thin interval [a, a + k ulps] holds eᵇ too.
    #[test]
    fn a_thin_interval_holds_both_ends() {
        let starts = [(-37.25, 3), (0.001, 3), (5.125, 3), (300.0, 3)];
        crate::numeric::tables::assert_thin_intervals_hold(
            "exp",
            &starts,
            exp,
            |end, precision| Float::with_val(precision, end.exp_ref()),
        );
    }

    /// Where the method does not serve, it says so.
    #[test]
    fn out_of_range_is_left_to_mpfr() {
        assert!(exp_enclosure(&Float::with_val(128, 2e6), 128).is_none());
        assert!(exp_enclosure(&Float::with_val(64, 2), MAX_PRECISION + 1).is_none());
        assert!(exp_enclosure(&Float::with_val(64, 2), MIN_PRECISION - 1).is_none());
    }
}
