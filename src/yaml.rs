//! The one place that knows which YAML crate Civic uses (serde-saphyr: maintained, no `unsafe`,
//! rejects duplicate keys, budgets against alias bombs). Everything else calls [`parse`].

use crate::messages::Text;
use serde::de::DeserializeOwned;

/// A YAML or schema error at a position inside the YAML text (1-based).
#[derive(Debug, Clone)]
pub struct YamlError {
    pub message: Text,
    pub line: usize,
    pub column: usize,
    pub help: Option<Text>,
}

/// Nesting depth allowed when the caller names none (site.yaml; serde-saphyr's own default).
pub const DEFAULT_NESTING_DEPTH: usize = 64;

pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    parse_nested(text, DEFAULT_NESTING_DEPTH)
}

/// [`parse`], refusing lists and mappings nested deeper than `max_depth`.
pub fn parse_nested<T: DeserializeOwned>(text: &str, max_depth: usize) -> Result<T, YamlError> {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = max_depth;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    serde_saphyr::from_str_with_options::<T>(text, options).map_err(|e| {
        let (line, column) = e
            .location()
            .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
        let raw = e.without_snippet().to_string();
        let raw = match raw.rfind(" at line ") {
            Some(i) => raw[..i].to_string(),
            None => raw,
        };
        if let Some(found) = common_mistake(text, line) {
            return found;
        }
        if let Some((message, help)) = budget_breach(&raw, max_depth) {
            return YamlError {
                message,
                line,
                column,
                help: Some(help),
            };
        }
        let (message, help) = explain(&raw, text, line);
        YamlError {
            message,
            line,
            column,
            help,
        }
    })
}

/// The mistakes editors make most, found on the failing line or one before it, each explained
/// with the line as it should be: a tab, a full-width colon (`title：`), a colon inside an
/// unquoted value (`title: 通知: 明天停水`).
fn common_mistake(text: &str, error_line: usize) -> Option<YamlError> {
    for (i, line) in text.lines().enumerate().take(error_line.max(1)) {
        let found = |message: Text, fixed: String, column: usize| YamlError {
            message,
            line: i + 1,
            column,
            help: Some(crate::text!("yaml-write-like-this", line = fixed)),
        };
        if let Some(at) = line.find('\t') {
            return Some(found(
                crate::text!("yaml-tab"),
                line.replace('\t', "  "),
                line[..at].chars().count() + 1,
            ));
        }
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        let key_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(body.len());
        if key_len == 0 || body.starts_with('#') {
            continue;
        }
        let (key, rest) = body.split_at(key_len);
        if let Some(value) = rest.trim_start().strip_prefix('：') {
            return Some(found(
                crate::text!("yaml-full-width-colon", key = key),
                format!("{indent}{key}: {}", value.trim_start()),
                indent.chars().count() + key.chars().count() + 1,
            ));
        }
        if let Some(value) = rest.strip_prefix(": ").map(str::trim)
            && !value.starts_with(['"', '\'', '[', '{', '|', '>', '#'])
            && (value.contains(": ") || value.ends_with(':'))
        {
            let quoted = value.replace('\\', "\\\\").replace('"', "\\\"");
            return Some(found(
                crate::text!("yaml-colon-in-value", key = key),
                format!("{indent}{key}: \"{quoted}\""),
                indent.chars().count() + key.chars().count() + 3,
            ));
        }
    }
    None
}

/// The parser's budget protects against YAML that expands to far more than it says (alias
/// bombs) or nests without end; say so in the editor's words, not the parser's (its message
/// names internal counters: `budget breached: Nodes { nodes: 250001 }`).
fn budget_breach(raw: &str, max_depth: usize) -> Option<(Text, Text)> {
    let breach = raw.split_once("budget breached")?.1;
    Some(if breach.contains("Depth") {
        (
            crate::text!("yaml-too-deep", max_depth = max_depth),
            crate::text!("yaml-too-deep-help"),
        )
    } else {
        (
            crate::text!("yaml-alias-bomb"),
            crate::text!("yaml-alias-bomb-help"),
        )
    })
}

