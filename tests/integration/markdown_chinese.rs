//! Markdown as Chinese editors write it (issue 17): emphasis next to Chinese punctuation, line
//! breaks inside sentences, braces in headings, e-mail and bare links, footnotes, the tag filter.
//! Real Markdown in, HTML out, parsed and checked; the build-level cases run the `civic` binary.

use crate::common;

use civic::config::MarkdownConfig;
use civic::lang::Lang;
use civic::markdown::{Highlighter, Input, LinkTable, Rendered, render};
use common::{Fixture, select, stderr};
use scraper::Html;

fn md_with(body: &str, lang: Lang, options: MarkdownConfig) -> Rendered {
    let input = Input {
        body,
        body_line: 5,
        dir: "handbook",
        lang,
        allowed_html_tags: &[],
        options,
        max_highlight_line: 2000,
    };
    render(&input, &LinkTable::default(), &Highlighter::default())
}

fn md(body: &str) -> Rendered {
    md_with(body, Lang::Zh, MarkdownConfig::default())
}

fn texts(html: &str, css: &str) -> Vec<String> {
    let doc = Html::parse_fragment(html);
    select(&doc, css)
        .iter()
        .map(|e| e.text().collect::<String>())
        .collect()
}

#[test]
fn bold_next_to_chinese_punctuation_is_bold() {
    let r = md("**“文明城市”**是大家的\n\n税费**（含附加）**另计。\n");
    assert_eq!(
        texts(&r.html, "strong"),
        ["“文明城市”", "（含附加）"],
        "{}",
        r.html
    );
    assert!(!r.html.contains("**"), "{}", r.html);
    // Latin text is read exactly as CommonMark reads it.
    let latin = md("a**\"b\"**c\n\n*foo*bar\n\nfoo**bar**\n");
    assert_eq!(texts(&latin.html, "strong"), ["bar"], "{}", latin.html);
    assert_eq!(texts(&latin.html, "em"), ["foo"]);
    assert!(latin.html.contains("a**&quot;b&quot;**c"), "{}", latin.html);
}

#[test]
fn cjk_friendly_emphasis_can_be_switched_off() {
    let options = MarkdownConfig {
        cjk_friendly_emphasis: false,
        ..MarkdownConfig::default()
    };
    let r = md_with("**“文明城市”**是大家的\n", Lang::Zh, options);
    assert!(texts(&r.html, "strong").is_empty(), "{}", r.html);
    assert!(r.html.contains("**“文明城市”**"), "{}", r.html);
}

#[test]
fn line_breaks_between_chinese_characters_vanish() {
    let r = md("市民应当文明出行，\n遵守交通规则。\n**礼让**\n行人，\nsee the\nrules 和\n规定\n");
    let p = &texts(&r.html, "p")[0];
    // Between Chinese and Latin (`，⏎see`) and between Latin words the break stays.
    assert_eq!(
        p, "市民应当文明出行，遵守交通规则。礼让行人，\nsee the\nrules 和规定",
        "{}",
        r.html
    );
    // No newline is left between two Chinese characters anywhere in the output.
    assert!(!r.html.contains("，\n遵"), "{}", r.html);
    // The summary has no stray space either.
    assert!(
        r.excerpt.starts_with("市民应当文明出行，遵守交通规则。"),
        "{}",
        r.excerpt
    );
}

#[test]
fn only_strict_heading_attributes_are_taken() {
    let r = md("## 活动安排 {周六上午}\n\n## Schedule {Saturday}\n\n## 报名方式 {#signup .wide}\n");
    let doc = Html::parse_fragment(&r.html);
    let headings: Vec<(String, Option<String>, Option<String>)> = select(&doc, "h2")
        .iter()
        .map(|h| {
            (
                h.text().collect(),
                h.value().attr("id").map(str::to_string),
                h.value().attr("class").map(str::to_string),
            )
        })
        .collect();
    assert_eq!(
        headings,
        [
            (
                "活动安排 {周六上午}".to_string(),
                Some("活动安排-周六上午".to_string()),
                None
            ),
            (
                "Schedule {Saturday}".to_string(),
                Some("schedule-saturday".to_string()),
                None
            ),
            (
                "报名方式".to_string(),
                Some("signup".to_string()),
                Some("wide".to_string())
            ),
        ]
    );
    assert_eq!(r.toc[2].title, "报名方式");
}

#[test]
fn email_autolinks_are_mailto_and_never_files() {
    let r = md("联系邮箱：<wenming@minghu.gov.cn>\n\n<foo@bar.example.com>\n");
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let doc = Html::parse_fragment(&r.html);
    let hrefs: Vec<&str> = select(&doc, "a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        hrefs,
        ["mailto:wenming@minghu.gov.cn", "mailto:foo@bar.example.com"]
    );
}

