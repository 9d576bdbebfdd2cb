//! ∫ of a kernel over its interval, in closed form, or the verdict: `Infinite` when the integral diverges,
//! `NotApplicable` when it converges to something without a closed form here (an incomplete gamma or beta
//! function, erfi).
//!
//! A value is kept as exp(log)·factor ([`Mass`]): the logarithm carries the normaliser (log Γ, powers), the
//! factor what has no logarithm of its own (erfc, 1 − e^(−x)), so that log ∫ of one piece needs no
//! exp(log(…)) and a sum of pieces stays readable.

use std::cmp::Ordering;

use crate::rules::Verdict;
use crate::sym::{atan, erf, erfc, exp, expint, lgamma, log, log_beta, pi, sqrt, Expr};

use super::domain::{decide, Interval};
use super::exponent::known_zero;
use super::kernel::{Kernel, Shape};

/// The sign of `expr`, or `Undecided` naming `what`.
pub fn sign(expr: &Expr, what: &str) -> Result<Ordering, Verdict> {
    decide(expr, &Expr::int(0), what)
}

fn diverges(reason: &str) -> Verdict {
    Verdict::Infinite(format!(
        "the Rényi integral ∫ p^α q^(1−α) diverges: {reason}"
    ))
}

fn no_closed_form(what: &str) -> Verdict {
    Verdict::NotApplicable(format!("the Rényi integral needs {what}"))
}

/// exp(log) · factor.
#[derive(Clone, Debug)]
pub struct Mass {
    /// The logarithmic part.
    pub log: Expr,
    /// The remaining factor, > 0.
    pub factor: Expr,
}

impl Mass {
    fn of_log(log: Expr) -> Mass {
        Mass {
            log,
            factor: Expr::int(1),
        }
    }

    fn of_factor(factor: Expr) -> Mass {
        Mass {
            log: Expr::int(0),
            factor,
        }
    }

    /// log of the value.
    pub fn logarithm(self) -> Expr {
        if self.factor.is_one() {
            self.log
        } else {
            self.log + log(self.factor)
        }
    }

    /// The value.
    pub fn value(self) -> Expr {
        if self.log.is_zero() {
            self.factor
        } else {
            exp(self.log) * self.factor
        }
    }
}

/// ∫ exp(constant) · shape(t) dt over the kernel's interval.
pub fn integral(kernel: &Kernel) -> Result<Mass, Verdict> {
    let interval = &kernel.interval;
    let mut value = match &kernel.shape {
        Shape::Normal { a, b } => normal(a, b, interval)?,
        Shape::Gamma { g, c } => gamma(g, c, interval)?,
        Shape::Beta { g, h } => beta(g, h, interval)?,
        Shape::Cauchy {
            power,
            center,
            scale,
        } => cauchy(power, center, scale, interval)?,
    };
    value.log = kernel.constant.clone() + value.log;
    Ok(value)
}

/// ∫ e^(a t² + b t) dt over (l, u).
fn normal(a: &Expr, b: &Expr, interval: &Interval) -> Result<Mass, Verdict> {
    let (lower, upper) = (&interval.lower, &interval.upper);
    match sign(a, "the coefficient of the square")? {
        Ordering::Greater => {
            if lower.is_none() || upper.is_none() {
                Err(diverges("the coefficient of x² is positive"))
            } else {
                Err(no_closed_form("the imaginary error function erfi"))
            }
        }
        Ordering::Equal => exponential(b, interval),
        Ordering::Less => {
            // e^(a t² + b t) = e^(b²/(4s²)) e^(−s²(t − t₀)²), s = √(−a), t₀ = b/(2s²).
            let s = sqrt(-a.clone());
            let center = -b.clone() / (2 * a.clone());
            let base = -b.clone().powi(2) / (4 * a.clone()) + log(pi()) / 2
                - log(Expr::int(2))
                - log(s.clone());
            let scaled = |t: &Expr| s.clone() * (t.clone() - center.clone());
            let mass = match (lower, upper) {
                (None, None) => Expr::int(2),
                (Some(l), None) => erfc(scaled(l)),
                (None, Some(u)) => erfc(-scaled(u)),
                (Some(l), Some(u)) => {
                    // Differences of erfc in the tails, where erf is close to ±1.
                    let left = sign(&(l.clone() - center.clone()), "an end and the mode");
                    let right = sign(&(u.clone() - center.clone()), "an end and the mode");
                    match (left, right) {
                        (Ok(Ordering::Greater | Ordering::Equal), _) => {
                            erfc(scaled(l)) - erfc(scaled(u))
                        }
                        (_, Ok(Ordering::Less | Ordering::Equal)) => {
                            erfc(-scaled(u)) - erfc(-scaled(l))
                        }
                        _ => erf(scaled(u)) - erf(scaled(l)),
                    }
                }
            };
            Ok(Mass {
                log: base,
                factor: mass,
            })
        }
    }
}

