//! Building real sites and checking the HTML, feeds and sitemap they produce.

use crate::common;
use common::*;
use std::path::Path;

fn built() -> Fixture {
    let f = Fixture::new();
    let out = f.build();
    assert!(out.status.success(), "build failed:\n{}", stderr(&out));
    f
}

#[test]
fn pages_carry_their_language_and_urls() {
    let f = built();
    assert_eq!(
        attr(&f.html("index.html"), "html", "lang").as_deref(),
        Some("zh-CN")
    );
    assert_eq!(
        attr(&f.html("en/index.html"), "html", "lang").as_deref(),
        Some("en")
    );
    let zh = f.html("role-models/li-mei/index.html");
    let en = f.html("en/role-models/li-mei/index.html");
    assert_eq!(select(&zh, "h1")[0].text().collect::<String>(), "李梅");
    assert_eq!(select(&en, "h1")[0].text().collect::<String>(), "Li Mei");
    // The English twin inherited category and year from its Chinese source.
    let facts: String = select(&en, ".facts")
        .iter()
        .flat_map(|e| e.text())
        .collect();
    assert!(
        facts.contains("2025") && facts.contains("Helping Others"),
        "{facts}"
    );
}

#[test]
fn twins_link_each_other_with_hreflang_and_switch() {
    let f = built();
    let zh = f.html("role-models/li-mei/index.html");
    let alternates: Vec<(String, String)> = select(&zh, "link[rel=alternate][hreflang]")
        .iter()
        .map(|e| {
            (
                e.value().attr("hreflang").unwrap_or("").into(),
                e.value().attr("href").unwrap_or("").into(),
            )
        })
        .collect();
    assert_eq!(
        alternates,
        vec![
            (
                "zh-CN".into(),
                "https://wenming.example.cn/role-models/li-mei/".into()
            ),
            (
                "en".into(),
                "https://wenming.example.cn/en/role-models/li-mei/".into()
            ),
            (
                "x-default".into(),
                "https://wenming.example.cn/role-models/li-mei/".into()
            ),
        ]
    );
    assert_eq!(
        attr(&zh, "a.lang-switch", "href").as_deref(),
        Some("/en/role-models/li-mei/")
    );
    let en = f.html("en/role-models/li-mei/index.html");
    assert_eq!(
        attr(&en, "a.lang-switch", "href").as_deref(),
        Some("/role-models/li-mei/")
    );
    assert!(select(&en, ".translation-missing").is_empty());
}

#[test]
fn page_without_twin_switches_to_nearest_translated_section_and_says_so() {
    let f = built();
    let zh = f.html("role-models/wang-jun/index.html");
    assert_eq!(
        attr(&zh, "a.lang-switch", "href").as_deref(),
        Some("/en/role-models/")
    );
    assert_eq!(select(&zh, ".translation-missing").len(), 1);
    let hreflangs: Vec<&str> = select(&zh, "link[rel=alternate][hreflang]")
        .iter()
        .filter_map(|e| e.value().attr("hreflang"))
        .collect();
    assert_eq!(hreflangs, vec!["zh-CN", "x-default"]);
}

#[test]
fn chinese_headings_get_ids_and_a_table_of_contents() {
    let f = built();
    let doc = f.html("handbook/traffic/index.html");
    assert_eq!(attr(&doc, "h2#礼让行人", "id").as_deref(), Some("礼让行人"));
    let profile = f.html("role-models/li-mei/index.html");
    let ids: Vec<&str> = select(&profile, ".prose h2")
        .iter()
        .filter_map(|e| e.value().attr("id"))
        .collect();
    assert_eq!(ids, vec!["夜校的故事", "夜校的故事-1"]);
    let about = f.html("about/index.html");
    assert!(select(&about, ".prose h2#本站简介").len() == 1);
}

#[test]
fn code_is_highlighted_with_classes_and_markdown_extensions_render() {
    let f = built();
    let doc = f.html("handbook/traffic/index.html");
    let code = select(&doc, "pre.code[data-lang=rust] span[class^=hl-]");
    assert!(!code.is_empty(), "no highlighted spans");
    assert!(
        select(&doc, "[style]").is_empty(),
        "inline styles break the CSP"
    );
    // Pages with code load the highlighting stylesheet; others do not.
    assert_eq!(select(&doc, "link[href='/css/code.css']").len(), 1);
    assert!(f.out().join("css/code.css").is_file());
    let about = f.html("about/index.html");
    assert!(select(&about, "link[href='/css/code.css']").is_empty());
    assert_eq!(select(&doc, ".prose table td").len(), 2);
    // Footnotes are collected at the end of the body, under a translated heading.
    assert_eq!(select(&doc, ".prose section.footnotes li").len(), 1);
    let notes_title: String = select(&doc, ".prose section.footnotes h2")
        .iter()
        .flat_map(|h| h.text())
        .collect();
    assert_eq!(notes_title, "注释");
    assert_eq!(select(&doc, ".prose .task").len(), 2);
}

