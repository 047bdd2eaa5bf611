//! `civic check`: everything `build` validates, plus what a careful editor checks before
//! publishing — links to other pages and their `#anchors`, images without alt text, missing and
//! outdated translations, news sections with nothing new, empty sections. Findings are grouped by
//! file, each with its line, what is wrong and what to do; `--format json` for scripts.

mod findings;

use crate::cli::SiteArgs;
use crate::error::{self, Failed, Problem, Severity};
use crate::markdown::Highlighter;
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::process::ExitCode;

pub use findings::find;

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Output format: text for people, json for scripts
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Treat warnings as errors (exit code 1 when there are any)
    #[arg(long)]
    pub strict: bool,
    /// Do not report findings with this code (repeatable), e.g. --allow missing-translation
    #[arg(long, value_name = "CODE")]
    pub allow: Vec<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    errors: usize,
    warnings: usize,
    problems: &'a [Problem],
}

/// Every problem `civic check` finds in the site at `options`, sorted by file and line.
pub fn check(options: &crate::pipeline::BuildOptions) -> Vec<Problem> {
    let highlighter = Highlighter::default();
    let mut problems = match crate::pipeline::load(options, &highlighter) {
        Ok(loaded) => find(&loaded.site),
        Err(Failed(problems)) => problems,
    };
    // An English twin inheriting a bad value reports it at the Chinese file, as that file does.
    error::sort_and_dedup(&mut problems);
    problems
}

pub fn run(args: &CheckArgs) -> ExitCode {
    let options = match args.site.options() {
        Ok(o) => o,
        Err(e) => return crate::cli::usage_error(&e),
    };
    let mut problems = check(&options);
    problems.retain(|p| !args.allow.iter().any(|a| a == p.code));
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    match args.format {
        Format::Json => {
            let report = JsonReport {
                errors,
                warnings,
                problems: &problems,
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            );
        }
        Format::Text => print!(
            "{}",
            text_report(&problems, std::io::stdout().is_terminal())
        ),
    }
    if !args.site.quiet || errors > 0 {
        eprintln!("{}", guard_summary(&options.root, &problems));
        eprintln!("{}", summary(errors, warnings));
    }
    if errors > 0 || (args.strict && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What the content guard did: how many files it scanned and what it found in them.
fn guard_summary(root: &std::path::Path, problems: &[Problem]) -> String {
    let scanned = crate::content::walk::walk(root)
        .map(|w| w.markdown.len() + w.assets.len())
        .unwrap_or(0);
    let guard: Vec<&Problem> = problems.iter().filter(|p| p.code == "guard").collect();
    let errors = guard.iter().filter(|p| p.is_error()).count();
    format!(
        "Guard: scanned {} and the site's templates and scripts; {} and {}.",
        plural(scanned, "content file"),
        plural(errors, "error"),
        plural(guard.len() - errors, "warning")
    )
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

pub fn summary(errors: usize, warnings: usize) -> String {
    if errors + warnings == 0 {
        return "Check passed: no problems found.".to_string();
    }
    format!(
        "Check found {} and {}.",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// Findings grouped under a heading per file, each with its source frame and fix.
pub fn text_report(problems: &[Problem], color: bool) -> String {
    let mut by_file: BTreeMap<&str, Vec<&Problem>> = BTreeMap::new();
    for p in problems {
        by_file
            .entry(p.file.as_deref().unwrap_or("site"))
            .or_default()
            .push(p);
    }
    let mut out = String::new();
    for (file, list) in by_file {
        let errors = list
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        out.push_str(&format!(
            "── {file} ({}, {})\n",
            plural(errors, "error"),
            plural(list.len() - errors, "warning")
        ));
        for p in list {
            out.push_str(&error::report(p, color));
        }
        out.push('\n');
    }
    out
}