/// ∫ e^(b t) dt over (l, u).
fn exponential(b: &Expr, interval: &Interval) -> Result<Mass, Verdict> {
    let (lower, upper) = (&interval.lower, &interval.upper);
    let slope = sign(b, "the coefficient of x")?;
    match (lower, upper, slope) {
        (Some(l), Some(u), Ordering::Equal) => Ok(Mass::of_factor(u.clone() - l.clone())),
        (_, _, Ordering::Equal) => Err(diverges("the integrand is constant on an infinite range")),
        (_, None, Ordering::Greater) | (None, _, Ordering::Less) => {
            Err(diverges("the integrand grows exponentially"))
        }
        (Some(l), None, Ordering::Less) => {
            Ok(Mass::of_log(b.clone() * l.clone() - log(-b.clone())))
        }
        (None, Some(u), Ordering::Greater) => {
            Ok(Mass::of_log(b.clone() * u.clone() - log(b.clone())))
        }
        (Some(l), Some(u), Ordering::Greater) => Ok(Mass {
            log: b.clone() * u.clone() - log(b.clone()),
            factor: 1 - exp(-b.clone() * (u.clone() - l.clone())),
        }),
        (Some(l), Some(u), Ordering::Less) => Ok(Mass {
            log: b.clone() * l.clone() - log(-b.clone()),
            factor: 1 - exp(b.clone() * (u.clone() - l.clone())),
        }),
    }
}

/// ∫ t^g dt over (l, u) ⊆ [0, ∞).
fn power(g: &Expr, interval: &Interval) -> Result<Mass, Verdict> {
    let lower = interval.lower.clone().unwrap_or_else(|| Expr::int(0));
    let at_zero = known_zero(&lower);
    let shift = g.clone() + 1;
    let order = sign(&shift, "the exponent of the power")?;
    if at_zero && order != Ordering::Greater {
        return Err(diverges("the power is not integrable at 0"));
    }
    let Some(upper) = &interval.upper else {
        if order != Ordering::Less {
            return Err(diverges("the power is not integrable at infinity"));
        }
        // ∫_l^∞ t^g dt = l^(g+1)/(−(g+1)).
        return Ok(Mass::of_log(shift.clone() * log(lower) - log(-shift)));
    };
    Ok(match order {
        Ordering::Equal => Mass::of_factor(log(upper.clone()) - log(lower)),
        _ if at_zero => Mass::of_log(shift.clone() * log(upper.clone()) - log(shift)),
        _ => Mass::of_factor((upper.clone().pow(shift.clone()) - lower.pow(shift.clone())) / shift),
    })
}

