//! The integrity manifest (`civic-manifest.json`: SHA-256 and size of every published file)
//! and `civic verify`, which proves a deployed copy is exactly what was built: a folder on disk
//! ([`disk`]) or the live site over HTTP, as a visitor and as a search crawler ([`remote`]).
//! Also the security-headers files for common servers, with a strict Content-Security-Policy.

pub mod disk;
mod fetch;
pub mod findings;
mod links;
pub mod remote;
mod sample;

pub use disk::{verify, verify_against};
pub use findings::{Finding, Kind, Report};
/// `verify`'s reader of what a server sent (pages, sitemaps, robots.txt), public for its fuzz
/// target and property tests.
pub use links::links_in;

use crate::messages::Text;
use crate::text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Defined below the stages, which read it too (site keeps aliases off it).
pub use crate::built::MANIFEST_FILE;

/// The policy the default theme is built to satisfy: no inline scripts or styles, nothing
/// loaded from other hosts, no framing.
pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

/// Defined below the stages, which record it as they write; the manifest is made of them.
pub use crate::built::FileEntry;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub algorithm: String,
    /// Relative path (with `/`) → entry; a `BTreeMap` so the JSON is sorted and deterministic.
    pub files: BTreeMap<String, FileEntry>,
}

#[derive(Debug)]
pub enum IntegrityError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    NoManifest {
        path: PathBuf,
    },
    NotAFolder {
        path: PathBuf,
    },
    BadManifest {
        path: PathBuf,
        /// What is wrong with it.
        problem: Text,
    },
}

impl IntegrityError {
    /// The error as a message of the catalogue, to print in the reader's language.
    pub fn text(&self) -> Text {
        // As the operating system writes it: these paths are often absolute.
        let shown = |path: &Path| path.display().to_string();
        match self {
            IntegrityError::Io { path, source } => text!(
                "verify-cannot-read",
                path = shown(path),
                reason = source.to_string()
            ),
            IntegrityError::NoManifest { path } => text!("verify-no-manifest", path = shown(path)),
            IntegrityError::NotAFolder { path } => text!("verify-not-a-folder", path = shown(path)),
            IntegrityError::BadManifest { path, problem } => text!(
                "verify-bad-manifest",
                path = shown(path),
                problem = problem.clone()
            ),
        }
    }

    /// What to do about it, for the line after the error.
    pub fn help(&self) -> Option<Text> {
        match self {
            IntegrityError::NoManifest { .. } => Some(text!("verify-no-manifest-help")),
            IntegrityError::NotAFolder { .. } => Some(text!("verify-not-a-folder-help")),
            IntegrityError::BadManifest { .. } => Some(text!("verify-bad-manifest-help")),
            IntegrityError::Io { .. } => None,
        }
    }
}

/// English, for logs and tests; `civic verify` prints [`IntegrityError::text`].
impl std::fmt::Display for IntegrityError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.text())
    }
}

impl std::error::Error for IntegrityError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            IntegrityError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The largest manifest read (a site of 100,000 files has one of about 15 MB).
const MANIFEST_LIMIT: u64 = 64 * crate::paths::MB;

/// Read and check a manifest.
pub fn load_manifest(path: &Path) -> Result<Manifest, IntegrityError> {
    // A regular file of at most MANIFEST_LIMIT: `--manifest /dev/zero` or a FIFO is refused,
    // not read for ever (issue 24).
    let bytes =
        crate::paths::read_regular(path, MANIFEST_LIMIT).map_err(|problem| match problem {
            crate::paths::PathProblem::Io(source)
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                IntegrityError::NoManifest {
                    path: path.to_path_buf(),
                }
            }
            problem => IntegrityError::BadManifest {
                path: path.to_path_buf(),
                problem: problem.text(),
            },
        })?;
    let text = String::from_utf8_lossy(&bytes);
    let manifest: Manifest =
        serde_json::from_str(&text).map_err(|e| IntegrityError::BadManifest {
            path: path.to_path_buf(),
            problem: text!("verify-manifest-not-json", reason = e.to_string()),
        })?;
    if manifest.algorithm != "sha256" {
        return Err(IntegrityError::BadManifest {
            path: path.to_path_buf(),
            problem: text!("verify-manifest-algorithm", algorithm = &manifest.algorithm),
        });
    }
    Ok(manifest)
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> IntegrityError + '_ {
    move |source| IntegrityError::Io {
        path: path.to_path_buf(),
        source,
    }
}

