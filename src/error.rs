//! Problems found in a site, in words an editor can act on.
//!
//! Every stage reports what is wrong as [`Problem`]s and keeps going, so one build lists every
//! mistake at once. A problem names the file (relative to the site root), the line and column when
//! known, what is wrong and what to do. Rendering to the terminal goes through miette so the
//! offending line is shown in a source frame.

use crate::messages::{Lang, Text};
use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use serde::Serialize;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// Errors sort before warnings. A warning is the default where a setting chooses (the guard's
/// `external_links:` in site.yaml).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    #[default]
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// A short stable name for scripts and snapshot tests, e.g. `unknown-key`.
    pub code: &'static str,
    /// Path relative to the site root, with `/` separators.
    pub file: Option<Arc<str>>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// Put into words by the reader of the report (see `check`'s JSON and [`report`]).
    #[serde(skip)]
    pub message: Text,
    /// Boxed: most problems have help, but keeping `Problem` small keeps every `Result` small.
    #[serde(skip)]
    pub help: Option<Box<Text>>,
    /// For a spam finding of the guard: the signals that fired (`lure`, `seo-title`, …).
    #[serde(skip_serializing_if = "crate::evidence::Signals::is_empty")]
    pub signals: crate::evidence::Signals,
    #[serde(skip)]
    source: Option<Arc<str>>,
}

impl Problem {
    pub fn error(code: &'static str, message: impl Into<Text>) -> Problem {
        Problem {
            severity: Severity::Error,
            code,
            file: None,
            line: None,
            column: None,
            message: message.into(),
            help: None,
            signals: Default::default(),
            source: None,
        }
    }

    pub fn warning(code: &'static str, message: impl Into<Text>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(code, message)
        }
    }

    pub fn in_file(mut self, file: impl AsRef<Path>) -> Problem {
        self.file = Some(display_path(file.as_ref()).into());
        self
    }

    pub fn at(mut self, line: usize, column: usize) -> Problem {
        self.line = Some(clamp(line));
        self.column = Some(clamp(column));
        self
    }

    pub fn at_line(mut self, line: usize) -> Problem {
        self.line = Some(clamp(line));
        self
    }

    pub fn help(mut self, help: impl Into<Text>) -> Problem {
        self.help = Some(Box::new(help.into()));
        self
    }

    /// Attach the file's text so the terminal report can show the offending line.
    pub fn with_source(mut self, text: &Arc<str>) -> Problem {
        self.source = Some(Arc::clone(text));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `content/news/x.md:12:3` — the place as editors and editors' tools expect it.
    pub fn location(&self) -> String {
        let mut out = self.file.as_deref().unwrap_or("site").to_string();
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
            if let Some(col) = self.column {
                out.push_str(&format!(":{col}"));
            }
        }
        out
    }

    /// Byte span of the reported position inside `source`, for the source frame.
    fn span(&self) -> Option<SourceSpan> {
        let source = self.source.as_deref()?;
        let line = self.line? as usize;
        let line_start = source
            .split_inclusive('\n')
            .take(line - 1)
            .map(str::len)
            .sum::<usize>();
        let line_text = source[line_start.min(source.len())..]
            .split('\n')
            .next()
            .unwrap_or("");
        let col_offset = line_text
            .char_indices()
            .nth(self.column.unwrap_or(1) as usize - 1)
            .map_or(0, |(i, _)| i);
        let len = line_text[col_offset..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        Some(SourceSpan::new((line_start + col_offset).into(), len))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

impl std::error::Error for Problem {}

/// A problem paired with its named source, ready for miette's graphical renderer.
struct Framed<'a> {
    problem: &'a Problem,
    message: String,
    lang: Lang,
    source: Option<Counted>,
    span: Option<SourceSpan>,
}

/// A file's text named for the source frame, whose `[file:line:column]` header counts columns in
/// characters as [`Problem::location`] does (miette counts bytes: `13:37` beside `13:15` on a
/// Chinese line).
struct Counted {
    name: String,
    text: Arc<str>,
}

impl SourceCode for Counted {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        let column = if context_lines_before == 0 {
            let offset = span.offset().min(self.text.len());
            let before = self.text.get(..offset).unwrap_or("");
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            before[line_start..].chars().count()
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

impl fmt::Debug for Framed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.problem, f)
    }
}

impl fmt::Display for Framed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.problem.location(), self.message)
    }
}

impl std::error::Error for Framed<'_> {}

impl miette::Diagnostic for Framed<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.problem.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.problem.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(crate::text!("problem-here").in_lang(self.lang)),
            span,
        ))))
    }
}

