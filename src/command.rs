//! REPL commands (`:digits 50`, `:format json`, `:bits on`, `:help`, `:rules`, `:quit`), parsed and run in the
//! library so that they are tested without a terminal.

use crate::session::{Format, Session, MAX_DIGITS};

/// A REPL command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Set the number of significant digits.
    Digits(usize),
    /// Set the output format.
    Format(Format),
    /// Report divergences in bits (true) or nats (false).
    Bits(bool),
    /// Show help, optionally on a topic.
    Help(Option<String>),
    /// List the rule table.
    Rules,
    /// Leave the REPL.
    Quit,
}

/// What the REPL does after a command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ControlFlow {
    /// Print the message (if any) and read the next line.
    Continue(String),
    /// Leave.
    Quit,
}

/// Parses a line that starts with `:`; `None` for any other line.
pub fn parse(line: &str) -> Option<Result<Command, String>> {
    let rest = line.trim().strip_prefix(':')?;
    let mut words = rest.split_whitespace();
    let name = words.next().unwrap_or("");
    let argument = words.next();
    if words.next().is_some() {
        return Some(Err(format!(":{name} takes at most one argument")));
    }
    Some(match (name, argument) {
        ("digits", Some(text)) => match text.parse::<usize>() {
            Ok(digits) if (1..=MAX_DIGITS).contains(&digits) => Ok(Command::Digits(digits)),
            _ => Err(format!(
                ":digits takes a whole number from 1 to {MAX_DIGITS}, got '{text}'"
            )),
        },
        ("digits", None) => Err(":digits needs a number, e.g. :digits 50".into()),
        ("format", Some(text)) => text.parse::<Format>().map(Command::Format),
        ("format", None) => Err(":format needs plain, latex or json".into()),
        ("bits", None | Some("on")) => Ok(Command::Bits(true)),
        ("bits", Some("off")) | ("nats", None) => Ok(Command::Bits(false)),
        ("bits", Some(other)) => Err(format!(":bits takes on or off, got '{other}'")),
        ("help", topic) => Ok(Command::Help(topic.map(str::to_string))),
        ("rules", None) => Ok(Command::Rules),
        ("quit" | "q" | "exit", None) => Ok(Command::Quit),
        (other, _) => {
            let known = [
                "digits", "format", "bits", "nats", "help", "rules", "quit", "exit",
            ];
            let hint = crate::suggest::did_you_mean(other, known)
                .map(|name| format!(" (did you mean ':{name}'?)"));
            Err(format!(
                "unknown command ':{other}'{}",
                hint.unwrap_or_default()
            ))
        }
    })
}

impl Session {
    /// Runs a command.
    pub fn run(&mut self, command: Command) -> ControlFlow {
        match command {
            Command::Digits(digits) => {
                self.options.digits = digits;
                ControlFlow::Continue(format!("digits = {digits}"))
            }
            Command::Format(format) => {
                self.options.format = format;
                ControlFlow::Continue(String::new())
            }
            Command::Bits(bits) => {
                self.options.bits = bits;
                ControlFlow::Continue(format!(
                    "divergences in {}",
                    if bits { "bits" } else { "nats" }
                ))
            }
            Command::Help(topic) => ControlFlow::Continue(help(topic.as_deref())),
            Command::Rules => ControlFlow::Continue(crate::rules::listing(self.options.format)),
            Command::Quit => ControlFlow::Quit,
        }
    }
}

/// The help text, in general or on `families`, `divergences` or `functions`.
pub fn help(topic: Option<&str>) -> String {
    match topic {
        Some("families") => crate::family::SPECS
            .iter()
            .map(|spec| format!("{:<28} {}", spec.names.join(", "), spec.summary))
            .collect::<Vec<_>>()
            .join("\n"),
        Some("divergences") => DIVERGENCES.to_string(),
        Some("functions") => FUNCTIONS.to_string(),
        Some(other) => format!(
            "no help on '{other}': try :help, :help families, :help divergences, :help functions"
        ),
        None => GENERAL.to_string(),
    }
}

const GENERAL: &str = "\
divcalc: exact and certified divergences between probability distributions.

  KL(N(0,1) || N(0,4))        exact form and certified digits
  N(0,1) || N(0,4)            the same (P || Q alone means KL)
  KL(N(m, v) || N(0, 1))      a formula in the symbols m and v
  Renyi(1/2, P || Q)  JS(P || Q)  H(P)  H(P, Q)  Hellinger  Bhattacharyya  Pearson  TV
  let P = 0.3*N(-1,1/2) + 0.7*N(2,1)      bind a name (here a mixture)
  KL(P||Q) - KL(Q||P)   sqrt(JS(P||Q))     arithmetic on results
Numbers are exact: 0.1 is 1/10. Constants: pi, e, euler_gamma, inf.

Commands: :digits N   :format plain|latex|json   :bits on|off   :rules   :help families|divergences|functions   :quit
Keys: Ctrl-C cancels a running computation or clears the line; Ctrl-D quits.";

const DIVERGENCES: &str = "\
KL(P || Q)            Kullback-Leibler divergence E_P[log p/q]
Renyi(a, P || Q)      Renyi divergence of order a in [0, inf]; a = 1 is KL
JS(P || Q)            Jensen-Shannon divergence, between 0 and log 2
H(P)                  entropy (differential for densities)
H(P, Q)               cross-entropy -E_P[log q] = H(P) + KL(P || Q)
Hellinger(P || Q)     Hellinger distance sqrt(1 - BC), BC = integral of sqrt(pq)
Bhattacharyya(P || Q) -log BC
Pearson(P || Q)       Pearson chi-squared divergence
TV(P || Q)            total variation distance";

const FUNCTIONS: &str = "\
log (ln), exp, sqrt, abs, lgamma, digamma, trigamma, erf, erfc, expint (E1), atan, sin, cos;
constants pi, e, euler_gamma, inf";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands() {
        assert_eq!(parse(":digits 50"), Some(Ok(Command::Digits(50))));
        assert_eq!(
            parse(":format json"),
            Some(Ok(Command::Format(Format::Json)))
        );
        assert_eq!(parse(":bits"), Some(Ok(Command::Bits(true))));
        assert_eq!(parse(":bits off"), Some(Ok(Command::Bits(false))));
        assert_eq!(parse(":quit"), Some(Ok(Command::Quit)));
        assert_eq!(
            parse(":help families"),
            Some(Ok(Command::Help(Some("families".into()))))
        );
        assert_eq!(parse("KL(N(0,1) || N(0,4))"), None);
    }

    #[test]
    fn rejects_bad_commands() {
        assert!(matches!(parse(":digits 0"), Some(Err(message)) if message.contains("1 to")));
        assert!(matches!(parse(":digits many"), Some(Err(_))));
        assert!(
            matches!(parse(":format xml"), Some(Err(message)) if message.contains("plain, latex or json"))
        );
        assert!(
            matches!(parse(":frobnicate"), Some(Err(message)) if message.contains("unknown command"))
        );
    }

    #[test]
    fn commands_change_the_session() {
        let mut session = Session::new();
        assert_eq!(
            session.run(Command::Digits(7)),
            ControlFlow::Continue("digits = 7".into())
        );
        assert_eq!(session.options.digits, 7);
        session.run(Command::Bits(true));
        assert!(session.options.bits);
        assert_eq!(session.run(Command::Quit), ControlFlow::Quit);
    }
}
