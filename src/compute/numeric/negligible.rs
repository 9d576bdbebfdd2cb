//! Entropy, cross-entropy and KL far out in a tail, where some mixture components are negligible.
//!
//! A component that decays super-exponentially (a Moyal's or a Gumbel's e^{−z}) is negligible far out in a
//! tail kept long by a heavy-tailed one, yet it costs the most there: off the real line its e^{−z} turns by
//! many radians across any complex box, so the boxes that bound the quadrature's error must be tiny, and
//! `H(1/3*Moyal(1/2,1) + 2/3*Cauchy(1/2,1))` ran into the time limit. Beyond a y where the bound below is
//! under the tail target, the negligible components are dropped from the integrand F(p, q), and the bound
//! joins the error. With the kept part p′ and the dropped part δ ≥ 0 of p = p′ + δ, by the mean value theorem
//! |F(p) − F(p′)| ≤ δ·sup |∂F/∂p| over [p′, p], where |log ξ| ≤ max(|log p′|, |log p|):
//! - entropy, F = −p log p: |∂F/∂p| = |log ξ + 1| ≤ 2·max(|log p′|, |log p|, 1);
//! - cross-entropy, F = −p log q: |∂F/∂p| = |log q|;
//! - KL, F = p log p − p log q: |∂F/∂p| = |log ξ + 1 − log q| ≤ 3·max(|log p′|, |log p|, |log q|, 1).
//!
//! Dropping from q = q′ + δ in KL or cross-entropy changes F by −p log(q/q′) ∈ [−p δ/q′, 0].

use std::sync::Arc;

use rug::Float;

use super::density::{tail_bounds, Component, TailEnd};
use super::integral::{first_y, substitution, u_at, Integral, Prepared};
use super::integrand::{self, Form, Piece as Compiled};
use super::layout::Kind;
use super::settled::Settled;
use crate::error::EvalError;
use crate::exact::Rational;
use crate::numeric::interval::Interval;
use crate::numeric::quadrature::envelope::{log_magnitude, maximum, tail_integral, Envelope};
use crate::numeric::quadrature::Region;
use crate::sym::Expr;

/// Which density loses components, and how the error bound is signed.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    P,
    Q,
}

/// The components kept on each side and the bound of what the dropped ones change.
struct Drop {
    p: Vec<Component>,
    q: Vec<Component>,
    bound: Float,
    side: Side,
}

impl Integral {
    /// For entropy, cross-entropy or KL on a tail piece cut at y = `cut`, whose u runs over [lower, upper]:
    /// the part beyond the first y = first·2^k where components can be dropped, integrated without them, and
    /// the bound of what they change; `None` where none can be dropped before the cut.
    pub fn negligible(
        &self,
        piece: &Prepared,
        (lower, upper): (&Expr, &Expr),
        cut: &Rational,
        target: &Float,
        precision: u32,
    ) -> Result<Option<Settled>, EvalError> {
        let droppable = matches!(
            self.form,
            Form::Entropy | Form::CrossEntropy | Form::KullbackLeibler
        );
        if !droppable || (piece.p.len() < 2 && piece.q.len() < 2) {
            return Ok(None);
        }
        let (Some(end), Some(mut y)) = (piece.kind.tail_end(), first_y(&piece.kind)) else {
            return Ok(None);
        };
        while y < *cut {
            let found = self
                .drop_from(piece, Side::P, &end, &y, target)
                .or_else(|| self.drop_from(piece, Side::Q, &end, &y, target));
            if let Some(drop) = found {
                return self.without(piece, (lower, upper), &y, drop, precision);
            }
            y *= Rational::from_integer(2.into());
        }
        Ok(None)
    }

