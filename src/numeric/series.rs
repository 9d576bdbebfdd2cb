//! Certified sums over infinite discrete supports: a head summed term by term in interval arithmetic, and a
//! tail bounded from the ratio of consecutive terms and the growth of the logarithmic factor.
//!
//! Beyond a cut K, each mass function has a ratio p_{k+1}/p_k = c·s^e·(1 + a·s) with s = 1/(k + 1) ∈ (0, S],
//! S = 1/(K + 1) ([`Ratio`]: λ s for Poisson, 1 − p for geometric, (1 − p)(1 + (r − 1)s) for the negative
//! binomial). A summand's mass part (p, p^α q^{1−α}, p²/q, √(pq)) is a product of powers of masses, so its
//! ratio is the same product of powers of ratios: [`ratio_bound`] bounds it over s ∈ (0, S] with each
//! factor taking the side of its bound that makes the product largest. The logarithmic factor of KL,
//! cross-entropy and entropy is at most g(k) = A + B k + C k log(k + 1) ([`Growth`]), and g(k)/(k + 1)² does
//! not increase from k = 5 on, so g(k) ≤ g(K)·θ^{k−K} with θ = (1 + 1/(K + 1))². Then the tail is at most
//! M(K)·g(K) / (1 − ρθ) when ρθ < 1 ([`geometric_tail`]).

use rug::float::Round;
use rug::Float;

use crate::exact::Rational;
use crate::numeric::functions;
use crate::numeric::interval::Interval;

/// Precision of tail bounds.
const PRECISION: u32 = 64;

fn point(value: f64) -> Interval {
    Interval::point(Float::with_val(PRECISION, value))
}

/// p_{k+1}/p_k = c·s^e·(1 + a·s) for s = 1/(k + 1) in (0, S]; `lower` and `upper` bound it in the models of
/// mixtures (whose ratio lies between those of their components).
#[derive(Clone, Debug)]
pub struct Ratio {
    /// The constant c > 0, enclosed.
    pub constant: Interval,
    /// The power of s (0 or 1).
    pub power: u32,
    /// The coefficient a ≥ −1, enclosed.
    pub slope: Interval,
}

impl Ratio {
    /// The range of the ratio over s ∈ [0, S] (for a power 1, the lower end is 0).
    pub fn range(&self, s_max: &Interval) -> Option<Interval> {
        let s = Interval::new(Float::new(PRECISION), s_max.upper.clone()).ok()?;
        let one = point(1.0);
        let factor = one.add(&self.slope.mul(&s).ok()?).ok()?;
        let mut value = self.constant.mul(&factor).ok()?;
        if self.power > 0 {
            value = value.mul(&s).ok()?;
        }
        Some(value)
    }
}

/// An upper bound of Π ratioᵢ^{exponentᵢ} over s ∈ (0, S]: the factors with a common power of s are combined
/// so that s^{Σ eᵢ xᵢ} is bounded as a whole (it may tend to 0 although single factors blow up). `None` when
/// the combined power of s is negative (the product grows without bound).
pub fn ratio_bound(factors: &[(&Ratio, Rational)], s_max: &Interval) -> Option<Float> {
    let mut power = Rational::from_integer(0.into());
    let mut product = point(1.0);
    let s = Interval::new(Float::new(PRECISION), s_max.upper.clone()).ok()?;
    let one = point(1.0);
    for (ratio, exponent) in factors {
        power += exponent * Rational::from_integer(ratio.power.into());
        let exponent_interval = Interval::from_rational(exponent, PRECISION).ok()?;
        let base = ratio
            .constant
            .mul(&one.add(&ratio.slope.mul(&s).ok()?).ok()?)
            .ok()?;
        if !base.is_positive() {
            return None;
        }
        product = product
            .mul(&crate::numeric::power::pow(&base, &exponent_interval).ok()?)
            .ok()?;
    }
    if power < Rational::from_integer(0.into()) {
        return None;
    }
    if power > Rational::from_integer(0.into()) {
        let power = Interval::from_rational(&power, PRECISION).ok()?;
        product = product
            .mul(&crate::numeric::power::pow(s_max, &power).ok()?)
            .ok()?;
    }
    Some(product.upper)
}

/// A lower bound of Π ratioᵢ^{exponentᵢ} over s ∈ (0, S], to prove that terms do not decrease. `None` when
/// the combined power of s is positive (the product tends to 0).
pub fn ratio_lower_bound(factors: &[(&Ratio, Rational)], s_max: &Interval) -> Option<Float> {
    let mut power = Rational::from_integer(0.into());
    let mut product = point(1.0);
    let s = Interval::new(Float::new(PRECISION), s_max.upper.clone()).ok()?;
    let one = point(1.0);
    for (ratio, exponent) in factors {
        power += exponent * Rational::from_integer(ratio.power.into());
        let exponent_interval = Interval::from_rational(exponent, PRECISION).ok()?;
        let base = ratio
            .constant
            .mul(&one.add(&ratio.slope.mul(&s).ok()?).ok()?)
            .ok()?;
        if !base.is_positive() {
            return None;
        }
        product = product
            .mul(&crate::numeric::power::pow(&base, &exponent_interval).ok()?)
            .ok()?;
    }
    if power > Rational::from_integer(0.into()) {
        return None;
    }
    if power < Rational::from_integer(0.into()) {
        let power = Interval::from_rational(&power, PRECISION).ok()?;
        product = product
            .mul(&crate::numeric::power::pow(s_max, &power).ok()?)
            .ok()?;
    }
    Some(product.lower)
}

