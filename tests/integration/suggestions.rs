//! Messages an editor can act on: "did you mean" for categories and themes (traditional forms
//! folded to simplified), for links to files that do not exist, and the corrected line for the
//! YAML mistakes editors make most.

use crate::common;

use common::small_site::{SITE_YAML, options, small_site, write};

fn helps(root: &std::path::Path) -> Vec<(String, String)> {
    civic::check::check(&options(root, root.join("output")))
        .into_iter()
        .filter(|p| p.is_error())
        .map(|p| {
            (
                p.location(),
                p.help.map(|h| h.to_string()).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn editors_get_the_fix_in_the_message() {
    let site = small_site();
    let root = site.path();
    write(
        root,
        "site.yaml",
        &format!(
            "{SITE_YAML}psa_themes:\n  - {{ key: 文明过节, slug: festivals, label: {{ zh-CN: 文明过节, en: Festivals }} }}\n"
        ),
    );
    write(
        root,
        "content/role-models/_index.md",
        "---\ntitle: 模范\nkind: role_model\n---\n",
    );
    write(
        root,
        "content/ads/_index.md",
        "---\ntitle: 广告\nkind: psa\n---\n",
    );
    write(
        root,
        "content/role-models/wang.md",
        "---\ntitle: 王军\nname: 王军\ncategory: 助人为樂\nyear: 2025\n---\n见[手册](../handbook/onee.md)。\n",
    );
    write(
        root,
        "content/ads/spring.md",
        "---\ntitle: 春节\ntheme: 文明過節\nstart: 2026-01-20\n---\n文字。\n",
    );
    write(
        root,
        "content/news/colon.md",
        "---\ntitle：停水通知\ndate: 2026-11-20\n---\n正文。\n",
    );
    let found = helps(root);
    let help_of = |location: &str| {
        found
            .iter()
            .find(|(l, _)| l.starts_with(location))
            .map(|(_, h)| h.clone())
            .unwrap_or_else(|| panic!("no error at {location}: {found:?}"))
    };
    let category = help_of("content/role-models/wang.md:4");
    assert!(category.contains("did you mean `助人为乐`?"), "{category}");
    assert!(category.contains("site.yaml"), "{category}");
    let theme = help_of("content/ads/spring.md:3");
    assert!(theme.contains("did you mean `文明过节`?"), "{theme}");
    assert!(theme.contains("psa_themes"), "{theme}");
    let colon = help_of("content/news/colon.md:2");
    assert!(colon.contains("title: 停水通知"), "{colon}");
    // The link is checked once the front matter is valid.
    write(
        root,
        "content/role-models/wang.md",
        "---\ntitle: 王军\nname: 王军\ncategory: 助人为乐\nyear: 2025\n---\n见[手册](../handbook/onee.md)。\n",
    );
    write(
        root,
        "content/news/colon.md",
        "---\ntitle: 停水通知\ndate: 2026-11-20\n---\n正文。\n",
    );
    write(
        root,
        "content/ads/spring.md",
        "---\ntitle: 春节\ntheme: 文明过节\nstart: 2026-01-20\n---\n文字。\n",
    );
    let found = helps(root);
    let link = found
        .iter()
        .find(|(l, _)| l.starts_with("content/role-models/wang.md:7"))
        .map(|(_, h)| h.clone())
        .unwrap_or_else(|| panic!("no link error: {found:?}"));
    assert!(link.contains("did you mean `@/handbook/one.md`?"), "{link}");
}

/// A theme that is not the site's is not filed under one that merely shares half its characters
/// (issue 29: `文明过节` was offered `文明餐桌`, the clean-plate campaign); a real slip (the same
/// characters reordered, a homophone) still is; and the message gives the line that adds the
/// theme to site.yaml.
#[test]
fn a_new_theme_is_not_guessed_as_a_different_one_and_the_fix_is_the_site_yaml_line() {
    let site = common::sample_site::sample_site();
    let root = site.path();
    let ad = |theme: &str| {
        format!(
            "---\ntitle: 春节文明过节\ntheme: {theme}\nstart: 2026-01-20\n---\n文明过节，平安过年。\n"
        )
    };
    common::sample_site::write(root, "content/ads/spring.md", ad("文明过节"));
    common::sample_site::write(root, "content/ads/table.md", ad("餐桌文明"));
    let (found, passed) = common::sample_site::check(root, "2026-11-25");
    assert!(!passed);
    let help_of = |file: &str| {
        found
            .iter()
            .find(|f| f.file == file && f.code == "invalid-front-matter" && f.line == Some(3))
            .map(|f| f.help.clone())
            .unwrap_or_else(|| panic!("no theme error at {file}:3: {found:?}"))
    };
    let spring = help_of("content/ads/spring.md");
    assert!(!spring.contains("did you mean"), "{spring}");
    assert!(!spring.contains("`文明餐桌`?"), "{spring}");
    assert!(spring.contains("psa_themes:"), "{spring}");
    assert!(
        spring.contains(r#"- { key: "文明过节", slug: wen-ming-guo-jie, label: { zh-CN: "文明过节", en: "…" } }"#),
        "{spring}"
    );
    let table = help_of("content/ads/table.md");
    assert!(table.contains("did you mean `文明餐桌`?"), "{table}");
}
