//! Arithmetic on values: exact and symbolic numbers, ±∞ with its reason, and weighted distributions that
//! add up to mixtures.

use std::cmp::Ordering;

use crate::error::EvalError;
use crate::family::{Component, Distribution};
use crate::rules::sign_of;
use crate::sym::{self, Expr};
use crate::syntax::ast::BinaryOperator;
use crate::value::{Number, Quantity, Value};

/// `-value`.
pub(crate) fn negate(value: Value) -> Result<Value, EvalError> {
    match value {
        Value::Number(number) => {
            let quantity = match number.quantity {
                Quantity::Finite(expr) => Quantity::Finite(-expr),
                Quantity::Infinite { negative, reason } => Quantity::Infinite {
                    negative: !negative,
                    reason,
                },
            };
            Ok(Value::Number(Number {
                quantity,
                rules: number.rules,
            }))
        }
        other => Err(EvalError::Type(format!(
            "cannot negate {}",
            other.kind_name()
        ))),
    }
}

/// `left operator right`.
pub(crate) fn binary(
    operator: BinaryOperator,
    left: Value,
    right: Value,
) -> Result<Value, EvalError> {
    use BinaryOperator::*;
    match (operator, left, right) {
        (Against, left, right) => Ok(Value::Pair(
            Box::new(distribution(left)?),
            Box::new(distribution(right)?),
        )),
        (_, Value::Number(a), Value::Number(b)) => numbers(operator, a, b).map(Value::Number),
        (Multiply, Value::Number(weight), other) | (Multiply, other, Value::Number(weight))
            if is_distribution(&other) =>
        {
            scale(other, finite_weight(weight)?)
        }
        (Divide, other, Value::Number(divisor)) if is_distribution(&other) => {
            let divisor = finite_weight(divisor)?;
            if divisor.is_zero() {
                return Err(EvalError::Domain("division by zero".into()));
            }
            scale(other, 1 / divisor)
        }
        (Add, left, right) if is_distribution(&left) && is_distribution(&right) => {
            let mut components = components_of(left);
            components.extend(components_of(right));
            Ok(Value::Weighted(components))
        }
        (operator, left, right) => Err(EvalError::Type(format!(
            "cannot apply '{}' to {} and {}",
            operator.symbol(),
            left.kind_name(),
            right.kind_name()
        ))),
    }
}

fn is_distribution(value: &Value) -> bool {
    matches!(value, Value::Distribution(_) | Value::Weighted(_))
}

fn finite_weight(number: Number) -> Result<Expr, EvalError> {
    match number.quantity {
        Quantity::Finite(expr) if !expr.has_numeric() && expr != Expr::Infinity => Ok(expr),
        _ => Err(EvalError::Type(
            "a mixture weight must be an exact number".into(),
        )),
    }
}

fn components_of(value: Value) -> Vec<Component> {
    match value {
        Value::Weighted(components) => components,
        Value::Distribution(Distribution::Family(family)) => vec![Component {
            weight: Expr::int(1),
            family,
        }],
        Value::Distribution(Distribution::Mixture(components)) => components,
        _ => Vec::new(),
    }
}

fn scale(value: Value, factor: Expr) -> Result<Value, EvalError> {
    let components = components_of(value)
        .into_iter()
        .map(|component| Component {
            weight: sym::simplify(&(component.weight * factor.clone())),
            ..component
        })
        .collect();
    Ok(Value::Weighted(components))
}

/// Turns a value into a distribution: a family, or a weighted sum whose weights are positive and sum to
/// exactly one.
pub(crate) fn distribution(value: Value) -> Result<Distribution, EvalError> {
    match value {
        Value::Distribution(distribution) => Ok(distribution),
        Value::Weighted(components) => {
            for component in &components {
                match sign_of(&component.weight) {
                    Some(Ordering::Greater) => {}
                    Some(_) => {
                        return Err(EvalError::Domain(format!(
                            "mixture weight must be > 0, got {} for {}",
                            component.weight, component.family
                        )))
                    }
                    None => {
                        return Err(EvalError::Undecided(format!(
                            "cannot decide whether the mixture weight {} is positive",
                            component.weight
                        )))
                    }
                }
            }
            let total = sym::simplify(&sym::sum(components.iter().map(|c| c.weight.clone())));
            if !total.is_one() {
                return Err(EvalError::Domain(format!(
                    "mixture weights must sum to 1, got {total}"
                )));
            }
            let dimensions_ok = components
                .iter()
                .all(|c| c.family.support().is_univariate());
            if !dimensions_ok {
                return Err(EvalError::Type(
                    "mixtures are of one-dimensional distributions only".into(),
                ));
            }
            // Equal components are one component (1/3·X + 2/3·X is X): merged, a mixture equal to its
            // partner is recognised as P = Q, where its quadrature would integrate an exact zero.
            let mut merged: Vec<Component> = Vec::with_capacity(components.len());
            for component in components {
                match merged
                    .iter_mut()
                    .find(|kept| kept.family == component.family)
                {
                    Some(kept) => {
                        kept.weight = sym::simplify(&(kept.weight.clone() + component.weight))
                    }
                    None => merged.push(component),
                }
            }
            let components = merged;
            if components.len() == 1 {
                let component = components.into_iter().next().expect("one component");
                return Ok(Distribution::Family(component.family));
            }
            Ok(Distribution::Mixture(components))
        }
        other => Err(EvalError::Type(format!(
            "expected a distribution, got {}",
            other.kind_name()
        ))),
    }
}

