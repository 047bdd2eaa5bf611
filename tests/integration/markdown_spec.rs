//! Conformance: every example of the CommonMark spec, the GFM spec and cmark-gfm's extension
//! examples, rendered through Civic's Markdown stage and compared with the expected HTML.
//!
//! The specification files are read from `../shared/markdown-specs/` (next to the repository)
//! when that folder exists; they are never copied into the repository. Without it the test says
//! so and passes.
//!
//! Both sides are normalised the way the CommonMark test runner does (`normalize.py`): parsed as
//! HTML, whitespace collapsed and dropped next to block tags, attributes sorted, entities
//! decoded. Before that, Civic's deliberate changes are undone on Civic's side:
//! - headings carry an `id` (and the classes of `{#id .class}`): removed;
//! - code blocks are highlighted: `<pre class="code" data-lang>` loses its class and data
//!   attribute, and the highlighting `<span>`s inside are unwrapped;
//! - table alignment is a class (`align-left`), not `align="left"`: turned back;
//! - task items are a symbol and screen-reader words, not a disabled `<input>`: turned back;
//! - the footnote section has a translated heading and `role`/`aria-labelledby`: removed;
//! - raw HTML is sanitised: when Civic's output had raw HTML, the expected HTML goes through the
//!   same sanitizer, so only differences in how Markdown was read remain.
//!
//! Examples that differ for a stated reason are listed in [`DIFFERENT_ON_PURPOSE`]; the test also
//! fails when a listed example starts to match, so the list stays true.

use civic::config::MarkdownConfig;
use civic::lang::Lang;
use civic::markdown::{Highlighter, Input, LinkTable, render};
use scraper::{ElementRef, Html, Node};
use std::path::{Path, PathBuf};

const TAG_FILTER: &str = "GFM's tag filter is always on: `<script>`, `<style>`, `<textarea>` are shown as text (the core example shows them raw)";
const SINGLE_TILDE: &str = "only `~~text~~` strikes through: Chinese writes ranges with one tilde (`周一~周五`, `9:00~17:00`), and the GFM spec itself defines strikethrough as text between two tildes (these cmark-gfm examples also strike through between single ones)";
const COMMENTS: &str = "CommonMark 0.31 (which Civic follows) reads `<!-->` and `--` inside comments differently from the older CommonMark 0.29 the GFM spec is built on";

/// (file, example number, why Civic's output differs).
const DIFFERENT_ON_PURPOSE: &[(&str, usize, &str)] = &[
    ("commonmark-spec.txt", 172, TAG_FILTER),
    ("commonmark-spec.txt", 173, TAG_FILTER),
    ("commonmark-spec.txt", 174, TAG_FILTER),
    ("commonmark-spec.txt", 175, TAG_FILTER),
    ("commonmark-spec.txt", 178, TAG_FILTER),
    ("commonmark-spec.txt", 180, TAG_FILTER),
    ("gfm-spec.txt", 140, TAG_FILTER),
    ("gfm-spec.txt", 141, TAG_FILTER),
    ("gfm-spec.txt", 142, TAG_FILTER),
    ("gfm-spec.txt", 145, TAG_FILTER),
    ("gfm-spec.txt", 147, TAG_FILTER),
    ("gfm-spec.txt", 645, COMMENTS),
    ("gfm-spec.txt", 646, COMMENTS),
    ("gfm-extensions.txt", 17, SINGLE_TILDE),
    ("gfm-extensions.txt", 18, SINGLE_TILDE),
    (
        "gfm-extensions.txt",
        19,
        "a bare link needs a valid domain as the GFM spec defines it (a period; letters, digits, `-`, `_`): `http://inlines` and emoji hosts stay text",
    ),
    (
        "gfm-extensions.txt",
        23,
        "this 2016 example has numbered footnote ids (`#fn1`); Civic, like GitHub today, names them by label (`#fn-1`) and adds `role`, `aria-*` and a translated heading",
    ),
];

struct Example {
    number: usize,
    /// `autolink`, `table`, … for GFM's extension examples; empty for core CommonMark ones.
    kind: String,
    section: String,
    markdown: String,
    html: String,
}

