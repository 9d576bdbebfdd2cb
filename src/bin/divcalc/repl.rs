//! The interactive REPL: line editing and history (rustyline), continuation while brackets are open, name
//! completion, Ctrl-C to cancel a computation or clear the line, Ctrl-D to quit.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use divcalc::command::{self, ControlFlow};
use divcalc::interrupt::Flag;
use divcalc::Session;
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::validate::MatchingBracketValidator;
use rustyline::{Completer, Config, Editor, Helper, Highlighter, Hinter, Validator};

/// Completes family, divergence, function and command names.
struct NameCompleter {
    names: Vec<String>,
}

impl Completer for NameCompleter {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        position: usize,
        _context: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..position];
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .map(|index| index + 1)
            .unwrap_or(0);
        let word = &before[start..];
        if word.is_empty() {
            return Ok((position, Vec::new()));
        }
        let candidates = self
            .names
            .iter()
            .filter(|name| name.starts_with(word))
            .map(|name| Pair {
                display: name.clone(),
                replacement: name.clone(),
            })
            .collect();
        Ok((start, candidates))
    }
}

#[derive(Helper, Completer, Hinter, Validator, Highlighter)]
struct ReplHelper {
    #[rustyline(Completer)]
    completer: NameCompleter,
    #[rustyline(Validator)]
    validator: MatchingBracketValidator,
}

fn history_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("DIVCALC_HISTORY") {
        return Some(PathBuf::from(path));
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/share"))
        })?;
    Some(data.join("divcalc").join("history"))
}

fn names() -> Vec<String> {
    let mut names: Vec<String> = divcalc::family::all_names().map(str::to_string).collect();
    names.extend(
        divcalc::divergence::DivergenceKind::NAMES
            .iter()
            .map(|name| name.to_string()),
    );
    names.extend(
        divcalc::sym::Function::ALL
            .iter()
            .map(|function| function.name().to_string()),
    );
    names.extend(["sqrt", "pi", "euler_gamma", "inf", "let"].map(str::to_string));
    names.extend([":digits", ":format", ":bits", ":help", ":rules", ":quit"].map(str::to_string));
    names.sort();
    names.dedup();
    names
}

/// Runs the REPL until Ctrl-D or `:quit`. Returns whether every line succeeded.
pub(crate) fn run(session: &mut Session) -> bool {
    let config = Config::builder()
        .max_history_size(1000)
        .map(|builder| builder.auto_add_history(false).build());
    let editor = config.and_then(Editor::<ReplHelper, DefaultHistory>::with_config);
    let mut editor = match editor {
        Ok(editor) => editor,
        Err(error) => {
            eprintln!("error: cannot start the line editor: {error}");
            return false;
        }
    };
    editor.set_helper(Some(ReplHelper {
        completer: NameCompleter { names: names() },
        validator: MatchingBracketValidator::new(),
    }));
    let history = history_path();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    // Ctrl-C while a computation runs sets this; while reading a line, rustyline reports it instead and the
    // line is cleared.
    let pressed = Arc::new(AtomicBool::new(false));
    let handler_pressed = pressed.clone();
    let _ = ctrlc::set_handler(move || handler_pressed.store(true, Ordering::SeqCst));
    println!(
        "divcalc {} — :help for help, Ctrl-D to quit",
        env!("CARGO_PKG_VERSION")
    );
    let mut all_succeeded = true;
    loop {
        match editor.readline("> ") {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                if let Some(parsed) = command::parse(&line) {
                    match parsed.map(|command| session.run(command)) {
                        Ok(ControlFlow::Quit) => break,
                        Ok(ControlFlow::Continue(message)) if !message.is_empty() => {
                            println!("{message}")
                        }
                        Ok(ControlFlow::Continue(_)) => {}
                        Err(message) => eprintln!("error: {message}"),
                    }
                    continue;
                }
                let single_line: Cow<'_, str> = if line.contains('\n') {
                    Cow::Owned(line.replace('\n', " "))
                } else {
                    Cow::Borrowed(&line)
                };
                all_succeeded &= evaluate_interruptibly(session, &single_line, &pressed);
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(error) => {
                eprintln!("error: {error}");
                all_succeeded = false;
                break;
            }
        }
    }
    if let Some(path) = &history {
        if let Some(folder) = path.parent() {
            let _ = std::fs::create_dir_all(folder);
        }
        let _ = editor.save_history(path);
    }
    all_succeeded
}

/// Evaluates a line on a worker thread so that Ctrl-C returns to the prompt at once, even inside one long
/// MPFR call: the worker is abandoned with its interrupt flag raised (it stops at its next check and its
/// result is dropped), and the session keeps its state from before the line.
fn evaluate_interruptibly(session: &mut Session, line: &str, pressed: &Arc<AtomicBool>) -> bool {
    pressed.store(false, Ordering::SeqCst);
    let flag = Flag::new();
    let mut worker_session = session.clone();
    worker_session.set_interrupt(flag.clone());
    let (sender, receiver) = mpsc::channel();
    let line = line.to_string();
    let spawned = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let printed = crate::render_line(&mut worker_session, &line, None, false);
            let _ = sender.send((worker_session, printed));
        });
    if let Err(error) = spawned {
        eprintln!("error: cannot start the evaluation: {error}");
        return false;
    }
    loop {
        match receiver.recv_timeout(Duration::from_millis(20)) {
            Ok((updated, printed)) => {
                *session = updated;
                return printed.emit();
            }
            Err(mpsc::RecvTimeoutError::Timeout) if pressed.swap(false, Ordering::SeqCst) => {
                flag.raise();
                eprintln!("interrupted");
                return false;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                eprintln!("error: the evaluation stopped unexpectedly");
                return false;
            }
        }
    }
}
