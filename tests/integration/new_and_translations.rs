//! `civic new`, `civic translations` and `civic translations mark`, through the binary.

use crate::common;

use common::civic_in as civic;

use common::small_site::{small_site, write};

#[test]
fn new_creates_valid_pages_in_the_right_section_and_never_overwrites() {
    let site = small_site();
    let root = site.path();
    let out = civic(root)
        .args(["new", "news", "社区志愿服务活动", "--date", "2026-11-25"])
        .assert()
        .success();
    let created = String::from_utf8_lossy(&out.get_output().stdout)
        .trim()
        .to_string();
    assert!(
        created.ends_with("content/news/she-qu-zhi-yuan-fu-wu-huo-dong.md"),
        "{created}"
    );
    let text = std::fs::read_to_string(root.join("content/news/she-qu-zhi-yuan-fu-wu-huo-dong.md"))
        .unwrap();
    assert!(text.contains("date: 2026-11-25"));
    assert!(text.contains("title: \"社区志愿服务活动\""));
    let again = civic(root)
        .args(["new", "news", "社区志愿服务活动"])
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&again.get_output().stderr).contains("already exists"));

    civic(root)
        .args([
            "new",
            "handbook",
            "文明出行",
            "--lang",
            "both",
            "--slug",
            "travel",
        ])
        .assert()
        .success();
    let chapter = std::fs::read_to_string(root.join("content/handbook/travel.md")).unwrap();
    assert!(chapter.contains("weight: 3"), "{chapter}");
    assert!(root.join("content/handbook/travel.en.md").is_file());
    civic(root)
        .args(["new", "page", "关于我们", "--slug", "about"])
        .assert()
        .success();
    civic(root)
        .args(["new", "role_model", "李梅"])
        .assert()
        .code(1);
    civic(root).args(["new", "hero", "李梅"]).assert().code(2);

    // Everything `new` wrote builds.
    civic(root)
        .args(["build", "--date", "2026-11-25", "--quiet"])
        .assert()
        .success();
}

#[test]
fn translations_are_marked_and_go_out_of_date_when_the_source_changes() {
    let site = small_site();
    let root = site.path();
    let table = civic(root)
        .args(["translations", "--date", "2026-11-25"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&table.get_output().stdout).to_string();
    assert!(
        text.contains("content/news/a.md") && text.contains("unreviewed"),
        "{text}"
    );
    assert!(
        text.contains("content/news/c.md") && text.contains("missing"),
        "{text}"
    );

    let before = std::fs::read_to_string(root.join("content/news/a.en.md")).unwrap();
    civic(root)
        .args(["translations", "mark", "content/news/a.en.md"])
        .assert()
        .success();
    let after = std::fs::read_to_string(root.join("content/news/a.en.md")).unwrap();
    assert_eq!(
        after.lines().count(),
        before.lines().count() + 1,
        "only a source_hash line is added"
    );
    let json = civic(root)
        .args(["translations", "--format", "json", "--date", "2026-11-25"])
        .assert()
        .success();
    let rows: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    let a = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["file"] == "content/news/a.md")
        .unwrap();
    assert_eq!(a["status"], "up-to-date");

    // The source changes: check reports the twin as outdated, at its source_hash line.
    write(
        root,
        "content/news/a.md",
        "---\ntitle: 第一条新闻\ndate: 2026-11-20\ntags: [志愿服务]\n---\n\n## 详情\n\n改了。\n",
    );
    let check = civic(root)
        .args(["check", "--format", "json", "--date", "2026-11-25"])
        .assert();
    let report: serde_json::Value = serde_json::from_slice(&check.get_output().stdout).unwrap();
    let outdated = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "outdated-translation")
        .expect("outdated translation reported");
    assert_eq!(outdated["file"], "content/news/a.en.md");
    assert_eq!(outdated["line"], 3);
    // Marking again (the Chinese file may be named instead) changes only that line.
    civic(root)
        .args(["translations", "mark", "content/news/a.md"])
        .assert()
        .success();
    let marked = std::fs::read_to_string(root.join("content/news/a.en.md")).unwrap();
    assert_eq!(marked.lines().count(), after.lines().count());
}

/// `civic new news` in the sample site proposes the file name its news files have: the date,
/// then the title's pinyin (`2026-11-25-she-qu-…`); a section whose news are not named by date
/// keeps undated names (the small site above).
#[test]
fn new_news_is_named_by_date_as_the_sample_news_are() {
    let site = common::sample_site::sample_site();
    let root = site.path();
    let out = civic(root)
        .args(["new", "news", "社区志愿服务活动", "--date", "2026-11-25"])
        .assert()
        .success();
    let created = String::from_utf8_lossy(&out.get_output().stdout)
        .trim()
        .to_string();
    let name = "2026-11-25-she-qu-zhi-yuan-fu-wu-huo-dong.md";
    assert!(
        created.ends_with(&format!("content/news/{name}")),
        "{created}"
    );
    let text = std::fs::read_to_string(root.join("content/news").join(name)).unwrap();
    assert!(text.contains("date: 2026-11-25"), "{text}");
    let notes = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(notes.contains(name.trim_end_matches(".md")), "{notes}");
    // An explicit --slug is the editor's choice, taken as written.
    civic(root)
        .args([
            "new",
            "news",
            "停水通知",
            "--slug",
            "water",
            "--date",
            "2026-11-25",
        ])
        .assert()
        .success();
    assert!(root.join("content/news/water.md").is_file());
}
