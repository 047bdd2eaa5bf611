//! The whole build, stage after stage: config → content → site model → render → output.
//! Each stage is a function over the previous stage's immutable result.

pub mod guard_config;
pub mod guard_site;

use crate::config::{self, SiteConfig};
use crate::content::{self, LoadOptions};
use crate::error::{Failed, Problem};
use crate::guard::Guard;
use crate::integrity;
use crate::markdown::Highlighter;
use crate::messages::Text;
use crate::output::{OutputFile, Staging};
use crate::render::images::ImageSet;
use crate::render::{self, Prepared, Renderer, Theme};
use crate::search::{self, Indexer};
use crate::site::{self, Site};
use jiff::civil::Date;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(Clone, Debug)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub date: Date,
    /// `--theme-dir`: a theme folder read wherever it is, in place of `themes/<theme>` (a theme
    /// outside the site is used only when named on the command line).
    pub theme_dir: Option<PathBuf>,
}

#[derive(Debug)]
pub struct BuildReport {
    pub pages_zh: usize,
    pub pages_en: usize,
    /// HTML pages written, by kind.
    pub html_files: render::PageCounts,
    pub files: usize,
    pub elapsed: Duration,
    pub warnings: Vec<Problem>,
}

impl BuildReport {
    /// The line `civic build` ends with, and `civic serve` after each full build: one wording
    /// and one count (HTML pages written, and what they are), so the two always agree.
    pub fn summary(&self, output: &Path) -> Text {
        let pages = &self.html_files;
        crate::text!(
            "build-summary",
            pages = pages.total(),
            documents = pages.documents,
            zh = self.pages_zh,
            en = self.pages_en,
            lists = pages.lists,
            filters = pages.filters,
            tags = pages.tags,
            prints = pages.prints,
            redirects = pages.redirects,
            other = pages.other,
            files = self.files,
            seconds = format!("{:.2}", self.elapsed.as_secs_f64()),
            output = output
        )
    }
}

/// The date a build is "on": `--date`, else `SOURCE_DATE_EPOCH`, else today in China Standard
/// Time. It decides which ads are active, so reproducible builds must fix it.
pub fn build_date(flag: Option<&str>) -> Result<Date, Text> {
    if let Some(text) = flag {
        return text
            .parse::<Date>()
            .map_err(|_| crate::text!("cli-date-invalid", date = text));
    }
    let tz = jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(8));
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let secs: i64 = epoch
            .trim()
            .parse()
            .map_err(|_| crate::text!("cli-epoch-invalid", epoch = &epoch))?;
        let ts = jiff::Timestamp::from_second(secs)
            .map_err(|_| crate::text!("cli-epoch-invalid", epoch = &epoch))?;
        return Ok(ts.to_zoned(tz).date());
    }
    Ok(jiff::Timestamp::now().to_zoned(tz).date())
}

/// Load and model the site without writing anything (shared by build, check and serve).
pub struct Loaded {
    pub site: Site,
    pub theme: Theme,
    pub renderer: Renderer,
    pub guard: Guard,
    /// `None` when the site turned search off (`search.enabled: false`).
    pub indexer: Option<Indexer>,
    /// Guard warnings and other problems that do not stop the build.
    pub warnings: Vec<Problem>,
}

pub fn load(options: &BuildOptions, highlighter: &Highlighter) -> Result<Loaded, Failed> {
    load_timed(options, highlighter, &Timeline::from_env())
}

/// Stage timings on stderr when timings are on ([`crate::timings`]): how the benchmark's profile
/// is read.
struct Timeline {
    start: Option<Instant>,
}

impl Timeline {
    fn from_env() -> Timeline {
        Timeline {
            start: crate::timings::enabled().then(Instant::now),
        }
    }

    fn mark(&self, stage: &str) {
        if let Some(start) = self.start {
            let ms = start.elapsed().as_secs_f64() * 1e3;
            eprintln!("{ms:>8.1} ms  {:>5} MB  {stage}", resident_mb());
        }
    }
}

