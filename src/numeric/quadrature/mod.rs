//! Certified numeric integration of compiled integrands over regions of the real line.
//!
//! An integral is split into [`Region`]s: pieces of the line between support ends, kinks, crossings and the
//! cuts of the tails, each with its own compiled program and change of variable ([`Map`]): linear in the
//! bulk, exponential (x = c ± eᵘ) towards a heavy tail or a singular end, where the integrand decays or
//! blows up like a power of the distance. [`adaptive`] integrates each region by Gauss–Legendre rules with
//! a proven error bound; [`envelope`] bounds what lies beyond the cuts. Every result is a proven enclosure:
//! nothing here produces an unproven estimate.

pub mod adaptive;
pub mod complex;
pub mod ellipse;
pub mod envelope;
pub mod legendre;

use crate::error::EvalError;
use crate::interrupt::Interrupt;
use crate::numeric::compiled::Program;
use crate::numeric::Interval;
use crate::sym::Expr;

pub use adaptive::{Settings, Work};

/// How the integration variable u gives the program's input t, with dx = t′(u) du.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Map {
    /// t = u.
    Linear,
    /// t = eᵘ: the program's substitution is x = c ± t, so x = c ± eᵘ and dx = eᵘ du.
    Exponential,
}

impl Map {
    /// g(u) = F(t(u))·t′(u) in machine floats, from F at t: for estimates, never for bounds.
    pub fn at_f64(self, u: f64, mut f: impl FnMut(f64) -> Option<f64>) -> Option<f64> {
        match self {
            Map::Linear => f(u),
            Map::Exponential => {
                let t = u.exp();
                f(t).map(|value| value * t)
            }
        }
    }
}

/// A piece of the integral: ∫ F(t(u)) t′(u) du over u ∈ [lower, upper].
#[derive(Clone, Debug)]
pub struct Region {
    /// The integrand F as a program in t.
    pub program: std::sync::Arc<Program>,
    /// How u maps to t.
    pub map: Map,
    /// The lower end of u, a constant expression.
    pub lower: Expr,
    /// The upper end of u.
    pub upper: Expr,
}

/// Precision of the bounds (ranges and complex boxes) where nothing asks for more.
pub const BOUND_PRECISION: u32 = 64;

/// The bits a region over u ≥ `lower` needs beyond the usual, in its bounds and in its points alike: an
/// exponential region reaching t = eᵘ far below 2⁻⁶⁴ evaluates x = c ± t near an end c, and without
/// −u/log 2 more bits c ± t rounds to c, so 1 − xᵃ (Kumaraswamy near x = 1, say) encloses 0 and every
/// bound fails however far the segment is bisected.
pub fn reach_bits(map: Map, lower: &rug::Float) -> u32 {
    let reach = match map {
        Map::Linear => 0.0,
        Map::Exponential => -lower.to_f64() * std::f64::consts::LOG2_E,
    };
    if reach.is_finite() && reach > 0.0 {
        (reach.ceil() as u32).min(1 << 16)
    } else {
        0
    }
}

/// Integrates every region and sums the enclosures.
pub fn integrate(
    regions: &[Region],
    settings: &Settings,
    interrupt: &dyn Interrupt,
) -> Result<(Interval, Work), EvalError> {
    let mut work = Work::default();
    let mut total = Interval::point(rug::Float::new(settings.precision));
    for region in regions {
        let value = adaptive::integrate_region(region, settings, &mut work, interrupt)?;
        total = total.add(&value).map_err(|failure| match failure {
            crate::numeric::Failure::Fatal(error) => error,
            crate::numeric::Failure::Imprecise(reason) => EvalError::Budget(reason),
        })?;
    }
    Ok((total, work))
}

#[cfg(test)]
mod tests;
