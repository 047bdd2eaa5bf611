//! Writing what changed: the fingerprint of every job, rendering the jobs whose fingerprint
//! changed, writing their files (atomically, on several threads), deleting files no job makes any
//! more, and keeping the integrity manifest current.

use super::{JobRecord, Model, Rendered};
use crate::error::{Failed, Problem};
use crate::output::OutputFile;
use crate::render::jobs::deps::{self, Shared};
use crate::render::jobs::inputs::{self, Files};
use crate::render::{self, Job, Prepared};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

pub(super) fn fingerprints(model: &Model) -> Vec<(String, Job, u64)> {
    let site = &model.site;
    let shared = Shared::new(site);
    render::plan(site)
        .into_par_iter()
        .map(|job| {
            let fp = deps::fingerprint(site, &shared, &model.hashes, &job);
            (deps::key(site, &job), job, fp)
        })
        .collect()
}

/// Run `render` with the model's images and summaries lent to a [`Prepared`], and take them
/// back afterwards for the next edit.
pub(super) fn with_prepared<T>(model: &mut Model, render: impl FnOnce(&Prepared<'_>) -> T) -> T {
    let images = std::mem::take(&mut model.images);
    let summaries = std::mem::take(&mut model.summaries);
    let prepared = Prepared::from_parts(
        &model.site,
        &model.renderer,
        images,
        summaries,
        model.indexer.as_ref(),
    );
    let out = render(&prepared);
    let (images, summaries) = prepared.into_parts();
    model.images = images;
    model.summaries = summaries;
    out
}

/// Fingerprints and files of every job of a full build, as each job declares them. A search
/// index declares only its folder: its files are those the build left there.
pub(super) fn initial_records(
    model: &Model,
    output: &Path,
) -> Result<HashMap<String, JobRecord>, Failed> {
    let site = &model.site;
    let mut records = HashMap::new();
    let mut problems = Vec::new();
    for (key, job, fingerprint) in fingerprints(model) {
        let files = match inputs::files(site, &job) {
            Ok(Files::Exactly(files)) => files,
            Ok(Files::Under(dir)) => files_under(output, &dir),
            Err(p) => {
                problems.push(p);
                Vec::new()
            }
        };
        records.insert(key, JobRecord { fingerprint, files });
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(Failed(problems))
    }
}

/// Every file under `dir` of the output, as paths relative to the output.
fn files_under(output: &Path, dir: &str) -> Vec<String> {
    let mut files = Vec::new();
    let mut folders = vec![output.join(dir)];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                folders.push(path);
            } else if let Ok(rel) = path.strip_prefix(output) {
                let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
                files.push(parts.join("/"));
            }
        }
    }
    files
}

