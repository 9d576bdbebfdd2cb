//! Envelopes: explicit bounds of log-integrands in a tail, and certified bounds of what lies beyond a cut.
//!
//! In a tail variable y ≥ Y ≥ 1 (y = x towards +∞, y = −x towards −∞, y = 1/(x − a) towards a singular end
//! a), a log-density lies between two envelopes E(y) = c₀ + Σₖ cₖ bₖ(y) with exact rational coefficients
//! and bases b ∈ {log y, (log y)², y^s, e^{ry}} (s, r > 0 rational), all ≥ 0 for y ≥ 1. Sums and non-negative
//! multiples of upper envelopes are upper envelopes, so the envelope of an integrand is assembled from those
//! of its log-densities. Then:
//!
//! - [`tail_integral`] bounds ∫_Y^∞ e^{E(y)} dy. With y = eᵛ and G(v) = E(eᵛ) + v, if G′ ≤ −κ < 0 for v ≥ log Y
//!   then the integral is at most e^{E(Y)}·Y/κ. G′ = y E′(y) + 1; each term's y·(cₖ bₖ)′ is monotone, the
//!   leading term (fastest growth) must be negative, and the positive lower-order terms are dominated by half
//!   of it from Y on (their ratio to it decreases), so sup y E′ is read off at Y.
//! - [`supremum`] bounds sup_{y ≥ Y} E(y) in the same way (E decreasing from Y on).
//! - [`diverges`] decides that ∫_Y^∞ e^{E} = ∞ for a lower envelope whose leading term does not decay.

use std::collections::BTreeMap;

use num_traits::{One, Signed, ToPrimitive, Zero};
use rug::float::Round;
use rug::Float;

use crate::exact::Rational;
use crate::numeric::interval::{to_rug_rational, Interval};

/// Working precision of envelope arithmetic.
const PRECISION: u32 = 64;

/// A basis function of y, ≥ 0 and non-decreasing for y ≥ 1; ordered by growth.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Basis {
    /// log y.
    Log,
    /// (log y)²: a log-normal's or logit-normal's −(log y − m)²/(2v), exactly.
    LogSquared,
    /// y^s, s > 0.
    Power(Rational),
    /// e^{r y}, r > 0.
    Exponential(Rational),
}

/// c₀ + Σ cₖ bₖ(y), valid for y at least some threshold known to its builder.
#[derive(Clone, Debug, PartialEq)]
pub struct Envelope {
    /// The constant c₀.
    pub constant: Rational,
    /// The coefficients, by basis (no zero coefficients).
    pub terms: BTreeMap<Basis, Rational>,
}

/// The exact rational value of a float.
pub fn rational_of(value: &Float) -> Option<Rational> {
    let exact = value.to_rational()?;
    let (numerator, denominator) = exact.into_numer_denom();
    let convert = |value: rug::Integer| -> Option<num_bigint::BigInt> {
        num_bigint::BigInt::parse_bytes(value.to_string_radix(16).as_bytes(), 16)
    };
    Some(Rational::new(convert(numerator)?, convert(denominator)?))
}

/// The upper end of an interval as an exact rational (an upper bound of every point).
pub fn upper_of(value: &Interval) -> Option<Rational> {
    rational_of(&outside_tiny(&value.upper, Round::Up))
}

/// The lower end of an interval as an exact rational.
pub fn lower_of(value: &Interval) -> Option<Rational> {
    rational_of(&outside_tiny(&value.lower, Round::Down))
}

/// Below this magnitude, an envelope's constant is moved outwards to ±2⁻¹⁰²⁴ or 0.
const TINY_EXPONENT: i32 = -1024;

/// `value`, or where it is nonzero and below 2⁻¹⁰²⁴ in magnitude, the nearer of 0 and ±2⁻¹⁰²⁴ in the
/// direction `round`. Exactly, e^{−2⁴⁰} (a logistic's remainder far out in its tail) is a rational whose
/// denominator has 10¹² digits: building it took longer than any time limit allows.
fn outside_tiny(value: &Float, round: Round) -> Float {
    let tiny = value
        .get_exp()
        .is_some_and(|exponent| exponent < TINY_EXPONENT);
    if !tiny {
        return value.clone();
    }
    let step = Float::with_val(PRECISION, 1) >> (-TINY_EXPONENT) as u32;
    match (value.is_sign_positive(), round) {
        (true, Round::Up) => step,
        (false, Round::Down) => -step,
        _ => Float::new(PRECISION),
    }
}

