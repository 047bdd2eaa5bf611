//! `civic check`: everything `build` validates, plus what a careful editor checks before
//! publishing — links to other pages and their `#anchors`, images without alt text, missing and
//! outdated translations, news sections with nothing new, empty sections. Findings are grouped by
//! file, each with its line, what is wrong and what to do (printing: `cmd::check`).

mod findings;

use crate::error::{self, Failed, Problem};
use crate::markdown::Highlighter;

pub use findings::find;

/// Every problem `civic check` finds in the site at `options`, sorted by file and line.
pub fn check(options: &crate::pipeline::BuildOptions) -> Vec<Problem> {
    let highlighter = Highlighter::default();
    let mut problems = match crate::pipeline::load(options, &highlighter) {
        Ok(loaded) => {
            // The loader's warnings (the guard's, the inspection's) are part of what check
            // reports; review's missing sign-offs block publishing.
            let mut found = find(&loaded.site);
            found.extend(loaded.warnings);
            found.extend(crate::review::publish_blockers(&loaded.site, &options.root));
            found
        }
        Err(Failed(problems)) => problems,
    };
    // An English twin inheriting a bad value reports it at the Chinese file, as that file does.
    error::sort_and_dedup(&mut problems);
    problems
}

/// What stops `civic publish` (and anything else that publishes): every error `check` finds,
/// the inspection's veto items and review's missing or outdated sign-offs among them.
pub fn publish_gate(options: &crate::pipeline::BuildOptions) -> Vec<Problem> {
    check(options)
        .into_iter()
        .filter(crate::inspect::is_veto)
        .collect()
}
