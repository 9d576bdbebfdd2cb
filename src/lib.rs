//! divcalc: exact and certified divergences between probability distributions.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod diagnostic;
pub mod divergence;
pub mod error;
pub mod exact;
pub mod family;
pub mod interrupt;
pub mod numeric;
pub mod rules;
pub mod span;
pub mod suggest;
pub mod sym;
pub mod syntax;
