//! The Markdown stage stays near-linear on pathological pages (issue 13): each input is rendered
//! at two sizes, n and 4n, and four times the input must not come near sixteen times the time.
//! The bound sits halfway between, on a log scale (a ratio under 8, best of five runs of each
//! size, taken in turns): a busy machine, which slows both sizes alike, does not fail the test;
//! a return to quadratic time does.

use civic::config::MarkdownConfig;
use civic::lang::Lang;
use civic::markdown::{Highlighter, Input, LinkTable, Rendered, render};
use std::time::{Duration, Instant};

fn render_body(body: &str, highlighter: &Highlighter) -> Rendered {
    let input = Input {
        body,
        body_line: 1,
        dir: "news",
        lang: Lang::Zh,
        allowed_html_tags: &[],
        options: MarkdownConfig::default(),
        max_highlight_line: 2000,
    };
    render(&input, &LinkTable::default(), highlighter)
}

/// The time of one render of `body`.
fn time_once(body: &str, highlighter: &Highlighter) -> Duration {
    let start = Instant::now();
    let out = render_body(body, highlighter);
    let took = start.elapsed();
    assert!(!out.html.is_empty());
    took
}

/// Renders `make(n)` and `make(4n)`; fails when the time ratio looks quadratic.
fn assert_near_linear(what: &str, n: usize, make: impl Fn(usize) -> String) {
    let highlighter = Highlighter::default();
    let small = make(n);
    let large = make(4 * n);
    // Warm up (syntax set, allocator) so the first measurement is not penalised.
    render_body(&small, &highlighter);
    // In turns, so a burst of load on the machine falls on both sizes.
    let (mut t_small, mut t_large) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        t_small = t_small.min(time_once(&small, &highlighter));
        t_large = t_large.min(time_once(&large, &highlighter));
    }
    // Below a few milliseconds the ratio is noise; such inputs are fast whatever their shape.
    let floor = Duration::from_millis(5);
    let ratio = t_large.max(floor).as_secs_f64() / t_small.max(floor).as_secs_f64();
    eprintln!("{what}: n={n} {t_small:?}, 4n {t_large:?}, ratio {ratio:.2}");
    assert!(
        ratio < 8.0,
        "{what}: four times the input took {ratio:.2}× as long ({t_small:?} → {t_large:?}); near 4 is linear, 16 is quadratic"
    );
}

#[test]
fn identical_headings_scale_linearly() {
    assert_near_linear("identical headings", 10_000, |n| "## 标题\n\n".repeat(n));
}

#[test]
fn ids_of_identical_headings_stay_unique() {
    let out = render_body(&"## 标题\n\n".repeat(3), &Highlighter::default());
    let ids: Vec<&str> = out.anchors.iter().map(String::as_str).collect();
    assert_eq!(ids, ["标题", "标题-1", "标题-2"]);
}

#[test]
fn a_long_line_of_backslashes_in_sql_scales_linearly() {
    assert_near_linear("backslashes in sql", 50_000, |n| {
        format!("```sql\n{}\n```\n", "\\".repeat(n))
    });
}

#[test]
fn reference_links_scale_linearly() {
    assert_near_linear("reference links", 10_000, |n| {
        let mut body = String::new();
        for i in 0..n {
            body.push_str(&format!("见[第{i}条][r{i}]。\n\n"));
        }
        for i in 0..n {
            body.push_str(&format!("[r{i}]: https://www.gov.cn/{i}\n"));
        }
        body
    });
}
