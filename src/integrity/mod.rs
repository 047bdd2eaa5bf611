//! The integrity manifest (`civic-manifest.json`: SHA-256 and size of every published file)
//! and `civic verify`, which proves a deployed copy is exactly what was built. Also the
//! security-headers files for common servers, with a strict Content-Security-Policy.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Written at the root of the output; never listed in itself.
pub const MANIFEST_FILE: &str = "civic-manifest.json";

/// The policy the default theme is built to satisfy: no inline scripts or styles, nothing
/// loaded from other hosts, no framing.
pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub sha256: String,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    pub algorithm: String,
    /// Relative path (with `/`) → entry; a `BTreeMap` so the JSON is sorted and deterministic.
    pub files: BTreeMap<String, FileEntry>,
}

#[derive(Debug, thiserror::Error)]
pub enum IntegrityError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a Civic manifest: {message}")]
    BadManifest { path: PathBuf, message: String },
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> IntegrityError + '_ {
    move |source| IntegrityError::Io {
        path: path.to_path_buf(),
        source,
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// The manifest for a set of output files (relative paths with `/`). Deterministic: sorted
/// by path, no timestamps. The manifest file itself is skipped if present.
pub fn manifest_json(files: &[(String, &[u8])]) -> String {
    manifest_from_entries(files.iter().map(|(path, bytes)| {
        let entry = FileEntry {
            sha256: sha256_hex(bytes),
            size: bytes.len() as u64,
        };
        (path.clone(), entry)
    }))
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

/// The manifest for every file under `dir` (for tools that hash an existing folder).
pub fn manifest_of_dir(dir: &Path) -> Result<String, IntegrityError> {
    let files = read_tree(dir)?;
    let refs: Vec<(String, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.clone(), b.as_slice()))
        .collect();
    Ok(manifest_json(&refs))
}

/// Result of comparing a folder with a manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerifyReport {
    /// In the folder but not in the manifest.
    pub added: Vec<String>,
    /// In both, with a different hash or size.
    pub changed: Vec<String>,
    /// In the manifest but not in the folder.
    pub missing: Vec<String>,
    pub unchanged_count: usize,
}

impl VerifyReport {
    pub fn is_clean(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.missing.is_empty()
    }
}

impl fmt::Display for VerifyReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (label, list) in [
            ("added", &self.added),
            ("changed", &self.changed),
            ("missing", &self.missing),
        ] {
            for p in list {
                writeln!(f, "{label:8} {p}")?;
            }
        }
        write!(
            f,
            "{} unchanged, {} added, {} changed, {} missing",
            self.unchanged_count,
            self.added.len(),
            self.changed.len(),
            self.missing.len()
        )
    }
}

/// Compare `dir` with the manifest found in it (`dir/civic-manifest.json`).
pub fn verify(dir: &Path) -> Result<VerifyReport, IntegrityError> {
    verify_against(dir, &dir.join(MANIFEST_FILE))
}

/// Compare `dir` with a manifest kept elsewhere (safer: an attacker who can change the site
/// can change a manifest stored beside it).
pub fn verify_against(dir: &Path, manifest_path: &Path) -> Result<VerifyReport, IntegrityError> {
    let text = std::fs::read_to_string(manifest_path).map_err(io_err(manifest_path))?;
    let manifest: Manifest =
        serde_json::from_str(&text).map_err(|e| IntegrityError::BadManifest {
            path: manifest_path.to_path_buf(),
            message: e.to_string(),
        })?;
    if manifest.algorithm != "sha256" {
        return Err(IntegrityError::BadManifest {
            path: manifest_path.to_path_buf(),
            message: format!("unsupported algorithm {}", manifest.algorithm),
        });
    }
    let mut report = VerifyReport::default();
    let present = read_tree(dir)?;
    for (path, bytes) in &present {
        match manifest.files.get(path) {
            None => report.added.push(path.clone()),
            Some(e) if e.size != bytes.len() as u64 || e.sha256 != sha256_hex(bytes) => {
                report.changed.push(path.clone())
            }
            Some(_) => report.unchanged_count += 1,
        }
    }
    report.missing = manifest
        .files
        .keys()
        .filter(|p| !present.contains_key(*p))
        .cloned()
        .collect();
    Ok(report)
}

/// Every regular file under `dir` (symlinks followed) except the manifest at its root.
fn read_tree(dir: &Path) -> Result<BTreeMap<String, Vec<u8>>, IntegrityError> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(true) {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            IntegrityError::Io {
                path,
                source: e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("file system loop")),
            }
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if rel == MANIFEST_FILE {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(io_err(entry.path()))?;
        files.insert(rel, bytes);
    }
    Ok(files)
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
