//! Where the Rényi integral runs: supp P ∩ supp Q, cut where a term |x − m| changes slope, so that on each
//! piece the exponent is a smooth combination of the remaining features.

use std::cmp::Ordering;

use crate::family::support::{Bound, Support};
use crate::family::Family;
use crate::rules::{sign_of, Verdict};
use crate::sym::Expr;

use super::exponent::{known_equal, Exponent, Feature};

/// An interval (l, u) of the real line; `None` is −∞ at the lower end and +∞ at the upper end.
#[derive(Clone, Debug, PartialEq)]
pub struct Interval {
    /// l.
    pub lower: Option<Expr>,
    /// u.
    pub upper: Option<Expr>,
}

/// The common support of P and Q.
#[derive(Clone, Debug, PartialEq)]
pub enum Domain {
    /// An interval, under densities.
    Continuous(Interval),
    /// The integers from `lower` to `upper` (unbounded when `None`), under mass functions.
    Discrete {
        /// The smallest value.
        lower: Expr,
        /// The largest value, if any.
        upper: Option<Expr>,
    },
}

/// How `a` compares with `b`, or `Undecided` naming the comparison.
pub fn decide(a: &Expr, b: &Expr, what: &str) -> Result<Ordering, Verdict> {
    if known_equal(a, b) {
        return Ok(Ordering::Equal);
    }
    sign_of(&(a.clone() - b.clone())).ok_or_else(|| {
        Verdict::Undecided(format!(
            "cannot decide how {what} compare for symbolic parameters"
        ))
    })
}

/// The larger (`Greater`) or smaller (`Less`) of two values.
fn pick(a: Expr, b: Expr, which: Ordering, what: &str) -> Result<Expr, Verdict> {
    Ok(if decide(&a, &b, what)? == which.reverse() {
        b
    } else {
        a
    })
}

fn finite(bound: Bound) -> Option<Expr> {
    match bound {
        Bound::Infinite => None,
        Bound::Finite(value) => Some(value),
    }
}

/// The tighter of two ends: the larger lower end (`Greater`) or the smaller upper end (`Less`).
fn tighter(a: Option<Expr>, b: Option<Expr>, which: Ordering) -> Result<Option<Expr>, Verdict> {
    Ok(match (a, b) {
        (None, end) | (end, None) => end,
        (Some(a), Some(b)) => Some(pick(a, b, which, "the ends of the supports")?),
    })
}

/// supp P ∩ supp Q, or the reason there is none to integrate over.
pub fn common_support(p: &Family, q: &Family) -> Result<Domain, Verdict> {
    let not_applicable = || Verdict::NotApplicable("supports of different kinds".into());
    match (p.support(), q.support()) {
        (
            Support::Interval {
                lower: l1,
                upper: u1,
            },
            Support::Interval {
                lower: l2,
                upper: u2,
            },
        ) => {
            let lower = tighter(finite(l1), finite(l2), Ordering::Greater)?;
            let upper = tighter(finite(u1), finite(u2), Ordering::Less)?;
            if let (Some(l), Some(u)) = (&lower, &upper) {
                if decide(u, l, "the ends of the supports")? != Ordering::Greater {
                    return Err(Verdict::Infinite(format!(
                        "the supports of {p} and {q} do not overlap"
                    )));
                }
            }
            Ok(Domain::Continuous(Interval { lower, upper }))
        }
        (
            Support::Integers {
                lower: l1,
                upper: u1,
            },
            Support::Integers {
                lower: l2,
                upper: u2,
            },
        ) => {
            let lower = pick(l1, l2, Ordering::Greater, "the ends of the supports")?;
            let upper = tighter(u1, u2, Ordering::Less)?;
            if let Some(u) = &upper {
                if decide(u, &lower, "the ends of the supports")? == Ordering::Less {
                    return Err(Verdict::Infinite(format!(
                        "the supports of {p} and {q} do not overlap"
                    )));
                }
            }
            Ok(Domain::Discrete { lower, upper })
        }
        _ => Err(not_applicable()),
    }
}

