//! The job of a content page (a role model, chapter, PSA, news item or plain page), and the
//! chapter links and article `<meta>` tags it shows.

use super::frame::{Frame, fallback_url};
use super::html;
use crate::built::OutputFile;
use crate::content::kinds::{Kind, KindData};
use crate::error::Problem;
use crate::render::Prepared;
use crate::render::view::{self, Link, Meta};
use crate::site::{PageId, Section, Site};
use tera::Value;

pub(super) fn page(p: &Prepared<'_>, id: PageId) -> Result<OutputFile, Problem> {
    let site = p.site;
    let page = site.page(id);
    let lang = page.lang();
    let section = site.section(page.section);
    let mut ctx = p.context(lang);
    ctx.insert_value("summary", p.summary(id));
    ctx.insert("page", &view::page_view(site, page));
    ctx.insert("section", &view::section_view(site, section));
    if let KindData::RoleModel(r) = &page.doc.data {
        let related: Vec<Value> = section
            .pages
            .iter()
            .filter(|other| **other != id)
            .filter(|other| matches!(&site.page(**other).doc.data, KindData::RoleModel(o) if o.category == r.category))
            .take(3)
            .map(|other| p.summary(*other))
            .collect();
        ctx.insert("related", &related);
    }
    if page.kind() == Kind::Handbook {
        ctx.insert("chapters", &chapter_window(site, section, id));
    }
    let mut frame = Frame::new(lang, &page.url, page.title());
    frame.description = page.summary.clone();
    frame.translation = page.translation.map(|t| site.page(t).url.clone());
    frame.fallback = fallback_url(site, Some(page.section), lang);
    frame.meta = article_meta(site, page);
    frame.noindex |= page.doc.common.draft;
    frame.apply(site, &mut ctx);
    ctx.insert("code_css", &page.body.has_code);
    // Drafts are rendered only by `--drafts` (the preview): base.html marks them.
    ctx.insert("draft", &page.doc.common.draft);
    let template = match page.kind() {
        Kind::RoleModel => "role_model.html",
        Kind::Handbook => "chapter.html",
        Kind::Psa => "psa.html",
        Kind::News => "news.html",
        Kind::Page => "page.html",
    };
    Ok(html(&page.url, site, p.renderer.render(template, &ctx)?))
}

/// Chapters listed on a chapter page: all of them in an ordinary handbook, the nearest ones in a
/// very long one (listing every chapter on every chapter page would grow with the square).
fn chapter_window(site: &Site, section: &Section, current: PageId) -> Vec<Link> {
    const ALL_UP_TO: usize = 40;
    const AROUND: usize = 10;
    let ids = &section.pages;
    if ids.len() <= ALL_UP_TO {
        return links_to(site, ids);
    }
    let at = ids.iter().position(|id| *id == current).unwrap_or(0);
    links_to(
        site,
        &ids[at.saturating_sub(AROUND)..(at + AROUND + 1).min(ids.len())],
    )
}

pub(super) fn chapter_links(site: &Site, section: &Section) -> Vec<Link> {
    links_to(site, &section.pages)
}

fn links_to(site: &Site, ids: &[PageId]) -> Vec<Link> {
    ids.iter()
        .map(|id| {
            let c = site.page(*id);
            let label = match &c.doc.data {
                KindData::Handbook(ch) => ch
                    .short_title
                    .clone()
                    .unwrap_or_else(|| c.title().to_string()),
                _ => c.title().to_string(),
            };
            Link {
                label,
                url: c.url.clone(),
            }
        })
        .collect()
}

fn article_meta(site: &Site, page: &crate::site::Page) -> Vec<Meta> {
    if site.config.gov_meta.is_none() {
        return Vec::new();
    }
    let source = match &page.doc.data {
        KindData::News(n) => n.source.clone(),
        KindData::Psa(p) => p.sponsor.clone(),
        _ => None,
    }
    .unwrap_or_else(|| site.config.title.get(page.lang()).to_string());
    let mut meta = vec![Meta {
        name: "ArticleTitle",
        content: page.title().to_string(),
    }];
    if let Some(date) = page.date().or(page.doc.common.updated) {
        meta.push(Meta {
            name: "PubDate",
            content: date.minutes(),
        });
    }
    meta.push(Meta {
        name: "ContentSource",
        content: source,
    });
    meta
}
