//! The command line as a user sees it: output, JSON keys, exit codes and carets (contract §5).

use assert_cmd::Command;
use predicates::prelude::*;

fn divcalc() -> Command {
    Command::cargo_bin("divcalc").expect("the divcalc binary is built")
}

#[test]
fn one_shot_prints_the_exact_form_and_certified_digits() {
    divcalc()
        .arg("KL(N(0,1) || N(0,4))")
        .assert()
        .success()
        .stdout("log(2) - 3/8\n≈ 0.31814718055994530942\n");
}

#[test]
fn json_has_the_contract_keys_and_fifty_digits() {
    let output = divcalc()
        .args(["--format", "json", "--digits", "50", "KL(N(0,1) || N(0,4))"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let record: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(record["input"], "KL(N(0,1) || N(0,4))");
    assert_eq!(record["exact"], "log(2) - 3/8");
    assert_eq!(
        record["value"],
        "0.31814718055994530941723212145817656807550013436026"
    );
    assert_eq!(record["method"], "closed form");
    assert_eq!(record["rule"], "KL(Normal || Normal)");
}

#[test]
fn symbols_give_the_vae_formula() {
    divcalc()
        .arg("KL(N(m, v) || N(0, 1))")
        .assert()
        .success()
        .stdout("(m^2 + v - log(v) - 1)/2\n");
}

#[test]
fn syntax_errors_show_a_caret_and_exit_1() {
    divcalc()
        .arg("KL(N(0,1) || N(0,4)")
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with("error: expected ')'"))
        .stderr(predicate::str::contains(
            "  KL(N(0,1) || N(0,4)\n                     ^\n",
        ));
}

#[test]
fn parameter_errors_name_the_parameter_and_the_rule() {
    divcalc()
        .arg("N(0, -1)")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "error: N(0, -1): variance must be > 0, got -1",
        ));
}

#[test]
fn json_errors_are_objects() {
    let output = divcalc()
        .args(["--format", "json", "KL(N(0,1) ||"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let record: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(record["input"], "KL(N(0,1) ||");
    assert!(record["error"]
        .as_str()
        .is_some_and(|message| message.contains("expected")));
}

#[test]
fn bad_usage_exits_2() {
    divcalc().args(["--digits", "many", "1"]).assert().code(2);
    divcalc().args(["--format", "xml", "1"]).assert().code(2);
}

#[test]
fn batch_runs_every_line_and_reports_failure() {
    divcalc()
        .write_stdin("let P = N(0, 1)\nKL(P || N(0, 4))\nN(0, -1)\n# a comment\nKL(N(0,4) || P)\n")
        .assert()
        .code(1)
        .stdout("P = N(0, 1)\nlog(2) - 3/8 ≈ 0.31814718055994530942\n3/2 - log(2) ≈ 0.80685281944005469058\n")
        .stderr(predicate::str::contains("error: line 3: N(0, -1): variance must be > 0, got -1"));
}

#[test]
fn batch_json_is_one_object_per_line() {
    let output = divcalc()
        .args(["--format", "json"])
        .write_stdin("N(0,1) || N(0,4)\nKL(N(0,1) || Exp(1))\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    let lines: Vec<serde_json::Value> = output
        .stdout
        .split(|byte| *byte == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| serde_json::from_slice(line).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["value"], "inf");
    assert!(lines[1]["reason"]
        .as_str()
        .is_some_and(|reason| reason.contains("outside the support")));
}

#[test]
fn infinite_divergences_say_why() {
    divcalc()
        .arg("KL(N(0,1) || Exp(1))")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "inf  (N(0, 1) puts mass outside the support",
        ));
}

#[test]
fn latex_output() {
    divcalc()
        .args(["--format", "latex", "KL(N(0,1) || N(0,4))"])
        .assert()
        .success()
        .stdout("\\log(2) - \\frac{3}{8} \\approx 0.31814718055994530942\n");
}

#[test]
fn bits_reports_in_log_base_two() {
    divcalc()
        .args(["--bits", "--digits", "10", "KL(Bern(1/2) || Bern(1/4))"])
        .assert()
        .success()
        .stdout(predicate::str::contains("≈ 0.2075187496"));
}

#[test]
fn mvn_results_are_exact() {
    divcalc()
        .arg("KL(MVN([0,0],[[2,1],[1,2]]) || MVN([1,0],[[1,0],[0,1]]))")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("(3 - log(3))/2\n≈ 0.95069"));
}

#[test]
fn many_digits() {
    let output = divcalc()
        .args([
            "--digits",
            "10000",
            "--format",
            "json",
            "KL(N(0,1) || N(0,4))",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let record: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let value = record["value"].as_str().unwrap();
    assert_eq!(value.trim_start_matches("0.").len(), 10000);
    assert!(value.starts_with("0.3181471805599453094172321214581765680755001343602552541206800094933936219696947156058633269964186875"));
}

#[test]
fn equal_mixture_components_merge_into_one() {
    divcalc()
        .arg("1/3*CB(3/10) + 2/3*CB(3/10)")
        .assert()
        .success()
        .stdout("CB(3/10)\n");
    // Merged, P is Q, and JS is exactly 0 (its quadrature would integrate an exact zero and never certify).
    divcalc()
        .arg("JS(1/3*CB(3/10) + 2/3*CB(3/10) || CB(3/10))")
        .assert()
        .success()
        .stdout("0\n");
    divcalc()
        .arg("1/4*N(0,1) + 1/2*N(1,1) + 1/4*N(0,1)")
        .assert()
        .success()
        .stdout("1/2*N(0, 1) + 1/2*N(1, 1)\n");
}

#[test]
fn point_masses_in_mixtures_have_mass_functions() {
    divcalc()
        .arg("KL(N(1/2, 2) || 1/3*Bern(1/3) + (1 - 1/3)*Delta(1))")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("inf  (N(1/2, 2) has a density"));
    divcalc()
        .arg("KL(1/3*Bern(1/3) + (1 - 1/3)*Delta(1) || Poisson(1))")
        .assert()
        .success()
        .stdout("2*log(2)/9 - 2*log(3) + 7*log(7)/9 + 1\n≈ 0.47029380094234547883\n");
}