#[test]
fn links_to_markdown_files_resolve_per_language() {
    let f = built();
    let zh = f.html("role-models/li-mei/index.html");
    let hrefs: Vec<String> = select(&zh, ".prose a")
        .iter()
        .filter_map(|e| e.value().attr("href"))
        .map(percent_decode)
        .collect();
    assert!(
        hrefs.contains(&"/handbook/traffic/#礼让行人".to_string()),
        "{hrefs:?}"
    );
    let en = f.html("en/about/index.html");
    let hrefs: Vec<&str> = select(&en, ".prose a")
        .iter()
        .filter_map(|e| e.value().attr("href"))
        .collect();
    assert_eq!(hrefs, vec!["/en/role-models/li-mei/"]);
}

#[test]
fn every_internal_link_resolves_to_a_file() {
    let f = built();
    assert_internal_links_resolve(&f.out());
}

/// Every `href`/`src` starting with `/` in every HTML file points at a file of the output.
pub fn assert_internal_links_resolve(out: &Path) {
    let mut broken = Vec::new();
    let mut checked = 0;
    for (rel, bytes) in snapshot(out) {
        if !rel.ends_with(".html") {
            continue;
        }
        let doc = scraper::Html::parse_document(&String::from_utf8_lossy(&bytes));
        for el in select(&doc, "a[href], link[href], img[src], script[src]") {
            let v = el.value();
            let Some(url) = v.attr("href").or(v.attr("src")) else {
                continue;
            };
            if !url.starts_with('/') || url.starts_with("//") {
                continue;
            }
            checked += 1;
            let path = url.split('#').next().unwrap_or(url);
            let path = percent_decode(path);
            let file = if path.ends_with('/') {
                format!("{path}index.html")
            } else {
                path
            };
            if !out.join(file.trim_start_matches('/')).is_file() {
                broken.push(format!("{rel}: {url}"));
            }
        }
    }
    assert!(checked > 50, "only {checked} links checked");
    assert!(
        broken.is_empty(),
        "broken internal links:\n{}",
        broken.join("\n")
    );
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn feeds_and_sitemap_are_well_formed_xml_with_alternates() {
    let f = built();
    for feed in ["atom.xml", "en/atom.xml", "news/atom.xml", "ads/atom.xml"] {
        let text = f.read(feed);
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{feed}: {e}"));
        assert_eq!(doc.root_element().tag_name().name(), "feed");
        let entries = doc
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .count();
        assert!(entries >= 1, "{feed} has no entries");
    }
    let text = f.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("sitemap parses");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.contains(&"https://wenming.example.cn/en/role-models/li-mei/"));
    assert!(
        locs.iter().all(|l| l.is_ascii()),
        "sitemap URLs must be percent-encoded"
    );
    let alternates = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "link" && n.attribute("hreflang") == Some("x-default"))
        .count();
    assert!(alternates >= 5);
    assert!(
        f.read("robots.txt")
            .contains("Sitemap: https://wenming.example.cn/sitemap.xml")
    );
}

#[test]
fn psas_are_current_or_archived_by_build_date() {
    let f = built();
    let list = f.html("ads/index.html");
    let titles: Vec<String> = select(&list, ".card-title")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(titles, vec!["光盘行动"]);
    let archive = f.html("ads/archive/index.html");
    let titles: Vec<String> = select(&archive, ".card-title")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(titles, vec!["文明祭扫"]);
    let home = f.html("index.html");
    let text: String = select(&home, "main")
        .iter()
        .flat_map(|e| e.text())
        .collect();
    assert!(text.contains("光盘行动") && !text.contains("文明祭扫"));
}

#[test]
fn sections_paginate_and_taxonomies_keep_chinese_terms() {
    let f = built();
    assert!(f.out().join("news/page/2/index.html").is_file());
    let tag = f.html("tags/志愿服务/index.html");
    assert_eq!(select(&tag, ".card-title").len(), 1);
    // The English twin inherits its tags; its tag page is under /en/ and lists the English page.
    let en_tag = f.html("en/tags/志愿服务/index.html");
    assert_eq!(
        attr(&en_tag, ".card-title a", "href").as_deref(),
        Some("/en/role-models/li-mei/")
    );
    assert!(
        f.out()
            .join("role-models/category/helping-others/index.html")
            .is_file()
    );
    assert!(
        f.out()
            .join("en/role-models/year/2025/index.html")
            .is_file()
    );
}

