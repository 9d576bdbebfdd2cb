//! Rectangular complex intervals, and the evaluation of a program on a complex box.
//!
//! The error bound of Gauss–Legendre quadrature needs a bound on |f| over a Bernstein ellipse around the
//! segment, for a function analytic inside it. Evaluating the program on a box that contains the ellipse
//! gives both: every operation either is entire (+, −, ×, exp, sin, cos), or checks that its argument stays in
//! its domain of analyticity (a divisor's box excludes 0; the box of a logarithm or a non-integer power misses
//! the cut (−∞, 0]); so the composed function is analytic on the box, and agrees with the real integrand on
//! the real axis. An operation that cannot certify this fails, and the caller shrinks the ellipse or bisects.

use rug::Float;

use crate::numeric::compiled::{Instruction, Program, Slot, Unary};
use crate::numeric::trace::{self, Trace};
use crate::numeric::Interval;

mod part;

pub use part::Part;

/// A complex box re × im, with a polar enclosure (modulus × argument) where one is known: products,
/// powers and logarithms of values from `exp` are far tighter in polar form than in rectangles.
#[derive(Clone, Debug)]
pub struct Complex<R> {
    /// The real part.
    pub re: R,
    /// The imaginary part.
    pub im: R,
    /// Modulus (≥ 0) and argument, when tracked.
    pub polar: Option<(R, R)>,
}

/// Why a box could not be bounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAnalytic {
    /// The box reaches a pole or a cut, or is too wide to tell: a smaller box may do.
    Domain,
    /// A value left the f64 range of a coarse evaluation: MPFR may bound the same box.
    Range,
}

type Outcome<T> = Result<T, NotAnalytic>;

impl<R: Part> Complex<R> {
    /// A real enclosure as a box of zero height.
    pub fn real(re: R) -> Outcome<Complex<R>> {
        let zero = re.constant(0.0)?;
        let polar = if re.is_positive() {
            Some((re.clone(), zero.clone()))
        } else if re.is_negative() {
            Some((re.neg(), re.pi()))
        } else {
            None
        };
        Ok(Complex {
            re,
            im: zero,
            polar,
        })
    }

    /// A box from its rectangle alone.
    pub fn rectangle(re: R, im: R) -> Complex<R> {
        Complex {
            re,
            im,
            polar: None,
        }
    }

    /// r·e^{iθ} for a modulus r ≥ 0 and an argument θ (shifted by a multiple of 2π towards 0).
    fn from_polar(modulus: R, argument: R) -> Outcome<Complex<R>> {
        let argument = normalized(argument)?;
        Ok(Complex {
            re: modulus.mul(&argument.cos()?)?,
            im: modulus.mul(&argument.sin()?)?,
            polar: Some((modulus, argument)),
        })
    }

    /// The polar form, when its argument lies strictly inside (−π, π) (where it is the principal argument).
    fn principal_polar(&self) -> Option<&(R, R)> {
        let (modulus, argument) = self.polar.as_ref()?;
        let pi = argument.pi();
        let inside = argument.below(&pi) && pi.neg().below(argument);
        (inside && modulus.is_positive()).then_some(self.polar.as_ref()?)
    }

    fn add(&self, other: &Complex<R>) -> Outcome<Complex<R>> {
        let mut sum = Complex::rectangle(self.re.add(&other.re)?, self.im.add(&other.im)?);
        let moved = perturbed(self, other).or_else(|| perturbed(other, self));
        sum.polar = match (moved, sum.as_polar()) {
            (Some((r1, t1)), Some((r2, t2))) => Some((r1.intersect(&r2), t1.intersect(&t2))),
            (moved, derived) => moved.or(derived),
        };
        Ok(sum)
    }

    fn sub(&self, other: &Complex<R>) -> Outcome<Complex<R>> {
        self.add(&other.neg())
    }

    fn neg(&self) -> Complex<R> {
        Complex::rectangle(self.re.neg(), self.im.neg())
    }

    /// The product.
    pub fn mul(&self, other: &Complex<R>) -> Outcome<Complex<R>> {
        let rectangle = Complex::rectangle(
            self.re.mul(&other.re)?.sub(&self.im.mul(&other.im)?)?,
            self.re.mul(&other.im)?.add(&self.im.mul(&other.re)?)?,
        );
        if let (Some((r1, t1)), Some((r2, t2))) = (&self.polar, &other.polar) {
            return Ok(rectangle.meet(Complex::from_polar(r1.mul(r2)?, t1.add(t2)?)?));
        }
        Ok(rectangle)
    }

