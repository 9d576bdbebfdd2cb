use super::*;
use crate::divergence::DivergenceKind;
use crate::family::{build, spec, Argument, Component, Family, FamilyKind};
use crate::interrupt::Never;
use crate::numeric::{certify, Budget};

fn family(kind: FamilyKind, params: &[Expr]) -> Family {
    let arguments = params
        .iter()
        .map(|value| Argument::positional(Param::Scalar(value.clone())))
        .collect();
    build(spec(kind), arguments).unwrap()
}

fn n(mean: Expr, variance: Expr) -> Distribution {
    Distribution::Family(family(FamilyKind::Normal, &[mean, variance]))
}

fn int(n: i64) -> Expr {
    Expr::int(n)
}

/// The fallback's value of `kind(P || Q)` to `digits` digits.
fn value(kind: DivergenceKind, order: Option<Expr>, p: &Distribution, q: Option<&Distribution>, digits: usize) -> String {
    let (quantity, _) = divergence(kind, order.as_ref(), p, q).expect("applies").expect("computes");
    let Quantity::Finite(expr) = quantity else {
        panic!("infinite: {quantity:?}")
    };
    certify(&expr, digits, Budget::default(), &Never).unwrap().decimal
}

#[test]
fn kl_of_student_t_against_normal() {
    let t10 = Distribution::Family(family(FamilyKind::StudentT, &[int(10), int(0), int(1)]));
    let got = value(DivergenceKind::KullbackLeibler, None, &t10, Some(&n(int(0), int(1))), 50);
    assert_eq!(got, "0.022676040228991906392648796968257034618030204915914");
}

#[test]
fn kl_of_normal_against_a_mixture() {
    let mixture = Distribution::Mixture(vec![
        Component { weight: Expr::ratio(3, 10), family: family(FamilyKind::Normal, &[int(0), int(1)]) },
        Component { weight: Expr::ratio(7, 10), family: family(FamilyKind::Normal, &[int(2), int(1)]) },
    ]);
    let got = value(DivergenceKind::KullbackLeibler, None, &n(int(1), int(2)), Some(&mixture), 50);
    assert_eq!(got, "0.055513150000163963768698591526228434448626686833171");
}
