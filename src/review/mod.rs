//! 三审三校 / 先审后发: with `review:` in site.yaml a page is published only when every level has
//! signed the version of its source file that is there now — level 1 the editor (初审), 2 the
//! section head (复审), 3 the leader in charge (终审). Each sign-off records the signer's name
//! (from `data/reviewers.yaml`, so a level-1 editor cannot sign level 3), the date, the SHA-256
//! of the file as signed and the findings the signer saw; it is kept beside the page
//! ([`record`]). Editing the page makes its sign-offs stale.
//!
//! The library API ([`status`], [`sign`], [`publish_blockers`]) is what `civic review`, `civic
//! check`, `civic publish` and the browser desk call; [`register`] writes the 发布审核登记表.

pub mod record;
pub mod register;
pub mod reviewers;

pub use record::SignOff;
pub use reviewers::Reviewer;

use crate::error::{Failed, Problem};
use crate::site::Site;
use jiff::civil::Date;
use std::path::Path;

/// A review level, 1 to 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Level(u8);

impl Level {
    pub fn new(n: u8) -> Option<Level> {
        (1..=3).contains(&n).then_some(Level(n))
    }
    pub fn get(self) -> u8 {
        self.0
    }
    /// 初审 / 复审 / 终审 with the role, in the reader's words.
    pub fn label(self) -> crate::messages::Text {
        match self.0 {
            1 => crate::text!("review-level-1"),
            2 => crate::text!("review-level-2"),
            _ => crate::text!("review-level-3"),
        }
    }
}

/// Where one level stands for one page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum State {
    /// Signed, and the file is still what was signed.
    Signed(SignOff),
    /// Signed, but the file has changed since.
    Stale(SignOff),
    Missing,
}

/// The review of one page or section: its file, title, the file's SHA-256 now, and each level.
#[derive(Clone, Debug)]
pub struct PageReview {
    pub file: String,
    pub title: String,
    pub sha256: String,
    pub levels: Vec<(Level, State)>,
}

impl PageReview {
    /// Whether every level has signed the file as it is now.
    pub fn complete(&self) -> bool {
        self.levels
            .iter()
            .all(|(_, s)| matches!(s, State::Signed(_)))
    }
    /// The first level still to sign (missing or stale).
    pub fn awaiting(&self) -> Option<Level> {
        self.levels
            .iter()
            .find(|(_, s)| !matches!(s, State::Signed(_)))
            .map(|(l, _)| *l)
    }
}

/// How many levels the site's review has (3 when site.yaml has no `review:`).
fn levels(site: &Site) -> Vec<Level> {
    let n = site
        .config
        .review
        .as_ref()
        .map_or(3, |r| r.levels.clamp(1, 3));
    (1..=n).filter_map(Level::new).collect()
}

/// Every published page and section with the state of each level, in file order.
pub fn status(site: &Site, root: &Path) -> Result<Vec<PageReview>, Failed> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (source, title) in docs(site) {
        match page_review(site, root, &source.file, title) {
            Ok(r) => out.push(r),
            Err(p) => problems.push(p),
        }
    }
    if !problems.is_empty() {
        return Err(Failed(problems));
    }
    out.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(out)
}

/// Every published page's and section's source with its title.
fn docs(site: &Site) -> impl Iterator<Item = (&crate::content::Source, &str)> {
    let pages = site.pages.iter().map(|p| (&p.doc.source, p.title()));
    let sections = site
        .sections
        .iter()
        .map(|s| (&s.doc.source, s.doc.meta.title.as_str()));
    pages.chain(sections)
}

fn file_sha(root: &Path, file: &str) -> Result<String, Problem> {
    std::fs::read(root.join(file))
        .map(|b| crate::digest::sha256_hex(&b))
        .map_err(|e| {
            Problem::error(
                "review-record-invalid",
                crate::text!("review-record-unreadable", reason = e.to_string()),
            )
            .in_file(file)
        })
}

fn page_review(site: &Site, root: &Path, file: &str, title: &str) -> Result<PageReview, Problem> {
    let sha256 = file_sha(root, file)?;
    let signed = record::read(root, file)?;
    let levels = levels(site)
        .into_iter()
        .map(|level| {
            let state = match signed.iter().find(|s| s.level == level) {
                Some(s) if s.sha256 == sha256 => State::Signed(s.clone()),
                Some(s) => State::Stale(s.clone()),
                None => State::Missing,
            };
            (level, state)
        })
        .collect();
    Ok(PageReview {
        file: file.to_string(),
        title: title.to_string(),
        sha256,
        levels,
    })
}

