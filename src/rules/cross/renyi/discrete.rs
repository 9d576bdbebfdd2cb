//! Sums over the integers: the geometric, Poisson, negative binomial and binomial kernels
//!
//! ```text
//! Σ_{x=l}^{u} e^(b x),   Σ_{x≥0} e^(b x)/x! = exp(e^b),   Σ_{x≥0} Γ(x + r)/x! e^(b x) = Γ(r)(1 − e^b)^(−r),
//! Σ_{x=0}^{n} C(n, x) e^(b x) = (1 + e^b)^n
//! ```
//!
//! and the supremum of a linear exponent (α = ∞).

use std::cmp::Ordering;

use crate::rules::Verdict;
use crate::sym::{exp, lgamma, log, Expr};

use super::exponent::{known_equal, known_zero, Exponent, Feature};
use super::integral::sign;

fn diverges(reason: &str) -> Verdict {
    Verdict::Infinite(format!("the Rényi sum Σ p^α q^(1−α) diverges: {reason}"))
}

fn not_recognised() -> Verdict {
    Verdict::NotApplicable("no known kernel for this sum".into())
}

/// The coefficients (b of x, t of log x!, (r, s) of log Γ(x + r), (n, k) of log C(n, x)), or `None` for
/// another feature.
struct Coefficients {
    linear: Expr,
    factorial: Expr,
    rising: Option<(Expr, Expr)>,
    choose: Option<(Expr, Expr)>,
}

fn coefficients(exponent: &Exponent) -> Option<Coefficients> {
    let mut found = Coefficients {
        linear: Expr::int(0),
        factorial: Expr::int(0),
        rising: None,
        choose: None,
    };
    for term in &exponent.terms {
        let coefficient = term.coefficient.clone();
        match &term.feature {
            Feature::Identity => found.linear = coefficient,
            Feature::LogFactorial => found.factorial = coefficient,
            Feature::LogRising(r) => found.rising = Some((r.clone(), coefficient)),
            Feature::LogChoose(n) => found.choose = Some((n.clone(), coefficient)),
            _ => return None,
        }
    }
    Some(found)
}

/// log Σ_{x=l}^{u} exp(exponent(x)).
pub fn log_sum(exponent: &Exponent, lower: &Expr, upper: Option<&Expr>) -> Result<Expr, Verdict> {
    let found = coefficients(exponent).ok_or_else(not_recognised)?;
    let b = found.linear;
    let from_zero = known_zero(lower);
    let constant = exponent.constant.clone();
    match (found.rising, found.choose) {
        (None, None) if known_zero(&found.factorial) => Ok(constant + geometric(&b, lower, upper)?),
        (None, None) => {
            if upper.is_none()
                && sign(&found.factorial, "the coefficient of log x!")? == Ordering::Greater
            {
                return Err(diverges("the terms grow like a power of x!"));
            }
            if from_zero && upper.is_none() && known_equal(&found.factorial, &Expr::int(-1)) {
                // Σ e^(b x)/x! = exp(e^b).
                return Ok(constant + exp(b));
            }
            Err(not_recognised())
        }
        (Some((r, s)), None) => {
            let growth = s.clone() + found.factorial.clone();
            if upper.is_none() && sign(&growth, "the growth of the terms")? == Ordering::Greater {
                return Err(diverges("the terms grow like a power of x!"));
            }
            let negative_binomial =
                known_equal(&s, &Expr::int(1)) && known_equal(&found.factorial, &Expr::int(-1));
            if !(from_zero && upper.is_none() && negative_binomial) {
                return Err(not_recognised());
            }
            if sign(&b, "the coefficient of x")? != Ordering::Less {
                return Err(diverges("the terms do not decay geometrically"));
            }
            // Σ Γ(x + r)/x! z^x = Γ(r)(1 − z)^(−r), z = e^b < 1.
            Ok(constant + lgamma(r.clone()) - r * log(1 - exp(b)))
        }
        (None, Some((n, k))) => {
            let whole = from_zero && upper.is_some_and(|u| known_equal(u, &n));
            if !(whole && known_equal(&k, &Expr::int(1)) && known_zero(&found.factorial)) {
                return Err(not_recognised());
            }
            // Σ C(n, x) e^(b x) = (1 + e^b)^n.
            Ok(constant + n * log(1 + exp(b)))
        }
        (Some(_), Some(_)) => Err(not_recognised()),
    }
}

/// log Σ_{x=l}^{u} e^(b x).
fn geometric(b: &Expr, lower: &Expr, upper: Option<&Expr>) -> Result<Expr, Verdict> {
    let slope = sign(b, "the coefficient of x")?;
    match (upper, slope) {
        (None, Ordering::Less) => Ok(b.clone() * lower.clone() - log(1 - exp(b.clone()))),
        (None, _) => Err(diverges("the terms do not decay geometrically")),
        (Some(u), Ordering::Equal) => Ok(log(u.clone() - lower.clone() + 1)),
        (Some(u), _) => {
            let ratio = exp(b.clone());
            let end = u.clone() + 1;
            Ok(log(
                (exp(b.clone() * lower.clone()) - exp(b.clone() * end)) / (1 - ratio)
            ))
        }
    }
}

/// sup over {l, …, u} of the exponent, when it is linear in x (or grows without bound).
pub fn supremum(exponent: &Exponent, lower: &Expr, upper: Option<&Expr>) -> Result<Expr, Verdict> {
    let found = coefficients(exponent).ok_or_else(not_recognised)?;
    let unbounded = || Verdict::Infinite("p/q is unbounded on the support of P".into());
    let b = found.linear;
    if found.rising.is_some() || found.choose.is_some() {
        return Err(not_recognised());
    }
    if !known_zero(&found.factorial) {
        if upper.is_none()
            && sign(&found.factorial, "the coefficient of log x!")? == Ordering::Greater
        {
            return Err(unbounded());
        }
        return Err(not_recognised());
    }
    let value = |x: &Expr| exponent.constant.clone() + b.clone() * x.clone();
    match (sign(&b, "the coefficient of x")?, upper) {
        (Ordering::Greater, None) => Err(unbounded()),
        (Ordering::Greater, Some(u)) => Ok(value(u)),
        _ => Ok(value(lower)),
    }
}

/// Whether an exponent's sum can be one of the kernels here, ignoring parameter values.
pub fn recognisable(exponent: &Exponent) -> bool {
    coefficients(exponent).is_some()
}
