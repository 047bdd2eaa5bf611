//! Machine-readable outputs: Atom feeds per language and per section, `sitemap.xml` with hreflang
//! alternates, `robots.txt`, and redirect pages for aliases. Written directly (no templates): their
//! formats are fixed and escaping is handled here once.

use super::Prepared;
use crate::built::OutputFile;
use crate::content::kinds::{Kind, KindData};
use crate::lang::Lang;
use crate::site::{Page, PageId, Site, urls};
use std::fmt::Write;

pub(crate) const FEED_ENTRIES: usize = 20;

use crate::escape::markup as xml_escape;

fn output_path(site: &Site, url: &str) -> String {
    let base = site.config.base_path();
    url.strip_prefix(base)
        .unwrap_or(url)
        .trim_start_matches('/')
        .to_string()
}

/// The site feed of a language (news and public-service ads) and one feed per dated section.
pub fn atom_feeds(p: &Prepared<'_>, lang: Lang) -> Vec<OutputFile> {
    let site = p.site;
    let mut files = Vec::new();
    let mut dated: Vec<PageId> = site
        .pages_in(lang)
        .filter(|page| matches!(page.kind(), Kind::News | Kind::Psa))
        .map(|page| page.id)
        .collect();
    dated.sort_by_key(|id| (std::cmp::Reverse(site.page(*id).date()), *id));
    let home = site.url(&format!("{}/", lang.url_prefix()));
    files.push(atom(
        site,
        lang,
        &format!("{home}atom.xml"),
        &home,
        site.config.title.get(lang),
        &dated,
    ));
    for section in site
        .sections_in(lang)
        .filter(|s| matches!(s.kind(), Kind::News | Kind::Psa))
    {
        let title = format!(
            "{} · {}",
            section.doc.meta.title,
            site.config.title.get(lang)
        );
        files.push(atom(
            site,
            lang,
            &format!("{}atom.xml", section.url),
            &section.url,
            &title,
            &section.pages,
        ));
    }
    files
}

fn atom(
    site: &Site,
    lang: Lang,
    feed_url: &str,
    html_url: &str,
    title: &str,
    ids: &[PageId],
) -> OutputFile {
    let entries: Vec<&Page> = ids
        .iter()
        .take(FEED_ENTRIES)
        .map(|id| site.page(*id))
        .collect();
    let updated = entries
        .iter()
        .filter_map(|p| p.doc.common.updated.or(p.date()))
        .max()
        .map_or_else(
            || crate::content::date::PubDate::from_date(site.build_date).rfc3339(),
            |d| d.rfc3339(),
        );
    let mut x = String::with_capacity(4096 + entries.len() * 2048);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        x,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        lang.code()
    );
    let _ = writeln!(x, "  <title>{}</title>", xml_escape(title));
    let _ = writeln!(
        x,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        site.permalink(feed_url)
    );
    let _ = writeln!(
        x,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        site.permalink(html_url)
    );
    let _ = writeln!(x, "  <id>{}</id>", site.permalink(feed_url));
    let _ = writeln!(x, "  <updated>{updated}</updated>");
    let _ = writeln!(x, "  <generator>Civic</generator>");
    for page in entries {
        let date = page.date().map_or_else(|| updated.clone(), |d| d.rfc3339());
        let link = site.permalink(&page.url);
        let author = match &page.doc.data {
            KindData::News(n) => n.source.clone(),
            KindData::Psa(p) => p.sponsor.clone(),
            _ => None,
        }
        .unwrap_or_else(|| site.config.title.get(lang).to_string());
        x.push_str("  <entry>\n");
        let _ = writeln!(x, "    <title>{}</title>", xml_escape(page.title()));
        let _ = writeln!(
            x,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{link}\"/>"
        );
        let _ = writeln!(x, "    <id>{link}</id>");
        let _ = writeln!(x, "    <published>{date}</published>");
        let upd = page
            .doc
            .common
            .updated
            .map_or_else(|| date.clone(), |d| d.rfc3339());
        let _ = writeln!(x, "    <updated>{upd}</updated>");
        let _ = writeln!(
            x,
            "    <author><name>{}</name></author>",
            xml_escape(&author)
        );
        let _ = writeln!(x, "    <summary>{}</summary>", xml_escape(&page.summary));
        let _ = writeln!(
            x,
            "    <content type=\"html\">{}</content>",
            xml_escape(&page.body.html)
        );
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    OutputFile {
        path: output_path(site, feed_url),
        bytes: x.into_bytes(),
    }
}

/// `sitemap.xml`: every page and section list with its language alternates.
pub fn sitemap(site: &Site) -> OutputFile {
    let mut x = String::with_capacity(256 * (site.pages.len() + site.sections.len()) + 512);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    let mut entry = |url: &str, lang: Lang, twin: Option<&str>, lastmod: Option<String>| {
        let _ = writeln!(x, "  <url>\n    <loc>{}</loc>", site.permalink(url));
        if let Some(m) = lastmod {
            let _ = writeln!(x, "    <lastmod>{m}</lastmod>");
        }
        if let Some(twin) = twin {
            let (zh, en) = if lang == Lang::Zh {
                (url, twin)
            } else {
                (twin, url)
            };
            for (code, href) in [("zh-CN", zh), ("en", en), ("x-default", zh)] {
                let _ = writeln!(
                    x,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{code}\" href=\"{}\"/>",
                    site.permalink(href)
                );
            }
        }
        x.push_str("  </url>\n");
    };
    for section in &site.sections {
        let twin = section.translation.map(|t| site.section(t).url.as_str());
        entry(&section.url, section.lang(), twin, None);
    }
    for page in &site.pages {
        let twin = page.translation.map(|t| site.page(t).url.as_str());
        let lastmod = page
            .doc
            .common
            .updated
            .or(page.date())
            .map(|d| d.iso_date());
        entry(&page.url, page.lang(), twin, lastmod);
    }
    x.push_str("</urlset>\n");
    OutputFile {
        path: "sitemap.xml".to_string(),
        bytes: x.into_bytes(),
    }
}

pub fn robots(site: &Site) -> OutputFile {
    let text = format!(
        "User-agent: *\nDisallow: {}\nDisallow: {}\n\nSitemap: {}\n",
        site.url("/search/"),
        site.url("/en/search/"),
        site.permalink("/sitemap.xml")
    );
    OutputFile {
        path: "robots.txt".to_string(),
        bytes: text.into_bytes(),
    }
}

/// A small page at each alias that sends readers (and search engines) to the page's address.
pub fn aliases(site: &Site) -> Vec<OutputFile> {
    let pages = site
        .pages
        .iter()
        .map(|p| (&p.doc.common.aliases, &p.url, p.lang(), p.title()));
    let sections = site.sections.iter().map(|s| {
        (
            &s.doc.meta.aliases,
            &s.url,
            s.lang(),
            s.doc.meta.title.as_str(),
        )
    });
    let mut files = Vec::new();
    for (list, target, lang, title) in pages.chain(sections) {
        for alias in list {
            let to = xml_escape(&site.permalink(target));
            let title = xml_escape(title);
            let text = format!(
                "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{title}</title>\
                 <link rel=\"canonical\" href=\"{to}\"><meta name=\"robots\" content=\"noindex\">\
                 <meta http-equiv=\"refresh\" content=\"0; url={to}\"></head>\
                 <body><p><a href=\"{to}\">{title}</a></p></body></html>\n",
                lang.code()
            );
            let path = urls::output_file(alias.trim_start_matches(site.config.base_path()));
            files.push(OutputFile {
                path,
                bytes: text.into_bytes(),
            });
        }
    }
    files
}
