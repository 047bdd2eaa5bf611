//! Spam vocabulary: rule files (data, not code) compiled into one `RegexSet` so an honest page
//! costs a single pass, and matched against [`Normalized`] text.
//!
//! Rule file format (`src/guard/rules/*.txt`, and a site's `extra_rules` file):
//! ```text
//! # comment
//! define antivice = 打击|远离|拒绝        # makes {antivice} usable below
//! 博彩                                    # a pattern (regex, matched on normalized text)
//! 百家乐  unless  {antivice}              # skipped when the context (±12 chars) matches
//! ```

use super::GuardError;
use super::normalize::{Gap, Normalized};
use crate::messages::Text;
use crate::text;
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use std::collections::HashMap;

/// Built-in rule files, in load order (`common` holds shared definitions).
const BUILTIN: &[(&str, &str)] = &[
    ("common", include_str!("rules/common.txt")),
    ("gambling", include_str!("rules/gambling.txt")),
    ("lottery", include_str!("rules/lottery.txt")),
    ("porn", include_str!("rules/porn.txt")),
    ("app-lure", include_str!("rules/app-lure.txt")),
    ("brands", include_str!("rules/brands.txt")),
];

/// How many normalized characters either side of a match an `unless` clause may look at.
const CONTEXT_CHARS: usize = 12;

#[derive(Debug)]
pub struct VocabRule {
    pub family: String,
    /// `rules/gambling.txt:12` style location, shown in findings so maintainers can find it.
    pub origin: String,
    pub pattern: String,
    re: Regex,
    unless: Option<Regex>,
}

#[derive(Debug)]
pub struct Vocabulary {
    rules: Vec<VocabRule>,
    set: RegexSet,
    allow: Vec<String>,
}

/// A match in normalized text: byte range in `Normalized::text` and the rule index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub rule: usize,
}

impl Vocabulary {
    /// The built-in rules plus an optional site file `(display name, text)`.
    pub fn load(extra: Option<(&str, &str)>, allow_words: &[String]) -> Result<Self, GuardError> {
        let mut defs = HashMap::new();
        let mut rules = Vec::new();
        for (family, text) in BUILTIN {
            let file = format!("rules/{family}.txt");
            parse_file(family, &file, text, &mut defs, &mut rules)?;
        }
        if let Some((name, text)) = extra {
            parse_file("site", name, text, &mut defs, &mut rules)?;
        }
        let set = RegexSetBuilder::new(rules.iter().map(|r| r.re.as_str()))
            .size_limit(64 << 20)
            .build()
            .map_err(|e| {
                GuardError::Config(text!("guard-rules-do-not-compile", reason = e.to_string()))
            })?;
        let allow = allow_words
            .iter()
            .map(|w| super::normalize::normalized_text(w))
            .filter(|w| !w.is_empty())
            .collect();
        Ok(Vocabulary { rules, set, allow })
    }

    pub fn rule(&self, i: usize) -> Option<&VocabRule> {
        self.rules.get(i)
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Spans of `text` covered by the site's allowed words.
    pub fn allowed_spans(&self, text: &str) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        for w in &self.allow {
            spans.extend(
                text.match_indices(w.as_str())
                    .map(|(i, m)| (i, i + m.len())),
            );
        }
        spans
    }

    /// All accepted, non-overlapping matches, in text order.
    pub fn scan(&self, n: &Normalized) -> Vec<Hit> {
        let mut hits = Vec::new();
        if n.is_empty() {
            return hits;
        }
        let allowed = self.allowed_spans(&n.text);
        for idx in self.set.matches(&n.text).iter() {
            let rule = &self.rules[idx];
            for m in rule.re.find_iter(&n.text) {
                let (s, e) = (m.start(), m.end());
                if s == e || !plausible(n, s, e) || overlaps(&allowed, s, e) {
                    continue;
                }
                if rule
                    .unless
                    .as_ref()
                    .is_some_and(|u| u.is_match(context(&n.text, s, e)))
                {
                    continue;
                }
                hits.push(Hit {
                    start: s,
                    end: e,
                    rule: idx,
                });
            }
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut kept: Vec<Hit> = Vec::new();
        for h in hits {
            if kept.last().is_none_or(|k| h.start >= k.end) {
                kept.push(h);
            }
        }
        kept
    }
}

pub fn overlaps(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    spans.iter().any(|&(a, b)| a < e && s < b)
}

/// Reject matches that are artefacts of compacting: a match spanning sentence punctuation is
/// accepted only when every character is separated (the `注，册，送` trick), and a Latin match
/// must start and end at word boundaries (`alphabet 2025` is not `bet2025`).
pub fn plausible(n: &Normalized, s: usize, e: usize) -> bool {
    let gaps = n.inner_gaps(s, e);
    if gaps.contains(&Gap::Sentence) && (gaps.len() < 2 || gaps.contains(&Gap::None)) {
        return false;
    }
    let text = &n.text;
    let first = text[s..].chars().next();
    let before = text[..s].chars().next_back();
    if first.is_some_and(|c| c.is_ascii_alphanumeric())
        && before.is_some_and(|c| c.is_ascii_alphanumeric())
        && n.gap_at(s) == Gap::None
    {
        return false;
    }
    let last = text[..e].chars().next_back();
    let after = text[e..].chars().next();
    !(last.is_some_and(|c| c.is_ascii_alphanumeric())
        && after.is_some_and(|c| c.is_ascii_alphanumeric())
        && n.gap_at(e) == Gap::None)
}

/// Up to [`CONTEXT_CHARS`] characters either side of `s..e`.
fn context(text: &str, s: usize, e: usize) -> &str {
    let from = text[..s]
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let to = text[e..]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| e + i);
    &text[from..to]
}

