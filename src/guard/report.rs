//! Findings as a build reports them: [`Problem`]s naming the file, the line and the rule. The
//! guard knows how its findings read; the pipeline, which knows the site's files, says which file
//! each text came from.

use super::{Finding, Guard};
use crate::error::Problem;
use crate::messages::Text;
use std::sync::Arc;

impl Guard {
    /// A page's Markdown source and the HTML rendered from its body, scanned together: each
    /// problem is reported once, at its source line when the source shows it.
    pub fn page_problems(&self, file: &str, source: &str, html: &str) -> Vec<Problem> {
        let (merged, source_count) = self.scan_page(source, html);
        // One copy of the text, shared by every problem of the page: a page of 20,000 spam
        // lines must not hold 20,000 copies of itself (issue 24).
        let source: Arc<str> = source.into();
        merged
            .into_iter()
            .enumerate()
            // Findings only seen in the rendered HTML have no source line to point at.
            .map(|(i, f)| to_problem(f, file, Some(&source), i < source_count))
            .collect()
    }
}

impl Guard {
    /// What the guard finds in a page's source alone: for a build that fails before its pages
    /// are rendered, so that spam is never hidden behind a broken link.
    pub fn source_problems(&self, file: &str, source: &str) -> Vec<Problem> {
        let text: Arc<str> = source.into();
        self.scan_source(source)
            .into_iter()
            .map(|f| to_problem(f, file, Some(&text), true))
            .collect()
    }
}

/// The problem for finding `f` of `text` in `file`; a finding only seen in the rendered page
/// (`located` false) has no line of the file to point at, and says so.
pub fn to_problem(f: Finding, file: &str, text: Option<&Arc<str>>, located: bool) -> Problem {
    if !located {
        let message = crate::text!("guard-in-rendered-page", finding = finding_text(&f));
        return problem(f, file, message);
    }
    let (line, column, message) = (f.line, f.column, finding_text(&f));
    let p = problem(f, file, message).at(line, column);
    match text {
        Some(text) => p.with_source(text),
        None => p,
    }
}

/// The problem for finding `f` of `file`, reading `message`, with the finding's severity, help
/// and signals.
pub fn problem(f: Finding, file: &str, message: Text) -> Problem {
    let mut p = Problem::error(f.rule.code(), message).in_file(file);
    p.severity = f.severity;
    p.help = f.help.map(Box::new);
    p.signals = f.signals;
    p
}

/// What the guard found, the rule's name and the text it matched.
pub fn finding_text(f: &Finding) -> Text {
    crate::text!(
        "guard-finding",
        finding = f.message.clone(),
        rule = f.rule.as_str(),
        matched = &f.matched
    )
}

#[cfg(test)]
mod tests {
    use super::super::{Guard, GuardConfig};
    use crate::error::Severity;
    use std::path::Path;

    fn errors(source: &str, html: &str) -> usize {
        let guard = Guard::new(&GuardConfig::default(), Path::new("."), &[], &[]).expect("builds");
        guard
            .page_problems("content/news/a.md", source, html)
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    #[test]
    fn words_only_the_rendered_page_has_are_still_read() {
        let source = "---\ntitle: 通知\n---\n今天社区开展[志愿服务](/news/a/)活动。\n";
        let rendered = "<p>今天社区开展<a href=\"/news/a/\">志愿服务</a>活动。</p>";
        assert_eq!(errors(source, rendered), 0);
        // Text that rendering made (as an extension could): read, and stopped.
        let added = format!("{rendered}<p>博彩平台注册送88元彩金，官网app下载。</p>");
        assert!(errors(source, &added) > 0);
    }
}