/// Render the jobs whose fingerprint changed, write their files, delete files no job makes any more.
/// With `defer_search`, a changed search index is left for [`Live::finish_deferred`], so the page
/// the editor is looking at reloads without waiting for the whole index to be built again.
pub(super) fn write_changed(
    model: &mut Model,
    output: &Path,
    defer_search: bool,
) -> Result<(usize, usize), Failed> {
    let started = Instant::now();
    let current = fingerprints(model);
    crate::timings::report("fingerprints", started);
    let mut todo = Vec::new();
    let mut keys = std::collections::HashSet::with_capacity(current.len());
    model.deferred = false;
    for (key, job, fp) in current {
        if model.jobs.get(&key).is_none_or(|r| r.fingerprint != fp) {
            if defer_search && matches!(job, Job::SearchIndex(_)) {
                model.deferred = true;
            } else {
                todo.push((key.clone(), job, fp));
            }
        }
        keys.insert(key);
    }
    if crate::timings::enabled() {
        let keys: Vec<&str> = todo.iter().map(|(k, _, _)| k.as_str()).collect();
        eprintln!("re-rendering {} job(s): {}", keys.len(), keys.join(" "));
    }
    let rendered: Vec<Result<Rendered, Problem>> = with_prepared(model, |prepared| {
        todo.par_iter()
            .map(|(key, job, fp)| {
                render::jobs::render_job(prepared, job).map(|files| (key.clone(), *fp, files))
            })
            .collect()
    });
    crate::timings::report("rendered", started);
    let mut problems = Vec::new();
    let mut done = Vec::new();
    for r in rendered {
        match r {
            Ok(x) => done.push(x),
            Err(p) => problems.push(p),
        }
    }
    if !problems.is_empty() {
        return Err(Failed(problems));
    }
    let files: Vec<&OutputFile> = done.iter().flat_map(|(_, _, files)| files.iter()).collect();
    let written = write_all(output, &files).map_err(Failed::from)?;
    if let Some(manifest) = model.manifest.as_mut() {
        for f in &files {
            manifest.insert(f.path.clone(), crate::integrity::FileEntry::of(&f.bytes));
        }
        model.manifest_dirty |= !files.is_empty();
    }
    crate::timings::report("written", started);
    let mut stale_files: Vec<String> = Vec::new();
    for (key, fp, files) in done {
        let paths: Vec<String> = files.into_iter().map(|f| f.path).collect();
        if let Some(old) = model.jobs.get(&key) {
            stale_files.extend(old.files.iter().filter(|f| !paths.contains(f)).cloned());
        }
        model.jobs.insert(
            key,
            JobRecord {
                fingerprint: fp,
                files: paths,
            },
        );
    }
    let gone: Vec<String> = model
        .jobs
        .keys()
        .filter(|k| !keys.contains(*k))
        .cloned()
        .collect();
    for key in gone {
        if let Some(record) = model.jobs.remove(&key) {
            stale_files.extend(record.files);
        }
    }
    if stale_files.is_empty() {
        return Ok((written, 0));
    }
    let still_made: BTreeSet<&String> = model.jobs.values().flat_map(|r| r.files.iter()).collect();
    let mut removed = 0;
    for file in stale_files.iter().filter(|f| !still_made.contains(f)) {
        if remove_output(output, file) {
            removed += 1;
            if let Some(manifest) = model.manifest.as_mut() {
                manifest.remove(file);
                model.manifest_dirty = true;
            }
        }
    }
    Ok((written, removed))
}

/// Write the integrity manifest again after serve changed files (as `civic build` writes it).
pub(super) fn write_manifest(model: &mut Model, output: &Path) -> Result<usize, Failed> {
    let Some(manifest) = model.manifest.as_ref().filter(|_| model.manifest_dirty) else {
        return Ok(0);
    };
    let json = crate::integrity::manifest_from_entries(
        manifest.iter().map(|(k, v)| (k.clone(), v.clone())),
    );
    let file = OutputFile {
        path: crate::integrity::MANIFEST_FILE.to_string(),
        bytes: json.into_bytes(),
    };
    write_atomic(output, &file).map_err(Failed::from)?;
    model.manifest_dirty = false;
    Ok(1)
}

/// Write files on several threads: writing is waiting on the disk, not computing.
fn write_all(output: &Path, files: &[&OutputFile]) -> Result<usize, Problem> {
    let threads = files.len().clamp(1, 8);
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().try_for_each(|f| write_atomic(output, f))))
            .collect();
        for h in handles {
            h.join().map_err(|_| {
                Problem::error(
                    "io",
                    crate::text!("internal-error", what = "a writer thread failed"),
                )
            })??;
        }
        Ok(files.len())
    })
}

/// Write one file so a reader never sees half of it: write beside it, then rename over it.
pub fn write_atomic(output: &Path, file: &OutputFile) -> Result<(), Problem> {
    crate::output::check_path(&file.path)?;
    let path = output.join(&file.path);
    let io = |e: std::io::Error| crate::output::io_problem(&path, e);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let tmp: PathBuf = path.with_extension(format!("civic-tmp-{}", std::process::id()));
    std::fs::write(&tmp, &file.bytes).map_err(io)?;
    std::fs::rename(&tmp, &path).map_err(io)
}

/// Delete a file of the output no job makes any more, and its folder when that becomes empty.
fn remove_output(output: &Path, rel: &str) -> bool {
    if rel.split('/').any(|part| part == ".." || part.is_empty()) {
        return false;
    }
    let path = output.join(rel);
    let removed = std::fs::remove_file(&path).is_ok();
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == output || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    removed
}