#[test]
fn government_metadata_is_present() {
    let f = built();
    let page = f.html("news/lifts/index.html");
    assert_eq!(
        attr(&page, "meta[name=PubDate]", "content").as_deref(),
        Some("2026-11-20 00:00")
    );
    assert_eq!(
        attr(&page, "meta[name=ContentSource]", "content").as_deref(),
        Some("明湖日报")
    );
    assert_eq!(
        attr(&page, "meta[name=SiteIDCode]", "content").as_deref(),
        Some("0000000001")
    );
    let list = f.html("news/index.html");
    assert_eq!(
        attr(&list, "meta[name=ColumnName]", "content").as_deref(),
        Some("工作动态")
    );
}

#[test]
fn handbook_has_print_page_and_prev_next() {
    let f = built();
    let print = f.html("handbook/print/index.html");
    let chapters: Vec<String> = select(&print, ".print-chapter > h2")
        .iter()
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(chapters, vec!["市民公约", "文明交通"]);
    let first = f.html("handbook/convention/index.html");
    assert_eq!(
        attr(&first, ".prev-next a.next", "href").as_deref(),
        Some("/handbook/traffic/")
    );
    assert!(select(&first, ".prev-next a.prev").is_empty());
}

#[test]
fn same_input_and_date_give_identical_output() {
    let f = Fixture::new();
    let a = f.root().join("out-a");
    let b = f.root().join("out-b");
    assert!(f.build_into(&a).status.success());
    assert!(f.build_into(&b).status.success());
    let (sa, sb) = (snapshot(&a), snapshot(&b));
    assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
    for (path, bytes) in &sa {
        assert!(bytes == &sb[path], "{path} differs between two builds");
    }
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let f = Fixture::new();
    f.write(
        "content/news/draft.md",
        "---\ntitle: 草稿\ndate: 2026-11-21\ndraft: true\n---\n未完成。\n",
    );
    assert!(f.build().status.success());
    assert!(!f.out().join("news/draft/index.html").exists());
    let out = civic()
        .args(["build", "--quiet", "--drafts", "--date", DATE, "--root"])
        .arg(f.root())
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(f.out().join("news/draft/index.html").exists());
}

#[test]
fn aliases_redirect_to_the_page() {
    let f = Fixture::new();
    f.write(
        "content/news/old.md",
        "---\ntitle: 旧闻\ndate: 2026-01-01\naliases: [/old/news-1.html]\n---\n正文。\n",
    );
    assert!(f.build().status.success(), "build");
    let doc = f.html("old/news-1.html");
    assert_eq!(
        attr(&doc, "link[rel=canonical]", "href").as_deref(),
        Some("https://wenming.example.cn/news/old/")
    );
    assert!(
        attr(&doc, "meta[http-equiv=refresh]", "content")
            .unwrap_or_default()
            .ends_with("/news/old/")
    );
}

#[test]
fn folder_bundles_publish_their_files() {
    let f = Fixture::new();
    f.write("content/role-models/zhao-li/index.md", "---\ntitle: 赵丽\nname: 赵丽\ncategory: 孝老爱亲\nyear: 2023\n---\n![手写的感谢信](letter.txt)\n");
    f.write("content/role-models/zhao-li/letter.txt", "thanks");
    let out = f.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = f.html("role-models/zhao-li/index.html");
    assert_eq!(
        attr(&doc, ".prose img", "src").as_deref(),
        Some("/role-models/zhao-li/letter.txt")
    );
    assert_eq!(f.read("role-models/zhao-li/letter.txt"), "thanks");
}

#[test]
fn the_sample_site_builds_and_links_resolve() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().expect("tmp");
    let run = civic()
        .args(["build", "--quiet", "--date", DATE, "--root"])
        .arg(root)
        .arg("--output")
        .arg(out.path())
        .output()
        .expect("run");
    assert!(run.status.success(), "{}", stderr(&run));
    assert_internal_links_resolve(out.path());
    let gallery = scraper::Html::parse_document(
        &std::fs::read_to_string(out.path().join("role-models/index.html")).expect("gallery"),
    );
    let photos = select(&gallery, ".card img[srcset][width][height][alt]");
    assert!(
        photos.len() >= 15,
        "profile photos with srcset: {}",
        photos.len()
    );
}

