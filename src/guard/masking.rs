//! Preparing text for the scanners without moving anything: Markdown code and Tera syntax are
//! blanked out byte for byte, so every offset still points into the original file.

use super::normalize::{BOUNDARY, Unit};
use super::tokenize::{Token, tokenize};

/// Attributes whose text visitors (or search engines) read.
pub const TEXT_ATTRS: &[&str] = &[
    "alt",
    "title",
    "aria-label",
    "placeholder",
    "content",
    "label",
    "summary",
];

/// Source text for the vocabulary: every character except HTML tags and comments, which are
/// dropped without leaving a gap (`博<b></b>彩` reads as `博彩`).
pub fn source_text_units(text: &str) -> Vec<Unit> {
    // One unit per character: Chinese text has a third as many characters as bytes.
    let mut units = Vec::with_capacity(text.len() / 2);
    for t in tokenize(text) {
        match t {
            Token::Text(r) | Token::Raw { span: r, .. } => {
                units.extend(super::units(&text[r.clone()], r.start))
            }
            Token::Start(tag) => {
                for a in tag
                    .attrs
                    .iter()
                    .filter(|a| TEXT_ATTRS.contains(&a.name.as_str()) && !a.value.is_empty())
                {
                    units.push(Unit {
                        ch: BOUNDARY,
                        start: a.value.start,
                        end: a.value.start,
                    });
                    units.extend(super::units(&text[a.value.clone()], a.value.start));
                    units.push(Unit {
                        ch: BOUNDARY,
                        start: a.value.end,
                        end: a.value.end,
                    });
                }
            }
            _ => {}
        }
    }
    let cells = table_cell_pipes(text);
    if !cells.is_empty() {
        for u in &mut units {
            if u.ch == '|' && cells.binary_search(&u.start).is_ok() {
                // Zero width, as the boundaries of tags: the normalizer reads a unit's
                // character from the original text unless it has none.
                u.ch = BOUNDARY;
                u.end = u.start;
            }
        }
    }
    units
}

/// Byte offsets of the `|` that separate the cells of Markdown tables: a table's cells are
/// read apart, as the rendered page shows them (`| 彩票开奖查询 | 中国福利彩票官方网站 |` is two
/// cells, not two keyword parts of one SEO title).
pub fn table_cell_pipes(text: &str) -> Vec<usize> {
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .collect();
    let mut pipes = Vec::new();
    let mut in_table = false;
    for (i, &(start, line)) in lines.iter().enumerate() {
        let next_delimits = lines.get(i + 1).is_some_and(|&(_, l)| is_delimiter_row(l));
        in_table = if line.trim().is_empty() || !line.contains('|') {
            false
        } else {
            in_table || next_delimits
        };
        if in_table {
            let bytes = line.as_bytes();
            pipes.extend(
                line.match_indices('|')
                    .filter(|&(j, _)| j == 0 || bytes[j - 1] != b'\\')
                    .map(|(j, _)| start + j),
            );
        }
    }
    pipes
}

/// `|---|:---:|`, `--- | ---`: the row under a table's header.
fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    t.contains('|')
        && t.contains("---")
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// Blank out Markdown code (fenced blocks and inline code spans) so HTML written as an example
/// is not mistaken for live markup. Byte offsets are preserved.
pub fn mask_markdown_code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<&str> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let opener = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f));
        match (fence, opener) {
            (None, Some(f)) => {
                fence = Some(f);
                out.push_str(&blank(line));
            }
            (Some(f), _) => {
                if trimmed.starts_with(f) {
                    fence = None;
                }
                out.push_str(&blank(line));
            }
            (None, None) => out.push_str(&mask_code_spans(line)),
        }
    }
    out
}

fn mask_code_spans(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find('`') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('`') {
            Some(j) => {
                out.push_str(&blank(&rest[i..i + j + 2]));
                rest = &after[j + 1..];
            }
            None => {
                out.push('`');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Tera syntax (`{{ … }}`, `{% … %}`, `{# … #}`) blanked out, offsets preserved.
pub fn mask_template_syntax(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let close = match tail.as_bytes().get(1) {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            _ => "",
        };
        match (!close.is_empty()).then(|| tail[2..].find(close)).flatten() {
            Some(j) => {
                out.push_str(&blank(&tail[..j + 4]));
                rest = &tail[j + 4..];
            }
            None => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Same byte length, spaces except newlines.
fn blank(s: &str) -> String {
    s.bytes()
        .map(|b| if b == b'\n' { '\n' } else { ' ' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_pipes_of_a_table_separate_cells() {
        let text = "甲|乙\n\n| 查询 | 网站 |\n|---|---|\n| a \\| b | c |\n\n丙 | 丁\n";
        let pipes: Vec<&str> = table_cell_pipes(text)
            .into_iter()
            .map(|i| &text[i.saturating_sub(1)..i + 1])
            .collect();
        // The header row, the delimiter row and the body row; not the escaped pipe, not the
        // lines outside the table.
        assert_eq!(pipes.len(), 3 + 3 + 3, "{pipes:?}");
        assert!(!table_cell_pipes(text).contains(&text.find("甲|").map_or(0, |i| i + 3)));
    }
}
