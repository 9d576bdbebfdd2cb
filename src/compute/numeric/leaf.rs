//! The numeric leaves: a certified integral as an `Enclose` value.

use crate::error::EvalError;
use crate::interrupt::Interrupt;
use crate::numeric::Interval;
use crate::sym::{Enclose, Method};

use super::integral::Integral;

/// Guard bits of the quadrature's working precision above the requested precision.
const GUARD: u32 = 8;

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
        if precision > 1 << 16 {
            return Err(EvalError::Budget(format!(
                "{} is limited to 65536 bits of precision",
                self.description
            )));
        }
        // The certified evaluator asks for 32 guard bits beyond the digits it prints: aiming 24 bits below
        // the precision leaves 8 of them, and a value too close to a rounding boundary only costs a retry
        // at twice the precision.
        let goal = precision.saturating_sub(24).max(24);
        self.integral
            .enclose_with(precision + GUARD, goal, interrupt)
    }

    fn method(&self) -> Method {
        Method::Quadrature
    }

    fn describe(&self) -> String {
        self.description.clone()
    }
}
