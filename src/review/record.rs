//! The sign-off record of one page, kept beside it: `content/news/x.md` → `content/news/x.review.yaml`.
//! The file is the truth: hand-readable YAML an inspector can open, travelling with the site in
//! git. It is never published (the content walker skips `*.review.yaml`).

use super::Level;
use crate::error::Problem;
use jiff::civil::Date;
use serde::Deserialize;
use std::path::Path;

/// One level's signature: who, when, the SHA-256 of the source file as signed, and the findings
/// the signer saw then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignOff {
    pub level: Level,
    pub name: String,
    pub date: Date,
    pub sha256: String,
    pub findings: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecord {
    #[serde(default)]
    signoffs: Vec<RawSignOff>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSignOff {
    level: u8,
    name: String,
    date: String,
    sha256: String,
    #[serde(default)]
    findings: Vec<String>,
}

/// The record's file for a content file (`content/news/x.md` → `content/news/x.review.yaml`).
pub fn record_file(file: &str) -> String {
    format!("{}.review.yaml", file.strip_suffix(".md").unwrap_or(file))
}

fn invalid(file: &str, line: usize, message: crate::messages::Text) -> Problem {
    Problem::error("review-record-invalid", message)
        .in_file(file)
        .at_line(line)
        .help(crate::text!("review-record-help"))
}

/// The sign-offs recorded for `file` (none when it has no record yet).
pub fn read(root: &Path, file: &str) -> Result<Vec<SignOff>, Problem> {
    let rec = record_file(file);
    let text = match std::fs::read_to_string(root.join(&rec)) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(invalid(
                &rec,
                1,
                crate::text!("review-record-unreadable", reason = e.to_string()),
            ));
        }
    };
    let raw: RawRecord = crate::yaml::parse(&text).map_err(|e| invalid(&rec, e.line, e.message))?;
    raw.signoffs
        .into_iter()
        .map(|s| {
            let bad = |m| invalid(&rec, 1, m);
            let level = Level::new(s.level).ok_or_else(|| {
                bad(crate::text!(
                    "review-level-invalid",
                    level = i64::from(s.level)
                ))
            })?;
            let date = s.date.parse::<Date>().map_err(|_| {
                bad(crate::text!(
                    "inspect-names-bad-date",
                    date = s.date.as_str()
                ))
            })?;
            Ok(SignOff {
                level,
                name: s.name,
                date,
                sha256: s.sha256,
                findings: s.findings,
            })
        })
        .collect()
}

/// Write the record of `file`, replacing it whole through a temporary file so an interrupted
/// write leaves the old record.
pub fn write(root: &Path, file: &str, signoffs: &[SignOff]) -> Result<(), Problem> {
    let rec = record_file(file);
    let mut text = String::from(
        "# 三审三校发布审核记录 — written by `civic review sign`; edit the page and it needs signing again.\n\
         # Three-level review record of the page beside this file (level 1 editor, 2 section head, 3 leader in charge).\n\
         signoffs:\n",
    );
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string());
    for s in signoffs {
        text.push_str(&format!(
            "  - level: {}\n    name: {}\n    date: {}\n    sha256: {}\n",
            s.level.get(),
            quote(&s.name),
            s.date,
            s.sha256
        ));
        if s.findings.is_empty() {
            text.push_str("    findings: []\n");
        } else {
            text.push_str("    findings:\n");
            for f in &s.findings {
                text.push_str(&format!("      - {}\n", quote(f)));
            }
        }
    }
    let path = root.join(&rec);
    let tmp = path.with_extension("yaml.tmp");
    let fail = |e: std::io::Error| {
        invalid(
            &rec,
            1,
            crate::text!("review-record-unwritable", reason = e.to_string()),
        )
    };
    std::fs::write(&tmp, text).map_err(fail)?;
    std::fs::rename(&tmp, &path).map_err(fail)
}
