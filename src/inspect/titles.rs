//! Leaders named with a title they do not hold on the page's date: 市委书记沈家宁 when the list
//! says 沈家宁 is 市长, or 常务副市长 after he left that post. A title is read where a title is
//! written — right before the name (a chain of them joined by 、: 市委副书记、市长沈家宁) or right
//! after it (沈家宁市长) — and it counts only if it is one of the titles the lists know. 原 or 前
//! before a title marks a former one and is never a finding.

use super::names::Name;
use crate::content::Source;
use crate::error::Problem;
use jiff::civil::Date;

/// Findings in one file, read on `date` (the page's).
pub fn check_source(names: &[Name], source: &Source, date: Date, out: &mut Vec<Problem>) {
    if !names.iter().any(|n| n.leader) {
        return;
    }
    for (i, line) in source.text.lines().enumerate() {
        check(names, source, i + 1, line, date, out);
    }
}

/// Findings for one line (`line_no` 1-based) of `source`, read on `date`.
fn check(
    names: &[Name],
    source: &Source,
    line_no: usize,
    line: &str,
    date: Date,
    out: &mut Vec<Problem>,
) {
    let mut known: Option<Vec<&str>> = None;
    for name in names.iter().filter(|n| n.leader) {
        for (at, _) in line.match_indices(name.text.as_str()) {
            let known = known.get_or_insert_with(|| known_titles(names));
            for title in written_titles(known, line, at, name.text.len()) {
                if !name.titles.iter().any(|h| h.title == title && h.on(date)) {
                    let column = line[..at].chars().count() + 1;
                    out.push(finding(name, title, date, source, line_no, column));
                }
            }
        }
    }
}

/// Every title any leader of the lists holds or held, longest first (常务副市长 before 市长).
fn known_titles(names: &[Name]) -> Vec<&str> {
    let mut titles: Vec<&str> = names
        .iter()
        .flat_map(|n| n.titles.iter().map(|h| h.title.as_str()))
        .collect();
    titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
    titles.dedup();
    titles
}

/// The titles written next to the name at byte `at` (of `len` bytes), without former ones.
fn written_titles<'k>(known: &[&'k str], line: &str, at: usize, len: usize) -> Vec<&'k str> {
    let mut found = Vec::new();
    let mut before = &line[..at];
    while let Some(t) = known.iter().find(|t| before.ends_with(**t)) {
        before = &before[..before.len() - t.len()];
        if !before.ends_with(['原', '前']) {
            found.push(*t);
        }
        let joined = before.trim_end_matches([' ', '　']);
        let Some(rest) = joined.strip_suffix('、') else {
            break;
        };
        before = rest.trim_end_matches([' ', '　']);
    }
    let after = &line[at + len..];
    if let Some(t) = known.iter().find(|t| after.starts_with(**t)) {
        found.push(*t);
    }
    found
}

fn finding(
    name: &Name,
    title: &str,
    date: Date,
    source: &Source,
    line: usize,
    column: usize,
) -> Problem {
    let now: Vec<&str> = name
        .titles
        .iter()
        .filter(|h| h.on(date))
        .map(|h| h.title.as_str())
        .collect();
    let now = if now.is_empty() {
        "—".to_string()
    } else {
        now.join("、")
    };
    Problem::warning(
        "protected-title",
        crate::text!(
            "inspect-title-not-held",
            name = name.text.as_str(),
            title = title,
            date = date.to_string()
        ),
    )
    .in_file(&source.file)
    .at(line, column)
    .with_source(&source.text)
    .help(crate::text!("inspect-title-help", titles = now))
}
