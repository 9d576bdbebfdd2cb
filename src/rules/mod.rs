//! The rule table: closed forms keyed by (divergence, family of P, family of Q).
//!
//! Each rule is written once, symbolically, over the parameters; the simplifier makes the result exact and
//! readable. A rule file holds the rules of one family (or one cross-family group) and exports `RULES`.
//! [`lookup`] finds the rule for a query; [`crate::compute`] applies it, or falls back to the numeric methods.

pub mod bernoulli;
pub mod beta;
pub mod binomial;
pub mod categorical;
mod common;
pub mod exponential;
mod finite;
pub mod gamma;
pub mod geometric;
pub mod laplace;
pub mod linear_algebra;
pub mod multivariate_normal;
pub mod normal;
pub mod poisson;
pub mod total_variation;
pub mod uniform;

#[cfg(test)]
mod tests;

use crate::divergence::DivergenceKind;
mod blocks;
mod cauchy;
mod chi;
mod chi_squared;
mod continuous_bernoulli;
pub mod cross;
mod dirichlet;
mod gumbel;
mod half_cauchy;
mod half_normal;
mod inverse_gamma;
mod kumaraswamy;
mod lindley;
mod listing;
mod log_normal;
mod log_uniform;
mod logistic;
mod logit_normal;
mod moyal;
mod multinomial;
mod negative_binomial;
mod pareto;
mod rayleigh;
mod structural;
mod student_t;
#[cfg(test)]
mod testing;
mod von_mises;
mod weibull;
mod wishart;

use std::cmp::Ordering;

use crate::family::{Family, FamilyKind};

use crate::sym::Expr;

pub use listing::{formula, listing, markdown, symbolic_member};

/// What a rule concluded instead of a finite closed form.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// The divergence is +∞, for the reason given (`P puts mass outside the support of Q`).
    Infinite(String),
    /// The rule does not apply to these parameters (for example unequal scales where only equal ones have a
    /// closed form): the caller tries the numeric methods.
    NotApplicable(String),
    /// Whether the value is finite depends on a comparison that symbolic parameters leave open.
    Undecided(String),
}

/// The result of applying a rule: a finite closed form, or a verdict.
pub type RuleResult = Result<Expr, Verdict>;

/// The arguments a rule sees.
#[derive(Clone, Debug)]
pub struct Query<'a> {
    /// The first distribution.
    pub p: &'a Family,
    /// The second distribution, for two-argument quantities.
    pub q: Option<&'a Family>,
    /// The order α of a Rényi divergence. α = 1 is reduced to KL before the lookup; α = ∞ arrives as
    /// `Expr::Infinity` and α = 0 as the number 0, and the Rényi rules handle both.
    pub order: Option<&'a Expr>,
}

impl Query<'_> {
    /// The second distribution of a two-argument rule.
    pub fn q(&self) -> &Family {
        self.q
            .expect("two-argument rules are only looked up with two distributions")
    }

    /// The order of a Rényi rule.
    pub fn order(&self) -> &Expr {
        self.order
            .expect("Rényi rules are only looked up with an order")
    }
}

/// One closed form.
pub struct Rule {
    /// Which quantity.
    pub divergence: DivergenceKind,
    /// The family of P.
    pub p: FamilyKind,
    /// The family of Q (`None` for entropy).
    pub q: Option<FamilyKind>,
    /// The formula, over the canonical parameters.
    pub formula: fn(&Query<'_>) -> RuleResult,
    /// Where the formula comes from (book or paper, with equation or table).
    pub reference: &'static str,
}

impl Rule {
    /// The rule's name as in the JSON `rule` key: `KL(Normal || Normal)`, `H(Gamma)`, `H(Uniform, Normal)`.
    pub fn name(&self) -> String {
        let p = crate::family::spec(self.p).display;
        match (self.divergence, self.q) {
            (DivergenceKind::Entropy, _) | (_, None) => format!("H({p})"),
            (DivergenceKind::CrossEntropy, Some(q)) => {
                format!("H({p}, {})", crate::family::spec(q).display)
            }
            (kind, Some(q)) => {
                format!("{}({p} || {})", kind.name(), crate::family::spec(q).display)
            }
        }
    }
}

/// Every rule, gathered from the rule files.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    static GROUPS: &[&[Rule]] = &[
        normal::RULES,
        multivariate_normal::RULES,
        exponential::RULES,
        gamma::RULES,
        beta::RULES,
        laplace::RULES,
        uniform::RULES,
        bernoulli::RULES,
        binomial::RULES,
        categorical::RULES,
        poisson::RULES,
        geometric::RULES,
        inverse_gamma::RULES,
        chi_squared::RULES,
        chi::RULES,
        log_normal::RULES,
        logit_normal::RULES,
        half_normal::RULES,
        weibull::RULES,
        gumbel::RULES,
        rayleigh::RULES,
        pareto::RULES,
        kumaraswamy::RULES,
        moyal::RULES,
        von_mises::RULES,
        lindley::RULES,
        continuous_bernoulli::RULES,
        cauchy::RULES,
        half_cauchy::RULES,
        student_t::RULES,
        logistic::RULES,
        log_uniform::RULES,
        dirichlet::RULES,
        negative_binomial::RULES,
        multinomial::RULES,
        wishart::RULES,
        total_variation::RULES,
        structural::RULES,
    ];
    GROUPS
        .iter()
        .flat_map(|group| group.iter())
        .chain(cross::RULES.iter())
        .chain(cross::renyi::RULES.iter())
}

/// The rule for a quantity between two families, if the table has one.
pub fn lookup(
    divergence: DivergenceKind,
    p: FamilyKind,
    q: Option<FamilyKind>,
) -> Option<&'static Rule> {
    all().find(|rule| rule.divergence == divergence && rule.p == p && rule.q == q)
}

/// The sign of `expr`, decided exactly: symbolically from the symbols' domains, or by certified evaluation of
/// a constant expression. `None` when symbols leave it open.
pub fn sign_of(expr: &Expr) -> Option<Ordering> {
    let simplified = crate::sym::simplify(expr);
    if let Some(sign) = crate::sym::sign(&simplified) {
        return Some(sign);
    }
    if simplified.has_symbols() {
        return None;
    }
    crate::numeric::compare(&simplified, &Expr::int(0))
}

/// Whether `expr > 0`, as a rule needs it for a finiteness condition: `Ok(true)`, `Ok(false)`, or the verdict
/// `Undecided` naming the condition when symbols leave it open.
pub fn is_positive(expr: &Expr, condition: &str) -> Result<bool, Verdict> {
    match sign_of(expr) {
        Some(sign) => Ok(sign == Ordering::Greater),
        None => Err(Verdict::Undecided(format!(
            "cannot decide whether {condition} for symbolic parameters"
        ))),
    }
}
