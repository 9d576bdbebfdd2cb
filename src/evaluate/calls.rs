//! Calls: `Family(...)` builds a checked distribution, `KL(...)` and the other divergences compute, and
//! `log(...)` and the other functions apply.

use super::arithmetic;
use super::{located, Evaluator};
use crate::compute::{compute, Computed};
use crate::divergence::{Divergence, DivergenceKind};
use crate::error::{Error, EvalError};
use crate::family::build::{build, Argument as FamilyArgument, BuildError};
use crate::family::{Distribution, FamilySpec, Param};
use crate::span::Span;
use crate::sym::{self, Domain, Expr, Function};
use crate::syntax::ast::Argument;
use crate::value::{Number, Quantity, Value};

impl Evaluator<'_> {
    pub(crate) fn call(
        &self,
        name: &str,
        name_span: Span,
        arguments: &[Argument],
        span: Span,
    ) -> Result<Value, Error> {
        if let Some(spec) = crate::family::lookup(name) {
            return self.family(spec, arguments, span);
        }
        if let Some(kind) = DivergenceKind::from_name(name) {
            return self.divergence(kind, arguments, span);
        }
        if name == "sqrt" {
            let argument = self.single_number(name, arguments, span)?;
            return arithmetic::square_root(argument)
                .map(Value::Number)
                .map_err(|error| located(error, span));
        }
        if let Some(function) = Function::from_name(name) {
            let argument = self.single_number(name, arguments, span)?;
            return arithmetic::function(function, argument)
                .map(Value::Number)
                .map_err(|error| located(error, span));
        }
        let candidates = crate::family::all_names()
            .chain(DivergenceKind::NAMES)
            .chain(Function::ALL.iter().map(|function| function.name()))
            .chain(["sqrt", "ln"]);
        let suggestion = crate::suggest::did_you_mean(name, candidates);
        Err(located(
            EvalError::UnknownName {
                what: "function or distribution",
                name: name.to_string(),
                suggestion,
            },
            name_span,
        ))
    }

    fn single_number(
        &self,
        name: &str,
        arguments: &[Argument],
        span: Span,
    ) -> Result<Number, Error> {
        let [argument] = arguments else {
            return Err(located(
                EvalError::Arguments(format!(
                    "{name} takes one argument, got {}",
                    arguments.len()
                )),
                span,
            ));
        };
        if let Some((keyword, keyword_span)) = &argument.keyword {
            return Err(located(
                EvalError::Arguments(format!("{name} takes no keyword '{keyword}'")),
                *keyword_span,
            ));
        }
        match self.expr(&argument.value)? {
            Value::Number(number) => Ok(number),
            other => Err(located(
                EvalError::Type(format!("{name} needs a number, got {}", other.kind_name())),
                argument.value.span,
            )),
        }
    }

    fn family(
        &self,
        spec: &'static FamilySpec,
        arguments: &[Argument],
        span: Span,
    ) -> Result<Value, Error> {
        let mut built = Vec::with_capacity(arguments.len());
        for argument in arguments {
            let value = self.expr(&argument.value)?;
            let param = to_param(value).map_err(|error| located(error, argument.value.span))?;
            built.push(FamilyArgument {
                keyword: argument.keyword.as_ref().map(|(name, _)| name.clone()),
                value: param,
            });
        }
        let call = span.slice(self.source).to_string();
        build(spec, built)
            .map(|family| Value::Distribution(Distribution::Family(family)))
            .map_err(|error| {
                let (message, index) = match error {
                    BuildError::Arguments { message, argument } => (message, argument),
                    BuildError::Parameter(error) => (error.to_string(), error.index),
                };
                let at = index
                    .and_then(|i| arguments.get(i))
                    .map(|argument| argument.value.span)
                    .unwrap_or(span);
                located(EvalError::Parameter { call, message }, at)
            })
    }

    fn divergence(
        &self,
        kind: DivergenceKind,
        arguments: &[Argument],
        span: Span,
    ) -> Result<Value, Error> {
        let name = kind.name();
        if let Some((keyword, keyword_span)) = arguments
            .iter()
            .find_map(|argument| argument.keyword.as_ref())
        {
            return Err(located(
                EvalError::Arguments(format!("{name} takes no keyword '{keyword}'")),
                *keyword_span,
            ));
        }
        let values = arguments
            .iter()
            .map(|argument| self.expr(&argument.value))
            .collect::<Result<Vec<_>, _>>()?;
        let usage = |message: String| located(EvalError::Arguments(message), span);
        let (divergence, p, q) = match (kind, values.as_slice()) {
            (DivergenceKind::Entropy, [Value::Pair(p, q)]) => (
                Divergence::new(DivergenceKind::CrossEntropy),
                (**p).clone(),
                Some((**q).clone()),
            ),
            (DivergenceKind::Entropy, [single]) => {
                let p = self.as_distribution(single.clone(), arguments[0].value.span)?;
                (Divergence::new(DivergenceKind::Entropy), p, None)
            }
            (DivergenceKind::Entropy, [p, q]) => {
                let p = self.as_distribution(p.clone(), arguments[0].value.span)?;
                let q = self.as_distribution(q.clone(), arguments[1].value.span)?;
                (Divergence::new(DivergenceKind::CrossEntropy), p, Some(q))
            }
            (DivergenceKind::Entropy, _) => {
                return Err(usage("H takes one distribution H(P) or two H(P, Q)".into()))
            }
            (DivergenceKind::Renyi, [order, Value::Pair(p, q)]) => {
                let order = self.order(order.clone(), arguments[0].value.span)?;
                (Divergence::renyi(order), (**p).clone(), Some((**q).clone()))
            }
            (DivergenceKind::Renyi, _) => {
                return Err(usage(
                    "Renyi takes an order and a pair: Renyi(alpha, P || Q)".into(),
                ))
            }
            (_, [Value::Pair(p, q)]) => (Divergence::new(kind), (**p).clone(), Some((**q).clone())),
            (_, [p, q]) => {
                let p = self.as_distribution(p.clone(), arguments[0].value.span)?;
                let q = self.as_distribution(q.clone(), arguments[1].value.span)?;
                (Divergence::new(kind), p, Some(q))
            }
            _ => {
                return Err(usage(format!(
                    "{name} takes a pair of distributions: {name}(P || Q)"
                )))
            }
        };
        let computed =
            compute(&divergence, &p, q.as_ref()).map_err(|error| located(error, span))?;
        Ok(Value::Number(self.in_unit(computed)))
    }

    fn as_distribution(&self, value: Value, span: Span) -> Result<Distribution, Error> {
        arithmetic::distribution(value).map_err(|error| located(error, span))
    }

    /// The order of a Rényi divergence: a number, `inf`, or a symbol (taken to be positive).
    fn order(&self, value: Value, span: Span) -> Result<Expr, Error> {
        match value {
            Value::Number(Number {
                quantity: Quantity::Finite(Expr::Symbol(symbol)),
                ..
            }) => Ok(Expr::symbol(
                &symbol.name,
                symbol.domain.meet(Domain::Positive),
            )),
            Value::Number(Number {
                quantity: Quantity::Finite(expr),
                ..
            }) if !expr.has_numeric() => Ok(expr),
            other => Err(located(
                EvalError::Type(format!(
                    "the Renyi order must be an exact number or inf, got {}",
                    other.kind_name()
                )),
                span,
            )),
        }
    }

    /// Converts nats to bits when asked.
    fn in_unit(&self, computed: Computed) -> Number {
        let quantity = match computed.quantity {
            Quantity::Finite(expr) if self.context.bits => {
                Quantity::Finite(expr / sym::log(Expr::int(2)))
            }
            other => other,
        };
        Number {
            quantity,
            rules: vec![computed.rule],
        }
    }
}

/// A family parameter from a value: a number, a list of numbers, or a list of lists.
fn to_param(value: Value) -> Result<Param, EvalError> {
    let scalar = |value: Value| match value {
        Value::Number(Number {
            quantity: Quantity::Finite(expr),
            ..
        }) if !expr.has_numeric() => Ok(expr),
        Value::Number(_) => Err(EvalError::Type(
            "a parameter must be a finite exact number or a symbol".into(),
        )),
        other => Err(EvalError::Type(format!(
            "a parameter must be a number, got {}",
            other.kind_name()
        ))),
    };
    match value {
        Value::List(items)
            if items.iter().all(|item| matches!(item, Value::List(_))) && !items.is_empty() =>
        {
            let rows = items
                .into_iter()
                .map(|row| match row {
                    Value::List(entries) => entries
                        .into_iter()
                        .map(scalar)
                        .collect::<Result<Vec<_>, _>>(),
                    _ => unreachable!("checked above"),
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Param::Matrix(rows))
        }
        Value::List(items) => Ok(Param::Vector(
            items
                .into_iter()
                .map(scalar)
                .collect::<Result<Vec<_>, _>>()?,
        )),
        other => Ok(Param::Scalar(scalar(other)?)),
    }
}
