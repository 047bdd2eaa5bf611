//! The jobs of list pages: a section's list (the home page included), a PSA archive, a facet of
//! a role-model gallery, the printable handbook, the tag index and each tag's list.

use super::frame::{Frame, fallback_url};
use super::inputs::{Card, Home, Paged, SectionList, Shown, TermLink, archive_url, print_url};
use super::page::{links_to, pub_date};
use crate::content::kinds::Kind;
use crate::error::Problem;
use crate::lang::Lang;
use crate::render::Prepared;
use crate::render::view::{self, FacetLink, Link, Meta};
use crate::site::{Section, SectionId, Site};
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
    let mut meta = vec![
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
    ];
    // The column's last update: its newest item's date.
    meta.extend(pub_date(site.section_updated(section.id)));
    meta
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
    url: &str,
    inputs: &SectionList,
) -> Result<String, Problem> {
    let site = p.site;
    let section = site.section(inputs.section.id());
    let lang = section.lang();
    let mut ctx = p.context(lang);
    ctx.insert("section", &view::section_view(site, section, &p.images));
    ctx.insert("pages", &p.cards(&inputs.list.cards));
    ctx.insert("paginator", &paginator(&section.url, &inputs.list));
    ctx.insert("facets", &facet_links(section, None));
    ctx.insert("facet", &Option::<FacetLink>::None);
    ctx.insert("archive_url", &archive_url(section));
    ctx.insert("archived_count", &inputs.archived);
    if let Some(home) = &inputs.home {
        ctx.insert("home", &home_blocks(p, home));
    }
    if section.kind() == Kind::Handbook {
        ctx.insert("print_url", &print_url(section));
    }
    let mut frame = section_frame(site, section, url, &section.doc.meta.title);
    if section.is_home() {
        frame.title = site.config.title.get(lang).to_string();
        frame.description = site.config.description.get(lang).to_string();
        frame.meta.clear();
        if site.config.gov_meta.is_some() {
            frame
                .meta
                .extend(pub_date(site.section_updated(section.id)));
        }
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
    p.renderer.render(template, &ctx)
}

fn paginator(base: &str, list: &Paged) -> view::Pagination {
    view::pagination(base, list.current, list.total)
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

fn home_blocks(p: &Prepared<'_>, home: &Home) -> HomeBlocks {
    let site = p.site;
    let url_of = |id: Option<SectionId>| id.map(|s| site.section(s).url.clone());
    let handbook = home.handbook.as_ref().map(|(s, chapters)| {
        let s = site.section(s.id());
        HandbookEntry {
            title: s.doc.meta.title.clone(),
            url: s.url.clone(),
            summary: s.doc.meta.summary.clone(),
            chapters: links_to(site, chapters),
        }
    });
    HomeBlocks {
        psas: p.cards(&home.psas),
        news: p.cards(&home.news),
        featured: p.cards(&home.featured),
        handbook,
        sections: home
            .sections
            .iter()
            .map(|id| Link::to_section(site, *id))
            .collect(),
        psas_url: url_of(home.psas_from),
        news_url: url_of(home.news_from),
        featured_url: url_of(home.featured_from),
    }
}

pub(super) fn psa_archive(
    p: &Prepared<'_>,
    url: &str,
    section: Shown,
    list: &Paged,
) -> Result<String, Problem> {
    let site = p.site;
    let section = site.section(section.id());
    let lang = section.lang();
    let mut ctx = p.context(lang);
    ctx.insert("section", &view::section_view(site, section, &p.images));
    ctx.insert("pages", &p.cards(&list.cards));
    ctx.insert("paginator", &paginator(&archive_url(section), list));
    let title = format!(
        "{} · {}",
        section.doc.meta.title,
        p.renderer
            .strings(lang)
            .get("archive")
            .map_or("", String::as_str)
    );
    let mut frame = section_frame(site, section, url, &title);
    frame.translation = section.translation.map(|t| archive_url(site.section(t)));
    frame.apply(site, &mut ctx);
    p.renderer.render("psa_archive.html", &ctx)
}

/// A role-model gallery filtered by its facet `index`.
pub(super) fn facet(
    p: &Prepared<'_>,
    url: &str,
    (section, index): (Shown, usize),
    list: &Paged,
    twin: Option<&str>,
) -> Result<String, Problem> {
    let site = p.site;
    let section = site.section(section.id());
    let lang = section.lang();
    let Some(f) = section.facets.get(index) else {
        return Err(Problem::error(
            "internal",
            crate::text!("internal-error", what = "filter page out of range"),
        ));
    };
    let mut ctx = p.context(lang);
    ctx.insert("section", &view::section_view(site, section, &p.images));
    ctx.insert("pages", &p.cards(&list.cards));
    ctx.insert("paginator", &paginator(&f.url, list));
    let links = facet_links(section, Some(index));
    ctx.insert("facet", &links.get(index));
    ctx.insert("facets", &links);
    ctx.insert("archive_url", &"");
    ctx.insert("archived_count", &0);
    let title = format!("{} · {}", section.doc.meta.title, f.label);
    let mut frame = section_frame(site, section, url, &title);
    frame.translation = twin.map(str::to_string);
    frame.fallback = section.translation.map_or_else(
        || fallback_url(site, section.parent, lang),
        |t| site.section(t).url.clone(),
    );
    frame.apply(site, &mut ctx);
    p.renderer.render("role_models.html", &ctx)
}

#[derive(Serialize)]
struct PrintChapter<'a> {
    title: &'a str,
    id: String,
    content: std::borrow::Cow<'a, str>,
}

pub(super) fn handbook_print(
    p: &Prepared<'_>,
    url: &str,
    section: Shown,
    chapters: &[Card],
) -> Result<String, Problem> {
    let site = p.site;
    let section = site.section(section.id());
    let lang = section.lang();
    let printed: Vec<PrintChapter<'_>> = chapters
        .iter()
        .map(|id| {
            let c = site.page(id.id());
            PrintChapter {
                title: c.title(),
                id: format!("chapter-{}", c.doc.common.slug),
                content: view::body_html(&c.body, &p.images),
            }
        })
        .collect();
    let mut ctx = p.context(lang);
    ctx.insert("section", &view::section_view(site, section, &p.images));
    ctx.insert("chapters", &printed);
    let mut frame = section_frame(site, section, url, &section.doc.meta.title);
    frame.translation = section.translation.map(|t| print_url(site.section(t)));
    frame.apply(site, &mut ctx);
    let has_code = chapters.iter().any(|c| site.page(c.id()).body.has_code);
    ctx.insert("code_css", &has_code);
    p.renderer.render("handbook_print.html", &ctx)
}

pub(super) fn tag_index(
    p: &Prepared<'_>,
    url: &str,
    lang: Lang,
    terms: &[TermLink<'_>],
) -> Result<String, Problem> {
    let site = p.site;
    let terms: Vec<FacetLink> = terms
        .iter()
        .map(|t| FacetLink {
            kind: crate::site::FacetKind::Category,
            label: t.label.to_string(),
            url: t.url.to_string(),
            count: t.count,
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
    let mut frame = Frame::new(lang, url, &title);
    frame.translation = Some(site.url(&crate::site::taxonomy::tag_index_path(lang.other())))
        .filter(|_| site.config.has_lang(lang.other()));
    frame.fallback = site.url(&format!("{}/", lang.other().url_prefix()));
    frame.apply(site, &mut ctx);
    p.renderer.render("tags.html", &ctx)
}

/// One page of a tag's list; `term` is its language, label and URL.
pub(super) fn tag(
    p: &Prepared<'_>,
    url: &str,
    (lang, label, term_url): (Lang, &str, &str),
    list: &Paged,
    twin: Option<&str>,
) -> Result<String, Problem> {
    let site = p.site;
    let mut ctx = p.context(lang);
    ctx.insert(
        "term",
        &Link {
            label: label.to_string(),
            url: term_url.to_string(),
        },
    );
    ctx.insert("pages", &p.cards(&list.cards));
    ctx.insert("paginator", &paginator(term_url, list));
    let mut frame = Frame::new(lang, url, label);
    if site.config.gov_meta.is_some() {
        let newest = list
            .cards
            .iter()
            .filter_map(|c| site.page(c.id()).last_date());
        frame.meta.extend(pub_date(newest.max()));
    }
    frame.translation = twin.map(str::to_string);
    frame.fallback = site.url(&crate::site::taxonomy::tag_index_path(lang.other()));
    frame.apply(site, &mut ctx);
    p.renderer.render("tag.html", &ctx)
}
