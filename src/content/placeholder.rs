//! The placeholder text `civic new` writes into a page's skeleton, and the check that none of it
//! is published: a page that still has any is an error in `build` and `check` unless it is a
//! draft. One list, used by both sides, so the two cannot drift apart.
//!
//! Placeholders an editor types (`在这里写联系电话。`, `电话：待补充`, `TODO`, `XXX`,
//! `[placeholder]`) are caught by their shape rather than their words, and are warnings: an
//! instruction at the start of a clause, a "still to add" word standing alone, a marker word.
//! The shapes are narrow so that honest text does not trip them: `有待完善` is a sentence, the
//! `×××` of a law's form template is not an editor's placeholder (tested on 708 real laws).

use super::Source;
use crate::error::Problem;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use regex::Regex;
use std::sync::LazyLock;

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

/// Where a clause starts: the line's start, or after a colon, an opening bracket or quote, a
/// space or Markdown's own marks (`- `, `> `, `**`).
const CLAUSE: &str = r#"(?:^|[:：（(【\[「『“"‘'\s*_>#|-])"#;
/// Where a word standing alone ends.
const CLAUSE_END: &str = r#"(?:$|[。，；！？.,;!?）)】\]」』”"’'\s*_|])"#;

/// A word every placeholder shape needs: text with none of them is not looked at again (the
/// shapes' Unicode word boundaries are slow, and most lines of a site have no such word).
static NEEDS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build([
            "这里",
            "此处",
            "在此",
            "待补",
            "待填",
            "待完",
            "待添",
            "待录",
            "待编",
            "占位",
            "todo",
            "fixme",
            "xxx",
            "ＸＸＸ",
            "lorem",
            "placeholder",
            "tbd",
            "insert",
            "here",
        ])
        .ok()
});

/// The 0-based numbers of the lines of `text` that have a word some shape needs, in order:
/// one pass over the whole text instead of a look at every line.
fn lines_with_needs(text: &str) -> Vec<usize> {
    let Some(needs) = NEEDS.as_ref() else {
        return (0..text.lines().count()).collect();
    };
    let mut lines = Vec::new();
    let (mut counted_to, mut line) = (0, 0);
    for m in needs.find_iter(text) {
        line += text[counted_to..m.start()]
            .bytes()
            .filter(|&b| b == b'\n')
            .count();
        counted_to = m.start();
        if lines.last() != Some(&line) {
            lines.push(line);
        }
    }
    lines
}

/// The placeholder shapes, each with the part to quote in group 1.
static SHAPES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // An instruction to the writer at the start of a clause: 在这里写联系电话。此处填写地址
        format!(
            "{CLAUSE}((?:请)?(?:在这里|在此处|在此|此处)(?:写|填写|填入|输入|补充|添加|插入|上传|粘贴|放)[^。.；;]*)"
        ),
        format!("{CLAUSE}((?:请)?这里(?:填写|填入|输入|插入|粘贴)[^。.；;]*)"),
        // "Still to add", standing alone: 电话：待补充 · 【待填写】
        format!("{CLAUSE}(待(?:补充|填写|完善|添加|录入|编辑)|占位(?:文字|符|内容|图片?))(?:{CLAUSE_END})"),
        // Marker words: TODO, FIXME, XXX, Lorem ipsum, [placeholder]
        // Not inside a host, path or name (`minghu-gov.cn.xxx.com`, `xxx_id`): a sentence's full
        // stop may follow.
        r"(?:^|[^A-Za-z0-9.\-_/@])(TODO|FIXME|X{3,}|x{3,}|Ｘ{3,})(?:$|[^A-Za-z0-9.\-_/@]|\.(?:$|[^A-Za-z0-9]))"
            .to_string(),
        r"(?i)(?-u:\b)(lorem ipsum)(?-u:\b)".to_string(),
        r"(?i)([\[<{【](?:placeholder|todo|tbd|insert [^\]>}】]*|待补充|待填写)[\]>}】])".to_string(),
        // An instruction in English filling the line: Write the phone number here. (ASCII word
        // boundaries: a Unicode one makes the regex engine fall back to its slow paths.)
        r"(?i)^\s*(?:[-*>]\s*)*((?:please\s+)?(?:write|insert|enter|add|put|type)(?-u:\b).{0,60}(?-u:\b)here)(?-u:\b)[.!:]?\s*$"
            .to_string(),
    ]
    .iter()
    .filter_map(|r| Regex::new(r).ok())
    .collect()
});

