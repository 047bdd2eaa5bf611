//! Markdown → HTML: CommonMark plus tables, footnotes, strikethrough and task lists; heading ids
//! that work for Chinese; a table of contents; code highlighted with CSS classes; links to `.md`
//! files resolved to the right URL in the right language.

pub mod highlight;
pub mod links;
pub mod text;

use crate::error::Problem;
use crate::lang::Lang;
pub use highlight::Highlighter;
pub use links::{LinkTable, Resolved};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use std::collections::HashSet;
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
    /// Lines of images written without alt text.
    pub images_without_alt: Vec<usize>,
    /// Raw HTML was present and went through the sanitizer.
    pub had_raw_html: bool,
    /// The body has a highlighted code block (the page then loads the code stylesheet).
    pub has_code: bool,
    /// What the sanitizer removed from raw HTML, described for the editor.
    pub removed_html: Vec<String>,
    /// Broken links and similar, located at file lines (the caller adds the file).
    pub problems: Vec<Problem>,
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

struct Heading {
    level: HeadingLevel,
    explicit_id: Option<String>,
    start: usize,
    text: String,
}

/// Characters of a page's automatic summary.
pub const EXCERPT_CHARS: usize = 120;

pub fn render(input: &Input<'_>, links: &LinkTable, highlighter: &Highlighter) -> Rendered {
    let mut out = Rendered::default();
    let mut plain = String::with_capacity(input.body.len());
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut heading: Option<Heading> = None;
    let mut code: Option<(String, String)> = None;
    let mut image_alt: Option<(usize, String)> = None;
    let mut used_ids = HashSet::new();
    let mut flat_toc = Vec::new();
    let line_of = |offset: usize| input.body_line + input.body[..offset].matches('\n').count();

    for (event, range) in Parser::new_ext(input.body, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some(Heading {
                    level,
                    explicit_id: id.map(|i| i.to_string()),
                    start: events.len(),
                    text: String::new(),
                });
                events.push(Event::Html(CowStr::Borrowed("")));
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(h) = heading.take() {
                    let id = unique_id(
                        h.explicit_id.unwrap_or_else(|| text::heading_id(&h.text)),
                        &mut used_ids,
                    );
                    let n = level as u8;
                    events[h.start] =
                        Event::Html(format!("<h{n} id=\"{}\">", crate::escape::markup(&id)).into());
                    events.push(Event::Html(format!("</h{n}>\n").into()));
                    if matches!(h.level, HeadingLevel::H2 | HeadingLevel::H3) {
                        flat_toc.push(TocEntry {
                            level: n,
                            id: id.clone(),
                            title: h.text.trim().to_string(),
                            children: Vec::new(),
                        });
                    }
                    out.anchors.push(id);
                    push_break(&mut plain);
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, body)) = code.take() {
                    out.has_code = true;
                    plain.push_str(&body);
                    push_break(&mut plain);
                    let block = highlighter.block_within(&body, &lang, input.max_highlight_line);
                    if let Some(chars) = block.long_line {
                        out.problems.push(highlight::long_line_warning(
                            chars,
                            input.max_highlight_line,
                            line_of(range.start),
                        ));
                    }
                    events.push(Event::Html(block.html.into()));
                }
            }
            Event::Text(t) => {
                if let Some((_, body)) = code.as_mut() {
                    body.push_str(&t);
                    continue;
                }
                if let Some(h) = heading.as_mut() {
                    h.text.push_str(&t);
                }
                if let Some((_, alt)) = image_alt.as_mut() {
                    alt.push_str(&t);
                }
                plain.push_str(&t);
                events.push(Event::Text(t));
            }
            Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.text.push_str(&t);
                }
                plain.push_str(&t);
                events.push(Event::Code(t));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let line = line_of(range.start);
                let dest = resolve(&dest_url, input, links, line, &mut out);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let line = line_of(range.start);
                let dest = resolve(&dest_url, input, links, line, &mut out);
                image_alt = Some((line, String::new()));
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: dest,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Image) => {
                if let Some((line, alt)) = image_alt.take()
                    && alt.trim().is_empty()
                {
                    out.images_without_alt.push(line);
                }
                events.push(Event::End(TagEnd::Image));
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                out.had_raw_html = true;
                events.push(event);
            }
            Event::TaskListMarker(done) => {
                events.push(Event::Html(task_marker(done, input.lang).into()));
            }
            Event::FootnoteReference(ref name) => {
                out.anchors.push(name.to_string());
                events.push(event);
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::BlockQuote(_),
            ) => {
                push_break(&mut plain);
                events.push(event);
            }
            Event::SoftBreak | Event::HardBreak => {
                plain.push(' ');
                events.push(event);
            }
            other => events.push(other),
        }
    }
    let mut html = String::with_capacity(input.body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if html.contains(" style=\"text-align: ") {
        // pulldown-cmark aligns table cells with inline styles, which a strict CSP blocks.
        for side in ["left", "center", "right"] {
            html = html.replace(
                &format!(" style=\"text-align: {side}\""),
                &format!(" class=\"align-{side}\""),
            );
        }
    }
    out.html = if out.had_raw_html {
        let (clean, removed) = crate::guard::sanitize(&html, input.allowed_html_tags);
        out.removed_html = removed;
        clean
    } else {
        html
    };
    out.toc = nest(flat_toc);
    out.words = WordCount::of(&plain);
    out.excerpt = text::excerpt(&plain, EXCERPT_CHARS);
    // The HTML lives as long as the site model: give back what growing it over-allocated.
    out.html.shrink_to_fit();
    out
}

