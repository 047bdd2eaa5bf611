//! What the search index is built from: one document per page, with the fields a citizen searches
//! for (a role model's name, district, category; tags) besides title, headings and text.

use super::Prepared;
use super::jobs::inputs::Card;
use crate::built::OutputFile;
use crate::content::kinds::KindData;
use crate::lang::Lang;
use crate::markdown::TocEntry;
use crate::search::SearchDoc;
use crate::site::{Page, Site};

/// Site path of a language's index folder (the search page's script reads from here).
pub fn index_url(lang: Lang) -> String {
    format!("/search/{}/", lang.code())
}

/// The index of `lang`'s `pages`.
pub fn index(p: &Prepared<'_>, lang: Lang, pages: &[Card]) -> Vec<OutputFile> {
    let Some(indexer) = p.indexer else {
        return Vec::new();
    };
    let site = p.site;
    let docs: Vec<SearchDoc> = pages.iter().map(|c| doc(site, site.page(c.id()))).collect();
    indexer
        .build(lang.code(), &docs)
        .into_iter()
        .map(|(path, bytes)| OutputFile { path, bytes })
        .collect()
}

/// Every page's searchable field values, for `Indexer::learn_phrases`.
pub fn phrases(site: &Site) -> impl Iterator<Item = String> + '_ {
    site.pages.iter().flat_map(|page| fields(site, page))
}

/// Front-matter values a citizen searches for: tags; a role model's name, district,
/// occupation and category.
fn fields(site: &Site, page: &Page) -> Vec<String> {
    let mut fields: Vec<String> = page.doc.common.tags.clone();
    if let KindData::RoleModel(r) = &page.doc.data {
        fields.push(r.name.clone());
        fields.extend(r.district.clone());
        fields.extend(r.occupation.clone());
        if let Some(c) = site.config.category(&r.category) {
            fields.push(c.label.get(page.lang()).to_string());
        }
    }
    fields
}

fn doc<'a>(site: &Site, page: &'a Page) -> SearchDoc<'a> {
    let lang = page.lang();
    let fields = fields(site, page);
    SearchDoc {
        url: page.url.clone(),
        title: page.title().to_string(),
        section: site.section(page.section).doc.meta.title.clone(),
        date: page
            .date()
            .map(|d| crate::content::date::format_long(d.date, lang)),
        headings: headings(&page.body.toc),
        fields,
        body: crate::search::Body::Html(&page.body.html),
    }
}

fn headings(toc: &[TocEntry]) -> Vec<String> {
    toc.iter()
        .flat_map(|h| std::iter::once(h.title.clone()).chain(headings(&h.children)))
        .collect()
}
