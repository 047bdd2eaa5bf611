//! The guard as the Minghu sample site configures it, and a page scanned as the build scans it
//! (the Markdown source, then the rendered and sanitized body).

use civic::guard::{Finding, Guard, GuardConfig};
use std::path::Path;
use std::sync::OnceLock;

/// Built once per test binary (compiling the rule set takes a moment in debug builds).
pub fn minghu_guard() -> &'static Guard {
    static G: OnceLock<Guard> = OnceLock::new();
    G.get_or_init(|| {
        let cfg = GuardConfig {
            link_allowlist: vec!["*.minghu.example.cn".into(), "www.wenming.cn".into()],
            allow_words: vec!["明湖发布".into()],
            ..GuardConfig::default()
        };
        let city: Vec<String> = [
            "明湖市",
            "湖滨区",
            "东城区",
            "西湾区",
            "Minghu City",
            "Hubin District",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        Guard::new(
            &cfg,
            Path::new("."),
            &city,
            &["wenming.minghu.example.cn".into()],
        )
        .expect("guard builds")
    })
}

/// The body of a Markdown file (after its front matter, if any).
pub fn body_of(md: &str) -> &str {
    md.strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(md, |(_, body)| body)
}

/// A Markdown page's body rendered as the build renders it (sanitized by the markdown stage).
pub fn render(md: &str, allowed_html_tags: &[String]) -> String {
    use civic::markdown::{Highlighter, Input, LinkTable};
    static HIGHLIGHTER: OnceLock<Highlighter> = OnceLock::new();
    let input = Input {
        body: body_of(md),
        body_line: 1,
        dir: "",
        lang: civic::lang::Lang::Zh,
        allowed_html_tags,
        options: Default::default(),
        max_highlight_line: 2000,
    };
    let highlighter = HIGHLIGHTER.get_or_init(Highlighter::default);
    civic::markdown::render(&input, &LinkTable::default(), highlighter).html
}

/// Every finding for a Markdown page, as the build would produce them.
pub fn scan_markdown_page(guard: &Guard, text: &str) -> Vec<Finding> {
    let html = render(text, guard.allowed_html_tags());
    guard.scan_page(text, &html).0
}
