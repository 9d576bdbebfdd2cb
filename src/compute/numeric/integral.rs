//! A divergence integral as a numeric leaf: pieces with compiled integrands, certified cuts, and the
//! enclosure at a requested precision.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rug::Float;

use crate::error::EvalError;
use crate::exact::Rational;
use crate::interrupt::Interrupt;
use crate::numeric::compiled::{Program, Substitution};
use crate::numeric::interval::{Failure, Interval};
use crate::numeric::quadrature::envelope;
use crate::numeric::quadrature::{self, Map, Region, Settings};
use crate::sym::{self, Expr};

use super::crossing;
use super::density::{Component, Density};
use super::integrand::{self, Form, Piece as Compiled};
use super::layout::{self, Kind};
use super::magnitude;
use super::tail_cut::u_at;
use super::tails::Direction;

/// One piece, compiled.
#[derive(Debug)]
pub struct Prepared {
    /// Where it is.
    pub kind: Kind,
    /// The integrand (for total variation, with p ≥ q).
    pub program: Arc<Program>,
    /// For total variation: the integrand with q ≥ p, and log p − log q to locate the crossings.
    pub signed: Option<SignedPrograms>,
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
    /// A rough magnitude of the value, for the tolerances: an unproven estimate until an enclosure
    /// contradicts it, then a certified lower bound (see [`Integral::enclose`]).
    magnitude: Mutex<Magnitude>,
}

