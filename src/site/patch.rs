//! Changing one page of a built site model in place: `civic serve`'s fast path. The page keeps its
//! id and URL; its body is rendered again, and everything derived from the order or grouping of
//! pages (section order, previous/next, tags, role-model filters) is derived again exactly as a
//! full build derives it. Anything that would change the site's shape (a new URL, a draft, an
//! alias, a different photo file) is refused with [`Patch::Reload`] so the caller reloads.

use super::page::{self, Bodies, Derived};
use super::{PageId, Site, clashes, taxonomy};
use crate::content::PageDoc;
use crate::error::Problem;
use crate::markdown::{self, Highlighter};

pub enum Patch {
    /// The change alters the shape of the site: reload it from disk.
    Reload,
    /// The page has problems (broken links, missing image); the model was not changed.
    Problems(Vec<Problem>),
}

/// The parts of a page a patch replaces, ready to be swapped in.
pub struct Replacement {
    id: PageId,
    doc: PageDoc,
    derived: Derived,
}

impl Replacement {
    pub fn id(&self) -> PageId {
        self.id
    }
    /// The new source and rendered body, for the content guard.
    pub fn document(&self) -> (&crate::content::Source, &markdown::Rendered) {
        (&self.doc.source, &self.derived.body)
    }
}

/// Prepare `doc` as the new version of page `id`, without changing the site yet.
pub fn prepare(
    site: &Site,
    id: PageId,
    doc: PageDoc,
    zh_source: Option<&crate::content::Source>,
    highlighter: &Highlighter,
    allowed_html_tags: &[String],
) -> Result<Replacement, Patch> {
    let old = site.page(id);
    if page::url(site.config.base_path(), &doc) != old.url
        || doc.common.draft != old.doc.common.draft
        || doc.common.aliases != old.doc.common.aliases
        || doc.section_dir != old.doc.section_dir
        || doc.kind() != old.kind()
    {
        return Err(Patch::Reload);
    }
    let bodies = Bodies {
        config: &site.config,
        highlighter,
        allowed_html_tags,
    };
    let mut derived = page::derive(&doc, zh_source, &site.links, &bodies);
    if !derived.figure_problems.is_empty() {
        return Err(Patch::Problems(std::mem::take(
            &mut derived.figure_problems,
        )));
    }
    if derived.figure_file != old.figure_file {
        return Err(Patch::Reload);
    }
    if !derived.link_problems.is_empty() {
        return Err(Patch::Problems(std::mem::take(&mut derived.link_problems)));
    }
    Ok(Replacement { id, doc, derived })
}

/// Swap prepared pages into the site and derive order, neighbours, tags and filters again.
/// Returns problems (such as two tags claiming one URL) without undoing the swap; the caller
/// keeps serving the previous output in that case and reloads on the next change.
pub fn apply(site: &mut Site, replacements: Vec<Replacement>) -> Vec<Problem> {
    swap(site, replacements).1
}

/// [`apply`], giving back the pages it replaced as replacements: applying those puts the site
/// back as it was (the desk's preview of unsaved text renders the page, then restores it).
pub fn swap(site: &mut Site, replacements: Vec<Replacement>) -> (Vec<Replacement>, Vec<Problem>) {
    let mut tags_changed = false;
    let mut sections = Vec::new();
    let mut olds = Vec::with_capacity(replacements.len());
    for Replacement { id, doc, derived } in replacements {
        let page = &mut site.pages[id.0];
        let old_tags = page.doc.common.tags.clone();
        let old_date = page.date();
        let old = Derived {
            body: std::mem::replace(&mut page.body, derived.body),
            summary: std::mem::replace(&mut page.summary, derived.summary),
            figure_file: std::mem::replace(&mut page.figure_file, derived.figure_file),
            link_problems: Vec::new(),
            figure_problems: Vec::new(),
        };
        let old_doc = std::mem::replace(&mut page.doc, doc);
        olds.push(Replacement {
            id,
            doc: old_doc,
            derived: old,
        });
        // Tag pages list their pages newest first: a new date can reorder them.
        tags_changed |=
            old_tags != page.doc.common.tags || (!old_tags.is_empty() && old_date != page.date());
        if !sections.contains(&page.section) {
            sections.push(page.section);
        }
    }
    // Only the sections holding a changed page can change order; pages never change section here.
    let Site {
        sections: all,
        pages,
        config,
        ..
    } = site;
    for id in sections {
        page::arrange(&mut all[id.0], pages, config);
    }
    site.date_sections();
    if tags_changed {
        let base = site.config.base_path().to_string();
        site.tags = taxonomy::tags(&site.config, &site.pages, &base);
        (olds, clashes::url_clashes(site))
    } else {
        (olds, Vec::new())
    }
}
