//! Envelopes of each family's log-density towards an infinite end or a singular support end.
//!
//! The numeric fallback integrates up to a cut and bounds the rest with these: for y ≥ Y (y = x towards +∞,
//! y = −x towards −∞, y = 1/(distance to the end) towards a finite end), lower ≤ log p ≤ upper. Each entry
//! is the family's log-density with its lower-order parts bounded over y ≥ Y: log(1 + 1/z²) ∈ [0, 1/z_Y²],
//! log(1 − μ/y) between its value at Y and 0, e^{−z} ∈ [0, e^{−z_Y}]; a log-normal's −(log y − m)²/(2v) is
//! expanded exactly in the bases (log y)² and log y. `None` means no envelope (not a family with such an
//! end, an irrational shape, or Y too small for the bounds above to hold).

use num_traits::{One, Signed, Zero};

use crate::exact::Rational;
use crate::family::{Family, FamilyKind};
use crate::numeric::functions;
use crate::numeric::interval::Interval;
use crate::numeric::quadrature::envelope::{lower_of, upper_of, Basis, Envelope};

const PRECISION: u32 = 64;

/// Lower and upper envelopes of a log-density on a tail.
#[derive(Clone, Debug, PartialEq)]
pub struct Bounds {
    /// log p ≤ upper.
    pub upper: Envelope,
    /// log p ≥ lower.
    pub lower: Envelope,
}

/// Assembles both envelopes from enclosed coefficients: the upper one takes upper ends (every basis is ≥ 0
/// for y ≥ 1), the lower one lower ends.
struct Pair {
    upper: Envelope,
    lower: Envelope,
}

impl Pair {
    fn new() -> Pair {
        Pair {
            upper: Envelope::constant(Rational::zero()),
            lower: Envelope::constant(Rational::zero()),
        }
    }

    fn constant(mut self, value: &Interval) -> Option<Pair> {
        self.upper.constant += upper_of(value)?;
        self.lower.constant += lower_of(value)?;
        Some(self)
    }

    fn term(self, basis: Basis, coefficient: &Interval) -> Option<Pair> {
        Some(Pair {
            upper: self.upper.with(basis.clone(), upper_of(coefficient)?),
            lower: self.lower.with(basis, lower_of(coefficient)?),
        })
    }

    /// A term with an exact coefficient in both envelopes: where the leading rates of two densities cancel
    /// (Rényi of order 3 between Laplace(·, 3) and Logistic(·, 2): 3·(−1/3) − 2·(−1/2) = 0), an outward
    /// rounding of each leaves ±2⁻⁶⁵ y, and neither convergence nor divergence could be shown.
    fn exact(self, basis: Basis, coefficient: Rational) -> Pair {
        Pair {
            upper: self.upper.with(basis.clone(), coefficient.clone()),
            lower: self.lower.with(basis, coefficient),
        }
    }

    /// The term `coefficient`·basis, exact where the coefficient is known as a rational (`exact`).
    fn term_or_exact(
        self,
        basis: Basis,
        exact: Option<Rational>,
        coefficient: &Interval,
    ) -> Option<Pair> {
        match exact {
            Some(value) => Some(self.exact(basis, value)),
            None => self.term(basis, coefficient),
        }
    }

    /// The term −factor/parameter·basis, exact when the parameter is rational.
    fn rate(self, basis: Basis, factor: i64, family: &Family, index: usize) -> Option<Pair> {
        match rational(family, index) {
            Some(parameter) if !parameter.is_zero() => {
                Some(self.exact(basis, -Rational::from_integer(factor.into()) / parameter))
            }
            _ => {
                let parameter = value(family, index)?;
                self.term(basis, &div(&int(-factor), &parameter)?)
            }
        }
    }

    fn finish(self) -> Option<Bounds> {
        Some(Bounds {
            upper: self.upper,
            lower: self.lower,
        })
    }
}

