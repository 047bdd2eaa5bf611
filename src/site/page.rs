//! One description of a page: how a page document becomes a page of the model (its URL, its
//! Markdown body, summary and figure file) and takes its place among its section's pages (order,
//! previous/next, the gallery's filters). `site::build` derives every page this way and serve's
//! patch derives an edited page the same way, so an edit gives the page a full build gives.

use super::{Page, PageId, Section, suggest, taxonomy, urls};
use crate::config::SiteConfig;
use crate::content::kinds::{Kind, KindData};
use crate::content::{PageDoc, Source};
use crate::error::Problem;
use crate::lang::Lang;
use crate::markdown::{self, Highlighter, LinkTable, Rendered};

/// A page's site-absolute URL: the base path, its language, folder and slug.
pub(super) fn url(base: &str, doc: &PageDoc) -> String {
    format!(
        "{base}{}",
        urls::page_path(doc.lang, &doc.dir, doc.common.slug.as_str())
    )
}

/// Everything besides a document that shapes how its Markdown body renders.
pub(super) struct Bodies<'a> {
    pub config: &'a SiteConfig,
    pub highlighter: &'a Highlighter,
    /// Raw-HTML tags the site lets through the sanitizer (validated by the guard).
    pub allowed_html_tags: &'a [String],
}

impl Bodies<'_> {
    /// Render the body of `source`, whose relative links start from `dir`.
    pub(super) fn render(
        &self,
        source: &Source,
        dir: &str,
        lang: Lang,
        links: &LinkTable,
    ) -> Rendered {
        let input = markdown::Input {
            body: source.body(),
            body_line: source.body_line,
            dir,
            lang,
            allowed_html_tags: self.allowed_html_tags,
            options: self.config.markdown,
            max_highlight_line: self.config.limits.highlight_line_chars,
        };
        markdown::render(&input, links, self.highlighter)
    }
}

/// What a page derives from its document.
pub(super) struct Derived {
    pub body: Rendered,
    /// The front-matter summary, or the start of the body.
    pub summary: String,
    pub figure_file: Option<String>,
    /// Broken links of the body, placed in the file.
    pub link_problems: Vec<Problem>,
    /// A photo or poster that is not there.
    pub figure_problems: Vec<Problem>,
}

/// Derive a page's body, summary and figure file. `zh_source` is an English twin's Chinese page.
pub(super) fn derive(
    doc: &PageDoc,
    zh_source: Option<&Source>,
    links: &LinkTable,
    bodies: &Bodies<'_>,
) -> Derived {
    // A bundle's links and pictures are relative to its own folder.
    let dir = doc.bundle.as_deref().unwrap_or(&doc.dir);
    let body = bodies.render(&doc.source, dir, doc.lang, links);
    let found = suggest::link_targets(&body.problems, dir, links);
    let link_problems = super::locate(&found, &doc.source);
    let mut figure_problems = Vec::new();
    let figure_file = figure_file(doc, dir, zh_source, links, &mut figure_problems);
    let summary = doc
        .common
        .summary
        .clone()
        .unwrap_or_else(|| body.excerpt.clone());
    Derived {
        body,
        summary,
        figure_file,
        link_problems,
        figure_problems,
    }
}

/// The content-relative path of a page's photo or poster, which must exist beside the page (in
/// `folder`, the page's bundle or section folder). `zh_source` is an English twin's Chinese page:
/// a missing picture the twin inherits without naming it is reported there, where the file name
/// is written.
fn figure_file(
    doc: &PageDoc,
    folder: &str,
    zh_source: Option<&Source>,
    links: &LinkTable,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let figure = doc.data.figure()?;
    let path = markdown::links::normalize(&format!("{folder}/{}", figure.file))?;
    if links.assets.contains(&path) {
        return Some(path);
    }
    let key = if matches!(doc.data, KindData::Psa(_)) {
        "poster"
    } else {
        "photo"
    };
    let (source, line) = match doc.source.key_line(key) {
        Some(line) => (&doc.source, line),
        None => zh_source
            .and_then(|zh| zh.key_line(key).map(|line| (zh, line)))
            .unwrap_or((&doc.source, 1)),
    };
    let (message, help) = if links.through_symlink(&path) {
        (
            crate::text!("site-image-symlink", file = &figure.file),
            crate::text!("site-image-symlink-help", folder = folder),
        )
    } else {
        (
            crate::text!("site-missing-image", file = &figure.file),
            crate::text!("site-missing-image-help", folder = folder),
        )
    };
    problems.push(
        source
            .problem("missing-image", message)
            .at_line(line)
            .help(help),
    );
    None
}

fn sort_key(page: &Page) -> (i64, i64, String) {
    let day = |d: Option<crate::content::date::PubDate>| {
        d.map_or(0, |d| {
            i64::from(d.date.year()) * 10_000
                + i64::from(d.date.month()) * 100
                + i64::from(d.date.day())
        })
    };
    match &page.doc.data {
        KindData::Handbook(c) => (c.weight, 0, page.doc.name.clone()),
        KindData::RoleModel(r) => (
            -i64::from(r.year),
            i64::from(!r.featured),
            page.doc.name.clone(),
        ),
        KindData::Psa(p) => (-day(Some(p.start)), 0, page.doc.name.clone()),
        KindData::News(n) => (-day(Some(n.date)), 0, page.doc.name.clone()),
        KindData::Page => (-day(page.doc.common.date), 0, page.doc.common.title.clone()),
    }
}

/// Put a section's pages in reading order (handbook by weight, news newest first, …), link each
/// to its neighbours, and group a role-model gallery's filters.
pub(super) fn arrange(section: &mut Section, pages: &mut [Page], config: &SiteConfig) {
    let mut ids: Vec<PageId> = std::mem::take(&mut section.pages);
    for id in &ids {
        pages[id.0].prev = None;
        pages[id.0].next = None;
    }
    ids.sort_by_cached_key(|id| sort_key(&pages[id.0]));
    for pair in ids.windows(2) {
        pages[pair[0].0].next = Some(pair[1]);
        pages[pair[1].0].prev = Some(pair[0]);
    }
    section.pages = ids;
    if section.kind() == Kind::RoleModel {
        section.facets = taxonomy::facets(config, section, pages);
    }
}
