//! Property tests of `civic verify`'s reader of served files (the stable twin of the fuzz target
//! `verify_links`): whatever a hostile server sends as a page, sitemap or robots.txt, the reader
//! ends without a panic, resolves every link against the page's URL without its fragment, finds
//! no more links than the body has bytes, and still finds every real link placed among the noise.

use civic::integrity::links_in;
use proptest::prelude::*;
use url::Url;

fn base() -> Url {
    Url::parse("https://wenming.example.cn/news/").expect("base url")
}

const PATHS: [&str; 4] = ["news/index.html", "sitemap.xml", "robots.txt", "x.htm"];

/// Markup built from the pieces that make a page, a sitemap or robots.txt interesting: unclosed
/// and nested elements, attributes without quotes, comments, scripts, refreshes, srcsets.
fn served_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<a href=",
        "<a href='",
        "<a href=\"",
        "'",
        "\"",
        ">",
        "</a>",
        "<div>",
        "</div>",
        "<div",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "<img src=x.png srcset='",
        ", ",
        " 2x",
        "<meta http-equiv=refresh content='0; url=",
        "<loc>",
        "</loc>",
        "<urlset>",
        "<![CDATA[",
        "]]>",
        "#frag",
        "?q=1",
        "//other.example/",
        "javascript:",
        "/news/",
        "../../..",
        "&amp;",
        "&#x",
        "%zz",
        "Sitemap: ",
        "Disallow: /a*",
        "Allow: ",
        "\n",
        "\u{0}",
        "\u{feff}",
        "明湖",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(str::to_string), ".{0,6}"],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

/// Text without markup characters, which cannot open an element, a comment or a quote.
fn plain_text() -> impl Strategy<Value = String> {
    "[a-z 明湖/.:=#0-9\n]{0,20}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_reader_never_panics_and_keeps_no_fragment(body in served_text()) {
        for path in PATHS {
            let links = links_in(path, &base(), body.as_bytes());
            prop_assert!(links.len() <= body.len(), "{path}: {} links from {} bytes", links.len(), body.len());
            for link in &links {
                prop_assert!(link.fragment().is_none(), "{path}: {link}");
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..400)) {
        for path in PATHS {
            let links = links_in(path, &base(), &body);
            prop_assert!(links.len() <= body.len());
        }
    }

    #[test]
    fn every_real_link_among_plain_text_is_found(
        noise in prop::collection::vec(plain_text(), 1..8),
        pages in prop::collection::vec("[a-z0-9]{1,8}", 1..8),
    ) {
        let mut body = String::new();
        for (i, page) in pages.iter().enumerate() {
            body.push_str(&noise[i % noise.len()]);
            body.push_str(&format!("<a href=\"/{page}/#top\">{page}</a>"));
        }
        let found: Vec<String> = links_in("news/index.html", &base(), body.as_bytes())
            .iter()
            .map(Url::to_string)
            .collect();
        let wanted: Vec<String> = pages
            .iter()
            .map(|p| format!("https://wenming.example.cn/{p}/"))
            .collect();
        prop_assert_eq!(found, wanted);
    }
}

#[test]
fn deeply_nested_divs_and_unclosed_elements_end() {
    // 100,000 nested <div>s (the kind of page that kept verify busy for minutes) and as many
    // unclosed <a>s: the reader answers, and finds the one link after them.
    for opening in ["<div>", "<a href=x>", "<table><tr><td>"] {
        let body = format!("{}<a href=/last/>x</a>", opening.repeat(100_000));
        let links = links_in("news/index.html", &base(), body.as_bytes());
        assert!(
            links
                .iter()
                .any(|l| l.as_str() == "https://wenming.example.cn/last/"),
            "{opening}: the last link was not found"
        );
    }
}
