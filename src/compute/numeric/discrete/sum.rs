//! The certified series of a divergence: its head summed term by term, its tail bounded.

use num_traits::{One, Signed};
use rug::Float;

use super::{
    failure, finite_end, masses, rational, tail_model, unbounded, Evaluators, Mass, BOUND_PRECISION,
};
use crate::compute::numeric::integrand::Form;
use crate::compute::numeric::leaf::working_precision;
use crate::error::EvalError;
use crate::exact::Rational;
use crate::family::Distribution;
use crate::interrupt::Interrupt;
use crate::numeric::compiled::interval::log_sum_exp;
use crate::numeric::interval::{Failure, Interval};
use crate::numeric::series::{self, Growth, Ratio};
use crate::numeric::{functions, Enclose};
use crate::sym::Method;

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
        let finite_end = finite_end(p.iter().chain(&q), first);
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
        let tail = self.tail_against(cut, &self.q)?;
        // Where Q enters the summand only as a lower bound (KL, cross-entropy, Rényi above order 1), q ≥ wⱼqⱼ
        // for each component, and the tail against one component alone bounds the tail against Q. A
        // mixture's own ratio model lies between its components' ratios, so a Poisson's λ/(k + 1) beside a
        // negative binomial made the ratio of Rényi's p³/q² grow without bound, where against the negative
        // binomial alone it decays. (That series diverging says nothing of the true one.)
        let lower_bound_only = match &self.form {
            Form::KullbackLeibler | Form::CrossEntropy => true,
            Form::RenyiPower(alpha) => *alpha > Rational::one(),
            _ => false,
        };
        if !matches!(tail, Tail::Unknown) || !lower_bound_only || self.q.len() < 2 {
            return Ok(tail);
        }
        let mut best: Option<Float> = None;
        for component in self.q.iter().filter(|mass| mass.upper.is_none()) {
            if let Tail::Bound(bound) = self.tail_against(cut, std::slice::from_ref(component))? {
                if best.as_ref().is_none_or(|best| bound < *best) {
                    best = Some(bound);
                }
            }
        }
        Ok(best.map_or(Tail::Unknown, Tail::Bound))
    }

    /// A bound of the tail from k = `cut` on, with `q` the masses of Q (or of a part of it).
    fn tail_against(&self, cut: i64, q: &[Mass]) -> Result<Tail, EvalError> {
        let s_max =
            Interval::from_rational(&Rational::new(1.into(), (cut + 1).into()), BOUND_PRECISION)
                .map_err(failure)?;
        let mut p_values = Evaluators::new(&self.p, BOUND_PRECISION)?;
        let mut q_values = Evaluators::new(q, BOUND_PRECISION)?;
        let (lp, lq) = (p_values.log_mass(cut)?, q_values.log_mass(cut)?);
        let p_model = lp.as_ref().and_then(|_| tail_model(&self.p, &s_max));
        let q_model = lq.as_ref().and_then(|_| tail_model(q, &s_max));
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
                self.magnitude = Float::with_val(64, &value.abs().lower);
                return Ok(());
            }
        }
        Ok(())
    }
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
        let (working, goal) = working_precision(precision, &self.description)?;
        self.enclose_with(working, goal, interrupt)
    }

    fn method(&self) -> Method {
        Method::Series
    }

    fn describe(&self) -> String {
        self.description.clone()
    }
}
