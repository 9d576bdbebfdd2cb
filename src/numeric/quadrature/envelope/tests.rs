use super::*;
use crate::exact::{integer, ratio};

fn normal_upper() -> Envelope {
    // log φ(y) = −y²/2 − log √(2π) ≤ −y²/2 − 0.9189.
    Envelope::constant(ratio(-9189, 10_000)).with(Basis::Power(integer(2)), ratio(-1, 2))
}

#[test]
fn gaussian_tail_bound_is_above_the_true_tail_and_close() {
    // ∫_5^∞ φ = 2.8665e−7; the bound e^{E(5)}·5/κ with κ = 5²/2 − 1 (sup y E′ = −y² halved… at 5).
    let bound = tail_integral(&normal_upper(), &integer(5))
        .unwrap()
        .to_f64();
    assert!(bound > 2.8665e-7 && bound < 2e-6, "{bound}");
}

#[test]
fn power_tail_bound_is_the_exact_integral() {
    // e^{−2 log y}: ∫_10^∞ y⁻² dy = 1/10, and the bound is e^{E(10)}·10/(2 − 1) = 0.1.
    let cauchy_like = Envelope::constant(integer(0)).with(Basis::Log, integer(-2));
    let bound = tail_integral(&cauchy_like, &integer(10)).unwrap().to_f64();
    assert!((bound - 0.1).abs() < 1e-15);
    // y⁻¹ is not integrable: no bound, and a lower envelope y⁻¹ diverges.
    let harmonic = Envelope::constant(integer(0)).with(Basis::Log, integer(-1));
    assert!(tail_integral(&harmonic, &integer(10)).is_none());
    assert!(diverges(&harmonic));
    assert!(!diverges(&cauchy_like));
}

#[test]
fn positive_lower_order_terms_need_a_larger_cut() {
    // −y²/2 + 10 y: not dominated at y = 5, dominated at y = 80.
    let shifted = normal_upper().with(Basis::Power(integer(1)), integer(10));
    assert!(tail_integral(&shifted, &integer(5)).is_none());
    // e^{E(80)} = e^{−3200 + 800 − 0.92}: far below f64, so compare logarithms.
    let bound = tail_integral(&shifted, &integer(80)).unwrap();
    let log10 = bound.log10().to_f64();
    assert!((-1045.0..-1040.0).contains(&log10), "{log10}");
}

#[test]
fn maximum_of_a_normal_and_a_power_law_is_the_power_law() {
    let power = Envelope::constant(integer(1)).with(Basis::Log, integer(-3));
    // At y = 2 the excess −y²/2 + 3 log y is not yet known to decrease; at y = 3 it is, and it is negative,
    // so the constant is unchanged.
    assert!(maximum(&normal_upper(), &power, &integer(2)).is_none());
    let max = maximum(&normal_upper(), &power, &integer(3)).unwrap();
    assert_eq!(max.leading(), Some((&Basis::Log, &integer(-3))));
    assert_eq!(max.constant, integer(1));
}

#[test]
fn magnitude_and_growth() {
    // |l| for l between −y²/2 − 1 and −y²/2 + 1: log |l| ≤ log(2 + 1/2 + 1/2) + 2 log y.
    let upper = Envelope::constant(integer(1)).with(Basis::Power(integer(2)), ratio(-1, 2));
    let lower = Envelope::constant(integer(-1)).with(Basis::Power(integer(2)), ratio(-1, 2));
    let magnitude = log_magnitude(&upper, &lower).unwrap();
    assert_eq!(magnitude.terms.get(&Basis::Log), Some(&integer(2)));
    assert!((approximate(&magnitude.constant) - 3f64.ln()).abs() < 1e-12);
    // D = y²/2 − 2 log y − 3 ≥ y²/4 from y = 6 on (not yet at 4): log D ≥ log(1/4) + 2 log y.
    let growing = Envelope::constant(integer(-3))
        .with(Basis::Power(integer(2)), ratio(1, 2))
        .with(Basis::Log, integer(-2));
    let log = log_of_growing(&growing, &integer(6)).unwrap();
    assert_eq!(log.terms.get(&Basis::Log), Some(&integer(2)));
    assert!((approximate(&log.constant) - 0.25f64.ln()).abs() < 1e-12);
    assert!(log_of_growing(&growing, &integer(4)).is_none());
}

#[test]
fn squared_logarithm_tail_bound_is_above_the_true_tail_and_close() {
    // e^{−(log y)²/2}: ∫_20^∞ = 0.0949765… (mpmath); the bound e^{E(20)}·20/(log 20 − 1) = 0.11276…, since
    // y E′ = −log y, read off at 20. A positive (log y)² term grows: no bound, and a lower envelope diverges.
    let log_normal = Envelope::constant(integer(0)).with(Basis::LogSquared, ratio(-1, 2));
    let bound = tail_integral(&log_normal, &integer(20)).unwrap().to_f64();
    assert!(bound > 0.0949765147 && bound < 0.11277, "{bound}");
    // Below e the slope −log y + 1 is not negative.
    assert!(tail_integral(&log_normal, &integer(2)).is_none());
    let growing = Envelope::constant(integer(0)).with(Basis::LogSquared, ratio(1, 100));
    assert!(tail_integral(&growing, &integer(20)).is_none());
    assert!(diverges(&growing));
    assert!(!diverges(&log_normal));
    // A positive log y term beside it: −(log y)²/2 + 3 log y is dominated once log y ≥ 6 (half the lead).
    let shifted = log_normal.with(Basis::Log, integer(3));
    assert!(tail_integral(&shifted, &integer(20)).is_none());
    assert!(tail_integral(&shifted, &integer(1000)).is_some());
}

#[test]
fn the_float_estimate_follows_the_certified_tail_bound() {
    // The estimate takes the whole slope where the bound may take half: within a few times of each other.
    let cases = [
        (normal_upper(), integer(5)),
        (
            Envelope::constant(integer(0)).with(Basis::Log, integer(-2)),
            integer(10),
        ),
        (
            Envelope::constant(integer(0)).with(Basis::LogSquared, ratio(-1, 2)),
            integer(20),
        ),
        (
            normal_upper().with(Basis::Power(integer(1)), integer(10)),
            integer(80),
        ),
        (
            Envelope::constant(integer(1))
                .with(Basis::Log, integer(2))
                .with(Basis::Exponential(ratio(1, 2)), integer(-1)),
            integer(12),
        ),
    ];
    for (envelope, y) in cases {
        let certified = tail_integral(&envelope, &y).unwrap().to_f64();
        let estimate = tail_integral_estimate(&envelope, &y);
        assert!(
            estimate <= certified * 1.000001 && estimate >= certified / 4.0,
            "{envelope:?} at {y}: estimate {estimate}, bound {certified}"
        );
    }
    // Where the slope does not decay, the estimate is infinite.
    let harmonic = Envelope::constant(integer(0)).with(Basis::Log, integer(-1));
    assert_eq!(
        tail_integral_estimate(&harmonic, &integer(10)),
        f64::INFINITY
    );
}
