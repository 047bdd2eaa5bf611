//! The placeholder text `civic new` writes into a page's skeleton, and the check that none of it
//! is published: a page that still has any is an error in `build` and `check` unless it is a
//! draft. One list, used by both sides, so the two cannot drift apart.

use super::Source;
use crate::error::Problem;

/// Body of a new Chinese page, by kind.
pub const ROLE_MODEL_BODY: &str = "在这里写人物事迹。";
pub const HANDBOOK_BODY: &str = "在这里写本章内容。";
pub const PSA_BODY: &str = "在这里写海报或视频的完整文字稿。";
pub const NEWS_BODY: &str = "在这里写新闻正文。";
pub const PAGE_BODY: &str = "在这里写正文。";
/// Body of a new English twin.
pub const TRANSLATE_BODY: &str = "TODO: translate the Chinese page.";
/// A front-matter value of a new English twin still to be translated.
pub const TRANSLATE_VALUE: &str = "TODO: translate";
/// The title of an English twin made with `civic new --lang both`.
pub const ENGLISH_TITLE: &str = "TODO: English title";

const ALL: &[&str] = &[
    ROLE_MODEL_BODY,
    HANDBOOK_BODY,
    PSA_BODY,
    NEWS_BODY,
    PAGE_BODY,
    TRANSLATE_BODY,
    TRANSLATE_VALUE,
    ENGLISH_TITLE,
];

/// One error per line of `source` that still holds placeholder text. YAML comment lines are
/// skipped: the skeleton's hints live there and are never published.
pub fn problems(source: &Source) -> Vec<Problem> {
    let yaml_lines = source.yaml().lines().count();
    let mut found = Vec::new();
    for (i, line) in source.text.lines().enumerate() {
        let number = i + 1;
        let in_yaml = number >= source.yaml_line && number < source.yaml_line + yaml_lines;
        if in_yaml && line.trim_start().starts_with('#') {
            continue;
        }
        let Some(placeholder) = ALL.iter().find(|p| line.contains(**p)) else {
            continue;
        };
        let column = line
            .find(placeholder)
            .map_or(1, |at| line[..at].chars().count() + 1);
        found.push(
            source
                .problem(
                    "placeholder",
                    crate::text!("content-placeholder", placeholder = *placeholder),
                )
                .at(number, column)
                .help(crate::text!("content-placeholder-help")),
        );
    }
    found
}
