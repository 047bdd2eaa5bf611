//! Inspection-ready builds (issue 26): the sample site with each kind of problem the national
//! government-website inspection vetoes planted in it — a leader's name one character off, 中华人民
//! 共合国, an ID number with a valid check digit (and one with a wrong check digit and a masked one
//! that must not fire), a mobile number inside a DOCX attachment, a secret marking, an empty
//! English column, a stale news column — found by `civic check` at their file and line, and
//! reported by `civic check --inspection` grouped by the inspection's items. Real laws
//! (../shared/realtext) are not blocked by these checks.

use crate::common::sample_site::{self, Found, lines, with_code};
use crate::common::{self, civic};
use std::io::Write;
use std::path::{Path, PathBuf};

const PLANTS: &str = "content/news/2026-11-23-plants.md";
const CHECK_DATE: &str = "2026-12-31";

/// The planted page; the comments give the lines the findings must name.
const PLANTS_TEXT: &str = "---
title: 第三次测评问题整改推进会召开
date: 2026-11-23
summary: 联系人电话 13712345678
---

11 月 23 日，市长沈嘉宁主持召开推进会。
会议学习了《中华人民共合国宪法》。
市长沈家林到会讲话。
报名人身份证号 11010519491231002X。
校验位不对的号码 110105194912310021 不是身份证号。
已打码：110105********002X，手机 138****5678。
办公电话 0510-88612345，市民热线 12345。
市委书记沈家宁出席，前常务副市长沈家宁列席。
![志愿者 13912345678 的合影](photo.jpg)
附件：[报名表](signup.docx)
机密★1年
人人都要保守国家秘密。
市委宣传部部长宋岚晓讲话。
";

/// A page that publishes a mobile number on purpose, with its reason.
const ALLOWED_TEXT: &str = "---
title: 雷锋志愿服务队公开报名电话
date: 2026-11-22
extra:
  allow_numbers:
    - { number: \"13600001111\", reason: 服务队公开的报名电话，本人书面同意公开 }
---

报名电话 13600001111。
";

/// A DOCX (a ZIP of XML parts) whose table holds a mobile number.
fn docx_with_mobile() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        ),
        (
            "word/document.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>志愿者报名表</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>张三</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>138</w:t></w:r><w:r><w:t>12345678</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#,
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// The sample site with every kind of problem planted.
fn planted() -> tempfile::TempDir {
    let site = sample_site::sample_site();
    let root = site.path();
    sample_site::write(root, PLANTS, PLANTS_TEXT);
    sample_site::write(root, "content/news/2026-11-22-hotline.md", ALLOWED_TEXT);
    sample_site::write(root, "content/news/signup.docx", docx_with_mobile());
    std::fs::copy(
        root.join("content/role-models/li-mei.jpg"),
        root.join("content/news/photo.jpg"),
    )
    .expect("photo");
    // A column in Chinese with an item, its English twin empty.
    sample_site::write(
        root,
        "content/notices/_index.md",
        "---\ntitle: 通知公告\nkind: news\n---\n",
    );
    sample_site::write(
        root,
        "content/notices/_index.en.md",
        "---\ntitle: Notices\n---\n",
    );
    sample_site::write(
        root,
        "content/notices/2026-winter.md",
        "---\ntitle: 冬季文明出行倡议\ndate: 2026-11-20\n---\n倡议全文。\n",
    );
    // A names list nobody has checked this year.
    sample_site::write(
        root,
        "data/names/district.yaml",
        "# 区级名单\nas_of: 2026-01-05\nnames: [湖滨区人民政府]\n",
    );
    // News every 14 days: on 2026-12-31 the newest item (2026-11-24) is stale.
    sample_site::append(
        root,
        "site.yaml",
        "\ninspection:\n  cadence: { news: 14, notices: 180 }\n",
    );
    site
}

fn one<'a>(found: &'a [Found], code: &str, file: &str, line: Option<u64>) -> &'a Found {
    let hits: Vec<&Found> = with_code(found, code, file)
        .into_iter()
        .filter(|f| f.line == line)
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "one {code} at {file}:{line:?}, found {hits:#?}\nall: {found:#?}"
    );
    hits[0]
}

