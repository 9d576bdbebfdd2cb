//! Printed forms, as inline snapshots: each line is `plain  |  latex`.

use insta::assert_snapshot;

use super::*;
use crate::sym::simplify::simplify;
use crate::sym::*;

fn table(cases: &[Expr]) -> String {
    cases
        .iter()
        .map(|e| format!("{}  |  {}", plain(e), latex(e)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn real(name: &str) -> Expr {
    Expr::symbol(name, Domain::Real)
}

fn positive(name: &str) -> Expr {
    Expr::symbol(name, Domain::Positive)
}

fn n(value: i64) -> Expr {
    Expr::int(value)
}

fn q(numerator: i64, denominator: i64) -> Expr {
    Expr::ratio(numerator, denominator)
}

#[test]
fn the_two_results_of_the_brief() {
    let normal_kl = log(n(4)) / 2 + (n(1) + n(0)) / (2 * n(4)) - q(1, 2);
    let kl = simplify(&normal_kl);
    assert_snapshot!(plain(&kl), @"log(2) - 3/8");
    assert_snapshot!(latex(&kl), @r"\log(2) - \frac{3}{8}");
    let (m, v) = (real("m"), positive("v"));
    let symbolic = simplify(&(log(n(1) / v.clone()) / 2 + (v + m.powi(2)) / 2 - q(1, 2)));
    assert_snapshot!(plain(&symbolic), @"(m^2 + v - log(v) - 1)/2");
    assert_snapshot!(latex(&symbolic), @r"\frac{m^{2} + v - \log(v) - 1}{2}");
}

#[test]
fn canonical_forms() {
    let (x, y, z) = (real("x"), real("y"), real("z"));
    let (a, b) = (positive("a"), positive("b"));
    let cases = [
        log(n(8)),
        x.clone() / 2,
        1 / x.clone(),
        sqrt(n(2)),
        x.clone().pow(q(1, 3)),
        sqrt(q(12, 5)),
        -x.clone(),
        -3 * x.clone().powi(2) / 4,
        (x.clone() + 1).powi(2),
        (positive("v1") + (real("m1") - real("m2")).powi(2)) / (2 * positive("v2")),
        1 / sqrt(x.clone()),
        x.clone().pow(q(2, 3)),
        1 / x.clone().pow(q(1, 3)),
        n(2).pow(x.clone()),
        q(1, 2).pow(x.clone()),
        n(-2).pow(q(1, 3)),
        trigamma(n(3)),
        digamma(q(1, 2)),
        log_beta(a.clone(), b.clone()),
        e() + exp(n(2)) + exp(-x.clone()),
        x.clone() * y.clone(),
        x.clone() / (y.clone() * z.clone()),
        log(x.clone()).powi(2),
        x.clone().pow(a.clone() + b.clone()),
        x.clone().pow(-a.clone()),
        -(x.clone() + 1) * y.clone(),
        1 - x.clone(),
        exp(x.clone()) / 2,
        -q(3, 8),
        x.clone().powi(2) * y.clone().powi(3) / (z.clone() * real("w").powi(2)),
        n(2).pow(n(2).pow(x.clone())),
        Expr::Infinity,
        -Expr::Infinity,
        euler_gamma() * pi(),
        2 * n(3).pow(x.clone()),
        sqrt(n(2)) * pi() * x.clone() * log(x.clone()),
        log(n(12)) / log(n(2)),
        (x.clone() + 1) / 6 + y.clone() / 3,
        (x.clone() + y.clone() + 1) / 6,
    ];
    let simplified: Vec<Expr> = cases.iter().map(simplify).collect();
    assert_snapshot!(table(&simplified), @r"
    3*log(2)  |  3 \log(2)
    x/2  |  \frac{x}{2}
    1/x  |  \frac{1}{x}
    sqrt(2)  |  \sqrt{2}
    x^(1/3)  |  \sqrt[3]{x}
    2*sqrt(15)/5  |  \frac{2 \sqrt{15}}{5}
    -x  |  -x
    -3*x^2/4  |  -\frac{3 x^{2}}{4}
    (x + 1)^2  |  \left(x + 1\right)^{2}
    (v1 + (m1 - m2)^2)/(2*v2)  |  \frac{v_{1} + \left(m_{1} - m_{2}\right)^{2}}{2 v_{2}}
    1/sqrt(x)  |  \frac{1}{\sqrt{x}}
    x^(2/3)  |  x^{\frac{2}{3}}
    1/x^(1/3)  |  \frac{1}{\sqrt[3]{x}}
    2^x  |  2^{x}
    (1/2)^x  |  \left(\frac{1}{2}\right)^{x}
    (-2)^(1/3)  |  \sqrt[3]{-2}
    pi^2/6 - 5/4  |  \frac{\pi^{2}}{6} - \frac{5}{4}
    -euler_gamma - 2*log(2)  |  -\gamma - 2 \log(2)
    lgamma(a) + lgamma(b) - lgamma(a + b)  |  \ln\Gamma(a) + \ln\Gamma(b) - \ln\Gamma(a + b)
    exp(-x) + e + exp(2)  |  \exp(-x) + e + \exp(2)
    x*y  |  x y
    x/(y*z)  |  \frac{x}{y z}
    log(x)^2  |  \log(x)^{2}
    x^(a + b)  |  x^{a + b}
    1/x^a  |  \frac{1}{x^{a}}
    -y*(x + 1)  |  -y \left(x + 1\right)
    1 - x  |  1 - x
    exp(x)/2  |  \frac{\exp(x)}{2}
    -3/8  |  -\frac{3}{8}
    x^2*y^3/(w^2*z)  |  \frac{x^{2} y^{3}}{w^{2} z}
    2^(2^x)  |  2^{2^{x}}
    inf  |  \infty
    -inf  |  -\infty
    pi*euler_gamma  |  \pi \gamma
    2*3^x  |  2 \cdot 3^{x}
    sqrt(2)*pi*x*log(x)  |  \sqrt{2} \pi x \log(x)
    (2*log(2) + log(3))/log(2)  |  \frac{2 \log(2) + \log(3)}{\log(2)}
    x/6 + y/3 + 1/6  |  \frac{x}{6} + \frac{y}{3} + \frac{1}{6}
    (x + y + 1)/6  |  \frac{x + y + 1}{6}
    ");
}

#[test]
fn functions_and_names() {
    let x = real("x");
    let functions = Function::ALL.map(|f| match f {
        Function::BesselI => Expr::Apply(f, vec![real("nu"), x.clone()]),
        _ => Expr::Apply(f, vec![x.clone()]),
    });
    assert_snapshot!(table(&functions), @r"
    log(x)  |  \log(x)
    exp(x)  |  \exp(x)
    abs(x)  |  \left|x\right|
    lgamma(x)  |  \ln\Gamma(x)
    digamma(x)  |  \psi(x)
    trigamma(x)  |  \psi_1(x)
    erf(x)  |  \operatorname{erf}(x)
    erfc(x)  |  \operatorname{erfc}(x)
    expint(x)  |  E_1(x)
    atan(x)  |  \arctan(x)
    sin(x)  |  \sin(x)
    cos(x)  |  \cos(x)
    besseli(nu, x)  |  I_{\nu}(x)
    ");
    let names = ["sigma2", "mu", "rate", "x_1", "m1", "Lambda", "k"].map(real);
    assert_snapshot!(table(&names), @r"
    sigma2  |  \sigma_{2}
    mu  |  \mu
    rate  |  \mathit{rate}
    x_1  |  x_{1}
    m1  |  m_{1}
    Lambda  |  \Lambda
    k  |  k
    ");
    let constants = [pi(), e(), euler_gamma(), Expr::Infinity];
    assert_snapshot!(table(&constants), @r"
    pi  |  \pi
    e  |  e
    euler_gamma  |  \gamma
    inf  |  \infty
    ");
}

/// Forms the simplifier never produces still print unambiguously.
#[test]
fn non_canonical_forms_are_bracketed_safely() {
    let (x, y, z) = (real("x"), real("y"), real("z"));
    let cases = [
        log(q(1, 2)),
        Expr::Mul(vec![n(-1), x.clone() + 1]),
        Expr::Pow(Box::new(x.clone() * y.clone()), Box::new(q(1, 3))),
        Expr::Mul(vec![x.clone(), n(-3)]),
        Expr::Add(vec![x.clone(), Expr::Add(vec![y.clone(), z.clone()])]),
        Expr::Mul(vec![x.clone(), Expr::Mul(vec![y.clone(), z])]),
        Expr::Pow(
            Box::new(x.clone().pow(positive("a"))),
            Box::new(positive("b")),
        ),
        Expr::Pow(Box::new(n(-2)), Box::new(n(2))),
        Expr::Pow(Box::new(q(-1, 2)), Box::new(x.clone())),
        Expr::Mul(vec![
            q(1, 2),
            Expr::Pow(Box::new(x.clone()), Box::new(n(-1))),
        ]),
        Expr::Add(vec![n(-1), x.clone()]),
        Expr::Pow(Box::new(x.clone()), Box::new(-x.clone())),
        Expr::Pow(
            Box::new(x.clone()),
            Box::new(Expr::Mul(vec![q(-1, 2), y.clone()])),
        ),
        Expr::Pow(Box::new(-x.clone()), Box::new(n(3))),
        Expr::Add(vec![x.clone()]),
    ];
    assert_snapshot!(table(&cases), @r"
    log(1/2)  |  \log(\frac{1}{2})
    -(x + 1)  |  -\left(x + 1\right)
    (x*y)^(1/3)  |  \sqrt[3]{x y}
    (-3)*x  |  \left(-3\right) x
    x + (y + z)  |  x + \left(y + z\right)
    x*(y*z)  |  x \left(y z\right)
    (x^a)^b  |  \left(x^{a}\right)^{b}
    (-2)^2  |  \left(-2\right)^{2}
    (-1/2)^x  |  \left(-\frac{1}{2}\right)^{x}
    1/(2*x)  |  \frac{1}{2 x}
    x - 1  |  x - 1
    1/x^x  |  \frac{1}{x^{x}}
    1/x^(y/2)  |  \frac{1}{x^{\frac{y}{2}}}
    (-x)^3  |  \left(-x\right)^{3}
    x  |  x
    ");
}

#[test]
fn numeric_leaves_print_as_placeholders() {
    #[derive(Debug)]
    struct Opaque;
    impl Enclose for Opaque {
        fn enclose(
            &self,
            _precision: u32,
            _interrupt: &dyn crate::interrupt::Interrupt,
        ) -> Result<crate::numeric::Interval, crate::error::EvalError> {
            Err(crate::error::EvalError::Budget("opaque".into()))
        }
        fn method(&self) -> Method {
            Method::Quadrature
        }
        fn describe(&self) -> String {
            "opaque".into()
        }
    }
    let leaf = Expr::Numeric(Numeric::new(std::sync::Arc::new(Opaque)));
    let expr = simplify(&(leaf / 2 + log(n(2))));
    assert_snapshot!(plain(&expr), @"log(2) + <numeric>/2");
    assert_snapshot!(latex(&expr), @r"\log(2) + \frac{\langle\mathrm{numeric}\rangle}{2}");
}

#[test]
fn deeply_nested_expressions_print() {
    let x = real("x");
    let deep = (0..5000).fold(x.clone(), |e, _| log(e + 1));
    let printed = plain(&deep);
    assert!(printed.starts_with("log(log(log("));
    assert_eq!(printed.matches("log(").count(), 5000);
}
