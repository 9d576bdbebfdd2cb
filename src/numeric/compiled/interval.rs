//! Rigorous evaluation of a program on an interval, optionally with its first derivative.
//!
//! The value on an interval `T` contains f(t) for every t ∈ T. With derivatives ([`Jet`]), the second part
//! contains f′(t) for every t ∈ T: this decides monotonicity when locating crossings and maxima.

use std::sync::Arc;

use rug::float::Round;
use rug::Float;

use super::{Instruction, Program, Slot, Unary};
use crate::error::EvalError;
use crate::interrupt::Never;
use crate::numeric::interval::{round, to_rug_integer, Failure, Interval};
use crate::numeric::{functions, power, trigamma};

/// A program with its constants enclosed at one precision.
pub struct IntervalEvaluator<'a> {
    program: &'a Program,
    precision: u32,
    constants: Arc<Vec<Interval>>,
    registers: Vec<Interval>,
}

fn constants_at(program: &Program, precision: u32) -> Result<Arc<Vec<Interval>>, EvalError> {
    program.constants_at(precision)
}

impl<'a> IntervalEvaluator<'a> {
    /// Encloses the program's constants at `precision` bits.
    pub fn new(program: &'a Program, precision: u32) -> Result<IntervalEvaluator<'a>, EvalError> {
        Ok(IntervalEvaluator {
            program,
            precision,
            constants: constants_at(program, precision)?,
            registers: Vec::with_capacity(program.instructions.len()),
        })
    }

    /// The working precision.
    pub fn precision(&self) -> u32 {
        self.precision
    }

    /// The constants, enclosed (for the complex evaluator, which shares them).
    pub fn constants(&self) -> &[Interval] {
        &self.constants
    }

    fn get<'b>(&'b self, slot: Slot, t: &'b Interval) -> &'b Interval {
        match slot {
            Slot::Variable => t,
            Slot::Constant(index) => &self.constants[index],
            Slot::Register(index) => &self.registers[index],
        }
    }

    /// wᵢ + lᵢ for the (log-weight, log-term) pairs of a mixture.
    fn weighted(&self, pairs: &[(Slot, Slot)], t: &Interval) -> Result<Vec<Interval>, Failure> {
        pairs
            .iter()
            .map(|(weight, term)| self.get(*weight, t).add(self.get(*term, t)))
            .collect()
    }

    /// Encloses f(T).
    pub fn evaluate(&mut self, t: &Interval) -> Result<Interval, Failure> {
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
                Instruction::Add(a, b) => self.get(*a, t).add(self.get(*b, t))?,
                Instruction::Sub(a, b) => self.get(*a, t).sub(self.get(*b, t))?,
                Instruction::Mul(a, b) => self.get(*a, t).mul(self.get(*b, t))?,
                Instruction::Div(a, b) => self.get(*a, t).div(self.get(*b, t))?,
                Instruction::Neg(a) => self.get(*a, t).neg(),
                Instruction::PowInteger(a, n) => {
                    power::pow_integer(self.get(*a, t), &rug::Integer::from(*n))?
                }
                Instruction::PowRational(a, exponent) => {
                    power::pow_rational(self.get(*a, t), exponent)?
                }
                Instruction::Pow(a, b) => power::pow(self.get(*a, t), self.get(*b, t))?,
                Instruction::Unary(unary, a) => apply(*unary, self.get(*a, t))?,
                Instruction::LogSumExp(pairs) => {
                    let terms = self.weighted(pairs, t)?;
                    log_sum_exp(&terms)?
                }
                Instruction::SumExp(pairs) => {
                    let terms = self.weighted(pairs, t)?;
                    sum_exp(&terms)?
                }
                Instruction::LogOfSum(sum, pairs) => {
                    let sum = self.get(*sum, t);
                    if sum.is_positive() {
                        functions::log(sum)?
                    } else {
                        let terms = self.weighted(pairs, t)?;
                        log_sum_exp(&terms)?
                    }
                }
                Instruction::LogProduct(factors) => {
                    let values: Vec<(&Interval, i32)> =
                        factors.iter().map(|(a, k)| (self.get(*a, t), *k)).collect();
                    log_product(&values, self.precision)?
                }
            };
            self.registers.push(value);
        }
        Ok(self.get(self.program.output, t).clone())
    }

    /// Encloses f(T) and f′(T) together.
    pub fn evaluate_jet(&mut self, t: &Interval) -> Result<Jet, Failure> {
        let one = Interval::point(Float::with_val(self.precision, 1));
        let zero = Interval::point(Float::new(self.precision));
        let variable = Jet {
            value: t.clone(),
            derivative: one,
        };
        let constants: Vec<Jet> = self
            .constants
            .iter()
            .map(|value| Jet {
                value: value.clone(),
                derivative: zero.clone(),
            })
            .collect();
        let mut registers: Vec<Jet> = Vec::with_capacity(self.program.instructions.len());
        let get = |slot: Slot, registers: &[Jet]| -> Jet {
            match slot {
                Slot::Variable => variable.clone(),
                Slot::Constant(index) => constants[index].clone(),
                Slot::Register(index) => registers[index].clone(),
            }
        };
        for instruction in &self.program.instructions {
            let value = match instruction {
                Instruction::Affine { offset, slope } => {
                    let slope = &self.constants[*slope];
                    let scaled = slope.mul(t)?;
                    Jet {
                        value: match offset {
                            Some(offset) => scaled.add(&self.constants[*offset])?,
                            None => scaled,
                        },
                        derivative: slope.clone(),
                    }
                }
                Instruction::Add(a, b) => get(*a, &registers).add(&get(*b, &registers))?,
                Instruction::Sub(a, b) => get(*a, &registers).sub(&get(*b, &registers))?,
                Instruction::Mul(a, b) => get(*a, &registers).mul(&get(*b, &registers))?,
                Instruction::Div(a, b) => get(*a, &registers).div(&get(*b, &registers))?,
                Instruction::Neg(a) => {
                    let a = get(*a, &registers);
                    Jet {
                        value: a.value.neg(),
                        derivative: a.derivative.neg(),
                    }
                }
                Instruction::PowInteger(a, n) => {
                    let a = get(*a, &registers);
                    let value = power::pow_integer(&a.value, &rug::Integer::from(*n))?;
                    let lower = power::pow_integer(&a.value, &rug::Integer::from(*n - 1))?;
                    let factor = Interval::point(Float::with_val(self.precision, *n));
                    let derivative = factor.mul(&lower)?.mul(&a.derivative)?;
                    Jet { value, derivative }
                }
                Instruction::PowRational(a, exponent) => {
                    let a = get(*a, &registers);
                    let value = power::pow_rational(&a.value, exponent)?;
                    let reduced = exponent - crate::exact::integer(1);
                    let lower = power::pow_rational(&a.value, &reduced)?;
                    let factor = Interval::from_rational(exponent, self.precision)?;
                    let derivative = factor.mul(&lower)?.mul(&a.derivative)?;
                    Jet { value, derivative }
                }
                Instruction::Pow(a, b) => {
                    let (a, b) = (get(*a, &registers), get(*b, &registers));
                    let value = power::pow(&a.value, &b.value)?;
                    // (aᵇ)′ = aᵇ (b′ log a + b a′/a).
                    let log_a = functions::log(&a.value)?;
                    let inner = b
                        .derivative
                        .mul(&log_a)?
                        .add(&b.value.mul(&a.derivative)?.div(&a.value)?)?;
                    let derivative = value.mul(&inner)?;
                    Jet { value, derivative }
                }
                Instruction::Unary(unary, a) => jet_unary(*unary, &get(*a, &registers))?,
                Instruction::SumExp(pairs) => {
                    let terms = pairs
                        .iter()
                        .map(|(weight, term)| get(*weight, &registers).add(&get(*term, &registers)))
                        .collect::<Result<Vec<Jet>, Failure>>()?;
                    let values: Vec<Interval> = terms.iter().map(|j| j.value.clone()).collect();
                    let value = sum_exp(&values)?;
                    // (Σ e^{sᵢ})′ = Σ e^{sᵢ} sᵢ′.
                    let mut derivative = Interval::point(Float::new(self.precision));
                    for term in &terms {
                        let share = functions::exp(&term.value)?;
                        derivative = derivative.add(&share.mul(&term.derivative)?)?;
                    }
                    Jet { value, derivative }
                }
                Instruction::LogProduct(factors) => {
                    let jets: Vec<(Jet, i32)> = factors
                        .iter()
                        .map(|(a, k)| (get(*a, &registers), *k))
                        .collect();
                    let values: Vec<(&Interval, i32)> =
                        jets.iter().map(|(jet, k)| (&jet.value, *k)).collect();
                    let value = log_product(&values, self.precision)?;
                    // (Σ kᵢ log aᵢ)′ = Σ kᵢ aᵢ′/aᵢ.
                    let mut derivative = Interval::point(Float::new(self.precision));
                    for (jet, k) in &jets {
                        let k = Interval::point(Float::with_val(self.precision, *k));
                        derivative = derivative.add(&k.mul(&jet.derivative.div(&jet.value)?)?)?;
                    }
                    Jet { value, derivative }
                }
                Instruction::LogSumExp(pairs) | Instruction::LogOfSum(_, pairs) => {
                    let terms = pairs
                        .iter()
                        .map(|(weight, term)| get(*weight, &registers).add(&get(*term, &registers)))
                        .collect::<Result<Vec<Jet>, Failure>>()?;
                    let values: Vec<Interval> = terms.iter().map(|j| j.value.clone()).collect();
                    let total = log_sum_exp(&values)?;
                    // d/dt log Σ e^{sᵢ} = Σ e^{sᵢ − LSE} sᵢ′.
                    let mut derivative = Interval::point(Float::new(self.precision));
                    for term in &terms {
                        let share = functions::exp(&term.value.sub(&total)?)?;
                        derivative = derivative.add(&share.mul(&term.derivative)?)?;
                    }
                    Jet {
                        value: total,
                        derivative,
                    }
                }
            };
            registers.push(value);
        }
        Ok(get(self.program.output, &registers))
    }
}

