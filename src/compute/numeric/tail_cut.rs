//! Where a tail or a singular end is cut, and what the rest beyond the cut can add.
//!
//! Each tail piece is integrated up to y (its tail variable: x towards ±∞, 1/distance towards a singular end)
//! and the integral beyond y is bounded by the families' envelopes of the log-integrand. The cut is the least
//! y = first·2^k (then bisected in k) whose bound meets the target; a tail whose envelopes never get below
//! the target either diverges, as a lower envelope proves, or cannot be bounded.

use num_traits::One;
use rug::Float;

use super::density::{tail_bounds, Component};
use super::integral::{substitution, Integral, Prepared};
use super::integrand;
use super::layout::Kind;
use super::tails::Direction;
use crate::error::EvalError;
use crate::exact::Rational;
use crate::numeric::interval::Interval;
use crate::numeric::quadrature::envelope::{self, rational_of};
use crate::sym::{self, Expr};

/// The smallest y of a piece's tail variable (the cut must lie inside the piece).
pub fn first_y(kind: &Kind) -> Option<Rational> {
    let ceiling = |value: &Float| -> Option<Rational> {
        let rounded = Float::with_val(64, value.ceil_ref());
        rational_of(&rounded)
    };
    match kind {
        Kind::Bulk { .. } => None,
        Kind::End { at, other, .. } => {
            let distance = (other.value.sub(&at.value).ok()?).abs();
            let two_over = Interval::point(Float::with_val(64, 2))
                .div(&distance)
                .ok()?;
            Some(ceiling(&two_over.upper)?.max(Rational::from_integer(2.into())))
        }
        Kind::Tail { start, direction } => {
            let outward = match direction {
                Direction::Right => start.value.upper.clone(),
                Direction::Left => -start.value.lower.clone(),
            };
            Some((ceiling(&outward)? + Rational::one()).max(Rational::one()))
        }
    }
}

impl Integral {
    /// Upper and lower envelopes of the log-integrand beyond y = `start` on a piece.
    fn envelopes(
        &self,
        piece: &Prepared,
        start: &Rational,
    ) -> (Option<envelope::Envelope>, Option<envelope::Envelope>) {
        let Some(end) = piece.kind.tail_end() else {
            return (None, None);
        };
        let p: Vec<&Component> = piece.p.iter().collect();
        let q: Vec<&Component> = piece.q.iter().collect();
        let p_bounds = if p.is_empty() {
            None
        } else {
            tail_bounds(&p, &end, start)
        };
        let q_bounds = if q.is_empty() {
            None
        } else {
            tail_bounds(&q, &end, start)
        };
        if (!p.is_empty() && p_bounds.is_none()) || (!q.is_empty() && q_bounds.is_none()) {
            return (None, None);
        }
        let (upper, lower) =
            integrand::tail_envelopes(&self.form, p_bounds.as_ref(), q_bounds.as_ref(), start);
        match piece.kind {
            Kind::End { .. } => (
                upper.map(integrand::with_jacobian),
                lower.map(integrand::with_jacobian),
            ),
            _ => (upper, lower),
        }
    }