impl Envelope {
    /// The constant function c.
    pub fn constant(c: Rational) -> Envelope {
        Envelope {
            constant: c,
            terms: BTreeMap::new(),
        }
    }

    /// Adds c·b(y).
    pub fn with(mut self, basis: Basis, coefficient: Rational) -> Envelope {
        let total = self
            .terms
            .remove(&basis)
            .map_or(coefficient.clone(), |c| c + coefficient);
        if !total.is_zero() {
            self.terms.insert(basis, total);
        }
        self
    }

    /// The sum of two envelopes.
    pub fn add(&self, other: &Envelope) -> Envelope {
        let mut sum = Envelope::constant(&self.constant + &other.constant);
        sum.terms = self.terms.clone();
        for (basis, coefficient) in &other.terms {
            sum = sum.with(basis.clone(), coefficient.clone());
        }
        sum
    }

    /// k·E (a negative k turns an upper envelope into a lower one).
    pub fn scale(&self, k: &Rational) -> Envelope {
        if k.is_zero() {
            return Envelope::constant(Rational::zero());
        }
        Envelope {
            constant: &self.constant * k,
            terms: self
                .terms
                .iter()
                .map(|(basis, c)| (basis.clone(), c * k))
                .collect(),
        }
    }

    /// E₁ − E₂.
    pub fn sub(&self, other: &Envelope) -> Envelope {
        self.add(&other.scale(&-Rational::one()))
    }

    /// The fastest-growing term, if any.
    pub fn leading(&self) -> Option<(&Basis, &Rational)> {
        self.terms.iter().next_back()
    }

    /// Encloses E(y) at a point y ≥ 1.
    pub fn at(&self, y: &Interval) -> Option<Interval> {
        let mut total = Interval::from_rational(&self.constant, PRECISION).ok()?;
        for (basis, coefficient) in &self.terms {
            let value = basis_at(basis, y)?;
            let c = Interval::from_rational(coefficient, PRECISION).ok()?;
            total = total.add(&c.mul(&value).ok()?).ok()?;
        }
        Some(total)
    }
}

fn rational_interval(value: &Rational) -> Option<Interval> {
    Interval::from_rational(value, PRECISION).ok()
}

fn basis_at(basis: &Basis, y: &Interval) -> Option<Interval> {
    use crate::numeric::functions;
    match basis {
        Basis::Log => functions::log(y).ok(),
        Basis::LogSquared => {
            let log = functions::log(y).ok()?;
            log.mul(&log).ok()
        }
        Basis::Power(s) => crate::numeric::power::pow_rational(y, s).ok(),
        Basis::Exponential(r) => functions::exp(&rational_interval(r)?.mul(y).ok()?).ok(),
    }
}

/// y·(c·b)′(y) at y: c for log y, 2c·log y for (log y)², c·s·y^s for y^s, c·r·y·e^{ry} for e^{ry}.
fn scaled_derivative(basis: &Basis, coefficient: &Rational, y: &Interval) -> Option<Interval> {
    let c = rational_interval(coefficient)?;
    match basis {
        Basis::Log => Some(c),
        Basis::LogSquared => c
            .mul(&rational_interval(&Rational::from_integer(2.into()))?)
            .ok()?
            .mul(&basis_at(&Basis::Log, y)?)
            .ok(),
        Basis::Power(s) => c
            .mul(&rational_interval(s)?)
            .ok()?
            .mul(&basis_at(basis, y)?)
            .ok(),
        Basis::Exponential(r) => c
            .mul(&rational_interval(r)?)
            .ok()?
            .mul(y)
            .ok()?
            .mul(&basis_at(basis, y)?)
            .ok(),
    }
}

/// Whether the ratio of a lower-order term's scaled derivative to the leading one's decreases from y = Y on.
fn ratio_decreases(lower: &Basis, leading: &Basis, y: &Rational) -> bool {
    // log y is checked in machine floats with a margin: the test only needs to be conservative.
    let log_y = y.to_f64().map_or(f64::NEG_INFINITY, f64::ln) * (1.0 - 1e-9);
    match (lower, leading) {
        // y^{s−1} e^{−ry} decreases once y ≥ (s − 1)/r.
        (Basis::Power(s), Basis::Exponential(r)) => {
            *s <= Rational::one() || *y >= (s - Rational::one()) / r
        }
        // log y / y^s decreases once log y ≥ 1/s.
        (Basis::LogSquared, Basis::Power(s)) => s.to_f64().is_some_and(|s| log_y * s >= 1.0),
        // log y · e^{−ry}/y decreases once log y ≥ 1.
        (Basis::LogSquared, Basis::Exponential(_)) => log_y >= 1.0,
        _ => lower < leading,
    }
}

