//! The content guard: keeps black-hat SEO spam (gambling, lottery, porn, app lures), hidden
//! links, injected scripts and look-alike links out of the published site.
//!
//! One [`Guard`] is built per build (rule files compiled once) and shared across threads. It
//! scans three kinds of input:
//! - [`Guard::scan_source`]: a Markdown file with its front matter (titles are a favourite
//!   target), including raw HTML written in it;
//! - [`Guard::scan_html`]: the HTML rendered from a page body, after [`sanitize`];
//! - [`Guard::scan_template`]: a site-level template override, where only the theme's own
//!   scripts are allowed.
//!
//! Findings carry 1-based line and column in the scanned text and the original matched text
//! with invisible characters made visible ([`make_visible`]).

mod assess;
mod contact;
mod honest;
mod html;
mod lexicon;
mod links;
mod masking;
pub mod normalize;
mod offer;
mod placement;
mod places;
mod published;
mod rendered;
pub mod report;
mod sanitize;
mod score;
mod script;
mod shape;
pub mod signals;
mod solicit;
mod style;
mod t2s;
mod tokenize;
pub mod vocabulary;
mod wordlists;

pub use published::FileKind;
pub use sanitize::sanitize;

use crate::evidence::Signal;
use crate::messages::Text;
use crate::text;
use links::LinkPolicy;
use normalize::{Normalized, Unit};
use places::Places;
use std::path::Path;
use vocabulary::Vocabulary;

/// The `guard:` section of site.yaml.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GuardConfig {
    /// Hosts external links may point to, e.g. `www.gov.cn`, `*.minghu.example.cn`.
    pub link_allowlist: Vec<String>,
    /// Severity of a link to a host outside the allowlist.
    pub external_links: Severity,
    /// Raw-HTML tags the site lets through the sanitizer (beyond ordinary Markdown output).
    pub allow_html_tags: Vec<String>,
    /// Path, relative to the site root, of the site's own rule file.
    pub extra_rules: Option<String>,
    /// Words that are never spam on this site (an app name, a foreign partner city, …).
    pub allow_words: Vec<String>,
}

/// The one severity of every problem: a finding keeps its own when it becomes one.
pub use crate::error::Severity;

/// What every guard problem's code starts with.
pub const PROBLEM_CODE: &str = "guard-";

/// Which check produced a finding. Names (`as_str`) are stable: sites and CI may grep them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    Spam,
    HiddenContent,
    Script,
    Cloaking,
    ExternalLink,
    LookalikeHost,
    ForeignPlace,
    InlineStyle,
    RawHtmlRemoved,
    RefusedFile,
    PrivateLink,
}

impl Rule {
    /// The problem code of the rule's findings, so `--format json` tells a script from spam
    /// or a link: `guard-` and the rule's name. Every code starts with [`PROBLEM_CODE`].
    pub fn code(self) -> &'static str {
        match self {
            Rule::Spam => "guard-spam",
            Rule::HiddenContent => "guard-hidden-content",
            Rule::Script => "guard-script",
            Rule::Cloaking => "guard-cloaking",
            Rule::ExternalLink => "guard-external-link",
            Rule::LookalikeHost => "guard-lookalike-host",
            Rule::ForeignPlace => "guard-foreign-place",
            Rule::InlineStyle => "guard-inline-style",
            Rule::RawHtmlRemoved => "guard-raw-html-removed",
            Rule::RefusedFile => "guard-refused-file",
            Rule::PrivateLink => "guard-private-link",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Spam => "spam",
            Rule::HiddenContent => "hidden-content",
            Rule::Script => "script",
            Rule::Cloaking => "cloaking",
            Rule::ExternalLink => "external-link",
            Rule::LookalikeHost => "lookalike-host",
            Rule::ForeignPlace => "foreign-place",
            Rule::InlineStyle => "inline-style",
            Rule::RawHtmlRemoved => "raw-html-removed",
            Rule::RefusedFile => "refused-file",
            Rule::PrivateLink => "private-link",
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line in the scanned text.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    pub rule: Rule,
    pub severity: Severity,
    /// The original text that matched, with invisible characters made visible.
    pub matched: String,
    /// What is wrong, in the reader's words when printed ([`Text::in_lang`]).
    pub message: Text,
    /// What to do about it.
    pub help: Option<Text>,
    /// For spam: the signals that fired (`vocabulary`, `lure`, `seo-title`, `repetition`,
    /// `disguise`, `placement`, `density`).
    pub signals: crate::evidence::Signals,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {} [{}] {} — “{}”",
            self.line,
            self.column,
            self.severity.as_str(),
            self.rule,
            self.message,
            self.matched
        )
    }
}

