//! What each job reads, worked out in one place. [`declare`] gives a job's inputs — which pages
//! it shows and in which order, which page of a paginated list, which ads are current and which
//! expired as of the build date, which role models are related — as a small struct, and
//! [`files`] the files the job writes. The renderers render from that struct and serve's
//! fingerprint (`deps.rs`) hashes that same struct, so what a job shows and what decides whether
//! serve renders it again cannot drift apart.

use super::Job;
use crate::content::date::PubDate;
use crate::error::Problem;
use crate::lang::Lang;
use crate::site::{Section, SectionId, Site, taxonomy, urls};

mod reads;
mod select;
pub use reads::{Card, Label, Reads, Shown};
pub use select::{Listing, facet_pages, tag_pages};

/// One page of a paginated list: the cards on it, its number and how many pages there are.
#[derive(Debug, Hash)]
pub struct Paged {
    pub cards: Vec<Card>,
    pub current: usize,
    pub total: usize,
}

#[derive(Debug, Hash)]
pub struct PageInputs {
    pub page: Card,
    pub section: Shown,
    pub prev: Option<Label>,
    pub next: Option<Label>,
    pub translation: Option<Label>,
    /// A role model's: others of its category, in gallery order.
    pub related: Vec<Card>,
    /// A chapter's: the chapters its table of contents lists.
    pub chapters: Vec<Label>,
}

#[derive(Debug, Hash)]
pub struct SectionList {
    pub section: Shown,
    pub list: Paged,
    /// Expired ads, shown in the archive instead (a PSA section's).
    pub archived: usize,
    pub home: Option<Box<Home>>,
}

/// What the home page shows besides its own section.
#[derive(Debug, Hash)]
pub struct Home {
    pub psas: Vec<Card>,
    pub news: Vec<Card>,
    pub featured: Vec<Card>,
    pub handbook: Option<(Shown, Vec<Label>)>,
    /// The top-level sections.
    pub sections: Vec<SectionId>,
    /// The sections the ads, news and role-model blocks link to ("view all").
    pub psas_from: Option<SectionId>,
    pub news_from: Option<SectionId>,
    pub featured_from: Option<SectionId>,
}

#[derive(Debug, Hash)]
pub struct TermLink<'a> {
    pub label: &'a str,
    pub url: &'a str,
    pub count: usize,
}

#[derive(Debug, Hash)]
pub struct MapSection {
    pub section: SectionId,
    pub pages: Vec<Label>,
    pub more: usize,
}

/// A redirect page: written at `path`, sending readers to `target`.
#[derive(Debug, Hash)]
pub struct Alias<'a> {
    pub path: String,
    pub lang: Lang,
    pub target: &'a str,
    pub title: &'a str,
}

#[derive(Debug, Hash)]
pub struct Feed {
    pub lang: Lang,
    pub url: String,
    pub html_url: String,
    pub title: String,
    pub entries: Vec<Card>,
}

#[derive(Debug, Hash)]
pub struct SitemapEntry<'a> {
    pub url: &'a str,
    pub lang: Lang,
    pub twin: Option<&'a str>,
    pub lastmod: Option<PubDate>,
}

/// A job's inputs: an HTML page at its URL, or the other files a site has.
#[derive(Debug, Hash)]
pub enum Inputs<'a> {
    Html { url: String, page: Html<'a> },
    Aliases(Vec<Alias<'a>>),
    Feeds(Vec<Feed>),
    SearchIndex { lang: Lang, pages: Vec<Card> },
    SitemapXml(Vec<SitemapEntry<'a>>),
    Robots,
}

/// The inputs of an HTML page, one variant per kind of page.
#[derive(Debug, Hash)]
pub enum Html<'a> {
    Page(PageInputs),
    SectionList(SectionList),
    PsaArchive {
        section: Shown,
        list: Paged,
    },
    Facet {
        section: Shown,
        index: usize,
        list: Paged,
        /// The same filter of the gallery in the other language.
        twin: Option<&'a str>,
    },
    HandbookPrint {
        section: Shown,
        chapters: Vec<Card>,
    },
    TagIndex {
        lang: Lang,
        terms: Vec<TermLink<'a>>,
    },
    Tag {
        lang: Lang,
        label: &'a str,
        /// The URL of the tag's first page.
        term_url: &'a str,
        list: Paged,
        twin: Option<&'a str>,
    },
    Search(Lang),
    SiteMapPage {
        lang: Lang,
        sections: Vec<MapSection>,
    },
    NotFound,
}

/// A job's inputs and every page and section they refer to.
#[derive(Debug)]
pub struct Declared<'a> {
    pub inputs: Inputs<'a>,
    pub reads: Reads,
}

/// The files a job writes, relative to the output folder.
#[derive(Debug, PartialEq, Eq)]
pub enum Files {
    Exactly(Vec<String>),
    /// Everything under this folder: a search index's shards are known only once it is built.
    Under(String),
}

