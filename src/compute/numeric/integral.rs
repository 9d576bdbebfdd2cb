//! A divergence integral as a numeric leaf: pieces with compiled integrands, certified cuts, and the
//! enclosure at a requested precision.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use num_traits::One;
use rug::Float;

use crate::error::EvalError;
use crate::exact::Rational;
use crate::interrupt::Interrupt;
use crate::numeric::compiled::{Program, Substitution};
use crate::numeric::interval::{Failure, Interval};
use crate::numeric::quadrature::envelope::{self, rational_of};
use crate::numeric::quadrature::{self, Map, Region, Settings};
use crate::sym::{self, Expr};

use super::crossing;
use super::density::{tail_bounds, Component, Density};
use super::integrand::{self, Form, Piece as Compiled};
use super::layout::{self, Kind};
use super::tails::Direction;

/// One piece, compiled.
#[derive(Debug)]
pub struct Prepared {
    /// Where it is.
    pub kind: Kind,
    /// The integrand (for total variation, with p ≥ q).
    pub program: Arc<Program>,
    /// For total variation: the integrand with q ≥ p, and log p − log q to locate the crossings.
    pub signed: Option<(Arc<Program>, Arc<Program>)>,
    /// The present components of P, for tail envelopes.
    pub p: Vec<Component>,
    /// The present components of Q.
    pub q: Vec<Component>,
    /// The upper envelope of a tail, built once at the first y of the cut's search where one exists (as
    /// y = first·2^exponent, with that exponent): it holds from there on, so every later y of every cut
    /// reuses it.
    pub tail: OnceLock<Option<(u32, envelope::Envelope)>>,
    /// The cut y and tail bound from envelopes built afresh at y = first·2^exponent, by exponent: the
    /// calibration, each precision and each target ask for many of the same.
    pub fresh: Mutex<HashMap<u32, Option<(Rational, Float)>>>,
    /// For total variation on a tail: the y beyond which envelopes settle the sign of p − q, with the sign
    /// (see [`crossing::settled_sign`]).
    pub settled: OnceLock<Option<(Rational, bool)>>,
    /// A point strictly inside the piece, in x (decides the signs of absolute values when compiling).
    pub inside: Rational,
}

/// An integral ready to be enclosed.
#[derive(Debug)]
pub struct Integral {
    /// The integral.
    pub form: Form,
    /// Its pieces.
    pub pieces: Vec<Prepared>,
    /// A rough magnitude of the value, for the tolerances (set after a first coarse evaluation).
    pub magnitude: Float,
}

/// The outcome of laying out an integral.
pub enum Layout {
    /// Ready to integrate.
    Finite(Integral),
    /// The integral is +∞, for the reason given.
    Infinite(String),
}

/// How the map of a piece is written: x = center ± t, u ∈ [lower, upper].
pub(super) fn substitution(kind: &Kind) -> (Substitution, Map) {
    let one = || Expr::int(1);
    match kind {
        Kind::Bulk { .. } => (Substitution::identity(), Map::Linear),
        Kind::End { at, from_above, .. } => (
            Substitution {
                center: at.expr.clone(),
                increasing: *from_above,
            },
            Map::Exponential,
        ),
        Kind::Tail { start, direction } => {
            let center = match direction {
                Direction::Right => start.expr.clone() - one(),
                Direction::Left => start.expr.clone() + one(),
            };
            (
                Substitution {
                    center,
                    increasing: *direction == Direction::Right,
                },
                Map::Exponential,
            )
        }
    }
}

