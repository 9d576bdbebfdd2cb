//! Total variation by quadrature: the crossings of p and q, and their signs far out in the tails.

use super::tests::{assert_value, int, ratio, single, t};
use crate::divergence::DivergenceKind::TotalVariation;
use crate::family::FamilyKind;
use crate::sym::Expr;

/// A crossing far from the middle of its monotone bracket: Newton from the middle overshoots, and the
/// search must keep bisecting the bracket (it once gave up and left the whole bracket unresolved, so the
/// value never tightened). Reference: mpmath quad split at the crossing p = q, 40 digits.
#[test]
fn total_variation_with_a_crossing_off_centre() {
    let p = single(FamilyKind::Beta, &[ratio(17, 7), ratio(5, 4)]);
    let q = single(FamilyKind::Beta, &[ratio(7, 4), int(23)]);
    assert_value(
        TotalVariation,
        None,
        &p,
        Some(&q),
        "0.950839464794507283748797004687",
    );
}

/// Logistic and Gumbel of one location and scale both decay as e^{−z}: far out, log p − log q ≈ −e^{−z}
/// lies below any precision beside z, and the crossing search bisected without end (sweep seed 44). The
/// working precision now settles the sign where the coarse one cannot, and a piece whose whole contribution
/// fits its share of the tail's budget is left unresolved with its bound. Reference: mpmath, 60 digits.
#[test]
fn total_variation_where_p_over_q_tends_to_one_in_a_light_tail() {
    let p = single(FamilyKind::Logistic, &[int(-1), int(2)]);
    let q = single(FamilyKind::Gumbel, &[int(-1), int(2)]);
    assert_value(
        TotalVariation,
        None,
        &p,
        Some(&q),
        "0.203632188794536875069646430526",
    );
}

/// p = q exactly at x = 1/4, the end of a piece: the crossing is certified from one side by comparing the
/// nudged point with the piece's end, and that end carries one bit more than the working precision, so the
/// comparison with its rounding always failed; the whole piece was left unresolved, its bound never shrank,
/// and the query ran into the time limit (sweep seed 48). TV = ∫ from 1/4 to 1 of (2 − x^{−1/2}) = 1/2.
#[test]
fn total_variation_with_a_crossing_at_the_end_of_a_piece() {
    let p = single(FamilyKind::Uniform, &[int(0), int(1)]);
    let q = single(FamilyKind::Kumaraswamy, &[ratio(1, 2), int(2)]);
    assert_value(
        TotalVariation,
        None,
        &p,
        Some(&q),
        "0.500000000000000000000000000000",
    );
}

/// Two Student t's a half apart: log p − log q = 2 log(A/B) with A = 1 + x²/3 and B = 1 + (x − ½)²/3, so p/q → 1
/// in both tails and p − q is of relative size 1/x. Over an interval, A/B carried the width of each, the sign
/// could not be told on pieces wide enough to cover the tails, and the crossing search gave up; as
/// 2 log(1 + (A − B)/B), with A − B = (x − ¼)/3 expanded exactly, it is told at once. TV = 2F(¼) − 1 for the
/// t distribution function F.
#[test]
fn total_variation_of_two_shifted_student_ts() {
    let q = single(FamilyKind::StudentT, &[int(3), ratio(1, 2), int(1)]);
    assert_value(
        TotalVariation,
        None,
        &t(3),
        Some(&q),
        "0.181270777571170414129448436127",
    );
}

/// Total variation between logistics of one scale is tanh(|Δμ|/4s). By quadrature: a crossing that falls
/// exactly on a bisection point (−1/2 here) is certified from one side; and for nearly equal
/// distributions the sign of log p − log q comes from the mean value form, where evaluating it over wide
/// intervals could not see a difference of 10⁻³ (the search used to bisect for minutes).
#[test]
fn total_variation_crossings_at_cuts_and_near_equality() {
    let logistic = |location: Expr, scale: Expr| single(FamilyKind::Logistic, &[location, scale]);
    assert_value(
        TotalVariation,
        None,
        &logistic(int(-1), int(2)),
        Some(&logistic(int(0), int(2))),
        "0.124353001771596208054647275806",
    );
    assert_value(
        TotalVariation,
        None,
        &logistic(ratio(1, 2), int(1)),
        Some(&logistic(ratio(501, 1000), int(1))),
        "0.000249999994791666796874996706039",
    );
}
