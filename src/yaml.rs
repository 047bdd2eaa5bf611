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

pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_saphyr::from_str::<T>(text).map_err(|e| {
        let (line, column) = e
            .location()
            .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
        let raw = e.without_snippet().to_string();
        let raw = match raw.rfind(" at line ") {
            Some(i) => raw[..i].to_string(),
            None => raw,
        };
        let (message, help) = explain(&raw);
        YamlError {
            message,
            line,
            column,
            help,
        }
    })
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
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min()
        .map(|(_, c)| c)
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
