//! Entropy, cross-entropy, KL, JS, Hellinger, Bhattacharyya, Rényi, Pearson, and total variation where one
//! density is absent, far out in a tail where some mixture components are negligible.
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
//! - KL, F = p log p − p log q: |∂F/∂p| = |log ξ + 1 − log q| ≤ 3·max(|log p′|, |log p|, |log q|, 1);
//! - JS (either side): |∂F/∂p| = ½|log(2ξ/(ξ + q))| ≤ (3/2)·max(1, |log ξ|, |log(ξ + q)|); dropping
//!   the whole density p, F changes by at most ½p(1 + log 2 + |log p| + |log(p + q)|);
//! - squared Hellinger ½(√p − √q)² (either side) changes by ½δ − √q(√p − √p′), at most ½δ + √(qδ);
//! - where one density is absent, JS's ½p log 2 and squared Hellinger's (or total variation's) ½p change
//!   by less than ½δ (total variation with both present is settled's: [`super::settled`]);
//! - Bhattacharyya √(pq) (either side) by at most √(qδ);
//! - Rényi's p^α q^{1−α} (α > 0): |∂F/∂p| = α ξ^{α−1} q^{1−α} and |∂F/∂q| = |1 − α| p^α ξ^{−α};
//! - Pearson p²/q − 2p + q: |∂F/∂p| ≤ 2·max(p/q, 1) and |∂F/∂q| ≤ max(1, p²/q′²); where P is absent,
//!   q changes by δ.
//!
//! Dropping from q = q′ + δ in KL or cross-entropy changes F by −p log(q/q′) ∈ [−p δ/q′, 0].

use std::sync::Arc;

use num_traits::{One, Signed};
use rug::Float;

use super::density::{tail_bounds, Component, TailEnd};
use super::integral::{substitution, Integral, Prepared};
use super::integrand::Form;
use super::layout::Kind;
use super::settled::{compile_with, in_x, negligible_components, Settled};
use super::tail_cut::{first_y, u_at};
use super::tails::Bounds;
use crate::error::EvalError;
use crate::exact::Rational;
use crate::numeric::interval::Interval;
use crate::numeric::quadrature::envelope::{log_magnitude, maximum, tail_integral, Envelope};
use crate::numeric::quadrature::Region;
use crate::sym::Expr;

