//! Dates for the inspection (issue 26): the State Council's inspection counts an item without a
//! visible date as not updated, and its crawlers read the `PubDate` meta. The sample site is
//! built and its HTML parsed: a dated role model and handbook chapter (and the English twin,
//! which inherits the date) show their front-matter date and carry it as `PubDate`; section
//! lists show each item's date and the column's last update. A handbook chapter without
//! `date:` or `updated:` is an `undated-item` warning at its file, in `civic check`,
//! `civic check --inspection` and the build.

use crate::common::sample_site::{self, with_code};
use crate::common::{self, attr, civic, select};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const UNDATED: &str = "content/handbook/undated.md";
const UNDATED_TEXT: &str = "---\ntitle: 第十三章　没有日期的一章\nweight: 13\n---\n\n正文。\n";
const UNDATED_EN: &str = "content/handbook/undated.en.md";
const UNDATED_EN_TEXT: &str = "---\ntitle: Chapter 13 A chapter without a date\n---\n\nText.\n";

/// The sample site built once on [`common::DATE`]: (its copy, the output folder).
fn built() -> &'static (tempfile::TempDir, PathBuf) {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let site = sample_site::sample_site();
        let out = site.path().join("output");
        let run = civic()
            .args(["build", "--quiet", "--date", common::DATE, "--root"])
            .arg(site.path())
            .arg("--output")
            .arg(&out)
            .output()
            .expect("run civic build");
        assert!(run.status.success(), "{}", common::stderr(&run));
        (site, out)
    })
}

fn html(rel: &str) -> scraper::Html {
    let path = built().1.join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    scraper::Html::parse_document(&text)
}

/// The `date:` of a page of the repository's sample site, as its front matter writes it.
fn front_matter_date(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let front = text.split("\n---").next().unwrap_or_default();
    front
        .lines()
        .find_map(|l| l.strip_prefix("date:"))
        .map(|d| d.trim().to_string())
        .unwrap_or_else(|| panic!("{rel} has no date:"))
}

fn text_of(e: &scraper::ElementRef<'_>) -> String {
    e.text().collect()
}

