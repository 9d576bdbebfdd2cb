//! The exact symbolic core: expressions over rationals, symbols and special functions.
//!
//! Rules build [`Expr`] values with the constructors below ([`log`], [`digamma`], the arithmetic operators);
//! [`simplify`] rewrites them into a canonical, readable form; [`print`] renders plain text (which re-parses to
//! the same value) and LaTeX; `numeric` evaluates them in certified interval arithmetic.
//!
//! The constructors do only cheap normalisation (flattening nested sums and products, folding two rational
//! operands); everything else is the simplifier's job, so a rule can be written naturally.

pub mod primes;
pub mod print;
pub mod simplify;

use std::fmt;
use std::ops::{Add, Div, Mul, Neg, Sub};
use std::sync::Arc;

use num_traits::{One, Zero};

use crate::exact::{integer, ratio, Rational};

pub use simplify::{sign, simplify};

#[cfg(test)]
pub mod float;

/// A named mathematical constant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Constant {
    /// π
    Pi,
    /// Euler's number e
    E,
    /// The Euler–Mascheroni constant γ = 0.5772…
    EulerGamma,
}

/// What is known about the values a symbol can take. It comes from the constraint of the parameter the
/// symbol stands for (a variance is > 0, a probability lies in (0, 1)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Domain {
    /// Any real number.
    Real,
    /// x ≥ 0.
    NonNegative,
    /// x > 0.
    Positive,
    /// 0 < x < 1.
    OpenUnit,
    /// An integer ≥ 0.
    NonNegativeInteger,
    /// An integer ≥ 1.
    PositiveInteger,
}

impl Domain {
    /// Whether every value of the domain is > 0.
    pub fn is_positive(self) -> bool {
        matches!(
            self,
            Domain::Positive | Domain::OpenUnit | Domain::PositiveInteger
        )
    }

    /// Whether every value of the domain is ≥ 0.
    pub fn is_non_negative(self) -> bool {
        self.is_positive() || matches!(self, Domain::NonNegative | Domain::NonNegativeInteger)
    }

    /// The more informative of two domains known to hold at once (used when one symbol is the parameter of
    /// several constraints). Falls back to `self` when neither implies the other.
    pub fn meet(self, other: Domain) -> Domain {
        use Domain::*;
        match (self, other) {
            (Real, d) | (d, Real) => d,
            (NonNegative, d) | (d, NonNegative) => d,
            (Positive, OpenUnit) | (OpenUnit, Positive) => OpenUnit,
            (Positive, PositiveInteger) | (PositiveInteger, Positive) => PositiveInteger,
            (NonNegativeInteger, PositiveInteger) | (PositiveInteger, NonNegativeInteger) => {
                PositiveInteger
            }
            (Positive, NonNegativeInteger) | (NonNegativeInteger, Positive) => PositiveInteger,
            (a, _) => a,
        }
    }
}

/// A free symbol: an identifier the user did not bind with `let`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol {
    /// The identifier as written.
    pub name: String,
    /// What its parameter's constraint says about it.
    pub domain: Domain,
}

/// Elementary and special functions of the symbolic core. Each is evaluated with certified bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Function {
    /// Natural logarithm.
    Log,
    /// Exponential.
    Exp,
    /// Absolute value.
    Abs,
    /// log Γ(x) for x > 0.
    Lgamma,
    /// ψ(x) = Γ′(x)/Γ(x).
    Digamma,
    /// ψ₁(x) = ψ′(x).
    Trigamma,
    /// Error function.
    Erf,
    /// Complementary error function 1 − erf(x), kept separate for its accuracy in the tail.
    Erfc,
    /// Exponential integral E₁(x) = ∫ₓ^∞ e⁻ᵗ/t dt, x > 0.
    ExpIntegralE1,
    /// Arctangent.
    Atan,
    /// Sine.
    Sin,
    /// Cosine.
    Cos,
    /// Modified Bessel function of the first kind I_ν(x), applied to the two arguments (ν, x).
    BesselI,
}

