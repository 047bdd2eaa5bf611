//! Bare links (`https://…`, `www.…`, e-mail addresses) found in the parsed text, as GFM's
//! autolink extension defines them, with one change for Chinese: an address ends at the first
//! Chinese character or full-width punctuation mark (`详见https://www.gov.cn/，务必阅读` links
//! `https://www.gov.cn/`).
//!
//! The parser's own extension reads addresses from the raw line, before emphasis, code and links
//! are parsed, up to the next space; in Chinese, where there is no space, it swallowed the rest
//! of the sentence, `**`, `` ` ``, `[…](…)` and `[^1]` included. Here the tree is parsed first and
//! only text is searched, so Markdown syntax is never inside a link. The rules (valid domain,
//! trailing punctuation, unbalanced closing brackets, entity-like `&hl;`) follow the GFM spec and
//! comrak's implementation of it.

use super::cjk;
use comrak::Arena;
use comrak::nodes::{Ast, AstNode, LineColumn, NodeLink, NodeValue};
use std::cell::RefCell;

type Node<'a> = &'a AstNode<'a>;

/// An address found in a text: its byte range and the URL it links to.
#[derive(Debug, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub url: String,
}

/// Links every bare address in the document's text (not inside links or images).
pub(super) fn link_bare_addresses<'a>(root: Node<'a>, arena: &'a Arena<'a>) {
    let texts: Vec<Node<'a>> = root
        .descendants()
        .filter(|n| matches!(n.data().value, NodeValue::Text(_)) && !inside_link(n))
        .collect();
    for node in texts {
        let text = match &node.data().value {
            NodeValue::Text(t) => t.to_string(),
            _ => continue,
        };
        let found = find(&text);
        if !found.is_empty() {
            split(node, arena, &text, found);
        }
    }
}

fn inside_link(node: Node<'_>) -> bool {
    node.ancestors().skip(1).any(|a| {
        matches!(
            a.data().value,
            NodeValue::Link(_) | NodeValue::Image(_) | NodeValue::WikiLink(_)
        )
    })
}

/// Replaces `node` by its text cut into plain runs and links.
fn split<'a>(node: Node<'a>, arena: &'a Arena<'a>, text: &str, found: Vec<Found>) {
    let new = |value: NodeValue| {
        arena.alloc(AstNode::new(RefCell::new(Ast::new(
            value,
            LineColumn::default(),
        ))))
    };
    let mut anchor = node;
    let mut from = 0;
    let mut put = |n: Node<'a>| {
        anchor.insert_after(n);
        anchor = n;
    };
    for f in found {
        if f.start > from {
            put(new(NodeValue::Text(text[from..f.start].to_string().into())));
        }
        let link = new(NodeValue::Link(Box::new(NodeLink {
            url: f.url,
            title: String::new(),
        })));
        link.append(new(NodeValue::Text(
            text[f.start..f.end].to_string().into(),
        )));
        put(link);
        from = f.end;
    }
    if from < text.len() {
        put(new(NodeValue::Text(text[from..].to_string().into())));
    }
    node.detach();
}

/// Every bare address in `text`, in order and not overlapping.
pub fn find(text: &str) -> Vec<Found> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut floor = 0;
    let mut i = 0;
    while i < bytes.len() {
        let hit = match bytes[i] {
            b':' => url_at(text, i, floor),
            b'w' => www_at(text, i, floor),
            b'@' => email_at(text, i, floor),
            _ => None,
        };
        match hit {
            Some(f) => {
                i = f.end;
                floor = f.end;
                found.push(f);
            }
            None => i += 1,
        }
    }
    found
}

/// The end of an address's run: a space, `<`, or a Chinese character or punctuation mark.
fn run_end(text: &str, from: usize) -> usize {
    text[from..]
        .char_indices()
        .find(|&(_, c)| c.is_whitespace() || c == '<' || cjk::ends_bare_link(c))
        .map_or(text.len(), |(i, _)| from + i)
}

/// `http://`, `https://` or `ftp://` (the scheme not glued to a preceding letter).
fn url_at(text: &str, colon: usize, floor: usize) -> Option<Found> {
    if !text[colon..].starts_with("://") {
        return None;
    }
    let bytes = text.as_bytes();
    let mut start = colon;
    while start > floor && bytes[start - 1].is_ascii_alphabetic() {
        start -= 1;
    }
    if !matches!(&text[start..colon], "http" | "https" | "ftp") {
        return None;
    }
    let host = colon + 3;
    let end = run_end(text, host);
    domain_len(&text[host..end])?;
    let end = start + trim_end(&text[start..end]);
    (end > host).then(|| Found {
        start,
        end,
        url: text[start..end].to_string(),
    })
}

