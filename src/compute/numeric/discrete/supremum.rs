//! Rényi of order ∞ between mass functions: the largest log p − log q, with a proven bound on the tail.

use num_traits::One;

use super::{failure, finite_end, masses, tail_model, Evaluators, Mass, BOUND_PRECISION};
use crate::error::EvalError;
use crate::exact::Rational;
use crate::family::Distribution;
use crate::interrupt::Interrupt;
use crate::numeric::interval::Interval;
use crate::numeric::series;
use crate::numeric::Enclose;
use crate::sym::Method;

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
    ) -> Result<PreparedSupremum, EvalError> {
        let (p, q) = (masses(p)?, masses(q)?);
        let first = p.iter().map(|mass| mass.lower).min().unwrap_or(0);
        let finite_end = finite_end(p.iter().chain(&q), first).max(5);
        let mut p_values = Evaluators::new(&p, BOUND_PRECISION)?;
        let mut q_values = Evaluators::new(&q, BOUND_PRECISION)?;
        for k in first..=finite_end {
            if p_values.log_mass(k)?.is_some() && q_values.log_mass(k)?.is_none() {
                return Ok(PreparedSupremum::Infinite(format!(
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
                return Ok(PreparedSupremum::Finite(Supremum {
                    p,
                    q,
                    first,
                    cut: finite_end,
                    description,
                }));
            };
            let Some(qm) = qm else {
                return Ok(PreparedSupremum::Infinite(
                    "P has mass where Q has none".into(),
                ));
            };
            let upper = series::ratio_bound(
                &[(&pm.upper, one.clone()), (&qm.lower, -one.clone())],
                &s_max,
            );
            if upper.is_some_and(|ratio| ratio <= 1) {
                return Ok(PreparedSupremum::Finite(Supremum {
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
                return Ok(PreparedSupremum::Infinite("p/q grows without bound".into()));
            }
        }
        Err(EvalError::Undecided(format!(
            "{description}: cannot bound p/q in the tail"
        )))
    }
}

/// The outcome of preparing a discrete supremum.
pub enum PreparedSupremum {
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
