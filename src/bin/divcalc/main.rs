//! The `divcalc` command: one-shot (`divcalc 'KL(N(0,1) || N(0,4))'`), batch from standard input, or the REPL on
//! a terminal. Exit status: 0 when every expression succeeded, 1 when any failed, 2 for bad usage.

mod allocation;
mod repl;

use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use divcalc::numeric::Budget;
use divcalc::{output, Format, Options, Outcome, Session};

// mimalloc for Rust's allocations too: the symbolic core and the quadrature's vectors allocate often.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exact and certified divergences between probability distributions.
#[derive(Parser, Debug)]
#[command(name = "divcalc", version, about)]
struct Arguments {
    /// The expression to evaluate; without it, read lines from standard input (a REPL on a terminal).
    expression: Option<String>,

    /// Significant digits to print (every one certified).
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    digits: u32,

    /// Output format.
    #[arg(long, default_value = "plain", value_parser = ["plain", "latex", "json"])]
    format: String,

    /// Report divergences in bits (log base 2) instead of nats.
    #[arg(long)]
    bits: bool,

    /// List every rule of the rule table with its formula, and exit.
    #[arg(long)]
    rules: bool,

    /// Time limit for one expression, in seconds.
    #[arg(long, default_value_t = 60.0)]
    time_limit: f64,

    /// Largest working precision of the certified evaluation, in bits.
    #[arg(long, default_value_t = 1 << 20)]
    max_precision: u32,
}

/// Whether this build uses an instruction the CPU lacks (`.cargo/config.toml` enables fused multiply-add on
/// x86-64): said plainly, instead of an illegal-instruction crash in the middle of a query.
fn missing_cpu_feature() -> Option<&'static str> {
    #[cfg(all(target_arch = "x86_64", target_feature = "fma"))]
    if !std::arch::is_x86_feature_detected!("fma") {
        return Some("fma");
    }
    None
}

fn main() -> ExitCode {
    if let Some(feature) = missing_cpu_feature() {
        eprintln!(
            "error: this build of divcalc uses the CPU instruction set extension `{feature}`, which this \
             CPU lacks; rebuild without the rustflags of .cargo/config.toml"
        );
        return ExitCode::from(2);
    }
    // SAFETY: first thing in main: no GMP or MPFR value exists yet, and no other thread runs.
    unsafe { allocation::use_mimalloc_for_numbers() };
    let arguments = Arguments::parse();
    let format: Format = arguments.format.parse().unwrap_or_default();
    if !(arguments.time_limit > 0.0 && arguments.time_limit.is_finite()) {
        eprintln!("error: --time-limit must be a positive number of seconds");
        return ExitCode::from(2);
    }
    let options = Options {
        digits: arguments.digits as usize,
        format,
        bits: arguments.bits,
        budget: Budget {
            max_precision: arguments.max_precision.max(64),
        },
        time_limit: Some(Duration::from_secs_f64(arguments.time_limit)),
    };
    let mut session = Session::with_options(options);
    if arguments.rules {
        // A closed pipe (`divcalc --rules | head`) ends the listing quietly.
        let _ = writeln!(io::stdout().lock(), "{}", divcalc::rules::listing(format));
        return ExitCode::SUCCESS;
    }
    let succeeded = match arguments.expression {
        Some(expression) => evaluate_line(&mut session, &expression, None, false),
        None if io::stdin().is_terminal() && io::stdout().is_terminal() => repl::run(&mut session),
        None => batch(&mut session),
    };
    if succeeded {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Evaluates every line of standard input; later lines still run after an error.
fn batch(session: &mut Session) -> bool {
    let mut all_succeeded = true;
    for (index, line) in io::stdin().lock().lines().enumerate() {
        let line = match line {
            Ok(line) => line,
            Err(error) => {
                eprintln!("error: cannot read standard input: {error}");
                return false;
            }
        };
        all_succeeded &= evaluate_line(session, &line, Some(index + 1), true);
    }
    all_succeeded
}

/// What one line printed: text for standard output, text for standard error, and whether it succeeded.
pub(crate) struct Printed {
    stdout: Option<String>,
    stderr: Option<String>,
    succeeded: bool,
}

impl Printed {
    /// Writes the texts; a closed pipe (`divcalc < file | head -1`) is not an evaluation failure.
    pub(crate) fn emit(&self) -> bool {
        if let Some(text) = &self.stdout {
            let _ = writeln!(io::stdout().lock(), "{text}");
        }
        if let Some(text) = &self.stderr {
            let _ = writeln!(io::stderr().lock(), "{text}");
        }
        self.succeeded
    }
}

/// Evaluates one line and renders its result or its error.
pub(crate) fn render_line(
    session: &mut Session,
    line: &str,
    number: Option<usize>,
    one_line: bool,
) -> Printed {
    let format = session.options.format;
    match session.eval(line) {
        Ok(Outcome::Nothing) => Printed {
            stdout: None,
            stderr: None,
            succeeded: true,
        },
        Ok(outcome) => {
            let mut text = output::render(&outcome, format);
            if one_line && format == Format::Plain {
                text = text.replace('\n', " ");
            }
            Printed {
                stdout: Some(text),
                stderr: None,
                succeeded: true,
            }
        }
        Err(error) if format == Format::Json => Printed {
            stdout: Some(output::json_error(line, &error)),
            stderr: None,
            succeeded: false,
        },
        Err(error) => {
            let rendered = divcalc::diagnostic::render(line, &error);
            let rendered = match number {
                Some(number) => rendered.replacen("error: ", &format!("error: line {number}: "), 1),
                None => rendered,
            };
            Printed {
                stdout: None,
                stderr: Some(rendered),
                succeeded: false,
            }
        }
    }
}

/// Evaluates one line and prints its result or its error. Returns whether it succeeded.
pub(crate) fn evaluate_line(
    session: &mut Session,
    line: &str,
    number: Option<usize>,
    one_line: bool,
) -> bool {
    render_line(session, line, number, one_line).emit()
}
