//! Structural checks on HTML (rendered page bodies, template overrides, raw HTML inside
//! Markdown): hidden elements carrying text or links, scripts and frames, event handlers,
//! meta refresh, and collection of the visible text and URLs for the other checks.

use super::links::FoundUrl;
use super::masking::TEXT_ATTRS;
use super::normalize::{BOUNDARY, Unit, decode_entities_str};
use super::style::{self, HIDE_CLASSES, SOFT_CLASSES};
use super::tokenize::{Tag, Token, tokenize};
use super::{Finding, Rule, Severity, finding_at, script};
use crate::html::BLOCK_ELEMENTS;
use crate::messages::Text;
use crate::text;

pub enum Mode<'a> {
    /// A Markdown source file (raw HTML in it will be sanitized away, but its presence is news).
    Source,
    /// The HTML rendered from a page body.
    Body,
    /// A site template override; scripts allowed only from these theme paths.
    Template(&'a [String]),
}

#[derive(Default)]
pub struct Scan {
    pub findings: Vec<Finding>,
    /// Visible text (text nodes and text-bearing attributes) for the vocabulary.
    pub text: Vec<Unit>,
    pub urls: Vec<FoundUrl>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];
const FRAMES: &[&str] = &["iframe", "frame", "frameset", "object", "embed", "applet"];
const URL_ATTRS: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "cite",
    "data",
    "background",
    "xlink:href",
    "srcset",
];
struct Frame {
    name: String,
    start: usize,
    hidden: Option<(Text, bool)>, // (reason, soft: a11y class that is honest with text)
    text: bool,
    link: bool,
}

struct Walker<'a> {
    src: &'a str,
    masked: &'a str,
    mode: &'a Mode<'a>,
    allowed_tags: &'a [String],
    hidden_classes: Vec<String>,
    hidden_ids: Vec<String>,
    stack: Vec<Frame>,
    scan: Scan,
}

/// Analyze `masked` (same byte layout as `src`, with code or template syntax blanked out);
/// findings and matched text refer to `src`.
pub fn analyze(src: &str, masked: &str, mode: &Mode, allowed_tags: &[String]) -> Scan {
    let tokens = tokenize(masked);
    let mut w = Walker {
        src,
        masked,
        mode,
        allowed_tags,
        hidden_classes: Vec::new(),
        hidden_ids: Vec::new(),
        stack: Vec::new(),
        scan: Scan::default(),
    };
    for t in &tokens {
        if let Token::Raw { parent, span } = t {
            if parent == "style" {
                let (c, i) = style::hidden_selectors(&masked[span.clone()]);
                w.hidden_classes.extend(c);
                w.hidden_ids.extend(i);
            }
        }
    }
    for t in tokens {
        w.token(t);
    }
    while let Some(f) = w.stack.pop() {
        w.close(f, src.len());
    }
    w.scan
}

