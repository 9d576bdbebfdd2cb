//! Plain and LaTeX printers.
//!
//! Both share one layout: a sum prints its terms in the canonical order of
//! [`crate::sym::simplify::order`] (symbols, then functions and constants, then the rational), negative terms
//! as subtraction but not first when a term is positive (`3/2 - log(2)`), and a common rational denominator
//! factored out (`(m^2 + v - log(v) - 1)/2`); a product
//! prints its coefficient's numerator and the factors with positive exponents over the coefficient's
//! denominator and the factors with negative exponents (`x/2`, `1/x`, `2*sqrt(15)/5`); `x^(1/2)` prints as a
//! square root. Only the spelling of the pieces differs between the two styles.

mod latex;
mod plain;

#[cfg(test)]
mod tests;

use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

use super::simplify::arith::times;
use super::simplify::order::{compare_factors, compare_terms, split_ref};
use super::simplify::with_stack_for;
use super::{Constant, Expr, Function, Symbol};
use crate::exact::Rational;

/// Plain ASCII that re-parses to the same value: `log(2) - 3/8`, `(m^2 + v - log(v) - 1)/2`.
pub fn plain(expr: &Expr) -> String {
    with_stack_for(expr, || render(expr, &plain::Plain).text)
        .unwrap_or_else(|| TOO_DEEP.to_string())
}

/// LaTeX: `\log(2) - \frac{3}{8}`, `\frac{m^{2} + v - \log(v) - 1}{2}`.
pub fn latex(expr: &Expr) -> String {
    with_stack_for(expr, || render(expr, &latex::Latex).text)
        .unwrap_or_else(|| TOO_DEEP.to_string())
}

/// What the printers give for an expression nested too deeply to print (far beyond anything the parser
/// accepts).
const TOO_DEEP: &str = "<expression too deeply nested>";

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
    /// A function applied to its printed arguments.
    fn function(&self, function: Function, arguments: &[String]) -> String;
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
            Rendered::new(style.function(*function, &printed), Level::Atom)
        }
        Expr::Add(terms) => render_sum(terms, style),
        Expr::Mul(_) | Expr::Pow(..) => signed(render_magnitude(expr, None, style), style),
    }
}

fn signed((negative, magnitude): (bool, Rendered), style: &dyn Style) -> Rendered {
    if negative {
        negated(magnitude, style)
    } else {
        magnitude
    }
}

fn negated(magnitude: Rendered, style: &dyn Style) -> Rendered {
    let text = if magnitude.level <= Level::Negation {
        format!("-{}", style.group(&magnitude.text))
    } else {
        format!("-{}", magnitude.text)
    };
    Rendered::new(text, Level::Negation)
}

