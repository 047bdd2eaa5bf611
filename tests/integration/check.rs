//! The text editors read: every kind of `civic check` finding and of build error, as snapshots.

use crate::common;

use civic::messages::Lang;
use common::small_site::{SITE_YAML, options, write};

fn report(root: &std::path::Path) -> String {
    report_in(root, Lang::En)
}

fn report_in(root: &std::path::Path, lang: Lang) -> String {
    let problems = civic::check::check(&options(root, root.join("output")));
    let errors = problems.iter().filter(|p| p.is_error()).count();
    format!(
        "{}{}\n",
        civic::cmd::check::text_report(&problems, false, lang),
        civic::cmd::check::summary(errors, problems.len() - errors).in_lang(lang)
    )
}

fn base_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "site.yaml", SITE_YAML);
    write(
        root,
        "content/_index.md",
        "---\ntitle: 首页\n---\n\n欢迎。\n",
    );
    write(
        root,
        "content/_index.en.md",
        "---\ntitle: Home\n---\n\nWelcome.\n",
    );
    dir
}

#[test]
fn check_findings() {
    let site = base_site();
    let root = site.path();
    write(
        root,
        "content/news/_index.md",
        "---\ntitle: 新闻\nkind: news\n---\n",
    );
    write(root, "content/news/_index.en.md", "---\ntitle: News\n---\n");
    write(
        root,
        "content/news/old.md",
        "---\ntitle: 旧新闻\ndate: 2026-10-01\n---\n\n## 详情\n\n见[详情](#xiangqing)和[首页](/nowhere/)。\n\n![](photo.png)\n",
    );
    write(
        root,
        "content/about.md",
        "---\ntitle: 关于我们\n---\n\n关于。\n",
    );
    write(
        root,
        "content/contact.md",
        "---\ntitle: 联系我们\n---\n\n电话 12345。\n",
    );
    write(
        root,
        "content/contact.en.md",
        "---\ntitle: Contact\nsource_hash: 000000000000\n---\n\nCall 12345.\n",
    );
    write(
        root,
        "content/news/old.en.md",
        "---\ntitle: Old news\n---\n\nOld.\n",
    );
    write(
        root,
        "content/events/_index.md",
        "---\ntitle: 活动\nkind: page\n---\n",
    );
    write(
        root,
        "content/news/photo.png",
        "not really an image, but a file",
    );
    let text = report(root);
    insta::assert_snapshot!(text);
    insta::assert_snapshot!("check_findings_zh", report_in(root, Lang::Zh));
    // JSON for scripts: every finding with code, file and line.
    let problems = civic::check::check(&options(root, root.join("output")));
    let json = serde_json::to_value(&problems).unwrap();
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .all(|p| p["code"].is_string() && p["file"].is_string())
    );
}

#[test]
fn content_errors() {
    let site = base_site();
    let root = site.path();
    write(
        root,
        "content/news/_index.md",
        "---\ntitle: 新闻\nkind: news\n---\n",
    );
    write(
        root,
        "content/news/typo.md",
        "---\ntitle: 错字\ndate: 2026-11-01\nsumary: 一句话\n---\n",
    );
    write(
        root,
        "content/news/no-date.md",
        "---\ntitle: 没有日期\n---\n",
    );
    write(
        root,
        "content/news/bad-date.md",
        "---\ntitle: 日期错误\ndate: 2026-02-30\n---\n",
    );
    write(
        root,
        "content/news/phone.md",
        "---\ntitle: 电话\ndate: 2026-11-01\nsource: 联系人 13812345678\n---\n",
    );
    write(root, "content/news/no-fm.md", "# 没有前置信息\n");
    write(
        root,
        "content/news/unclosed.md",
        "---\ntitle: 没有结束\n\n正文\n",
    );
    write(
        root,
        "content/news/yaml.md",
        "---\ntitle: [没有闭合\ndate: 2026-11-01\n---\n",
    );
    write(
        root,
        "content/news/wrong-kind.md",
        "---\ntitle: 错误类型\ndate: 2026-11-01\nweight: 3\n---\n",
    );
    write(
        root,
        "content/section/_index.md",
        "---\ntitle: 没有类型\n---\n",
    );
    write(root, "content/李梅.md", "---\ntitle: 李梅\n---\n");
    write(
        root,
        "content/role-models/_index.md",
        "---\ntitle: 模范\nkind: role_model\n---\n",
    );
    write(
        root,
        "content/role-models/li.md",
        "---\ntitle: 李梅\nname: 李梅\ncategory: 乐于助人\nyear: 2025\n---\n",
    );
    insta::assert_snapshot!(report(root));
    insta::assert_snapshot!("content_errors_zh", report_in(root, Lang::Zh));
}

#[test]
fn site_errors() {
    let site = base_site();
    let root = site.path();
    write(
        root,
        "content/news/_index.md",
        "---\ntitle: 新闻\nkind: news\n---\n",
    );
    write(
        root,
        "content/news/a.md",
        "---\ntitle: 甲\ndate: 2026-11-01\n---\n\n见[乙](b.md)。\n",
    );
    write(
        root,
        "content/news/c.md",
        "---\ntitle: 丙\ndate: 2026-11-01\nslug: a\n---\n",
    );
    write(
        root,
        "content/role-models/_index.md",
        "---\ntitle: 模范\nkind: role_model\n---\n",
    );
    write(
        root,
        "content/role-models/wang.md",
        "---\ntitle: 王军\nname: 王军\ncategory: 助人为乐\nyear: 2025\nphoto: wang.jpg\nphoto_alt: 王军在社区\n---\n",
    );
    insta::assert_snapshot!(report(root));
    insta::assert_snapshot!("site_errors_zh", report_in(root, Lang::Zh));
}
