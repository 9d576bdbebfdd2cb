//! The integrand of each divergence, in log space, and its envelope in a tail.
//!
//! Every density enters through its log-density l (a log-sum-exp for a mixture) and p = e^{l} is formed last,
//! so that nothing underflows where p is tiny but log p − log q is huge. Where only P or only Q has mass, the
//! integrand reduces to a multiple of the other density, or the divergence is infinite.

use num_traits::{One, Signed, Zero};

use crate::error::EvalError;
use crate::exact::Rational;
use crate::numeric::compiled::{Builder, Node, Program, Substitution, Unary};
use crate::numeric::quadrature::envelope::{self, Basis, Envelope};
use crate::sym::{self, Expr};

use super::density::{
    compile_density, compile_log_and_density, compile_log_density, split_log_density, Component,
};
use super::tails::Bounds;
use crate::numeric::compiled::monomials::{self, gathered_combination};

/// The integral computed for a divergence.
#[derive(Clone, Debug, PartialEq)]
pub enum Form {
    /// ∫ p (log p − log q).
    KullbackLeibler,
    /// −∫ p log q.
    CrossEntropy,
    /// −∫ p log p.
    Entropy,
    /// ∫ p^α q^{1−α} for a rational α ∉ {0, 1}.
    RenyiPower(Rational),
    /// Q(supp P) = ∫_{supp P} q, for the order 0.
    RenyiZero,
    /// ½∫ p log(2p/(p+q)) + q log(2q/(p+q)).
    JensenShannon,
    /// ½∫ (√p − √q)², the squared Hellinger distance.
    HellingerSquared,
    /// ∫ √(pq), the Bhattacharyya coefficient.
    Bhattacharyya,
    /// ∫ (p − q)²/q = ∫ q (e^{log p − log q} − 1)².
    Pearson,
    /// ½∫ |p − q|, with the sign of p − q given on each piece (+1 or −1).
    TotalVariation(i8),
}

impl Form {
    /// Whether the integrand is ≥ 0 everywhere (so a tail contributes [0, bound]).
    pub fn is_nonnegative(&self) -> bool {
        !matches!(
            self,
            Form::KullbackLeibler | Form::CrossEntropy | Form::Entropy
        )
    }

    /// Whether the integral can be +∞ (the others are bounded by a multiple of ∫ p + q).
    pub fn can_diverge(&self) -> bool {
        match self {
            Form::KullbackLeibler | Form::CrossEntropy | Form::Pearson => true,
            Form::RenyiPower(alpha) => *alpha > Rational::one(),
            _ => false,
        }
    }
}

/// What a piece of the line contributes.
#[derive(Clone, Debug)]
pub enum Piece {
    /// The integrand, compiled.
    Formula(Program),
    /// Nothing (neither density matters there).
    Zero,
    /// The divergence is infinite: P has mass where Q has none.
    Infinite,
}

fn constant(value: Expr) -> Node {
    Node::Constant(value)
}

