//! Values of the evaluator: numbers (exact, symbolic or certified-numeric, possibly infinite), distributions,
//! lists and the `P || Q` pair.

use std::fmt;

use crate::family::{Component, Distribution};
use crate::sym::Expr;

/// A real quantity: a symbolic expression, or ±∞ with the reason it is infinite.
#[derive(Clone, Debug, PartialEq)]
pub enum Quantity {
    /// A finite value (exact, symbolic, or with numeric leaves).
    Finite(Expr),
    /// +∞ or −∞, and why.
    Infinite {
        /// −∞ rather than +∞.
        negative: bool,
        /// Why the value is infinite (`N(0, 1) puts mass outside the support [0, inf) of Exp(1)`).
        reason: String,
    },
}

impl Quantity {
    /// +∞ for a reason.
    pub fn infinite(reason: impl Into<String>) -> Quantity {
        Quantity::Infinite {
            negative: false,
            reason: reason.into(),
        }
    }

    /// The finite expression, if finite.
    pub fn finite(&self) -> Option<&Expr> {
        match self {
            Quantity::Finite(expr) => Some(expr),
            Quantity::Infinite { .. } => None,
        }
    }
}

/// A number together with the rules that produced it.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    /// The value.
    pub quantity: Quantity,
    /// Names of the rules (and identities) used, in order, without repeats.
    pub rules: Vec<String>,
}

impl Number {
    /// A number that no rule produced (a literal or a symbol).
    pub fn plain(expr: Expr) -> Number {
        Number {
            quantity: Quantity::Finite(expr),
            rules: Vec::new(),
        }
    }

    /// Adds the rules of another number (after an arithmetic operation on both).
    pub fn merge_rules(mut self, other: &[String]) -> Number {
        for rule in other {
            if !self.rules.contains(rule) {
                self.rules.push(rule.clone());
            }
        }
        self
    }
}

/// Any value an expression can have.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A real number.
    Number(Number),
    /// A list of values (a vector; a list of lists is a matrix).
    List(Vec<Value>),
    /// A distribution.
    Distribution(Distribution),
    /// A weighted sum of distributions whose weights need not sum to one yet (`0.3*N(0,1)`).
    Weighted(Vec<Component>),
    /// `P || Q`, meaningful only as the argument of a divergence (or alone, meaning KL).
    Pair(Box<Distribution>, Box<Distribution>),
}

impl Value {
    /// What kind of value this is, for error messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Number(_) => "a number",
            Value::List(_) => "a list",
            Value::Distribution(_) => "a distribution",
            Value::Weighted(_) => "a weighted distribution",
            Value::Pair(_, _) => "a pair 'P || Q'",
        }
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Quantity::Finite(expr) => write!(f, "{expr}"),
            Quantity::Infinite { negative, .. } => {
                f.write_str(if *negative { "-inf" } else { "inf" })
            }
        }
    }
}
