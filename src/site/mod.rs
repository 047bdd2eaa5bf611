//! Stage 2: typed content → the site model. Gives every page and section its URL, renders the
//! Markdown bodies (in parallel), pairs translations, orders sections, and builds the taxonomies
//! and role-model filters. The resulting [`Site`] is read-only: rendering only reads it.

mod clashes;
mod page;
pub mod patch;
mod suggest;
pub mod taxonomy;
pub mod urls;

use crate::config::SiteConfig;
use crate::content::kinds::{Kind, KindData};
use crate::content::{AssetFile, Content, PageDoc, SectionDoc};
use crate::error::{Failed, Problem};
use crate::lang::Lang;
use crate::markdown::{self, Highlighter, LinkTable, Rendered};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::HashMap;
pub use taxonomy::{Facet, FacetKind, Term};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PageId(pub usize);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionId(pub usize);

#[derive(Debug)]
pub struct Page {
    pub id: PageId,
    pub doc: PageDoc,
    /// Site-absolute URL path, including the base path: `/en/role-models/li-mei/`.
    pub url: String,
    pub section: SectionId,
    pub translation: Option<PageId>,
    pub prev: Option<PageId>,
    pub next: Option<PageId>,
    pub body: Rendered,
    /// The front-matter summary, or the start of the body.
    pub summary: String,
    /// Content-relative path of the page's photo or poster, checked to exist.
    pub figure_file: Option<String>,
}

impl Page {
    pub fn lang(&self) -> Lang {
        self.doc.lang
    }
    pub fn title(&self) -> &str {
        &self.doc.common.title
    }
    pub fn kind(&self) -> Kind {
        self.doc.kind()
    }
    /// Date used for ordering and display: the kind's own date, else the common one.
    pub fn date(&self) -> Option<crate::content::date::PubDate> {
        match &self.doc.data {
            KindData::News(n) => Some(n.date),
            KindData::Psa(p) => self.doc.common.date.or(Some(p.start)),
            _ => self.doc.common.date,
        }
    }
    /// The page's last date, as an inspection reads it: the later of [`Page::date`] and
    /// `updated:`; `None` for an undated page.
    pub fn last_date(&self) -> Option<crate::content::date::PubDate> {
        self.date().max(self.doc.common.updated)
    }
}

#[derive(Debug)]
pub struct Section {
    pub id: SectionId,
    pub doc: SectionDoc,
    pub url: String,
    pub parent: Option<SectionId>,
    pub children: Vec<SectionId>,
    /// Pages in reading order (handbook by weight, news newest first, …).
    pub pages: Vec<PageId>,
    pub translation: Option<SectionId>,
    pub body: Rendered,
    /// Filter pages of a role-model gallery: by category and by year.
    pub facets: Vec<Facet>,
    /// The newest date of its pages and its subsections' ([`Site::section_updated`]), kept
    /// here because every page of the section shows it.
    updated: Option<crate::content::date::PubDate>,
}

impl Section {
    pub fn lang(&self) -> Lang {
        self.doc.lang
    }
    pub fn kind(&self) -> Kind {
        self.doc.meta.kind
    }
    pub fn is_home(&self) -> bool {
        self.doc.dir.is_empty()
    }
}

impl Site {
    /// The newest [`Page::last_date`] of a section's pages and its subsections' (a column's
    /// last update); `None` when none of them has a date.
    pub fn section_updated(&self, id: SectionId) -> Option<crate::content::date::PubDate> {
        self.section(id).updated
    }

    /// Works out [`Site::section_updated`] for every section, once: each page's view shows
    /// its section's date, and reading all the section's pages for each of them made a build
    /// quadratic (9% of a 20,000-page build). Called when the model is built or patched.
    pub(crate) fn date_sections(&mut self) {
        let dates: Vec<_> = (0..self.sections.len())
            .map(|i| self.newest_in(SectionId(i)))
            .collect();
        for (section, date) in self.sections.iter_mut().zip(dates) {
            section.updated = date;
        }
    }

    fn newest_in(&self, id: SectionId) -> Option<crate::content::date::PubDate> {
        let s = self.section(id);
        let own = s
            .pages
            .iter()
            .filter_map(|p| self.page(*p).last_date())
            .max();
        let below = s.children.iter().filter_map(|c| self.newest_in(*c)).max();
        own.max(below)
    }
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct MenuEntry {
    pub label: String,
    pub url: String,
    pub external: bool,
}

#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    pub build_date: Date,
    pub pages: Vec<Page>,
    pub sections: Vec<Section>,
    pub tags: Vec<Term>,
    pub menus: HashMap<Lang, Vec<MenuEntry>>,
    pub links: LinkTable,
    pub assets: Vec<AssetFile>,
}

