//! Evaluation of a program at one point, with floats rounded to nearest: fast, not rigorous.
//!
//! Used where only an estimate is needed (locating modes and crossings before they are certified, the
//! double-exponential estimates of the unproven path). A result that is not finite is `None`.

use rug::ops::Pow;
use rug::Float;

use super::{Instruction, Program, Slot, Unary};
use crate::error::EvalError;
use crate::interrupt::Never;
use crate::numeric::interval::Interval;

/// A program with its constants evaluated at one precision, and registers to evaluate it.
pub struct PointEvaluator<'a> {
    program: &'a Program,
    precision: u32,
    constants: Vec<Float>,
    registers: Vec<Float>,
}

impl<'a> PointEvaluator<'a> {
    /// Evaluates the program's constants at `precision` bits.
    pub fn new(program: &'a Program, precision: u32) -> Result<PointEvaluator<'a>, EvalError> {
        let constants = program
            .constants_at(precision)?
            .iter()
            .map(Interval::midpoint)
            .collect();
        Ok(PointEvaluator {
            program,
            precision,
            constants,
            registers: Vec::with_capacity(program.instructions.len()),
        })
    }

    /// The working precision.
    pub fn precision(&self) -> u32 {
        self.precision
    }

    fn get<'b>(&'b self, slot: Slot, t: &'b Float) -> &'b Float {
        match slot {
            Slot::Variable => t,
            Slot::Constant(index) => &self.constants[index],
            Slot::Register(index) => &self.registers[index],
        }
    }

    /// The value at `t`, or `None` when it is not finite (outside the domain, or an overflow).
    pub fn evaluate(&mut self, t: &Float) -> Option<Float> {
        self.registers.clear();
        let precision = self.precision;
        for instruction in &self.program.instructions {
            let value = match instruction {
                Instruction::Affine { offset, slope } => {
                    let mut value = Float::with_val(precision, &self.constants[*slope] * t);
                    if let Some(offset) = offset {
                        value += &self.constants[*offset];
                    }
                    value
                }
                Instruction::Add(a, b) => {
                    Float::with_val(precision, self.get(*a, t) + self.get(*b, t))
                }
                Instruction::Sub(a, b) => {
                    Float::with_val(precision, self.get(*a, t) - self.get(*b, t))
                }
                Instruction::Mul(a, b) => {
                    Float::with_val(precision, self.get(*a, t) * self.get(*b, t))
                }
                Instruction::Div(a, b) => {
                    Float::with_val(precision, self.get(*a, t) / self.get(*b, t))
                }
                Instruction::Neg(a) => Float::with_val(precision, -self.get(*a, t)),
                Instruction::PowInteger(a, n) => {
                    Float::with_val(precision, self.get(*a, t).pow(*n))
                }
                Instruction::PowRational(a, exponent) => {
                    let base = self.get(*a, t);
                    let exponent = Float::with_val(
                        precision,
                        crate::numeric::interval::to_rug_rational(exponent),
                    );
                    Float::with_val(precision, base.pow(&exponent))
                }
                Instruction::Pow(a, b) => {
                    Float::with_val(precision, self.get(*a, t).pow(self.get(*b, t)))
                }
                Instruction::Unary(unary, a) => apply(*unary, self.get(*a, t), precision),
                Instruction::LogSumExp(pairs) | Instruction::LogOfSum(_, pairs) => {
                    let terms: Vec<Float> = pairs
                        .iter()
                        .map(|(weight, term)| {
                            Float::with_val(precision, self.get(*weight, t) + self.get(*term, t))
                        })
                        .collect();
                    log_sum_exp(&terms, precision)
                }
                Instruction::SumExp(pairs) => {
                    let terms: Vec<Float> = pairs
                        .iter()
                        .map(|(weight, term)| {
                            Float::with_val(precision, self.get(*weight, t) + self.get(*term, t))
                        })
                        .collect();
                    log_sum_exp(&terms, precision).exp()
                }
                Instruction::LogProduct(factors) => {
                    let mut product = Float::with_val(precision, 1);
                    for (a, k) in factors {
                        let value = self.get(*a, t);
                        if *value <= 0 {
                            return None;
                        }
                        product *= Float::with_val(precision, value.pow(*k));
                    }
                    product.ln()
                }
            };
            if value.is_nan() {
                return None;
            }
            self.registers.push(value);
        }
        let result = self.get(self.program.output, t).clone();
        result.is_finite().then_some(result)
    }

    /// The value at a machine float, as a machine float (for searches that need only a few digits).
    pub fn evaluate_f64(&mut self, t: f64) -> Option<f64> {
        let t = Float::with_val(self.precision, t);
        self.evaluate(&t).map(|value| value.to_f64())
    }
}

/// log Σ exp(terms), shifted by the largest term so that nothing overflows or underflows to zero.
pub(crate) fn log_sum_exp(terms: &[Float], precision: u32) -> Float {
    let finite: Vec<&Float> = terms.iter().filter(|term| !term.is_nan()).collect();
    let Some(largest) = finite
        .iter()
        .copied()
        .max_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal))
    else {
        return Float::with_val(precision, f64::NAN);
    };
    if largest.is_infinite() {
        return largest.clone();
    }
    let mut sum = Float::new(precision);
    for term in finite {
        sum += Float::with_val(precision, term - largest).exp();
    }
    Float::with_val(precision, sum.ln() + largest)
}

fn apply(unary: Unary, x: &Float, precision: u32) -> Float {
    let x = Float::with_val(precision, x);
    match unary {
        Unary::Log => x.ln(),
        Unary::Exp => x.exp(),
        Unary::ExpM1 => x.exp_m1(),
        Unary::Abs => x.abs(),
        Unary::Lgamma => x.ln_gamma(),
        Unary::Digamma => x.digamma(),
        Unary::Erf => x.erf(),
        Unary::Erfc => x.erfc(),
        Unary::Atan => x.atan(),
        Unary::Sin => x.sin(),
        Unary::Cos => x.cos(),
        Unary::ExpIntegralE1 => {
            let negated = Float::with_val(precision, -&x);
            -negated.eint()
        }
        Unary::Trigamma => {
            let point = crate::numeric::Interval::point(x);
            match crate::numeric::trigamma::trigamma(&point, &Never) {
                Ok(value) => value.midpoint(),
                Err(_) => Float::with_val(precision, f64::NAN),
            }
        }
    }
}