/// ∫ t^g e^(c t) dt over (l, u) ⊆ [0, ∞).
fn gamma(g: &Expr, c: &Expr, interval: &Interval) -> Result<Mass, Verdict> {
    if known_zero(c) {
        return power(g, interval);
    }
    if known_zero(g) {
        return exponential(c, interval);
    }
    let lower = interval.lower.clone().unwrap_or_else(|| Expr::int(0));
    let at_zero = known_zero(&lower);
    let shift = g.clone() + 1;
    if at_zero && sign(&shift, "the exponent of the power")? != Ordering::Greater {
        return Err(diverges("the power is not integrable at 0"));
    }
    if interval.upper.is_some() {
        return Err(no_closed_form("an incomplete gamma function"));
    }
    if sign(c, "the coefficient of the exponential")? != Ordering::Less {
        return Err(diverges("the integrand does not decay at infinity"));
    }
    if at_zero {
        // ∫₀^∞ t^g e^(c t) dt = Γ(g + 1)/(−c)^(g + 1).
        return Ok(Mass::of_log(
            lgamma(shift.clone()) - shift * log(-c.clone()),
        ));
    }
    if known_zero(&shift) {
        // ∫_l^∞ e^(c t)/t dt = E₁(−c l).
        return Ok(Mass::of_factor(expint(-c.clone() * lower)));
    }
    Err(no_closed_form("an incomplete gamma function"))
}

/// ∫ t^g (1 − t)^h dt over (l, u) ⊆ [0, 1].
fn beta(g: &Expr, h: &Expr, interval: &Interval) -> Result<Mass, Verdict> {
    let lower = interval.lower.clone().unwrap_or_else(|| Expr::int(0));
    let upper = interval.upper.clone().unwrap_or_else(|| Expr::int(1));
    let at_zero = known_zero(&lower);
    let at_one = known_zero(&(upper.clone() - 1));
    if at_zero && sign(&(g.clone() + 1), "the exponent of x")? != Ordering::Greater {
        return Err(diverges("the power of x is not integrable at 0"));
    }
    if at_one && sign(&(h.clone() + 1), "the exponent of 1 − x")? != Ordering::Greater {
        return Err(diverges("the power of 1 − x is not integrable at 1"));
    }
    if at_zero && at_one {
        return Ok(Mass::of_log(log_beta(g.clone() + 1, h.clone() + 1)));
    }
    if known_zero(g) {
        // s = 1 − t maps (l, u) onto (1 − u, 1 − l).
        let image = Interval {
            lower: Some(1 - upper),
            upper: Some(1 - lower),
        };
        return power(h, &image);
    }
    if known_zero(h) {
        return power(g, interval);
    }
    Err(no_closed_form("an incomplete beta function"))
}

/// ∫ (1 + ((t − m)/s)²)^power dt over ℝ or a half-line from m, or over any interval when power = −1.
fn cauchy(power: &Expr, center: &Expr, scale: &Expr, interval: &Interval) -> Result<Mass, Verdict> {
    let (lower, upper) = (&interval.lower, &interval.upper);
    let infinite = lower.is_none() || upper.is_none();
    let decay = power.clone() + Expr::ratio(1, 2);
    if infinite && sign(&decay, "the exponent of the Cauchy kernel")? != Ordering::Less {
        return Err(diverges("the integrand decays no faster than 1/|x|"));
    }
    // ∫_ℝ (1 + y²)^(−τ) dy = √π Γ(τ − ½)/Γ(τ), τ = −power.
    let whole = log(scale.clone()) + log(pi()) / 2 + lgamma(-decay) - lgamma(-power.clone());
    let at_center = |end: &Option<Expr>| {
        end.as_ref()
            .is_some_and(|e| known_zero(&(e.clone() - center.clone())))
    };
    if known_zero(&(power.clone() + 1)) {
        // ∫ dt/(1 + ((t − m)/s)²) = s·atan((t − m)/s), the Cauchy distribution function.
        let angle = |end: &Option<Expr>, infinite: Expr| {
            end.as_ref().map_or(infinite, |t| {
                atan((t.clone() - center.clone()) / scale.clone())
            })
        };
        let right = angle(upper, pi() / 2);
        let left = angle(lower, -pi() / 2);
        return Ok(Mass {
            log: log(scale.clone()),
            factor: right - left,
        });
    }
    match (lower, upper) {
        (None, None) => Ok(Mass::of_log(whole)),
        (None, Some(_)) if at_center(upper) => Ok(Mass::of_log(whole - log(Expr::int(2)))),
        (Some(_), None) if at_center(lower) => Ok(Mass::of_log(whole - log(Expr::int(2)))),
        _ => Err(no_closed_form("an incomplete beta function")),
    }
}
