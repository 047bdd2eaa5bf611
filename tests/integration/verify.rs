//! `civic verify`: a deployed copy compared with the build's manifest.

use crate::common;

use civic::integrity::{Kind, MANIFEST_FILE, manifest_json, verify, verify_against};
use common::civic;
use std::fs;
use std::path::Path;

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(path, bytes).expect("write");
}

/// A fake build output with its manifest, as `civic build` writes it.
fn fake_output(root: &Path) {
    let files: Vec<(String, &[u8])> = vec![
        ("index.html".into(), b"<h1>\xe6\x98\x8e\xe6\xb9\x96</h1>"),
        ("en/index.html".into(), b"<h1>Minghu</h1>"),
        ("news/2026/index.html".into(), b"<p>news</p>"),
        ("css/site.css".into(), b"body{}"),
        ("img/logo.png".into(), &[0x89, b'P', b'N', b'G', 0, 1, 2]),
    ];
    for (rel, bytes) in &files {
        write(root, rel, bytes);
    }
    write(root, MANIFEST_FILE, manifest_json(&files).as_bytes());
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        if entry.file_type().is_file() {
            write(
                to,
                &rel.to_string_lossy(),
                &fs::read(entry.path()).expect("read"),
            );
        }
    }
}

#[test]
fn untouched_copy_is_clean() {
    let out = tempfile::tempdir().expect("tempdir");
    let deployed = tempfile::tempdir().expect("tempdir");
    fake_output(out.path());
    copy_tree(out.path(), deployed.path());
    let report = verify(deployed.path()).expect("verify runs");
    assert!(report.is_clean(), "{report}");
    assert_eq!(report.unchanged_count, 5);
}

#[test]
fn changed_added_and_missing_files_are_reported() {
    let out = tempfile::tempdir().expect("tempdir");
    let deployed = tempfile::tempdir().expect("tempdir");
    fake_output(out.path());
    copy_tree(out.path(), deployed.path());

    // The classic compromise: spam appended to the home page, a new page, a file removed.
    write(
        deployed.path(),
        "index.html",
        b"<h1>\xe6\x98\x8e\xe6\xb9\x96</h1><div style=display:none>x</div>",
    );
    write(deployed.path(), "news/2026/bocai.html", b"spam");
    fs::remove_file(deployed.path().join("css/site.css")).expect("remove");

    let report = verify(deployed.path()).expect("verify runs");
    assert_eq!(report.places(Kind::Changed), ["index.html"]);
    assert_eq!(report.places(Kind::Added), ["news/2026/bocai.html"]);
    assert_eq!(report.places(Kind::Missing), ["css/site.css"]);
    assert_eq!(report.unchanged_count, 3);
    assert!(!report.is_clean());
    let text = report.to_string();
    assert!(
        text.contains("changed  index.html: got ")
            && text.ends_with("3 unchanged, 1 changed, 1 missing, 1 added"),
        "{text}"
    );
}

#[test]
fn same_size_change_is_caught_by_the_hash() {
    let out = tempfile::tempdir().expect("tempdir");
    fake_output(out.path());
    write(out.path(), "en/index.html", b"<h1>Minghx</h1>");
    let report = verify(out.path()).expect("verify runs");
    assert_eq!(report.places(Kind::Changed), ["en/index.html"]);
}

#[test]
fn manifest_kept_elsewhere_and_tampered_manifest() {
    let out = tempfile::tempdir().expect("tempdir");
    let safe = tempfile::tempdir().expect("tempdir");
    fake_output(out.path());
    let kept = safe.path().join("manifest.json");
    fs::copy(out.path().join(MANIFEST_FILE), &kept).expect("copy manifest");
    // An attacker rewrites both a page and the manifest beside it…
    write(out.path(), "index.html", b"spam");
    fs::write(out.path().join(MANIFEST_FILE), manifest_of_dir(out.path())).expect("write");
    assert!(verify(out.path()).expect("runs").is_clean());
    // …but the copy kept off the server still tells the truth.
    let report = verify_against(out.path(), &kept).expect("runs");
    assert_eq!(report.places(Kind::Changed), ["index.html"]);

    fs::write(out.path().join(MANIFEST_FILE), "not json").expect("write");
    let err = verify(out.path()).expect_err("bad manifest");
    assert!(err.to_string().contains("not a Civic manifest"), "{err}");
    let err = verify(&out.path().join("nope")).expect_err("missing folder");
    assert!(err.to_string().starts_with("no manifest at"), "{err}");
    assert!(
        err.help()
            .is_some_and(|h| h.to_string().contains("--manifest")),
        "{err}"
    );
}

