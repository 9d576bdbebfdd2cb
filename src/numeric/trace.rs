//! Diagnostic traces of the quadrature on stderr, switched on by environment variables. The variables are
//! read once per process: the checks sit in loops that run millions of times, where reading the
//! environment each time cost more than the work traced.

use std::sync::OnceLock;

/// What can be traced.
#[derive(Clone, Copy, Debug)]
pub enum Trace {
    /// `DIVCALC_TRACE`: the regions of each enclosure and the work done.
    Regions,
    /// `DIVCALC_TRACE_BOXES`: each complex box bounded for an error estimate.
    Boxes,
    /// `DIVCALC_TRACE_SEGMENTS`: each accepted Gauss–Legendre segment.
    Segments,
    /// `DIVCALC_TRACE_COMPLEX`: every complex operation.
    Complex,
    /// `DIVCALC_TRACE_FAIL`: the operation where a complex box fails.
    Failures,
}

const NAMES: [&str; 5] = [
    "DIVCALC_TRACE",
    "DIVCALC_TRACE_BOXES",
    "DIVCALC_TRACE_SEGMENTS",
    "DIVCALC_TRACE_COMPLEX",
    "DIVCALC_TRACE_FAIL",
];

/// Whether `trace` is switched on.
pub fn enabled(trace: Trace) -> bool {
    static FLAGS: OnceLock<[bool; 5]> = OnceLock::new();
    FLAGS.get_or_init(|| NAMES.map(|name| std::env::var_os(name).is_some()))[trace as usize]
}
