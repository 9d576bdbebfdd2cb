//! Families that are special cases of others (contract families, exactly): Exp(λ) = Gamma(1, λ) =
//! Weibull(1, 1/λ), Chi2(k) = Gamma(k/2, 1/2), Bern(p) = Bin(1, p), Geom(p) = NegBin(1, p),
//! Cauchy(x₀, γ) = T(1, x₀, γ), Rayleigh(σ) = Weibull(2, σ√2). A query between two families without a rule is
//! retried in a family that contains both, so one rule serves every embedded pair.

use crate::family::{Family, FamilyKind, Param};
use crate::sym::{self, Expr};

/// `family` as a member of the `target` family, if it is one.
pub fn embed(family: &Family, target: FamilyKind) -> Option<Family> {
    use FamilyKind::*;
    if family.kind == target {
        return Some(family.clone());
    }
    let scalar = |index: usize| family.scalar(index).clone();
    let params: Vec<Expr> = match (family.kind, target) {
        (Exponential, Gamma) => vec![Expr::int(1), scalar(0)],
        (Exponential, Weibull) => vec![Expr::int(1), 1 / scalar(0)],
        (ChiSquared, Gamma) => vec![scalar(0) / 2, Expr::ratio(1, 2)],
        (Bernoulli, Binomial) => vec![Expr::int(1), scalar(0)],
        (Geometric, NegativeBinomial) => vec![Expr::int(1), scalar(0)],
        (Cauchy, StudentT) => vec![Expr::int(1), scalar(0), scalar(1)],
        (Rayleigh, Weibull) => vec![Expr::int(2), scalar(0) * sym::sqrt(Expr::int(2))],
        _ => return None,
    };
    Some(Family {
        kind: target,
        params: params
            .into_iter()
            .map(|value| Param::Scalar(sym::simplify(&value)))
            .collect(),
    })
}

/// A two-component Dirichlet as the Beta of its first coordinate (x, 1 − x) ↔ x, when the other distribution is
/// a Beta: the identification makes Beta ‖ Dirichlet pairs comparable.
pub fn as_beta(family: &Family, other: &Family) -> Option<Family> {
    let pairs = family.kind == FamilyKind::Dirichlet && other.kind == FamilyKind::Beta;
    match family.params.first() {
        Some(Param::Vector(alphas)) if pairs && alphas.len() == 2 => Some(Family {
            kind: FamilyKind::Beta,
            params: alphas.iter().cloned().map(Param::Scalar).collect(),
        }),
        _ => None,
    }
}

/// The families that may contain both `p` and `q`, most specific first.
const HOSTS: [FamilyKind; 5] = [
    FamilyKind::Gamma,
    FamilyKind::Weibull,
    FamilyKind::Binomial,
    FamilyKind::NegativeBinomial,
    FamilyKind::StudentT,
];

/// `p` and `q` re-expressed in each family that contains both (excluding the case where neither changes).
pub fn common_hosts(p: &Family, q: &Family) -> Vec<(Family, Family)> {
    HOSTS
        .iter()
        .filter(|&&host| !(p.kind == host && q.kind == host))
        .filter_map(|&host| Some((embed(p, host)?, embed(q, host)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponential_and_chi_squared_meet_in_gamma() {
        let exponential = Family {
            kind: FamilyKind::Exponential,
            params: vec![Param::Scalar(Expr::int(2))],
        };
        let chi = Family {
            kind: FamilyKind::ChiSquared,
            params: vec![Param::Scalar(Expr::int(3))],
        };
        let hosts = common_hosts(&exponential, &chi);
        assert_eq!(hosts.len(), 1);
        assert_eq!(
            hosts[0].0.params,
            vec![Param::Scalar(Expr::int(1)), Param::Scalar(Expr::int(2))]
        );
        assert_eq!(
            hosts[0].1.params,
            vec![
                Param::Scalar(Expr::ratio(3, 2)),
                Param::Scalar(Expr::ratio(1, 2))
            ]
        );
    }

    #[test]
    fn unrelated_families_have_no_host() {
        let normal = Family {
            kind: FamilyKind::Normal,
            params: vec![Param::Scalar(Expr::int(0)), Param::Scalar(Expr::int(1))],
        };
        let exponential = Family {
            kind: FamilyKind::Exponential,
            params: vec![Param::Scalar(Expr::int(2))],
        };
        assert!(common_hosts(&normal, &exponential).is_empty());
    }
}