/// An upper bound of sup_{y ≥ Y} y·E′(y), or `None` when the leading term is not negative or the lower-order
/// positive terms are not yet dominated at Y.
fn sup_scaled_derivative(envelope: &Envelope, y: &Rational) -> Option<Float> {
    let point = rational_interval(y)?;
    let (leading, lead_coefficient) = envelope.leading()?;
    if !lead_coefficient.is_negative() {
        return None;
    }
    let lead = scaled_derivative(leading, lead_coefficient, &point)?;
    if *leading == Basis::Log {
        return Some(lead.upper);
    }
    let half_lead = lead
        .mul(&rational_interval(&Rational::new(1.into(), 2.into()))?)
        .ok()?;
    let mut positive = Interval::point(Float::new(PRECISION));
    let mut total = half_lead.clone();
    for (basis, coefficient) in envelope.terms.iter().rev().skip(1) {
        let value = scaled_derivative(basis, coefficient, &point)?;
        if coefficient.is_positive() {
            if !ratio_decreases(basis, leading, y) {
                return None;
            }
            positive = positive.add(&value).ok()?;
        } else {
            total = total.add(&value).ok()?;
        }
    }
    // Without positive terms, every term's y·(cₖbₖ)′ decreases, and the whole lead counts.
    if positive.upper <= 0 {
        return Some(total.add(&half_lead).ok()?.upper);
    }
    // The positive terms must stay below half the (negative) leading term: positive + lead/2 ≤ 0 at Y.
    if positive.add(&half_lead).ok()?.upper > 0 {
        return None;
    }
    Some(total.upper)
}

/// An upper bound of ∫_Y^∞ e^{E(y)} dy for Y ≥ 1, or `None` when convergence is not proven at this Y.
pub fn tail_integral(envelope: &Envelope, y: &Rational) -> Option<Float> {
    if *y < Rational::one() {
        return None;
    }
    let slope = sup_scaled_derivative(envelope, y)?;
    // κ = −sup(y E′) − 1 > 0.
    let negated = Float::with_val(PRECISION, -&slope);
    let kappa = Float::with_val_round(PRECISION, &negated - 1u32, Round::Down).0;
    if kappa <= 0 {
        return None;
    }
    let point = rational_interval(y)?;
    let at_y = envelope.at(&point)?;
    let exponential = Float::with_val_round(PRECISION, at_y.upper.exp_ref(), Round::Up).0;
    let numerator = Float::with_val_round(PRECISION, &exponential * &point.upper, Round::Up).0;
    let bound = Float::with_val_round(PRECISION, &numerator / &kappa, Round::Up).0;
    bound.is_finite().then_some(bound)
}

/// ∫_Y^∞ e^{E} roughly, in machine floats: e^{E(Y)}·Y/(−y E′(Y) − 1), or +∞ where that slope does not
/// decay. Unproven; the cuts' search uses it only to skip the certified bound where it clearly fails.
pub fn tail_integral_estimate(envelope: &Envelope, y: &Rational) -> f64 {
    let Some(y) = y.to_f64() else {
        return f64::NAN;
    };
    let log_y = y.ln();
    let mut value = envelope.constant.to_f64().unwrap_or(f64::NAN);
    let mut slope = 0.0;
    for (basis, coefficient) in &envelope.terms {
        let c = coefficient.to_f64().unwrap_or(f64::NAN);
        let (at, scaled) = match basis {
            Basis::Log => (log_y, 1.0),
            Basis::LogSquared => (log_y * log_y, 2.0 * log_y),
            Basis::Power(s) => {
                let s = s.to_f64().unwrap_or(f64::NAN);
                let power = y.powf(s);
                (power, s * power)
            }
            Basis::Exponential(r) => {
                let r = r.to_f64().unwrap_or(f64::NAN);
                let exponential = (r * y).exp();
                (exponential, r * y * exponential)
            }
        };
        value += c * at;
        slope += c * scaled;
    }
    let kappa = -slope - 1.0;
    if kappa > 0.0 {
        value.exp() * y / kappa
    } else {
        f64::INFINITY
    }
}

