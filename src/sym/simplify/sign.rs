//! Signs decided from the form of an expression and the domains of its symbols.

use std::cmp::Ordering;

use num_traits::{One, Signed, Zero};

use crate::exact::{ratio, Rational};
use crate::sym::{Constant, Domain, Expr, Function};

/// The set of signs an expression may take (over every value of its symbols' domains).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Signs {
    /// It may be < 0.
    pub negative: bool,
    /// It may be 0.
    pub zero: bool,
    /// It may be > 0.
    pub positive: bool,
}

impl Signs {
    const ANY: Signs = Signs {
        negative: true,
        zero: true,
        positive: true,
    };
    const POSITIVE: Signs = Signs {
        negative: false,
        zero: false,
        positive: true,
    };
    const NEGATIVE: Signs = Signs {
        negative: true,
        zero: false,
        positive: false,
    };
    const ZERO: Signs = Signs {
        negative: false,
        zero: true,
        positive: false,
    };
    const NON_NEGATIVE: Signs = Signs {
        negative: false,
        zero: true,
        positive: true,
    };

    fn of(ordering: Ordering) -> Signs {
        match ordering {
            Ordering::Less => Signs::NEGATIVE,
            Ordering::Equal => Signs::ZERO,
            Ordering::Greater => Signs::POSITIVE,
        }
    }

    /// The single sign, when only one is possible.
    pub fn exact(self) -> Option<Ordering> {
        match (self.negative, self.zero, self.positive) {
            (true, false, false) => Some(Ordering::Less),
            (false, true, false) => Some(Ordering::Equal),
            (false, false, true) => Some(Ordering::Greater),
            _ => None,
        }
    }

    /// Whether the value is certainly > 0.
    pub fn is_positive(self) -> bool {
        self == Signs::POSITIVE
    }

    /// Whether the value is certainly ≥ 0.
    pub fn is_non_negative(self) -> bool {
        !self.negative
    }

    fn times(self, other: Signs) -> Signs {
        Signs {
            negative: (self.negative && other.positive) || (self.positive && other.negative),
            zero: self.zero || other.zero,
            positive: (self.positive && other.positive) || (self.negative && other.negative),
        }
    }

    fn plus(self, other: Signs) -> Signs {
        let negative = self.negative || other.negative;
        let positive = self.positive || other.positive;
        // A zero sum needs both to be zero, or one term of each sign.
        let zero = (self.zero && other.zero)
            || (self.negative && other.positive)
            || (self.positive && other.negative);
        Signs {
            negative,
            zero,
            positive,
        }
    }

    /// The set without zero (the value is known to be non-zero).
    fn non_zero(self) -> Signs {
        Signs {
            zero: false,
            ..self
        }
    }
}

fn domain_signs(domain: Domain) -> Signs {
    if domain.is_positive() {
        Signs::POSITIVE
    } else if domain.is_non_negative() {
        Signs::NON_NEGATIVE
    } else {
        Signs::ANY
    }
}

fn rational_signs(value: &Rational) -> Signs {
    Signs::of(value.cmp(&Rational::zero()))
}

/// How deep the sign analysis looks; below that a sub-expression may take any sign. This bounds the work
/// per call, which the simplifier makes at many nodes of a deep expression.
const MAX_SIGN_DEPTH: usize = 48;

/// The signs `expr` may take.
pub fn signs(expr: &Expr) -> Signs {
    signs_within(expr, MAX_SIGN_DEPTH)
}

fn signs_within(expr: &Expr, depth: usize) -> Signs {
    if depth == 0 {
        return match expr {
            Expr::Number(value) => rational_signs(value),
            _ => Signs::ANY,
        };
    }
    let depth = depth - 1;
    let signs = |e: &Expr| signs_within(e, depth);
    match expr {
        Expr::Number(value) => rational_signs(value),
        Expr::Constant(_) | Expr::Infinity => Signs::POSITIVE,
        Expr::Symbol(symbol) => domain_signs(symbol.domain),
        Expr::Add(terms) => unit_interval_signs(terms).unwrap_or_else(|| {
            terms
                .iter()
                .map(signs)
                .reduce(Signs::plus)
                .unwrap_or(Signs::ZERO)
        }),
        Expr::Mul(factors) => factors
            .iter()
            .map(signs)
            .fold(Signs::POSITIVE, Signs::times),
        Expr::Pow(base, exponent) => power_signs(base, exponent, depth),
        Expr::Apply(function, arguments) => match arguments.as_slice() {
            [argument] => function_signs(*function, argument, depth),
            // I_ν(x) > 0 for x > 0 and ν ≥ 0: every term of its power series is positive.
            [order, x] if *function == Function::BesselI => {
                if signs(order).is_non_negative() && signs(x).is_positive() {
                    Signs::POSITIVE
                } else {
                    Signs::ANY
                }
            }
            _ => Signs::ANY,
        },
        Expr::Numeric(_) => Signs::ANY,
    }
}