/// Compiles the integrand of `form` where the components `p` and `q` are present.
pub fn compile(
    form: &Form,
    p: &[&Component],
    q: &[&Component],
    substitution: Substitution,
    sign_point: Option<Rational>,
) -> Result<Piece, EvalError> {
    use Form::*;
    let (has_p, has_q) = (!p.is_empty(), !q.is_empty());
    let mut b = Builder::new(substitution, sign_point);
    let half = || constant(Expr::ratio(1, 2));
    let half_log_two = || constant(sym::log(Expr::int(2)) / 2);
    match (form, has_p, has_q) {
        (_, false, false) => Ok(Piece::Zero),
        (KullbackLeibler | CrossEntropy | Pearson, true, false) => Ok(Piece::Infinite),
        (RenyiPower(alpha), true, false) if *alpha > Rational::one() => Ok(Piece::Infinite),
        (
            KullbackLeibler | CrossEntropy | Entropy | RenyiPower(_) | RenyiZero | Bhattacharyya,
            false,
            _,
        ) => Ok(Piece::Zero),
        (RenyiPower(_) | RenyiZero | Bhattacharyya, true, false) => Ok(Piece::Zero),
        (Entropy, true, _) => {
            let (lp, density) = compile_log_and_density(&mut b, p)?;
            let product = b.mul(density, lp);
            let node = b.neg(product);
            Ok(Piece::Formula(b.finish(node)))
        }
        (JensenShannon, true, false) => single(b, p, half_log_two()),
        (JensenShannon, false, true) => single(b, q, half_log_two()),
        (HellingerSquared | TotalVariation(_), true, false) => single(b, p, half()),
        (HellingerSquared | TotalVariation(_), false, true) => single(b, q, half()),
        (Pearson, false, true) => single(b, q, constant(Expr::int(1))),
        (KullbackLeibler, true, true) if p.len() == 1 && q.len() == 1 => {
            // p (log p − log q) with the logarithms of both log-densities gathered into one.
            let log_p = p[0].log_weight.clone() + p[0].log_density.clone();
            let log_q = q[0].log_weight.clone() + q[0].log_density.clone();
            let lp = compile_log_density(&mut b, p)?;
            let dp = compile_density(&mut b, p, lp.clone())?;
            let difference = match b.log_difference(&log_p, &log_q)? {
                Some(difference) => difference,
                None => {
                    let lq = compile_log_density(&mut b, q)?;
                    b.sub(lp, lq)
                }
            };
            let node = b.mul(dp, difference);
            Ok(Piece::Formula(b.finish(node)))
        }
        (form, true, true) => {
            if let RenyiPower(alpha) = form {
                if let Some(node) = renyi_gathered(&mut b, alpha, p, q)? {
                    return Ok(Piece::Formula(b.finish(node)));
                }
            }
            let (lp, dp) = compile_log_and_density(&mut b, p)?;
            let (lq, dq) = compile_log_and_density(&mut b, q)?;
            let node = both(&mut b, form, lp, lq, dp, dq);
            Ok(Piece::Formula(b.finish(node)))
        }
    }
}

/// p^α q^{1−α} from α log p + (1 − α) log q gathered term by term, where both log-densities can be written
/// as expressions (single components, or mixtures of shared terms relative to their reference): where the
/// rates cancel (Exp(1/3) against Lindley(1/2) at α = 3), the exponential of each would leave MPFR's range
/// far out while their product is (1 + x)^{−2}. `None` for other mixtures.
fn renyi_gathered(
    b: &mut Builder,
    alpha: &Rational,
    p: &[&Component],
    q: &[&Component],
) -> Result<Option<Node>, EvalError> {
    let parts = (split_log_density(b, p)?, split_log_density(b, q)?);
    let (Some((log_p, rest_p)), Some((log_q, rest_q))) = parts else {
        return Ok(None);
    };
    let beta = Rational::one() - alpha;
    let (terms, _) = gathered_combination(&[(alpha.clone(), &log_p), (beta.clone(), &log_q)]);
    let mut node = b.exp_of(&monomials::sum(terms))?;
    for (rest, power) in [(rest_p, alpha.clone()), (rest_q, beta)] {
        if let Some(rest) = rest {
            let scaled = b.mul(constant(Expr::Number(power)), rest);
            let factor = b.unary(Unary::Exp, scaled);
            node = b.mul(node, factor);
        }
    }
    Ok(Some(node))
}

/// factor · p for the density of `components` alone.
fn single(mut b: Builder, components: &[&Component], factor: Node) -> Result<Piece, EvalError> {
    let (_, density) = compile_log_and_density(&mut b, components)?;
    let node = b.mul(factor, density);
    Ok(Piece::Formula(b.finish(node)))
}