#[test]
fn planted_problems_are_found_at_their_file_and_line() {
    let site = planted();
    let (found, passed) = sample_site::check(site.path(), CHECK_DATE);
    assert!(!passed, "errors fail the check");

    // Protected names: a homophone and a one-character miss beside a title, with the exact form.
    let homophone = one(&found, "protected-name", PLANTS, Some(7));
    assert_eq!(homophone.severity, "error");
    assert!(homophone.message.contains("沈嘉宁"), "{homophone:?}");
    assert!(homophone.help.contains("沈家宁"), "{homophone:?}");
    let national = one(&found, "protected-name", PLANTS, Some(8));
    assert!(national.help.contains("中华人民共和国"), "{national:?}");
    let near_title = one(&found, "protected-name", PLANTS, Some(9));
    assert!(near_title.help.contains("沈家宁"), "{near_title:?}");
    let swapped = one(&found, "protected-name", PLANTS, Some(19));
    assert!(swapped.message.contains("swapped"), "{swapped:?}");
    assert!(swapped.help.contains("宋晓岚"), "{swapped:?}");
    // A title not held on the page's date warns; a former one (前…) does not.
    let title = one(&found, "protected-title", PLANTS, Some(14));
    assert_eq!(title.severity, "warning");
    assert!(title.message.contains("市委书记"), "{title:?}");
    assert!(title.help.contains("市长"), "{title:?}");
    assert_eq!(lines(&found, "protected-title", PLANTS), vec![14]);
    let stale_list = one(
        &found,
        "names-list-stale",
        "data/names/district.yaml",
        Some(2),
    );
    assert_eq!(stale_list.severity, "warning");

    // Personal data in front matter, body and alt text; never a wrong check digit, a masked
    // number or an office phone.
    one(&found, "personal-mobile", PLANTS, Some(4));
    let id = one(&found, "personal-id", PLANTS, Some(10));
    assert!(
        !id.message.contains("11010519491231002X"),
        "the report masks it: {id:?}"
    );
    one(&found, "personal-mobile", PLANTS, Some(15));
    for line in 11..=13 {
        assert!(
            !found.iter().any(|f| f.file == PLANTS
                && f.line == Some(line)
                && f.code.starts_with("personal")),
            "line {line} has no personal data: {found:#?}"
        );
    }
    let docx = one(&found, "personal-mobile", "content/news/signup.docx", None);
    assert_eq!(docx.severity, "error");
    assert!(docx.message.contains("138****5678"), "{docx:?}");
    let allowed = one(
        &found,
        "personal-allowed",
        "content/news/2026-11-22-hotline.md",
        Some(9),
    );
    assert_eq!(allowed.severity, "warning");
    assert!(allowed.message.contains("本人书面同意公开"), "{allowed:?}");

    // A secret marking in marking position; the same word in a sentence is prose.
    one(&found, "secret-marking", PLANTS, Some(17));
    assert_eq!(lines(&found, "secret-marking", PLANTS), vec![17]);

    // Columns: the empty English twin, the stale news column, the home page.
    one(
        &found,
        "column-empty",
        "content/notices/_index.en.md",
        Some(2),
    );
    let stale = one(&found, "column-stale", "content/news/_index.md", Some(2));
    assert!(stale.message.contains("2026-11-24"), "{stale:?}");
    one(&found, "home-stale", "content/_index.md", Some(2));
    assert!(
        with_code(&found, "column-stale", "content/notices/_index.md").is_empty(),
        "notices are within their 180 days"
    );
}

/// Without the planted problems the sample site, names lists and all, passes the inspection.
#[test]
fn the_sample_site_passes_the_inspection() {
    let site = sample_site::sample_site();
    let (found, passed) = sample_site::check(site.path(), common::DATE);
    assert!(passed, "{found:#?}");
    let inspection: Vec<&Found> = found
        .iter()
        .filter(|f| civic::inspect::Item::of(&f.code) != civic::inspect::Item::Other)
        .collect();
    assert!(inspection.is_empty(), "{inspection:#?}");
}