/// Whether the support of `family` is exactly `domain` (for α = 0: then Q(supp P) = 1).
pub fn is_whole_support(family: &Family, domain: &Domain) -> bool {
    let same = |a: &Option<Expr>, b: &Option<Expr>| match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => known_equal(a, b),
        _ => false,
    };
    match (family.support(), domain) {
        (Support::Interval { lower, upper }, Domain::Continuous(interval)) => {
            same(&finite(lower), &interval.lower) && same(&finite(upper), &interval.upper)
        }
        (Support::Integers { lower, upper }, Domain::Discrete { lower: l, upper: u }) => {
            known_equal(&lower, l) && same(&upper, u)
        }
        _ => false,
    }
}

/// One piece of the domain with its smooth exponent.
#[derive(Clone, Debug)]
pub struct Piece {
    /// Where.
    pub interval: Interval,
    /// The exponent, with every |x − m| written as ±(x − m).
    pub exponent: Exponent,
}

/// Where `m` lies relative to the interval: below or at its lower end (`Less`), strictly inside (`Equal`),
/// at or above its upper end (`Greater`).
fn position(m: &Expr, interval: &Interval) -> Result<Ordering, Verdict> {
    const WHAT: &str = "a location and the ends of the support";
    if let Some(l) = &interval.lower {
        if decide(m, l, WHAT)? != Ordering::Greater {
            return Ok(Ordering::Less);
        }
    }
    if let Some(u) = &interval.upper {
        if decide(m, u, WHAT)? != Ordering::Less {
            return Ok(Ordering::Greater);
        }
    }
    Ok(Ordering::Equal)
}

/// Cuts the interval at the centres of the |x − m| terms and resolves them on each piece.
pub fn pieces(interval: &Interval, exponent: &Exponent) -> Result<Vec<Piece>, Verdict> {
    let mut cuts: Vec<Expr> = Vec::new();
    for term in &exponent.terms {
        if let Feature::AbsoluteDeviation(m) = &term.feature {
            if position(m, interval)? == Ordering::Equal
                && !cuts.iter().any(|cut| known_equal(cut, m))
            {
                cuts.push(m.clone());
            }
        }
    }
    // Insertion sort: a comparison that symbols leave open stops with `Undecided`.
    let mut sorted: Vec<Expr> = Vec::new();
    for cut in cuts {
        let mut at = sorted.len();
        for (index, other) in sorted.iter().enumerate() {
            if decide(&cut, other, "the locations")? == Ordering::Less {
                at = index;
                break;
            }
        }
        sorted.insert(at, cut);
    }
    let mut ends: Vec<Option<Expr>> = vec![interval.lower.clone()];
    ends.extend(sorted.into_iter().map(Some));
    ends.push(interval.upper.clone());
    let mut result = Vec::new();
    for pair in ends.windows(2) {
        let piece = Interval {
            lower: pair[0].clone(),
            upper: pair[1].clone(),
        };
        result.push(Piece {
            exponent: resolve(&piece, exponent)?,
            interval: piece,
        });
    }
    Ok(result)
}

/// The exponent on a piece that no centre m cuts: c|x − m| = ±c(x − m).
fn resolve(piece: &Interval, exponent: &Exponent) -> Result<Exponent, Verdict> {
    let mut resolved = Exponent {
        constant: exponent.constant.clone(),
        terms: Vec::new(),
    };
    for term in &exponent.terms {
        match &term.feature {
            Feature::AbsoluteDeviation(m) => {
                let sign = match position(m, piece)? {
                    Ordering::Less => Expr::int(1),
                    _ => Expr::int(-1),
                };
                let slope = sign * term.coefficient.clone();
                resolved.constant = resolved.constant.clone() - slope.clone() * m.clone();
                resolved.add(slope, Feature::Identity);
            }
            other => resolved.add(term.coefficient.clone(), other.clone()),
        }
    }
    Ok(resolved.pruned())
}
