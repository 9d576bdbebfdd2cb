//! Plain ASCII, in the syntax of the language: `log(2) - 3/8`, `2*sqrt(15)/5`, `x^(1/3)`.

use super::{at_least, Level, Rendered, Style};
use crate::sym::{Constant, Function, Symbol};

pub(super) struct Plain;

impl Style for Plain {
    fn constant(&self, constant: Constant) -> String {
        match constant {
            Constant::Pi => "pi",
            Constant::E => "e",
            Constant::EulerGamma => "euler_gamma",
        }
        .to_string()
    }

    fn symbol(&self, symbol: &Symbol) -> String {
        symbol.name.clone()
    }

    fn function(&self, function: Function, arguments: &[String]) -> String {
        format!("{}({})", function.name(), arguments.join(", "))
    }

    fn fraction(&self, numerator: Rendered, denominator: Rendered) -> Rendered {
        // `/` is left associative and binds like `*`, and looser than `^`.
        let numerator = at_least(numerator, Level::Product, self);
        let denominator = at_least(denominator, Level::Power, self);
        Rendered::new(format!("{numerator}/{denominator}"), Level::Product)
    }

    fn power(&self, base: &str, exponent: Rendered) -> String {
        let exponent = at_least(exponent, Level::Atom, self);
        format!("{base}^{exponent}")
    }

    fn root(&self, radicand: &str, index: u64) -> Option<String> {
        (index == 2).then(|| format!("sqrt({radicand})"))
    }

    fn group(&self, text: &str) -> String {
        format!("({text})")
    }

    fn join_factors(&self, factors: &[String]) -> String {
        factors.join("*")
    }

    fn infinity(&self) -> String {
        "inf".to_string()
    }

    fn numeric(&self) -> String {
        "<numeric>".to_string()
    }
}
