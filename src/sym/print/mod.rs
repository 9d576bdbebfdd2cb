//! Plain and LaTeX printers.
//!
//! Both share one layout: a sum prints its terms in the canonical order of
//! [`crate::sym::simplify::order`] (symbols, then functions and constants, then the rational), negative terms
//! as subtraction, and a common rational denominator factored out (`(m^2 + v - log(v) - 1)/2`); a product
//! prints its coefficient's numerator and the factors with positive exponents over the coefficient's
//! denominator and the factors with negative exponents (`x/2`, `1/x`, `2*sqrt(15)/5`); `x^(1/2)` prints as a
//! square root. Only the spelling of the pieces differs between the two styles.

mod latex;
mod plain;

#[cfg(test)]
mod tests;

use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

use super::simplify::order::{compare_factors, compare_terms, split_coefficient};
use super::{Constant, Expr, Function, Symbol};
use crate::exact::Rational;

/// Plain ASCII that re-parses to the same value: `log(2) - 3/8`, `(m^2 + v - log(v) - 1)/2`.
pub fn plain(expr: &Expr) -> String {
    render(expr, &plain::Plain).text
}

/// LaTeX: `\log(2) - \frac{3}{8}`, `\frac{m^{2} + v - \log(v) - 1}{2}`.
pub fn latex(expr: &Expr) -> String {
    render(expr, &latex::Latex).text
}

/// How tightly a printed piece binds, to decide where parentheses are needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    /// `a + b`, `a - b`.
    Sum,
    /// `-a`.
    Negation,
    /// `a*b`, `a/b`.
    Product,
    /// `a^b`.
    Power,
    /// A name, a non-negative integer, a function call, anything in brackets.
    Atom,
}

/// A printed piece and how tightly it binds.
struct Rendered {
    text: String,
    level: Level,
}

impl Rendered {
    fn new(text: String, level: Level) -> Rendered {
        Rendered { text, level }
    }
}

/// The spelling of the pieces in one output format.
trait Style {
    /// A non-negative integer.
    fn integer(&self, value: &BigInt) -> String {
        value.to_string()
    }
    /// A named constant.
    fn constant(&self, constant: Constant) -> String;
    /// A free symbol.
    fn symbol(&self, symbol: &Symbol) -> String;
    /// A function applied to its printed argument.
    fn function(&self, function: Function, argument: &str) -> String;
    /// `numerator / denominator`; the pieces are given with their levels.
    fn fraction(&self, numerator: Rendered, denominator: Rendered) -> Rendered;
    /// `base ^ exponent`; the base is already parenthesised where needed.
    fn power(&self, base: &str, exponent: Rendered) -> String;
    /// The `index`-th root of a printed radicand, or `None` to print it as a power.
    fn root(&self, radicand: &str, index: u64) -> Option<String>;
    /// Brackets around a piece.
    fn group(&self, text: &str) -> String;
    /// Joins the factors of a product.
    fn join_factors(&self, factors: &[String]) -> String;
    /// +∞.
    fn infinity(&self) -> String;
    /// A numeric leaf, which never reaches the exact output.
    fn numeric(&self) -> String;
}

fn render(expr: &Expr, style: &dyn Style) -> Rendered {
    match expr {
        Expr::Number(value) => render_rational(value, style),
        Expr::Constant(constant) => Rendered::new(style.constant(*constant), Level::Atom),
        Expr::Symbol(symbol) => Rendered::new(style.symbol(symbol), Level::Atom),
        Expr::Infinity => Rendered::new(style.infinity(), Level::Atom),
        Expr::Numeric(_) => Rendered::new(style.numeric(), Level::Atom),
        Expr::Apply(function, arguments) => {
            let printed: Vec<String> = arguments.iter().map(|a| render(a, style).text).collect();
            Rendered::new(style.function(*function, &printed.join(", ")), Level::Atom)
        }
        Expr::Add(terms) => render_sum(terms, style),
        Expr::Mul(_) | Expr::Pow(..) => {
            let (negative, magnitude) = render_magnitude(expr, style);
            if negative {
                negated(magnitude)
            } else {
                magnitude
            }
        }
    }
}

