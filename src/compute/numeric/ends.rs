//! Envelopes of log-densities towards a singular end of their support, in y = 1/(distance to the end).
//!
//! An end is singular when the log-density is not analytic across it (a term in log x, a pole, x^k with k not
//! an integer): the integrand then needs the exponential map and a certified cut there. At a regular end
//! (the exponential at 0, a uniform's ends) the formula continues analytically and plain segments suffice.

use num_traits::One;

use super::tails::{log_normal, Bounds};
use crate::exact::Rational;
use crate::family::{Family, FamilyKind};
use crate::numeric::functions;
use crate::numeric::interval::Interval;
use crate::numeric::quadrature::envelope::{lower_of, upper_of, Basis, Envelope};

const PRECISION: u32 = 64;

fn value(family: &Family, index: usize) -> Option<Interval> {
    crate::numeric::enclose(family.scalar(index), PRECISION, &crate::interrupt::Never).ok()
}

fn is(family: &Family, index: usize, n: i64) -> bool {
    family.scalar(index).as_rational() == Some(&crate::exact::integer(n))
}

fn int(n: i64) -> Interval {
    Interval::point(rug::Float::with_val(PRECISION, n))
}

/// Whether the family's log-density is singular at its lower (`upper_end = false`) or upper support end.
pub fn is_singular(family: &Family, upper_end: bool) -> bool {
    use FamilyKind::*;
    match (family.kind, upper_end) {
        (Gamma, false) => !is(family, 0, 1),
        (ChiSquared, false) => !is(family, 0, 2),
        (Weibull, false) => !is(family, 0, 1),
        (Chi, false) => !is(family, 0, 1),
        (InverseGamma | LogNormal | Rayleigh, false) => true,
        (Beta | Kumaraswamy, false) => !is(family, 0, 1),
        (Beta | Kumaraswamy, true) => !is(family, 1, 1),
        (LogitNormal, _) => true,
        _ => false,
    }
}

/// c + k·log y + a bounded remainder, as a pair of envelopes.
fn log_power(constant: &Interval, k: &Interval, remainder: &Interval) -> Option<Bounds> {
    let total = constant.add(remainder).ok()?;
    Some(Bounds {
        upper: Envelope::constant(upper_of(&total)?).with(Basis::Log, upper_of(k)?),
        lower: Envelope::constant(lower_of(&total)?).with(Basis::Log, lower_of(k)?),
    })
}

/// The hull of two intervals.
fn between(a: &Interval, b: &Interval) -> Interval {
    a.hull(b)
}

