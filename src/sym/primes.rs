//! Small primes, bounded trial-division factorisation and Legendre's formula, for splitting logarithms and
//! radicals of rationals into their prime parts.
//!
//! Factoring is bounded so that hostile input stays fast: primes below [`TRIAL_BOUND`] are tried only while
//! the cofactor has at most [`FULL_TRIAL_DIGITS`] digits; bigger cofactors are tried against primes below
//! [`SMALL_TRIAL_BOUND`] only. The outcome is stable: factoring a leftover cofactor again finds nothing new.

use std::sync::OnceLock;

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

/// Primes below this bound are tried as factors of a cofactor of at most [`FULL_TRIAL_DIGITS`] digits.
pub const TRIAL_BOUND: u32 = 1_000_000;

/// Primes below this bound are the only ones tried on a cofactor of more than [`FULL_TRIAL_DIGITS`] digits.
pub const SMALL_TRIAL_BOUND: u32 = 1_000;

/// Largest cofactor (in decimal digits) that gets the full trial division and the perfect-power test.
pub const FULL_TRIAL_DIGITS: u64 = 400;

/// Every prime below [`TRIAL_BOUND`], computed once.
pub fn small_primes() -> &'static [u32] {
    static PRIMES: OnceLock<Vec<u32>> = OnceLock::new();
    PRIMES.get_or_init(|| {
        let limit = TRIAL_BOUND as usize;
        let mut composite = vec![false; limit];
        let mut primes = Vec::new();
        for n in 2..limit {
            if !composite[n] {
                primes.push(n as u32);
                let mut multiple = n * n;
                while multiple < limit {
                    composite[multiple] = true;
                    multiple += n;
                }
            }
        }
        primes
    })
}

/// A partial factorisation `n = ∏ pᵢ^eᵢ · ∏ cⱼ^fⱼ`: the primes found by trial division, and the cofactors
/// without small prime factors (at most one, possibly written as a perfect power).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Factorization {
    /// Primes with their exponents, in increasing order.
    pub primes: Vec<(u32, u64)>,
    /// Leftover factors > 1 without a prime factor that was tried, with their exponents.
    pub cofactors: Vec<(BigUint, u64)>,
}

fn decimal_digits(n: &BigUint) -> u64 {
    n.bits() * 30103 / 100000 + 1
}

/// Factors a positive integer by bounded trial division. `0` and `1` give an empty factorisation.
pub fn factor(n: &BigUint) -> Factorization {
    let mut result = Factorization::default();
    if n.is_zero() || n.is_one() {
        return result;
    }
    let mut rest = n.clone();
    // Below 2^64 the cheap machine-word path finishes the job.
    for &prime in small_primes() {
        if let Some(small) = rest.to_u64() {
            let leftover = factor_word(small, prime, &mut result.primes);
            if leftover > 1 {
                push_cofactor(&mut result, BigUint::from(leftover));
            }
            return result;
        }
        if prime > SMALL_TRIAL_BOUND && decimal_digits(&rest) > FULL_TRIAL_DIGITS {
            break;
        }
        if (&rest % prime).is_zero() {
            let exponent = remove_factor(&mut rest, prime);
            result.primes.push((prime, exponent));
        }
        let square = u64::from(prime) * u64::from(prime);
        if BigUint::from(square) > rest {
            if !rest.is_one() {
                // Everything below √rest was tried, so rest is prime.
                push_prime_or_cofactor(&mut result, rest);
            }
            return result;
        }
    }
    if !rest.is_one() {
        push_cofactor(&mut result, rest);
    }
    result
}

/// Divides every factor `prime` out of `n` and returns how many there were. Divides by p, p², p⁴, … first,
/// so a huge power of a small prime takes a logarithmic number of divisions.
fn remove_factor(n: &mut BigUint, prime: u32) -> u64 {
    if prime == 2 {
        let zeros = n.trailing_zeros().unwrap_or(0);
        *n >>= zeros;
        return zeros;
    }
    let mut powers = vec![BigUint::from(prime)];
    while let Some(last) = powers.last() {
        if last.bits() * 2 > n.bits() + 1 {
            break;
        }
        let square = last * last;
        powers.push(square);
    }
    let mut exponent = 0u64;
    for (level, power) in powers.iter().enumerate().rev() {
        loop {
            let (quotient, remainder) = n.div_rem(power);
            if !remainder.is_zero() {
                break;
            }
            *n = quotient;
            exponent += 1 << level;
        }
    }
    exponent
}

/// Trial division of a machine word, starting at `first` (every smaller prime is known not to divide it).
/// Returns the leftover cofactor (1 when fully factored).
fn factor_word(mut n: u64, first: u32, primes: &mut Vec<(u32, u64)>) -> u64 {
    let all = small_primes();
    let start = all.partition_point(|&p| p < first);
    for &prime in &all[start..] {
        let p = u64::from(prime);
        if p.saturating_mul(p) > n {
            break;
        }
        if n.is_multiple_of(p) {
            let mut exponent = 0;
            while n.is_multiple_of(p) {
                n /= p;
                exponent += 1;
            }
            primes.push((prime, exponent));
        }
    }
    if n > 1 && n < u64::from(TRIAL_BOUND) {
        // n has no factor ≤ √n, so it is a prime below the bound.
        primes.push((n as u32, 1));
        primes.sort_unstable();
        return 1;
    }
    // Either a prime above the bound or a product of such primes: a cofactor either way.
    n
}

