//! The rule table as a document: every rule with its formula over symbolic parameters.

use crate::family::{spec, Family, FamilyKind, Param, Shape};
use crate::rules::{all, Query, Rule};
use crate::session::Format;
use crate::sym::{self, print, Domain, Expr};

/// A family member whose scalar parameters are symbols named after the parameters with a suffix
/// (`mean1`, `var1`); `None` when a parameter is a vector or a matrix.
pub fn symbolic_member(kind: FamilyKind, suffix: &str) -> Option<Family> {
    let params = spec(kind)
        .params
        .iter()
        .map(|param| match param.shape {
            Shape::Scalar => {
                let domain: Domain = param.constraint.domain();
                Some(Param::Scalar(Expr::symbol(
                    &format!("{}{suffix}", param.name),
                    domain,
                )))
            }
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Family { kind, params })
}

/// The formula of a rule over symbolic parameters, or why it has none to show.
pub fn formula(rule: &Rule) -> Result<Expr, String> {
    let p = symbolic_member(rule.p, "1").ok_or("vector or matrix parameters")?;
    let q = match rule.q {
        Some(kind) => Some(symbolic_member(kind, "2").ok_or("vector or matrix parameters")?),
        None => None,
    };
    // The formula shown is the one for 0 < a < 1, where no finiteness condition restricts the parameters.
    let order = Expr::symbol("a", Domain::OpenUnit);
    let query = Query {
        p: &p,
        q: q.as_ref(),
        order: Some(&order),
    };
    (rule.formula)(&query)
        .map(|expr| sym::simplify(&expr))
        .map_err(|verdict| match verdict {
            crate::rules::Verdict::Infinite(reason) => format!("inf: {reason}"),
            crate::rules::Verdict::NotApplicable(reason)
            | crate::rules::Verdict::Undecided(reason) => reason,
        })
}

/// Every rule, one per line (plain or LaTeX) or one JSON object per line.
pub fn listing(format: Format) -> String {
    all()
        .map(|rule| {
            let shown = formula(rule);
            match format {
                Format::Json => serde_json::json!({
                    "rule": rule.name(),
                    "formula": shown.as_ref().ok().map(print::plain),
                    "latex": shown.as_ref().ok().map(print::latex),
                    "reference": rule.reference,
                })
                .to_string(),
                Format::Latex => format!(
                    "{}: {}",
                    rule.name(),
                    shown
                        .map(|expr| print::latex(&expr))
                        .unwrap_or_else(|why| format!("({why})"))
                ),
                Format::Plain => format!(
                    "{}: {}",
                    rule.name(),
                    shown
                        .map(|expr| print::plain(&expr))
                        .unwrap_or_else(|why| format!("({why})"))
                ),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The rule table as Markdown (`docs/RULES.md`): every rule with its formula and reference.
pub fn markdown() -> String {
    let escape = |text: &str| text.replace('|', "\\|");
    let mut document = String::from(
        "# The rule table\n\nGenerated from `divcalc --rules` by `DIVCALC_BLESS=1 cargo test --test documents`; \
         a test fails when this file is stale. Parameters are the canonical ones of each family with a suffix: \
         1 for P, 2 for Q; `a` is the Rényi order, shown for 0 < a < 1 (other orders: `divcalc`).\n\n| rule | formula | reference |\n|---|---|---|\n",
    );
    for rule in all() {
        let shown = match formula(rule) {
            Ok(expr) => format!("`{}`", escape(&print::plain(&expr))),
            Err(why) => format!("({})", escape(&why)),
        };
        document.push_str(&format!(
            "| {} | {} | {} |\n",
            escape(&rule.name()),
            shown,
            escape(rule.reference)
        ));
    }
    document
}