/// Help for a value that should be a whole number, naming the key of its line.
fn number_help(text: &str, line: usize, unsigned: bool) -> Text {
    let key = text
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.trim_start().trim_start_matches("- ").split_once(':'))
        .map(|(k, _)| k.trim().to_string())
        .filter(|k| !k.is_empty() && !k.contains(' '));
    match (key.as_deref(), unsigned) {
        (Some("year") | None, false) => crate::text!("yaml-number-help"),
        (Some("year") | None, true) => crate::text!("yaml-number-unsigned-help"),
        (Some(key), false) => crate::text!("yaml-key-number-help", key = key),
        (Some(key), true) => crate::text!("yaml-key-number-unsigned-help", key = key),
    }
}

/// Turn the deserializer's wording into something an editor can act on. `text` and `line` are
/// the YAML and the failing line, for help that names the key written there.
fn explain(raw: &str, text: &str, line: usize) -> (Text, Option<Text>) {
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let choices: Vec<&str> = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .split(", ")
            .map(|s| s.trim_matches('`'))
            .filter(|s| !s.is_empty())
            .collect();
        let help = match closest(key, &choices) {
            Some(best) => crate::text!("yaml-unknown-key-guess-help", guess = best),
            None => crate::text!("yaml-unknown-key-help", keys = choices.join(", ")),
        };
        return (crate::text!("yaml-unknown-key", key = key), Some(help));
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let key = rest.trim_end_matches('`');
        return (
            crate::text!("content-required-missing", key = key),
            Some(crate::text!("content-add-key-help", key = key)),
        );
    }
    if raw.starts_with("duplicate mapping key") {
        let key = raw
            .split(": ")
            .nth(1)
            .and_then(|s| s.split(',').next())
            .unwrap_or("");
        return (
            crate::text!("yaml-duplicate-key", key = key),
            Some(crate::text!("yaml-duplicate-key-help")),
        );
    }
    // Type mismatches: say what the value should be, in the editor's words.
    if raw.contains("expected sequence") {
        return (
            crate::text!("yaml-expected-list"),
            Some(crate::text!("yaml-expected-list-help")),
        );
    }
    if raw.contains("invalid u") || raw.contains("invalid i") {
        return (
            crate::text!("yaml-expected-number"),
            Some(number_help(text, line, raw.contains("invalid u"))),
        );
    }
    if raw.contains("expected string") {
        return (
            crate::text!("yaml-expected-text"),
            Some(crate::text!("yaml-expected-text-help")),
        );
    }
    if raw.contains("invalid bool") || raw.contains("boolean") {
        return (
            crate::text!("yaml-expected-bool"),
            Some(crate::text!("yaml-expected-bool-help")),
        );
    }
    if raw.contains("expected mapping") {
        return (
            crate::text!("yaml-expected-mapping"),
            Some(crate::text!("yaml-expected-mapping-help")),
        );
    }
    // Anything else is a syntax error in the parser's words; say so.
    (
        crate::text!("yaml-syntax", detail = raw),
        Some(crate::text!("yaml-syntax-help")),
    )
}

/// The allowed key closest to what was typed, if it is close enough to be a typo.
pub fn closest<'a>(typed: &str, choices: &[&'a str]) -> Option<&'a str> {
    choices
        .iter()
        .map(|c| (strsim::damerau_levenshtein(typed, c), *c))
        // Characters, not bytes: a 4-character Chinese key is 12 bytes, and any 4 characters
        // would be "close" to it by a byte count.
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min()
        .map(|(_, c)| c)
}

/// The configured key `typed` was meant to be: one that reads the same character by character
/// (a traditional form such as 助人为樂 for 助人为乐, or a homophone picked from the input
/// method), or the only one with the same characters in another order or that holds (or is held
/// by) what was typed (餐桌文明, 文明餐桌行动 for 文明餐桌). Chinese keys are never guessed by
/// spelling distance: 文明过节 shares half its characters with 文明餐桌 and means something else.
/// ASCII keys are guessed by spelling.
pub fn closest_key<'a>(typed: &str, choices: &[&'a str]) -> Option<&'a str> {
    if let Some(found) = choices.iter().find(|c| reads_alike(typed, c)) {
        return Some(found);
    }
    if typed.is_ascii() {
        return closest(typed, choices);
    }
    let mut same = choices.iter().filter(|c| same_characters(typed, c));
    match (same.next(), same.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// Whether `typed` reads as `key` character by character (same or homophone characters).
fn reads_alike(typed: &str, key: &str) -> bool {
    use pinyin::ToPinyinMulti;
    let readings = |c: char| -> Vec<&'static str> {
        c.to_pinyin_multi()
            .map(|m| m.into_iter().map(|p| p.plain()).collect())
            .unwrap_or_default()
    };
    let sounds_alike = |a: char, b: char| {
        a == b || {
            let theirs = readings(b);
            readings(a).iter().any(|r| theirs.contains(r))
        }
    };
    typed.chars().count() == key.chars().count()
        && !typed.is_ascii()
        && key
            .chars()
            .zip(typed.chars())
            .all(|(a, b)| sounds_alike(a, b))
}

