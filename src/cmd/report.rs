//! Printing problems and errors to the terminal.

use crate::error::{self, Problem};
use crate::messages::{Lang, Text};

pub use crate::error::eprint as print_problems;

/// Problems the way an editor reads them: by file and line, each once. Returns what was printed.
pub fn print_sorted(mut problems: Vec<Problem>, lang: Lang) -> Vec<Problem> {
    error::sort_and_dedup(&mut problems);
    print_problems(&problems, lang);
    problems
}

/// A failed build: its problems, then how many and that the previous output is untouched.
pub fn print_failure(problems: Vec<Problem>, output: &std::path::Path, lang: Lang) {
    let problems = print_sorted(problems, lang);
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let files: std::collections::BTreeSet<_> =
        problems.iter().filter_map(|p| p.file.as_deref()).collect();
    let summary = crate::text!(
        "cli-build-failed",
        errors = errors,
        files = files.len(),
        output = output
    );
    eprintln!("\n{}", summary.in_lang(lang));
}

/// An error that is not about one file: `error: …`, then `help: …` when there is something to do.
pub fn print_error(message: Text, help: Option<Text>, lang: Lang) {
    eprintln!(
        "{}",
        crate::text!("cmd-error", message = message).in_lang(lang)
    );
    if let Some(help) = help {
        eprintln!("{}", crate::text!("cmd-help", help = help).in_lang(lang));
    }
}