fn parse_file(
    family: &str,
    file: &str,
    text: &str,
    defs: &mut HashMap<String, String>,
    rules: &mut Vec<VocabRule>,
) -> Result<(), GuardError> {
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let err = |message: Text| GuardError::RuleFile {
            file: file.to_string(),
            line: i + 1,
            message,
        };
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(def) = line.strip_prefix("define ") {
            let (name, value) = def
                .split_once('=')
                .ok_or_else(|| err(text!("guard-rule-expected-define")))?;
            let value = expand(value.trim(), defs).map_err(err)?;
            defs.insert(name.trim().to_string(), value);
            continue;
        }
        let rule = parse_rule(family, file, i + 1, line, defs).map_err(err)?;
        rules.push(rule);
    }
    Ok(())
}

fn parse_rule(
    family: &str,
    file: &str,
    line_no: usize,
    line: &str,
    defs: &HashMap<String, String>,
) -> Result<VocabRule, Text> {
    let mut parts = line.splitn(2, " unless ");
    let pattern = parts.next().unwrap_or("").trim();
    let unless = parts.next().map(str::trim);
    if pattern.chars().any(char::is_whitespace) {
        return Err(text!("guard-rule-has-spaces", pattern = pattern));
    }
    let expanded = expand(pattern, defs)?;
    let re = compile(&expanded)?;
    if re.is_match("") {
        return Err(text!("guard-rule-matches-empty", pattern = pattern));
    }
    let unless = match unless {
        Some(u) => Some(compile(&expand(u, defs)?)?),
        None => None,
    };
    Ok(VocabRule {
        family: family.to_string(),
        origin: format!("{file}:{line_no}"),
        pattern: pattern.to_string(),
        re,
        unless,
    })
}

fn compile(pattern: &str) -> Result<Regex, Text> {
    // Normalized text is simplified and lowercase; fold the pattern the same way so a site
    // may write 賭場 or CASINO in its own rule file.
    let folded: String = pattern
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else {
                super::t2s::simplify(c)
            }
        })
        .collect();
    RegexBuilder::new(&folded)
        .case_insensitive(true)
        .size_limit(4 << 20)
        .build()
        .map_err(|e| {
            text!(
                "guard-rule-invalid-pattern",
                pattern = pattern,
                reason = e.to_string()
            )
        })
}

/// Replace `{name}` with the definition's alternation, wrapped in a group.
fn expand(pattern: &str, defs: &HashMap<String, String>) -> Result<String, Text> {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let name = close.map(|c| &after[..c]);
        match name {
            Some(n) if n.chars().all(|c| c.is_ascii_alphabetic() || c == '_') && !n.is_empty() => {
                let def = defs
                    .get(n)
                    .ok_or_else(|| text!("guard-rule-unknown-definition", name = n))?;
                out.push_str("(?:");
                out.push_str(def);
                out.push(')');
                rest = &after[n.len() + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guard::normalize::normalize;
    use std::sync::OnceLock;

    fn hits(text: &str) -> Vec<String> {
        // Compiling the rule set takes a moment in debug builds: do it once.
        static V: OnceLock<Vocabulary> = OnceLock::new();
        let v = V.get_or_init(|| {
            Vocabulary::load(None, &["明湖发布".to_string()]).expect("builtin rules load")
        });
        let n = normalize(text);
        v.scan(&n)
            .iter()
            .map(|h| n.text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn builtin_rules_compile() {
        let v = Vocabulary::load(None, &[]).expect("builtin rules load");
        assert!(v.len() > 50);
    }

    #[test]
    fn catches_disguised_spam() {
        assert_eq!(hits("澳门博 彩"), ["博彩"]);
        assert_eq!(hits("注&#20876;即送88元"), ["注册即送"]);
        assert_eq!(hits("注，册，送"), ["注册送"]);
        assert!(!hits("Visit our ONLINE  CASINO today").is_empty());
    }

    #[test]
    fn passes_near_misses() {
        for honest in [
            "全民健身运动会和体育比赛",
            "本项目由福利彩票公益金资助",
            "下载《市民文明手册》",
            "欢迎注册志愿者，志愿者注册后可参加活动",
            "不要赌气，保护绿色家园，打造特色街区",
            "扫码下载明湖发布APP领取电子市民卡",
            "完成注册，送上祝福",
            "The alphabet 2025 edition",
            "坚决打击赌博和色情违法犯罪",
            "各区特色情况汇总",
        ] {
            assert_eq!(hits(honest), Vec::<String>::new(), "{honest}");
        }
    }

    #[test]
    fn rule_file_errors_name_the_line() {
        let bad = "# ok\n博彩\n(unclosed\n";
        let e = Vocabulary::load(Some(("site-rules.txt", bad)), &[]).unwrap_err();
        assert!(e.to_string().contains("site-rules.txt:3"), "{e}");
        let e = Vocabulary::load(Some(("x.txt", "a {nope}")), &[]).unwrap_err();
        assert!(e.to_string().contains("x.txt:1"), "{e}");
    }
}
