//! Ratios of two polynomials of the variable with the same leading term, as 1 + (A − B)/B.
//!
//! T(3) and T(3, 1/2, 1) hold −2 log(1 + x²/3) and −2 log(1 + (x − ½)²/3): their difference is
//! 2 log(A/B) with A/B → 1 far out, where p − q is of relative size 1/x. Over an interval of x, A and B each
//! carry their own width, so A/B is known only to about twice the interval's relative width, and the sign of
//! log p − log q could not be told on any piece wide enough to cover the tail (total variation's search for
//! the crossings of p and q gave up). Expanded exactly, A − B = (x − ¼)/3 has a lower degree, and
//! log(1 + (A − B)/B) is known to the interval's own relative width.

use num_traits::Zero;

use crate::exact::Rational;
use crate::sym::Expr;

use super::VARIABLE;

/// The coefficients of a polynomial in the variable, lowest degree first, or `None` for anything else (at
/// most degree 16, so that expansion stays small).
fn coefficients(expr: &Expr) -> Option<Vec<Rational>> {
    const MAX_DEGREE: usize = 16;
    let result = match expr {
        Expr::Number(value) => vec![value.clone()],
        Expr::Symbol(symbol) if symbol.name == VARIABLE => {
            vec![Rational::zero(), crate::exact::integer(1)]
        }
        Expr::Add(terms) => {
            let mut sum = vec![Rational::zero()];
            for term in terms {
                sum = add(&sum, &coefficients(term)?);
            }
            sum
        }
        Expr::Mul(factors) => {
            let mut product = vec![crate::exact::integer(1)];
            for factor in factors {
                product = multiply(&product, &coefficients(factor)?);
                if product.len() > MAX_DEGREE + 1 {
                    return None;
                }
            }
            product
        }
        Expr::Pow(base, exponent) => {
            let Expr::Number(exponent) = exponent.as_ref() else {
                return None;
            };
            let power = usize::try_from(exponent.to_integer())
                .ok()
                .filter(|&n| exponent.is_integer() && n <= MAX_DEGREE)?;
            let base = coefficients(base)?;
            let mut product = vec![crate::exact::integer(1)];
            for _ in 0..power {
                product = multiply(&product, &base);
            }
            product
        }
        _ => return None,
    };
    (result.len() <= MAX_DEGREE + 1).then(|| trimmed(result))
}

fn trimmed(mut coefficients: Vec<Rational>) -> Vec<Rational> {
    while coefficients.len() > 1 && coefficients.last().is_some_and(Zero::is_zero) {
        coefficients.pop();
    }
    coefficients
}

fn add(a: &[Rational], b: &[Rational]) -> Vec<Rational> {
    let mut sum = vec![Rational::zero(); a.len().max(b.len())];
    for (index, value) in a.iter().enumerate() {
        sum[index] += value;
    }
    for (index, value) in b.iter().enumerate() {
        sum[index] += value;
    }
    trimmed(sum)
}

fn multiply(a: &[Rational], b: &[Rational]) -> Vec<Rational> {
    let mut product = vec![Rational::zero(); a.len() + b.len() - 1];
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            product[i + j] += x * y;
        }
    }
    trimmed(product)
}

fn to_expr(coefficients: &[Rational]) -> Expr {
    let x = Expr::symbol(VARIABLE, crate::sym::Domain::Real);
    coefficients
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_zero())
        .fold(Expr::int(0), |sum, (degree, c)| {
            let power = match degree {
                0 => Expr::int(1),
                1 => x.clone(),
                n => x.clone().powi(n as i64),
            };
            sum + Expr::Number(c.clone()) * power
        })
}

/// (A − B)/B as an expression, where A and B are polynomials of the variable of the same degree (at least 1)
/// with the same leading coefficient, so that A − B has a lower degree; `None` otherwise.
pub fn relative_difference(a: &Expr, b: &Expr) -> Option<Expr> {
    let (pa, pb) = (coefficients(a)?, coefficients(b)?);
    if pa.len() < 2 || pa.len() != pb.len() || pa.last() != pb.last() {
        return None;
    }
    let negated: Vec<Rational> = pb.iter().map(|c| -c.clone()).collect();
    let difference = add(&pa, &negated);
    Some(to_expr(&difference) / b.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sym::Domain;

    fn x() -> Expr {
        Expr::symbol(VARIABLE, Domain::Real)
    }

    #[test]
    fn shifted_quadratics_differ_by_a_line() {
        // 1 + x²/3 against 1 + (x − ½)²/3: (x − ¼)/3 over the second.
        let a = Expr::int(1) + x().powi(2) * Expr::ratio(1, 3);
        let shifted = x() + Expr::ratio(-1, 2);
        let b = Expr::int(1) + shifted.powi(2) * Expr::ratio(1, 3);
        assert_eq!(
            coefficients(&b),
            Some(vec![
                Rational::new(13.into(), 12.into()),
                Rational::new((-1).into(), 3.into()),
                Rational::new(1.into(), 3.into()),
            ])
        );
        let ratio = relative_difference(&a, &b).expect("same leading term");
        assert!(format!("{ratio}").contains("x"), "{ratio}");
    }

    #[test]
    fn different_leading_terms_are_refused() {
        let a = Expr::int(1) + x().powi(2);
        let b = Expr::int(1) + (x() * Expr::ratio(1, 2)).powi(2);
        assert!(relative_difference(&a, &b).is_none());
        assert!(relative_difference(&Expr::int(2), &Expr::int(3)).is_none());
    }
}
