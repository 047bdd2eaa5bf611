//! An English twin inherits language-neutral keys (`photo`, `poster`, dates, …) from its Chinese
//! page. A problem is charged to the file the editor has to change: a key the file writes (or
//! lacks) is its own; a key the twin inherits without writing it is the Chinese file's.
//! Each case is tested from both sides.

use crate::common;

use common::small_site::{SITE_YAML, options, write};
use std::collections::BTreeSet;

const ROLE_ZH: &str = "content/role-models/zhang.md";
const ROLE_EN: &str = "content/role-models/zhang.en.md";
const PSA_ZH: &str = "content/ads/spring.md";
const PSA_EN: &str = "content/ads/spring.en.md";

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "site.yaml",
        &format!(
            "{SITE_YAML}psa_themes:\n  - {{ key: 文明过节, slug: festivals, label: {{ zh-CN: 文明过节, en: Festivals }} }}\n"
        ),
    );
    write(root, "content/_index.md", "---\ntitle: 首页\n---\n欢迎。\n");
    write(root, "content/_index.en.md", "---\ntitle: Home\n---\nHi.\n");
    write(
        root,
        "content/role-models/_index.md",
        "---\ntitle: 模范\nkind: role_model\n---\n",
    );
    write(
        root,
        "content/role-models/_index.en.md",
        "---\ntitle: Role models\n---\n",
    );
    write(
        root,
        "content/ads/_index.md",
        "---\ntitle: 公益广告\nkind: psa\n---\n",
    );
    write(root, "content/ads/_index.en.md", "---\ntitle: Ads\n---\n");
    write(
        root,
        "content/role-models/zhang.jpg",
        "not decoded by check",
    );
    write(root, "content/ads/spring.jpg", "not decoded by check");
    dir
}

/// Lines 2-7 of the Chinese role model; `photo:` is on line 6, `photo_alt:` on line 7.
fn role_zh(photo: &str, alt: &str) -> String {
    format!(
        "---\ntitle: 张秀兰\nname: 张秀兰\ncategory: 助人为乐\nyear: 2025\n{photo}\n{alt}\n---\n事迹。\n"
    )
}

/// `start:` on line 3, `poster:` on line 4, `poster_alt:` on line 5.
fn psa_zh(start: &str, poster: &str, alt: &str) -> String {
    format!("---\ntitle: 文明过春节\n{start}\n{poster}\n{alt}\ntheme: 文明过节\n---\n内容。\n")
}

/// The errors as (file, line, code).
fn errors(root: &std::path::Path) -> BTreeSet<(String, u32, &'static str)> {
    civic::check::check(&options(root, root.join("output")))
        .into_iter()
        .filter(|p| p.is_error())
        .map(|p| {
            (
                p.file.as_deref().unwrap_or("site").to_string(),
                p.line.unwrap_or(0),
                p.code,
            )
        })
        .collect()
}

