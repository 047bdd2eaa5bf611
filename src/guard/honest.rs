//! Honest context: prohibition, warning and legal sentences name a vice to fight it (严禁赌博,
//! 警惕"体育博彩平台"诈骗, 第六条 禁止…). Words of such a sentence, or words quoted in such a
//! paragraph, are not evidence of spam ([`Honesty::covers`]).

use super::normalize::is_cjk;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

const HONEST: &str = include_str!("rules/honest.txt");

/// How far a sentence or paragraph is followed from a match, in bytes either way.
const SENTENCE_REACH: usize = 400;
const PARAGRAPH_REACH: usize = 1200;

/// The gambling trade's own boilerplate: spam that says "beware of fakes" or "gamble
/// responsibly" protects its brand, it warns no one. A sentence with one is never honest.
const BOILERPLATE: &[&str] = &[
    "唯一官方",
    "唯一官网",
    "认准",
    "谨防假冒",
    "谨防山寨",
    "理性娱乐",
    "理性投注",
    "理性购彩",
    "未满18",
    "未满十八",
    "18岁以下禁止",
    "gamble responsibly",
    "play responsibly",
    "18+ only",
];

#[derive(Debug)]
pub struct Honesty {
    words: AhoCorasick,
    boilerplate: AhoCorasick,
}

impl Honesty {
    pub fn builtin() -> Honesty {
        let words: Vec<&str> = HONEST
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect();
        let words = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            // Longest: `banned` is found whole, not as `ban` followed by letters.
            .match_kind(MatchKind::LeftmostLongest)
            // Every page's text passes through it: a DFA searches fastest (a few MB, built once).
            .kind(Some(AhoCorasickKind::DFA))
            .build(words)
            .expect("the built-in honest words are plain literals");
        let boilerplate = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(BOILERPLATE)
            .expect("the boilerplate phrases are plain literals");
        Honesty { words, boilerplate }
    }

    /// Honest words in `text`, unless it carries the trade's boilerplate. A Latin word counts
    /// only as a word of its own: `ban` is no warning inside a handle like `hb-banyou66`.
    fn warns(&self, text: &str) -> bool {
        let whole = |m: &aho_corasick::Match| {
            let latin = text[m.start()..m.end()].is_ascii();
            let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            !latin
                || !(alnum(text[..m.start()].chars().next_back())
                    || alnum(text[m.end()..].chars().next()))
        };
        self.words.find_iter(text).any(|m| whole(&m)) && !self.boilerplate.is_match(text)
    }

    /// Whether the original text `start..end` of `text` stands in an honest context: its
    /// sentence has an honest word or a legal article number (第六条), or it is quoted in a
    /// paragraph that has one.
    pub fn covers(&self, text: &str, start: usize, end: usize) -> bool {
        let (s, e) = sentence(text, start, end);
        let sentence_text = &text[s..e];
        if self.boilerplate.is_match(sentence_text) {
            return false;
        }
        if self.warns(sentence_text) || names_an_article(sentence_text) {
            return true;
        }
        // A quotation may run over several sentences (“赌球广告特别多……都是骗人的。”民警说):
        // its marks are looked for in the paragraph.
        let (ps, pe) = paragraph(text, start, end);
        is_quoted(&text[ps..start], &text[end..pe]) && self.warns(&text[ps..pe])
    }
}

impl Honesty {
    /// Whether `start..end` is a quoted specimen: inside quotation marks in its paragraph, with a
    /// warning or prohibition nearby (an anti-fraud notice quoting the scam's own message).
    /// Structure keeps part of its weight even then (`signals.rs`): an attacker can quote too.
    pub fn quotes(&self, text: &str, start: usize, end: usize) -> bool {
        let (ps, pe) = paragraph(text, start, end);
        if !is_quoted(&text[ps..start], &text[end..pe]) {
            return false;
        }
        let from = floor(text, start.saturating_sub(PARAGRAPH_REACH));
        let to = ceil(text, (end + PARAGRAPH_REACH).min(text.len()));
        self.warns(&text[from..to])
    }
}

impl Honesty {
    /// Whether the page's title warns or reports a crackdown (警惕…, Police Break Up…): then
    /// the page is about the vice, and its words name it to report on it. Structure still
    /// counts (`signals.rs`), so spam pasted into such a report is still stopped.
    pub fn title_warns(&self, text: &str) -> bool {
        title_of(text).is_some_and(|t| self.warns(t))
    }
}

/// The title of a Markdown page: front matter's `title:` or the first `# ` heading.
fn title_of(text: &str) -> Option<&str> {
    let mut lines = text.lines().map(str::trim);
    if text.starts_with("---") {
        lines.next();
        for line in lines.by_ref() {
            if line == "---" {
                break;
            }
            if let Some(t) = line.strip_prefix("title:") {
                return Some(t);
            }
        }
    }
    lines.take(40).find_map(|l| l.strip_prefix("# "))
}

/// A law, regulation, judicial interpretation or court text: it speaks of itself (本法, 本解释)
/// or is made of numbered articles. Its words about vice are the law's, all through.
pub fn is_legal_document(text: &str) -> bool {
    const SELF: &[&str] = &[
        "本法",
        "本条例",
        "本解释",
        "本规定",
        "本办法",
        "本决定",
        "本细则",
        "本判决",
    ];
    let articles = text
        .lines()
        .filter(|l| {
            let head: String = l.trim_start().chars().take(8).collect();
            names_an_article(&head)
        })
        .take(3)
        .count();
    articles >= 3 || SELF.iter().any(|w| text.contains(w))
}