#[derive(Debug)]
pub enum GuardError {
    RuleFile {
        file: String,
        line: usize,
        message: Text,
    },
    Io {
        path: String,
        source: std::io::Error,
    },
    Config(Text),
}

impl GuardError {
    /// The error as a message of the catalogue, to print in the reader's language.
    pub fn text(&self) -> Text {
        match self {
            GuardError::RuleFile {
                file,
                line,
                message,
            } => text!(
                "guard-rule-file-error",
                file = file,
                line = *line,
                problem = message.clone()
            ),
            GuardError::Io { path, source } => text!(
                "guard-rule-file-unreadable",
                path = path,
                reason = source.to_string()
            ),
            GuardError::Config(message) => {
                text!("guard-config-error", problem = message.clone())
            }
        }
    }
}

/// English, for logs and tests; the command layer prints [`GuardError::text`].
impl std::fmt::Display for GuardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.text())
    }
}

impl std::error::Error for GuardError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GuardError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Whether a scan assesses the words of its text: a page rendered from a source already read
/// has the same words, and assessing them again would only double the guard's cost.
#[derive(Clone, Copy)]
enum Words<'a> {
    Read(assess::Where<'a>),
    AlreadyRead,
}

/// Built once per build; `Send + Sync`, so rayon workers share it by reference.
#[derive(Debug)]
pub struct Guard {
    vocab: Vocabulary,
    assessor: assess::Assessor,
    links: LinkPolicy,
    places: Places,
    allowed_tags: Vec<String>,
}

impl Guard {
    pub fn new(
        cfg: &GuardConfig,
        site_root: &Path,
        city_names: &[String],
        site_hosts: &[String],
    ) -> Result<Guard, GuardError> {
        let extra = match &cfg.extra_rules {
            Some(rel) => {
                // Only a regular file inside the site, of at most CONFIG_LIMIT (issue 24): not
                // /etc/shadow, a symlink out of the site, /dev/zero or a FIFO.
                let refused = |problem: crate::paths::PathProblem| {
                    GuardError::Config(text!(
                        "guard-extra-rules-refused",
                        path = rel,
                        problem = problem.text()
                    ))
                };
                let bytes = crate::paths::SitePath::parse(rel)
                    .and_then(|p| p.read_in(site_root, crate::paths::CONFIG_LIMIT))
                    .map_err(refused)?;
                let text = String::from_utf8(bytes).map_err(|_| {
                    GuardError::Config(text!("guard-extra-rules-not-text", path = rel))
                })?;
                Some((rel.clone(), text))
            }
            None => None,
        };
        let extra_ref = extra.as_ref().map(|(n, t)| (n.as_str(), t.as_str()));
        let allowed_tags = sanitize::checked_extra_tags(&cfg.allow_html_tags)?;
        Ok(Guard {
            vocab: Vocabulary::load(extra_ref, &cfg.allow_words)?,
            assessor: assess::Assessor {
                lexicon: lexicon::Lexicon::builtin()?,
                honesty: honest::Honesty::builtin(),
                wordlists: wordlists::Wordlists::builtin(),
            },
            links: LinkPolicy::new(&cfg.link_allowlist, site_hosts, cfg.external_links)?,
            places: Places::new(city_names, &cfg.allow_words),
            allowed_tags,
        })
    }

    /// The raw-HTML tags this site lets through [`sanitize`] (validated).
    pub fn allowed_html_tags(&self) -> &[String] {
        &self.allowed_tags
    }

