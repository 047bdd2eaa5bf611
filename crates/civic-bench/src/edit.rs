//! serve's one-page edit path, measured without a server or a file watcher.

use civic::pipeline::BuildOptions;
use civic::serve::live::{Changes, Live, Mode};
use std::time::Instant;

/// Build, then append a sentence to one page `runs` times, applying each edit
/// through the same path `serve` uses, and print `edit_ms=…` per edit (stdout). The page is
/// restored at the end.
pub fn measure(options: BuildOptions, page: &str, runs: usize) -> Result<(), String> {
    let Started {
        mut live,
        rel,
        file,
        original,
    } = start(options, page)?;
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
    if failed {
        Err("an edit failed".to_string())
    } else {
        Ok(())
    }
}

/// The live model a benchmark works on, and the page it changes.
pub struct Started {
    pub live: Live,
    /// The page, relative to `content/`.
    pub rel: String,
    pub file: std::path::PathBuf,
    /// The page's text before the benchmark.
    pub original: String,
}

/// Read `page` (a path under `content/`), then build the site into a live model as serve and
/// the desk keep it; refuses a site with problems, whose timings would mean nothing.
pub fn start(options: BuildOptions, page: &str) -> Result<Started, String> {
    let rel = page
        .trim_start_matches("./")
        .trim_start_matches("content/")
        .to_string();
    let file = options.root.join(civic::content::CONTENT_DIR).join(&rel);
    let original = std::fs::read_to_string(&file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let started = Instant::now();
    let (live, outcome) = Live::start(options);
    if !live.problems().is_empty() || outcome.mode != Mode::Full {
        let problems: Vec<String> = live.problems().iter().map(ToString::to_string).collect();
        return Err(format!("the site has problems:\n{}", problems.join("\n")));
    }
    eprintln!(
        "full build + model: {:.0} ms, {} pages",
        started.elapsed().as_secs_f64() * 1000.0,
        live.page_count()
    );
    Ok(Started {
        live,
        rel,
        file,
        original,
    })
}
