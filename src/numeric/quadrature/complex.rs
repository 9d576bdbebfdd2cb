//! Rectangular complex intervals, and the evaluation of a program on a complex box.
//!
//! The error bound of Gauss–Legendre quadrature needs a bound on |f| over a Bernstein ellipse around the
//! segment, for a function analytic inside it. Evaluating the program on a box that contains the ellipse
//! gives both: every operation either is entire (+, −, ×, exp, sin, cos), or checks that its argument stays in
//! its domain of analyticity (a divisor's box excludes 0; the box of a logarithm or a non-integer power misses
//! the cut (−∞, 0]); so the composed function is analytic on the box, and agrees with the real integrand on
//! the real axis. An operation that cannot certify this fails, and the caller shrinks the ellipse or bisects.

use rug::float::Round;
use rug::Float;

use crate::numeric::compiled::{Instruction, Program, Slot, Unary};
use crate::numeric::interval::{down, round, up, Failure, Interval};
use crate::numeric::trace::{self, Trace};
use crate::numeric::{functions, Interval as Real};

/// A complex box re × im, with a polar enclosure (modulus × argument) where one is known: products,
/// powers and logarithms of values from `exp` are far tighter in polar form than in rectangles.
#[derive(Clone, Debug)]
pub struct Complex {
    /// The real part.
    pub re: Real,
    /// The imaginary part.
    pub im: Real,
    /// Modulus (≥ 0) and argument, when tracked.
    pub polar: Option<(Real, Real)>,
}

/// Why a box could not be bounded (the caller treats every failure alike).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAnalytic;

impl From<Failure> for NotAnalytic {
    fn from(_: Failure) -> NotAnalytic {
        NotAnalytic
    }
}

type Outcome<T> = Result<T, NotAnalytic>;

fn zero(precision: u32) -> Real {
    Interval::point(Float::new(precision))
}

impl Complex {
    /// A real interval as a box of zero height.
    pub fn real(re: Real) -> Complex {
        let precision = re.precision();
        let polar = if re.is_positive() {
            Some((re.clone(), zero(precision)))
        } else if re.is_negative() {
            Some((re.neg(), Interval::pi(precision)))
        } else {
            None
        };
        Complex {
            re,
            im: zero(precision),
            polar,
        }
    }

    /// A box from its rectangle alone.
    pub fn rectangle(re: Real, im: Real) -> Complex {
        Complex {
            re,
            im,
            polar: None,
        }
    }

    /// r·e^{iθ} for a modulus r ≥ 0 and an argument θ (shifted by a multiple of 2π towards 0).
    fn from_polar(modulus: Real, argument: Real) -> Outcome<Complex> {
        let argument = normalized(argument)?;
        Ok(Complex {
            re: modulus.mul(&functions::cos(&argument)?)?,
            im: modulus.mul(&functions::sin(&argument)?)?,
            polar: Some((modulus, argument)),
        })
    }

    /// The polar form, when its argument lies strictly inside (−π, π) (where it is the principal argument).
    fn principal_polar(&self) -> Option<&(Real, Real)> {
        let (modulus, argument) = self.polar.as_ref()?;
        let pi = Interval::pi(argument.precision());
        let inside = argument.upper < pi.lower && argument.lower > -pi.lower.clone();
        (inside && modulus.is_positive()).then_some(self.polar.as_ref()?)
    }

    fn add(&self, other: &Complex) -> Outcome<Complex> {
        let mut sum = Complex::rectangle(self.re.add(&other.re)?, self.im.add(&other.im)?);
        let moved = perturbed(self, other).or_else(|| perturbed(other, self));
        sum.polar = match (moved, sum.as_polar()) {
            (Some((r1, t1)), Some((r2, t2))) => Some((intersect(&r1, &r2), intersect(&t1, &t2))),
            (moved, derived) => moved.or(derived),
        };
        Ok(sum)
    }

    fn sub(&self, other: &Complex) -> Outcome<Complex> {
        self.add(&other.neg())
    }

    fn neg(&self) -> Complex {
        Complex::rectangle(self.re.neg(), self.im.neg())
    }

    /// The product.
    pub fn mul(&self, other: &Complex) -> Outcome<Complex> {
        let rectangle = Complex::rectangle(
            self.re.mul(&other.re)?.sub(&self.im.mul(&other.im)?)?,
            self.re.mul(&other.im)?.add(&self.im.mul(&other.re)?)?,
        );
        if let (Some((r1, t1)), Some((r2, t2))) = (&self.polar, &other.polar) {
            let polar = Complex::from_polar(r1.mul(r2)?, t1.add(t2)?)?;
            return Ok(Complex {
                re: intersect(&rectangle.re, &polar.re),
                im: intersect(&rectangle.im, &polar.im),
                polar: polar.polar,
            });
        }
        Ok(rectangle)
    }