/// Interval arithmetic shorthands (the envelopes need only 64 bits).
fn value(family: &Family, index: usize) -> Option<Interval> {
    crate::numeric::enclose(family.scalar(index), PRECISION, &crate::interrupt::Never).ok()
}

fn rational(family: &Family, index: usize) -> Option<Rational> {
    family.scalar(index).as_rational().cloned()
}

/// −1/(2v) for a variance parameter known as a nonzero rational.
fn minus_half_inverse(variance: Option<Rational>) -> Option<Rational> {
    variance
        .filter(|v| !v.is_zero())
        .map(|v| -Rational::new(1.into(), 2.into()) / v)
}

/// −r for a rate parameter known as a rational.
fn negated(family: &Family, index: usize) -> Option<Rational> {
    rational(family, index).map(|rate| -rate)
}

fn number(value: &Rational) -> Option<Interval> {
    Interval::from_rational(value, PRECISION).ok()
}

fn int(n: i64) -> Interval {
    Interval::point(rug::Float::with_val(PRECISION, n))
}

fn add(a: &Interval, b: &Interval) -> Option<Interval> {
    a.add(b).ok()
}
fn sub(a: &Interval, b: &Interval) -> Option<Interval> {
    a.sub(b).ok()
}
fn mul(a: &Interval, b: &Interval) -> Option<Interval> {
    a.mul(b).ok()
}
fn div(a: &Interval, b: &Interval) -> Option<Interval> {
    a.div(b).ok()
}
fn ln(a: &Interval) -> Option<Interval> {
    functions::log(a).ok()
}
fn exp(a: &Interval) -> Option<Interval> {
    functions::exp(a).ok()
}
fn lgamma(a: &Interval) -> Option<Interval> {
    functions::lgamma(a).ok()
}
fn zero() -> Interval {
    int(0)
}

/// The hull of two intervals: a quantity monotone in y lies between its value at Y and its limit.
fn between(a: &Interval, b: &Interval) -> Interval {
    a.hull(b)
}

/// Which infinite end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// x → +∞ (y = x).
    Right,
    /// x → −∞ (y = −x).
    Left,
}

/// C − k·log(1 + ((y − μ)/σ)²/ν) for y ≥ Y > μ (Student t, Cauchy, half-Cauchy): −2k log y plus a bounded
/// remainder, with log(1 − μ/y) between its value at Y and 0, and log(1 + ν/z²) ∈ [0, log(1 + ν/z_Y²)].
fn power_law(
    c: &Interval,
    k: &Interval,
    location: &Interval,
    scale: &Interval,
    nu: &Interval,
    y: &Interval,
) -> Option<Bounds> {
    let shift = sub(y, location)?;
    if !shift.is_positive() {
        return None;
    }
    let z = div(&shift, scale)?;
    let log_shift = between(&ln(&sub(&int(1), &div(location, y)?)?)?, &zero());
    let remainder = between(&zero(), &ln(&add(&int(1), &div(nu, &mul(&z, &z)?)?)?)?);
    // log(1 + z²/ν) = 2 log y + 2 log(1 − μ/y) − 2 log σ − log ν + log(1 + ν/z²).
    let inner = sub(
        &add(&mul(&int(2), &log_shift)?, &remainder)?,
        &add(&mul(&int(2), &ln(scale)?)?, &ln(nu)?)?,
    )?;
    let constant = sub(c, &mul(k, &inner)?)?;
    Pair::new()
        .constant(&constant)?
        .term(Basis::Log, &mul(&int(-2), k)?)?
        .finish()
}