    /// Scan a Markdown source file (front matter included).
    pub fn scan_source(&self, text: &str) -> Vec<Finding> {
        self.read_source(text).0
    }

    /// A page's Markdown source and the HTML rendered from its body, scanned together as a
    /// build scans them: the source's findings, then those only the rendered page shows (the
    /// second number: how many of the findings are the source's).
    pub fn scan_page(&self, source: &str, html_text: &str) -> (Vec<Finding>, usize) {
        let (from_source, read) = self.read_source(source);
        let source_count = from_source.len();
        let from_html = self.scan_markup(html_text, &html::Mode::Body, read.reported, Some(&read));
        (merge_page_findings(from_source, from_html), source_count)
    }

    /// The findings of a Markdown source, and what the scan of the page rendered from it need
    /// not read again: the words of the rendered page are read only where rendering made text
    /// the source does not have (a reference link's title, text an extension made).
    fn read_source(&self, text: &str) -> (Vec<Finding>, rendered::SourceRead) {
        let units = masking::source_text_units(text);
        let destinations = rendered::destinations(text);
        let raw = rendered::RawWords::of(text, &units, &destinations);
        let placement = |at: usize| placement::in_source(text, at);
        let norm = normalize::normalize_units(text, units);
        let masked = masking::mask_markdown_code(text);
        let scan = html::analyze(text, &masked, &html::Mode::Source, &self.allowed_tags);
        let mut urls = scan.urls;
        urls.extend(links::urls_in_text(&masked));
        // A title that warns makes the page, rendered too, a report on the vice it names.
        let reported = self.assessor.honesty.title_warns(text);
        let page = assess::Where {
            placement: &placement,
            reported,
        };
        let findings = self.judge(text, &norm, Words::Read(page), scan.findings, urls);
        let read = rendered::SourceRead {
            raw,
            norm,
            destinations,
            reported,
        };
        (findings, read)
    }

    /// Scan HTML rendered from a page's Markdown body (after sanitizing).
    pub fn scan_html(&self, html_text: &str) -> Vec<Finding> {
        self.scan_markup(html_text, &html::Mode::Body, false, None)
    }

    /// Scan a site-level template override. Scripts are allowed only when their `src` is one
    /// of `theme_scripts` (e.g. `/js/elder.js`).
    pub fn scan_template(&self, text: &str, theme_scripts: &[String]) -> Vec<Finding> {
        self.scan_markup(text, &html::Mode::Template(theme_scripts), false, None)
    }

    /// Scan a JavaScript file (the theme's own included): referrer and user-agent sniffing,
    /// obfuscation and redirects are never legitimate on a civic portal.
    pub fn scan_script(&self, text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        for (start, end, rule, message) in script::inspect(text, true) {
            out.push(finding_at(text, start, end, rule, Severity::Error, message));
        }
        finish(out)
    }

    /// Scan markup; with `already_read`, what was read of the source it was rendered from,
    /// its words are assessed only if it says something the source does not: first compared
    /// as written, then normalized.
    fn scan_markup(
        &self,
        text: &str,
        mode: &html::Mode,
        reported: bool,
        already_read: Option<&rendered::SourceRead>,
    ) -> Vec<Finding> {
        let masked = match mode {
            html::Mode::Template(_) => masking::mask_template_syntax(text),
            _ => text.to_string(),
        };
        let scan = html::analyze(text, &masked, mode, &self.allowed_tags);
        let new_markup = scan.findings.iter().any(|f| is_markup(f.rule));
        let read = already_read.filter(|_| !new_markup);
        if read.is_some_and(|r| {
            r.raw
                .contain(&rendered::RawWords::of(text, &scan.text, &[]))
        }) {
            let nothing = Normalized::default();
            return self.judge(text, &nothing, Words::AlreadyRead, scan.findings, scan.urls);
        }
        let norm = normalize::normalize_units(text, scan.text);
        let nowhere = |_: usize| None;
        let page = assess::Where {
            placement: &nowhere,
            reported,
        };
        let words = match read {
            Some(r) if rendered::says_nothing_new(&norm, &r.words()) => Words::AlreadyRead,
            _ => Words::Read(page),
        };
        self.judge(text, &norm, words, scan.findings, scan.urls)
    }

