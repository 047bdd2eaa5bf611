//! Running the guard over a whole site: every Markdown source and its rendered body, the files
//! published from `content/`, site.yaml's menus, the site's template overrides and the theme's
//! scripts. The guard scans text; this stage knows the site and says which file each text is.
//! Findings become [`Problem`]s that name the file and line; errors stop the build, warnings are
//! reported.

use crate::content::Source;
use crate::error::Problem;
use crate::error::Severity;
use crate::guard::report::{finding_text, problem, to_problem};
use crate::guard::{FileKind, Finding, Guard, Rule};
use crate::markdown::Rendered;
use crate::render::Theme;
use crate::site::Site;
use rayon::prelude::*;
use std::sync::Arc;

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
    let kind = FileKind::of(rel);
    if kind == FileKind::Binary {
        return Vec::new();
    }
    match std::fs::read(path) {
        Ok(bytes) => {
            let text: Arc<str> = String::from_utf8_lossy(&bytes).into();
            published(guard, rel, &bytes, true)
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

/// [`Guard::scan_published`], except that in `_redirects` a target on another host is an error:
/// `/* https://casino.example/ 301` sends the whole site elsewhere (issue 24). Backslashes are
/// read as browsers read them, `/\\host` as `//host`.
fn published(guard: &Guard, name: &str, bytes: &[u8], from_content: bool) -> Vec<Finding> {
    if FileKind::of(name) != FileKind::Redirects {
        return guard.scan_published(name, bytes, from_content);
    }
    let slashed: Vec<u8> = bytes
        .iter()
        .map(|&b| if b == b'\\' { b'/' } else { b })
        .collect();
    let mut findings = guard.scan_published(name, &slashed, from_content);
    for f in &mut findings {
        if matches!(
            f.rule,
            Rule::ExternalLink | Rule::LookalikeHost | Rule::PrivateLink
        ) {
            f.severity = Severity::Error;
        }
    }
    findings
}

/// Every link of site.yaml's menus goes through the link rules: it stands in every page header.
fn scan_menus(guard: &Guard, config: &crate::config::SiteConfig) -> Vec<Problem> {
    config
        .menus
        .iter()
        .flat_map(|(lang, items)| items.iter().map(move |item| (lang, item)))
        .filter(|(_, item)| !item.link.starts_with("@/"))
        .filter_map(|(lang, item)| {
            // Browsers read `/\host` as `//host`, another site (issue 24).
            let mut f = guard.check_config_link(&item.link.replace('\\', "/"))?;
            // A menu link to a host outside the allowlist stands in every page: it stops the
            // build, as docs/guard.md says, instead of being only a warning.
            f.severity = Severity::Error;
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

/// A page (or section) and its rendered body; markup the sanitizer removed from the body is
/// a warning.
pub fn scan_document(guard: &Guard, source: &Source, body: &Rendered) -> Vec<Problem> {
    // As `Guard::page_problems`, the source's text shared (see `shared_problem`): findings of
    // the source come first, then those only the rendered page has, which have no line.
    let (findings, in_source) = guard.scan_page(&source.text, &body.html);
    let mut problems: Vec<Problem> = findings
        .into_iter()
        .enumerate()
        .map(|(i, f)| to_problem(f, &source.file, Some(&source.text), i < in_source))
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
            let text: Arc<str> = String::from_utf8_lossy(&file.bytes).into();
            for f in guard.scan_template(&text, &scripts) {
                problems.push(to_problem(f, &file.origin, Some(&text), true));
            }
        }
    }
    for name in theme.overridden.iter().filter(|n| n.starts_with("static/")) {
        let Some(file) = theme.files.get(name) else {
            continue;
        };
        if FileKind::of(name) == FileKind::Script {
            continue; // below, with the theme's own scripts
        }
        let text: Arc<str> = String::from_utf8_lossy(&file.bytes).into();
        for f in published(guard, name, &file.bytes, false) {
            problems.push(to_problem(f, &file.origin, Some(&text), true));
        }
    }
    for (path, file) in theme.static_files().filter(|(p, _)| p.ends_with(".js")) {
        let text: Arc<str> = String::from_utf8_lossy(&file.bytes).into();
        // The theme's own code may use what looks like obfuscation elsewhere (String.fromCharCode
        // to fold full-width characters); sniffing and redirects are never allowed in any script.
        let from_site = theme
            .overridden
            .iter()
            .any(|o| o == &format!("static/{path}"));
        let findings = guard.scan_script(&text).into_iter();
        for f in findings.filter(|f| from_site || f.rule != Rule::Script) {
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
