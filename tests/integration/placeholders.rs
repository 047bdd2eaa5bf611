//! Placeholder text an editor types (issue 29): `在这里写联系电话。`, `电话：待补充`, `TODO`, `XXX`,
//! `[placeholder]` are warnings in `check` and `build` at their file and line, in the body and
//! in front matter, but not in drafts, code or comments; and 708 real laws in
//! `../shared/realtext/` (read from there, never copied) get none.

use crate::common;

use civic::content::{Source, placeholder};
use common::sample_site::{check, sample_site, write};
use std::path::{Path, PathBuf};

const NEWS: &str = "---
title: 社区议事厅开放
date: 2026-11-20
summary: 待补充
---

议事厅每周三开放。

联系电话：在这里写联系电话。

负责人：XXX

TODO: 补上活动照片

相关制度还有待完善。

`TODO` 在代码里不算。

<!-- XXX 注释不发布 -->
";

#[test]
fn typed_placeholders_are_warnings_at_their_file_and_line() {
    let site = sample_site();
    let root = site.path();
    write(root, "content/news/2026-11-20-yi-shi-ting.md", NEWS);
    write(
        root,
        "content/news/2026-11-21-draft.md",
        "---\ntitle: 草稿\ndate: 2026-11-21\ndraft: true\n---\n\n此处填写正文。\n",
    );
    write(
        root,
        "content/about.en.md",
        format!(
            "{}\nWrite the opening hours here.\n",
            std::fs::read_to_string(root.join("content/about.en.md")).unwrap()
        ),
    );
    let (found, _) = check(root, "2026-11-25");
    let lines = |file: &str| -> Vec<u64> {
        found
            .iter()
            .filter(|f| f.code == "placeholder-text" && f.file == file)
            .inspect(|f| assert_eq!(f.severity, "warning", "{f:?}"))
            .filter_map(|f| f.line)
            .collect()
    };
    assert_eq!(
        lines("content/news/2026-11-20-yi-shi-ting.md"),
        [4, 9, 11, 13],
        "{found:?}"
    );
    assert_eq!(lines("content/news/2026-11-21-draft.md"), Vec::<u64>::new());
    let about = std::fs::read_to_string(root.join("content/about.en.md")).unwrap();
    assert_eq!(lines("content/about.en.md"), [about.lines().count() as u64]);
    let phone = found
        .iter()
        .find(|f| f.code == "placeholder-text" && f.line == Some(9))
        .expect("the phone line");
    assert!(phone.message.contains("在这里写联系电话"), "{phone:?}");
    assert!(phone.help.contains("draft: true"), "{phone:?}");

    // The build publishes, and says where each one is.
    let out = common::civic()
        .args(["build", "--date", "2026-11-25", "--root"])
        .arg(root)
        .output()
        .expect("run civic");
    assert!(out.status.success(), "{}", common::stderr(&out));
    let text = common::stderr(&out);
    for line in [4, 9, 11, 13] {
        assert!(
            text.contains(&format!("content/news/2026-11-20-yi-shi-ting.md:{line}:")),
            "{line}: {text}"
        );
    }
}

fn realtext_dir() -> Option<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        repo.join("../shared/realtext"),
        PathBuf::from("/work/shared/realtext"),
    ]
    .into_iter()
    .find(|d| d.is_dir())
}

/// A text with no front matter, as the placeholder check reads a page.
fn as_page(file: &str, text: &str) -> Source {
    Source {
        file: file.to_string(),
        text: text.into(),
        yaml: 0..0,
        body: 0..text.len(),
        yaml_line: 1,
        body_line: 1,
    }
}

#[test]
fn real_laws_have_no_placeholders() {
    let Some(dir) = realtext_dir() else {
        eprintln!("../shared/realtext is absent: real-text placeholder test skipped");
        return;
    };
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    assert!(
        files.len() >= 700,
        "expected the 708 real texts, found {}",
        files.len()
    );
    let mut flagged = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("real text is UTF-8");
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .display()
            .to_string();
        for p in placeholder::suspects(&as_page(&name, &text)) {
            flagged.push(format!("{}: {}", p.location(), p.message));
        }
    }
    assert!(
        flagged.is_empty(),
        "{} placeholder warnings on real laws:\n{}",
        flagged.len(),
        flagged.join("\n")
    );
}