    /// The intersection of two enclosures of one value, a rectangle and a polar one, keeping the polar
    /// form.
    fn meet(self, polar: Complex<R>) -> Complex<R> {
        Complex {
            re: self.re.intersect(&polar.re),
            im: self.im.intersect(&polar.im),
            polar: polar.polar,
        }
    }

    /// z², with x² − y² from squares: the product x·x of an interval that straddles zero reaches below
    /// zero, and a box around the real axis would then seem to reach the cut of a logarithm of 1 + z².
    fn square(&self) -> Outcome<Complex<R>> {
        let two = self.re.constant(2.0)?;
        let rectangle = Complex::rectangle(
            self.re.pow_integer(2)?.sub(&self.im.pow_integer(2)?)?,
            self.re.mul(&self.im)?.mul(&two)?,
        );
        if let Some((modulus, argument)) = &self.polar {
            let polar = Complex::from_polar(modulus.pow_integer(2)?, argument.mul(&two)?)?;
            return Ok(rectangle.meet(polar));
        }
        Ok(rectangle)
    }

    /// |z|², never straddling below zero.
    fn norm_squared(&self) -> Outcome<R> {
        self.re.pow_integer(2)?.add(&self.im.pow_integer(2)?)
    }

    fn recip(&self) -> Outcome<Complex<R>> {
        if let Some((modulus, argument)) = &self.polar {
            if modulus.is_positive() {
                return Complex::from_polar(modulus.recip()?, argument.neg());
            }
        }
        let norm = self.norm_squared()?;
        if !norm.is_positive() {
            return Err(NotAnalytic::Domain);
        }
        Ok(Complex::rectangle(
            self.re.div(&norm)?,
            self.im.neg().div(&norm)?,
        ))
    }

    fn div(&self, other: &Complex<R>) -> Outcome<Complex<R>> {
        self.mul(&other.recip()?)
    }

    /// eᶻ = e^re (cos im + i sin im).
    pub fn exp(&self) -> Outcome<Complex<R>> {
        Complex::from_polar(self.re.exp()?, self.im.clone())
    }

    fn clear_of_cut(&self) -> bool {
        self.re.is_positive() || self.im.is_positive() || self.im.is_negative()
    }

    /// The principal logarithm, on a box that misses the cut (−∞, 0].
    fn log(&self) -> Outcome<Complex<R>> {
        if let Some((modulus, argument)) = self.principal_polar() {
            return Ok(Complex::rectangle(modulus.log()?, argument.clone()));
        }
        if !self.clear_of_cut() {
            return Err(NotAnalytic::Domain);
        }
        let norm = self.norm_squared()?;
        let modulus = norm.log()?.mul(&norm.constant(0.5)?)?;
        Ok(Complex::rectangle(
            modulus,
            R::argument(&self.re, &self.im)?,
        ))
    }

    /// A polar enclosure: the tracked one, or one derived from the rectangle when it misses the cut
    /// (the modulus between the nearest and farthest points, the argument from the corners).
    fn as_polar(&self) -> Option<(R, R)> {
        if let Some(polar) = &self.polar {
            return Some(polar.clone());
        }
        if !self.clear_of_cut() {
            return None;
        }
        let (x, y) = (self.re.nearest_to_zero(), self.im.nearest_to_zero());
        let near = x.pow_integer(2).ok()?.add(&y.pow_integer(2).ok()?).ok()?;
        let near = near.sqrt().ok()?;
        let far = self.norm_squared().ok()?.sqrt().ok()?;
        let modulus = R::between(&near, &far).ok()?;
        Some((modulus, R::argument(&self.re, &self.im).ok()?))
    }

    fn pow_integer(&self, n: i32) -> Outcome<Complex<R>> {
        let polar = match self.as_polar() {
            Some((modulus, argument)) if n >= 0 || modulus.is_positive() => {
                let power = modulus.pow_integer(n)?;
                let factor = argument.constant(f64::from(n))?;
                Some(Complex::from_polar(power, argument.mul(&factor)?)?)
            }
            _ => None,
        };
        // Repeated squaring in rectangles, intersected with the polar result when there is one.
        let base = if n < 0 { self.recip()? } else { self.clone() };
        let one = Complex::real(self.re.constant(1.0)?)?;
        let result = crate::numeric::power::by_squaring(
            one,
            base,
            n.unsigned_abs(),
            Complex::mul,
            Complex::square,
        )?;
        Ok(match polar {
            Some(polar) => result.meet(polar),
            None => result,
        })
    }

