//! A session: `let` bindings and options, and [`Session::eval`], which runs the whole pipeline on one line.

use std::time::{Duration, Instant};

use crate::error::{Error, EvalError};
use crate::evaluate::{evaluate, Context};
use crate::interrupt::Flag;
use crate::numeric::{self, Budget, Certified};
use crate::span::Span;
use crate::sym::{self, Expr, Method};
use crate::syntax::ast::{self, Argument, BinaryOperator, ExprKind, Statement};
use crate::value::{Number, Quantity, Value};

/// How results are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// The exact form, then `≈` and the digits.
    #[default]
    Plain,
    /// LaTeX.
    Latex,
    /// One JSON object per result.
    Json,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(text: &str) -> Result<Format, String> {
        match text {
            "plain" => Ok(Format::Plain),
            "latex" => Ok(Format::Latex),
            "json" => Ok(Format::Json),
            other => Err(format!(
                "unknown format '{other}': use plain, latex or json"
            )),
        }
    }
}

/// Options of a session.
#[derive(Clone, Debug)]
pub struct Options {
    /// Significant digits printed (default 20).
    pub digits: usize,
    /// Output format.
    pub format: Format,
    /// Divergences in bits instead of nats.
    pub bits: bool,
    /// Precision budget of the certified evaluation.
    pub budget: Budget,
    /// Time limit of one evaluation.
    pub time_limit: Option<Duration>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            digits: 20,
            format: Format::Plain,
            bits: false,
            budget: Budget::default(),
            time_limit: Some(Duration::from_secs(60)),
        }
    }
}

/// The largest number of digits that may be requested.
pub const MAX_DIGITS: usize = 100_000;

/// The value part of an answer.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerValue {
    /// Certified digits.
    Number(Certified),
    /// ±∞ and why.
    Infinite {
        /// −∞.
        negative: bool,
        /// The reason.
        reason: String,
    },
    /// A formula in free symbols: no digits.
    Symbolic,
}

/// The result of one expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// The input line.
    pub input: String,
    /// The simplified exact form, when one is known.
    pub exact: Option<Expr>,
    /// The digits, or ∞, or nothing for a formula.
    pub value: AnswerValue,
    /// How the value was obtained.
    pub method: Method,
    /// The rules used, joined with `; `.
    pub rule: Option<String>,
    /// Whether the error bound of a numeric method is proven (false: two evaluations agree).
    pub proven: bool,
}

/// What one line produced.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A number (or formula, or ∞).
    Answer(Answer),
    /// `let name = value` bound a name.
    Bound {
        /// The name.
        name: String,
        /// The value, rendered.
        value: String,
    },
    /// A distribution on its own, rendered canonically.
    Distribution(String),
    /// A blank or comment line.
    Nothing,
}

/// A calculator session.
#[derive(Clone, Debug, Default)]
pub struct Session {
    context: Context,
    /// The options (digits, format, unit, budgets).
    pub options: Options,
    interrupt: Flag,
}

impl Session {
    /// A session with default options.
    pub fn new() -> Session {
        Session::default()
    }

    /// A session with the given options.
    pub fn with_options(options: Options) -> Session {
        Session {
            options,
            ..Session::default()
        }
    }

    /// The interrupt flag: raise it (from a Ctrl-C handler) to cancel the running evaluation.
    pub fn interrupt(&self) -> Flag {
        self.interrupt.clone()
    }

    /// Replaces the interrupt flag (the REPL gives each evaluation a fresh one, so that an abandoned
    /// evaluation stays interrupted while the next one runs).
    pub fn set_interrupt(&mut self, flag: Flag) {
        self.interrupt = flag;
    }

