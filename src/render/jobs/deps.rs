//! What each job reads, as a fingerprint. `civic serve` keeps the fingerprint of every job it
//! rendered; after an edit it renders again only the jobs whose fingerprint changed (and deletes
//! the files of jobs that no longer exist). A fingerprint folds in a hash of every page and section
//! the job shows, in the order it shows them, so a page moving between list pages, a changed
//! title in a neighbour's previous/next link or a new page count all change it.
//!
//! Fingerprints are cheap: they read the model and a hash per page computed when the page last
//! changed ([`PageHashes`]), never the templates. They must mirror what the render functions in
//! `jobs/` and `feeds.rs` read; the serve tests compare incremental output with a full build.

use super::frame::fallback_url;
use super::{Job, expired, page_count, per_page};
use crate::content::kinds::{Kind, KindData};
use crate::lang::Lang;
use crate::site::{PageId, Section, Site, urls};
// A fast non-cryptographic hasher: fingerprints only need to change when their inputs do, within
// one process.
use rustc_hash::FxHasher as Fingerprinter;
use std::hash::{Hash, Hasher};

/// Per-page hashes: `full` changes whenever anything shown of the page changes (its text, body,
/// summary card, URL, translation); `label` only when its title, short title or URL does.
#[derive(Clone, Debug, Default)]
pub struct PageHashes {
    pub full: Vec<u64>,
    pub label: Vec<u64>,
}

impl PageHashes {
    pub fn of_site(site: &Site, summaries: &[tera::Value]) -> PageHashes {
        let mut h = PageHashes {
            full: vec![0; site.pages.len()],
            label: vec![0; site.pages.len()],
        };
        for page in &site.pages {
            h.update(site, page.id, summaries);
        }
        h
    }

    /// Hash page `id` again (after it changed).
    pub fn update(&mut self, site: &Site, id: PageId, summaries: &[tera::Value]) {
        let page = site.page(id);
        let mut f = Fingerprinter::default();
        page.doc.source.text.hash(&mut f);
        page.url.hash(&mut f);
        page.body.html.hash(&mut f);
        page.summary.hash(&mut f);
        page.figure_file.hash(&mut f);
        page.translation
            .map(|t| site.page(t).url.as_str())
            .hash(&mut f);
        if page.lang() != Lang::Zh
            && let Some(t) = page.translation
        {
            // An English twin inherits fields from its Chinese source.
            site.page(t).doc.source.text.hash(&mut f);
        }
        if let Some(s) = summaries.get(id.0) {
            s.to_string().hash(&mut f);
        }
        self.full[id.0] = f.finish();
        let mut l = Fingerprinter::default();
        page.title().hash(&mut l);
        page.url.hash(&mut l);
        if let KindData::Handbook(c) = &page.doc.data {
            c.short_title.hash(&mut l);
        }
        self.label[id.0] = l.finish();
    }
}

/// A stable name for a job across rebuilds (ids may shift when pages are added): its URL.
pub fn key(site: &Site, job: &Job) -> String {
    match job {
        Job::Page(id) => site.page(*id).url.clone(),
        Job::SectionList(s, n) => urls::paginated(&site.section(*s).url, *n),
        Job::PsaArchive(s, n) => urls::paginated(&format!("{}archive/", site.section(*s).url), *n),
        Job::Facet(s, i, n) => match site.section(*s).facets.get(*i) {
            Some(f) => urls::paginated(&f.url, *n),
            None => format!("facet:{}:{i}:{n}", site.section(*s).url),
        },
        Job::HandbookPrint(s) => format!("{}print/", site.section(*s).url),
        Job::Tag(i, n) => match site.tags.get(*i) {
            Some(t) => urls::paginated(&t.url, *n),
            None => format!("tag:{i}:{n}"),
        },
        other => format!("{other:?}"),
    }
}

fn section_hash(site: &Site, s: &Section) -> u64 {
    let mut h = Fingerprinter::default();
    s.doc.source.text.hash(&mut h);
    s.url.hash(&mut h);
    s.body.html.hash(&mut h);
    s.pages.len().hash(&mut h);
    for c in &s.children {
        let c = site.section(*c);
        (&c.doc.meta.title, &c.url).hash(&mut h);
    }
    s.translation.map(|t| &site.section(t).url).hash(&mut h);
    s.parent.hash(&mut h);
    for f in &s.facets {
        (&f.key, &f.label, &f.url, f.pages.len()).hash(&mut h);
    }
    h.finish()
}

/// Hashes shared by every job of one model: the site's section structure and each section.
pub struct Shared {
    structure: u64,
    sections: Vec<u64>,
    /// Per section: the labels of all its pages in order (a handbook's table of contents).
    contents: Vec<u64>,
}

