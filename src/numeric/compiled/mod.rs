//! Symbolic expressions in one variable compiled into flat register programs.
//!
//! The numeric fallback evaluates the same integrand (built from two log-densities) at thousands of points and
//! on thousands of intervals, at one working precision at a time. Walking the `sym::Expr` tree each time would
//! re-evaluate every constant (`lgamma` of a parameter, `log π`) at every point; a [`Program`] instead holds
//! the constants once, evaluated once per precision by an evaluator, and a list of instructions over them.
//!
//! The variable `x` of a family's log-density is substituted by `center + sign·t` and `t` is the program's
//! input. Affine sub-expressions are folded exactly at compile time, so that near a support end `a` the
//! distance `x − a` is the input `t` itself: `log(1 − x)` with `x = 1 − t` compiles to `log(t)`, with no
//! cancellation however small `t` is.
//!
//! Three evaluators read a program: [`point`] (one float at nearest rounding, fast), [`interval`] (rigorous
//! bounds, with an optional first derivative), and the complex boxes of `quadrature::complex`.

pub mod ball;
pub mod float;
pub mod interval;
pub mod monomials;
pub mod point;
mod polynomial;

// FxHash: these maps are keyed by expression trees, hashed whole at every lookup; SipHash cost several
// times more and its resistance to chosen keys is not needed here.
use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::error::EvalError;
use crate::exact::Rational;
use crate::interrupt::Never;
use crate::numeric::ball::Ball;
use crate::numeric::interval::Interval;
use crate::sym::Expr;

/// The name of the variable of log-densities.
pub const VARIABLE: &str = "x";

/// Where an instruction reads an operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    /// The input `t`.
    Variable,
    /// A constant, evaluated once per precision.
    Constant(usize),
    /// The result of an earlier instruction.
    Register(usize),
}

/// A function of one argument applied by a program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unary {
    /// Natural logarithm.
    Log,
    /// Exponential.
    Exp,
    /// eˣ − 1, accurate near 0.
    ExpM1,
    /// Absolute value (only where the sign of its argument could not be decided at compile time).
    Abs,
    /// log Γ.
    Lgamma,
    /// ψ.
    Digamma,
    /// ψ₁.
    Trigamma,
    /// erf.
    Erf,
    /// erfc.
    Erfc,
    /// E₁.
    ExpIntegralE1,
    /// arctan.
    Atan,
    /// sine.
    Sin,
    /// cosine.
    Cos,
}

/// One instruction; its result goes to the register of its index.
#[derive(Clone, Debug, PartialEq)]
pub enum Instruction {
    /// offset + slope·t, with constant offset (absent when exactly 0) and slope.
    Affine {
        /// The constant offset, if not zero.
        offset: Option<usize>,
        /// The constant slope.
        slope: usize,
    },
    /// a + b.
    Add(Slot, Slot),
    /// a − b.
    Sub(Slot, Slot),
    /// a · b.
    Mul(Slot, Slot),
    /// a / b.
    Div(Slot, Slot),
    /// −a.
    Neg(Slot),
    /// aⁿ.
    PowInteger(Slot, i32),
    /// a^(p/q) for a non-integer rational.
    PowRational(Slot, Rational),
    /// a^b for a real b, a > 0.
    Pow(Slot, Slot),
    /// f(a).
    Unary(Unary, Slot),
    /// log Σᵢ exp(wᵢ + lᵢ) over pairs (log-weight wᵢ, log-term lᵢ): the log-density of a mixture.
    LogSumExp(Vec<(Slot, Slot)>),
    /// Σᵢ exp(wᵢ + lᵢ) over pairs (log-weight wᵢ, log-term lᵢ): the density of a mixture, from which its
    /// log-density is one logarithm (not a log-sum-exp and an exponential besides).
    SumExp(Vec<(Slot, Slot)>),
    /// log Σᵢ exp(wᵢ + lᵢ) given that sum (a [`Instruction::SumExp`]) in the first slot: its logarithm
    /// where it is representable, the shifted log-sum-exp of the pairs where it underflowed (the
    /// log-density of a narrow peak far from its mode, −10¹⁰, say).
    LogOfSum(Slot, Vec<(Slot, Slot)>),
    /// Σᵢ kᵢ log aᵢ over pairs (aᵢ > 0, integer kᵢ): on reals, one logarithm of Π aᵢ^kᵢ (a logarithm
    /// costs as much as dozens of products); on complex boxes, the sum of logarithms (the product's own
    /// logarithm could cross its branch cut where no term's does).
    LogProduct(Vec<(Slot, i32)>),
}

/// A compiled expression: constants, instructions, and the slot holding the result.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    /// Constant expressions (without the variable).
    pub constants: Vec<Expr>,
    /// The instructions, in order.
    pub instructions: Vec<Instruction>,
    /// Where the result is.
    pub output: Slot,
    /// The constants already enclosed, by precision: a query evaluates one program at the same few
    /// precisions many times (calibration, each Ziv step, bounds at 64 bits), and constants such as
    /// lgamma(5/2) cost more than the rest of an evaluation. The programs of one integral share this cache
    /// ([`Program::share_constants`]): their pieces hold the same densities' constants.
    pub enclosed: EnclosedConstants,
    /// This program's constants as last enclosed, by precision: found again without hashing each constant's
    /// expression (which cost a seventh of a 15-digit quadrature when asked for on every region).
    memo: Memo,
}

impl Program {
    /// Encloses this program's constants through `cache` (shared with other programs) from now on.
    pub fn share_constants(&mut self, cache: &EnclosedConstants) {
        self.enclosed = cache.clone();
        self.memo = Memo::default();
    }

