//! The guard's acceptance corpus (issue 7): every attack sample must be caught by the rule it
//! targets, and every honest paragraph must pass with no finding at all. Recall and false
//! positives are printed (`cargo test --test guard_corpus -- --nocapture`).
//!
//! Samples: `tests/guard-corpus/attacks/*` (first line `expect: rule rule …`), scanned by
//! file type — `.md` as Markdown source *and* rendered + sanitized HTML, `.html` as a rendered
//! page body, `.tpl.html` as a template override, `.js` as a theme script.
//! `tests/guard-corpus/honest/*`: `.md` files are checked whole and paragraph by paragraph.

use crate::common;

use civic::guard::{Finding, Guard, GuardConfig, Rule, Severity, merge_page_findings, sanitize};
use std::path::{Path, PathBuf};

const THEME_SCRIPTS: &[&str] = &["/js/elder.js", "/js/search.js"];

fn guard() -> &'static Guard {
    common::guard::minghu_guard()
}

fn corpus(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/guard-corpus")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x == "md" || x == "html" || x == "js")
        })
        .collect();
    files.sort();
    files
}

use common::guard::{body_of, render};

/// All findings for a file, as the build would produce them.
fn scan(path: &Path, text: &str) -> Vec<Finding> {
    let g = guard();
    let name = path.to_string_lossy();
    let scripts: Vec<String> = THEME_SCRIPTS.iter().map(|s| s.to_string()).collect();
    if name.ends_with(".tpl.html") {
        g.scan_template(text, &scripts)
    } else if name.ends_with(".html") {
        g.scan_html(text)
    } else if name.ends_with(".js") {
        g.scan_script(text)
    } else {
        let (clean, _removed) =
            sanitize(&render(text, g.allowed_html_tags()), g.allowed_html_tags());
        merge_page_findings(g.scan_source(text), g.scan_html(&clean))
    }
}

fn expected(text: &str) -> Vec<String> {
    let line = text.lines().find(|l| l.contains("expect:")).unwrap_or("");
    let list = line.split("expect:").nth(1).unwrap_or("");
    list.trim_end_matches("-->")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

fn show(findings: &[Finding]) -> String {
    findings.iter().map(|f| format!("  {f}\n")).collect()
}

#[test]
fn attack_corpus_is_caught() {
    let files = corpus("attacks");
    assert!(
        files.len() >= 45,
        "need at least 45 attack samples, have {}",
        files.len()
    );
    let (mut caught, mut missed) = (0, Vec::new());
    for path in &files {
        let text = std::fs::read_to_string(path).expect("sample readable");
        let want = expected(&text);
        assert!(!want.is_empty(), "{} has no expect: line", path.display());
        let found = scan(path, &text);
        let missing: Vec<&String> = want
            .iter()
            .filter(|r| !found.iter().any(|f| f.rule.as_str() == *r))
            .collect();
        if missing.is_empty() {
            caught += 1;
        } else {
            missed.push(format!(
                "{}: missing {missing:?}; found:\n{}",
                path.display(),
                show(&found)
            ));
        }
    }
    let recall = 100.0 * caught as f64 / files.len() as f64;
    println!(
        "guard corpus: attacks caught {caught}/{} (recall {recall:.1}%)",
        files.len()
    );
    assert!(missed.is_empty(), "missed attacks:\n{}", missed.join("\n"));
}

#[test]
fn honest_corpus_passes() {
    let files = corpus("honest");
    let (mut paragraphs, mut false_positives) = (0, Vec::new());
    for path in &files {
        let text = std::fs::read_to_string(path).expect("sample readable");
        let whole = scan(path, &text);
        if !whole.is_empty() {
            false_positives.push(format!(
                "{} (whole file):\n{}",
                path.display(),
                show(&whole)
            ));
        }
        if !path.to_string_lossy().ends_with(".md") {
            continue;
        }
        let (_, removed) = sanitize(
            &render(&text, guard().allowed_html_tags()),
            guard().allowed_html_tags(),
        );
        assert!(
            removed.is_empty(),
            "{}: sanitizer removed {removed:?}",
            path.display()
        );
        for para in body_of(&text)
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
        {
            paragraphs += 1;
            let found = guard().scan_source(para);
            if !found.is_empty() {
                false_positives.push(format!(
                    "{}: paragraph “{}”:\n{}",
                    path.display(),
                    para.trim(),
                    show(&found)
                ));
            }
        }
    }
    println!(
        "guard corpus: honest paragraphs {paragraphs}, files {}, false positives {}",
        files.len(),
        false_positives.len()
    );
    assert!(
        paragraphs >= 45,
        "need at least 45 honest paragraphs, have {paragraphs}"
    );
    assert!(
        false_positives.is_empty(),
        "false positives:\n{}",
        false_positives.join("\n")
    );
}

#[test]
fn findings_point_at_the_original_text() {
    let text = "---\ntitle: 新闻\n---\n\n第一行。\n本周推荐：博\u{200b}彩平台。\n";
    let found = guard().scan_source(text);
    let f = found
        .iter()
        .find(|f| f.rule == Rule::Spam)
        .expect("spam found");
    assert_eq!((f.line, f.column), (6, 6));
    assert!(f.matched.starts_with("博<U+200B>彩"), "{}", f.matched);
    assert!(
        f.signals.contains(civic::evidence::Signal::Disguise),
        "{:?}",
        f.signals
    );
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.message.to_string().contains("rules/gambling.txt:"),
        "{}",
        f.message
    );
}

