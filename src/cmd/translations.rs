//! `civic translations`: the table of every page's translation status, `mark` and `diff`.

use super::{Format, Outcome, SiteArgs, Stop, report};
use crate::error::Failed;
use crate::lang::Lang;
use crate::messages::Text;
use crate::translations::{Freshness, diff, keep_baselines, mark, rows};
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

#[derive(Args, Debug)]
pub struct TranslationsArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(subcommand)]
    pub action: Option<Action>,
}

#[derive(Subcommand, Debug)]
pub enum Action {
    Mark {
        #[arg(required_unless_present = "all")]
        files: Vec<PathBuf>,
        /// Keep a `diff` baseline for every twin that is up to date.
        #[arg(long, conflicts_with = "files")]
        all: bool,
    },
    Diff {
        file: PathBuf,
    },
}

pub fn run(args: &TranslationsArgs, lang: Lang) -> Outcome {
    match &args.action {
        Some(Action::Mark { all: true, .. }) => baselines(&args.site.root, lang),
        Some(Action::Mark { files, .. }) => mark_all(&args.site.root, files, lang),
        Some(Action::Diff { file }) => {
            let text = diff(&args.site.root, file, lang).map_err(|e| Stop::error(e, None))?;
            print!("{text}");
            Ok(())
        }
        None => table(args, lang),
    }
}

fn table(args: &TranslationsArgs, lang: Lang) -> Outcome {
    let options = args.site.options().map_err(Stop::usage)?;
    let highlighter = crate::markdown::Highlighter::default();
    let loaded = match crate::pipeline::load(&options, &highlighter) {
        Ok(l) => l,
        Err(Failed(problems)) => {
            report::print_failure(problems, &options.output, lang);
            return Err(Stop::Reported);
        }
    };
    let rows = rows(&loaded.site);
    if args.format == Format::Json {
        println!(
            "{}",
            serde_json::to_string_pretty(&rows).unwrap_or_default()
        );
        return Ok(());
    }
    let words = |t: Text| t.in_lang(lang);
    let mut lines = vec![[
        words(crate::text!("translations-column-page")),
        words(crate::text!("translations-column-twin")),
        words(crate::text!("translations-column-status")),
        words(crate::text!("translations-column-zh-chars")),
        words(crate::text!("translations-column-en-words")),
    ]];
    for r in &rows {
        let status = match r.status {
            Freshness::Missing => crate::text!("translations-status-missing"),
            Freshness::UpToDate => crate::text!("translations-status-up-to-date"),
            Freshness::Outdated => crate::text!("translations-status-outdated"),
            Freshness::Unreviewed => crate::text!("translations-status-unreviewed"),
        };
        let twin = if r.twin.is_some() {
            crate::text!("translations-twin-yes")
        } else {
            crate::text!("translations-twin-no")
        };
        lines.push([
            r.file.clone(),
            words(twin),
            words(status),
            r.words_zh.to_string(),
            r.words_en.map_or("-".to_string(), |w| w.to_string()),
        ]);
    }
    for line in columns(&lines) {
        println!("{line}");
    }
    let count = |f: Freshness| rows.iter().filter(|r| r.status == f).count();
    let summary = crate::text!(
        "translations-summary",
        pages = rows.len(),
        up_to_date = count(Freshness::UpToDate),
        outdated = count(Freshness::Outdated),
        unreviewed = count(Freshness::Unreviewed),
        missing = count(Freshness::Missing)
    );
    println!("\n{}", summary.in_lang(lang));
    Ok(())
}

/// The table's lines: the first three columns aligned left, the two counts right, two spaces
/// between. Widths are in terminal columns (a Chinese character takes two), so a table in
/// Chinese lines up as well as one in English.
fn columns(lines: &[[String; 5]]) -> Vec<String> {
    let mut widths = [0; 5];
    for line in lines {
        for (w, cell) in widths.iter_mut().zip(line) {
            *w = (*w).max(cell.width());
        }
    }
    lines
        .iter()
        .map(|line| {
            let cells: Vec<String> = line
                .iter()
                .zip(widths)
                .enumerate()
                .map(|(i, (cell, w))| {
                    let pad = " ".repeat(w - cell.width());
                    if i < 3 {
                        format!("{cell}{pad}")
                    } else {
                        format!("{pad}{cell}")
                    }
                })
                .collect();
            cells.join("  ")
        })
        .collect()
}

fn baselines(root: &Path, lang: Lang) -> Outcome {
    let (kept, left) = keep_baselines(root).map_err(|e| Stop::error(e, None))?;
    eprintln!(
        "{}",
        crate::text!("translations-baselines-kept", count = kept).in_lang(lang)
    );
    for (twin, source) in left {
        let msg = crate::text!("translations-baseline-left", twin = &twin, source = &source);
        eprintln!("{}", msg.in_lang(lang));
    }
    Ok(())
}

fn mark_all(root: &Path, files: &[PathBuf], lang: Lang) -> Outcome {
    let mut failed = false;
    for file in files {
        match mark(root, file) {
            Ok(msg) => eprintln!("{}", msg.in_lang(lang)),
            Err(e) => {
                report::print_error(e, None, lang);
                failed = true;
            }
        }
    }
    if failed { Err(Stop::Reported) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_lines_up_chinese_by_terminal_columns() {
        let row = |cells: [&str; 5]| cells.map(String::from);
        let lines = columns(&[
            row(["页面", "英文版", "翻译状态", "中文字数", "英文词数"]),
            row(["content/a.md", "有", "已是最新", "12", "-"]),
        ]);
        assert_eq!(lines[0].width(), lines[1].width(), "{lines:#?}");
        assert!(lines[1].starts_with("content/a.md  有    "), "{lines:#?}");
    }
}
