//! Divergences between discrete distributions with an infinite support, as certified series.
//!
//! Each component's log-mass is a compiled program (Poisson, geometric, negative binomial) or an exact mass
//! (the finite families, through `compute::finite`). The head of the series is summed term by term in
//! interval arithmetic; the tail beyond a cut K is bounded by `numeric::series` from each infinite family's
//! ratio of consecutive masses and the growth of its log-mass.
//!
//! [`sum`] holds the series, [`supremum`] the Rényi divergence of order ∞ (a maximum over the support); this
//! module the masses, their tail models and the evaluators both use.

mod sum;
mod supremum;

pub use sum::{Prepared, Sum};
pub use supremum::{PreparedSupremum, Supremum};

use num_traits::ToPrimitive;
use rug::Float;

use crate::error::EvalError;
use crate::exact::Rational;
use crate::family::{Distribution, Family, FamilyKind, Support};
use crate::numeric::compiled::interval::{log_sum_exp, IntervalEvaluator};
use crate::numeric::compiled::{Builder, Program, Substitution, VARIABLE};
use crate::numeric::functions;
use crate::numeric::interval::{Failure, Interval};
use crate::numeric::series::{Growth, Ratio};
use crate::sym::{self, Domain, Expr};

const BOUND_PRECISION: u32 = 64;

fn failure(failure: Failure) -> EvalError {
    match failure {
        Failure::Fatal(error) => error,
        Failure::Imprecise(reason) => EvalError::Budget(reason),
    }
}

fn bound(expr: &Expr) -> Option<Interval> {
    crate::numeric::enclose(expr, BOUND_PRECISION, &crate::interrupt::Never).ok()
}

fn point(value: f64) -> Interval {
    Interval::point(Float::with_val(BOUND_PRECISION, value))
}

/// One weighted component with its mass function.
#[derive(Debug)]
struct Mass {
    log_weight: Expr,
    family: Family,
    /// The smallest and largest points of the support (`None`: unbounded).
    lower: i64,
    upper: Option<i64>,
    /// The compiled log-mass for infinite supports.
    program: Option<Program>,
}

impl Mass {
    fn contains(&self, k: i64) -> bool {
        k >= self.lower && self.upper.is_none_or(|upper| k <= upper)
    }
}

fn integer_of(expr: &Expr) -> Option<i64> {
    let value = expr.as_rational()?;
    value
        .is_integer()
        .then(|| value.to_integer().to_i64())
        .flatten()
}

/// One past the largest finite upper end among `masses` (`first` when none is finite), and never below
/// `first`: from there on, only the infinite supports have terms.
fn finite_end<'a>(masses: impl Iterator<Item = &'a Mass>, first: i64) -> i64 {
    masses
        .filter_map(|mass| mass.upper)
        .max()
        .map_or(first, |upper| upper + 1)
        .max(first)
}

fn masses(distribution: &Distribution) -> Result<Vec<Mass>, EvalError> {
    let weighted = distribution.weighted();
    let unsupported = |family: &Family| EvalError::NoRule(format!("the series of {family}"));
    let x = Expr::symbol(VARIABLE, Domain::Real);
    let mut result = Vec::new();
    for (weight, family) in weighted {
        let (lower, upper) = match family.support() {
            Support::Integers { lower, upper } => (
                integer_of(&lower).ok_or_else(|| unsupported(family))?,
                match upper {
                    Some(upper) => Some(integer_of(&upper).ok_or_else(|| unsupported(family))?),
                    None => None,
                },
            ),
            Support::Point(value) => {
                let value = integer_of(&value).ok_or_else(|| unsupported(family))?;
                (value, Some(value))
            }
            _ => return Err(unsupported(family)),
        };
        let program = if upper.is_none() {
            let density = family.log_density(&x).ok_or_else(|| unsupported(family))?;
            let mut builder = Builder::new(Substitution::identity(), None);
            let node = builder.expr(&density)?;
            Some(builder.finish(node))
        } else {
            None
        };
        result.push(Mass {
            log_weight: sym::log(weight),
            family: family.clone(),
            lower,
            upper,
            program,
        });
    }
    Ok(result)
}