impl Function {
    /// The name used by the plain printer and the parser.
    pub fn name(self) -> &'static str {
        match self {
            Function::Log => "log",
            Function::Exp => "exp",
            Function::Abs => "abs",
            Function::Lgamma => "lgamma",
            Function::Digamma => "digamma",
            Function::Trigamma => "trigamma",
            Function::Erf => "erf",
            Function::Erfc => "erfc",
            Function::ExpIntegralE1 => "expint",
            Function::Atan => "atan",
            Function::Sin => "sin",
            Function::Cos => "cos",
            Function::BesselI => "besseli",
        }
    }

    /// Every function, for the parser's name table and the REPL's completion.
    pub const ALL: [Function; 13] = [
        Function::Log,
        Function::Exp,
        Function::Abs,
        Function::Lgamma,
        Function::Digamma,
        Function::Trigamma,
        Function::Erf,
        Function::Erfc,
        Function::ExpIntegralE1,
        Function::Atan,
        Function::Sin,
        Function::Cos,
        Function::BesselI,
    ];

    /// Looks a function up by the name a user types (`ln` is an alias of `log`).
    pub fn from_name(name: &str) -> Option<Function> {
        if name == "ln" {
            return Some(Function::Log);
        }
        Function::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// How a numeric leaf was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum Method {
    /// A rule of the rule table, applied symbolically.
    #[serde(rename = "closed form")]
    ClosedForm,
    /// An exact infinite sum with a proven tail bound.
    #[serde(rename = "series")]
    Series,
    /// Numeric integration with an error bound.
    #[serde(rename = "quadrature")]
    Quadrature,
}

impl Method {
    /// The name printed in plain and JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Method::ClosedForm => "closed form",
            Method::Series => "series",
            Method::Quadrature => "quadrature",
        }
    }
}

/// A real number without a closed form (a quadrature or a series) that can be enclosed at any precision.
pub trait Enclose: Send + Sync + fmt::Debug {
    /// An interval that certainly contains the value, computed with `precision` bits of working precision.
    /// Higher precision should give a narrower interval; an error ends the evaluation.
    fn enclose(
        &self,
        precision: u32,
        interrupt: &dyn crate::interrupt::Interrupt,
    ) -> Result<crate::numeric::Interval, crate::error::EvalError>;

    /// How the value is obtained.
    fn method(&self) -> Method;

    /// A short description, for diagnostics (`KL(T(3) || N(0, 1)) by tanh-sinh quadrature`).
    fn describe(&self) -> String;

    /// Whether the enclosure is a proven bound (true) or only an estimate from two agreeing evaluations.
    fn is_proven(&self) -> bool {
        true
    }
}

/// A numeric leaf of an expression. Two leaves are equal only when they are the same computation.
#[derive(Clone, Debug)]
pub struct Numeric {
    /// Identity of the computation, for equality and ordering.
    pub id: u64,
    /// The computation itself.
    pub value: Arc<dyn Enclose>,
}

impl Numeric {
    /// Wraps a computation as a leaf with a fresh identity.
    pub fn new(value: Arc<dyn Enclose>) -> Numeric {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(1);
        Numeric {
            id: NEXT.fetch_add(1, Ordering::Relaxed),
            value,
        }
    }
}

impl PartialEq for Numeric {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}
impl Eq for Numeric {}
impl std::hash::Hash for Numeric {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state)
    }
}
impl PartialOrd for Numeric {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Numeric {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.id.cmp(&other.id)
    }
}

