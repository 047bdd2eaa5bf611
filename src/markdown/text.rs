//! Text measures that treat Chinese and English each on their own terms: Chinese is counted in
//! characters (about 400 a minute), English in words (about 200 a minute).

use crate::lang::Lang;
use serde::Serialize;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct WordCount {
    /// Han characters.
    pub chinese_chars: usize,
    /// Runs of Latin letters or digits.
    pub words: usize,
}

impl WordCount {
    pub fn of(text: &str) -> WordCount {
        let mut count = WordCount::default();
        let mut in_word = false;
        for c in text.chars() {
            if is_han(c) {
                count.chinese_chars += 1;
                in_word = false;
            } else if c.is_alphanumeric() {
                if !in_word {
                    count.words += 1;
                }
                in_word = true;
            } else if c != '\'' && c != '’' {
                in_word = false;
            }
        }
        count
    }

    /// The number a reader of `lang` expects to see: characters in Chinese, words in English.
    pub fn headline(&self, lang: Lang) -> usize {
        match lang {
            Lang::Zh => self.chinese_chars + self.words,
            Lang::En => self.words,
        }
    }

    pub fn reading_minutes(&self) -> usize {
        let minutes = self.chinese_chars as f64 / 400.0 + self.words as f64 / 200.0;
        (minutes.ceil() as usize).max(1)
    }
}

pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0xF900..=0xFAFF)
}

/// A heading id that works for Chinese headings: letters of any script are kept, spaces become
/// `-`, punctuation is dropped. `文明交通 十条` → `文明交通-十条`.
pub fn heading_id(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !id.ends_with('-')
            && !id.is_empty()
        {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "section".to_string()
    } else {
        id
    }
}

/// The first `max` characters of `text`, cut at a sentence or word end where possible.
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let end = cut
        .rfind(['。', '！', '？', '.', '!', '?'])
        .filter(|i| *i > cut.len() / 2)
        .map(|i| i + cut[i..].chars().next().map_or(1, char::len_utf8));
    match end {
        Some(i) => cut[..i].to_string(),
        None => format!("{}…", cut.trim_end()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_chinese_by_character_and_english_by_word() {
        let c = WordCount::of("志愿服务 is great, isn't it? 文明");
        assert_eq!(c.chinese_chars, 6);
        assert_eq!(c.words, 4);
        assert_eq!(WordCount::of(&"文".repeat(800)).reading_minutes(), 2);
    }

    #[test]
    fn heading_ids_keep_chinese() {
        assert_eq!(heading_id("文明交通 十条"), "文明交通-十条");
        assert_eq!(heading_id("Ten Dos & Don'ts"), "ten-dos-donts");
        assert_eq!(heading_id("!!!"), "section");
    }
}
