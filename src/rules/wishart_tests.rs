//! Tests of the Wishart rules: k = 1 against the gamma distribution it is, k = 2 against the Bartlett
//! decomposition (KL, entropy) and against quadrature over 2×2 positive definite matrices (Rényi).

use super::super::testing::*;
use super::{definiteness, determinant, inverse, Definiteness};
use crate::divergence::DivergenceKind::{Entropy, KullbackLeibler, Renyi};
use crate::exact::ratio;
use crate::family::{Family, FamilyKind, Param};
use crate::sym::Expr;
use statrs::function::gamma::ln_gamma;

fn wishart(df: f64, scale: &[&[f64]]) -> Family {
    Family {
        kind: FamilyKind::Wishart,
        params: vec![
            Param::Scalar(exact(df)),
            Param::Matrix(
                scale
                    .iter()
                    .map(|row| row.iter().map(|&v| exact(v)).collect())
                    .collect(),
            ),
        ],
    }
}

/// Wishart(ν, [[v]]) is Gamma(ν/2, rate 1/(2v)).
fn as_gamma(df: f64, variance: f64) -> Family {
    member(FamilyKind::Gamma, &[df / 2.0, 1.0 / (2.0 * variance)])
}

#[test]
fn exact_linear_algebra() {
    let m = vec![
        vec![ratio(2, 1), ratio(1, 1)],
        vec![ratio(1, 1), ratio(3, 1)],
    ];
    assert_eq!(determinant(&m), ratio(5, 1));
    assert_eq!(
        inverse(&m),
        Some(vec![
            vec![ratio(3, 5), ratio(-1, 5)],
            vec![ratio(-1, 5), ratio(2, 5)]
        ])
    );
    assert_eq!(definiteness(&m), Definiteness::PositiveDefinite);
    let singular = vec![
        vec![ratio(1, 1), ratio(1, 1)],
        vec![ratio(1, 1), ratio(1, 1)],
    ];
    assert_eq!(definiteness(&singular), Definiteness::SingularSemidefinite);
    let indefinite = vec![
        vec![ratio(0, 1), ratio(1, 1)],
        vec![ratio(1, 1), ratio(0, 1)],
    ];
    assert_eq!(definiteness(&indefinite), Definiteness::Indefinite);
}

#[test]
fn one_dimensional_members_agree_with_gamma_quadrature() {
    for (n1, v1, n2, v2) in [(3.0, 2.0, 5.0, 0.5), (2.5, 0.75, 1.5, 1.25)] {
        let (p, q) = (wishart(n1, &[&[v1]]), wishart(n2, &[&[v2]]));
        let (gp, gq) = (as_gamma(n1, v1), as_gamma(n2, v2));
        assert_close(
            value(KullbackLeibler, &p, Some(&q), None),
            kl_by_quadrature(&gp, &gq),
        );
        assert_close(value(Entropy, &p, None, None), entropy_by_quadrature(&gp));
        for alpha in [0.3, 0.7, 1.1, 1.25] {
            assert_close(
                value(Renyi, &p, Some(&q), Some(&exact(alpha))),
                renyi_by_quadrature(alpha, &gp, &gq),
            );
        }
    }
}

#[test]
fn renyi_of_infinite_order_in_one_dimension() {
    // ν₁ > ν₂ and 1/v₁ > 1/v₂: the gamma maximum at x* = (ν₁ − ν₂)/(1/v₁ − 1/v₂).
    let (p, q) = (wishart(5.0, &[&[0.5]]), wishart(3.0, &[&[2.0]]));
    let x = 2.0 / (2.0 - 0.5);
    let (gp, gq) = (as_gamma(5.0, 0.5), as_gamma(3.0, 2.0));
    assert_close(
        value(Renyi, &p, Some(&q), Some(&Expr::Infinity)),
        log_density(&gp, x) - log_density(&gq, x),
    );
    // Equal ν, V₁ ≤ V₂: the supremum is approached at X → 0.
    let (p, q) = (wishart(3.0, &[&[0.5]]), wishart(3.0, &[&[2.0]]));
    assert_close(
        value(Renyi, &p, Some(&q), Some(&Expr::Infinity)),
        1.5 * 4f64.ln(),
    );
    assert_infinite(apply(Renyi, &q, Some(&p), Some(&Expr::Infinity)));
    assert_infinite(apply(
        Renyi,
        &wishart(3.0, &[&[0.5]]),
        Some(&wishart(5.0, &[&[2.0]])),
        Some(&Expr::Infinity),
    ));
}

/// A 2×2 Wishart member in `f64`: (ν, V).
type Plain = (f64, [[f64; 2]; 2]);

fn det(m: &[[f64; 2]; 2]) -> f64 {
    m[0][0] * m[1][1] - m[0][1] * m[1][0]
}

fn inv(m: &[[f64; 2]; 2]) -> [[f64; 2]; 2] {
    let d = det(m);
    [[m[1][1] / d, -m[0][1] / d], [-m[1][0] / d, m[0][0] / d]]
}

