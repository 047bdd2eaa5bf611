//! One pass over the parsed tree before it is written: links resolved, headings given ids and a
//! table of contents, code highlighted, line breaks inside Chinese sentences removed, footnotes
//! put in order, and the page's plain text gathered for word counts and the summary.

use super::heading::{self, Ids};
use super::write::{Extras, HeadingTag};
use super::{Highlighter, Input, LinkTable, Rendered, Resolved, TocEntry, cjk, text};
use crate::error::Problem;
use comrak::arena_tree::NodeEdge;
use comrak::nodes::{AstNode, NodeValue};
use std::collections::HashMap;

type Node<'a> = &'a AstNode<'a>;

/// Footnotes as GFM has them: referenced ones at the end in the order of first reference,
/// unreferenced ones dropped with a warning (the parser leaves them where they were written).
pub(super) fn arrange_footnotes<'a>(
    root: Node<'a>,
    input: &Input<'_>,
    out: &mut Rendered,
    ids: &mut Ids,
) {
    let mut order: HashMap<String, u32> = HashMap::new();
    let mut definitions = Vec::new();
    for node in root.descendants() {
        match &node.data().value {
            NodeValue::FootnoteReference(r) => {
                order.entry(r.name.clone()).or_insert(r.ix);
            }
            NodeValue::FootnoteDefinition(_) => definitions.push(node),
            _ => {}
        }
    }
    let mut kept = Vec::new();
    for node in definitions {
        let (name, referenced, line) = {
            let data = node.data();
            let NodeValue::FootnoteDefinition(d) = &data.value else {
                continue;
            };
            (
                d.name.clone(),
                d.total_references > 0,
                data.sourcepos.start.line,
            )
        };
        node.detach();
        match order.get(&name) {
            Some(ix) if referenced => kept.push((*ix, node, name)),
            _ => out.warnings.push(
                Problem::warning(
                    "unused-footnote",
                    crate::text!("markdown-unused-footnote", name = &name),
                )
                .at_line(file_line(input, line))
                .help(crate::text!("markdown-unused-footnote-help", name = &name)),
            ),
        }
    }
    kept.sort_by_key(|(ix, _, _)| *ix);
    for (_, node, name) in kept {
        root.append(node);
        let slug = super::write::footnote_slug(&name);
        for id in [format!("fn-{slug}"), format!("fnref-{slug}")] {
            ids.reserve(&id);
            out.anchors.push(id);
        }
    }
}

fn file_line(input: &Input<'_>, line: usize) -> usize {
    input.body_line + line.saturating_sub(1)
}

/// The line a node starts on; nodes the parser made itself (bare links) take their parent's.
fn line_of(input: &Input<'_>, node: Node<'_>) -> usize {
    let mut current = Some(node);
    while let Some(n) = current {
        let line = n.data().sourcepos.start.line;
        if line > 0 {
            return file_line(input, line);
        }
        current = n.parent();
    }
    input.body_line
}

pub(super) struct Walk<'i, 'r> {
    pub input: &'i Input<'i>,
    pub links: &'r LinkTable,
    pub highlighter: &'r Highlighter,
    pub out: &'r mut Rendered,
    pub ids: &'r mut Ids,
    /// The page's text without markup, for word counts and the summary.
    pub plain: String,
    pub flat_toc: Vec<TocEntry>,
}

