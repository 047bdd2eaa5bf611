//! The normalizer: turns text an attacker has disguised back into the plain form the rule
//! lists are written in, while remembering where every output character came from so that a
//! finding can point at the original line and show the original (disguised) text.
//!
//! Pipeline, in order (see [`normalize_units`]):
//! 1. decode HTML entities and percent-encoding (twice, for double encoding);
//! 2. drop invisible characters: zero-width, bidi controls, soft hyphen, variation selectors,
//!    tag characters, other format/control characters, combining marks;
//! 3. NFKD compatibility decomposition (full-width → ASCII, circled and mathematical letters);
//! 4. fold Cyrillic/Greek look-alikes to Latin, traditional → simplified, lowercase;
//! 5. drop whitespace, punctuation and symbols, remembering for each kept character what kind
//!    of gap preceded it (none, neutral separator, or sentence punctuation).
//!
//! The result is "compact": `博 彩`, `博.彩`, `博&#24425;`, `博\u{200b}彩` and `賭場` all become
//! `博彩` / `赌场`. Rules then decide, using the recorded gaps, whether a match spans honest
//! sentence punctuation (`注册，送`) or a deliberate obfuscation (`注，册，送`).

use icu_normalizer::DecomposingNormalizerBorrowed;

/// One character of input with the byte range it came from in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub ch: char,
    pub start: usize,
    pub end: usize,
}

/// A character of original text that marks a hard boundary (block element, paragraph).
pub const BOUNDARY: char = '\u{2029}';

/// What separated a kept character from the kept character before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Directly adjacent (after removing invisible characters and markup).
    None,
    /// Spaces, ASCII symbols, `*`, `-`, `.` between letters: the usual obfuscation fillers.
    Neutral,
    /// Sentence punctuation, a line break or a block boundary: text on both sides is likely
    /// unrelated prose.
    Sentence,
}

/// Normalized text plus, for every character of it, its origin and preceding gap.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub text: String,
    /// Byte offset in `text` of each output character (ascending).
    offsets: Vec<usize>,
    /// Original byte range of each output character.
    origin: Vec<(usize, usize)>,
    gaps: Vec<Gap>,
    /// Byte offsets in `text` of the characters that begin a sentence after the first: a full
    /// stop, a question or exclamation mark, or a line break that is not a soft wrap of Chinese
    /// text came before them.
    stops: Vec<usize>,
}

impl Normalized {
    /// Index of the output character starting at byte `b` of `text` (or the next one).
    fn char_index(&self, b: usize) -> usize {
        self.offsets.partition_point(|&o| o < b)
    }

    /// Original byte range covered by the output byte range `start..end`.
    pub fn origin_of(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.char_index(start);
        let last = self.char_index(end).saturating_sub(1).max(first);
        match (self.origin.get(first), self.origin.get(last)) {
            (Some(a), Some(b)) => (a.0, b.1.max(a.0)),
            _ => (0, 0),
        }
    }

    /// Gaps between the characters of the output byte range (the gap before the first
    /// character is not included).
    pub fn inner_gaps(&self, start: usize, end: usize) -> &[Gap] {
        let first = self.char_index(start) + 1;
        let last = self.char_index(end);
        self.gaps.get(first.min(last)..last).unwrap_or(&[])
    }

