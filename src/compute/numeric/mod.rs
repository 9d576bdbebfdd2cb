//! The numeric fallback: certified quadrature and series for pairs of one-dimensional distributions without a
//! closed form (to be completed).

pub mod ends;
pub mod tails;
