//! The one place that knows which YAML crate Civic uses (serde-saphyr: maintained, no `unsafe`,
//! rejects duplicate keys, budgets against alias bombs). Everything else calls [`parse`].

use serde::de::DeserializeOwned;

/// A YAML or schema error at a position inside the YAML text (1-based).
#[derive(Debug, Clone)]
pub struct YamlError {
    pub message: String,
    pub line: usize,
    pub column: usize,
    pub help: Option<String>,
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
        let (message, mut help) = explain(&raw);
        if raw.contains("invalid u") || raw.contains("invalid i") {
            help = Some(number_help(text, line, raw.contains("invalid u")));
        }
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
        let found = |message: String, fixed: String, column: usize| YamlError {
            message,
            line: i + 1,
            column,
            help: Some(format!("write the line like this:  {fixed}")),
        };
        if let Some(at) = line.find('\t') {
            return Some(found(
                "this line has a tab character; YAML lines are indented with spaces only".into(),
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
                format!(
                    "`{key}` is followed by a full-width colon `：`; YAML needs the ASCII colon `:` and a space"
                ),
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
                format!("the text of `{key}` contains a colon `:`, which YAML reads as a new key"),
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
fn budget_breach(raw: &str, max_depth: usize) -> Option<(String, String)> {
    let breach = raw.split_once("budget breached")?.1;
    let alias_help = "write the values out instead of using `&` anchors and `*` aliases";
    Some(if breach.contains("Depth") {
        (
            format!("lists and mappings here are nested more than {max_depth} levels deep"),
            "write the values with less nesting; if a page really needs more, raise \
             `limits: { nesting_depth: … }` in site.yaml"
                .to_string(),
        )
    } else {
        (
            "the YAML expands to far more values than it is long (anchors `&name` reused \
             through aliases `*name`)"
                .to_string(),
            alias_help.to_string(),
        )
    })
}

/// Help for a value that should be a whole number, naming the key of its line.
fn number_help(text: &str, line: usize, unsigned: bool) -> String {
    let key = text
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.trim_start().trim_start_matches("- ").split_once(':'))
        .map(|(k, _)| k.trim().to_string())
        .filter(|k| !k.is_empty() && !k.contains(' '));
    let range = if unsigned { ", 0 or more" } else { "" };
    match key.as_deref() {
        Some("year") | None => format!("this key takes a whole number{range}, e.g. `year: 2025`"),
        Some(key) => format!("`{key}` takes a whole number{range}, e.g. `{key}: 14`"),
    }
}

/// Turn the deserializer's wording into something an editor can act on.
fn explain(raw: &str) -> (String, Option<String>) {
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
            Some(best) => format!(
                "did you mean `{best}`? Put your own data under `extra:` instead of a new key."
            ),
            None => format!(
                "allowed keys here: {}. Put your own data under `extra:`.",
                choices.join(", ")
            ),
        };
        return (format!("unknown key `{key}`"), Some(help));
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let key = rest.trim_end_matches('`');
        return (
            format!("required key `{key}` is missing"),
            Some(format!("add a line `{key}: …` to the front matter")),
        );
    }
    if raw.starts_with("duplicate mapping key") {
        let key = raw
            .split(": ")
            .nth(1)
            .and_then(|s| s.split(',').next())
            .unwrap_or("");
        return (
            format!("the key `{key}` appears twice"),
            Some("keep one of the two lines".to_string()),
        );
    }
    // Type mismatches: say what the value should be, in the editor's words.
    let kinds = [
        (
            raw.contains("expected sequence"),
            "the value here should be a list",
            "this key takes a list, e.g. `tags: [志愿服务, 社区]`",
        ),
        (
            raw.contains("invalid u") || raw.contains("invalid i"),
            "the value here should be a whole number",
            "this key takes a whole number, e.g. `year: 2025`",
        ),
        (
            raw.contains("expected string"),
            "the value here should be text",
            "put quotes around the text if it contains `:`, `[` or `{`, e.g. `title: \"[通知] 志愿服务\"`",
        ),
        (
            raw.contains("invalid bool") || raw.contains("boolean"),
            "the value here should be `true` or `false`",
            "this key takes `true` or `false`",
        ),
        (
            raw.contains("expected mapping"),
            "the value here should be `key: value` pairs",
            "this key takes `key: value` pairs, one per line, indented under it",
        ),
    ];
    if let Some((_, message, help)) = kinds.iter().find(|(matched, _, _)| *matched) {
        return (message.to_string(), Some(help.to_string()));
    }
    // Anything else is a syntax error in the parser's words; say so.
    (
        format!("YAML syntax: {raw}"),
        Some("check this line and the one before: indentation, colons and quotes".to_string()),
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
/// method), else the closest by spelling.
pub fn closest_key<'a>(typed: &str, choices: &[&'a str]) -> Option<&'a str> {
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
    let typed_chars: Vec<char> = typed.chars().collect();
    choices
        .iter()
        .find(|c| {
            let chars: Vec<char> = c.chars().collect();
            chars.len() == typed_chars.len()
                && !typed_chars.iter().all(char::is_ascii)
                && chars
                    .iter()
                    .zip(&typed_chars)
                    .all(|(a, b)| sounds_alike(*a, *b))
        })
        .copied()
        .or_else(|| closest(typed, choices))
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
    }

    fn mistake(text: &str) -> YamlError {
        parse::<std::collections::BTreeMap<String, String>>(text).expect_err("invalid YAML")
    }

    #[test]
    fn common_mistakes_show_the_corrected_line() {
        let e = mistake("title: 通知: 明天停水\ndate: 2026-11-01\n");
        assert_eq!(e.line, 1);
        assert!(e.message.contains("colon"), "{}", e.message);
        assert_eq!(
            e.help.as_deref(),
            Some("write the line like this:  title: \"通知: 明天停水\"")
        );
        let e = mistake("title：通知\ndate: 2026-11-01\n");
        assert_eq!(e.line, 1);
        assert!(e.message.contains("full-width colon"), "{}", e.message);
        assert_eq!(
            e.help.as_deref(),
            Some("write the line like this:  title: 通知")
        );
        let e = mistake("title: 通知\nextra:\n\tkey: 1\n");
        assert_eq!((e.line, e.column), (3, 1));
        assert!(e.message.contains("tab"), "{}", e.message);
        assert_eq!(
            e.help.as_deref(),
            Some("write the line like this:    key: 1")
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
        assert_eq!(err.message, "unknown key `titel`");
        assert!(err.help.unwrap().contains("did you mean `title`"));
    }

    #[test]
    fn duplicate_keys_are_rejected() {
        let err = parse::<Sample>("title: a\ntitle: b\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("appears twice"), "{}", err.message);
    }

    #[test]
    fn wrong_type_is_located() {
        let err = parse::<Sample>("title: a\ntags: x\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 7));
        assert!(err.help.unwrap().contains("list"));
    }
}
