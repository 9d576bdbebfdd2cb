//! Recognises the smooth exponent of one piece as a known kernel, after a change of variable t = φ(x) that
//! turns it into one of four shapes: e^(a t² + b t) (normal), t^g e^(c t) (gamma), x^g (1 − x)^h (beta),
//! (1 + ((x − m)/s)²)^t (Cauchy).
//!
//! | features (besides log x) | t | shape |
//! |---|---|---|
//! | x, x² | x | normal |
//! | one of x, x², x^k | x^k | gamma |
//! | log(1 − x) | x | beta |
//! | (log x)² | log x | normal |
//! | 1/x | 1/x | gamma |
//! | x, e^(−cx) (no log x) | e^(−cx) | gamma |
//! | log(1 + ((x − m)/s)²) alone | x | Cauchy |
//!
//! For an integral the Jacobian dx/dt joins the exponent; for a supremum (α = ∞) it does not, since a
//! monotone change of variable keeps the supremum.

use std::cmp::Ordering;

use crate::rules::{sign_of, Verdict};
use crate::sym::{exp, log, Expr};

use super::domain::{Interval, Piece};
use super::exponent::{known_zero, Exponent, Feature};

/// The kernel of a piece in the variable t.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// e^(a t² + b t).
    Normal {
        /// a.
        a: Expr,
        /// b.
        b: Expr,
    },
    /// t^g e^(c t), t ≥ 0.
    Gamma {
        /// g.
        g: Expr,
        /// c.
        c: Expr,
    },
    /// t^g (1 − t)^h, 0 ≤ t ≤ 1.
    Beta {
        /// g.
        g: Expr,
        /// h.
        h: Expr,
    },
    /// (1 + ((t − center)/scale)²)^power.
    Cauchy {
        /// The exponent.
        power: Expr,
        /// The centre.
        center: Expr,
        /// The scale.
        scale: Expr,
    },
}

/// A piece written in its kernel's variable: exp(constant) · shape(t) over `interval` (in t).
#[derive(Clone, Debug)]
pub struct Kernel {
    /// The constant factor, as a logarithm.
    pub constant: Expr,
    /// The shape.
    pub shape: Shape,
    /// The range of t.
    pub interval: Interval,
}

/// Which shape a set of features can take, ignoring the values of the parameters (the check that runs
/// before the domain is cut, and the test that decides which pairs of families get a rule).
pub fn recognisable(features: &[&Feature]) -> bool {
    let has = |test: &dyn Fn(&Feature) -> bool| features.iter().any(|f| test(f));
    let only = |allowed: &dyn Fn(&Feature) -> bool| features.iter().all(|f| allowed(f));
    let polynomial = |f: &Feature| {
        matches!(
            f,
            Feature::Identity | Feature::Square | Feature::Power(_) | Feature::AbsoluteDeviation(_)
        )
    };
    only(&|f| polynomial(f) || matches!(f, Feature::Log))
        || only(&|f| matches!(f, Feature::Log | Feature::LogComplement))
        || only(&|f| matches!(f, Feature::Log | Feature::LogSquare))
        || only(&|f| matches!(f, Feature::Log | Feature::Reciprocal))
        || (only(&|f| {
            matches!(
                f,
                Feature::Identity | Feature::ExpDecay(_) | Feature::AbsoluteDeviation(_)
            )
        }) && !has(&|f| matches!(f, Feature::AbsoluteDeviation(_))))
        || only(&|f| matches!(f, Feature::LogCauchy { .. }))
        || only(&|f| {
            matches!(
                f,
                Feature::Identity
                    | Feature::LogFactorial
                    | Feature::LogRising(_)
                    | Feature::LogChoose(_)
            )
        })
}

fn not_recognised(exponent: &Exponent) -> Verdict {
    let names: Vec<String> = exponent
        .terms
        .iter()
        .map(|term| term.feature.to_string())
        .collect();
    Verdict::NotApplicable(format!(
        "no known kernel combines the terms {}",
        names.join(", ")
    ))
}

/// f(end) for a finite end, `None` for an infinite one.
fn map_end(end: &Option<Expr>, f: impl Fn(Expr) -> Expr) -> Option<Expr> {
    end.as_ref().map(|value| f(value.clone()))
}

/// The image of a lower end ≥ 0 under t = 1/x (or of an upper end): 0 ↦ ∞ and ∞ ↦ 0.
fn reciprocal_end(end: &Option<Expr>) -> Option<Expr> {
    match end {
        None => Some(Expr::int(0)),
        Some(value) if known_zero(value) => None,
        Some(value) => Some(1 / value.clone()),
    }
}

