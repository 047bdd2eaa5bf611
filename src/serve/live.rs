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
use crate::render::jobs::deps::PageHashes;
use crate::render::{Renderer, partial};
use crate::site::patch::{self, Patch};
use crate::site::{PageId, Site};
use rayon::prelude::*;

mod draft;
mod writes;
pub use draft::{Draft, DraftPage, Drafted};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::time::{Duration, Instant};
pub use writes::write_atomic;
use writes::{initial_records, write_changed, write_manifest};

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

/// A rendered job: its key, fingerprint and files.
type Rendered = (String, u64, Vec<OutputFile>);

struct JobRecord {
    fingerprint: u64,
    files: Vec<String>,
}

struct Model {
    site: Site,
    renderer: Renderer,
    indexer: Option<crate::search::Indexer>,
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
    /// What the last full build said, in `civic build`'s words.
    built: crate::messages::Text,
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
            built: crate::text!("serve-not-built"),
        };
        let outcome = live.full();
        (live, outcome)
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The site as last loaded (None until a build succeeded).
    pub fn site(&self) -> Option<&crate::site::Site> {
        self.model.as_ref().map(|m| &m.site)
    }

    pub fn output(&self) -> &Path {
        &self.options.output
    }

    /// Apply changes seen on disk.
    pub fn apply(&mut self, changes: &Changes) -> Outcome {
        if changes.full || self.model.is_none() {
            return self.full();
        }
        // Which ads are current follows from the build's date: a new date is a new model.
        let date_moved = self
            .model
            .as_ref()
            .is_some_and(|m| m.site.build_date != self.options.date);
        if self.stale || date_moved {
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
        let mut validated = BTreeSet::new();
        for rel in &changes.markdown {
            match self.prepare_edit(rel, None, &mut validated) {
                Ok(mut r) => replacements.append(&mut r),
                Err(Patch::Reload) => reload = true,
                Err(Patch::Problems(mut p)) => problems.append(&mut p),
            }
        }
        if reload {
            return self.reload();
        }
        // Problems of the files validated again replace their earlier problems; others stay.
        self.problems
            .retain(|p| !p.file.as_deref().is_some_and(|f| validated.contains(f)));
        if !problems.is_empty() {
            self.problems.append(&mut problems);
            // A twin inheriting a bad photo reports it at the Chinese file, as that file does.
            crate::error::sort_and_dedup(&mut self.problems);
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
        crate::timings::report("prepared", started);
        let clashes = patch::apply(&mut model.site, replacements);
        crate::timings::report("patched", started);
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
        crate::timings::report("summaries", started);
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
    /// Adds to `validated` every file whose problems this edit found afresh (the file itself,
    /// and the English twin of a Chinese page, which inherits from it), so that their earlier
    /// problems are cleared even when the problem was charged to the other file of the pair.
    /// With `text`, the page is read from it instead of its file (the desk's unsaved preview).
    fn prepare_edit(
        &self,
        rel: &str,
        text: Option<&str>,
        validated: &mut BTreeSet<String>,
    ) -> Result<Vec<patch::Replacement>, Patch> {
        let Some(model) = self.model.as_ref() else {
            return Err(Patch::Reload);
        };
        let site = &model.site;
        let Some(&id) = model.by_rel.get(rel) else {
            return Err(Patch::Reload);
        };
        validated.insert(format!("{}/{rel}", crate::content::CONTENT_DIR));
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
        let root = &self.options.root;
        let read = match text {
            Some(text) => single::page_from_text(root, rel, text, &site.config, &kinds, zh_source),
            None => single::reload_page(root, rel, &site.config, &kinds, zh_source),
        };
        let doc = match read {
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
        let new_zh_source = doc.source.clone();
        let mut out = Vec::new();
        let mut problems = Vec::new();
        keep(
            patch::prepare(
                site,
                id,
                doc,
                zh_source,
                &self.highlighter,
                model.guard.allowed_html_tags(),
            ),
            &mut out,
            &mut problems,
        )?;
        // An English twin inherits from the Chinese page: validate it again against the new text.
        if page.lang() == crate::lang::Lang::Zh
            && let Some(en) = page.translation
        {
            let en_rel = site.page(en).doc.rel.clone();
            validated.insert(format!("{}/{en_rel}", crate::content::CONTENT_DIR));
            match single::reload_page(
                &self.options.root,
                &en_rel,
                &site.config,
                &kinds,
                Some(&new_zh_source),
            ) {
                Ok(Reloaded::Page(en_doc)) => {
                    if single::is_dropped(&en_doc, load_options) {
                        return Err(Patch::Reload);
                    }
                    keep(
                        patch::prepare(
                            site,
                            en,
                            *en_doc,
                            Some(&new_zh_source),
                            &self.highlighter,
                            model.guard.allowed_html_tags(),
                        ),
                        &mut out,
                        &mut problems,
                    )?;
                }
                Ok(Reloaded::Section) => return Err(Patch::Reload),
                Err(mut p) => problems.append(&mut p),
            }
        }
        if !problems.is_empty() {
            return Err(Patch::Problems(problems));
        }
        // The content guard runs on every build, so on every edit too; its errors block the edit.
        let blocked: Vec<Problem> = out
            .iter()
            .flat_map(|r| {
                let (source, body) = r.document();
                crate::pipeline::guard_site::scan_document(&model.guard, source, body)
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
            s.shown_pictures()
                .into_iter()
                .map(str::to_string)
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
        let mut model = Model::new(loaded, old.images, None);
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

    /// Build exactly as `civic build` does, and keep what it loaded as the model for the next
    /// edits.
    fn full(&mut self) -> Outcome {
        let started = Instant::now();
        let kept = match pipeline::build_and_keep(&self.options, &self.highlighter) {
            Ok((report, kept)) => {
                self.built = report.summary(&self.options.output);
                kept
            }
            Err(Failed(problems)) => return self.failed(problems, started),
        };
        let mut model = Model::new(kept.loaded, kept.images, Some(kept.summaries));
        model.manifest = std::fs::read(self.options.output.join(crate::integrity::MANIFEST_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice::<crate::integrity::Manifest>(&b).ok())
            .map(|m| m.files);
        model.jobs = match initial_records(&model, &self.options.output) {
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
        crate::error::sort_and_dedup(&mut problems);
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
    /// The summary line of the last full build, exactly as `civic build` prints it.
    pub fn build_summary(&self) -> &crate::messages::Text {
        &self.built
    }

    pub fn page_count(&self) -> usize {
        self.model.as_ref().map_or(0, |m| m.site.pages.len())
    }
}

impl Model {
    /// The model of a loaded site. `summaries` are the page summaries when the build that made
    /// the output made them already; else they are made here.
    fn new(
        loaded: pipeline::Loaded,
        images: HashMap<String, ImageSet>,
        summaries: Option<Vec<tera::Value>>,
    ) -> Model {
        let pipeline::Loaded {
            site,
            renderer,
            indexer,
            guard,
            ..
        } = loaded;
        let summaries: Vec<tera::Value> = summaries.unwrap_or_else(|| {
            site.pages
                .par_iter()
                .map(|p| partial::summary_value(&site, p, &images))
                .collect()
        });
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

/// Keep a prepared page, or its problems (so that both files of a pair report theirs);
/// a reload wins over both.
fn keep(
    prepared: Result<patch::Replacement, Patch>,
    out: &mut Vec<patch::Replacement>,
    problems: &mut Vec<Problem>,
) -> Result<(), Patch> {
    match prepared {
        Ok(r) => out.push(r),
        Err(Patch::Problems(mut p)) => problems.append(&mut p),
        Err(Patch::Reload) => return Err(Patch::Reload),
    }
    Ok(())
}