/// `../shared/markdown-specs/`, or the folder `CIVIC_MARKDOWN_SPECS` names (a git worktree
/// sits elsewhere than the main checkout).
fn specs_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CIVIC_MARKDOWN_SPECS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/markdown-specs"),
        PathBuf::from,
    );
    dir.is_dir().then_some(dir)
}

/// Examples in the spec.txt format: a line of 32 backticks and `example`, the Markdown, a `.`
/// line, the HTML, 32 backticks; `→` stands for a tab. `example disabled` ones are skipped.
fn examples(text: &str) -> Vec<Example> {
    let fence = "`".repeat(32);
    let mut out = Vec::new();
    let mut section = String::new();
    let mut number = 0;
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if let Some(kind) = line
            .strip_prefix(&fence)
            .and_then(|rest| rest.strip_prefix(" example"))
        {
            number += 1;
            let mut markdown = String::new();
            let mut html = String::new();
            let mut in_html = false;
            for body in lines.by_ref() {
                if body == fence {
                    break;
                }
                if body == "." && !in_html {
                    in_html = true;
                    continue;
                }
                let target = if in_html { &mut html } else { &mut markdown };
                target.push_str(&body.replace('→', "\t"));
                target.push('\n');
            }
            if kind.trim() != "disabled" {
                out.push(Example {
                    number,
                    kind: kind.trim().to_string(),
                    section: section.clone(),
                    markdown,
                    html,
                });
            }
        } else if line.starts_with('#') {
            section = line.trim_start_matches('#').trim().to_string();
        }
    }
    out
}

/// Token of normalised HTML.
#[derive(Debug, PartialEq)]
enum Token {
    Open(String, Vec<(String, String)>),
    Close(String),
    Text(String),
}

const BLOCK_TAGS: &[&str] = &[
    "article",
    "header",
    "aside",
    "hgroup",
    "blockquote",
    "hr",
    "iframe",
    "body",
    "li",
    "map",
    "button",
    "object",
    "canvas",
    "ol",
    "caption",
    "output",
    "col",
    "p",
    "colgroup",
    "pre",
    "dd",
    "progress",
    "div",
    "section",
    "dl",
    "table",
    "td",
    "dt",
    "tbody",
    "embed",
    "textarea",
    "fieldset",
    "tfoot",
    "figcaption",
    "th",
    "figure",
    "thead",
    "footer",
    "tr",
    "form",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "video",
    "script",
    "style",
];

const VOID_TAGS: &[&str] = &[
    "br", "hr", "img", "input", "col", "embed", "source", "track", "wbr",
];

fn normalise(html: &str, undo_civic: bool) -> String {
    let fragment = Html::parse_fragment(html);
    let mut tokens = Vec::new();
    walk_children(fragment.root_element(), undo_civic, false, &mut tokens);
    serialise(tokens)
}

fn walk_children(parent: ElementRef<'_>, undo: bool, in_pre: bool, out: &mut Vec<Token>) {
    for child in parent.children() {
        match ElementRef::wrap(child) {
            Some(element) => walk(element, undo, in_pre, out),
            None => {
                if let Node::Text(t) = child.value() {
                    out.push(Token::Text(t.to_string()));
                }
            }
        }
    }
}