    /// Everything the guard says about `text`: the evidence of its words, links and markup
    /// scored together for the page ([`score`]), then the spam, link, markup and place findings.
    fn judge(
        &self,
        text: &str,
        norm: &Normalized,
        words: Words<'_>,
        markup: Vec<Finding>,
        urls: Vec<links::FoundUrl>,
    ) -> Vec<Finding> {
        let (evidence, mut links) = self.evidence(text, norm, words, &markup, urls);
        let score = score::score(&evidence);
        let mut out = score::findings(text, &evidence, &score);
        if score.severity() == Some(Severity::Error) {
            for f in links.iter_mut().filter(|f| !f.signals.is_empty()) {
                f.severity = Severity::Error;
            }
        }
        out.extend(links);
        out.extend(markup);
        if let Words::Read(page) = words {
            self.places_in(text, norm, page.placement, &mut out);
        }
        finish(out)
    }

    fn evidence(
        &self,
        text: &str,
        norm: &Normalized,
        words: Words<'_>,
        markup: &[Finding],
        urls: Vec<links::FoundUrl>,
    ) -> (Vec<assess::Evidence>, Vec<Finding>) {
        let mut evidence = match words {
            Words::Read(page) => assess::assess(&self.assessor, &self.vocab, text, norm, page),
            Words::AlreadyRead => Vec::new(),
        };
        let links = self.check_urls(text, urls, &mut evidence);
        evidence.extend(
            markup
                .iter()
                .filter(|f| is_markup(f.rule))
                .map(markup_evidence),
        );
        (evidence, links)
    }

    /// The signals a Markdown source raises, each with whether it stood in honest context: what
    /// the weights of the signal table are fitted on (`tests/integration/guard_fit.rs`).
    pub fn source_signals(&self, text: &str) -> Vec<(Signal, bool)> {
        let units = masking::source_text_units(text);
        let placement = |at: usize| placement::in_source(text, at);
        let norm = normalize::normalize_units(text, units);
        let masked = masking::mask_markdown_code(text);
        let scan = html::analyze(text, &masked, &html::Mode::Source, &self.allowed_tags);
        let mut urls = scan.urls;
        urls.extend(links::urls_in_text(&masked));
        let page = assess::Where {
            placement: &placement,
            reported: self.assessor.honesty.title_warns(text),
        };
        let (evidence, _) = self.evidence(text, &norm, Words::Read(page), &scan.findings, urls);
        evidence.into_iter().map(|e| (e.signal, e.honest)).collect()
    }

    /// Names of foreign places where the city's name belongs (a warning).
    fn places_in(
        &self,
        text: &str,
        norm: &Normalized,
        placement: assess::Placement<'_>,
        out: &mut Vec<Finding>,
    ) {
        let allowed = self.vocab.allowed_spans(&norm.text);
        for (s, e, message) in self.places.scan(text, norm, &allowed, &|at| {
            placement(at) == Some(placement::Place::Title)
        }) {
            let mut f = finding_at(text, s, e, Rule::ForeignPlace, Severity::Warning, message);
            f.help = Some(text!("guard-foreign-place-help"));
            out.push(f);
        }
    }

