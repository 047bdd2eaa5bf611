//! Links in what a server sent (HTML pages, `sitemap.xml`, `robots.txt`), and the mapping
//! between the site's URLs and the manifest's paths.
//!
//! Pages are read with html5ever's tokenizer (under scraper and ammonia): what a browser or
//! crawler sees as a link is what counts, however broken the markup is. The same lenient
//! tokenizer reads sitemaps, so a sitemap that is not well-formed XML still yields its `<loc>`s.

use super::Manifest;
use percent_encoding::percent_decode_str;
use url::Url;

/// The URL a visitor uses for a manifest path: `news/index.html` → `BASE/news/`.
pub fn url_of(base: &Url, path: &str) -> Url {
    let mut url = base.clone();
    let visible = match path.strip_suffix("index.html") {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => dir,
        _ => path,
    };
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.pop_if_empty();
        // `extend` percent-encodes each segment; a trailing `/` becomes an empty segment.
        segments.extend(visible.split('/'));
    }
    url
}

/// The manifest path a same-site URL stands for, if the build wrote one; `Err` with the path
/// (decoded, relative to the base) when it did not. `None` for other hosts, other schemes and
/// paths outside the base path.
pub fn manifest_path(base: &Url, manifest: &Manifest, url: &Url) -> Option<Result<String, String>> {
    if !matches!(url.scheme(), "http" | "https")
        || url.host_str() != base.host_str()
        || url.port_or_known_default() != base.port_or_known_default()
    {
        return None;
    }
    let rel = url.path().strip_prefix(base.path()).or_else(|| {
        // `https://host/wenming` for a base of `https://host/wenming/`.
        (format!("{}/", url.path()) == base.path()).then_some("")
    })?;
    let rel = percent_decode_str(rel).decode_utf8_lossy().into_owned();
    let candidates = if rel.is_empty() || rel.ends_with('/') {
        vec![format!("{rel}index.html")]
    } else {
        vec![rel.clone(), format!("{rel}/index.html")]
    };
    Some(
        candidates
            .into_iter()
            .find(|c| manifest.files.contains_key(c))
            .ok_or(rel),
    )
}

/// What a served file points at, resolved against its URL (fragments dropped).
pub fn links_in(path: &str, url: &Url, body: &[u8]) -> Vec<Url> {
    let text = String::from_utf8_lossy(body);
    let raw: Vec<String> = if path.ends_with("robots.txt") {
        robots_links(&text)
    } else if path.ends_with(".xml") {
        markup_links(&text, true)
    } else if path.ends_with(".html") || path.ends_with(".htm") {
        markup_links(&text, false)
    } else {
        Vec::new()
    };
    raw.iter()
        .filter_map(|r| url.join(r.trim()).ok())
        .map(|mut u| {
            u.set_fragment(None);
            u
        })
        .collect()
}