    /// |z|², never straddling below zero.
    fn norm_squared(&self) -> Outcome<Real> {
        let re = square(&self.re)?;
        let im = square(&self.im)?;
        Ok(re.add(&im)?)
    }

    fn recip(&self) -> Outcome<Complex> {
        if let Some((modulus, argument)) = &self.polar {
            if modulus.is_positive() {
                return Complex::from_polar(modulus.recip()?, argument.neg());
            }
        }
        let norm = self.norm_squared()?;
        if !norm.is_positive() {
            return Err(NotAnalytic);
        }
        Ok(Complex::rectangle(
            self.re.div(&norm)?,
            self.im.neg().div(&norm)?,
        ))
    }

    fn div(&self, other: &Complex) -> Outcome<Complex> {
        self.mul(&other.recip()?)
    }

    /// eᶻ = e^re (cos im + i sin im).
    pub fn exp(&self) -> Outcome<Complex> {
        Complex::from_polar(functions::exp(&self.re)?, self.im.clone())
    }

    /// The principal logarithm, on a box that misses the cut (−∞, 0].
    fn log(&self) -> Outcome<Complex> {
        if let Some((modulus, argument)) = self.principal_polar() {
            return Ok(Complex::rectangle(
                functions::log(modulus)?,
                argument.clone(),
            ));
        }
        let clear_of_cut = self.re.lower > 0 || self.im.lower > 0 || self.im.upper < 0;
        if !clear_of_cut {
            return Err(NotAnalytic);
        }
        let norm = self.norm_squared()?;
        let half = Interval::point(Float::with_val(norm.precision(), 0.5));
        let modulus = functions::log(&norm)?.mul(&half)?;
        Ok(Complex::rectangle(modulus, self.argument()?))
    }

    /// arg z on a box that misses the cut: the extremes are at corners (the box is convex and does not
    /// contain 0, and the argument is monotone along each edge).
    fn argument(&self) -> Outcome<Real> {
        let precision = self.re.precision().max(self.im.precision());
        let mut lower: Option<Float> = None;
        let mut upper: Option<Float> = None;
        for y in [&self.im.lower, &self.im.upper] {
            for x in [&self.re.lower, &self.re.upper] {
                let low = round(precision, y.atan2_ref(x), Round::Down).0;
                let high = round(precision, y.atan2_ref(x), Round::Up).0;
                if lower.as_ref().is_none_or(|l| low < *l) {
                    lower = Some(low);
                }
                if upper.as_ref().is_none_or(|u| high > *u) {
                    upper = Some(high);
                }
            }
        }
        match (lower, upper) {
            (Some(lower), Some(upper)) => Ok(Interval::new(lower, upper)?),
            _ => Err(NotAnalytic),
        }
    }

    /// A polar enclosure: the tracked one, or one derived from the rectangle when it misses the cut
    /// (the modulus between the nearest and farthest points, the argument from the corners).
    fn as_polar(&self) -> Option<(Real, Real)> {
        if let Some(polar) = &self.polar {
            return Some(polar.clone());
        }
        let clear_of_cut = self.re.lower > 0 || self.im.lower > 0 || self.im.upper < 0;
        if !clear_of_cut {
            return None;
        }
        let precision = self.re.precision();
        let nearest = |x: &Real| -> Float {
            if x.lower > 0 {
                x.lower.clone()
            } else if x.upper < 0 {
                Float::with_val(precision, -&x.upper)
            } else {
                Float::new(precision)
            }
        };
        let (x, y) = (nearest(&self.re), nearest(&self.im));
        let near = down(
            precision,
            down(precision, &x * &x) + down(precision, &y * &y),
        );
        let lower = down(precision, near.sqrt_ref());
        let modulus = Interval::new(lower, self.magnitude()).ok()?;
        Some((modulus, self.argument().ok()?))
    }

