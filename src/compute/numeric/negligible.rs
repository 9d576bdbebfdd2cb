//! The entropy of a mixture far out in a tail, where some components are negligible.
//!
//! A component that decays super-exponentially (a Moyal's or a Gumbel's e^{−z}) is negligible far out in a
//! tail kept long by a heavy-tailed one, yet it costs the most there: off the real line its e^{−z} turns by
//! many radians across any complex box, so the boxes that bound the quadrature's error must be tiny, and
//! `H(1/3*Moyal(1/2,1) + 2/3*Cauchy(1/2,1))` ran into the time limit. Beyond a y where the negligible
//! components' own bound is below the tail target, they are dropped from the integrand:
//! with p = p′ + δ (p′ the kept components, δ ≥ 0 the dropped ones) and p ≤ 1/e, f(p) = −p log p is increasing
//! and concave there, so 0 ≤ f(p) − f(p′) ≤ δ·f′(p′) = δ(−log p′ − 1) ≤ δ·|log p′|, whose integral the
//! envelopes bound.

use rug::Float;

use super::density::{tail_bounds, Component};
use super::integral::{first_y, substitution, u_at, Integral, Prepared};
use super::integrand::{self, Form, Piece as Compiled};
use super::layout::Kind;
use super::settled::Settled;
use crate::error::EvalError;
use crate::exact::Rational;
use crate::numeric::interval::Interval;
use crate::numeric::quadrature::envelope::{log_magnitude, supremum, tail_integral, Envelope};
use crate::numeric::quadrature::Region;

impl Integral {
    /// For the entropy on a tail piece cut at y = `cut`, whose u runs over [lower, upper]: the part beyond
    /// the first y = first·2^k where components can be dropped, integrated without them, and the bound of
    /// what they add; `None` where no component can be dropped before the cut.
    pub fn negligible(
        &self,
        piece: &Prepared,
        (lower, upper): (&crate::sym::Expr, &crate::sym::Expr),
        cut: &Rational,
        target: &Float,
        precision: u32,
    ) -> Result<Option<Settled>, EvalError> {
        if self.form != Form::Entropy || piece.p.len() < 2 {
            return Ok(None);
        }
        let (Some(end), Some(mut y)) = (piece.kind.tail_end(), first_y(&piece.kind)) else {
            return Ok(None);
        };
        let towards_end = matches!(piece.kind, Kind::End { .. });
        let jacobian = |envelope: Envelope| {
            if towards_end {
                integrand::with_jacobian(envelope)
            } else {
                envelope
            }
        };
        let all: Vec<&Component> = piece.p.iter().collect();
        while y < *cut {
            let found = (|| -> Option<(Vec<Component>, Float)> {
                // p ≤ 1/e beyond y, where −p log p is increasing and concave.
                let whole = tail_bounds(&all, &end, &y)?;
                if supremum(&whole.upper, &y)? > -1 {
                    return None;
                }
                let (mut kept, mut dropped) = (Vec::new(), Vec::new());
                for component in &piece.p {
                    let own = tail_bounds(&[component], &end, &y)?;
                    match tail_integral(&jacobian(own.upper), &y) {
                        Some(mass) if mass <= *target => dropped.push(component),
                        _ => kept.push(component.clone()),
                    }
                }
                if kept.is_empty() || dropped.is_empty() {
                    return None;
                }
                let kept_bounds = tail_bounds(&kept.iter().collect::<Vec<_>>(), &end, &y)?;
                let dropped_bounds = tail_bounds(&dropped, &end, &y)?;
                let log_factor = log_magnitude(&kept_bounds.upper, &kept_bounds.lower)?;
                let bound = tail_integral(&jacobian(dropped_bounds.upper.add(&log_factor)), &y)?;
                (bound <= *target).then_some((kept, bound))
            })();
            if let Some((kept, bound)) = found {
                return self.without(piece, (lower, upper), &y, &kept, bound, precision);
            }
            y *= Rational::from_integer(2.into());
        }
        Ok(None)
    }

    /// The piece split at `y`: beyond it the entropy of `kept` alone, with [0, bound] for the rest.
    fn without(
        &self,
        piece: &Prepared,
        (lower, upper): (&crate::sym::Expr, &crate::sym::Expr),
        y: &Rational,
        kept: &[Component],
        bound: Float,
        precision: u32,
    ) -> Result<Option<Settled>, EvalError> {
        let (substitution, map) = substitution(&piece.kind);
        let kept: Vec<&Component> = kept.iter().collect();
        let compiled = integrand::compile(
            &Form::Entropy,
            &kept,
            &[],
            substitution,
            Some(piece.inside.clone()),
        )?;
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
        let extra = Interval::new(Float::new(precision), bound)
            .map_err(|_| EvalError::Budget("a tail bound is too large".into()))?;
        Ok(Some(Settled {
            regions: vec![Region {
                program: std::sync::Arc::new(program),
                map,
                lower: far.0,
                upper: far.1,
            }],
            extra,
            searched: near,
        }))
    }
}