fn walk(node: ElementRef<'_>, undo: bool, in_pre: bool, out: &mut Vec<Token>) {
    let e = node.value();
    {
        {
            let name = e.name().to_string();
            let class = e.attr("class").unwrap_or("");
            let mut attrs: Vec<(String, String)> = e
                .attrs()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            if undo {
                if in_pre && name == "span" {
                    // Highlighting: keep the text, drop the span.
                    walk_children(node, undo, in_pre, out);
                    return;
                }
                if name == "span" && class == "task" {
                    let mut input = vec![
                        ("disabled".to_string(), String::new()),
                        ("type".to_string(), "checkbox".to_string()),
                    ];
                    if node.text().any(|t| t.contains('☑')) {
                        input.push(("checked".to_string(), String::new()));
                    }
                    input.sort();
                    out.push(Token::Open("input".to_string(), input));
                    return;
                }
                if name == "span" && class == "task-label" {
                    out.push(Token::Text(" ".to_string()));
                    return;
                }
                if name == "h2" && e.attr("id") == Some("footnotes-label") {
                    return;
                }
                match name.as_str() {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        attrs.retain(|(k, _)| k != "id" && k != "class")
                    }
                    "pre" => attrs.retain(|(k, _)| k != "class" && k != "data-lang"),
                    "section" => attrs.retain(|(k, _)| k != "role" && k != "aria-labelledby"),
                    "td" | "th" => {
                        if let Some(side) = class.strip_prefix("align-") {
                            attrs.retain(|(k, _)| k != "class");
                            attrs.push(("align".to_string(), side.to_string()));
                        }
                    }
                    _ => {}
                }
            }
            attrs.sort();
            out.push(Token::Open(name.clone(), attrs));
            let in_pre = in_pre || name == "pre";
            walk_children(node, undo, in_pre, out);
            if !VOID_TAGS.contains(&name.as_str()) {
                out.push(Token::Close(name));
            }
        }
    }
}

/// Adjacent texts merged, whitespace collapsed outside `<pre>` and dropped next to block tags.
fn serialise(tokens: Vec<Token>) -> String {
    let mut merged: Vec<Token> = Vec::new();
    for token in tokens {
        match (merged.last_mut(), token) {
            (Some(Token::Text(a)), Token::Text(b)) => a.push_str(&b),
            (_, t) => merged.push(t),
        }
    }
    let is_block = |t: Option<&Token>| match t {
        Some(Token::Open(n, _) | Token::Close(n)) => BLOCK_TAGS.contains(&n.as_str()),
        None => true,
        _ => false,
    };
    let mut out = String::new();
    let mut pre_depth = 0usize;
    for (i, token) in merged.iter().enumerate() {
        match token {
            Token::Open(name, attrs) => {
                pre_depth += usize::from(name == "pre");
                out.push('<');
                out.push_str(name);
                for (k, v) in attrs {
                    out.push_str(&format!(" {k}=\"{}\"", escape(v, true)));
                }
                out.push('>');
            }
            Token::Close(name) => {
                pre_depth = pre_depth.saturating_sub(usize::from(name == "pre"));
                out.push_str(&format!("</{name}>"));
            }
            Token::Text(text) if pre_depth > 0 => out.push_str(&escape(text, false)),
            Token::Text(text) => {
                let mut collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if text.starts_with(char::is_whitespace)
                    && !is_block(i.checked_sub(1).and_then(|j| merged.get(j)))
                {
                    collapsed.insert(0, ' ');
                }
                if text.ends_with(char::is_whitespace)
                    && !is_block(merged.get(i + 1))
                    && collapsed != " "
                {
                    collapsed.push(' ');
                }
                out.push_str(&escape(&collapsed, false));
            }
        }
    }
    out
}

fn escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// Renders each example and returns the failures as `file #n (section)` with both sides.
fn failures(
    file: &str,
    examples: &[Example],
    options: impl Fn(&Example) -> MarkdownConfig,
) -> Vec<(usize, String)> {
    let links = LinkTable::default();
    let highlighter = Highlighter::default();
    let mut failed = Vec::new();
    for ex in examples {
        let input = Input {
            body: &ex.markdown,
            body_line: 1,
            dir: "",
            lang: Lang::En,
            allowed_html_tags: &[],
            options: options(ex),
            max_highlight_line: 2000,
        };
        let rendered = render(&input, &links, &highlighter);
        if ex.html.to_ascii_lowercase().starts_with("<ignore>") {
            // "This shouldn't crash": rendering without a panic is the test.
            continue;
        }
        let expected_html = if rendered.had_raw_html {
            civic::guard::sanitize(&ex.html, &[]).0
        } else {
            ex.html.clone()
        };
        let ours = normalise(&rendered.html, true);
        let expected = normalise(&expected_html, false);
        if ours != expected {
            failed.push((
                ex.number,
                format!(
                    "{file} example {} ({}):\n  markdown: {:?}\n  expected: {expected}\n  civic:    {ours}",
                    ex.number, ex.section, ex.markdown
                ),
            ));
        }
    }
    failed
}

