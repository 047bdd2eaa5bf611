//! Machine-readable outputs: Atom feeds per language and per section, `sitemap.xml` with hreflang
//! alternates, `robots.txt`, and redirect pages for aliases. Written directly (no templates): their
//! formats are fixed and escaping is handled here once.

use super::jobs::inputs::{Alias, Feed, ROBOTS_FILE, SITEMAP_FILE, SitemapEntry, html_file};
use crate::built::OutputFile;
use crate::content::kinds::KindData;
use crate::lang::Lang;
use crate::site::{Page, Site};
use std::fmt::Write;

use crate::escape::markup as xml_escape;

/// The site feed of a language and one feed per dated section.
type ImageSets = std::collections::HashMap<String, super::images::ImageSet>;

pub fn atom_feeds(site: &Site, feeds: &[Feed], images: &ImageSets) -> Vec<OutputFile> {
    feeds.iter().map(|feed| atom(site, feed, images)).collect()
}

fn atom(site: &Site, feed: &Feed, images: &ImageSets) -> OutputFile {
    let Feed {
        lang,
        url: feed_url,
        html_url,
        title,
        entries,
    } = feed;
    let lang = *lang;
    let entries: Vec<&Page> = entries.iter().map(|c| site.page(c.id())).collect();
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
            xml_escape(&super::view::body_html(&page.body, images))
        );
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    OutputFile {
        path: html_file(site, feed_url),
        bytes: x.into_bytes(),
    }
}

/// `sitemap.xml`: every page and section list with its language alternates.
pub fn sitemap(site: &Site, entries: &[SitemapEntry<'_>]) -> OutputFile {
    let mut x = String::with_capacity(256 * entries.len() + 512);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for e in entries {
        let _ = writeln!(x, "  <url>\n    <loc>{}</loc>", site.permalink(e.url));
        if let Some(m) = e.lastmod {
            let _ = writeln!(x, "    <lastmod>{}</lastmod>", m.iso_date());
        }
        if let Some(twin) = e.twin {
            let (zh, en) = if e.lang == Lang::Zh {
                (e.url, twin)
            } else {
                (twin, e.url)
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
    }
    x.push_str("</urlset>\n");
    OutputFile {
        path: SITEMAP_FILE.to_string(),
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
        path: ROBOTS_FILE.to_string(),
        bytes: text.into_bytes(),
    }
}

/// A small page at each alias that sends readers (and search engines) to the page's address.
pub fn aliases(site: &Site, aliases: &[Alias<'_>]) -> Vec<OutputFile> {
    aliases
        .iter()
        .map(|a| {
            let to = xml_escape(&site.permalink(a.target));
            let title = xml_escape(a.title);
            let text = format!(
                "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{title}</title>\
                 <link rel=\"canonical\" href=\"{to}\"><meta name=\"robots\" content=\"noindex\">\
                 <meta http-equiv=\"refresh\" content=\"0; url={to}\"></head>\
                 <body><p><a href=\"{to}\">{title}</a></p></body></html>\n",
                a.lang.code()
            );
            OutputFile {
                path: a.path.clone(),
                bytes: text.into_bytes(),
            }
        })
        .collect()
}
