//! Where a piece of a Markdown source stands, when that is where spam goes: the title and
//! summary (what search engines show), headings, link text and image alt text.

/// The place of byte `at` of a Markdown source `text`, if it is one spam seeks.
pub fn in_source(text: &str, at: usize) -> Option<&'static str> {
    let at = at.min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[line_start..line_end];
    if at < front_matter_end(text) {
        let key = line.trim_start().split(':').next().unwrap_or("").trim();
        return Some(match key {
            "title" => "the title",
            "summary" | "description" => "the summary",
            _ => "the front matter",
        });
    }
    if line.trim_start().starts_with('#') {
        return Some("a heading");
    }
    let before = &text[line_start..at];
    let open = before.rfind('[').filter(|&i| !before[i..].contains(']'))?;
    text[at..line_end].contains("](").then(|| {
        if before[..open].ends_with('!') {
            "alt text"
        } else {
            "link text"
        }
    })
}

/// The end of the YAML front matter (0 when there is none).
fn front_matter_end(text: &str) -> usize {
    let Some(rest) = text.strip_prefix("---\n") else {
        return 0;
    };
    rest.find("\n---").map_or(0, |i| 4 + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_places_spam_seeks() {
        let text = "---\ntitle: 标题\nsummary: 摘要\ndate: 2026-01-01\n---\n# 大标题\n正文[链接](/a) ![图](/b.jpg)\n";
        let at = |s: &str| in_source(text, text.find(s).expect("in text"));
        assert_eq!(at("标题"), Some("the title"));
        assert_eq!(at("摘要"), Some("the summary"));
        assert_eq!(at("2026"), Some("the front matter"));
        assert_eq!(at("大标题"), Some("a heading"));
        assert_eq!(at("正文"), None);
        assert_eq!(at("链接"), Some("link text"));
        assert_eq!(at("图"), Some("alt text"));
    }
}
