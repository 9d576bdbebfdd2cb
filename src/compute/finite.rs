//! Exact finite sums for discrete distributions.
//!
//! When P has finite support (Bernoulli, Binomial, Categorical, a point mass, or a mixture of them), every
//! quantity is a finite sum over supp P of exact masses, plus, where Q's mass outside supp P matters (TV, JS),
//! the exact complement 1 − Q(supp P). With rational parameters every mass is rational, so the result is exact.

use num_bigint::BigInt;
use num_traits::{One, ToPrimitive, Zero};

use crate::divergence::DivergenceKind;
use crate::exact::Rational;
use crate::family::{Distribution, Family, FamilyKind};
use crate::rules::sign_of;
use crate::sym::{self, Expr};
use crate::value::Quantity;

/// The largest support enumerated term by term.
const MAX_TERMS: usize = 2_000;

/// An atom of a discrete distribution: a point and its exact mass.
type Atom = (Rational, Expr);

/// `n choose k` exactly.
fn binomial_coefficient(n: u64, k: u64) -> BigInt {
    let k = k.min(n - k);
    let mut value = BigInt::one();
    for i in 0..k {
        value = value * BigInt::from(n - i) / BigInt::from(i + 1);
    }
    value
}

/// The support size of a Binomial with an exact integer n, if small enough to enumerate.
fn trials(family: &Family) -> Option<u64> {
    let n = family.scalar(0).as_rational()?.to_integer().to_u64()?;
    (n < MAX_TERMS as u64).then_some(n)
}

/// The mass of a discrete family at the integer `k` (zero outside its support); `None` for families that are
/// not discrete or whose mass at `k` has no finite exact form here.
pub fn mass_at(family: &Family, k: &Rational) -> Option<Expr> {
    if !k.is_integer() {
        return Some(Expr::int(0));
    }
    let count = k.to_integer();
    let negative = count < BigInt::zero();
    Some(match family.kind {
        FamilyKind::Bernoulli => {
            let p = family.scalar(0).clone();
            match count.to_i64() {
                Some(0) => 1 - p,
                Some(1) => p,
                _ => Expr::int(0),
            }
        }
        FamilyKind::Binomial => {
            let n = trials(family)?;
            let p = family.scalar(1).clone();
            let k = count.to_u64().filter(|&k| k <= n);
            match k {
                None => Expr::int(0),
                Some(k) => {
                    Expr::Number(Rational::from_integer(binomial_coefficient(n, k)))
                        * p.clone().powi(k as i64)
                        * (1 - p).powi((n - k) as i64)
                }
            }
        }
        FamilyKind::Categorical => {
            let probabilities = family.vector(0);
            let index = count
                .to_usize()
                .filter(|&i| i >= 1 && i <= probabilities.len());
            match index {
                Some(i) => probabilities[i - 1].clone(),
                None => Expr::int(0),
            }
        }
        FamilyKind::PointMass => {
            let v = family.scalar(0).as_rational()?;
            if v == k {
                Expr::int(1)
            } else {
                Expr::int(0)
            }
        }
        _ if negative => {
            if matches!(
                family.kind,
                FamilyKind::Poisson | FamilyKind::Geometric | FamilyKind::NegativeBinomial
            ) {
                Expr::int(0)
            } else {
                return None;
            }
        }
        FamilyKind::Poisson => {
            let lambda = family.scalar(0).clone();
            let k = count.to_u64()?;
            let factorial: BigInt = (1..=k).map(BigInt::from).product();
            sym::exp(-lambda.clone()) * lambda.powi(k as i64)
                / Expr::Number(Rational::from_integer(factorial))
        }
        FamilyKind::Geometric => {
            let p = family.scalar(0).clone();
            let k = count.to_i64()?;
            p.clone() * (1 - p).powi(k)
        }
        FamilyKind::NegativeBinomial => {
            let r = family.scalar(0).clone();
            let p = family.scalar(1).clone();
            let k = count.to_u64()?;
            // Γ(k + r)/(Γ(r) k!) = r(r+1)…(r+k−1)/k!, a rational when r is.
            let rising = sym::product((0..k).map(|i| r.clone() + Expr::int(i as i64)));
            let factorial: BigInt = (1..=k).map(BigInt::from).product();
            rising / Expr::Number(Rational::from_integer(factorial))
                * p.clone().pow(r)
                * (1 - p).powi(k as i64)
        }
        _ => return None,
    })
    .map(|mass| sym::simplify(&mass))
}

