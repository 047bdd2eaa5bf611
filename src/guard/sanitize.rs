//! Raw HTML in Markdown goes through ammonia. The policy keeps everything pulldown-cmark and
//! syntect produce for ordinary Markdown and drops scripts, frames, event handlers, `style`
//! attributes, `javascript:` URLs and hiding classes. Ammonia does not say what it removed,
//! so the same policy is applied to a token stream first to describe the removals.

use super::GuardError;
use super::style::{HIDE_CLASSES, SOFT_CLASSES};
use super::tokenize::{Token, tokenize};
use crate::messages::Text;
use crate::text;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

/// Tags a site can never allow: they run code, change every link, or post data elsewhere.
const NEVER: &[&str] = &[
    "script", "style", "object", "embed", "applet", "base", "meta", "link", "frame", "frameset",
    "form", "noscript", "template", "svg", "math", "button", "textarea", "select",
];

/// Tags removed together with their content.
const CLEAN_CONTENT: &[&str] = &["script", "style"];

/// Attributes allowed on every tag (`role` and `aria-*` are what Markdown's footnotes and task
/// lists carry; they change what assistive technology announces, never what is shown).
const GENERIC: &[&str] = &[
    "lang",
    "title",
    "id",
    "class",
    "dir",
    "role",
    "aria-hidden",
    "aria-label",
    "aria-labelledby",
];

/// Tags (beyond ammonia's defaults) that ordinary Markdown output needs.
const MARKDOWN_EXTRA: &[&str] = &["input"];

fn tag_attrs(tag: &str) -> &'static [&'static str] {
    match tag {
        "a" => &["href", "hreflang"],
        "img" => &[
            "src", "alt", "width", "height", "loading", "srcset", "sizes", "decoding",
        ],
        "input" => &["type", "disabled", "checked"],
        "ol" => &["start", "reversed"],
        "pre" => &["data-lang"],
        "td" => &["colspan", "rowspan", "headers"],
        "th" => &["colspan", "rowspan", "headers", "scope"],
        "del" | "ins" | "blockquote" | "q" => &["cite", "datetime"],
        "time" => &["datetime"],
        "data" => &["value"],
        "details" => &["open"],
        "col" | "colgroup" => &["span"],
        "area" => &["href", "alt", "shape", "coords"],
        "map" => &["name"],
        "video" => &[
            "src",
            "controls",
            "poster",
            "width",
            "height",
            "preload",
            "muted",
            "loop",
            "playsinline",
        ],
        "audio" => &["src", "controls", "preload", "muted", "loop"],
        "source" => &["src", "srcset", "type", "media", "sizes"],
        "track" => &["src", "kind", "srclang", "label", "default"],
        "iframe" => &[
            "src",
            "width",
            "height",
            "title",
            "allowfullscreen",
            "loading",
            "sandbox",
        ],
        _ => &[],
    }
}

const URL_ATTRS: &[&str] = &["href", "src", "cite", "poster", "srcset"];
const SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Validate a site's `allow_html_tags`.
pub fn checked_extra_tags(tags: &[String]) -> Result<Vec<String>, GuardError> {
    let mut out = Vec::new();
    for t in tags {
        let name = t.trim().trim_matches(['<', '>']).to_ascii_lowercase();
        if NEVER.contains(&name.as_str()) {
            return Err(GuardError::Config(text!(
                "guard-allow-tag-never",
                tag = name
            )));
        }
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(GuardError::Config(text!(
                "guard-allow-tag-invalid",
                tag = t
            )));
        }
        out.push(name);
    }
    Ok(out)
}

fn default_tags() -> &'static HashSet<&'static str> {
    static TAGS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    TAGS.get_or_init(|| {
        let mut t = ammonia::Builder::default().clone_tags();
        t.extend(MARKDOWN_EXTRA);
        t
    })
}

/// Sanitize HTML rendered from Markdown. Returns the clean HTML and a description of each
/// kind of thing removed (with a count when it occurs more than once).
pub fn sanitize(html: &str, allowed_extra_tags: &[String]) -> (String, Vec<Text>) {
    let html = align_to_classes(html);
    let extra: Vec<&str> = allowed_extra_tags
        .iter()
        .map(|t| t.as_str())
        .filter(|t| !NEVER.contains(t))
        .collect();
    let report = removals(&html, &extra)
        .into_iter()
        .map(|r| r.describe())
        .collect();
    let clean = if extra.is_empty() {
        default_builder().clean(&html).to_string()
    } else {
        builder(&extra).clean(&html).to_string()
    };
    (clean, report)
}