/// The sign of a sum of a rational and multiples of symbols in (0, 1), such as `a - 1` for a Rényi order
/// a ∈ (0, 1): each symbolic term lies strictly inside (0, k) or (k, 0), so the sum lies strictly inside an
/// interval whose ends are rationals.
fn unit_interval_signs(terms: &[Expr]) -> Option<Signs> {
    let zero = Rational::from_integer(0.into());
    let (mut lower, mut upper, mut open) = (zero.clone(), zero.clone(), false);
    for term in terms {
        let coefficient = match term {
            Expr::Number(value) => {
                lower += value;
                upper += value;
                continue;
            }
            Expr::Symbol(symbol) if symbol.domain == Domain::OpenUnit => {
                Rational::from_integer(1.into())
            }
            Expr::Mul(factors) => match factors.as_slice() {
                [Expr::Number(k), Expr::Symbol(symbol)] if symbol.domain == Domain::OpenUnit => {
                    k.clone()
                }
                _ => return None,
            },
            _ => return None,
        };
        open = true;
        if coefficient > zero {
            upper += coefficient;
        } else {
            lower += coefficient;
        }
    }
    if !open {
        return None;
    }
    if upper <= zero {
        Some(Signs::of(Ordering::Less))
    } else if lower >= zero {
        Some(Signs::of(Ordering::Greater))
    } else {
        None
    }
}

fn power_signs(base: &Expr, exponent: &Expr, depth: usize) -> Signs {
    let base_signs = signs_within(base, depth);
    if base_signs.is_positive() {
        return Signs::POSITIVE;
    }
    match exponent {
        Expr::Number(value) if value.is_integer() => {
            let even = !value.numer().bit(0);
            let result = if even {
                Signs {
                    negative: false,
                    zero: base_signs.zero,
                    positive: true,
                }
            } else {
                base_signs
            };
            // A negative power of zero is undefined, so where it is defined the base is non-zero.
            if value.is_negative() {
                result.non_zero()
            } else {
                result
            }
        }
        // A fractional power is defined (as a real) only for a base ≥ 0, and is then ≥ 0.
        Expr::Number(value) => {
            if value.is_negative() {
                Signs::POSITIVE
            } else {
                Signs::NON_NEGATIVE
            }
        }
        _ => Signs::ANY,
    }
}

/// Where ψ changes sign: x₀ = 1.4616321… lies strictly between these.
fn digamma_root_bounds() -> (Rational, Rational) {
    (ratio(14616, 10000), ratio(14617, 10000))
}

fn function_signs(function: Function, argument: &Expr, depth: usize) -> Signs {
    let argument_signs = signs_within(argument, depth);
    match function {
        Function::Exp => Signs::POSITIVE,
        Function::Abs => Signs {
            negative: false,
            zero: argument_signs.zero,
            positive: argument_signs.negative || argument_signs.positive,
        },
        Function::Log => log_signs(argument),
        Function::Erf | Function::Atan => argument_signs,
        Function::Erfc => Signs::POSITIVE,
        Function::ExpIntegralE1 | Function::Trigamma if argument_signs.is_positive() => {
            Signs::POSITIVE
        }
        Function::Lgamma => match argument {
            Expr::Number(x) if x.is_positive() => {
                let one = Rational::one();
                let two = Rational::from_integer(2.into());
                if *x == one || *x == two {
                    Signs::ZERO
                } else if *x > one && *x < two {
                    Signs::NEGATIVE
                } else {
                    Signs::POSITIVE
                }
            }
            _ => Signs::ANY,
        },
        Function::Digamma => match argument {
            Expr::Number(x) if x.is_positive() => {
                let (low, high) = digamma_root_bounds();
                if *x <= low {
                    Signs::NEGATIVE
                } else if *x >= high {
                    Signs::POSITIVE
                } else {
                    Signs::ANY
                }
            }
            _ => Signs::ANY,
        },
        _ => Signs::ANY,
    }
}

