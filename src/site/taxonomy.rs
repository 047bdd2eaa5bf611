//! Grouping pages: tags per language, the role-model gallery's filters by category and year, and
//! the check that no two things claim one URL.

use super::{Page, PageId, Section, Site, urls};
use crate::config::SiteConfig;
use crate::content::kinds::KindData;
use crate::error::Problem;
use crate::lang::Lang;
use crate::messages::Text;
use crate::text;
use std::collections::{BTreeMap, HashMap};

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

/// Every URL the site will publish, with what claims it; two claims on one URL are an error.
pub fn url_clashes(site: &Site) -> Vec<Problem> {
    let mut claims: HashMap<String, Text> = HashMap::new();
    let mut problems = Vec::new();
    let mut claim = |url: String, what: Text, file: Option<&str>| {
        if let Some(first) = claims.get(&url) {
            let mut p = Problem::error(
                "url-clash",
                text!(
                    "site-url-clash",
                    what = what,
                    first = first.clone(),
                    url = &url
                ),
            )
            .help(text!("site-url-clash-help"));
            if let Some(file) = file {
                p = p.in_file(file);
            }
            problems.push(p);
        } else {
            claims.insert(url, what);
        }
    };
    for lang in Lang::ALL {
        let prefix = lang.url_prefix();
        claim(
            site.url(&format!("{prefix}/search/")),
            text!("site-claim-search"),
            None,
        );
        claim(
            site.url(&format!("{prefix}/sitemap/")),
            text!("site-claim-sitemap"),
            None,
        );
        claim(
            site.url(&tag_index_path(lang)),
            text!("site-claim-tag-index"),
            None,
        );
    }
    for section in &site.sections {
        let file = section.doc.source.file.as_str();
        claim(
            section.url.clone(),
            text!("site-claim-section", file = file),
            Some(file),
        );
        for facet in &section.facets {
            claim(
                facet.url.clone(),
                text!("site-claim-filter", label = &facet.label),
                Some(file),
            );
        }
    }
    for page in &site.pages {
        let file = page.doc.source.file.as_str();
        claim(
            page.url.clone(),
            text!("site-claim-page", file = file),
            Some(file),
        );
    }
    for term in &site.tags {
        // A tag comes from the pages that use it: name the first, so the editor can find it.
        let file = term
            .pages
            .first()
            .map(|id| site.page(*id).doc.source.file.as_str());
        let what = match file {
            Some(file) => text!("site-claim-tag-used", tag = &term.key, file = file),
            None => text!("site-claim-tag", tag = &term.key),
        };
        claim(term.url.clone(), what, file);
    }
    let aliases = site
        .sections
        .iter()
        .map(|s| (&s.doc.meta.aliases, &s.doc.source))
        .chain(
            site.pages
                .iter()
                .map(|p| (&p.doc.common.aliases, &p.doc.source)),
        );
    let mut bad_aliases = Vec::new();
    for (list, source) in aliases {
        for alias in list {
            let published = crate::site::urls::output_file(alias);
            if let Some(what) = reserved_file(&published) {
                let line = source.key_line("aliases").unwrap_or(1);
                bad_aliases.push(
                    source
                        .problem(
                            "bad-alias",
                            text!("site-alias-reserved", alias = alias, what = what),
                        )
                        .at_line(line)
                        .help(text!("site-alias-reserved-help")),
                );
                continue;
            }
            if !alias.starts_with('/') || alias.contains("..") {
                let line = source.key_line("aliases").unwrap_or(1);
                bad_aliases.push(
                    source
                        .problem("bad-alias", text!("site-alias-not-a-path", alias = alias))
                        .at_line(line)
                        .help(text!("site-alias-not-a-path-help")),
                );
                continue;
            }
            // `/news/index.html` is the file of `/news/`: claim the address both name, so an
            // alias onto a page's own file is a clash that names both files.
            let address = alias.strip_suffix("index.html").unwrap_or(alias);
            claim(
                site.url(address),
                text!("site-claim-alias", file = source.file.as_str()),
                Some(&source.file),
            );
        }
    }
    problems.append(&mut bad_aliases);
    problems
}

/// Files every build writes at fixed places, which an alias must not take over.
fn reserved_file(published: &str) -> Option<Text> {
    let published = published.trim_start_matches('/');
    let fixed = match published {
        "robots.txt" => Some(text!("site-reserved-robots")),
        "404.html" => Some(text!("site-reserved-404")),
        crate::built::MANIFEST_FILE => Some(text!("site-reserved-manifest")),
        "sitemap.xml" => Some(text!("site-reserved-sitemap")),
        "_headers" | "nginx-headers.conf" => Some(text!("site-reserved-headers")),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    if published.ends_with("atom.xml") {
        return Some(text!("site-reserved-feed"));
    }
    published
        .split('/')
        .any(|part| part.starts_with('.'))
        .then(|| text!("site-reserved-hidden"))
}