/// An upper bound of sup_{y ≥ Y} E(y) (the envelope decreases from Y on), or `None`.
pub fn supremum(envelope: &Envelope, y: &Rational) -> Option<Float> {
    let point = rational_interval(y)?;
    if envelope.terms.is_empty() {
        return Some(rational_interval(&envelope.constant)?.upper);
    }
    let slope = sup_scaled_derivative(envelope, y)?;
    if slope > 0 {
        return None;
    }
    Some(envelope.at(&point)?.upper)
}

/// A lower bound of inf_{y ≥ Y} E(y) where E does not decrease from Y on (every coefficient ≥ 0: each basis
/// is non-decreasing for y ≥ 1), or `None` (a negative term may take E to −∞).
pub fn infimum(envelope: &Envelope, y: &Rational) -> Option<Float> {
    if envelope
        .terms
        .values()
        .any(|coefficient| coefficient.is_negative())
    {
        return None;
    }
    Some(envelope.at(&rational_interval(y)?)?.lower)
}

/// Whether ∫_Y^∞ e^{E} = ∞ for a lower envelope E: its leading term does not decay, or it decays no faster
/// than 1/y.
pub fn diverges(envelope: &Envelope) -> bool {
    match envelope.leading() {
        None => true,
        Some((Basis::Log, c)) => *c >= -Rational::one(),
        Some((_, c)) => c.is_positive(),
    }
}

/// The pointwise maximum of two upper envelopes, for y ≥ Y: the asymptotically larger one plus the supremum
/// of the other's excess over it. `None` when the excess is not yet bounded at Y.
pub fn maximum(first: &Envelope, second: &Envelope, y: &Rational) -> Option<Envelope> {
    let difference = first.sub(second);
    // The sign of the leading coefficient of the difference says which one grows faster.
    let (larger, smaller) = match difference.leading() {
        Some((_, c)) if c.is_positive() => (first, second),
        Some(_) => (second, first),
        None if difference.constant.is_positive() => (first, second),
        None => (second, first),
    };
    let excess = smaller.sub(larger);
    let bound = supremum(&excess, y)?;
    let mut result = larger.clone();
    if bound > 0 {
        result.constant += rational_of(&bound)?;
    }
    Some(result)
}

/// An upper envelope of log |l| from L ≤ l ≤ U (y ≥ 1): |l| ≤ Σ |cₖ| bₖ ≤ A·y^{s*}·e^{r* y}, with
/// log y ≤ 4 y^{1/4}/e absorbed into a power.
pub fn log_magnitude(upper: &Envelope, lower: &Envelope) -> Option<Envelope> {
    let quarter = Rational::new(1.into(), 4.into());
    let mut total = rational_interval(&(upper.constant.abs() + lower.constant.abs()))?;
    let mut power = Rational::zero();
    let mut rate = Rational::zero();
    let four_over_e = Interval::from_rational(&Rational::from_integer(4.into()), PRECISION)
        .ok()?
        .div(&Interval::e(PRECISION))
        .ok()?;
    for envelope in [upper, lower] {
        for (basis, coefficient) in &envelope.terms {
            let magnitude = rational_interval(&coefficient.abs())?;
            match basis {
                Basis::Log => {
                    total = total.add(&magnitude.mul(&four_over_e).ok()?).ok()?;
                    power = power.max(quarter.clone());
                }
                // (log y)² ≤ (8/e)² y^{1/4}.
                Basis::LogSquared => {
                    let eight_over_e = four_over_e
                        .mul(&rational_interval(&Rational::from_integer(2.into()))?)
                        .ok()?;
                    let factor = eight_over_e.mul(&eight_over_e).ok()?;
                    total = total.add(&magnitude.mul(&factor).ok()?).ok()?;
                    power = power.max(quarter.clone());
                }
                Basis::Power(s) => {
                    total = total.add(&magnitude).ok()?;
                    power = power.max(s.clone());
                }
                Basis::Exponential(r) => {
                    total = total.add(&magnitude).ok()?;
                    rate = rate.max(r.clone());
                }
            }
        }
    }
    // log A, with A at least 2^−64 so that an identically zero l still has a finite (loose) envelope.
    let floor = Float::with_val(PRECISION, 1) >> 64;
    let amplitude = if total.upper > floor {
        total.upper.clone()
    } else {
        floor
    };
    let log_amplitude = Float::with_val_round(PRECISION, amplitude.ln_ref(), Round::Up).0;
    let mut envelope = Envelope::constant(rational_of(&log_amplitude)?);
    if power.is_positive() {
        envelope = envelope.with(Basis::Log, power);
    }
    if rate.is_positive() {
        envelope = envelope.with(Basis::Power(Rational::one()), rate);
    }
    Some(envelope)
}