    /// The components of one side whose own mass beyond y is below the target, when dropping them changes
    /// the integral beyond y by at most the target.
    fn drop_from(
        &self,
        piece: &Prepared,
        side: Side,
        end: &TailEnd,
        y: &Rational,
        target: &Float,
    ) -> Option<Drop> {
        let jacobian = |envelope: Envelope| match piece.kind {
            Kind::End { .. } => integrand::with_jacobian(envelope),
            _ => envelope,
        };
        let bounds = |components: &[Component]| {
            let components: Vec<&Component> = components.iter().collect();
            tail_bounds(&components, end, y)
        };
        let own = match side {
            Side::P => &piece.p,
            Side::Q if self.form != Form::Entropy => &piece.q,
            Side::Q => return None,
        };
        let (mut kept, mut dropped) = (Vec::new(), Vec::new());
        for component in own {
            let mass = bounds(std::slice::from_ref(component))
                .and_then(|own| tail_integral(&jacobian(own.upper), y));
            match mass {
                Some(mass) if mass <= *target => dropped.push(component.clone()),
                _ => kept.push(component.clone()),
            }
        }
        if kept.is_empty() || dropped.is_empty() {
            return None;
        }
        let (kept_bounds, dropped_bounds) = (bounds(&kept)?, bounds(&dropped)?);
        let magnitude = |b: &super::tails::Bounds| log_magnitude(&b.upper, &b.lower);
        let most = |envelopes: &[Envelope]| -> Option<Envelope> {
            let mut envelopes = envelopes.iter();
            let first = envelopes.next()?.clone();
            envelopes.try_fold(first, |sofar, next| maximum(&sofar, next, y))
        };
        let one = Envelope::constant(Rational::from_integer(0.into()));
        let sensitivity = match (side, &self.form) {
            (Side::P, Form::Entropy) => {
                let whole = bounds(own)?;
                most(&[magnitude(&kept_bounds)?, magnitude(&whole)?, one])?
                    .add(&Envelope::constant(Rational::new(7.into(), 10.into())))
            }
            (Side::P, Form::CrossEntropy) => magnitude(&bounds(&piece.q)?)?,
            (Side::P, _) => {
                let whole = bounds(own)?;
                let q = bounds(&piece.q)?;
                most(&[
                    magnitude(&kept_bounds)?,
                    magnitude(&whole)?,
                    magnitude(&q)?,
                    one,
                ])?
                .add(&Envelope::constant(Rational::new(11.into(), 10.into())))
            }
            // p/q′, with q′ the kept part of q.
            (Side::Q, _) => bounds(&piece.p)?.upper.sub(&kept_bounds.lower),
        };
        let bound = tail_integral(&jacobian(dropped_bounds.upper.add(&sensitivity)), y)?;
        (bound <= *target).then(|| {
            let (p, q) = match side {
                Side::P => (kept, piece.q.clone()),
                Side::Q => (piece.p.clone(), kept),
            };
            Drop { p, q, bound, side }
        })
    }

    /// The piece split at `y`: beyond it the integrand without the dropped components, and their bound.
    fn without(
        &self,
        piece: &Prepared,
        (lower, upper): (&Expr, &Expr),
        y: &Rational,
        drop: Drop,
        precision: u32,
    ) -> Result<Option<Settled>, EvalError> {
        let (substitution, map) = substitution(&piece.kind);
        let p: Vec<&Component> = drop.p.iter().collect();
        let q: Vec<&Component> = drop.q.iter().collect();
        let compiled =
            integrand::compile(&self.form, &p, &q, substitution, Some(piece.inside.clone()))?;
        let Compiled::Formula(mut program) = compiled else {
            return Ok(None);
        };
        program.share_constants(&piece.program.enclosed);
        let at = u_at(&piece.kind, y);
        // Towards a singular end u decreases as y grows: the far part of the piece is its lower part.
        let (far, near) = match piece.kind {
            Kind::End { .. } => ((lower.clone(), at.clone()), (at, upper.clone())),
            _ => ((at.clone(), upper.clone()), (lower.clone(), at)),
        };
        // Dropping from q only lowers −p log q by p log(q/q′) ≥ 0: the true value is below.
        let low = -drop.bound.clone();
        let high = match drop.side {
            Side::P => drop.bound,
            Side::Q => Float::new(precision),
        };
        let extra = Interval::new(low, high)
            .map_err(|_| EvalError::Budget("a tail bound is too large".into()))?;
        Ok(Some(Settled {
            regions: vec![Region {
                program: Arc::new(program),
                map,
                lower: far.0,
                upper: far.1,
            }],
            extra,
            searched: near,
        }))
    }
}
