//! Every coarse operation must contain the exact result at the points of its operands (checked against
//! MPFR at 256 bits at the ends and the middle), and stay reasonably tight.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use rug::ops::Pow;
use rug::Float;

use super::*;

const BITS: u32 = 256;

fn contains(range: &Coarse, exact: &Float) -> bool {
    range.lower <= *exact && *exact <= range.upper
}

/// The ends and the middle of a range, exactly.
fn points(range: &Coarse) -> [Float; 3] {
    let lower = Float::with_val(BITS, range.lower);
    let upper = Float::with_val(BITS, range.upper);
    let middle = Float::with_val(BITS, &lower + &upper) / 2u32;
    [lower, middle, upper]
}

fn range() -> impl Strategy<Value = Coarse> {
    (-40.0f64..40.0, 0.0f64..3.0, 0u32..3).prop_map(|(lower, width, kind)| {
        // Wide ranges, ranges a few floats wide, and points.
        let upper = match kind {
            0 => lower + width,
            1 => lower.next_up().next_up(),
            _ => lower,
        };
        Coarse::new(lower, upper).unwrap()
    })
}

fn unary(
    x: &Coarse,
    coarse: fn(&Coarse) -> Outcome,
    exact: fn(&Float) -> Float,
) -> Result<(), TestCaseError> {
    if let Ok(result) = coarse(x) {
        for point in points(x) {
            let value = exact(&point);
            prop_assert!(
                contains(&result, &value),
                "{x:?} ↦ {result:?} misses {value}"
            );
        }
    }
    Ok(())
}

fn config() -> Config {
    Config {
        cases: 2000,
        rng_seed: RngSeed::Fixed(23),
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arithmetic_contains_the_exact_results(x in range(), y in range()) {
        for a in points(&x) {
            for b in points(&y) {
                prop_assert!(contains(&x.add(&y).unwrap(), &Float::with_val(BITS, &a + &b)));
                prop_assert!(contains(&x.sub(&y).unwrap(), &Float::with_val(BITS, &a - &b)));
                prop_assert!(contains(&x.mul(&y).unwrap(), &Float::with_val(BITS, &a * &b)));
                if let Ok(quotient) = x.div(&y) {
                    prop_assert!(contains(&quotient, &Float::with_val(BITS, &a / &b)));
                }
            }
        }
        if !(y.lower <= 0.0 && 0.0 <= y.upper) {
            prop_assert!(x.div(&y).is_ok());
        }
    }

    #[test]
    fn elementary_functions_contain_the_exact_values(x in range(), n in -5i32..8) {
        unary(&x, Coarse::exp, |v| Float::with_val(BITS, v.exp_ref()))?;
        unary(&x, Coarse::log, |v| Float::with_val(BITS, v.ln_ref()))?;
        unary(&x, Coarse::sqrt, |v| Float::with_val(BITS, v.sqrt_ref()))?;
        unary(&x, Coarse::sin, |v| Float::with_val(BITS, v.sin_ref()))?;
        unary(&x, Coarse::cos, |v| Float::with_val(BITS, v.cos_ref()))?;
        unary(&x, Coarse::sinh, |v| Float::with_val(BITS, v.sinh_ref()))?;
        unary(&x, Coarse::cosh, |v| Float::with_val(BITS, v.cosh_ref()))?;
        let scaled = Coarse::new(x.lower / 40.0, x.upper / 40.0).unwrap();
        unary(&scaled, Coarse::asin, |v| Float::with_val(BITS, v.asin_ref()))?;
        if let Ok(power) = x.pow_integer(n) {
            for point in points(&x) {
                let value = Float::with_val(BITS, (&point).pow(n));
                prop_assert!(contains(&power, &value), "{x:?}^{n} ↦ {power:?} misses {value}");
            }
        }
        if x.is_positive() {
            let exponent = Coarse::new(-1.5, 2.5).unwrap();
            let power = x.pow(&exponent).unwrap();
            for point in points(&x) {
                for w in [-1.5, 0.5, 2.5] {
                    let value = Float::with_val(BITS, (&point).pow(w));
                    prop_assert!(contains(&power, &value));
                }
            }
        }
    }

    #[test]
    fn the_argument_contains_every_corner_and_the_middle(x in range(), y in range()) {
        let clear = x.is_positive() || y.is_positive() || y.is_negative();
        prop_assume!(clear);
        let argument = Coarse::argument(&x, &y).unwrap();
        for a in points(&x) {
            for b in points(&y) {
                let value = Float::with_val(BITS, b.atan2_ref(&a));
                prop_assert!(contains(&argument, &value), "arg({x:?}, {y:?}) = {argument:?} misses {value}");
            }
        }
    }
}

#[test]
fn results_beyond_f64_are_range_failures_and_zero_divisors_domain_failures() {
    let huge = Coarse::point(800.0).unwrap();
    assert_eq!(huge.exp(), Err(CoarseFailure::Range));
    assert_eq!(huge.neg().exp(), Err(CoarseFailure::Range));
    let around_zero = Coarse::new(-1.0, 1.0).unwrap();
    assert_eq!(around_zero.recip(), Err(CoarseFailure::Domain));
    assert_eq!(around_zero.log(), Err(CoarseFailure::Domain));
    let underflowed = Coarse::new(0.0, 1e-300).unwrap();
    assert_eq!(underflowed.log(), Err(CoarseFailure::Range));
}

#[test]
fn squares_keep_their_sign_and_sums_of_zero_stay_zero() {
    let tiny = Coarse::new(-1e-200, 1e-200).unwrap();
    let square = tiny.pow_integer(2).unwrap();
    assert_eq!(square.lower, 0.0);
    let zero = Coarse::point(0.0).unwrap();
    assert_eq!(zero.add(&zero).unwrap(), zero);
    // sin over a range holding π/2 reaches 1; cos over one holding π reaches −1.
    let around = Coarse::new(1.5, 3.2).unwrap();
    assert_eq!(around.sin().unwrap().upper, 1.0);
    assert_eq!(around.cos().unwrap().lower, -1.0);
    // A tight range stays tight: exp of a point is within 2^-39 relative.
    let point = Coarse::point(1.0).unwrap().exp().unwrap();
    assert!((point.upper - point.lower) / point.lower < 1e-11);
}
