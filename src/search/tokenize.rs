//! Text → search terms.
//!
//! The same rules are implemented in `themes/civic/static/js/search.js`; the node test
//! (`tests/search/query.test.mjs`) checks that both sides agree. Keep them in step.
//!
//! * Normalisation: full-width ASCII (`Ａ`, `１`) → half-width, ideographic space → space,
//!   zero-width characters removed, then Unicode lower case.
//! * The text is split into runs: CJK ideographs (segmented with jieba) and "word" runs of any
//!   other alphanumeric characters (English, digits, pinyin…). Everything else separates.
//! * CJK: cut as jieba cuts (`segment`); every word of two or more ideographs is a term, and
//!   every dictionary word inside a longer word is a term too (so 志愿服务队 also indexes 志愿服务,
//!   志愿, 服务). Single ideographs and a short list of function words are dropped: they are the
//!   noise that makes 文 match every page.
//! * Words: at least two characters, English stop words dropped, a small Porter-like stemmer
//!   (volunteers/volunteering/volunteered → volunteer).

use super::segment::{Scratch, Segmenter};

/// Longest term kept (in characters). Longer runs are noise (hashes, URLs).
pub const MAX_TERM_CHARS: usize = 24;

/// English stop words (lower case, sorted: looked up by binary search). Mirrored in search.js.
pub const EN_STOP: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from",
    "had", "has", "have", "he", "her", "hers", "him", "his", "how", "i", "if", "in", "into", "is",
    "it", "its", "me", "more", "most", "my", "no", "nor", "not", "of", "on", "or", "our", "ours",
    "she", "so", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "to", "too", "up", "us", "very", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
];

/// Chinese function words dropped from the index (single ideographs are always dropped).
/// Sorted by bytes: looked up by binary search. (search.js needs no copy: it segments queries
/// against the index's vocabulary, where these words never are.)
pub const ZH_STOP: &[&str] = &[
    "一个", "一些", "一直", "不是", "为了", "之一", "什么", "他们", "以及", "但是", "你们", "其中",
    "可以", "因为", "她们", "如果", "它们", "就是", "已经", "并且", "怎么", "我们", "或者", "所以",
    "没有", "然而", "等等", "而且", "自己", "虽然", "还是", "这个", "这些", "这样", "这里", "进行",
    "那个", "那些", "那样", "那里",
];

fn is_zh_stop(word: &str) -> bool {
    // Every entry is two ideographs (six bytes): most words are rejected without a lookup.
    word.len() == 6 && ZH_STOP.binary_search(&word).is_ok()
}

/// Longest English stop word, in bytes (checked by a test).
pub const EN_STOP_MAX_LEN: usize = 6;

fn is_en_stop(word: &str) -> bool {
    word.len() <= EN_STOP_MAX_LEN && EN_STOP.binary_search(&word).is_ok()
}

/// Civic vocabulary missing from jieba's general dictionary, added to every indexer so that
/// these compounds are single terms (their parts are indexed too).
pub const CIVIC_WORDS: &[&str] = &[
    "志愿服务",
    "志愿服务队",
    "志愿服务站",
    "垃圾分类",
    "道德模范",
    "文明城市",
    "全国文明城市",
    "文明单位",
    "文明村镇",
    "文明家庭",
    "文明校园",
    "文明实践",
    "新时代文明实践",
    "文明实践中心",
    "文明实践站",
    "文明办",
    "文明交通",
    "文明旅游",
    "文明餐桌",
    "文明祭扫",
    "文明养犬",
    "文明出行",
    "常态化",
    "疫情防控",
    "移风易俗",
    "核心价值观",
    "社会主义核心价值观",
    "身边好人",
    "中国好人",
    "最美家庭",
    "助人为乐",
    "见义勇为",
    "诚实守信",
    "敬业奉献",
    "孝老爱亲",
    "光盘行动",
    "公益广告",
    "学雷锋",
    "雷锋精神",
    "志愿者协会",
    "网格员",
    "创城",
    "创文",
    "未成年人思想道德建设",
    "家风家训",
    "老旧小区",
    "门前三包",
    "公筷公勺",
    "厕所革命",
    "爱国卫生运动",
    "礼让斑马线",
];

