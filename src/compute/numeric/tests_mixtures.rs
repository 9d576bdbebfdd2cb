//! Mixtures: near finite ends of their components' supports, with components that share a term, and with
//! components negligible far out in a tail. References: mpmath at 60 digits (the TV integral split at the
//! crossing p = q; each supremum as a limit at the end or a root of the derivative).

use super::tests::{assert_value, int, mixture, n, ratio, single};
use crate::divergence::DivergenceKind::{CrossEntropy, KullbackLeibler, Renyi, TotalVariation};
use crate::family::FamilyKind;
use crate::sym::Expr;

/// A weighted component regular at a finite end (the Rayleigh at x = 1, the Kumaraswamy's end) once had
/// its weight counted twice in its tail envelope: the cut came too soon, and the value was wrong from the
/// sixth digit while its bound claimed 10⁻³¹.
#[test]
fn a_weighted_component_at_a_finite_end_is_not_cut_too_soon() {
    let p = mixture(&[
        (
            ratio(9, 10),
            single(FamilyKind::Kumaraswamy, &[int(2), int(3)]),
        ),
        (ratio(1, 10), single(FamilyKind::Rayleigh, &[int(1)])),
    ]);
    let q = single(FamilyKind::ChiSquared, &[int(5)]);
    assert_value(
        TotalVariation,
        None,
        &p,
        Some(&q),
        "0.902291295331165454767335016233",
    );
}

/// The supremum of p/q near a finite end, against a mixture whose components are comparable there: the
/// mixture's own envelope (the slowest component) is loose by up to log n, so the cut never closed the gap
/// (a range error: "not tight enough for more"); component by component, it does.
#[test]
fn renyi_infinity_near_an_end_bounds_mixtures_component_by_component() {
    let infinity = Some(Expr::Infinity);
    let half = ratio(1, 2);
    // Approached at x = 1⁻, the end of the uniform part: log((9/10 + p_χ²(1)/10) / q(1)).
    let p = mixture(&[
        (ratio(9, 10), single(FamilyKind::Uniform, &[int(0), int(1)])),
        (ratio(1, 10), single(FamilyKind::ChiSquared, &[int(3)])),
    ]);
    let q = mixture(&[
        (half.clone(), single(FamilyKind::Cauchy, &[int(-2), int(3)])),
        (half.clone(), n(half.clone(), int(2))),
    ]);
    assert_value(
        Renyi,
        infinity.clone(),
        &p,
        Some(&q),
        "1.75984762146516118460049505921",
    );
    // An interior maximum at x ≈ 0.00186, next to the logit-normal's end at 0.
    let von_mises = single(FamilyKind::VonMises, &[half.clone(), int(2)]);
    let q = mixture(&[
        (
            ratio(1, 3),
            single(FamilyKind::LogitNormal, &[int(1), int(2)]),
        ),
        (ratio(2, 3), n(half.clone(), int(2))),
    ]);
    assert_value(
        Renyi,
        infinity.clone(),
        &von_mises,
        Some(&q),
        "0.827593201805479961907767366484",
    );
    // Approached at x = 0⁺ against a Lindley and a Cauchy of comparable weight. The envelopes work at 64
    // bits, which leaves 19 digits certain.
    let p = mixture(&[
        (ratio(9, 10), single(FamilyKind::HalfNormal, &[int(1)])),
        (ratio(1, 10), single(FamilyKind::Weibull, &[int(3), int(2)])),
    ]);
    let q = mixture(&[
        (
            half.clone(),
            single(FamilyKind::Lindley, std::slice::from_ref(&half)),
        ),
        (half, single(FamilyKind::Cauchy, &[int(-2), int(3)])),
    ]);
    assert_value(Renyi, infinity, &p, Some(&q), "1.78860015604394474");
}

/// A mixture that contains P itself: p/q = p/(p/3 + 2/3·cb) < 3, with 3 the limit at both singular ends.
/// Each side's envelopes carry their own slack, so the tail bound never met the value at the cut ("cannot
/// bound p/q towards an end"); q ≥ p/3 bounds it everywhere. The Beta's −⅔ log(1 − x) terms must also
/// cancel exactly in log q₁ − log p (only half-integer multiples were gathered, and the branch and bound never
/// ended near x = 1). The value is log 3.
#[test]
fn renyi_infinity_against_a_mixture_that_contains_p() {
    let beta = single(FamilyKind::Beta, &[ratio(1, 2), ratio(1, 3)]);
    let q = mixture(&[
        (ratio(1, 3), beta.clone()),
        (
            ratio(2, 3),
            single(FamilyKind::ContinuousBernoulli, &[ratio(4, 5)]),
        ),
    ]);
    assert_value(
        Renyi,
        Some(Expr::Infinity),
        &beta,
        Some(&q),
        "1.09861228866810969139524523692",
    );
}