/// A value and its derivative, both enclosed.
#[derive(Clone, Debug)]
pub struct Jet {
    /// Encloses f.
    pub value: Interval,
    /// Encloses f′.
    pub derivative: Interval,
}

impl Jet {
    fn add(&self, other: &Jet) -> Result<Jet, Failure> {
        Ok(Jet {
            value: self.value.add(&other.value)?,
            derivative: self.derivative.add(&other.derivative)?,
        })
    }

    fn sub(&self, other: &Jet) -> Result<Jet, Failure> {
        Ok(Jet {
            value: self.value.sub(&other.value)?,
            derivative: self.derivative.sub(&other.derivative)?,
        })
    }

    fn mul(&self, other: &Jet) -> Result<Jet, Failure> {
        Ok(Jet {
            value: self.value.mul(&other.value)?,
            derivative: self
                .derivative
                .mul(&other.value)?
                .add(&self.value.mul(&other.derivative)?)?,
        })
    }

    fn div(&self, other: &Jet) -> Result<Jet, Failure> {
        let value = self.value.div(&other.value)?;
        let derivative = self
            .derivative
            .sub(&value.mul(&other.derivative)?)?
            .div(&other.value)?;
        Ok(Jet { value, derivative })
    }
}

fn jet_unary(unary: Unary, a: &Jet) -> Result<Jet, Failure> {
    let precision = a.value.precision();
    let value = apply(unary, &a.value)?;
    let slope = match unary {
        Unary::Log => a.value.recip()?,
        Unary::Exp => value.clone(),
        Unary::ExpM1 => functions::exp(&a.value)?,
        Unary::Abs => {
            if a.value.lower >= 0 {
                Interval::point(Float::with_val(precision, 1))
            } else if a.value.upper <= 0 {
                Interval::point(Float::with_val(precision, -1))
            } else {
                Interval::new(
                    Float::with_val(precision, -1),
                    Float::with_val(precision, 1),
                )?
            }
        }
        Unary::Sin => functions::cos(&a.value)?,
        Unary::Cos => functions::sin(&a.value)?.neg(),
        Unary::Atan => {
            let square = power::pow_integer(&a.value, &rug::Integer::from(2))?;
            let one = Interval::point(Float::with_val(precision, 1));
            one.add(&square)?.recip()?
        }
        Unary::Erf | Unary::Erfc => {
            // erf′(x) = 2/√π · e^{−x²}.
            let square = power::pow_integer(&a.value, &rug::Integer::from(2))?;
            let gaussian = functions::exp(&square.neg())?;
            let two = Interval::point(Float::with_val(precision, 2));
            let root_pi = functions::sqrt(&Interval::pi(precision))?;
            let slope = two.div(&root_pi)?.mul(&gaussian)?;
            if unary == Unary::Erfc {
                slope.neg()
            } else {
                slope
            }
        }
        Unary::Lgamma => functions::digamma(&a.value)?,
        Unary::Digamma => trigamma::trigamma(&a.value, &Never)?,
        Unary::ExpIntegralE1 => {
            // E₁′(x) = −e^{−x}/x.
            functions::exp(&a.value.neg())?.div(&a.value)?.neg()
        }
        Unary::Trigamma => {
            return Err(Failure::Fatal(EvalError::NoRule(
                "the derivative of trigamma".into(),
            )))
        }
    };
    Ok(Jet {
        value,
        derivative: slope.mul(&a.derivative)?,
    })
}