/// A symbolic real expression.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Expr {
    /// An exact rational.
    Number(Rational),
    /// π, e or γ.
    Constant(Constant),
    /// A free symbol.
    Symbol(Symbol),
    /// A sum of two or more terms.
    Add(Vec<Expr>),
    /// A product of two or more factors.
    Mul(Vec<Expr>),
    /// base ^ exponent (`sqrt(x)` is `x ^ (1/2)`).
    Pow(Box<Expr>, Box<Expr>),
    /// A function applied to its arguments.
    Apply(Function, Vec<Expr>),
    /// +∞, allowed only where an order or a bound may be infinite (`Renyi(inf, …)`).
    Infinity,
    /// A certified numeric value without a closed form.
    Numeric(Numeric),
}

/// Hashed by structure, a rational by its numerator's and denominator's digits: every rational of the core
/// is in lowest terms with a positive denominator, so equal rationals hash alike. (num-rational's own hash
/// reduces by continued fractions, and cost a tenth of a 15-digit quadrature in the caches of constants.)
impl std::hash::Hash for Expr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Expr::Number(value) => {
                value.numer().hash(state);
                value.denom().hash(state);
            }
            Expr::Constant(constant) => constant.hash(state),
            Expr::Symbol(symbol) => symbol.hash(state),
            Expr::Add(terms) | Expr::Mul(terms) => terms.hash(state),
            Expr::Pow(base, exponent) => {
                base.hash(state);
                exponent.hash(state);
            }
            Expr::Apply(function, arguments) => {
                function.hash(state);
                arguments.hash(state);
            }
            Expr::Infinity => {}
            Expr::Numeric(numeric) => numeric.hash(state),
        }
    }
}

impl Expr {
    /// The rational `n`.
    pub fn int(n: i64) -> Expr {
        Expr::Number(integer(n))
    }

    /// The rational `n/d`.
    pub fn ratio(n: i64, d: i64) -> Expr {
        Expr::Number(ratio(n, d))
    }

    /// Wraps an exact rational.
    pub fn number(value: Rational) -> Expr {
        Expr::Number(value)
    }

    /// A free symbol with a domain.
    pub fn symbol(name: &str, domain: Domain) -> Expr {
        Expr::Symbol(Symbol {
            name: name.to_string(),
            domain,
        })
    }

    /// The rational value, if the expression is a literal rational.
    pub fn as_rational(&self) -> Option<&Rational> {
        match self {
            Expr::Number(value) => Some(value),
            _ => None,
        }
    }

    /// Whether the expression is the rational zero.
    pub fn is_zero(&self) -> bool {
        matches!(self, Expr::Number(value) if value.is_zero())
    }

    /// Whether the expression is the rational one.
    pub fn is_one(&self) -> bool {
        matches!(self, Expr::Number(value) if value.is_one())
    }

    /// Whether the expression contains a free symbol.
    pub fn has_symbols(&self) -> bool {
        self.any(&|e| matches!(e, Expr::Symbol(_)))
    }

    /// Whether the expression contains a numeric (quadrature or series) leaf.
    pub fn has_numeric(&self) -> bool {
        self.any(&|e| matches!(e, Expr::Numeric(_)))
    }

    /// Whether any sub-expression (including this one) satisfies `test`.
    pub fn any(&self, test: &dyn Fn(&Expr) -> bool) -> bool {
        if test(self) {
            return true;
        }
        match self {
            Expr::Add(items) | Expr::Mul(items) | Expr::Apply(_, items) => {
                items.iter().any(|e| e.any(test))
            }
            Expr::Pow(base, exponent) => base.any(test) || exponent.any(test),
            _ => false,
        }
    }

    /// Every numeric leaf, in order of appearance.
    pub fn numeric_leaves(&self) -> Vec<Numeric> {
        let mut found = Vec::new();
        self.collect_numeric(&mut found);
        found
    }

    fn collect_numeric(&self, found: &mut Vec<Numeric>) {
        match self {
            Expr::Numeric(leaf) => found.push(leaf.clone()),
            Expr::Add(items) | Expr::Mul(items) | Expr::Apply(_, items) => {
                items.iter().for_each(|e| e.collect_numeric(found))
            }
            Expr::Pow(base, exponent) => {
                base.collect_numeric(found);
                exponent.collect_numeric(found);
            }
            _ => {}
        }
    }

