//! What templates see: small serializable views of the site model. Page summaries are built once
//! per build and shared (as cheap-to-clone template values) by every list that shows them.

use crate::content::date::{PubDate, format_long};
use crate::content::frontmatter::{Honor, HonorLevel};
use crate::content::kinds::KindData;
use crate::lang::Lang;
use crate::markdown::TocEntry;
use crate::render::images::ImageSet;
use crate::site::{Page, Section, Site};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Serialize)]
pub struct DateView {
    /// `2026-11-25`, for `<time datetime>`.
    pub iso: String,
    /// `2026年11月25日` / `25 November 2026`.
    pub display: String,
}

impl DateView {
    pub fn new(date: PubDate, lang: Lang) -> DateView {
        DateView {
            iso: date.iso_date(),
            display: format_long(date.date, lang),
        }
    }
}

#[derive(Serialize)]
pub struct Link {
    pub label: String,
    pub url: String,
}

impl Link {
    /// A link to section `id`, labelled with its title.
    pub fn to_section(site: &Site, id: crate::site::SectionId) -> Link {
        let s = site.section(id);
        Link {
            label: s.doc.meta.title.clone(),
            url: s.url.clone(),
        }
    }
}

/// A page as lists, feeds and cards show it. Every page's summary is held for the whole
/// render, so fields a kind does not have are left out rather than stored as nulls (templates
/// test them with `{% if %}` either way).
#[derive(Serialize)]
pub struct Summary {
    pub title: String,
    pub url: String,
    pub kind: &'static str,
    pub summary: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<DateView>,
    /// `updated:`, shown in lists when the page has no `date:`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<DateView>,
    pub section: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageSet>,
    // role model
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Link>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occupation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    pub featured: bool,
    // handbook
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<i64>,
    // psa
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<DateView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<DateView>,
    pub active: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sponsor: Option<String>,
    // news
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

pub fn summary(site: &Site, page: &Page, images: &HashMap<String, ImageSet>) -> Summary {
    let lang = page.lang();
    let section = site.section(page.section);
    let mut s = Summary {
        title: page.title().to_string(),
        url: page.url.clone(),
        kind: page.kind().name(),
        summary: page.summary.clone(),
        date: page.date().map(|d| DateView::new(d, lang)),
        updated: page.doc.common.updated.map(|d| DateView::new(d, lang)),
        section: section.doc.meta.title.clone(),
        image: page
            .figure_file
            .as_ref()
            .and_then(|f| images.get(f))
            .map(|set| ImageSet {
                alt: page
                    .doc
                    .data
                    .figure()
                    .map(|f| f.alt.clone())
                    .unwrap_or_default(),
                ..set.clone()
            }),
        name: None,
        category: None,
        year: None,
        district: None,
        occupation: None,
        quote: None,
        featured: false,
        short_title: None,
        weight: None,
        campaign: None,
        theme: None,
        start: None,
        end: None,
        active: false,
        sponsor: None,
        source: None,
    };
    match &page.doc.data {
        KindData::RoleModel(r) => {
            s.name = Some(r.name.clone());
            s.category = site.config.category(&r.category).map(|c| Link {
                label: c.label.get(lang).to_string(),
                url: section
                    .facets
                    .iter()
                    .find(|f| f.key == r.category)
                    .map(|f| f.url.clone())
                    .unwrap_or_default(),
            });
            s.year = Some(r.year);
            s.district.clone_from(&r.district);
            s.occupation.clone_from(&r.occupation);
            s.quote.clone_from(&r.quote);
            s.featured = r.featured;
        }
        KindData::Handbook(c) => {
            s.short_title = Some(
                c.short_title
                    .clone()
                    .unwrap_or_else(|| page.title().to_string()),
            );
            s.weight = Some(c.weight);
        }
        KindData::Psa(p) => {
            s.campaign.clone_from(&p.campaign);
            s.theme = p
                .theme
                .as_deref()
                .and_then(|t| site.config.psa_theme(t))
                .map(|t| t.label.get(lang).to_string());
            s.start = Some(DateView::new(p.start, lang));
            s.end = p.end.map(|e| DateView::new(e, lang));
            s.active = p.is_active(site.build_date);
            s.sponsor.clone_from(&p.sponsor);
        }
        KindData::News(n) => s.source.clone_from(&n.source),
        KindData::Page => {}
    }
    s
}

#[derive(Serialize)]
pub struct HonorView {
    pub title: String,
    pub level: Option<&'static str>,
    pub year: Option<u16>,
    pub issuer: Option<String>,
}

pub fn honors(list: &[Honor]) -> Vec<HonorView> {
    list.iter()
        .map(|h| HonorView {
            title: h.title.clone(),
            level: h.level.map(|l| match l {
                HonorLevel::National => "national",
                HonorLevel::Provincial => "provincial",
                HonorLevel::City => "city",
                HonorLevel::District => "district",
            }),
            year: h.year,
            issuer: h.issuer.clone(),
        })
        .collect()
}

/// The full page: everything a content template needs beyond the summary.
#[derive(Serialize)]
pub struct PageView<'a> {
    pub content: std::borrow::Cow<'a, str>,
    pub toc: &'a [TocEntry],
    pub updated: Option<DateView>,
    pub reading_minutes: usize,
    pub word_count: usize,
    pub tags: Vec<Link>,
    pub honors: Vec<HonorView>,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    pub section_url: String,
    pub extra: &'a serde_json::Value,
}