/// The ratio model and growth of an infinite family (valid for k ≥ 5).
fn model(family: &Family) -> Option<(Ratio, Growth)> {
    let value = |index: usize| bound(family.scalar(index));
    let abs_log = |x: &Interval| functions::log(x).ok().map(|l| l.abs());
    let zero = point(0.0);
    Some(match family.kind {
        FamilyKind::Poisson => {
            let rate = value(0)?;
            (
                Ratio {
                    constant: rate.clone(),
                    power: 1,
                    slope: zero.clone(),
                },
                Growth {
                    constant: rate.clone(),
                    linear: abs_log(&rate)?,
                    logarithmic: point(1.0),
                },
            )
        }
        FamilyKind::Geometric => {
            let p = value(0)?;
            let complement = point(1.0).sub(&p).ok()?;
            if !complement.is_positive() {
                return None;
            }
            (
                Ratio {
                    constant: complement.clone(),
                    power: 0,
                    slope: zero.clone(),
                },
                Growth {
                    constant: abs_log(&p)?,
                    linear: abs_log(&complement)?,
                    logarithmic: zero,
                },
            )
        }
        FamilyKind::NegativeBinomial => {
            let (r, p) = (value(0)?, value(1)?);
            let complement = point(1.0).sub(&p).ok()?;
            if !complement.is_positive() {
                return None;
            }
            let r_minus_one = r.sub(&point(1.0)).ok()?;
            let spread = r_minus_one.abs();
            // |log Γ(k + r) − log Γ(k + 1)| ≤ |r − 1| (1 + log max(r, 1) + k) for k ≥ 1 (mean value theorem,
            // with |ψ(ξ)| ≤ 1 + log ξ for ξ ≥ 1).
            let log_max = functions::log(&r.hull(&point(1.0))).ok()?.upper;
            let log_max = Interval::point(if log_max > 0 {
                log_max
            } else {
                Float::new(BOUND_PRECISION)
            });
            let constant = functions::lgamma(&r)
                .ok()?
                .abs()
                .add(&r.mul(&abs_log(&p)?).ok()?)
                .ok()?
                .add(&spread.mul(&point(1.0).add(&log_max).ok()?).ok()?)
                .ok()?;
            (
                Ratio {
                    constant: complement.clone(),
                    power: 0,
                    slope: r_minus_one,
                },
                Growth {
                    constant,
                    linear: abs_log(&complement)?.add(&spread).ok()?,
                    logarithmic: zero,
                },
            )
        }
        _ => return None,
    })
}

/// Upper and lower ratio models and the growth of the infinite components of a distribution in its tail.
struct TailModel {
    upper: Ratio,
    lower: Ratio,
    growth: Growth,
}