/// The signs of log(x), from how x compares with 1.
fn log_signs(argument: &Expr) -> Signs {
    match argument {
        Expr::Number(x) if x.is_positive() => Signs::of(x.cmp(&Rational::one())),
        Expr::Constant(Constant::Pi | Constant::E) => Signs::POSITIVE,
        Expr::Constant(Constant::EulerGamma) => Signs::NEGATIVE,
        Expr::Symbol(symbol) => match symbol.domain {
            Domain::OpenUnit => Signs::NEGATIVE,
            Domain::PositiveInteger => Signs::NON_NEGATIVE,
            _ => Signs::ANY,
        },
        _ => Signs::ANY,
    }
}

/// The sign of an expression when it follows from its form and the symbols' domains (a rational, a positive
/// symbol, exp(x), a sum of positive terms, …): `Some(Less | Equal | Greater)`, or `None` when undecided.
/// Constant expressions that this cannot decide are decided numerically by `crate::numeric::compare`.
pub fn sign(expr: &Expr) -> Option<Ordering> {
    signs(expr).exact()
}

/// Whether `expr` is certainly > 0.
pub fn is_positive(expr: &Expr) -> bool {
    signs(expr).is_positive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sym::{digamma, e, euler_gamma, exp, lgamma, log, pi};

    fn symbol(name: &str, domain: Domain) -> Expr {
        Expr::symbol(name, domain)
    }

    #[test]
    fn rationals_and_constants() {
        assert_eq!(sign(&Expr::ratio(-3, 8)), Some(Ordering::Less));
        assert_eq!(sign(&Expr::int(0)), Some(Ordering::Equal));
        assert_eq!(sign(&pi()), Some(Ordering::Greater));
        assert_eq!(sign(&(e() + euler_gamma())), Some(Ordering::Greater));
    }

    #[test]
    fn symbols_follow_their_domains() {
        let v = symbol("v", Domain::Positive);
        let x = symbol("x", Domain::Real);
        assert_eq!(sign(&v), Some(Ordering::Greater));
        assert_eq!(sign(&x), None);
        assert_eq!(sign(&(x.clone().powi(2) + 1)), Some(Ordering::Greater));
        assert_eq!(sign(&x.clone().powi(2)), None);
        assert_eq!(
            sign(&-(x.clone().powi(2) + v.clone())),
            Some(Ordering::Less)
        );
        assert_eq!(sign(&(v.clone() * x)), None);
        assert_eq!(
            sign(&exp(symbol("y", Domain::Real))),
            Some(Ordering::Greater)
        );
        assert_eq!(sign(&(Expr::int(1) / v)), Some(Ordering::Greater));
    }

    #[test]
    fn logs_compare_with_one() {
        assert_eq!(sign(&log(Expr::int(2))), Some(Ordering::Greater));
        assert_eq!(sign(&log(Expr::ratio(1, 2))), Some(Ordering::Less));
        assert_eq!(sign(&log(Expr::int(1))), Some(Ordering::Equal));
        assert_eq!(sign(&log(pi())), Some(Ordering::Greater));
        assert_eq!(sign(&log(euler_gamma())), Some(Ordering::Less));
        assert_eq!(
            sign(&log(symbol("p", Domain::OpenUnit))),
            Some(Ordering::Less)
        );
        assert_eq!(sign(&(log(Expr::int(2)) - Expr::ratio(3, 8))), None);
    }

    #[test]
    fn special_functions() {
        assert_eq!(sign(&lgamma(Expr::ratio(3, 2))), Some(Ordering::Less));
        assert_eq!(sign(&lgamma(Expr::int(5))), Some(Ordering::Greater));
        assert_eq!(sign(&digamma(Expr::int(1))), Some(Ordering::Less));
        assert_eq!(sign(&digamma(Expr::int(2))), Some(Ordering::Greater));
        assert_eq!(sign(&crate::sym::abs(symbol("x", Domain::Real))), None);
        assert_eq!(
            sign(&crate::sym::abs(symbol("v", Domain::Positive))),
            Some(Ordering::Greater)
        );
        let bessel = |order: Expr, x: Expr| Expr::Apply(Function::BesselI, vec![order, x]);
        assert_eq!(
            sign(&bessel(Expr::int(0), symbol("k", Domain::Positive))),
            Some(Ordering::Greater)
        );
        assert_eq!(sign(&bessel(Expr::int(1), symbol("x", Domain::Real))), None);
    }
}