#[test]
fn verify_reports_changed_added_and_missing_files_of_a_deployed_copy() {
    let f = built();
    let deployed = f.root().join("deployed");
    for (rel, bytes) in snapshot(&f.out()) {
        let path = deployed.join(&rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("copy");
    }
    let clean = civic().arg("verify").arg(&deployed).output().expect("run");
    assert!(clean.status.success(), "{}", stderr(&clean));
    std::fs::write(
        deployed.join("index.html"),
        "<a href=https://bet.example>博彩</a>",
    )
    .expect("deface");
    std::fs::write(deployed.join("promo.html"), "spam").expect("add");
    std::fs::remove_file(deployed.join("robots.txt")).expect("remove");
    let out = civic().arg("verify").arg(&deployed).output().expect("run");
    let report = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(report.contains("changed  index.html"), "{report}");
    assert!(report.contains("added    promo.html"), "{report}");
    assert!(report.contains("missing  robots.txt"), "{report}");
}

#[test]
fn search_can_be_turned_off_and_then_leaves_no_trace() {
    let on = built();
    assert!(on.out().join("search/zh-CN/meta.json").is_file());
    assert!(on.out().join("search/index.html").is_file());
    let home = on.html("index.html");
    assert_eq!(
        attr(&home, "header a.search-link", "href").as_deref(),
        Some("/search/")
    );

    let off = Fixture::new();
    off.write(
        "site.yaml",
        &format!("{SITE_YAML}search:\n  enabled: false\n"),
    );
    let out = off.build();
    assert!(out.status.success(), "build failed:\n{}", stderr(&out));
    assert!(
        !off.out().join("search").exists(),
        "no index, no search page"
    );
    assert!(!off.out().join("en/search").exists());
    for page in ["index.html", "en/index.html", "404.html"] {
        let html = off.read(page);
        assert!(!html.contains("/search/"), "{page} links to a search page");
        assert!(off.html(page).root_element().text().count() > 0);
    }
}

/// The search record of the page at `url` in a built index.
fn search_record(f: &Fixture, lang: &str, url: &str) -> serde_json::Value {
    let dir = f.out().join("search").join(lang).join("d");
    std::fs::read_dir(&dir)
        .expect("records")
        .map(|e| {
            let text = std::fs::read_to_string(e.expect("entry").path()).expect("record");
            serde_json::from_str::<serde_json::Value>(&text).expect("record is JSON")
        })
        .find(|r| r["u"] == url)
        .unwrap_or_else(|| panic!("no search record for {url}"))
}

#[test]
fn search_reads_page_text_from_the_html_without_decorations() {
    let f = built();
    // handbook/traffic.md has a heading, a code block, a table, a footnote and a task list.
    let text = search_record(&f, "zh-CN", "/handbook/traffic/")["x"]
        .as_str()
        .expect("text")
        .to_string();
    for visible in [
        "礼让行人",
        "println!(\"礼让\")",
        "斑马线",
        "已学习",
        "未学习",
    ] {
        assert!(text.contains(visible), "{visible:?} missing from {text:?}");
    }
    // The task markers' ☐/☑ and their screen-reader labels are not page text.
    for hidden in ["☐", "☑", "已完成", "未完成", "<", "&quot;"] {
        assert!(!text.contains(hidden), "{hidden:?} in {text:?}");
    }
}

/// The build's summary adds up (issue 29: "183 pages" beside "中文 56 + 英文 54"): it says what
/// every page is, the parts sum to the total, the content pages to Chinese plus English, and the
/// total is the HTML files written.
#[test]
fn the_page_count_says_what_the_pages_are_and_adds_up() {
    let site = sample_site::sample_site();
    let out_dir = site.path().join("output");
    let out = civic()
        .args(["build", "--date", DATE, "--lang", "en", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&out_dir)
        .output()
        .expect("run civic");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stderr(&out);
    let line = text
        .lines()
        .find(|l| l.starts_with("Built "))
        .unwrap_or_else(|| panic!("no summary: {text}"));
    let number_before = |words: &str| -> usize {
        let at = line
            .find(words)
            .unwrap_or_else(|| panic!("no `{words}` in: {line}"));
        line[..at]
            .trim_end()
            .rsplit([' ', '('])
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no number before `{words}` in: {line}"))
    };
    let number_after = |words: &str| -> usize {
        let at = line.find(words).expect(words) + words.len();
        line[at..]
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no number after `{words}` in: {line}"))
    };
    let total = number_after("Built ");
    let content = number_before(" content pages");
    let (zh, en) = (number_after("(zh-CN "), number_after(", en "));
    let parts = [
        content,
        number_before(" section lists and home pages"),
        number_before(" gallery filter pages"),
        number_before(" tag pages"),
        number_before(" print pages"),
        number_before(" redirect pages"),
        number_before(" search, site map and 404 pages"),
    ];
    assert_eq!(content, zh + en, "{line}");
    assert_eq!(parts.iter().sum::<usize>(), total, "{line}");
    // The sample has lists, galleries, tags, a handbook and search; no aliases.
    assert!([1, 2, 3, 4, 6].iter().all(|&i| parts[i] > 0), "{line}");
    let html_files = walkdir::WalkDir::new(&out_dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    assert_eq!(html_files, total, "{line}");
}
