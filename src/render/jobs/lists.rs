//! The jobs of list pages: a section's list (the home page included), a PSA archive, a facet of
//! a role-model gallery, the printable handbook, the tag index and each tag's list.

use super::frame::{Frame, fallback_url};
use super::page::chapter_links;
use super::{expired, html, page_count, per_page};
use crate::built::OutputFile;
use crate::content::kinds::{Kind, KindData};
use crate::error::Problem;
use crate::lang::Lang;
use crate::render::Prepared;
use crate::render::view::{self, FacetLink, Link, Meta};
use crate::site::{PageId, Section, Site, urls};
use serde::Serialize;
use tera::Value;

fn column_meta(site: &Site, section: &Section) -> Vec<Meta> {
    if site.config.gov_meta.is_none() {
        return Vec::new();
    }
    let column_type = match section.kind() {
        Kind::RoleModel => "道德模范",
        Kind::Handbook => "文明手册",
        Kind::Psa => "公益广告",
        Kind::News => "工作动态",
        Kind::Page => "栏目",
    };
    vec![
        Meta {
            name: "ColumnName",
            content: section.doc.meta.title.clone(),
        },
        Meta {
            name: "ColumnDescription",
            content: section.doc.meta.summary.clone().unwrap_or_default(),
        },
        Meta {
            name: "ColumnKeywords",
            content: section.doc.meta.keywords.join(","),
        },
        Meta {
            name: "ColumnType",
            content: column_type.to_string(),
        },
    ]
}

fn page_slice(p: &Prepared<'_>, ids: &[PageId], per: usize, n: usize) -> Vec<Value> {
    let start = if per == usize::MAX { 0 } else { per * (n - 1) };
    ids.iter()
        .skip(start)
        .take(per)
        .map(|id| p.summary(*id))
        .collect()
}

fn section_frame(site: &Site, section: &Section, url: &str, title: &str) -> Frame {
    let lang = section.lang();
    let mut frame = Frame::new(lang, url, title);
    frame.description = section.doc.meta.summary.clone().unwrap_or_default();
    frame.translation = section.translation.map(|t| site.section(t).url.clone());
    frame.fallback = fallback_url(site, section.parent, lang);
    frame.meta = column_meta(site, section);
    frame
}

fn facet_links(section: &Section, current: Option<usize>) -> Vec<FacetLink> {
    section
        .facets
        .iter()
        .enumerate()
        .map(|(i, f)| FacetLink {
            kind: f.kind,
            label: f.label.clone(),
            url: f.url.clone(),
            count: f.pages.len(),
            current: current == Some(i),
        })
        .collect()
}

pub(super) fn section_list(
    p: &Prepared<'_>,
    section: &Section,
    n: usize,
) -> Result<OutputFile, Problem> {
    let site = p.site;
    let lang = section.lang();
    let url = urls::paginated(&section.url, n);
    let mut ctx = p.context(lang);
    ctx.insert("section", &view::section_view(site, section));
    let per = per_page(section);
    let (listed, archived): (Vec<PageId>, usize) = if section.kind() == Kind::Psa {
        let expired = expired(site, section);
        let active = section
            .pages
            .iter()
            .copied()
            .filter(|id| !expired.contains(id))
            .collect();
        (active, expired.len())
    } else {
        (section.pages.clone(), 0)
    };
    let total = if section.kind() == Kind::Psa {
        1
    } else {
        page_count(listed.len(), per)
    };
    let per = if section.kind() == Kind::Psa {
        usize::MAX
    } else {
        per
    };
    ctx.insert("pages", &page_slice(p, &listed, per, n));
    ctx.insert("paginator", &view::pagination(&section.url, n, total));
    ctx.insert("facets", &facet_links(section, None));
    ctx.insert("facet", &Option::<FacetLink>::None);
    ctx.insert("archive_url", &format!("{}archive/", section.url));
    ctx.insert("archived_count", &archived);
    if section.is_home() {
        ctx.insert("home", &home_blocks(p, lang));
    }
    if section.kind() == Kind::Handbook {
        ctx.insert("print_url", &format!("{}print/", section.url));
    }
    let mut frame = section_frame(site, section, &url, &section.doc.meta.title);
    if section.is_home() {
        frame.title = site.config.title.get(lang).to_string();
        frame.description = site.config.description.get(lang).to_string();
        frame.meta.clear();
    }
    frame.apply(site, &mut ctx);
    let template = match section.kind() {
        _ if section.is_home() => "index.html",
        Kind::RoleModel => "role_models.html",
        Kind::Handbook => "handbook.html",
        Kind::Psa => "psas.html",
        Kind::News => "news_list.html",
        Kind::Page => "section.html",
    };
    Ok(html(&url, site, p.renderer.render(template, &ctx)?))
}

