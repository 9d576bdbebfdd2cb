//! Gauss–Legendre rules with certified nodes and weights, cached by degree and precision.
//!
//! Each node is found by Newton's method on the Legendre polynomial Pₙ (three-term recurrence), then
//! certified: Pₙ changes sign across [x̃ − ε, x̃ + ε], evaluated in interval arithmetic. The n/2 disjoint
//! intervals in (0, 1) then hold the n/2 positive roots, one each. The weight 2(1 − x²)/(n² Pₙ₋₁(x)²) is
//! enclosed over the node's interval, so the quadrature sum built from them contains the exact rule's sum.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rug::Float;

use crate::numeric::ball::{Ball, OutOfReach};
use crate::numeric::interval::{down, up, Failure, Interval};

/// The degrees used, about 1.2 apart: each is at most 1.2 times the degree needed.
pub const DEGREES: [usize; 24] = [
    2, 4, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 38, 46, 54, 64, 76, 90, 108, 128, 152, 182, 216,
    256,
];

/// A symmetric rule: the positive nodes and their weights (the negative nodes mirror them).
#[derive(Debug)]
pub struct Rule {
    /// The number of nodes n (even).
    pub degree: usize,
    /// The n/2 positive nodes, certified.
    pub nodes: Vec<Interval>,
    /// Their weights, certified.
    pub weights: Vec<Interval>,
    /// The nodes and weights as double-double balls, made on first use.
    balls: OnceLock<Option<Vec<(Ball, Ball)>>>,
}

impl Rule {
    /// The (node, weight) pairs as balls, for the points of a low-precision quadrature.
    pub fn balls(&self) -> Option<&[(Ball, Ball)]> {
        self.balls
            .get_or_init(|| {
                self.nodes
                    .iter()
                    .zip(&self.weights)
                    .map(|(node, weight)| {
                        Ok((Ball::from_interval(node)?, Ball::from_interval(weight)?))
                    })
                    .collect::<Result<Vec<_>, OutOfReach>>()
                    .ok()
            })
            .as_deref()
    }
}