impl Site {
    /// Every picture the site shows (photos, posters, pictures in bodies): published only in
    /// resized forms, by content-relative path.
    pub fn shown_pictures(&self) -> std::collections::BTreeSet<&str> {
        let bodies = self.pages.iter().map(|p| &p.body);
        let bodies = bodies.chain(self.sections.iter().map(|s| &s.body));
        let in_bodies = bodies.flat_map(|b| b.pictures.iter().map(|p| p.file.as_str()));
        self.pages
            .iter()
            .filter_map(|p| p.figure_file.as_deref())
            .chain(in_bodies)
            .collect()
    }

    /// Site files some body links to: published even when also shown as a picture.
    pub fn linked_files(&self) -> std::collections::BTreeSet<&str> {
        let bodies = self.pages.iter().map(|p| &p.body);
        let bodies = bodies.chain(self.sections.iter().map(|s| &s.body));
        bodies
            .flat_map(|b| b.linked_files.iter().map(String::as_str))
            .collect()
    }

    pub fn page(&self, id: PageId) -> &Page {
        &self.pages[id.0]
    }
    pub fn section(&self, id: SectionId) -> &Section {
        &self.sections[id.0]
    }
    pub fn home(&self, lang: Lang) -> Option<&Section> {
        self.sections
            .iter()
            .find(|s| s.is_home() && s.lang() == lang)
    }
    pub fn sections_in(&self, lang: Lang) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(move |s| s.lang() == lang)
    }
    pub fn pages_in(&self, lang: Lang) -> impl Iterator<Item = &Page> {
        self.pages.iter().filter(move |p| p.lang() == lang)
    }
    /// Absolute URL for a site path (feeds, sitemap, hreflang).
    pub fn permalink(&self, path: &str) -> String {
        let base = self
            .config
            .base_url
            .trim_end_matches(self.config.base_path());
        format!("{base}{}", urls::encode_path(path))
    }
    /// Prefix a site path with the base path (`/news/` → `/portal/news/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_path())
    }
}

pub struct BuildInput<'a> {
    pub config: SiteConfig,
    pub content: Content,
    pub build_date: Date,
    pub highlighter: &'a Highlighter,
    /// Raw-HTML tags the site lets through the sanitizer (validated by the guard).
    pub allowed_html_tags: &'a [String],
}

/// Build the read-only site model from validated content.
pub fn build(input: BuildInput<'_>) -> Result<Site, Failed> {
    let BuildInput {
        config,
        content,
        build_date,
        highlighter,
        allowed_html_tags,
    } = input;
    let bodies = page::Bodies {
        config: &config,
        highlighter,
        allowed_html_tags,
    };
    let base = config.base_path().to_string();
    let Content {
        mut sections,
        pages,
        assets,
        drafts,
        symlinks,
        ..
    } = content;
    sections.sort_by(|a, b| (a.lang, &a.dir).cmp(&(b.lang, &b.dir)));

    let mut problems = Vec::new();
    let section_urls: Vec<String> = sections
        .iter()
        .map(|s| format!("{base}{}", urls::section_path(s.lang, &s.dir)))
        .collect();
    let page_urls: Vec<String> = pages.iter().map(|p| page::url(&base, p)).collect();
    let mut links = link_table(&sections, &section_urls, &pages, &page_urls, &assets, &base);
    links.drafts = drafts.into_iter().collect();
    links.symlinks = symlinks.into_iter().collect();

    let section_bodies: Vec<Rendered> = sections
        .par_iter()
        .map(|s| bodies.render(&s.source, &s.dir, s.lang, &links))
        .collect();
    let translations = pair_translations(&pages);
    // The Chinese source of each English twin: a photo or poster it inherits is that file's.
    let zh_sources: Vec<Option<&crate::content::Source>> = pages
        .iter()
        .zip(&translations)
        .map(|(p, t)| match t {
            Some(t) if p.lang != Lang::Zh => Some(&pages[t.0].source),
            _ => None,
        })
        .collect();
    let derived: Vec<page::Derived> = pages
        .par_iter()
        .zip(&zh_sources)
        .map(|(p, zh)| page::derive(p, *zh, &links, &bodies))
        .collect();
    drop(zh_sources);
    for (body, doc) in section_bodies.iter().zip(&sections) {
        let found = suggest::link_targets(&body.problems, &doc.dir, &links);
        problems.extend(locate(&found, &doc.source));
    }
    for d in &derived {
        problems.extend(d.link_problems.iter().cloned());
    }

    let mut built_sections = build_sections(&sections, section_urls, section_bodies);
    let section_of: HashMap<(Lang, String), SectionId> = built_sections
        .iter()
        .map(|s| ((s.lang(), s.doc.dir.clone()), s.id))
        .collect();
    let mut built_pages = Vec::with_capacity(pages.len());
    for (i, ((doc, url), derived)) in pages.into_iter().zip(page_urls).zip(derived).enumerate() {
        let Some(&section) = section_of.get(&(doc.lang, doc.section_dir.clone())) else {
            problems.push(no_section(&doc));
            continue;
        };
        problems.extend(derived.figure_problems);
        built_pages.push(Page {
            id: PageId(i),
            translation: translations[i],
            section,
            prev: None,
            next: None,
            url,
            body: derived.body,
            summary: derived.summary,
            figure_file: derived.figure_file,
            doc,
        });
    }
    if !problems.is_empty() {
        return Err(Failed(problems));
    }
    order_sections(&mut built_sections, &mut built_pages, &config);
    let tags = taxonomy::tags(&config, &built_pages, &base);
    let menus = resolve_menus(&config, &links, &mut problems);
    let mut site = Site {
        config,
        build_date,
        pages: built_pages,
        sections: built_sections,
        tags,
        menus,
        links,
        assets,
    };
    site.date_sections();
    problems.extend(clashes::url_clashes(&site));
    if problems.is_empty() {
        Ok(site)
    } else {
        Err(Failed(problems))
    }
}

