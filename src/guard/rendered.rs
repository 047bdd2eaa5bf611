//! Whether the page rendered from a Markdown source says anything its source does not. The
//! guard reads a page's source, then the HTML rendered from it, for what rendering makes
//! (markup, a reference link's title, text an extension writes). Reading the same words twice
//! doubled the guard's cost for nothing: when every sentence of the rendered text occurs in
//! the source, the rendered page's words are not assessed again (its links and markup are).
//!
//! The source's words are compared without its link destinations: `[胡明的事迹](/role-models/
//! hu-ming/)` renders as 胡明的事迹 alone, and the destination is checked by the link rules.

use super::normalize::{BOUNDARY, Normalized, Unit};
use std::borrow::Cow;

/// The text of a text's units as written, without ASCII punctuation, spaces and character
/// references: a
/// cheap first look, before normalizing, at whether a rendered page repeats its source.
#[derive(Debug, Default)]
pub struct RawWords(String);

impl RawWords {
    /// The text of `units` without ASCII punctuation and spaces, leaving out what lies inside `skip` (sorted original
    /// byte ranges: a source's link destinations) and character references (`&amp;`, `&#21338;`).
    pub fn of(original: &str, units: &[Unit], skip: &[(usize, usize)]) -> RawWords {
        let mut out = String::with_capacity(original.len());
        let mut ranges = skip.iter().peekable();
        let mut reference_until = 0;
        for u in units {
            while ranges.next_if(|r| r.1 <= u.start).is_some() {}
            if ranges.peek().is_some_and(|r| r.0 <= u.start) || u.start < reference_until {
                continue;
            }
            if u.ch == '&' {
                if let Some(end) = reference_end(original, u.start) {
                    reference_until = end;
                    continue;
                }
            }
            // Markdown's and HTML's syntax is ASCII; any other character is text on both
            // sides (and a Unicode class lookup per character would cost more than it saves).
            if u.ch.is_ascii_alphanumeric() || !(u.ch.is_ascii() || u.ch == BOUNDARY) {
                out.push(u.ch);
            }
        }
        RawWords(out)
    }

    /// Whether `rendered` is one stretch of these words.
    pub fn contain(&self, rendered: &RawWords) -> bool {
        self.0.contains(rendered.0.as_str())
    }
}

/// Where the character reference beginning at `at` (`&name;`, `&#123;`, `&#x7b;`) ends.
fn reference_end(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at + 1..)?;
    let len = rest.bytes().take(12).position(|b| b == b';').filter(|&n| {
        n > 0
            && rest[..n]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'#')
    })?;
    Some(at + 1 + len + 1)
}

/// What a scan of a page's source keeps for the scan of the page rendered from it.
#[derive(Debug)]
pub struct SourceRead {
    /// Its text as written without ASCII punctuation, link destinations left out.
    pub raw: RawWords,
    pub norm: Normalized,
    /// Its link destinations, as original byte ranges.
    pub destinations: Vec<(usize, usize)>,
    /// Whether its title warns or reports a crackdown.
    pub reported: bool,
}

impl SourceRead {
    /// Its normalized text without its link destinations: wanted only when the rendered page
    /// is not one stretch of [`SourceRead::raw`], so made only then.
    pub fn words(&self) -> Cow<'_, str> {
        source_words(&self.norm, &self.destinations)
    }
}

/// The source's normalized text without the characters of its `destinations`.
pub fn source_words<'a>(n: &'a Normalized, destinations: &[(usize, usize)]) -> Cow<'a, str> {
    if destinations.is_empty() {
        return Cow::Borrowed(&n.text);
    }
    let mut words = String::with_capacity(n.text.len());
    let mut kept_from = 0;
    for &(start, end) in destinations {
        let (cut_start, cut_end) = n.text_from(start, end);
        if cut_start >= kept_from {
            words.push_str(&n.text[kept_from..cut_start]);
        }
        kept_from = kept_from.max(cut_end);
    }
    words.push_str(&n.text[kept_from..]);
    Cow::Owned(words)
}

