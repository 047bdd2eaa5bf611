//! What editors and the spec suites still tripped on (issue 29): bare links in Chinese text,
//! Chinese numbering, `~` ranges, `{#id}` glued to a Chinese heading, line breaks next to raw
//! tags and footnote references, twins that drop fields, links to drafts. Real Markdown in, the
//! HTML parsed and checked; the site-level cases run the `civic` binary.

use crate::common;

use civic::config::MarkdownConfig;
use civic::lang::Lang;
use civic::markdown::{Highlighter, Input, LinkTable, Rendered, render};
use common::{Fixture, select, stderr};
use scraper::Html;

fn md(body: &str) -> Rendered {
    let input = Input {
        body,
        body_line: 1,
        dir: "handbook",
        lang: Lang::Zh,
        allowed_html_tags: &[],
        options: MarkdownConfig::default(),
        max_highlight_line: 2000,
    };
    render(&input, &LinkTable::default(), &Highlighter::default())
}

/// Every link of the fragment: (href, text).
fn links(html: &str) -> Vec<(String, String)> {
    let doc = Html::parse_fragment(html);
    select(&doc, "a:not(.footnote-backref)")
        .iter()
        .filter(|a| {
            a.parent()
                .and_then(scraper::ElementRef::wrap)
                .is_none_or(|p| p.value().name() != "sup")
        })
        .map(|a| {
            (
                a.value().attr("href").unwrap_or_default().to_string(),
                a.text().collect(),
            )
        })
        .collect()
}

fn texts(html: &str, css: &str) -> Vec<String> {
    let doc = Html::parse_fragment(html);
    select(&doc, css)
        .iter()
        .map(|e| e.text().collect())
        .collect()
}

/// The text of the first paragraph, with `<br>` as `\n`.
fn paragraph_lines(html: &str) -> Vec<String> {
    let doc = Html::parse_fragment(html);
    let p = select(&doc, "p");
    let p = p.first().expect("a paragraph");
    let mut text = String::new();
    for node in p.descendants() {
        match node.value() {
            scraper::Node::Text(t) => text.push_str(t),
            scraper::Node::Element(e) if e.name() == "br" => text.push('\n'),
            _ => {}
        }
    }
    text.lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn a_bare_link_ends_where_the_chinese_text_goes_on_and_markdown_after_it_works() {
    let r = md("详见https://www.gov.cn/，**务必**阅读。\n");
    assert_eq!(
        links(&r.html),
        [("https://www.gov.cn/".into(), "https://www.gov.cn/".into())]
    );
    assert_eq!(texts(&r.html, "strong"), ["务必"]);

    let r = md(
        "见https://www.gov.cn/，`civic check`与[手册](https://example.org/a)[^1]。\n\n[^1]: 注释。\n",
    );
    assert_eq!(texts(&r.html, "code"), ["civic check"]);
    let found = links(&r.html);
    assert_eq!(found[0].0, "https://www.gov.cn/");
    assert_eq!(found[1], ("https://example.org/a".into(), "手册".into()));
    assert!(
        r.warnings.is_empty(),
        "the footnote is referenced: {:?}",
        r.warnings
    );
    assert_eq!(texts(&r.html, ".footnotes li").len(), 1, "{}", r.html);
}

#[test]
fn closing_brackets_and_emphasis_around_a_bare_link_stay_outside_it() {
    for (markdown, target) in [
        ("请看(https://www.gov.cn/)。", "https://www.gov.cn/"),
        ("**https://www.gov.cn/**。", "https://www.gov.cn/"),
        ("_https://www.gov.cn/_。", "https://www.gov.cn/"),
        ("~~https://www.gov.cn/~~。", "https://www.gov.cn/"),
        ("访问https://www.gov.cn/.", "https://www.gov.cn/"),
        ("访问\"https://www.gov.cn/\"", "https://www.gov.cn/"),
        ("请登录www.gov.cn查询", "http://www.gov.cn"),
        (
            "来信请寄wenming@minghu.gov.cn。",
            "mailto:wenming@minghu.gov.cn",
        ),
    ] {
        let r = md(&format!("{markdown}\n"));
        let found = links(&r.html);
        assert_eq!(found.len(), 1, "{markdown}: {}", r.html);
        assert_eq!(found[0].0, target, "{markdown}: {}", r.html);
        assert!(
            !found[0].1.contains(['*', '_', '~', ')', '"', '。']),
            "{markdown}: {found:?}"
        );
    }
    let r = md("**https://www.gov.cn/**。\n");
    assert_eq!(texts(&r.html, "strong a"), ["https://www.gov.cn/"]);
}

#[test]
fn two_addresses_joined_by_a_chinese_comma_are_both_linked() {
    let r = md("https://www.gov.cn/、https://www.12345.gov.cn/\n");
    let hrefs: Vec<String> = links(&r.html).into_iter().map(|(h, _)| h).collect();
    assert_eq!(hrefs, ["https://www.gov.cn/", "https://www.12345.gov.cn/"]);
    assert!(r.html.contains("</a>、<a"), "{}", r.html);
}

#[test]
fn chinese_numbering_keeps_one_item_a_line() {
    for lines in [
        ["一、总体要求", "二、工作目标", "三、保障措施"],
        ["（一）总体要求", "（二）工作目标", "（三）保障措施"],
        ["1、报名", "2、培训", "3、上岗"],
        ["①报名", "②培训", "③上岗"],
    ] {
        let r = md(&format!("{}\n", lines.join("\n")));
        assert_eq!(paragraph_lines(&r.html), lines, "{}", r.html);
    }
    // A line that merely goes on stays joined, without a space.
    let r = md("文明城市\n人人共建\n");
    assert_eq!(paragraph_lines(&r.html), ["文明城市人人共建"]);
}

#[test]
fn ranges_with_tildes_are_not_struck_through() {
    let r = md("办公时间：周一~周五 9:00~17:00，周六9:00～12:00。\n\n~~已取消~~的活动。\n");
    assert_eq!(texts(&r.html, "del"), ["已取消"], "{}", r.html);
    let text: String = texts(&r.html, "p").concat();
    assert!(
        text.contains("周一~周五 9:00~17:00，周六9:00～12:00"),
        "{text}"
    );
    let r = md("范围~1~2~ *强调*\n");
    assert!(
        texts(&r.html, "del").is_empty() && texts(&r.html, "sub").is_empty(),
        "{}",
        r.html
    );
    assert_eq!(texts(&r.html, "em"), ["强调"]);
}

#[test]
fn a_heading_id_glued_to_chinese_is_the_heading_id() {
    let r = md("## 活动安排{#schedule}\n\n见[安排](#schedule)。\n");
    let doc = Html::parse_fragment(&r.html);
    let h2 = select(&doc, "h2");
    assert_eq!(h2[0].value().attr("id"), Some("schedule"));
    assert_eq!(h2[0].text().collect::<String>(), "活动安排");
    assert!(r.anchors.contains(&"schedule".to_string()));
}

#[test]
fn a_break_next_to_a_raw_tag_or_a_footnote_reference_adds_no_space() {
    let r = md("请<b>务必</b>\n准时到场。\n");
    assert_eq!(texts(&r.html, "p"), ["请务必准时到场。"], "{}", r.html);
    let r = md("详见公约[^1]\n全文。\n\n[^1]: 文明公约。\n");
    let doc = Html::parse_fragment(&r.html);
    let p = select(&doc, "p");
    let text: String = p[0].text().collect();
    assert_eq!(text, "详见公约1全文。", "{}", r.html);
}

fn role_model(extra: &str) -> String {
    format!(
        "---\ntitle: 张秀兰\nname: 张秀兰\ncategory: 助人为乐\nyear: 2025\n{extra}---\n事迹。\n"
    )
}

#[test]
fn a_twin_that_drops_a_field_of_its_chinese_page_is_warned_about() {
    let f = Fixture::new();
    f.write(
        "content/role-models/zhang.md",
        &role_model(
            "quote: 帮一把是应该的。\nhonors:\n  - { title: 明湖好人, level: city, year: 2025 }\n",
        ),
    );
    f.write(
        "content/role-models/zhang.en.md",
        "---\ntitle: Zhang Xiulan\nname: Zhang Xiulan\nquote: Helping is natural.\n---\nHer story.\n",
    );
    let out = f.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("zhang.en.md") && err.contains("`honors`"),
        "no warning names the dropped field: {err}"
    );
    assert!(
        !err.contains("`quote`"),
        "quote is translated, not dropped: {err}"
    );
    // And the pages really differ: the Chinese one shows its honours.
    assert!(f.read("role-models/zhang/index.html").contains("明湖好人"));
}

