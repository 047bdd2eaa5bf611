//! The site kept in memory between edits, and the three ways an edit is applied:
//!
//! - **edit** (fast path): a page's file changed. Only that file (and its English twin, which
//!   inherits from it) is read and validated again, the page is patched into the model, and only
//!   the jobs whose fingerprint changed are rendered and written into the output folder.
//! - **reload**: files were added, removed or renamed, or a section index changed. The content is
//!   loaded again, and again only jobs whose fingerprint changed are written; files of jobs that
//!   no longer exist are deleted.
//! - **full**: templates, site.yaml, static files, images or other files beside the pages changed.
//!   The site is built exactly as `civic build` builds it.

use crate::content::kinds::Kind;
use crate::content::single::{self, Reloaded};
use crate::error::{Failed, Problem};
use crate::markdown::Highlighter;
use crate::output::OutputFile;
use crate::pipeline::{self, BuildOptions};
use crate::render::images::ImageSet;
use crate::render::jobs::deps::{self, PageHashes, Shared};
use crate::render::{self, Job, Prepared, Renderer, partial};
use crate::site::patch::{self, Patch};
use crate::site::{PageId, Site};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What changed on disk, relative to the site root.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Content-relative paths of Markdown files that changed, appeared or disappeared.
    pub markdown: BTreeSet<String>,
    /// Anything else that needs a full build (templates, site.yaml, images, static files).
    pub full: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Edit,
    Reload,
    Full,
    /// Nothing was written: the change has problems.
    Failed,
}

#[derive(Debug)]
pub struct Outcome {
    pub mode: Mode,
    pub written: usize,
    pub removed: usize,
    pub elapsed: Duration,
}

struct JobRecord {
    fingerprint: u64,
    files: Vec<String>,
}

struct Model {
    site: Site,
    renderer: Renderer,
    indexer: crate::search::Indexer,
    guard: crate::guard::Guard,
    images: HashMap<String, ImageSet>,
    summaries: Vec<tera::Value>,
    hashes: PageHashes,
    jobs: HashMap<String, JobRecord>,
    by_rel: HashMap<String, PageId>,
    /// A search index is behind the pages (see [`Live::finish_deferred`]).
    deferred: bool,
    /// The integrity manifest of the output, kept up to date with every file serve writes.
    manifest: Option<std::collections::BTreeMap<String, crate::integrity::FileEntry>>,
    manifest_dirty: bool,
}

/// The live site: the model, the output folder, and the problems of the last change.
pub struct Live {
    pub options: BuildOptions,
    highlighter: Highlighter,
    model: Option<Model>,
    /// Problems per file (or `site` for problems without one), shown in the browser until fixed.
    problems: Vec<Problem>,
    /// The model is behind the files on disk (an earlier reload failed): reload on the next change.
    stale: bool,
}