#[test]
fn the_report_groups_findings_by_item_chinese_first_and_is_printable_html() {
    let site = planted();
    let out = civic()
        .args(["check", "--inspection", "--date", CHECK_DATE, "--root"])
        .arg(site.path())
        .output()
        .expect("run civic");
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("明湖文明网 政府网站检查自查报告"),
        "{text}"
    );
    let order = [
        "■ 严重表述错误",
        "■ 个人信息保护",
        "■ 涉密信息",
        "■ 空白栏目与更新情况",
        "■ 链接与附件",
        "■ 三审三校",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|h| text.find(h).unwrap_or_else(|| panic!("{h} in {text}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "items in order: {text}");
    let wording = &text[at[0]..at[1]];
    assert!(wording.contains(&format!("{PLANTS}:8")), "{wording}");
    assert!(
        wording.contains("中华人民共和国"),
        "the exact form: {wording}"
    );
    let personal = &text[at[1]..at[2]];
    assert!(personal.contains("content/news/signup.docx"), "{personal}");
    assert!(
        personal.contains("本人书面同意公开"),
        "the allowed number's reason is in the report: {personal}"
    );
    assert!(text.contains("结论：存在单项否决"), "{text}");

    let html_path = site
        .path()
        .join(format!("reports/inspection-{CHECK_DATE}.html"));
    let html = std::fs::read_to_string(&html_path).expect("the HTML report");
    let doc = scraper::Html::parse_document(&html);
    assert_eq!(common::attr(&doc, "html", "lang").as_deref(), Some("zh-CN"));
    let headings: Vec<String> = common::select(&doc, "section h2")
        .iter()
        .map(|h| h.text().collect())
        .collect();
    assert!(headings[0].starts_with("严重表述错误"), "{headings:?}");
    let rows: Vec<String> = common::select(&doc, "tbody tr")
        .iter()
        .map(|r| r.text().collect())
        .collect();
    for needle in [
        format!("{PLANTS}:7"),
        format!("{PLANTS}:10"),
        format!("{PLANTS}:17"),
        "content/news/signup.docx".to_string(),
        "content/notices/_index.en.md:2".to_string(),
    ] {
        assert!(
            rows.iter().any(|r| r.contains(&needle)),
            "{needle} in {rows:#?}"
        );
    }
}

/// A news item must carry its date (an item without one counts as not updated): front-matter
/// validation refuses it, at the file.
#[test]
fn an_undated_news_item_is_an_error_at_its_file() {
    let f = common::Fixture::new();
    f.write(
        "content/news/undated.md",
        "---\ntitle: 没有日期的新闻\n---\n正文。\n",
    );
    let (found, passed) = sample_site::check(f.root(), common::DATE);
    assert!(!passed);
    let undated: Vec<&Found> = found
        .iter()
        .filter(|f| f.file == "content/news/undated.md" && f.severity == "error")
        .collect();
    assert_eq!(undated.len(), 1, "{found:#?}");
    assert!(undated[0].message.contains("date"), "{undated:?}");
    assert!(undated[0].line.is_some(), "{undated:?}");
}

/// `../shared/realtext` beside the checkout, or where `CIVIC_REALTEXT` says (a git worktree
/// lives elsewhere).
fn realtext_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CIVIC_REALTEXT").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realtext"),
        PathBuf::from,
    );
    dir.is_dir().then_some(dir)
}

/// ../shared/realtext (708 real laws, full of official names and numbers): none is blocked by
/// the protected names (the sample site's lists), personal data or secret markings.
#[test]
fn real_laws_are_not_blocked_by_the_inspection() {
    let Some(dir) = realtext_dir() else {
        eprintln!(
            "../shared/realtext is absent (or set CIVIC_REALTEXT): real-text inspection test skipped"
        );
        return;
    };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let date = jiff::civil::date(2026, 11, 25);
    let config = civic::config::InspectionConfig::default();
    let (lists, problems) = civic::inspect::names::load(repo, date, &config);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(lists.names.iter().any(|n| n.text == "中华人民共和国"));
    let checker = civic::inspect::names::Checker::new(&lists);
    let mut files = 0;
    let mut blocked = Vec::new();
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.path().extension().is_none_or(|e| e != "md") {
            continue;
        }
        files += 1;
        let text: std::sync::Arc<str> =
            std::fs::read_to_string(entry.path()).expect("UTF-8").into();
        let source = civic::content::Source {
            file: entry.path().display().to_string(),
            yaml: 0..0,
            body: 0..text.len(),
            yaml_line: 1,
            body_line: 1,
            text,
        };
        let mut out = Vec::new();
        checker.check(&source, &mut out);
        civic::inspect::personal::check_source(&source, &[], &mut out);
        civic::inspect::secrets::check_source(&source, &mut out);
        for p in out.iter().filter(|p| p.is_error()) {
            blocked.push(format!(
                "{}: {} {}",
                p.location(),
                p.code,
                p.message.in_lang(civic::lang::Lang::Zh)
            ));
        }
    }
    println!(
        "inspection on real text: {files} files, {} errors",
        blocked.len()
    );
    assert!(files >= 700, "expected the 708 real texts, found {files}");
    assert!(
        blocked.is_empty(),
        "real laws blocked:\n{}",
        blocked.join("\n")
    );
}