/// The sections of the model, each with its parent and translation (pages come later).
fn build_sections(docs: &[SectionDoc], urls: Vec<String>, bodies: Vec<Rendered>) -> Vec<Section> {
    let index: HashMap<(Lang, &str), SectionId> = docs
        .iter()
        .enumerate()
        .map(|(i, s)| ((s.lang, s.dir.as_str()), SectionId(i)))
        .collect();
    docs.iter()
        .zip(urls)
        .zip(bodies)
        .enumerate()
        .map(|(i, ((doc, url), body))| Section {
            id: SectionId(i),
            parent: parent_section(&doc.dir, doc.lang, &index),
            children: Vec::new(),
            pages: Vec::new(),
            translation: index.get(&(doc.lang.other(), doc.dir.as_str())).copied(),
            url,
            body,
            facets: Vec::new(),
            updated: None,
            doc: doc.clone(),
        })
        .collect()
}

/// Each page's twin in the other language: the page of the same name in the same folder.
fn pair_translations(pages: &[PageDoc]) -> Vec<Option<PageId>> {
    let index: HashMap<(Lang, &str, &str), PageId> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| ((p.lang, p.dir.as_str(), p.name.as_str()), PageId(i)))
        .collect();
    pages
        .iter()
        .map(|p| {
            index
                .get(&(p.lang.other(), p.dir.as_str(), p.name.as_str()))
                .copied()
        })
        .collect()
}

/// A page whose folder has no section index.
fn no_section(doc: &PageDoc) -> Problem {
    let suffix = doc
        .lang
        .file_suffix()
        .map_or(String::new(), |s| format!(".{s}"));
    doc.source
        .problem("no-section", crate::text!("site-no-section"))
        .help(crate::text!(
            "site-no-section-help",
            index = format!("content/{}/_index{suffix}.md", doc.section_dir)
        ))
}

/// The errors among a body's problems, placed in its file (warnings are [`body_warnings`]).
fn locate(problems: &[Problem], source: &crate::content::Source) -> Vec<Problem> {
    problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.clone().in_file(&source.file).with_source(&source.text))
        .collect()
}

/// Warnings of the rendered bodies (a code block too long to highlight), placed in their files.
pub fn body_warnings(site: &Site) -> Vec<Problem> {
    let sections = site.sections.iter().map(|s| (&s.body, &s.doc.source));
    let pages = site.pages.iter().map(|p| (&p.body, &p.doc.source));
    sections
        .chain(pages)
        .flat_map(|(body, source)| {
            body.problems
                .iter()
                .filter(|p| !p.is_error())
                .map(|p| p.clone().in_file(&source.file).with_source(&source.text))
        })
        .collect()
}