/// The integrand where both densities are present.
fn both(b: &mut Builder, form: &Form, lp: Node, lq: Node, dp: Node, dq: Node) -> Node {
    use Form::*;
    let half = || constant(Expr::ratio(1, 2));
    match form {
        KullbackLeibler => {
            let difference = b.sub(lp, lq);
            b.mul(dp, difference)
        }
        CrossEntropy => {
            let product = b.mul(dp, lq);
            b.neg(product)
        }
        Entropy => {
            let product = b.mul(dp, lp);
            b.neg(product)
        }
        RenyiPower(alpha) => {
            let a = b.mul(constant(Expr::Number(alpha.clone())), lp);
            let c = b.mul(constant(Expr::Number(Rational::one() - alpha)), lq);
            let sum = b.add(a, c);
            b.unary(Unary::Exp, sum)
        }
        RenyiZero => dq,
        Bhattacharyya => {
            let sum = b.add(lp, lq);
            let mean = b.mul(half(), sum);
            b.unary(Unary::Exp, mean)
        }
        JensenShannon => {
            // log((p + q)/2) as a log-sum-exp, then ½[p (lp − m) + q (lq − m)].
            let log_half = sym::log(Expr::ratio(1, 2));
            let m = b.log_sum_exp(vec![(log_half.clone(), lp.clone()), (log_half, lq.clone())]);
            let p_term = {
                let difference = b.sub(lp, m.clone());
                b.mul(dp, difference)
            };
            let q_term = {
                let difference = b.sub(lq, m);
                b.mul(dq, difference)
            };
            let sum = b.add(p_term, q_term);
            b.mul(half(), sum)
        }
        HellingerSquared => {
            let root_p = {
                let scaled = b.mul(half(), lp);
                b.unary(Unary::Exp, scaled)
            };
            let root_q = {
                let scaled = b.mul(half(), lq);
                b.unary(Unary::Exp, scaled)
            };
            let difference = b.sub(root_p, root_q);
            let square = b.power_integer(difference, 2);
            b.mul(half(), square)
        }
        Pearson => {
            let difference = b.sub(lp, lq.clone());
            let ratio_minus_one = b.unary(Unary::ExpM1, difference);
            let square = b.power_integer(ratio_minus_one, 2);
            b.mul(dq, square)
        }
        TotalVariation(sign) => {
            let difference = if *sign >= 0 {
                b.sub(dp, dq)
            } else {
                b.sub(dq, dp)
            };
            b.mul(half(), difference)
        }
    }
}

/// The difference log p − log q, for locating crossings and maxima.
pub fn difference(
    p: &[&Component],
    q: &[&Component],
    substitution: Substitution,
    sign_point: Option<Rational>,
) -> Result<Program, EvalError> {
    let mut b = Builder::new(substitution, sign_point);
    // Against one density, its log-density goes inside the mixture's log-sum-exp, term by term:
    // log Σ wᵢpᵢ − log q = log Σ wᵢ(pᵢ/q), and each log pᵢ − log q gathers its logarithms of the variable, so
    // that equal multiples cancel exactly (near an end where both go as a power of x, evaluating them apart
    // loses everything to cancellation).
    // Only where some logarithms were gathered: otherwise the plain difference is better conditioned (a
    // single log-density that varies fast, like a Moyal's e^{−z} far out, stays outside the log-sum-exp,
    // whose interval shares would smear its derivative).
    let gathered = |b: &mut Builder, mixture: &[&Component], single: &Component| {
        let log_single = single.log_weight.clone() + single.log_density.clone();
        let mut pairs = Vec::with_capacity(mixture.len());
        let mut any = false;
        for component in mixture {
            let node = match b.log_difference(&component.log_density, &log_single)? {
                Some(node) => {
                    any = true;
                    node
                }
                None => {
                    let own = b.expr(&component.log_density)?;
                    let other = b.expr(&log_single)?;
                    b.sub(own, other)
                }
            };
            pairs.push((component.log_weight.clone(), node));
        }
        if !any {
            return Ok::<Option<Node>, EvalError>(None);
        }
        Ok(Some(match pairs.len() {
            1 => {
                let (weight, node) = pairs.remove(0);
                b.add(Node::Constant(weight), node)
            }
            _ => b.log_sum_exp(pairs),
        }))
    };
    match (p, q) {
        (_, [q]) => {
            if let Some(node) = gathered(&mut b, p, q)? {
                return Ok(b.finish(node));
            }
        }
        ([p], _) => {
            if let Some(node) = gathered(&mut b, q, p)? {
                let node = b.neg(node);
                return Ok(b.finish(node));
            }
        }
        _ => {}
    }
    let lp = compile_log_density(&mut b, p)?;
    let lq = compile_log_density(&mut b, q)?;
    let node = b.sub(lp, lq);
    Ok(b.finish(node))
}

fn rational(value: f64) -> Rational {
    Rational::from_float(value).unwrap_or_else(Rational::zero)
}