/// Sign `file` (site-relative, `content/news/x.md`) at `level` as `signer` on `date`. The signer
/// must be a reviewer of that level in `data/reviewers.yaml`, and the levels below must have
/// signed the file as it is now (三审 go in order). Returns the sign-off written.
pub fn sign(
    site: &Site,
    root: &Path,
    file: &str,
    level: Level,
    signer: &str,
    date: Date,
) -> Result<SignOff, Failed> {
    let reviewers = reviewers::load(root).map_err(|p| Failed(vec![p]))?;
    let fail = |m: crate::messages::Text, h: crate::messages::Text| {
        Failed(vec![Problem::error("review-sign", m).in_file(file).help(h)])
    };
    let listed: Vec<&Reviewer> = reviewers
        .iter()
        .filter(|r| r.name == signer.trim())
        .collect();
    let Some(first) = listed.first() else {
        let names: Vec<&str> = reviewers
            .iter()
            .filter(|r| r.level == level)
            .map(|r| r.name.as_str())
            .collect();
        return Err(fail(
            crate::text!("review-unknown-signer", name = signer),
            crate::text!(
                "review-signers-help",
                names = names.join("、"),
                level = level.label()
            ),
        ));
    };
    let Some(reviewer) = listed.iter().find(|r| r.level == level) else {
        return Err(fail(
            crate::text!(
                "review-wrong-level",
                name = signer,
                level = level.label(),
                theirs = first.level.label()
            ),
            crate::text!("review-wrong-level-help"),
        ));
    };
    let mut all = record::read(root, file).map_err(|p| Failed(vec![p]))?;
    // One person, one level: whoever signed another level of this page (even a version since
    // edited) may not sign this one too.
    if let Some(other) = all
        .iter()
        .find(|s| s.name == reviewer.name && s.level != level)
    {
        return Err(fail(
            crate::text!(
                "review-same-signer",
                name = reviewer.name.as_str(),
                other = other.level.label()
            ),
            crate::text!("review-same-signer-help", level = level.label()),
        ));
    }
    let Some((_, title)) = docs(site).find(|(s, _)| s.file == file) else {
        return Err(fail(
            crate::text!("review-no-page", file = file),
            crate::text!("review-no-page-help"),
        ));
    };
    let page = page_review(site, root, file, title).map_err(|p| Failed(vec![p]))?;
    if let Some(first) = page.awaiting().filter(|l| *l < level) {
        return Err(fail(
            crate::text!(
                "review-out-of-order",
                level = level.label(),
                first = first.label()
            ),
            crate::text!("review-out-of-order-help"),
        ));
    }
    let findings = crate::inspect::inspect_file(site, root, file)
        .into_iter()
        .map(|p| {
            format!(
                "{} {}: {}",
                p.code,
                p.location(),
                p.message.in_lang(crate::lang::Lang::Zh)
            )
        })
        .collect();
    let signoff = SignOff {
        level,
        name: reviewer.name.clone(),
        date,
        sha256: page.sha256.clone(),
        findings,
    };
    all.retain(|s| s.level != level);
    all.push(signoff.clone());
    all.sort_by_key(|s| s.level);
    record::write(root, file, &all).map_err(|p| Failed(vec![p]))?;
    Ok(signoff)
}

/// Why pages may not be published: with `review:` on and required, each page or section whose
/// levels have not all signed its current version is an error at its file. Empty when review is
/// off.
pub fn publish_blockers(site: &Site, root: &Path) -> Vec<Problem> {
    if !site.config.review.as_ref().is_some_and(|r| r.required) {
        return Vec::new();
    }
    let reviews = match status(site, root) {
        Ok(r) => r,
        Err(Failed(problems)) => return problems,
    };
    let mut out: Vec<Problem> = reviewers::load(root).err().into_iter().collect();
    for r in reviews.iter().filter(|r| !r.complete()) {
        let stale: Vec<String> = r
            .levels
            .iter()
            .filter(|(_, s)| matches!(s, State::Stale(_)))
            .map(|(l, _)| l.get().to_string())
            .collect();
        let missing: Vec<String> = r
            .levels
            .iter()
            .filter(|(_, s)| *s == State::Missing)
            .map(|(l, _)| l.get().to_string())
            .collect();
        let p = if stale.is_empty() {
            Problem::error(
                "review-unsigned",
                crate::text!("review-unsigned", levels = missing.join("、")),
            )
        } else {
            Problem::error(
                "review-stale",
                crate::text!("review-stale", levels = stale.join("、")),
            )
        };
        out.push(
            p.in_file(&r.file)
                .at_line(1)
                .help(crate::text!("review-blocker-help", file = r.file.as_str())),
        );
    }
    out
}
