//! The pages of the site as a list of jobs, and the template context of each. A job is plain
//! data, so `serve` can re-render just the jobs an edit touches.
//!
//! This file plans the jobs and dispatches each to its renderer: the content page in `page`, the
//! lists (sections, home, archives, facets, print, tags) in `lists`, the fixed pages (search, site
//! map, 404) in `site_pages`; `frame` holds what every page's context shares.

use super::{Prepared, feeds};
use crate::built::OutputFile;
use crate::content::kinds::{Kind, KindData};
use crate::error::Problem;
use crate::lang::Lang;
use crate::site::{PageId, Section, SectionId, Site, urls};

pub mod deps;
mod frame;
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

pub fn per_page(section: &Section) -> usize {
    section.doc.meta.paginate.unwrap_or(match section.kind() {
        Kind::News => 10,
        Kind::RoleModel => 24,
        Kind::Psa => 12,
        Kind::Handbook | Kind::Page => usize::MAX,
    })
}

fn page_count(items: usize, per: usize) -> usize {
    if per == usize::MAX {
        1
    } else {
        items.div_ceil(per).max(1)
    }
}

fn expired(site: &Site, section: &Section) -> Vec<PageId> {
    section
        .pages
        .iter()
        .copied()
        .filter(|id| matches!(&site.page(*id).doc.data, KindData::Psa(p) if !p.is_active(site.build_date)))
        .collect()
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
        let per = per_page(section);
        let listed = if section.kind() == Kind::Psa {
            section.pages.len() - expired(site, section).len()
        } else {
            section.pages.len()
        };
        let lists = if section.kind() == Kind::Psa {
            1
        } else {
            page_count(listed, per)
        };
        jobs.extend((1..=lists).map(|n| Job::SectionList(section.id, n)));
        if section.kind() == Kind::Psa {
            let n = page_count(expired(site, section).len(), per);
            jobs.extend((1..=n).map(|n| Job::PsaArchive(section.id, n)));
        }
        if section.kind() == Kind::Handbook {
            jobs.push(Job::HandbookPrint(section.id));
        }
        for (i, facet) in section.facets.iter().enumerate() {
            jobs.extend(
                (1..=page_count(facet.pages.len(), per)).map(|n| Job::Facet(section.id, i, n)),
            );
        }
    }
    for (i, term) in site.tags.iter().enumerate() {
        jobs.extend((1..=page_count(term.pages.len(), 20)).map(|n| Job::Tag(i, n)));
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

pub fn render_job(p: &Prepared<'_>, job: &Job) -> Result<Vec<OutputFile>, Problem> {
    let site = p.site;
    match job {
        Job::Page(id) => page::page(p, *id).map(|f| vec![f]),
        Job::SectionList(id, n) => lists::section_list(p, site.section(*id), *n).map(|f| vec![f]),
        Job::PsaArchive(id, n) => lists::psa_archive(p, site.section(*id), *n).map(|f| vec![f]),
        Job::Facet(id, i, n) => lists::facet(p, site.section(*id), *i, *n).map(|f| vec![f]),
        Job::HandbookPrint(id) => lists::handbook_print(p, site.section(*id)).map(|f| vec![f]),
        Job::TagIndex(lang) => lists::tag_index(p, *lang).map(|f| vec![f]),
        Job::Tag(i, n) => lists::tag(p, *i, *n).map(|f| vec![f]),
        Job::Search(lang) => site_pages::search_page(p, *lang).map(|f| vec![f]),
        Job::SiteMapPage(lang) => site_pages::site_map_page(p, *lang).map(|f| vec![f]),
        Job::NotFound => site_pages::not_found(p).map(|f| vec![f]),
        Job::Aliases => Ok(feeds::aliases(site)),
        Job::Feeds(lang) => Ok(feeds::atom_feeds(p, *lang)),
        Job::SearchIndex(lang) => Ok(super::search_docs::index(p, *lang)),
        Job::SitemapXml => Ok(vec![feeds::sitemap(site)]),
        Job::Robots => Ok(vec![feeds::robots(site)]),
    }
}

fn html(path_url: &str, site: &Site, text: String) -> OutputFile {
    let base = site.config.base_path();
    let path = path_url.strip_prefix(base).unwrap_or(path_url);
    OutputFile {
        path: urls::output_file(path),
        bytes: text.into_bytes(),
    }
}