impl Walk<'_, '_> {
    pub(super) fn run<'a>(&mut self, root: Node<'a>) -> Extras {
        let mut extras = Extras::new(self.input.lang);
        let mut vanishing_breaks = Vec::new();
        let mut image_alt: Option<(usize, String)> = None;
        for edge in root.traverse() {
            match edge {
                NodeEdge::Start(node) => {
                    self.enter(node, &mut extras, &mut image_alt, &mut vanishing_breaks)
                }
                NodeEdge::End(node) => match &node.data().value {
                    NodeValue::Paragraph
                    | NodeValue::Item(_)
                    | NodeValue::TaskItem(_)
                    | NodeValue::TableCell
                    | NodeValue::BlockQuote
                    | NodeValue::Heading(_) => push_break(&mut self.plain),
                    NodeValue::Image(_) => {
                        if let Some((line, alt)) = image_alt.take()
                            && alt.trim().is_empty()
                        {
                            self.out.images_without_alt.push(line);
                        }
                    }
                    _ => {}
                },
            }
        }
        // Detached only now: removing a node while the traversal stands on it would end the walk.
        for node in vanishing_breaks {
            node.detach();
        }
        extras
    }

    fn enter<'a>(
        &mut self,
        node: Node<'a>,
        extras: &mut Extras,
        image_alt: &mut Option<(usize, String)>,
        vanishing_breaks: &mut Vec<Node<'a>>,
    ) {
        let mut data = node.data_mut();
        match &mut data.value {
            NodeValue::Heading(h) => {
                let level = h.level;
                drop(data);
                let tag = self.heading(node, level);
                extras.headings.push_back(tag);
            }
            NodeValue::CodeBlock(block) => {
                self.out.has_code = true;
                self.plain.push_str(&block.literal);
                push_break(&mut self.plain);
                let info = if block.fenced {
                    block.info.as_str()
                } else {
                    ""
                };
                let max = self.input.max_highlight_line;
                let highlighted = self.highlighter.block_within(&block.literal, info, max);
                if let Some(chars) = highlighted.long_line {
                    let line = file_line(self.input, data.sourcepos.start.line);
                    self.out
                        .problems
                        .push(super::highlight::long_line_warning(chars, max, line));
                }
                extras.code.push_back(highlighted.html);
            }
            NodeValue::Text(t) => {
                if let Some((_, alt)) = image_alt.as_mut() {
                    alt.push_str(t);
                }
                self.plain.push_str(t);
            }
            NodeValue::Code(code) => self.plain.push_str(&code.literal),
            NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_) => {
                self.out.had_raw_html = true;
                let line = data.sourcepos.start.line;
                let html = match &mut data.value {
                    NodeValue::HtmlBlock(block) => &mut block.literal,
                    NodeValue::HtmlInline(html) => html,
                    _ => return,
                };
                // One warning per line: `<script>…</script>` is two tags.
                let line = file_line(self.input, line);
                let warned =
                    |w: &Problem| w.code == "raw-html-shown" && w.line == Some(line as u32);
                if filter_tags(html) && !self.out.warnings.iter().any(warned) {
                    self.out.warnings.push(
                        Problem::warning("raw-html-shown", crate::text!("markdown-raw-html-shown"))
                            .at_line(line)
                            .help(crate::text!("markdown-raw-html-shown-help")),
                    );
                }
            }
            NodeValue::SoftBreak => {
                drop(data);
                if starts_numbered_line(node) {
                    node.data_mut().value = NodeValue::LineBreak;
                    self.plain.push('\n');
                } else if break_vanishes(node) {
                    vanishing_breaks.push(node);
                } else {
                    self.plain.push(' ');
                }
            }
            NodeValue::LineBreak => self.plain.push(' '),
            NodeValue::Link(_) => {
                drop(data);
                let line = line_of(self.input, node);
                if let NodeValue::Link(link) = &mut node.data_mut().value {
                    link.url = self.resolve(&link.url, line);
                    if let Some(file) = self.links.file_of(&link.url) {
                        self.out.linked_files.push(file.to_string());
                    }
                }
            }
            NodeValue::Image(image) => {
                let url = std::mem::take(&mut image.url);
                drop(data);
                let line = line_of(self.input, node);
                let resolved = self.resolve(&url, line);
                if let Some(file) = self.links.file_of(&resolved)
                    && super::links::is_picture(file)
                {
                    let mut src = String::new();
                    // Writing into a String cannot fail.
                    let _ = comrak::html::escape_href(&mut src, &resolved, false);
                    self.out.pictures.push(super::Picture {
                        file: file.to_string(),
                        src,
                    });
                }
                if let NodeValue::Image(image) = &mut node.data_mut().value {
                    image.url = resolved;
                }
                *image_alt = Some((line, String::new()));
            }
            _ => {}
        }
    }

    /// Strips a strict `{#id .class}` from the heading, then gives it a unique id and, for h2
    /// and h3, a table-of-contents entry.
    fn heading<'a>(&mut self, node: Node<'a>, level: u8) -> HeadingTag {
        let attributes = take_attributes(node);
        let title = node.collect_text();
        let base = attributes.id.unwrap_or_else(|| text::heading_id(&title));
        let id = self.ids.unique(base);
        if matches!(level, 2 | 3) {
            self.flat_toc.push(TocEntry {
                level,
                id: id.clone(),
                title: title.trim().to_string(),
                children: Vec::new(),
            });
        }
        self.out.anchors.push(id.clone());
        HeadingTag {
            id,
            classes: attributes.classes,
        }
    }

    fn resolve(&mut self, dest: &str, line: usize) -> String {
        match self.links.resolve(dest, self.input.dir, self.input.lang) {
            Resolved::Keep => {
                if dest.starts_with('/') || dest.starts_with('#') {
                    self.out.links.push((line, dest.to_string()));
                }
                dest.to_string()
            }
            Resolved::Url(url) => {
                self.out.links.push((line, url.clone()));
                url
            }
            Resolved::Broken(why) => {
                self.out.problems.push(
                    Problem::error("broken-link", crate::text!("link-broken", why = why))
                        .at_line(line)
                        .help(crate::text!("link-broken-help")),
                );
                dest.to_string()
            }
        }
    }
}