    /// Evaluates one line: a `let`, an expression, or a blank/comment line.
    pub fn eval(&mut self, input: &str) -> Result<Outcome, Error> {
        let trimmed = input.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return Ok(Outcome::Nothing);
        }
        self.interrupt.clear();
        let statement = crate::syntax::parse(input)?;
        self.context.bits = self.options.bits;
        match statement {
            Statement::Let {
                name,
                name_span,
                value,
            } => {
                if crate::family::lookup(&name).is_some()
                    || crate::divergence::DivergenceKind::from_name(&name).is_some()
                    || sym::Function::from_name(&name).is_some()
                    || ["pi", "e", "euler_gamma", "inf", "sqrt"].contains(&name.as_str())
                {
                    return Err(Error::Eval {
                        error: EvalError::Type(format!(
                            "'{name}' is a built-in name and cannot be rebound"
                        )),
                        span: Some(name_span),
                    });
                }
                let value = evaluate(&bare_pair_as_kl(value), &self.context, input)?;
                let value = match value {
                    Value::Weighted(_) | Value::Pair(_, _) => Value::Distribution(
                        crate::evaluate::as_distribution(value).map_err(Error::from)?,
                    ),
                    other => other,
                };
                let rendered = render_value(&value);
                self.context.bindings.insert(name.clone(), value);
                Ok(Outcome::Bound {
                    name,
                    value: rendered,
                })
            }
            Statement::Expr(expr) => {
                let value = evaluate(&bare_pair_as_kl(expr), &self.context, input)?;
                match value {
                    Value::Number(number) => self.answer(input, number).map(Outcome::Answer),
                    Value::Weighted(_) | Value::Distribution(_) => {
                        let distribution =
                            crate::evaluate::as_distribution(value).map_err(Error::from)?;
                        Ok(Outcome::Distribution(distribution.to_string()))
                    }
                    other => Err(EvalError::Type(format!(
                        "nothing to compute for {}",
                        other.kind_name()
                    ))
                    .into()),
                }
            }
        }
    }

    /// Computes a quantity between distributions built in Rust (see [`crate::api`]).
    pub fn divergence(
        &self,
        divergence: &crate::divergence::Divergence,
        p: &crate::family::Distribution,
        q: Option<&crate::family::Distribution>,
    ) -> Result<Answer, Error> {
        let computed = crate::compute::compute(divergence, p, q)?;
        let input = match q {
            Some(q) => format!("{}({p} || {q})", divergence.kind.name()),
            None => format!("H({p})"),
        };
        let number = Number {
            quantity: computed.quantity,
            rules: vec![computed.rule],
        };
        self.answer(&input, number)
    }

    /// Simplifies and certifies a number.
    fn answer(&self, input: &str, number: Number) -> Result<Answer, Error> {
        let rule = (!number.rules.is_empty()).then(|| number.rules.join("; "));
        let expr = match number.quantity {
            Quantity::Infinite { negative, reason } => {
                return Ok(Answer {
                    input: input.to_string(),
                    exact: None,
                    value: AnswerValue::Infinite { negative, reason },
                    method: Method::ClosedForm,
                    rule,
                    proven: true,
                })
            }
            Quantity::Finite(expr) => sym::simplify(&expr),
        };
        if expr == Expr::Infinity {
            return Err(EvalError::Domain("inf is allowed only as a Renyi order".into()).into());
        }
        let leaves = expr.numeric_leaves();
        let method = leaves
            .iter()
            .map(|leaf| leaf.value.method())
            .max()
            .unwrap_or(Method::ClosedForm);
        let proven = leaves.iter().all(|leaf| leaf.value.is_proven());
        let exact = (!expr.has_numeric()).then(|| expr.clone());
        let value = if expr.has_symbols() {
            AnswerValue::Symbolic
        } else {
            let deadline = self.options.time_limit.map(|limit| Instant::now() + limit);
            let interrupt = self.interrupt.with_deadline(deadline);
            let digits = self.options.digits.clamp(1, MAX_DIGITS);
            let certified = numeric::certify(&expr, digits, self.options.budget, &interrupt)
                .map_err(|error| match error {
                    EvalError::Interrupted if deadline.is_some_and(|d| Instant::now() >= d) => {
                        EvalError::Budget(format!(
                            "time limit of {} s reached before {digits} digits were certain",
                            self.options.time_limit.unwrap_or_default().as_secs()
                        ))
                    }
                    other => other,
                })?;
            AnswerValue::Number(certified)
        };
        Ok(Answer {
            input: input.to_string(),
            exact,
            value,
            method,
            rule,
            proven,
        })
    }
}

/// `P || Q` on its own means `KL(P || Q)`.
fn bare_pair_as_kl(expr: ast::Expr) -> ast::Expr {
    match &expr.kind {
        ExprKind::Binary {
            operator: BinaryOperator::Against,
            ..
        } => {
            let span = expr.span;
            ast::Expr::new(
                ExprKind::Call {
                    name: "KL".into(),
                    name_span: Span::new(span.start, span.start),
                    arguments: vec![Argument {
                        keyword: None,
                        value: expr,
                    }],
                },
                span,
            )
        }
        _ => expr,
    }
}

fn render_value(value: &Value) -> String {
    match value {
        Value::Number(number) => number.quantity.to_string(),
        Value::Distribution(distribution) => distribution.to_string(),
        Value::List(items) => format!(
            "[{}]",
            items
                .iter()
                .map(render_value)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.kind_name().to_string(),
    }
}
