//! Evaluation of a program at one point in machine floats: the cheapest estimate, not rigorous.
//!
//! Used where the order of magnitude is all that is needed (the magnitude that scales an integral's
//! tolerances). Some forty times cheaper than double-double balls, and some hundred times cheaper than
//! MPFR at 53 bits, whose logarithm and exponential cost thousands of instructions. Functions without a
//! machine-float form here (digamma, trigamma, E₁), and results that are not finite, give `None`: the
//! caller then evaluates the point another way.

use super::{Instruction, Program, Slot, Unary};
use crate::numeric::Interval;

/// A program with its constants rounded to machine floats.
pub struct FloatEvaluator<'a> {
    program: &'a Program,
    constants: Vec<f64>,
    registers: Vec<f64>,
}

impl<'a> FloatEvaluator<'a> {
    /// Takes the constants already enclosed (their midpoints, rounded to nearest).
    pub fn new(program: &'a Program, constants: &[Interval]) -> FloatEvaluator<'a> {
        FloatEvaluator {
            program,
            constants: constants
                .iter()
                .map(|constant| constant.midpoint().to_f64())
                .collect(),
            registers: Vec::with_capacity(program.instructions.len()),
        }
    }

    fn get(&self, slot: Slot, t: f64) -> f64 {
        match slot {
            Slot::Variable => t,
            Slot::Constant(index) => self.constants[index],
            Slot::Register(index) => self.registers[index],
        }
    }

    fn terms(&self, pairs: &[(Slot, Slot)], t: f64) -> Vec<f64> {
        pairs
            .iter()
            .map(|(weight, term)| self.get(*weight, t) + self.get(*term, t))
            .collect()
    }

    /// The value at `t`, or `None` where it is not finite or needs a function without a float form.
    pub fn evaluate(&mut self, t: f64) -> Option<f64> {
        self.registers.clear();
        for instruction in &self.program.instructions {
            let value = match instruction {
                Instruction::Affine { offset, slope } => {
                    self.constants[*slope] * t + offset.map_or(0.0, |o| self.constants[o])
                }
                Instruction::Add(a, b) => self.get(*a, t) + self.get(*b, t),
                Instruction::Sub(a, b) => self.get(*a, t) - self.get(*b, t),
                Instruction::Mul(a, b) => self.get(*a, t) * self.get(*b, t),
                Instruction::Div(a, b) => self.get(*a, t) / self.get(*b, t),
                Instruction::Neg(a) => -self.get(*a, t),
                Instruction::PowInteger(a, n) => self.get(*a, t).powi(*n),
                Instruction::PowRational(a, exponent) => {
                    let exponent = crate::exact::to_f64(exponent);
                    self.get(*a, t).powf(exponent)
                }
                Instruction::Pow(a, b) => self.get(*a, t).powf(self.get(*b, t)),
                Instruction::Unary(unary, a) => apply(*unary, self.get(*a, t))?,
                Instruction::LogSumExp(pairs) | Instruction::LogOfSum(_, pairs) => {
                    log_sum_exp(&self.terms(pairs, t))
                }
                Instruction::SumExp(pairs) => log_sum_exp(&self.terms(pairs, t)).exp(),
                Instruction::LogProduct(factors) => factors
                    .iter()
                    .map(|(a, k)| *k as f64 * self.get(*a, t).ln())
                    .sum(),
            };
            if value.is_nan() {
                return None;
            }
            self.registers.push(value);
        }
        let result = self.get(self.program.output, t);
        result.is_finite().then_some(result)
    }
}

/// log Σ exp(terms), shifted by the largest term.
fn log_sum_exp(terms: &[f64]) -> f64 {
    let largest = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !largest.is_finite() {
        return largest;
    }
    let sum: f64 = terms.iter().map(|term| (term - largest).exp()).sum();
    sum.ln() + largest
}

fn apply(unary: Unary, x: f64) -> Option<f64> {
    Some(match unary {
        Unary::Log => x.ln(),
        Unary::Exp => x.exp(),
        Unary::ExpM1 => x.exp_m1(),
        Unary::Abs => x.abs(),
        Unary::Lgamma => libm::lgamma(x),
        Unary::Erf => libm::erf(x),
        Unary::Erfc => libm::erfc(x),
        Unary::Atan => x.atan(),
        Unary::Sin => x.sin(),
        Unary::Cos => x.cos(),
        Unary::Digamma | Unary::Trigamma | Unary::ExpIntegralE1 => return None,
    })
}
