//! The check that no two things claim one URL, and that aliases name page addresses. Each error
//! names the content file and the front-matter line that makes the second claim (the alias, the
//! tag, the slug), the root cause an editor changes, with the first claim in the message.

use super::Site;
use super::taxonomy::tag_index_path;
use crate::content::Source;
use crate::error::Problem;
use crate::lang::Lang;
use crate::messages::Text;
use crate::text;
use std::collections::HashMap;

/// Where a claim is written: its file and the front-matter key that decides the URL (line 1 of
/// the file when the key is not written, as for a URL made from the file name).
#[derive(Clone, Copy)]
struct Place<'a> {
    source: &'a Source,
    key: &'static str,
}

/// What claims each URL, and the clashes found so far.
#[derive(Default)]
struct Claims {
    first: HashMap<String, Text>,
    problems: Vec<Problem>,
}

impl Claims {
    fn claim(&mut self, url: String, what: Text, place: Option<Place<'_>>) {
        let Some(first) = self.first.get(&url) else {
            self.first.insert(url, what);
            return;
        };
        let message = text!(
            "site-url-clash",
            what = what,
            first = first.clone(),
            url = &url
        );
        let help = match place.map(|p| p.key) {
            Some("aliases") => text!("site-url-clash-alias-help"),
            Some("tags") => text!("site-url-clash-tag-help"),
            _ => text!("site-url-clash-help"),
        };
        let problem = match place {
            Some(Place { source, key }) => source
                .problem("url-clash", message)
                .at_line(source.key_line(key).unwrap_or(1)),
            None => Problem::error("url-clash", message),
        };
        self.problems.push(problem.help(help));
    }
}

/// Every URL the site will publish, with what claims it; two claims on one URL are an error, as
/// is an alias that is not a page address.
pub fn url_clashes(site: &Site) -> Vec<Problem> {
    let mut claims = Claims::default();
    fixed_pages(site, &mut claims);
    sections_and_pages(site, &mut claims);
    tags(site, &mut claims);
    let bad_aliases = aliases(site, &mut claims);
    let mut problems = claims.problems;
    problems.extend(bad_aliases);
    problems
}

/// The pages every build writes in each language.
fn fixed_pages(site: &Site, claims: &mut Claims) {
    for lang in Lang::ALL {
        let prefix = lang.url_prefix();
        claims.claim(
            site.url(&format!("{prefix}/search/")),
            text!("site-claim-search"),
            None,
        );
        claims.claim(
            site.url(&format!("{prefix}/sitemap/")),
            text!("site-claim-sitemap"),
            None,
        );
        claims.claim(
            site.url(&tag_index_path(lang)),
            text!("site-claim-tag-index"),
            None,
        );
    }
}

fn sections_and_pages(site: &Site, claims: &mut Claims) {
    for section in &site.sections {
        let source = &section.doc.source;
        let file = source.file.as_str();
        let place = Some(Place { source, key: "" });
        claims.claim(
            section.url.clone(),
            text!("site-claim-section", file = file),
            place,
        );
        for facet in &section.facets {
            claims.claim(
                facet.url.clone(),
                text!("site-claim-filter", label = &facet.label),
                place,
            );
        }
    }
    for page in &site.pages {
        let source = &page.doc.source;
        claims.claim(
            page.url.clone(),
            text!("site-claim-page", file = source.file.as_str()),
            Some(Place {
                source,
                key: "slug",
            }),
        );
    }
}

/// A tag comes from the pages that use it: the first names the file and its `tags:` line.
fn tags(site: &Site, claims: &mut Claims) {
    for term in &site.tags {
        let source = term.pages.first().map(|id| &site.page(*id).doc.source);
        let what = match source {
            Some(s) => text!(
                "site-claim-tag-used",
                tag = &term.key,
                file = s.file.as_str()
            ),
            None => text!("site-claim-tag", tag = &term.key),
        };
        let place = source.map(|source| Place {
            source,
            key: "tags",
        });
        claims.claim(term.url.clone(), what, place);
    }
}

/// Claims each alias's address; returns the aliases that cannot be one.
fn aliases(site: &Site, claims: &mut Claims) -> Vec<Problem> {
    let lists = site
        .sections
        .iter()
        .map(|s| (&s.doc.meta.aliases, &s.doc.source))
        .chain(
            site.pages
                .iter()
                .map(|p| (&p.doc.common.aliases, &p.doc.source)),
        );
    let mut bad = Vec::new();
    for (list, source) in lists {
        for alias in list {
            if let Some(problem) = bad_alias(alias, source) {
                bad.push(problem);
                continue;
            }
            // `/news/index.html` is the file of `/news/`: claim the address both name, so an
            // alias onto a page's own file is a clash that names both files.
            let address = alias.strip_suffix("index.html").unwrap_or(alias);
            claims.claim(
                site.url(address),
                text!("site-claim-alias", file = source.file.as_str()),
                Some(Place {
                    source,
                    key: "aliases",
                }),
            );
        }
    }
    bad
}

/// An alias onto a file every build writes, or one that is not a site path.
fn bad_alias(alias: &str, source: &Source) -> Option<Problem> {
    let line = source.key_line("aliases").unwrap_or(1);
    let published = super::urls::output_file(alias);
    if let Some(what) = reserved_file(&published) {
        return Some(
            source
                .problem(
                    "bad-alias",
                    text!("site-alias-reserved", alias = alias, what = what),
                )
                .at_line(line)
                .help(text!("site-alias-reserved-help")),
        );
    }
    (!alias.starts_with('/') || alias.contains("..")).then(|| {
        source
            .problem("bad-alias", text!("site-alias-not-a-path", alias = alias))
            .at_line(line)
            .help(text!("site-alias-not-a-path-help"))
    })
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