/// A link to a page: a chapter's short title (else the title) and the URL.
pub fn page_link(site: &Site, id: crate::site::PageId) -> Link {
    let p = site.page(id);
    let label = match &p.doc.data {
        KindData::Handbook(c) => c
            .short_title
            .clone()
            .unwrap_or_else(|| p.title().to_string()),
        _ => p.title().to_string(),
    };
    Link {
        label,
        url: p.url.clone(),
    }
}

/// `neighbours` are the previous and next pages of its section.
pub fn page_view<'a>(
    site: &Site,
    page: &'a Page,
    neighbours: (Option<crate::site::PageId>, Option<crate::site::PageId>),
    images: &HashMap<String, ImageSet>,
) -> PageView<'a> {
    let lang = page.lang();
    let neighbour = |id: Option<crate::site::PageId>| id.map(|id| page_link(site, id));
    PageView {
        content: body_html(&page.body, images),
        toc: &page.body.toc,
        updated: page.doc.common.updated.map(|d| DateView::new(d, lang)),
        reading_minutes: page.body.words.reading_minutes(),
        word_count: page.body.words.headline(lang),
        tags: page
            .doc
            .common
            .tags
            .iter()
            .filter_map(|t| {
                site.tags
                    .iter()
                    .find(|term| term.lang == lang && &term.key == t)
                    .map(|term| Link {
                        label: term.label.clone(),
                        url: term.url.clone(),
                    })
            })
            .collect(),
        honors: match &page.doc.data {
            KindData::RoleModel(r) => honors(&r.honors),
            _ => Vec::new(),
        },
        prev: neighbour(neighbours.0),
        next: neighbour(neighbours.1),
        section_url: site.section(page.section).url.clone(),
        extra: &page.doc.common.extra,
    }
}

#[derive(Serialize)]
pub struct SectionView<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub kind: &'static str,
    pub summary: Option<&'a str>,
    pub content: std::borrow::Cow<'a, str>,
    pub page_count: usize,
    /// The newest date of its pages (the column's last update), shown under its title.
    pub updated: Option<DateView>,
    pub subsections: Vec<Link>,
    pub extra: &'a serde_json::Value,
}

/// A body's HTML as published: its pictures replaced by their resized sets.
pub fn body_html<'a>(
    body: &'a crate::markdown::Rendered,
    images: &HashMap<String, ImageSet>,
) -> std::borrow::Cow<'a, str> {
    crate::render::images::with_srcset(&body.html, &body.pictures, images)
}

pub fn section_view<'a>(
    site: &'a Site,
    section: &'a Section,
    images: &HashMap<String, ImageSet>,
) -> SectionView<'a> {
    SectionView {
        title: &section.doc.meta.title,
        url: &section.url,
        kind: section.kind().name(),
        summary: section.doc.meta.summary.as_deref(),
        content: body_html(&section.body, images),
        page_count: section.pages.len(),
        updated: site
            .section_updated(section.id)
            .map(|d| DateView::new(d, section.lang())),
        subsections: section
            .children
            .iter()
            .map(|id| Link::to_section(site, *id))
            .collect(),
        extra: &section.doc.meta.extra,
    }
}

#[derive(Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub prev_url: Option<String>,
    pub next_url: Option<String>,
    pub pages: Vec<PageLink>,
}

#[derive(Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

pub fn pagination(base: &str, current: usize, total: usize) -> Pagination {
    let url = |n: usize| crate::site::urls::paginated(base, n);
    Pagination {
        current,
        total,
        prev_url: (current > 1).then(|| url(current - 1)),
        next_url: (current < total).then(|| url(current + 1)),
        pages: (1..=total)
            .map(|n| PageLink {
                number: n,
                url: url(n),
                current: n == current,
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct FacetLink {
    pub kind: crate::site::FacetKind,
    pub label: String,
    pub url: String,
    pub count: usize,
    pub current: bool,
}

/// A `<meta name content>` pair (government-site metadata).
#[derive(Serialize)]
pub struct Meta {
    pub name: &'static str,
    pub content: String,
}

#[derive(Serialize)]
pub struct Alternate {
    pub hreflang: &'static str,
    pub href: String,
}

#[derive(Serialize)]
pub struct Switch {
    pub url: String,
    pub lang: &'static str,
    /// The page has no translation; the switch goes to the nearest translated section.
    pub missing: bool,
}
