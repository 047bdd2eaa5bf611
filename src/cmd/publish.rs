//! `civic publish [TARGET]`: build, preflight, deploy atomically, verify the live site; `--list`
//! and `--rollback`. The work is `crate::publish`; this file gathers the blockers, prints.

use super::{Format, Outcome, SiteArgs, Stop, report};
use crate::error::Failed;
use crate::integrity::remote::{RemoteOptions, verify_remote};
use crate::messages::Lang;
use crate::publish::{self, Blocker, PublishError, PublishReport, Step, Target, VerifyResult};
use crate::text;
use clap::Args;
use std::path::Path;
use std::time::Duration;

#[derive(Args, Debug)]
pub struct PublishArgs {
    /// The target's name in site.yaml's `publish:` (optional when there is one).
    pub target: Option<String>,
    #[command(flatten)]
    pub site: SiteArgs,
    #[arg(long, conflicts_with = "list")]
    pub rollback: bool,
    #[arg(long, value_name = "RELEASE", requires = "rollback")]
    pub to: Option<String>,
    #[arg(long)]
    pub list: bool,
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Publish the last successful build in the output folder as it is.
    #[arg(long)]
    pub no_build: bool,
    #[arg(long)]
    pub no_verify: bool,
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub sample: usize,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(args: &PublishArgs, lang: Lang) -> Outcome {
    let options = args.site.writing_options().map_err(Stop::usage)?;
    let config = crate::config::load(&options.root, options.base_url.as_deref())?;
    let target = publish::target::select(&config, &options.root, args.target.as_deref())
        .map_err(|m| Stop::error(m, Some(text!("publish-targets-help"))))?;
    let publisher = target.publisher.clone().unwrap_or_else(publish::os_user);
    let local_log = options.root.join(".civic").join("publish-log.jsonl");
    if args.list {
        return list(args, &target, lang);
    }
    if args.rollback {
        let done =
            publish::rollback(&target, args.to.as_deref(), &publisher, &local_log).map_err(stop)?;
        return print(
            args,
            &done,
            text!(
                "publish-rolled-back",
                from = done.from.as_str(),
                to = done.to.as_str()
            ),
            lang,
        );
    }
    let blockers = if args.no_build {
        Vec::new()
    } else {
        build(&options, lang)
    };
    let request = publish::Request {
        output: &options.output,
        build_date: options.date.to_string(),
        publisher,
        confirmed: args.yes,
        blockers,
        local_log: local_log.clone(),
    };
    let mut progress = Printer {
        quiet: args.site.quiet || args.format == Format::Json,
        lang,
    };
    let mut done = publish::publish(&request, &target, &mut progress).map_err(stop)?;
    if !args.no_verify {
        let verify = verify(&config.base_url, &options.output, args.sample, lang);
        let _ = publish::log_verify(&local_log, &done.release, &verify);
        done.verify = Some(verify);
    }
    let clean = done.verify.as_ref().is_none_or(|v| v.clean || !v.reached);
    print(args, &done, summary(&done), lang)?;
    if clean { Ok(()) } else { Err(Stop::Reported) }
}

/// Builds the site; its errors are the preflight's blockers (the review gate adds its own here).
fn build(options: &crate::pipeline::BuildOptions, lang: Lang) -> Vec<Blocker> {
    match crate::pipeline::build(options) {
        Ok(built) => {
            report::print_problems(&built.warnings, lang);
            Vec::new()
        }
        Err(Failed(problems)) => {
            let blockers = problems
                .iter()
                .filter(|p| p.is_error())
                .map(|p| Blocker {
                    file: p.file.as_deref().unwrap_or("").to_string(),
                    reason: p.message.clone(),
                })
                .collect();
            report::print_failure(problems, &options.output, lang);
            blockers
        }
    }
}

fn stop(e: PublishError) -> Stop {
    Stop::error(e.text(), e.help())
}

struct Printer {
    quiet: bool,
    lang: Lang,
}

impl publish::Progress for Printer {
    fn step(&mut self, step: &Step) {
        if self.quiet {
            return;
        }
        let line = match step {
            Step::Planned {
                upload,
                unchanged,
                delete,
            } => text!(
                "publish-planned",
                upload = *upload,
                unchanged = *unchanged,
                delete = *delete
            ),
            Step::Linked | Step::Uploaded { .. } => return,
            Step::Switched { release } => text!("publish-switched", release = release.as_str()),
        };
        eprintln!("{}", line.in_lang(self.lang));
    }
}

fn summary(done: &PublishReport) -> crate::messages::Text {
    let verify = match &done.verify {
        None => text!("publish-verify-off"),
        Some(v) if !v.reached => text!("publish-verify-unreached", why = v.summary.as_str()),
        Some(v) if v.clean => text!("publish-verify-clean", summary = v.summary.as_str()),
        Some(v) => text!("publish-verify-failed", summary = v.summary.as_str()),
    };
    text!(
        "publish-done",
        release = done.release.as_str(),
        uploaded = done.uploaded.len(),
        unchanged = done.unchanged,
        deleted = done.deleted.len(),
        verify = verify
    )
}

/// `civic verify` of the live address on a sample of the published manifest.
fn verify(base_url: &str, output: &Path, sample: usize, lang: Lang) -> VerifyResult {
    let unreached = |why: String| VerifyResult {
        reached: false,
        clean: false,
        summary: why,
    };
    let Ok(base) = url::Url::parse(&format!("{}/", base_url.trim_end_matches('/'))) else {
        return unreached(base_url.to_string());
    };
    let manifest =
        match crate::integrity::load_manifest(&output.join(crate::integrity::MANIFEST_FILE)) {
            Ok(m) => m,
            Err(e) => return unreached(e.text().in_lang(lang)),
        };
    let options = RemoteOptions {
        base,
        manifest,
        since: None,
        sample: Some(sample),
        seed: fastrand::u64(..),
        concurrency: 4,
        timeout: Duration::from_secs(10),
        retries: 1,
        backoff: Duration::from_millis(500),
        progress: false,
        lang,
    };
    match verify_remote(&options) {
        Ok(outcome) => VerifyResult {
            reached: true,
            clean: outcome.report.is_clean(),
            summary: outcome.report.summary().in_lang(lang),
        },
        Err(e) => unreached(e.text().in_lang(lang)),
    }
}

fn list(args: &PublishArgs, target: &Target, lang: Lang) -> Outcome {
    let all = publish::releases(target).map_err(stop)?;
    if args.format == Format::Json {
        println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
        return Ok(());
    }
    for r in &all {
        let mark = if r.live { "*" } else { " " };
        let line = match &r.record {
            Some(rec) => format!(
                "{mark} {}  {}  {}  {}  {}",
                r.id,
                rec.published_at,
                rec.publisher,
                rec.build_date,
                rec.manifest_sha256.get(..12).unwrap_or("")
            ),
            None => format!("{mark} {}", r.id),
        };
        println!("{line}");
    }
    if all.is_empty() {
        eprintln!(
            "{}",
            text!("publish-no-releases", target = target.name.as_str()).in_lang(lang)
        );
    }
    Ok(())
}

fn print<T: serde::Serialize>(
    args: &PublishArgs,
    value: &T,
    line: crate::messages::Text,
    lang: Lang,
) -> Outcome {
    match args.format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(value).unwrap_or_default()
        ),
        Format::Text => println!("{}", line.in_lang(lang)),
    }
    Ok(())
}
