//! Kumaraswamy(a, b): two positive shapes, density a b x^{a−1} (1 − x^a)^{b−1} on (0, 1).
//!
//! Keywords: `a`; `b`.

use super::common::{no_check, scalar, unit_interval};
use super::{Constraint, FamilyKind, FamilySpec, Param, ParamSpec};
use crate::sym::{log, Expr};

/// The Kumaraswamy family.
pub static SPEC: FamilySpec = FamilySpec {
    kind: FamilyKind::Kumaraswamy,
    display: "Kumaraswamy",
    names: &["Kumaraswamy"],
    params: &[
        ParamSpec::scalar("a", "first shape", Constraint::Positive),
        ParamSpec::scalar("b", "second shape", Constraint::Positive),
    ],
    check: no_check,
    support: unit_interval,
    log_density: Some(log_density),
    summary: "Kumaraswamy(a, b): Kumaraswamy distribution on (0, 1) with shapes a and b.",
};

fn log_density(params: &[Param], x: &Expr) -> Expr {
    let (a, b) = (scalar(params, 0), scalar(params, 1));
    log(a.clone())
        + log(b.clone())
        + (a.clone() - 1) * log(x.clone())
        + (b - 1) * log(1 - x.clone().pow(a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::testing::*;

    #[test]
    fn density_integrates_to_one() {
        let total = total_probability(&member(&SPEC, &[2.0, 3.5]));
        assert!((total - 1.0).abs() < TOTAL_TOLERANCE, "total {total}");
    }
}
