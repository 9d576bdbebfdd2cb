//! Certified values against reference digits, the Ziv loop's failure modes, formatting and comparison.

use proptest::prelude::*;

use super::*;
use crate::exact::ratio;
use crate::sym::{self, digamma, erf, expint, lgamma, log, pi, sqrt, trigamma, Function};

fn number(n: i64, d: i64) -> Expr {
    Expr::ratio(n, d)
}

#[track_caller]
fn digits_of(expr: &Expr, digits: usize) -> String {
    certify(expr, digits, Budget::default(), &Never)
        .unwrap()
        .decimal
}

fn log_two_minus_three_eighths() -> Expr {
    log(Expr::int(2)) - number(3, 8)
}

/// `Expr::Apply(Exp, [0])`: exactly 1, but not a literal rational (the constructors fold `e^0`).
fn exact_one() -> Expr {
    Expr::Apply(Function::Exp, vec![Expr::int(0)])
}

#[test]
fn kl_of_two_normals_to_fifty_digits() {
    assert_eq!(
        digits_of(&log_two_minus_three_eighths(), 50),
        "0.31814718055994530941723212145817656807550013436026"
    );
    assert_eq!(
        digits_of(&(number(3, 2) - log(Expr::int(2))), 50),
        "0.80685281944005469058276787854182343192449986563974"
    );
    let twenty = certify(
        &log_two_minus_three_eighths(),
        20,
        Budget::default(),
        &Never,
    )
    .unwrap();
    assert_eq!(twenty.decimal, "0.31814718055994530942");
    // printed − true = 2.76…e-21.
    assert_eq!(twenty.error_bound.as_deref(), Some("3e-21"));
}

#[test]
fn special_functions_at_fifty_digits() {
    assert_eq!(
        digits_of(&lgamma(number(1, 2)), 50),
        digits_of(&log(sqrt(pi())), 50)
    );
    assert_eq!(
        digits_of(&digamma(Expr::int(1)), 50),
        digits_of(&(-sym::euler_gamma()), 50)
    );
    assert_eq!(
        digits_of(&erf(number(1, 2)), 50),
        "0.52049987781304653768274665389196452873645157575796"
    );
    assert_eq!(
        digits_of(&expint(Expr::int(1)), 20),
        "0.21938393439552027368"
    );
}

#[test]
fn bessel_through_the_expression_tree() {
    let i0 = Expr::Apply(Function::BesselI, vec![Expr::int(0), Expr::int(1)]);
    assert_eq!(digits_of(&i0, 30), "1.26606587775200833559824462521");
    let wrong = Expr::Apply(Function::BesselI, vec![Expr::int(1)]);
    assert!(matches!(
        certify(&wrong, 5, Budget::default(), &Never),
        Err(EvalError::Arguments(_))
    ));
}

#[test]
fn trigamma_of_one_at_a_hundred_digits() {
    let pi_squared_over_six = pi().powi(2) / 6;
    let expected = digits_of(&pi_squared_over_six, 100);
    assert!(
        expected.starts_with("1.64493406684822643647241516664602518921894990120679843773555822937")
    );
    assert_eq!(digits_of(&trigamma(Expr::int(1)), 100), expected);
}

#[test]
fn cancellation_needs_more_precision_and_gets_it() {
    let tiny = Expr::number(crate::exact::checked_power(&ratio(1, 10), &30.into()).unwrap());
    let expr = log(Expr::int(1) + tiny.clone()) - tiny;
    assert_eq!(digits_of(&expr, 20), "-5.0000000000000000000e-61");
}

#[test]
fn an_exact_zero_in_disguise_fails_quickly_with_a_bound() {
    let expr = log(Expr::int(4)) - 2 * log(Expr::int(2));
    let started = std::time::Instant::now();
    let error = certify(
        &expr,
        20,
        Budget {
            max_precision: 4096,
        },
        &Never,
    )
    .unwrap_err();
    assert!(started.elapsed().as_secs() < 2);
    let EvalError::Budget(message) = error else {
        panic!("expected a budget error, got {error:?}")
    };
    assert!(message
        .starts_with("could not certify 20 digits within 4096 bits of precision; |value| < 1e-12"));
}

#[test]
fn a_division_by_a_disguised_zero_reports_the_reason() {
    let expr = Expr::int(1) / (log(Expr::int(4)) - 2 * log(Expr::int(2)));
    let error = certify(&expr, 10, Budget { max_precision: 512 }, &Never).unwrap_err();
    assert_eq!(
        error,
        EvalError::Budget(
            "could not certify 10 digits within 512 bits of precision: a divisor is too close to zero to tell its sign"
                .into()
        )
    );
    let exact_zero = Expr::int(1) / (exact_one() - Expr::int(1));
    let error = certify(&exact_zero, 10, Budget::default(), &Never).unwrap_err();
    assert_eq!(error, EvalError::Domain("division by zero".into()));
    let error = certify(&log(-exact_one()), 10, Budget::default(), &Never).unwrap_err();
    assert_eq!(
        error,
        EvalError::Domain("log of a non-positive number".into())
    );
}