#[test]
fn bare_urls_and_addresses_are_linked_and_stop_at_chinese_punctuation() {
    let r = md(
        "详见https://www.gov.cn/zhengce/。下一句\n\n访问 www.wenming.cn，或写信至 wenming@minghu.gov.cn。\n",
    );
    let doc = Html::parse_fragment(&r.html);
    let links: Vec<(String, String)> = select(&doc, "a")
        .iter()
        .map(|a| {
            (
                a.value().attr("href").unwrap_or("").to_string(),
                a.text().collect(),
            )
        })
        .collect();
    assert_eq!(
        links,
        [
            (
                "https://www.gov.cn/zhengce/".to_string(),
                "https://www.gov.cn/zhengce/".to_string()
            ),
            (
                "http://www.wenming.cn".to_string(),
                "www.wenming.cn".to_string()
            ),
            (
                "mailto:wenming@minghu.gov.cn".to_string(),
                "wenming@minghu.gov.cn".to_string()
            ),
        ]
    );
    assert!(texts(&r.html, "p")[0].ends_with("。下一句"), "{}", r.html);
    let off = MarkdownConfig {
        bare_links: false,
        ..MarkdownConfig::default()
    };
    let plain = md_with("详见 https://www.gov.cn/ 。\n", Lang::Zh, off);
    assert!(!plain.html.contains("<a"), "{}", plain.html);
}

#[test]
fn footnotes_are_collected_at_the_end_with_back_links_in_the_page_language() {
    let body = "文明公约[^公约]见附件。\n\n[^公约]: 2026年修订。\n\n[^unused]: 没有引用。\n\n第二处[^公约]，另有[^2]。\n\n[^2]: 第二条。\n";
    let r = md(body);
    let doc = Html::parse_fragment(&r.html);
    let section = select(&doc, "section.footnotes");
    assert_eq!(section.len(), 1, "{}", r.html);
    assert_eq!(section[0].value().attr("role"), Some("doc-endnotes"));
    assert_eq!(texts(&r.html, "section.footnotes h2"), ["注释"]);
    // In order of first reference; the unreferenced one is gone.
    let notes = texts(&r.html, "section.footnotes li");
    assert_eq!(notes.len(), 2, "{}", r.html);
    assert!(notes[0].trim().starts_with("2026年修订。"), "{notes:?}");
    assert!(notes[1].trim().starts_with("第二条。"), "{notes:?}");
    assert_eq!(
        select(&doc, "section.footnotes li")
            .iter()
            .map(|li| li.value().attr("id").unwrap_or(""))
            .collect::<Vec<_>>(),
        ["fn-公约", "fn-2"]
    );
    assert!(!r.html.contains("没有引用"));
    // The section is the last thing on the page, and each reference has a way back.
    assert!(r.html.trim_end().ends_with("</section>"), "{}", r.html);
    let backrefs = select(&doc, "a.footnote-backref");
    assert_eq!(backrefs.len(), 3);
    for a in &backrefs {
        let target = a.value().attr("href").unwrap_or("").trim_start_matches('#');
        let found = select(&doc, "sup a")
            .iter()
            .any(|s| s.value().attr("id") == Some(target));
        assert!(found, "back-link to #{target} has no reference");
        assert!(
            a.value()
                .attr("aria-label")
                .unwrap_or("")
                .starts_with("返回")
        );
    }
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert_eq!(r.warnings[0].line, Some(9));
    assert!(r.warnings[0].message.to_string().contains("unused"));
    let en = md_with(
        "Text[^1].\n\n[^1]: A note.\n",
        Lang::En,
        MarkdownConfig::default(),
    );
    assert_eq!(texts(&en.html, "section.footnotes h2"), ["Notes"]);
}

#[test]
fn disallowed_raw_tags_are_shown_as_text_not_swallowing_the_page() {
    let r = md("<title>没有闭合\n\n后面的段落**仍然**显示。\n\n<xmp>\n");
    let doc = Html::parse_fragment(&r.html);
    assert!(select(&doc, "title").is_empty(), "{}", r.html);
    assert_eq!(texts(&r.html, "strong"), ["仍然"], "{}", r.html);
    let shown: String = doc.root_element().text().collect();
    assert!(shown.starts_with("<title>没有闭合"), "{}", r.html);
    let lines: Vec<Option<u32>> = r.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [Some(5), Some(9)], "{:?}", r.warnings);
}

#[test]
fn a_site_build_links_bare_urls_mails_addresses_and_warns_about_unused_notes() {
    let site = Fixture::new();
    site.write(
        "content/contact.md",
        "---\ntitle: 联系我们\n---\n联系邮箱：<wenming@minghu.gov.cn>\n\n官网：https://www.gov.cn/\n\n说明[^1]。\n\n[^1]: 注释。\n\n[^多余]: 没人引用。\n",
    );
    // Not `--quiet`: warnings are the point.
    let out = common::civic()
        .args(["build", "--date", common::DATE, "--root"])
        .arg(site.root())
        .arg("--output")
        .arg(site.out())
        .output()
        .expect("run civic");
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("contact.md"), "{err}");
    assert!(err.contains("never referenced"), "{err}");
    let page = site.html("contact/index.html");
    let hrefs: Vec<String> = select(&page, "main a, article a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert!(
        hrefs.contains(&"mailto:wenming@minghu.gov.cn".to_string()),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"https://www.gov.cn/".to_string()),
        "{hrefs:?}"
    );
}
