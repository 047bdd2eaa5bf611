//! URL slugs. A `Slug` is lowercase ASCII letters, digits and single hyphens, so a URL never
//! depends on how a title is transliterated and never changes when a title is edited.

use pinyin::ToPinyin;
use serde::Serialize;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Slug(String);

#[derive(Debug, PartialEq, Eq)]
pub enum SlugError {
    Empty,
    NotAscii,
    BadChar(char),
    BadHyphen,
    /// Longer than [`Slug::MAX_LEN`]: file systems refuse names much longer.
    TooLong(usize),
}

impl SlugError {
    /// Why the text cannot be a slug, as the end of a sentence ("`李梅` cannot be used in a URL:
    /// …").
    pub fn text(&self) -> crate::messages::Text {
        match self {
            SlugError::Empty => crate::text!("content-slug-empty"),
            SlugError::NotAscii => crate::text!("content-slug-not-ascii"),
            SlugError::BadChar(c) => crate::text!("content-slug-bad-char", char = c.to_string()),
            SlugError::BadHyphen => crate::text!("content-slug-bad-hyphen"),
            SlugError::TooLong(n) => {
                crate::text!("content-slug-too-long", length = *n, max = Slug::MAX_LEN)
            }
        }
    }
}

/// English, for logs and tests.
impl fmt::Display for SlugError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.text(), f)
    }
}

impl Slug {
    /// Longest slug: a published file name (`slug/index.html`, `slug.html`) must stay under the
    /// 255 bytes most file systems allow, with room to spare.
    pub const MAX_LEN: usize = 200;

    pub fn parse(text: &str) -> Result<Slug, SlugError> {
        if text.is_empty() {
            return Err(SlugError::Empty);
        }
        if text.len() > Slug::MAX_LEN {
            return Err(SlugError::TooLong(text.chars().count()));
        }
        if !text.is_ascii() {
            return Err(SlugError::NotAscii);
        }
        if let Some(c) = text
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_'))
        {
            return Err(SlugError::BadChar(c));
        }
        if text.starts_with('-') || text.ends_with('-') || text.contains("--") {
            return Err(SlugError::BadHyphen);
        }
        Ok(Slug(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A URL slug from a title: pinyin syllables for Chinese characters, lowercase ASCII words for
/// Latin text, joined by `-`. `None` when nothing usable is left.
pub fn pinyin_slug(title: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
            continue;
        }
        if !word.is_empty() {
            parts.push(std::mem::take(&mut word));
        }
        if let Some(p) = c.to_pinyin() {
            parts.push(p.plain().to_string());
        }
    }
    if !word.is_empty() {
        parts.push(word);
    }
    let mut slug = String::new();
    for part in parts {
        if slug.len() + part.len() + 1 > 60 && !slug.is_empty() {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&part);
    }
    Slug::parse(&slug).ok().map(|s| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_kebab_case() {
        assert_eq!(Slug::parse("li-mei-2025").unwrap().as_str(), "li-mei-2025");
    }

    #[test]
    fn rejects_chinese_and_oddities() {
        assert_eq!(Slug::parse("李梅"), Err(SlugError::NotAscii));
        assert_eq!(Slug::parse("Li-Mei"), Err(SlugError::BadChar('L')));
        assert_eq!(Slug::parse("li mei"), Err(SlugError::BadChar(' ')));
        assert_eq!(Slug::parse("-li"), Err(SlugError::BadHyphen));
        assert_eq!(Slug::parse(""), Err(SlugError::Empty));
    }
}
