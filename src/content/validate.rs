//! Validating one page's front matter against its section's kind — for a full load and for serve
//! re-reading one file alike — and placing each failure in the file that has to change.

use super::frontmatter::RawPage;
use super::kinds::{self, Common, Invalid, Kind};
use super::{MarkdownFile, PageDoc, Source, doc_name, placeholder};
use crate::config::SiteConfig;
use crate::error::Problem;
use std::collections::HashMap;

/// Why a page's front matter was not accepted.
pub(super) enum Rejected {
    /// Invalid or missing values, each placed in the file that has to change.
    Invalid(Vec<Problem>),
    /// Placeholder text left by `civic new`.
    Unfinished(Vec<Problem>),
}

/// Validate one page against the kind of the section it sits in. `zh` is an English twin's
/// Chinese source (its front matter and file), which it inherits from: a full load and serve's
/// re-reading of one file both validate a page here.
pub(super) fn validate_page(
    md: &MarkdownFile,
    mut raw: Box<RawPage>,
    source: Source,
    zh: Option<(&RawPage, &Source)>,
    kinds: &HashMap<&str, Kind>,
    config: &SiteConfig,
) -> Result<PageDoc, Rejected> {
    if let Some((zh_raw, _)) = zh {
        raw.inherit_from(zh_raw);
    }
    let (section_dir, kind) = owning_section(&md.dir, kinds);
    let name = doc_name(md);
    match kinds::page_meta(*raw, kind, &name, config) {
        Ok((common, data)) => {
            let unfinished = placeholder_problems(&common, &source);
            if !unfinished.is_empty() {
                return Err(Rejected::Unfinished(unfinished));
            }
            Ok(PageDoc::new(md, section_dir, name, (common, data), source))
        }
        Err(invalids) => {
            let fallback = zh.map(|(_, source)| source);
            Err(Rejected::Invalid(
                invalids
                    .into_iter()
                    .map(|i| invalid_to_problem(i, &source, fallback))
                    .collect(),
            ))
        }
    }
}

/// Placeholder text left by `civic new`: an error unless the page is a draft.
fn placeholder_problems(common: &Common, source: &Source) -> Vec<Problem> {
    if common.draft {
        Vec::new()
    } else {
        placeholder::problems(source)
    }
}

/// The content-relative folder of the nearest section at or above `dir`.
fn owning_section<'a>(dir: &'a str, sections: &HashMap<&str, Kind>) -> (&'a str, Kind) {
    let mut d = dir;
    loop {
        if let Some(kind) = sections.get(d) {
            return (d, *kind);
        }
        match d.rsplit_once('/') {
            Some((parent, _)) => d = parent,
            None if !d.is_empty() => d = "",
            None => return ("", Kind::Page),
        }
    }
}

/// Place a validation failure in the file that has to change. A key this file writes is this
/// file's; a key an English twin inherits without writing it is its Chinese source's (`fallback`);
/// a missing key is this file's, beside the key it belongs with when this file writes that one
/// (a missing `photo_alt` beside `photo:`), else at the opening `---`.
pub(super) fn invalid_to_problem(
    inv: Invalid,
    source: &Source,
    fallback: Option<&Source>,
) -> Problem {
    let key = inv.key.unwrap_or("title");
    let inherited_from = fallback
        .filter(|_| RawPage::inherits(key))
        .and_then(|fb| fb.key_line(key).map(|line| (fb, line)));
    let beside = || RawPage::described_by(key).and_then(|other| source.key_line(other));
    let (src, line) = match (source.key_line(key), inherited_from) {
        (Some(line), _) => (source, line),
        (None, Some((fb, line))) => (fb, line),
        (None, None) => (
            source,
            beside().unwrap_or(source.yaml_line.saturating_sub(1).max(1)),
        ),
    };
    src.problem("invalid-front-matter", inv.message)
        .help(inv.help)
        .at_line(line)
}
