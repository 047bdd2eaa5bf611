//! Property tests (stable twins of the fuzz targets): arbitrary front matter and Markdown end in a
//! value or an error, never a panic; sanitized output never carries a script.

use civic::content::frontmatter::{RawPage, RawSection, split};
use civic::lang::Lang;
use civic::markdown::{Highlighter, Input, LinkTable, render};
use proptest::prelude::*;
use std::sync::OnceLock;

fn highlighter() -> &'static Highlighter {
    static H: OnceLock<Highlighter> = OnceLock::new();
    H.get_or_init(Highlighter::default)
}

/// Text built from the pieces that make front matter and Markdown interesting.
fn civic_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "---\n",
        "title: ",
        "year: ",
        "tags: [",
        "]",
        "{",
        "}",
        ": ",
        "- ",
        "\n",
        "  ",
        "&a ",
        "*a",
        "\"",
        "'",
        "#",
        "## 标题",
        "```rust\n",
        "```\n",
        "<script>",
        "</script>",
        "<b onclick=x>",
        "[链接](../x.md#y)",
        "![](a.jpg)",
        "| a | b |\n|:-|-:|\n",
        "[^1]",
        "[^1]: 注\n",
        "- [ ] ",
        "110101199003071234",
        "13800138000",
        "2026-02-30",
        "志愿服务",
        "\u{200b}",
        "\u{feff}",
        "&amp;",
        "%E5",
        "\r\n",
        "\t",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(str::to_string), ".{0,6}"],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn front_matter_never_panics(text in civic_text()) {
        let yaml = split(&text).map(|s| s.yaml).unwrap_or(&text);
        let _ = civic::yaml::parse::<RawPage>(yaml);
        let _ = civic::yaml::parse::<RawSection>(yaml);
        let _ = civic::content::date::PubDate::parse(yaml);
    }

    #[test]
    fn markdown_never_panics_and_never_keeps_scripts(body in civic_text()) {
        let links = LinkTable::default();
        for lang in [Lang::Zh, Lang::En] {
            let input = Input { body: &body, body_line: 1, dir: "news", lang, allowed_html_tags: &[], options: Default::default(), max_highlight_line: 2000 };
            let out = render(&input, &links, highlighter());
            prop_assert!(!out.html.to_ascii_lowercase().contains("<script"));
            for p in &out.problems {
                let line = p.line.unwrap_or(1) as usize;
                prop_assert!(line >= 1 && line <= body.lines().count() + 2);
            }
        }
    }
}