/// Resident memory now (Linux; 0 elsewhere).
fn resident_mb() -> u64 {
    let pages = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .unwrap_or(0);
    pages * 4096 / (1024 * 1024)
}

/// The guard's settings refused, at the line responsible: a rule file's own line, else the
/// line of site.yaml of the setting the message names (`extra_rules:`), else `guard:`.
fn guard_config_problem(e: &crate::guard::GuardError, config: &SiteConfig) -> Problem {
    use crate::guard::GuardError;
    let problem = Problem::error("guard-config", e.text()).help(crate::text!("guard-config-help"));
    if let GuardError::RuleFile { file, line, .. } = e {
        return problem.in_file(file).at_line(*line);
    }
    // The setting is named in the message (`guard.extra_rules “…” is not read`).
    let english = e.text().in_lang(crate::messages::Lang::En);
    let named = english.split("guard.").nth(1).and_then(|rest| {
        let key = rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
        key.into_iter().next().filter(|k| !k.is_empty())
    });
    let key = match e {
        GuardError::Io { .. } => Some("extra_rules"),
        _ => named,
    };
    let line = key
        .and_then(|k| crate::yaml::key_line(&config.source, k))
        .or_else(|| crate::yaml::key_line(&config.source, "guard"))
        .unwrap_or(1);
    problem
        .in_file(config::CONFIG_FILE)
        .at_line(line)
        .with_source(&config.source)
}

fn load_timed(
    options: &BuildOptions,
    highlighter: &Highlighter,
    timeline: &Timeline,
) -> Result<Loaded, Failed> {
    let config: SiteConfig = config::load(&options.root, options.base_url.as_deref())?;
    let guard = Guard::new(
        &config.guard,
        &options.root,
        &config.place_names(),
        &[config.host().to_string()],
    )
    .map_err(|e| guard_config_problem(&e, &config))?;
    let (content, theme, renderer) = load_content_and_theme(options, &config, timeline)?;
    let indexing = prepare_search(&config, &content);
    let (site, warnings) = model_and_guard(
        options,
        config,
        (content, &theme),
        &guard,
        highlighter,
        timeline,
    )?;
    let (inspect_errors, inspect_warnings): (Vec<Problem>, Vec<Problem>) =
        crate::inspect::inspect(&site, &options.root)
            .into_iter()
            .partition(Problem::is_error);
    if !inspect_errors.is_empty() {
        // The inspection's warnings too: `check` reports every finding, not only the veto ones.
        let all = inspect_errors.into_iter().chain(inspect_warnings);
        return Err(Failed(all.chain(warnings).collect()));
    }
    let mut warnings = warnings;
    warnings.extend(inspect_warnings);
    timeline.mark("inspected");
    let indexer = indexing.map(|s| s.finish(render::search_docs::phrases(&site)));
    timeline.mark("segmenter ready");
    Ok(Loaded {
        site,
        theme,
        renderer,
        guard,
        indexer,
        warnings,
    })
}

/// Search's set-up, under way while the site is modelled ([`search::prepare`]); `None` when the
/// site turned search off.
fn prepare_search(config: &SiteConfig, content: &content::Content) -> Option<search::Preparing> {
    if !config.search.enabled {
        return None;
    }
    let words: Vec<String> = config
        .search
        .words
        .iter()
        .cloned()
        .chain(config.place_names())
        .collect();
    let sections = content.sections.iter().map(|s| &s.source);
    let pages = content.pages.iter().map(|p| &p.source);
    // Category labels too: they come from site.yaml and are indexed with the Chinese pages
    // (English text needs no dictionary).
    let labels = config.role_model_categories.iter();
    let texts = sections
        .chain(pages)
        .map(|s| s.text.clone())
        .chain(labels.map(|c| c.label.zh.as_str().into()))
        .collect();
    Some(search::prepare(words, texts))
}