/// Applies a unary function to an interval.
pub fn apply(unary: Unary, x: &Interval) -> Result<Interval, Failure> {
    match unary {
        Unary::Log => functions::log(x),
        Unary::Exp => functions::exp(x),
        Unary::ExpM1 => {
            let precision = x.precision();
            x.monotone(true, |v, r| round(precision, v.exp_m1_ref(), r))
        }
        Unary::Abs => Ok(x.abs()),
        Unary::Lgamma => functions::lgamma(x),
        Unary::Digamma => functions::digamma(x),
        Unary::Trigamma => trigamma::trigamma(x, &Never),
        Unary::Erf => functions::erf(x),
        Unary::Erfc => functions::erfc(x),
        Unary::ExpIntegralE1 => functions::expint(x),
        Unary::Atan => functions::atan(x),
        Unary::Sin => functions::sin(x),
        Unary::Cos => functions::cos(x),
    }
}

/// Σ exp(sᵢ): term by term where no exponential can overflow MPFR's exponent range (about e^{7·10⁸}; one
/// that underflows only widens the sum towards 0, and [`Instruction::LogOfSum`] then takes the logarithm
/// from the terms), else e^{log-sum-exp}, whose shift keeps the sum representable.
pub fn sum_exp(terms: &[Interval]) -> Result<Interval, Failure> {
    let Some(first) = terms.first() else {
        return Err(Failure::Fatal(EvalError::Domain(
            "an empty sum of exponentials".into(),
        )));
    };
    if terms.iter().all(|term| term.upper < 5e8) {
        let mut total = functions::exp(first)?;
        for term in &terms[1..] {
            total = total.add(&functions::exp(term)?)?;
        }
        return Ok(total);
    }
    functions::exp(&log_sum_exp(terms)?)
}

