//! LaTeX: `\log(2) - \frac{3}{8}`, `\psi(x)`, `\ln\Gamma(x)`, `\sqrt{2}`.

use super::{Level, Rendered, Style};
use crate::sym::{Constant, Function, Symbol};

pub(super) struct Latex;

/// Symbol names printed as Greek letters.
const GREEK: [&str; 33] = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "varepsilon",
    "zeta",
    "eta",
    "theta",
    "vartheta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "pi",
    "rho",
    "sigma",
    "tau",
    "upsilon",
    "phi",
    "varphi",
    "chi",
    "psi",
    "omega",
    "Gamma",
    "Delta",
    "Theta",
    "Lambda",
    "Sigma",
    "Phi",
    "Omega",
];

/// `sigma2` → `\sigma_{2}`, `x_1` → `x_{1}`, `m` → `m`, `rate` → `\mathit{rate}`.
fn symbol_name(name: &str) -> String {
    let (stem, subscript) = match name.split_once('_') {
        Some((stem, subscript)) if !stem.is_empty() && !subscript.is_empty() => (stem, subscript),
        _ => {
            let split = name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            if split == 0 || split == name.len() {
                (name, "")
            } else {
                name.split_at(split)
            }
        }
    };
    let stem = if GREEK.contains(&stem) {
        format!("\\{stem}")
    } else if stem.chars().count() == 1 {
        stem.to_string()
    } else {
        format!("\\mathit{{{}}}", stem.replace('_', "\\_"))
    };
    if subscript.is_empty() {
        stem
    } else {
        format!("{stem}_{{{}}}", subscript.replace('_', "\\_"))
    }
}

impl Style for Latex {
    fn constant(&self, constant: Constant) -> String {
        match constant {
            Constant::Pi => "\\pi",
            Constant::E => "e",
            Constant::EulerGamma => "\\gamma",
        }
        .to_string()
    }

    fn symbol(&self, symbol: &Symbol) -> String {
        symbol_name(&symbol.name)
    }

    fn function(&self, function: Function, arguments: &[String]) -> String {
        let argument = arguments.join(", ");
        let name = match function {
            Function::Abs => return format!("\\left|{argument}\\right|"),
            Function::Log => "\\log",
            Function::Exp => "\\exp",
            Function::Lgamma => "\\ln\\Gamma",
            Function::Digamma => "\\psi",
            Function::Trigamma => "\\psi_1",
            Function::Erf => "\\operatorname{erf}",
            Function::Erfc => "\\operatorname{erfc}",
            Function::ExpIntegralE1 => "E_1",
            Function::Atan => "\\arctan",
            Function::Sin => "\\sin",
            Function::Cos => "\\cos",
            // I_ν(x): the order is a subscript.
            Function::BesselI => match arguments {
                [order, x] => return format!("I_{{{order}}}({x})"),
                _ => "I",
            },
        };
        format!("{name}({argument})")
    }

    fn fraction(&self, numerator: Rendered, denominator: Rendered) -> Rendered {
        Rendered::new(
            format!("\\frac{{{}}}{{{}}}", numerator.text, denominator.text),
            Level::Atom,
        )
    }

    fn power(&self, base: &str, exponent: Rendered) -> String {
        format!("{base}^{{{}}}", exponent.text)
    }

    fn root(&self, radicand: &str, index: u64) -> Option<String> {
        Some(if index == 2 {
            format!("\\sqrt{{{radicand}}}")
        } else {
            format!("\\sqrt[{index}]{{{radicand}}}")
        })
    }

    fn group(&self, text: &str) -> String {
        format!("\\left({text}\\right)")
    }

    fn join_factors(&self, factors: &[String]) -> String {
        let mut text = String::new();
        for (position, factor) in factors.iter().enumerate() {
            if position > 0 {
                // Juxtaposed digits would read as one number.
                let separator = if factor.starts_with(|c: char| c.is_ascii_digit()) {
                    " \\cdot "
                } else {
                    " "
                };
                text.push_str(separator);
            }
            text.push_str(factor);
        }
        text
    }

    fn infinity(&self) -> String {
        "\\infty".to_string()
    }

    fn numeric(&self) -> String {
        "\\langle\\mathrm{numeric}\\rangle".to_string()
    }
}