fn check(file: &str, examples: Vec<Example>, options: impl Fn(&Example) -> MarkdownConfig) {
    assert!(!examples.is_empty(), "{file}: no examples found");
    let failed = failures(file, &examples, options);
    let listed: Vec<usize> = DIFFERENT_ON_PURPOSE
        .iter()
        .filter(|(f, _, _)| *f == file)
        .map(|(_, n, _)| *n)
        .collect();
    let unexpected: Vec<&String> = failed
        .iter()
        .filter(|(n, _)| !listed.contains(n))
        .map(|(_, text)| text)
        .collect();
    let now_passing: Vec<&usize> = listed
        .iter()
        .filter(|n| !failed.iter().any(|(f, _)| f == *n))
        .collect();
    assert!(
        unexpected.is_empty() && now_passing.is_empty(),
        "{file}: {} of {} examples differ unexpectedly{}\n\n{}",
        unexpected.len(),
        examples.len(),
        if now_passing.is_empty() {
            String::new()
        } else {
            format!("; listed as different but now match: {now_passing:?}")
        },
        unexpected
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}

/// Civic's defaults without bare links: core CommonMark plus the CJK-friendly amendment.
fn core() -> MarkdownConfig {
    MarkdownConfig {
        bare_links: false,
        ..MarkdownConfig::default()
    }
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn commonmark_spec_examples_render_as_specified() {
    let Some(dir) = specs_dir() else {
        eprintln!("../shared/markdown-specs not found: conformance not checked");
        return;
    };
    let text = read(&dir, "commonmark-spec.txt");
    // CJK-friendly emphasis is on (the default): the spec still holds for Latin text. Bare links
    // are GFM's extension, off for core CommonMark as cmark-gfm's own spec run has it.
    check("commonmark-spec.txt", examples(&text), |_| core());
}

#[test]
fn gfm_spec_examples_render_as_specified() {
    let Some(dir) = specs_dir() else {
        eprintln!("../shared/markdown-specs not found: conformance not checked");
        return;
    };
    let text = read(&dir, "gfm-spec.txt");
    // Extension examples (`example autolink`, …) with the extensions, core ones without bare links.
    check("gfm-spec.txt", examples(&text), |ex| {
        if ex.kind.is_empty() {
            core()
        } else {
            MarkdownConfig::default()
        }
    });
}

#[test]
fn gfm_extension_examples_render_as_specified() {
    let Some(dir) = specs_dir() else {
        eprintln!("../shared/markdown-specs not found: conformance not checked");
        return;
    };
    let text = read(&dir, "gfm-extensions.txt");
    check("gfm-extensions.txt", examples(&text), |_| {
        MarkdownConfig::default()
    });
}

#[test]
fn the_normaliser_ignores_only_what_it_should() {
    // Whitespace next to block tags and attribute order do not matter; text does.
    assert_eq!(
        normalise(
            "<p  class=\"b\" id=\"a\">x\n y</p>\n<ul>\n<li>z</li>\n</ul>",
            false
        ),
        normalise("<p id=\"a\" class=\"b\">x y</p><ul><li>z</li></ul>", false)
    );
    assert_ne!(
        normalise("<p>x y</p>", false),
        normalise("<p>xy</p>", false)
    );
    assert_ne!(
        normalise("<p>*x*</p>", false),
        normalise("<p><em>x</em></p>", false)
    );
    // Civic's heading ids and highlighting are undone, nothing else.
    assert_eq!(
        normalise(
            "<h2 id=\"a\">T</h2><pre class=\"code\" data-lang=\"rs\"><code class=\"language-rs\"><span class=\"hl-x\">fn</span>\n</code></pre>",
            true
        ),
        normalise(
            "<h2>T</h2><pre><code class=\"language-rs\">fn\n</code></pre>",
            false
        )
    );
    assert_ne!(
        normalise("<p id=\"a\">T</p>", true),
        normalise("<p>T</p>", false)
    );
}