/// Is `c` an ideograph handled by the Chinese segmenter?
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Is `c` part of a non-CJK word (letters and digits of any script)?
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// Normalise text: full-width ASCII → ASCII, drop zero-width characters, lower case.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// [`normalize`] into `out` (cleared first), a buffer reused between texts.
pub fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    // Spans that normalising leaves as they are — ASCII other than capitals, and U+4000–U+9FFF
    // (ideographs; three bytes with a lead byte E4–E9) — are copied whole. One pass lowers ASCII
    // as it goes; other scripts with case are lowered afterwards by `str::to_lowercase`, which
    // knows context rules (a final Greek sigma) that `char`'s does not.
    let bytes = text.as_bytes();
    let mut other_case = false;
    let mut kept = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if (b.is_ascii() && !b.is_ascii_uppercase()) || (0xe4..=0xe9).contains(&b) {
            i += if b.is_ascii() { 1 } else { 3 };
            continue;
        }
        out.push_str(text.get(kept..i).unwrap_or_default());
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        kept = i;
        let c = match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            0x200B..=0x200D | 0x2060 | 0xFEFF | 0x00AD => continue,
            _ => c,
        };
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            other_case |= !caseless(c);
            out.push(c);
        }
    }
    out.push_str(text.get(kept..).unwrap_or_default());
    if other_case {
        *out = out.to_lowercase();
    }
}

/// Non-ASCII characters `to_lowercase` leaves as they are (a cheap, conservative test).
fn caseless(c: char) -> bool {
    is_cjk(c) || matches!(c as u32, 0x2000..=0x206F | 0x3000..=0x303F)
}

/// A run of the normalised text.
#[derive(Debug, PartialEq, Eq)]
pub enum Run<'a> {
    /// Consecutive ideographs.
    Cjk(&'a str),
    /// One word of other alphanumeric characters.
    Word(&'a str),
}

/// Split normalised text into CJK runs and words.
pub fn runs(text: &str) -> Vec<Run<'_>> {
    let mut out = Vec::new();
    for_each_run(text, |r| out.push(r));
    out
}

/// Call `out` with each run of normalised text, in order.
pub fn for_each_run<'a>(text: &'a str, mut out: impl FnMut(Run<'a>)) {
    #[derive(PartialEq, Clone, Copy)]
    enum K {
        Cjk,
        Word,
        Sep,
    }
    let mut start = 0;
    let mut cur = K::Sep;
    let mut push = |k: K, s: &'a str| match k {
        K::Cjk if !s.is_empty() => out(Run::Cjk(s)),
        K::Word if !s.is_empty() => out(Run::Word(s)),
        _ => {}
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII (most of English text, and the spaces and digits of Chinese) without decoding.
        let (k, len) = if bytes[i].is_ascii() {
            let k = if bytes[i].is_ascii_alphanumeric() {
                K::Word
            } else {
                K::Sep
            };
            (k, 1)
        } else {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let k = if is_cjk(c) {
                K::Cjk
            } else if is_word_char(c) {
                K::Word
            } else {
                K::Sep
            };
            (k, c.len_utf8())
        };
        if k != cur {
            push(cur, &text[start..i]);
            start = i;
            cur = k;
        }
        i += len;
    }
    push(cur, &text[start..]);
}

/// Term for one (already normalised) word, or `None` for stop words and one-letter words.
pub fn word_term(word: &str) -> Option<String> {
    let mut buf = String::new();
    word_term_into(word, &mut buf).map(str::to_string)
}

/// [`word_term`] into a buffer reused between words (indexing calls this for every word).
pub fn word_term_into<'b>(word: &str, buf: &'b mut String) -> Option<&'b str> {
    let n = if word.is_ascii() {
        word.len()
    } else {
        word.chars().count()
    };
    if !(2..=MAX_TERM_CHARS).contains(&n) || is_en_stop(word) {
        return None;
    }
    stem_into(word, buf);
    Some(buf)
}

fn ends_double_consonant(s: &[u8]) -> bool {
    let n = s.len();
    n >= 2 && s[n - 1] == s[n - 2] && !b"aeiouylsz".contains(&s[n - 1])
}

/// A small Porter-like stemmer for English (ASCII letters only; other words are returned as
/// they are). Deliberately simple so that `search.js` can mirror it exactly:
/// 1. `sses`→`ss`, `ies`→`y`, keep `ss`/`us`/`is`, else drop a final `s`;
/// 2. `eed`→`ee`; else drop `ing`/`ed` when at least three letters with a vowel remain, then
///    undo a doubled final consonant (`running`→`run`);
/// 3. drop a final `e` when at least three letters remain (`serve`/`served`/`serving`→`serv`).
pub fn stem(word: &str) -> String {
    // (mirrored by `stem` in search.js)
    let mut s = String::new();
    stem_into(word, &mut s);
    s
}