fn resolve<'a>(
    dest: &CowStr<'a>,
    input: &Input<'_>,
    links: &LinkTable,
    line: usize,
    out: &mut Rendered,
) -> CowStr<'a> {
    match links.resolve(dest, input.dir, input.lang) {
        Resolved::Keep => {
            if dest.starts_with('/') || dest.starts_with('#') {
                out.links.push((line, dest.to_string()));
            }
            dest.clone()
        }
        Resolved::Url(url) => {
            out.links.push((line, url.clone()));
            url.into()
        }
        Resolved::Broken(why) => {
            out.problems.push(
                Problem::error("broken-link", format!("broken link: {why}"))
                    .at_line(line)
                    .help("fix the path (relative to this file, or from the content folder as `@/section/page.md`), or remove the link"),
            );
            dest.clone()
        }
    }
}

fn unique_id(base: String, used: &mut HashSet<String>) -> String {
    if used.insert(base.clone()) {
        return base;
    }
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| used.insert(candidate.clone()))
        .unwrap_or(base)
}

fn push_break(text: &mut String) {
    if !text.ends_with('\n') && !text.is_empty() {
        text.push('\n');
    }
}

fn task_marker(done: bool, lang: Lang) -> String {
    let (mark, label) = match (done, lang) {
        (true, Lang::Zh) => ("☑", "已完成"),
        (false, Lang::Zh) => ("☐", "未完成"),
        (true, Lang::En) => ("☑", "done"),
        (false, Lang::En) => ("☐", "to do"),
    };
    format!(
        "<span class=\"task\" aria-hidden=\"true\">{mark}</span><span class=\"visually-hidden\">{label}: </span>"
    )
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
            max_highlight_line: usize::MAX,
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

    #[test]
    fn raw_script_is_removed() {
        let r = md("hi <script>alert(1)</script> <b onclick=\"x()\">b</b>\n");
        assert!(r.had_raw_html);
        assert!(!r.html.contains("script"));
        assert!(!r.html.contains("onclick"));
    }

    #[test]
    fn task_lists_are_accessible_text() {
        let r = md("- [x] 分类投放\n- [ ] 减少浪费\n");
        assert!(!r.html.contains("<input"));
        assert!(r.html.contains("已完成"));
    }
}
