//! One publish, in order: preflight, plan against the live release, link the unchanged files
//! into a new release folder, upload the changed ones, switch `current` in one rename, prune,
//! verify, log. Until the rename the live site is the old one; an interrupted publish leaves a
//! `releases/<id>.partial` folder that the next publish removes before starting over.

use super::changes::Plan;
use super::connect::open;
use super::error::PublishError;
use super::history;
use super::report::{Options, Progress, Record, Report, Step};
use super::target::Target;
use super::transport::{RELEASES, Transport};
use crate::integrity::{MANIFEST_FILE, Manifest};
use std::path::Path;

/// The finished build about to be published: its manifest and that manifest's bytes.
struct Build {
    manifest: Manifest,
    sha256: String,
    built_at: String,
}

fn read_build(output: &Path) -> Result<Build, PublishError> {
    let path = output.join(MANIFEST_FILE);
    let no_build = |reason: String| PublishError::NoBuild {
        path: path.display().to_string(),
        reason,
    };
    let bytes = std::fs::read(&path).map_err(|e| no_build(e.to_string()))?;
    let manifest = serde_json::from_slice(&bytes).map_err(|e| no_build(e.to_string()))?;
    let built_at = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| jiff::Timestamp::try_from(t).ok())
        .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default();
    Ok(Build {
        manifest,
        sha256: crate::digest::sha256_hex(&bytes),
        built_at,
    })
}

/// The live release and its manifest (None before the first publish, or if its record is gone).
fn live(t: &mut dyn Transport) -> Result<(Option<String>, Option<Manifest>), PublishError> {
    let Some(id) = t.live()? else {
        return Ok((None, None));
    };
    let manifest = t
        .read(&format!("{RELEASES}/{id}.json"))?
        .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
        .map(|stored| stored.manifest);
    Ok((Some(id), manifest))
}

/// A release's record file: the record and the release's manifest. It lies beside the release,
/// outside what the web server serves (as docs/deploy.md asks of manifests).
#[derive(serde::Serialize, serde::Deserialize)]
struct Stored {
    #[serde(flatten)]
    record: Record,
    manifest: Manifest,
}

/// What publishing `output` to `target` now would upload, keep and delete (changes nothing).
pub fn plan(
    target: &Target,
    output: &Path,
    progress: &mut dyn Progress,
) -> Result<Plan, PublishError> {
    let build = read_build(output)?;
    let mut transport = open(target, progress)?;
    let (_, live_manifest) = live(transport.as_mut())?;
    Ok(Plan::new(live_manifest.as_ref(), &build.manifest))
}

/// Publishes `options.output` to `target`.
pub fn run(
    target: &Target,
    options: &Options,
    progress: &mut dyn Progress,
) -> Result<Report, PublishError> {
    if !options.blockers.is_empty() {
        return Err(PublishError::Blocked(options.blockers.clone()));
    }
    let build = read_build(&options.output)?;
    let mut transport = open(target, progress)?;
    super::lock::with_lock(transport.as_mut(), &options.publisher, |t| {
        publish_locked(t, target, options, build, progress)
    })
}

/// The publish proper, with the target's lock held.
fn publish_locked(
    t: &mut dyn Transport,
    target: &Target,
    options: &Options,
    build: Build,
    progress: &mut dyn Progress,
) -> Result<Report, PublishError> {
    let (previous, live_manifest) = live(t)?;
    let plan = Plan::new(live_manifest.as_ref(), &build.manifest);
    progress.step(&Step::Planned {
        upload: plan.upload.len(),
        unchanged: plan.unchanged.len(),
        delete: plan.delete.len(),
    });
    if plan.delete_percent() > f64::from(target.max_delete_percent) && !options.confirmed {
        return Err(PublishError::TooManyDeletions {
            delete: plan.delete.len(),
            live: plan.live_files,
            percent: target.max_delete_percent,
        });
    }
    let record = Record {
        release: history::new_id(&t.list_releases()?),
        published_at: super::log::now(),
        publisher: options.publisher.clone(),
        build_date: build.built_at.clone(),
        manifest_sha256: build.sha256.clone(),
    };
    // Hard links are only safe from a release whose manifest says what its files are.
    let link_from = live_manifest.as_ref().and(previous.as_deref());
    let local = (options.output.as_path(), &build.manifest);
    transfer(t, &record, link_from, &plan, local, progress)?;
    let id = record.release.clone();
    let pruned = history::prune(t, target.keep, &id)?;
    let mut report = Report {
        target: target.name.clone(),
        release: id,
        previous,
        uploaded: plan.upload,
        unchanged: plan.unchanged.len(),
        deleted: plan.delete,
        manifest_sha256: build.sha256,
        pruned,
        verify: None,
    };
    if let Some(verify) = &options.verify {
        progress.step(&Step::Verifying {
            base_url: verify.base_url.clone(),
        });
        report.verify = Some(super::verify::live(verify, &build.manifest));
    }
    super::log::write(t, &options.local_log, &log_line(&record, &report))?;
    Ok(report)
}

/// Builds the new release beside the live one and switches to it; cancellable until the switch.
fn transfer(
    t: &mut dyn Transport,
    record: &Record,
    link_from: Option<&str>,
    plan: &Plan,
    build: (&Path, &Manifest),
    progress: &mut dyn Progress,
) -> Result<(), PublishError> {
    let (output, manifest) = build;
    let id = &record.release;
    let cancel = |p: &dyn Progress| {
        if p.cancelled() {
            Err(PublishError::Cancelled)
        } else {
            Ok(())
        }
    };
    cancel(progress)?;
    t.prepare(id, link_from, &plan.not_linked())?;
    progress.step(&Step::Linked);
    cancel(progress)?;
    t.upload(id, output, &plan.upload)?;
    progress.step(&Step::Uploaded {
        files: plan.upload.len(),
    });
    cancel(progress)?;
    let stored = Stored {
        record: record.clone(),
        manifest: manifest.clone(),
    };
    let record_json = serde_json::to_vec_pretty(&stored).unwrap_or_default();
    t.finish(id, &record_json)?;
    t.switch(id)?;
    progress.step(&Step::Switched {
        release: id.clone(),
    });
    Ok(())
}

/// The publish's line in the log: who, when, which build, which pages changed, the verify result.
fn log_line(record: &Record, report: &Report) -> serde_json::Value {
    serde_json::json!({
        "action": "publish",
        "target": report.target,
        "at": record.published_at,
        "publisher": record.publisher,
        "release": record.release,
        "previous": report.previous,
        "build_date": record.build_date,
        "manifest_sha256": record.manifest_sha256,
        "changed_pages": report.changed_pages(),
        "uploaded": report.uploaded.len(),
        "unchanged": report.unchanged,
        "deleted": report.deleted,
        "verify": report.verify,
    })
}
