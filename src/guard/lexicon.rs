//! The lure lexicon (`rules/lure.txt`): the words gambling-spam titles and brand runs are built
//! from, found in one Aho–Corasick pass over normalized text. A morpheme is evidence, never a
//! finding: [`super::shape`] decides what a cluster of them means.

use super::GuardError;
use super::normalize::{Gap, Normalized};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

const LURE: &str = include_str!("rules/lure.txt");

/// What a lure word is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// What is sold: sports betting, casino games, lottery.
    Domain,
    /// How to get there: official site, entrance, log in, download, app.
    Access,
    /// The payout lure: withdrawal, deposit bonus.
    Money,
}

impl Class {
    fn parse(name: &str) -> Option<Class> {
        match name {
            "domain" => Some(Class::Domain),
            "access" => Some(Class::Access),
            "money" => Some(Class::Money),
            _ => None,
        }
    }
}

#[derive(Debug)]
struct Entry {
    class: Class,
    /// Continuations that make the word honest (`体育` + `局`).
    unless_followed_by: Vec<String>,
    /// An English word: it must not be part of a longer Latin word.
    whole_word: bool,
    /// Ends a Latin run (`yaboapp`, not `apple`).
    ends_run: bool,
    pinyin: bool,
}

/// A lure word found in normalized text (byte range in `Normalized::text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Morpheme {
    pub start: usize,
    pub end: usize,
    pub class: Class,
    /// Written in pinyin: a disguise in itself.
    pub pinyin: bool,
    /// An English word (`casino`): Latin text around it is prose, not a brand glued to it.
    pub english: bool,
}

#[derive(Debug)]
pub struct Lexicon {
    matcher: AhoCorasick,
    entries: Vec<Entry>,
}

impl Lexicon {
    pub fn builtin() -> Result<Lexicon, GuardError> {
        Lexicon::parse("rules/lure.txt", LURE)
    }

    fn parse(file: &str, text: &str) -> Result<Lexicon, GuardError> {
        let mut words = Vec::new();
        let mut entries = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: crate::messages::Text| GuardError::RuleFile {
                file: file.to_string(),
                line: i + 1,
                message,
            };
            let (class, list) = line
                .split_once(':')
                .ok_or_else(|| err(crate::text!("guard-lexicon-expected-class")))?;
            let class = Class::parse(class.trim()).ok_or_else(|| {
                err(crate::text!(
                    "guard-lexicon-unknown-class",
                    class = class.trim()
                ))
            })?;
            for item in list.split_whitespace() {
                let (word, entry) = parse_item(item, class);
                if word.is_empty() {
                    return Err(err(crate::text!("guard-lexicon-no-word", item = item)));
                }
                words.push(word);
                entries.push(entry);
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // Every page's text passes through it: a DFA searches fastest (a few MB, built once).
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .map_err(|e| {
                GuardError::Config(crate::text!(
                    "guard-lexicon-invalid",
                    reason = e.to_string()
                ))
            })?;
        Ok(Lexicon { matcher, entries })
    }

    /// Every lure word in `n`, in text order, without the honest continuations and the
    /// English words that are only part of a longer word.
    pub fn scan(&self, n: &Normalized) -> Vec<Morpheme> {
        let text = n.text.as_str();
        self.matcher
            .find_iter(text)
            .filter_map(|m| {
                let entry = &self.entries[m.pattern().as_usize()];
                let rest = &text[m.end()..];
                let honest = entry
                    .unless_followed_by
                    .iter()
                    .any(|w| rest.starts_with(w.as_str()) && n.gap_at(m.end()) == Gap::None);
                let glued_after = rest.starts_with(|c: char| c.is_ascii_alphabetic());
                if honest
                    || (entry.whole_word && !stands_alone(n, m.start(), m.end()))
                    || (entry.ends_run && glued_after)
                {
                    return None;
                }
                Some(Morpheme {
                    start: m.start(),
                    end: m.end(),
                    class: entry.class,
                    pinyin: entry.pinyin,
                    english: entry.whole_word,
                })
            })
            .collect()
    }
}

fn parse_item(item: &str, class: Class) -> (String, Entry) {
    let mut parts = item.split('/');
    let head = parts.next().unwrap_or("");
    let mark = head.chars().next().filter(|c| "=^>".contains(*c));
    let word = if mark.is_some() { &head[1..] } else { head };
    let entry = Entry {
        class,
        unless_followed_by: parts.map(str::to_string).collect(),
        whole_word: mark == Some('='),
        ends_run: mark == Some('>'),
        pinyin: mark == Some('^'),
    };
    (word.to_string(), entry)
}

/// A Latin match is a word of its own: no Latin letter directly before or after it.
fn stands_alone(n: &Normalized, start: usize, end: usize) -> bool {
    let text = n.text.as_str();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let glued = |c: Option<char>, at: usize| {
        c.is_some_and(|c| c.is_ascii_alphabetic()) && n.gap_at(at) == Gap::None
    };
    !glued(before, start) && !glued(after, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guard::normalize::normalize;

    fn classes(text: &str) -> Vec<(String, Class)> {
        let lexicon = Lexicon::builtin().expect("lexicon parses");
        let n = normalize(text);
        lexicon
            .scan(&n)
            .into_iter()
            .map(|m| (n.text[m.start..m.end].to_string(), m.class))
            .collect()
    }

    #[test]
    fn finds_lure_words_with_their_class() {
        assert_eq!(
            classes("ayx体育官方网站_提现"),
            [
                ("体育".to_string(), Class::Domain),
                ("官方网站".to_string(), Class::Access),
                ("提现".to_string(), Class::Money),
            ]
        );
    }

    #[test]
    fn honest_continuations_and_english_inside_words_are_dropped() {
        assert!(classes("市体育局 体育馆 娱乐场所").is_empty());
        assert!(classes("a better alphabet").is_empty());
        assert_eq!(classes("online casino").len(), 1);
    }

    #[test]
    fn pinyin_is_marked() {
        let lexicon = Lexicon::builtin().expect("lexicon parses");
        let n = normalize("ayxtiyu guanwang");
        assert!(lexicon.scan(&n).iter().all(|m| m.pinyin));
    }

    #[test]
    fn bad_lines_name_the_line() {
        let e = Lexicon::parse("x.txt", "# c\nnope: 体育\n").expect_err("unknown class");
        assert!(e.to_string().contains("x.txt:2"), "{e}");
    }
}