impl Walker<'_> {
    fn token(&mut self, t: Token) {
        match t {
            Token::Text(r) => self.text(r.start, r.end),
            Token::Start(tag) => self.start(tag),
            Token::End { name, span } => self.end(&name, span.end),
            Token::Raw { parent, span } => self.raw(&parent, span.start, span.end),
            Token::Comment | Token::Other => {}
        }
    }

    fn push_text(&mut self, start: usize, end: usize) {
        self.scan
            .text
            .extend(super::units(&self.masked[start..end], start));
    }

    fn boundary(&mut self, at: usize) {
        self.scan.text.push(Unit {
            ch: BOUNDARY,
            start: at,
            end: at,
        });
    }

    fn text(&mut self, start: usize, end: usize) {
        self.push_text(start, end);
        if !self.masked[start..end].trim().is_empty() {
            if let Some(f) = self.stack.iter_mut().find(|f| f.hidden.is_some()) {
                f.text = true;
            }
        }
    }

    fn raw(&mut self, parent: &str, start: usize, end: usize) {
        match parent {
            "script" => {
                for (s, e, rule, msg) in script::inspect(&self.src[start..end], false) {
                    self.report(start + s, start + e, rule, Severity::Error, msg);
                }
            }
            "style" => {}
            _ => self.text(start, end), // title, textarea: shown to visitors
        }
    }

    fn start(&mut self, tag: Tag) {
        if BLOCK_ELEMENTS.contains(&tag.name.as_str()) {
            self.boundary(tag.span.start);
        }
        self.check_element(&tag);
        for a in &tag.attrs {
            self.check_attribute(&tag, a);
        }
        // A fragment link (`#main`, a skip link) goes nowhere a spammer wants.
        let href = tag.attr("href").map(|a| self.value(a)).unwrap_or_default();
        let is_link = (tag.name == "a" && !href.is_empty() && !href.starts_with('#'))
            || FRAMES.contains(&tag.name.as_str());
        if is_link || tag.name == "img" {
            if let Some(f) = self.stack.iter_mut().find(|f| f.hidden.is_some()) {
                f.link |= is_link || tag.name == "img";
            }
        }
        let frame = Frame {
            name: tag.name.clone(),
            start: tag.span.start,
            hidden: self.hidden_reason(&tag),
            text: false,
            link: is_link,
        };
        if VOID.contains(&tag.name.as_str()) || self.src[tag.span.clone()].ends_with("/>") {
            let linked = frame.hidden.is_some() && tag.attr("src").is_some();
            self.close(
                Frame {
                    link: linked,
                    ..frame
                },
                tag.span.end,
            );
        } else {
            self.stack.push(frame);
        }
    }

    fn end(&mut self, name: &str, at: usize) {
        if BLOCK_ELEMENTS.contains(&name) {
            self.boundary(at);
        }
        if let Some(pos) = self.stack.iter().rposition(|f| f.name == name) {
            while self.stack.len() > pos {
                if let Some(f) = self.stack.pop() {
                    self.close(f, at);
                }
            }
        }
    }

    /// Report a hidden element that carried text or links.
    fn close(&mut self, f: Frame, end: usize) {
        let Some((reason, soft)) = &f.hidden else {
            return;
        };
        if !(f.link || (f.text && !soft)) {
            return;
        }
        let what = match (f.link, f.text) {
            (true, true) => text!("guard-hidden-holds-links-and-text"),
            (true, false) => text!("guard-hidden-holds-link"),
            _ => text!("guard-hidden-holds-text"),
        };
        let end = end.min(f.start + 240);
        let msg = text!(
            "guard-hidden-content",
            element = f.name.as_str(),
            reason = reason.clone(),
            holds = what
        );
        self.report(f.start, end, Rule::HiddenContent, Severity::Error, msg);
    }

    fn hidden_reason(&self, tag: &Tag) -> Option<(Text, bool)> {
        if tag.attr("hidden").is_some() {
            return Some((text!("guard-hidden-by-attribute"), false));
        }
        if let Some(reason) = tag.attr("style").and_then(|a| style::hides(&self.value(a))) {
            return Some((text!("guard-hidden-by-style", how = reason), false));
        }
        let classes = tag.attr("class").map(|a| self.value(a)).unwrap_or_default();
        for c in classes.split_whitespace().map(str::to_ascii_lowercase) {
            if HIDE_CLASSES.contains(&c.as_str()) || self.hidden_classes.contains(&c) {
                return Some((text!("guard-hidden-by-class", class = &c), false));
            }
            if SOFT_CLASSES.contains(&c.as_str()) {
                return Some((text!("guard-hidden-by-class", class = &c), true));
            }
        }
        let id = tag.attr("id").map(|a| self.value(a)).unwrap_or_default();
        (!id.is_empty() && self.hidden_ids.contains(&id))
            .then(|| (text!("guard-hidden-by-stylesheet", id = &id), false))
    }

    /// An attribute's value from the original text, entities decoded.
    fn value(&self, a: &super::tokenize::Attr) -> String {
        decode_entities_str(self.src.get(a.value.clone()).unwrap_or(""))
    }

    fn check_element(&mut self, tag: &Tag) {
        let (s, e) = (tag.span.start, tag.span.end);
        let name = tag.name.as_str();
        match name {
            "script" => self.check_script(tag),
            _ if FRAMES.contains(&name) => {
                let listed = self.allowed_tags.iter().any(|t| t == name)
                    && !matches!(self.mode, Mode::Template(_));
                let sev = if listed {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                self.report(
                    s,
                    e,
                    Rule::Script,
                    sev,
                    text!("guard-embeds-page", element = name),
                );
            }
            "base" => self.report(
                s,
                e,
                Rule::Script,
                Severity::Error,
                text!("guard-base-element"),
            ),
            "meta" => {
                let equiv = tag
                    .attr("http-equiv")
                    .map(|a| self.value(a).to_ascii_lowercase());
                if equiv.as_deref() == Some("refresh") {
                    self.report(
                        s,
                        e,
                        Rule::Script,
                        Severity::Error,
                        text!("guard-meta-refresh"),
                    );
                }
            }
            "style" if matches!(self.mode, Mode::Template(_)) => {
                self.report(
                    s,
                    e,
                    Rule::InlineStyle,
                    Severity::Warning,
                    text!("guard-style-element"),
                );
            }
            _ => {}
        }
    }

    fn check_script(&mut self, tag: &Tag) {
        let (s, e) = (tag.span.start, tag.span.end);
        let Mode::Template(theme) = self.mode else {
            self.report(
                s,
                e,
                Rule::Script,
                Severity::Error,
                text!("guard-script-element"),
            );
            return;
        };
        let src = tag.attr("src").map(|a| self.value(a));
        let from_theme = src.as_deref().is_some_and(|src| theme_script(src, theme));
        if !from_theme {
            let what = match src {
                Some(src) => text!("guard-script-not-theme", src = src),
                None => text!("guard-script-inline"),
            };
            self.report(s, e, Rule::Script, Severity::Error, what);
        }
    }

    fn check_attribute(&mut self, tag: &Tag, a: &super::tokenize::Attr) {
        let (s, e) = (a.span.start, a.span.end);
        let name = a.name.as_str();
        if name.starts_with("on") && name.len() > 2 {
            self.report(
                s,
                e,
                Rule::Script,
                Severity::Error,
                text!(
                    "guard-event-handler",
                    attribute = name,
                    element = tag.name.as_str()
                ),
            );
        } else if name == "srcdoc" {
            self.report(
                s,
                e,
                Rule::Script,
                Severity::Error,
                text!("guard-srcdoc", element = tag.name.as_str()),
            );
        } else if name == "style" && matches!(self.mode, Mode::Template(_)) {
            self.report(
                s,
                e,
                Rule::InlineStyle,
                Severity::Warning,
                text!("guard-style-attribute"),
            );
        }
        if URL_ATTRS.contains(&name) {
            self.collect_urls(a);
        }
        if name == "content" && tag.name == "meta" {
            if let Some(i) = self.value(a).to_ascii_lowercase().find("url=") {
                let url = self.value(a)[i + 4..]
                    .trim_matches(['\'', '"', ' '])
                    .to_string();
                self.scan.urls.push(FoundUrl {
                    url,
                    start: s,
                    end: e,
                });
            }
        }
        if TEXT_ATTRS.contains(&name) && !a.value.is_empty() {
            self.boundary(a.value.start);
            self.push_text(a.value.start, a.value.end);
            self.boundary(a.value.end);
        }
    }

    fn collect_urls(&mut self, a: &super::tokenize::Attr) {
        let value = self.value(a);
        let (s, e) = (a.value.start, a.value.end);
        if a.name == "srcset" {
            for candidate in value.split(',') {
                if let Some(url) = candidate.split_whitespace().next() {
                    self.scan.urls.push(FoundUrl {
                        url: url.to_string(),
                        start: s,
                        end: e,
                    });
                }
            }
        } else if !value.trim_start().starts_with("{{") {
            self.scan.urls.push(FoundUrl {
                url: value,
                start: s,
                end: e,
            });
        }
    }

    fn report(&mut self, s: usize, e: usize, rule: Rule, severity: Severity, message: Text) {
        let mut f = finding_at(self.src, s, e, rule, severity, message);
        f.help = match rule {
            Rule::HiddenContent => Some(text!("guard-hidden-content-help")),
            Rule::Script | Rule::Cloaking => Some(text!("guard-script-help")),
            Rule::InlineStyle => Some(text!("guard-inline-style-help")),
            _ => None,
        };
        self.scan.findings.push(f);
    }
}

/// Is a template's `src` (possibly a Tera expression) one of the theme's scripts?
fn theme_script(src: &str, theme: &[String]) -> bool {
    let src = src.trim();
    theme.iter().any(|t| {
        let bare = t.trim_start_matches('/');
        src == t.as_str()
            || src.trim_start_matches('/') == bare
            || (src.contains("{{") && !bare.is_empty() && src.contains(bare))
    })
}
