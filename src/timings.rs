//! The one switch for developers' timings: `CIVIC_TIMINGS=1` makes a build print its stages
//! (with memory), each language's search-index phases, and serve's re-rendered jobs and the time
//! of each phase. Output goes to stderr, for benchmarks and profiling, never for editors.

use std::time::Instant;

pub const VARIABLE: &str = "CIVIC_TIMINGS";

/// Whether timings are asked for.
pub fn enabled() -> bool {
    std::env::var_os(VARIABLE).is_some()
}

/// `label: N ms` since `since`, when timings are on.
pub fn report(label: &str, since: Instant) {
    if enabled() {
        eprintln!(
            "  {label}: {:.1} ms",
            since.elapsed().as_secs_f64() * 1000.0
        );
    }
}