    fn pow_integer(&self, n: i32) -> Outcome<Complex> {
        let polar = match self.as_polar() {
            Some((modulus, argument)) if n >= 0 || modulus.is_positive() => {
                let power = crate::numeric::power::pow_integer(&modulus, &rug::Integer::from(n))?;
                let factor = Interval::point(Float::with_val(argument.precision(), n));
                Some(Complex::from_polar(power, argument.mul(&factor)?)?)
            }
            _ => None,
        };
        // Repeated squaring in rectangles, intersected with the polar result when there is one.
        let precision = self.re.precision();
        let mut result = Complex::real(Interval::point(Float::with_val(precision, 1)));
        let mut base = if n < 0 { self.recip()? } else { self.clone() };
        let mut exponent = n.unsigned_abs();
        while exponent > 0 {
            if exponent & 1 == 1 {
                result = result.mul(&base)?;
            }
            exponent >>= 1;
            if exponent > 0 {
                base = base.mul(&base)?;
            }
        }
        match polar {
            Some(polar) => Ok(Complex {
                re: intersect(&result.re, &polar.re),
                im: intersect(&result.im, &polar.im),
                polar: polar.polar,
            }),
            None => Ok(result),
        }
    }

    /// z^w = exp(w log z), analytic off the cut.
    fn pow(&self, exponent: &Complex) -> Outcome<Complex> {
        if let (Some((modulus, argument)), true) = (self.principal_polar(), exponent.im.is_zero()) {
            let w = &exponent.re;
            return Complex::from_polar(crate::numeric::power::pow(modulus, w)?, argument.mul(w)?);
        }
        exponent.mul(&self.log()?)?.exp()
    }

    fn sin(&self) -> Outcome<Complex> {
        // sin(a + ib) = sin a cosh b + i cos a sinh b.
        let (cosh, sinh) = (cosh(&self.im)?, sinh(&self.im)?);
        Ok(Complex::rectangle(
            functions::sin(&self.re)?.mul(&cosh)?,
            functions::cos(&self.re)?.mul(&sinh)?,
        ))
    }

    fn cos(&self) -> Outcome<Complex> {
        // cos(a + ib) = cos a cosh b − i sin a sinh b.
        let (cosh, sinh) = (cosh(&self.im)?, sinh(&self.im)?);
        Ok(Complex::rectangle(
            functions::cos(&self.re)?.mul(&cosh)?,
            functions::sin(&self.re)?.mul(&sinh)?.neg(),
        ))
    }

    /// An upper bound on |z| over the box.
    pub fn magnitude(&self) -> Float {
        let precision = self.re.precision();
        if let Some((modulus, _)) = &self.polar {
            return up(precision, &modulus.upper);
        }
        let re = self.re.magnitude();
        let im = self.im.magnitude();
        let square = up(precision, &re * &re);
        let sum = up(precision, &square + up(precision, &im * &im));
        up(precision, sum.sqrt_ref())
    }
}

/// The intersection of two enclosures of the same quantity.
fn intersect(a: &Real, b: &Real) -> Real {
    let lower = if a.lower > b.lower {
        &a.lower
    } else {
        &b.lower
    };
    let upper = if a.upper < b.upper {
        &a.upper
    } else {
        &b.upper
    };
    if lower <= upper {
        Interval {
            lower: lower.clone(),
            upper: upper.clone(),
        }
    } else {
        a.clone()
    }
}

/// θ − 2πk for the integer k nearest to θ/2π (the same set of complex numbers).
fn normalized(argument: Real) -> Outcome<Real> {
    let precision = argument.precision();
    let turn = Interval::pi(precision).mul(&Interval::point(Float::with_val(precision, 2)))?;
    let middle = argument.midpoint();
    let turns = Float::with_val(precision, &middle / &turn.upper).round();
    if turns.is_zero() || !turns.is_finite() {
        return Ok(argument);
    }
    Ok(argument.sub(&turn.mul(&Interval::point(turns))?)?)
}

/// The polar form of z + w when |w| is small against |z|: the modulus moves by at most |w| and the argument
/// by at most asin(|w|/|z|).
fn perturbed(z: &Complex, w: &Complex) -> Option<(Real, Real)> {
    let (modulus, argument) = z.polar.as_ref()?;
    let precision = modulus.precision();
    let size = w.magnitude();
    let smallest = &modulus.lower;
    if !(smallest.is_finite() && size < Float::with_val(precision, smallest >> 1u32)) {
        return None;
    }
    let ratio = up(precision, &size / smallest);
    let turn = up(precision, ratio.asin_ref());
    let lower = down(precision, smallest - &size);
    let upper = up(precision, &modulus.upper + &size);
    Some((
        Interval::new(lower, upper).ok()?,
        Interval::new(
            down(precision, &argument.lower - &turn),
            up(precision, &argument.upper + &turn),
        )
        .ok()?,
    ))
}

fn square(x: &Real) -> Outcome<Real> {
    Ok(crate::numeric::power::pow_integer(
        x,
        &rug::Integer::from(2),
    )?)
}