/// Render a problem for the terminal: message, source frame (when the text is known) and help.
pub fn report(problem: &Problem, color: bool, lang: Lang) -> String {
    let span = problem.span();
    let framed = Framed {
        problem,
        message: problem.message.in_lang(lang),
        lang,
        source: match (&problem.source, &problem.file) {
            (Some(text), Some(name)) if span.is_some() => Some(Counted {
                name: name.to_string(),
                text: Arc::clone(text),
            }),
            _ => None,
        },
        span,
    };
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme).with_context_lines(1);
    let mut out = String::new();
    if handler.render_report(&mut out, &framed).is_err() {
        out = format!("{}\n", framed);
    }
    // The help line is ours, not miette's: miette labels it with an English `help:`.
    if let Some(help) = &problem.help {
        let label = crate::text!("problem-help-label").in_lang(lang);
        out.push_str(&format!("  {label}{}\n", help.in_lang(lang)));
    }
    out
}

/// Print problems to stderr as [`report`] renders them, in colour on a terminal.
pub fn eprint(problems: &[Problem], lang: Lang) {
    use std::io::IsTerminal;
    let color = std::io::stderr().is_terminal();
    // At most MAX_PER_FILE problems of one file are printed; the rest are counted (issue 24:
    // 20,000 spam lines printed 10.7 MB of errors).
    let mut shown: std::collections::BTreeMap<Option<&str>, usize> = Default::default();
    for p in problems {
        let n = shown.entry(p.file.as_deref()).or_default();
        *n += 1;
        if *n <= MAX_PER_FILE {
            eprint!("{}", report(p, color, lang));
        }
    }
    for (file, n) in shown.into_iter().filter(|(_, n)| *n > MAX_PER_FILE) {
        let more = crate::text!(
            "problems-more-in-file",
            more = n - MAX_PER_FILE,
            file = file.unwrap_or("")
        );
        eprintln!("{}", more.in_lang(lang));
    }
}

/// The most problems of one file printed; a file with more gets a count of the rest.
pub const MAX_PER_FILE: usize = 50;

/// A problem's file in reading order: within a folder, its `_index` files come first, since a
/// section's settings are the root cause of what its pages report (`content/news/2026-…` sorted
/// before `content/news/_index.md`, digits being before `_`).
fn reading_order(file: Option<&str>) -> Option<(&str, bool, &str)> {
    let file = file?;
    let (folder, name) = file.rsplit_once('/').unwrap_or(("", file));
    Some((folder, !name.starts_with("_index"), name))
}

/// Sort problems the way an editor reads them (by file, then line) and drop exact repeats (an
/// English twin inheriting a bad value reports it at the Chinese source, as the source does).
pub fn sort_and_dedup(problems: &mut Vec<Problem>) {
    sort(problems);
    problems.dedup_by(|a, b| {
        (&a.file, a.line, a.column, &a.message) == (&b.file, b.line, b.column, &b.message)
    });
}

/// Sort problems the way an editor reads them: by file, then line.
pub fn sort(problems: &mut [Problem]) {
    problems.sort_by(|a, b| {
        (
            reading_order(a.file.as_deref()),
            a.line,
            a.column,
            &a.message,
        )
            .cmp(&(
                reading_order(b.file.as_deref()),
                b.line,
                b.column,
                &b.message,
            ))
    });
}

/// Lines and columns are 1-based; anything past u32 is not a real position.
fn clamp(n: usize) -> u32 {
    u32::try_from(n.max(1)).unwrap_or(u32::MAX)
}

pub use crate::paths::display as display_path;

/// A file or folder of the site that cannot be read (permissions, a broken disk).
pub fn unreadable(path: &Path, reason: &str) -> Problem {
    Problem::error(
        "unreadable",
        crate::text!("output-unreadable", reason = reason),
    )
    .in_file(path)
}

/// The problems of a stage that could not finish. Carries every problem found, not only the first.
#[derive(Debug)]
pub struct Failed(pub Vec<Problem>);

impl From<Problem> for Failed {
    fn from(p: Problem) -> Failed {
        Failed(vec![p])
    }
}

impl From<Vec<Problem>> for Failed {
    fn from(p: Vec<Problem>) -> Failed {
        Failed(p)
    }
}

/// The catalogue's words for a path refused (here, not in paths.rs: messages use paths).
impl crate::paths::PathProblem {
    pub fn text(&self) -> Text {
        match self {
            Self::Absolute => crate::text!("path-absolute"),
            Self::Climbs => crate::text!("path-climbs"),
            Self::Outside(to) => crate::text!("path-outside", target = to),
            Self::NotAFile => crate::text!("path-not-a-file"),
            Self::TooLarge(limit) => {
                crate::text!("path-too-large", limit_mb = limit / crate::paths::MB)
            }
            Self::Io(e) => crate::text!("path-unreadable", reason = e.to_string()),
        }
    }
}
