//! Hidden commands for benches/run.sh and the tests: `bench-corpus` writes a generated site,
//! `bench-edit` measures serve's one-page edit path without a server or a file watcher.

use super::{Outcome, SiteArgs, Stop};
use crate::error::Failed;
use crate::pipeline::BuildOptions;
use crate::serve::live::{Changes, Live, Mode};
use clap::Args;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Args, Debug)]
pub struct BenchEditArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The page to edit, e.g. content/role-models/li-mei.md
    #[arg(long)]
    pub page: String,
    /// How many edits to time
    #[arg(long, default_value_t = 10)]
    pub runs: usize,
}

#[derive(Args, Debug)]
pub struct BenchCorpusArgs {
    /// Folder to write site.yaml and content/ into
    pub dir: PathBuf,
    /// Logical documents (each written in Chinese and English)
    #[arg(long, default_value_t = 1000)]
    pub docs: usize,
    /// Seed of the deterministic generator
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Write Hugo front matter instead of Civic's (same Markdown bodies)
    #[arg(long)]
    pub hugo: bool,
}

pub fn edit(args: &BenchEditArgs) -> Outcome {
    let options = args.site.options().map_err(Stop::usage)?;
    measure_edits(options, &args.page, args.runs)
}

pub fn corpus(args: &BenchCorpusArgs) -> Outcome {
    let written = if args.hugo {
        crate::corpus::generate_hugo(&args.dir, args.docs, args.seed)
    } else {
        crate::corpus::generate(&args.dir, args.docs, args.seed)
    };
    let s = written.map_err(|e| {
        Stop::error(
            crate::text!(
                "bench-cannot-write",
                path = args.dir.display().to_string(),
                reason = e.to_string()
            ),
            None,
        )
    })?;
    eprintln!(
        "Wrote {} files ({:.1} MB) → {}: {} role models, {} handbook chapters, {} PSAs ({} active), {} news; {} pages per language",
        s.files,
        s.bytes as f64 / 1e6,
        args.dir.display(),
        s.role_models,
        s.handbook,
        s.psas,
        s.psas_active,
        s.news,
        s.pages_per_lang
    );
    Ok(())
}

/// `civic bench-edit`: build, then append a sentence to one page `runs` times, applying each edit
/// through the same path `serve` uses, and print `edit_ms=…` per edit (stdout). The page is
/// restored at the end.
fn measure_edits(options: BuildOptions, page: &str, runs: usize) -> Outcome {
    let rel = page
        .trim_start_matches("./")
        .trim_start_matches("content/")
        .to_string();
    let file = options.root.join(crate::content::CONTENT_DIR).join(&rel);
    let Ok(original) = std::fs::read_to_string(&file) else {
        return Err(Stop::usage(crate::text!(
            "bench-cannot-read",
            path = file.display().to_string()
        )));
    };
    let started = Instant::now();
    let (mut live, outcome) = Live::start(options);
    if !live.problems().is_empty() || outcome.mode != Mode::Full {
        return Err(Stop::Problems(Failed(live.problems().to_vec())));
    }
    eprintln!(
        "full build + model: {:.0} ms, {} pages",
        started.elapsed().as_secs_f64() * 1000.0,
        live.page_count()
    );
    let mut times = Vec::with_capacity(runs);
    let changes = Changes {
        markdown: [rel].into_iter().collect(),
        full: false,
    };
    let mut failed = false;
    for i in 0..runs {
        let text = format!("{original}\n本段为第 {i} 次编辑测试。 Edit number {i}.\n");
        if std::fs::write(&file, text).is_err() {
            failed = true;
            break;
        }
        let outcome = live.apply(&changes);
        let ms = outcome.elapsed.as_secs_f64() * 1000.0;
        let index = live.finish_deferred();
        println!(
            "edit_ms={ms:.3} search_index_ms={:.3} mode={:?} written={} removed={}",
            index.elapsed.as_secs_f64() * 1000.0,
            outcome.mode,
            outcome.written,
            outcome.removed
        );
        failed |= outcome.mode == Mode::Failed;
        times.push(ms);
    }
    let _ = std::fs::write(&file, &original);
    let _ = live.apply(&changes);
    let _ = live.finish_deferred();
    times.sort_by(f64::total_cmp);
    if let Some(median) = times.get(times.len() / 2) {
        eprintln!(
            "median one-page edit: {median:.3} ms over {} runs",
            times.len()
        );
    }
    if failed { Err(Stop::Reported) } else { Ok(()) }
}