/// A lower envelope of log D for a lower envelope D → +∞: D(y) ≥ c·b(y)/2 from Y on when the other terms stay
/// within half the leading one, so log D ≥ log(c/2) + log b(y). `None` when D does not grow or is not yet
/// dominated at Y (Y ≥ e is required for log log y ≥ 0).
pub fn log_of_growing(difference: &Envelope, y: &Rational) -> Option<Envelope> {
    let (leading, c) = difference.leading()?;
    if !c.is_positive() || y.to_f64()? < std::f64::consts::E {
        return None;
    }
    let point = rational_interval(y)?;
    let lead_value = rational_interval(c)?
        .mul(&basis_at(leading, &point)?)
        .ok()?;
    // |c₀| + Σ |cₖ| bₖ(Y) ≤ c b(Y)/2, with ratios decreasing from Y on.
    let mut others = rational_interval(&difference.constant.abs())?;
    for (basis, coefficient) in difference.terms.iter().rev().skip(1) {
        if coefficient.is_negative() {
            if !ratio_decreases_values(basis, leading, y) {
                return None;
            }
            let value = rational_interval(&coefficient.abs())?
                .mul(&basis_at(basis, &point)?)
                .ok()?;
            others = others.add(&value).ok()?;
        }
    }
    let half = lead_value
        .mul(&rational_interval(&Rational::new(1.into(), 2.into()))?)
        .ok()?;
    if others.upper > half.lower {
        return None;
    }
    let log_half_c = crate::numeric::functions::log(&rational_interval(
        &(c / Rational::from_integer(2.into())),
    )?)
    .ok()?;
    let constant = lower_of(&log_half_c)?;
    Some(match leading {
        // log (log y)² ≥ 0 for y ≥ e.
        Basis::Log | Basis::LogSquared => Envelope::constant(constant),
        Basis::Power(s) => Envelope::constant(constant).with(Basis::Log, s.clone()),
        Basis::Exponential(r) => {
            Envelope::constant(constant).with(Basis::Power(Rational::one()), r.clone())
        }
    })
}

/// Whether bₗ(y)/b(y) decreases from Y on (for value comparisons, not derivatives).
fn ratio_decreases_values(lower: &Basis, leading: &Basis, y: &Rational) -> bool {
    // log y is checked in machine floats with a margin: the test only needs to be conservative.
    let log_y = y.to_f64().map_or(f64::NEG_INFINITY, f64::ln) * (1.0 - 1e-9);
    match (lower, leading) {
        // y^s e^{−ry} decreases once y ≥ s/r.
        (Basis::Power(s), Basis::Exponential(r)) => *y >= s / r,
        // log y / y^s decreases once log y ≥ 1/s.
        (Basis::Log, Basis::Power(s)) => s.to_f64().is_some_and(|s| log_y * s >= 1.0),
        // (log y)² / y^s decreases once log y ≥ 2/s.
        (Basis::LogSquared, Basis::Power(s)) => s.to_f64().is_some_and(|s| log_y * s >= 2.0),
        // (log y)² e^{−ry} decreases once r·y·log y ≥ 2.
        (Basis::LogSquared, Basis::Exponential(r)) => {
            log_y >= 1.0
                && r.to_f64()
                    .zip(y.to_f64())
                    .is_some_and(|(r, y)| r * y * log_y >= 2.0)
        }
        // log y · e^{−ry} decreases once y ≥ e and y ≥ 1/r.
        (Basis::Log, Basis::Exponential(r)) => log_y >= 1.0 && y * r >= Rational::one(),
        _ => lower < leading,
    }
}

/// The rational nearest above a float, for building envelope constants from enclosures.
pub fn rational_above(value: &Float) -> Option<Rational> {
    let rounded = Float::with_val_round(PRECISION, value, Round::Up).0;
    rational_of(&rounded)
}

/// Rounds a rational to a float, for diagnostics.
pub fn approximate(value: &Rational) -> f64 {
    Float::with_val(PRECISION, to_rug_rational(value)).to_f64()
}

#[cfg(test)]
mod tests;