/// Whether every sentence of `rendered` occurs, whole, in `source_words`. Most often the
/// rendered text is one stretch of the source's words; otherwise its sentences are looked for
/// from where the last one was found, as rendering keeps their order, and one found only
/// earlier (a footnote moved to the end) is looked for from the start.
pub fn says_nothing_new(rendered: &Normalized, source_words: &str) -> bool {
    if source_words.contains(rendered.text.as_str()) {
        return true;
    }
    let mut from = 0;
    rendered.sentences().all(|(s, e)| {
        let sentence = &rendered.text[s..e];
        let found = source_words
            .get(from..)
            .and_then(|rest| rest.find(sentence))
            .map(|i| from + i)
            .or_else(|| source_words.find(sentence));
        found.map(|at| from = at + sentence.len()).is_some()
    })
}

/// Byte ranges of the link and image destinations of Markdown `text`, in order: what follows
/// `](` up to its closing parenthesis on the same line, and the destination of a reference
/// definition (`[id]: /path "title"`; the title is text and stays).
pub fn destinations(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(range) = definition_destination(line) {
            out.push((line_start + range.0, line_start + range.1));
        }
        let mut from = 0;
        while let Some(i) = line[from..].find("](") {
            let open = from + i + 2;
            let Some(close) = closing_paren(&line[open..]) else {
                break;
            };
            out.push((line_start + open, line_start + open + close));
            from = open + close;
        }
        line_start += line.len();
    }
    out.sort_unstable();
    out
}

/// The byte where the parenthesis opened before `rest` closes, nested pairs allowed.
fn closing_paren(rest: &str) -> Option<usize> {
    let mut depth = 1;
    for (i, c) in rest.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    None
}

/// The destination's range in a reference definition line (`   [id]: <dest> "title"`).
fn definition_destination(line: &str) -> Option<(usize, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = line[indent..].strip_prefix('[')?;
    let label_end = rest.find("]:")?;
    if indent > 3 || label_end == 0 || rest[..label_end].contains(']') {
        return None;
    }
    let after = indent + 1 + label_end + 2;
    let spaces = line[after..].len() - line[after..].trim_start_matches([' ', '\t']).len();
    let start = after + spaces;
    let len = line[start..]
        .find(char::is_whitespace)
        .unwrap_or(line.len() - start);
    (len > 0).then_some((start, start + len))
}

#[cfg(test)]
mod tests {
    use super::super::normalize::normalize;
    use super::*;

    fn words(source: &str) -> String {
        source_words(&normalize(source), &destinations(source)).into_owned()
    }

    fn raw(text: &str, skip: &[(usize, usize)]) -> RawWords {
        let units: Vec<Unit> = super::super::units(text, 0).collect();
        RawWords::of(text, &units, skip)
    }

    #[test]
    fn raw_words_leave_out_destinations_and_references() {
        let source = "见[手册](/handbook/)，A&amp;B。";
        assert_eq!(raw(source, &destinations(source)).0, "见手册，AB。");
        let rendered = "见<a href=\"/handbook/\">手册</a>，A&amp;B。";
        assert!(raw(source, &destinations(source)).contain(&raw("手册，A&amp;B", &[])));
        assert!(!raw(source, &[]).contain(&raw(rendered, &[])));
    }

    #[test]
    fn link_destinations_are_not_the_source_words() {
        assert_eq!(
            words("延伸阅读：[胡明组建救援队](/role-models/hu-ming/)、[第3章](../ch3.md (x))。"),
            "延伸阅读胡明组建救援队第3章"
        );
        assert_eq!(
            words("见[手册][h]。\n\n[h]: /handbook/ \"市民文明手册\"\n"),
            "见手册hh市民文明手册"
        );
    }

    #[test]
    fn a_rendered_page_that_adds_a_sentence_is_read_again() {
        let source = words("# 标题\n\n第一句。[链接](/a/)第二句。\n");
        assert!(says_nothing_new(
            &normalize("标题。第一句。链接第二句。"),
            &source
        ));
        // A footnote rendered at the end, before a sentence of the body.
        assert!(says_nothing_new(&normalize("第二句。第一句。"), &source));
        assert!(!says_nothing_new(
            &normalize("第一句。注册送彩金。"),
            &source
        ));
    }
}
