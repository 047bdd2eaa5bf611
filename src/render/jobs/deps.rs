//! What each job reads, as a fingerprint. `civic serve` keeps the fingerprint of every job it
//! rendered; after an edit it renders again only the jobs whose fingerprint changed (and deletes
//! the files of jobs that no longer exist). A fingerprint hashes the job's inputs exactly as
//! `inputs::declare` gives them to its renderer — which pages, in which order, on which list
//! page — and a hash of every page and section those inputs refer to, so a page moving between
//! list pages, a changed title in a neighbour's previous/next link or a new page count all
//! change it.
//!
//! Fingerprints are cheap: they read the model and a hash per page computed when the page last
//! changed ([`PageHashes`]), never the templates.

use super::Job;
use super::inputs::{self, Declared};
use crate::content::kinds::KindData;
use crate::lang::Lang;
use crate::site::{PageId, Section, Site};
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

/// A stable name for a job across rebuilds (ids may shift when pages are added): the URL of the
/// page it writes, else the job itself (there is one of each per language).
pub fn key(site: &Site, job: &Job) -> String {
    inputs::url(site, job).unwrap_or_else(|| format!("{job:?}"))
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

/// Hashes shared by every job of one model: the site's section structure (every page's frame
/// links to sections) and build date, and each section's own content.
pub struct Shared {
    structure: u64,
    sections: Vec<u64>,
}

impl Shared {
    pub fn new(site: &Site) -> Shared {
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
        Shared {
            structure: h.finish(),
            sections: site
                .sections
                .iter()
                .map(|s| section_hash(site, s))
                .collect(),
        }
    }
}

/// The fingerprint of `job`: equal fingerprints mean byte-identical output. It hashes the job's
/// declared inputs and what changes in each page and section they refer to.
pub fn fingerprint(site: &Site, shared: &Shared, pages: &PageHashes, job: &Job) -> u64 {
    let mut h = Fingerprinter::default();
    shared.structure.hash(&mut h);
    key(site, job).hash(&mut h);
    // A job that cannot be declared fails to render too: the failure is what is reported.
    if let Ok(Declared { inputs, reads }) = inputs::declare(site, job) {
        inputs.hash(&mut h);
        for id in reads.cards_read() {
            pages.full[id.0].hash(&mut h);
        }
        for id in reads.labels_read() {
            pages.label[id.0].hash(&mut h);
        }
        for id in reads.sections_read() {
            shared.sections[id.0].hash(&mut h);
        }
    }
    h.finish()
}
