//! `civic verify`: a deployed copy compared with the build's manifest.

use civic::integrity::{MANIFEST_FILE, manifest_json, manifest_of_dir, verify, verify_against};
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
    assert_eq!(report.changed, ["index.html"]);
    assert_eq!(report.added, ["news/2026/bocai.html"]);
    assert_eq!(report.missing, ["css/site.css"]);
    assert_eq!(report.unchanged_count, 3);
    assert!(!report.is_clean());
    let text = report.to_string();
    assert!(
        text.contains("changed  index.html")
            && text.ends_with("3 unchanged, 1 added, 1 changed, 1 missing"),
        "{text}"
    );
}

#[test]
fn same_size_change_is_caught_by_the_hash() {
    let out = tempfile::tempdir().expect("tempdir");
    fake_output(out.path());
    write(out.path(), "en/index.html", b"<h1>Minghx</h1>");
    let report = verify(out.path()).expect("verify runs");
    assert_eq!(report.changed, ["en/index.html"]);
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
    fs::write(
        out.path().join(MANIFEST_FILE),
        manifest_of_dir(out.path()).expect("hash"),
    )
    .expect("write");
    assert!(verify(out.path()).expect("runs").is_clean());
    // …but the copy kept off the server still tells the truth.
    let report = verify_against(out.path(), &kept).expect("runs");
    assert_eq!(report.changed, ["index.html"]);

    fs::write(out.path().join(MANIFEST_FILE), "not json").expect("write");
    let err = verify(out.path()).expect_err("bad manifest");
    assert!(err.to_string().contains("not a Civic manifest"), "{err}");
    let err = verify(&out.path().join("nope")).expect_err("missing folder");
    assert!(err.to_string().contains("cannot read"), "{err}");
}

#[test]
fn manifest_of_dir_matches_manifest_json() {
    let out = tempfile::tempdir().expect("tempdir");
    fake_output(out.path());
    let on_disk = fs::read_to_string(out.path().join(MANIFEST_FILE)).expect("read");
    assert_eq!(manifest_of_dir(out.path()).expect("hash"), on_disk);
}