    /// The cut y and the bound of the integral beyond it, with the bound at most `target`. The cuts are
    /// y = first·2^exponent, the least that serves (to within a doubling, then a bisection of the exponent).
    /// The piece's envelope, built once at the first exponent that has one, is valid for every y beyond it
    /// and cheap to evaluate. Building envelopes afresh at each y cost a quarter of a 15-digit query and,
    /// since the log-normal's square is exact in the (log y)² basis, moved no cut enough to change the work.
    pub(super) fn cut(&self, piece: &Prepared, target: &Float) -> Option<(Rational, Float)> {
        let first = first_y(&piece.kind)?;
        let y_at = |exponent: u32| -> Rational {
            &first * Rational::from_integer(num_bigint::BigInt::from(2).pow(exponent))
        };
        let cached = piece.tail.get_or_init(|| {
            doublings().find_map(|exponent| {
                let (upper, _) = self.envelopes(piece, &y_at(exponent));
                upper.map(|upper| (exponent, upper))
            })
        });
        let (start, upper) = cached.as_ref()?;
        let afresh = |exponent: u32| -> Option<(Rational, Float)> {
            let known = piece.fresh.lock().ok()?.get(&exponent).cloned();
            let (y, bound) = match known {
                Some(known) => known?,
                None => {
                    let y = y_at(exponent);
                    let (upper, _) = self.envelopes(piece, &y);
                    let found = upper.and_then(|upper| {
                        envelope::tail_integral(&upper, &y).map(|bound| (y, bound))
                    });
                    piece.fresh.lock().ok()?.insert(exponent, found.clone());
                    found?
                }
            };
            (bound <= *target).then_some((y, bound))
        };
        // The certified bound costs some 30,000 instructions; an estimate in floats that misses the target
        // fourfold skips it (a wrong estimate can only move the cut outwards).
        let rough_target = 4.0 * target.to_f64();
        let from_cache = |exponent: u32| -> Option<(Rational, Float)> {
            let y = y_at(exponent);
            if envelope::tail_integral_estimate(upper, &y) > rough_target {
                return None;
            }
            let bound = envelope::tail_integral(upper, &y)?;
            (bound <= *target).then_some((y, bound))
        };
        // Where the cached envelope never gets below the target, envelopes built afresh at each y (their
        // remainders bounded from that y on) may.
        search(*start, &from_cache)
            .or_else(|| search(*start, &afresh))
            .map(|(_, found)| found)
    }

    /// `Some(reason)` when a tail's integral provably diverges; an error when neither convergence nor
    /// divergence can be shown.
    pub(super) fn divergence(&self) -> Result<Option<String>, EvalError> {
        let target = Float::with_val(64, 1);
        for piece in &self.pieces {
            let Some(first) = first_y(&piece.kind) else {
                continue;
            };
            if self.cut(piece, &target).is_some() {
                continue;
            }
            if self.form.can_diverge() {
                for exponent in [0u32, 2, 4, 8, 16, 32, 64] {
                    let y =
                        &first * Rational::from_integer(num_bigint::BigInt::from(2).pow(exponent));
                    if let (_, Some(lower)) = self.envelopes(piece, &y) {
                        if envelope::diverges(&lower) {
                            return Ok(Some(match piece.kind {
                                Kind::End { .. } => {
                                    "the integrand is not integrable at an end of the support"
                                        .into()
                                }
                                _ => "the integrand's tail is not integrable".into(),
                            }));
                        }
                    }
                }
            }
            return Err(EvalError::Undecided(
                "cannot bound the tail of the integrand (no certified envelope)".into(),
            ));
        }
        Ok(None)
    }
}

/// u at the tail variable y of a tail or end piece: log(y − c) (or log(c + y) towards −∞) on a tail, log(1/y)
/// at a singular end.
pub fn u_at(kind: &Kind, y: &Rational) -> Expr {
    let y = Expr::Number(y.clone());
    let (substitution, _) = substitution(kind);
    match kind {
        Kind::End { .. } => sym::log(y.pow(Expr::int(-1))),
        Kind::Tail {
            direction: Direction::Left,
            ..
        } => sym::log(substitution.center + y),
        _ => sym::log(y - substitution.center),
    }
}

/// The least exponent from `start` on where `serves` finds a cut, to within a doubling then a bisection,
/// with that cut.
fn search<T>(start: u32, serves: &impl Fn(u32) -> Option<T>) -> Option<(u32, T)> {
    let mut previous = start;
    for exponent in doublings().skip_while(|exponent| *exponent < start) {
        if let Some(found) = serves(exponent) {
            // Refine between the last exponent that failed and this one.
            return Some(bisect(previous, exponent, found, serves));
        }
        previous = exponent;
    }
    None
}

/// Bisects between an exponent `low` that fails and `high` that serves with `best`: the least exponent
/// found to serve, with its cut.
fn bisect<T>(
    mut low: u32,
    mut high: u32,
    mut best: T,
    serves: &impl Fn(u32) -> Option<T>,
) -> (u32, T) {
    while high > low + 1 {
        let middle = (low + high) / 2;
        match serves(middle) {
            Some(found) => {
                high = middle;
                best = found;
            }
            None => low = middle,
        }
    }
    (high, best)
}

/// The exponents of the cuts' search: 0, 1, 2, 4, …, 2¹⁵.
fn doublings() -> impl Iterator<Item = u32> {
    std::iter::once(0).chain((0..=15).map(|k| 1 << k))
}
