//! A small, lenient HTML tokenizer that keeps byte offsets.
//!
//! Why not html5ever: findings must point at the line and column of the original text, and
//! the same tokenizer has to cope with Markdown sources (raw HTML mixed with prose) and Tera
//! templates. It never fails: anything that is not a well-formed tag is text. It follows the
//! browser rules that matter for hiding things: case-insensitive names, `/` between
//! attributes, unquoted values, raw-text elements (`<script>`, `<style>`) ending only at their
//! end tag.

use std::ops::Range;

#[derive(Debug, Clone)]
pub struct Attr {
    /// Lowercase name.
    pub name: String,
    /// Byte range of the raw value (empty for a bare attribute).
    pub value: Range<usize>,
    /// Byte range of the whole attribute.
    pub span: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Tag {
    /// Lowercase name.
    pub name: String,
    pub attrs: Vec<Attr>,
    pub span: Range<usize>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.name == name)
    }
}

#[derive(Debug, Clone)]
pub enum Token {
    Text(Range<usize>),
    Start(Tag),
    End {
        name: String,
        span: Range<usize>,
    },
    Comment,
    /// Content of a raw-text element (`script`, `style`, `textarea`, `title`, …).
    Raw {
        parent: String,
        span: Range<usize>,
    },
    /// `<!DOCTYPE …>`, `<?…>`.
    Other,
}

const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

pub fn tokenize(src: &str) -> Vec<Token> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut text_start = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let Some((tok, next)) = markup_at(src, i) else {
            i += 1;
            continue;
        };
        if text_start < i {
            out.push(Token::Text(text_start..i));
        }
        let raw_parent = match &tok {
            Token::Start(t) if RAW_TEXT.contains(&t.name.as_str()) => Some(t.name.clone()),
            _ => None,
        };
        out.push(tok);
        i = next;
        if let Some(parent) = raw_parent {
            let end = find_end_tag(src, i, &parent);
            if i < end {
                out.push(Token::Raw {
                    parent,
                    span: i..end,
                });
            }
            i = end;
        }
        text_start = i;
    }
    if text_start < b.len() {
        out.push(Token::Text(text_start..b.len()));
    }
    out
}

/// Byte offset of `</name` (case-insensitive) at or after `from`, or the end of `src`.
fn find_end_tag(src: &str, from: usize, name: &str) -> usize {
    let b = src.as_bytes();
    let n = name.len();
    let mut i = from;
    while i + 2 + n <= b.len() {
        if b[i] == b'<'
            && b[i + 1] == b'/'
            && b[i + 2..i + 2 + n].eq_ignore_ascii_case(name.as_bytes())
        {
            return i;
        }
        i += 1;
    }
    b.len()
}

/// The markup token starting at `i` (which is `<`) and the offset after it.
fn markup_at(src: &str, i: usize) -> Option<(Token, usize)> {
    let b = src.as_bytes();
    let next = *b.get(i + 1)?;
    if src[i..].starts_with("<!--") {
        let end = src[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e + 3);
        return Some((Token::Comment, end));
    }
    if next == b'!' || next == b'?' {
        let end = src[i..].find('>').map_or(b.len(), |e| i + e + 1);
        return Some((Token::Other, end));
    }
    if next == b'/' {
        let (name, after) = tag_name(src, i + 2)?;
        let end = src[after..].find('>').map_or(b.len(), |e| after + e + 1);
        return Some((Token::End { name, span: i..end }, end));
    }
    let (name, after) = tag_name(src, i + 1)?;
    let (attrs, end) = attributes(src, after);
    Some((
        Token::Start(Tag {
            name,
            attrs,
            span: i..end,
        }),
        end,
    ))
}

/// A tag name (ASCII letter, then letters, digits, `-`) ending at whitespace, `/` or `>`.
fn tag_name(src: &str, from: usize) -> Option<(String, usize)> {
    let b = src.as_bytes();
    if !b.get(from)?.is_ascii_alphabetic() {
        return None;
    }
    let mut j = from;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
        j += 1;
    }
    match b.get(j) {
        None => Some((src[from..j].to_ascii_lowercase(), j)),
        Some(c) if c.is_ascii_whitespace() || *c == b'/' || *c == b'>' => {
            Some((src[from..j].to_ascii_lowercase(), j))
        }
        _ => None,
    }
}

/// Attributes from `from` to the closing `>`; returns them and the offset after `>`.
fn attributes(src: &str, from: usize) -> (Vec<Attr>, usize) {
    let b = src.as_bytes();
    let mut attrs = Vec::new();
    let mut i = from;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (attrs, b.len());
        }
        if b[i] == b'>' {
            return (attrs, i + 1);
        }
        let name_start = i;
        i += 1; // the first character may be `=` or a quote (browsers accept it as a name)
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let name = src[name_start..i].to_ascii_lowercase();
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = i..i;
        if b.get(j) == Some(&b'=') {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let (v, after) = attr_value(src, j);
            value = v;
            i = after;
        }
        attrs.push(Attr {
            name,
            value,
            span: name_start..i,
        });
    }
}

fn attr_value(src: &str, j: usize) -> (Range<usize>, usize) {
    let b = src.as_bytes();
    match b.get(j) {
        Some(&q) if q == b'"' || q == b'\'' => {
            let end = src[j + 1..].find(q as char).map_or(b.len(), |e| j + 1 + e);
            (j + 1..end, (end + 1).min(b.len()))
        }
        _ => {
            let mut k = j;
            while k < b.len() && !b[k].is_ascii_whitespace() && b[k] != b'>' {
                k += 1;
            }
            (j..k, k)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_tags_attributes_and_raw_text() {
        let src =
            r#"<p class=x>hi<a/href="https://e.com" onclick='a()'>l</a><script>if(a<b){}</script>"#;
        let toks = tokenize(src);
        let names: Vec<String> = toks
            .iter()
            .map(|t| match t {
                Token::Start(t) => format!("<{}>", t.name),
                Token::End { name, .. } => format!("</{name}>"),
                Token::Text(r) => src[r.clone()].to_string(),
                Token::Raw { span, .. } => format!("raw:{}", &src[span.clone()]),
                _ => "?".into(),
            })
            .collect();
        assert_eq!(
            names,
            [
                "<p>",
                "hi",
                "<a>",
                "l",
                "</a>",
                "<script>",
                "raw:if(a<b){}",
                "</script>"
            ]
        );
        let Token::Start(a) = &toks[2] else { panic!() };
        let href = a.attr("href").map(|h| &src[h.value.clone()]);
        assert_eq!(href, Some("https://e.com"));
        assert!(a.attr("onclick").is_some());
    }

    #[test]
    fn lone_angle_brackets_are_text() {
        let toks = tokenize("1 < 2 and <https://x.cn> <中文>");
        assert!(toks.iter().all(|t| matches!(t, Token::Text(_))));
    }
}