/// log 2, log ½ ln 2, … as rational upper bounds.
fn log_constant(value: f64) -> Rational {
    // The f64 logarithm is within 1e−15 relative; one part in 10⁹ above it is a safe upper bound.
    rational(value.ln() + value.ln().abs() * 1e-9 + 1e-12)
}

/// Upper and lower envelopes of the log of |integrand| in a tail, from the densities' bounds (each `None`
/// when that density is absent there). The lower one is `Some` only where it proves divergence.
pub fn tail_envelopes(
    form: &Form,
    p: Option<&Bounds>,
    q: Option<&Bounds>,
    start: &Rational,
) -> (Option<Envelope>, Option<Envelope>) {
    use Form::*;
    let max = |a: &Envelope, b: &Envelope| envelope::maximum(a, b, start);
    let shifted = |e: &Envelope, c: Rational| e.add(&Envelope::constant(c));
    let magnitude = |b: &Bounds| envelope::log_magnitude(&b.upper, &b.lower);
    let upper = (|| -> Option<Envelope> {
        match (form, p, q) {
            (KullbackLeibler, Some(p), Some(q)) => {
                let both = max(&magnitude(p)?, &magnitude(q)?)?;
                Some(shifted(&p.upper.add(&both), log_constant(2.0)))
            }
            (CrossEntropy, Some(p), Some(q)) => Some(p.upper.add(&magnitude(q)?)),
            (Entropy, Some(p), _) => Some(p.upper.add(&magnitude(p)?)),
            (RenyiPower(alpha), Some(p), Some(q)) => {
                let complement = Rational::one() - alpha;
                let q_part = if complement.is_negative() {
                    &q.lower
                } else {
                    &q.upper
                };
                Some(p.upper.scale(alpha).add(&q_part.scale(&complement)))
            }
            (RenyiZero, Some(_), Some(q)) => Some(q.upper.clone()),
            (Bhattacharyya, Some(p), Some(q)) => Some(
                p.upper
                    .add(&q.upper)
                    .scale(&Rational::new(1.into(), 2.into())),
            ),
            (JensenShannon | HellingerSquared | TotalVariation(_), p, q) => {
                let factor = if *form == JensenShannon {
                    std::f64::consts::LN_2
                } else {
                    0.5
                };
                let larger = match (p, q) {
                    (Some(p), Some(q)) => max(&p.upper, &q.upper)?,
                    (Some(only), None) | (None, Some(only)) => only.upper.clone(),
                    (None, None) => return None,
                };
                Some(shifted(&larger, log_constant(factor)))
            }
            (Pearson, Some(p), Some(q)) => {
                let ratio = p
                    .upper
                    .scale(&Rational::from_integer(2.into()))
                    .sub(&q.lower);
                Some(shifted(&max(&ratio, &q.upper)?, log_constant(2.0)))
            }
            (Pearson, None, Some(q)) => Some(q.upper.clone()),
            _ => None,
        }
    })();
    let lower = (|| -> Option<Envelope> {
        let (p, q) = (p?, q?);
        match form {
            KullbackLeibler => {
                let growing = p.lower.sub(&q.upper);
                Some(p.lower.add(&envelope::log_of_growing(&growing, start)?))
            }
            CrossEntropy => {
                let growing = q.upper.scale(&-Rational::one());
                Some(p.lower.add(&envelope::log_of_growing(&growing, start)?))
            }
            RenyiPower(alpha) if *alpha > Rational::one() => Some(
                p.lower
                    .scale(alpha)
                    .add(&q.upper.scale(&(Rational::one() - alpha))),
            ),
            // The tail of ∫ q (p/q − 1)² = ∫ p²/q − 2∫ p + ∫ q diverges with ∫ p²/q.
            Pearson => Some(
                p.lower
                    .scale(&Rational::from_integer(2.into()))
                    .sub(&q.upper),
            ),
            _ => None,
        }
    })();
    (upper, lower)
}

/// Adds the Jacobian of y = 1/distance (dx = dy/y²) to an envelope.
pub fn with_jacobian(envelope: Envelope) -> Envelope {
    envelope.with(Basis::Log, Rational::from_integer((-2).into()))
}