#[derive(Serialize)]
struct HomeBlocks {
    psas: Vec<Value>,
    news: Vec<Value>,
    featured: Vec<Value>,
    handbook: Option<HandbookEntry>,
    sections: Vec<Link>,
    /// The sections the PSA, news and role-model blocks come from ("view all" links).
    psas_url: Option<String>,
    news_url: Option<String>,
    featured_url: Option<String>,
}

#[derive(Serialize)]
struct HandbookEntry {
    title: String,
    url: String,
    summary: Option<String>,
    chapters: Vec<Link>,
}

fn home_blocks(p: &Prepared<'_>, lang: Lang) -> HomeBlocks {
    let site = p.site;
    let of_kind = |kind: Kind| {
        site.sections_in(lang)
            .filter(move |s| s.kind() == kind && !s.is_home())
    };
    let psas = of_kind(Kind::Psa)
        .flat_map(|s| s.pages.iter())
        .filter(|id| matches!(&site.page(**id).doc.data, KindData::Psa(a) if a.is_active(site.build_date)))
        .take(6)
        .map(|id| p.summary(*id))
        .collect();
    let mut news: Vec<PageId> = of_kind(Kind::News)
        .flat_map(|s| s.pages.iter().copied())
        .collect();
    news.sort_by_key(|id| std::cmp::Reverse(site.page(*id).date()));
    let featured = of_kind(Kind::RoleModel)
        .flat_map(|s| s.pages.iter())
        .filter(|id| matches!(&site.page(**id).doc.data, KindData::RoleModel(r) if r.featured))
        .take(6)
        .map(|id| p.summary(*id))
        .collect();
    let handbook = of_kind(Kind::Handbook).next().map(|s| HandbookEntry {
        title: s.doc.meta.title.clone(),
        url: s.url.clone(),
        summary: s.doc.meta.summary.clone(),
        chapters: chapter_links(site, s).into_iter().take(6).collect(),
    });
    let sections = site
        .sections_in(lang)
        .filter(|s| !s.is_home() && s.parent.is_some_and(|par| site.section(par).is_home()))
        .map(|s| Link {
            label: s.doc.meta.title.clone(),
            url: s.url.clone(),
        })
        .collect();
    let first_url = |kind: Kind| of_kind(kind).next().map(|s| s.url.clone());
    HomeBlocks {
        psas_url: first_url(Kind::Psa),
        news_url: first_url(Kind::News),
        featured_url: first_url(Kind::RoleModel),
        psas,
        news: news.into_iter().take(5).map(|id| p.summary(id)).collect(),
        featured,
        handbook,
        sections,
    }
}

pub(super) fn psa_archive(
    p: &Prepared<'_>,
    section: &Section,
    n: usize,
) -> Result<OutputFile, Problem> {
    let site = p.site;
    let lang = section.lang();
    let base = format!("{}archive/", section.url);
    let url = urls::paginated(&base, n);
    let expired = expired(site, section);
    let per = per_page(section);
    let mut ctx = p.context(lang);
    ctx.insert("section", &view::section_view(site, section));
    ctx.insert("pages", &page_slice(p, &expired, per, n));
    ctx.insert(
        "paginator",
        &view::pagination(&base, n, page_count(expired.len(), per)),
    );
    let title = format!(
        "{} · {}",
        section.doc.meta.title,
        p.renderer
            .strings(lang)
            .get("archive")
            .map_or("", String::as_str)
    );
    let mut frame = section_frame(site, section, &url, &title);
    frame.translation = section
        .translation
        .map(|t| format!("{}archive/", site.section(t).url));
    frame.apply(site, &mut ctx);
    Ok(html(
        &url,
        site,
        p.renderer.render("psa_archive.html", &ctx)?,
    ))
}