fn negated(magnitude: Rendered) -> Rendered {
    let text = if magnitude.level <= Level::Negation {
        format!("-({})", magnitude.text)
    } else {
        format!("-{}", magnitude.text)
    };
    Rendered::new(text, Level::Negation)
}

fn render_rational(value: &Rational, style: &dyn Style) -> Rendered {
    let magnitude = render_positive_rational(&value.abs(), style);
    if value.is_negative() {
        negated(magnitude)
    } else {
        magnitude
    }
}

fn render_positive_rational(value: &Rational, style: &dyn Style) -> Rendered {
    let numerator = Rendered::new(style.integer(value.numer()), Level::Atom);
    if value.is_integer() {
        return numerator;
    }
    style.fraction(
        numerator,
        Rendered::new(style.integer(value.denom()), Level::Atom),
    )
}

/// Wraps a piece in brackets when it binds more loosely than `needed`.
fn at_least(piece: Rendered, needed: Level, style: &dyn Style) -> String {
    if piece.level < needed {
        style.group(&piece.text)
    } else {
        piece.text
    }
}

/// The exponent with its sign flipped when it is negative (`-2` → `2`, `-a` → `a`).
fn flipped_exponent(exponent: &Expr) -> Option<Expr> {
    match exponent {
        Expr::Number(value) if value.is_negative() => Some(Expr::Number(-value)),
        Expr::Mul(factors) => match factors.split_first() {
            Some((Expr::Number(value), rest)) if value.is_negative() => {
                let magnitude = -value;
                let mut flipped = Vec::with_capacity(factors.len());
                if !magnitude.is_one() {
                    flipped.push(Expr::Number(magnitude));
                }
                flipped.extend(rest.iter().cloned());
                Some(if flipped.len() == 1 {
                    flipped.remove(0)
                } else {
                    Expr::Mul(flipped)
                })
            }
            _ => None,
        },
        _ => None,
    }
}

/// A term as its sign and the printed magnitude (`-3*x/4` → `true`, `3*x/4`).
fn render_magnitude(expr: &Expr, style: &dyn Style) -> (bool, Rendered) {
    match expr {
        Expr::Number(value) => (
            value.is_negative(),
            render_positive_rational(&value.abs(), style),
        ),
        Expr::Mul(factors) => {
            let (coefficient, rest) = match factors.split_first() {
                Some((Expr::Number(value), rest)) => (value.clone(), rest),
                _ => (Rational::one(), factors.as_slice()),
            };
            (
                coefficient.is_negative(),
                render_product(&coefficient.abs(), rest, style),
            )
        }
        Expr::Pow(..) => (
            false,
            render_product(&Rational::one(), std::slice::from_ref(expr), style),
        ),
        other => (false, render(other, style)),
    }
}

/// `coefficient · factors` for a positive coefficient, as one fraction.
fn render_product(coefficient: &Rational, factors: &[Expr], style: &dyn Style) -> Rendered {
    let mut above = Vec::new();
    let mut below = Vec::new();
    for factor in factors {
        match factor {
            Expr::Pow(base, exponent) => match flipped_exponent(exponent) {
                Some(flipped) if flipped.is_one() => below.push((**base).clone()),
                Some(flipped) => below.push(Expr::Pow(base.clone(), Box::new(flipped))),
                None => above.push(factor.clone()),
            },
            other => above.push(other.clone()),
        }
    }
    above.sort_by(compare_factors);
    below.sort_by(compare_factors);
    let numerator = product_of(coefficient.numer(), &above, style);
    if below.is_empty() && coefficient.denom().is_one() {
        return numerator;
    }
    let denominator = product_of(coefficient.denom(), &below, style);
    style.fraction(numerator, denominator)
}

