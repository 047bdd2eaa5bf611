//! Running the guard over a whole site: every Markdown source and its rendered body, the site's
//! template overrides and the theme's scripts. Findings become [`Problem`]s that name the file and
//! line; errors stop the build, warnings are reported.

use super::{Finding, Guard, merge_page_findings};
use crate::content::Source;
use crate::error::Problem;
use crate::markdown::Rendered;
use crate::messages::Text;
use crate::render::Theme;
use crate::site::Site;
use rayon::prelude::*;

pub fn scan(guard: &Guard, site: &Site, theme: &Theme) -> Vec<Problem> {
    let documents: Vec<(&Source, &Rendered)> = site
        .pages
        .iter()
        .map(|p| (&p.doc.source, &p.body))
        .chain(site.sections.iter().map(|s| (&s.doc.source, &s.body)))
        .collect();
    let mut problems: Vec<Problem> = documents
        .par_iter()
        .flat_map_iter(|(source, body)| scan_document(guard, source, body))
        .collect();
    problems.extend(scan_theme(guard, theme));
    problems.extend(
        site.assets
            .par_iter()
            .flat_map_iter(|asset| scan_asset(guard, &asset.rel, &asset.path))
            .collect::<Vec<_>>(),
    );
    problems.extend(scan_menus(guard, &site.config));
    problems
}

/// A file of `content/` published as it is, scanned by its type ([`Guard::scan_published`]).
fn scan_asset(guard: &Guard, rel: &str, path: &std::path::Path) -> Vec<Problem> {
    let shown = format!("{}/{rel}", crate::content::CONTENT_DIR);
    let kind = super::published::FileKind::of(rel);
    if kind == super::published::FileKind::Binary {
        return Vec::new();
    }
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            guard
                .scan_published(rel, &bytes, true)
                .into_iter()
                .map(|f| to_problem(f, &shown, Some(&text), true))
                .collect()
        }
        Err(e) => vec![
            Problem::error(
                "unreadable",
                crate::text!("guard-asset-unreadable", reason = e.to_string()),
            )
            .in_file(&shown),
        ],
    }
}

/// Every link of site.yaml's menus goes through the link rules: it stands in every page header.
fn scan_menus(guard: &Guard, config: &crate::config::SiteConfig) -> Vec<Problem> {
    config
        .menus
        .iter()
        .flat_map(|(lang, items)| items.iter().map(move |item| (lang, item)))
        .filter(|(_, item)| !item.link.starts_with("@/"))
        .filter_map(|(lang, item)| {
            let f = guard.check_config_link(&item.link)?;
            let message = crate::text!(
                "guard-menu-link",
                label = &item.label,
                lang = lang.code(),
                finding = finding_text(&f)
            );
            Some(problem(f, crate::config::CONFIG_FILE, message))
        })
        .collect()
}

pub fn scan_document(guard: &Guard, source: &Source, body: &Rendered) -> Vec<Problem> {
    let from_source = guard.scan_source(&source.text);
    let from_html = guard.scan_html(&body.html);
    let source_count = from_source.len();
    let merged = merge_page_findings(from_source, from_html);
    let mut problems: Vec<Problem> = merged
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            // Findings only seen in the rendered HTML have no source line to point at.
            to_problem(f, &source.file, Some(&source.text), i < source_count)
        })
        .collect();
    problems.extend(body.removed_html.iter().map(|what| {
        Problem::warning(
            "raw-html-removed",
            crate::text!("guard-raw-html-removed", what = what.clone()),
        )
        .in_file(&source.file)
        .help(crate::text!("guard-raw-html-removed-help"))
    }));
    problems
}

fn scan_theme(guard: &Guard, theme: &Theme) -> Vec<Problem> {
    let scripts: Vec<String> = theme
        .static_files()
        .filter(|(path, _)| path.ends_with(".js"))
        .flat_map(|(path, _)| [format!("/{path}"), format!("{{{{ static_url }}}}{path}")])
        .collect();
    let mut problems = Vec::new();
    for name in theme
        .overridden
        .iter()
        .filter(|n| n.starts_with("templates/"))
    {
        if let Some(file) = theme.files.get(name) {
            let text = String::from_utf8_lossy(&file.bytes);
            for f in guard.scan_template(&text, &scripts) {
                problems.push(to_problem(f, &file.origin, Some(&text), true));
            }
        }
    }
    for name in theme.overridden.iter().filter(|n| n.starts_with("static/")) {
        let Some(file) = theme.files.get(name) else {
            continue;
        };
        if super::published::FileKind::of(name) == super::published::FileKind::Script {
            continue; // below, with the theme's own scripts
        }
        let text = String::from_utf8_lossy(&file.bytes);
        for f in guard.scan_published(name, &file.bytes, false) {
            problems.push(to_problem(f, &file.origin, Some(&text), true));
        }
    }
    for (path, file) in theme.static_files().filter(|(p, _)| p.ends_with(".js")) {
        let text = String::from_utf8_lossy(&file.bytes);
        // The theme's own code may use what looks like obfuscation elsewhere (String.fromCharCode
        // to fold full-width characters); sniffing and redirects are never allowed in any script.
        let from_site = theme
            .overridden
            .iter()
            .any(|o| o == &format!("static/{path}"));
        let findings = guard.scan_script(&text).into_iter();
        for f in findings.filter(|f| from_site || f.rule != super::Rule::Script) {
            let origin = if file.origin.is_empty() {
                path.to_string()
            } else {
                file.origin.clone()
            };
            problems.push(to_problem(f, &origin, Some(&text), true));
        }
    }
    problems
}

/// The problem for finding `f` of `text` in `file`; a finding only seen in the rendered page
/// (`located` false) has no line of the file to point at, and says so.
fn to_problem(f: Finding, file: &str, text: Option<&str>, located: bool) -> Problem {
    if !located {
        let message = crate::text!("guard-in-rendered-page", finding = finding_text(&f));
        return problem(f, file, message);
    }
    let (line, column, message) = (f.line, f.column, finding_text(&f));
    let p = problem(f, file, message).at(line, column);
    match text {
        Some(text) => p.with_source(&text.into()),
        None => p,
    }
}

/// The problem for finding `f` of `file`, reading `message`, with the finding's severity, help
/// and signals.
fn problem(f: Finding, file: &str, message: Text) -> Problem {
    let mut p = Problem::error("guard", message).in_file(file);
    p.severity = f.severity;
    p.help = f.help.map(Box::new);
    p.signals = f.signals;
    p
}

/// What the guard found, the rule's name and the text it matched.
fn finding_text(f: &Finding) -> Text {
    crate::text!(
        "guard-finding",
        finding = f.message.clone(),
        rule = f.rule.as_str(),
        matched = &f.matched
    )
}
