//! Changing one page of a built site model in place: `civic serve`'s fast path. The page keeps its
//! id and URL; its body is rendered again, and everything derived from the order or grouping of
//! pages (section order, previous/next, tags, role-model filters) is derived again exactly as a
//! full build derives it. Anything that would change the site's shape (a new URL, a draft, an
//! alias, a different photo file) is refused with [`Patch::Reload`] so the caller reloads.

use super::{Kind, Page, PageId, Site, figure_file, locate, sort_key, taxonomy, urls};
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
    body: markdown::Rendered,
    summary: String,
    figure_file: Option<String>,
}

impl Replacement {
    pub fn id(&self) -> PageId {
        self.id
    }
    /// The new source and rendered body, for the content guard.
    pub fn document(&self) -> (&crate::content::Source, &markdown::Rendered) {
        (&self.doc.source, &self.body)
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
    let old: &Page = site.page(id);
    let url = format!(
        "{}{}",
        site.config.base_path(),
        urls::page_path(doc.lang, &doc.dir, doc.common.slug.as_str())
    );
    if url != old.url
        || doc.common.draft != old.doc.common.draft
        || doc.common.aliases != old.doc.common.aliases
        || doc.section_dir != old.doc.section_dir
        || doc.kind() != old.kind()
    {
        return Err(Patch::Reload);
    }
    let mut problems = Vec::new();
    let figure = figure_file(&doc, zh_source, &site.links, &mut problems);
    if !problems.is_empty() {
        return Err(Patch::Problems(problems));
    }
    if figure != old.figure_file {
        return Err(Patch::Reload);
    }
    let dir = doc.bundle.as_deref().unwrap_or(&doc.dir);
    let input = markdown::Input {
        body: doc.source.body(),
        body_line: doc.source.body_line,
        dir,
        lang: doc.lang,
        allowed_html_tags,
        options: site.config.markdown,
        max_highlight_line: site.config.limits.highlight_line_chars,
    };
    let body = markdown::render(&input, &site.links, highlighter);
    let found = super::suggest::link_targets(&body.problems, dir, &site.links);
    let problems = locate(&found, &doc.source);
    if !problems.is_empty() {
        return Err(Patch::Problems(problems));
    }
    let summary = doc
        .common
        .summary
        .clone()
        .unwrap_or_else(|| body.excerpt.clone());
    Ok(Replacement {
        id,
        doc,
        body,
        summary,
        figure_file: figure,
    })
}

/// Swap prepared pages into the site and derive order, neighbours, tags and filters again.
/// Returns problems (such as two tags claiming one URL) without undoing the swap; the caller
/// keeps serving the previous output in that case and reloads on the next change.
pub fn apply(site: &mut Site, replacements: Vec<Replacement>) -> Vec<Problem> {
    let mut tags_changed = false;
    let mut sections = Vec::new();
    for r in replacements {
        let page = &mut site.pages[r.id.0];
        let (old_tags, old_date) = (std::mem::take(&mut page.doc.common.tags), page.date());
        page.doc = r.doc;
        page.body = r.body;
        page.summary = r.summary;
        page.figure_file = r.figure_file;
        // Tag pages list their pages newest first: a new date can reorder them.
        tags_changed |=
            old_tags != page.doc.common.tags || (!old_tags.is_empty() && old_date != page.date());
        if !sections.contains(&page.section) {
            sections.push(page.section);
        }
    }
    // Only the sections holding a changed page can change order; pages never change section here.
    for id in sections {
        let mut ids = std::mem::take(&mut site.sections[id.0].pages);
        for p in &ids {
            site.pages[p.0].prev = None;
            site.pages[p.0].next = None;
        }
        ids.sort_by_cached_key(|p| sort_key(&site.pages[p.0]));
        for pair in ids.windows(2) {
            site.pages[pair[0].0].next = Some(pair[1]);
            site.pages[pair[1].0].prev = Some(pair[0]);
        }
        site.sections[id.0].pages = ids;
        if site.sections[id.0].kind() == Kind::RoleModel {
            let facets = taxonomy::facets(&site.config, &site.sections[id.0], &site.pages);
            site.sections[id.0].facets = facets;
        }
    }
    if tags_changed {
        let base = site.config.base_path().to_string();
        site.tags = taxonomy::tags(&site.config, &site.pages, &base);
        taxonomy::url_clashes(site)
    } else {
        Vec::new()
    }
}
