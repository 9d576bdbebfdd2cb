//! Total variation far out in a tail, where the envelopes of log p and log q settle the sign of p − q.
//!
//! The crossings of p and q are searched by interval evaluation of log p − log q, and the integrand is
//! evaluated in the same way; far out in a tail neither may be computable. A Gumbel's log-density
//! −z − e^{−z} leaves MPFR's exponent range beyond x ≈ −10⁹, while a Cauchy component of Q keeps the cut of
//! the tail far beyond that (at 10²⁴ for 20 digits), so every evaluation there fails. Beyond the y where
//! the envelopes show p < q (or p > q) for good:
//! - no crossing is searched: the integrand is (q − p)/2 (or (p − q)/2) there;
//! - beyond the y where the smaller density's own tail integral is below the tail target, that density is
//!   dropped: ½∫(q − p) = ½∫q − ½∫p with ½∫p between 0 and half its tail bound, which joins the error;
//! - where no such y comes before the cut, the components of either density whose own tail integral is
//!   negligible are dropped alike (a Moyal beside a Cauchy).
//!
//! The sign is settled by the densities' envelopes, or against each component of the other density alone
//! (a mixture's envelope is within log n of the truth, too loose where p/q tends to 9/10).

use std::sync::Arc;

use rug::Float;

use super::density::{tail_bounds, Component, TailEnd};
use super::integral::{substitution, Integral, Prepared};
use super::integrand::{self, Form, Piece as Compiled};
use super::layout::Kind;
use super::tail_cut::{first_y, u_at};
use crate::error::EvalError;
use crate::exact::Rational;
use crate::numeric::compiled::interval::log_sum_exp;
use crate::numeric::compiled::Program;
use crate::numeric::interval::Interval;
use crate::numeric::quadrature::envelope::{supremum, tail_integral, Envelope};
use crate::numeric::quadrature::Region;
use crate::sym::Expr;

/// The least y = first·2^k (k < 64) of a tail beyond which the envelopes settle the sign of log p − log q,
/// with that sign (`true`: p ≥ q).
pub fn settled_sign(
    p: &[Component],
    q: &[Component],
    end: &TailEnd,
    first: &Rational,
) -> Option<(Rational, bool)> {
    let p: Vec<&Component> = p.iter().collect();
    let q: Vec<&Component> = q.iter().collect();
    if p.is_empty() || q.is_empty() {
        return None;
    }
    let mut y = first.clone();
    for _ in 0..64 {
        if let (Some(p_bounds), Some(q_bounds)) =
            (tail_bounds(&p, end, &y), tail_bounds(&q, end, &y))
        {
            // sup (log p − log q) < 0 beyond y: p < q there; sup (log q − log p) < 0: p > q.
            let below = supremum(&p_bounds.upper.sub(&q_bounds.lower), &y);
            if below.is_some_and(|sup| sup < 0) {
                return Some((y, false));
            }
            let above = supremum(&q_bounds.upper.sub(&p_bounds.lower), &y);
            if above.is_some_and(|sup| sup < 0) {
                return Some((y, true));
            }
        }
        if against_components(&p, &q, end, &y).is_some_and(|sup| sup < 0) {
            return Some((y, false));
        }
        if against_components(&q, &p, end, &y).is_some_and(|sup| sup < 0) {
            return Some((y, true));
        }
        y *= Rational::from_integer(2.into());
    }
    None
}

/// sup (log p − log q) beyond y, bounded against each component of Q alone: q ≥ wⱼqⱼ, so
/// log p − log q ≤ log Σᵢ exp(sup(upper of log wᵢpᵢ − lower of log wⱼqⱼ)), where a component of P that is
/// qⱼ itself enters as its exact weight ratio. A mixture's own envelopes are within log n of the truth, so
/// they never settle 9/10·C + 1/10·M against C, where p/q → 9/10; this does, once M is small beside C.
fn against_components(
    p: &[&Component],
    q: &[&Component],
    end: &TailEnd,
    y: &Rational,
) -> Option<Float> {
    if p.len() < 2 && q.len() < 2 {
        return None;
    }
    let mut best: Option<Float> = None;
    for reference in q {
        let Some(lower) = tail_bounds(&[*reference], end, y).map(|bounds| bounds.lower) else {
            continue;
        };
        let terms = p
            .iter()
            .map(|component| {
                if component.family == reference.family {
                    let ratio = component.log_weight.clone() - reference.log_weight.clone();
                    let ratio =
                        crate::numeric::enclose(&ratio, 64, &crate::interrupt::Never).ok()?;
                    return Some(Interval::point(ratio.upper));
                }
                let upper = tail_bounds(&[*component], end, y)?.upper;
                Some(Interval::point(supremum(&upper.sub(&lower), y)?))
            })
            .collect::<Option<Vec<Interval>>>();
        let Some(bound) = terms.and_then(|terms| log_sum_exp(&terms).ok()) else {
            continue;
        };
        if best.as_ref().is_none_or(|best| bound.upper < *best) {
            best = Some(bound.upper);
        }
    }
    best
}

