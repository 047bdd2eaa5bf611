//! Markdown → HTML: CommonMark plus GitHub's tables, footnotes, strikethrough, task lists and bare
//! links, with CJK-friendly emphasis and no stray spaces from line breaks in Chinese; heading ids
//! that work for Chinese; a table of contents; code highlighted with CSS classes; links to `.md`
//! files resolved to the right URL in the right language.

mod autolink;
mod cjk;
mod depth;
mod heading;
pub mod highlight;
pub mod links;
mod prepare;
pub mod text;
mod tilde;
mod write;

use crate::config::MarkdownConfig;
use crate::error::Problem;
use crate::lang::Lang;
pub use highlight::Highlighter;
pub use links::{LinkTable, Resolved};
use serde::Serialize;
pub use text::WordCount;

/// What a page body needs to render: its Markdown, where it sits, and its language.
pub struct Input<'a> {
    pub body: &'a str,
    /// 1-based line of the file where `body` starts, so problems point into the file.
    pub body_line: usize,
    /// Content-relative folder relative links start from.
    pub dir: &'a str,
    pub lang: Lang,
    /// Raw-HTML tags the site allows through the sanitizer, beyond Markdown's own output.
    pub allowed_html_tags: &'a [String],
    /// The site's `markdown:` options.
    pub options: MarkdownConfig,
    /// Code blocks with a longer line (in characters) are shown unhighlighted, with a warning
    /// (site.yaml's `limits.highlight_line_chars`).
    pub max_highlight_line: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
    pub children: Vec<TocEntry>,
}

#[derive(Clone, Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// The start of the body as plain text (at most [`EXCERPT_CHARS`] characters), for
    /// summaries. The whole text is not kept: search reads it from `html` when it needs it,
    /// and a site's bodies are the bulk of a build's memory.
    pub excerpt: String,
    pub words: WordCount,
    /// Ids of the headings (and footnotes) on the page: valid `#anchor` targets.
    pub anchors: Vec<String>,
    /// Internal URLs the body links to, with their line, for `civic check`.
    pub links: Vec<(usize, String)>,
    /// Pictures of the site the body shows (`![…](photo.jpg)`): published resized, with `srcset`.
    pub pictures: Vec<Picture>,
    /// Files of the site the body links to (`[原图](photo.jpg)`): published as they are.
    pub linked_files: Vec<String>,
    /// Lines of images written without alt text.
    pub images_without_alt: Vec<usize>,
    /// Raw HTML was present and went through the sanitizer.
    pub had_raw_html: bool,
    /// The body has a highlighted code block (the page then loads the code stylesheet).
    pub has_code: bool,
    /// What the sanitizer removed from raw HTML, described for the editor.
    pub removed_html: Vec<crate::messages::Text>,
    /// Broken links and similar, located at file lines (the caller adds the file).
    pub problems: Vec<Problem>,
    /// What the editor should know but does not stop the build (an unreferenced footnote).
    pub warnings: Vec<Problem>,
}

/// A picture of the site shown in a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    /// Content-relative path (`news/2025-10-01-x/photo.jpg`).
    pub file: String,
    /// The `src` attribute's value as written in the HTML, to be replaced by the resized set.
    pub src: String,
}

/// The parser's settings: CommonMark with GitHub's extensions (tables, strikethrough, task
/// lists, footnotes; bare links are `autolink`'s) and CJK-friendly emphasis; GFM's tag filter is `prepare`'s. Raw HTML is passed on
/// (`unsafe`) because Civic's own sanitizer cleans it and tells the editor what it removed.
fn engine_options(site: MarkdownConfig) -> comrak::Options<'static> {
    let mut options = comrak::Options::default();
    let extension = &mut options.extension;
    extension.table = true;
    extension.strikethrough = true;
    extension.tasklist = true;
    extension.footnotes = true;
    // Bare links are found after parsing, in the text (see `autolink`): the parser's own
    // extension reads them before emphasis and links, so `**`, `[^1]` and `](…)` ended up inside.
    extension.autolink = false;
    // Single tildes are read as subscript only to be written back as they are (see `tilde`).
    extension.subscript = true;
    extension.cjk_friendly_emphasis = site.cjk_friendly_emphasis;
    // Footnotes are put in order by `prepare`, which warns about unreferenced ones first.
    options.parse.leave_footnote_definitions = true;
    options.render.r#unsafe = true;
    options
}

/// Characters of a page's automatic summary.
pub const EXCERPT_CHARS: usize = 120;

pub fn render(input: &Input<'_>, links: &LinkTable, highlighter: &Highlighter) -> Rendered {
    let spaced;
    let input = match lone_carriage_returns_as_spaces(input.body) {
        Some(body) => {
            spaced = body;
            &Input {
                body: &spaced,
                ..*input
            }
        }
        None => input,
    };
    // The parser is a dependency: should it ever fail on some input, that page reports an error
    // and the build goes on to report the others, rather than the whole process aborting.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        render_tree(input, links, highlighter)
    }))
    .unwrap_or_else(|_| Rendered {
        problems: vec![
            Problem::error("markdown-failed", crate::text!("markdown-failed"))
                .at_line(input.body_line)
                .help(crate::text!("markdown-failed-help")),
        ],
        ..Rendered::default()
    })
}

