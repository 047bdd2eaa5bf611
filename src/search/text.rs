//! Plain text of a page body from its rendered HTML: the index reads bodies this way, one page
//! at a time, so that the site model need not keep a second, plain-text copy of every page.

use crate::html::{BLOCK_ELEMENTS, reference};

/// The text of `html`: tags dropped (with the content of `script` and `style`, and of elements
/// that are decoration or screen-reader labels: `aria-hidden="true"`, class `visually-hidden` or `task-label`,
/// such as a task list's ☐ and its "to do"), character references decoded, a line break after
/// each block. Stops after `max_chars` characters.
pub fn html_to_text(html: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(html.len().min(max_chars.saturating_mul(4)));
    let mut chars = 0;
    let mut rest = html;
    while !rest.is_empty() && chars < max_chars {
        // Both are ASCII: a byte search finds them at character boundaries.
        let cut = rest
            .bytes()
            .position(|b| b == b'<' || b == b'&')
            .unwrap_or(rest.len());
        let text = &rest[..cut];
        if max_chars == usize::MAX {
            out.push_str(text);
        } else {
            for c in text.chars().take(max_chars - chars) {
                out.push(c);
                chars += 1;
            }
        }
        rest = &rest[cut..];
        if rest.starts_with('<') {
            rest = skip_tag(rest, &mut out);
        } else if rest.starts_with('&') {
            // A lone `&` stands for itself.
            let (c, len) = reference(rest).unwrap_or(('&', 1));
            out.push(c);
            chars += 1;
            rest = &rest[len..];
        }
    }
    out
}

/// Skip the tag at the start of `s` (and the whole element for `script` and `style`); push a
/// line break for the end of a block.
fn skip_tag<'a>(s: &'a str, out: &mut String) -> &'a str {
    let end = s.find('>').map_or(s.len(), |i| i + 1);
    let inner = s[1..end].trim_start_matches('/');
    let name_len = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let name = &inner[..name_len];
    let is = |tag: &str| name.eq_ignore_ascii_case(tag);
    let tag = &s[..end];
    let hidden = tag.contains("aria-hidden=\"true\"")
        || tag.contains("class=\"visually-hidden\"")
        || tag.contains("class=\"task-label\"");
    if !s.starts_with("</") && (is("script") || is("style") || hidden) {
        let close = format!("</{}", name.to_ascii_lowercase());
        return s[end..]
            .find(&close)
            .map_or("", |i| &s[end + i..])
            .split_once('>')
            .map_or("", |(_, after)| after);
    }
    if BLOCK_ELEMENTS.iter().any(|b| is(b))
        && (s.starts_with("</") || is("br") || is("hr"))
        && !out.ends_with('\n')
        && !out.is_empty()
    {
        out.push('\n');
    }
    &s[end..]
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn tags_go_references_decode_blocks_break() {
        let html = "<h2 id=\"a\">志愿&amp;服务</h2>\n<p>Tom &quot;said&quot; &#20320;&#x597D; &lt;b&gt;</p><ul><li>one</li><li>two</li></ul>";
        assert_eq!(
            html_to_text(html, 1000),
            "志愿&服务\n\nTom \"said\" 你好 <b>\none\ntwo\n"
        );
    }

    #[test]
    fn scripts_and_styles_are_not_text_and_limits_hold() {
        let html = "<p>a<script>var x = '<p>';</script>b<style>p{}</style>c &unknown; & d<span class=\"task\" aria-hidden=\"true\">☐</span><span class=\"visually-hidden\">to do: </span></p>";
        assert_eq!(html_to_text(html, 1000), "abc &unknown; & d\n");
        assert_eq!(html_to_text(html, 2), "ab");
        assert_eq!(html_to_text("x<p class=", 100), "x");
        // As a browser shows them.
        assert_eq!(
            html_to_text("&#xD800;&#99999999;&#20320x", 100),
            "\u{fffd}\u{fffd}你x"
        );
    }
}
