//! Nothing half-finished is published: `civic new` writes drafts whose skeleton lists every
//! field of the kind, an English twin lists every field it must translate (the Chinese value as
//! a comment), placeholder text is an error unless the page is a draft, and a draft rendered for
//! the preview (`--drafts`) carries a visible banner.

use crate::common;

use common::civic_in as civic;

use common::small_site::{SITE_YAML, options, small_site, write};
use std::path::Path;

const DATE: &str = "2026-11-25";

/// The small site with a section of every kind and a PSA theme.
fn site() -> tempfile::TempDir {
    let site = small_site();
    let root = site.path();
    write(
        root,
        "site.yaml",
        &format!(
            "{SITE_YAML}city:\n  name: {{ zh-CN: 明湖市, en: Minghu City }}\n  districts: [湖滨区]\npsa_themes:\n  - {{ key: 文明过节, slug: festivals, label: {{ zh-CN: 文明过节, en: Festivals }} }}\n"
        ),
    );
    for (dir, kind, en) in [
        ("role-models", "role_model", "Role models"),
        ("ads", "psa", "Ads"),
    ] {
        write(
            root,
            &format!("content/{dir}/_index.md"),
            &format!("---\ntitle: 栏目\nkind: {kind}\n---\n"),
        );
        write(
            root,
            &format!("content/{dir}/_index.en.md"),
            &format!("---\ntitle: {en}\n---\n"),
        );
    }
    site
}

fn new_page(root: &Path, args: &[&str]) -> String {
    let out = civic(root)
        .arg("new")
        .args(args)
        .args(["--date", DATE])
        .assert()
        .success();
    let path = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .trim()
        .to_string();
    std::fs::read_to_string(root.join(&path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn check_report(root: &Path) -> (usize, String) {
    check_report_in(root, civic::messages::Lang::En)
}

fn check_report_in(root: &Path, lang: civic::messages::Lang) -> (usize, String) {
    let problems = civic::check::check(&options(root, root.join("output")));
    let errors = problems.iter().filter(|p| p.is_error()).count();
    (
        errors,
        civic::cmd::check::text_report(&problems, false, lang),
    )
}

#[test]
fn new_writes_draft_skeletons_listing_every_field() {
    let site = site();
    let root = site.path();
    let mut all = String::new();
    for kind in ["role_model", "handbook", "psa", "news", "page"] {
        let slug = format!("new-{}", kind.replace('_', "-"));
        let text = new_page(root, &[kind, "新的一页", "--slug", &slug]);
        assert!(text.contains("\ndraft: true"), "{text}");
        all.push_str(&format!("== {kind}\n{text}"));
    }
    insta::assert_snapshot!("zh_skeletons", all);
    // Drafts are left out of the build, so the site still builds with them in it.
    civic(root)
        .args(["build", "--quiet", "--date", DATE])
        .assert()
        .success();
}

#[test]
fn english_twin_lists_what_to_translate_with_the_chinese_values() {
    let site = site();
    let root = site.path();
    std::fs::write(root.join("content/role-models/zhang.jpg"), b"photo").unwrap();
    write(
        root,
        "content/role-models/zhang.md",
        "---\ntitle: 张秀兰\nname: 张秀兰\ncategory: 助人为乐\nyear: 2025\ndistrict: 湖滨区\nphoto: zhang.jpg\nphoto_alt: 张秀兰在社区菜园\nquote: 邻里的事就是我的事\n---\n事迹。\n",
    );
    let en = new_page(
        root,
        &[
            "role_model",
            "Zhang Xiulan",
            "--lang",
            "en",
            "--slug",
            "zhang",
        ],
    );
    insta::assert_snapshot!("en_twin_skeleton", en);
    // As written it is a draft: the site builds.
    assert_eq!(check_report(root).0, 0, "{}", check_report(root).1);
    // Translated (every TODO replaced) and undrafted, it builds without any key added: the
    // skeleton held every field the twin needs.
    let translated = en
        .lines()
        .filter(|l| !l.starts_with("draft:"))
        .map(|l| {
            l.replace("TODO: translate the Chinese page.", "Her story.")
                .replace("TODO: translate", "In English")
        })
        .collect::<Vec<_>>()
        .join("\n");
    write(root, "content/role-models/zhang.en.md", &translated);
    let (errors, report) = check_report(root);
    assert_eq!(errors, 0, "{report}");
}

#[test]
fn placeholder_text_is_an_error_unless_the_page_is_a_draft() {
    let site = site();
    let root = site.path();
    let zh = new_page(root, &["news", "社区活动", "--slug", "event"]);
    new_page(
        root,
        &["news", "Community event", "--lang", "en", "--slug", "event"],
    );
    assert_eq!(check_report(root).0, 0, "{}", check_report(root).1);
    // The editor removes `draft: true` from the Chinese page, but forgets the body.
    let undrafted: String = zh
        .lines()
        .filter(|l| !l.starts_with("draft:"))
        .map(|l| format!("{l}\n"))
        .collect();
    write(root, "content/news/event.md", &undrafted);
    let (errors, report) = check_report(root);
    // The English twin inherits `draft` from the Chinese page, but says `draft: true` itself.
    assert_eq!(errors, 1, "{report}");
    insta::assert_snapshot!("placeholder_error", report);
    let (_, zh) = check_report_in(root, civic::messages::Lang::Zh);
    insta::assert_snapshot!("placeholder_error_zh", zh);
    // `build` refuses it too, naming the file.
    let out = civic(root)
        .args(["build", "--quiet", "--date", DATE])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("content/news/event.md:"), "{stderr}");
    assert!(stderr.contains("placeholder"), "{stderr}");
}

#[test]
fn drafts_in_the_preview_carry_a_banner_and_published_pages_do_not() {
    let site = site();
    let root = site.path();
    new_page(root, &["news", "社区活动", "--slug", "event"]);
    civic(root)
        .args(["build", "--quiet", "--drafts", "--date", DATE])
        .assert()
        .success();
    let page = std::fs::read_to_string(root.join("output/news/event/index.html")).unwrap();
    let doc = scraper::Html::parse_document(&page);
    let banner = common::select(&doc, ".draft-banner");
    let banner = banner.first().expect("a draft banner");
    let text: String = banner.text().collect();
    assert!(text.contains("草稿") && text.contains("Draft"), "{text}");
    assert!(!common::select(&doc, "meta[name=robots][content=noindex]").is_empty());
    let published = std::fs::read_to_string(root.join("output/news/a/index.html")).unwrap();
    assert!(!published.contains("draft-banner"));
}
