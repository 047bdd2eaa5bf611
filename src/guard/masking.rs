//! Preparing text for the scanners without moving anything: Markdown code and Tera syntax are
//! blanked out byte for byte, so every offset still points into the original file.

use super::normalize::{BOUNDARY, Unit};
use super::tokenize::{Token, tokenize};

/// Attributes whose text visitors (or search engines) read.
pub const TEXT_ATTRS: &[&str] = &[
    "alt",
    "title",
    "aria-label",
    "placeholder",
    "content",
    "label",
    "summary",
];

/// Source text for the vocabulary: every character except HTML tags and comments, which are
/// dropped without leaving a gap (`博<b></b>彩` reads as `博彩`).
pub fn source_text_units(text: &str) -> Vec<Unit> {
    // One unit per character: Chinese text has a third as many characters as bytes.
    let mut units = Vec::with_capacity(text.len() / 2);
    for t in tokenize(text) {
        match t {
            Token::Text(r) | Token::Raw { span: r, .. } => {
                units.extend(super::units(&text[r.clone()], r.start))
            }
            Token::Start(tag) => {
                for a in tag
                    .attrs
                    .iter()
                    .filter(|a| TEXT_ATTRS.contains(&a.name.as_str()) && !a.value.is_empty())
                {
                    units.push(Unit {
                        ch: BOUNDARY,
                        start: a.value.start,
                        end: a.value.start,
                    });
                    units.extend(super::units(&text[a.value.clone()], a.value.start));
                    units.push(Unit {
                        ch: BOUNDARY,
                        start: a.value.end,
                        end: a.value.end,
                    });
                }
            }
            _ => {}
        }
    }
    units
}

/// Blank out Markdown code (fenced blocks and inline code spans) so HTML written as an example
/// is not mistaken for live markup. Byte offsets are preserved.
pub fn mask_markdown_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let opener = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f));
        match (fence, opener) {
            (None, Some(f)) => {
                fence = Some(f);
                out.push_str(&blank(line));
            }
            (Some(f), _) => {
                if trimmed.starts_with(f) {
                    fence = None;
                }
                out.push_str(&blank(line));
            }
            (None, None) => out.push_str(&mask_code_spans(line)),
        }
    }
    out
}

fn mask_code_spans(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find('`') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('`') {
            Some(j) => {
                out.push_str(&blank(&rest[i..i + j + 2]));
                rest = &after[j + 1..];
            }
            None => {
                out.push('`');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Tera syntax (`{{ … }}`, `{% … %}`, `{# … #}`) blanked out, offsets preserved.
pub fn mask_template_syntax(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let close = match tail.as_bytes().get(1) {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            _ => "",
        };
        match (!close.is_empty()).then(|| tail[2..].find(close)).flatten() {
            Some(j) => {
                out.push_str(&blank(&tail[..j + 4]));
                rest = &tail[j + 4..];
            }
            None => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Same byte length, spaces except newlines.
fn blank(s: &str) -> String {
    s.bytes()
        .map(|b| if b == b'\n' { '\n' } else { ' ' })
        .collect()
}