/// The sentence around `start..end`: up to a full stop, question or exclamation mark, or a
/// line break that is not a soft wrap inside Chinese text.
fn sentence(text: &str, start: usize, end: usize) -> (usize, usize) {
    let from = floor(text, start.saturating_sub(SENTENCE_REACH));
    let to = ceil(text, (end + SENTENCE_REACH).min(text.len()));
    let before = &text[from..start];
    let s = before
        .char_indices()
        .rev()
        .find(|&(i, c)| ends_sentence(before, i, c))
        .map_or(from, |(i, c)| from + i + c.len_utf8());
    let after = &text[end..to];
    let e = after
        .char_indices()
        .find(|&(i, c)| ends_sentence(after, i, c))
        .map_or(to, |(i, _)| end + i);
    (s, e)
}

fn ends_sentence(text: &str, i: usize, c: char) -> bool {
    match c {
        '。' | '！' | '？' | '!' | '?' => true,
        '\n' => {
            let before = text[..i].chars().next_back();
            let after = text[i + 1..].chars().next();
            !(before.is_some_and(is_cjk) && after.is_some_and(is_cjk))
        }
        _ => false,
    }
}

/// The paragraph around `start..end`: up to a blank line.
fn paragraph(text: &str, start: usize, end: usize) -> (usize, usize) {
    let from = floor(text, start.saturating_sub(PARAGRAPH_REACH));
    let to = ceil(text, (end + PARAGRAPH_REACH).min(text.len()));
    let s = text[from..start]
        .rfind("\n\n")
        .map_or(from, |i| from + i + 2);
    let e = text[end..to].find("\n\n").map_or(to, |i| end + i);
    (s, e)
}

/// A quotation mark opens before the match (and is not closed before it) and one closes after.
fn is_quoted(before: &str, after: &str) -> bool {
    const PAIRS: &[(char, char)] = &[
        ('“', '”'),
        ('「', '」'),
        ('『', '』'),
        ('《', '》'),
        ('‘', '’'),
    ];
    let open = PAIRS.iter().any(|&(o, c)| {
        before.rfind(o).is_some_and(|i| !before[i..].contains(c)) && after.contains(c)
    });
    let straight = before.matches('"').count() % 2 == 1 && after.contains('"');
    open || straight
}

/// `第六条`, `第一百二十条`: the sentence is an article of a law or regulation.
fn names_an_article(sentence: &str) -> bool {
    let mut rest = sentence;
    while let Some(i) = rest.find('第') {
        let after = &rest[i + '第'.len_utf8()..];
        let numeral = after
            .chars()
            .take_while(|c| "一二三四五六七八九十百千零〇两0123456789".contains(*c))
            .count();
        if numeral > 0 && after.chars().nth(numeral) == Some('条') {
            return true;
        }
        rest = after;
    }
    false
}

fn floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn honest(text: &str, word: &str) -> bool {
        let start = text.find(word).expect("word in text");
        Honesty::builtin().covers(text, start, start + word.len())
    }

    #[test]
    fn warning_and_legal_sentences_are_honest() {
        assert!(honest("禁止营业性文化娱乐场所进行赌博和色情活动。", "色情"));
        assert!(honest("第四十条 彩票代购应当遵守规定", "彩票代购"));
        assert!(honest("市民要警惕所谓“体育博彩平台”。", "博彩"));
    }

    #[test]
    fn quoted_lure_in_a_warning_paragraph_is_honest() {
        let text = "近期出现“体育博彩平台”APP。\n民警提醒：此类平台均为诈骗。";
        assert!(honest(text, "博彩"));
    }

    #[test]
    fn a_quotation_over_several_sentences_in_a_warning_paragraph_is_honest() {
        let text = "民警提醒大家远离网络赌球。“赛事期间赌球广告特别多。都是骗人的。”民警说。";
        assert!(honest(text, "广告特别多"));
    }

    #[test]
    fn latin_honest_words_count_only_as_words() {
        assert!(!honest("预约加微 hb-banyou66 全套服务", "全套服务"));
        assert!(honest("Police banned the outcall ads.", "outcall"));
        assert!(honest("A ban on outcall ads.", "outcall"));
    }

    #[test]
    fn legal_documents_are_recognised() {
        assert!(is_legal_document(
            "第一条 为了……\n第二条 国家所称……\n第三条 以营利为目的"
        ));
        assert!(is_legal_document(
            "根据刑法，现就办理赌博刑事案件作如下解释。本解释自公布之日起施行。"
        ));
        assert!(!is_legal_document("明湖市开展文明城市创建。第一条新闻。"));
    }

    #[test]
    fn spam_with_the_trades_boilerplate_is_not_honest() {
        let text = "温馨提醒：请认准星耀娱乐唯一官方网址，谨防假冒网站！真人视讯一站畅玩。";
        let h = Honesty::builtin();
        let at = text.find("真人视讯").unwrap_or(0);
        assert!(!h.covers(text, at, at + "真人视讯".len()));
    }

    #[test]
    fn a_report_is_known_by_its_title() {
        let h = Honesty::builtin();
        assert!(h.title_warns("---\ntitle: \"Police Break Up Online Gambling Ring\"\n---\nbody"));
        assert!(h.title_warns("# 警惕虚假博彩平台\n正文"));
        assert!(!h.title_warns("---\ntitle: 东城区开展垃圾分类督导\n---\n严禁赌博"));
    }

    #[test]
    fn spam_sentences_are_not() {
        assert!(!honest("严禁赌博。澳门博彩官方网站欢迎您！", "博彩"));
        assert!(!honest("最新博彩资讯，天天更新。", "博彩"));
        assert!(!honest("本站“博彩”资讯。", "博彩"));
    }
}
