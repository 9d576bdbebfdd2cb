//! Closed forms for the binomial distribution Bin(n, p) (trials n, success probability p ∈ [0, 1]).
//!
//! With equal n, Bin(n, p) is the n-fold product of Bern(p), so KL and every Rényi divergence are n times the
//! Bernoulli ones. Unequal n has no closed form (a finite sum or +∞ by support, handled elsewhere).

use std::cmp::Ordering;

use num_bigint::BigInt;

use crate::divergence::DivergenceKind;
use crate::exact::Rational;
use crate::family::FamilyKind;
use crate::sym::{log, sum, Expr};

use super::common::{compare, identical, is_zero, log_of, order_of, undecided};
use super::{bernoulli, finite, Query, Rule, RuleResult, Verdict};

/// The largest number of trials for which the entropy is written out as a finite sum.
pub const MAX_ENTROPY_TRIALS: u64 = 1000;

/// The rules of this file.
pub static RULES: &[Rule] = &[
    Rule {
        divergence: DivergenceKind::KullbackLeibler,
        p: FamilyKind::Binomial,
        q: Some(FamilyKind::Binomial),
        formula: kl,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), eq. (2.26), additive \
                    over n independent Bernoulli trials (chain rule, Theorem 2.5.3)",
    },
    Rule {
        divergence: DivergenceKind::Renyi,
        p: FamilyKind::Binomial,
        q: Some(FamilyKind::Binomial),
        formula: renyi,
        reference: "van Erven & Harremoës, IEEE Trans. IT 60(7) (2014), §III (additivity for product \
                    distributions), over n Bernoulli trials",
    },
    Rule {
        divergence: DivergenceKind::Entropy,
        p: FamilyKind::Binomial,
        q: None,
        formula: entropy,
        reference: "Cover & Thomas, Elements of Information Theory, 2nd ed. (2006), eq. (2.1), summed over \
                    k = 0…n",
    },
];

/// The common number of trials, or the verdict for unequal (or undecided) ones.
fn common_trials(query: &Query<'_>) -> Result<Expr, Verdict> {
    let (n1, n2) = (query.p.scalar(0), query.q().scalar(0));
    match compare(n1, n2) {
        Some(Ordering::Equal) => Ok(n1.clone()),
        Some(_) => Err(Verdict::NotApplicable(
            "binomials with different numbers of trials have no closed form here".into(),
        )),
        None => Err(undecided("the numbers of trials are equal")),
    }
}

/// n times a Bernoulli result: 0 for n = 0, and +∞ stays +∞ for n ≥ 1.
fn times_trials(trials: Expr, result: RuleResult) -> RuleResult {
    if is_zero(&trials) == Some(true) {
        return Ok(Expr::int(0));
    }
    match result {
        Ok(value) => Ok(trials * value),
        Err(Verdict::Infinite(reason)) if is_zero(&trials) == Some(false) => {
            Err(Verdict::Infinite(reason))
        }
        Err(Verdict::Infinite(_)) => Err(undecided("the number of trials is positive")),
        Err(other) => Err(other),
    }
}

/// KL(Bin(n, p₁) ‖ Bin(n, p₂)).
///
/// # Formula
///
/// ```text
/// KL = n [p₁ log(p₁/p₂) + (1 − p₁) log((1 − p₁)/(1 − p₂))]     (equal n; 0 log 0 = 0)
/// ```
fn kl(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let trials = common_trials(query)?;
    times_trials(trials, finite::kl(&bernoulli::atoms(query.p, query.q(), 1)))
}

/// The Rényi divergence of order α between binomials with equal n, including the orders 0 and ∞.
///
/// # Formula
///
/// ```text
/// D_α = n log(p₁^α p₂^(1−α) + (1 − p₁)^α (1 − p₂)^(1−α)) / (α − 1)
/// D_∞ = n log max(p₁/p₂, (1 − p₁)/(1 − p₂)),   D_0 = −n log Q₁(supp P₁) (per-trial Bernoulli)
/// ```
fn renyi(query: &Query<'_>) -> RuleResult {
    if identical(query) {
        return Ok(Expr::int(0));
    }
    let trials = common_trials(query)?;
    let order = order_of(query)?;
    times_trials(
        trials,
        finite::renyi(&bernoulli::atoms(query.p, query.q(), 1), &order),
    )
}

