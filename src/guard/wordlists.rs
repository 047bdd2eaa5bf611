//! The spam vocabularies built from public sources (`rules/vocab/*.txt`, with each list's
//! source and licence in `rules/vocab/SOURCES.md`): one Aho–Corasick automaton over every list,
//! so a page is read once for all of them.
//!
//! A list file has `[strong]` terms, which honest civic and legal text never uses (checked
//! against 708 real laws and regulations, `rules/vocab/TIERS.tsv`), and `[weak]` terms, which
//! spam uses and honest text also does. Terms are normalized text: lowercase, simplified.

use super::normalize::{Normalized, normalized_text};
use super::vocabulary::plausible;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashSet;

/// The lists, by the family a finding names.
const LISTS: &[(&str, &str)] = &[
    ("gambling", include_str!("rules/vocab/gambling.txt")),
    ("lottery", include_str!("rules/vocab/lottery.txt")),
    ("loan", include_str!("rules/vocab/loan.txt")),
    ("escort", include_str!("rules/vocab/escort.txt")),
    ("click-farming", include_str!("rules/vocab/clickfarm.txt")),
    (
        "investment-scam",
        include_str!("rules/vocab/crypto-scam.txt"),
    ),
    ("gambling", include_str!("rules/vocab/english-gambling.txt")),
    ("surrogacy", include_str!("rules/vocab/surrogacy.txt")),
    ("fake-documents", include_str!("rules/vocab/documents.txt")),
];

/// How much a term says by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    Strong,
    Weak,
}

/// A term found in normalized text (byte range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordHit {
    pub start: usize,
    pub end: usize,
    pub family: &'static str,
    pub tier: Tier,
}

#[derive(Debug)]
pub struct Wordlists {
    matcher: AhoCorasick,
    terms: Vec<(&'static str, Tier, bool)>,
    /// Common words (jieba's dictionary) that can end just inside a two-character term or
    /// begin just inside it: 承包 and 养殖 around 包养, 二维码 and 报名 around 码报.
    joins: HashSet<&'static str>,
}

/// jieba's frequency from which a word counts as common enough to cut a term in two.
const COMMON_WORD: u64 = 3;

/// The terms of a list file's `[section]`, skipping comments and blank lines.
pub fn section<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    let mut inside = false;
    let mut out = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = header == name;
        } else if inside {
            out.push(line);
        }
    }
    out
}

impl Wordlists {
    pub fn builtin() -> Wordlists {
        let mut patterns = Vec::new();
        let mut terms = Vec::new();
        for (family, text) in LISTS {
            for (tier, name) in [(Tier::Strong, "strong"), (Tier::Weak, "weak")] {
                for term in section(text, name) {
                    let latin = term.is_ascii();
                    // Normalized as page text is: `point spread` is `pointspread` there.
                    patterns.push(normalized_text(term));
                    terms.push((*family, tier, latin));
                }
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // Every page's text passes through it: a DFA searches fastest (a few MB, built once).
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .unwrap_or_else(|_| AhoCorasick::new(Vec::<&str>::new()).expect("empty automaton"));
        let joins = joins(&patterns);
        Wordlists {
            matcher,
            terms,
            joins,
        }
    }

    /// Whether the two-character term at `start..end` is two words' edges, not a word: a
    /// common word ends on its first character and another begins on its last.
    fn straddles(&self, text: &str, start: usize, end: usize) -> bool {
        let term = &text[start..end];
        let mut chars = term.char_indices();
        let (Some(_), Some((second, _)), None) = (chars.next(), chars.next(), chars.next()) else {
            return false;
        };
        // The first character ends at `start + second`; the last one begins there too.
        let edge = start + second;
        let mut starts_before = text[..start].char_indices().rev().take(2).map(|(i, _)| i);
        let mut ends_after = text[end..]
            .char_indices()
            .take(2)
            .map(|(i, c)| end + i + c.len_utf8());
        let left = starts_before.any(|b| self.joins.contains(&text[b..edge]));
        let right = ends_after.any(|a| self.joins.contains(&text[edge..a]));
        left && right
    }

    /// Every term of normalized `n`, leftmost-longest: English terms as whole words (the
    /// normalizer dropped the spaces, its gaps remember them), none that compacting made up.
    pub fn scan(&self, n: &Normalized) -> Vec<WordHit> {
        let text = n.text.as_str();
        self.matcher
            .find_iter(text)
            .filter_map(|m| {
                let (family, tier, _) = self.terms[m.pattern().as_usize()];
                if !plausible(n, m.start(), m.end()) {
                    return None;
                }
                if self.straddles(text, m.start(), m.end()) {
                    return None;
                }
                Some(WordHit {
                    start: m.start(),
                    end: m.end(),
                    family,
                    tier,
                })
            })
            .collect()
    }
}

/// The common words of two or three characters that can cut one of the two-character
/// `terms`: those ending with a term's first character or beginning with its last.
fn joins(terms: &[String]) -> HashSet<&'static str> {
    let mut firsts = HashSet::new();
    let mut lasts = HashSet::new();
    for t in terms {
        let chars: Vec<char> = t.chars().collect();
        if let [a, b] = chars[..] {
            firsts.insert(a);
            lasts.insert(b);
        }
    }
    crate::dictionary::jieba()
        .lines()
        .filter_map(|line| {
            let mut fields = line.split(' ');
            let word = fields.next()?;
            let freq: u64 = fields.next()?.parse().ok()?;
            let n = word.chars().count();
            let edges = word
                .chars()
                .next_back()
                .is_some_and(|c| firsts.contains(&c))
                || word.chars().next().is_some_and(|c| lasts.contains(&c));
            (freq >= COMMON_WORD && (2..=3).contains(&n) && edges).then_some(word)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guard::normalize::normalize;

    #[test]
    fn sections_split_a_list_file() {
        let text = "# source: x\n[strong]\n百家乐\n\n[weak]\n赌博\n";
        assert_eq!(section(text, "strong"), ["百家乐"]);
        assert_eq!(section(text, "weak"), ["赌博"]);
    }

    #[test]
    fn english_terms_match_whole_words_only() {
        let lists = Wordlists::builtin();
        let n = normalize("Best odds and a parlay, live roulette");
        let found: Vec<&str> = lists
            .scan(&n)
            .iter()
            .map(|h| &n.text[h.start..h.end])
            .collect();
        assert!(
            found.contains(&"parlay") && found.contains(&"roulette"),
            "{found:?}"
        );
        let n = normalize("the oddsfellows");
        assert!(lists.scan(&n).iter().all(|h| h.end - h.start != 4));
    }

    #[test]
    fn a_term_cut_by_two_common_words_is_not_found() {
        let lists = Wordlists::builtin();
        let found = |text: &str| {
            lists
                .scan(&normalize(text))
                .iter()
                .any(|h| h.end - h.start == 6)
        };
        assert!(!found("承包养殖户年收入增加"), "承包|养殖 is not 包养");
        assert!(!found("设置了二维码报名处"), "二维码|报名 is not 码报");
        assert!(found("高价包养学生"), "包养 standing as a word is found");
    }
}
