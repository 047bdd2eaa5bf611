//! 三审三校 sign-offs (issue 26) through the real `civic review` binary on a copy of the sample
//! site with `review: { levels: 3 }`: three levels sign in order, one person signs one level, a
//! page edited after its sign-off needs signing again, the printable 发布审核登记表 shows each
//! page with its three signers, and the sample site checks and builds clean once every page is
//! signed. Without `review:` nothing changes (inspection.rs: the sample site passes).

use crate::common::sample_site::{self, Found, lines};
use crate::common::{self, DATE, civic};
use std::path::Path;
use std::process::Output;

const PAGE: &str = "content/about.md";

/// The sample site with review on; 林小舟 is listed at two levels (a small office).
fn review_site() -> tempfile::TempDir {
    let site = sample_site::sample_site();
    sample_site::append(site.path(), "site.yaml", "\nreview: { levels: 3 }\n");
    sample_site::write(
        site.path(),
        "data/reviewers.yaml",
        "reviewers:\n  - { name: 林小舟, level: 1 }\n  - { name: 林小舟, level: 2 }\n  - { name: 周立群, level: 2 }\n  - { name: 宋晓岚, level: 3 }\n",
    );
    site
}

fn review(root: &Path, args: &[&str]) -> Output {
    civic()
        .args(["review", "--date", DATE, "--root"])
        .arg(root)
        .args(args)
        .output()
        .expect("run civic review")
}

fn sign(root: &Path, file: &str, level: u8, name: &str) -> Output {
    let level = level.to_string();
    review(root, &["sign", file, "--level", &level, "--name", name])
}

fn sign_all_levels(root: &Path, file: &str) {
    for (level, name) in [(1, "林小舟"), (2, "周立群"), (3, "宋晓岚")] {
        let out = sign(root, file, level, name);
        assert!(out.status.success(), "{}", common::stderr(&out));
    }
}

fn review_findings<'a>(found: &'a [Found], file: &str) -> Vec<&'a Found> {
    found
        .iter()
        .filter(|f| f.file == file && f.code.starts_with("review"))
        .collect()
}

