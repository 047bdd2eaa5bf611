//! Where a piece of a Markdown source stands, when that is where spam goes: the title and
//! summary (what search engines show), headings, link text and image alt text.

use crate::messages::Text;
use crate::text;

/// A place in a page that spam seeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Title,
    Summary,
    FrontMatter,
    Heading,
    AltText,
    LinkText,
}

impl Place {
    /// The place in words ("the title"), to fill "in …".
    pub fn text(self) -> Text {
        match self {
            Place::Title => text!("guard-place-title"),
            Place::Summary => text!("guard-place-summary"),
            Place::FrontMatter => text!("guard-place-front-matter"),
            Place::Heading => text!("guard-place-heading"),
            Place::AltText => text!("guard-place-alt-text"),
            Place::LinkText => text!("guard-place-link-text"),
        }
    }
}

/// The place of byte `at` of a Markdown source `text`, if it is one spam seeks.
pub fn in_source(text: &str, at: usize) -> Option<Place> {
    let at = super::floor_char(text, at.min(text.len()));
    let (line_start, line_end) = line_around(text, at);
    let line = &text[line_start..line_end];
    if at < front_matter_end(text) {
        let key = line.trim_start().split(':').next().unwrap_or("").trim();
        return Some(match key {
            "title" => Place::Title,
            "summary" | "description" => Place::Summary,
            _ => Place::FrontMatter,
        });
    }
    if line.trim_start().starts_with('#') {
        return Some(Place::Heading);
    }
    let before = &text[line_start..at];
    let open = before.rfind('[').filter(|&i| !before[i..].contains(']'))?;
    text[at..line_end].contains("](").then(|| {
        if before[..open].ends_with('!') {
            Place::AltText
        } else {
            Place::LinkText
        }
    })
}

/// Whether byte `at` of a Markdown source stands in a blockquote line (`> …`): on a page whose
/// title reports a case, that is the specimen it quotes (an anti-fraud notice quoting the ad).
pub fn in_blockquote(text: &str, at: usize) -> bool {
    let (start, end) = line_around(text, super::floor_char(text, at.min(text.len())));
    text[start..end].trim_start().starts_with('>')
}

/// The byte range of the line holding byte `at` (a character boundary), without its newline.
fn line_around(text: &str, at: usize) -> (usize, usize) {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    (start, end)
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
        assert_eq!(at("标题"), Some(Place::Title));
        assert_eq!(at("摘要"), Some(Place::Summary));
        assert_eq!(at("2026"), Some(Place::FrontMatter));
        assert_eq!(at("大标题"), Some(Place::Heading));
        assert_eq!(at("正文"), None);
        assert_eq!(at("链接"), Some(Place::LinkText));
        assert_eq!(at("图"), Some(Place::AltText));
        assert_eq!(Place::Title.text().to_string(), "the title");
    }
}
