//! Rényi divergences by quadrature and of order ∞ by maximisation.

use super::tests::{assert_infinite, assert_value, int, mixture, n, ratio, single, t};
use crate::divergence::DivergenceKind::Renyi;
use crate::family::FamilyKind;
use crate::sym::Expr;

/// p³/q² = e^{−x²/6 + 2x^{3/2}}·… peaks near x = 81 at about e³⁶⁴, far out in the tail. The magnitude's float
/// rules disagree there, and the certified calibration started from 1: every segment near the tail's start
/// was asked for an absolute tolerance it could not meet ("could not bound the integrand", sweep seed 98).
/// The calibration now starts from the rough float estimate where that is far above 1. Reference: mpmath,
/// 60 digits.
#[test]
fn renyi_integrand_peaking_far_out_in_a_tail() {
    let p = single(FamilyKind::Rayleigh, &[int(3)]);
    let q = single(FamilyKind::Weibull, &[ratio(3, 2), int(1)]);
    assert_value(
        Renyi,
        Some(int(3)),
        &p,
        Some(&q),
        "183.850851567878903839437192849",
    );
}

/// p³/q² with 3·(−x/3) against −2·(−x/2): the rates cancel exactly, leaving (4/3)(1 + x)^{−2}, so the value
/// is ½ log(4/3). The tail envelopes rounded each rate outwards (no envelope could show convergence), and the
/// integrand took e^{3 log p − 2 log q} with both exponents of order x. Rates of rational parameters now
/// enter the envelopes exactly, and α log p + (1 − α) log q is gathered term by term (sweep seed 125).
#[test]
fn renyi_where_the_rates_cancel_exactly() {
    let p = single(FamilyKind::Exponential, &[ratio(1, 3)]);
    let q = single(FamilyKind::Lindley, &[ratio(1, 2)]);
    assert_value(
        Renyi,
        Some(int(3)),
        &p,
        Some(&q),
        "0.143841036225890463719609502997",
    );
    // The sweep's query: P twice the same exponential, Q with a log-uniform part on [1/8, 1]. Reference:
    // mpmath, the integral split at 1/8, 1/2 and 1, its tail beyond 1 in closed form.
    let p = mixture(&[(ratio(1, 2), p.clone()), (ratio(1, 2), p)]);
    let q = mixture(&[
        (ratio(1, 2), q),
        (
            ratio(1, 2),
            single(FamilyKind::LogUniform, &[ratio(1, 8), int(1)]),
        ),
    ]);
    assert_value(
        Renyi,
        Some(int(3)),
        &p,
        Some(&q),
        "0.600175151396512701652359111220",
    );
}

#[test]
fn renyi_of_order_infinity_by_maximisation() {
    let infinity = Some(Expr::Infinity);
    // An interior maximum at x = ±1 of log p − log q for T(3) against Cauchy.
    let cauchy = single(FamilyKind::Cauchy, &[int(0), int(1)]);
    assert_value(
        Renyi,
        infinity.clone(),
        &t(3),
        Some(&cauchy),
        "0.26162407188227391825840361246743542082",
    );
    // A maximum at the end of the support: U(0, 1) against N(0, 1), ½ + ½ log 2π.
    let uniform = single(FamilyKind::Uniform, &[int(0), int(1)]);
    assert_value(
        Renyi,
        infinity.clone(),
        &uniform,
        Some(&n(int(0), int(1))),
        "1.4189385332046727417803297364056176398614",
    );
    assert_value(
        Renyi,
        infinity.clone(),
        &n(int(0), int(1)),
        Some(&n(int(0), int(2))),
        "0.34657359027997265470861606072908828403775",
    );
    assert_infinite(Renyi, infinity.as_ref(), &cauchy, &n(int(0), int(1)));
}
