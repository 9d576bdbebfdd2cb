//! Probability distribution families: their parameters, constraints, supports and log-densities.
//!
//! Each family lives in its own file and exports one `SPEC: FamilySpec`, a declarative description that the
//! parser's lowering, the rule table and the numeric fallback all read. A new family is a new file plus one
//! line in [`SPECS`].

pub mod build;
pub mod constraint;
pub mod support;

pub mod bernoulli;
pub mod beta;
pub mod binomial;
#[cfg(test)]
mod build_tests;
pub mod categorical;
pub mod cauchy;
pub mod checks;
pub mod chi;
pub mod chi_squared;
mod common;
pub mod continuous_bernoulli;
pub mod diagonal_normal;
pub mod dirichlet;
pub mod exponential;
pub mod gamma;
pub mod geometric;
pub mod gumbel;
pub mod half_cauchy;
pub mod half_normal;
pub mod inverse_gamma;
pub mod kumaraswamy;
pub mod laplace;
pub mod lindley;
pub mod log_normal;
pub mod log_uniform;
pub mod logistic;
pub mod logit_normal;
pub mod moyal;
pub mod multinomial;
pub mod multivariate_normal;
pub mod negative_binomial;
pub mod normal;
pub mod pareto;
pub mod point_mass;
pub mod poisson;
pub mod rayleigh;
pub mod student_t;
#[cfg(test)]
mod testing;
pub mod uniform;
pub mod von_mises;
pub mod weibull;
pub mod wishart;

use std::fmt;

use crate::sym::Expr;

pub use build::{build, Argument, BuildError};
pub use constraint::{Constraint, ParamError};
pub use support::Support;

/// Which family a distribution belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)]
pub enum FamilyKind {
    Normal,
    MultivariateNormal,
    DiagonalNormal,
    Exponential,
    Gamma,
    InverseGamma,
    Beta,
    Dirichlet,
    Laplace,
    Uniform,
    Cauchy,
    LogNormal,
    Weibull,
    Gumbel,
    Pareto,
    HalfNormal,
    ChiSquared,
    StudentT,
    Logistic,
    Rayleigh,
    Chi,
    HalfCauchy,
    LogitNormal,
    LogUniform,
    ContinuousBernoulli,
    Kumaraswamy,
    VonMises,
    Moyal,
    Lindley,
    Wishart,
    PointMass,
    Bernoulli,
    Binomial,
    Poisson,
    Geometric,
    NegativeBinomial,
    Categorical,
    Multinomial,
}

/// The shape of one parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A number.
    Scalar,
    /// A list of numbers `[a, b, …]`.
    Vector,
    /// A list of rows `[[a, b], [c, d]]`.
    Matrix,
}

/// How a keyword alternative maps to the canonical parameter (`sd = 2` gives the variance 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transform {
    /// The same value under another name (`mu` for `mean`).
    Identity,
    /// The canonical parameter is the square of the given one (`sd` → variance).
    Square,
    /// The canonical parameter is the reciprocal of the given one (`scale` → rate).
    Reciprocal,
    /// The canonical parameter is the square root of the given one.
    SquareRoot,
}

/// A keyword alternative for a parameter.
#[derive(Clone, Copy, Debug)]
pub struct Alias {
    /// The keyword.
    pub name: &'static str,
    /// How its value becomes the canonical parameter.
    pub transform: Transform,
}

/// Declares one parameter of a family.
#[derive(Clone, Copy, Debug)]
pub struct ParamSpec {
    /// The keyword of the canonical parameter (`var`).
    pub name: &'static str,
    /// Its meaning, as used in error messages (`variance`).
    pub meaning: &'static str,
    /// Scalar, vector or matrix.
    pub shape: Shape,
    /// What every value (or every element) must satisfy.
    pub constraint: Constraint,
    /// Keyword alternatives.
    pub aliases: &'static [Alias],
    /// The value used when the parameter is omitted (`T(ν)` has location 0 and scale 1).
    pub default: Option<i64>,
}

impl ParamSpec {
    /// A required scalar parameter without aliases.
    pub const fn scalar(
        name: &'static str,
        meaning: &'static str,
        constraint: Constraint,
    ) -> ParamSpec {
        ParamSpec {
            name,
            meaning,
            shape: Shape::Scalar,
            constraint,
            aliases: &[],
            default: None,
        }
    }

    /// The same parameter with keyword alternatives.
    pub const fn with_aliases(self, aliases: &'static [Alias]) -> ParamSpec {
        ParamSpec { aliases, ..self }
    }

    /// The same parameter with a default value.
    pub const fn with_default(self, default: i64) -> ParamSpec {
        ParamSpec {
            default: Some(default),
            ..self
        }
    }

    /// The same parameter as a vector.
    pub const fn vector(self) -> ParamSpec {
        ParamSpec {
            shape: Shape::Vector,
            ..self
        }
    }

