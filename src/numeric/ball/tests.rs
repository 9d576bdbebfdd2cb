//! Each ball operation against MPFR at 400 bits: the exact results at the corners and the middle of the
//! input balls lie inside the output ball, and the output of exact inputs is as tight as double-double
//! arithmetic allows.

use rug::Float;

use super::*;

const PRECISION: u32 = 400;

use crate::numeric::stream::Stream;

impl Stream {
    /// A number of about 106 bits (not an f64), with magnitude 2^[−span, span] and either sign.
    fn number(&mut self, span: f64, signed: bool) -> Float {
        let magnitude = (2.0 * self.uniform() - 1.0) * span;
        let mantissa =
            Float::with_val(PRECISION, 1.0 + self.uniform()) + self.uniform() * 2f64.powi(-53);
        let value = mantissa * Float::with_val(PRECISION, 2).pow_f64(magnitude);
        if signed && self.uniform() < 0.5 {
            -value
        } else {
            value
        }
    }

    /// A ball around `value`: exact, or of a relative radius 2^[−120, −60].
    fn ball(&mut self, value: &Float) -> (Ball, Vec<Float>) {
        let exact = self.uniform() < 0.3;
        let relative = if exact {
            Float::new(PRECISION)
        } else {
            Float::with_val(PRECISION, 2).pow_f64(-60.0 - 60.0 * self.uniform())
        };
        let radius = Float::with_val(PRECISION, value.abs_ref()) * &relative;
        let interval = Interval::new(
            Float::with_val(PRECISION, value - &radius),
            Float::with_val(PRECISION, value + &radius),
        )
        .unwrap();
        let ball = Ball::from_interval(&interval).unwrap();
        (ball, vec![interval.lower, value.clone(), interval.upper])
    }
}

trait PowF64 {
    fn pow_f64(self, exponent: f64) -> Float;
}

impl PowF64 for Float {
    fn pow_f64(self, exponent: f64) -> Float {
        use rug::ops::Pow;
        self.pow(Float::with_val(PRECISION, exponent))
    }
}

fn contains(ball: &Ball, value: &Float) -> bool {
    let interval = ball.to_interval(PRECISION).unwrap();
    interval.lower <= *value && *value <= interval.upper
}

/// Checks a unary operation on `cases` balls drawn by `draw`; `tight` bounds the radius of an exact input's
/// result relative to max(|result|, 1) (absolute near 0 for the logarithm).
fn unary(
    cases: usize,
    mut draw: impl FnMut(&mut Stream) -> Float,
    operation: impl Fn(&Ball) -> Result<Ball, OutOfReach>,
    exact: impl Fn(&Float) -> Float,
    tight: i32,
) {
    let mut stream = Stream(17);
    let mut answered = 0;
    for _ in 0..cases {
        let x = draw(&mut stream);
        let (ball, points) = stream.ball(&x);
        let Ok(result) = operation(&ball) else {
            continue;
        };
        answered += 1;
        for point in &points {
            let value = exact(point);
            assert!(
                contains(&result, &value),
                "{:?} of {point} = {value} is outside {result:?}",
                ball
            );
        }
        if ball.radius() == 0.0 {
            let scale = exact(&x).abs().to_f64().max(1.0);
            assert!(
                result.radius() <= scale * 2f64.powi(tight),
                "radius {} for {x}",
                result.radius()
            );
        }
    }
    assert!(
        answered * 10 >= cases * 9,
        "only {answered} of {cases} answered"
    );
}

/// Likewise for a binary operation, checked at the 3 × 3 grid of ends and middles.
fn binary(
    cases: usize,
    mut draw: impl FnMut(&mut Stream) -> (Float, Float),
    operation: impl Fn(&Ball, &Ball) -> Result<Ball, OutOfReach>,
    exact: impl Fn(&Float, &Float) -> Float,
) {
    let mut stream = Stream(23);
    let mut answered = 0;
    for _ in 0..cases {
        let (x, y) = draw(&mut stream);
        let (a, xs) = stream.ball(&x);
        let (b, ys) = stream.ball(&y);
        let Ok(result) = operation(&a, &b) else {
            continue;
        };
        answered += 1;
        for x in &xs {
            for y in &ys {
                let value = exact(x, y);
                assert!(
                    contains(&result, &value),
                    "{x}, {y}: {value} outside {result:?}"
                );
            }
        }
        if a.radius() == 0.0 && b.radius() == 0.0 {
            let scale = exact(&x, &y).abs().to_f64();
            assert!(
                result.radius() <= scale * 2f64.powi(-95),
                "{x}, {y}: {result:?}"
            );
        }
    }
    assert!(
        answered * 10 >= cases * 9,
        "only {answered} of {cases} answered"
    );
}

