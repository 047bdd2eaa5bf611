//! The repository's sample site (明湖文明网: site.yaml, content/, themes/, data/) copied into a
//! temporary folder, for the inspection and review tests that plant problems in it, and the
//! findings of `civic check --format json` read back as code, file and line.

use std::path::Path;

/// A copy of the sample site.
pub fn sample_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("site.yaml"), dir.path().join("site.yaml")).expect("site.yaml");
    for folder in ["content", "themes", "data"] {
        copy_tree(&repo.join(folder), &dir.path().join(folder));
    }
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

pub fn write(root: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

pub fn append(root: &Path, rel: &str, text: &str) {
    let mut old = std::fs::read_to_string(root.join(rel)).expect("read");
    old.push_str(text);
    write(root, rel, old);
}

/// One finding of `civic check --format json`.
#[derive(Clone, Debug)]
pub struct Found {
    pub severity: String,
    pub code: String,
    pub file: String,
    pub line: Option<u64>,
    pub message: String,
    pub help: String,
}

/// `civic check --format json` of the site at `root` on `date`: its findings and whether it
/// passed.
pub fn check(root: &Path, date: &str) -> (Vec<Found>, bool) {
    let out = super::civic()
        .args(["check", "--format", "json", "--date", date, "--root"])
        .arg(root)
        .output()
        .expect("run civic check");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "check's JSON: {e}\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            super::stderr(&out)
        )
    });
    let text = |p: &serde_json::Value, k: &str| p[k].as_str().unwrap_or_default().to_string();
    let found = json["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| Found {
            severity: text(p, "severity"),
            code: text(p, "code"),
            file: text(p, "file"),
            line: p["line"].as_u64(),
            message: text(p, "message"),
            help: text(p, "help"),
        })
        .collect();
    (found, out.status.success())
}

/// The findings with `code` in `file`, as (line, message, help).
pub fn with_code<'a>(found: &'a [Found], code: &str, file: &str) -> Vec<&'a Found> {
    found
        .iter()
        .filter(|f| f.code == code && f.file == file)
        .collect()
}

/// Line numbers of the findings with `code` in `file`.
pub fn lines(found: &[Found], code: &str, file: &str) -> Vec<u64> {
    with_code(found, code, file)
        .iter()
        .filter_map(|f| f.line)
        .collect()
}