    /// The gap before the output character at byte `b`, and after the one ending at `b`.
    pub fn gap_at(&self, b: usize) -> Gap {
        let i = self.char_index(b);
        self.gaps.get(i).copied().unwrap_or(Gap::Sentence)
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Byte ranges of `text`, one per sentence, in order.
    pub fn sentences(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let starts = std::iter::once(0).chain(self.stops.iter().copied());
        let ends = self
            .stops
            .iter()
            .copied()
            .chain(std::iter::once(self.text.len()));
        starts.zip(ends).filter(|(s, e)| s < e)
    }

    /// The byte range of `text` made from the original bytes `start..end` (characters whose
    /// origin begins there; origins ascend, as units are read in order).
    pub fn text_from(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.origin.partition_point(|o| o.0 < start);
        let last = self.origin.partition_point(|o| o.0 < end).max(first);
        let at = |i: usize| self.offsets.get(i).copied().unwrap_or(self.text.len());
        (at(first), at(last))
    }

    /// Original byte range of each output character in the output byte range `start..end`.
    pub fn origins(&self, start: usize, end: usize) -> &[(usize, usize)] {
        let first = self.char_index(start);
        let last = self.char_index(end).max(first);
        self.origin.get(first..last).unwrap_or(&[])
    }
}

/// Normalize a whole string.
pub fn normalize(text: &str) -> Normalized {
    normalize_units(text, units_of(text, 0))
}

/// Units for every character of `text`, whose first byte is at `base` in the original.
pub fn units_of(text: &str, base: usize) -> Vec<Unit> {
    unit_iter(text, base).collect()
}

/// [`units_of`] as an iterator (to extend a vector without an intermediate one).
pub fn unit_iter(text: &str, base: usize) -> impl Iterator<Item = Unit> + '_ {
    text.char_indices().map(move |(i, ch)| Unit {
        ch,
        start: base + i,
        end: base + i + ch.len_utf8(),
    })
}

/// Run the whole pipeline over pre-split units (the HTML scanner passes text nodes only).
/// `original` is the text the unit offsets point into; it is used to classify gaps.
pub fn normalize_units(original: &str, mut units: Vec<Unit>) -> Normalized {
    // Most text has neither references nor percent signs: one look decides for all four passes.
    if units.iter().any(|u| u.ch == '&' || u.ch == '%') {
        units = decode_entities(units);
        units = decode_percent(units);
        units = decode_entities(units);
        units = decode_percent(units);
    }
    let units = fold(units);
    compact(original, &units)
}

/// Stage 2–4: drop invisible characters, NFKD, look-alikes, traditional → simplified, lowercase.
fn fold(mut units: Vec<Unit>) -> Vec<Unit> {
    let nfkd = DecomposingNormalizerBorrowed::new_nfkd();
    let mut buf = [0u8; 4];
    let mut several = Vec::new();
    // In place while every unit folds to at most one, as nearly all text does. The first unit
    // that folds to several (`ﬁ` → `f`, `i`) moves the rest to a new vector.
    let mut kept = 0;
    for i in 0..units.len() {
        let u = units[i];
        let folded = match fold_fast(u) {
            Some(folded) => folded,
            None => {
                several.clear();
                fold_general(&nfkd, u, &mut buf, &mut several);
                match several.as_slice() {
                    [] => None,
                    [one] => Some(*one),
                    _ => {
                        let mut out = Vec::with_capacity(units.len() + several.len());
                        out.extend_from_slice(&units[..kept]);
                        out.append(&mut several);
                        for &u in &units[i + 1..] {
                            match fold_fast(u) {
                                Some(folded) => out.extend(folded),
                                None => fold_general(&nfkd, u, &mut buf, &mut out),
                            }
                        }
                        return out;
                    }
                }
            }
        };
        if let Some(f) = folded {
            units[kept] = f;
            kept += 1;
        }
    }
    units.truncate(kept);
    units
}

/// The fold of a unit the fast paths handle (`Some(None)`: dropped), or `None` for the
/// general path. ASCII needs only lowercasing, unified ideographs only simplifying (neither
/// decomposes, has look-alikes or case); Chinese text is full of full-width and CJK
/// punctuation, folded without NFKD. A unit test checks these give what the general path gives.
fn fold_fast(u: Unit) -> Option<Option<Unit>> {
    if u.ch.is_ascii() {
        // `is_invisible` for ASCII: control characters other than whitespace.
        let visible = !u.ch.is_ascii_control() || matches!(u.ch, '\t'..='\r');
        return Some(visible.then_some(Unit {
            ch: u.ch.to_ascii_lowercase(),
            ..u
        }));
    }
    if ('\u{4e00}'..='\u{9fff}').contains(&u.ch) {
        return Some(Some(Unit {
            ch: super::t2s::simplify(u.ch),
            ..u
        }));
    }
    fold_punctuation(u.ch).map(|ch| Some(Unit { ch, ..u }))
}