/// The register's row for `file`: its cells' text.
fn register_row(root: &Path, file: &str) -> Vec<String> {
    let out = review(root, &["register"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let path = root.join(format!("reports/review-register-{DATE}.html"));
    let doc = scraper::Html::parse_document(&std::fs::read_to_string(path).expect("register"));
    assert_eq!(common::attr(&doc, "html", "lang").as_deref(), Some("zh-CN"));
    let title: String = common::select(&doc, "h1")[0].text().collect();
    assert!(title.contains("发布审核登记表"), "{title}");
    let rows = common::select(&doc, "tbody tr");
    let row = rows
        .iter()
        .find(|r| r.text().collect::<String>().contains(file))
        .unwrap_or_else(|| panic!("a row for {file}"));
    let cell = scraper::Selector::parse("td").expect("selector");
    row.select(&cell).map(|c| c.text().collect()).collect()
}

#[test]
fn three_levels_sign_in_order_one_person_one_level() {
    let site = review_site();
    let root = site.path();
    let early = sign(root, PAGE, 2, "周立群");
    assert!(!early.status.success());
    assert!(
        common::stderr(&early).contains("cannot sign yet"),
        "{}",
        common::stderr(&early)
    );
    assert!(sign(root, PAGE, 1, "林小舟").status.success());
    let twice = sign(root, PAGE, 2, "林小舟");
    assert!(!twice.status.success(), "one person, two levels");
    let err = common::stderr(&twice);
    assert!(err.contains("only one level"), "{err}");
    let wrong = sign(root, PAGE, 3, "周立群");
    assert!(
        !wrong.status.success(),
        "a level-2 reviewer cannot sign level 3"
    );
    assert!(sign(root, PAGE, 2, "周立群").status.success());
    assert!(sign(root, PAGE, 3, "宋晓岚").status.success());

    // The record beside the page: names, dates, the SHA-256 of the file as signed.
    let record = std::fs::read_to_string(root.join("content/about.review.yaml")).expect("record");
    let sha = civic::digest::sha256_hex(&std::fs::read(root.join(PAGE)).expect("page"));
    assert_eq!(record.matches(&sha).count(), 3, "{record}");
    for name in ["林小舟", "周立群", "宋晓岚"] {
        assert!(record.contains(name), "{record}");
    }

    let (found, passed) = sample_site::check(root, DATE);
    assert!(!passed, "the other pages are unsigned");
    assert!(review_findings(&found, PAGE).is_empty(), "{found:#?}");
    assert_eq!(
        lines(&found, "review-unsigned", "content/about.en.md"),
        vec![1]
    );

    let status = review(root, &["status"]);
    let listed = String::from_utf8_lossy(&status.stdout);
    assert!(listed.starts_with("awaiting level 1 (editor):"), "{listed}");
    assert!(listed.contains("content/about.en.md"), "{listed}");
    assert!(!listed.contains(&format!("{PAGE} ")), "{listed}");

    let row = register_row(root, PAGE);
    for (cell, name) in row[3..6].iter().zip(["林小舟", "周立群", "宋晓岚"]) {
        assert!(cell.contains(name) && cell.contains(DATE), "{row:?}");
    }
    assert!(row[6].contains("已三审，可发布"), "{row:?}");
    let unsigned = register_row(root, "content/about.en.md");
    assert!(unsigned[3].contains("未签审"), "{unsigned:?}");
    assert!(unsigned[6].contains("不得发布"), "{unsigned:?}");
}

#[test]
fn a_page_edited_after_its_signoff_needs_signing_again() {
    let site = review_site();
    let root = site.path();
    sign_all_levels(root, PAGE);
    sample_site::append(root, PAGE, "\n本站新增无障碍浏览说明。\n");

    let (found, _) = sample_site::check(root, DATE);
    let stale = review_findings(&found, PAGE);
    assert_eq!(stale.len(), 1, "{found:#?}");
    assert_eq!(
        (stale[0].code.as_str(), stale[0].line),
        ("review-stale", Some(1))
    );
    assert_eq!(stale[0].severity, "error");
    assert!(stale[0].message.contains("sign it again"), "{stale:?}");

    let row = register_row(root, PAGE);
    assert!(row[3].contains("需重新签审"), "{row:?}");
    assert!(row[6].contains("不得发布"), "{row:?}");
    let early = sign(root, PAGE, 3, "宋晓岚");
    assert!(
        !early.status.success(),
        "the edited version starts at level 1"
    );

    sign_all_levels(root, PAGE);
    let (found, _) = sample_site::check(root, DATE);
    assert!(review_findings(&found, PAGE).is_empty(), "{found:#?}");
}

#[test]
fn an_unsigned_page_stops_publishing_and_the_signed_sample_site_builds_clean() {
    let site = review_site();
    let root = site.path();
    let news = "content/news/2026-11-24-third-assessment.md";
    let (found, passed) = sample_site::check(root, DATE);
    assert!(!passed);
    assert_eq!(lines(&found, "review-unsigned", news), vec![1]);
    let options = civic::pipeline::BuildOptions {
        root: root.to_path_buf(),
        output: root.join("output"),
        base_url: None,
        drafts: false,
        date: DATE.parse().expect("date"),
        theme_dir: None,
    };
    let gate = civic::check::publish_gate(&options);
    assert!(
        gate.iter()
            .any(|p| p.code == "review-unsigned" && p.file.as_deref() == Some(news)),
        "{gate:?}"
    );

    // Every page and section signed at each level (through the library, as `civic review
    // sign` does, with the site loaded once).
    let highlighter = civic::markdown::Highlighter::default();
    let loaded = civic::pipeline::load(&options, &highlighter).expect("load");
    let pages = civic::review::status(&loaded.site, root).expect("status");
    assert!(pages.len() > 100, "{}", pages.len());
    for page in &pages {
        for (level, name) in [(1, "林小舟"), (2, "周立群"), (3, "宋晓岚")] {
            let level = civic::review::Level::new(level).expect("level");
            civic::review::sign(&loaded.site, root, &page.file, level, name, options.date)
                .unwrap_or_else(|e| panic!("{}: {:?}", page.file, e.0));
        }
    }

    assert!(civic::check::publish_gate(&options).is_empty());
    let (found, passed) = sample_site::check(root, DATE);
    assert!(passed, "{found:#?}");
    assert!(
        found.iter().all(|f| !f.code.starts_with("review")),
        "{found:#?}"
    );
    let out = civic()
        .args(["build", "--quiet", "--date", DATE, "--root"])
        .arg(root)
        .output()
        .expect("build");
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(
        !root.join("output/about.review.yaml").exists(),
        "records are never published"
    );
}
