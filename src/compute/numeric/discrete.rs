//! Divergences between discrete distributions with an infinite support, as certified series.
//!
//! Each component's log-mass is a compiled program (Poisson, geometric, negative binomial) or an exact mass
//! (the finite families, through `compute::finite`). The head of the series is summed term by term in
//! interval arithmetic; the tail beyond a cut K is bounded by `numeric::series` from each infinite family's
//! ratio of consecutive masses and the growth of its log-mass.

use num_traits::{One, Signed, ToPrimitive};
use rug::Float;

use crate::error::EvalError;
use crate::exact::Rational;
use crate::family::{Distribution, Family, FamilyKind, Support};
use crate::interrupt::Interrupt;
use crate::numeric::compiled::interval::{log_sum_exp, IntervalEvaluator};
use crate::numeric::compiled::{Builder, Program, Substitution, VARIABLE};
use crate::numeric::interval::{Failure, Interval};
use crate::numeric::series::{self, Growth, Ratio};
use crate::numeric::{functions, Enclose};
use crate::sym::{self, Domain, Expr, Method};

use super::integrand::Form;

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

fn masses(distribution: &Distribution) -> Result<Vec<Mass>, EvalError> {
    let weighted: Vec<(Expr, &Family)> = match distribution {
        Distribution::Family(family) => vec![(Expr::int(1), family)],
        Distribution::Mixture(components) => components
            .iter()
            .map(|component| (component.weight.clone(), &component.family))
            .collect(),
    };
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

/// A discrete divergence series ready to be enclosed.
#[derive(Debug)]
pub struct Sum {
    form: Form,
    p: Vec<Mass>,
    q: Vec<Mass>,
    first: i64,
    /// Every k at or beyond this has only infinite components present.
    finite_end: i64,
    magnitude: Float,
    description: String,
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

/// The summand of `form` from the log-masses (absent: zero mass). `Err(None)` for an infinite term.
fn summand(
    form: &Form,
    lp: Option<&Interval>,
    lq: Option<&Interval>,
) -> Result<Option<Interval>, Failure> {
    use functions::exp;
    let half = |x: Interval| x.mul(&Interval::point(Float::with_val(x.precision(), 0.5)));
    let log_two = |precision: u32| functions::log(&Interval::point(Float::with_val(precision, 2)));
    Ok(Some(match (form, lp, lq) {
        (_, None, None) => return Ok(Some(Interval::point(Float::new(64)))),
        (Form::KullbackLeibler | Form::CrossEntropy | Form::Pearson, Some(_), None) => {
            return Ok(None)
        }
        (Form::RenyiPower(alpha), Some(_), None) if *alpha > Rational::one() => return Ok(None),
        (Form::Entropy, Some(lp), _) => exp(lp)?.mul(lp)?.neg(),
        (
            Form::KullbackLeibler
            | Form::CrossEntropy
            | Form::Entropy
            | Form::RenyiPower(_)
            | Form::RenyiZero
            | Form::Bhattacharyya,
            None,
            _,
        )
        | (Form::RenyiPower(_) | Form::RenyiZero | Form::Bhattacharyya, _, None) => {
            return Ok(Some(Interval::point(Float::new(64))))
        }
        (Form::JensenShannon, Some(l), None) | (Form::JensenShannon, None, Some(l)) => {
            half(exp(l)?.mul(&log_two(l.precision())?)?)?
        }
        (Form::HellingerSquared | Form::TotalVariation(_), Some(l), None)
        | (Form::HellingerSquared | Form::TotalVariation(_), None, Some(l)) => half(exp(l)?)?,
        (Form::Pearson, None, Some(lq)) => exp(lq)?,
        (form, Some(lp), Some(lq)) => {
            let (p, q) = (exp(lp)?, exp(lq)?);
            match form {
                Form::KullbackLeibler => p.mul(&lp.sub(lq)?)?,
                Form::CrossEntropy => p.mul(lq)?.neg(),
                Form::Entropy => p.mul(lp)?.neg(),
                Form::RenyiPower(alpha) => {
                    let a = Interval::from_rational(alpha, lp.precision())?;
                    let b = Interval::from_rational(&(Rational::one() - alpha), lp.precision())?;
                    exp(&a.mul(lp)?.add(&b.mul(lq)?)?)?
                }
                Form::RenyiZero => q,
                Form::Bhattacharyya => exp(&half(lp.add(lq)?)?)?,
                Form::JensenShannon => {
                    let log_half = log_two(lp.precision())?.neg();
                    let m = log_sum_exp(&[log_half.add(lp)?, log_half.add(lq)?])?;
                    half(p.mul(&lp.sub(&m)?)?.add(&q.mul(&lq.sub(&m)?)?)?)?
                }
                Form::HellingerSquared => {
                    let difference = exp(&half(lp.clone())?)?.sub(&exp(&half(lq.clone())?)?)?;
                    half(difference.mul(&difference)?)?
                }
                Form::Pearson => {
                    let ratio = crate::numeric::compiled::interval::apply(
                        crate::numeric::compiled::Unary::ExpM1,
                        &lp.sub(lq)?,
                    )?;
                    q.mul(&ratio.mul(&ratio)?)?
                }
                Form::TotalVariation(_) => half(p.sub(&q)?.abs())?,
            }
        }
    }))
}

/// The outcome of preparing a series.
pub enum Prepared {
    /// Ready to be enclosed.
    Finite(Sum),
    /// The series is +∞, for the reason given.
    Infinite(String),
}

fn exp_upper(value: &Interval) -> Option<Float> {
    functions::exp(value).ok().map(|e| e.upper)
}

impl Sum {
    /// Prepares `form` for P (and Q): supports, compiled log-masses, and the decision of convergence.
    pub fn prepare(
        form: Form,
        p: &Distribution,
        q: Option<&Distribution>,
        description: String,
    ) -> Result<Prepared, EvalError> {
        let p = masses(p)?;
        let q = q.map(masses).transpose()?.unwrap_or_default();
        let first = p.iter().chain(&q).map(|mass| mass.lower).min().unwrap_or(0);
        let finite_end = p
            .iter()
            .chain(&q)
            .filter_map(|mass| mass.upper)
            .max()
            .map_or(first, |upper| upper + 1)
            .max(first);
        let sum = Sum {
            form,
            p,
            q,
            first,
            finite_end,
            magnitude: Float::with_val(64, 1),
            description,
        };
        // A term where P has mass and Q none makes KL, cross-entropy, Pearson and Rényi above 1 infinite.
        let mut p_values = Evaluators::new(&sum.p, BOUND_PRECISION)?;
        let mut q_values = Evaluators::new(&sum.q, BOUND_PRECISION)?;
        for k in sum.first..=sum.finite_end {
            let (lp, lq) = (p_values.log_mass(k)?, q_values.log_mass(k)?);
            if summand(&sum.form, lp.as_ref(), lq.as_ref())
                .map_err(failure)?
                .is_none()
            {
                return Ok(Prepared::Infinite(format!(
                    "P has mass at {k} where Q has none"
                )));
            }
        }
        for exponent in 0..12 {
            let cut = sum.finite_end.max(5) + (1 << exponent) - 1;
            match sum.tail(cut)? {
                Tail::Bound(_) => return Ok(Prepared::Finite(sum)),
                Tail::Diverges => {
                    return Ok(Prepared::Infinite(
                        "the terms of the series do not decrease".into(),
                    ))
                }
                Tail::Unknown => {}
            }
        }
        Err(EvalError::Undecided(format!(
            "{}: cannot bound the tail of the series",
            sum.description
        )))
    }

    /// A bound of the tail from k = `cut` on (cut ≥ 5 and beyond every finite support).
    fn tail(&self, cut: i64) -> Result<Tail, EvalError> {
        let s_max =
            Interval::from_rational(&Rational::new(1.into(), (cut + 1).into()), BOUND_PRECISION)
                .map_err(failure)?;
        let mut p_values = Evaluators::new(&self.p, BOUND_PRECISION)?;
        let mut q_values = Evaluators::new(&self.q, BOUND_PRECISION)?;
        let (lp, lq) = (p_values.log_mass(cut)?, q_values.log_mass(cut)?);
        let p_model = lp.as_ref().and_then(|_| tail_model(&self.p, &s_max));
        let q_model = lq.as_ref().and_then(|_| tail_model(&self.q, &s_max));
        if (lp.is_some() && p_model.is_none()) || (lq.is_some() && q_model.is_none()) {
            return Ok(Tail::Unknown);
        }
        let k = cut as u64;
        let half = Rational::new(1.into(), 2.into());
        let one = Rational::one();
        // Each part: the log of its first mass term, its ratio factors (upper, and lower for divergence),
        // and its growth.
        let mut parts: Vec<Part> = Vec::new();
        use Form::*;
        match (
            &self.form,
            lp.as_ref(),
            lq.as_ref(),
            p_model.as_ref(),
            q_model.as_ref(),
        ) {
            (_, None, None, _, _) => return Ok(Tail::Bound(Float::new(BOUND_PRECISION))),
            // Q has no mass from the cut on (a finite support, or a point mass): the terms p^α q^(1−α) with
            // α < 1, √(pq) and the masses of Q summed by order 0 all vanish there.
            (RenyiPower(alpha), Some(_), None, _, _) if *alpha < one => {
                return Ok(Tail::Bound(Float::new(BOUND_PRECISION)))
            }
            (RenyiZero | Bhattacharyya, Some(_), None, _, _) => {
                return Ok(Tail::Bound(Float::new(BOUND_PRECISION)))
            }
            (KullbackLeibler | CrossEntropy | Entropy, Some(lp), _, Some(pm), qm) => {
                let growth = match (&self.form, qm) {
                    (KullbackLeibler, Some(qm)) => {
                        pm.growth.add(&qm.growth).ok_or_else(unbounded)?
                    }
                    (CrossEntropy, Some(qm)) => qm.growth.clone(),
                    (Entropy, _) => pm.growth.clone(),
                    _ => return Ok(Tail::Unknown),
                };
                parts.push((lp.clone(), vec![(&pm.upper, one.clone())], vec![], growth));
            }
            (
                KullbackLeibler | CrossEntropy | Entropy | RenyiPower(_) | RenyiZero
                | Bhattacharyya,
                None,
                _,
                _,
                _,
            ) => return Ok(Tail::Bound(Float::new(BOUND_PRECISION))),
            (RenyiPower(alpha), Some(lp), Some(lq), Some(pm), Some(qm)) => {
                let beta = &one - alpha;
                let a = rational(alpha).map_err(failure)?;
                let b = rational(&beta).map_err(failure)?;
                let first = lp
                    .mul(&a)
                    .and_then(|a| a.add(&lq.mul(&b)?))
                    .map_err(failure)?;
                let (q_up, q_down) = if beta.is_negative() {
                    (&qm.lower, &qm.upper)
                } else {
                    (&qm.upper, &qm.lower)
                };
                parts.push((
                    first,
                    vec![(&pm.upper, alpha.clone()), (q_up, beta.clone())],
                    vec![(&pm.lower, alpha.clone()), (q_down, beta)],
                    Growth::one(),
                ));
            }
            (RenyiZero, Some(_), Some(lq), _, Some(qm)) => {
                parts.push((
                    lq.clone(),
                    vec![(&qm.upper, one.clone())],
                    vec![],
                    Growth::one(),
                ));
            }
            (Bhattacharyya, Some(lp), Some(lq), Some(pm), Some(qm)) => {
                let factor = rational(&half).map_err(failure)?;
                let first = lp.add(lq).and_then(|s| s.mul(&factor)).map_err(failure)?;
                parts.push((
                    first,
                    vec![(&pm.upper, half.clone()), (&qm.upper, half.clone())],
                    vec![],
                    Growth::one(),
                ));
            }
            (Pearson, Some(lp), Some(lq), Some(pm), Some(qm)) => {
                let two = Rational::from_integer(2.into());
                let factor = rational(&two).map_err(failure)?;
                let first = lp.mul(&factor).and_then(|a| a.sub(lq)).map_err(failure)?;
                parts.push((
                    first,
                    vec![(&pm.upper, two.clone()), (&qm.lower, -one.clone())],
                    vec![(&pm.lower, two), (&qm.upper, -one.clone())],
                    Growth::one(),
                ));
                parts.push((
                    lq.clone(),
                    vec![(&qm.upper, one.clone())],
                    vec![],
                    Growth::one(),
                ));
            }
            (JensenShannon | HellingerSquared | TotalVariation(_) | Pearson, lp, lq, pm, qm) => {
                // Each summand is at most (p + q)/2 (times log 2 for JS, and p²/q + q for Pearson above).
                for (l, model) in [(lp, pm), (lq, qm)] {
                    if let (Some(l), Some(model)) = (l, model) {
                        parts.push((
                            l.clone(),
                            vec![(&model.upper, one.clone())],
                            vec![],
                            Growth::one(),
                        ));
                    }
                }
            }
            _ => return Ok(Tail::Unknown),
        }
        let mut total = Float::new(BOUND_PRECISION);
        for (first, upper_factors, lower_factors, growth) in parts {
            let first_value = exp_upper(&first).ok_or_else(unbounded)?;
            let bound = series::ratio_bound(&upper_factors, &s_max).and_then(|ratio| {
                series::geometric_tail(&first_value, &growth.at(k)?, &ratio, &growth.theta(k)?)
            });
            match bound {
                Some(bound) => total += bound,
                None => {
                    let grows = !lower_factors.is_empty()
                        && series::ratio_lower_bound(&lower_factors, &s_max)
                            .is_some_and(|lower| lower >= 1)
                        && first_value > 0;
                    return Ok(if grows { Tail::Diverges } else { Tail::Unknown });
                }
            }
        }
        Ok(Tail::Bound(total))
    }

    /// Encloses the sum: working precision `precision`, relative goal `goal` bits.
    pub fn enclose_with(
        &self,
        precision: u32,
        goal: u32,
        interrupt: &dyn Interrupt,
    ) -> Result<Interval, EvalError> {
        let target = Float::with_val(BOUND_PRECISION, &self.magnitude) >> (goal as i32 + 2);
        let mut cut = self.finite_end.max(5);
        let tail = loop {
            interrupt.check()?;
            if let Tail::Bound(bound) = self.tail(cut)? {
                if bound <= target {
                    break bound;
                }
            }
            if cut > 1_000_000 {
                return Err(EvalError::Budget(format!(
                    "{}: more than a million terms would be needed",
                    self.description
                )));
            }
            cut += (cut / 4).max(4);
        };
        let mut p_values = Evaluators::new(&self.p, precision)?;
        let mut q_values = Evaluators::new(&self.q, precision)?;
        let mut total = Interval::point(Float::new(precision));
        for k in self.first..cut {
            interrupt.check()?;
            let (lp, lq) = (p_values.log_mass(k)?, q_values.log_mass(k)?);
            let term = summand(&self.form, lp.as_ref(), lq.as_ref())
                .map_err(failure)?
                .ok_or_else(|| EvalError::Budget(format!("an infinite term at {k}")))?;
            total = total.add(&term).map_err(failure)?;
        }
        let tail = if self.form.is_nonnegative() {
            Interval::new(Float::new(precision), tail)
        } else {
            Interval::new(-tail.clone(), tail)
        }
        .map_err(failure)?;
        total.add(&tail).map_err(failure)
    }

    /// Sets the magnitude from a coarse evaluation.
    pub fn calibrate(&mut self, interrupt: &dyn Interrupt) -> Result<(), EvalError> {
        for shift in [0, 60, 200] {
            self.magnitude = Float::with_val(64, 1) >> shift;
            let value = self.enclose_with(96, 40, interrupt)?;
            if !value.contains_zero() {
                let lower = Float::with_val(64, value.lower.abs_ref());
                let upper = Float::with_val(64, value.upper.abs_ref());
                self.magnitude = if lower < upper { lower } else { upper };
                return Ok(());
            }
        }
        Ok(())
    }
}

fn rational(value: &Rational) -> Result<Interval, Failure> {
    Interval::from_rational(value, BOUND_PRECISION)
}

fn unbounded() -> EvalError {
    EvalError::Budget("a tail bound overflowed".into())
}

/// A part of a tail bound: the log of its first mass term, its ratio factors (for the upper bound, and for
/// proving divergence), and the growth of its logarithmic factor.
type Part<'a> = (
    Interval,
    Vec<(&'a Ratio, Rational)>,
    Vec<(&'a Ratio, Rational)>,
    Growth,
);

/// What is known of a tail.
enum Tail {
    /// It is at most this.
    Bound(Float),
    /// Its terms do not decrease: the series is +∞.
    Diverges,
    /// Neither, at this cut.
    Unknown,
}

impl Enclose for Sum {
    fn enclose(&self, precision: u32, interrupt: &dyn Interrupt) -> Result<Interval, EvalError> {
        if precision > 1 << 16 {
            return Err(EvalError::Budget(format!(
                "{} is limited to 65536 bits",
                self.description
            )));
        }
        let goal = precision.saturating_sub(24).max(24);
        self.enclose_with(precision + 8, goal, interrupt)
    }

    fn method(&self) -> Method {
        Method::Series
    }

    fn describe(&self) -> String {
        self.description.clone()
    }
}

/// Rényi of order ∞ between mass functions: max_k log p_k − log q_k. Beyond a cut where the ratio of
/// consecutive values of p/q is at most 1, p/q does not increase, so the maximum is in the head.
#[derive(Debug)]
pub struct Supremum {
    p: Vec<Mass>,
    q: Vec<Mass>,
    first: i64,
    cut: i64,
    description: String,
}

impl Supremum {
    /// Prepares the maximisation, or decides that p/q is unbounded.
    pub fn prepare(
        p: &Distribution,
        q: &Distribution,
        description: String,
    ) -> Result<Prepared2, EvalError> {
        let (p, q) = (masses(p)?, masses(q)?);
        let first = p.iter().map(|mass| mass.lower).min().unwrap_or(0);
        let finite_end = p
            .iter()
            .chain(&q)
            .filter_map(|mass| mass.upper)
            .max()
            .map_or(first, |upper| upper + 1)
            .max(first)
            .max(5);
        let mut p_values = Evaluators::new(&p, BOUND_PRECISION)?;
        let mut q_values = Evaluators::new(&q, BOUND_PRECISION)?;
        for k in first..=finite_end {
            if p_values.log_mass(k)?.is_some() && q_values.log_mass(k)?.is_none() {
                return Ok(Prepared2::Infinite(format!(
                    "P has mass at {k} where Q has none"
                )));
            }
        }
        let one = Rational::one();
        for step in 0..16 {
            let cut = finite_end + (1 << step) - 1;
            let s_max = Interval::from_rational(
                &Rational::new(1.into(), (cut + 1).into()),
                BOUND_PRECISION,
            )
            .map_err(failure)?;
            let (Some(pm), qm) = (tail_model(&p, &s_max), tail_model(&q, &s_max)) else {
                // No infinite component of P: the maximum is over the finite support.
                return Ok(Prepared2::Finite(Supremum {
                    p,
                    q,
                    first,
                    cut: finite_end,
                    description,
                }));
            };
            let Some(qm) = qm else {
                return Ok(Prepared2::Infinite("P has mass where Q has none".into()));
            };
            let upper = series::ratio_bound(
                &[(&pm.upper, one.clone()), (&qm.lower, -one.clone())],
                &s_max,
            );
            if upper.is_some_and(|ratio| ratio <= 1) {
                return Ok(Prepared2::Finite(Supremum {
                    p,
                    q,
                    first,
                    cut,
                    description,
                }));
            }
            let lower = series::ratio_lower_bound(
                &[(&pm.lower, one.clone()), (&qm.upper, -one.clone())],
                &s_max,
            );
            if lower.is_some_and(|ratio| ratio > 1) {
                return Ok(Prepared2::Infinite("p/q grows without bound".into()));
            }
        }
        Err(EvalError::Undecided(format!(
            "{description}: cannot bound p/q in the tail"
        )))
    }
}

/// The outcome of preparing a discrete supremum.
pub enum Prepared2 {
    /// Ready.
    Finite(Supremum),
    /// +∞, for the reason given.
    Infinite(String),
}

impl Enclose for Supremum {
    fn enclose(&self, precision: u32, interrupt: &dyn Interrupt) -> Result<Interval, EvalError> {
        let mut p_values = Evaluators::new(&self.p, precision)?;
        let mut q_values = Evaluators::new(&self.q, precision)?;
        let mut best: Option<Interval> = None;
        for k in self.first..=self.cut {
            interrupt.check()?;
            let (Some(lp), Some(lq)) = (p_values.log_mass(k)?, q_values.log_mass(k)?) else {
                continue;
            };
            let value = lp.sub(&lq).map_err(failure)?;
            best = Some(match best {
                None => value,
                Some(current) => {
                    // The maximum of two enclosed values lies between the larger lower and the larger upper end.
                    let lower = if value.lower > current.lower {
                        value.lower.clone()
                    } else {
                        current.lower.clone()
                    };
                    let upper = if value.upper > current.upper {
                        value.upper
                    } else {
                        current.upper
                    };
                    Interval::new(lower, upper).map_err(failure)?
                }
            });
        }
        best.ok_or_else(|| EvalError::Budget(format!("{}: P has no mass", self.description)))
    }

    fn method(&self) -> Method {
        Method::Series
    }

    fn describe(&self) -> String {
        self.description.clone()
    }
}