pub use crate::digest::sha256_hex;

/// The manifest for a set of output files (relative paths with `/`). Deterministic: sorted
/// by path, no timestamps. The manifest file itself is skipped if present.
pub fn manifest_json(files: &[(String, &[u8])]) -> String {
    manifest_from_entries(
        files
            .iter()
            .map(|(path, bytes)| (path.clone(), FileEntry::of(bytes))),
    )
}

/// The manifest from already-computed hashes (the build hashes each file as it writes it).
pub fn manifest_from_entries(entries: impl Iterator<Item = (String, FileEntry)>) -> String {
    let files = entries.filter(|(path, _)| path != MANIFEST_FILE).collect();
    let m = Manifest {
        version: 1,
        algorithm: "sha256".into(),
        files,
    };
    // Serializing a struct of strings and integers cannot fail.
    let mut json = serde_json::to_string_pretty(&m).unwrap_or_default();
    json.push('\n');
    json
}

/// Security headers as `(name, value)` pairs, with `csp` as the Content-Security-Policy.
pub fn security_headers(csp: &str) -> Vec<(&'static str, String)> {
    // A header value cannot span lines; drop anything that would let it.
    let csp: String = csp.chars().filter(|c| !c.is_control()).collect();
    vec![
        ("Content-Security-Policy", csp),
        ("X-Content-Type-Options", "nosniff".into()),
        ("Referrer-Policy", "strict-origin-when-cross-origin".into()),
        ("X-Frame-Options", "DENY".into()),
        ("Cross-Origin-Opener-Policy", "same-origin".into()),
        (
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()".into(),
        ),
    ]
}

/// Headers files for common servers: `_headers` (Netlify, Cloudflare Pages) and
/// `nginx-headers.conf` (to `include` inside a `server` or `location` block).
pub fn headers_files(csp: &str) -> Vec<(String, String)> {
    let headers = security_headers(csp);
    let mut netlify = String::from(
        "# Security headers for Netlify / Cloudflare Pages, written by civic build.\n/*\n",
    );
    let mut nginx = String::from(
        "# Security headers written by civic build. Include in a server or location block:\n#   include /etc/nginx/snippets/nginx-headers.conf;\n",
    );
    for (name, value) in &headers {
        netlify.push_str(&format!("  {name}: {value}\n"));
        nginx.push_str(&format!(
            "add_header {name} \"{}\" always;\n",
            value.replace('"', "\\\"")
        ));
    }
    vec![
        ("_headers".into(), netlify),
        ("nginx-headers.conf".into(), nginx),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_is_sorted_and_deterministic() {
        let a = manifest_json(&[
            ("b.html".into(), b"b"),
            ("a.html".into(), b"a"),
            (MANIFEST_FILE.into(), b"x"),
        ]);
        let b = manifest_json(&[("a.html".into(), b"a"), ("b.html".into(), b"b")]);
        assert_eq!(a, b);
        assert!(a.find("a.html") < a.find("b.html"));
        assert!(!a.contains(MANIFEST_FILE));
        assert!(a.contains("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"));
    }

    #[test]
    fn headers_carry_the_csp() {
        let files = headers_files(STRICT_CSP);
        assert_eq!(files.len(), 2);
        assert!(
            files[0]
                .1
                .contains("Content-Security-Policy: default-src 'self'")
        );
        assert!(
            files[1]
                .1
                .contains("add_header X-Content-Type-Options \"nosniff\" always;")
        );
    }
}