    /// The constants enclosed at `precision`. Below [`SHARED_PRECISION`] they are the enclosures at that
    /// precision rounded outwards: a query asks for its constants at four or five precisions (calibration,
    /// bounds, balls, the working precision), and enclosing lgamma(5/2) or log(3π) anew for each, through
    /// the hash of its expression, cost a fifth of a 15-digit quadrature.
    pub fn constants_at(&self, precision: u32) -> Result<Arc<Vec<Interval>>, EvalError> {
        if let Some(known) = self.memo.get(precision) {
            return Ok(known);
        }
        let values = if precision < SHARED_PRECISION {
            let shared = self.constants_at(SHARED_PRECISION)?;
            Arc::new(
                shared
                    .iter()
                    .map(|value| value.rounded_outwards(precision))
                    .collect(),
            )
        } else {
            self.enclosed
                .get_or_insert(precision, &self.constants, |expr| {
                    crate::numeric::enclose(expr, precision, &Never)
                })?
        };
        self.memo.insert(precision, &values);
        Ok(values)
    }

    /// The constants as balls (from their enclosures at [`SHARED_PRECISION`], as tight as the balls), or
    /// `None` when one is out of the balls' range.
    pub fn ball_constants(&self) -> Result<Option<Arc<[Ball]>>, EvalError> {
        if let Some(known) = self.memo.balls.get() {
            return Ok(known.clone());
        }
        let constants = self.constants_at(SHARED_PRECISION)?;
        let balls = constants
            .iter()
            .map(Ball::from_interval)
            .collect::<Result<Vec<Ball>, _>>()
            .ok()
            .map(Arc::from);
        Ok(self.memo.balls.get_or_init(|| balls).clone())
    }
}

/// The precision at which constants are enclosed for every lower one.
pub const SHARED_PRECISION: u32 = 128;

/// A program's enclosed constants by precision, and as balls (shared by clones, ignored by `==`). Its
/// constants never change after compilation, so the precision is the whole key.
#[derive(Clone, Debug, Default)]
struct Memo {
    intervals: Arc<Mutex<ByPrecision>>,
    /// The constants as double-double balls, `None` when one is out of their range: converting them on
    /// every region cost a sixteenth of a 15-digit mixture query.
    balls: Arc<OnceLock<Option<Arc<[Ball]>>>>,
}

/// Enclosed constants, by precision.
type ByPrecision = Vec<(u32, Arc<Vec<Interval>>)>;

impl PartialEq for Memo {
    fn eq(&self, _: &Memo) -> bool {
        true
    }
}

impl Memo {
    fn get(&self, precision: u32) -> Option<Arc<Vec<Interval>>> {
        self.lock()
            .iter()
            .find(|(at, _)| *at == precision)
            .map(|(_, values)| Arc::clone(values))
    }

    fn insert(&self, precision: u32, values: &Arc<Vec<Interval>>) {
        let mut memo = self.lock();
        if !memo.iter().any(|(at, _)| *at == precision) {
            memo.push((precision, Arc::clone(values)));
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ByPrecision> {
        // Entries are pushed whole: a panic elsewhere cannot leave the memo inconsistent.
        self.intervals
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A cache of constants enclosed at given precisions, by expression (shared by clones, ignored by `==`).
#[derive(Clone, Debug, Default)]
pub struct EnclosedConstants(Arc<Mutex<Vec<Enclosed>>>);

/// Constants enclosed at one precision, by expression.
type Enclosed = (u32, HashMap<Expr, Interval>);

impl PartialEq for EnclosedConstants {
    fn eq(&self, _: &EnclosedConstants) -> bool {
        true
    }
}

impl EnclosedConstants {
    /// `constants` at `precision`, each enclosed by `enclose` the first time it is asked for.
    pub fn get_or_insert(
        &self,
        precision: u32,
        constants: &[Expr],
        enclose: impl Fn(&Expr) -> Result<Interval, EvalError>,
    ) -> Result<Arc<Vec<Interval>>, EvalError> {
        let mut values = Vec::with_capacity(constants.len());
        for constant in constants {
            let known = self
                .lock()
                .iter()
                .find(|(at, _)| *at == precision)
                .and_then(|(_, map)| map.get(constant).cloned());
            let value = match known {
                Some(value) => value,
                None => {
                    // Enclosed outside the lock: an enclosure may take long, and may itself compile.
                    let value = enclose(constant)?;
                    let mut cache = self.lock();
                    match cache.iter_mut().find(|(at, _)| *at == precision) {
                        Some((_, map)) => {
                            map.insert(constant.clone(), value.clone());
                        }
                        None => cache.push((
                            precision,
                            HashMap::from_iter([(constant.clone(), value.clone())]),
                        )),
                    }
                    value
                }
            };
            values.push(value);
        }
        Ok(Arc::new(values))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Enclosed>> {
        // A panic while holding the lock cannot leave the cache inconsistent (entries are pushed whole).
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Program {
    /// Whether every instruction is analytic where defined, so that the program can be evaluated on complex
    /// boxes (no `abs` left, no special function of the variable).
    pub fn is_analytic(&self) -> bool {
        self.instructions
            .iter()
            .all(|instruction| match instruction {
                Instruction::Unary(unary, _) => matches!(
                    unary,
                    Unary::Log | Unary::Exp | Unary::ExpM1 | Unary::Sin | Unary::Cos
                ),
                _ => true,
            })
    }
}

mod builder;

pub use builder::{depends_on_variable, kinks, Builder, Node, Substitution};

#[cfg(test)]
mod tests;