/// Envelopes of the family's log-density towards an infinite end, valid for y ≥ `start` (≥ 1).
pub fn infinite(family: &Family, direction: Direction, start: &Rational) -> Option<Bounds> {
    if *start < Rational::one() {
        return None;
    }
    let y = number(start)?;
    let symmetric_location = |index: usize| -> Option<Interval> {
        let location = value(family, index)?;
        Some(match direction {
            Direction::Right => location,
            Direction::Left => location.neg(),
        })
    };
    let right_only = || (direction == Direction::Right).then_some(());
    use FamilyKind::*;
    match family.kind {
        Normal => {
            let (mean, variance) = (symmetric_location(0)?, value(family, 1)?);
            let two_variance = mul(&int(2), &variance)?;
            let constant = sub(
                &div(&mul(&mean, &mean)?, &two_variance)?.neg(),
                &div(
                    &ln(&mul(&mul(&int(2), &Interval::pi(PRECISION))?, &variance)?)?,
                    &int(2),
                )?,
            )?;
            Pair::new()
                .constant(&constant)?
                .term_or_exact(
                    Basis::Power(Rational::from_integer(2.into())),
                    minus_half_inverse(rational(family, 1)),
                    &div(&int(-1), &two_variance)?,
                )?
                .term(Basis::Power(Rational::one()), &div(&mean, &variance)?)?
                .finish()
        }
        HalfNormal => {
            right_only()?;
            let variance = value(family, 0)?;
            let two_variance = mul(&int(2), &variance)?;
            let constant = sub(
                &ln(&int(2))?,
                &div(
                    &ln(&mul(&mul(&int(2), &Interval::pi(PRECISION))?, &variance)?)?,
                    &int(2),
                )?,
            )?;
            Pair::new()
                .constant(&constant)?
                .term_or_exact(
                    Basis::Power(Rational::from_integer(2.into())),
                    minus_half_inverse(rational(family, 0)),
                    &div(&int(-1), &two_variance)?,
                )?
                .finish()
        }
        Laplace => {
            let (location, scale) = (symmetric_location(0)?, value(family, 1)?);
            if y.lower < location.upper {
                return None;
            }
            let constant = sub(&div(&location, &scale)?, &ln(&mul(&int(2), &scale)?)?)?;
            Pair::new()
                .constant(&constant)?
                .rate(Basis::Power(Rational::one()), 1, family, 1)?
                .finish()
        }
        Cauchy | HalfCauchy => {
            let (location, scale) = if family.kind == Cauchy {
                (symmetric_location(0)?, value(family, 1)?)
            } else {
                right_only()?;
                (zero(), value(family, 0)?)
            };
            let mut c = ln(&mul(&Interval::pi(PRECISION), &scale)?)?.neg();
            if family.kind == HalfCauchy {
                c = add(&c, &ln(&int(2))?)?;
            }
            power_law(&c, &int(1), &location, &scale, &int(1), &y)
        }
        StudentT => {
            let (nu, location, scale) =
                (value(family, 0)?, symmetric_location(1)?, value(family, 2)?);
            let half_next = div(&add(&nu, &int(1))?, &int(2))?;
            let c = sub(
                &sub(&lgamma(&half_next)?, &lgamma(&div(&nu, &int(2))?)?)?,
                &add(
                    &div(&ln(&mul(&nu, &Interval::pi(PRECISION))?)?, &int(2))?,
                    &ln(&scale)?,
                )?,
            )?;
            power_law(&c, &half_next, &location, &scale, &nu, &y)
        }
        Logistic => {
            let (location, scale) = (symmetric_location(0)?, value(family, 1)?);
            let z_start = div(&sub(&y, &location)?, &scale)?;
            if z_start.is_negative() || z_start.contains_zero() {
                return None;
            }
            // −z − log s − 2 log(1 + e^{−z}), with 2 log(1 + e^{−z}) ∈ [0, 2e^{−z_Y}].
            let remainder = between(&zero(), &mul(&int(2), &exp(&z_start.neg())?)?);
            let constant = sub(&sub(&div(&location, &scale)?, &ln(&scale)?)?, &remainder)?;
            Pair::new()
                .constant(&constant)?
                .rate(Basis::Power(Rational::one()), 1, family, 1)?
                .finish()
        }
        Gumbel | Moyal => extreme_value(family, direction, &y),
        Exponential => {
            right_only()?;
            let rate = value(family, 0)?;
            Pair::new()
                .constant(&ln(&rate)?)?
                .term_or_exact(
                    Basis::Power(Rational::one()),
                    negated(family, 0),
                    &rate.neg(),
                )?
                .finish()
        }
        Gamma | ChiSquared => {
            right_only()?;
            let (shape, rate) = gamma_parameters(family)?;
            let constant = sub(&mul(&shape, &ln(&rate)?)?, &lgamma(&shape)?)?;
            let exact_rate = if family.kind == ChiSquared {
                Some(-Rational::new(1.into(), 2.into()))
            } else {
                negated(family, 1)
            };
            Pair::new()
                .constant(&constant)?
                .term(Basis::Log, &sub(&shape, &int(1))?)?
                .term_or_exact(Basis::Power(Rational::one()), exact_rate, &rate.neg())?
                .finish()
        }
        InverseGamma => {
            right_only()?;
            let (shape, scale) = (value(family, 0)?, value(family, 1)?);
            let constant = sub(&mul(&shape, &ln(&scale)?)?, &lgamma(&shape)?)?;
            let remainder = between(&zero(), &div(&scale, &y)?);
            Pair::new()
                .constant(&sub(&constant, &remainder)?)?
                .term(Basis::Log, &add(&shape, &int(1))?.neg())?
                .finish()
        }
        LogNormal => {
            right_only()?;
            let (mu, variance) = (value(family, 0)?, value(family, 1)?);
            log_normal(&mu, &variance, &int(-1), &y)
        }
        Weibull => {
            right_only()?;
            let (shape, scale) = (rational(family, 0)?, value(family, 1)?);
            let k = number(&shape)?;
            let k_minus_one = sub(&k, &int(1))?;
            let constant = sub(
                &sub(&ln(&k)?, &ln(&scale)?)?,
                &mul(&k_minus_one, &ln(&scale)?)?,
            )?;
            let coefficient = exp(&mul(&k, &ln(&scale)?)?.neg())?.neg();
            Pair::new()
                .constant(&constant)?
                .term(Basis::Log, &k_minus_one)?
                .term(Basis::Power(shape), &coefficient)?
                .finish()
        }
        Pareto => {
            right_only()?;
            let (minimum, shape) = (value(family, 0)?, value(family, 1)?);
            let constant = add(&ln(&shape)?, &mul(&shape, &ln(&minimum)?)?)?;
            Pair::new()
                .constant(&constant)?
                .term(Basis::Log, &add(&shape, &int(1))?.neg())?
                .finish()
        }
        Rayleigh => {
            right_only()?;
            let sigma = value(family, 0)?;
            let variance = mul(&sigma, &sigma)?;
            Pair::new()
                .constant(&ln(&variance)?.neg())?
                .term(Basis::Log, &int(1))?
                .term_or_exact(
                    Basis::Power(Rational::from_integer(2.into())),
                    minus_half_inverse(rational(family, 0).map(|sigma| &sigma * &sigma)),
                    &div(&int(-1), &mul(&int(2), &variance)?)?,
                )?
                .finish()
        }
        Chi => {
            right_only()?;
            let k = value(family, 0)?;
            let half = div(&k, &int(2))?;
            let constant = sub(
                &mul(&sub(&half, &int(1))?, &ln(&int(2))?)?.neg(),
                &lgamma(&half)?,
            )?;
            Pair::new()
                .constant(&constant)?
                .term(Basis::Log, &sub(&k, &int(1))?)?
                .term(
                    Basis::Power(Rational::from_integer(2.into())),
                    &div(&int(-1), &int(2))?,
                )?
                .finish()
        }
        Lindley => {
            right_only()?;
            let theta = value(family, 0)?;
            let constant = sub(&mul(&int(2), &ln(&theta)?)?, &ln(&add(&theta, &int(1))?)?)?;
            // log(1 + y) ∈ log y + [0, 1/Y].
            let remainder = between(&zero(), &div(&int(1), &y)?);
            Pair::new()
                .constant(&add(&constant, &remainder)?)?
                .term(Basis::Log, &int(1))?
                .term_or_exact(
                    Basis::Power(Rational::one()),
                    negated(family, 0),
                    &theta.neg(),
                )?
                .finish()
        }
        _ => None,
    }
}

