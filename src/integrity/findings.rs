//! What `civic verify` found, on disk or over HTTP, and the two ways it prints it: readable
//! lines (one per finding, then a summary) and JSON Lines (one object per finding, for scripts).

use super::FileEntry;
use crate::messages::{Lang, Text};
use crate::text;
use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Served or stored bytes differ from the manifest.
    Changed,
    /// In the manifest, but absent (no file; a 404 or 410 over HTTP).
    Missing,
    /// On disk but not in the manifest.
    Added,
    /// On disk, not a regular file (a FIFO, socket or device: never read, always reported).
    Special,
    /// A crawler's or a search visitor's answer differs from the manifest and from a browser's.
    Cloaked,
    /// A 30x where the build wrote a file.
    Redirect,
    /// A same-host link, in something served that differs from the build, to a path the build
    /// never wrote.
    Extra,
    /// Any other HTTP status for a file the build wrote (a 5xx, a 403, …).
    HttpStatus,
    /// The TLS handshake failed: a wrong or expired certificate, or no TLS at all.
    Tls,
    /// No answer after the retries: timeout, connection refused or reset.
    Unreachable,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Changed => "changed",
            Kind::Missing => "missing",
            Kind::Added => "added",
            Kind::Special => "special",
            Kind::Cloaked => "cloaked",
            Kind::Redirect => "redirect",
            Kind::Extra => "extra",
            Kind::HttpStatus => "status",
            Kind::Tls => "tls",
            Kind::Unreachable => "unreachable",
        }
    }

    /// The kind in the reader's words, for the readable lines and the summary.
    pub fn text(self) -> Text {
        match self {
            Kind::Changed => text!("verify-kind-changed"),
            Kind::Missing => text!("verify-kind-missing"),
            Kind::Added => text!("verify-kind-added"),
            Kind::Special => text!("verify-kind-special"),
            Kind::Cloaked => text!("verify-kind-cloaked"),
            Kind::Redirect => text!("verify-kind-redirect"),
            Kind::Extra => text!("verify-kind-extra"),
            Kind::HttpStatus => text!("verify-kind-status"),
            Kind::Tls => text!("verify-kind-tls"),
            Kind::Unreachable => text!("verify-kind-unreachable"),
        }
    }
}

/// One finding. Only the fields that mean something for its kind are set; JSON leaves the
/// others out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: Kind,
    /// The URL fetched (HTTP) …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// … and the manifest's path (both for HTTP, only this on disk).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_size: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub got_sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub got_size: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Where a redirect pointed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// For cloaking: the User-Agent that got the different answer …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
    /// … or the Referer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referer: Option<String>,
    /// For extra pages: the served file that links to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked_from: Option<String>,
    /// What a person reads about it; JSON gives it in the reader's language
    /// ([`Report::to_json_lines`]), `kind` being the stable code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
}

impl Finding {
    pub fn new(kind: Kind) -> Finding {
        Finding {
            kind,
            url: None,
            path: None,
            expected_sha256: None,
            expected_size: None,
            got_sha256: None,
            got_size: None,
            status: None,
            location: None,
            user_agent: None,
            referer: None,
            linked_from: None,
            message: None,
        }
    }

    pub fn at_path(mut self, path: &str) -> Finding {
        self.path = Some(path.to_string());
        self
    }

    pub fn at_url(mut self, url: &str) -> Finding {
        self.url = Some(url.to_string());
        self
    }

    pub fn expected(mut self, entry: &FileEntry) -> Finding {
        self.expected_sha256 = Some(entry.sha256.clone());
        self.expected_size = Some(entry.size);
        self
    }

    pub fn got(mut self, sha256: String, size: u64) -> Finding {
        self.got_sha256 = Some(sha256);
        self.got_size = Some(size);
        self
    }

    pub fn message(mut self, message: Text) -> Finding {
        self.message = Some(message);
        self
    }

    /// Where it is: the URL when fetched, else the manifest path.
    pub fn place(&self) -> &str {
        self.url
            .as_deref()
            .or(self.path.as_deref())
            .unwrap_or_default()
    }

    /// The details after the place in the readable line, if any.
    fn details(&self) -> Option<Text> {
        let mut parts = Vec::new();
        if let Some(ua) = &self.user_agent {
            parts.push(text!("verify-detail-user-agent", user_agent = ua));
        }
        if let Some(referer) = &self.referer {
            parts.push(text!("verify-detail-referer", referer = referer));
        }
        if let Some(status) = self.status {
            parts.push(text!("verify-detail-status", status = status.to_string()));
        }
        if let Some(location) = &self.location {
            parts.push(text!("verify-detail-location", location = location));
        }
        if let (Some(got), Some(size)) = (&self.got_sha256, self.got_size) {
            parts.push(match (&self.expected_sha256, self.expected_size) {
                (Some(e), Some(s)) => text!(
                    "verify-detail-got-built",
                    hash = short(got),
                    size = size,
                    built_hash = short(e),
                    built_size = s
                ),
                _ => text!("verify-detail-got", hash = short(got), size = size),
            });
        }
        if let Some(from) = &self.linked_from {
            parts.push(text!("verify-detail-linked-from", from = from));
        }
        if let Some(message) = &self.message {
            parts.push(message.clone());
        }
        parts
            .into_iter()
            .rev()
            .reduce(|rest, first| text!("verify-details-and", first = first, rest = rest))
    }