/// The same characters in another order, or one holding the whole of the other (of at least
/// two characters).
fn same_characters(typed: &str, key: &str) -> bool {
    let sorted = |s: &str| {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v
    };
    let shorter = typed.chars().count().min(key.chars().count());
    sorted(typed) == sorted(key) || (shorter >= 2 && (typed.contains(key) || key.contains(typed)))
}

/// 1-based line of the first `key:` in `text` (top-level or nested), for errors found after
/// parsing. Good enough for front matter and site.yaml, where keys are one per line.
pub fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let t = line.trim_start().trim_start_matches("- ").trim_start();
            t.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_keys_fold_traditional_forms_and_homophones() {
        let keys = ["助人为乐", "见义勇为", "孝老爱亲"];
        assert_eq!(closest_key("助人为樂", &keys), Some("助人为乐"));
        assert_eq!(closest_key("見義勇為", &keys), Some("见义勇为"));
        assert_eq!(closest_key("文明过节", &keys), None);
        assert_eq!(closest_key("孝老愛親", &keys), Some("孝老爱亲"));
        let themes = ["核心价值观", "市民公约", "文明餐桌", "榜样力量"];
        assert_eq!(closest_key("文明过节", &themes), None);
        assert_eq!(closest_key("文明交通", &themes), None);
        assert_eq!(closest_key("餐桌文明", &themes), Some("文明餐桌"));
        assert_eq!(closest_key("文明餐桌行动", &themes), Some("文明餐桌"));
        assert_eq!(
            closest_key("社会主义核心价值观", &themes),
            Some("核心价值观")
        );
        assert_eq!(closest_key("文明", &["文明餐桌", "文明交通"]), None);
        assert_eq!(
            closest_key("core-valeus", &["core-values"]),
            Some("core-values")
        );
    }

    fn mistake(text: &str) -> YamlError {
        parse::<std::collections::BTreeMap<String, String>>(text).expect_err("invalid YAML")
    }

    #[test]
    fn common_mistakes_show_the_corrected_line() {
        let e = mistake("title: 通知: 明天停水\ndate: 2026-11-01\n");
        assert_eq!(e.line, 1);
        assert!(e.message.to_string().contains("colon"), "{}", e.message);
        assert_eq!(
            e.help.map(|h| h.to_string()).as_deref(),
            Some("write the line like this:  title: \"通知: 明天停水\"")
        );
        let e = mistake("title：通知\ndate: 2026-11-01\n");
        assert_eq!(e.line, 1);
        assert!(
            e.message.to_string().contains("full-width colon"),
            "{}",
            e.message
        );
        assert_eq!(
            e.help.map(|h| h.to_string()).as_deref(),
            Some("write the line like this:  title: 通知")
        );
        let e = mistake("title: 通知\nextra:\n\tkey: 1\n");
        assert_eq!((e.line, e.column), (3, 1));
        assert!(e.message.to_string().contains("tab"), "{}", e.message);
        assert_eq!(
            e.help.map(|h| h.to_string()).as_deref(),
            Some("write the line like this:    key: 1")
        );
        assert!(
            mistake("title: 通知\nextra:\n\tkey: 1\n")
                .message
                .in_lang(crate::messages::Lang::Zh)
                .contains("制表符"),
            "the same mistake is explained in Chinese"
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: String,
        #[serde(default)]
        tags: Vec<String>,
    }

    #[test]
    fn unknown_key_suggests_the_near_one() {
        let err = parse::<Sample>("title: a\ntitel: b\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(err.message.to_string(), "unknown key `titel`");
        assert!(
            err.help
                .unwrap()
                .to_string()
                .contains("did you mean `title`")
        );
    }

    #[test]
    fn duplicate_keys_are_rejected() {
        let err = parse::<Sample>("title: a\ntitle: b\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(
            err.message.to_string().contains("appears twice"),
            "{}",
            err.message
        );
    }

    #[test]
    fn wrong_type_is_located() {
        let err = parse::<Sample>("title: a\ntags: x\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 7));
        assert!(err.help.unwrap().to_string().contains("list"));
    }
}
