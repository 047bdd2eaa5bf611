//! `civic translations diff FILE`: what changed in the Chinese text since the English twin was
//! last marked, from the text `mark` kept, with no git (the test site is no repository).

use crate::common;

use common::civic_in as civic;

use common::small_site::{small_site, write};

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).to_string()
}

#[test]
fn diff_shows_the_chinese_changes_since_the_twin_was_marked() {
    let site = small_site();
    let root = site.path();
    assert!(!root.join(".git").exists());
    // Never marked: nothing to compare with, and the message says what to do.
    let unmarked = civic(root)
        .args(["translations", "diff", "content/news/a.en.md"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&unmarked.get_output().stderr).to_string();
    assert!(err.contains("never been marked"), "{err}");

    civic(root)
        .args(["translations", "mark", "content/news/a.en.md"])
        .assert()
        .success();
    let kept = std::fs::read_dir(root.join(".civic/translation-sources"))
        .unwrap()
        .count();
    assert_eq!(kept, 1);
    let same = civic(root)
        .args(["translations", "diff", "content/news/a.en.md"])
        .assert()
        .success();
    assert!(
        stdout(&same).contains("nothing changed"),
        "{}",
        stdout(&same)
    );

    // The Chinese page changes: a sentence is rewritten and a paragraph added.
    write(
        root,
        "content/news/a.md",
        "---\ntitle: 第一条新闻\ndate: 2026-11-20\ntags: [志愿服务]\n---\n\n## 详情\n\n志愿者清扫了湖滨路。\n\n共有三十人参加。\n",
    );
    // Either file of the pair may be named.
    let changed = civic(root)
        .args(["translations", "diff", "content/news/a.md"])
        .assert()
        .success();
    let text = stdout(&changed);
    assert!(text.contains("- 志愿者清扫街道。"), "{text}");
    assert!(text.contains("+ 志愿者清扫了湖滨路。"), "{text}");
    assert!(text.contains("+ 共有三十人参加。"), "{text}");
    assert!(!text.contains("- ## 详情"), "{text}");
    insta::assert_snapshot!(text);

    // Marked again: nothing left to show.
    civic(root)
        .args(["translations", "mark", "content/news/a.en.md"])
        .assert()
        .success();
    let again = civic(root)
        .args(["translations", "diff", "content/news/a.en.md"])
        .assert()
        .success();
    assert!(stdout(&again).contains("nothing changed"));
}

/// Text added at the end of the Chinese page shows as added, and its unchanged last line stays
/// unchanged (it used to show as removed and added again), whether or not the file ended with a
/// line end.
#[test]
fn text_appended_at_the_end_leaves_the_last_line_unchanged() {
    for ending in ["", "\n", "\n\n"] {
        let site = small_site();
        let root = site.path();
        let before = "---\ntitle: 第一条新闻\ndate: 2026-11-20\n---\n\n志愿者清扫街道。";
        write(root, "content/news/a.md", &format!("{before}{ending}"));
        civic(root)
            .args(["translations", "mark", "content/news/a.en.md"])
            .assert()
            .success();
        write(
            root,
            "content/news/a.md",
            &format!("{before}\n共有三十人参加。{ending}"),
        );
        let diff = civic(root)
            .args(["translations", "diff", "content/news/a.md"])
            .assert()
            .success();
        let text = stdout(&diff);
        assert!(text.contains("  志愿者清扫街道。"), "{ending:?}: {text}");
        assert!(!text.contains("- 志愿者清扫街道。"), "{ending:?}: {text}");
        assert!(!text.contains("+ 志愿者清扫街道。"), "{ending:?}: {text}");
        assert!(text.contains("+ 共有三十人参加。"), "{ending:?}: {text}");
    }
}