    /// The readable line: kind, place and details, in `lang`.
    pub fn line(&self, lang: Lang) -> String {
        // Padded so the places line up; the kind's words are the reader's.
        let kind = format!("{:8}", self.kind.text().in_lang(lang));
        match self.details() {
            Some(details) => text!(
                "verify-finding-details",
                kind = kind,
                place = terminal_safe(self.place()),
                details = details
            )
            .in_lang(lang),
            None => format!("{kind} {}", terminal_safe(self.place())),
        }
    }
}

/// A file name or address as printed to a terminal: control characters (an ESC that would
/// recolour or rewrite the screen, a newline that would forge a line) shown escaped, `\u{1b}`
/// (issue 24). JSON output escapes them by itself.
fn terminal_safe(place: &str) -> String {
    place
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// English, for logs and tests; `civic verify` prints [`Finding::line`] in the reader's language.
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Lang::En))
    }
}

/// Everything one run found, in a stable order (by kind, then place).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// Files that matched the manifest exactly.
    pub unchanged_count: usize,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }

    pub fn sort(&mut self) {
        self.findings.sort_by(|a, b| {
            (a.kind, a.place(), &a.user_agent, &a.referer).cmp(&(
                b.kind,
                b.place(),
                &b.user_agent,
                &b.referer,
            ))
        });
    }

    /// The manifest paths (or URLs) of the findings of one kind, in order.
    pub fn places(&self, kind: Kind) -> Vec<&str> {
        self.findings
            .iter()
            .filter(|f| f.kind == kind)
            .map(Finding::place)
            .collect()
    }

    pub fn count(&self, kind: Kind) -> usize {
        self.findings.iter().filter(|f| f.kind == kind).count()
    }

    /// JSON Lines: one object per finding, nothing when clean. Field names and `kind` are
    /// stable codes; a `message` is in `lang`.
    pub fn to_json_lines(&self, lang: Lang) -> String {
        let mut out = String::new();
        for f in &self.findings {
            // A struct of strings and integers always serializes.
            let mut value = serde_json::to_value(f).unwrap_or_default();
            if let (Some(message), Some(object)) = (&f.message, value.as_object_mut()) {
                object.insert("message".into(), message.in_lang(lang).into());
            }
            out.push_str(&serde_json::to_string(&value).unwrap_or_default());
            out.push('\n');
        }
        out
    }

    /// "12 unchanged, 1 changed, 2 cloaked": the kinds present, in order.
    pub fn summary(&self) -> Text {
        let kinds: std::collections::BTreeSet<Kind> =
            self.findings.iter().map(|f| f.kind).collect();
        let mut parts = vec![text!(
            "verify-summary-unchanged",
            files = self.unchanged_count
        )];
        for kind in kinds {
            parts.push(text!(
                "verify-summary-kind",
                count = self.count(kind),
                kind = kind.text()
            ));
        }
        parts
            .into_iter()
            .rev()
            .reduce(|rest, first| text!("verify-summary-and", first = first, rest = rest))
            .unwrap_or_else(|| text!("verify-summary-unchanged", files = 0usize))
    }

    /// Every finding on its line, then the summary, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        for finding in &self.findings {
            out.push_str(&finding.line(lang));
            out.push('\n');
        }
        out.push_str(&self.summary().in_lang(lang));
        out
    }
}

/// English, for logs and tests; `civic verify` prints [`Report::render`].
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_carry_only_the_fields_of_the_kind() {
        let entry = FileEntry {
            sha256: "ab".repeat(32),
            size: 3,
        };
        let mut cloaked = Finding::new(Kind::Cloaked)
            .at_url("http://127.0.0.1/")
            .at_path("index.html")
            .expected(&entry)
            .got("cd".repeat(32), 9);
        cloaked.user_agent = Some("Baiduspider".into());
        let report = Report {
            findings: vec![cloaked, Finding::new(Kind::Missing).at_path("a.css")],
            unchanged_count: 4,
        };
        let lines: Vec<serde_json::Value> = report
            .to_json_lines(Lang::En)
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["kind"], "cloaked");
        assert_eq!(lines[0]["user_agent"], "Baiduspider");
        assert_eq!(lines[0]["got_size"], 9);
        assert_eq!(
            lines[1],
            serde_json::json!({"kind": "missing", "path": "a.css"})
        );
        let text = report.to_string();
        assert!(text.contains("cloaked  http://127.0.0.1/: as Baiduspider; got cdcdcdcdcdcd…, 9 bytes (built: abababababab…, 3 bytes)"), "{text}");
        assert!(
            text.ends_with("4 unchanged, 1 missing, 1 cloaked"),
            "{text}"
        );
    }
}
