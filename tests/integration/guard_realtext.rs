//! The guard on real text nobody on the project wrote: the 708 Chinese laws, regulations,
//! judicial interpretations and cases in `../shared/realtext/` (public state documents, read
//! from there and never copied into the repository). None may be blocked, and at most one in
//! twenty may get a warning. Skipped, with a note, where the folder is absent.
//!
//! `cargo test --release --test guard_realtext -- --nocapture` prints the figures and every
//! finding.

use crate::common;

use civic::guard::{Finding, Severity};
use std::path::{Path, PathBuf};

fn realtext_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realtext");
    dir.is_dir().then_some(dir)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    out.sort();
    out
}

#[test]
fn real_laws_are_never_blocked_and_rarely_warned() {
    let Some(dir) = realtext_dir() else {
        eprintln!("../shared/realtext is absent: real-text guard test skipped");
        return;
    };
    let guard = common::guard::minghu_guard();
    let files = files(&dir);
    assert!(
        files.len() >= 700,
        "expected the 708 real texts, found {}",
        files.len()
    );
    let (mut blocked, mut warned) = (Vec::new(), Vec::new());
    for path in &files {
        let text = std::fs::read_to_string(path).expect("real text is UTF-8");
        let findings = common::guard::scan_markdown_page(guard, &text);
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .display()
            .to_string();
        let shown =
            |fs: &[&Finding]| -> String { fs.iter().map(|f| format!("    {f}\n")).collect() };
        let errors: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        let warnings: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .collect();
        if !errors.is_empty() {
            blocked.push(format!("{name}\n{}", shown(&errors)));
        } else if !warnings.is_empty() {
            warned.push(format!("{name}\n{}", shown(&warnings)));
        }
    }
    println!(
        "guard on real text: {} files, {} blocked, {} warned ({:.1}%)",
        files.len(),
        blocked.len(),
        warned.len(),
        100.0 * warned.len() as f64 / files.len() as f64
    );
    for w in &warned {
        println!("warned: {w}");
    }
    assert!(
        blocked.is_empty(),
        "real laws blocked:\n{}",
        blocked.join("\n")
    );
    assert!(
        warned.len() * 20 <= files.len(),
        "{} of {} real texts warned (at most one in twenty)",
        warned.len(),
        files.len()
    );
}