#[test]
fn arithmetic_holds_the_exact_results() {
    let pair = |s: &mut Stream| (s.number(300.0, true), s.number(300.0, true));
    binary(3000, pair, Ball::add, |x, y| {
        Float::with_val(PRECISION, x + y)
    });
    binary(3000, pair, Ball::sub, |x, y| {
        Float::with_val(PRECISION, x - y)
    });
    binary(3000, pair, Ball::mul, |x, y| {
        Float::with_val(PRECISION, x * y)
    });
    binary(3000, pair, Ball::div, |x, y| {
        Float::with_val(PRECISION, x / y)
    });
    // Near cancellation: y within 2⁻⁴⁰ of −x.
    let close = |s: &mut Stream| {
        let x = s.number(20.0, true);
        let y = Float::with_val(PRECISION, -&x) * (1.0 + (s.uniform() - 0.5) * 2f64.powi(-40));
        (x, y)
    };
    binary(3000, close, Ball::add, |x, y| {
        Float::with_val(PRECISION, x + y)
    });
}

#[test]
fn powers_hold_the_exact_results() {
    use rug::ops::Pow;
    let draw = |s: &mut Stream| s.number(60.0, true);
    for n in [0, 1, 2, 3, 7, -1, -2, -5] {
        unary(
            1000,
            draw,
            |x| x.powi(n),
            |x| Float::with_val(PRECISION, x.pow(n)),
            -93,
        );
    }
    let positive = |s: &mut Stream| s.number(10.0, false);
    let exponent = Ball::exact(-2.5);
    unary(
        1000,
        positive,
        |x| x.pow(&exponent),
        |x| Float::with_val(PRECISION, x.pow(-2.5)),
        -80,
    );
}

#[test]
fn exponentials_hold_the_exact_results() {
    let wide = |s: &mut Stream| {
        Float::with_val(PRECISION, (2.0 * s.uniform() - 1.0) * 590.0) + s.uniform() * 1e-20
    };
    unary(
        5000,
        wide,
        Ball::exp,
        |x| Float::with_val(PRECISION, x.exp_ref()),
        -88,
    );
    let small = |s: &mut Stream| {
        s.number(40.0, true)
            .min(&Float::with_val(PRECISION, 0.3))
            .max(&Float::with_val(PRECISION, -0.3))
    };
    unary(
        5000,
        small,
        Ball::exp_minus_one,
        |x| Float::with_val(PRECISION, x.exp_m1_ref()),
        -88,
    );
    unary(
        2000,
        small,
        Ball::exp,
        |x| Float::with_val(PRECISION, x.exp_ref()),
        -88,
    );
}

#[test]
fn logarithms_hold_the_exact_results() {
    let wide = |s: &mut Stream| s.number(850.0, false);
    unary(
        5000,
        wide,
        Ball::log,
        |x| Float::with_val(PRECISION, x.ln_ref()),
        -86,
    );
    // Near 1, where the logarithm is near 0: its error is absolute.
    let near_one =
        |s: &mut Stream| Float::with_val(PRECISION, 1) + s.number(30.0, true) * 2f64.powi(-31);
    unary(
        5000,
        near_one,
        Ball::log,
        |x| Float::with_val(PRECISION, x.ln_ref()),
        -88,
    );
}

#[test]
fn the_ball_of_an_interval_holds_it_and_converts_back_outwards() {
    let mut stream = Stream(5);
    for _ in 0..2000 {
        let x = stream.number(800.0, true);
        let (ball, points) = stream.ball(&x);
        for precision in [24, 52, 92, 300] {
            let interval = ball.to_interval(precision).unwrap();
            for point in &points {
                assert!(interval.lower <= *point && *point <= interval.upper);
            }
        }
    }
}

#[test]
fn out_of_range_values_give_up_rather_than_lose_digits() {
    assert_eq!(Ball::exact(1000.0).exp(), Err(OutOfReach));
    assert_eq!(Ball::exact(0.0).log(), Err(OutOfReach));
    assert_eq!(Ball::exact(-1.0).log(), Err(OutOfReach));
    assert_eq!(
        Ball::exact(1.0).div(&Ball::around_zero(1e-3)),
        Err(OutOfReach)
    );
    // A product below f64's range is refused, or a ball around 0 that holds it.
    let tiny = Ball::exact(1e-200);
    let product = tiny.mul(&tiny);
    assert!(product.map_or(true, |ball| ball.estimate() == 0.0 && ball.radius() > 0.0));
    let small = Ball::exact(1e-280);
    assert_eq!(small.mul(&Ball::exact(3.0)), Err(OutOfReach));
    assert!(!Ball::around_zero(1e-3).abs().unwrap().is_positive());
}