    /// Number of nodes, to bound the work on hostile input.
    pub fn size(&self) -> usize {
        1 + match self {
            Expr::Add(items) | Expr::Mul(items) | Expr::Apply(_, items) => {
                items.iter().map(Expr::size).sum()
            }
            Expr::Pow(base, exponent) => base.size() + exponent.size(),
            _ => 0,
        }
    }

    /// Replaces every symbol named `name` by `value`.
    pub fn substitute(&self, name: &str, value: &Expr) -> Expr {
        match self {
            Expr::Symbol(symbol) if symbol.name == name => value.clone(),
            Expr::Add(items) => {
                Expr::Add(items.iter().map(|e| e.substitute(name, value)).collect())
            }
            Expr::Mul(items) => {
                Expr::Mul(items.iter().map(|e| e.substitute(name, value)).collect())
            }
            Expr::Apply(function, items) => Expr::Apply(
                *function,
                items.iter().map(|e| e.substitute(name, value)).collect(),
            ),
            Expr::Pow(base, exponent) => pow(
                base.substitute(name, value),
                exponent.substitute(name, value),
            ),
            other => other.clone(),
        }
    }

    /// `self ^ exponent`.
    pub fn pow(self, exponent: Expr) -> Expr {
        pow(self, exponent)
    }

    /// `self ^ n` for a machine integer.
    pub fn powi(self, n: i64) -> Expr {
        pow(self, Expr::int(n))
    }
}

impl From<i64> for Expr {
    fn from(n: i64) -> Expr {
        Expr::int(n)
    }
}

impl From<Rational> for Expr {
    fn from(value: Rational) -> Expr {
        Expr::Number(value)
    }
}

/// π
pub fn pi() -> Expr {
    Expr::Constant(Constant::Pi)
}

/// Euler's number e.
pub fn e() -> Expr {
    Expr::Constant(Constant::E)
}

/// The Euler–Mascheroni constant γ.
pub fn euler_gamma() -> Expr {
    Expr::Constant(Constant::EulerGamma)
}

fn apply(function: Function, argument: Expr) -> Expr {
    Expr::Apply(function, vec![argument])
}

/// Natural logarithm.
pub fn log(x: Expr) -> Expr {
    apply(Function::Log, x)
}

/// Exponential.
pub fn exp(x: Expr) -> Expr {
    apply(Function::Exp, x)
}

/// Square root, as a power ½.
pub fn sqrt(x: Expr) -> Expr {
    pow(x, Expr::ratio(1, 2))
}

/// Absolute value.
pub fn abs(x: Expr) -> Expr {
    apply(Function::Abs, x)
}

/// log Γ(x).
pub fn lgamma(x: Expr) -> Expr {
    apply(Function::Lgamma, x)
}

/// Γ(x) = exp(log Γ(x)), for x > 0.
pub fn gamma(x: Expr) -> Expr {
    exp(lgamma(x))
}

/// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b).
pub fn log_beta(a: Expr, b: Expr) -> Expr {
    lgamma(a.clone()) + lgamma(b.clone()) - lgamma(a + b)
}

/// ψ(x).
pub fn digamma(x: Expr) -> Expr {
    apply(Function::Digamma, x)
}

/// ψ₁(x).
pub fn trigamma(x: Expr) -> Expr {
    apply(Function::Trigamma, x)
}

/// erf(x).
pub fn erf(x: Expr) -> Expr {
    apply(Function::Erf, x)
}

/// erfc(x).
pub fn erfc(x: Expr) -> Expr {
    apply(Function::Erfc, x)
}

/// E₁(x).
pub fn expint(x: Expr) -> Expr {
    apply(Function::ExpIntegralE1, x)
}