    /// Findings for the links of `text`; links that hide or fake where they go also add their
    /// signal to the page's evidence.
    fn check_urls(
        &self,
        text: &str,
        urls: Vec<links::FoundUrl>,
        evidence: &mut Vec<assess::Evidence>,
    ) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let lines = LineIndex::new(text);
        for u in urls {
            // The same URL may be found twice (as an attribute and as text): report it once
            // per line.
            if !seen.insert((lines.line_col(u.start).0, u.url.clone())) {
                continue;
            }
            let Some((rule, severity, message)) = self.links.check(&u.url) else {
                continue;
            };
            let external = rule == Rule::ExternalLink;
            let lure_text = external
                .then(|| self.lure_link_text(text, u.start))
                .flatten();
            let gambling = external
                .then(|| links::gambling_word_in_host(&u.url))
                .flatten();
            let signal = match (rule, &lure_text) {
                (Rule::LookalikeHost, _) => Some(Signal::LookalikeHost),
                (_, _) if links::is_shortener(&u.url) => Some(Signal::Shortener),
                (_, _) if gambling.is_some() => Some(Signal::GamblingHost),
                (_, Some(_)) => Some(Signal::LureLinkText),
                _ => None,
            };
            let message = match (&lure_text, gambling) {
                (_, Some(word)) => {
                    text!("guard-link-gambling-host", finding = message, word = word)
                }
                (Some(words), None) => {
                    text!("guard-link-lure-text", finding = message, words = words)
                }
                (None, None) => message,
            };
            let mut f = finding_in(&lines, u.start, u.end, rule, severity, message.clone());
            if let Some(signal) = signal {
                f.signals.insert(signal);
                evidence.push(link_evidence(signal, &u, message));
            }
            f.help = Some(match rule {
                Rule::LookalikeHost => text!("guard-lookalike-host-help"),
                Rule::PrivateLink => text!("guard-private-link-help"),
                _ => text!("guard-external-link-help"),
            });
            out.push(f);
        }
        out
    }
}

/// Rules whose findings are markup no honest page has: they make the page's words weigh more.
fn is_markup(rule: Rule) -> bool {
    matches!(rule, Rule::HiddenContent | Rule::Script | Rule::Cloaking)
}

fn markup_evidence(f: &Finding) -> assess::Evidence {
    assess::Evidence {
        signal: Signal::Markup,
        start: 0,
        end: 0,
        phrase: f.matched.clone(),
        family: None,
        says: f.message.clone(),
        honest: false,
    }
}

fn link_evidence(signal: Signal, u: &links::FoundUrl, says: Text) -> assess::Evidence {
    assess::Evidence {
        signal,
        start: u.start,
        end: u.end,
        phrase: u.url.clone(),
        family: None,
        says,
        honest: false,
    }
}

impl Guard {
    /// The text of the Markdown link whose URL starts at `url_start`, when two or more lure
    /// words make it up (`博鱼官网登录入口` pointing at a host outside the allowlist).
    fn lure_link_text(&self, text: &str, url_start: usize) -> Option<String> {
        let before = text.get(..url_start)?.strip_suffix("](")?;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let open = before[line_start..].rfind('[')? + line_start;
        let link_text = &before[open + 1..];
        let words = self.assessor.lexicon.scan(&normalize::normalize(link_text));
        (words.len() >= 2).then(|| make_visible(link_text))
    }
}

/// Sort by position and drop exact duplicates.
fn finish(mut out: Vec<Finding>) -> Vec<Finding> {
    out.sort_by_key(|a| (a.line, a.column, a.rule));
    out.dedup_by(|a, b| a.line == b.line && a.column == b.column && a.rule == b.rule);
    out
}

/// Drop findings of a page's rendered HTML that repeat a finding of its source (same rule and
/// same normalized text), so an editor sees each problem once, at its source line.
pub fn merge_page_findings(source: Vec<Finding>, html: Vec<Finding>) -> Vec<Finding> {
    // The message names the rule's normalized match (or host, or element), so it identifies
    // the problem independently of how the text was disguised or rendered.
    let key = |f: &Finding| (f.rule, f.message.clone());
    let seen: std::collections::HashSet<_> = source.iter().map(key).collect();
    let mut out = source;
    out.extend(html.into_iter().filter(|f| !seen.contains(&key(f))));
    out
}

/// A finding for the byte range `start..end` of `text`.
pub(crate) fn finding_at(
    text: &str,
    start: usize,
    end: usize,
    rule: Rule,
    severity: Severity,
    message: Text,
) -> Finding {
    let (line, column) = line_col(text, start);
    located_finding(text, (line, column), start, end, rule, severity, message)
}

/// [`finding_at`] for one of many findings of a text whose lines are indexed.
fn finding_in(
    lines: &LineIndex<'_>,
    start: usize,
    end: usize,
    rule: Rule,
    severity: Severity,
    message: Text,
) -> Finding {
    let at = lines.line_col(start);
    located_finding(lines.text, at, start, end, rule, severity, message)
}