/// The settled part of a total variation tail piece: its regions, the bound of the dropped density's
/// part, and the part [lower, upper] of u still to be searched for crossings.
pub struct Settled {
    /// Regions of known sign.
    pub regions: Vec<Region>,
    /// Encloses what dropping the smaller density left out.
    pub extra: Interval,
    /// The rest of the piece, in u.
    pub searched: (Expr, Expr),
}

impl Integral {
    /// The far part of a tail piece cut at y = `cut` (u over [lower, upper]) that needs no search and no
    /// negligible component: for total variation where the sign is settled, for the other divergences
    /// where components can be dropped ([`Integral::negligible`]).
    pub fn far_tail(
        &self,
        piece: &Prepared,
        range: (&Expr, &Expr),
        cut: &Rational,
        target: &Float,
        precision: u32,
    ) -> Result<Option<Settled>, EvalError> {
        if piece.signed.is_some() {
            self.settled(piece, range, cut, target)
        } else {
            self.negligible(piece, range, cut, target, precision)
        }
    }

    /// Splits off the settled part of a tail piece of total variation cut at y = `cut`, whose u runs over
    /// [lower, upper]; `None` where the envelopes settle no sign before the cut.
    pub fn settled(
        &self,
        piece: &Prepared,
        (lower, upper): (&Expr, &Expr),
        cut: &Rational,
        target: &Float,
    ) -> Result<Option<Settled>, EvalError> {
        let Some((negative, _)) = &piece.signed else {
            return Ok(None);
        };
        let (Some(end), Some(first)) = (piece.kind.tail_end(), first_y(&piece.kind)) else {
            return Ok(None);
        };
        let Some((y, positive)) = piece
            .settled
            .get_or_init(|| settled_sign(&piece.p, &piece.q, &end, &first))
            .clone()
        else {
            return Ok(None);
        };
        if y >= *cut {
            return Ok(None);
        }
        let (_, map) = substitution(&piece.kind);
        let signed = if positive {
            piece.program.clone()
        } else {
            negative.clone()
        };
        // Towards a singular end u decreases as y grows: the far part of the piece is its lower part.
        let towards_end = matches!(piece.kind, Kind::End { .. });
        let ordered = |near: Expr, far: Expr| {
            if towards_end {
                (far, near)
            } else {
                (near, far)
            }
        };
        let (far_end, searched) = if towards_end {
            (lower.clone(), (u_at(&piece.kind, &y), upper.clone()))
        } else {
            (upper.clone(), (lower.clone(), u_at(&piece.kind, &y)))
        };
        let mut regions = Vec::new();
        let (smaller, larger) = if positive {
            (&piece.q, &piece.p)
        } else {
            (&piece.p, &piece.q)
        };
        let drop = self.drop_point(piece, smaller, &end, &y, cut, target);
        let Some((at, bound)) = drop else {
            let (program, dropped) =
                self.without_negligible(piece, positive, (&end, &y), target)?;
            let (a, b) = ordered(u_at(&piece.kind, &y), far_end);
            regions.push(Region {
                program: program.unwrap_or(signed),
                map,
                lower: a,
                upper: b,
            });
            return Ok(Some(Settled {
                regions,
                extra: dropped,
                searched,
            }));
        };
        let dropped_at = u_at(&piece.kind, &at);
        if at != y {
            let (a, b) = ordered(u_at(&piece.kind, &y), dropped_at.clone());
            regions.push(Region {
                program: signed,
                map,
                lower: a,
                upper: b,
            });
        }
        // The larger density's own negligible components go too (a component shared with the smaller
        // density, as in TV(G || ½C + ½G), would fail there as it does in the smaller one).
        let (kept, _, gained) = negligible_components(piece, larger, (&end, &at), target);
        if !kept.is_empty() {
            // ½ of the larger density's kept components alone.
            let (p, q) = if positive {
                (kept, Vec::new())
            } else {
                (Vec::new(), kept)
            };
            let alone = compile_with(piece, &Form::TotalVariation(1), &p, &q)?
                .ok_or_else(|| EvalError::NoRule("total variation of one density alone".into()))?;
            let (a, b) = ordered(dropped_at, far_end);
            regions.push(Region {
                program: Arc::new(alone),
                map,
                lower: a,
                upper: b,
            });
        }
        // ½∫|p − q| = ½∫(larger kept) + ½∫(larger dropped) − ½∫(smaller): the last two are within their bounds.
        let extra = halves(&bound, &gained)?;
        Ok(Some(Settled {
            regions,
            extra,
            searched,
        }))
    }