/// The manifest of every file under `dir`, as an attacker who rewrites it beside the pages would
/// make it (the manifest itself is left out by `manifest_json`).
fn manifest_of_dir(dir: &Path) -> String {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("readable");
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).expect("inside");
            let rel = rel.to_string_lossy().replace('\\', "/");
            files.push((rel, fs::read(entry.path()).expect("readable")));
        }
    }
    let refs: Vec<(String, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.clone(), b.as_slice()))
        .collect();
    manifest_json(&refs)
}

#[test]
fn manifest_of_dir_matches_manifest_json() {
    let out = tempfile::tempdir().expect("tempdir");
    fake_output(out.path());
    let on_disk = fs::read_to_string(out.path().join(MANIFEST_FILE)).expect("read");
    assert_eq!(manifest_of_dir(out.path()), on_disk);
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_missing_manifest_is_a_usage_error_with_help_not_tampering() {
    let out = tempfile::tempdir().expect("tempdir");
    fake_output(out.path());
    let run = civic()
        .arg("verify")
        .arg(out.path())
        .arg("--manifest")
        .arg(out.path().join("kept/civic-manifest.json"))
        .output()
        .expect("run");
    let err = text(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{err}");
    assert!(err.starts_with("error: no manifest at "), "{err}");
    assert!(err.contains("kept/civic-manifest.json"), "{err}");
    assert!(
        err.contains("\nhelp: ") && err.contains("--manifest PATH"),
        "{err}"
    );
    // A folder with no manifest in it, and a folder that is not there, say the same.
    fs::remove_file(out.path().join(MANIFEST_FILE)).expect("remove");
    for dir in [out.path().to_path_buf(), out.path().join("nope")] {
        let run = civic().arg("verify").arg(&dir).output().expect("run");
        let err = text(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{err}");
        assert!(err.contains("help: "), "{err}");
    }
    // A tampered page still exits 1.
    fake_output(out.path());
    write(out.path(), "index.html", b"spam");
    let run = civic().arg("verify").arg(out.path()).output().expect("run");
    assert_eq!(run.status.code(), Some(1), "{}", text(&run.stderr));
}

#[cfg(unix)]
#[test]
fn a_fifo_or_dangling_symlink_in_a_deployed_copy_is_reported_without_blocking() {
    let out = tempfile::tempdir().expect("tempdir");
    fake_output(out.path());
    let fifo = out.path().join("news/2026/pipe.html");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    std::os::unix::fs::symlink("/nonexistent/civic-target", out.path().join("gone.html"))
        .expect("symlink");
    // Reading the FIFO would block forever: the run must finish and report both.
    let report = verify(out.path()).expect("verify runs");
    assert_eq!(
        report.places(Kind::Special),
        ["gone.html", "news/2026/pipe.html"]
    );
    assert_eq!(report.unchanged_count, 5);
    let text = report.to_string();
    assert!(
        text.contains("special  news/2026/pipe.html: a FIFO (named pipe), not a regular file"),
        "{text}"
    );
    assert!(
        text.contains("special  gone.html: a symlink to nowhere"),
        "{text}"
    );
    let run = civic().arg("verify").arg(out.path()).output().expect("run");
    assert_eq!(run.status.code(), Some(1));
}

#[test]
fn json_on_disk_gives_one_record_per_finding_with_both_hashes() {
    let out = tempfile::tempdir().expect("tempdir");
    fake_output(out.path());
    write(out.path(), "index.html", b"spam");
    write(out.path(), "bocai.html", b"more spam");
    fs::remove_file(out.path().join("css/site.css")).expect("remove");
    let run = civic()
        .args(["verify", "--format", "json", "--quiet"])
        .arg(out.path())
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(1), "{}", text(&run.stderr));
    assert!(run.stderr.is_empty(), "{}", text(&run.stderr));
    let records: Vec<serde_json::Value> = text(&run.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let kinds: Vec<&str> = records.iter().filter_map(|r| r["kind"].as_str()).collect();
    assert_eq!(kinds, ["changed", "missing", "added"]);
    let changed = &records[0];
    assert_eq!(changed["path"], "index.html");
    assert_eq!(changed["got_sha256"], civic::integrity::sha256_hex(b"spam"));
    assert_eq!(changed["got_size"], 4);
    assert_eq!(
        changed["expected_sha256"],
        civic::integrity::sha256_hex("<h1>\u{660e}\u{6e56}</h1>".as_bytes())
    );
    assert_eq!(records[1]["path"], "css/site.css");
    assert_eq!(records[2]["got_size"], 9);

    // Clean: no records, exit 0.
    fake_output(out.path());
    fs::remove_file(out.path().join("bocai.html")).expect("remove");
    let run = civic()
        .args(["verify", "--format", "json"])
        .arg(out.path())
        .output()
        .expect("run");
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(run.stdout.is_empty());
}
