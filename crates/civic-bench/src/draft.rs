//! The desk's preview while typing, measured without a server: the site built and kept as the
//! desk keeps it, then one page's text changed in memory and rendered through
//! `Live::render_draft`, the call behind `POST /desk/draft`. Nothing is written.

use crate::edit::{Started, start};
use civic::pipeline::BuildOptions;
use civic::serve::live::Drafted;

/// Build (drafts included, as the desk's preview), then render `page` with a sentence appended
/// `runs` times; prints `draft_ms=… pages=…` per run (stdout) and the median (stderr).
pub fn measure(mut options: BuildOptions, page: &str, runs: usize) -> Result<(), String> {
    options.drafts = true;
    let Started {
        mut live,
        rel,
        file,
        original,
    } = start(options, page)?;
    let mut times = Vec::with_capacity(runs);
    for i in 0..runs {
        let text = format!("{original}\n本段为第 {i} 次输入测试。 Typed change number {i}.\n");
        let draft = live.render_draft(&rel, &text);
        let ms = draft.elapsed.as_secs_f64() * 1000.0;
        let pages = match &draft.drafted {
            Drafted::Pages(pages)
                if pages.iter().any(|p| p.html.contains(&format!("第 {i} 次"))) =>
            {
                pages.len()
            }
            other => return Err(format!("the draft did not render: {other:?}")),
        };
        println!("draft_ms={ms:.3} pages={pages}");
        times.push(ms);
    }
    let after = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
    if after != original {
        return Err("the page's file changed: a draft must not be written".into());
    }
    times.sort_by(f64::total_cmp);
    if let (Some(median), Some(max)) = (times.get(times.len() / 2), times.last()) {
        eprintln!(
            "median preview refresh: {median:.3} ms (max {max:.3}) over {} runs",
            times.len()
        );
    }
    Ok(())
}