/// The fold of common punctuation, if `c` is such: full-width ASCII forms become ASCII (their
/// NFKD), CJK and typographic punctuation stays as it is (NFKD leaves it alone).
fn fold_punctuation(c: char) -> Option<char> {
    match c {
        '\u{ff01}'..='\u{ff5e}' => {
            char::from_u32(c as u32 - 0xfee0).map(|a| a.to_ascii_lowercase())
        }
        '\u{3001}'..='\u{3002}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301b}'
        | '\u{2013}'..='\u{2014}'
        | '\u{2018}'..='\u{2019}'
        | '\u{201c}'..='\u{201d}'
        | '\u{00b7}'
        | '\u{00d7}' => Some(c),
        _ => None,
    }
}

/// Invisible characters dropped; NFKD; lower case; look-alikes and traditional characters
/// folded. One unit may become several (`ﬁ` → `f`, `i`), all with the unit's span.
fn fold_general(
    nfkd: &DecomposingNormalizerBorrowed,
    u: Unit,
    buf: &mut [u8; 4],
    out: &mut Vec<Unit>,
) {
    if is_invisible(u.ch) {
        return;
    }
    // `normalize` borrows when the character is already normal: no allocation then. (`fold`
    // handles ASCII and unified ideographs before they get here.)
    let chars = nfkd.normalize(u.ch.encode_utf8(buf));
    // Lowercase before folding look-alikes so `Υ` and `υ` both become `y`.
    for c in chars
        .chars()
        .filter(|c| !is_invisible(*c))
        .flat_map(char::to_lowercase)
    {
        let ch = super::t2s::simplify(latin_lookalike(c));
        out.push(Unit { ch, ..u });
    }
}

/// Stage 5: keep letters and digits, turn everything else into recorded gaps.
fn compact(original: &str, units: &[Unit]) -> Normalized {
    let mut n = Normalized {
        text: String::with_capacity(units.len() * 3),
        offsets: Vec::with_capacity(units.len()),
        origin: Vec::with_capacity(units.len()),
        gaps: Vec::with_capacity(units.len()),
        stops: Vec::new(),
    };
    let mut gap = Gap::Sentence; // the start of a text is a boundary
    let mut stop = false;
    for (i, u) in units.iter().enumerate() {
        // Unified ideographs first: `is_alphanumeric` looks them up in a table.
        if ('\u{4e00}'..='\u{9fff}').contains(&u.ch) || u.ch.is_alphanumeric() {
            if std::mem::take(&mut stop) && !n.text.is_empty() {
                n.stops.push(n.text.len());
            }
            n.offsets.push(n.text.len());
            n.origin.push((u.start, u.end));
            n.gaps.push(gap);
            n.text.push(u.ch);
            gap = Gap::None;
        } else {
            let next = units.get(i + 1).map(|n| n.ch);
            stop |= ends_sentence(original, u, n.text.chars().next_back(), next);
            let kind = separator_kind(original, u, next);
            if kind == Gap::Sentence || gap == Gap::None {
                gap = kind;
            }
        }
    }
    n
}

/// A full stop, question or exclamation mark, or a line break, except a line break inside a
/// hard-wrapped Chinese paragraph (CJK text on both sides).
fn ends_sentence(original: &str, u: &Unit, before: Option<char>, next: Option<char>) -> bool {
    let orig = original.get(u.start..u.end).unwrap_or("");
    match orig.chars().next().unwrap_or(u.ch) {
        '。' | '！' | '？' | '｡' | BOUNDARY | '\u{2028}' => true,
        '.' | '!' | '?' if orig.len() == 1 => next.is_some_and(char::is_whitespace),
        '\n' | '\r' => !(before.is_some_and(is_cjk) && next.is_some_and(is_cjk)),
        _ => false,
    }
}

pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Sentence punctuation in the original separates prose; anything else is a filler.
fn separator_kind(original: &str, u: &Unit, next: Option<char>) -> Gap {
    let orig = original.get(u.start..u.end).unwrap_or("");
    let first = orig.chars().next().unwrap_or(u.ch);
    match first {
        '\n' | '\r' | BOUNDARY | '\u{2028}' => Gap::Sentence,
        '，' | '。' | '；' | '！' | '？' | '、' | '：' | '…' | '｡' | '､' => {
            Gap::Sentence
        }
        // Brackets and quotation marks close or open a phrase: 国（境）外 is not 境外.
        '（' | '）' | '《' | '》' | '「' | '」' | '『' | '』' | '“' | '”' | '‘' | '’' | '【'
        | '】' | '〔' | '〕' => Gap::Sentence,
        // ASCII sentence punctuation counts only when followed by a space, as in English
        // prose; `博.彩` and `b.e.t` are fillers.
        '.' | ',' | ';' | '!' | '?' | ':' if orig.len() == 1 => {
            if next.is_some_and(char::is_whitespace) {
                Gap::Sentence
            } else {
                Gap::Neutral
            }
        }
        _ => Gap::Neutral,
    }
}

