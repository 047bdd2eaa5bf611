//! The guard as an editor meets it, through the real `civic` binary: `check` reports its
//! warnings, a page of one brand repeated 20,000 times is a handful of capped errors (no crash,
//! the previous output kept), and the development attack and honest pages of
//! `../shared/guard-dev` are stopped and passed by a real build.

use crate::common::{DATE, Fixture, civic, snapshot, stderr};
use std::path::Path;

fn check_json(f: &Fixture) -> serde_json::Value {
    let out = civic()
        .args(["check", "--format", "json", "--date", DATE, "--root"])
        .arg(f.root())
        .output()
        .expect("run civic check");
    serde_json::from_slice(&out.stdout).expect("check --format json prints JSON")
}

#[test]
fn check_reports_the_guards_warnings() {
    let f = Fixture::new();
    f.write(
        "content/news/2026-11-01-link.md",
        "---\ntitle: 外链测试\ndate: 2026-11-01\n---\n\n请访问[这个网站](https://example.org/page)了解更多。\n",
    );
    let report = check_json(&f);
    let problems = report["problems"].as_array().expect("problems");
    let guard: Vec<_> = problems
        .iter()
        .filter(|p| p["code"].as_str().is_some_and(|c| c.starts_with("guard-")))
        .collect();
    assert!(
        guard.iter().any(|p| p["severity"] == "warning"
            && p["file"]
                .as_str()
                .is_some_and(|s| s.ends_with("2026-11-01-link.md"))),
        "no guard warning for the outside link: {report:#}"
    );
}

#[test]
fn a_brand_repeated_twenty_thousand_times_is_a_few_errors_not_a_crash() {
    let f = Fixture::new();
    let first = f.build();
    assert!(first.status.success(), "{}", stderr(&first));
    let before = snapshot(&f.out());
    let spam = "澳门新葡京娱乐城 ".repeat(20_000);
    f.write(
        "content/news/2026-11-02-spam.md",
        &format!("---\ntitle: 通知\ndate: 2026-11-02\n---\n\n{spam}\n"),
    );
    f.write("static/spam.txt", &spam.repeat(2));
    let out = f.build();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    let errors = err.matches("[spam]").count();
    assert!((1..=50).contains(&errors), "{errors} spam errors");
    assert!(
        err.contains("more spam phrases") || err.contains("另有"),
        "the rest are counted"
    );
    assert_eq!(
        snapshot(&f.out()),
        before,
        "a failed build left the output as it was"
    );
}

fn guard_dev() -> Option<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/guard-dev");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("guard_build: SKIPPED: {} is missing", dir.display());
        None
    }
}

fn pages(dir: &Path, prefix: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("guard-dev readable")
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let page = name.starts_with(prefix) && name.ends_with(".md");
            page.then(|| Some((name, std::fs::read_to_string(e.path()).ok()?)))?
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_development_attacks_stop_a_real_build() {
    let Some(dir) = guard_dev() else { return };
    let attacks = pages(&dir, "attack-");
    assert!(
        attacks.len() >= 10,
        "guard-dev has {} attacks",
        attacks.len()
    );
    let f = Fixture::new();
    for (name, text) in &attacks {
        f.write(&format!("content/news/2026-11-20-{name}"), text);
    }
    let out = f.build();
    let err = stderr(&out);
    assert!(!out.status.success());
    let missed: Vec<&str> = attacks
        .iter()
        .map(|(name, _)| name.as_str())
        .filter(|name| {
            !err.lines()
                .any(|l| l.contains(*name) && (l.contains('×') || l.contains("error")))
        })
        .collect();
    println!(
        "guard-dev attacks: {} of {} stopped",
        attacks.len() - missed.len(),
        attacks.len()
    );
    assert!(
        missed.is_empty(),
        "attacks the build let through: {missed:?}\n{err}"
    );
}

#[test]
fn the_development_honest_pages_build() {
    let Some(dir) = guard_dev() else { return };
    let honest = pages(&dir, "clean-");
    assert!(
        honest.len() >= 10,
        "guard-dev has {} honest pages",
        honest.len()
    );
    let f = Fixture::new();
    for (name, text) in &honest {
        f.write(&format!("content/news/2026-11-20-{name}"), text);
    }
    let out = f.build();
    assert!(
        out.status.success(),
        "honest pages blocked:\n{}",
        stderr(&out)
    );
}