#[test]
fn a_link_to_a_draft_says_it_is_a_draft() {
    let f = Fixture::new();
    f.write("content/role-models/li.md", &role_model("draft: true\n"));
    f.write(
        "content/about.md",
        "---\ntitle: 关于\n---\n见[李](role-models/li.md)。\n",
    );
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("draft") && !err.contains("does not exist"),
        "{err}"
    );
}

/// The sample site as shipped: `content/`, `site.yaml` and the diff baselines in `.civic/`.
fn sample_site_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in walkdir::WalkDir::new(repo.join("content"))
        .into_iter()
        .chain(walkdir::WalkDir::new(repo.join(".civic")))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let rel = entry
            .path()
            .strip_prefix(repo)
            .expect("inside the repository");
        let to = dir.path().join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(entry.path(), to).expect("copy");
    }
    std::fs::copy(repo.join("site.yaml"), dir.path().join("site.yaml")).expect("site.yaml");
    dir
}

#[test]
fn translations_diff_works_for_the_sample_pages_and_text_added_at_the_end() {
    let site = sample_site_copy();
    let zh = site.path().join("content/handbook/traffic.md");
    let before = std::fs::read_to_string(&zh).expect("sample page");
    let last = before
        .trim_end()
        .lines()
        .last()
        .expect("a last line")
        .to_string();
    std::fs::write(&zh, format!("{}\n\n新增的一段。\n", before.trim_end())).expect("append");
    let out = common::civic()
        .args(["translations", "--root"])
        .arg(site.path())
        .args(["diff", "content/handbook/traffic.en.md"])
        .output()
        .expect("run civic");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(out.status.success(), "{}{}", text, stderr(&out));
    assert!(text.contains("+ 新增的一段。"), "{text}");
    assert!(
        !text.lines().any(|l| l.starts_with("- ")),
        "the unchanged last line `{last}` shows as removed: {text}"
    );
}