/// The magnitude that scales an integral's tolerances.
#[derive(Clone, Debug)]
struct Magnitude {
    value: Float,
    /// Whether it is a certified lower bound of |value| (else an estimate).
    proven: bool,
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

/// For total variation: the integrand with q ≥ p, and log p − log q.
pub type SignedPrograms = (Arc<Program>, Arc<Program>);

/// The indices of a piece's present components of P and of Q.
type PieceComponents = (Vec<usize>, Vec<usize>);

/// Lays out and compiles the integral of `form` for P (and Q).
pub fn prepare(form: Form, p: &Density, q: Option<&Density>) -> Result<Layout, EvalError> {
    let pieces = layout::pieces(p, q)?;
    let mut prepared = Vec::with_capacity(pieces.len());
    // The pieces hold the same densities under different substitutions: one cache of enclosed constants.
    let constants = crate::numeric::compiled::EnclosedConstants::default();
    // Bulk pieces integrate in x itself, so those with the same components compile to the same program,
    // unless an absolute value reads the piece's sign point: compiled once (total variation, with its
    // signed programs, apart).
    let shareable = !matches!(form, Form::TotalVariation(_))
        && !p
            .components
            .iter()
            .chain(q.iter().flat_map(|q| &q.components))
            .any(|c| has_absolute_value(&c.log_density));
    let mut bulk_programs: Vec<(PieceComponents, Arc<Program>)> = Vec::new();
    for piece in pieces {
        let p_components: Vec<&Component> = piece.p.iter().map(|&i| &p.components[i]).collect();
        let q_components: Vec<&Component> = match q {
            Some(q) => piece.q.iter().map(|&i| &q.components[i]).collect(),
            None => Vec::new(),
        };
        let key = (piece.p.clone(), piece.q.clone());
        let shared = matches!(piece.kind, Kind::Bulk { .. }) && shareable;
        let known = bulk_programs
            .iter()
            .find(|(k, _)| shared && *k == key)
            .map(|(_, program)| program.clone());
        let (program, signed) = match known {
            Some(program) => (program, None),
            None => {
                let (substitution, _) = substitution(&piece.kind);
                let sign_point = Some(piece.inside.clone());
                let compiled = integrand::compile(
                    &form,
                    &p_components,
                    &q_components,
                    substitution.clone(),
                    sign_point.clone(),
                )?;
                let mut program = match compiled {
                    Compiled::Zero => continue,
                    Compiled::Infinite => {
                        return Ok(Layout::Infinite("P puts mass where Q has none".into()))
                    }
                    Compiled::Formula(program) => program,
                };
                program.share_constants(&constants);
                let signed = signed_programs(
                    &form,
                    (&p_components, &q_components),
                    (substitution, sign_point),
                    &constants,
                )?;
                let program = Arc::new(program);
                if shared {
                    bulk_programs.push((key, program.clone()));
                }
                (program, signed)
            }
        };
        prepared.push(Prepared {
            kind: piece.kind,
            program,
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
        magnitude: Mutex::new(Magnitude {
            value: Float::with_val(64, 1),
            proven: false,
        }),
    };
    if let Some(reason) = integral.divergence()? {
        return Ok(Layout::Infinite(reason));
    }
    Ok(Layout::Finite(integral))
}

impl Integral {
    /// Encloses the integral: working precision `precision`, relative goal `goal` bits. With an estimated
    /// magnitude, an enclosure that shows the value far smaller than it (or one that fails) is redone
    /// after a certified calibration: the estimate only saves work where it holds.
    pub fn enclose(
        &self,
        precision: u32,
        goal: u32,
        interrupt: &dyn Interrupt,
    ) -> Result<Interval, EvalError> {
        let magnitude = self.magnitude();
        let outcome = self.enclose_with(precision, goal, &magnitude.value, interrupt);
        if magnitude.proven {
            return outcome;
        }
        match &outcome {
            Ok(value) if !value.contains_zero() && value.abs().lower >= magnitude.value >> 4 => {
                return outcome
            }
            Ok(_) | Err(EvalError::Budget(_)) => {}
            Err(_) => return outcome,
        }
        self.calibrate_proven(interrupt)?;
        self.enclose_with(precision, goal, &self.magnitude().value, interrupt)
    }

    fn magnitude(&self) -> Magnitude {
        // Set whole: a panic elsewhere cannot leave it inconsistent.
        let held = self.magnitude.lock();
        held.unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The magnitude that scales the tolerances, and whether it is proven.
    #[cfg(test)]
    pub(super) fn current_magnitude(&self) -> (f64, bool) {
        let magnitude = self.magnitude();
        (magnitude.value.to_f64(), magnitude.proven)
    }

    /// Replaces the magnitude by an unproven `value`, as a wrong estimate would.
    #[cfg(test)]
    pub(super) fn assume_magnitude(&self, value: f64) {
        self.set_magnitude(Magnitude {
            value: Float::with_val(64, value),
            proven: false,
        });
    }

    fn set_magnitude(&self, magnitude: Magnitude) {
        let held = self.magnitude.lock();
        *held.unwrap_or_else(std::sync::PoisonError::into_inner) = magnitude;
    }

    /// Encloses the integral with tolerances relative to `magnitude`.
    fn enclose_with(
        &self,
        precision: u32,
        goal: u32,
        magnitude: &Float,
        interrupt: &dyn Interrupt,
    ) -> Result<Interval, EvalError> {
        let tolerance = up(magnitude) >> goal as i32;
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
            // Far out in a tail: total variation's settled sign, the others' negligible components.
            let far = match &cut {
                Some(cut) => {
                    self.far_tail(piece, (&lower, &upper), cut, &tail_target, precision)?
                }
                None => None,
            };
            let (lower, upper) = match far {
                Some(far) => {
                    regions.extend(far.regions);
                    extra = extra.add(&far.extra).map_err(failure)?;
                    far.searched
                }
                None => (lower, upper),
            };
            match &piece.signed {
                None => regions.push(Region {
                    program: piece.program.clone(),
                    map,
                    lower,
                    upper,
                }),
                Some((negative, difference)) => {
                    let split = crossing::split(
                        (difference, &piece.program),
                        map,
                        (&lower, &upper),
                        precision,
                        &tail_target,
                        interrupt,
                    )?;
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

    /// Sets the magnitude that scales the tolerances: an unproven estimate where one can be trusted (see
    /// [`magnitude::estimate`]), else a certified calibration.
    pub fn calibrate(&mut self, interrupt: &dyn Interrupt) -> Result<(), EvalError> {
        match magnitude::estimate(self) {
            Some(value) => {
                self.set_magnitude(Magnitude {
                    value,
                    proven: false,
                });
                Ok(())
            }
            None => self.calibrate_proven(interrupt),
        }
    }

    /// Sets the magnitude from coarse enclosures, tightening until the value is told apart from 0. Only its
    /// order of magnitude matters (it scales the tolerances), so a dozen bits are sought, not more: at 15
    /// digits, a finer calibration cost as much as the integral itself.
    fn calibrate_proven(&self, interrupt: &dyn Interrupt) -> Result<(), EvalError> {
        // (shift, goal): the relative goal grows with the shift, because a small value found by cancellation
        // (P ≈ Q) is a small difference of large contributions; the working precision grows with both.
        // From 1, or from a rough estimate far above it (an integrand of e³⁶⁴ far out in a tail).
        let scale = magnitude::rough(self)
            .filter(|rough| *rough > 1.0)
            .map_or(Float::with_val(64, 1), |rough| Float::with_val(64, rough));
        let mut value = scale.clone();
        for (shift, goal) in [(0, 12), (40, 40), (80, 64), (160, 100), (240, 140)] {
            value = scale.clone() >> shift;
            let enclosure = self.enclose_with(shift + goal + 40, goal, &value, interrupt)?;
            if !enclosure.contains_zero() {
                value = Float::with_val(64, &enclosure.abs().lower);
                break;
            }
        }
        self.set_magnitude(Magnitude {
            value,
            proven: true,
        });
        Ok(())
    }
}

/// For total variation with both densities present: the integrand with q ≥ p, and log p − log q to locate
/// the crossings (their constants shared with the piece's).
fn signed_programs(
    form: &Form,
    (p, q): (&[&Component], &[&Component]),
    (substitution, sign_point): (Substitution, Option<Rational>),
    constants: &crate::numeric::compiled::EnclosedConstants,
) -> Result<Option<SignedPrograms>, EvalError> {
    if !matches!(form, Form::TotalVariation(_)) || p.is_empty() || q.is_empty() {
        return Ok(None);
    }
    let negative = integrand::compile(
        &Form::TotalVariation(-1),
        p,
        q,
        substitution.clone(),
        sign_point.clone(),
    )?;
    let Compiled::Formula(mut negative) = negative else {
        return Err(EvalError::NoRule(
            "total variation without both densities".into(),
        ));
    };
    let mut difference = integrand::difference(p, q, substitution, sign_point)?;
    negative.share_constants(constants);
    difference.share_constants(constants);
    Ok(Some((Arc::new(negative), Arc::new(difference))))
}

/// Whether an expression takes an absolute value anywhere.
fn has_absolute_value(expr: &Expr) -> bool {
    match expr {
        Expr::Apply(sym::Function::Abs, _) => true,
        Expr::Apply(_, arguments) | Expr::Add(arguments) | Expr::Mul(arguments) => {
            arguments.iter().any(has_absolute_value)
        }
        Expr::Pow(base, exponent) => has_absolute_value(base) || has_absolute_value(exponent),
        _ => false,
    }
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
