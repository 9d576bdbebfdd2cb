//! Builds a checked [`Family`] from the arguments of a call such as `N(0, sd=2)`.
//!
//! The builder matches positional and keyword arguments to the parameters of a [`FamilySpec`], converts
//! keyword alternatives to the canonical parameter exactly (`sd = 2` gives the variance 4), fills in
//! defaults, checks shapes and constraints, gives each bare symbol the domain of its constraint, and finally
//! runs the family's cross-parameter check. Errors say which argument of the call is at fault, for the caret.

use thiserror::Error;

use super::checks::{show, show_param};
use super::{
    Alias, Constraint, Family, FamilyKind, FamilySpec, Param, ParamError, ParamSpec, Shape,
    Transform,
};
use crate::sym::{Expr, Symbol};

/// One argument of a family call, positional (`keyword: None`) or by keyword. Positional ones come first.
#[derive(Clone, Debug, PartialEq)]
pub struct Argument {
    /// The keyword, if the argument was written `name = value`.
    pub keyword: Option<String>,
    /// The value as written (before any alias conversion).
    pub value: Param,
}

impl Argument {
    /// A positional argument.
    pub fn positional(value: Param) -> Argument {
        Argument {
            keyword: None,
            value,
        }
    }

    /// A keyword argument.
    pub fn keyword(keyword: &str, value: Param) -> Argument {
        Argument {
            keyword: Some(keyword.to_string()),
            value,
        }
    }
}

/// Why a family call could not be built.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BuildError {
    /// Wrong arguments: unknown or repeated keyword, missing or extra argument, wrong shape.
    #[error("{message}")]
    Arguments {
        /// What is wrong.
        message: String,
        /// Which argument of the call (0-based, as written) is at fault; `None` for the call as a whole.
        argument: Option<usize>,
    },
    /// A value breaks a constraint. Its `index` is the argument of the call at fault (not the parameter).
    #[error("{0}")]
    Parameter(ParamError),
}

impl BuildError {
    /// Which argument of the call (0-based, as written) is at fault, for the caret.
    pub fn argument(&self) -> Option<usize> {
        match self {
            BuildError::Arguments { argument, .. } => *argument,
            BuildError::Parameter(error) => error.index,
        }
    }

    fn arguments(message: String, argument: Option<usize>) -> BuildError {
        BuildError::Arguments { message, argument }
    }
}

/// A parameter as given: which argument, under which keyword alternative, with what value.
struct Given {
    argument: usize,
    alias: Option<&'static Alias>,
    value: Param,
}

/// Builds a member of `spec`'s family from the call's arguments.
pub fn build(spec: &'static FamilySpec, arguments: Vec<Argument>) -> Result<Family, BuildError> {
    let (arguments, gathered) = gather_categorical(spec, arguments);
    let mut slots: Vec<Option<Given>> = spec.params.iter().map(|_| None).collect();
    let mut position = 0;
    let mut keyword_seen = false;
    for (argument, Argument { keyword, value }) in arguments.into_iter().enumerate() {
        let (slot, alias) = match keyword {
            None => {
                if keyword_seen {
                    let message =
                        "a positional argument cannot follow a keyword argument".to_string();
                    return Err(BuildError::arguments(message, Some(argument)));
                }
                if position >= spec.params.len() {
                    return Err(too_many(spec, argument));
                }
                position += 1;
                (position - 1, None)
            }
            Some(keyword) => {
                keyword_seen = true;
                find_keyword(spec, &keyword)
                    .ok_or_else(|| unknown_keyword(spec, &keyword, argument))?
            }
        };
        if slots[slot].is_some() {
            let message = format!(
                "{} ({}) is given twice",
                spec.params[slot].meaning, spec.params[slot].name
            );
            return Err(BuildError::arguments(message, Some(argument)));
        }
        slots[slot] = Some(Given {
            argument,
            alias,
            value,
        });
    }

    let mut params = Vec::with_capacity(spec.params.len());
    // For each parameter, the argument that gave it, to point the caret of a cross-parameter error.
    let mut sources: Vec<Option<usize>> = Vec::with_capacity(spec.params.len());
    for (param_spec, slot) in spec.params.iter().zip(slots) {
        match slot {
            Some(given) => {
                sources.push(if gathered { None } else { Some(given.argument) });
                params.push(canonical(param_spec, given, gathered)?);
            }
            None => match param_spec.default {
                Some(default) => {
                    sources.push(None);
                    params.push(Param::Scalar(Expr::int(default)));
                }
                None => {
                    let message = format!(
                        "{}(…) is missing its {} ({})",
                        spec.names[0], param_spec.meaning, param_spec.name
                    );
                    return Err(BuildError::arguments(message, None));
                }
            },
        }
    }
    (spec.check)(&params).map_err(|mut error| {
        error.index = error
            .index
            .and_then(|index| sources.get(index).copied().flatten());
        BuildError::Parameter(error)
    })?;
    Ok(Family {
        kind: spec.kind,
        params,
    })
}

/// `Cat(0.7, 0.2, 0.1)` is `Cat([0.7, 0.2, 0.1])`: positional scalars are gathered into the one vector.
fn gather_categorical(spec: &FamilySpec, arguments: Vec<Argument>) -> (Vec<Argument>, bool) {
    let all_positional_scalars = !arguments.is_empty()
        && arguments
            .iter()
            .all(|a| a.keyword.is_none() && matches!(a.value, Param::Scalar(_)));
    if spec.kind != FamilyKind::Categorical || !all_positional_scalars {
        return (arguments, false);
    }
    let values = arguments
        .into_iter()
        .filter_map(|argument| match argument.value {
            Param::Scalar(value) => Some(value),
            _ => None,
        })
        .collect();
    (vec![Argument::positional(Param::Vector(values))], true)
}