fn numbers(operator: BinaryOperator, a: Number, b: Number) -> Result<Number, EvalError> {
    let rules = b.rules.clone();
    let quantity = match (a.quantity.clone(), b.quantity) {
        (Quantity::Finite(x), Quantity::Finite(y)) => Quantity::Finite(finite(operator, x, y)?),
        (left, right) => infinite(operator, left, right)?,
    };
    Ok(Number {
        quantity,
        rules: a.rules,
    }
    .merge_rules(&rules))
}

fn finite(operator: BinaryOperator, x: Expr, y: Expr) -> Result<Expr, EvalError> {
    use BinaryOperator::*;
    if x == Expr::Infinity || y == Expr::Infinity {
        return Err(EvalError::Domain(
            "inf is allowed only as a Renyi order".into(),
        ));
    }
    Ok(match operator {
        Add => x + y,
        Subtract => x - y,
        Multiply => x * y,
        Divide => {
            if sign_of(&y) == Some(Ordering::Equal) {
                return Err(EvalError::Domain("division by zero".into()));
            }
            x / y
        }
        Power => power(x, y)?,
        Against => unreachable!("'||' is handled before numbers"),
    })
}

/// `x ^ y`, refusing results that are not real (a negative base with a fractional exponent) and exact powers
/// too large to hold.
fn power(x: Expr, y: Expr) -> Result<Expr, EvalError> {
    if let (Some(base), Some(exponent)) = (x.as_rational(), y.as_rational()) {
        if base.numer().sign() == num_bigint::Sign::Minus && !exponent.is_integer() {
            return Err(EvalError::Domain(format!("{x}^{y} is not a real number")));
        }
        if base.numer().sign() == num_bigint::Sign::NoSign
            && exponent.numer().sign() == num_bigint::Sign::Minus
        {
            return Err(EvalError::Domain(
                "division by zero (0 to a negative power)".into(),
            ));
        }
        if exponent.is_integer() && crate::exact::checked_power(base, exponent.numer()).is_none() {
            return Err(EvalError::TooLarge(format!(
                "{}^{} has more than {} digits",
                abbreviate(&x),
                abbreviate(&y),
                crate::exact::MAX_DIGITS
            )));
        }
    }
    Ok(x.pow(y))
}

fn infinite(
    operator: BinaryOperator,
    left: Quantity,
    right: Quantity,
) -> Result<Quantity, EvalError> {
    use BinaryOperator::*;
    let undefined = |what: &str| EvalError::Domain(format!("{what} is undefined"));
    let sign = |expr: &Expr| {
        sign_of(expr).ok_or_else(|| undefined("a product of inf and a symbolic value"))
    };
    Ok(match (operator, left, right) {
        (
            Add,
            Quantity::Infinite {
                negative: a,
                reason,
            },
            Quantity::Infinite { negative: b, .. },
        ) => {
            if a != b {
                return Err(undefined("inf - inf"));
            }
            Quantity::Infinite {
                negative: a,
                reason,
            }
        }
        (
            Subtract,
            Quantity::Infinite {
                negative: a,
                reason,
            },
            Quantity::Infinite { negative: b, .. },
        ) => {
            if a == b {
                return Err(undefined("inf - inf"));
            }
            Quantity::Infinite {
                negative: a,
                reason,
            }
        }
        (Add | Subtract, infinite @ Quantity::Infinite { .. }, Quantity::Finite(_)) => infinite,
        (Add, Quantity::Finite(_), infinite @ Quantity::Infinite { .. }) => infinite,
        (Subtract, Quantity::Finite(_), Quantity::Infinite { negative, reason }) => {
            Quantity::Infinite {
                negative: !negative,
                reason,
            }
        }
        (Multiply, Quantity::Infinite { negative, reason }, Quantity::Finite(c))
        | (Multiply, Quantity::Finite(c), Quantity::Infinite { negative, reason })
        | (Divide, Quantity::Infinite { negative, reason }, Quantity::Finite(c)) => match sign(&c)?
        {
            Ordering::Greater => Quantity::Infinite { negative, reason },
            Ordering::Less => Quantity::Infinite {
                negative: !negative,
                reason,
            },
            Ordering::Equal => return Err(undefined("0 * inf")),
        },
        (Divide, Quantity::Finite(_), Quantity::Infinite { .. }) => Quantity::Finite(Expr::int(0)),
        (
            Multiply,
            Quantity::Infinite {
                negative: a,
                reason,
            },
            Quantity::Infinite { negative: b, .. },
        ) => Quantity::Infinite {
            negative: a != b,
            reason,
        },
        _ => return Err(undefined("this operation on inf")),
    })
}