    /// z^w = exp(w log z), analytic off the cut.
    fn pow(&self, exponent: &Complex<R>) -> Outcome<Complex<R>> {
        if let (Some((modulus, argument)), true) = (self.principal_polar(), exponent.im.is_zero()) {
            let w = &exponent.re;
            return Complex::from_polar(modulus.pow(w)?, argument.mul(w)?);
        }
        exponent.mul(&self.log()?)?.exp()
    }

    fn sin(&self) -> Outcome<Complex<R>> {
        // sin(a + ib) = sin a cosh b + i cos a sinh b.
        let (cosh, sinh) = (self.im.cosh()?, self.im.sinh()?);
        Ok(Complex::rectangle(
            self.re.sin()?.mul(&cosh)?,
            self.re.cos()?.mul(&sinh)?,
        ))
    }

    fn cos(&self) -> Outcome<Complex<R>> {
        // cos(a + ib) = cos a cosh b − i sin a sinh b.
        let (cosh, sinh) = (self.im.cosh()?, self.im.sinh()?);
        Ok(Complex::rectangle(
            self.re.cos()?.mul(&cosh)?,
            self.re.sin()?.mul(&sinh)?.neg(),
        ))
    }

    /// An enclosure whose upper end bounds |z| over the box.
    fn modulus(&self) -> Outcome<R> {
        match &self.polar {
            Some((modulus, _)) => Ok(modulus.clone()),
            None => self.norm_squared()?.sqrt(),
        }
    }

    /// An upper bound on |z| over the box.
    pub fn magnitude(&self) -> Float {
        match self.modulus() {
            Ok(modulus) => modulus.magnitude(),
            Err(_) => Float::with_val(64, f64::INFINITY),
        }
    }
}

/// θ − 2πk for the integer k nearest to θ/2π (the same set of complex numbers).
fn normalized<R: Part>(argument: R) -> Outcome<R> {
    let turns = argument.turns();
    if turns == 0.0 {
        return Ok(argument);
    }
    let turn = argument.pi().mul(&argument.constant(2.0)?)?;
    argument.sub(&turn.mul(&argument.constant(turns)?)?)
}

/// The polar form of z + w when |w| is small against |z|: the modulus moves by at most |w| and the argument
/// by at most asin(|w|/|z|).
fn perturbed<R: Part>(z: &Complex<R>, w: &Complex<R>) -> Option<(R, R)> {
    let (modulus, argument) = z.polar.as_ref()?;
    let size = w.modulus().ok()?.upper_end();
    let smallest = modulus.lower_end();
    let half = smallest.mul(&smallest.constant(0.5).ok()?).ok()?;
    if !size.below(&half) {
        return None;
    }
    let turn = size.div(&smallest).ok()?.asin().ok()?.upper_end();
    let moved = R::between(&size.neg(), &size).ok()?;
    let turned = R::between(&turn.neg(), &turn).ok()?;
    Some((modulus.add(&moved).ok()?, argument.add(&turned).ok()?))
}

/// Evaluates a program on complex boxes, with its constants enclosed once.
pub struct ComplexEvaluator<'a, R> {
    program: &'a Program,
    constants: Vec<Complex<R>>,
}

