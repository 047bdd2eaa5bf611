//! serve's incremental rebuilds must leave exactly the output a full `civic build` makes.

mod common;

use civic::serve::live::{Changes, Live, Mode};
use common::small_site::{options, small_site, write};
use common::snapshot as tree;
use std::path::Path;

fn changed(rels: &[&str]) -> Changes {
    Changes {
        markdown: rels.iter().map(|r| r.to_string()).collect(),
        full: false,
    }
}

/// Build the same site from scratch and compare every output file.
fn assert_same_as_full_build(root: &Path, live_out: &Path, step: &str) {
    let fresh = root.join("fresh-output");
    let _ = std::fs::remove_dir_all(&fresh);
    civic::pipeline::build(&options(root, fresh.clone()))
        .unwrap_or_else(|e| panic!("{step}: full build failed: {e:?}"));
    let a = tree(live_out);
    let b = tree(&fresh);
    let only_live: Vec<_> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_fresh: Vec<_> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    let differ: Vec<_> = a
        .iter()
        .filter(|(k, v)| b.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k)
        .collect();
    if let (Some(x), Some(y)) = (a.get("civic-manifest.json"), b.get("civic-manifest.json"))
        && x != y
    {
        let (x, y) = (String::from_utf8_lossy(x), String::from_utf8_lossy(y));
        let diff: Vec<_> = x
            .lines()
            .zip(y.lines())
            .filter(|(l, r)| l != r)
            .take(4)
            .collect();
        eprintln!(
            "{step}: manifest lines differ: {diff:?} ({} vs {} lines)",
            x.lines().count(),
            y.lines().count()
        );
    }
    assert!(
        only_live.is_empty() && only_fresh.is_empty() && differ.is_empty(),
        "{step}: incremental output differs from a full build\n only in serve: {only_live:?}\n missing in serve: {only_fresh:?}\n different: {differ:?}"
    );
}

/// A named change to the files, the paths the watcher would report, and the expected path.
type Step<'a> = (&'a str, Box<dyn Fn() + 'a>, Vec<&'a str>, Mode);