/// Applies a function to a number, checking the domain of constant arguments.
pub(crate) fn function(function: sym::Function, argument: Number) -> Result<Number, EvalError> {
    use sym::Function::*;
    let rules = argument.rules;
    let quantity = match argument.quantity {
        Quantity::Infinite {
            negative: false,
            reason,
        } => match function {
            Log | Exp | Lgamma | Digamma | Abs => Quantity::Infinite {
                negative: false,
                reason,
            },
            Erf => Quantity::Finite(Expr::int(1)),
            Erfc | Trigamma | ExpIntegralE1 => Quantity::Finite(Expr::int(0)),
            Atan => Quantity::Finite(sym::pi() / 2),
            Sin | Cos | BesselI => {
                return Err(EvalError::Domain(format!(
                    "{}(inf) is undefined",
                    function.name()
                )))
            }
        },
        Quantity::Infinite {
            negative: true,
            reason,
        } => match function {
            Exp => Quantity::Finite(Expr::int(0)),
            Abs => Quantity::Infinite {
                negative: false,
                reason,
            },
            _ => {
                return Err(EvalError::Domain(format!(
                    "{}(-inf) is undefined",
                    function.name()
                )))
            }
        },
        Quantity::Finite(x) => {
            check_domain(function, &x)?;
            Quantity::Finite(Expr::Apply(function, vec![x]))
        }
    };
    Ok(Number { quantity, rules })
}

/// `sqrt`, which the symbolic core writes as a power.
pub(crate) fn square_root(argument: Number) -> Result<Number, EvalError> {
    let rules = argument.rules;
    let quantity = match argument.quantity {
        Quantity::Infinite {
            negative: false,
            reason,
        } => Quantity::Infinite {
            negative: false,
            reason,
        },
        Quantity::Infinite { negative: true, .. } => {
            return Err(EvalError::Domain("sqrt(-inf) is not a real number".into()))
        }
        Quantity::Finite(x) => {
            if sign_of(&x) == Some(Ordering::Less) {
                return Err(EvalError::Domain(format!(
                    "sqrt of a negative number: sqrt({x})"
                )));
            }
            Quantity::Finite(sym::sqrt(x))
        }
    };
    Ok(Number { quantity, rules })
}

fn check_domain(function: sym::Function, x: &Expr) -> Result<(), EvalError> {
    use sym::Function::*;
    if *x == Expr::Infinity {
        return Err(EvalError::Domain(
            "inf is allowed only as a Renyi order".into(),
        ));
    }
    let sign = sign_of(x);
    let requirement = match function {
        Log if sign != Some(Ordering::Greater) && sign.is_some() => "log of a non-positive number",
        Lgamma | Digamma | Trigamma if sign != Some(Ordering::Greater) && sign.is_some() => {
            "defined here only for arguments > 0"
        }
        ExpIntegralE1 if sign != Some(Ordering::Greater) && sign.is_some() => {
            "defined only for arguments > 0"
        }
        _ => return Ok(()),
    };
    Err(EvalError::Domain(format!(
        "{}({x}): {requirement}",
        function.name()
    )))
}

/// A number for a message: written out when short, by its size when it has hundreds of digits.
fn abbreviate(value: &Expr) -> String {
    let text = value.to_string();
    if text.len() <= 40 {
        text
    } else {
        format!("(a {}-digit number)", text.len())
    }
}