impl<'a, R: Part> ComplexEvaluator<'a, R> {
    /// Takes the constants already enclosed (as MPFR intervals, converted to `R` by `convert`).
    pub fn new(
        program: &'a Program,
        constants: &[Interval],
        convert: impl Fn(&Interval) -> Outcome<R>,
    ) -> Outcome<ComplexEvaluator<'a, R>> {
        let constants = constants
            .iter()
            .map(|constant| Complex::real(convert(constant)?))
            .collect::<Outcome<Vec<Complex<R>>>>()?;
        Ok(ComplexEvaluator { program, constants })
    }

    /// Encloses f over the box `t`, certifying analyticity on it.
    pub fn evaluate(&self, t: &Complex<R>) -> Outcome<Complex<R>> {
        let mut registers: Vec<Complex<R>> = Vec::with_capacity(self.program.instructions.len());
        let get = |slot: Slot, registers: &[Complex<R>]| -> Complex<R> {
            match slot {
                Slot::Variable => t.clone(),
                Slot::Constant(index) => self.constants[index].clone(),
                Slot::Register(index) => registers[index].clone(),
            }
        };
        for instruction in &self.program.instructions {
            let value = (|| -> Outcome<Complex<R>> {
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
                        let exponent = Complex::real(base.re.rational(exponent)?)?;
                        base.pow(&exponent)?
                    }
                    Instruction::Pow(a, b) => get(*a, &registers).pow(&get(*b, &registers))?,
                    Instruction::Unary(unary, a) => {
                        let a = get(*a, &registers);
                        match unary {
                            Unary::Log => a.log()?,
                            Unary::Exp => a.exp()?,
                            Unary::ExpM1 => {
                                let one = Complex::real(a.re.constant(1.0)?)?;
                                a.exp()?.sub(&one)?
                            }
                            Unary::Sin => a.sin()?,
                            Unary::Cos => a.cos()?,
                            _ => return Err(NotAnalytic::Domain),
                        }
                    }
                    Instruction::LogSumExp(pairs) | Instruction::LogOfSum(_, pairs) => {
                        let terms = pairs
                            .iter()
                            .map(|(weight, term)| {
                                get(*weight, &registers).add(&get(*term, &registers))
                            })
                            .collect::<Outcome<Vec<Complex<R>>>>()?;
                        log_sum_exp(&terms)?
                    }
                    Instruction::SumExp(pairs) => {
                        let terms = pairs
                            .iter()
                            .map(|(weight, term)| {
                                get(*weight, &registers).add(&get(*term, &registers))
                            })
                            .collect::<Outcome<Vec<Complex<R>>>>()?;
                        // Term by term: the sum needs no logarithm, whose cut a sum of fast-turning
                        // terms may cross.
                        let mut sum = terms[0].exp()?;
                        for term in &terms[1..] {
                            sum = sum.add(&term.exp()?)?;
                        }
                        sum
                    }
                    Instruction::LogProduct(factors) => {
                        let mut sum = Complex::real(t.re.constant(0.0)?)?;
                        for (a, k) in factors {
                            let k = Complex::real(t.re.constant(f64::from(*k))?)?;
                            sum = sum.add(&k.mul(&get(*a, &registers).log()?)?)?;
                        }
                        sum
                    }
                })
            })();
            if value.is_err() && trace::enabled(Trace::Failures) {
                eprintln!("        failed at {instruction:?}: {value:?}");
            }
            let value = value?;
            if trace::enabled(Trace::Complex) {
                eprintln!(
                    "        {instruction:?}: re {:?} im {:?} polar {:?}",
                    value.re.ends(),
                    value.im.ends(),
                    value.polar.as_ref().map(|(r, t)| (r.ends(), t.ends()))
                );
            }
            registers.push(value);
        }
        Ok(get(self.program.output, &registers))
    }
}

/// log Σ e^{sᵢ}. Where one term dominates (the others sum to at most half its size over the whole box, as
/// where a mixture's components lie far apart), s_d + log(1 + Σ e^{sᵢ − s_d}): its logarithm stays near 0,
/// however fast the terms turn. Else the sum is shifted by the largest real part so that it stays
/// representable.
fn log_sum_exp<R: Part>(terms: &[Complex<R>]) -> Outcome<Complex<R>> {
    let hull = terms
        .iter()
        .map(|term| term.re.clone())
        .reduce(|a, b| a.hull(&b))
        .ok_or(NotAnalytic::Domain)?;
    if let Some(dominant) = dominant_term(terms) {
        let one = Complex::real(hull.constant(1.0)?)?;
        let mut rest = Complex::real(hull.constant(0.0)?)?;
        for (index, term) in terms.iter().enumerate() {
            if index != dominant {
                rest = rest.add(&term.sub(&terms[dominant])?.exp()?)?;
            }
        }
        let half = Float::with_val(64, 0.5);
        if rest.magnitude() <= half {
            return terms[dominant].add(&one.add(&rest)?.log()?);
        }
    }
    let shift = Complex::real(hull.upper_end())?;
    let mut sum = Complex::real(hull.constant(0.0)?)?;
    for term in terms {
        sum = sum.add(&term.sub(&shift)?.exp()?)?;
    }
    sum.log()?.add(&shift)
}

/// The term whose real part lies above every other's, if one does.
fn dominant_term<R: Part>(terms: &[Complex<R>]) -> Option<usize> {
    (0..terms.len()).find(|&candidate| {
        terms
            .iter()
            .enumerate()
            .all(|(index, term)| index == candidate || term.re.below(&terms[candidate].re))
    })
}

/// A box [center ± half_width] × [± half_height] with ends rounded outward.
pub fn rectangle(
    center: &Interval,
    half_width: &Float,
    half_height: &Float,
) -> Result<(Interval, Interval), crate::numeric::interval::Failure> {
    use crate::numeric::interval::{down, up};
    let precision = center.precision();
    let re = Interval::new(
        down(precision, &center.lower - half_width),
        up(precision, &center.upper + half_width),
    )?;
    let height = up(precision, half_height);
    let im = Interval::new(Float::with_val(precision, -&height), height)?;
    Ok((re, im))
}

#[cfg(test)]
mod tests;