/// tr(AB) for symmetric A, B.
fn trace(a: &[[f64; 2]; 2], b: &[[f64; 2]; 2]) -> f64 {
    a[0][0] * b[0][0] + 2.0 * a[0][1] * b[0][1] + a[1][1] * b[1][1]
}

/// G(ν, V) = ν log 2 + (ν/2) log|V| + log Γ₂(ν/2), log Γ₂(a) = ½ log π + log Γ(a) + log Γ(a − ½).
fn normaliser((df, scale): &Plain) -> f64 {
    let half = df / 2.0;
    df * 2f64.ln()
        + half * det(scale).ln()
        + 0.5 * std::f64::consts::PI.ln()
        + ln_gamma(half)
        + ln_gamma(half - 0.5)
}

/// E log χ²_m by quadrature of the chi-squared density.
fn mean_log_chi_square(df: f64) -> f64 {
    let chi = member(FamilyKind::ChiSquared, &[df]);
    integrate(&|x| log_density(&chi, x).exp() * x.ln(), Some(0.0), None)
}

/// E log|X| = log|V| + E log χ²_ν + E log χ²_{ν−1} (Bartlett decomposition).
fn mean_log_determinant(member: &Plain) -> f64 {
    det(&member.1).ln() + mean_log_chi_square(member.0) + mean_log_chi_square(member.0 - 1.0)
}

fn as_family(member: &Plain) -> Family {
    wishart(member.0, &[&member.1[0], &member.1[1]])
}

const FIRST: Plain = (4.5, [[2.0, 0.5], [0.5, 1.0]]);
const SECOND: Plain = (3.0, [[1.0, -0.25], [-0.25, 1.5]]);

#[test]
fn two_dimensional_kl_and_entropy_match_the_bartlett_decomposition() {
    for (p, q) in [(FIRST, SECOND), (SECOND, FIRST)] {
        // E_P log p/q = ((ν₁ − ν₂)/2) E log|X| − ½ ν₁ tr((V₁⁻¹ − V₂⁻¹) V₁) − G₁ + G₂.
        let expected = (p.0 - q.0) / 2.0 * mean_log_determinant(&p)
            - p.0 * (2.0 - trace(&inv(&q.1), &p.1)) / 2.0
            - normaliser(&p)
            + normaliser(&q);
        assert_close(
            value(KullbackLeibler, &as_family(&p), Some(&as_family(&q)), None),
            expected,
        );
        let entropy = -(p.0 - 3.0) / 2.0 * mean_log_determinant(&p) + p.0 + normaliser(&p);
        assert_close(value(Entropy, &as_family(&p), None, None), entropy);
    }
}

#[test]
fn two_dimensional_renyi_matches_quadrature_over_the_cone() {
    // X = [[x, y], [y, z]] with y = √(xz)·u, u ∈ (−1, 1): dX = √(xz) dx dz du. The exponent
    // α log p + (1 − α) log q is ((ν_α − 3)/2) log|X| − ½ tr(A X) − c, with A and c computed once.
    let (p, q) = (FIRST, SECOND);
    for alpha in [0.5, 0.8, 1.25, 1.5] {
        let mix = |a: f64, b: f64| alpha * a + (1.0 - alpha) * b;
        let (ip, iq) = (inv(&p.1), inv(&q.1));
        let a = [
            [mix(ip[0][0], iq[0][0]), mix(ip[0][1], iq[0][1])],
            [mix(ip[1][0], iq[1][0]), mix(ip[1][1], iq[1][1])],
        ];
        let (power, constant) = (
            (mix(p.0, q.0) - 3.0) / 2.0,
            mix(normaliser(&p), normaliser(&q)),
        );
        let integrand = |x: f64, z: f64, u: f64| {
            let root = (x * z).sqrt();
            let determinant = x * z * (1.0 - u * u);
            let trace = a[0][0] * x + 2.0 * a[0][1] * root * u + a[1][1] * z;
            (power * determinant.ln() - trace / 2.0 - constant).exp() * root
        };
        let inner =
            |x: f64, z: f64| integrate_to(&|u| integrand(x, z, u), Some(-1.0), Some(1.0), 1e-8);
        let middle = |x: f64| integrate_to(&|z| inner(x, z), Some(0.0), None, 1e-8);
        let integral = integrate_to(&middle, Some(0.0), None, 1e-8);
        assert_close(
            value(
                Renyi,
                &as_family(&p),
                Some(&as_family(&q)),
                Some(&exact(alpha)),
            ),
            integral.ln() / (alpha - 1.0),
        );
    }
    // ν_α = 3·4.5 − 2·3 = 7.5 > 1, but 3 V₁⁻¹ − 2 V₂⁻¹ has a negative diagonal entry.
    assert_infinite(apply(
        Renyi,
        &as_family(&p),
        Some(&as_family(&q)),
        Some(&Expr::int(3)),
    ));
}