/// Whether a form's bound may drop a whole density, not only some of its components: those whose integrand
/// without it is compiled (½q log 2, ½q, q, or 0) and whose bound for the whole density does not read a kept
/// part. Where a bound does read it (entropy, KL, the q side of cross-entropy, Pearson and Rényi, Rényi of
/// order below 1), it refuses when nothing is kept.
fn drops_whole_densities(form: &Form) -> bool {
    matches!(
        form,
        Form::HellingerSquared
            | Form::JensenShannon
            | Form::Pearson
            | Form::RenyiPower(_)
            | Form::Bhattacharyya
            | Form::CrossEntropy
    )
}

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
    /// For a tail piece cut at y = `cut` (of total variation, one where a density is absent), whose u runs over [lower, upper]:
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
            Form::Entropy
                | Form::CrossEntropy
                | Form::KullbackLeibler
                | Form::JensenShannon
                | Form::HellingerSquared
                | Form::Bhattacharyya
                | Form::RenyiPower(_)
                | Form::Pearson
                | Form::TotalVariation(_)
        );
        // Squared Hellinger and JS may drop a whole density (½(√p − √q)² becomes ½p or ½q, JS's integrand
        // ½q log 2 or ½p log 2, and their bounds need nothing of the kept part): a Gumbel's e^{−z} far out
        // in a Cauchy's tail.
        let whole_density = drops_whole_densities(&self.form);
        if !droppable || (piece.p.len() < 2 && piece.q.len() < 2 && !whole_density) {
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
        let jacobian = |envelope: Envelope| in_x(&piece.kind, envelope);
        let bounds = |components: &[Component]| {
            let components: Vec<&Component> = components.iter().collect();
            tail_bounds(&components, end, y)
        };
        let own = match side {
            Side::P => &piece.p,
            Side::Q => &piece.q,
        };
        let (kept, dropped, _) = negligible_components(piece, own, (end, y), target);
        if dropped.is_empty() || (kept.is_empty() && !drops_whole_densities(&self.form)) {
            return None;
        }
        let dropped_bounds = bounds(&dropped)?;
        // (Absent when the whole density goes: the bounds below that read it then refuse.)
        let kept_bounds = if kept.is_empty() {
            None
        } else {
            Some(bounds(&kept)?)
        };
        let kept_bounds = || kept_bounds.as_ref();
        let whole = bounds(own)?;
        let theirs = match side {
            Side::P => &piece.q,
            Side::Q => &piece.p,
        };
        let theirs = if theirs.is_empty() {
            None
        } else {
            Some(bounds(theirs)?)
        };
        let magnitude = |b: &Bounds| log_magnitude(&b.upper, &b.lower);
        let most = |envelopes: &[Envelope]| -> Option<Envelope> {
            let mut envelopes = envelopes.iter();
            let first = envelopes.next()?.clone();
            envelopes.try_fold(first, |sofar, next| maximum(&sofar, next, y))
        };
        let constant = |numerator: i64, denominator: i64| {
            Envelope::constant(Rational::new(numerator.into(), denominator.into()))
        };
        // Upper bounds of log 2, log 3 and log(3/2), and of log ½.
        let (log_two, log_three, log_three_halves) =
            (constant(7, 10), constant(11, 10), constant(41, 100));
        let log_half = constant(-69, 100);
        let half = Rational::new(1.into(), 2.into());
        let zero = constant(0, 1);
        // ∫ δ·e^{sensitivity} beyond y.
        let times = |sensitivity: Envelope| {
            tail_integral(&jacobian(dropped_bounds.upper.add(&sensitivity)), y)
        };
        // ∫ √(t δ) beyond y.
        let root = |t: &Bounds| {
            tail_integral(
                &jacobian(t.upper.add(&dropped_bounds.upper).scale(&half)),
                y,
            )
        };
        // max(|log p′|, |log p|) on the losing side, with 1.
        let own_logs = || -> Option<Vec<Envelope>> {
            Some(vec![
                magnitude(kept_bounds()?)?,
                magnitude(&whole)?,
                zero.clone(),
            ])
        };
        let bound = match (side, &self.form, &theirs) {
            (Side::P, Form::Entropy, _) => times(most(&own_logs()?)?.add(&log_two))?,
            (Side::P, Form::CrossEntropy, Some(q)) => times(magnitude(q)?)?,
            (Side::P, Form::KullbackLeibler, Some(q)) => {
                let mut logs = own_logs()?;
                logs.push(magnitude(q)?);
                times(most(&logs)?.add(&log_three))?
            }
            // p/q′, with q′ the kept part of q.
            (Side::Q, Form::CrossEntropy | Form::KullbackLeibler, Some(p)) => {
                times(p.upper.sub(&kept_bounds()?.lower))?
            }
            // The whole density p goes: F(p, t) − F(0, t) = ½[p log(2p/(p + t)) + t log(t/(p + t))], and
            // t log(t/(p + t)) ∈ [−p, 0], so the change is at most ½p(1 + log 2 + |log p| + |log(p + t)|)
            // ≤ 2p·max(1, |log p|, |log(p + t)|), where t ≤ p + t ≤ 2·max(p, t).
            (_, Form::JensenShannon, Some(t)) if kept_bounds().is_none() => {
                let sum_upper = most(&[whole.upper.clone(), t.upper.clone()])?.add(&log_two);
                let logs = [
                    magnitude(&whole)?,
                    log_magnitude(&sum_upper, &t.lower)?,
                    zero.clone(),
                ];
                times(most(&logs)?.add(&log_two))?
            }
            // ∂F/∂p = ½ log(2ξ/(ξ + t)): at most (3/2)·max(1, |log ξ|, |log(ξ + t)|), where
            // t ≤ ξ + t ≤ 2·max(p, t).
            (_, Form::JensenShannon, Some(t)) => {
                let sum_upper = most(&[whole.upper.clone(), t.upper.clone()])?.add(&log_two);
                let mut logs = own_logs()?;
                logs.push(log_magnitude(&sum_upper, &t.lower)?);
                times(most(&logs)?.add(&log_three_halves))?
            }
            // Alone, a density's integrand is linear in it: ½p log 2 (JS) or ½p (squared Hellinger, total
            // variation) changes by less than ½δ.
            (_, Form::JensenShannon | Form::HellingerSquared | Form::TotalVariation(_), None) => {
                times(log_half.clone())?
            }
            // Pearson where P is absent: the integrand is q itself, which changes by δ.
            (Side::Q, Form::Pearson, None) => times(zero.clone())?,
            // ½(√p − √t)² changes by ½δ − √t(√p − √p′), and 0 ≤ √p − √p′ ≤ √δ.
            (_, Form::HellingerSquared, Some(t)) => {
                let linear = times(log_half)?;
                Float::with_val_round(64, &linear + &root(t)?, rug::float::Round::Up).0
            }
            // √(p t) changes by at most √(t δ).
            (_, Form::Bhattacharyya, Some(t)) => root(t)?,
            // ∂F/∂p = α ξ^{α−1} t^{1−α}, with ξ^{α−1} ≤ p^{α−1} for α > 1 and ≤ p′^{α−1} below; log α ≤ α − 1.
            (Side::P, Form::RenyiPower(alpha), Some(t)) if alpha.is_positive() => {
                let rise = alpha - Rational::one();
                let (own_end, their_end) = if rise.is_positive() {
                    (&whole.upper, &t.lower)
                } else {
                    (&kept_bounds()?.lower, &t.upper)
                };
                let exponent = own_end.scale(&rise).sub(&their_end.scale(&rise));
                times(exponent.add(&Envelope::constant(rise)))?
            }
            // ∂F/∂q = (1 − α) p^α ξ^{−α} with ξ^{−α} ≤ q′^{−α}; log |1 − α| ≤ |1 − α| − 1.
            (Side::Q, Form::RenyiPower(alpha), Some(p)) if alpha.is_positive() => {
                let factor = (Rational::one() - alpha).abs() - Rational::one();
                let exponent = p.upper.sub(&kept_bounds()?.lower).scale(alpha);
                times(exponent.add(&Envelope::constant(factor)))?
            }
            // F = p²/q − 2p + q: |∂F/∂p| = |2ξ/q − 2| ≤ 2·max(p/q, 1).
            (Side::P, Form::Pearson, Some(q)) => {
                times(most(&[whole.upper.sub(&q.lower), zero.clone()])?.add(&log_two))?
            }
            // |∂F/∂q| = |1 − p²/ξ²| ≤ max(1, p²/q′²).
            (Side::Q, Form::Pearson, Some(p)) => {
                let two = Rational::from_integer(2.into());
                times(most(&[
                    p.upper.sub(&kept_bounds()?.lower).scale(&two),
                    zero.clone(),
                ])?)?
            }
            _ => return None,
        };
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
        let (_, map) = substitution(&piece.kind);
        let Some(program) = compile_with(piece, &self.form, &drop.p, &drop.q)? else {
            return Ok(None);
        };
        let at = u_at(&piece.kind, y);
        // Towards a singular end u decreases as y grows: the far part of the piece is its lower part.
        let (far, near) = match piece.kind {
            Kind::End { .. } => ((lower.clone(), at.clone()), (at, upper.clone())),
            _ => ((at.clone(), upper.clone()), (lower.clone(), at)),
        };
        // Dropping from q in −p log q only raises it, by p log(q/q′) ≥ 0: the true value is below.
        let low = -drop.bound.clone();
        let lowers_only =
            drop.side == Side::Q && matches!(self.form, Form::CrossEntropy | Form::KullbackLeibler);
        let high = if lowers_only {
            Float::new(precision)
        } else {
            drop.bound
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