fn default_builder() -> &'static ammonia::Builder<'static> {
    static B: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    B.get_or_init(|| builder(&[]))
}

fn builder<'a>(extra: &[&'a str]) -> ammonia::Builder<'a> {
    let mut b = ammonia::Builder::default();
    b.add_tags(MARKDOWN_EXTRA.iter().copied().chain(extra.iter().copied()));
    let mut attrs: HashMap<&'a str, HashSet<&'a str>> = HashMap::new();
    for tag in default_tags().iter().copied().chain(extra.iter().copied()) {
        let set: HashSet<&str> = tag_attrs(tag).iter().copied().collect();
        if !set.is_empty() {
            attrs.insert(tag, set);
        }
    }
    b.tag_attributes(attrs)
        .generic_attributes(GENERIC.iter().copied().collect())
        .url_schemes(SCHEMES.iter().copied().collect())
        .link_rel(None)
        .attribute_filter(filter_attribute);
    b
}

/// Values ammonia would otherwise keep but that serve only to hide or disguise.
fn filter_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    match attribute {
        "class" => {
            let kept: Vec<&str> = value
                .split_whitespace()
                .filter(|c| !hiding_class(c))
                .collect();
            (!kept.is_empty()).then(|| Cow::Owned(kept.join(" ")))
        }
        "type" if element == "input" => value
            .eq_ignore_ascii_case("checkbox")
            .then_some(Cow::Borrowed(value)),
        "loading" => matches!(value, "lazy" | "eager").then_some(Cow::Borrowed(value)),
        _ => Some(Cow::Borrowed(value)),
    }
}

fn hiding_class(c: &str) -> bool {
    let c = c.to_ascii_lowercase();
    HIDE_CLASSES.contains(&c.as_str()) || SOFT_CLASSES.contains(&c.as_str())
}

/// pulldown-cmark aligns table cells with `style`, which a strict CSP blocks; use classes
/// (`align-left|center|right`, styled by the theme) instead.
fn align_to_classes(html: &str) -> Cow<'_, str> {
    if !html.contains("style=\"text-align: ") {
        return Cow::Borrowed(html);
    }
    let mut s = html.to_string();
    for cell in ["th", "td"] {
        for side in ["left", "center", "right"] {
            s = s.replace(
                &format!("<{cell} style=\"text-align: {side}\">"),
                &format!("<{cell} class=\"align-{side}\">"),
            );
        }
    }
    Cow::Owned(s)
}

/// One kind of thing the sanitizer removes, and how often.
pub struct Removal {
    pub what: Text,
    pub count: usize,
}

impl Removal {
    pub fn describe(&self) -> Text {
        if self.count > 1 {
            text!(
                "guard-removed-times",
                what = self.what.clone(),
                count = self.count
            )
        } else {
            self.what.clone()
        }
    }
}

/// What the policy will remove from `html` (after [`align_to_classes`]), sorted by description
/// (in English, so the order is the same in either language).
pub fn removals(html: &str, extra: &[&str]) -> Vec<Removal> {
    let mut found: BTreeMap<String, Removal> = BTreeMap::new();
    let mut note = |what: Text| {
        found
            .entry(what.to_string())
            .or_insert(Removal { what, count: 0 })
            .count += 1;
    };
    let allowed = |t: &str| default_tags().contains(t) || extra.contains(&t);
    for tok in tokenize(html) {
        let Token::Start(tag) = tok else { continue };
        if !allowed(&tag.name) {
            let what = if CLEAN_CONTENT.contains(&tag.name.as_str()) {
                text!("guard-removed-element", element = tag.name.as_str())
            } else {
                text!(
                    "guard-removed-element-keeping-text",
                    element = tag.name.as_str()
                )
            };
            note(what);
            continue;
        }
        for a in &tag.attrs {
            let value =
                super::normalize::decode_entities_str(html.get(a.value.clone()).unwrap_or(""));
            if let Some(what) = attribute_removal(&tag.name, &a.name, &value) {
                note(what);
            }
        }
    }
    found.into_values().collect()
}

