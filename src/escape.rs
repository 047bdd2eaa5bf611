//! Escaping text for HTML and XML: one function for the highlighted code, the feeds and
//! sitemap, and serve's error overlay.

/// `text` safe inside HTML or XML element content and quoted attribute values. C0 control
/// characters other than tab and line breaks are dropped: XML 1.0 forbids them and in HTML
/// they are parse errors.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_the_five_and_drops_controls() {
        assert_eq!(
            super::markup("<a href=\"x\">Tom & Jerry's</a>\u{1}\t\n"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;\t\n"
        );
        assert_eq!(super::markup("明湖"), "明湖");
    }
}