impl Live {
    /// Build the site as `civic build` does and keep its model. Problems are kept, not fatal.
    pub fn start(options: BuildOptions) -> (Live, Outcome) {
        let mut live = Live {
            options,
            highlighter: Highlighter::default(),
            model: None,
            problems: Vec::new(),
            stale: true,
        };
        let outcome = live.full();
        (live, outcome)
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn output(&self) -> &Path {
        &self.options.output
    }

    /// Apply changes seen on disk.
    pub fn apply(&mut self, changes: &Changes) -> Outcome {
        if changes.full || self.model.is_none() {
            return self.full();
        }
        if self.stale {
            return self.reload();
        }
        let all_known = changes.markdown.iter().all(|rel| {
            let exists = self
                .options
                .root
                .join(crate::content::CONTENT_DIR)
                .join(rel)
                .is_file();
            exists
                && self
                    .model
                    .as_ref()
                    .is_some_and(|m| m.by_rel.contains_key(rel))
        });
        if !all_known || changes.markdown.len() > 8 {
            return self.reload();
        }
        let started = Instant::now();
        let mut replacements = Vec::new();
        let mut problems = Vec::new();
        let mut reload = false;
        for rel in &changes.markdown {
            match self.prepare_edit(rel) {
                Ok(mut r) => replacements.append(&mut r),
                Err(Patch::Reload) => reload = true,
                Err(Patch::Problems(mut p)) => problems.append(&mut p),
            }
        }
        if reload {
            return self.reload();
        }
        // Problems of the edited files replace their earlier problems; others stay.
        let edited: BTreeSet<String> = changes
            .markdown
            .iter()
            .map(|r| format!("content/{r}"))
            .collect();
        self.problems
            .retain(|p| !p.file.as_deref().is_some_and(|f| edited.contains(f)));
        if !problems.is_empty() {
            self.problems.append(&mut problems);
            return Outcome {
                mode: Mode::Failed,
                written: 0,
                removed: 0,
                elapsed: started.elapsed(),
            };
        }
        let Some(model) = self.model.as_mut() else {
            return self.full();
        };
        let ids: Vec<PageId> = replacements.iter().map(patch::Replacement::id).collect();
        trace("prepared", started);
        let clashes = patch::apply(&mut model.site, replacements);
        trace("patched", started);
        if !clashes.is_empty() {
            return self.reload();
        }
        for id in &ids {
            let page = model.site.page(*id);
            model.summaries[id.0] = partial::summary_value(&model.site, page, &model.images);
        }
        for id in &ids {
            model.hashes.update(&model.site, *id, &model.summaries);
        }
        trace("summaries", started);
        match write_changed(model, &self.options.output, true) {
            Ok((written, removed)) => Outcome {
                mode: Mode::Edit,
                written,
                removed,
                elapsed: started.elapsed(),
            },
            Err(Failed(mut p)) => {
                self.problems.append(&mut p);
                self.stale = true;
                Outcome {
                    mode: Mode::Failed,
                    written: 0,
                    removed: 0,
                    elapsed: started.elapsed(),
                }
            }
        }
    }

    /// Validate the new version of one page file (and its English twin) against the model.
    fn prepare_edit(&self, rel: &str) -> Result<Vec<patch::Replacement>, Patch> {
        let Some(model) = self.model.as_ref() else {
            return Err(Patch::Reload);
        };
        let site = &model.site;
        let Some(&id) = model.by_rel.get(rel) else {
            return Err(Patch::Reload);
        };
        let kinds: HashMap<&str, Kind> = site
            .sections
            .iter()
            .filter(|s| s.lang() == crate::lang::Lang::Zh)
            .map(|s| (s.doc.dir.as_str(), s.kind()))
            .collect();
        let page = site.page(id);
        let zh_twin = page
            .translation
            .filter(|_| page.lang() != crate::lang::Lang::Zh);
        let zh_source = zh_twin.map(|t| &site.page(t).doc.source);
        let doc =
            match single::reload_page(&self.options.root, rel, &site.config, &kinds, zh_source) {
                Ok(Reloaded::Page(doc)) => *doc,
                Ok(Reloaded::Section) => return Err(Patch::Reload),
                Err(problems) => return Err(Patch::Problems(problems)),
            };
        let load_options = crate::content::LoadOptions {
            drafts: self.options.drafts,
        };
        if single::is_dropped(&doc, load_options) {
            return Err(Patch::Reload);
        }
        let mut out = Vec::new();
        // An English twin inherits from the Chinese page: validate it again against the new text.
        if page.lang() == crate::lang::Lang::Zh
            && let Some(en) = page.translation
        {
            let en_rel = site.page(en).doc.rel.clone();
            match single::reload_page(
                &self.options.root,
                &en_rel,
                &site.config,
                &kinds,
                Some(&doc.source),
            ) {
                Ok(Reloaded::Page(en_doc)) => {
                    if single::is_dropped(&en_doc, load_options) {
                        return Err(Patch::Reload);
                    }
                    out.push(patch::prepare(
                        site,
                        en,
                        *en_doc,
                        &self.highlighter,
                        model.guard.allowed_html_tags(),
                    )?);
                }
                Ok(Reloaded::Section) => return Err(Patch::Reload),
                Err(problems) => return Err(Patch::Problems(problems)),
            }
        }
        out.insert(
            0,
            patch::prepare(
                site,
                id,
                doc,
                &self.highlighter,
                model.guard.allowed_html_tags(),
            )?,
        );
        // The content guard runs on every build, so on every edit too; its errors block the edit.
        let blocked: Vec<Problem> = out
            .iter()
            .flat_map(|r| {
                let (source, body) = r.document();
                crate::guard::site::scan_document(&model.guard, source, body)
            })
            .filter(Problem::is_error)
            .collect();
        if !blocked.is_empty() {
            return Err(Patch::Problems(blocked));
        }
        Ok(out)
    }

    /// Load the content again and write what changed.
    fn reload(&mut self) -> Outcome {
        let started = Instant::now();
        let loaded = match pipeline::load(&self.options, &self.highlighter) {
            Ok(l) => l,
            Err(Failed(problems)) => return self.failed(problems, started),
        };
        let Some(old) = self.model.take() else {
            return self.full();
        };
        let figures = |s: &Site| {
            s.pages
                .iter()
                .filter_map(|p| p.figure_file.clone())
                .collect::<BTreeSet<_>>()
        };
        let assets = |s: &Site| {
            s.assets
                .iter()
                .map(|a| a.rel.clone())
                .collect::<BTreeSet<_>>()
        };
        if figures(&loaded.site) != figures(&old.site) || assets(&loaded.site) != assets(&old.site)
        {
            return self.full();
        }
        let mut model = Model::new(
            loaded.site,
            loaded.renderer,
            loaded.indexer,
            loaded.guard,
            old.images,
        );
        model.jobs = old.jobs;
        model.manifest = old.manifest;
        model.manifest_dirty = old.manifest_dirty;
        match write_changed(&mut model, &self.options.output, true) {
            Ok((written, removed)) => {
                self.model = Some(model);
                self.problems.clear();
                self.stale = false;
                Outcome {
                    mode: Mode::Reload,
                    written,
                    removed,
                    elapsed: started.elapsed(),
                }
            }
            Err(Failed(problems)) => self.failed(problems, started),
        }
    }

    /// Build exactly as `civic build` does, then load the model for the next edits.
    fn full(&mut self) -> Outcome {
        let started = Instant::now();
        if let Err(Failed(problems)) = pipeline::build(&self.options) {
            return self.failed(problems, started);
        }
        let loaded = match pipeline::load(&self.options, &self.highlighter) {
            Ok(l) => l,
            Err(Failed(problems)) => return self.failed(problems, started),
        };
        let images = match render::images::process(&loaded.site, &self.options.root) {
            Ok((images, _)) => images,
            Err(Failed(problems)) => return self.failed(problems, started),
        };
        let mut model = Model::new(
            loaded.site,
            loaded.renderer,
            loaded.indexer,
            loaded.guard,
            images,
        );
        model.manifest = std::fs::read(self.options.output.join(crate::integrity::MANIFEST_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice::<crate::integrity::Manifest>(&b).ok())
            .map(|m| m.files);
        model.jobs = match initial_records(&mut model) {
            Ok(jobs) => jobs,
            Err(Failed(problems)) => return self.failed(problems, started),
        };
        let files = model.jobs.len();
        self.model = Some(model);
        self.problems.clear();
        self.stale = false;
        Outcome {
            mode: Mode::Full,
            written: files,
            removed: 0,
            elapsed: started.elapsed(),
        }
    }

    fn failed(&mut self, mut problems: Vec<Problem>, started: Instant) -> Outcome {
        crate::error::sort(&mut problems);
        self.problems = problems;
        self.stale = true;
        Outcome {
            mode: Mode::Failed,
            written: 0,
            removed: 0,
            elapsed: started.elapsed(),
        }
    }

    /// Write what an edit left for later (the search index). Returns the files written.
    pub fn finish_deferred(&mut self) -> Outcome {
        let started = Instant::now();
        let done = |mode, written, removed| Outcome {
            mode,
            written,
            removed,
            elapsed: started.elapsed(),
        };
        let Some(model) = self
            .model
            .as_mut()
            .filter(|m| m.deferred || m.manifest_dirty)
        else {
            return done(Mode::Edit, 0, 0);
        };
        let result = if model.deferred {
            write_changed(model, &self.options.output, false)
        } else {
            Ok((0, 0))
        };
        let result = result.and_then(|(written, removed)| {
            write_manifest(model, &self.options.output).map(|n| (written + n, removed))
        });
        match result {
            Ok((written, removed)) => done(Mode::Edit, written, removed),
            Err(Failed(mut p)) => {
                self.problems.append(&mut p);
                self.stale = true;
                done(Mode::Failed, 0, 0)
            }
        }
    }

    /// Number of pages in the model (for the status line).
    pub fn page_count(&self) -> usize {
        self.model.as_ref().map_or(0, |m| m.site.pages.len())
    }
}

impl Model {
    fn new(
        site: Site,
        renderer: Renderer,
        indexer: crate::search::Indexer,
        guard: crate::guard::Guard,
        images: HashMap<String, ImageSet>,
    ) -> Model {
        let summaries: Vec<tera::Value> = site
            .pages
            .par_iter()
            .map(|p| partial::summary_value(&site, p, &images))
            .collect();
        let hashes = PageHashes::of_site(&site, &summaries);
        let by_rel = site
            .pages
            .iter()
            .map(|p| (p.doc.rel.clone(), p.id))
            .collect();
        Model {
            site,
            renderer,
            indexer,
            guard,
            images,
            summaries,
            hashes,
            jobs: HashMap::new(),
            by_rel,
            deferred: false,
            manifest: None,
            manifest_dirty: false,
        }
    }
}

fn fingerprints(model: &Model) -> Vec<(String, Job, u64)> {
    let site = &model.site;
    let shared = Shared::new(site, &model.hashes);
    render::plan(site)
        .into_par_iter()
        .map(|job| {
            let fp = deps::fingerprint(site, &shared, &model.hashes, &job);
            (deps::key(site, &job), job, fp)
        })
        .collect()
}

/// Fingerprints and files of every job of a full build. Page-like jobs write the file at their
/// URL; the few jobs that write other files (aliases, feeds, sitemap) are rendered to learn them.
fn initial_records(model: &mut Model) -> Result<HashMap<String, JobRecord>, Failed> {
    let all = fingerprints(model);
    let images = std::mem::take(&mut model.images);
    let summaries = std::mem::take(&mut model.summaries);
    let prepared = Prepared::from_parts(
        &model.site,
        &model.renderer,
        images,
        summaries,
        Some(&model.indexer),
    );
    let base = model.site.config.base_path();
    let mut records = HashMap::with_capacity(all.len());
    let mut problems = Vec::new();
    for (key, job, fingerprint) in all {
        let files = match job {
            Job::Aliases | Job::Feeds(_) | Job::SitemapXml | Job::Robots | Job::NotFound => {
                match render::jobs::render_job(&prepared, &job) {
                    Ok(files) => files.into_iter().map(|f| f.path).collect(),
                    Err(p) => {
                        problems.push(p);
                        Vec::new()
                    }
                }
            }
            _ => vec![crate::site::urls::output_file(
                key.strip_prefix(base).unwrap_or(&key),
            )],
        };
        records.insert(key, JobRecord { fingerprint, files });
    }
    let (images, summaries) = prepared.into_parts();
    model.images = images;
    model.summaries = summaries;
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(Failed(problems))
    }
}

/// Render the jobs whose fingerprint changed, write their files, delete files no job makes any more.
/// With `defer_search`, a changed search index is left for [`Live::finish_deferred`], so the page
/// the editor is looking at reloads without waiting for the whole index to be built again.
fn write_changed(
    model: &mut Model,
    output: &Path,
    defer_search: bool,
) -> Result<(usize, usize), Failed> {
    let started = Instant::now();
    let current = fingerprints(model);
    trace("fingerprints", started);
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
    if std::env::var_os("CIVIC_TRACE_JOBS").is_some() {
        let keys: Vec<&str> = todo.iter().map(|(k, _, _)| k.as_str()).collect();
        eprintln!("re-rendering {} job(s): {}", keys.len(), keys.join(" "));
    }
    let images = std::mem::take(&mut model.images);
    let summaries = std::mem::take(&mut model.summaries);
    let prepared = Prepared::from_parts(
        &model.site,
        &model.renderer,
        images,
        summaries,
        Some(&model.indexer),
    );
    type Rendered = Result<(String, u64, Vec<OutputFile>), Problem>;
    let rendered: Vec<Rendered> = todo
        .par_iter()
        .map(|(key, job, fp)| {
            render::jobs::render_job(&prepared, job).map(|files| (key.clone(), *fp, files))
        })
        .collect();
    let (images, summaries) = prepared.into_parts();
    model.images = images;
    model.summaries = summaries;
    trace("rendered", started);
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
            let entry = crate::integrity::FileEntry {
                sha256: crate::integrity::sha256_hex(&f.bytes),
                size: f.bytes.len() as u64,
            };
            manifest.insert(f.path.clone(), entry);
        }
        model.manifest_dirty |= !files.is_empty();
    }
    trace("written", started);
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
fn write_manifest(model: &mut Model, output: &Path) -> Result<usize, Failed> {
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
            h.join()
                .map_err(|_| Problem::error("io", "a writer thread failed"))??;
        }
        Ok(files.len())
    })
}

fn trace(what: &str, since: Instant) {
    if std::env::var_os("CIVIC_TRACE_JOBS").is_some() {
        eprintln!("  {what}: {:.1} ms", since.elapsed().as_secs_f64() * 1000.0);
    }
}

/// Write one file so a reader never sees half of it: write beside it, then rename over it.
pub fn write_atomic(output: &Path, file: &OutputFile) -> Result<(), Problem> {
    if file
        .path
        .split('/')
        .any(|part| part == ".." || part.is_empty())
    {
        return Err(Problem::error(
            "output-path",
            format!("refusing to write outside the output: {}", file.path),
        ));
    }
    let path = output.join(&file.path);
    let io = |e: std::io::Error| {
        Problem::error("io", format!("cannot write {}: {e}", path.display()))
            .help("check that the output folder is writable and the disk is not full")
    };
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