fn link_table(
    sections: &[SectionDoc],
    section_urls: &[String],
    pages: &[PageDoc],
    page_urls: &[String],
    assets: &[AssetFile],
    base: &str,
) -> LinkTable {
    let mut table = LinkTable {
        base_path: base.to_string(),
        ..LinkTable::default()
    };
    let slot = |lang: Lang| usize::from(lang == Lang::En);
    for (s, url) in sections.iter().zip(section_urls) {
        let key = if s.dir.is_empty() {
            "_index".to_string()
        } else {
            format!("{}/_index", s.dir)
        };
        table.docs.entry(key).or_default()[slot(s.lang)] = Some(url.clone());
    }
    for (p, url) in pages.iter().zip(page_urls) {
        let key = if p.dir.is_empty() {
            p.name.clone()
        } else {
            format!("{}/{}", p.dir, p.name)
        };
        table.docs.entry(key).or_default()[slot(p.lang)] = Some(url.clone());
    }
    table.assets = assets.iter().map(|a| a.rel.clone()).collect();
    table
}

fn parent_section(
    dir: &str,
    lang: Lang,
    index: &HashMap<(Lang, &str), SectionId>,
) -> Option<SectionId> {
    if dir.is_empty() {
        return None;
    }
    let mut d = dir;
    while let Some((parent, _)) = d.rsplit_once('/') {
        if let Some(id) = index.get(&(lang, parent)) {
            return Some(*id);
        }
        d = parent;
    }
    index.get(&(lang, "")).copied()
}

fn order_sections(sections: &mut [Section], pages: &mut [Page], config: &SiteConfig) {
    for page in pages.iter() {
        sections[page.section.0].pages.push(page.id);
    }
    let ids: Vec<(SectionId, Option<SectionId>)> =
        sections.iter().map(|s| (s.id, s.parent)).collect();
    for (id, parent) in ids {
        if let Some(parent) = parent {
            sections[parent.0].children.push(id);
        }
    }
    let weights: Vec<(i64, String)> = sections
        .iter()
        .map(|s| (s.doc.meta.weight, s.doc.dir.clone()))
        .collect();
    for section in sections.iter_mut() {
        section
            .children
            .sort_by(|a, b| weights[a.0].cmp(&weights[b.0]));
        page::arrange(section, pages, config);
    }
}

fn resolve_menus(
    config: &SiteConfig,
    links: &LinkTable,
    problems: &mut Vec<Problem>,
) -> HashMap<Lang, Vec<MenuEntry>> {
    let mut menus = HashMap::new();
    for (&lang, items) in &config.menus {
        let mut entries = Vec::new();
        for item in items {
            let external = markdown::links::is_external(&item.link);
            let url = if external || item.link.starts_with('/') {
                Ok(item.link.clone())
            } else {
                match links.resolve(&item.link, "", lang) {
                    markdown::Resolved::Url(u) => Ok(u),
                    markdown::Resolved::Broken(why) => Err(Some(why)),
                    markdown::Resolved::Keep => Err(None),
                }
            };
            match url {
                Ok(url) => entries.push(MenuEntry {
                    label: item.label.clone(),
                    url,
                    external,
                }),
                Err(why) => problems.push(broken_menu_link(config, item, why)),
            }
        }
        menus.insert(lang, entries);
    }
    menus
}

/// A menu item whose link leads nowhere, at its line of site.yaml: a draft says it is one.
fn broken_menu_link(
    config: &SiteConfig,
    item: &crate::config::MenuItem,
    why: Option<crate::messages::Text>,
) -> Problem {
    let (label, link) = (&item.label, &item.link);
    let (message, help) = if why.is_some_and(|w| w.key() == "link-draft-page") {
        (
            crate::text!("site-menu-link-draft", label = label, link = link),
            crate::text!("site-menu-link-draft-help"),
        )
    } else {
        (
            crate::text!("site-broken-menu-link", label = label, link = link),
            crate::text!("site-broken-menu-link-help"),
        )
    };
    let mut p = Problem::error("broken-menu-link", message)
        .in_file(crate::config::CONFIG_FILE)
        .help(help)
        .with_source(&config.source);
    // The item's own line (`{ label: …, link: … }`), else the first that names its link.
    let lines = || config.source.lines();
    let line = lines()
        .position(|l| l.contains(label.as_str()) && l.contains(link.as_str()))
        .or_else(|| lines().position(|l| l.contains(link.as_str())));
    if let Some(i) = line {
        p = p.at_line(i + 1);
    }
    p
}
