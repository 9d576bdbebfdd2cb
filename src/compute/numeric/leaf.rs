//! The numeric leaves: a certified integral as an `Enclose` value.

use crate::error::EvalError;
use crate::interrupt::Interrupt;
use crate::numeric::Interval;
use crate::sym::{Enclose, Method};

use super::integral::Integral;

/// Guard bits of a leaf's working precision above the requested precision.
const GUARD: u32 = 8;

/// The working precision and the relative goal (in bits) of a numeric leaf asked for `precision` bits, or
/// an error past the leaves' limit of 65536 bits. The certified evaluator asks for 32 guard bits beyond the
/// digits it prints: aiming 24 bits below the precision leaves 8 of them, and a value too close to a
/// rounding boundary only costs a retry at twice the precision.
pub fn working_precision(precision: u32, description: &str) -> Result<(u32, u32), EvalError> {
    if precision > 1 << 16 {
        return Err(EvalError::Budget(format!(
            "{description} is limited to 65536 bits of precision"
        )));
    }
    Ok((precision + GUARD, precision.saturating_sub(24).max(24)))
}

/// A divergence integral enclosed by certified quadrature.
#[derive(Debug)]
pub struct Quadrature {
    integral: Integral,
    description: String,
}

impl Quadrature {
    /// Wraps a calibrated integral.
    pub fn new(integral: Integral, description: String) -> Quadrature {
        Quadrature {
            integral,
            description,
        }
    }
}

impl Enclose for Quadrature {
    fn enclose(&self, precision: u32, interrupt: &dyn Interrupt) -> Result<Interval, EvalError> {
        let (working, goal) = working_precision(precision, &self.description)?;
        self.integral.enclose(working, goal, interrupt)
    }

    fn method(&self) -> Method {
        Method::Quadrature
    }

    fn describe(&self) -> String {
        self.description.clone()
    }
}