/// Envelopes of the log-density near a singular end, for y = 1/distance ≥ `start` (≥ 2).
pub fn singular(family: &Family, upper_end: bool, start: &Rational) -> Option<Bounds> {
    use FamilyKind::*;
    if *start < Rational::from_integer(2.into()) || !is_singular(family, upper_end) {
        return None;
    }
    let y = Interval::from_rational(start, PRECISION).ok()?;
    let t = int(1).div(&y).ok()?;
    let zero = int(0);
    let log = |x: &Interval| functions::log(x).ok();
    // log(1 − t) over distances t ∈ (0, 1/Y]: between log(1 − 1/Y) and 0.
    let log_complement = between(&log(&int(1).sub(&t).ok()?)?, &zero);
    match family.kind {
        Gamma | ChiSquared => {
            let (shape, rate) = if family.kind == ChiSquared {
                (
                    value(family, 0)?.div(&int(2)).ok()?,
                    int(1).div(&int(2)).ok()?,
                )
            } else {
                (value(family, 0)?, value(family, 1)?)
            };
            // α log β − log Γ(α) − (α − 1) log y − β/y.
            let constant = shape
                .mul(&log(&rate)?)
                .ok()?
                .sub(&functions::lgamma(&shape).ok()?)
                .ok()?;
            let remainder = between(&zero, &rate.mul(&t).ok()?.neg());
            log_power(&constant, &int(1).sub(&shape).ok()?, &remainder)
        }
        Weibull => {
            let (k, scale) = (value(family, 0)?, value(family, 1)?);
            // log k − k log λ − (k − 1) log y − (1/(λ y))^k.
            let constant = log(&k)?.sub(&k.mul(&log(&scale)?).ok()?).ok()?;
            let power = crate::numeric::power::pow(&t.div(&scale).ok()?, &k).ok()?;
            log_power(
                &constant,
                &int(1).sub(&k).ok()?,
                &between(&zero, &power.neg()),
            )
        }
        Chi | Rayleigh => {
            // Chi: −(k − 1) log y − t²/2 − (k/2 − 1) log 2 − log Γ(k/2); Rayleigh: −log y − t²/(2σ²) − 2 log σ.
            let square = t.mul(&t).ok()?;
            if family.kind == Chi {
                let k = value(family, 0)?;
                let half = k.div(&int(2)).ok()?;
                let constant = half
                    .sub(&int(1))
                    .ok()?
                    .mul(&log(&int(2))?)
                    .ok()?
                    .add(&functions::lgamma(&half).ok()?)
                    .ok()?
                    .neg();
                let remainder = between(&zero, &square.div(&int(2)).ok()?.neg());
                log_power(&constant, &int(1).sub(&k).ok()?, &remainder)
            } else {
                let sigma = value(family, 0)?;
                let variance = sigma.mul(&sigma).ok()?;
                let remainder =
                    between(&zero, &square.div(&int(2).mul(&variance).ok()?).ok()?.neg());
                log_power(&log(&variance)?.neg(), &int(-1), &remainder)
            }
        }
        InverseGamma => {
            // α log β − log Γ(α) + (α + 1) log y − β y: exact.
            let (shape, scale) = (value(family, 0)?, value(family, 1)?);
            let constant = shape
                .mul(&log(&scale)?)
                .ok()?
                .sub(&functions::lgamma(&shape).ok()?)
                .ok()?;
            let k = shape.add(&int(1)).ok()?;
            let rate = scale.neg();
            Some(Bounds {
                upper: Envelope::constant(upper_of(&constant)?)
                    .with(Basis::Log, upper_of(&k)?)
                    .with(Basis::Power(Rational::one()), upper_of(&rate)?),
                lower: Envelope::constant(lower_of(&constant)?)
                    .with(Basis::Log, lower_of(&k)?)
                    .with(Basis::Power(Rational::one()), lower_of(&rate)?),
            })
        }
        LogNormal => {
            // x = 1/y: log x = −log y, so the kernel is −(log y + μ)²/(2v) + log y.
            let (mu, variance) = (value(family, 0)?, value(family, 1)?);
            log_normal(&mu.neg(), &variance, &int(1), &y)
        }
        Beta => {
            let (a, b) = (value(family, 0)?, value(family, 1)?);
            let log_beta = functions::lgamma(&a)
                .ok()?
                .add(&functions::lgamma(&b).ok()?)
                .ok()?
                .sub(&functions::lgamma(&a.add(&b).ok()?).ok()?)
                .ok()?;
            // At 0: −(a − 1) log y + (b − 1) log(1 − t) − log B; at 1 the roles of a and b swap.
            let (near, far) = if upper_end { (b, a) } else { (a, b) };
            let remainder = far.sub(&int(1)).ok()?.mul(&log_complement).ok()?;
            log_power(&log_beta.neg(), &int(1).sub(&near).ok()?, &remainder)
        }
        Kumaraswamy => {
            let (a, b) = (value(family, 0)?, value(family, 1)?);
            let base = log(&a)?.add(&log(&b)?).ok()?;
            let a_minus_one = a.sub(&int(1)).ok()?;
            let b_minus_one = b.sub(&int(1)).ok()?;
            if upper_end {
                // x = 1 − t: (a − 1) log(1 − t) + (b − 1) log(1 − (1 − t)^a), and
                // 1 − (1 − t)^a = a t (1 − ξ)^{a−1} for some ξ ∈ (0, t).
                let inner = log(&a)?.add(&a_minus_one.mul(&log_complement).ok()?).ok()?;
                let remainder = a_minus_one
                    .mul(&log_complement)
                    .ok()?
                    .add(&b_minus_one.mul(&inner).ok()?)
                    .ok()?;
                log_power(&base, &b_minus_one.neg(), &remainder)
            } else {
                // x = t: (a − 1) log t + (b − 1) log(1 − t^a), t^a ≤ Y^{−a}.
                let power = crate::numeric::power::pow(&t, &a).ok()?;
                let log_power_complement = between(&log(&int(1).sub(&power).ok()?)?, &zero);
                let remainder = b_minus_one.mul(&log_power_complement).ok()?;
                log_power(&base, &a_minus_one.neg(), &remainder)
            }
        }
        LogitNormal => logit_normal(family, upper_end, &y, &log_complement),
        _ => None,
    }
}