    /// The same parameter as a matrix.
    pub const fn matrix(self) -> ParamSpec {
        ParamSpec {
            shape: Shape::Matrix,
            ..self
        }
    }
}

/// The value of one parameter.
#[derive(Clone, Debug, PartialEq)]
pub enum Param {
    /// A number or symbolic expression.
    Scalar(Expr),
    /// A vector.
    Vector(Vec<Expr>),
    /// A matrix, as rows.
    Matrix(Vec<Vec<Expr>>),
}

impl Param {
    /// The scalar value; panics on a shape the constructor has already excluded.
    pub fn scalar(&self) -> &Expr {
        match self {
            Param::Scalar(value) => value,
            other => unreachable!("parameter shapes are checked at construction, got {other:?}"),
        }
    }

    /// The vector value; panics on a shape the constructor has already excluded.
    pub fn vector(&self) -> &[Expr] {
        match self {
            Param::Vector(values) => values,
            other => unreachable!("parameter shapes are checked at construction, got {other:?}"),
        }
    }

    /// The matrix value; panics on a shape the constructor has already excluded.
    pub fn matrix(&self) -> &[Vec<Expr>] {
        match self {
            Param::Matrix(rows) => rows,
            other => unreachable!("parameter shapes are checked at construction, got {other:?}"),
        }
    }
}

/// The declarative description of a family, one per file.
pub struct FamilySpec {
    /// Which family.
    pub kind: FamilyKind,
    /// The name used in rule names and messages (`Normal`).
    pub display: &'static str,
    /// Every name a user may write (`N`, `Normal`); the first is the short form used when printing.
    pub names: &'static [&'static str],
    /// The parameters in positional order.
    pub params: &'static [ParamSpec],
    /// Checks that involve several parameters (a < b, probabilities summing to one, matrix sizes), after each
    /// parameter has passed its own constraint.
    pub check: fn(&[Param]) -> Result<(), ParamError>,
    /// The support, from the (already checked) parameters.
    pub support: fn(&[Param]) -> Support,
    /// The log-density (or log-mass) at `x` as a symbolic expression, valid on the support. `None` for
    /// multivariate families, whose densities the numeric fallback does not integrate.
    pub log_density: Option<fn(&[Param], &Expr) -> Expr>,
    /// A sentence stating the parametrisation, for `:help` and the docs.
    pub summary: &'static str,
}

/// A member of a family: the family and its checked, canonical parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Family {
    /// Which family.
    pub kind: FamilyKind,
    /// Canonical parameters in positional order (aliases already converted, defaults filled in).
    pub params: Vec<Param>,
}

impl Family {
    /// The family's declaration.
    pub fn spec(&self) -> &'static FamilySpec {
        spec(self.kind)
    }

    /// The `index`-th parameter as a scalar.
    pub fn scalar(&self, index: usize) -> &Expr {
        self.params[index].scalar()
    }

    /// The `index`-th parameter as a vector.
    pub fn vector(&self, index: usize) -> &[Expr] {
        self.params[index].vector()
    }

    /// The `index`-th parameter as a matrix.
    pub fn matrix(&self, index: usize) -> &[Vec<Expr>] {
        self.params[index].matrix()
    }

    /// The support.
    pub fn support(&self) -> Support {
        (self.spec().support)(&self.params)
    }

    /// The log-density at `x`, for univariate families.
    pub fn log_density(&self, x: &Expr) -> Option<Expr> {
        self.spec()
            .log_density
            .map(|density| density(&self.params, x))
    }
}

/// One weighted component of a mixture.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    /// The weight, exact and in (0, 1].
    pub weight: Expr,
    /// The component.
    pub family: Family,
}

/// A distribution: a family member or a finite mixture of them.
#[derive(Clone, Debug, PartialEq)]
pub enum Distribution {
    /// A single family member.
    Family(Family),
    /// A mixture whose weights sum to one.
    Mixture(Vec<Component>),
}

impl Distribution {
    /// The family, when the distribution is not a mixture.
    pub fn as_family(&self) -> Option<&Family> {
        match self {
            Distribution::Family(family) => Some(family),
            Distribution::Mixture(_) => None,
        }
    }

    /// The components with their weights: one of weight 1 for a family.
    pub fn weighted(&self) -> Vec<(Expr, &Family)> {
        match self {
            Distribution::Family(family) => vec![(Expr::int(1), family)],
            Distribution::Mixture(components) => components
                .iter()
                .map(|component| (component.weight.clone(), &component.family))
                .collect(),
        }
    }

