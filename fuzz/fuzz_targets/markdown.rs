//! Markdown rendering on arbitrary input (raw HTML, links, code fences, headings): no panic, and
//! the sanitizer leaves no script behind.
#![no_main]

use civic::lang::Lang;
use civic::markdown::{Highlighter, Input, LinkTable, render};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn highlighter() -> &'static Highlighter {
    static H: OnceLock<Highlighter> = OnceLock::new();
    H.get_or_init(Highlighter::default)
}

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let links = LinkTable::default();
    for lang in [Lang::Zh, Lang::En] {
        let input = Input { body, body_line: 1, dir: "news", lang, allowed_html_tags: &[], options: Default::default(), max_highlight_line: 2000 };
        let out = render(&input, &links, highlighter());
        assert!(!out.html.to_ascii_lowercase().contains("<script"));
    }
});
