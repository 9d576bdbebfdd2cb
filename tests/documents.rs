//! Generated documents stay current: `docs/RULES.md` (the rule table) and the README's comparison with the
//! peers' registries. Run `DIVCALC_BLESS=1 cargo test --test documents` to regenerate them.

mod common;

use divcalc::family::{FamilyKind, SPECS};
use divcalc::{AnswerValue, Options, Outcome, Session};

fn bless() -> bool {
    std::env::var_os("DIVCALC_BLESS").is_some()
}

fn path(relative: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

#[test]
fn rules_document_is_current() {
    let generated = divcalc::rules::markdown();
    let file = path("docs/RULES.md");
    if bless() {
        std::fs::create_dir_all(path("docs")).unwrap();
        std::fs::write(&file, &generated).unwrap();
    }
    let stored = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        stored == generated,
        "docs/RULES.md is stale: run DIVCALC_BLESS=1 cargo test --test documents"
    );
}

/// The contract family a peer's name stands for.
fn family(name: &str) -> Option<FamilyKind> {
    let name = match name {
        "InverseGamma" => "InvGamma",
        "NegativeBinomial" => "NegBin",
        "Deterministic" => "PointMass",
        other => other,
    };
    SPECS
        .iter()
        .find(|spec| spec.display == name)
        .map(|spec| spec.kind)
}

/// How divcalc answers KL(P ‖ Q) at the example members: its method, `inf`, or `—` when it cannot.
fn divcalc_cell(p: FamilyKind, q: FamilyKind) -> String {
    // Beta and Dirichlet meet only in two dimensions.
    let beta_pair = matches!(
        (p, q),
        (FamilyKind::Beta, FamilyKind::Dirichlet) | (FamilyKind::Dirichlet, FamilyKind::Beta)
    );
    let example = |kind: FamilyKind, index: usize| {
        if beta_pair && kind == FamilyKind::Dirichlet {
            "Dir([2, 3])"
        } else {
            common::examples(kind)[index]
        }
    };
    let expression = format!("KL({} || {})", example(p, 0), example(q, 1));
    let mut session = Session::with_options(Options {
        digits: 15,
        ..Options::default()
    });
    match session.eval(&expression) {
        Ok(Outcome::Answer(answer)) => match answer.value {
            AnswerValue::Infinite { .. } => "inf".to_string(),
            _ if answer.exact.is_some() => "exact".to_string(),
            _ => answer.method.name().to_string(),
        },
        _ => "—".to_string(),
    }
}

fn comparison_table() -> String {
    let peers = include_str!("data/peers.md");
    let mut rows = vec![
        "| P ‖ Q | divcalc | PyTorch | TFP | Distributions.jl |".to_string(),
        "|---|---|---|---|---|".to_string(),
    ];
    let (mut ours, mut theirs) = (0, 0);
    for line in peers
        .lines()
        .skip_while(|line| !line.starts_with("| P ‖ Q"))
        .skip(2)
    {
        if !line.starts_with('|') {
            break;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let Some((p_name, q_name)) = cells[0].split_once(" ‖ ") else {
            continue;
        };
        let (Some(p), Some(q)) = (family(p_name), family(q_name.trim_end_matches(" (any)"))) else {
            continue;
        };
        theirs += 1;
        let cell = divcalc_cell(p, q);
        if cell != "—" {
            ours += 1;
        }
        rows.push(format!(
            "| {} | {cell} | {} | {} | {} |",
            cells[0], cells[1], cells[2], cells[3]
        ));
    }
    rows.push(String::new());
    rows.push(format!(
        "{ours} of the {theirs} peer pairs among the contract's families are answered by divcalc \
         (each cell evaluates KL at example parameters: `exact` = closed form, `inf` = infinite with its reason)."
    ));
    rows.join("\n")
}

#[test]
fn readme_comparison_is_current() {
    let (start, end) = ("<!-- comparison:start -->\n", "<!-- comparison:end -->");
    let file = path("README.md");
    let readme = std::fs::read_to_string(&file).unwrap();
    let (Some(from), Some(to)) = (readme.find(start), readme.find(end)) else {
        panic!("README.md lacks the comparison markers");
    };
    let generated = format!("{}{}\n", start, comparison_table());
    if bless() {
        let updated = format!("{}{}{}", &readme[..from], generated, &readme[to..]);
        std::fs::write(&file, updated).unwrap();
        return;
    }
    assert!(
        readme[from..to] == generated,
        "the README's comparison table is stale: run DIVCALC_BLESS=1 cargo test --test documents"
    );
}

/// Every KL pair the peers register, among the contract's families, is a rule of the table (`divcalc --rules`).
#[test]
fn every_peer_pair_has_a_rule() {
    let peers = include_str!("data/peers.md");
    let names: Vec<String> = divcalc::rules::all().map(|rule| rule.name()).collect();
    let mut missing = Vec::new();
    for line in peers
        .lines()
        .skip_while(|line| !line.starts_with("| P ‖ Q"))
        .skip(2)
    {
        if !line.starts_with('|') {
            break;
        }
        let pair = line
            .trim_matches('|')
            .split('|')
            .next()
            .unwrap_or_default()
            .trim();
        let Some((p, q)) = pair.split_once(" ‖ ") else {
            continue;
        };
        let (Some(p), Some(q)) = (family(p), family(q)) else {
            continue;
        };
        let display = |kind: FamilyKind| divcalc::family::spec(kind).display;
        let name = format!("KL({} || {})", display(p), display(q));
        if !names.contains(&name) {
            missing.push(name);
        }
    }
    assert!(missing.is_empty(), "peer pairs without a rule: {missing:?}");
}