/// An article's visible dates (`<time datetime>` in its meta line) and its `PubDate` meta.
fn article_dates(rel: &str) -> (Vec<String>, Option<String>) {
    let doc = html(rel);
    let visible = select(&doc, "article .article-meta time")
        .iter()
        .filter_map(|t| t.value().attr("datetime").map(str::to_string))
        .collect();
    (visible, attr(&doc, r#"meta[name="PubDate"]"#, "content"))
}

#[test]
fn a_dated_role_model_and_chapter_show_their_date_and_carry_it_as_pubdate() {
    for (source, pages) in [
        (
            "content/role-models/li-mei.md",
            [
                "role-models/li-mei/index.html",
                "en/role-models/li-mei/index.html",
            ],
        ),
        (
            "content/handbook/traffic.md",
            [
                "handbook/traffic/index.html",
                "en/handbook/traffic/index.html",
            ],
        ),
    ] {
        let date = front_matter_date(source);
        for rel in pages {
            let (visible, pub_date) = article_dates(rel);
            assert!(
                visible.contains(&date),
                "{rel}: {date} shown in {visible:?}"
            );
            // 政府网站网页设计规范: `YYYY-MM-DD HH:MM`; a date without a time is that day's start.
            assert_eq!(pub_date, Some(format!("{date} 00:00")), "{rel}: PubDate");
            let doc = html(rel);
            for name in ["SiteName", "ArticleTitle", "ColumnName"] {
                let css = format!(r#"meta[name="{name}"]"#);
                assert!(
                    attr(&doc, &css, "content").is_some_and(|c| !c.is_empty()),
                    "{rel}: {name}"
                );
            }
        }
    }
    // The label is the theme's, in each language.
    let zh = html("handbook/traffic/index.html");
    let meta = select(&zh, "article .article-meta").first().map(text_of);
    assert!(meta.is_some_and(|m| m.contains("发布日期")), "zh label");
    let en = html("en/handbook/traffic/index.html");
    let meta = select(&en, "article .article-meta").first().map(text_of);
    assert!(meta.is_some_and(|m| m.contains("Published")), "en label");
}

#[test]
fn every_item_of_a_section_list_shows_its_date() {
    for (rel, items) in [
        ("handbook/index.html", ".chapter-cards li"),
        ("en/handbook/index.html", ".chapter-cards li"),
        ("role-models/index.html", "li.card"),
        ("news/index.html", ".news-items li"),
    ] {
        let doc = html(rel);
        let items = select(&doc, items);
        assert!(!items.is_empty(), "{rel}: no items");
        for item in &items {
            let time = scraper::Selector::parse("time[datetime]").expect("selector");
            assert!(
                item.select(&time).next().is_some(),
                "{rel}: an item without a date: {}",
                item.html()
            );
        }
        // The column's last update, under its title and as its PubDate.
        let updated = select(&doc, "main .article-meta time");
        assert!(!updated.is_empty(), "{rel}: column updated");
        let pub_date = attr(&doc, r#"meta[name="PubDate"]"#, "content");
        let iso = updated[0].value().attr("datetime").unwrap_or_default();
        assert!(
            pub_date.as_deref().is_some_and(|p| p.starts_with(iso)),
            "{rel}: PubDate {pub_date:?} vs {iso}"
        );
    }
    // Li Mei's card carries her profile's date.
    let date = front_matter_date("content/role-models/li-mei.md");
    let doc = html("role-models/index.html");
    let card = select(&doc, "li.card")
        .into_iter()
        .find(|c| text_of(c).contains("李梅"))
        .map(|c| c.html());
    assert!(
        card.as_deref()
            .is_some_and(|c| c.contains(&format!(r#"datetime="{date}""#))),
        "{card:?}"
    );
}

#[test]
fn an_undated_handbook_chapter_is_a_warning_naming_its_file() {
    let site = sample_site::sample_site();
    sample_site::write(site.path(), UNDATED, UNDATED_TEXT);
    sample_site::write(site.path(), UNDATED_EN, UNDATED_EN_TEXT);
    let (found, passed) = sample_site::check(site.path(), common::DATE);
    assert!(passed, "a warning does not fail the check: {found:#?}");
    let undated = with_code(&found, "undated-item", UNDATED);
    assert_eq!(undated.len(), 1, "{found:#?}");
    let f = undated[0];
    assert_eq!(f.severity, "warning");
    assert_eq!(f.line, Some(2), "at the front matter");
    assert!(f.message.contains("date:"), "{f:?}");
    assert!(f.help.contains("date: YYYY-MM-DD"), "{f:?}");
    // The English twin takes its dates from the Chinese page: one finding, at the Chinese file.
    assert!(
        with_code(&found, "undated-item", UNDATED_EN).is_empty(),
        "{found:#?}"
    );
    assert_eq!(
        found.iter().filter(|f| f.code == "undated-item").count(),
        1,
        "{found:#?}"
    );

    let inspection = civic()
        .args(["check", "--inspection", "--date", common::DATE, "--root"])
        .arg(site.path())
        .output()
        .expect("run civic check --inspection");
    let report = String::from_utf8_lossy(&inspection.stdout);
    assert!(
        report.contains(&format!("{UNDATED}:2")) && report.contains("undated-item"),
        "{report}"
    );

    let build = civic()
        .args(["build", "--date", common::DATE, "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(site.path().join("output"))
        .output()
        .expect("run civic build");
    assert!(build.status.success(), "{}", common::stderr(&build));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&build.stdout),
        common::stderr(&build)
    );
    assert!(
        said.contains(UNDATED) && said.contains("undated-item"),
        "{said}"
    );
}