    /// The name used in rule names (`Normal`, `Mixture`).
    pub fn display_name(&self) -> &'static str {
        match self {
            Distribution::Family(family) => family.spec().display,
            Distribution::Mixture(_) => "Mixture",
        }
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let spec = self.spec();
        write!(f, "{}(", spec.names[0])?;
        for (index, param) in self.params.iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            match param {
                Param::Scalar(value) => write!(f, "{value}")?,
                Param::Vector(values) => write_list(f, values)?,
                Param::Matrix(rows) => {
                    f.write_str("[")?;
                    for (row_index, row) in rows.iter().enumerate() {
                        if row_index > 0 {
                            f.write_str(", ")?;
                        }
                        write_list(f, row)?;
                    }
                    f.write_str("]")?;
                }
            }
        }
        f.write_str(")")
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, values: &[Expr]) -> fmt::Result {
    f.write_str("[")?;
    for (index, value) in values.iter().enumerate() {
        if index > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{value}")?;
    }
    f.write_str("]")
}

impl fmt::Display for Distribution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Distribution::Family(family) => write!(f, "{family}"),
            Distribution::Mixture(components) => {
                for (index, component) in components.iter().enumerate() {
                    if index > 0 {
                        f.write_str(" + ")?;
                    }
                    write!(f, "{}*{}", component.weight, component.family)?;
                }
                Ok(())
            }
        }
    }
}

/// Every family's declaration. Order is the contract's table order (used by `:help families`).
pub static SPECS: &[&FamilySpec] = &[
    &normal::SPEC,
    &multivariate_normal::SPEC,
    &diagonal_normal::SPEC,
    &exponential::SPEC,
    &gamma::SPEC,
    &inverse_gamma::SPEC,
    &beta::SPEC,
    &dirichlet::SPEC,
    &laplace::SPEC,
    &uniform::SPEC,
    &cauchy::SPEC,
    &log_normal::SPEC,
    &weibull::SPEC,
    &gumbel::SPEC,
    &pareto::SPEC,
    &half_normal::SPEC,
    &chi_squared::SPEC,
    &student_t::SPEC,
    &logistic::SPEC,
    &rayleigh::SPEC,
    &chi::SPEC,
    &half_cauchy::SPEC,
    &logit_normal::SPEC,
    &log_uniform::SPEC,
    &continuous_bernoulli::SPEC,
    &kumaraswamy::SPEC,
    &von_mises::SPEC,
    &moyal::SPEC,
    &lindley::SPEC,
    &wishart::SPEC,
    &point_mass::SPEC,
    &bernoulli::SPEC,
    &binomial::SPEC,
    &poisson::SPEC,
    &geometric::SPEC,
    &negative_binomial::SPEC,
    &categorical::SPEC,
    &multinomial::SPEC,
];

/// The declaration of one family.
pub fn spec(kind: FamilyKind) -> &'static FamilySpec {
    SPECS
        .iter()
        .find(|spec| spec.kind == kind)
        .copied()
        .unwrap_or_else(|| unreachable!("every FamilyKind has a spec in SPECS: {kind:?}"))
}

/// Looks a family up by any name a user may write.
pub fn lookup(name: &str) -> Option<&'static FamilySpec> {
    SPECS
        .iter()
        .find(|spec| spec.names.contains(&name))
        .copied()
}

/// Every name a user may write, for "did you mean" and completion.
pub fn all_names() -> impl Iterator<Item = &'static str> {
    SPECS.iter().flat_map(|spec| spec.names.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_one_spec_in_table_order() {
        let kinds: Vec<FamilyKind> = SPECS.iter().map(|spec| spec.kind).collect();
        let mut sorted = kinds.clone();
        sorted.sort();
        // FamilyKind is declared in the contract's table order, so the table is sorted and has no repeats.
        assert_eq!(kinds, sorted);
        sorted.dedup();
        assert_eq!(sorted.len(), 38);
    }

    #[test]
    fn names_are_unique_and_found() {
        let names: Vec<&str> = all_names().collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(names.len(), unique.len());
        assert_eq!(lookup("N").map(|spec| spec.display), Some("Normal"));
        assert_eq!(
            lookup("Dirac").map(|spec| spec.kind),
            Some(FamilyKind::PointMass)
        );
        assert_eq!(
            lookup("Pois").map(|spec| spec.kind),
            Some(FamilyKind::Poisson)
        );
        assert_eq!(spec(FamilyKind::NegativeBinomial).display, "NegBin");
    }

    #[test]
    fn keywords_are_unique_within_a_family() {
        for spec in SPECS {
            let mut keywords: Vec<&str> = spec
                .params
                .iter()
                .flat_map(|param| {
                    std::iter::once(param.name).chain(param.aliases.iter().map(|alias| alias.name))
                })
                .collect();
            let count = keywords.len();
            keywords.sort();
            keywords.dedup();
            assert_eq!(keywords.len(), count, "{}", spec.display);
        }
    }

    #[test]
    fn only_multivariate_families_lack_a_log_density() {
        let without: Vec<&str> = SPECS
            .iter()
            .filter(|spec| spec.log_density.is_none())
            .map(|spec| spec.display)
            .collect();
        assert_eq!(
            without,
            ["MVN", "DiagN", "Dirichlet", "Wishart", "Multinomial"]
        );
    }
}