/// The links of a page or sitemap, read by html5ever's tokenizer as a browser's would read the
/// tags. Not its tree builder: it scans the open elements at each start tag, so a page of
/// 100,000 nested `<div>`s took minutes (issue 24); the tokenizer is linear, and a link is an
/// attribute of a tag wherever the tree would put it. The tokenizer is switched to raw text
/// inside `<script>`, `<style>`, `<title>` … as the tree builder would switch it.
fn markup_links(text: &str, xml: bool) -> Vec<String> {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
    let tokenizer = Tokenizer::new(
        Collect {
            xml,
            ..Collect::default()
        },
        TokenizerOpts::default(),
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    // A sink that never returns `Script` lets one feed run to the end of the input.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.links.take()
}

/// What the tokenizer has seen: the links so far, and the text of an open sitemap `<loc>`.
#[derive(Default)]
struct Collect {
    xml: bool,
    links: std::cell::RefCell<Vec<String>>,
    loc: std::cell::RefCell<Option<String>>,
}

impl html5ever::tokenizer::TokenSink for Collect {
    type Handle = ();

    fn process_token(
        &self,
        token: html5ever::tokenizer::Token,
        _line: u64,
    ) -> html5ever::tokenizer::TokenSinkResult<()> {
        use html5ever::tokenizer::{Token, TokenSinkResult};
        match token {
            Token::TagToken(tag) => return self.tag(&tag),
            Token::CharacterTokens(text) => {
                if let Some(loc) = self.loc.borrow_mut().as_mut() {
                    loc.push_str(&text);
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

impl Collect {
    fn tag(&self, tag: &html5ever::tokenizer::Tag) -> html5ever::tokenizer::TokenSinkResult<()> {
        use html5ever::tokenizer::states::RawKind;
        use html5ever::tokenizer::{TagKind, TokenSinkResult};
        let name = &*tag.name;
        if tag.kind == TagKind::EndTag {
            if self.xml && name == "loc" {
                self.links.borrow_mut().extend(self.loc.take());
            }
            return TokenSinkResult::Continue;
        }
        self.attributes(tag);
        if self.xml {
            if name == "loc" && !tag.self_closing {
                *self.loc.borrow_mut() = Some(String::new());
            }
            return TokenSinkResult::Continue;
        }
        match name {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        }
    }

    /// The attributes of a start tag that name another address.
    fn attributes(&self, tag: &html5ever::tokenizer::Tag) {
        let attr = |name: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == name)
                .map(|a| &*a.value)
        };
        let mut links = self.links.borrow_mut();
        for name in ["href", "src", "action", "data", "poster"] {
            links.extend(attr(name).map(str::to_string));
        }
        if let Some(srcset) = attr("srcset") {
            links.extend(
                srcset
                    .split(',')
                    .filter_map(|c| c.split_whitespace().next())
                    .map(str::to_string),
            );
        }
        // `<meta http-equiv=refresh content="0; url=…">`: a redirect page.
        if &*tag.name == "meta"
            && attr("http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("refresh"))
            && let Some(content) = attr("content")
            && let Some(i) = content.to_ascii_lowercase().find("url=")
        {
            links.push(content[i + 4..].trim_matches(['\'', '"', ' ']).to_string());
        }
    }
}

/// `Sitemap:`, `Allow:` and `Disallow:` lines; a pattern is cut at its first wildcard.
fn robots_links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or_default();
        let Some((field, value)) = line.split_once(':') else {
            continue;
        };
        let field = field.trim().to_ascii_lowercase();
        let value = value.trim();
        match field.as_str() {
            "sitemap" => out.push(value.to_string()),
            "allow" | "disallow" => {
                let path = value.split(['*', '$']).next().unwrap_or_default();
                if path.starts_with('/') && path != "/" {
                    out.push(path.to_string());
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::integrity::FileEntry;

    fn manifest(paths: &[&str]) -> Manifest {
        Manifest {
            version: 1,
            algorithm: "sha256".into(),
            files: paths
                .iter()
                .map(|p| {
                    let e = FileEntry {
                        sha256: String::new(),
                        size: 0,
                    };
                    (p.to_string(), e)
                })
                .collect(),
        }
    }

    #[test]
    fn urls_and_manifest_paths_map_both_ways() {
        let base = Url::parse("https://wenming.example.cn/sub/").expect("url");
        assert_eq!(
            url_of(&base, "index.html").as_str(),
            "https://wenming.example.cn/sub/"
        );
        assert_eq!(
            url_of(&base, "news/index.html").as_str(),
            "https://wenming.example.cn/sub/news/"
        );
        assert_eq!(
            url_of(&base, "img/明湖 1.png").as_str(),
            "https://wenming.example.cn/sub/img/%E6%98%8E%E6%B9%96%201.png"
        );
        assert_eq!(
            url_of(&base, "myindex.html").as_str(),
            "https://wenming.example.cn/sub/myindex.html"
        );

        let m = manifest(&["index.html", "news/index.html", "img/明湖 1.png"]);
        let path = |u: &str| manifest_path(&base, &m, &Url::parse(u).expect("url"));
        assert_eq!(
            path("https://wenming.example.cn/sub/"),
            Some(Ok("index.html".into()))
        );
        assert_eq!(
            path("https://wenming.example.cn/sub"),
            Some(Ok("index.html".into()))
        );
        assert_eq!(
            path("https://wenming.example.cn:443/sub/news"),
            Some(Ok("news/index.html".into()))
        );
        assert_eq!(
            path("https://wenming.example.cn/sub/img/%E6%98%8E%E6%B9%96%201.png"),
            Some(Ok("img/明湖 1.png".into()))
        );
        assert_eq!(
            path("https://wenming.example.cn/sub/bocai.html?x=1"),
            Some(Err("bocai.html".into()))
        );
        assert_eq!(path("https://bet.example/sub/"), None);
        assert_eq!(path("https://wenming.example.cn:8443/sub/"), None);
        assert_eq!(path("https://wenming.example.cn/other/"), None);
        assert_eq!(path("mailto:x@wenming.example.cn"), None);
    }

    #[test]
    fn links_come_from_pages_sitemaps_and_robots() {
        let base = Url::parse("http://127.0.0.1:8080/").expect("url");
        let page = b"<a href='/a/#top'>a</a><img src=b.png srcset='c.png 2x, d.png 3x'>\
            <meta http-equiv=Refresh content='0; url=/e/'><p>/not-a-link/</p>";
        let found: Vec<String> = links_in("x/index.html", &base.join("x/").expect("url"), page)
            .iter()
            .map(Url::to_string)
            .collect();
        assert_eq!(
            found,
            [
                "http://127.0.0.1:8080/a/",
                "http://127.0.0.1:8080/x/b.png",
                "http://127.0.0.1:8080/x/c.png",
                "http://127.0.0.1:8080/x/d.png",
                "http://127.0.0.1:8080/e/"
            ]
        );
        let sitemap = b"<?xml version='1.0'?><urlset><url><loc> http://127.0.0.1:8080/f/ </loc>\
            <xhtml:link rel=alternate href='http://127.0.0.1:8080/en/f/'/></url></urlset>";
        let found: Vec<String> = links_in("sitemap.xml", &base, sitemap)
            .iter()
            .map(Url::to_string)
            .collect();
        assert_eq!(
            found,
            ["http://127.0.0.1:8080/f/", "http://127.0.0.1:8080/en/f/"]
        );
        let robots = b"User-agent: *\nDisallow: /admin/*.php\nAllow: /\nSitemap: http://127.0.0.1:8080/s.xml # x\n";
        let found: Vec<String> = links_in("robots.txt", &base, robots)
            .iter()
            .map(Url::to_string)
            .collect();
        assert_eq!(
            found,
            [
                "http://127.0.0.1:8080/admin/",
                "http://127.0.0.1:8080/s.xml"
            ]
        );
        assert!(links_in("site.css", &base, b"url(/x.png)").is_empty());
    }
}
