//! What `civic verify` found, on disk or over HTTP, and the two ways it prints it: readable
//! lines (one per finding, then a summary) and JSON Lines (one object per finding, for scripts).

use super::FileEntry;
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
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

    pub fn message(mut self, message: impl Into<String>) -> Finding {
        self.message = Some(message.into());
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
    fn details(&self) -> String {
        let mut parts = Vec::new();
        if let Some(ua) = &self.user_agent {
            parts.push(format!("as {ua}"));
        }
        if let Some(referer) = &self.referer {
            parts.push(format!("with Referer {referer}"));
        }
        if let Some(status) = self.status {
            parts.push(format!("HTTP {status}"));
        }
        if let Some(location) = &self.location {
            parts.push(format!("→ {location}"));
        }
        if let (Some(got), Some(size)) = (&self.got_sha256, self.got_size) {
            let expected = match (&self.expected_sha256, self.expected_size) {
                (Some(e), Some(s)) => format!(" (built: {}…, {s} bytes)", short(e)),
                _ => String::new(),
            };
            parts.push(format!("got {}…, {size} bytes{expected}", short(got)));
        }
        if let Some(from) = &self.linked_from {
            parts.push(format!("linked from {from}"));
        }
        if let Some(message) = &self.message {
            parts.push(message.clone());
        }
        parts.join("; ")
    }
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:8} {}", self.kind.label(), self.place())?;
        let details = self.details();
        if !details.is_empty() {
            write!(f, ": {details}")?;
        }
        Ok(())
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

    /// JSON Lines: one object per finding, nothing when clean.
    pub fn to_json_lines(&self) -> String {
        let mut out = String::new();
        for f in &self.findings {
            // A struct of strings and integers always serializes.
            out.push_str(&serde_json::to_string(f).unwrap_or_default());
            out.push('\n');
        }
        out
    }

    /// "12 unchanged, 1 changed, 2 cloaked": the kinds present, in order.
    pub fn summary(&self) -> String {
        let kinds: std::collections::BTreeSet<Kind> =
            self.findings.iter().map(|f| f.kind).collect();
        let mut parts = vec![format!("{} unchanged", self.unchanged_count)];
        for kind in kinds {
            parts.push(format!("{} {}", self.count(kind), kind.label()));
        }
        parts.join(", ")
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in &self.findings {
            writeln!(f, "{finding}")?;
        }
        write!(f, "{}", self.summary())
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
            .to_json_lines()
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