fn attribute_removal(tag: &str, attr: &str, value: &str) -> Option<Text> {
    if !GENERIC.contains(&attr) && !tag_attrs(tag).contains(&attr) {
        return Some(text!(
            "guard-removed-attribute",
            attribute = attr,
            element = tag
        ));
    }
    if URL_ATTRS.contains(&attr) {
        let v: String = value
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect();
        if let Some((scheme, _)) = v.split_once(':') {
            let plain = !scheme.contains(['/', '?', '#']);
            if plain && !SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) {
                return Some(text!(
                    "guard-removed-url",
                    scheme = scheme.to_ascii_lowercase(),
                    attribute = attr,
                    element = tag
                ));
            }
        }
    }
    if attr == "class" {
        let hiding: Vec<&str> = value
            .split_whitespace()
            .filter(|c| hiding_class(c))
            .collect();
        if !hiding.is_empty() {
            return Some(text!(
                "guard-removed-hiding-class",
                classes = hiding.join(" "),
                element = tag
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_ordinary_markdown_output() {
        let html = concat!(
            "<h2 id=\"intro\">Intro</h2>\n<p><a href=\"/a/\" title=\"t\">a</a> <img src=\"x.jpg\" alt=\"x\" width=\"10\" height=\"5\" loading=\"lazy\" srcset=\"x-2.jpg 2x\" sizes=\"100vw\"></p>\n",
            "<ul>\n<li><input disabled=\"\" type=\"checkbox\" checked=\"\">\ndone</li>\n</ul>\n",
            "<pre><code class=\"language-rust\"><span class=\"source rust\">fn</span></code></pre>\n",
            "<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup>\n",
            "<div class=\"footnote-definition\" id=\"1\"><sup class=\"footnote-definition-label\">1</sup>\n<p>n</p>\n</div>\n",
            "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>\n",
        );
        let (clean, removed) = sanitize(html, &[]);
        assert!(removed.is_empty(), "{removed:?}");
        for kept in [
            "id=\"intro\"",
            "srcset=",
            "type=\"checkbox\"",
            "class=\"source rust\"",
            "footnote-definition",
            "title=\"t\"",
        ] {
            assert!(clean.contains(kept), "{kept} missing from {clean}");
        }
    }

    #[test]
    fn removes_and_reports_dangerous_markup() {
        let html = r#"<p onclick="x()" style="display:none">hi <a href="javascript:alert(1)">a</a><span class="hidden x">s</span></p><script>alert(1)</script><iframe src="//e.com"></iframe>"#;
        let (clean, removed) = sanitize(html, &[]);
        for gone in [
            "onclick",
            "style",
            "javascript",
            "<script",
            "alert(1)</",
            "<iframe",
            "hidden",
        ] {
            assert!(!clean.contains(gone), "{gone} kept in {clean}");
        }
        assert!(clean.contains("class=\"x\""));
        let text = removed
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        for what in [
            "onclick attribute on <p>",
            "style attribute on <p>",
            "javascript: URL in href on <a>",
            "<script> element and its content",
            "<iframe> element",
            "hiding class \"hidden\" on <span>",
        ] {
            assert!(text.contains(what), "{what} not in {text}");
        }
    }

    #[test]
    fn table_alignment_becomes_a_class() {
        let (clean, removed) = sanitize(
            "<table><tr><th style=\"text-align: center\">a</th></tr></table>",
            &[],
        );
        assert!(clean.contains("class=\"align-center\""), "{clean}");
        assert!(removed.is_empty());
    }

    #[test]
    fn site_can_allow_listed_tags_but_never_scripts() {
        let (clean, _) = sanitize("<video src=\"/v.mp4\" controls></video>", &["video".into()]);
        assert!(clean.contains("<video"));
        let (clean, _) = sanitize("<script>x</script>", &["script".into()]);
        assert!(!clean.contains("script"));
        assert!(checked_extra_tags(&["script".into()]).is_err());
        assert!(checked_extra_tags(&["Video".into()]).is_ok());
    }
}
