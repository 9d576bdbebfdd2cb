//! divcalc: exact and certified divergences between probability distributions.
//!
//! ```
//! use divcalc::{Outcome, Session};
//!
//! let mut session = Session::new();
//! let Outcome::Answer(answer) = session.eval("KL(N(0,1) || N(0,4))").unwrap() else { panic!() };
//! assert_eq!(answer.exact.unwrap().to_string(), "log(2) - 3/8");
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod command;
pub mod compute;
pub mod diagnostic;
pub mod divergence;
pub mod error;
pub mod evaluate;
pub mod exact;
pub mod family;
pub mod interrupt;
pub mod numeric;
pub mod output;
pub mod rules;
pub mod session;
pub mod span;
pub mod suggest;
pub mod sym;
pub mod syntax;
pub mod value;

pub use error::Error;
pub use session::{Answer, AnswerValue, Format, Options, Outcome, Session};