type Cache = Mutex<HashMap<(usize, u32), Arc<Rule>>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The rule of `degree` nodes at `precision` bits (rounded up to a multiple of 32 so that nearby precisions
/// share an entry).
pub fn rule(degree: usize, precision: u32) -> Result<Arc<Rule>, Failure> {
    let precision = precision.div_ceil(32) * 32;
    let key = (degree, precision);
    if let Ok(map) = cache().lock() {
        if let Some(found) = map.get(&key) {
            return Ok(found.clone());
        }
    }
    let computed = Arc::new(compute(degree, precision)?);
    if let Ok(mut map) = cache().lock() {
        map.insert(key, computed.clone());
    }
    Ok(computed)
}

/// (Pₙ(x), Pₙ₋₁(x)) at a float, rounded to nearest.
fn legendre(n: usize, x: &Float) -> (Float, Float) {
    let precision = x.prec();
    let mut previous = Float::with_val(precision, 1);
    let mut current = x.clone();
    for k in 1..n {
        // (k+1) P_{k+1} = (2k+1) x P_k − k P_{k−1}
        let mut next = Float::with_val(precision, x * &current);
        next *= (2 * k + 1) as u32;
        next -= Float::with_val(precision, &previous * k as u32);
        next /= (k + 1) as u32;
        previous = current;
        current = next;
    }
    (current, previous)
}

/// (Pₙ, Pₙ₋₁) on an interval.
fn legendre_interval(n: usize, x: &Interval) -> Result<(Interval, Interval), Failure> {
    let mut previous = Interval::point(Float::with_val(x.precision(), 1));
    let mut current = x.clone();
    for k in 1..n as u32 {
        let next = x
            .mul(&current)?
            .scale(2 * k + 1, k + 1)?
            .sub(&previous.scale(k, k + 1)?)?;
        previous = current;
        current = next;
    }
    Ok((current, previous))
}

/// Newton's method in f64 from `x`: a start for the steps in MPFR.
fn newton_f64(n: usize, mut x: f64) -> f64 {
    for _ in 0..8 {
        let (mut previous, mut current) = (1.0, x);
        for k in 1..n {
            let k = k as f64;
            let next = ((2.0 * k + 1.0) * x * current - k * previous) / (k + 1.0);
            previous = current;
            current = next;
        }
        let derivative = n as f64 * (previous - x * current) / (1.0 - x * x);
        x -= current / derivative;
    }
    x
}

/// One Newton step x ← x − Pₙ(x)/Pₙ′(x), with Pₙ′ = n(Pₙ₋₁ − x Pₙ)/(1 − x²).
fn newton(n: usize, x: &Float) -> Float {
    let precision = x.prec();
    let (p, previous) = legendre(n, x);
    let one_minus_square = Float::with_val(precision, 1 - Float::with_val(precision, x * x));
    let mut derivative = Float::with_val(precision, &previous - Float::with_val(precision, x * &p));
    derivative *= n as u32;
    derivative /= &one_minus_square;
    Float::with_val(precision, x - Float::with_val(precision, &p / &derivative))
}

fn compute(degree: usize, precision: u32) -> Result<Rule, Failure> {
    let n = degree;
    // Interval arithmetic does not see the cancellation in the three-term recurrence: widths (from rounding
    // and from the node's own width) grow like (1 + √2)ᵏ ≈ 2^{1.28k}. So the guard bits grow with n, and the
    // half-width ε of a node's interval sits between the rounding noise 2^{−(p+32+1.72n)} and the target
    // 2^{−p} amplified: ε = 2^{−(p+16+1.5n)}.
    let working = precision + 32 + 3 * n as u32;
    let epsilon_exponent = precision + 16 + 3 * n as u32 / 2;
    let mut nodes = Vec::with_capacity(n / 2);
    let mut weights = Vec::with_capacity(n / 2);
    let nf = n as f64;
    for k in 1..=n / 2 {
        // Tricomi's approximation of the k-th largest root, then Newton with the precision doubling.
        let theta = std::f64::consts::PI * (k as f64 - 0.25) / (nf + 0.5);
        let guess = theta.cos() * (1.0 - (nf - 1.0) / (8.0 * nf * nf * nf));
        let mut x = Float::with_val(53, newton_f64(n, guess));
        let mut bits = 53;
        while bits < working {
            bits = (bits * 2).min(working);
            x = newton(n, &Float::with_val(bits, &x));
        }
        x = newton(n, &x);
        // Certify: a sign change of Pₙ across x̃ ± ε, with ε far above the Newton error (≈ 2^−working).
        let mut epsilon = Float::with_val(working, 1);
        epsilon >>= epsilon_exponent;
        let below = Interval::point(Float::with_val(working, &x - &epsilon));
        let above = Interval::point(Float::with_val(working, &x + &epsilon));
        let (at_below, previous_below) = legendre_interval(n, &below)?;
        let (at_above, previous_above) = legendre_interval(n, &above)?;
        let certified = (at_below.is_positive() && at_above.is_negative())
            || (at_below.is_negative() && at_above.is_positive());
        if !certified {
            return Err(Failure::Imprecise(format!(
                "could not certify node {k} of the {n}-point Gauss-Legendre rule"
            )));
        }
        let node = below.hull(&above);
        // Pₙ₋₁ over the node's interval from its values at the two ends: by Markov's inequality
        // |P′ₙ₋₁| ≤ n(n − 1)/2 on [−1, 1], so inside the interval it is within that times the half-width of
        // the nearer end's value (a third recurrence, over the whole interval, cost as much as these two).
        let half_width = up(working, &above.upper - &below.lower) >> 1u32;
        let drift = up(working, &half_width * (n * (n - 1) / 2) as u32);
        let previous = previous_below.hull(&previous_above).widen(&drift)?;
        let one = Interval::point(Float::with_val(working, 1));
        let two = Interval::point(Float::with_val(working, 2));
        let square = node.mul(&node)?;
        let n_squared = Interval::point(Float::with_val(working, n * n));
        let weight = two
            .mul(&one.sub(&square)?)?
            .div(&n_squared.mul(&previous.mul(&previous)?)?)?;
        nodes.push(outward(&node, precision)?);
        weights.push(outward(&weight, precision)?);
    }
    Ok(Rule {
        degree,
        nodes,
        weights,
        balls: OnceLock::new(),
    })
}

fn outward(value: &Interval, precision: u32) -> Result<Interval, Failure> {
    Interval::new(down(precision, &value.lower), up(precision, &value.upper))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_integrate_polynomials_exactly_and_weights_sum_to_two() {
        for degree in [2, 8, 22, 64] {
            let rule = rule(degree, 256).unwrap();
            assert_eq!(rule.nodes.len(), degree / 2);
            let mut total = Interval::point(Float::with_val(256, 0));
            let mut fourth = Interval::point(Float::with_val(256, 0));
            for (node, weight) in rule.nodes.iter().zip(&rule.weights) {
                total = total.add(weight).unwrap().add(weight).unwrap();
                let square = node.mul(node).unwrap();
                let power = square.mul(&square).unwrap();
                fourth = fourth.add(&weight.mul(&power).unwrap()).unwrap();
                fourth = fourth.add(&weight.mul(&power).unwrap()).unwrap();
                assert!(node.width() < 1e-75);
            }
            assert!(total.contains(&Float::with_val(256, 2)));
            assert!(total.width() < 1e-70);
            if degree >= 4 {
                // ∫ x⁴ over [−1, 1] = 2/5, exact for n ≥ 3.
                let exact = rug::Rational::from((2, 5));
                assert!(fourth.lower <= exact && fourth.upper >= exact, "{fourth:?}");
            }
        }
    }

    #[test]
    fn the_two_point_rule_has_nodes_at_one_over_root_three() {
        let rule = rule(2, 128).unwrap();
        let expected = Float::with_val(200, 3).sqrt().recip();
        assert!(rule.nodes[0].contains(&expected));
        assert!(rule.weights[0].contains(&Float::with_val(128, 1)));
    }
}
