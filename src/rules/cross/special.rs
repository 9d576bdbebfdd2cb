//! Special functions of T3 that the expression language lacks (incomplete gamma and beta, Bessel K, ₁F₁),
//! written out as finite sums of elementary functions for the parameters where such sums exist: integer and
//! half-integer shapes. Elsewhere they return `None` and the expectation stays without a closed form.

use num_bigint::BigInt;
use num_traits::{One, ToPrimitive};

use crate::exact::Rational;
use crate::sym::{erf, exp, pi, sqrt, sum, Expr};

/// Largest number of terms of an expansion; bigger shapes are left to the numeric fallback.
const MAX_TERMS: u64 = 64;

/// A rational shape that is a positive integer n or a half-integer n + ½.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HalfInteger {
    /// n ≥ 1.
    Integer(u64),
    /// n + ½ with n ≥ 0.
    Half(u64),
}

/// Reads `a` as a positive integer or half-integer no larger than the expansion limit.
pub fn half_integer(a: &Expr) -> Option<HalfInteger> {
    let value = a.as_rational()?;
    let twice = value * Rational::from_integer(BigInt::from(2));
    if !twice.is_integer() {
        return None;
    }
    let twice = twice.to_integer().to_u64()?;
    if twice == 0 || twice / 2 > MAX_TERMS {
        return None;
    }
    Some(if twice % 2 == 0 {
        HalfInteger::Integer(twice / 2)
    } else {
        HalfInteger::Half(twice / 2)
    })
}

/// A positive integer no larger than the expansion limit.
pub fn small_integer(a: &Expr) -> Option<u64> {
    match half_integer(a)? {
        HalfInteger::Integer(n) => Some(n),
        HalfInteger::Half(_) => None,
    }
}

/// n! as an exact rational.
pub fn factorial(n: u64) -> Expr {
    let value: BigInt = (1..=n).map(BigInt::from).product();
    Expr::number(Rational::from_integer(value))
}

/// C(n, k) as an exact rational.
pub fn choose(n: u64, k: u64) -> Expr {
    let k = k.min(n - k);
    let mut value = BigInt::one();
    for i in 0..k {
        value = value * BigInt::from(n - i) / BigInt::from(i + 1);
    }
    Expr::number(Rational::from_integer(value))
}

/// Γ(n + ½) = √π (2n)! / (4ⁿ n!).
fn gamma_of_half(n: u64) -> Expr {
    let numerator: BigInt = (1..=2 * n).map(BigInt::from).product();
    let denominator: BigInt =
        BigInt::from(4).pow(n as u32) * (1..=n).map(BigInt::from).product::<BigInt>();
    Expr::number(Rational::new(numerator, denominator)) * sqrt(pi())
}

/// The regularized lower incomplete gamma P(a, x) for a positive integer or half-integer a:
/// P(n, x) = 1 − e^{−x} Σ_{k<n} x^k/k! and P(n + ½, x) = erf(√x) − e^{−x} Σ_{j<n} x^{j+½}/Γ(j + 3/2).
pub fn lower_gamma(a: &Expr, x: Expr) -> Option<Expr> {
    Some(match half_integer(a)? {
        HalfInteger::Integer(n) => {
            1 - exp(-x.clone()) * sum((0..n).map(|k| x.clone().powi(k as i64) / factorial(k)))
        }
        HalfInteger::Half(n) => {
            erf(sqrt(x.clone()))
                - exp(-x.clone())
                    * sum((0..n).map(|j| {
                        x.clone().pow(Expr::ratio(2 * j as i64 + 1, 2)) / gamma_of_half(j + 1)
                    }))
        }
    })
}

/// The regularized upper incomplete gamma Q(a, x) = 1 − P(a, x).
pub fn upper_gamma(a: &Expr, x: Expr) -> Option<Expr> {
    lower_gamma(a, x).map(|p| 1 - p)
}

/// The regularized incomplete beta I_x(a, b) for positive integers a, b:
/// Σ_{j=a}^{a+b−1} C(a+b−1, j) x^j (1 − x)^{a+b−1−j}.
pub fn incomplete_beta(a: &Expr, b: &Expr, x: Expr) -> Option<Expr> {
    let (a, b) = (small_integer(a)?, small_integer(b)?);
    let n = a + b - 1;
    if n > MAX_TERMS {
        return None;
    }
    Some(sum((a..=n).map(|j| {
        choose(n, j) * x.clone().powi(j as i64) * (1 - x.clone()).powi((n - j) as i64)
    })))
}