/// The atoms of a distribution with finite support, merged by point; `None` when the support is infinite,
/// too large, or not exactly known.
pub fn atoms(distribution: &Distribution) -> Option<Vec<Atom>> {
    match distribution {
        Distribution::Family(family) => family_atoms(family),
        Distribution::Mixture(components) => {
            let mut merged: Vec<Atom> = Vec::new();
            for component in components {
                for (point, mass) in family_atoms(&component.family)? {
                    let weighted = component.weight.clone() * mass;
                    match merged.iter_mut().find(|(existing, _)| *existing == point) {
                        Some((_, total)) => *total = total.clone() + weighted,
                        None => merged.push((point, weighted)),
                    }
                }
            }
            merged.sort_by(|a, b| a.0.cmp(&b.0));
            Some(
                merged
                    .into_iter()
                    .map(|(point, mass)| (point, sym::simplify(&mass)))
                    .collect(),
            )
        }
    }
}

fn family_atoms(family: &Family) -> Option<Vec<Atom>> {
    let points: Vec<Rational> = match family.kind {
        FamilyKind::Bernoulli => vec![Rational::zero(), Rational::one()],
        FamilyKind::Binomial => (0..=trials(family)?)
            .map(|k| Rational::from_integer(k.into()))
            .collect(),
        FamilyKind::Categorical => (1..=family.vector(0).len())
            .map(|k| Rational::from_integer(k.into()))
            .collect(),
        FamilyKind::PointMass => vec![family.scalar(0).as_rational()?.clone()],
        _ => return None,
    };
    points
        .into_iter()
        .map(|point| Some((point.clone(), mass_at(family, &point)?)))
        .collect()
}

/// The mass of `distribution` at `point`.
fn mass_of(distribution: &Distribution, point: &Rational) -> Option<Expr> {
    match distribution {
        Distribution::Family(family) => mass_at(family, point),
        Distribution::Mixture(components) => {
            let terms: Option<Vec<Expr>> = components
                .iter()
                .map(|component| {
                    Some(component.weight.clone() * mass_at(&component.family, point)?)
                })
                .collect();
            Some(sym::simplify(&sym::sum(terms?)))
        }
    }
}

/// Whether an exact mass is zero (`Some(true)`), positive (`Some(false)`), or undecided.
fn is_zero(mass: &Expr) -> Option<bool> {
    sign_of(mass).map(|sign| sign == std::cmp::Ordering::Equal)
}

/// A divergence as a finite sum over supp P, when P has finite support and Q's masses are exact.
/// `None` when this method does not apply; `Some(Err(reason))` when it applies but a zero test is undecided.
pub fn divergence(
    kind: DivergenceKind,
    order: Option<&Expr>,
    p: &Distribution,
    q: Option<&Distribution>,
) -> Option<Result<Quantity, String>> {
    let p_atoms = atoms(p)?;
    let mut pairs = Vec::with_capacity(p_atoms.len());
    for (point, p_mass) in p_atoms {
        let q_mass = match q {
            Some(q) => mass_of(q, &point)?,
            None => Expr::int(0),
        };
        let Some(p_zero) = is_zero(&p_mass) else {
            return Some(Err(format!(
                "cannot decide whether the mass of P at {point} is zero"
            )));
        };
        if p_zero {
            continue;
        }
        let Some(q_zero) = is_zero(&q_mass) else {
            return Some(Err(format!(
                "cannot decide whether the mass of Q at {point} is zero"
            )));
        };
        pairs.push((p_mass, q_mass, q_zero));
    }
    Some(Ok(sums(kind, order, &pairs)))
}