/// Σ kᵢ log aᵢ as the logarithm of Π aᵢ^kᵢ, each aᵢ checked positive first (a product of negative
/// factors may be positive where the terms' logarithms are undefined).
pub fn log_product(factors: &[(&Interval, i32)], precision: u32) -> Result<Interval, Failure> {
    // Products start from their first factor: a product with 1 would cost two roundings for nothing.
    let mut numerator: Option<Interval> = None;
    let mut denominator: Option<Interval> = None;
    for (value, k) in factors {
        functions::require_positive(value, "log")?;
        let power = power::pow_integer(value, &rug::Integer::from(k.unsigned_abs()))?;
        let side = if *k > 0 {
            &mut numerator
        } else {
            &mut denominator
        };
        *side = Some(match side.take() {
            Some(product) => product.mul(&power)?,
            None => power,
        });
    }
    let quotient = match (numerator, denominator) {
        (Some(numerator), Some(denominator)) => numerator.div(&denominator)?,
        (Some(numerator), None) => numerator,
        (None, Some(denominator)) => denominator.recip()?,
        (None, None) => Interval::point(Float::with_val(precision, 1)),
    };
    functions::log(&quotient)
}

/// log Σ exp(terms). The lower end is at least the largest lower end of a term (log Σ e^{sᵢ} ≥ max sᵢ), so a
/// wide term whose exponential underflows does not make the sum straddle zero.
pub fn log_sum_exp(terms: &[Interval]) -> Result<Interval, Failure> {
    let Some(first) = terms.first() else {
        return Err(Failure::Fatal(EvalError::Domain(
            "log of an empty sum".into(),
        )));
    };
    let precision = terms.iter().map(Interval::precision).max().unwrap_or(64);
    let mut shift = first.upper.clone();
    let mut best_lower = first.lower.clone();
    for term in &terms[1..] {
        if term.upper > shift {
            shift = term.upper.clone();
        }
        if term.lower > best_lower {
            best_lower = term.lower.clone();
        }
    }
    let shift_point = Interval::point(shift);
    let mut sum = Interval::point(Float::new(precision));
    for term in terms {
        sum = sum.add(&functions::exp(&term.sub(&shift_point)?)?)?;
    }
    let upper = {
        let log_upper = round(precision, sum.upper.ln_ref(), Round::Up).0;
        round(precision, &log_upper + &shift_point.upper, Round::Up).0
    };
    let mut lower = best_lower;
    if sum.lower > 0 {
        let log_lower = round(precision, sum.lower.ln_ref(), Round::Down).0;
        let candidate = round(precision, &log_lower + &shift_point.lower, Round::Down).0;
        if candidate > lower {
            lower = candidate;
        }
    }
    Interval::new(lower, upper)
}

/// `2^exponent` as a point interval, for scaling.
pub fn power_of_two(exponent: i64, precision: u32) -> Interval {
    let mut value = Float::with_val(precision, 1);
    let shift = exponent.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
    value <<= shift;
    Interval::point(value)
}

/// The integer `n` as a point interval.
pub fn integer(n: i64, precision: u32) -> Interval {
    Interval::point(Float::with_val(precision.max(64), n))
}

/// Converts a num integer to rug for callers of this module.
pub fn rug_integer(value: &num_bigint::BigInt) -> rug::Integer {
    to_rug_integer(value)
}