/// The logit-normal at 0 in y = 1/x: logit x = −log y + δ with δ = −log(1 − t) ∈ [0, δ_Y], and
/// log p = −(log y + μ − δ)²/(2v) + log y + δ − log √(2πv); at 1 the same with μ → −μ.
fn logit_normal(
    family: &Family,
    upper_end: bool,
    y: &Interval,
    log_complement: &Interval,
) -> Option<Bounds> {
    let (mu, variance) = (value(family, 0)?, value(family, 1)?);
    let mu = if upper_end { mu.neg() } else { mu };
    let delta = log_complement.neg();
    if y.lower < 1 {
        return None;
    }
    let two_variance = int(2).mul(&variance).ok()?;
    let normaliser = functions::log(
        &int(2)
            .mul(&Interval::pi(PRECISION))
            .ok()?
            .mul(&variance)
            .ok()?,
    )
    .ok()?
    .div(&int(2))
    .ok()?;
    // With s = μ − δ ∈ [μ − δ_Y, μ]: −(log y)²/(2v) + (1 − s/v) log y − s²/(2v) + δ − log √(2πv), each
    // coefficient enclosed over δ ∈ [0, δ_Y] (every basis is ≥ 0 for y ≥ 1).
    let shifted = mu.sub(&delta).ok()?;
    let squared = int(-1).div(&two_variance).ok()?;
    // From Y = 4 on, δ log y = −log(1 − 1/y)·log y decreases, so the part (δ/v) log y of the log term is at
    // most δ_Y log Y/v beyond the cut: a constant. Kept in the log coefficient instead, it left an excess
    // δ_Y/v there, and against a log-normal of the same μ and v (equal log y terms) the envelopes' difference
    // grew as log y at every cut (sweep seed 160: "cannot bound p/q towards an end").
    let (linear, cross) = if y.lower >= 4 {
        let most = delta
            .mul(&functions::log(y).ok()?)
            .ok()?
            .div(&variance)
            .ok()?;
        let cross = Interval::new(rug::Float::new(PRECISION), most.upper).ok()?;
        (int(1).sub(&mu.div(&variance).ok()?).ok()?, cross)
    } else {
        (int(1).sub(&shifted.div(&variance).ok()?).ok()?, int(0))
    };
    let constant = shifted
        .mul(&shifted)
        .ok()?
        .div(&two_variance)
        .ok()?
        .neg()
        .add(&delta)
        .ok()?
        .add(&cross)
        .ok()?
        .sub(&normaliser)
        .ok()?;
    Some(Bounds {
        upper: Envelope::constant(upper_of(&constant)?)
            .with(Basis::LogSquared, upper_of(&squared)?)
            .with(Basis::Log, upper_of(&linear)?),
        lower: Envelope::constant(lower_of(&constant)?)
            .with(Basis::LogSquared, lower_of(&squared)?)
            .with(Basis::Log, lower_of(&linear)?),
    })
}