    /// The settled integrand beyond y without the components of either density whose own tail integral
    /// there is negligible (a Moyal's super-exponential side, whose log-density leaves MPFR's exponent
    /// range far out), and the enclosure of what they leave out: ½∫(q − p) = ½∫(q′ − p′) + ½∫q_d − ½∫p_d
    /// (P dropping p_d, Q dropping q_d) where p < q, and alike where p > q. `None` where nothing is dropped,
    /// or where a density would be dropped whole (the drop point's case).
    fn without_negligible(
        &self,
        piece: &Prepared,
        positive: bool,
        (end, y): (&TailEnd, &Rational),
        target: &Float,
    ) -> Result<(Option<Arc<Program>>, Interval), EvalError> {
        let share = Float::with_val(64, target) >> 2u32;
        let (p, _, p_dropped) = negligible_components(piece, &piece.p, (end, y), &share);
        let (q, _, q_dropped) = negligible_components(piece, &piece.q, (end, y), &share);
        let nothing = Interval::point(Float::new(64));
        let whole = p.len() == piece.p.len() && q.len() == piece.q.len();
        if whole || p.is_empty() || q.is_empty() {
            return Ok((None, nothing));
        }
        let form = Form::TotalVariation(if positive { 1 } else { -1 });
        let Some(program) = compile_with(piece, &form, &p, &q)? else {
            return Ok((None, nothing));
        };
        let extra = if positive {
            halves(&q_dropped, &p_dropped)?
        } else {
            halves(&p_dropped, &q_dropped)?
        };
        Ok((Some(Arc::new(program)), extra))
    }

    /// The first y = from·2^k before the cut where the tail integral of `smaller` beyond y is at most
    /// `target`, with that bound.
    fn drop_point(
        &self,
        piece: &Prepared,
        smaller: &[Component],
        end: &TailEnd,
        from: &Rational,
        cut: &Rational,
        target: &Float,
    ) -> Option<(Rational, Float)> {
        let mut y = from.clone();
        while y < *cut {
            if let Some(bound) = tail_mass(piece, smaller, end, &y) {
                if bound <= *target {
                    return Some((y, bound));
                }
            }
            y *= Rational::from_integer(2.into());
        }
        None
    }
}

/// The components whose own tail integral beyond y is at most `threshold`, split off: (kept, dropped, a bound
/// of the dropped ones' total tail integral).
pub fn negligible_components(
    piece: &Prepared,
    components: &[Component],
    (end, y): (&TailEnd, &Rational),
    threshold: &Float,
) -> (Vec<Component>, Vec<Component>, Float) {
    let (mut kept, mut dropped) = (Vec::new(), Vec::new());
    let mut mass = Float::new(64);
    for component in components {
        match tail_mass(piece, std::slice::from_ref(component), end, y) {
            Some(own) if own <= *threshold => {
                // Rounded up: the sum is a bound.
                mass = Float::with_val_round(64, &mass + &own, rug::float::Round::Up).0;
                dropped.push(component.clone());
            }
            _ => kept.push(component.clone()),
        }
    }
    (kept, dropped, mass)
}

/// [−a/2, b/2], rounded outwards: what half the integrals a (left out, subtracted) and b (left out, added)
/// change.
fn halves(subtracted: &Float, added: &Float) -> Result<Interval, EvalError> {
    let half = |value: &Float| Float::with_val_round(64, value / 2u32, rug::float::Round::Up).0;
    Interval::new(-half(subtracted), half(added))
        .map_err(|_| EvalError::Budget("a tail bound is too large".into()))
}

/// Adds the Jacobian dx = dy/y² of a singular end's tail variable to an envelope of a log-integrand.
pub fn in_x(kind: &Kind, envelope: Envelope) -> Envelope {
    match kind {
        Kind::End { .. } => integrand::with_jacobian(envelope),
        _ => envelope,
    }
}

/// A bound on the integral beyond y of the density made of `components` (with their weights).
pub fn tail_mass(
    piece: &Prepared,
    components: &[Component],
    end: &TailEnd,
    y: &Rational,
) -> Option<Float> {
    let components: Vec<&Component> = components.iter().collect();
    let bounds = tail_bounds(&components, end, y)?;
    tail_integral(&in_x(&piece.kind, bounds.upper), y)
}

/// The integrand of `form` on a piece with only the components `p` and `q`, sharing the piece's constants;
/// `None` where it vanishes or is infinite there.
pub fn compile_with(
    piece: &Prepared,
    form: &Form,
    p: &[Component],
    q: &[Component],
) -> Result<Option<Program>, EvalError> {
    let (substitution, _) = substitution(&piece.kind);
    let p: Vec<&Component> = p.iter().collect();
    let q: Vec<&Component> = q.iter().collect();
    let compiled = integrand::compile(form, &p, &q, substitution, Some(piece.inside.clone()))?;
    let Compiled::Formula(mut program) = compiled else {
        return Ok(None);
    };
    program.share_constants(&piece.program.enclosed);
    Ok(Some(program))
}