fn tail_model(masses: &[Mass], s_max: &Interval) -> Option<TailModel> {
    let infinite: Vec<&Mass> = masses.iter().filter(|mass| mass.upper.is_none()).collect();
    let models: Vec<(Ratio, Growth, &Mass)> = infinite
        .iter()
        .map(|mass| model(&mass.family).map(|(ratio, growth)| (ratio, growth, *mass)))
        .collect::<Option<Vec<_>>>()?;
    if let [(ratio, growth, mass)] = models.as_slice() {
        let weight = bound(&mass.log_weight)?.abs();
        let mut growth = growth.clone();
        growth.constant = growth.constant.add(&weight).ok()?;
        return Some(TailModel {
            upper: ratio.clone(),
            lower: ratio.clone(),
            growth,
        });
    }
    // A mixture's ratio lies between its components' ratios; |log p| ≤ |log wⱼ| + |log pⱼ| for any j.
    let low_power = models.iter().map(|(r, _, _)| r.power).min()?;
    let high_power = models.iter().map(|(r, _, _)| r.power).max()?;
    // ratioᵢ / s^{power} over s ∈ (0, S]: c(1 + a s)·s^{eᵢ − power}, bounded with s^{eᵢ − power} ≤ S^{…}
    // above (eᵢ ≥ power) and ≥ S^{…} below (eᵢ ≤ power).
    let s = &s_max.upper;
    let mut upper: Option<Float> = None;
    let mut lower: Option<Float> = None;
    for (ratio, _, _) in &models {
        let base = Ratio {
            power: 0,
            ..ratio.clone()
        }
        .range(s_max)?;
        let mut high = base.upper.clone();
        for _ in low_power..ratio.power {
            high = Float::with_val_round(BOUND_PRECISION, &high * s, rug::float::Round::Up).0;
        }
        let mut low = base.lower.clone();
        for _ in ratio.power..high_power {
            low = Float::with_val_round(BOUND_PRECISION, &low / s, rug::float::Round::Down).0;
        }
        if upper.as_ref().is_none_or(|u| high > *u) {
            upper = Some(high);
        }
        if lower.as_ref().is_none_or(|l| low < *l) {
            lower = Some(low);
        }
    }
    let (_, growth, mass) = &models[0];
    let mut growth = growth.clone();
    growth.constant = growth.constant.add(&bound(&mass.log_weight)?.abs()).ok()?;
    let zero = point(0.0);
    Some(TailModel {
        upper: Ratio {
            constant: Interval::point(upper?),
            power: low_power,
            slope: zero.clone(),
        },
        lower: Ratio {
            constant: Interval::point(lower?),
            power: high_power,
            slope: zero,
        },
        growth,
    })
}

/// The masses of one distribution at one precision: evaluators and log-weights made once.
struct Evaluators<'a> {
    masses: &'a [Mass],
    programs: Vec<Option<IntervalEvaluator<'a>>>,
    log_weights: Vec<Interval>,
    precision: u32,
}

impl<'a> Evaluators<'a> {
    fn new(masses: &'a [Mass], precision: u32) -> Result<Evaluators<'a>, EvalError> {
        let programs = masses
            .iter()
            .map(|mass| {
                mass.program
                    .as_ref()
                    .map(|program| IntervalEvaluator::new(program, precision))
                    .transpose()
            })
            .collect::<Result<Vec<_>, EvalError>>()?;
        let log_weights = masses
            .iter()
            .map(|mass| {
                crate::numeric::enclose(&mass.log_weight, precision, &crate::interrupt::Never)
            })
            .collect::<Result<Vec<_>, EvalError>>()?;
        Ok(Evaluators {
            masses,
            programs,
            log_weights,
            precision,
        })
    }

    /// The log-mass of the present components at k (`None` when none is present or every mass is zero).
    fn log_mass(&mut self, k: i64) -> Result<Option<Interval>, EvalError> {
        let precision = self.precision;
        let mut terms = Vec::new();
        for (index, mass) in self.masses.iter().enumerate() {
            if !mass.contains(k) {
                continue;
            }
            let value = match &mut self.programs[index] {
                Some(evaluator) => evaluator
                    .evaluate(&Interval::point(Float::with_val(precision, k)))
                    .map_err(failure)?,
                None => {
                    let exact = super::super::finite::mass_at(
                        &mass.family,
                        &Rational::from_integer(k.into()),
                    )
                    .ok_or_else(|| {
                        EvalError::NoRule(format!("the mass of {} at {k}", mass.family))
                    })?;
                    let value =
                        crate::numeric::enclose(&exact, precision, &crate::interrupt::Never)?;
                    if value.is_zero() {
                        continue;
                    }
                    functions::log(&value).map_err(failure)?
                }
            };
            terms.push(self.log_weights[index].add(&value).map_err(failure)?);
        }
        if terms.is_empty() {
            return Ok(None);
        }
        log_sum_exp(&terms).map(Some).map_err(failure)
    }
}

fn rational(value: &Rational) -> Result<Interval, Failure> {
    Interval::from_rational(value, BOUND_PRECISION)
}

fn unbounded() -> EvalError {
    EvalError::Budget("a tail bound overflowed".into())
}