pub(super) fn facet(
    p: &Prepared<'_>,
    section: &Section,
    index: usize,
    n: usize,
) -> Result<OutputFile, Problem> {
    let site = p.site;
    let lang = section.lang();
    let Some(f) = section.facets.get(index) else {
        return Err(Problem::error(
            "internal",
            crate::text!("internal-error", what = "filter page out of range"),
        ));
    };
    let url = urls::paginated(&f.url, n);
    let per = per_page(section);
    let mut ctx = p.context(lang);
    ctx.insert("section", &view::section_view(site, section));
    ctx.insert("pages", &page_slice(p, &f.pages, per, n));
    ctx.insert(
        "paginator",
        &view::pagination(&f.url, n, page_count(f.pages.len(), per)),
    );
    let links = facet_links(section, Some(index));
    ctx.insert("facet", &links.get(index));
    ctx.insert("facets", &links);
    ctx.insert("archive_url", &"");
    ctx.insert("archived_count", &0);
    let title = format!("{} · {}", section.doc.meta.title, f.label);
    let mut frame = section_frame(site, section, &url, &title);
    frame.translation = section.translation.and_then(|t| {
        site.section(t)
            .facets
            .iter()
            .find(|o| o.kind == f.kind && o.key == f.key)
            .map(|o| o.url.clone())
    });
    frame.fallback = section.translation.map_or_else(
        || fallback_url(site, section.parent, lang),
        |t| site.section(t).url.clone(),
    );
    frame.apply(site, &mut ctx);
    Ok(html(
        &url,
        site,
        p.renderer.render("role_models.html", &ctx)?,
    ))
}

#[derive(Serialize)]
struct PrintChapter<'a> {
    title: &'a str,
    id: String,
    content: &'a str,
}

pub(super) fn handbook_print(p: &Prepared<'_>, section: &Section) -> Result<OutputFile, Problem> {
    let site = p.site;
    let lang = section.lang();
    let url = format!("{}print/", section.url);
    let chapters: Vec<PrintChapter<'_>> = section
        .pages
        .iter()
        .map(|id| {
            let c = site.page(*id);
            PrintChapter {
                title: c.title(),
                id: format!("chapter-{}", c.doc.common.slug),
                content: &c.body.html,
            }
        })
        .collect();
    let mut ctx = p.context(lang);
    ctx.insert("section", &view::section_view(site, section));
    ctx.insert("chapters", &chapters);
    let mut frame = section_frame(site, section, &url, &section.doc.meta.title);
    frame.translation = section
        .translation
        .map(|t| format!("{}print/", site.section(t).url));
    frame.apply(site, &mut ctx);
    let has_code = section.pages.iter().any(|id| site.page(*id).body.has_code);
    ctx.insert("code_css", &has_code);
    Ok(html(
        &url,
        site,
        p.renderer.render("handbook_print.html", &ctx)?,
    ))
}

pub(super) fn tag_index(p: &Prepared<'_>, lang: Lang) -> Result<OutputFile, Problem> {
    let site = p.site;
    let url = site.url(&crate::site::taxonomy::tag_index_path(lang));
    let terms: Vec<FacetLink> = site
        .tags
        .iter()
        .filter(|t| t.lang == lang)
        .map(|t| FacetLink {
            kind: crate::site::FacetKind::Category,
            label: t.label.clone(),
            url: t.url.clone(),
            count: t.pages.len(),
            current: false,
        })
        .collect();
    let mut ctx = p.context(lang);
    ctx.insert("terms", &terms);
    let title = p
        .renderer
        .strings(lang)
        .get("tags")
        .cloned()
        .unwrap_or_default();
    let mut frame = Frame::new(lang, &url, &title);
    frame.translation = Some(site.url(&crate::site::taxonomy::tag_index_path(lang.other())))
        .filter(|_| site.config.has_lang(lang.other()));
    frame.fallback = site.url(&format!("{}/", lang.other().url_prefix()));
    frame.apply(site, &mut ctx);
    Ok(html(&url, site, p.renderer.render("tags.html", &ctx)?))
}

pub(super) fn tag(p: &Prepared<'_>, index: usize, n: usize) -> Result<OutputFile, Problem> {
    let site = p.site;
    let Some(term) = site.tags.get(index) else {
        return Err(Problem::error(
            "internal",
            crate::text!("internal-error", what = "tag out of range"),
        ));
    };
    let lang = term.lang;
    let url = urls::paginated(&term.url, n);
    let mut ctx = p.context(lang);
    ctx.insert(
        "term",
        &Link {
            label: term.label.clone(),
            url: term.url.clone(),
        },
    );
    ctx.insert("pages", &page_slice(p, &term.pages, 20, n));
    ctx.insert(
        "paginator",
        &view::pagination(&term.url, n, page_count(term.pages.len(), 20)),
    );
    let mut frame = Frame::new(lang, &url, &term.label);
    frame.translation = site
        .tags
        .iter()
        .find(|t| t.lang != lang && t.key == term.key)
        .map(|t| t.url.clone());
    frame.fallback = site.url(&crate::site::taxonomy::tag_index_path(lang.other()));
    frame.apply(site, &mut ctx);
    Ok(html(&url, site, p.renderer.render("tag.html", &ctx)?))
}