/// Towards 0, a logit-normal's log-density is −(log y + μ)²/(2v) + …: its envelopes bounded the square by a
/// tangent above and by (8/e)² y^{1/4} below, and an order above 1 turns that lower bound of Q into growth
/// ("cannot bound the tail"). With (log y)² as a basis the square is exact: p³/q² decays as e^{−(log y)²}.
#[test]
fn renyi_of_order_three_against_a_logit_normal_tail() {
    let q = mixture(&[
        (
            ratio(1, 2),
            single(FamilyKind::Uniform, &[ratio(1, 4), ratio(3, 4)]),
        ),
        (
            ratio(1, 2),
            single(FamilyKind::LogitNormal, &[int(1), int(2)]),
        ),
    ]);
    let p = single(FamilyKind::LogitNormal, &[int(0), int(1)]);
    assert_value(
        Renyi,
        Some(int(3)),
        &p,
        Some(&q),
        "0.594262856118437256666287488443",
    );
}

/// Rayleigh(1) and Chi(3) both decay as e^{−x²/2}: summed as two exponentials, their mixture's density
/// underflowed and, on complex boxes far out, straddled zero, and the quadrature ran into the time limit
/// on ever smaller segments (sweep seed 42). Relative to the Rayleigh the mixture is 1 + c·x. Reference:
/// mpmath at 60 digits (tools/mpmath_crosscheck).
#[test]
fn mixture_components_sharing_a_gaussian_tail_are_summed_relative_to_one() {
    let p = single(FamilyKind::Pareto, &[int(1), int(3)]);
    let q = mixture(&[
        (ratio(9, 10), single(FamilyKind::Rayleigh, &[int(1)])),
        (ratio(1, 10), single(FamilyKind::Chi, &[int(3)])),
    ]);
    assert_value(
        KullbackLeibler,
        None,
        &p,
        Some(&q),
        "0.914149314360279863208486684185",
    );
}

/// Two Chi components share −x²/2 too: the cross-entropy against their mixture took 1,693 segments in the
/// right tail (1.7 s at 15 digits) before the mixture was summed relative to one component. Reference:
/// mpmath at 60 digits.
#[test]
fn cross_entropy_against_a_mixture_of_two_chis() {
    let p = mixture(&[
        (
            ratio(9, 10),
            single(FamilyKind::Exponential, &[ratio(1, 3)]),
        ),
        (
            ratio(1, 10),
            single(FamilyKind::LogUniform, &[ratio(1, 4), ratio(3, 4)]),
        ),
    ]);
    let q = mixture(&[
        (ratio(1, 3), single(FamilyKind::Chi, &[int(5)])),
        (ratio(2, 3), single(FamilyKind::Chi, &[int(3)])),
    ]);
    assert_value(
        CrossEntropy,
        None,
        &p,
        Some(&q),
        "7.20125971194654747555058936031",
    );
}

/// Beyond x = 1 the mixture is P's own log-normal with weight 1/10, so p/q = 10 on a half-line: a plateau,
/// which branch and bound can only close where log p − log q is exactly log 10 over a whole interval. Term
/// by term, the two −(log x)²·2 stayed in the difference, each with its own range, and the bisection ran
/// into the time limit (sweep seed 44); gathered, they cancel.
#[test]
fn renyi_infinity_on_a_plateau_of_p_over_q() {
    let p = single(FamilyKind::LogNormal, &[int(0), ratio(1, 4)]);
    let q = mixture(&[
        (ratio(9, 10), single(FamilyKind::Uniform, &[int(0), int(1)])),
        (ratio(1, 10), p.clone()),
    ]);
    // log 10.
    assert_value(
        Renyi,
        Some(Expr::Infinity),
        &p,
        Some(&q),
        "2.30258509299404568401799145468",
    );
}