#[test]
fn a_small_budget_reports_the_certain_digits() {
    let error = certify(
        &log_two_minus_three_eighths(),
        50,
        Budget { max_precision: 100 },
        &Never,
    )
    .unwrap_err();
    assert_eq!(
        error,
        EvalError::Budget(
            "could not certify 50 digits within 100 bits of precision (that is about 30 digits)"
                .into()
        )
    );
    // Cancellation loses 200 bits: at 256 bits only about 16 digits of −4.99…e-61 are left.
    let tiny = Expr::number(crate::exact::checked_power(&ratio(1, 10), &30.into()).unwrap());
    let expr = log(Expr::int(1) + tiny.clone()) - tiny;
    let error = certify(&expr, 20, Budget { max_precision: 256 }, &Never).unwrap_err();
    let EvalError::Budget(message) = error else {
        panic!("expected a budget error")
    };
    assert_eq!(
        message,
        "could not certify 20 digits within 256 bits of precision; 16 digits are certain: -5.000000000000000…e-61"
    );
}

#[test]
fn ten_thousand_digits_of_pi() {
    let value = digits_of(&pi(), 10_000);
    assert_eq!(value.len(), 10_001);
    assert!(value.starts_with("3.14159265358979323846264338327950288419716939937510"));
    // The same digits through another route: π = 4·atan(1).
    let route = Expr::int(4) * Expr::Apply(Function::Atan, vec![Expr::int(1)]);
    assert_eq!(digits_of(&route, 10_000), value);
}

#[test]
fn exact_rationals_are_formatted_by_exact_rounding() {
    assert_eq!(digits_of(&number(1, 3), 20), "0.33333333333333333333");
    assert_eq!(digits_of(&Expr::int(0), 20), "0");
    assert_eq!(digits_of(&number(15, 8), 20), "1.8750000000000000000");
    assert_eq!(digits_of(&number(-5, 2), 20), "-2.5000000000000000000");
    let big = Expr::number(crate::exact::checked_power(&ratio(10, 1), &30.into()).unwrap());
    assert_eq!(digits_of(&big, 20), "1.0000000000000000000e30");
    let exact = certify(&number(1, 3), 5, Budget::default(), &Never).unwrap();
    assert_eq!(
        exact,
        Certified {
            decimal: "0.33333".into(),
            error_bound: None
        }
    );
}

#[test]
fn computed_values_in_fixed_and_scientific_notation() {
    let near_fifty_million = Expr::int(49_999_999) + number(5, 1_000_000_000) * exact_one();
    assert_eq!(digits_of(&near_fifty_million, 20), "49999999.000000005000");
    assert_eq!(digits_of(&(-100 * pi()), 20), "-314.15926535897932385");
    assert_eq!(digits_of(&(pi() / 100_000), 5), "0.000031416");
    assert_eq!(digits_of(&(pi() / 1_000_000), 5), "3.1416e-6");
    let large =
        pi() * Expr::number(crate::exact::checked_power(&ratio(10, 1), &20.into()).unwrap());
    assert_eq!(digits_of(&large, 5), "314160000000000000000");
    assert_eq!(digits_of(&(large * 10), 5), "3.1416e21");
    let exact = certify(&(exact_one() * 3), 4, Budget::default(), &Never).unwrap();
    assert_eq!(
        exact,
        Certified {
            decimal: "3.000".into(),
            error_bound: None
        }
    );
    assert_eq!(digits_of(&(exact_one() - Expr::int(1)), 4), "0");
}

#[test]
fn free_symbols_and_infinity_are_errors() {
    let x = Expr::symbol("x", sym::Domain::Real);
    assert!(matches!(
        certify(&log(x), 20, Budget::default(), &Never),
        Err(EvalError::Type(_))
    ));
    assert!(matches!(
        enclose(&Expr::Infinity, 64, &Never),
        Err(EvalError::Type(_))
    ));
}

#[test]
fn interruption_stops_the_loop() {
    struct Always;
    impl Interrupt for Always {
        fn should_interrupt(&self) -> bool {
            true
        }
    }
    assert_eq!(
        certify(&pi(), 20, Budget::default(), &Always),
        Err(EvalError::Interrupted)
    );
}

#[test]
fn overflow_is_a_clear_error() {
    let huge = sym::exp(sym::exp(Expr::int(100)));
    assert!(matches!(
        certify(&huge, 20, Budget::default(), &Never),
        Err(EvalError::TooLarge(_))
    ));
}

#[test]
fn comparisons() {
    assert_eq!(compare(&number(1, 3), &number(1, 2)), Some(Ordering::Less));
    assert_eq!(
        compare(&log(Expr::int(3)), &Expr::int(1)),
        Some(Ordering::Greater)
    );
    assert_eq!(compare(&pi(), &number(22, 7)), Some(Ordering::Less));
    assert_eq!(compare(&exact_one(), &Expr::int(1)), Some(Ordering::Equal));
    assert_eq!(compare(&log(Expr::int(4)), &(2 * log(Expr::int(2)))), None);
    assert_eq!(
        compare(&Expr::symbol("x", sym::Domain::Positive), &Expr::int(0)),
        None
    );
    assert_eq!(compare(&Expr::Infinity, &pi()), Some(Ordering::Greater));
    assert_eq!(compare(&log(Expr::int(0)), &Expr::int(0)), None);
}