/// Characters that render as nothing (or nearly nothing) and are used to split words.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
        | '\u{ffa0}' | '\u{fff0}'..='\u{fffb}' | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0000}'..='\u{e0fff}')
        || is_combining(c)
        || (c.is_control() && !c.is_whitespace())
}

/// Combining marks: stacked on letters to defeat matching (`c\u{301}asino`).
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}' | '\u{0483}'..='\u{0489}' | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}'
        | '\u{3099}' | '\u{309a}')
}

/// Cyrillic and Greek letters that look like Latin ones (`саsinо`).
fn latin_lookalike(c: char) -> char {
    match c {
        'а' | 'А' | 'α' | 'Α' => 'a',
        'в' | 'В' | 'β' | 'Β' => 'b',
        'с' | 'С' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'Е' | 'ε' | 'Ε' => 'e',
        'н' | 'Н' | 'Η' => 'h',
        'і' | 'І' | 'ι' | 'Ι' => 'i',
        'ј' | 'Ј' => 'j',
        'к' | 'К' | 'κ' | 'Κ' => 'k',
        'м' | 'М' | 'Μ' => 'm',
        'ո' | 'Ν' => 'n',
        'о' | 'О' | 'ο' | 'Ο' => 'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => 'p',
        'ѕ' | 'Ѕ' => 's',
        'т' | 'Т' | 'τ' | 'Τ' => 't',
        'у' | 'У' | 'υ' => 'y',
        'х' | 'Х' | 'χ' | 'Χ' => 'x',
        'ν' => 'v',
        'ԝ' => 'w',
        'ɡ' => 'g',
        _ => c,
    }
}

/// Decode `&name;`, `&#123;` and `&#x1F;` (also without the final `;` for numeric forms, as
/// browsers do). Each decoded character keeps the span of the whole reference.
fn decode_entities(units: Vec<Unit>) -> Vec<Unit> {
    if !units.iter().any(|u| u.ch == '&') {
        return units;
    }
    let mut out = Vec::with_capacity(units.len());
    let mut i = 0;
    while i < units.len() {
        match (units[i].ch == '&')
            .then(|| entity_at(&units[i..]))
            .flatten()
        {
            Some((ch, len)) => {
                out.push(Unit {
                    ch,
                    start: units[i].start,
                    end: units[i + len - 1].end,
                });
                i += len;
            }
            None => {
                out.push(units[i]);
                i += 1;
            }
        }
    }
    out
}

/// The character an entity at the start of `u` (which begins with `&`) stands for, and how
/// many units it spans ([`crate::html::reference`]: a reference is ASCII, so its bytes are its
/// units).
fn entity_at(u: &[Unit]) -> Option<(char, usize)> {
    let head: String = u
        .iter()
        .take(crate::html::LONGEST_NAMED)
        .map(|u| u.ch)
        .collect();
    crate::html::reference(&head)
}

/// Decode `%E5%8D%9A`-style sequences when they form valid UTF-8.
fn decode_percent(units: Vec<Unit>) -> Vec<Unit> {
    if !units.iter().any(|u| u.ch == '%') {
        return units;
    }
    let mut out = Vec::with_capacity(units.len());
    let mut i = 0;
    while i < units.len() {
        if let Some((ch, len)) = percent_char_at(&units[i..]) {
            out.push(Unit {
                ch,
                start: units[i].start,
                end: units[i + len - 1].end,
            });
            i += len;
        } else {
            out.push(units[i]);
            i += 1;
        }
    }
    out
}