/// p/q → 9/10 in both tails, so the sign of p − q is settled there, but the mixture's own envelope
/// (within log 2 of the truth) never showed it; and left of x ≈ −7·10⁸ the Moyal's log-density
/// −e^{−z}/2 leaves MPFR's exponent range, while the Cauchy keeps the tail cut far beyond (sweep seed
/// 63: the crossing search bisected without end). Against Q's Cauchy alone the sign settles, and beyond
/// that point the Moyal, whose own tail mass is negligible, is left out with its bound. Reference: mpmath,
/// 60 digits.
#[test]
fn total_variation_settles_against_one_component_and_drops_a_negligible_one() {
    let cauchy = single(FamilyKind::Cauchy, &[ratio(1, 2), int(1)]);
    let p = mixture(&[
        (ratio(9, 10), cauchy.clone()),
        (
            ratio(1, 10),
            single(FamilyKind::Moyal, &[ratio(1, 2), int(1)]),
        ),
    ]);
    assert_value(
        TotalVariation,
        None,
        &p,
        Some(&cauchy),
        "0.0243947084451504730741817414113",
    );
}

/// sup p/q = 16·e^{−3/2} is approached at x = 1, the end of the Kumaraswamy component. At a low working
/// precision, the value at a cut 2⁻ᵏ from that end stops being computable once k passes the precision
/// (1 − √x rounds to 0); the cut search went on to k = 2¹⁴, and branch and bound then bisected a piece
/// whose every bound was infinite until the time limit (sweep seed 88). The search now stops where the
/// value stops being computable, and a higher precision goes further.
#[test]
fn renyi_infinity_cut_stops_where_the_precision_does() {
    let p = single(FamilyKind::Lindley, &[int(2)]);
    let q = mixture(&[
        (
            ratio(1, 2),
            single(FamilyKind::Kumaraswamy, &[ratio(1, 2), int(2)]),
        ),
        (ratio(1, 2), single(FamilyKind::Lindley, &[ratio(1, 2)])),
    ]);
    // log 16 − 3/2.
    assert_value(
        Renyi,
        Some(Expr::Infinity),
        &p,
        Some(&q),
        "1.27258872223978",
    );
}

/// Left of 0 the Weibull is absent and total variation's integrand is ½p, whose Moyal part decays as
/// e^{−e^{−z}/2}: far out in the Cauchy's tail its e^{−z} turns by many radians across any complex box, and
/// the quadrature ran into the time limit on ever smaller segments (sweep seed 109). Negligible components
/// are now dropped there with their bound, as for the other divergences. Reference: mpmath, 60 digits.
#[test]
fn total_variation_drops_a_negligible_component_where_the_other_density_is_absent() {
    let p = mixture(&[
        (ratio(1, 3), single(FamilyKind::Cauchy, &[int(-2), int(3)])),
        (ratio(2, 3), single(FamilyKind::Moyal, &[int(-1), int(2)])),
    ]);
    let q = single(FamilyKind::Weibull, &[int(3), int(2)]);
    assert_value(
        TotalVariation,
        None,
        &p,
        Some(&q),
        "0.774451597536181995911495742860",
    );
}

/// Near 0 the logit-normal's envelope carried −log(1 − x)/v times log y in its log coefficient, at its
/// largest over the whole tail; against a log-normal of the same μ and v, whose log terms are equal, the
/// envelopes' difference then grew as log y at every cut ("cannot bound p/q towards an end", sweep seed
/// 160). That part is now a constant beyond y = 4, where −log(1 − 1/y)·log y decreases. The supremum, at
/// x = 1/4 (the log-uniform's end), agrees with mpmath's maximum of p/q over a grid and at x = 1/4.
#[test]
fn renyi_infinity_logit_normal_against_a_log_normal_near_zero() {
    let p = mixture(&[
        (
            ratio(1, 2),
            single(FamilyKind::LogitNormal, &[int(1), int(2)]),
        ),
        (
            ratio(1, 2),
            single(FamilyKind::LogUniform, &[ratio(1, 4), ratio(3, 4)]),
        ),
    ]);
    let q = single(FamilyKind::LogNormal, &[int(1), int(2)]);
    assert_value(
        Renyi,
        Some(Expr::Infinity),
        &p,
        Some(&q),
        "2.03066628737830233774900286177",
    );
}