/// `n · factors` with the integer n ≥ 1 left out when it is 1 and there are factors.
fn product_of(integer: &BigInt, factors: &[Expr], style: &dyn Style) -> Rendered {
    let mut pieces = Vec::with_capacity(factors.len() + 1);
    if !integer.is_one() || factors.is_empty() {
        pieces.push(Rendered::new(style.integer(integer), Level::Atom));
    }
    for factor in factors {
        let piece = match factor {
            Expr::Pow(..) => render_power(factor, style),
            other => render(other, style),
        };
        // A product inside a product (never in canonical form) is bracketed too, for safety.
        let needed = if matches!(factor, Expr::Mul(_)) {
            Level::Atom
        } else {
            Level::Power
        };
        let level = piece.level.max(needed);
        pieces.push(Rendered::new(at_least(piece, needed, style), level));
    }
    if pieces.len() == 1 {
        return pieces.remove(0);
    }
    let texts: Vec<String> = pieces.into_iter().map(|piece| piece.text).collect();
    Rendered::new(style.join_factors(&texts), Level::Product)
}

/// A power with a non-negative exponent: a root when the exponent is 1/q, `b^e` otherwise.
fn render_power(expr: &Expr, style: &dyn Style) -> Rendered {
    let Expr::Pow(base, exponent) = expr else {
        return render(expr, style);
    };
    if let Expr::Number(value) = &**exponent {
        if value.numer().is_one() {
            if let Some(index) = num_traits::ToPrimitive::to_u64(value.denom()) {
                let radicand = render(base, style).text;
                if let Some(root) = style.root(&radicand, index) {
                    return Rendered::new(root, Level::Atom);
                }
            }
        }
    }
    // A fraction reads badly as a base even where it binds tightly (`\frac{1}{2}^{x}`).
    let fraction = matches!(&**base, Expr::Number(value) if !value.is_integer());
    let rendered = render(base, style);
    let base = if fraction {
        style.group(&rendered.text)
    } else {
        at_least(rendered, Level::Atom, style)
    };
    Rendered::new(style.power(&base, render(exponent, style)), Level::Power)
}

/// A sum in canonical order, with a common denominator of its coefficients factored out.
fn render_sum(terms: &[Expr], style: &dyn Style) -> Rendered {
    let mut ordered = terms.to_vec();
    ordered.sort_by(compare_terms);
    if let Some(denominator) = common_denominator(&ordered) {
        let scaled: Vec<Expr> = ordered
            .iter()
            .map(|term| {
                let (coefficient, rest) = split_coefficient(term);
                let scaled = coefficient * Rational::from_integer(denominator.clone());
                scaled_term(scaled, rest)
            })
            .collect();
        let numerator = render_terms(&scaled, style);
        let denominator = Rendered::new(style.integer(&denominator), Level::Atom);
        return style.fraction(numerator, denominator);
    }
    render_terms(&ordered, style)
}

fn scaled_term(coefficient: Rational, rest: Expr) -> Expr {
    if rest.is_one() {
        return Expr::Number(coefficient);
    }
    if coefficient.is_one() {
        return rest;
    }
    let mut factors = vec![Expr::Number(coefficient)];
    match rest {
        Expr::Mul(inner) => factors.extend(inner),
        other => factors.push(other),
    }
    Expr::Mul(factors)
}

/// The denominator d > 1 shared by the coefficients of every term, when there are at least two terms.
fn common_denominator(terms: &[Expr]) -> Option<BigInt> {
    if terms.len() < 2 {
        return None;
    }
    let mut shared: Option<BigInt> = None;
    for term in terms {
        let (coefficient, _) = split_coefficient(term);
        let denominator = coefficient.denom().clone();
        match &shared {
            Some(existing) if *existing != denominator => return None,
            Some(_) => {}
            None => shared = Some(denominator),
        }
    }
    shared.filter(|d| !d.is_one() && !d.is_zero())
}

fn render_terms(terms: &[Expr], style: &dyn Style) -> Rendered {
    if let [single] = terms {
        return render(single, style);
    }
    let mut text = String::new();
    for (position, term) in terms.iter().enumerate() {
        let (negative, magnitude) = render_magnitude(term, style);
        let magnitude = at_least(magnitude, Level::Product, style);
        match (position, negative) {
            (0, false) => text.push_str(&magnitude),
            (0, true) => {
                text.push('-');
                text.push_str(&magnitude);
            }
            (_, false) => {
                text.push_str(" + ");
                text.push_str(&magnitude);
            }
            (_, true) => {
                text.push_str(" - ");
                text.push_str(&magnitude);
            }
        }
    }
    Rendered::new(text, Level::Sum)
}
