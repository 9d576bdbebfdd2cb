//! Tests of the builder: keyword alternatives, defaults, shapes, constraints and cross-parameter checks.

use super::{
    build, categorical, diagonal_normal, dirichlet, exponential, geometric, multivariate_normal,
    normal, poisson, student_t, uniform, wishart, Argument, FamilyKind, FamilySpec, Param, Shape,
    SPECS,
};
use crate::sym::{Domain, Expr};

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
    let (message, argument) = fails(&normal::SPEC, vec![at(0), named("var", 1), named("sd", 1)]);
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
