//! The pages of the site as a list of jobs, and the template context of each. A job is plain
//! data, so `serve` can re-render just the jobs an edit touches.
//!
//! This file plans the jobs and dispatches each to its renderer: the content page in `page`, the
//! lists (sections, home, archives, facets, print, tags) in `lists`, the fixed pages (search, site
//! map, 404) in `site_pages`; `frame` holds what every page's context shares. What each job reads
//! is declared once, in `inputs`: renderers render from it and `deps` fingerprints it.

use super::{Prepared, feeds};
use crate::built::OutputFile;
use crate::content::kinds::Kind;
use crate::error::Problem;
use crate::lang::Lang;
use crate::site::{PageId, SectionId, Site};
use inputs::{Html, Inputs, Listing};

pub mod deps;
mod frame;
pub mod inputs;
mod lists;
mod page;
mod site_pages;

pub use frame::base_context;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Job {
    Page(PageId),
    /// A section's list, page `n` (1-based).
    SectionList(SectionId, usize),
    /// Expired public-service ads of a PSA section, page `n`.
    PsaArchive(SectionId, usize),
    /// A role-model gallery filtered by one category or year, page `n`.
    Facet(SectionId, usize, usize),
    /// The whole handbook on one printable page.
    HandbookPrint(SectionId),
    TagIndex(Lang),
    Tag(usize, usize),
    Search(Lang),
    SiteMapPage(Lang),
    NotFound,
    Aliases,
    Feeds(Lang),
    SearchIndex(Lang),
    SitemapXml,
    Robots,
}

/// What kind of HTML pages a job writes, so the build's summary can say what its pages are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    /// A page of content: one Markdown file.
    Document,
    /// A section's list or the home page, each page of its pagination, and PSA archives.
    List,
    /// A role-model gallery filtered by one category or year.
    Filter,
    /// The tag index and each tag's list.
    Tag,
    /// The handbook on one printable page.
    Print,
    /// Redirect pages for `aliases`.
    Redirect,
    /// Search, site map and 404 pages.
    Other,
}

impl Job {
    pub fn page_kind(&self) -> PageKind {
        match self {
            Job::Page(_) => PageKind::Document,
            Job::SectionList(..) | Job::PsaArchive(..) => PageKind::List,
            Job::Facet(..) => PageKind::Filter,
            Job::TagIndex(_) | Job::Tag(..) => PageKind::Tag,
            Job::HandbookPrint(_) => PageKind::Print,
            Job::Aliases => PageKind::Redirect,
            Job::Search(_)
            | Job::SiteMapPage(_)
            | Job::NotFound
            | Job::Feeds(_)
            | Job::SearchIndex(_)
            | Job::SitemapXml
            | Job::Robots => PageKind::Other,
        }
    }
}

/// HTML pages written, by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PageCounts {
    pub documents: usize,
    pub lists: usize,
    pub filters: usize,
    pub tags: usize,
    pub prints: usize,
    pub redirects: usize,
    pub other: usize,
}

impl PageCounts {
    pub fn add(&mut self, kind: PageKind, n: usize) {
        let slot = match kind {
            PageKind::Document => &mut self.documents,
            PageKind::List => &mut self.lists,
            PageKind::Filter => &mut self.filters,
            PageKind::Tag => &mut self.tags,
            PageKind::Print => &mut self.prints,
            PageKind::Redirect => &mut self.redirects,
            PageKind::Other => &mut self.other,
        };
        *slot += n;
    }

    pub fn total(&self) -> usize {
        self.documents
            + self.lists
            + self.filters
            + self.tags
            + self.prints
            + self.redirects
            + self.other
    }
}

/// Every job of a full build.
pub fn plan(site: &Site) -> Vec<Job> {
    // The search indexes are the longest jobs by far: started first, the page jobs fill the
    // other core around them instead of waiting at the end.
    let search = site.config.search.enabled;
    let mut jobs: Vec<Job> = Vec::new();
    if search {
        jobs.extend(site.config.languages.iter().map(|&l| Job::SearchIndex(l)));
    }
    jobs.extend(site.pages.iter().map(|p| Job::Page(p.id)));
    for section in &site.sections {
        let listing = Listing::of(site, section);
        jobs.extend((1..=listing.pages()).map(|n| Job::SectionList(section.id, n)));
        if let Some(pages) = listing.archive_pages() {
            jobs.extend((1..=pages).map(|n| Job::PsaArchive(section.id, n)));
        }
        if section.kind() == Kind::Handbook {
            jobs.push(Job::HandbookPrint(section.id));
        }
        for (i, facet) in section.facets.iter().enumerate() {
            let pages = inputs::facet_pages(section, facet);
            jobs.extend((1..=pages).map(|n| Job::Facet(section.id, i, n)));
        }
    }
    for (i, term) in site.tags.iter().enumerate() {
        jobs.extend((1..=inputs::tag_pages(term)).map(|n| Job::Tag(i, n)));
    }
    for &lang in &site.config.languages {
        jobs.extend([
            Job::TagIndex(lang),
            Job::SiteMapPage(lang),
            Job::Feeds(lang),
        ]);
        if search {
            jobs.push(Job::Search(lang));
        }
    }
    jobs.extend([Job::NotFound, Job::Aliases, Job::SitemapXml, Job::Robots]);
    jobs
}

/// Render `job` from its declared inputs.
pub fn render_job(p: &Prepared<'_>, job: &Job) -> Result<Vec<OutputFile>, Problem> {
    let site = p.site;
    Ok(match inputs::declare(site, job)?.inputs {
        Inputs::Html { url, page } => vec![OutputFile {
            path: inputs::html_file(site, &url),
            bytes: render_html(p, &url, &page)?.into_bytes(),
        }],
        Inputs::Aliases(list) => feeds::aliases(site, &list),
        Inputs::Feeds(list) => feeds::atom_feeds(site, &list, &p.images),
        Inputs::SearchIndex { lang, pages } => super::search_docs::index(p, lang, &pages),
        Inputs::SitemapXml(entries) => vec![feeds::sitemap(site, &entries)],
        Inputs::Robots => vec![feeds::robots(site)],
    })
}

fn render_html(p: &Prepared<'_>, url: &str, page: &Html<'_>) -> Result<String, Problem> {
    match page {
        Html::Page(x) => page::page(p, x),
        Html::SectionList(x) => lists::section_list(p, url, x),
        Html::PsaArchive { section, list } => lists::psa_archive(p, url, *section, list),
        Html::Facet {
            section,
            index,
            list,
            twin,
        } => lists::facet(p, url, (*section, *index), list, *twin),
        Html::HandbookPrint { section, chapters } => {
            lists::handbook_print(p, url, *section, chapters)
        }
        Html::TagIndex { lang, terms } => lists::tag_index(p, url, *lang, terms),
        Html::Tag {
            lang,
            label,
            term_url,
            list,
            twin,
        } => lists::tag(p, url, (*lang, label, term_url), list, *twin),
        Html::Search(lang) => site_pages::search_page(p, url, *lang),
        Html::SiteMapPage { lang, sections } => site_pages::site_map_page(p, url, *lang, sections),
        Html::NotFound => site_pages::not_found(p, url),
    }
}
