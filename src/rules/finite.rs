//! Divergences between distributions on a finite set, as exact finite sums (Bernoulli, Binomial with equal n,
//! Categorical).
//!
//! The conventions of the definition are applied exactly: 0·log 0 = 0 and 0·log(0/q) = 0 drop a term,
//! p·log(p/0) = +∞ makes the divergence infinite. Zero masses are decided exactly; a mass whose zeroness
//! symbols leave open keeps its term (the formula is then the continuous extension in that mass).

use std::cmp::Ordering;

use crate::sym::{sum, Expr};

use super::common::{
    compare, infinite, is_zero, log_of, log_ratio, power_mix, sign, undecided, Order,
};
use super::{RuleResult, Verdict};

/// The reason given when P has an atom that Q lacks.
pub(crate) const MASS_WHERE_Q_HAS_NONE: &str = "P puts mass where Q has none";

/// Whether an atom of mass `p` in P is an atom of Q with mass `q`, as the conventions need it.
enum Atom {
    /// p = 0: the atom does not count.
    Absent,
    /// p > 0 = q: P puts mass where Q has none.
    Missing,
    /// p > 0 (or open) and q > 0 (or open).
    Shared,
}

fn classify(p: &Expr, q: &Expr) -> Result<Atom, Verdict> {
    match is_zero(p) {
        Some(true) => Ok(Atom::Absent),
        Some(false) => Ok(if is_zero(q) == Some(true) {
            Atom::Missing
        } else {
            Atom::Shared
        }),
        None if is_zero(q) == Some(true) => {
            Err(undecided("a probability of P is zero where Q's is"))
        }
        None => Ok(Atom::Shared),
    }
}

/// KL(P‖Q) = Σ pᵢ log(pᵢ/qᵢ) over the atoms `(pᵢ, qᵢ)`.
pub(crate) fn kl(atoms: &[(Expr, Expr)]) -> RuleResult {
    let mut terms = Vec::with_capacity(atoms.len());
    for (p, q) in atoms {
        match classify(p, q)? {
            Atom::Absent => {}
            Atom::Missing => return infinite(MASS_WHERE_Q_HAS_NONE),
            Atom::Shared => terms.push(p.clone() * log_ratio(p, q)),
        }
    }
    Ok(sum(terms))
}

/// H(P) = −Σ pᵢ log pᵢ over the masses, 0·log 0 = 0.
pub(crate) fn entropy(masses: &[Expr]) -> Expr {
    -sum(masses
        .iter()
        .filter(|p| is_zero(p) != Some(true))
        .map(|p| p.clone() * log_of(p.clone())))
}

/// The Rényi divergence of any order over the atoms `(pᵢ, qᵢ)`; `One` is KL.
pub(crate) fn renyi(atoms: &[(Expr, Expr)], order: &Order) -> RuleResult {
    match order {
        Order::One => kl(atoms),
        Order::Zero => renyi_zero(atoms),
        Order::Infinity => renyi_infinity(atoms),
        Order::Finite(alpha) => renyi_finite(atoms, alpha),
    }
}

/// D₀ = −log Q(supp P).
fn renyi_zero(atoms: &[(Expr, Expr)]) -> RuleResult {
    let mut covered = Vec::with_capacity(atoms.len());
    for (p, q) in atoms {
        match is_zero(p) {
            Some(true) => {}
            Some(false) => covered.push(q.clone()),
            None => return Err(undecided("a probability of P is zero")),
        }
    }
    let mass = sum(covered);
    if is_zero(&mass) == Some(true) {
        return infinite("Q gives no mass to the support of P");
    }
    Ok(-log_of(mass))
}

/// D_∞ = log maxᵢ pᵢ/qᵢ over the support of P.
fn renyi_infinity(atoms: &[(Expr, Expr)]) -> RuleResult {
    let mut largest: Option<Expr> = None;
    for (p, q) in atoms {
        match classify(p, q)? {
            Atom::Absent => {}
            Atom::Missing => return infinite(MASS_WHERE_Q_HAS_NONE),
            Atom::Shared => {
                let ratio = p.clone() / q.clone();
                largest = Some(match largest {
                    None => ratio,
                    Some(current) => match compare(&ratio, &current) {
                        Some(Ordering::Greater) => ratio,
                        Some(_) => current,
                        None => return Err(undecided("one probability ratio p/q exceeds another")),
                    },
                });
            }
        }
    }
    match largest {
        Some(ratio) => Ok(log_of(ratio)),
        None => Err(Verdict::NotApplicable("P has no mass".into())),
    }
}

/// D_α = log(Σ pᵢ^α qᵢ^(1−α)) / (α − 1), the sum over atoms of both.
fn renyi_finite(atoms: &[(Expr, Expr)], alpha: &Expr) -> RuleResult {
    let mut terms = Vec::with_capacity(atoms.len());
    for (p, q) in atoms {
        match classify(p, q)? {
            Atom::Absent => {}
            // Such an atom contributes p^α·0^(1−α): 0 below order 1, +∞ above it.
            Atom::Missing => match sign(&(alpha.clone() - 1)) {
                Some(Ordering::Greater) => return infinite(MASS_WHERE_Q_HAS_NONE),
                Some(_) => {}
                None => return Err(undecided("the order exceeds 1")),
            },
            Atom::Shared => terms.push(power_mix(p, q, alpha)),
        }
    }
    if terms.is_empty() {
        return infinite("P and Q have disjoint supports");
    }
    Ok(log_of(sum(terms)) / (alpha.clone() - 1))
}
