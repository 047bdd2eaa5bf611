//! How deep raw HTML nests, counted on the Markdown source before the sanitizer reads it. An HTML
//! parser looks through the elements still open at each new tag, so 100,000 nested `<div>`s cost
//! it minutes (issue 24); browsers stop nesting at 512 levels. A body nesting deeper is refused
//! with the line where it passes the limit, and its HTML is never parsed.

/// Deeper than browsers nest (Chromium's HTML parser stops at 512), and than any real page.
pub const MAX_DEPTH: usize = 512;

/// Elements that never hold others, and those whose end tag may be left out (`<p>`, `<li>`,
/// `<td>` …): neither counts as a level, so a page of unclosed paragraphs is not "deep".
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp",
];

/// The 0-based line of `body` where the open raw-HTML elements first pass [`MAX_DEPTH`], if
/// they do. One pass over the text; a tag is `<name …>`, `</name>` closes one level.
pub fn too_deep_at(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let (mut depth, mut line, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'<' => {
                let (closing, name) = tag_at(&body[i + 1..]);
                let nests = !name.is_empty() && !FLAT.iter().any(|f| f.eq_ignore_ascii_case(name));
                if closing && nests {
                    depth = depth.saturating_sub(1);
                } else if nests && !self_closing(&body[i + 1..]) {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(line);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// After a `<`: whether the tag closes, and its name (empty when this is not a tag: `a < b`,
/// `<https://…>`, a comment).
fn tag_at(rest: &str) -> (bool, &str) {
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let name = &rest[..end];
    let ends_well = rest[end..]
        .chars()
        .next()
        .is_none_or(|c| c == '>' || c == '/' || c.is_ascii_whitespace());
    if name.starts_with(|c: char| c.is_ascii_alphabetic()) && ends_well {
        (closing, name)
    } else {
        (closing, "")
    }
}

/// `<x … />`: the tag's own end, up to the first `>`, is `/>`.
fn self_closing(rest: &str) -> bool {
    rest.find('>').is_some_and(|end| rest[..end].ends_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_nesting_not_paragraphs_void_elements_or_text() {
        let deep = format!(
            "a\n{}x{}",
            "<div>".repeat(MAX_DEPTH + 1),
            "</div>".repeat(600)
        );
        assert_eq!(too_deep_at(&deep), Some(1));
        let closed = "<div>x</div>\n".repeat(10_000);
        assert_eq!(too_deep_at(&closed), None);
        let flat = "<p>段落<br><img src=a.png/>\n".repeat(10_000);
        assert_eq!(too_deep_at(&flat), None);
        let text = "a < b, <https://example.cn>, <!-- c -->, <span/>\n".repeat(1_000);
        assert_eq!(too_deep_at(&text), None);
        let exactly = "<section>".repeat(MAX_DEPTH);
        assert_eq!(too_deep_at(&exactly), None);
    }
}
