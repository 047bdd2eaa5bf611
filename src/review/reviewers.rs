//! Who may sign: `data/reviewers.yaml` names each reviewer with the level they sign at, so a
//! sign-off's name and level come from the site's data, not from whoever types a name.

use super::Level;
use crate::error::Problem;
use serde::Deserialize;
use std::path::Path;

pub const REVIEWERS_FILE: &str = "data/reviewers.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReviewers {
    reviewers: Vec<RawReviewer>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReviewer {
    name: String,
    level: u8,
}

/// A person who signs at one level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reviewer {
    pub name: String,
    pub level: Level,
}

fn invalid(line: usize, message: crate::messages::Text) -> Problem {
    Problem::error("reviewers-invalid", message)
        .in_file(REVIEWERS_FILE)
        .at_line(line)
        .help(crate::text!("review-reviewers-help"))
}

/// The site's reviewers (a missing file is an error once review is on: nobody could sign).
pub fn load(root: &Path) -> Result<Vec<Reviewer>, Problem> {
    let text = std::fs::read_to_string(root.join(REVIEWERS_FILE)).map_err(|e| {
        invalid(
            1,
            crate::text!("review-reviewers-unreadable", reason = e.to_string()),
        )
    })?;
    let raw: RawReviewers = crate::yaml::parse(&text).map_err(|e| invalid(e.line, e.message))?;
    raw.reviewers
        .into_iter()
        .map(|r| {
            let level = Level::new(r.level).ok_or_else(|| {
                invalid(
                    crate::yaml::key_line(&text, "level").unwrap_or(1),
                    crate::text!("review-level-invalid", level = i64::from(r.level)),
                )
            })?;
            Ok(Reviewer {
                name: r.name.trim().to_string(),
                level,
            })
        })
        .collect()
}
