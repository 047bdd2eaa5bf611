//! Source text as the architecture test reads it: identifiers and punctuation, without comments,
//! literals and unit tests, and the paths those tokens write.

use std::collections::BTreeSet;

#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    Ident(String),
    /// `::`
    PathSep,
    Punct(char),
}

fn is_ident(t: Option<&Token>, name: &str) -> bool {
    matches!(t, Some(Token::Ident(i)) if i == name)
}

fn is_punct(t: Option<&Token>, c: char) -> bool {
    t == Some(&Token::Punct(c))
}

/// The code of `text` as identifiers and punctuation: comments, strings, characters and
/// numbers dropped (a `crate::x` in a doc comment or a message is not a dependency).
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else if i >= chars.len() {
                    break;
                } else {
                    i += 1;
                }
            }
        } else if c == '"' {
            i = skip_string(&chars, i);
        } else if c == '\'' {
            // A character literal, or a lifetime (`'a`) left as punctuation and a name.
            if at(i + 1) == '\\' {
                // Past the quote, the backslash and the escaped character (`'\''`, `'\u{a0}'`).
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                tokens.push(Token::Punct('\''));
                i += 1;
            }
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            // Raw and byte strings: r"…", r#"…"#, b"…", br#"…"# (but `r#unsafe` is a name).
            let raw = matches!(word.as_str(), "r" | "br" | "cr")
                && chars[i..].iter().find(|c| **c != '#') == Some(&'"');
            if raw {
                i = skip_raw_string(&chars, i);
            } else if matches!(word.as_str(), "b" | "c") && at(i) == '"' {
                i = skip_string(&chars, i);
            } else if !c.is_ascii_digit() {
                tokens.push(Token::Ident(word));
            }
        } else if c == ':' && at(i + 1) == ':' {
            tokens.push(Token::PathSep);
            i += 2;
        } else {
            if !c.is_whitespace() {
                tokens.push(Token::Punct(c));
            }
            i += 1;
        }
    }
    tokens
}

/// Past the string whose opening `"` is at `i`.
fn skip_string(chars: &[char], mut i: usize) -> usize {
    i += 1;
    while i < chars.len() && chars[i] != '"' {
        i += if chars[i] == '\\' { 2 } else { 1 };
    }
    i + 1
}

/// Past the raw string whose `#`s (or opening `"`) start at `i`.
fn skip_raw_string(chars: &[char], mut i: usize) -> usize {
    let hashes = chars[i..].iter().take_while(|c| **c == '#').count();
    i += hashes + 1;
    while i < chars.len() {
        if chars[i] == '"'
            && chars[i + 1..]
                .iter()
                .take(hashes)
                .filter(|c| **c == '#')
                .count()
                == hashes
        {
            return i + 1 + hashes;
        }
        i += 1;
    }
    i
}

/// `tokens` without `#[cfg(test)] mod name { … }` blocks.
pub fn without_unit_tests(tokens: Vec<Token>) -> Vec<Token> {
    let cfg_test: Vec<Token> = tokenize("#[cfg(test)]");
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let gated = tokens[i..].starts_with(&cfg_test);
        let after = i + cfg_test.len();
        let block =
            gated && is_ident(tokens.get(after), "mod") && is_punct(tokens.get(after + 2), '{');
        if !block {
            out.push(tokens[i].clone());
            i += 1;
            continue;
        }
        let mut depth = 0;
        i = after + 2;
        while i < tokens.len() {
            match tokens[i] {
                Token::Punct('{') => depth += 1,
                Token::Punct('}') => depth -= 1,
                _ => {}
            }
            i += 1;
            if depth == 0 {
                break;
            }
        }
    }
    out
}

/// Names of the macros a file exports (`#[macro_export] macro_rules! text`).
pub fn exported_macros(tokens: &[Token]) -> Vec<String> {
    let export = tokenize("#[macro_export] macro_rules!");
    (0..tokens.len())
        .filter(|&i| tokens[i..].starts_with(&export))
        .filter_map(|i| match tokens.get(i + export.len()) {
            Some(Token::Ident(name)) => Some(name.clone()),
            _ => None,
        })
        .collect()
}

/// Modules a file declares as its own files (`mod html;`, `pub mod normalize;`).
pub fn child_modules(tokens: &[Token]) -> BTreeSet<String> {
    (0..tokens.len())
        .filter(|&i| is_ident(tokens.get(i), "mod") && is_punct(tokens.get(i + 2), ';'))
        .filter_map(|i| match tokens.get(i + 1) {
            Some(Token::Ident(name)) => Some(name.clone()),
            _ => None,
        })
        .collect()
}

/// Every path a file writes, with `use` groups expanded: `use crate::{a, b::{c, d}}` is
/// `crate::a`, `crate::b::c` and `crate::b::d`. A path is taken where it starts (not after `::`)
/// and only when it goes on (`x::…`); `$crate` in a macro counts as `crate`.
pub fn paths(tokens: &[Token]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        let starts = i == 0 || tokens[i - 1] != Token::PathSep;
        let named = matches!(tokens[i], Token::Ident(_));
        if starts && named && tokens.get(i + 1) == Some(&Token::PathSep) {
            tree(tokens, i, vec![], &mut out);
        }
    }
    out
}

/// The paths of the use tree at `i`, each after `prefix`; returns where the tree ends.
fn tree(tokens: &[Token], mut i: usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let mut path = prefix;
    loop {
        match tokens.get(i) {
            Some(Token::Ident(name)) => {
                path.push(name.clone());
                i += 1;
                if tokens.get(i) != Some(&Token::PathSep) {
                    out.push(path);
                    return i;
                }
                i += 1;
            }
            Some(Token::Punct('{')) => {
                i += 1;
                while !is_punct(tokens.get(i), '}') && i < tokens.len() {
                    if is_punct(tokens.get(i), ',') {
                        i += 1;
                        continue;
                    }
                    let before = i;
                    i = tree(tokens, i, path.clone(), out);
                    // Anything else in a group (`as x`, `*`) is skipped.
                    while !matches!(tokens.get(i), Some(Token::Punct(',' | '}')) | None) {
                        i += 1;
                    }
                    if i == before {
                        i += 1;
                    }
                }
                return i + 1;
            }
            // `crate::*`, or a path ending in `::<T>`: what was named so far.
            _ => {
                out.push(path);
                return i;
            }
        }
    }
}

/// Whether the code names `ident` anywhere (a crate, a module, a type).
pub fn names(tokens: &[Token], ident: &str) -> bool {
    tokens
        .iter()
        .any(|t| matches!(t, Token::Ident(i) if i == ident))
}
