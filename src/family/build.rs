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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::{
        categorical, diagonal_normal, dirichlet, exponential, geometric, multivariate_normal,
        normal, poisson, student_t, uniform, wishart, SPECS,
    };
    use crate::sym::Domain;

    fn at(n: i64) -> Argument {
        Argument::positional(Param::Scalar(Expr::int(n)))
    }

    fn ratio(n: i64, d: i64) -> Argument {
        Argument::positional(Param::Scalar(Expr::ratio(n, d)))
    }

    fn named(keyword: &str, n: i64) -> Argument {
        Argument::keyword(keyword, Param::Scalar(Expr::int(n)))
    }

    fn list(values: &[i64]) -> Param {
        Param::Vector(values.iter().map(|&v| Expr::int(v)).collect())
    }

    fn matrix(rows: &[&[i64]]) -> Param {
        Param::Matrix(
            rows.iter()
                .map(|row| row.iter().map(|&v| Expr::int(v)).collect())
                .collect(),
        )
    }

    fn symbol(name: &str) -> Argument {
        Argument::positional(Param::Scalar(Expr::symbol(name, Domain::Real)))
    }

    #[track_caller]
    fn fails(spec: &'static FamilySpec, arguments: Vec<Argument>) -> (String, Option<usize>) {
        let error = build(spec, arguments).expect_err("the call should be refused");
        (error.to_string(), error.argument())
    }

    #[test]
    fn standard_deviation_is_squared_into_the_variance() {
        let by_sd = build(&normal::SPEC, vec![at(0), named("sd", 2)]).unwrap();
        assert_eq!(by_sd, build(&normal::SPEC, vec![at(0), at(4)]).unwrap());
        let by_scale = build(&normal::SPEC, vec![named("scale", 3), named("mu", 1)]).unwrap();
        assert_eq!(
            by_scale.params,
            vec![Param::Scalar(Expr::int(1)), Param::Scalar(Expr::int(9))]
        );
    }

    #[test]
    fn scale_is_the_reciprocal_of_the_rate() {
        let family = build(&exponential::SPEC, vec![named("scale", 3)]).unwrap();
        assert_eq!(family.scalar(0), &Expr::ratio(1, 3));
    }

    #[test]
    fn constraint_errors_name_the_parameter_and_the_rule() {
        assert_eq!(
            fails(&normal::SPEC, vec![at(0), at(-1)]),
            ("variance must be > 0, got -1".into(), Some(1))
        );
        assert_eq!(
            fails(&normal::SPEC, vec![at(0), named("sd", -2)]),
            ("sd must be > 0, got -2".into(), Some(1))
        );
        assert_eq!(
            fails(&normal::SPEC, vec![at(0), named("sd", 0)]),
            ("sd must be > 0, got 0".into(), Some(1))
        );
        let (message, _) = fails(&geometric::SPEC, vec![at(0)]);
        assert_eq!(message, "success probability must be > 0, got 0");
        let (message, _) = fails(&geometric::SPEC, vec![ratio(3, 2)]);
        assert_eq!(message, "success probability must be <= 1, got 3/2");
        assert!(build(&geometric::SPEC, vec![at(1)]).is_ok());
        assert!(build(&poisson::SPEC, vec![at(0)]).is_ok());
    }

    #[test]
    fn uniform_bounds_are_ordered_exactly() {
        let expected = "upper bound must be greater than the lower bound 1, got 0".to_string();
        assert_eq!(
            fails(&uniform::SPEC, vec![at(1), at(0)]),
            (expected.clone(), Some(1))
        );
        // The caret follows the argument as written, whatever its position.
        assert_eq!(
            fails(&uniform::SPEC, vec![named("b", 0), named("a", 1)]),
            (expected, Some(0))
        );
        assert!(fails(&uniform::SPEC, vec![at(1), at(1)])
            .0
            .contains("greater than"));
        assert!(build(&uniform::SPEC, vec![at(0), ratio(1, 1_000_000)]).is_ok());
    }

    #[test]
    fn categorical_gathers_scalars_and_sums_exactly() {
        let gathered = build(
            &categorical::SPEC,
            vec![ratio(7, 10), ratio(2, 10), ratio(1, 10)],
        )
        .unwrap();
        let vector = Param::Vector(vec![
            Expr::ratio(7, 10),
            Expr::ratio(1, 5),
            Expr::ratio(1, 10),
        ]);
        assert_eq!(
            gathered,
            build(&categorical::SPEC, vec![Argument::positional(vector)]).unwrap()
        );
        let (message, argument) = fails(&categorical::SPEC, vec![ratio(1, 2), ratio(2, 5)]);
        assert_eq!(
            (message.as_str(), argument),
            ("probabilities must sum to 1, got 9/10", None)
        );
        // An element error points at the scalar argument that holds it.
        let (message, argument) = fails(&categorical::SPEC, vec![ratio(-1, 2), ratio(3, 2)]);
        assert_eq!(
            (message.as_str(), argument),
            ("probability must be in [0, 1], got -1/2", Some(0))
        );
    }

    #[test]
    fn covariance_must_be_positive_definite() {
        let call = |rows: &[&[i64]]| {
            build(
                &multivariate_normal::SPEC,
                vec![
                    Argument::positional(list(&[0, 0])),
                    Argument::positional(matrix(rows)),
                ],
            )
        };
        let error = call(&[&[1, 2], &[2, 1]]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "covariance matrix must be positive definite, got [[1, 2], [2, 1]]"
        );
        assert_eq!(error.argument(), Some(1));
        assert!(call(&[&[2, 1], &[1, 2]]).is_ok());
        assert!(call(&[&[2, 1], &[0, 2]])
            .unwrap_err()
            .to_string()
            .contains("symmetric"));
        assert!(call(&[&[1, 0, 0], &[0, 1, 0], &[0, 0, 1]])
            .unwrap_err()
            .to_string()
            .contains("2x2"));
        assert!(call(&[&[1, 0], &[0]])
            .unwrap_err()
            .to_string()
            .contains("rows of equal length"));
    }

    #[test]
    fn vector_and_matrix_families_check_their_sizes() {
        let diagonal = |mean: &[i64], variance: &[i64]| {
            build(
                &diagonal_normal::SPEC,
                vec![
                    Argument::positional(list(mean)),
                    Argument::keyword("var", list(variance)),
                ],
            )
        };
        assert!(diagonal(&[0, 1], &[1, 2]).is_ok());
        assert_eq!(diagonal(&[0, 1], &[1]).unwrap_err().argument(), Some(1));
        assert_eq!(
            diagonal(&[0], &[-1]).unwrap_err().to_string(),
            "variance must be > 0, got -1"
        );
        let dirichlet =
            |values: &[i64]| build(&dirichlet::SPEC, vec![Argument::positional(list(values))]);
        assert!(dirichlet(&[1, 2, 3]).is_ok());
        assert!(dirichlet(&[1])
            .unwrap_err()
            .to_string()
            .contains("at least 2"));
        let wishart = |df: Argument| {
            build(
                &wishart::SPEC,
                vec![df, Argument::positional(matrix(&[&[2, 1], &[1, 2]]))],
            )
        };
        assert_eq!(
            wishart(at(1)).unwrap_err().to_string(),
            "degrees of freedom must be > k - 1 = 1, got 1"
        );
        assert!(wishart(ratio(3, 2)).is_ok());
    }

    #[test]
    fn shapes_are_checked() {
        let (message, argument) = fails(
            &normal::SPEC,
            vec![Argument::positional(list(&[0, 1])), at(1)],
        );
        assert_eq!(
            (message.as_str(), argument),
            ("mean must be a number, got a list [0, 1]", Some(0))
        );
        assert!(fails(&dirichlet::SPEC, vec![at(1)])
            .0
            .contains("must be a list"));
        assert!(
            fails(&dirichlet::SPEC, vec![Argument::positional(list(&[]))])
                .0
                .contains("must not be empty")
        );
        let (message, _) = fails(&multivariate_normal::SPEC, vec![at(0), at(1)]);
        assert!(
            message.starts_with("mean vector must be a list"),
            "{message}"
        );
    }

    #[test]
    fn argument_lists_are_matched() {
        let (message, argument) = fails(&normal::SPEC, vec![at(0), named("sigma", 1)]);
        assert_eq!(
            message,
            "unknown keyword 'sigma' for N; valid keywords: mean, mu, var, sd, scale"
        );
        assert_eq!(argument, Some(1));
        let (message, argument) =
            fails(&normal::SPEC, vec![at(0), named("var", 1), named("sd", 1)]);
        assert_eq!(
            (message.as_str(), argument),
            ("variance (var) is given twice", Some(2))
        );
        assert_eq!(
            fails(&normal::SPEC, vec![at(0)]),
            ("N(…) is missing its variance (var)".into(), None)
        );
        let (message, argument) = fails(&normal::SPEC, vec![at(0), at(1), at(2)]);
        assert_eq!(
            (message.as_str(), argument),
            ("N takes at most 2 arguments (mean, var), got more", Some(2))
        );
        let (message, argument) = fails(&normal::SPEC, vec![named("mean", 0), at(1)]);
        assert!(message.contains("cannot follow a keyword"));
        assert_eq!(argument, Some(1));
    }

    #[test]
    fn student_t_defaults_to_location_zero_and_scale_one() {
        let family = build(&student_t::SPEC, vec![at(3)]).unwrap();
        assert_eq!(
            family.params,
            [3, 0, 1].map(|v| Param::Scalar(Expr::int(v))).to_vec()
        );
        let family = build(&student_t::SPEC, vec![at(3), named("scale", 2)]).unwrap();
        assert_eq!(
            family.params,
            [3, 0, 2].map(|v| Param::Scalar(Expr::int(v))).to_vec()
        );
    }

    #[test]
    fn bare_symbols_take_the_domain_of_their_constraint() {
        let family = build(&normal::SPEC, vec![symbol("m"), symbol("v")]).unwrap();
        assert_eq!(family.scalar(0), &Expr::symbol("m", Domain::Real));
        assert_eq!(family.scalar(1), &Expr::symbol("v", Domain::Positive));
        let by_sd = build(
            &normal::SPEC,
            vec![symbol("m"), Argument::keyword("sd", symbol("s").value)],
        )
        .unwrap();
        assert_eq!(
            by_sd.scalar(1),
            &Expr::symbol("s", Domain::Positive).powi(2)
        );
        let binomial = build(
            &crate::family::binomial::SPEC,
            vec![symbol("n"), symbol("p")],
        )
        .unwrap();
        assert_eq!(
            binomial.scalar(0),
            &Expr::symbol("n", Domain::NonNegativeInteger)
        );
        assert_eq!(binomial.scalar(1), &Expr::symbol("p", Domain::NonNegative));
        let cb = build(
            &crate::family::continuous_bernoulli::SPEC,
            vec![symbol("l")],
        )
        .unwrap();
        assert_eq!(cb.scalar(0), &Expr::symbol("l", Domain::OpenUnit));
    }

    #[test]
    fn every_family_can_be_called_with_its_keywords() {
        // A value every constraint and cross-check accepts for each shape, per family.
        for spec in SPECS {
            let arguments: Vec<Argument> = spec
                .params
                .iter()
                .map(|param| {
                    let value = match (spec.kind, param.shape) {
                        (FamilyKind::Categorical | FamilyKind::Multinomial, _) => list(&[1]),
                        (_, Shape::Scalar) => Param::Scalar(Expr::ratio(1, 2) + 1),
                        (_, Shape::Vector) => list(&[1, 2]),
                        (_, Shape::Matrix) => matrix(&[&[2, 1], &[1, 2]]),
                    };
                    let value = match (spec.kind, param.name) {
                        (FamilyKind::Bernoulli | FamilyKind::Binomial, "p") => {
                            Param::Scalar(Expr::ratio(1, 2))
                        }
                        (FamilyKind::Geometric | FamilyKind::NegativeBinomial, "p") => {
                            Param::Scalar(Expr::int(1))
                        }
                        (FamilyKind::ContinuousBernoulli, _) => Param::Scalar(Expr::ratio(1, 3)),
                        (FamilyKind::Binomial | FamilyKind::Multinomial, "n") => {
                            Param::Scalar(Expr::int(4))
                        }
                        (FamilyKind::Uniform | FamilyKind::LogUniform, "b") => {
                            Param::Scalar(Expr::int(3))
                        }
                        (FamilyKind::Wishart, "df") => Param::Scalar(Expr::int(3)),
                        _ => value,
                    };
                    Argument::keyword(param.name, value)
                })
                .rev()
                .collect();
            let family =
                build(spec, arguments).unwrap_or_else(|error| panic!("{}: {error}", spec.display));
            assert_eq!(family.kind, spec.kind);
            assert_eq!(
                family.log_density(&Expr::ratio(1, 2)).is_some(),
                family.support().is_univariate()
            );
        }
    }
}