/// Lays out and compiles the integral of `form` for P (and Q).
pub fn prepare(form: Form, p: &Density, q: Option<&Density>) -> Result<Layout, EvalError> {
    let pieces = layout::pieces(p, q)?;
    let mut prepared = Vec::with_capacity(pieces.len());
    // The pieces hold the same densities under different substitutions: one cache of enclosed constants.
    let constants = crate::numeric::compiled::EnclosedConstants::default();
    for piece in pieces {
        let p_components: Vec<&Component> = piece.p.iter().map(|&i| &p.components[i]).collect();
        let q_components: Vec<&Component> = match q {
            Some(q) => piece.q.iter().map(|&i| &q.components[i]).collect(),
            None => Vec::new(),
        };
        let (substitution, _) = substitution(&piece.kind);
        let sign_point = Some(piece.inside.clone());
        let compiled = integrand::compile(
            &form,
            &p_components,
            &q_components,
            substitution.clone(),
            sign_point.clone(),
        )?;
        let program = match compiled {
            Compiled::Zero => continue,
            Compiled::Infinite => {
                return Ok(Layout::Infinite("P puts mass where Q has none".into()))
            }
            Compiled::Formula(program) => program,
        };
        let both = !p_components.is_empty() && !q_components.is_empty();
        let signed = if matches!(form, Form::TotalVariation(_)) && both {
            let negative = integrand::compile(
                &Form::TotalVariation(-1),
                &p_components,
                &q_components,
                substitution.clone(),
                sign_point.clone(),
            )?;
            let Compiled::Formula(negative) = negative else {
                return Err(EvalError::NoRule(
                    "total variation without both densities".into(),
                ));
            };
            let difference =
                integrand::difference(&p_components, &q_components, substitution, sign_point)?;
            Some((negative, difference))
        } else {
            None
        };
        let mut program = program;
        program.share_constants(&constants);
        let signed = signed.map(|(mut negative, mut difference): (Program, Program)| {
            negative.share_constants(&constants);
            difference.share_constants(&constants);
            (Arc::new(negative), Arc::new(difference))
        });
        prepared.push(Prepared {
            kind: piece.kind,
            program: Arc::new(program),
            signed,
            p: p_components.into_iter().cloned().collect(),
            q: q_components.into_iter().cloned().collect(),
            tail: OnceLock::new(),
            fresh: Mutex::new(HashMap::new()),
            settled: OnceLock::new(),
            inside: piece.inside,
        });
    }
    let integral = Integral {
        form,
        pieces: prepared,
        magnitude: Float::with_val(64, 1),
    };
    if let Some(reason) = integral.divergence()? {
        return Ok(Layout::Infinite(reason));
    }
    Ok(Layout::Finite(integral))
}