fn percent_byte(u: &[Unit]) -> Option<u8> {
    match u {
        [p, h, l, ..] if p.ch == '%' => {
            let hex: String = [h.ch, l.ch].iter().collect();
            u8::from_str_radix(&hex, 16).ok()
        }
        _ => None,
    }
}

fn percent_char_at(u: &[Unit]) -> Option<(char, usize)> {
    let first = percent_byte(u)?;
    let need = match first {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    let mut bytes = vec![first];
    for k in 1..need {
        bytes.push(percent_byte(u.get(k * 3..)?)?);
    }
    let s = std::str::from_utf8(&bytes).ok()?;
    Some((s.chars().next()?, need * 3))
}

/// Decode HTML entities in a plain string (attribute values).
pub fn decode_entities_str(s: &str) -> String {
    decode_entities(units_of(s, 0))
        .iter()
        .map(|u| u.ch)
        .collect()
}

/// Decode percent-encoded UTF-8 in a plain string.
pub fn decode_percent_str(s: &str) -> String {
    decode_percent(units_of(s, 0))
        .iter()
        .map(|u| u.ch)
        .collect()
}

/// A normalizer instance is cheap; this exists so tests and fuzzers can call one function.
pub fn normalized_text(text: &str) -> String {
    normalize(text).text
}

#[cfg(test)]
mod tests {

    #[test]
    fn punctuation_fast_path_folds_like_the_general_path() {
        let nfkd = DecomposingNormalizerBorrowed::new_nfkd();
        let mut checked = 0;
        for cp in 0x80..0x10000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let Some(fast) = fold_punctuation(c) else {
                continue;
            };
            let unit = Unit {
                ch: c,
                start: 0,
                end: c.len_utf8(),
            };
            let mut general = Vec::new();
            fold_general(&nfkd, unit, &mut [0; 4], &mut general);
            let general: Vec<char> = general.iter().map(|u| u.ch).collect();
            assert_eq!(general, vec![fast], "U+{cp:04X} {c}");
            checked += 1;
        }
        assert!(checked > 100);
    }
    use super::*;

    fn n(s: &str) -> String {
        normalized_text(s)
    }

    #[test]
    fn disguises_fold_to_plain_text() {
        assert_eq!(n("博 彩"), "博彩");
        assert_eq!(n("博\u{200b}彩"), "博彩");
        assert_eq!(n("博&#24425;"), "博彩");
        assert_eq!(n("博&#x5F69"), "博彩");
        assert_eq!(n("%E5%8D%9A%E5%BD%A9"), "博彩");
        assert_eq!(n("%25E5%258D%259A"), "博");
        assert_eq!(n("&amp;#x535A;彩"), "博彩");
        assert_eq!(n("博&ZeroWidthSpace;彩"), "博彩");
        assert_eq!(n("博&NegativeMediumSpace;彩"), "博彩");
        assert_eq!(n("ＢＥＴ３６５"), "bet365");
        assert_eq!(n("賭場"), "赌场");
        assert_eq!(n("саsinо"), "casino");
        assert_eq!(n("c\u{301}asino"), "casino");
        assert_eq!(n("博\u{202e}彩"), "博彩");
        assert_eq!(n("ⓑⓔⓣ"), "bet");
    }

    #[test]
    fn origins_point_back_to_the_disguise() {
        let src = "看 博&#24425;!";
        let norm = normalize(src);
        let s = norm.text.find('博').unwrap_or(0);
        let (a, b) = norm.origin_of(s, norm.text.len());
        assert_eq!(&src[a..b], "博&#24425;");
    }

    #[test]
    fn gaps_record_sentence_punctuation() {
        let norm = normalize("注册，送温暖");
        assert_eq!(norm.text, "注册送温暖");
        let end = "注册送".len();
        assert_eq!(norm.inner_gaps(0, end), &[Gap::None, Gap::Sentence]);
        let norm = normalize("注 册.送");
        assert_eq!(norm.inner_gaps(0, end), &[Gap::Neutral, Gap::Neutral]);
    }

    #[test]
    fn honest_text_is_untouched_apart_from_case_and_gaps() {
        assert_eq!(n("增长了50%以上"), "增长了50以上");
        assert_eq!(n("A & B"), "ab");
        assert_eq!(n("&unknown;"), "unknown");
    }
}