fn push_prime_or_cofactor(result: &mut Factorization, rest: BigUint) {
    match rest.to_u32() {
        Some(small) if small < TRIAL_BOUND => {
            result.primes.push((small, 1));
            result.primes.sort_unstable();
        }
        _ => result.cofactors.push((rest, 1)),
    }
}

/// Records a cofactor, written as a perfect power `root^k` with the largest k when it is small enough to test.
fn push_cofactor(result: &mut Factorization, cofactor: BigUint) {
    let mut root = cofactor;
    let mut exponent = 1u64;
    if decimal_digits(&root) <= FULL_TRIAL_DIGITS {
        // The root has no factor below TRIAL_BOUND (2^20), so root^k has at least 20·k bits.
        'search: loop {
            let bits = root.bits();
            let mut k = 2u64;
            while k * 20 <= bits {
                let candidate = root.nth_root(k as u32);
                if num_traits::pow::Pow::pow(&candidate, k as u32) == root {
                    root = candidate;
                    exponent *= k;
                    continue 'search;
                }
                k += 1;
            }
            break;
        }
    }
    result.cofactors.push((root, exponent));
}

/// Exponent of the prime `p` in `m!` (Legendre's formula).
pub fn factorial_exponent(m: u64, p: u64) -> u64 {
    let mut total = 0;
    let mut power = p;
    while power <= m {
        total += m / power;
        match power.checked_mul(p) {
            Some(next) => power = next,
            None => break,
        }
    }
    total
}

/// The primes up to `m` (`m` below [`TRIAL_BOUND`]).
pub fn primes_up_to(m: u64) -> &'static [u32] {
    let all = small_primes();
    let end = all.partition_point(|&p| u64::from(p) <= m);
    &all[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(n: u128) -> BigUint {
        BigUint::from(n)
    }

    #[test]
    fn sieve_counts_primes_below_a_million() {
        assert_eq!(small_primes().len(), 78_498);
        assert_eq!(&small_primes()[..5], &[2, 3, 5, 7, 11]);
    }

    #[test]
    fn factors_small_numbers_completely() {
        assert_eq!(factor(&big(12)).primes, vec![(2, 2), (3, 1)]);
        assert_eq!(factor(&big(999_983)).primes, vec![(999_983, 1)]);
        assert!(factor(&big(1)).primes.is_empty());
    }

    #[test]
    fn a_prime_above_the_bound_is_a_cofactor() {
        // 1_000_003 is prime.
        let found = factor(&big(2 * 1_000_003));
        assert_eq!(found.primes, vec![(2, 1)]);
        assert_eq!(found.cofactors, vec![(big(1_000_003), 1)]);
    }

    #[test]
    fn a_big_cofactor_is_written_as_a_perfect_power() {
        let p = 1_000_003u128;
        let q = 1_000_033u128;
        let n = BigUint::from(p * q).pow(3) * 5u32;
        let found = factor(&n);
        assert_eq!(found.primes, vec![(5, 1)]);
        assert_eq!(found.cofactors, vec![(big(p * q), 3)]);
    }

    #[test]
    fn factoring_a_leftover_cofactor_again_finds_nothing_new() {
        let n = BigUint::from(7u32) * BigUint::from(1_000_003u32) * BigUint::from(1_000_033u32);
        let found = factor(&n);
        let (cofactor, _) = &found.cofactors[0];
        let again = factor(cofactor);
        assert!(again.primes.is_empty());
        assert_eq!(again.cofactors, vec![(cofactor.clone(), 1)]);
    }

    #[test]
    fn huge_numbers_get_only_small_primes() {
        let n = BigUint::from(10u32).pow(1000u32) + 1u32;
        let found = factor(&n);
        assert!(found.primes.iter().all(|&(p, _)| p < SMALL_TRIAL_BOUND));
        let product: BigUint = found
            .primes
            .iter()
            .map(|&(p, e)| BigUint::from(p).pow(e as u32))
            .product::<BigUint>()
            * found
                .cofactors
                .iter()
                .map(|(c, e)| c.pow(*e as u32))
                .product::<BigUint>();
        assert_eq!(product, n);
    }

    #[test]
    fn huge_powers_of_small_primes() {
        let n = BigUint::from(3u32).pow(60_000u32) * 7u32 * BigUint::from(2u32).pow(5000u32);
        assert_eq!(factor(&n).primes, vec![(2, 5000), (3, 60_000), (7, 1)]);
    }

    #[test]
    fn legendre_exponents_of_ten_factorial() {
        // 10! = 2^8 · 3^4 · 5^2 · 7
        assert_eq!(factorial_exponent(10, 2), 8);
        assert_eq!(factorial_exponent(10, 3), 4);
        assert_eq!(factorial_exponent(10, 5), 2);
        assert_eq!(factorial_exponent(10, 7), 1);
        assert_eq!(primes_up_to(10), &[2, 3, 5, 7]);
    }
}
