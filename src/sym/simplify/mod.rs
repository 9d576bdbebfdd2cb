//! Canonical form of symbolic expressions.
//!
//! [`simplify`] rebuilds an expression bottom-up with canonical builders ([`add`], [`mul`], [`power`] and the
//! function rules): each takes canonical operands and returns a canonical result. The canonical form is:
//!
//! - sums and products flat, like terms collected (`2x + 3x = 5x`, `x·x = x²`), sorted in the order of
//!   [`order`], with at most one rational (the coefficient of a product, the constant of a sum, placed last);
//! - logarithms of rationals split over primes (`log(12) = 2·log(2) + log(3)`), logarithms of positive
//!   products and powers expanded (`log(3v²) = 2·log(v) + log(3)` for v > 0);
//! - rational powers exact when rational (`8^(1/3) = 2`) and otherwise an integer radicand with an exponent
//!   in (0, 1) times a rational (`sqrt(12/5) = 2·sqrt(15)/5`);
//! - special functions at small integers and half-integers in closed form (`ψ(1) = −γ`).
//!
//! Every rewrite is valid for every value of the symbols' domains (where the expression is defined); numbers
//! above [`crate::exact::MAX_DIGITS`] digits are never built (the power stays unevaluated instead).

mod add;
pub(crate) mod arith;
mod logarithm;
mod mul;
pub mod order;
mod power;
pub mod sign;
mod special;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

use num_traits::{One, Zero};

use super::{Expr, Function};
use crate::exact::Rational;

pub use add::add;
pub use mul::mul;
pub use power::power;
pub use sign::{is_positive, sign, signs, Signs};

/// Passes of the whole simplifier at most; one normally reaches the canonical form, the second confirms it.
const MAX_PASSES: usize = 4;

/// Nesting depth up to which the recursive passes run on the caller's stack.
const SHALLOW_DEPTH: usize = 128;

/// Nesting depth up to which a deeper expression gets a thread with a stack big enough for it.
const MAX_DEPTH: usize = 50_000;

/// Stack reserved per level of nesting on that thread (generous: unoptimised builds have big frames).
const STACK_PER_LEVEL: usize = 32 * 1024;

/// Nesting depth of an expression, computed without recursion.
pub fn depth(expr: &Expr) -> usize {
    let mut deepest = 0;
    let mut pending = vec![(expr, 1usize)];
    while let Some((node, level)) = pending.pop() {
        deepest = deepest.max(level);
        match node {
            Expr::Add(items) | Expr::Mul(items) | Expr::Apply(_, items) => {
                pending.extend(items.iter().map(|item| (item, level + 1)))
            }
            Expr::Pow(base, exponent) => {
                pending.push((base, level + 1));
                pending.push((exponent, level + 1));
            }
            _ => {}
        }
    }
    deepest
}

/// Runs a recursive pass over `expr`: on this thread for shallow expressions, on a thread with a stack
/// sized for the nesting otherwise. `None` when the expression is nested too deeply (or the thread cannot
/// be started).
pub(crate) fn with_stack_for<T: Send>(expr: &Expr, work: impl FnOnce() -> T + Send) -> Option<T> {
    let nesting = depth(expr);
    if nesting <= SHALLOW_DEPTH {
        return Some(work());
    }
    if nesting > MAX_DEPTH {
        return None;
    }
    let stack = nesting
        .saturating_mul(STACK_PER_LEVEL)
        .saturating_add(8 << 20);
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .stack_size(stack)
            .spawn_scoped(scope, work)
            .ok()?;
        worker.join().ok()
    })
}

/// Simplifies an expression into its canonical form (idempotent and value-preserving). An expression
/// nested more than 50 000 levels deep is returned unchanged.
pub fn simplify(expr: &Expr) -> Expr {
    with_stack_for(expr, || simplify_here(expr)).unwrap_or_else(|| expr.clone())
}

fn simplify_here(expr: &Expr) -> Expr {
    let mut current = canonical(expr);
    for _ in 1..MAX_PASSES {
        let next = canonical(&current);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// One bottom-up pass of the canonical builders.
fn canonical(expr: &Expr) -> Expr {
    match expr {
        Expr::Add(terms) => add(terms.iter().map(canonical).collect()),
        Expr::Mul(factors) => mul(factors.iter().map(canonical).collect()),
        Expr::Pow(base, exponent) => power(canonical(base), canonical(exponent)),
        Expr::Apply(function, arguments) => {
            apply(*function, arguments.iter().map(canonical).collect())
        }
        Expr::Number(_)
        | Expr::Constant(_)
        | Expr::Symbol(_)
        | Expr::Infinity
        | Expr::Numeric(_) => expr.clone(),
    }
}

/// A function applied to canonical arguments, in canonical form.
pub fn apply(function: Function, mut arguments: Vec<Expr>) -> Expr {
    if function == Function::BesselI {
        return special::bessel_i(arguments);
    }
    if arguments.len() != 1 {
        return Expr::Apply(function, arguments);
    }
    let Some(x) = arguments.pop() else {
        return Expr::Apply(function, arguments);
    };
    match function {
        Function::Log => logarithm::log_of(x),
        Function::Exp => logarithm::exp_of(x),
        _ => special::special(function, x),
    }
}

/// `coefficient · rest` for a canonical `rest` that is not a rational and not a sum (a term of a canonical
/// sum without its coefficient): the coefficient goes first.
fn with_coefficient(coefficient: Rational, rest: Expr) -> Expr {
    if coefficient.is_zero() {
        return Expr::int(0);
    }
    if coefficient.is_one() {
        return rest;
    }
    match rest {
        Expr::Number(value) => Expr::Number(arith::times(&coefficient, &value)),
        Expr::Mul(factors) => {
            let mut all = Vec::with_capacity(factors.len() + 1);
            all.push(Expr::Number(coefficient));
            all.extend(factors);
            Expr::Mul(all)
        }
        Expr::Add(_) => mul(vec![Expr::Number(coefficient), rest]),
        other => Expr::Mul(vec![Expr::Number(coefficient), other]),
    }
}

/// `−x` in canonical form.
fn negate(x: Expr) -> Expr {
    mul(vec![Expr::int(-1), x])
}