impl Shared {
    pub fn new(site: &Site, pages: &PageHashes) -> Shared {
        let mut h = Fingerprinter::default();
        for s in &site.sections {
            (
                &s.url,
                &s.doc.meta.title,
                s.translation,
                s.parent,
                s.doc.meta.weight,
            )
                .hash(&mut h);
        }
        site.build_date.hash(&mut h);
        let contents = site
            .sections
            .iter()
            .map(|s| {
                let mut c = Fingerprinter::default();
                for id in &s.pages {
                    (id, pages.label[id.0]).hash(&mut c);
                }
                c.finish()
            })
            .collect();
        Shared {
            structure: h.finish(),
            sections: site
                .sections
                .iter()
                .map(|s| section_hash(site, s))
                .collect(),
            contents,
        }
    }
}

fn slice(ids: &[PageId], per: usize, n: usize) -> &[PageId] {
    let start = if per == usize::MAX {
        0
    } else {
        per.saturating_mul(n - 1)
    };
    let start = start.min(ids.len());
    let end = if per == usize::MAX {
        ids.len()
    } else {
        start.saturating_add(per).min(ids.len())
    };
    &ids[start..end]
}

/// The fingerprint of `job`: equal fingerprints mean byte-identical output.
pub fn fingerprint(site: &Site, shared: &Shared, pages: &PageHashes, job: &Job) -> u64 {
    let mut h = Fingerprinter::default();
    shared.structure.hash(&mut h);
    key(site, job).hash(&mut h);
    let full = |h: &mut Fingerprinter, ids: &[PageId]| {
        for id in ids {
            (id, pages.full[id.0]).hash(h);
        }
    };
    let label = |h: &mut Fingerprinter, id: Option<PageId>| {
        if let Some(id) = id {
            (id, pages.label[id.0]).hash(h);
        }
    };
    match job {
        Job::Page(id) => {
            let page = site.page(*id);
            let section = site.section(page.section);
            shared.sections[page.section.0].hash(&mut h);
            full(&mut h, &[*id]);
            label(&mut h, page.prev);
            label(&mut h, page.next);
            label(&mut h, page.translation);
            // The language switch's fallback and tag links follow from the section structure, the
            // page's own text and site.yaml, which are all hashed already.
            page.section.hash(&mut h);
            if let KindData::RoleModel(r) = &page.doc.data {
                let related: Vec<PageId> = section
                    .pages
                    .iter()
                    .copied()
                    .filter(|o| o != id)
                    .filter(|o| matches!(&site.page(*o).doc.data, KindData::RoleModel(x) if x.category == r.category))
                    .take(3)
                    .collect();
                full(&mut h, &related);
            }
            if page.kind() == Kind::Handbook {
                shared.contents[page.section.0].hash(&mut h);
            }
        }
        Job::SectionList(s, n) => {
            let section = site.section(*s);
            shared.sections[s.0].hash(&mut h);
            if section.kind() == Kind::Psa {
                let expired = expired(site, section);
                let active: Vec<PageId> = section
                    .pages
                    .iter()
                    .copied()
                    .filter(|id| !expired.contains(id))
                    .collect();
                full(&mut h, &active);
                expired.len().hash(&mut h);
            } else {
                let per = per_page(section);
                full(&mut h, slice(&section.pages, per, *n));
                page_count(section.pages.len(), per).hash(&mut h);
            }
            if section.kind() == Kind::Handbook {
                shared.contents[s.0].hash(&mut h);
            }
            if section.is_home() {
                home(site, shared, pages, section.lang(), &mut h);
            }
            fallback_url(site, section.parent, section.lang()).hash(&mut h);
        }
        Job::PsaArchive(s, n) => {
            let section = site.section(*s);
            shared.sections[s.0].hash(&mut h);
            let expired = expired(site, section);
            let per = per_page(section);
            full(&mut h, slice(&expired, per, *n));
            page_count(expired.len(), per).hash(&mut h);
            fallback_url(site, section.parent, section.lang()).hash(&mut h);
        }
        Job::Facet(s, i, n) => {
            let section = site.section(*s);
            shared.sections[s.0].hash(&mut h);
            if let Some(f) = section.facets.get(*i) {
                let per = per_page(section);
                full(&mut h, slice(&f.pages, per, *n));
                page_count(f.pages.len(), per).hash(&mut h);
                let twin = section.translation.map(|t| site.section(t));
                twin.and_then(|t| t.facets.iter().find(|o| o.kind == f.kind && o.key == f.key))
                    .map(|o| &o.url)
                    .hash(&mut h);
            }
            fallback_url(site, section.parent, section.lang()).hash(&mut h);
        }
        Job::HandbookPrint(s) => {
            shared.sections[s.0].hash(&mut h);
            full(&mut h, &site.section(*s).pages);
        }
        Job::TagIndex(lang) => {
            for t in site.tags.iter().filter(|t| t.lang == *lang) {
                (&t.label, &t.url, t.pages.len()).hash(&mut h);
            }
        }
        Job::Tag(i, n) => {
            if let Some(term) = site.tags.get(*i) {
                (&term.key, &term.label, &term.url, term.pages.len()).hash(&mut h);
                full(&mut h, slice(&term.pages, 20, *n));
                site.tags
                    .iter()
                    .find(|t| t.lang != term.lang && t.key == term.key)
                    .map(|t| &t.url)
                    .hash(&mut h);
            }
        }
        Job::SearchIndex(lang) => {
            for p in site.pages_in(*lang) {
                (p.id, pages.full[p.id.0]).hash(&mut h);
            }
        }
        Job::Search(_) => {
            // The search page reads only the site's strings. A search index job must hash the
            // `full` hash of every page it indexes (or of the shard it writes).
        }
        Job::SiteMapPage(lang) => {
            for s in site.sections_in(*lang) {
                s.pages.len().hash(&mut h);
                for id in s.pages.iter().take(50) {
                    label(&mut h, Some(*id));
                }
            }
        }
        Job::NotFound | Job::Robots => {}
        Job::Aliases => {
            for p in site
                .pages
                .iter()
                .filter(|p| !p.doc.common.aliases.is_empty())
            {
                (&p.doc.common.aliases, &p.url, p.title()).hash(&mut h);
            }
            for s in site
                .sections
                .iter()
                .filter(|s| !s.doc.meta.aliases.is_empty())
            {
                (&s.doc.meta.aliases, &s.url, &s.doc.meta.title).hash(&mut h);
            }
        }
        Job::Feeds(lang) => {
            let mut dated: Vec<PageId> = site
                .pages_in(*lang)
                .filter(|p| matches!(p.kind(), Kind::News | Kind::Psa))
                .map(|p| p.id)
                .collect();
            dated.sort_by_key(|id| (std::cmp::Reverse(site.page(*id).date()), *id));
            full(
                &mut h,
                &dated[..dated.len().min(super::feeds::FEED_ENTRIES)],
            );
            for s in site
                .sections_in(*lang)
                .filter(|s| matches!(s.kind(), Kind::News | Kind::Psa))
            {
                shared.sections[s.id.0].hash(&mut h);
                full(
                    &mut h,
                    &s.pages[..s.pages.len().min(super::feeds::FEED_ENTRIES)],
                );
            }
        }
        Job::SitemapXml => {
            for p in &site.pages {
                (
                    &p.url,
                    p.translation.map(|t| &site.page(t).url),
                    p.doc.common.updated.or(p.date()).map(|d| d.iso_date()),
                )
                    .hash(&mut h);
            }
        }
    }
    h.finish()
}