/// Raw HTML nested past [`depth::MAX_DEPTH`] at file line `line`: refused before any HTML parser
/// reads it.
fn too_deep(line: usize) -> Problem {
    Problem::error(
        "html-too-deep",
        crate::text!("markdown-html-too-deep", depth = depth::MAX_DEPTH),
    )
    .at_line(line)
    .help(crate::text!("markdown-html-too-deep-help"))
}

/// A carriage return with no line feed after it ends a line for CommonMark, but not for the rest
/// of Civic (source frames, front-matter lines and editors' tools count `\n`). As a space it keeps
/// every reported line where the file has it; CRLF line ends are left to the parser.
fn lone_carriage_returns_as_spaces(body: &str) -> Option<String> {
    let bytes = body.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone) {
        return None;
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() != Some(&'\n') => out.push(' '),
            c => out.push(c),
        }
    }
    Some(out)
}

fn render_tree(input: &Input<'_>, links: &LinkTable, highlighter: &Highlighter) -> Rendered {
    let arena = comrak::Arena::new();
    let options = engine_options(input.options);
    let root = comrak::parse_document(&arena, input.body, &options);
    tilde::keep_single_tildes(root, &arena);
    if input.options.bare_links {
        autolink::link_bare_addresses(root, &arena);
    }
    let mut out = Rendered::default();
    let mut ids = heading::Ids::default();
    ids.reserve(write::FOOTNOTES_LABEL);
    prepare::arrange_footnotes(root, input, &mut out, &mut ids);
    let mut walk = prepare::Walk {
        input,
        links,
        highlighter,
        out: &mut out,
        ids: &mut ids,
        plain: String::with_capacity(input.body.len()),
        flat_toc: Vec::new(),
    };
    let extras = walk.run(root);
    let plain = std::mem::take(&mut walk.plain);
    let flat_toc = std::mem::take(&mut walk.flat_toc);
    let html = write::html(root, &options, extras);
    out.html = if !out.had_raw_html {
        html
    } else if let Some(line) = depth::too_deep_at(input.body) {
        out.problems.push(too_deep(input.body_line + line));
        String::new()
    } else {
        let (clean, removed) = crate::guard::sanitize(&html, input.allowed_html_tags);
        out.removed_html = removed;
        clean
    };
    out.toc = nest(flat_toc);
    out.words = WordCount::of(&plain);
    out.excerpt = text::excerpt(&plain, EXCERPT_CHARS);
    // The HTML lives as long as the site model: give back what growing it over-allocated.
    out.html.shrink_to_fit();
    out
}

/// Turn a flat list of h2/h3 entries into a two-level tree.
fn nest(flat: Vec<TocEntry>) -> Vec<TocEntry> {
    let mut toc: Vec<TocEntry> = Vec::new();
    for entry in flat {
        match toc.last_mut() {
            Some(parent) if entry.level > parent.level => parent.children.push(entry),
            _ => toc.push(entry),
        }
    }
    toc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(body: &str) -> Rendered {
        let input = Input {
            body,
            body_line: 5,
            dir: "handbook",
            lang: Lang::Zh,
            allowed_html_tags: &[],
            options: MarkdownConfig::default(),
            max_highlight_line: 2000,
        };
        render(&input, &LinkTable::default(), &Highlighter::default())
    }

    #[test]
    fn chinese_headings_get_ids_and_toc() {
        let r = md("## 文明交通\n\n### 礼让行人\n\n## 文明交通\n");
        assert!(r.html.contains("<h2 id=\"文明交通\">"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"文明交通-1\">"));
        assert_eq!(r.toc.len(), 2);
        assert_eq!(r.toc[0].children[0].id, "礼让行人");
    }

    #[test]
    fn broken_link_is_reported_at_its_file_line() {
        let r = md("text\n\n[x](missing.md)\n");
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].line, Some(7));
    }

    /// Found by tests/integration/robustness.rs: a lone carriage return ended a line for the parser, so a
    /// problem pointed past the file's last line.
    #[test]
    fn a_lone_carriage_return_does_not_shift_reported_lines() {
        let r = md("\r---\n\r\r[链接](../x.md#y)");
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].line, Some(6));
        let crlf = md("text\r\n\r\n[x](missing.md)\r\n");
        assert_eq!(crlf.problems[0].line, Some(7));
    }

    #[test]
    fn raw_script_is_removed() {
        let r = md("hi <script>alert(1)</script> <b onclick=\"x()\">b</b>\n");
        assert!(r.had_raw_html);
        // GFM's tag filter: the script tag is shown as text, never run.
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(r.html.contains("&lt;script"), "{}", r.html);
        assert_eq!(r.warnings.len(), 1);
        assert!(!r.html.contains("onclick"));
    }

    #[test]
    fn task_lists_are_accessible_text() {
        let r = md("- [x] 分类投放\n- [ ] 减少浪费\n");
        assert!(!r.html.contains("<input"));
        assert!(r.html.contains("已完成"));
    }
}
