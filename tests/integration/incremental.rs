//! serve's incremental rebuilds must leave exactly the output a full `civic build` makes.

use crate::common;

use civic::serve::live::{Changes, Live, Mode};
use common::small_site::{ad, gallery_site, options, role_model, small_site, write};
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
    assert_same_as_full_build_on(root, live_out, step, options(root, root.into()).date);
}

/// [`assert_same_as_full_build`] for a build on `date`.
fn assert_same_as_full_build_on(root: &Path, live_out: &Path, step: &str, date: jiff::civil::Date) {
    let fresh = root.join("fresh-output");
    let _ = std::fs::remove_dir_all(&fresh);
    let options = civic::pipeline::BuildOptions {
        date,
        ..options(root, fresh.clone())
    };
    civic::pipeline::build(&options).unwrap_or_else(|e| panic!("{step}: full build failed: {e:?}"));
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

/// A step that rewrites the content file `rel` with `text`, expecting serve to take `mode`.
fn rewrite<'a>(root: &'a Path, step: &'a str, rel: &'a str, text: String, mode: Mode) -> Step<'a> {
    let path = format!("content/{rel}");
    (
        step,
        Box::new(move || write(root, &path, &text)),
        vec![rel],
        mode,
    )
}

#[test]
fn every_kind_of_edit_matches_a_full_build() {
    let site = small_site();
    let root = site.path();
    let steps: Vec<Step> = vec![
        rewrite(
            root,
            "body edit",
            "news/a.md",
            "---\ntitle: 第一条新闻\ndate: 2026-11-20\ntags: [志愿服务]\n---\n\n## 详情\n\n志愿者清扫了三条街道。\n".to_string(),
            Mode::Edit,
        ),
        rewrite(
            root,
            "title edit shows in neighbours",
            "handbook/one.md",
            "---\ntitle: 第一章 出行\nweight: 1\n---\n\n## 礼让行人\n\n内容。\n".to_string(),
            Mode::Edit,
        ),
        rewrite(
            root,
            "date moves a page across list pages",
            "news/d.md",
            "---\ntitle: 第四条新闻\ndate: 2026-11-24\n---\n\n更旧的新闻。\n".to_string(),
            Mode::Edit,
        ),
        rewrite(
            root,
            "new tag",
            "news/c.md",
            "---\ntitle: 第三条新闻\ndate: 2026-11-10\ntags: [社区, 志愿服务]\n---\n\n旧闻。\n".to_string(),
            Mode::Edit,
        ),
        rewrite(
            root,
            "Chinese date inherited by the twin",
            "news/a.md",
            "---\ntitle: 第一条新闻\ndate: 2026-11-02\ntags: [志愿服务]\n---\n\n## 详情\n\n志愿者清扫了三条街道。\n".to_string(),
            Mode::Edit,
        ),
        rewrite(
            root,
            "English edit",
            "news/a.en.md",
            "---\ntitle: First news item\n---\n\nVolunteers swept three streets.\n".to_string(),
            Mode::Edit,
        ),
        rewrite(
            root,
            "weight reorders chapters",
            "handbook/two.md",
            "---\ntitle: 第二章\nweight: 0\n---\n\n见[第一章](one.md#礼让行人)。\n".to_string(),
            Mode::Edit,
        ),
        rewrite(
            root,
            "add a page",
            "news/b.md",
            "---\ntitle: 第二条新闻\ndate: 2026-11-15\n---\n\n新的。\n".to_string(),
            Mode::Reload,
        ),
        rewrite(
            root,
            "add its twin",
            "news/b.en.md",
            "---\ntitle: Second news\n---\n\nNew.\n".to_string(),
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
        rewrite(
            root,
            "section index edit",
            "news/_index.md",
            "---\ntitle: 工作动态\nkind: news\npaginate: 2\n---\n".to_string(),
            Mode::Reload,
        ),
        rewrite(
            root,
            "slug change",
            "news/e.md",
            "---\ntitle: 第三条新闻\nslug: third\ndate: 2026-11-10\n---\n\n旧闻。\n".to_string(),
            Mode::Reload,
        ),
    ];
    run_steps(root, steps);
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

/// Start serve on `site`, apply each step through the live model, and compare with a full
/// build after each.
fn run_steps(root: &Path, steps: Vec<Step>) {
    let out = root.join("output");
    let (mut live, outcome) = Live::start(options(root, out.clone()));
    assert_eq!(outcome.mode, Mode::Full, "{:?}", live.problems());
    assert_same_as_full_build(root, &out, "start");
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
fn a_related_role_model_changing_category_updates_the_pages_that_showed_it() {
    let site = gallery_site();
    let root = site.path();
    run_steps(
        root,
        vec![
            // 王二 is among 张一's related role models; now they share no category.
            rewrite(
                root,
                "related role model changes category",
                "role-models/r2.md",
                role_model("王二", "见义勇为", 2025, "举手之劳。"),
                Mode::Edit,
            ),
            rewrite(
                root,
                "and back, with a new quote on the card",
                "role-models/r2.md",
                role_model("王二", "助人为乐", 2025, "邻里互助。"),
                Mode::Edit,
            ),
        ],
    );
}

#[test]
fn edits_on_later_list_pages_match_a_full_build() {
    let site = gallery_site();
    let root = site.path();
    run_steps(
        root,
        vec![
            // 李三 is on page 2 of the gallery and page 2 of the 助人为乐 filter.
            rewrite(
                root,
                "card edit on page 2 of a gallery and a filter",
                "role-models/r3.md",
                role_model("李三", "助人为乐", 2024, "多走一步。"),
                Mode::Edit,
            ),
            rewrite(
                root,
                "card edit on page 2 of the news list",
                "news/d.md",
                "---\ntitle: 第四条新闻（更新）\ndate: 2026-11-01\nsummary: 新的摘要。\n---\n\n更旧的新闻。\n".to_string(),
                Mode::Edit,
            ),
            rewrite(
                root,
                "a year moves a card from page 3 to page 1",
                "role-models/r5.md",
                role_model("钱五", "助人为乐", 2027, "举手之劳。"),
                Mode::Edit,
            ),
            rewrite(
                root,
                "card edit on page 2 of the ads archive",
                "ads/old2.md",
                ad("往期二（修订）", "2026-08-01", "2026-08-31"),
                Mode::Edit,
            ),
        ],
    );
}

#[test]
fn a_tag_list_page_two_follows_its_cards() {
    let site = small_site();
    let root = site.path();
    // 22 tagged news items: tag lists show 20 a page.
    for i in 0..22 {
        write(
            root,
            &format!("content/news/t{i:02}.md"),
            &format!(
                "---\ntitle: 社区新闻{i}\ndate: 2026-10-{:02}\ntags: [社区]\n---\n\n正文。\n",
                i + 1
            ),
        );
    }
    run_steps(
        root,
        vec![rewrite(
            root,
            "card edit on page 2 of a tag",
            "news/t00.md",
            "---\ntitle: 社区新闻（更正）\ndate: 2026-10-01\ntags: [社区]\n---\n\n正文。\n"
                .to_string(),
            Mode::Edit,
        )],
    );
}

#[test]
fn an_ad_passing_its_end_date_moves_to_the_archive() {
    let site = gallery_site();
    let root = site.path();
    run_steps(
        root,
        vec![
            rewrite(
                root,
                "end date edited into the past",
                "ads/now.md",
                ad("正在投放", "2026-11-01", "2026-11-20"),
                Mode::Edit,
            ),
            rewrite(
                root,
                "end date edited into the future again",
                "ads/now.md",
                ad("正在投放", "2026-11-01", "2027-01-31"),
                Mode::Edit,
            ),
        ],
    );
}

#[test]
fn the_build_date_moving_past_an_end_date_expires_the_ad() {
    let site = gallery_site();
    let root = site.path();
    let out = root.join("output");
    let (mut live, _) = Live::start(options(root, out.clone()));
    // The next day's edit: the model must be built for the new date, not the day serve started.
    let next_year: jiff::civil::Date = "2027-01-05".parse().unwrap();
    live.options.date = next_year;
    write(
        root,
        "content/news/c.md",
        "---\ntitle: 第三条新闻\ndate: 2026-11-10\n---\n\n旧闻，更新。\n",
    );
    live.apply(&changed(&["news/c.md"]));
    live.finish_deferred();
    assert!(live.problems().is_empty(), "{:?}", live.problems());
    assert_same_as_full_build_on(root, &out, "build date moved", next_year);
}

#[test]
fn deleting_a_page_first_thing_removes_its_search_record() {
    let site = small_site();
    let root = site.path();
    run_steps(
        root,
        vec![(
            "delete a page before any other edit",
            Box::new(|| std::fs::remove_file(root.join("content/news/d.md")).unwrap()),
            vec!["news/d.md"],
            Mode::Reload,
        )],
    );
}

/// serve deletes the files of a job that no longer writes them, and knows them from the job's
/// declaration: every job must write exactly the files it declares.
#[test]
fn every_job_writes_the_files_it_declares() {
    use civic::render::jobs::inputs::{Files, files};
    let site = gallery_site();
    let root = site.path();
    write(
        root,
        "content/news/c.md",
        "---\ntitle: 第三条新闻\ndate: 2026-11-10\naliases: [/old-news/, /older/news.html]\n---\n\n旧闻。\n",
    );
    let highlighter = civic::markdown::Highlighter::default();
    let loaded = civic::pipeline::load(&options(root, root.join("output")), &highlighter)
        .unwrap_or_else(|e| panic!("{e:?}"));
    let prepared = civic::render::Prepared::new(
        &loaded.site,
        &loaded.renderer,
        Default::default(),
        loaded.indexer.as_ref(),
    );
    for job in civic::render::plan(&loaded.site) {
        let written: Vec<String> = civic::render::jobs::render_job(&prepared, &job)
            .unwrap_or_else(|e| panic!("{job:?}: {e:?}"))
            .into_iter()
            .map(|f| f.path)
            .collect();
        match files(&loaded.site, &job).unwrap_or_else(|e| panic!("{job:?}: {e:?}")) {
            Files::Exactly(declared) => assert_eq!(written, declared, "{job:?}"),
            Files::Under(dir) => assert!(
                !written.is_empty() && written.iter().all(|f| f.starts_with(&format!("{dir}/"))),
                "{job:?} wrote {written:?} outside {dir}"
            ),
        }
    }
}
