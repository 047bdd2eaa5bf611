//! Inspection-ready builds: what the national inspection of government websites (国办秘函〔2019〕
//! 19号) vetoes or deducts for, found in the site's own files before anything is published —
//! protected names written wrong ([`names`]), personal data in pages and attachments
//! ([`personal`], [`extract`]), secret markings ([`secrets`]), empty, stale and undated columns
//! ([`columns`]), attachments that are broken or mislabelled ([`attachments`]). Findings are
//! ordinary [`Problem`]s with their own codes: veto items are errors, deductions warnings.
//! [`report`] groups them by the inspection's items for `civic check --inspection`.

pub mod attachments;
pub mod columns;
pub mod extract;
pub mod names;
pub mod personal;
pub mod report;
pub mod secrets;
pub mod titles;

use crate::content::Source;
use crate::error::Problem;
use crate::site::Site;
use jiff::civil::Date;
use std::path::Path;

/// Every inspection finding of a site that loaded: the names lists' own problems, then each
/// page's and section's text, then attachments and columns.
pub fn inspect(site: &Site, root: &Path) -> Vec<Problem> {
    let mut out = text_checks(site, root, |_| true);
    attachments::check(site, root, &mut out);
    columns::check(site, &mut out);
    out
}

/// The findings at one page's or section's file, as a sign-off records them: its text's and
/// the columns' (one file's checks, not the whole site's, for each signature).
pub fn inspect_file(site: &Site, root: &Path, file: &str) -> Vec<Problem> {
    let mut out = text_checks(site, root, |s| s.file == file);
    out.retain(|p| p.file.as_deref() == Some(file));
    let mut columns = Vec::new();
    columns::check(site, &mut columns);
    out.extend(
        columns
            .into_iter()
            .filter(|p| p.file.as_deref() == Some(file)),
    );
    out
}

/// The names lists' own problems, then names, personal data and markings in each text `wanted`.
fn text_checks(site: &Site, root: &Path, wanted: impl Fn(&Source) -> bool) -> Vec<Problem> {
    use rayon::prelude::*;
    let (lists, mut out) = names::load(root, site.build_date, &site.config.inspection);
    let checker = names::Checker::new(&lists);
    let texts: Vec<_> = texts(site).filter(|(s, _, _)| wanted(s)).collect();
    // In parallel, as the guard scans; collected in file order, so the findings' order holds.
    let found: Vec<Vec<Problem>> = texts
        .par_iter()
        .map(|(source, date, allowed)| {
            let mut found = Vec::new();
            checker.check(source, &mut found);
            titles::check_source(&lists.names, source, *date, &mut found);
            personal::check_source(source, allowed, &mut found);
            secrets::check_source(source, &mut found);
            found
        })
        .collect();
    out.extend(found.into_iter().flatten());
    out
}

/// Whether `p` vetoes the site in the inspection: every error, and the site-wide count of
/// empty columns, which a build only warns about.
pub fn is_veto(p: &Problem) -> bool {
    p.is_error() || p.code == "columns-empty-veto"
}

/// A page's or section's source with the date its words are read on (a title held "on the
/// page's date") and the numbers it allows.
fn texts(site: &Site) -> impl Iterator<Item = (&Source, Date, Vec<personal::Allowed>)> {
    let pages = site.pages.iter().map(move |p| {
        let date = p.date().map_or(site.build_date, |d| d.date);
        let allowed = personal::allowed(&p.doc.common.extra);
        (&p.doc.source, date, allowed)
    });
    let sections = site.sections.iter().map(move |s| {
        let allowed = personal::allowed(&s.doc.meta.extra);
        (&s.doc.source, site.build_date, allowed)
    });
    pages.chain(sections)
}

/// The inspection's items, in the order its report lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    /// 严重表述错误
    Wording,
    /// 个人信息泄露
    PersonalData,
    /// 涉密信息
    Secret,
    /// 空白栏目、不更新栏目
    Columns,
    /// 链接与附件
    Links,
    /// 三审三校
    Review,
    /// Everything else Civic checks (translation, alt text, the guard).
    Other,
}

impl Item {
    pub const ALL: [Item; 7] = [
        Item::Wording,
        Item::PersonalData,
        Item::Secret,
        Item::Columns,
        Item::Links,
        Item::Review,
        Item::Other,
    ];

    /// The item a finding's code belongs to.
    pub fn of(code: &str) -> Item {
        match code {
            "protected-name" | "protected-title" | "names-list-stale" | "names-list-invalid" => {
                Item::Wording
            }
            "personal-id" | "personal-mobile" | "personal-bank-card" | "personal-allowed" => {
                Item::PersonalData
            }
            "secret-marking" => Item::Secret,
            "column-empty" | "columns-empty-veto" | "column-stale" | "home-stale"
            | "undated-item" | "stale-section" | "empty-section" => Item::Columns,
            "broken-link" | "broken-anchor" | "attachment-type" | "attachment-broken"
            | "attachment-size" => Item::Links,
            "review-unsigned" | "review-stale" | "reviewers-invalid" | "review-record-invalid" => {
                Item::Review
            }
            _ => Item::Other,
        }
    }

    /// The item's heading, a catalogue key.
    pub fn heading(self) -> crate::messages::Text {
        match self {
            Item::Wording => crate::text!("inspect-item-wording"),
            Item::PersonalData => crate::text!("inspect-item-personal"),
            Item::Secret => crate::text!("inspect-item-secret"),
            Item::Columns => crate::text!("inspect-item-columns"),
            Item::Links => crate::text!("inspect-item-links"),
            Item::Review => crate::text!("inspect-item-review"),
            Item::Other => crate::text!("inspect-item-other"),
        }
    }
}

/// 1-based line of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

fn warning(mut p: Problem) -> Problem {
    p.severity = crate::error::Severity::Warning;
    p
}
