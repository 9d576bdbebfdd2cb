//! Mixtures near finite ends of their components' supports. References: mpmath at 60 digits (the TV
//! integral split at the crossing p = q; each supremum as a limit at the end or a root of the derivative).

use super::tests::{assert_value, int, mixture, ratio, single};
use crate::divergence::DivergenceKind::TotalVariation;
use crate::family::FamilyKind;

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
