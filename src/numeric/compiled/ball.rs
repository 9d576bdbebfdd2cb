//! Evaluation of a program on double-double balls ([`crate::numeric::ball`]): the points of a quadrature
//! at low precision, some twenty times faster than MPFR intervals.
//!
//! Only the instructions of the common log-densities are taken (arithmetic, powers, log, exp, the
//! mixtures' sums); a program with another (lgamma of the variable, erf, sine, …) has no ball evaluator, and
//! a point where a ball operation gives up ([`OutOfReach`]) is evaluated with MPFR by the caller.

use std::sync::Arc;

use super::{Instruction, Program, Slot, Unary};
use crate::error::EvalError;
use crate::numeric::ball::{Ball, OutOfReach};

/// A program with its constants as balls.
pub struct BallEvaluator<'a> {
    program: &'a Program,
    constants: Arc<[Ball]>,
    registers: Vec<Ball>,
}

/// Whether every instruction of `program` has a ball form.
fn supported(program: &Program) -> bool {
    program
        .instructions
        .iter()
        .all(|instruction| match instruction {
            Instruction::Unary(unary, _) => {
                matches!(unary, Unary::Log | Unary::Exp | Unary::ExpM1 | Unary::Abs)
            }
            Instruction::PowRational(_, exponent) => {
                small(exponent.numer()).is_some() && small(exponent.denom()).is_some()
            }
            _ => true,
        })
}

/// An integer as an exact f64, when it is one.
fn small(value: &num_bigint::BigInt) -> Option<f64> {
    let value: i64 = value.try_into().ok()?;
    (value.unsigned_abs() < 1 << 53).then_some(value as f64)
}

impl<'a> BallEvaluator<'a> {
    /// The evaluator of `program`, or `None` when the program has an instruction without a ball form or a
    /// constant out of the balls' range.
    pub fn new(program: &'a Program) -> Result<Option<BallEvaluator<'a>>, EvalError> {
        if !supported(program) {
            return Ok(None);
        }
        Ok(program.ball_constants()?.map(|constants| BallEvaluator {
            program,
            constants,
            registers: Vec::with_capacity(program.instructions.len()),
        }))
    }

    fn get(&self, slot: Slot, t: &Ball) -> Ball {
        match slot {
            Slot::Variable => *t,
            Slot::Constant(index) => self.constants[index],
            Slot::Register(index) => self.registers[index],
        }
    }

    fn weighted(&self, pairs: &[(Slot, Slot)], t: &Ball) -> Result<Vec<Ball>, OutOfReach> {
        pairs
            .iter()
            .map(|(weight, term)| self.get(*weight, t).add(&self.get(*term, t)))
            .collect()
    }

    /// Encloses f(t) for every t in the ball.
    pub fn evaluate(&mut self, t: &Ball) -> Result<Ball, OutOfReach> {
        self.registers.clear();
        for instruction in &self.program.instructions {
            let value = match instruction {
                Instruction::Affine { offset, slope } => {
                    let scaled = self.constants[*slope].mul(t)?;
                    match offset {
                        Some(offset) => scaled.add(&self.constants[*offset])?,
                        None => scaled,
                    }
                }
                Instruction::Add(a, b) => self.get(*a, t).add(&self.get(*b, t))?,
                Instruction::Sub(a, b) => self.get(*a, t).sub(&self.get(*b, t))?,
                Instruction::Mul(a, b) => self.get(*a, t).mul(&self.get(*b, t))?,
                Instruction::Div(a, b) => self.get(*a, t).div(&self.get(*b, t))?,
                Instruction::Neg(a) => self.get(*a, t).neg(),
                Instruction::PowInteger(a, n) => self.get(*a, t).powi(*n)?,
                Instruction::PowRational(a, exponent) => {
                    let numerator = small(exponent.numer()).ok_or(OutOfReach)?;
                    let denominator = small(exponent.denom()).ok_or(OutOfReach)?;
                    let exponent = Ball::exact(numerator).div(&Ball::exact(denominator))?;
                    self.get(*a, t).pow(&exponent)?
                }
                Instruction::Pow(a, b) => self.get(*a, t).pow(&self.get(*b, t))?,
                Instruction::Unary(unary, a) => {
                    let a = self.get(*a, t);
                    match unary {
                        Unary::Log => a.log()?,
                        Unary::Exp => a.exp()?,
                        Unary::ExpM1 => a.exp_minus_one()?,
                        Unary::Abs => a.abs()?,
                        _ => return Err(OutOfReach),
                    }
                }
                Instruction::LogSumExp(pairs) => log_sum_exp(&self.weighted(pairs, t)?)?,
                Instruction::SumExp(pairs) => sum_exp(&self.weighted(pairs, t)?)?,
                Instruction::LogOfSum(sum, pairs) => match self.get(*sum, t).log() {
                    Ok(value) => value,
                    Err(OutOfReach) => log_sum_exp(&self.weighted(pairs, t)?)?,
                },
                Instruction::LogProduct(factors) => {
                    // Each factor positive first: the product of two negative factors is positive where
                    // their logarithms are undefined.
                    if !factors.iter().all(|(a, _)| self.get(*a, t).is_positive()) {
                        return Err(OutOfReach);
                    }
                    let product = factors
                        .iter()
                        .try_fold(Ball::exact(1.0), |product, (a, k)| {
                            product.mul(&self.get(*a, t).powi(*k)?)
                        });
                    match product.and_then(|product| product.log()) {
                        Ok(value) => value,
                        // The product left the range: the sum of the logarithms.
                        Err(OutOfReach) => {
                            factors.iter().try_fold(Ball::exact(0.0), |sum, (a, k)| {
                                let term = self.get(*a, t).log()?.mul(&Ball::exact(*k as f64))?;
                                sum.add(&term)
                            })?
                        }
                    }
                }
            };
            self.registers.push(value);
        }
        Ok(self.get(self.program.output, t))
    }
}

/// The largest midpoint of some balls.
fn largest(terms: &[Ball]) -> Result<f64, OutOfReach> {
    terms
        .iter()
        .map(Ball::estimate)
        .reduce(f64::max)
        .filter(|value| value.is_finite())
        .ok_or(OutOfReach)
}

/// Σ exp(sᵢ). A term below e⁻⁶⁰⁰ counts as a ball of radius 2⁻⁸⁶⁰ around 0 (e⁻⁵⁹⁹ < 2⁻⁸⁶⁴), provided the
/// largest term is in range.
fn sum_exp(terms: &[Ball]) -> Result<Ball, OutOfReach> {
    largest(terms)?;
    let mut total = Ball::exact(0.0);
    for term in terms {
        // high + |low| + radius < −600 puts the whole ball below −599.
        let value = if term.estimate() + term.radius() < -600.0 {
            negligible()
        } else {
            term.exp()?
        };
        total = total.add(&value)?;
    }
    Ok(total)
}

/// log Σ exp(sᵢ) = m + log Σ exp(sᵢ − m), with m the largest midpoint.
fn log_sum_exp(terms: &[Ball]) -> Result<Ball, OutOfReach> {
    let shift = Ball::exact(largest(terms)?);
    let shifted = terms
        .iter()
        .map(|term| term.sub(&shift))
        .collect::<Result<Vec<Ball>, OutOfReach>>()?;
    sum_exp(&shifted)?.log()?.add(&shift)
}

fn negligible() -> Ball {
    Ball::around_zero(2f64.powi(-860))
}

#[cfg(test)]
mod tests;