#[test]
fn external_links_can_be_errors() {
    let cfg = GuardConfig {
        external_links: Severity::Error,
        ..GuardConfig::default()
    };
    let g = Guard::new(&cfg, Path::new("."), &[], &[]).expect("guard builds");
    let found = g.scan_source("[x](https://unknown.example.net/)");
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].rule, found[0].severity),
        (Rule::ExternalLink, Severity::Error)
    );
}

#[test]
fn site_rules_and_allow_words_extend_the_guard() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("rules.txt"),
        "# our own\ndefine brand = 富贵|发财\n{brand}棋牌\n",
    )
    .expect("write");
    let cfg = GuardConfig {
        extra_rules: Some("rules.txt".into()),
        allow_words: vec!["博彩业研究".into()],
        ..GuardConfig::default()
    };
    let g = Guard::new(&cfg, dir.path(), &[], &[]).expect("guard builds");
    assert_eq!(g.scan_source("富贵 棋牌")[0].rule, Rule::Spam);
    assert!(g.scan_source("澳门大学博彩业研究所").is_empty());

    std::fs::write(dir.path().join("bad.txt"), "ok\n(broken\n").expect("write");
    let bad = GuardConfig {
        extra_rules: Some("bad.txt".into()),
        ..GuardConfig::default()
    };
    let err = Guard::new(&bad, dir.path(), &[], &[]).expect_err("bad rule file is an error");
    assert!(err.to_string().starts_with("bad.txt:2:"), "{err}");
}

/// Prints every finding for every sample: `cargo test --test guard_corpus dump -- --ignored --nocapture`.
#[test]
#[ignore]
fn dump() {
    for dir in ["attacks", "honest"] {
        for path in corpus(dir) {
            let text = std::fs::read_to_string(&path).expect("sample readable");
            println!("== {}\n{}", path.display(), show(&scan(&path, &text)));
        }
    }
}

#[test]
fn the_sanitizer_removes_scripts_and_handlers_and_says_what() {
    let html = "<p>ok</p>\n<p onclick=\"x()\">a</p><script>alert(1)</script>\n";
    let (clean, removed) = civic::guard::sanitize(html, guard().allowed_html_tags());
    assert!(
        !clean.contains("onclick") && !clean.contains("script"),
        "{clean}"
    );
    let what: Vec<String> = removed.iter().map(ToString::to_string).collect();
    assert_eq!(
        what,
        [
            "<script> element and its content".to_string(),
            "onclick attribute on <p>".to_string(),
        ]
    );
}

/// Rough cost per page: `cargo test --release --test guard_corpus throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let pages: Vec<(String, String)> = corpus("honest")
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("sample readable");
            let html = render(&text, guard().allowed_html_tags());
            (text, html)
        })
        .collect();
    let g = guard();
    let rounds = 50;
    let start = std::time::Instant::now();
    let mut bytes = 0;
    for _ in 0..rounds {
        for (text, html) in &pages {
            let (clean, _) = civic::guard::sanitize(html, g.allowed_html_tags());
            bytes += text.len() + clean.len();
            assert!(merge_page_findings(g.scan_source(text), g.scan_html(&clean)).is_empty());
        }
    }
    let n = (rounds * pages.len()) as u32;
    println!(
        "guard: {:?} per page (sanitize + source + HTML scan), {} KB scanned",
        start.elapsed() / n,
        bytes / 1024
    );
    let time = |f: &dyn Fn(&(String, String))| {
        let t = std::time::Instant::now();
        for _ in 0..rounds {
            pages.iter().for_each(f);
        }
        t.elapsed() / n
    };
    println!(
        "  sanitize {:?}, scan_source {:?}, scan_html {:?}",
        time(&|(_, h)| drop(civic::guard::sanitize(h, g.allowed_html_tags()))),
        time(&|(t, _)| drop(g.scan_source(t))),
        time(&|(_, h)| drop(g.scan_html(h))),
    );
}