/// Removes a trailing `{#id .class}` from the heading's last text (joined across the text nodes
/// the parser may have split it into) and returns it.
fn take_attributes(heading: Node<'_>) -> heading::Attributes {
    let mut tail = Vec::new();
    let mut child = heading.last_child();
    while let Some(node) = child {
        if !matches!(node.data().value, NodeValue::Text(_)) {
            break;
        }
        tail.push(node);
        child = node.previous_sibling();
    }
    tail.reverse();
    let joined: String = tail
        .iter()
        .filter_map(|n| match &n.data().value {
            NodeValue::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect();
    let Some((kept, attributes)) = heading::split_attributes(&joined) else {
        return heading::Attributes::default();
    };
    let kept = kept.to_string();
    let Some((first, rest)) = tail.split_first() else {
        return attributes;
    };
    first.data_mut().value = NodeValue::Text(kept.into());
    for node in rest {
        node.detach();
    }
    attributes
}

/// A soft break whose neighbouring characters are both Chinese produces nothing.
fn break_vanishes(node: Node<'_>) -> bool {
    let before = node.previous_sibling().and_then(|n| edge_char(n, true));
    let after = node.next_sibling().and_then(|n| edge_char(n, false));
    matches!((before, after), (Some(b), Some(a)) if cjk::break_vanishes(b, a))
}

/// A line written one per item with Chinese numbering (`一、`, `（一）`, `1、`, `①`) stays its
/// own line: the break before it is kept as a line break. No Markdown engine makes lists of
/// these, and without this `（一）总体要求（二）工作目标` ran together.
fn starts_numbered_line(node: Node<'_>) -> bool {
    let Some(next) = node.next_sibling() else {
        return false;
    };
    match &next.data().value {
        NodeValue::Text(t) => cjk::is_numbering(t),
        _ => false,
    }
}

/// The last (or first) character of the text a node shows, looking into emphasis and links,
/// and past raw inline tags and footnote references, which show no text of their own there.
fn edge_char(node: Node<'_>, last: bool) -> Option<char> {
    let mut current = node;
    while matches!(
        current.data().value,
        NodeValue::HtmlInline(_) | NodeValue::FootnoteReference(_)
    ) {
        current = if last {
            current.previous_sibling()?
        } else {
            current.next_sibling()?
        };
    }
    loop {
        let next = {
            let data = current.data();
            let text = match &data.value {
                NodeValue::Text(t) => Some(t.as_ref()),
                NodeValue::Code(c) => Some(c.literal.as_str()),
                _ => None,
            };
            if let Some(text) = text {
                return if last {
                    text.chars().next_back()
                } else {
                    text.chars().next()
                };
            }
            if last {
                current.last_child()
            } else {
                current.first_child()
            }
        };
        current = next?;
    }
}

/// GFM's tag filter: raw tags that would swallow the rest of the page as text or script
/// (`<title>`, `<xmp>`, …, never closed by an editor) have their `<` escaped, so they show as
/// text. (comrak's own filter lowercases the rest of the block at every `<`: quadratic.)
/// Returns whether anything was escaped.
fn filter_tags(html: &mut String) -> bool {
    const SWALLOWING: [&str; 9] = [
        "title",
        "textarea",
        "style",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "script",
        "plaintext",
    ];
    let bytes = html.as_bytes();
    let swallows = |at: usize| {
        let mut i = at + 1;
        if bytes.get(i) == Some(&b'/') {
            i += 1;
        }
        SWALLOWING.iter().any(|tag| {
            let end = i + tag.len();
            bytes
                .get(i..end)
                .is_some_and(|name| name.eq_ignore_ascii_case(tag.as_bytes()))
                && match bytes.get(end) {
                    Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>') => true,
                    Some(b'/') => bytes.get(end + 1) == Some(&b'>'),
                    _ => false,
                }
        })
    };
    let hits: Vec<usize> = (0..bytes.len())
        .filter(|&i| bytes[i] == b'<' && swallows(i))
        .collect();
    if hits.is_empty() {
        return false;
    }
    let mut filtered = String::with_capacity(html.len() + 3 * hits.len());
    let mut from = 0;
    for at in hits {
        filtered.push_str(&html[from..at]);
        filtered.push_str("&lt;");
        from = at + 1;
    }
    filtered.push_str(&html[from..]);
    *html = filtered;
    true
}

fn push_break(text: &mut String) {
    if !text.ends_with('\n') && !text.is_empty() {
        text.push('\n');
    }
}