fn sinh(x: &Real) -> Outcome<Real> {
    let precision = x.precision();
    Ok(x.monotone(true, |v, r| round(precision, v.sinh_ref(), r))?)
}

fn cosh(x: &Real) -> Outcome<Real> {
    let precision = x.precision();
    let evaluate = |v: &Float, r: Round| round(precision, v.cosh_ref(), r);
    let magnitude = x.abs();
    Ok(magnitude.monotone(true, evaluate)?)
}

/// Evaluates a program on complex boxes, with its constants enclosed once.
pub struct ComplexEvaluator<'a> {
    program: &'a Program,
    constants: Vec<Complex>,
}

impl<'a> ComplexEvaluator<'a> {
    /// Uses constants already enclosed at the evaluation precision.
    pub fn new(program: &'a Program, constants: &[Real]) -> ComplexEvaluator<'a> {
        ComplexEvaluator {
            program,
            constants: constants.iter().cloned().map(Complex::real).collect(),
        }
    }

    /// Encloses f over the box `t`, certifying analyticity on it.
    pub fn evaluate(&self, t: &Complex) -> Result<Complex, NotAnalytic> {
        let mut registers: Vec<Complex> = Vec::with_capacity(self.program.instructions.len());
        let get = |slot: Slot, registers: &[Complex]| -> Complex {
            match slot {
                Slot::Variable => t.clone(),
                Slot::Constant(index) => self.constants[index].clone(),
                Slot::Register(index) => registers[index].clone(),
            }
        };
        for instruction in &self.program.instructions {
            let value = (|| -> Outcome<Complex> {
                Ok(match instruction {
                    Instruction::Affine { offset, slope } => {
                        let scaled = self.constants[*slope].mul(t)?;
                        match offset {
                            Some(offset) => scaled.add(&self.constants[*offset])?,
                            None => scaled,
                        }
                    }
                    Instruction::Add(a, b) => get(*a, &registers).add(&get(*b, &registers))?,
                    Instruction::Sub(a, b) => get(*a, &registers).sub(&get(*b, &registers))?,
                    Instruction::Mul(a, b) => get(*a, &registers).mul(&get(*b, &registers))?,
                    Instruction::Div(a, b) => get(*a, &registers).div(&get(*b, &registers))?,
                    Instruction::Neg(a) => get(*a, &registers).neg(),
                    Instruction::PowInteger(a, n) => get(*a, &registers).pow_integer(*n)?,
                    Instruction::PowRational(a, exponent) => {
                        let base = get(*a, &registers);
                        let precision = base.re.precision();
                        let exponent = Complex::real(Interval::from_rational(exponent, precision)?);
                        base.pow(&exponent)?
                    }
                    Instruction::Pow(a, b) => get(*a, &registers).pow(&get(*b, &registers))?,
                    Instruction::Unary(unary, a) => {
                        let a = get(*a, &registers);
                        if trace::enabled(Trace::Complex) {
                            eprintln!(
                                "        unary input polar {:?}",
                                a.polar.as_ref().map(|(r, t)| (
                                    r.lower.to_f64(),
                                    t.lower.to_f64(),
                                    t.upper.to_f64()
                                ))
                            );
                        }
                        match unary {
                            Unary::Log => a.log()?,
                            Unary::Exp => a.exp()?,
                            Unary::ExpM1 => {
                                let one = Complex::real(Interval::point(Float::with_val(
                                    a.re.precision(),
                                    1,
                                )));
                                a.exp()?.sub(&one)?
                            }
                            Unary::Sin => a.sin()?,
                            Unary::Cos => a.cos()?,
                            _ => return Err(NotAnalytic),
                        }
                    }
                    Instruction::LogSumExp(pairs) => {
                        let terms = pairs
                            .iter()
                            .map(|(weight, term)| {
                                get(*weight, &registers).add(&get(*term, &registers))
                            })
                            .collect::<Outcome<Vec<Complex>>>()?;
                        log_sum_exp(&terms)?
                    }
                })
            })();
            if value.is_err() && trace::enabled(Trace::Failures) {
                eprintln!("        failed at {instruction:?}");
            }
            let value = value?;
            if trace::enabled(Trace::Complex) {
                eprintln!(
                    "        {instruction:?}: re [{:.3e}, {:.3e}] im [{:.3e}, {:.3e}] polar {:?}",
                    value.re.lower.to_f64(),
                    value.re.upper.to_f64(),
                    value.im.lower.to_f64(),
                    value.im.upper.to_f64(),
                    value.polar.as_ref().map(|(r, t)| (
                        r.lower.to_f64(),
                        r.upper.to_f64(),
                        t.lower.to_f64(),
                        t.upper.to_f64()
                    ))
                );
            }
            registers.push(value);
        }
        Ok(get(self.program.output, &registers))
    }
}

/// log Σ e^{sᵢ}, shifted by the largest real part so that the sum stays representable.
fn log_sum_exp(terms: &[Complex]) -> Outcome<Complex> {
    let mut shift: Option<Float> = None;
    for term in terms {
        if shift.as_ref().is_none_or(|s| term.re.upper > *s) {
            shift = Some(term.re.upper.clone());
        }
    }
    let shift = Complex::real(Interval::point(shift.ok_or(NotAnalytic)?));
    let precision = shift.re.precision();
    let mut sum = Complex::real(zero(precision));
    for term in terms {
        sum = sum.add(&term.sub(&shift)?.exp()?)?;
    }
    sum.log()?.add(&shift)
}

/// A box [center ± half_width] × [± half_height] with ends rounded outward.
pub fn rectangle(center: &Real, half_width: &Float, half_height: &Float) -> Outcome<Complex> {
    let precision = center.precision();
    let re = Interval::new(
        down(precision, &center.lower - half_width),
        up(precision, &center.upper + half_width),
    )?;
    let height = up(precision, half_height);
    let im = Interval::new(Float::with_val(precision, -&height), height)?;
    Ok(Complex::rectangle(re, im))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeric::compiled::{Builder, Substitution, VARIABLE};
    use crate::sym::{self, Domain, Expr};

    fn program(expr: &Expr) -> Program {
        let mut builder = Builder::new(Substitution::identity(), None);
        let node = builder.expr(expr).unwrap();
        builder.finish(node)
    }

    fn constants(program: &Program) -> Vec<Real> {
        crate::numeric::compiled::interval::IntervalEvaluator::new(program, 64)
            .unwrap()
            .constants()
            .to_vec()
    }

    #[test]
    fn a_box_around_a_pole_is_refused_and_one_beside_it_is_bounded() {
        // 1/(1 + x²) has poles at ±i.
        let x = Expr::symbol(VARIABLE, Domain::Real);
        let program = program(&(1 + x.powi(2)).powi(-1));
        let constants = constants(&program);
        let evaluator = ComplexEvaluator::new(&program, &constants);
        let center = Interval::point(Float::with_val(64, 0));
        let around = rectangle(
            &center,
            &Float::with_val(64, 0.5),
            &Float::with_val(64, 1.5),
        )
        .unwrap();
        assert!(evaluator.evaluate(&around).is_err());
        let beside = rectangle(
            &center,
            &Float::with_val(64, 0.5),
            &Float::with_val(64, 0.5),
        )
        .unwrap();
        let value = evaluator.evaluate(&beside).unwrap();
        // |1 + z²| ≥ 1 − |z|² ≥ 1/2 on the box, so |f| ≤ 2; the enclosure is looser but finite.
        let bound = value.magnitude().to_f64();
        assert!((2.0..100.0).contains(&bound), "{bound}");
    }

    #[test]
    fn logarithm_refuses_the_cut_and_exponential_is_entire() {
        let x = Expr::symbol(VARIABLE, Domain::Real);
        let log = program(&sym::log(x.clone()));
        let evaluator = ComplexEvaluator::new(&log, &[]);
        assert!(log.constants.is_empty());
        let center = Interval::point(Float::with_val(64, 1));
        let crossing = rectangle(
            &center,
            &Float::with_val(64, 1.5),
            &Float::with_val(64, 0.1),
        )
        .unwrap();
        assert!(evaluator.evaluate(&crossing).is_err());
        let right = rectangle(
            &center,
            &Float::with_val(64, 0.5),
            &Float::with_val(64, 2.0),
        )
        .unwrap();
        let value = evaluator.evaluate(&right).unwrap();
        assert!(value.im.upper.to_f64() < 1.6 && value.im.lower.to_f64() > -1.6);
        let exp = program(&sym::exp(-(x.powi(2)) / 2));
        let constants = constants(&exp);
        let evaluator = ComplexEvaluator::new(&exp, &constants);
        let wide = rectangle(
            &center,
            &Float::with_val(64, 3.0),
            &Float::with_val(64, 3.0),
        )
        .unwrap();
        // |exp(−z²/2)| ≤ exp(Im² / 2) ≤ e^4.5 ≈ 90 (the enclosure is looser, but finite).
        let bound = evaluator.evaluate(&wide).unwrap().magnitude().to_f64();
        assert!((90.0..1e6).contains(&bound), "{bound}");
    }
}