#[test]
fn every_kind_of_edit_matches_a_full_build() {
    let site = small_site();
    let root = site.path();
    let out = root.join("output");
    let (mut live, outcome) = Live::start(options(root, out.clone()));
    assert_eq!(outcome.mode, Mode::Full, "{:?}", live.problems());
    assert_same_as_full_build(root, &out, "start");

    let steps: Vec<Step> = vec![
        (
            "body edit",
            Box::new(|| {
                write(
                    root,
                    "content/news/a.md",
                    "---\ntitle: 第一条新闻\ndate: 2026-11-20\ntags: [志愿服务]\n---\n\n## 详情\n\n志愿者清扫了三条街道。\n",
                )
            }),
            vec!["news/a.md"],
            Mode::Edit,
        ),
        (
            "title edit shows in neighbours",
            Box::new(|| {
                write(
                    root,
                    "content/handbook/one.md",
                    "---\ntitle: 第一章 出行\nweight: 1\n---\n\n## 礼让行人\n\n内容。\n",
                )
            }),
            vec!["handbook/one.md"],
            Mode::Edit,
        ),
        (
            "date moves a page across list pages",
            Box::new(|| {
                write(
                    root,
                    "content/news/d.md",
                    "---\ntitle: 第四条新闻\ndate: 2026-11-24\n---\n\n更旧的新闻。\n",
                )
            }),
            vec!["news/d.md"],
            Mode::Edit,
        ),
        (
            "new tag",
            Box::new(|| {
                write(
                    root,
                    "content/news/c.md",
                    "---\ntitle: 第三条新闻\ndate: 2026-11-10\ntags: [社区, 志愿服务]\n---\n\n旧闻。\n",
                )
            }),
            vec!["news/c.md"],
            Mode::Edit,
        ),
        (
            "Chinese date inherited by the twin",
            Box::new(|| {
                write(
                    root,
                    "content/news/a.md",
                    "---\ntitle: 第一条新闻\ndate: 2026-11-02\ntags: [志愿服务]\n---\n\n## 详情\n\n志愿者清扫了三条街道。\n",
                )
            }),
            vec!["news/a.md"],
            Mode::Edit,
        ),
        (
            "English edit",
            Box::new(|| {
                write(
                    root,
                    "content/news/a.en.md",
                    "---\ntitle: First news item\n---\n\nVolunteers swept three streets.\n",
                )
            }),
            vec!["news/a.en.md"],
            Mode::Edit,
        ),
        (
            "weight reorders chapters",
            Box::new(|| {
                write(
                    root,
                    "content/handbook/two.md",
                    "---\ntitle: 第二章\nweight: 0\n---\n\n见[第一章](one.md#礼让行人)。\n",
                )
            }),
            vec!["handbook/two.md"],
            Mode::Edit,
        ),
        (
            "add a page",
            Box::new(|| {
                write(
                    root,
                    "content/news/b.md",
                    "---\ntitle: 第二条新闻\ndate: 2026-11-15\n---\n\n新的。\n",
                )
            }),
            vec!["news/b.md"],
            Mode::Reload,
        ),
        (
            "add its twin",
            Box::new(|| {
                write(
                    root,
                    "content/news/b.en.md",
                    "---\ntitle: Second news\n---\n\nNew.\n",
                )
            }),
            vec!["news/b.en.md"],
            Mode::Reload,
        ),
        (
            "rename a page",
            Box::new(|| {
                std::fs::rename(
                    root.join("content/news/c.md"),
                    root.join("content/news/e.md"),
                )
                .unwrap()
            }),
            vec!["news/c.md", "news/e.md"],
            Mode::Reload,
        ),
        (
            "delete a page",
            Box::new(|| std::fs::remove_file(root.join("content/news/d.md")).unwrap()),
            vec!["news/d.md"],
            Mode::Reload,
        ),
        (
            "section index edit",
            Box::new(|| {
                write(
                    root,
                    "content/news/_index.md",
                    "---\ntitle: 工作动态\nkind: news\npaginate: 2\n---\n",
                )
            }),
            vec!["news/_index.md"],
            Mode::Reload,
        ),
        (
            "slug change",
            Box::new(|| {
                write(
                    root,
                    "content/news/e.md",
                    "---\ntitle: 第三条新闻\nslug: third\ndate: 2026-11-10\n---\n\n旧闻。\n",
                )
            }),
            vec!["news/e.md"],
            Mode::Reload,
        ),
    ];
    for (step, edit, rels, mode) in steps {
        edit();
        let outcome = live.apply(&changed(&rels));
        live.finish_deferred();
        assert!(live.problems().is_empty(), "{step}: {:?}", live.problems());
        assert_eq!(outcome.mode, mode, "{step}");
        assert_same_as_full_build(root, &out, step);
    }
}

#[test]
fn a_broken_edit_keeps_the_output_and_reports_file_and_line() {
    let site = small_site();
    let root = site.path();
    let out = root.join("output");
    let (mut live, _) = Live::start(options(root, out.clone()));
    let before = tree(&out);
    write(
        root,
        "content/news/a.md",
        "---\ntitle: 第一条新闻\ndate: 2026-13-45\n---\n\n正文。\n",
    );
    let outcome = live.apply(&changed(&["news/a.md"]));
    assert_eq!(outcome.mode, Mode::Failed);
    let p = &live.problems()[0];
    assert_eq!(p.file.as_deref(), Some("content/news/a.md"));
    assert_eq!(p.line, Some(3));
    assert_eq!(
        tree(&out),
        before,
        "a failed edit must not touch the output"
    );
    write(
        root,
        "content/news/a.md",
        "---\ntitle: 第一条新闻（更正）\ndate: 2026-11-20\n---\n\n正文。\n",
    );
    let outcome = live.apply(&changed(&["news/a.md"]));
    assert_eq!(outcome.mode, Mode::Edit);
    live.finish_deferred();
    assert!(live.problems().is_empty());
    assert_same_as_full_build(root, &out, "after the fix");
}

#[test]
fn template_change_rebuilds_everything() {
    let site = small_site();
    let root = site.path();
    let out = root.join("output");
    let (mut live, _) = Live::start(options(root, out.clone()));
    write(
        root,
        "site.yaml",
        &common::small_site::SITE_YAML.replace("测试文明网", "测试文明网（新）"),
    );
    let outcome = live.apply(&Changes {
        markdown: Default::default(),
        full: true,
    });
    assert_eq!(outcome.mode, Mode::Full);
    assert_same_as_full_build(root, &out, "site.yaml edit");
}
