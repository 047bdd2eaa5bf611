//! `civic verify`'s arguments and what it prints. Exit codes: 0 clean, 1 findings, 2 usage
//! errors or a site that cannot be reached (nothing was compared).

use super::remote::{RemoteOptions, verify_remote};
use super::{IntegrityError, MANIFEST_FILE, Report, load_manifest};
use crate::cli::Format;
use crate::messages::{Lang, Text};
use crate::text;
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// The deployed folder (or a copy of it), or the live site's address (http:// or https://)
    #[arg(value_name = "DIR|URL")]
    pub target: String,
    /// The manifest of the deployed build, kept off the server [default for a folder:
    /// DIR/civic-manifest.json; required for an address]
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// `text` (readable, on stderr) or `json` (JSON Lines on stdout: one object per finding)
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Requests in flight at once (address only)
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
    /// Seconds to wait for each answer (address only)
    #[arg(long, value_name = "SECONDS", default_value = "20", value_parser = seconds)]
    pub timeout: Duration,
    /// Retries after a network error, with a doubling pause; an HTTP status is never retried
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: u32,
    /// Fetch N files at random, plus the home page, sitemap.xml, robots.txt and every file
    /// changed since the --since manifest (address only; for runs every few minutes)
    #[arg(long, value_name = "N")]
    pub sample: Option<usize>,
    /// The manifest of the build deployed before this one: with --sample, what changed since
    /// is always fetched
    #[arg(long, value_name = "FILE", requires = "sample")]
    pub since: Option<PathBuf>,
    /// Seed of the --sample pick [default: random, printed in the summary]
    #[arg(long, requires = "sample")]
    pub seed: Option<u64>,
    /// Print only problems
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Language of messages: zh-CN or en [default: LC_ALL, LC_MESSAGES or LANG, else zh-CN]
    #[arg(long, value_parser = crate::cli::parse_lang)]
    pub lang: Option<crate::messages::Lang>,
}

fn seconds(s: &str) -> Result<Duration, String> {
    match s.parse::<f64>() {
        Ok(secs) if secs > 0.0 && secs <= 3600.0 => Ok(Duration::from_secs_f64(secs)),
        // Parsed before `--lang` is known: the locale chooses.
        _ => Err(text!("verify-timeout-invalid", value = s).in_lang(crate::cli::reader_lang(None))),
    }
}

pub fn run(args: &VerifyArgs, lang: Lang) -> ExitCode {
    let is_address = ["http://", "https://"].iter().any(|scheme| {
        args.target
            .get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    });
    if is_address {
        return remote(args, lang);
    }
    if args.sample.is_some() {
        return usage(text!("verify-sample-needs-address"), None, lang);
    }
    let dir = PathBuf::from(&args.target);
    let manifest = args
        .manifest
        .clone()
        .unwrap_or_else(|| dir.join(MANIFEST_FILE));
    match load_manifest(&manifest).and_then(|m| super::disk::verify_with(&dir, &m)) {
        Ok(report) => finish(args, &report, None, lang),
        Err(e) => integrity_error(&e, lang),
    }
}

fn remote(args: &VerifyArgs, lang: Lang) -> ExitCode {
    let mut base = match url::Url::parse(&args.target) {
        Ok(url) if url.host_str().is_some() => url,
        Ok(_) => {
            return usage(
                text!("verify-address-no-host", url = &args.target),
                None,
                lang,
            );
        }
        Err(e) => {
            return usage(
                text!(
                    "verify-not-an-address",
                    url = &args.target,
                    reason = e.to_string()
                ),
                None,
                lang,
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
            lang,
        );
    };
    let manifest = match load_manifest(manifest_path) {
        Ok(m) => m,
        Err(e) => return integrity_error(&e, lang),
    };
    let since = match args.since.as_deref().map(load_manifest).transpose() {
        Ok(since) => since,
        Err(e) => return integrity_error(&e, lang),
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
            finish(args, &outcome.report, Some(checked), lang)
        }
        Err(e) => usage(e.text(), Some(e.help()), lang),
    }
}

/// Print the report (and how much was checked, for an address) in `lang`.
fn finish(args: &VerifyArgs, report: &Report, checked: Option<Text>, lang: Lang) -> ExitCode {
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
        }
        Format::Text if clean && args.quiet => {}
        Format::Text => {
            for finding in &report.findings {
                eprintln!("{}", finding.line(lang));
            }
            eprintln!("{summary}");
        }
    }
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn integrity_error(e: &IntegrityError, lang: Lang) -> ExitCode {
    usage(e.text(), e.help(), lang)
}

/// An error that stopped the run before anything was compared, and what to do about it.
fn usage(message: Text, help: Option<Text>, lang: Lang) -> ExitCode {
    eprintln!("{}", text!("verify-error", message = message).in_lang(lang));
    if let Some(help) = help {
        eprintln!("{}", text!("verify-help", help = help).in_lang(lang));
    }
    ExitCode::from(2)
}
