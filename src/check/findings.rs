//! The checks of `civic check` beyond what a build validates. Each finding is a [`Problem`] at
//! the file and line an editor has to change.

use crate::content::Source;
use crate::content::kinds::Kind;
use crate::error::Problem;
use crate::lang::Lang;
use crate::messages::Text;
use crate::site::{Section, Site};
use crate::translations::{self, Freshness};
use std::collections::{HashMap, HashSet};

/// Every finding for a site that loaded without errors.
pub fn find(site: &Site) -> Vec<Problem> {
    let mut out = Vec::new();
    links(site, &mut out);
    alt_text(site, &mut out);
    if site.config.has_lang(Lang::En) {
        translation_status(site, &mut out);
    }
    sections(site, &mut out);
    out
}

fn warning(source: &Source, code: &'static str, message: Text) -> Problem {
    let mut p = source.problem(code, message);
    p.severity = crate::error::Severity::Warning;
    p
}

fn title_line(source: &Source) -> usize {
    source.key_line("title").unwrap_or(1)
}

/// Internal links must reach a page of the site, and `#anchor`s a heading on that page.
fn links(site: &Site, out: &mut Vec<Problem>) {
    let mut anchors: HashMap<&str, &[String]> = HashMap::new();
    for p in &site.pages {
        anchors.insert(p.url.as_str(), &p.body.anchors);
    }
    for s in &site.sections {
        anchors.insert(s.url.as_str(), &s.body.anchors);
    }
    let mut known: HashSet<String> = crate::render::plan(site)
        .iter()
        .map(|job| crate::render::jobs::deps::key(site, job))
        .collect();
    known.extend(site.assets.iter().map(|a| site.url(&format!("/{}", a.rel))));
    for alias in site.pages.iter().flat_map(|p| &p.doc.common.aliases) {
        known.insert(site.url(alias));
    }
    let bodies = site
        .pages
        .iter()
        .map(|p| (&p.doc.source, &p.body, p.url.as_str()))
        .chain(
            site.sections
                .iter()
                .map(|s| (&s.doc.source, &s.body, s.url.as_str())),
        );
    for (source, body, own_url) in bodies {
        for (line, link) in &body.links {
            let (path, fragment) = match link.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (link.as_str(), None),
            };
            let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
            let target = if path.is_empty() {
                own_url
            } else {
                path.as_ref()
            };
            let Some(target_anchors) = anchors.get(target).copied() else {
                let bare = target.split('?').next().unwrap_or(target);
                let with_slash = format!("{}/", bare.trim_end_matches('/'));
                if !(known.contains(bare) || known.contains(&with_slash) || is_static(bare)) {
                    out.push(
                        source
                            .problem(
                                "broken-link",
                                crate::text!("check-link-no-such-address", link = link),
                            )
                            .at_line(*line)
                            .help(crate::text!("check-link-no-such-address-help")),
                    );
                }
                continue;
            };
            let Some(fragment) = fragment.filter(|f| !f.is_empty()) else {
                continue;
            };
            let fragment = percent_encoding::percent_decode_str(fragment).decode_utf8_lossy();
            if !target_anchors.iter().any(|a| *a == fragment) {
                let choices: Vec<&str> = target_anchors.iter().map(String::as_str).collect();
                let help = match crate::yaml::closest(&fragment, &choices) {
                    Some(a) => crate::text!("check-anchor-guess-help", anchor = a),
                    None if choices.is_empty() => crate::text!("check-anchor-no-headings-help"),
                    None => crate::text!(
                        "check-anchor-headings-help",
                        headings = choices
                            .iter()
                            .take(6)
                            .map(|a| format!("`#{a}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                out.push(
                    source
                        .problem(
                            "broken-anchor",
                            crate::text!(
                                "check-anchor-missing",
                                link = link,
                                fragment = fragment.as_ref()
                            ),
                        )
                        .at_line(*line)
                        .help(help),
                );
            }
        }
    }
}

/// Theme and site static files live at the site root (`/css/site.css`); they are not in the model.
fn is_static(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    name.contains('.') && !name.ends_with(".html")
}

/// Every image needs a description for people who cannot see it.
fn alt_text(site: &Site, out: &mut Vec<Problem>) {
    let bodies = site
        .pages
        .iter()
        .map(|p| (&p.doc.source, &p.body))
        .chain(site.sections.iter().map(|s| (&s.doc.source, &s.body)));
    for (source, body) in bodies {
        for line in &body.images_without_alt {
            out.push(
                source
                    .problem("missing-alt", crate::text!("check-missing-alt"))
                    .at_line(*line)
                    .help(crate::text!("check-missing-alt-help")),
            );
        }
    }
}

/// Chinese pages without an English twin, and twins not reviewed since their source changed.
fn translation_status(site: &Site, out: &mut Vec<Problem>) {
    for zh in site.pages_in(Lang::Zh) {
        let source = &zh.doc.source;
        match translations::freshness(site, zh) {
            Freshness::UpToDate => {}
            Freshness::Missing => {
                let twin = english_name(&source.file);
                out.push(
                    warning(
                        source,
                        "missing-translation",
                        crate::text!("check-page-untranslated"),
                    )
                    .at_line(title_line(source))
                    .help(crate::text!("check-page-untranslated-help", twin = twin)),
                );
            }
            Freshness::Outdated | Freshness::Unreviewed => {
                let Some(en) = zh.translation.map(|t| site.page(t)) else {
                    continue;
                };
                let en_source = &en.doc.source;
                let outdated = translations::freshness(site, zh) == Freshness::Outdated;
                let (code, message) = if outdated {
                    (
                        "outdated-translation",
                        crate::text!("check-translation-outdated", source = &source.file),
                    )
                } else {
                    (
                        "unreviewed-translation",
                        crate::text!("check-translation-unreviewed", source = &source.file),
                    )
                };
                let line = en_source
                    .key_line("source_hash")
                    .unwrap_or_else(|| title_line(en_source));
                out.push(
                    warning(en_source, code, message)
                        .at_line(line)
                        .help(crate::text!(
                            "check-translation-review-help",
                            twin = &en_source.file
                        )),
                );
            }
        }
    }
    for s in site
        .sections_in(Lang::Zh)
        .filter(|s| s.translation.is_none())
    {
        let source = &s.doc.source;
        out.push(
            warning(
                source,
                "missing-translation",
                crate::text!("check-section-untranslated"),
            )
            .at_line(title_line(source))
            .help(crate::text!(
                "check-section-untranslated-help",
                twin = english_name(&source.file)
            )),
        );
    }
}

fn english_name(file: &str) -> String {
    match file.strip_suffix(".md") {
        Some(stem) => format!("{stem}.en.md"),
        None => format!("{file}.en.md"),
    }
}

/// News sections with nothing new for a while, and sections with nothing in them.
fn sections(site: &Site, out: &mut Vec<Problem>) {
    for s in &site.sections {
        if s.is_home() {
            continue;
        }
        let source = &s.doc.source;
        if s.pages.is_empty() && s.children.is_empty() {
            out.push(
                warning(source, "empty-section", crate::text!("check-section-empty"))
                    .at_line(title_line(source))
                    .help(crate::text!(
                        "check-section-empty-help",
                        kind = s.kind().name()
                    )),
            );
            continue;
        }
        // A column with its own cadence under `inspection:` is the inspection's to judge.
        let cadence = &site.config.inspection.cadence;
        if s.kind() == Kind::News
            && s.lang() == Lang::Zh
            && !cadence.contains_key(crate::inspect::columns::folder(s))
        {
            stale(site, s, out);
        }
    }
}

fn stale(site: &Site, s: &Section, out: &mut Vec<Problem>) {
    let days = s
        .doc
        .meta
        .stale_after_days
        .unwrap_or(site.config.stale_after_days);
    let newest = s.pages.iter().filter_map(|id| site.page(*id).date()).max();
    let Some(newest) = newest else { return };
    let age = (site.build_date - newest.date).get_days();
    if i64::from(age) > i64::from(days) {
        let source = &s.doc.source;
        let line = source
            .key_line("stale_after_days")
            .unwrap_or_else(|| title_line(source));
        out.push(
            warning(
                source,
                "stale-section",
                crate::text!(
                    "check-section-stale",
                    age = age,
                    newest = newest.iso_date(),
                    limit = days
                ),
            )
            .at_line(line)
            .help(crate::text!("check-section-stale-help")),
        );
    }
}
