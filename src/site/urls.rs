//! The URL scheme: zh-CN at `/`, English at `/en/`, sections at their folder, pages at their slug.
//! Every URL ends in `/` and maps to `…/index.html` in the output.

use crate::lang::Lang;

/// A URL path of the site (without base path and host), always starting and ending with `/`.
pub fn section_path(lang: Lang, dir: &str) -> String {
    if dir.is_empty() {
        format!("{}/", lang.url_prefix())
    } else {
        format!("{}/{dir}/", lang.url_prefix())
    }
}

pub fn page_path(lang: Lang, dir: &str, slug: &str) -> String {
    if dir.is_empty() {
        format!("{}/{slug}/", lang.url_prefix())
    } else {
        format!("{}/{dir}/{slug}/", lang.url_prefix())
    }
}

/// `/en/news/` → `en/news/index.html`; `/404.html` stays a file.
pub fn output_file(path: &str) -> String {
    let trimmed = path.trim_start_matches('/');
    if trimmed.is_empty() || trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_string()
    }
}

/// Paginated list pages: page 1 is the list itself, page n lives at `…/page/n/`.
pub fn paginated(base: &str, page: usize) -> String {
    if page <= 1 {
        base.to_string()
    } else {
        format!("{base}page/{page}/")
    }
}

/// URL segment for a taxonomy term that has no configured slug: keeps Chinese characters,
/// lowercases ASCII, turns spaces into `-` and drops characters that would break a path.
pub fn term_segment(term: &str) -> String {
    let mut out = String::new();
    for c in term.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_') && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// Percent-encode a path for XML (sitemaps and feeds want plain ASCII URLs).
pub fn encode_path(path: &str) -> String {
    const SET: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~')
        .remove(b'#');
    percent_encoding::utf8_percent_encode(path, SET).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheme_is_stable() {
        assert_eq!(section_path(Lang::Zh, ""), "/");
        assert_eq!(section_path(Lang::En, "news"), "/en/news/");
        assert_eq!(
            page_path(Lang::En, "role-models", "li-mei"),
            "/en/role-models/li-mei/"
        );
        assert_eq!(output_file("/en/news/"), "en/news/index.html");
        assert_eq!(output_file("/"), "index.html");
        assert_eq!(paginated("/news/", 2), "/news/page/2/");
        assert_eq!(term_segment("志愿 服务/社区"), "志愿-服务社区");
        assert_eq!(encode_path("/tags/志愿/"), "/tags/%E5%BF%97%E6%84%BF/");
    }
}