/// The entropy of Bin(n, p) as a finite sum, for a given n up to [`MAX_ENTROPY_TRIALS`].
///
/// # Formula
///
/// ```text
/// H = −n [p log p + (1 − p) log(1 − p)] − Σₖ C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ log C(n, k)
/// ```
/// (the terms k and n − k share log C(n, k) and are added first).
fn entropy(query: &Query<'_>) -> RuleResult {
    let (n, p) = (query.p.scalar(0), query.p.scalar(1));
    let trials = match n.as_rational().filter(|value| value.is_integer()).and_then(|value| {
        u64::try_from(value.numer()).ok()
    }) {
        Some(trials) if trials <= MAX_ENTROPY_TRIALS => trials,
        Some(_) => {
            return Err(Verdict::NotApplicable(format!(
                "the binomial entropy is written as a finite sum only up to {MAX_ENTROPY_TRIALS} trials"
            )))
        }
        None => {
            return Err(Verdict::NotApplicable(
                "the binomial entropy is a finite sum only for a given number of trials".into(),
            ))
        }
    };
    let trial_entropy = finite::entropy(&[p.clone(), 1 - p.clone()]);
    let mut coefficient = BigInt::from(1);
    let mut terms = Vec::new();
    for k in 1..=trials / 2 {
        coefficient = coefficient * BigInt::from(trials - k + 1) / BigInt::from(k);
        let choose = Expr::number(Rational::from_integer(coefficient.clone()));
        let mass = |successes: u64| {
            choose.clone()
                * p.clone().powi(successes as i64)
                * (1 - p.clone()).powi((trials - successes) as i64)
        };
        let weight = if 2 * k == trials {
            mass(k)
        } else {
            mass(k) + mass(trials - k)
        };
        if is_zero(&weight) != Some(true) {
            terms.push(weight * log_coefficient(choose));
        }
    }
    Ok(Expr::int(trials as i64) * trial_entropy - sum(terms))
}

fn log_coefficient(choose: Expr) -> Expr {
    if choose.is_one() {
        Expr::int(0)
    } else if choose.as_rational().is_some() {
        log_of(choose)
    } else {
        log(choose)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{
        apply, assert_close, binomial, check_identities, r, renyi_value, value,
    };
    use crate::divergence::DivergenceKind;
    use crate::rules::Verdict;
    use crate::sym::Expr;
    use statrs::distribution::{Binomial, Discrete};

    fn direct_renyi(alpha: f64, n: u64, p1: f64, p2: f64) -> f64 {
        let (first, second) = (Binomial::new(p1, n).unwrap(), Binomial::new(p2, n).unwrap());
        let total: f64 = (0..=n)
            .map(|k| first.pmf(k).powf(alpha) * second.pmf(k).powf(1.0 - alpha))
            .sum();
        total.ln() / (alpha - 1.0)
    }

    #[test]
    fn kl_matches_the_reference_value() {
        let kl = value(
            DivergenceKind::KullbackLeibler,
            &binomial(5, r(1, 3)),
            Some(&binomial(5, r(1, 2))),
            None,
        );
        assert_close(kl, 0.283_165_061_325_662_45);
    }

    #[test]
    fn renyi_agrees_with_the_direct_sum() {
        for (alpha, order) in [(0.3, r(3, 10)), (2.5, r(5, 2))] {
            let exact = renyi_value(order, &binomial(7, r(1, 5)), &binomial(7, r(3, 5)));
            assert!((exact - direct_renyi(alpha, 7, 0.2, 0.6)).abs() < 1e-12);
        }
        assert_close(
            renyi_value(Expr::Infinity, &binomial(4, r(1, 5)), &binomial(4, r(3, 5))),
            4.0 * 2f64.ln(),
        );
    }

    #[test]
    fn unequal_trials_are_not_applicable_and_zero_trials_give_zero() {
        let result = apply(
            DivergenceKind::KullbackLeibler,
            &binomial(3, r(1, 2)),
            Some(&binomial(4, r(1, 2))),
            None,
        );
        assert!(matches!(result, Err(Verdict::NotApplicable(_))));
        let result = apply(
            DivergenceKind::KullbackLeibler,
            &binomial(0, r(1, 2)),
            Some(&binomial(0, 1)),
            None,
        );
        assert!(result.unwrap().is_zero());
        let result = apply(
            DivergenceKind::KullbackLeibler,
            &binomial(2, r(1, 2)),
            Some(&binomial(2, 1)),
            None,
        );
        assert!(matches!(result, Err(Verdict::Infinite(_))));
    }

    #[test]
    fn entropy_matches_the_reference_value_and_the_direct_sum() {
        assert_close(
            value(DivergenceKind::Entropy, &binomial(10, r(3, 10)), None, None),
            1.779_078_784_090_063,
        );
        let distribution = Binomial::new(0.75, 9).unwrap();
        let direct: f64 = (0..=9)
            .map(|k| -distribution.pmf(k) * distribution.pmf(k).ln())
            .sum();
        assert_close(
            value(DivergenceKind::Entropy, &binomial(9, r(3, 4)), None, None),
            direct,
        );
        assert!(apply(DivergenceKind::Entropy, &binomial(6, 0), None, None)
            .unwrap()
            .is_zero());
    }

    #[test]
    fn identities_hold() {
        check_identities(&binomial(5, r(1, 3)), &binomial(5, r(1, 2)));
        check_identities(&binomial(3, r(9, 10)), &binomial(3, r(1, 10)));
    }
}
