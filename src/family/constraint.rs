//! Parameter constraints, checked exactly.
//!
//! A rational parameter is compared exactly. A constant expression (`sqrt(2)`, `pi/4`) is decided by certified
//! evaluation of its sign. A symbol is not checked: it takes the constraint as its assumption (see
//! [`Constraint::domain`]), so `N(m, v)` treats `v` as positive.

use std::cmp::Ordering;

use thiserror::Error;

use crate::sym::{Domain, Expr};

/// What a parameter (or every element of a vector parameter) must satisfy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Constraint {
    /// Any real number.
    Real,
    /// x > 0.
    Positive,
    /// x ≥ 0.
    NonNegative,
    /// 0 < x < 1.
    OpenUnit,
    /// 0 ≤ x ≤ 1.
    ClosedUnit,
    /// An integer ≥ 0.
    NonNegativeInteger,
    /// An integer ≥ 1.
    PositiveInteger,
}

impl Constraint {
    /// The rule in words, as it appears in an error (`must be > 0`).
    pub fn rule(self) -> &'static str {
        match self {
            Constraint::Real => "must be a real number",
            Constraint::Positive => "must be > 0",
            Constraint::NonNegative => "must be >= 0",
            Constraint::OpenUnit => "must be in (0, 1)",
            Constraint::ClosedUnit => "must be in [0, 1]",
            Constraint::NonNegativeInteger => "must be an integer >= 0",
            Constraint::PositiveInteger => "must be an integer >= 1",
        }
    }

    /// The assumption a symbol in this position carries.
    pub fn domain(self) -> Domain {
        match self {
            Constraint::Real => Domain::Real,
            Constraint::Positive => Domain::Positive,
            Constraint::NonNegative | Constraint::ClosedUnit => Domain::NonNegative,
            Constraint::OpenUnit => Domain::OpenUnit,
            Constraint::NonNegativeInteger => Domain::NonNegativeInteger,
            Constraint::PositiveInteger => Domain::PositiveInteger,
        }
    }

    /// Whether `value` satisfies the constraint: `Some(true)` or `Some(false)` when decided, `None` when the
    /// value contains symbols (which then assume the constraint).
    pub fn holds(self, value: &Expr) -> Option<bool> {
        if matches!(value, Expr::Infinity) {
            return Some(false);
        }
        if let Some(rational) = value.as_rational() {
            let sign = rational.numer().sign();
            let compare_one = rational.cmp(&crate::exact::integer(1));
            let positive = sign == num_bigint::Sign::Plus;
            let non_negative = positive || rational.numer().sign() == num_bigint::Sign::NoSign;
            return Some(match self {
                Constraint::Real => true,
                Constraint::Positive => positive,
                Constraint::NonNegative => non_negative,
                Constraint::OpenUnit => positive && compare_one == Ordering::Less,
                Constraint::ClosedUnit => non_negative && compare_one != Ordering::Greater,
                Constraint::NonNegativeInteger => rational.is_integer() && non_negative,
                Constraint::PositiveInteger => rational.is_integer() && positive,
            });
        }
        if value.has_symbols() {
            return None;
        }
        // A constant expression such as sqrt(2) or pi/4: decide by its certified value.
        let below_zero = crate::numeric::compare(value, &Expr::int(0))?;
        let below_one = crate::numeric::compare(value, &Expr::int(1))?;
        Some(match self {
            Constraint::Real => true,
            Constraint::Positive => below_zero == Ordering::Greater,
            Constraint::NonNegative => below_zero != Ordering::Less,
            Constraint::OpenUnit => below_zero == Ordering::Greater && below_one == Ordering::Less,
            Constraint::ClosedUnit => {
                below_zero != Ordering::Less && below_one != Ordering::Greater
            }
            // An irrational constant is never an integer.
            Constraint::NonNegativeInteger | Constraint::PositiveInteger => false,
        })
    }
}

/// A parameter that breaks its family's constraint. The caller prefixes the call as the user wrote it:
/// `N(0, -1): variance must be > 0, got -1`.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{meaning} {rule}, got {got}")]
pub struct ParamError {
    /// The parameter's meaning (`variance`).
    pub meaning: String,
    /// The rule it breaks (`must be > 0`).
    pub rule: String,
    /// The value as given.
    pub got: String,
    /// Which positional parameter is at fault, for the caret; `None` when the fault involves several.
    pub index: Option<usize>,
}

impl ParamError {
    /// A parameter error pointing at parameter `index`.
    pub fn new(meaning: &str, rule: &str, got: impl ToString, index: Option<usize>) -> ParamError {
        ParamError {
            meaning: meaning.to_string(),
            rule: rule.to_string(),
            got: got.to_string(),
            index,
        }
    }
}