fn sums(kind: DivergenceKind, order: Option<&Expr>, pairs: &[(Expr, Expr, bool)]) -> Quantity {
    use DivergenceKind::*;
    let q_zero_somewhere = pairs.iter().any(|(_, _, q_zero)| *q_zero);
    let infinite = || Quantity::infinite("P puts mass where Q has none");
    // Q's mass outside supp P, needed by TV and JS.
    let q_outside = || 1 - sym::sum(pairs.iter().map(|(_, q, _)| q.clone()));
    let finite = |expr: Expr| Quantity::Finite(sym::simplify(&expr));
    match kind {
        KullbackLeibler | CrossEntropy if q_zero_somewhere => infinite(),
        Pearson if q_zero_somewhere => infinite(),
        KullbackLeibler => {
            finite(sym::sum(pairs.iter().map(|(p, q, _)| {
                p.clone() * (sym::log(p.clone()) - sym::log(q.clone()))
            })))
        }
        CrossEntropy => finite(-sym::sum(
            pairs
                .iter()
                .map(|(p, q, _)| p.clone() * sym::log(q.clone())),
        )),
        Entropy => finite(-sym::sum(
            pairs
                .iter()
                .map(|(p, _, _)| p.clone() * sym::log(p.clone())),
        )),
        Pearson => {
            finite(sym::sum(pairs.iter().map(|(p, q, _)| p.clone().powi(2) / q.clone())) - 1)
        }
        TotalVariation => finite(
            (sym::sum(
                pairs
                    .iter()
                    .map(|(p, q, _)| sym::abs(p.clone() - q.clone())),
            ) + q_outside())
                / 2,
        ),
        JensenShannon => {
            let half = Expr::ratio(1, 2);
            let terms = pairs.iter().map(|(p, q, q_zero)| {
                let m = (p.clone() + q.clone()) / 2;
                let p_term = p.clone() * (sym::log(p.clone()) - sym::log(m.clone()));
                let q_term = if *q_zero {
                    Expr::int(0)
                } else {
                    q.clone() * (sym::log(q.clone()) - sym::log(m))
                };
                p_term + q_term
            });
            finite(half.clone() * sym::sum(terms) + half * sym::log(Expr::int(2)) * q_outside())
        }
        Bhattacharyya | Hellinger => {
            let coefficient = sym::sum(
                pairs
                    .iter()
                    .map(|(p, q, _)| sym::sqrt(p.clone() * q.clone())),
            );
            if kind == Hellinger {
                finite(sym::sqrt(1 - coefficient))
            } else if pairs.iter().all(|(_, _, q_zero)| *q_zero) {
                Quantity::infinite("P and Q have disjoint supports")
            } else {
                finite(-sym::log(coefficient))
            }
        }
        Renyi => renyi(order, pairs),
    }
}

fn renyi(order: Option<&Expr>, pairs: &[(Expr, Expr, bool)]) -> Quantity {
    let order = order.cloned().unwrap_or(Expr::Infinity);
    let q_zero_somewhere = pairs.iter().any(|(_, _, q_zero)| *q_zero);
    let overlapping: Vec<_> = pairs.iter().filter(|(_, _, q_zero)| !q_zero).collect();
    if order == Expr::Infinity {
        if q_zero_somewhere {
            return Quantity::infinite("P puts mass where Q has none");
        }
        // log max p/q: the maximum is found by exact comparisons of the ratios.
        let ratios: Vec<Expr> = overlapping
            .iter()
            .map(|(p, q, _)| sym::simplify(&(p.clone() / q.clone())))
            .collect();
        let mut best = ratios[0].clone();
        for ratio in &ratios[1..] {
            match sign_of(&(ratio.clone() - best.clone())) {
                Some(std::cmp::Ordering::Greater) => best = ratio.clone(),
                Some(_) => {}
                None => return Quantity::infinite("cannot order the ratios p/q"),
            }
        }
        return Quantity::Finite(sym::simplify(&sym::log(best)));
    }
    if order.is_zero() {
        return Quantity::Finite(sym::simplify(&-sym::log(sym::sum(
            overlapping.iter().map(|(_, q, _)| q.clone()),
        ))));
    }
    let above_one = matches!(
        sign_of(&(order.clone() - 1)),
        Some(std::cmp::Ordering::Greater)
    );
    if above_one && q_zero_somewhere {
        return Quantity::infinite("P puts mass where Q has none, and the order is above 1");
    }
    if overlapping.is_empty() {
        return Quantity::infinite("P and Q have disjoint supports");
    }
    let integral = sym::sum(
        overlapping
            .iter()
            .map(|(p, q, _)| p.clone().pow(order.clone()) * q.clone().pow(1 - order.clone())),
    );
    Quantity::Finite(sym::simplify(&(sym::log(integral) / (order - 1))))
}