/// One warning per line of `source` that looks like placeholder text an editor typed. Skipped:
/// YAML comments, fenced code, inline code and HTML comments (none of which is read as text),
/// and lines with `civic new`'s own placeholders (those are [`problems`]).
pub fn suspects(source: &Source) -> Vec<Problem> {
    let mut found = Vec::new();
    let candidates = lines_with_needs(&source.text);
    if candidates.is_empty() {
        return found;
    }
    let mut fence: Option<&str> = None;
    let yaml_lines = source.yaml().lines().count();
    for (i, line) in source.text.lines().enumerate() {
        let number = i + 1;
        // Every line is seen, for the fences; only a line with a needed word is looked into.
        let candidate = candidates.binary_search(&i).is_ok();
        let in_yaml = number >= source.yaml_line && number < source.yaml_line + yaml_lines;
        let trimmed = line.trim_start();
        let in_code =
            number >= source.body_line && (toggles_fence(trimmed, &mut fence) || fence.is_some());
        if in_code || !candidate {
            continue;
        }
        if (in_yaml && trimmed.starts_with('#')) || ALL.iter().any(|p| line.contains(p)) {
            continue;
        }
        if let Some((column, text)) = suspect_in(&blank_code(line)) {
            found.push(
                source
                    .problem(
                        "placeholder-text",
                        crate::text!("content-placeholder-suspect", text = text),
                    )
                    .at(number, column)
                    .help(crate::text!("content-placeholder-suspect-help")),
            );
        }
    }
    for p in &mut found {
        p.severity = crate::error::Severity::Warning;
    }
    found
}

/// Whether `line` opens or closes a fenced code block (and which fence is open).
fn toggles_fence<'a>(line: &'a str, fence: &mut Option<&'a str>) -> bool {
    let marker = ["```", "~~~"].into_iter().find(|m| line.starts_with(m));
    match (marker, *fence) {
        (Some(m), None) => {
            *fence = Some(m);
            true
        }
        (Some(m), Some(open)) if m == open => {
            *fence = None;
            true
        }
        _ => false,
    }
}

/// The first placeholder shape in `line`: its 1-based column (in characters) and its text.
fn suspect_in(line: &str) -> Option<(usize, String)> {
    SHAPES
        .iter()
        .filter_map(|re| re.captures(line).and_then(|c| c.get(1)))
        .min_by_key(|m| m.start())
        .map(|m| {
            let column = line[..m.start()].chars().count() + 1;
            let text: String = m.as_str().trim().chars().take(40).collect();
            (column, text)
        })
}

/// `line` with inline code and HTML comments blanked out character by character, so columns
/// stay where they were.
fn blank_code(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let (mut in_code, mut in_comment) = (false, false);
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if !in_code && rest.starts_with("<!--") {
            in_comment = true;
        }
        if in_comment && rest.starts_with("-->") {
            in_comment = false;
            out.push_str("   ");
            rest = &rest[3..];
            continue;
        }
        if c == '`' && !in_comment {
            in_code = !in_code;
        }
        out.push(if in_code || in_comment || c == '`' {
            ' '
        } else {
            c
        });
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::suspect_in;

    #[test]
    fn typed_placeholders_are_caught_by_their_shape() {
        for line in [
            "在这里写联系电话。",
            "联系电话：待补充",
            "地址：【此处填写详细地址】",
            "- 负责人：XXX",
            "负责人：XXX.",
            "TODO: 补上活动照片",
            "Contact: [placeholder]",
            "Write the opening hours here.",
            "Lorem ipsum dolor sit amet.",
            "phone: 请在此处输入电话",
            "**待填写**",
        ] {
            assert!(suspect_in(line).is_some(), "missed: {line}");
        }
    }

    #[test]
    fn honest_sentences_are_not_placeholders() {
        for line in [
            "孩子们在这里写下了新年愿望。",
            "相关制度还有待完善。",
            "×××人民法院",
            "冻结期限自××××年××月××日起",
            "服装尺码 XXXL 已售完。",
            "类似“minghu-gov.cn.xxx.com”的网址都是假冒网站。",
            "Click here to read the plan.",
            "We will add more events here in spring, as the square reopens after the works are done and the council approves the plan.",
            "志愿者在此处集合。",
            "王某某被判处有期徒刑。",
        ] {
            assert_eq!(suspect_in(line), None, "flagged: {line}");
        }
    }
}
