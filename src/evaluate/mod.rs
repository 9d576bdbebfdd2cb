//! Gives the syntax tree its meaning: names are resolved, family calls become checked distributions,
//! divergence calls are computed, and arithmetic combines numbers (and weighted distributions into mixtures).

mod arithmetic;
mod calls;

use std::collections::{BTreeMap, HashMap};

use crate::error::{Error, EvalError};
use crate::span::Span;
use crate::sym::{self, Domain, Expr};
use crate::syntax::ast::{self, BinaryOperator, ExprKind};
use crate::value::{Number, Value};

/// What the evaluator needs besides the expression: the `let` bindings and the unit of information.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// Names bound by `let`.
    pub bindings: HashMap<String, Value>,
    /// Report divergences in bits (log base 2) instead of nats.
    pub bits: bool,
}

/// An evaluation error located at a span of the input.
pub(crate) fn located(error: EvalError, span: Span) -> Error {
    Error::Eval {
        error,
        span: Some(span),
    }
}

/// Evaluates an expression of the line `source`.
pub fn evaluate(expr: &ast::Expr, context: &Context, source: &str) -> Result<Value, Error> {
    let evaluator = Evaluator { context, source };
    let value = evaluator.expr(expr)?;
    Ok(unify_value(value))
}

pub(crate) struct Evaluator<'a> {
    pub(crate) context: &'a Context,
    pub(crate) source: &'a str,
}

impl Evaluator<'_> {
    pub(crate) fn expr(&self, expr: &ast::Expr) -> Result<Value, Error> {
        match &expr.kind {
            ExprKind::Number(value) => {
                Ok(Value::Number(Number::plain(Expr::Number(value.clone()))))
            }
            ExprKind::Name(name) => self.name(name, expr.span),
            ExprKind::List(items) => {
                let values = items
                    .iter()
                    .map(|item| self.expr(item))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Value::List(values))
            }
            ExprKind::Negate(operand) => {
                let value = self.expr(operand)?;
                arithmetic::negate(value).map_err(|error| located(error, expr.span))
            }
            ExprKind::Binary {
                operator,
                operator_span,
                left,
                right,
            } => {
                let left_value = self.expr(left)?;
                let right_value = self.expr(right)?;
                let span = if *operator == BinaryOperator::Divide {
                    right.span
                } else {
                    *operator_span
                };
                arithmetic::binary(*operator, left_value, right_value)
                    .map_err(|error| located(error, span))
            }
            ExprKind::Call {
                name,
                name_span,
                arguments,
            } => self.call(name, *name_span, arguments, expr.span),
        }
    }

    fn name(&self, name: &str, span: Span) -> Result<Value, Error> {
        if let Some(value) = self.context.bindings.get(name) {
            return Ok(value.clone());
        }
        let constant = match name {
            "pi" => Some(sym::pi()),
            "e" => Some(sym::e()),
            "euler_gamma" => Some(sym::euler_gamma()),
            "inf" => Some(Expr::Infinity),
            _ => None,
        };
        if let Some(constant) = constant {
            return Ok(Value::Number(Number::plain(constant)));
        }
        if let Some(spec) = crate::family::lookup(name) {
            let parameters: Vec<&str> = spec.params.iter().map(|param| param.name).collect();
            return Err(located(
                EvalError::Type(format!(
                    "{name} is a distribution family: write {name}({})",
                    parameters.join(", ")
                )),
                span,
            ));
        }
        if crate::divergence::DivergenceKind::from_name(name).is_some()
            || sym::Function::from_name(name).is_some()
        {
            return Err(located(
                EvalError::Type(format!("{name} needs arguments: write {name}(...)")),
                span,
            ));
        }
        Ok(Value::Number(Number::plain(Expr::symbol(
            name,
            Domain::Real,
        ))))
    }
}

/// Gives every occurrence of a symbol the most informative domain any occurrence has, so `v` in
/// `KL(N(m, v) || N(0, 1)) + v` is one symbol (positive, as a variance), not two.
fn unify_value(value: Value) -> Value {
    match value {
        Value::Number(Number {
            quantity: crate::value::Quantity::Finite(expr),
            rules,
        }) => {
            let mut domains = BTreeMap::new();
            collect_domains(&expr, &mut domains);
            let expr = if domains.is_empty() {
                expr
            } else {
                sym::simplify(&rewrite_domains(&expr, &domains))
            };
            Value::Number(Number {
                quantity: crate::value::Quantity::Finite(expr),
                rules,
            })
        }
        other => other,
    }
}

fn collect_domains(expr: &Expr, domains: &mut BTreeMap<String, Domain>) {
    match expr {
        Expr::Symbol(symbol) => {
            let entry = domains.entry(symbol.name.clone()).or_insert(symbol.domain);
            *entry = entry.meet(symbol.domain);
        }
        Expr::Add(items) | Expr::Mul(items) | Expr::Apply(_, items) => {
            items.iter().for_each(|item| collect_domains(item, domains))
        }
        Expr::Pow(base, exponent) => {
            collect_domains(base, domains);
            collect_domains(exponent, domains);
        }
        _ => {}
    }
}

fn rewrite_domains(expr: &Expr, domains: &BTreeMap<String, Domain>) -> Expr {
    match expr {
        Expr::Symbol(symbol) => Expr::symbol(&symbol.name, domains[&symbol.name]),
        Expr::Add(items) => Expr::Add(
            items
                .iter()
                .map(|item| rewrite_domains(item, domains))
                .collect(),
        ),
        Expr::Mul(items) => Expr::Mul(
            items
                .iter()
                .map(|item| rewrite_domains(item, domains))
                .collect(),
        ),
        Expr::Apply(function, items) => Expr::Apply(
            *function,
            items
                .iter()
                .map(|item| rewrite_domains(item, domains))
                .collect(),
        ),
        Expr::Pow(base, exponent) => Expr::Pow(
            Box::new(rewrite_domains(base, domains)),
            Box::new(rewrite_domains(exponent, domains)),
        ),
        other => other.clone(),
    }
}

/// Turns a value into a distribution: a family, or weights that sum to exactly one.
pub fn as_distribution(value: Value) -> Result<crate::family::Distribution, EvalError> {
    arithmetic::distribution(value)
}