fn find_keyword(
    spec: &'static FamilySpec,
    keyword: &str,
) -> Option<(usize, Option<&'static Alias>)> {
    spec.params.iter().enumerate().find_map(|(index, param)| {
        if param.name == keyword {
            return Some((index, None));
        }
        param
            .aliases
            .iter()
            .find(|alias| alias.name == keyword)
            .map(|alias| (index, Some(alias)))
    })
}

fn keywords(spec: &FamilySpec) -> Vec<&'static str> {
    spec.params
        .iter()
        .flat_map(|param| {
            std::iter::once(param.name).chain(param.aliases.iter().map(|alias| alias.name))
        })
        .collect()
}

fn unknown_keyword(spec: &FamilySpec, keyword: &str, argument: usize) -> BuildError {
    let message = format!(
        "unknown keyword '{keyword}' for {}; valid keywords: {}",
        spec.names[0],
        keywords(spec).join(", ")
    );
    BuildError::arguments(message, Some(argument))
}

fn too_many(spec: &FamilySpec, argument: usize) -> BuildError {
    let names: Vec<&str> = spec.params.iter().map(|param| param.name).collect();
    let count = spec.params.len();
    let message = format!(
        "{} takes at most {count} argument{} ({}), got more",
        spec.names[0],
        if count == 1 { "" } else { "s" },
        names.join(", ")
    );
    BuildError::arguments(message, Some(argument))
}

/// Checks one given parameter and converts it to its canonical value.
fn canonical(spec: &ParamSpec, given: Given, gathered: bool) -> Result<Param, BuildError> {
    let Given {
        argument,
        alias,
        value,
    } = given;
    let transform = alias.map_or(Transform::Identity, |alias| alias.transform);
    // A converted alternative is named in its own error (`sd must be > 0`); a synonym uses the meaning.
    let meaning = match alias {
        Some(alias) if alias.transform != Transform::Identity => alias.name,
        _ => spec.meaning,
    };
    check_shape(spec, &value, meaning, argument)?;
    let element_argument = |element: usize| {
        if gathered {
            Some(element)
        } else {
            Some(argument)
        }
    };
    let convert = |element: usize, value: Expr| -> Result<Expr, BuildError> {
        check_value(spec.constraint, &value, meaning, element_argument(element))?;
        Ok(apply(transform, with_domain(value, spec.constraint)))
    };
    Ok(match value {
        Param::Scalar(value) => Param::Scalar(convert(0, value)?),
        Param::Vector(values) => Param::Vector(
            values
                .into_iter()
                .enumerate()
                .map(|(index, value)| convert(index, value))
                .collect::<Result<_, _>>()?,
        ),
        Param::Matrix(rows) => Param::Matrix(
            rows.into_iter()
                .map(|row| {
                    row.into_iter()
                        .map(|value| convert(0, value))
                        .collect::<Result<Vec<_>, _>>()
                })
                .collect::<Result<_, _>>()?,
        ),
    })
}

fn check_shape(
    spec: &ParamSpec,
    value: &Param,
    meaning: &str,
    argument: usize,
) -> Result<(), BuildError> {
    let expected = match spec.shape {
        Shape::Scalar => "a number",
        Shape::Vector => "a list [a, b, …]",
        Shape::Matrix => "a matrix [[a, b], [c, d]]",
    };
    let got = match value {
        Param::Scalar(_) => "a number",
        Param::Vector(_) => "a list",
        Param::Matrix(_) => "a matrix",
    };
    let fail = |message: String| Err(BuildError::arguments(message, Some(argument)));
    match (spec.shape, value) {
        (Shape::Scalar, Param::Scalar(_)) => Ok(()),
        (Shape::Vector, Param::Vector(values)) if values.is_empty() => {
            fail(format!("{meaning} must not be empty"))
        }
        (Shape::Vector, Param::Vector(_)) => Ok(()),
        (Shape::Matrix, Param::Matrix(rows))
            if rows.is_empty() || rows.iter().any(Vec::is_empty) =>
        {
            fail(format!("{meaning} must not be empty"))
        }
        (Shape::Matrix, Param::Matrix(rows))
            if rows.iter().any(|row| row.len() != rows[0].len()) =>
        {
            fail(format!(
                "{meaning} must have rows of equal length, got {}",
                show_param(value)
            ))
        }
        (Shape::Matrix, Param::Matrix(_)) => Ok(()),
        _ => fail(format!(
            "{meaning} must be {expected}, got {got} {}",
            show_param(value)
        )),
    }
}

fn check_value(
    constraint: Constraint,
    value: &Expr,
    meaning: &str,
    argument: Option<usize>,
) -> Result<(), BuildError> {
    if constraint.holds(value) == Some(false) {
        return Err(BuildError::Parameter(ParamError::new(
            meaning,
            constraint.rule(),
            show(value),
            argument,
        )));
    }
    Ok(())
}

/// A bare symbol takes its constraint as an assumption: in `N(m, v)`, `v` is positive.
fn with_domain(value: Expr, constraint: Constraint) -> Expr {
    match value {
        Expr::Symbol(Symbol { name, domain }) => Expr::Symbol(Symbol {
            name,
            domain: domain.meet(constraint.domain()),
        }),
        other => other,
    }
}

/// Converts a keyword alternative's value to the canonical parameter, exactly.
fn apply(transform: Transform, value: Expr) -> Expr {
    match transform {
        Transform::Identity => value,
        Transform::Square => value.powi(2),
        Transform::Reciprocal => Expr::int(1) / value,
        Transform::SquareRoot => match value
            .as_rational()
            .and_then(|v| crate::exact::exact_root(v, 2))
        {
            Some(root) => Expr::number(root),
            None => crate::sym::sqrt(value),
        },
    }
}
