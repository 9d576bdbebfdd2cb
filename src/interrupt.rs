//! Cooperative interruption of long computations (quadrature, series, precision escalation).
//!
//! Long loops call [`Interrupt::check`] often; the binary wires Ctrl-C to a flag, the library's default never
//! interrupts. A time limit is an interrupt too.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use crate::error::EvalError;

/// Asked regularly by long computations whether to stop.
pub trait Interrupt: Sync {
    /// Whether the computation should stop now.
    fn should_interrupt(&self) -> bool;

    /// `Err(EvalError::Interrupted)` when the computation should stop.
    fn check(&self) -> Result<(), EvalError> {
        if self.should_interrupt() {
            Err(EvalError::Interrupted)
        } else {
            Ok(())
        }
    }
}

/// Never interrupts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Never;

impl Interrupt for Never {
    fn should_interrupt(&self) -> bool {
        false
    }
}

/// Interrupts when a shared flag is raised (by a Ctrl-C handler) or a deadline passes.
#[derive(Clone, Debug, Default)]
pub struct Flag {
    raised: Arc<AtomicBool>,
    deadline: Option<Instant>,
}

impl Flag {
    /// A flag that is not raised and has no deadline.
    pub fn new() -> Flag {
        Flag::default()
    }

    /// The same flag with a deadline.
    pub fn with_deadline(&self, deadline: Option<Instant>) -> Flag {
        Flag {
            raised: self.raised.clone(),
            deadline,
        }
    }

    /// Raises the flag (from a signal handler or another thread).
    pub fn raise(&self) {
        self.raised.store(true, Ordering::SeqCst);
    }

    /// Lowers the flag before the next computation.
    pub fn clear(&self) {
        self.raised.store(false, Ordering::SeqCst);
    }

    /// The shared atomic, for a signal handler.
    pub fn handle(&self) -> Arc<AtomicBool> {
        self.raised.clone()
    }
}

impl Interrupt for Flag {
    fn should_interrupt(&self) -> bool {
        self.raised.load(Ordering::Relaxed)
            || self
                .deadline
                .is_some_and(|deadline| Instant::now() >= deadline)
    }
}