/// The modified Bessel function K_{n+½}(z) = √(π/(2z)) e^{−z} Σ_{k=0}^{n} (n+k)!/(k!(n−k)!) (2z)^{−k}, for a
/// half-integer order.
pub fn bessel_k_half(order: &Expr, z: Expr) -> Option<Expr> {
    let HalfInteger::Half(n) = half_integer(order)? else {
        return None;
    };
    let series = sum((0..=n).map(|k| {
        factorial(n + k) / (factorial(k) * factorial(n - k)) / (2 * z.clone()).powi(k as i64)
    }));
    Some(sqrt(pi() / (2 * z.clone())) * exp(-z) * series)
}

/// ∫₀¹ t^k e^{−ct} dt = k! P(k + 1, c) / c^{k+1}.
fn truncated_exponential_moment(k: u64, c: &Expr) -> Expr {
    let shape = Expr::int(k as i64 + 1);
    let lower = lower_gamma(&shape, c.clone()).unwrap_or_else(|| unreachable!("k + 1 ≤ MAX_TERMS"));
    factorial(k) * lower / c.clone().powi(k as i64 + 1)
}

/// E e^{−cX} for X ~ Beta(a, b) with positive integers a, b (= ₁F₁(a; a + b; −c)):
/// (1/B(a, b)) Σ_{i<b} C(b−1, i) (−1)^i ∫₀¹ t^{a−1+i} e^{−ct} dt.
pub fn beta_exponential_moment(a: &Expr, b: &Expr, c: &Expr) -> Option<Expr> {
    let (a, b) = (small_integer(a)?, small_integer(b)?);
    if a + b > MAX_TERMS {
        return None;
    }
    // 1/B(a, b) = (a + b − 1)! / ((a − 1)! (b − 1)!).
    let normaliser = factorial(a + b - 1) / (factorial(a - 1) * factorial(b - 1));
    let terms = (0..b).map(|i| {
        let sign = if i % 2 == 0 { 1 } else { -1 };
        sign * choose(b - 1, i) * truncated_exponential_moment(a - 1 + i, c)
    });
    Some(normaliser * sum(terms))
}

/// The standard normal distribution function Φ(z) = (1 + erf(z/√2))/2.
pub fn normal_cdf(z: Expr) -> Expr {
    (1 + erf(z / sqrt(Expr::int(2)))) / 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::cross::testing::value;
    use statrs::function::beta::beta_reg;
    use statrs::function::gamma::gamma_lr;

    #[test]
    fn lower_gamma_matches_statrs_for_integer_and_half_integer_shapes() {
        for (a, x) in [(1.0, 0.7), (3.0, 2.5), (0.5, 0.3), (2.5, 4.0), (7.5, 6.0)] {
            let shape = Expr::number(Rational::from_float(a).unwrap());
            let ours = value(
                &lower_gamma(&shape, Expr::number(Rational::from_float(x).unwrap())).unwrap(),
            );
            assert!(
                (ours - gamma_lr(a, x)).abs() < 1e-13,
                "P({a}, {x}) = {ours}"
            );
        }
        assert_eq!(lower_gamma(&Expr::ratio(1, 3), Expr::int(1)), None);
    }

    #[test]
    fn incomplete_beta_matches_statrs() {
        for (a, b, x) in [(1, 1, 0.3), (2, 3, 0.4), (5, 2, 0.9)] {
            let ours = value(
                &incomplete_beta(
                    &Expr::int(a),
                    &Expr::int(b),
                    Expr::number(Rational::from_float(x).unwrap()),
                )
                .unwrap(),
            );
            assert!((ours - beta_reg(a as f64, b as f64, x)).abs() < 1e-13);
        }
    }

    #[test]
    fn bessel_k_of_half_orders_matches_known_values() {
        // K_{1/2}(1) = √(π/2) e^{−1}; K_{3/2}(2) = √(π/4) e^{−2} (1 + 1/2).
        let half = value(&bessel_k_half(&Expr::ratio(1, 2), Expr::int(1)).unwrap());
        assert!((half - (std::f64::consts::PI / 2.0).sqrt() * (-1f64).exp()).abs() < 1e-15);
        let three_halves = value(&bessel_k_half(&Expr::ratio(3, 2), Expr::int(2)).unwrap());
        assert!(
            (three_halves - (std::f64::consts::PI / 4.0).sqrt() * (-2f64).exp() * 1.5).abs()
                < 1e-15
        );
        assert_eq!(bessel_k_half(&Expr::int(1), Expr::int(1)), None);
    }

    #[test]
    fn beta_exponential_moment_matches_the_uniform_case() {
        // Beta(1, 1) is U(0, 1): E e^{−2X} = (1 − e^{−2})/2.
        let ours =
            value(&beta_exponential_moment(&Expr::int(1), &Expr::int(1), &Expr::int(2)).unwrap());
        assert!((ours - (1.0 - (-2f64).exp()) / 2.0).abs() < 1e-15);
    }
}