/// g(k) = A + B k + C k log(k + 1) with A, B, C ≥ 0: a bound of |log p_k| (or of a sum of such).
#[derive(Clone, Debug)]
pub struct Growth {
    /// A.
    pub constant: Interval,
    /// B.
    pub linear: Interval,
    /// C.
    pub logarithmic: Interval,
}

impl Growth {
    /// No logarithmic factor (g = 1).
    pub fn one() -> Growth {
        Growth {
            constant: point(1.0),
            linear: point(0.0),
            logarithmic: point(0.0),
        }
    }

    /// The sum of two growths (|log p| + |log q| ≤ g_p + g_q).
    pub fn add(&self, other: &Growth) -> Option<Growth> {
        Some(Growth {
            constant: self.constant.add(&other.constant).ok()?,
            linear: self.linear.add(&other.linear).ok()?,
            logarithmic: self.logarithmic.add(&other.logarithmic).ok()?,
        })
    }

    fn is_one(&self) -> bool {
        self.linear.is_zero() && self.logarithmic.is_zero()
    }

    /// An upper bound of g(K).
    pub fn at(&self, k: u64) -> Option<Float> {
        let k_value = point(k as f64);
        let log = functions::log(&point(k as f64 + 1.0)).ok()?;
        let value = self
            .constant
            .add(&self.linear.mul(&k_value).ok()?)
            .ok()?
            .add(&self.logarithmic.mul(&k_value).ok()?.mul(&log).ok()?)
            .ok()?;
        Some(value.upper)
    }

    /// θ with g(k) ≤ g(K) θ^{k−K} for k ≥ K ≥ 5: 1 without a logarithmic factor, else (1 + 1/(K + 1))².
    pub fn theta(&self, k: u64) -> Option<Float> {
        if self.is_one() {
            return Some(Float::with_val(PRECISION, 1));
        }
        if k < 5 {
            return None;
        }
        let step = Float::with_val_round(PRECISION, 1.0 + 1.0 / (k as f64 + 1.0), Round::Up).0;
        Some(Float::with_val_round(PRECISION, &step * &step, Round::Up).0)
    }
}

/// Σ_{k ≥ K} M(k) g(k) ≤ M(K) g(K) / (1 − ρθ), or `None` unless ρθ < 1.
pub fn geometric_tail(
    first: &Float,
    growth_at_cut: &Float,
    ratio: &Float,
    theta: &Float,
) -> Option<Float> {
    let rate = Float::with_val_round(PRECISION, ratio * theta, Round::Up).0;
    if rate >= 1 {
        return None;
    }
    let gap = Float::with_val_round(PRECISION, 1 - &rate, Round::Down).0;
    let numerator = Float::with_val_round(PRECISION, first * growth_at_cut, Round::Up).0;
    let bound = Float::with_val_round(PRECISION, &numerator / &gap, Round::Up).0;
    bound.is_finite().then_some(bound)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::{integer, ratio};

    #[test]
    fn poisson_terms_shrink_and_a_geometric_tail_is_summed() {
        // Poisson(3) from K = 20: ratio ≤ 3/21; Σ_{k≥20} p_k ≤ p_20 / (1 − 1/7).
        let poisson = Ratio {
            constant: point(3.0),
            power: 1,
            slope: point(0.0),
        };
        let s = Interval::from_rational(&ratio(1, 21), PRECISION).unwrap();
        let bound = ratio_bound(&[(&poisson, integer(1))], &s).unwrap().to_f64();
        assert!((bound - 3.0 / 21.0).abs() < 1e-15);
        let tail = geometric_tail(
            &Float::with_val(64, 1),
            &Float::with_val(64, 1),
            &Float::with_val(64, bound),
            &Float::with_val(64, 1),
        )
        .unwrap()
        .to_f64();
        assert!((tail - 7.0 / 6.0).abs() < 1e-12);
    }

    #[test]
    fn renyi_of_order_two_against_a_poisson_grows_without_bound() {
        // p²/q for a geometric p and a Poisson q: (1 − p)² / (λ s) → ∞, so no upper bound, and a lower bound
        // above 1 once s is small.
        let geometric = Ratio {
            constant: point(0.5),
            power: 0,
            slope: point(0.0),
        };
        let poisson = Ratio {
            constant: point(3.0),
            power: 1,
            slope: point(0.0),
        };
        let s = Interval::from_rational(&ratio(1, 100), PRECISION).unwrap();
        let factors = [(&geometric, integer(2)), (&poisson, integer(-1))];
        assert!(ratio_bound(&factors, &s).is_none());
        let lower = ratio_lower_bound(&factors, &s).unwrap().to_f64();
        assert!((lower - 0.25 * 100.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn growth_of_the_log_factor() {
        let growth = Growth {
            constant: point(3.0),
            linear: point(1.0),
            logarithmic: point(1.0),
        };
        let at_ten = growth.at(10).unwrap().to_f64();
        assert!((at_ten - (13.0 + 10.0 * 11f64.ln())).abs() < 1e-12);
        assert!(growth.theta(3).is_none());
        let theta = growth.theta(10).unwrap().to_f64();
        assert!((theta - (12.0f64 / 11.0).powi(2)).abs() < 1e-15);
        assert_eq!(Growth::one().theta(0).unwrap().to_f64(), 1.0);
    }
}
