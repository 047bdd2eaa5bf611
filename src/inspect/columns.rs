//! Columns as an inspection sees them: a column that exists in one language has items in both
//! (an empty English column counts as empty), five or more empty columns make a site
//! unqualified, a column listed under `inspection: cadence:` has a new item within its days,
//! the home page has something new within `home_days`, and every content page carries a
//! visible date (an item without one counts as not updated).

use crate::error::Problem;
use crate::lang::Lang;
use crate::site::{Section, Site};

/// How many empty columns make a site unqualified.
const VETO_EMPTY: usize = 5;

pub fn check(site: &Site, out: &mut Vec<Problem>) {
    let mut empty = 0;
    for s in site.sections.iter().filter(|s| !s.is_home()) {
        if is_empty(s) {
            empty += 1;
            if let Some(twin) = s
                .translation
                .map(|t| site.section(t))
                .filter(|t| !is_empty(t))
            {
                out.push(empty_twin(s, twin));
            }
        }
        stale(site, s, out);
    }
    if empty >= VETO_EMPTY {
        out.push(
            // A warning to the build (a new site starts with empty columns); a veto in the
            // inspection's report and before publishing ([`super::is_veto`]).
            super::warning(Problem::error(
                "columns-empty-veto",
                crate::text!("inspect-columns-veto", count = empty as i64),
            ))
            .in_file(crate::config::CONFIG_FILE)
            .help(crate::text!("inspect-columns-veto-help")),
        );
    }
    for lang in [Lang::Zh, Lang::En] {
        home(site, lang, out);
    }
    undated(site, out);
}

fn is_empty(s: &Section) -> bool {
    s.pages.is_empty() && s.children.is_empty()
}

fn title_line(s: &Section) -> usize {
    s.doc.source.key_line("title").unwrap_or(1)
}

fn empty_twin(s: &Section, twin: &Section) -> Problem {
    super::warning(Problem::error(
        "column-empty",
        crate::text!(
            "inspect-column-empty-twin",
            twin = twin.doc.source.file.as_str(),
            count = twin.pages.len() as i64
        ),
    ))
    .in_file(&s.doc.source.file)
    .at_line(title_line(s))
    .help(crate::text!("inspect-column-empty-help"))
}

/// The folder of a section under content/ (`news`, `""` for the home page).
pub fn folder(s: &Section) -> &str {
    let file = &s.doc.source.file;
    let rel = file.strip_prefix("content/").unwrap_or(file);
    rel.rsplit_once('/').map_or("", |(dir, _)| dir)
}

fn stale(site: &Site, s: &Section, out: &mut Vec<Problem>) {
    let Some(&days) = site.config.inspection.cadence.get(folder(s)) else {
        return;
    };
    let newest = s.pages.iter().filter_map(|id| site.page(*id).date()).max();
    let age = newest.map(|n| (site.build_date - n.date).get_days());
    if age.is_some_and(|a| a <= days as i32) || s.pages.is_empty() {
        return;
    }
    let newest = newest.map_or_else(|| "—".to_string(), |n| n.iso_date());
    out.push(
        super::warning(Problem::error(
            "column-stale",
            crate::text!("inspect-column-stale", newest = newest, limit = days as i64),
        ))
        .in_file(&s.doc.source.file)
        .at_line(title_line(s))
        .help(crate::text!(
            "inspect-column-stale-help",
            folder = folder(s)
        )),
    );
}

fn home(site: &Site, lang: Lang, out: &mut Vec<Problem>) {
    let Some(home) = site.home(lang) else { return };
    let newest = site.pages_in(lang).filter_map(|p| p.date()).max();
    let Some(newest) = newest else { return };
    let limit = site.config.inspection.home_days;
    if (site.build_date - newest.date).get_days() > limit as i32 {
        out.push(
            super::warning(Problem::error(
                "home-stale",
                crate::text!(
                    "inspect-home-stale",
                    newest = newest.iso_date(),
                    limit = limit as i64
                ),
            ))
            .in_file(&home.doc.source.file)
            .at_line(title_line(home))
            .help(crate::text!("inspect-home-stale-help")),
        );
    }
}

/// Content pages of any kind without `date:` or `updated:`: they show no date, and the
/// inspection counts an item without a visible date as never updated. An English twin
/// inherits its Chinese page's dates, so only the Chinese page is reported (one date there
/// fixes both).
fn undated(site: &Site, out: &mut Vec<Problem>) {
    for p in site.pages.iter().filter(|p| p.last_date().is_none()) {
        let inherits = p.lang() == Lang::En && p.translation.is_some();
        if inherits {
            continue;
        }
        let source = &p.doc.source;
        out.push(
            super::warning(Problem::error(
                "undated-item",
                crate::text!(
                    "inspect-undated",
                    column = site.section(p.section).doc.meta.title.as_str()
                ),
            ))
            .in_file(&source.file)
            .at_line(source.yaml_line)
            .help(crate::text!("inspect-undated-help")),
        );
    }
}
