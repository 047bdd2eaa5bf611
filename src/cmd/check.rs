//! `civic check`: the findings of [`crate::check`] grouped by file for people, or as JSON for
//! scripts, with what the content guard scanned.

use super::{Format, Outcome, SiteArgs, Stop};
use crate::error::{self, Problem, Severity};
use crate::messages::{Lang, Text};
use clap::Args;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::IsTerminal;

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[arg(long)]
    pub strict: bool,
    #[arg(long, value_name = "CODE")]
    pub allow: Vec<String>,
    #[arg(long)]
    pub inspection: bool,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    errors: usize,
    warnings: usize,
    problems: Vec<JsonProblem<'a>>,
}

/// A problem for scripts: its fields, with the message and help in the reader's language and
/// the catalogue key of the message (stable across languages and releases).
#[derive(Serialize)]
struct JsonProblem<'a> {
    #[serde(flatten)]
    problem: &'a Problem,
    message: String,
    help: Option<String>,
    message_key: &'static str,
}

impl<'a> JsonProblem<'a> {
    fn new(problem: &'a Problem, lang: Lang) -> JsonProblem<'a> {
        JsonProblem {
            problem,
            message: problem.message.in_lang(lang),
            help: problem.help.as_ref().map(|h| h.in_lang(lang)),
            message_key: problem.message.key(),
        }
    }
}

pub fn run(args: &CheckArgs, lang: Lang) -> Outcome {
    let options = args.site.options().map_err(Stop::usage)?;
    let mut problems = crate::check::check(&options);
    problems.retain(|p| !args.allow.iter().any(|a| a == p.code));
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    if args.inspection {
        inspection_report(&options, &problems, lang)?;
    }
    match args.format {
        _ if args.inspection => {}
        Format::Json => {
            let report = JsonReport {
                errors,
                warnings,
                problems: problems.iter().map(|p| JsonProblem::new(p, lang)).collect(),
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&report).unwrap_or_default()
            );
        }
        Format::Text => print!(
            "{}",
            text_report(&problems, std::io::stdout().is_terminal(), lang)
        ),
    }
    if !args.site.quiet || errors > 0 {
        eprintln!("{}", guard_summary(&options.root, &problems).in_lang(lang));
        eprintln!("{}", summary(errors, warnings).in_lang(lang));
    }
    if errors > 0 || (args.strict && warnings > 0) {
        Err(Stop::Reported)
    } else {
        Ok(())
    }
}

/// What the content guard did: how many files it scanned and what it found in them.
fn guard_summary(root: &std::path::Path, problems: &[Problem]) -> Text {
    let scanned = crate::content::walk::walk(root)
        .map(|w| w.markdown.len() + w.assets.len())
        .unwrap_or(0);
    let guard: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.code.starts_with(crate::guard::PROBLEM_CODE))
        .collect();
    let errors = guard.iter().filter(|p| p.is_error()).count();
    crate::text!(
        "check-guard-summary",
        files = scanned,
        errors = errors,
        warnings = guard.len() - errors
    )
}

pub fn summary(errors: usize, warnings: usize) -> Text {
    if errors + warnings == 0 {
        return crate::text!("check-passed");
    }
    crate::text!("check-found", errors = errors, warnings = warnings)
}

/// Findings grouped under a heading per file, each with its source frame and fix.
pub fn text_report(problems: &[Problem], color: bool, lang: Lang) -> String {
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
        let counts = crate::text!(
            "check-file-heading",
            file = file,
            errors = errors,
            warnings = list.len() - errors
        );
        out.push_str(&format!("── {}\n", counts.in_lang(lang)));
        // As a build prints them: at most MAX_PER_FILE of one file, then a count of the rest.
        for p in list.iter().take(error::MAX_PER_FILE) {
            out.push_str(&error::report(p, color, lang));
        }
        if let Some(more) = list
            .len()
            .checked_sub(error::MAX_PER_FILE)
            .filter(|n| *n > 0)
        {
            let more = crate::text!("problems-more-in-file", more = more, file = file);
            out.push_str(&format!("{}\n", more.in_lang(lang)));
        }
        out.push('\n');
    }
    out
}

/// `--inspection`: the findings grouped by the inspection's items (both languages, Chinese
/// first) on stdout, and the same as a printable HTML page under `reports/` in the site.
fn inspection_report(
    options: &crate::pipeline::BuildOptions,
    problems: &[Problem],
    lang: Lang,
) -> Result<(), Stop> {
    let title = crate::config::load(&options.root, None)
        .map(|c| c.title.zh)
        .unwrap_or_default();
    let header = crate::inspect::report::Header {
        site: &title,
        date: options.date.to_string(),
    };
    print!("{}", crate::inspect::report::text(&header, problems));
    let path = options
        .root
        .join("reports")
        .join(format!("inspection-{}.html", options.date));
    write_report(&path, &crate::inspect::report::html(&header, problems))?;
    eprintln!(
        "{}",
        crate::text!("review-report-written", path = path.as_path()).in_lang(lang)
    );
    Ok(())
}

/// Write a printable report, its folder made if needed (through a temporary file, so an
/// interrupted write leaves the previous report).
pub fn write_report(path: &std::path::Path, html: &str) -> Result<(), Stop> {
    let fail = |e: std::io::Error| {
        Stop::error(
            crate::text!(
                "review-record-unwritable",
                reason = format!("{}: {e}", path.display())
            ),
            None,
        )
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let tmp = path.with_extension("html.tmp");
    std::fs::write(&tmp, html).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(fail)
}