/// [`stem`] into `buf` (cleared first).
fn stem_into(word: &str, buf: &mut String) {
    buf.clear();
    buf.push_str(word);
    if word.len() > 3 && word.bytes().all(|b| b.is_ascii_lowercase()) {
        stem_ascii(buf);
    }
}

/// The steps of [`stem`], in place, on a word of more than three ASCII lower-case letters
/// (so every byte is a character and `truncate` cannot split one).
fn stem_ascii(s: &mut String) {
    let ends = |s: &str, suf: &str| s.ends_with(suf);
    // Step 1: plurals.
    if ends(s, "sses") {
        s.truncate(s.len() - 2);
    } else if ends(s, "ies") && s.len() > 4 {
        s.truncate(s.len() - 3);
        s.push('y');
    } else if ends(s, "ss") || ends(s, "us") || ends(s, "is") {
    } else if ends(s, "s") {
        s.pop();
    }
    // Step 2: -ed / -ing.
    let has_vowel = |s: &str| s.bytes().any(|b| b"aeiouy".contains(&b));
    if ends(s, "eed") {
        if s.len() > 4 {
            s.pop();
        }
    } else {
        for suf in ["ing", "ed"] {
            if ends(s, suf) {
                let base = s.len() - suf.len();
                if base >= 3 && has_vowel(&s[..base]) {
                    s.truncate(base);
                    if ends_double_consonant(s.as_bytes()) {
                        s.pop();
                    }
                }
                break;
            }
        }
    }
    // Step 3: final e.
    if s.len() >= 4 && ends(s, "e") {
        s.pop();
    }
}

/// Push the terms of one segmented word (ideographs only): the word itself, and every dictionary
/// word inside it when it is longer than two characters.
fn cjk_word_terms(seg: &Segmenter, word: &str, out: &mut impl FnMut(&str)) {
    let mut ends = [0usize; MAX_TERM_CHARS + 1];
    let mut n = 0;
    for (i, c) in word.char_indices() {
        if n == MAX_TERM_CHARS {
            return; // longer words are noise
        }
        n += 1;
        ends[n] = i + c.len_utf8();
    }
    if n < 2 {
        return;
    }
    if !is_zh_stop(word) {
        out(word);
    }
    for len in 2..n {
        for i in 0..=(n - len) {
            let sub = &word[ends[i]..ends[i + len]];
            if seg.has_word(sub) && !is_zh_stop(sub) {
                out(sub);
            }
        }
    }
}

/// A unit of normalised text that yields terms: a word of a non-CJK run, or a word of two or
/// more ideographs from the segmentation of a CJK run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit<'a> {
    Word(&'a str),
    Cjk(&'a str),
}

/// Call `out` with every unit of normalised text, in order. `scratch` is reused between texts.
pub fn for_each_unit(
    seg: &Segmenter,
    norm: &str,
    scratch: &mut Scratch,
    mut out: impl FnMut(Unit<'_>),
) {
    for_each_run(norm, |run| match run {
        Run::Cjk(s) => seg.cut(s, scratch, |w| out(Unit::Cjk(w))),
        Run::Word(w) => out(Unit::Word(w)),
    });
}

/// Call `out` with the terms of one unit (none, one, or a Chinese word and the dictionary
/// words inside it). `word` is a buffer reused between units.
pub fn unit_terms(seg: &Segmenter, unit: Unit<'_>, word: &mut String, out: &mut impl FnMut(&str)) {
    match unit {
        Unit::Word(w) => {
            if let Some(t) = word_term_into(w, word) {
                out(t);
            }
        }
        Unit::Cjk(w) => {
            cjk_word_terms(seg, w, out);
        }
    }
}

/// All terms of `text`, in order (with repetitions). (Indexing counts the same terms without
/// collecting them: `batch::count`.)
pub fn terms(seg: &Segmenter, text: &str) -> Vec<String> {
    let norm = normalize(text);
    let (mut scratch, mut word) = (Scratch::default(), String::new());
    let mut out = Vec::new();
    for_each_unit(seg, &norm, &mut scratch, |unit| {
        unit_terms(seg, unit, &mut word, &mut |t: &str| out.push(t.to_string()))
    });
    out
}

/// A field value used as one whole term as well (a role model's name, a district), if it is
/// a short piece of Chinese: 2–12 ideographs and nothing else.
pub fn whole_value_term(value: &str) -> Option<String> {
    let norm = normalize(value.trim());
    let n = norm.chars().count();
    ((2..=12).contains(&n) && norm.chars().all(is_cjk)).then_some(norm)
}
