//! What stands between a site and its publication, found the one way the command and the desk
//! both use: build the site (its errors block), then `check::publish_gate` (the inspection's
//! veto items and, with review on, the pages not signed at every level).

use super::report::Blocker;
use crate::error::{Failed, Problem};
use crate::pipeline::BuildOptions;

/// The build's and the gate's findings, and the blockers among them.
pub struct Preflight {
    /// Everything found, warnings included, for the report.
    pub problems: Vec<Problem>,
    /// What stops publishing; empty when the site may go online.
    pub blockers: Vec<Blocker>,
    /// The build failed: `problems` are its errors, and the output is the previous build's.
    pub build_failed: bool,
}

/// Builds `options` into its output and runs the publish gate on the result.
pub fn preflight(options: &BuildOptions) -> Preflight {
    match crate::pipeline::build(options) {
        Ok(built) => {
            let gate = crate::check::publish_gate(options);
            let blockers = gate.iter().map(blocker).collect();
            let mut problems = built.warnings;
            problems.extend(gate);
            Preflight {
                problems,
                blockers,
                build_failed: false,
            }
        }
        Err(Failed(problems)) => Preflight {
            blockers: problems
                .iter()
                .filter(|p| p.is_error())
                .map(blocker)
                .collect(),
            problems,
            build_failed: true,
        },
    }
}

/// The gate alone, on the output as it is (`civic publish --no-build`).
pub fn gate(options: &BuildOptions) -> Preflight {
    let problems = crate::check::publish_gate(options);
    Preflight {
        blockers: problems.iter().map(blocker).collect(),
        problems,
        build_failed: false,
    }
}

fn blocker(p: &Problem) -> Blocker {
    Blocker {
        file: p.file.as_deref().unwrap_or("").to_string(),
        reason: p.message.clone(),
    }
}