fn render_rational(value: &Rational, style: &dyn Style) -> Rendered {
    let magnitude = render_positive_rational(&value.abs(), style);
    if value.is_negative() {
        negated(magnitude, style)
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

/// A term as its sign and its printed magnitude, its coefficient multiplied by `scale` (`-3*x/4` → `true`,
/// `3*x/4`).
fn render_magnitude(term: &Expr, scale: Option<&BigInt>, style: &dyn Style) -> (bool, Rendered) {
    let (coefficient, rest) = split_ref(term);
    let mut coefficient = coefficient.cloned().unwrap_or_else(Rational::one);
    if let Some(scale) = scale {
        coefficient = times(&coefficient, &Rational::from_integer(scale.clone()));
    }
    let negative = coefficient.is_negative();
    let magnitude = coefficient.abs();
    if rest.is_empty() {
        return (negative, render_positive_rational(&magnitude, style));
    }
    (negative, render_product(&magnitude, rest, style))
}

/// `coefficient · factors` for a positive coefficient, as one fraction: the factors with negative exponents
/// go below the line with the coefficient's denominator.
fn render_product(coefficient: &Rational, factors: &[Expr], style: &dyn Style) -> Rendered {
    let mut above: Vec<&Expr> = Vec::new();
    let mut below: Vec<(&Expr, Option<Expr>)> = Vec::new();
    for factor in factors {
        match factor {
            Expr::Pow(base, exponent) => match flipped_exponent(exponent) {
                Some(flipped) if flipped.is_one() => below.push((base, None)),
                Some(flipped) => below.push((base, Some(flipped))),
                None => above.push(factor),
            },
            other => above.push(other),
        }
    }
    above.sort_by(|a, b| compare_factors(a, b));
    below.sort_by(|a, b| compare_factors(a.0, b.0));
    let numerator = product_of(
        coefficient.numer(),
        above.into_iter().map(|f| render_factor(f, style)),
        style,
    );
    if below.is_empty() && coefficient.denom().is_one() {
        return numerator;
    }
    let pieces = below.into_iter().map(|(base, exponent)| match exponent {
        Some(exponent) => (render_power(base, &exponent, style), Level::Power),
        None => render_factor(base, style),
    });
    let denominator = product_of(coefficient.denom(), pieces, style);
    style.fraction(numerator, denominator)
}

/// A factor of a product with the level it needs there: a product inside a product (never in canonical
/// form) is bracketed, for safety.
fn render_factor(factor: &Expr, style: &dyn Style) -> (Rendered, Level) {
    match factor {
        Expr::Pow(base, exponent) => (render_power(base, exponent, style), Level::Power),
        Expr::Mul(_) => (render(factor, style), Level::Atom),
        other => (render(other, style), Level::Power),
    }
}

/// `n · pieces`, with the integer n ≥ 1 left out when it is 1 and there are pieces.
fn product_of(
    integer: &BigInt,
    pieces: impl Iterator<Item = (Rendered, Level)>,
    style: &dyn Style,
) -> Rendered {
    let mut pieces: Vec<(Rendered, Level)> = pieces.collect();
    if integer.is_one() && pieces.len() == 1 {
        // Alone, a piece needs no brackets here; the caller adds those its context needs.
        return pieces.remove(0).0;
    }
    let mut texts: Vec<Rendered> = Vec::new();
    for (piece, needed) in pieces {
        let level = piece.level.max(needed);
        texts.push(Rendered::new(at_least(piece, needed, style), level));
    }
    if !integer.is_one() || texts.is_empty() {
        texts.insert(0, Rendered::new(style.integer(integer), Level::Atom));
    }
    if texts.len() == 1 {
        return texts.remove(0);
    }
    let joined: Vec<String> = texts.into_iter().map(|piece| piece.text).collect();
    Rendered::new(style.join_factors(&joined), Level::Product)
}

/// A power with a non-negative exponent: a root when the exponent is 1/q, `b^e` otherwise.
fn render_power(base: &Expr, exponent: &Expr, style: &dyn Style) -> Rendered {
    if let Expr::Number(value) = exponent {
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
    let fraction = matches!(base, Expr::Number(value) if !value.is_integer());
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
    if terms.is_empty() {
        return Rendered::new(style.integer(&BigInt::zero()), Level::Atom);
    }
    let mut ordered: Vec<&Expr> = terms.iter().collect();
    ordered.sort_by(|a, b| compare_terms(a, b));
    match common_denominator(&ordered) {
        Some(denominator) => {
            let numerator = render_terms(&ordered, Some(&denominator), style);
            style.fraction(
                numerator,
                Rendered::new(style.integer(&denominator), Level::Atom),
            )
        }
        None => render_terms(&ordered, None, style),
    }
}

/// The denominator d > 1 shared by the coefficients of every term, when there are at least two terms.
fn common_denominator(terms: &[&Expr]) -> Option<BigInt> {
    if terms.len() < 2 {
        return None;
    }
    let one = BigInt::one();
    let mut shared: Option<&BigInt> = None;
    for term in terms {
        let (coefficient, _) = split_ref(term);
        let denominator = coefficient.map_or(&one, |c| c.denom());
        match shared {
            Some(existing) if existing != denominator => return None,
            Some(_) => {}
            None => shared = Some(denominator),
        }
    }
    shared.filter(|d| !d.is_one() && !d.is_zero()).cloned()
}

/// The terms joined with their signs. A sum does not start with a minus when it has a positive term: the
/// first positive term goes first (`3/2 - log(2)`, `1 - x`, not `-log(2) + 3/2`).
fn render_terms(terms: &[&Expr], scale: Option<&BigInt>, style: &dyn Style) -> Rendered {
    if let ([single], None) = (terms, scale) {
        return render(single, style);
    }
    let mut signed_terms: Vec<(bool, Rendered)> = terms
        .iter()
        .map(|term| render_magnitude(term, scale, style))
        .collect();
    if signed_terms.len() == 1 {
        return signed(signed_terms.remove(0), style);
    }
    if let Some(first_positive) = signed_terms.iter().position(|(negative, _)| !negative) {
        let moved = signed_terms.remove(first_positive);
        signed_terms.insert(0, moved);
    }
    let mut text = String::new();
    for (position, (negative, magnitude)) in signed_terms.into_iter().enumerate() {
        let sign = match (position, negative) {
            (0, false) => "",
            (0, true) => "-",
            (_, false) => " + ",
            (_, true) => " - ",
        };
        text.push_str(sign);
        text.push_str(&at_least(magnitude, Level::Product, style));
    }
    Rendered::new(text, Level::Sum)
}
