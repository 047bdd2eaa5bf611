//! The guard as the Minghu sample site configures it, and a page scanned as the build scans it
//! (the Markdown source, then the rendered and sanitized body).

use civic::guard::{Finding, Guard, GuardConfig, merge_page_findings, sanitize};
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

/// Markdown body → HTML with the extensions the build enables.
pub fn render(md: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(body_of(md), opts));
    out
}

/// Every finding for a Markdown page, as the build would produce them.
pub fn scan_markdown_page(guard: &Guard, text: &str) -> Vec<Finding> {
    let (clean, _removed) = sanitize(&render(text), guard.allowed_html_tags());
    merge_page_findings(guard.scan_source(text), guard.scan_html(&clean))
}
