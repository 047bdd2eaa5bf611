//! The job of a content page (a role model, chapter, PSA, news item or plain page), and the
//! chapter links and article `<meta>` tags it shows.

use super::frame::{Frame, fallback_url};
use super::inputs::{Label, PageInputs};
use crate::content::kinds::{Kind, KindData};
use crate::error::Problem;
use crate::render::Prepared;
use crate::render::view::{self, Link, Meta};
use crate::site::Site;

pub(super) fn page(p: &Prepared<'_>, inputs: &PageInputs) -> Result<String, Problem> {
    let site = p.site;
    let id = inputs.page.id();
    let page = site.page(id);
    let lang = page.lang();
    let section = site.section(inputs.section.id());
    let mut ctx = p.context(lang);
    ctx.insert_value("summary", p.summary(id));
    let neighbours = (inputs.prev.map(Label::id), inputs.next.map(Label::id));
    ctx.insert("page", &view::page_view(site, page, neighbours, &p.images));
    ctx.insert("section", &view::section_view(site, section, &p.images));
    if matches!(page.doc.data, KindData::RoleModel(_)) {
        ctx.insert("related", &p.cards(&inputs.related));
    }
    if page.kind() == Kind::Handbook {
        ctx.insert("chapters", &links_to(site, &inputs.chapters));
    }
    let mut frame = Frame::new(lang, &page.url, page.title());
    frame.description = page.summary.clone();
    frame.translation = inputs.translation.map(|t| site.page(t.id()).url.clone());
    frame.fallback = fallback_url(site, Some(section.id), lang);
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
    p.renderer.render(template, &ctx)
}

/// Chapter links: a chapter's short title (else its title) and URL.
pub(super) fn links_to(site: &Site, chapters: &[Label]) -> Vec<Link> {
    chapters
        .iter()
        .map(|c| view::page_link(site, c.id()))
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
    let mut meta = vec![
        Meta {
            name: "ArticleTitle",
            content: page.title().to_string(),
        },
        Meta {
            name: "ColumnName",
            content: site.section(page.section).doc.meta.title.clone(),
        },
    ];
    meta.extend(pub_date(page.date().or(page.doc.common.updated)));
    meta.push(Meta {
        name: "ContentSource",
        content: source,
    });
    meta
}

/// The `PubDate` meta of the 政府网站网页设计规范 (`2026-11-20 09:30`), when there is a date.
pub(super) fn pub_date(date: Option<crate::content::date::PubDate>) -> Option<Meta> {
    date.map(|d| Meta {
        name: "PubDate",
        content: d.minutes(),
    })
}