/// What the home page shows besides its own section: current ads, latest news, featured role
/// models, the handbook's first chapters and the top-level sections.
fn home(site: &Site, shared: &Shared, pages: &PageHashes, lang: Lang, h: &mut Fingerprinter) {
    let of_kind = |kind: Kind| {
        site.sections_in(lang)
            .filter(move |s| s.kind() == kind && !s.is_home())
    };
    let mut news: Vec<PageId> = of_kind(Kind::News)
        .flat_map(|s| s.pages.iter().copied())
        .collect();
    news.sort_by_key(|id| std::cmp::Reverse(site.page(*id).date()));
    let psas = of_kind(Kind::Psa)
        .flat_map(|s| s.pages.iter().copied())
        .filter(|id| matches!(&site.page(*id).doc.data, KindData::Psa(a) if a.is_active(site.build_date)))
        .take(6);
    let featured = of_kind(Kind::RoleModel)
        .flat_map(|s| s.pages.iter().copied())
        .filter(|id| matches!(&site.page(*id).doc.data, KindData::RoleModel(r) if r.featured))
        .take(6);
    for id in psas.chain(news.into_iter().take(5)).chain(featured) {
        (id, pages.full[id.0]).hash(h);
    }
    if let Some(s) = of_kind(Kind::Handbook).next() {
        shared.sections[s.id.0].hash(h);
        for id in s.pages.iter().take(6) {
            (id, pages.label[id.0]).hash(h);
        }
    }
}
