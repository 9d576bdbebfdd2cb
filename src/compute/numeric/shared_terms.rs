//! A mixture's log-density relative to one of its components, where the components share terms.
//!
//! Rayleigh(1) and Chi(3) both hold −x²/2. Their mixture's log-density as a log-sum-exp of the two
//! log-densities evaluates e^{−x²/2} twice: in floats it underflows past x ≈ 38, and on a complex box
//! around a segment far out each e^{−z²/2} turns by xy radians, so the sum of the two straddles zero and
//! its logarithm fails (sweep seed 42 reached the time limit on ever smaller segments). Written as
//! log w_r + l_r + log Σⱼ exp(log(wⱼ/w_r) + dⱼ), with each dⱼ = lⱼ − l_r gathered term by term, the shared
//! term cancels exactly and the sum is 1 + c·x.

use crate::numeric::compiled::depends_on_variable;
use crate::numeric::compiled::monomials::{self, gathered_difference};
use crate::sym::{Expr, Function};

use super::density::Component;

/// A reference component and every component's log-density less the reference's.
#[derive(Clone, Debug)]
pub struct Shared {
    /// The reference component's index.
    pub reference: usize,
    /// lⱼ − l_r for each component j (zero for the reference).
    pub differences: Vec<Expr>,
}

/// The first component against which every other component's log-density cancels a term that depends on
/// the variable, leaving only logarithms that depend on it (differences of other kinds, such as two
/// Gaussians' quadratics, would cancel in floating point at large |x| instead). `None` for a single
/// component or where no reference serves.
pub fn shared(components: &[&Component]) -> Option<Shared> {
    if components.len() < 2 {
        return None;
    }
    (0..components.len()).find_map(|reference| {
        let base = &components[reference].log_density;
        let differences = components
            .iter()
            .enumerate()
            .map(|(index, component)| {
                if index == reference {
                    Some(Expr::int(0))
                } else {
                    difference(&component.log_density, base)
                }
            })
            .collect::<Option<Vec<Expr>>>()?;
        Some(Shared {
            reference,
            differences,
        })
    })
}

/// a − b gathered by monomial, if a term of the variable cancels and what remains of the variable is
/// logarithms.
fn difference(a: &Expr, b: &Expr) -> Option<Expr> {
    let (terms, cancelled) = gathered_difference(a, b);
    if !cancelled {
        return None;
    }
    let only_logarithms = terms
        .iter()
        .all(|(_, product)| !depends_on_variable(product) || is_logarithm(product));
    only_logarithms.then(|| monomials::sum(terms))
}

fn is_logarithm(expr: &Expr) -> bool {
    matches!(expr, Expr::Apply(Function::Log, arguments) if arguments.len() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::numeric::density::Density;
    use crate::compute::numeric::tests::single;
    use crate::family::FamilyKind;

    fn component(kind: FamilyKind, parameters: &[i64]) -> Component {
        let parameters: Vec<Expr> = parameters.iter().map(|&p| Expr::int(p)).collect();
        let density = Density::new(&single(kind, &parameters)).expect("a density");
        density.components[0].clone()
    }

    #[test]
    fn rayleigh_and_chi_share_their_gaussian_term() {
        let rayleigh = component(FamilyKind::Rayleigh, &[1]);
        let chi = component(FamilyKind::Chi, &[3]);
        let shared = shared(&[&rayleigh, &chi]).expect("−x²/2 cancels");
        assert_eq!(shared.reference, 0);
        // Chi(3) less Rayleigh(1): log x and constants, no x².
        let difference = &shared.differences[1];
        assert!(!format!("{difference}").contains("x^2"), "{difference}");
        assert!(format!("{difference}").contains("log(x)"), "{difference}");
    }

    #[test]
    fn gaussians_of_different_variances_are_left_as_they_are() {
        let first = component(FamilyKind::Normal, &[0, 1]);
        let second = component(FamilyKind::Normal, &[0, 2]);
        assert!(shared(&[&first, &second]).is_none());
    }

    #[test]
    fn gammas_of_one_rate_differ_by_a_logarithm() {
        let first = component(FamilyKind::Gamma, &[2, 1]);
        let second = component(FamilyKind::Gamma, &[5, 1]);
        let shared = shared(&[&first, &second]).expect("−x cancels");
        let difference = format!("{}", shared.differences[1]);
        assert!(
            difference.contains("log(x)") && !difference.contains("*x "),
            "{difference}"
        );
    }
}