/// Content files and theme, loaded side by side (errors of both reported together).
fn load_content_and_theme(
    options: &BuildOptions,
    config: &SiteConfig,
    timeline: &Timeline,
) -> Result<(content::Content, Theme, Renderer), Failed> {
    let load_options = LoadOptions {
        drafts: options.drafts,
    };
    let (content, theme) = rayon::join(
        || content::load(&options.root, config, load_options),
        || {
            let theme = Theme::load(&options.root, &config.theme, options.theme_dir.as_deref())?;
            let renderer = Renderer::new(&theme, config)?;
            Ok::<_, Failed>((theme, renderer))
        },
    );
    let (content, theme) = match (content, theme) {
        (Ok(c), Ok(t)) => (c, t),
        (c, t) => {
            let mut problems = Vec::new();
            if let Err(Failed(mut p)) = c {
                problems.append(&mut p);
            }
            if let Err(Failed(mut p)) = t {
                problems.append(&mut p);
            }
            return Err(Failed(problems));
        }
    };
    let (theme, renderer) = theme;
    timeline.mark("content and theme loaded");
    Ok((content, theme, renderer))
}

/// Content → site model, scanned by the guard (the site and the guard's warnings). Guard
/// errors fail the build here.
fn model_and_guard(
    options: &BuildOptions,
    config: SiteConfig,
    (content, theme): (content::Content, &Theme),
    guard: &Guard,
    highlighter: &Highlighter,
    timeline: &Timeline,
) -> Result<(Site, Vec<Problem>), Failed> {
    let mut content = content;
    let content_warnings = std::mem::take(&mut content.warnings);
    let sources: Vec<(String, std::sync::Arc<str>)> = content
        .pages
        .iter()
        .map(|p| &p.source)
        .chain(content.sections.iter().map(|s| &s.source))
        .map(|s| (s.file.clone(), s.text.clone()))
        .collect();
    let site = site::build(site::BuildInput {
        config,
        content,
        build_date: options.date,
        highlighter,
        allowed_html_tags: guard.allowed_html_tags(),
    })
    .map_err(|Failed(mut problems)| {
        // The guard still reads every page: spam is never hidden behind a broken link.
        let scanned = sources.iter().flat_map(|(file, text)| {
            let findings = guard.scan_source(text).into_iter();
            findings.map(|f| crate::guard::report::to_problem(f, file, Some(text), true))
        });
        problems.extend(scanned);
        Failed(problems)
    })?;
    timeline.mark("site model built");
    let (errors, mut warnings): (Vec<Problem>, Vec<Problem>) =
        guard_site::scan(guard, &site, theme)
            .into_iter()
            .chain(guard_config::scan(guard, &site.config))
            .partition(Problem::is_error);
    // Markdown's own warnings (an unreferenced footnote), located in their files.
    let bodies = site.pages.iter().map(|p| (&p.doc.source, &p.body));
    let bodies = bodies.chain(site.sections.iter().map(|s| (&s.doc.source, &s.body)));
    for (source, body) in bodies {
        warnings.extend(
            body.warnings
                .iter()
                .map(|w| w.clone().in_file(&source.file).with_source(&source.text)),
        );
    }
    warnings.extend(content_warnings);
    warnings.extend(site::body_warnings(&site));
    timeline.mark("guard scanned");
    if !errors.is_empty() {
        return Err(Failed(errors.into_iter().chain(warnings).collect()));
    }
    Ok((site, warnings))
}

pub fn build(options: &BuildOptions) -> Result<BuildReport, Failed> {
    build_and_keep(options, &Highlighter::default()).map(|(report, _)| report)
}

/// What a build made besides its files, for `civic serve` to keep for the next edits.
pub struct Kept {
    pub loaded: Loaded,
    pub images: HashMap<String, ImageSet>,
    /// Template value of each page's summary, by page id.
    pub summaries: Vec<tera::Value>,
}