/// Shape and rate of a Gamma or chi-squared family.
fn gamma_parameters(family: &Family) -> Option<(Interval, Interval)> {
    if family.kind == FamilyKind::ChiSquared {
        Some((div(&value(family, 0)?, &int(2))?, div(&int(1), &int(2))?))
    } else {
        Some((value(family, 0)?, value(family, 1)?))
    }
}

/// Gumbel: −log β − z − e^{−z}; Moyal: −(z + e^{−z})/2 − log √(2π) − log σ. Towards +∞, e^{−z} ∈ [0, e^{−z_Y}];
/// towards −∞ the double exponential is a basis e^{y/β} with coefficient −e^{μ/β} (halved for Moyal).
fn extreme_value(family: &Family, direction: Direction, y: &Interval) -> Option<Bounds> {
    let (location, scale) = (value(family, 0)?, value(family, 1)?);
    let half = family.kind == FamilyKind::Moyal;
    let factor = if half { div(&int(1), &int(2))? } else { int(1) };
    let normaliser = if half {
        add(
            &div(&ln(&mul(&int(2), &Interval::pi(PRECISION))?)?, &int(2))?,
            &ln(&scale)?,
        )?
    } else {
        ln(&scale)?
    };
    match direction {
        Direction::Right => {
            let z_start = div(&sub(y, &location)?, &scale)?;
            if !z_start.is_positive() {
                return None;
            }
            let remainder = mul(&factor, &between(&zero(), &exp(&z_start.neg())?))?;
            let constant = sub(
                &sub(&mul(&factor, &div(&location, &scale)?)?, &normaliser)?,
                &remainder,
            )?;
            Pair::new()
                .constant(&constant)?
                .term(Basis::Power(Rational::one()), &div(&factor.neg(), &scale)?)?
                .finish()
        }
        Direction::Left => {
            let rate = family.scalar(1).as_rational()?.recip();
            if !rate.is_positive() {
                return None;
            }
            let constant = sub(&mul(&factor, &div(&location, &scale)?)?, &normaliser)?;
            let coefficient = mul(&factor, &exp(&div(&location, &scale)?)?)?.neg();
            Pair::new()
                .constant(&constant)?
                .term(Basis::Power(Rational::one()), &div(&factor, &scale)?)?
                .term(Basis::Exponential(rate), &coefficient)?
                .finish()
        }
    }
}

/// −(log y − m)²/(2v) + a·log y − log √(2πv): the log-normal towards +∞ (m = μ, a = −1) and towards 0 in
/// y = 1/x (m = −μ, a = +1). Expanded exactly: −(log y)²/(2v) + (m/v + a) log y − m²/(2v) − log √(2πv).
pub fn log_normal(m: &Interval, variance: &Interval, a: &Interval, y: &Interval) -> Option<Bounds> {
    if y.lower < 1 {
        return None;
    }
    let two_variance = mul(&int(2), variance)?;
    let normaliser = div(
        &ln(&mul(&mul(&int(2), &Interval::pi(PRECISION))?, variance)?)?,
        &int(2),
    )?;
    let squared = div(&int(-1), &two_variance)?;
    let linear = add(&div(m, variance)?, a)?;
    let constant = sub(&div(&mul(m, m)?, &two_variance)?.neg(), &normaliser)?;
    Pair::new()
        .constant(&constant)?
        .term(Basis::LogSquared, &squared)?
        .term(Basis::Log, &linear)?
        .finish()
}

#[cfg(test)]
mod tests;