/// Encloses `expr` at `low` bits and checks it against a 2000-bit enclosure of the same value.
fn consistent(expr: &Expr, low: u32) -> Result<(), TestCaseError> {
    let coarse = match evaluate(expr, low, &Never) {
        Ok(interval) => interval,
        Err(Failure::Imprecise(_)) => return Ok(()),
        Err(Failure::Fatal(error)) => return Err(TestCaseError::fail(format!("{error}"))),
    };
    let fine = evaluate(expr, 2000, &Never).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    prop_assert!(
        coarse.lower <= fine.upper && fine.lower <= coarse.upper,
        "{coarse:?} vs {fine:?}"
    );
    prop_assert!(
        coarse.contains(&fine.midpoint()),
        "{coarse:?} misses {}",
        fine.midpoint()
    );
    Ok(())
}

fn small_rational() -> impl Strategy<Value = Expr> {
    (-1000i64..1000, 1i64..1000).prop_map(|(n, d)| number(n, d))
}

proptest! {
    #[test]
    fn exact_operations_contain_the_exact_rational(a in -1000i64..1000, b in 1i64..1000, c in -1000i64..1000, d in 1i64..1000) {
        let x = Interval::from_rational(&ratio(a, b), 20).unwrap();
        let y = Interval::from_rational(&ratio(c, d), 20).unwrap();
        let contains = |interval: &Interval, value: crate::exact::Rational| {
            let exact = interval::to_rug_rational(&value);
            interval.lower <= exact && interval.upper >= exact
        };
        prop_assert!(contains(&x.add(&y).unwrap(), ratio(a, b) + ratio(c, d)));
        prop_assert!(contains(&x.sub(&y).unwrap(), ratio(a, b) - ratio(c, d)));
        prop_assert!(contains(&x.mul(&y).unwrap(), ratio(a, b) * ratio(c, d)));
        if c != 0 {
            prop_assert!(contains(&x.div(&y).unwrap(), ratio(a, b) / ratio(c, d)));
        }
    }

    #[test]
    fn low_precision_enclosures_contain_the_high_precision_value(
        a in small_rational(), b in small_rational(), c in small_rational(), low in 16u32..80
    ) {
        consistent(&log(a.clone().powi(2) + 1), low)?;
        consistent(&(sym::exp(b.clone() / 100) * c.clone()), low)?;
        consistent(&(log(a.clone().powi(2) + 1) * sym::exp(b.clone() / 100) / (c.clone().powi(2) + number(1, 7)) - a), low)?;
        consistent(&(Expr::Apply(Function::Sin, vec![b.clone()]) + Expr::Apply(Function::Cos, vec![c.clone() * 3])), low)?;
        consistent(&lgamma(b.clone().powi(2) + number(1, 10)), low)?;
        consistent(&sym::erfc(c), low)?;
    }
    /// log and exp of a thin interval [a, a + δ] use one evaluation and a linear bound: the result must
    /// still contain the values at both ends (checked at 1000 bits), and be hardly wider than δ·f′.
    #[test]
    fn thin_intervals_are_enclosed_by_one_evaluation(
        n in 1i64..100_000, d in 1i64..1000, ulps in 1u32..64, precision in 24u32..200, negative in any::<bool>()
    ) {
        let a = Float::with_val(precision, n) / d;
        let a = if negative { -a } else { a };
        let mut b = a.clone();
        for _ in 0..ulps {
            b.next_up();
        }
        let x = Interval::new(a.clone(), b.clone()).unwrap();
        let exp = functions::exp(&x).unwrap();
        for end in [&a, &b] {
            let exact = Float::with_val(1000, end.exp_ref());
            prop_assert!(exp.lower <= exact && exact <= exp.upper, "exp {x:?}: {exp:?}");
        }
        let width = Float::with_val(64, &b - &a).to_f64();
        let unit = 2f64.powi(-(precision as i32));
        let relative = (Float::with_val(64, exp.width()) / &exp.lower).to_f64();
        prop_assert!(relative <= 3.0 * width + 8.0 * unit, "exp {x:?}: {exp:?}");
        if !negative {
            let log = functions::log(&x).unwrap();
            for end in [&a, &b] {
                let exact = Float::with_val(1000, end.ln_ref());
                prop_assert!(log.lower <= exact && exact <= log.upper, "log {x:?}: {log:?}");
            }
            let scale = a.to_f64().ln().abs().max(1.0);
            let log_width = Float::with_val(64, log.width()).to_f64();
            prop_assert!(log_width <= 3.0 * width / a.to_f64() + 8.0 * unit * scale, "log {x:?}: {log:?}");
        }
    }
}
