//! The divergences and information quantities of the language (contract §3).

use crate::sym::Expr;

/// Which quantity, without its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DivergenceKind {
    /// Kullback–Leibler divergence D(P‖Q) = E_P[log p/q].
    KullbackLeibler,
    /// Rényi divergence of order α.
    Renyi,
    /// Jensen–Shannon divergence ½KL(P‖M) + ½KL(Q‖M), M = (P+Q)/2.
    JensenShannon,
    /// Entropy H(P) (differential for densities).
    Entropy,
    /// Cross-entropy H(P, Q) = −E_P[log q].
    CrossEntropy,
    /// Hellinger distance √(1 − BC).
    Hellinger,
    /// Bhattacharyya distance −log BC.
    Bhattacharyya,
    /// Pearson χ² divergence ∫(p − q)²/q.
    Pearson,
    /// Total variation ½∫|p − q|.
    TotalVariation,
}

impl DivergenceKind {
    /// The name written in the language and in rule names (`KL`).
    pub fn name(self) -> &'static str {
        match self {
            DivergenceKind::KullbackLeibler => "KL",
            DivergenceKind::Renyi => "Renyi",
            DivergenceKind::JensenShannon => "JS",
            DivergenceKind::Entropy => "H",
            DivergenceKind::CrossEntropy => "H",
            DivergenceKind::Hellinger => "Hellinger",
            DivergenceKind::Bhattacharyya => "Bhattacharyya",
            DivergenceKind::Pearson => "Pearson",
            DivergenceKind::TotalVariation => "TV",
        }
    }

    /// Every kind, in the contract's order.
    pub const ALL: [DivergenceKind; 9] = [
        DivergenceKind::KullbackLeibler,
        DivergenceKind::Renyi,
        DivergenceKind::JensenShannon,
        DivergenceKind::Entropy,
        DivergenceKind::CrossEntropy,
        DivergenceKind::Hellinger,
        DivergenceKind::Bhattacharyya,
        DivergenceKind::Pearson,
        DivergenceKind::TotalVariation,
    ];

    /// The names a user may write, for the parser and "did you mean".
    pub const NAMES: [&'static str; 8] = [
        "KL",
        "Renyi",
        "JS",
        "H",
        "Hellinger",
        "Bhattacharyya",
        "Pearson",
        "TV",
    ];

    /// Looks up a divergence by the name written before its parenthesis. `H` is entropy or cross-entropy
    /// depending on its argument count, so it returns `Entropy` here.
    pub fn from_name(name: &str) -> Option<DivergenceKind> {
        Some(match name {
            "KL" => DivergenceKind::KullbackLeibler,
            "Renyi" => DivergenceKind::Renyi,
            "JS" => DivergenceKind::JensenShannon,
            "H" => DivergenceKind::Entropy,
            "Hellinger" => DivergenceKind::Hellinger,
            "Bhattacharyya" => DivergenceKind::Bhattacharyya,
            "Pearson" => DivergenceKind::Pearson,
            "TV" => DivergenceKind::TotalVariation,
            _ => return None,
        })
    }

    /// Whether the quantity takes two distributions.
    pub fn is_binary(self) -> bool {
        self != DivergenceKind::Entropy
    }
}

/// A quantity to compute, with its order for Rényi.
#[derive(Clone, Debug, PartialEq)]
pub struct Divergence {
    /// Which quantity.
    pub kind: DivergenceKind,
    /// The order α of a Rényi divergence (may be `Expr::Infinity`).
    pub order: Option<Expr>,
}

impl Divergence {
    /// A divergence without an order.
    pub fn new(kind: DivergenceKind) -> Divergence {
        Divergence { kind, order: None }
    }

    /// The Rényi divergence of order α.
    pub fn renyi(order: Expr) -> Divergence {
        Divergence {
            kind: DivergenceKind::Renyi,
            order: Some(order),
        }
    }
}