/// `www.` at the start, after a space, `*`, `_`, `~`, `(`, or (in Chinese) a Chinese character.
fn www_at(text: &str, at: usize, floor: usize) -> Option<Found> {
    if !text[at..].starts_with("www.") || at < floor {
        return None;
    }
    let before = text[..at].chars().next_back();
    if !before.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '*' | '_' | '~' | '(') || cjk::ends_bare_link(c)
    }) {
        return None;
    }
    let end = run_end(text, at);
    domain_len(&text[at + 4..end])?;
    let end = at + trim_end(&text[at..end]);
    (end > at + 4).then(|| Found {
        start: at,
        end,
        url: format!("http://{}", &text[at..end]),
    })
}

/// An e-mail address around the `@` at `at`, optionally written with `mailto:` or `xmpp:`.
fn email_at(text: &str, at: usize, floor: usize) -> Option<Found> {
    let bytes = text.as_bytes();
    let local_ok = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'+' | b'-' | b'_');
    let mut start = at;
    while start > floor && local_ok(bytes[start - 1]) {
        start -= 1;
    }
    if start == at {
        return None;
    }
    let mut scheme = None;
    for s in ["mailto:", "xmpp:"] {
        if start >= floor + s.len() && text[..start].ends_with(s) {
            scheme = Some(s);
            start -= s.len();
        }
    }
    let mut end = at + 1;
    let mut periods = 0;
    while end < bytes.len() {
        let b = bytes[end];
        if b == b'.' && bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
            periods += 1;
        } else if b == b'/' && scheme == Some("xmpp:") {
        } else if b == b'@' {
            return None;
        } else if !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            break;
        }
        end += 1;
    }
    let last = bytes[end - 1];
    if end - at < 2 || periods == 0 || !(last.is_ascii_alphabetic() || last == b'.') {
        return None;
    }
    let end = at + trim_end(&text[at..end]);
    (end > at + 1).then(|| Found {
        start,
        end,
        url: match scheme {
            Some(_) => text[start..end].to_string(),
            None => format!("mailto:{}", &text[start..end]),
        },
    })
}

/// The length of a valid domain at the start of `host`: letters, digits, `-` and `_` in parts
/// separated by periods, at least one period, no `_` in the last two parts.
fn domain_len(host: &str) -> Option<usize> {
    let mut periods = 0;
    let (mut underscores_before, mut underscores_last) = (0, 0);
    let end = host
        .char_indices()
        .find(|&(_, c)| {
            match c {
                '_' => underscores_last += 1,
                '.' => {
                    underscores_before = underscores_last;
                    underscores_last = 0;
                    periods += 1;
                }
                '-' => {}
                c => return c.is_whitespace() || c.is_ascii_punctuation() || !c.is_alphanumeric(),
            }
            false
        })
        .map_or(host.len(), |(i, _)| i);
    (periods > 0 && underscores_before == 0 && underscores_last == 0 && end > 0).then_some(end)
}

/// GFM's extended autolink path validation: trailing `?!.,:*_~'"` are not part of the address,
/// nor an unmatched closing `)`, `]` or `}`, nor an entity-like `&name;`.
fn trim_end(run: &str) -> usize {
    let bytes = run.as_bytes();
    let count = |b: u8, end: usize| bytes[..end].iter().filter(|&&x| x == b).count();
    let mut end = bytes.len();
    while end > 0 {
        let last = bytes[end - 1];
        let pair = match last {
            b')' => Some(b'('),
            b']' => Some(b'['),
            b'}' => Some(b'{'),
            _ => None,
        };
        if b"?!.,:*_~'\"".contains(&last) {
            end -= 1;
        } else if last == b';' {
            let name = bytes[..end - 1]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            let amp = end - 1 - name;
            end = if name > 0 && amp > 0 && bytes[amp - 1] == b'&' {
                amp - 1
            } else {
                end - 1
            };
        } else if let Some(open) = pair
            && count(last, end) > count(open, end)
        {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(text: &str) -> Vec<String> {
        find(text).into_iter().map(|f| f.url).collect()
    }

    #[test]
    fn addresses_end_at_chinese_text_and_trailing_punctuation() {
        assert_eq!(
            urls("详见https://www.gov.cn/，务必阅读。"),
            ["https://www.gov.cn/"]
        );
        assert_eq!(urls("请看(https://www.gov.cn/)。"), ["https://www.gov.cn/"]);
        assert_eq!(
            urls("https://www.gov.cn/、https://www.12345.gov.cn/"),
            ["https://www.gov.cn/", "https://www.12345.gov.cn/"]
        );
        assert_eq!(urls("访问www.gov.cn了解"), ["http://www.gov.cn"]);
        assert_eq!(urls("x www.a.com/q=(b))) y"), ["http://www.a.com/q=(b)"]);
        assert_eq!(urls("www.g.com/?q=c&hl;"), ["http://www.g.com/?q=c"]);
        assert_eq!(urls("联系a.b-c_d@a.b。"), ["mailto:a.b-c_d@a.b"]);
        assert!(urls("xhttp://a.com wwwx.a.com http://inlines a@b").is_empty());
    }
}