/// The kernel of a piece; `jacobian` adds log |dx/dt| (for an integral, not for a supremum).
pub fn kernel(piece: &Piece, jacobian: bool) -> Result<Kernel, Verdict> {
    let exponent = &piece.exponent;
    let interval = &piece.interval;
    let coefficient = |feature: Feature| exponent.coefficient(&feature);
    let only = |allowed: &dyn Fn(&Feature) -> bool| {
        exponent.terms.iter().all(|term| allowed(&term.feature))
    };
    let jacobian_weight = if jacobian { Expr::int(1) } else { Expr::int(0) };
    let g = coefficient(Feature::Log);
    let build = |constant: Expr, shape: Shape, interval: Interval| Kernel {
        constant: exponent.constant.clone() + constant,
        shape,
        interval,
    };

    if only(&|f| matches!(f, Feature::Identity | Feature::Square)) {
        let shape = Shape::Normal {
            a: coefficient(Feature::Square),
            b: coefficient(Feature::Identity),
        };
        return Ok(build(Expr::int(0), shape, interval.clone()));
    }
    let powers: Vec<(Expr, Expr)> = exponent
        .terms
        .iter()
        .filter_map(|term| match &term.feature {
            Feature::Identity => Some((Expr::int(1), term.coefficient.clone())),
            Feature::Square => Some((Expr::int(2), term.coefficient.clone())),
            Feature::Power(k) => Some((k.clone(), term.coefficient.clone())),
            _ => None,
        })
        .collect();
    if only(&|f| {
        matches!(
            f,
            Feature::Log | Feature::Identity | Feature::Square | Feature::Power(_)
        )
    }) && powers.len() <= 1
        && interval.lower.is_some()
    {
        // t = x^k: x^g e^(c x^k) dx = t^((g + 1)/k − 1) e^(c t) dt / k.
        let (k, c) = powers
            .into_iter()
            .next()
            .unwrap_or_else(|| (Expr::int(1), Expr::int(0)));
        if sign_of(&k) != Some(Ordering::Greater) {
            return Err(not_recognised(exponent));
        }
        let power = |end: Expr| {
            if k.is_one() || end.is_zero() {
                end
            } else {
                end.pow(k.clone())
            }
        };
        let g = if jacobian {
            (g + 1) / k.clone() - 1
        } else {
            g / k.clone()
        };
        let constant = if jacobian && !k.is_one() {
            -log(k.clone())
        } else {
            Expr::int(0)
        };
        let image = Interval {
            lower: map_end(&interval.lower, power),
            upper: map_end(&interval.upper, power),
        };
        return Ok(build(constant, Shape::Gamma { g, c }, image));
    }
    if only(&|f| matches!(f, Feature::Log | Feature::LogComplement)) {
        let h = coefficient(Feature::LogComplement);
        return Ok(build(Expr::int(0), Shape::Beta { g, h }, interval.clone()));
    }
    if only(&|f| matches!(f, Feature::Log | Feature::LogSquare)) && interval.lower.is_some() {
        // t = log x: x^g e^(s log²x) dx = e^(s t² + (g + 1) t) dt.
        let image = Interval {
            lower: interval
                .lower
                .as_ref()
                .filter(|end| !known_zero(end))
                .map(|end| log(end.clone())),
            upper: map_end(&interval.upper, log),
        };
        let shape = Shape::Normal {
            a: coefficient(Feature::LogSquare),
            b: g + jacobian_weight,
        };
        return Ok(build(Expr::int(0), shape, image));
    }
    if only(&|f| matches!(f, Feature::Log | Feature::Reciprocal)) && interval.lower.is_some() {
        // t = 1/x: x^g e^(r/x) dx = t^(−g − 2) e^(r t) dt.
        let image = Interval {
            lower: reciprocal_end(&interval.upper),
            upper: reciprocal_end(&interval.lower),
        };
        let shape = Shape::Gamma {
            g: -g - 2 * jacobian_weight,
            c: coefficient(Feature::Reciprocal),
        };
        return Ok(build(Expr::int(0), shape, image));
    }
    let decays: Vec<(Expr, Expr)> = exponent
        .terms
        .iter()
        .filter_map(|term| match &term.feature {
            Feature::ExpDecay(rate) => Some((rate.clone(), term.coefficient.clone())),
            _ => None,
        })
        .collect();
    // One decay rate only: e^(−x/β) and e^(−x/σ) with β ≠ σ (Gumbel against Moyal of another scale) have no
    // common substitution, and dropping either term would give a wrong value.
    if only(&|f| matches!(f, Feature::Identity | Feature::ExpDecay(_))) && decays.len() == 1 {
        if let Some((rate, d)) = decays.into_iter().next() {
            // t = e^(−c x): e^(b x + d e^(−c x)) dx = t^(−b/c − 1) e^(d t) dt / c.
            let b = coefficient(Feature::Identity);
            let image = Interval {
                lower: Some(
                    map_end(&interval.upper, |u| exp(-rate.clone() * u))
                        .unwrap_or_else(|| Expr::int(0)),
                ),
                upper: map_end(&interval.lower, |l| exp(-rate.clone() * l)),
            };
            let (g, constant) = if jacobian {
                (-b / rate.clone() - 1, -log(rate))
            } else {
                (-b / rate, Expr::int(0))
            };
            return Ok(build(constant, Shape::Gamma { g, c: d }, image));
        }
    }
    if let [term] = exponent.terms.as_slice() {
        if let Feature::LogCauchy { center, scale } = &term.feature {
            let shape = Shape::Cauchy {
                power: term.coefficient.clone(),
                center: center.clone(),
                scale: scale.clone(),
            };
            return Ok(build(Expr::int(0), shape, interval.clone()));
        }
    }
    Err(not_recognised(exponent))
}
