//! "Did you mean …?" for misspelt family, divergence and function names.

use strsim::{damerau_levenshtein, jaro_winkler};

/// The candidate closest to `name`, if it is close enough to be what was meant.
///
/// Names are compared without regard to case by their Damerau–Levenshtein distance (a swap of two adjacent
/// letters counts once, so `Nromal` is one edit from `Normal`). A candidate is close enough when the distance
/// is at most a third of the name's length plus one, rounded down (at least 1) and smaller than both lengths, so that a one-letter
/// name is never "corrected" into an unrelated one-letter family. Ties go to the higher Jaro–Winkler
/// similarity, then to the earlier candidate. A candidate spelt exactly like `name` is skipped: the caller
/// already knows it does not fit.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let wanted = name.to_lowercase();
    let length = wanted.chars().count();
    let limit = ((length + 1) / 3).max(1);
    let mut best: Option<(usize, f64, &str)> = None;
    for candidate in candidates {
        if candidate == name {
            continue;
        }
        let lowered = candidate.to_lowercase();
        let distance = damerau_levenshtein(&wanted, &lowered);
        if distance > limit || distance >= length.min(lowered.chars().count()) && distance > 0 {
            continue;
        }
        let similarity = jaro_winkler(&wanted, &lowered);
        let better = match best {
            None => true,
            Some((best_distance, best_similarity, _)) => {
                distance < best_distance
                    || distance == best_distance && similarity > best_similarity
            }
        };
        if better {
            best = Some((distance, similarity, candidate));
        }
    }
    best.map(|(_, _, candidate)| candidate.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names a user may call: families with their aliases, divergences and functions.
    const KNOWN: &[&str] = &[
        "N",
        "Normal",
        "MVN",
        "DiagN",
        "Exp",
        "Exponential",
        "Gamma",
        "InvGamma",
        "Beta",
        "Dir",
        "Dirichlet",
        "Laplace",
        "U",
        "Uniform",
        "Cauchy",
        "LogN",
        "LogNormal",
        "Weibull",
        "Gumbel",
        "Pareto",
        "HalfN",
        "HalfNormal",
        "Chi2",
        "T",
        "StudentT",
        "Logistic",
        "Rayleigh",
        "Chi",
        "HalfCauchy",
        "LogitN",
        "LogU",
        "CB",
        "Kumaraswamy",
        "VonMises",
        "Moyal",
        "Lindley",
        "Wishart",
        "Delta",
        "Dirac",
        "Bern",
        "Bernoulli",
        "Bin",
        "Binomial",
        "Poisson",
        "Pois",
        "Geom",
        "Geometric",
        "NegBin",
        "Cat",
        "Multinomial",
        "KL",
        "Renyi",
        "JS",
        "H",
        "Hellinger",
        "Bhattacharyya",
        "Pearson",
        "TV",
        "log",
        "ln",
        "exp",
        "sqrt",
        "abs",
        "lgamma",
        "digamma",
        "erf",
        "erfc",
    ];

    fn suggest(name: &str) -> Option<String> {
        did_you_mean(name, KNOWN.iter().copied())
    }

    #[test]
    fn close_misspellings_are_corrected() {
        assert_eq!(suggest("Nromal").as_deref(), Some("Normal"));
        assert_eq!(suggest("Gama").as_deref(), Some("Gamma"));
        assert_eq!(suggest("KLL").as_deref(), Some("KL"));
        assert_eq!(suggest("Possion").as_deref(), Some("Poisson"));
        assert_eq!(suggest("Hellinnger").as_deref(), Some("Hellinger"));
        assert_eq!(suggest("Weibul").as_deref(), Some("Weibull"));
        assert_eq!(suggest("sqtr").as_deref(), Some("sqrt"));
    }

    #[test]
    fn case_is_ignored() {
        assert_eq!(suggest("kl").as_deref(), Some("KL"));
        assert_eq!(suggest("NORMAL").as_deref(), Some("Normal"));
        assert_eq!(suggest("renyi").as_deref(), Some("Renyi"));
    }

    #[test]
    fn distant_names_get_nothing() {
        assert_eq!(suggest("xyz"), None);
        assert_eq!(suggest("x"), None);
        assert_eq!(suggest("foo"), None);
        assert_eq!(suggest("Banana"), None);
        assert_eq!(suggest(""), None);
    }

    #[test]
    fn an_exact_match_is_not_a_suggestion() {
        assert_eq!(did_you_mean("KL", ["KL"]), None);
        assert_eq!(did_you_mean("Exp", ["Exp", "exp"]).as_deref(), Some("exp"));
    }

    #[test]
    fn the_closest_candidate_wins() {
        assert_eq!(
            did_you_mean("Gamm", ["InvGamma", "Gamma"]).as_deref(),
            Some("Gamma")
        );
        assert_eq!(
            did_you_mean("Normla", ["LogNormal", "Normal"]).as_deref(),
            Some("Normal")
        );
        assert_eq!(did_you_mean("Bern", ["Beta", "Bernoulli"]), None);
    }
}
