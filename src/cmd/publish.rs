//! `civic publish [TARGET]`: build, preflight, deploy atomically, verify the live site; `--list`,
//! `--rollback` and `--dry-run`. The work is `crate::publish`; this file gathers the blockers
//! (the build's errors, then `check::publish_gate`: veto items and missing sign-offs) and prints.

use super::{Format, Outcome, SiteArgs, Stop, report};
use crate::messages::{Lang, Text};
use crate::publish::{self, PublishError, Report, Step, Target, VerifyOptions};
use crate::text;
use clap::Args;

#[derive(Args, Debug)]
pub struct PublishArgs {
    /// The target's name in site.yaml's `publish:` (optional when there is one).
    pub target: Option<String>,
    #[command(flatten)]
    pub site: SiteArgs,
    #[arg(long, conflicts_with_all = ["list", "dry_run"])]
    pub rollback: bool,
    #[arg(long, value_name = "RELEASE", requires = "rollback")]
    pub to: Option<String>,
    #[arg(long, conflicts_with = "dry_run")]
    pub list: bool,
    /// Show what would be uploaded and deleted, change nothing.
    #[arg(long)]
    pub dry_run: bool,
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
    let mut progress = Printer {
        quiet: args.site.quiet || args.format == Format::Json,
        lang,
    };
    if args.list {
        return list(args, &target, lang);
    }
    if args.rollback {
        let done =
            publish::rollback(&target, args.to.as_deref(), &publisher, &local_log).map_err(stop)?;
        let line = text!(
            "publish-rolled-back",
            from = done.from.as_str(),
            to = done.to.as_str()
        );
        return print(args, &done, line, lang);
    }
    if args.dry_run {
        let plan = publish::plan(&target, &options.output, &mut progress).map_err(stop)?;
        let line = text!(
            "publish-planned",
            upload = plan.upload.len(),
            unchanged = plan.unchanged.len(),
            delete = plan.delete.len()
        );
        return print(args, &plan, line, lang);
    }
    // The same preflight the desk's publish button runs.
    let preflight = if args.no_build {
        publish::gate(&options)
    } else {
        publish::preflight(&options)
    };
    if preflight.build_failed {
        report::print_failure(preflight.problems, &options.output, lang);
    } else {
        report::print_problems(&preflight.problems, lang);
    }
    let blockers = preflight.blockers;
    let request = publish::Options {
        output: options.output.clone(),
        publisher,
        confirmed: args.yes,
        blockers,
        local_log,
        verify: (!args.no_verify).then(|| VerifyOptions {
            base_url: config.base_url.clone(),
            sample: args.sample,
            lang,
        }),
    };
    let done = publish::run(&target, &request, &mut progress).map_err(stop)?;
    print(args, &done, summary(&done), lang)?;
    let failed = done.verify.as_ref().is_some_and(|v| v.reached && !v.clean);
    if failed { Err(Stop::Reported) } else { Ok(()) }
}

/// Builds the site; its errors are the preflight's blockers (the review gate adds its own here).
fn stop(e: PublishError) -> Stop {
    Stop::error(e.text(), e.help())
}

struct Printer {
    quiet: bool,
    lang: Lang,
}

impl publish::Progress for Printer {
    fn step(&mut self, step: &Step) {
        let line = match step {
            // Shown even when quiet: the editor must compare it with the administrator's.
            Step::HostKeyPinned {
                host,
                fingerprint,
                known_hosts,
            } => text!(
                "publish-host-key-pinned",
                host = host.as_str(),
                fingerprint = fingerprint.as_str(),
                known_hosts = known_hosts.as_str()
            ),
            _ if self.quiet => return,
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
            Step::Switched { release } => text!("publish-switched", release = release.as_str()),
            Step::Verifying { base_url } => {
                text!("publish-verifying", base_url = base_url.as_str())
            }
            Step::Linked | Step::Uploaded { .. } => return,
        };
        eprintln!("{}", line.in_lang(self.lang));
    }
}

fn summary(done: &Report) -> Text {
    done.summary()
}

fn list(args: &PublishArgs, target: &Target, lang: Lang) -> Outcome {
    let all = publish::list(target).map_err(stop)?;
    if args.format == Format::Json {
        println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
        return Ok(());
    }
    if all.is_empty() {
        eprintln!(
            "{}",
            text!("publish-no-releases", target = target.name.as_str()).in_lang(lang)
        );
    } else {
        println!("{}", text!("publish-list-header").in_lang(lang));
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
    Ok(())
}

fn print<T: serde::Serialize>(args: &PublishArgs, value: &T, line: Text, lang: Lang) -> Outcome {
    match args.format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(value).unwrap_or_default()
        ),
        Format::Text => println!("{}", line.in_lang(lang)),
    }
    Ok(())
}