/// The output file of a page URL (`/portal/news/` → `news/index.html`).
pub fn html_file(site: &Site, url: &str) -> String {
    let base = site.config.base_path();
    urls::output_file(url.strip_prefix(base).unwrap_or(url))
}

/// The URL of the HTML page `job` writes: the job's stable name across rebuilds. `None` for the
/// jobs that write other files, and for a filter or tag out of range.
pub fn url(site: &Site, job: &Job) -> Option<String> {
    let lang_page = |lang: Lang, slug: &str| site.url(&format!("{}/{slug}/", lang.url_prefix()));
    Some(match job {
        Job::Page(id) => site.page(*id).url.clone(),
        Job::SectionList(s, n) => urls::paginated(&site.section(*s).url, *n),
        Job::PsaArchive(s, n) => urls::paginated(&archive_url(site.section(*s)), *n),
        Job::Facet(s, i, n) => urls::paginated(&site.section(*s).facets.get(*i)?.url, *n),
        Job::HandbookPrint(s) => print_url(site.section(*s)),
        Job::TagIndex(lang) => site.url(&taxonomy::tag_index_path(*lang)),
        Job::Tag(i, n) => urls::paginated(&site.tags.get(*i)?.url, *n),
        Job::Search(lang) => lang_page(*lang, "search"),
        Job::SiteMapPage(lang) => lang_page(*lang, "sitemap"),
        Job::NotFound => site.url("/404.html"),
        Job::Aliases | Job::Feeds(_) | Job::SearchIndex(_) | Job::SitemapXml | Job::Robots => {
            return None;
        }
    })
}

pub fn archive_url(section: &Section) -> String {
    format!("{}archive/", section.url)
}

pub fn print_url(section: &Section) -> String {
    format!("{}print/", section.url)
}

/// The files `job` writes.
pub fn files(site: &Site, job: &Job) -> Result<Files, Problem> {
    // An HTML page's file follows from its URL alone: no need to work out what it shows.
    if let Some(url) = url(site, job) {
        return Ok(Files::Exactly(vec![html_file(site, &url)]));
    }
    Ok(match declare(site, job)?.inputs {
        Inputs::Html { url, .. } => Files::Exactly(vec![html_file(site, &url)]),
        Inputs::Aliases(list) => Files::Exactly(list.into_iter().map(|a| a.path).collect()),
        Inputs::Feeds(feeds) => {
            Files::Exactly(feeds.iter().map(|f| html_file(site, &f.url)).collect())
        }
        Inputs::SearchIndex { lang, .. } => Files::Under(crate::search::index_dir(lang.code())),
        Inputs::SitemapXml(_) => Files::Exactly(vec![SITEMAP_FILE.to_string()]),
        Inputs::Robots => Files::Exactly(vec![ROBOTS_FILE.to_string()]),
    })
}

pub const SITEMAP_FILE: &str = "sitemap.xml";
pub const ROBOTS_FILE: &str = "robots.txt";

fn out_of_range(what: &str) -> Problem {
    Problem::error("internal", crate::text!("internal-error", what = what))
}

/// Work out `job`'s inputs.
pub fn declare<'a>(site: &'a Site, job: &Job) -> Result<Declared<'a>, Problem> {
    let mut reads = Reads::default();
    let r = &mut reads;
    let html = |page: Html<'a>| match url(site, job) {
        Some(url) => Ok(Inputs::Html { url, page }),
        None => Err(out_of_range("page without a URL")),
    };
    let inputs = match job {
        Job::Page(id) => html(Html::Page(select::page(site, *id, r)))?,
        Job::SectionList(s, n) => html(Html::SectionList(select::section_list(
            site,
            site.section(*s),
            *n,
            r,
        )))?,
        Job::PsaArchive(s, n) => html(select::psa_archive(site, site.section(*s), *n, r)?)?,
        Job::Facet(s, i, n) => html(select::facet(site, site.section(*s), *i, *n, r)?)?,
        Job::HandbookPrint(s) => html(Html::HandbookPrint {
            section: r.section(*s),
            chapters: r.cards(site.section(*s).pages.iter().copied()),
        })?,
        Job::TagIndex(lang) => html(select::tag_index(site, *lang))?,
        Job::Tag(i, n) => html(select::tag(site, *i, *n, r)?)?,
        Job::Search(lang) => html(Html::Search(*lang))?,
        Job::SiteMapPage(lang) => html(select::site_map(site, *lang, r))?,
        Job::NotFound => html(Html::NotFound)?,
        Job::Aliases => Inputs::Aliases(select::aliases(site)),
        Job::Feeds(lang) => Inputs::Feeds(select::feeds(site, *lang, r)),
        Job::SearchIndex(lang) => Inputs::SearchIndex {
            lang: *lang,
            pages: r.cards(site.pages_in(*lang).map(|p| p.id)),
        },
        Job::SitemapXml => Inputs::SitemapXml(select::sitemap(site)),
        Job::Robots => Inputs::Robots,
    };
    Ok(Declared { inputs, reads })
}