fn expect(root: &std::path::Path, want: &[(&str, u32, &'static str)]) {
    let want: BTreeSet<(String, u32, &'static str)> = want
        .iter()
        .map(|(f, l, c)| (f.to_string(), *l, *c))
        .collect();
    assert_eq!(errors(root), want);
}

#[test]
fn missing_photo_alt_is_charged_to_the_file_that_lacks_it() {
    let site = site();
    let root = site.path();
    // The English twin inherits the photo but has no description of its own.
    write(
        root,
        ROLE_ZH,
        &role_zh("photo: zhang.jpg", "photo_alt: 张秀兰在社区"),
    );
    write(
        root,
        ROLE_EN,
        "---\ntitle: Zhang Xiulan\nname: Zhang Xiulan\n---\nStory.\n",
    );
    expect(root, &[(ROLE_EN, 1, "invalid-front-matter")]);
    // The English twin writes its own photo too: the problem sits beside it.
    write(
        root,
        ROLE_EN,
        "---\ntitle: Zhang Xiulan\nname: Zhang Xiulan\nphoto: zhang.jpg\n---\nStory.\n",
    );
    expect(root, &[(ROLE_EN, 4, "invalid-front-matter")]);
    // From the other side: the Chinese page lacks it, the English twin has its own.
    write(
        root,
        ROLE_ZH,
        &role_zh("photo: zhang.jpg", "district: 湖滨区"),
    );
    write(
        root,
        ROLE_EN,
        "---\ntitle: Zhang Xiulan\nname: Zhang Xiulan\nphoto_alt: Zhang Xiulan at home\n---\nStory.\n",
    );
    expect(root, &[(ROLE_ZH, 6, "invalid-front-matter")]);
}

#[test]
fn a_wrong_photo_is_charged_to_the_file_that_names_it() {
    let site = site();
    let root = site.path();
    let en = "---\ntitle: Zhang Xiulan\nname: Zhang Xiulan\nphoto_alt: Zhang Xiulan at home\n---\nStory.\n";
    write(
        root,
        ROLE_ZH,
        &role_zh("photo: zhang.JPG", "photo_alt: 张秀兰在社区"),
    );
    write(root, ROLE_EN, en);
    expect(root, &[(ROLE_ZH, 6, "missing-image")]);
    // From the other side: the English twin names a picture of its own that does not exist.
    write(
        root,
        ROLE_ZH,
        &role_zh("photo: zhang.jpg", "photo_alt: 张秀兰在社区"),
    );
    write(
        root,
        ROLE_EN,
        "---\ntitle: Zhang Xiulan\nname: Zhang Xiulan\nphoto: zhang-en.jpg\nphoto_alt: Zhang Xiulan at home\n---\nStory.\n",
    );
    expect(root, &[(ROLE_EN, 4, "missing-image")]);
}

#[test]
fn poster_and_poster_alt_are_charged_like_photos() {
    let site = site();
    let root = site.path();
    let start = "start: 2026-01-20";
    write(
        root,
        PSA_ZH,
        &psa_zh(start, "poster: spring.jpg", "poster_alt: 春节海报"),
    );
    write(
        root,
        PSA_EN,
        "---\ntitle: A civil Spring Festival\n---\nText.\n",
    );
    expect(root, &[(PSA_EN, 1, "invalid-front-matter")]);
    write(
        root,
        PSA_EN,
        "---\ntitle: A civil Spring Festival\nposter_alt: Spring Festival poster\n---\nText.\n",
    );
    expect(root, &[]);
    write(
        root,
        PSA_ZH,
        &psa_zh(start, "poster: sprng.jpg", "poster_alt: 春节海报"),
    );
    expect(root, &[(PSA_ZH, 4, "missing-image")]);
    write(
        root,
        PSA_ZH,
        &psa_zh(start, "poster: spring.jpg", "sponsor: 文明办"),
    );
    expect(root, &[(PSA_ZH, 4, "invalid-front-matter")]);
}

#[test]
fn a_bad_date_is_charged_to_the_file_that_writes_it() {
    let site = site();
    let root = site.path();
    let en =
        "---\ntitle: A civil Spring Festival\nposter_alt: Spring Festival poster\n---\nText.\n";
    write(
        root,
        PSA_ZH,
        &psa_zh(
            "start: 2026/01/20",
            "poster: spring.jpg",
            "poster_alt: 春节海报",
        ),
    );
    write(root, PSA_EN, en);
    expect(root, &[(PSA_ZH, 3, "invalid-front-matter")]);
    // From the other side: the English twin overrides the date, wrongly.
    write(
        root,
        PSA_ZH,
        &psa_zh(
            "start: 2026-01-20",
            "poster: spring.jpg",
            "poster_alt: 春节海报",
        ),
    );
    write(
        root,
        PSA_EN,
        "---\ntitle: A civil Spring Festival\nposter_alt: Spring Festival poster\nstart: 2026/01/20\n---\nText.\n",
    );
    expect(root, &[(PSA_EN, 4, "invalid-front-matter")]);
}