/// [`build`], returning the loaded site, images and summaries too (serve would otherwise load
/// and model the whole site a second time).
pub fn build_and_keep(
    options: &BuildOptions,
    highlighter: &Highlighter,
) -> Result<(BuildReport, Kept), Failed> {
    let started = Instant::now();
    let timeline = Timeline::from_env();
    // Locked first: a second build of the same output says so at once, not after loading.
    let lock = crate::output::OutputLock::take(&options.output)?;
    let mut loaded = load_timed(options, highlighter, &timeline)?;
    let staging = Staging::locked(&options.output, lock)?;
    match write_site(&loaded, options, &staging, &timeline) {
        Ok(SiteWritten {
            html: html_files,
            images,
            summaries,
        }) => {
            let files = staging.written().len();
            let manifest = integrity::manifest_from_entries(staging.written().into_iter());
            if let Err(p) = staging.write_unrecorded(integrity::MANIFEST_FILE, manifest.as_bytes())
            {
                staging.abandon();
                return Err(Failed(vec![p]));
            }
            timeline.mark("manifest written");
            staging.commit()?;
            timeline.mark("output swapped in");
            let site = &loaded.site;
            let report = BuildReport {
                pages_zh: site.pages_in(crate::lang::Lang::Zh).count(),
                pages_en: site.pages_in(crate::lang::Lang::En).count(),
                html_files,
                files,
                elapsed: started.elapsed(),
                warnings: std::mem::take(&mut loaded.warnings),
            };
            let kept = Kept {
                loaded,
                images,
                summaries,
            };
            Ok((report, kept))
        }
        Err(failed) => {
            staging.abandon();
            Err(failed)
        }
    }
}

/// What [`write_site`] did: the number of HTML pages, and the images and summaries it used.
struct SiteWritten {
    html: render::PageCounts,
    images: HashMap<String, ImageSet>,
    summaries: Vec<tera::Value>,
}

/// Render the site and write every file into `staging`.
fn write_site(
    loaded: &Loaded,
    options: &BuildOptions,
    staging: &Staging,
    timeline: &Timeline,
) -> Result<SiteWritten, Failed> {
    let site = &loaded.site;
    let (images, image_files) = render::images::process(site, &options.root)?;
    let mut statics: Vec<OutputFile> = loaded
        .theme
        .static_files()
        .map(|(path, f)| OutputFile {
            path: path.to_string(),
            bytes: f.bytes.clone(),
        })
        .collect();
    statics.extend(content_assets(site, &options.root)?);
    statics.extend(image_files);
    statics.extend(
        integrity::headers_files(integrity::STRICT_CSP)
            .into_iter()
            .map(|(path, text)| OutputFile {
                path,
                bytes: text.into_bytes(),
            }),
    );
    let mut problems = Vec::new();
    for file in &statics {
        if let Err(p) = staging.write(file) {
            problems.push(p);
        }
    }
    timeline.mark("images and static files written");
    let prepared = Prepared::new(site, &loaded.renderer, images, loaded.indexer.as_ref());
    let jobs = render::plan(site);
    timeline.mark("summaries prepared, jobs planned");
    let sink = |file: &OutputFile| staging.write(file);
    let html = match render::render_all(&prepared, &jobs, &sink) {
        Ok(n) => n,
        Err(Failed(mut p)) => {
            problems.append(&mut p);
            render::PageCounts::default()
        }
    };
    timeline.mark("pages and search index rendered and written");
    let (images, summaries) = prepared.into_parts();
    if problems.is_empty() {
        Ok(SiteWritten {
            html,
            images,
            summaries,
        })
    } else {
        Err(Failed(problems))
    }
}

/// Files beside the Markdown (photos, posters, PDFs) are published at their content path,
/// pictures cleaned of their metadata (see `render::images::publish_asset`).
fn content_assets(site: &Site, root: &Path) -> Result<Vec<OutputFile>, Failed> {
    let linked = site.linked_files();
    let mut figures = site.shown_pictures();
    figures.retain(|f| !linked.contains(f));
    let mut files = Vec::with_capacity(site.assets.len());
    let mut problems = Vec::new();
    for asset in &site.assets {
        match render::images::publish_asset(site, root, asset, &figures) {
            Ok(file) => files.extend(file),
            Err(p) => problems.push(p),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(Failed(problems))
    }
}
