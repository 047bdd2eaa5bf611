//! `civic review`: 三审三校 sign-offs — list where each page stands, sign a page at a level, show
//! who signed what, write the printable 发布审核登记表. The work is `crate::review`'s.

use super::{Outcome, SiteArgs, Stop};
use crate::messages::Lang;
use crate::review::{self, Level, State};
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct ReviewArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Subcommand, Debug)]
pub enum Action {
    /// Where each page stands (the default).
    Status,
    /// Sign a page at a level.
    Sign {
        file: String,
        #[arg(long)]
        level: u8,
        #[arg(long)]
        name: String,
    },
    /// Who signed a page, when, and what they saw.
    Show { file: String },
    /// Write the printable 发布审核登记表 (HTML).
    Register {
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

pub fn run(args: &ReviewArgs, lang: Lang) -> Outcome {
    let options = args.site.options().map_err(Stop::usage)?;
    let highlighter = crate::markdown::Highlighter::default();
    let loaded = crate::pipeline::load(&options, &highlighter)?;
    let (site, root) = (&loaded.site, &options.root);
    match &args.action {
        None | Some(Action::Status) => status(site, root, lang),
        Some(Action::Sign { file, level, name }) => {
            let level = Level::new(*level).ok_or_else(|| {
                Stop::usage(crate::text!(
                    "review-level-invalid",
                    level = i64::from(*level)
                ))
            })?;
            let file = file.trim_start_matches("./");
            let s = review::sign(site, root, file, level, name, options.date)?;
            println!(
                "{}",
                crate::text!(
                    "review-signed",
                    file = file,
                    name = s.name.as_str(),
                    level = level.label(),
                    date = s.date.to_string()
                )
                .in_lang(lang)
            );
            Ok(())
        }
        Some(Action::Show { file }) => show(site, root, file.trim_start_matches("./"), lang),
        Some(Action::Register { out }) => {
            let reviews = review::status(site, root)?;
            let html =
                review::register::html(&site.config.title.zh, &options.date.to_string(), &reviews);
            let path = out.clone().unwrap_or_else(|| {
                root.join("reports")
                    .join(format!("review-register-{}.html", options.date))
            });
            super::check::write_report(&path, &html)?;
            println!(
                "{}",
                crate::text!("review-register-written", path = path.as_path()).in_lang(lang)
            );
            Ok(())
        }
    }
}

fn status(site: &crate::site::Site, root: &std::path::Path, lang: Lang) -> Outcome {
    let reviews = review::status(site, root)?;
    // What awaits each level, level by level: the list each reviewer works through.
    for level in (1..=3).filter_map(Level::new) {
        let waiting: Vec<&review::PageReview> = reviews
            .iter()
            .filter(|r| r.awaiting() == Some(level))
            .collect();
        if waiting.is_empty() {
            continue;
        }
        let heading = crate::text!(
            "review-awaiting-heading",
            level = level.label(),
            count = waiting.len() as i64
        );
        println!("{}", heading.in_lang(lang));
        for r in waiting {
            println!("  {}  {}", r.file, r.title);
        }
    }
    let done = reviews.iter().filter(|r| r.complete()).count();
    eprintln!(
        "{}",
        crate::text!(
            "review-summary",
            pages = reviews.len() as i64,
            done = done as i64
        )
        .in_lang(lang)
    );
    Ok(())
}

fn show(site: &crate::site::Site, root: &std::path::Path, file: &str, lang: Lang) -> Outcome {
    let reviews = review::status(site, root)?;
    let Some(r) = reviews.iter().find(|r| r.file == file) else {
        return Err(Stop::usage(crate::text!("review-no-page", file = file)));
    };
    println!("{}  {}\nsha256 {}", r.file, r.title, r.sha256);
    for (level, state) in &r.levels {
        let label = level.label().in_lang(lang);
        match state {
            State::Signed(s) | State::Stale(s) => {
                let stale = if matches!(state, State::Stale(_)) {
                    " (stale / 已失效)"
                } else {
                    ""
                };
                println!(
                    "  {label}: {} {} sha256 {}{stale}",
                    s.name, s.date, s.sha256
                );
                for f in &s.findings {
                    println!("      {f}");
                }
            }
            State::Missing => println!("  {label}: —"),
        }
    }
    Ok(())
}