/// The smallest y of a piece's tail variable (the cut must lie inside the piece).
pub(super) fn first_y(kind: &Kind) -> Option<Rational> {
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
    /// y = first·2^exponent. The piece's cached envelope, cheap to evaluate, finds an exponent that serves;
    /// envelopes built afresh at each y are tighter (far tighter for a log-normal tail, whose (log y)² they
    /// bound by a tangent at y) but costly, so they only bisect below it.
    fn cut(&self, piece: &Prepared, target: &Float) -> Option<(Rational, Float)> {
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
        let from_cache = |exponent: u32| -> Option<(Rational, Float)> {
            let y = y_at(exponent);
            let bound = envelope::tail_integral(upper, &y)?;
            (bound <= *target).then_some((y, bound))
        };
        let Some((mut high, mut best)) = search(*start, &from_cache) else {
            return search(*start, &afresh).map(|(_, found)| found);
        };
        // The fresh envelopes usually cut no sooner: one step below settles that.
        match high
            .checked_sub(1)
            .filter(|below| below >= start)
            .map(afresh)
        {
            Some(Some(found)) => {
                high -= 1;
                best = found;
            }
            _ => return Some(best),
        }
        if let Some(found) = afresh(*start) {
            return Some(found);
        }
        Some(bisect(*start, high, best, &afresh).1)
    }

    /// `Some(reason)` when a tail's integral provably diverges; an error when neither convergence nor
    /// divergence can be shown.
    fn divergence(&self) -> Result<Option<String>, EvalError> {
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

    /// Encloses the integral: working precision `precision`, relative goal `goal` bits.
    pub fn enclose_with(
        &self,
        precision: u32,
        goal: u32,
        interrupt: &dyn Interrupt,
    ) -> Result<Interval, EvalError> {
        let tolerance = up(&self.magnitude) >> goal as i32;
        let tail_target = tolerance.clone() >> 4;
        let mut regions: Vec<Region> = Vec::new();
        let mut extra = Interval::point(Float::new(precision));
        for piece in &self.pieces {
            interrupt.check()?;
            let (_, map) = substitution(&piece.kind);
            let (lower, upper, cut) = match &piece.kind {
                Kind::Bulk { lower, upper } => (lower.expr.clone(), upper.expr.clone(), None),
                kind => {
                    let (y, bound) = self.cut(piece, &tail_target).ok_or_else(|| {
                        EvalError::Budget(
                            "could not cut a tail of the integral within the budget".into(),
                        )
                    })?;
                    let tail = if self.form.is_nonnegative() {
                        Interval::new(Float::new(precision), bound)
                    } else {
                        Interval::new(-bound.clone(), bound)
                    }
                    .map_err(failure)?;
                    extra = extra.add(&tail).map_err(failure)?;
                    let at_cut = u_at(kind, &y);
                    match kind {
                        Kind::End {
                            at,
                            other,
                            from_above,
                        } => {
                            let distance = if *from_above {
                                other.expr.clone() - at.expr.clone()
                            } else {
                                at.expr.clone() - other.expr.clone()
                            };
                            (at_cut, sym::log(distance), Some(y))
                        }
                        _ => (Expr::int(0), at_cut, Some(y)),
                    }
                }
            };
            match &piece.signed {
                None => {
                    // Far out in a tail the entropy may drop a mixture's negligible components.
                    let negligible = match &cut {
                        Some(cut) => {
                            self.negligible(piece, (&lower, &upper), cut, &tail_target, precision)?
                        }
                        None => None,
                    };
                    let (lower, upper) = match negligible {
                        Some(settled) => {
                            regions.extend(settled.regions);
                            extra = extra.add(&settled.extra).map_err(failure)?;
                            settled.searched
                        }
                        None => (lower, upper),
                    };
                    regions.push(Region {
                        program: piece.program.clone(),
                        map,
                        lower,
                        upper,
                    });
                }
                Some((negative, difference)) => {
                    // Where envelopes settle the sign far out in a tail, that part needs no search.
                    let settled = match &cut {
                        Some(cut) => {
                            self.settled(piece, (&lower, &upper), cut, &tail_target, precision)?
                        }
                        None => None,
                    };
                    let (lower, upper) = match settled {
                        Some(settled) => {
                            regions.extend(settled.regions);
                            extra = extra.add(&settled.extra).map_err(failure)?;
                            settled.searched
                        }
                        None => (lower, upper),
                    };
                    let split =
                        crossing::split(difference, map, &lower, &upper, precision, interrupt)?;
                    for part in split.parts {
                        regions.push(Region {
                            program: if part.positive {
                                piece.program.clone()
                            } else {
                                negative.clone()
                            },
                            map,
                            lower: part.lower,
                            upper: part.upper,
                        });
                    }
                    for root in split.roots {
                        let bound =
                            crossing::bound_near_root(&piece.program, map, &root, precision)?;
                        extra = extra.add(&bound).map_err(failure)?;
                    }
                }
            }
        }
        let settings = Settings {
            precision,
            goal,
            tolerance: tolerance >> 4,
            max_evaluations: 4_000_000,
        };
        let (total, work) = quadrature::integrate(&regions, &settings, interrupt)?;
        if crate::numeric::trace::enabled(crate::numeric::trace::Trace::Regions) {
            eprintln!(
                "enclose {precision} bits: {} regions, {work:?}",
                regions.len()
            );
            for region in &regions {
                eprintln!("  {:?} [{}, {}]", region.map, region.lower, region.upper);
            }
        }
        total.add(&extra).map_err(failure)
    }

    /// Sets the magnitude from coarse evaluations, tightening until the value is told apart from 0. Only its
    /// order of magnitude matters (it scales the tolerances), so a dozen bits are sought, not more: at 15
    /// digits, a finer calibration cost as much as the integral itself.
    pub fn calibrate(&mut self, interrupt: &dyn Interrupt) -> Result<(), EvalError> {
        // (shift, goal): the relative goal grows with the shift, because a small value found by cancellation
        // (P ≈ Q) is a small difference of large contributions; the working precision grows with both.
        for (shift, goal) in [(0, 12), (40, 40), (80, 64), (160, 100), (240, 140)] {
            self.magnitude = Float::with_val(64, 1) >> shift;
            let value = self.enclose_with(shift + goal + 40, goal, interrupt)?;
            if !value.contains_zero() {
                self.magnitude = Float::with_val(64, &value.abs().lower);
                return Ok(());
            }
        }
        Ok(())
    }
}

/// u at the tail variable y of a tail or end piece: log(y − c) (or log(c + y) towards −∞) on a tail, log(1/y)
/// at a singular end.
pub(super) fn u_at(kind: &Kind, y: &Rational) -> Expr {
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

fn up(value: &Float) -> Float {
    Float::with_val_round(64, value, rug::float::Round::Up).0
}

fn failure(failure: Failure) -> EvalError {
    match failure {
        Failure::Fatal(error) => error,
        Failure::Imprecise(reason) => EvalError::Budget(reason),
    }
}
