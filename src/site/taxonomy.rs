//! Grouping pages: tags per language and the role-model gallery's filters by category and year.

use super::{Page, PageId, Section, urls};
use crate::config::SiteConfig;
use crate::content::kinds::KindData;
use crate::lang::Lang;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FacetKind {
    Category,
    Year,
}

#[derive(Clone, Debug)]
pub struct Facet {
    pub kind: FacetKind,
    pub key: String,
    pub label: String,
    pub url: String,
    pub pages: Vec<PageId>,
}

#[derive(Clone, Debug)]
pub struct Term {
    pub lang: Lang,
    pub key: String,
    pub label: String,
    pub url: String,
    pub pages: Vec<PageId>,
}

pub fn tag_index_path(lang: Lang) -> String {
    format!("{}/tags/", lang.url_prefix())
}

pub fn tags(config: &SiteConfig, pages: &[Page], base: &str) -> Vec<Term> {
    let mut grouped: BTreeMap<(Lang, &str), Vec<PageId>> = BTreeMap::new();
    for page in pages {
        for tag in &page.doc.common.tags {
            grouped
                .entry((page.lang(), tag.as_str()))
                .or_default()
                .push(page.id);
        }
    }
    grouped
        .into_iter()
        .map(|((lang, key), mut ids)| {
            ids.sort_by_key(|id| std::cmp::Reverse(pages[id.0].date()));
            let (segment, label) = match config.tag(key) {
                Some(item) => (
                    item.url_segment().to_string(),
                    item.label.get(lang).to_string(),
                ),
                None => (urls::term_segment(key), key.to_string()),
            };
            Term {
                lang,
                key: key.to_string(),
                label,
                url: format!("{base}{}{segment}/", tag_index_path(lang)),
                pages: ids,
            }
        })
        .collect()
}

/// Filter pages of a role-model gallery: one per category and one per year that has profiles.
pub fn facets(config: &SiteConfig, section: &Section, pages: &[Page]) -> Vec<Facet> {
    let lang = section.lang();
    let mut by_category: BTreeMap<&str, Vec<PageId>> = BTreeMap::new();
    let mut by_year: BTreeMap<u16, Vec<PageId>> = BTreeMap::new();
    for id in &section.pages {
        if let KindData::RoleModel(r) = &pages[id.0].doc.data {
            by_category
                .entry(r.category.as_str())
                .or_default()
                .push(*id);
            by_year.entry(r.year).or_default().push(*id);
        }
    }
    let mut facets = Vec::new();
    for item in &config.role_model_categories {
        if let Some(ids) = by_category.remove(item.key.as_str()) {
            facets.push(Facet {
                kind: FacetKind::Category,
                key: item.key.clone(),
                label: item.label.get(lang).to_string(),
                url: format!("{}category/{}/", section.url, item.url_segment()),
                pages: ids,
            });
        }
    }
    for (year, ids) in by_year.into_iter().rev() {
        facets.push(Facet {
            kind: FacetKind::Year,
            key: year.to_string(),
            label: year.to_string(),
            url: format!("{}year/{year}/", section.url),
            pages: ids,
        });
    }
    facets
}
