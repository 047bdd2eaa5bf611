//! `civic verify`'s arguments and what it prints. Exit codes: 0 clean, 1 findings, 2 usage
//! errors or a site that cannot be reached (nothing was compared).

use super::{Format, Outcome, Stop};
use crate::integrity::remote::{RemoteOptions, verify_remote};
use crate::integrity::{IntegrityError, MANIFEST_FILE, Report, load_manifest};
use crate::messages::{Lang, Text};
use crate::text;
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Args, Debug)]
pub struct VerifyArgs {
    #[arg(value_name = "DIR|URL")]
    pub target: String,
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
    #[arg(long, value_name = "SECONDS", default_value = "20", value_parser = seconds)]
    pub timeout: Duration,
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: u32,
    // The whole run stops after this long (issue 24: a slow server stalled a run for hours).
    #[arg(long, value_name = "SECONDS", default_value = "900", value_parser = seconds)]
    pub deadline: Duration,
    #[arg(long, value_name = "N")]
    pub sample: Option<usize>,
    #[arg(long, value_name = "FILE", requires = "sample")]
    pub since: Option<PathBuf>,
    #[arg(long, requires = "sample")]
    pub seed: Option<u64>,
    #[arg(long, short = 'q')]
    pub quiet: bool,
    #[arg(long, value_parser = super::parse_lang)]
    pub lang: Option<crate::messages::Lang>,
}

fn seconds(s: &str) -> Result<Duration, String> {
    match s.parse::<f64>() {
        Ok(secs) if secs > 0.0 && secs <= 3600.0 => Ok(Duration::from_secs_f64(secs)),
        _ => Err(text!("verify-timeout-invalid", value = s).in_lang(super::args::terminal_lang())),
    }
}

pub fn run(args: &VerifyArgs, lang: Lang) -> Outcome {
    let is_address = ["http://", "https://"].iter().any(|scheme| {
        args.target
            .get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    });
    if is_address {
        return remote(args, lang);
    }
    if args.sample.is_some() {
        return usage(text!("verify-sample-needs-address"), None);
    }
    let dir = PathBuf::from(&args.target);
    let manifest = args
        .manifest
        .clone()
        .unwrap_or_else(|| dir.join(MANIFEST_FILE));
    match load_manifest(&manifest).and_then(|m| crate::integrity::disk::verify_with(&dir, &m)) {
        Ok(report) => finish(args, &report, None, lang, &[]),
        Err(e) => integrity_error(&e),
    }
}

fn remote(args: &VerifyArgs, lang: Lang) -> Outcome {
    let mut base = match url::Url::parse(&args.target) {
        Ok(url) if url.host_str().is_some() => url,
        Ok(_) => {
            return usage(text!("verify-address-no-host", url = &args.target), None);
        }
        Err(e) => {
            return usage(
                text!(
                    "verify-not-an-address",
                    url = &args.target,
                    reason = e.to_string()
                ),
                None,
            );
        }
    };
    // The address of the site's root: query and fragment mean nothing here.
    base.set_query(None);
    base.set_fragment(None);
    if !base.path().ends_with('/') {
        let path = format!("{}/", base.path());
        base.set_path(&path);
    }
    let Some(manifest_path) = &args.manifest else {
        return usage(
            text!("verify-needs-manifest", url = base.as_str()),
            Some(text!("verify-needs-manifest-help")),
        );
    };
    let manifest = match load_manifest(manifest_path) {
        Ok(m) => m,
        Err(e) => return integrity_error(&e),
    };
    let since = match args.since.as_deref().map(load_manifest).transpose() {
        Ok(since) => since,
        Err(e) => return integrity_error(&e),
    };
    let seed = args.seed.unwrap_or_else(|| fastrand::u64(..));
    let options = RemoteOptions {
        base,
        manifest,
        since,
        sample: args.sample,
        seed,
        concurrency: usize::from(args.concurrency),
        timeout: args.timeout,
        deadline: args.deadline,
        retries: args.retries,
        backoff: Duration::from_millis(500),
        progress: !args.quiet && std::io::stderr().is_terminal(),
        lang,
    };
    match verify_remote(&options) {
        Ok(outcome) => {
            let checked = match args.sample {
                // A seed is shown as it is: it is a number to copy, not a quantity.
                Some(_) => text!(
                    "verify-checked-sample",
                    files = outcome.checked,
                    requests = outcome.requests,
                    seed = seed.to_string()
                ),
                None => text!(
                    "verify-checked",
                    files = outcome.checked,
                    requests = outcome.requests
                ),
            };
            let mut notes = Vec::new();
            if outcome.unlisted > 0 {
                notes.push(text!("verify-extra-unlisted", links = outcome.unlisted));
            }
            if outcome.unfinished > 0 {
                notes.push(text!(
                    "verify-deadline-reached",
                    seconds = args.deadline.as_secs(),
                    files = outcome.unfinished
                ));
            }
            let cut_short = outcome.unfinished > 0;
            let done = finish(args, &outcome.report, Some(checked), lang, &notes);
            // A run the deadline cut short compared less than it was asked to: never "clean".
            if cut_short { Err(Stop::Reported) } else { done }
        }
        Err(e) => usage(e.text(), Some(e.help())),
    }
}

/// Print the report (and how much was checked, for an address) in `lang`.
fn finish(
    args: &VerifyArgs,
    report: &Report,
    checked: Option<Text>,
    lang: Lang,
    notes: &[Text],
) -> Outcome {
    let clean = report.is_clean();
    let summary = match checked {
        Some(checked) => text!(
            "verify-summary-checked",
            summary = report.summary(),
            checked = checked
        ),
        None => report.summary(),
    }
    .in_lang(lang);
    match args.format {
        Format::Json => {
            print!("{}", report.to_json_lines(lang));
            if !args.quiet {
                eprintln!("{summary}");
            }
            notes.iter().for_each(|n| eprintln!("{}", n.in_lang(lang)));
        }
        Format::Text if clean && args.quiet => {}
        Format::Text => {
            for finding in &report.findings {
                eprintln!("{}", finding.line(lang));
            }
            eprintln!("{summary}");
            notes.iter().for_each(|n| eprintln!("{}", n.in_lang(lang)));
        }
    }
    if clean { Ok(()) } else { Err(Stop::Reported) }
}

fn integrity_error(e: &IntegrityError) -> Outcome {
    usage(e.text(), e.help())
}

/// An error that stopped the run before anything was compared, and what to do about it.
fn usage(message: Text, help: Option<Text>) -> Outcome {
    Err(Stop::Usage { message, help })
}
