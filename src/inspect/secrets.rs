//! Secret markings (涉密信息不上网): 秘密, 机密, 绝密 and 内部资料 where a document carries its
//! marking — at the start of a line or a title, alone or followed by ★, a period (机密★1年),
//! a bracket or "注意保存" — or in brackets anywhere (【内部资料】). The same words in a
//! sentence (保守国家秘密, 秘密是…) are prose, not markings.

use crate::content::Source;
use crate::error::Problem;

const MARKINGS: [&str; 4] = ["内部资料", "绝密", "机密", "秘密"];

/// The marking on `line`, if the line carries one.
pub fn marking(line: &str) -> Option<&'static str> {
    // Every marking has 密 or is 内部资料: most lines are done here.
    if !line.contains('密') && !line.contains("内部资料") {
        return None;
    }
    let value = match line.split_once(':') {
        // A front-matter value (`title: 机密★…`) is read without its key.
        Some((key, v))
            if key
                .trim()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
        {
            v
        }
        _ => line,
    };
    let head =
        value.trim_start_matches(|c: char| c.is_whitespace() || "#>*_-\"'【[（(".contains(c));
    for m in MARKINGS {
        if let Some(rest) = head.strip_prefix(m) {
            let next = rest.chars().next();
            let marks = next.is_none_or(|c| c.is_whitespace() || "★☆▲*】]）)\"'".contains(c));
            let notice = m == "内部资料"
                && ["注意保存", "注意保密", "请勿外传", "，注意", ",注意"]
                    .iter()
                    .any(|n| rest.starts_with(n));
            if marks || notice {
                return Some(m);
            }
        }
        let bracketed = ["【", "[", "（", "("]
            .iter()
            .zip(["】", "]", "）", ")"])
            .any(|(o, c)| line.contains(&format!("{o}{m}{c}")));
        if bracketed || line.contains(&format!("{m}★")) {
            return Some(m);
        }
    }
    None
}

/// Findings in one Markdown file.
pub fn check_source(source: &Source, out: &mut Vec<Problem>) {
    for (i, line) in source.text.lines().enumerate() {
        if let Some(m) = marking(line) {
            out.push(
                finding(m)
                    .in_file(&source.file)
                    .at_line(i + 1)
                    .with_source(&source.text),
            );
        }
    }
}

pub fn finding(marking: &str) -> Problem {
    Problem::error(
        "secret-marking",
        crate::text!("inspect-secret", marking = marking),
    )
    .help(crate::text!("inspect-secret-help"))
}

#[cfg(test)]
mod tests {
    use super::marking;

    #[test]
    fn markings_in_place_but_not_in_prose() {
        assert_eq!(marking("机密★1年"), Some("机密"));
        assert_eq!(marking("# 内部资料 注意保存"), Some("内部资料"));
        assert_eq!(marking("title: 【内部资料】会议纪要"), Some("内部资料"));
        assert_eq!(marking("人人都要保守国家秘密。"), None);
        assert_eq!(marking("秘密是藏不住的，好人好事总会传开。"), None);
    }
}