/// arctan(x).
pub fn atan(x: Expr) -> Expr {
    apply(Function::Atan, x)
}

/// A sum of any number of terms (0 terms is 0).
pub fn sum(terms: impl IntoIterator<Item = Expr>) -> Expr {
    terms.into_iter().fold(Expr::int(0), |acc, t| acc + t)
}

/// A product of any number of factors (0 factors is 1).
pub fn product(factors: impl IntoIterator<Item = Expr>) -> Expr {
    factors.into_iter().fold(Expr::int(1), |acc, t| acc * t)
}

/// `base ^ exponent`, folding `x^1`, `x^0` and rational bases with small integer exponents.
pub fn pow(base: Expr, exponent: Expr) -> Expr {
    if exponent.is_one() {
        return base;
    }
    if exponent.is_zero() {
        return Expr::int(1);
    }
    if let (Expr::Number(b), Expr::Number(n)) = (&base, &exponent) {
        if n.is_integer() {
            if let Some(value) = crate::exact::checked_power(b, n.numer()) {
                return Expr::Number(value);
            }
        }
    }
    Expr::Pow(Box::new(base), Box::new(exponent))
}

fn flatten_into(items: &mut Vec<Expr>, item: Expr, is_add: bool) {
    match (item, is_add) {
        (Expr::Add(inner), true) => items.extend(inner),
        (Expr::Mul(inner), false) => items.extend(inner),
        (other, _) => items.push(other),
    }
}

impl Add for Expr {
    type Output = Expr;
    fn add(self, other: Expr) -> Expr {
        match (&self, &other) {
            (Expr::Number(a), Expr::Number(b)) => return Expr::Number(a + b),
            _ if self.is_zero() => return other,
            _ if other.is_zero() => return self,
            _ => {}
        }
        let mut items = Vec::new();
        flatten_into(&mut items, self, true);
        flatten_into(&mut items, other, true);
        Expr::Add(items)
    }
}

impl Mul for Expr {
    type Output = Expr;
    fn mul(self, other: Expr) -> Expr {
        match (&self, &other) {
            (Expr::Number(a), Expr::Number(b)) => return Expr::Number(a * b),
            _ if self.is_zero() || other.is_zero() => return Expr::int(0),
            _ if self.is_one() => return other,
            _ if other.is_one() => return self,
            _ => {}
        }
        let mut items = Vec::new();
        flatten_into(&mut items, self, false);
        flatten_into(&mut items, other, false);
        Expr::Mul(items)
    }
}

impl Neg for Expr {
    type Output = Expr;
    fn neg(self) -> Expr {
        match self {
            Expr::Number(a) => Expr::Number(-a),
            other => Expr::int(-1) * other,
        }
    }
}

impl Sub for Expr {
    type Output = Expr;
    fn sub(self, other: Expr) -> Expr {
        self + (-other)
    }
}

impl Div for Expr {
    type Output = Expr;
    /// Division by a literal zero is the caller's to prevent: rules divide only by parameters whose
    /// constraints exclude zero, and the evaluator checks user divisions before building them.
    fn div(self, other: Expr) -> Expr {
        match (&self, &other) {
            (Expr::Number(a), Expr::Number(b)) if !b.is_zero() => Expr::Number(a / b),
            _ => self * pow(other, Expr::int(-1)),
        }
    }
}

macro_rules! scalar_ops {
    ($($trait:ident $method:ident),*) => {$(
        impl $trait<i64> for Expr {
            type Output = Expr;
            fn $method(self, other: i64) -> Expr {
                $trait::$method(self, Expr::int(other))
            }
        }
        impl $trait<Expr> for i64 {
            type Output = Expr;
            fn $method(self, other: Expr) -> Expr {
                $trait::$method(Expr::int(self), other)
            }
        }
    )*};
}
scalar_ops!(Add add, Sub sub, Mul mul, Div div);

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&print::plain(self))
    }
}