fn located_finding(
    text: &str,
    (line, column): (usize, usize),
    start: usize,
    end: usize,
    rule: Rule,
    severity: Severity,
    message: Text,
) -> Finding {
    let start = floor_char(text, start.min(text.len()));
    let end = floor_char(text, end.clamp(start, text.len()));
    Finding {
        line,
        column,
        rule,
        severity,
        matched: make_visible(&truncate(&text[start..end], 160)),
        message,
        help: None,
        signals: Default::default(),
    }
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn truncate(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Where each line of a text starts, so that many offsets of one text (a page of 50,000 links)
/// find their line by binary search instead of each counting the newlines before it.
pub(crate) struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub(crate) fn new(text: &'t str) -> LineIndex<'t> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// 1-based line and column (in characters) of byte offset `at`, as [`line_col`] gives.
    pub(crate) fn line_col(&self, at: usize) -> (usize, usize) {
        let at = floor_char(self.text, at.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= at).max(1);
        let line_start = self.starts[line - 1];
        (line, self.text[line_start..at].chars().count() + 1)
    }
}

/// 1-based line and column (in characters) of byte offset `at`.
pub(crate) fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..floor_char(text, at.min(text.len()))];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Show invisible and look-alike-space characters as `<U+XXXX>` so an editor can see them.
pub fn make_visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let shown = normalize::is_invisible(c)
            || (c.is_whitespace() && c != ' ' && c != '\n')
            || matches!(c, '\u{3000}' | '\u{2800}');
        if shown {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else if c == '\n' {
            out.push('⏎');
        } else {
            out.push(c);
        }
    }
    out
}

/// Units of text for the vocabulary, exposed for the HTML module.
pub(crate) fn units(text: &str, base: usize) -> impl Iterator<Item = Unit> + '_ {
    normalize::unit_iter(text, base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn make_visible_shows_hidden_characters() {
        assert_eq!(make_visible("博\u{200b}彩"), "博<U+200B>彩");
        assert_eq!(make_visible("a\u{202e}b\u{3000}c"), "a<U+202E>b<U+3000>c");
        assert_eq!(make_visible("plain 文本"), "plain 文本");
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\n中文x", 3 + 6), (2, 3));
        assert_eq!(line_col("", 0), (1, 1));
        for text in ["ab\n中文x", "", "\n\n", "a\nb\n"] {
            let lines = LineIndex::new(text);
            for at in 0..=text.len() + 1 {
                assert_eq!(lines.line_col(at), line_col(text, at), "{text:?} at {at}");
            }
        }
    }

    #[test]
    fn config_deserializes_with_defaults_and_rejects_unknown_keys() {
        let cfg: GuardConfig = serde_json::from_str(
            r#"{"external_links": "error", "link_allowlist": ["www.gov.cn"]}"#,
        )
        .expect("valid config");
        assert_eq!(cfg.external_links, Severity::Error);
        assert!(cfg.allow_words.is_empty() && cfg.extra_rules.is_none());
        assert!(serde_json::from_str::<GuardConfig>(r#"{"allowlist": []}"#).is_err());
    }

    #[test]
    fn findings_read_in_either_language() {
        let guard = Guard::new(&GuardConfig::default(), Path::new("."), &[], &[]).expect("builds");
        let found = guard.scan_source(
            "---\ntitle: 博\u{200b}彩平台注册送88元\n---\n[x](https://bet.example.top/)\n",
        );
        let spam = found
            .iter()
            .find(|f| f.rule == Rule::Spam)
            .expect("spam found");
        let zh = spam.message.in_lang(crate::messages::Lang::Zh);
        let en = spam.message.in_lang(crate::messages::Lang::En);
        assert!(zh.starts_with("这段文字像"), "{zh}");
        assert!(zh.contains("（信号：") && zh.contains("出现在标题"), "{zh}");
        assert!(
            en.contains(" spam “") && en.contains("in the title"),
            "{en}"
        );
    }

    #[test]
    fn guard_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Guard>();
    }
}
