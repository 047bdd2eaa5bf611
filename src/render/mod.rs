//! Stage 3: the site model → rendered files. Plans the site's pages as a list of [`Job`]s, renders
//! them in parallel with Tera and hands each finished file to the output stage as soon as it is
//! ready. Templates and strings load once per build ([`Renderer`]); page summaries are built once
//! and shared by every list that shows them ([`Prepared`]).

pub mod feeds;
pub mod i18n;
pub mod images;
pub mod jobs;
pub mod partial;
pub mod search_docs;
pub mod theme;
pub mod view;

use crate::built::OutputFile;
use crate::error::{Failed, Problem};
use crate::lang::Lang;
use crate::site::Site;
use images::ImageSet;
pub use jobs::{Job, PageCounts, PageKind, plan};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use tera::{Context, Tera, Value};
pub use theme::Theme;

/// Templates and strings, loaded and checked once.
pub struct Renderer {
    tera: Tera,
    strings: BTreeMap<Lang, i18n::Strings>,
    template_origins: HashMap<String, String>,
}

impl Renderer {
    pub fn new(theme: &Theme, config: &crate::config::SiteConfig) -> Result<Renderer, Failed> {
        let strings = i18n::load(theme, config)?;
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        let mut sources = Vec::new();
        let mut template_origins = HashMap::new();
        let mut problems = Vec::new();
        for (name, file) in theme.templates() {
            match std::str::from_utf8(&file.bytes) {
                Ok(text) => {
                    sources.push((name.to_string(), text.to_string()));
                    template_origins.insert(name.to_string(), file.origin.clone());
                }
                Err(_) => problems.push(
                    Problem::error("template", crate::text!("render-template-not-utf8"))
                        .in_file(&file.origin),
                ),
            }
        }
        if !problems.is_empty() {
            return Err(Failed(problems));
        }
        tera.add_raw_templates(sources).map_err(|e| {
            Problem::error(
                "template",
                crate::text!("render-template-syntax", reason = e.to_string()),
            )
            .help(crate::text!("render-template-syntax-help"))
        })?;
        Ok(Renderer {
            tera,
            strings,
            template_origins,
        })
    }

    pub fn strings(&self, lang: Lang) -> &i18n::Strings {
        static EMPTY: BTreeMap<String, String> = BTreeMap::new();
        self.strings.get(&lang).unwrap_or(&EMPTY)
    }

    fn render(&self, template: &str, context: &Context) -> Result<String, Problem> {
        self.tera.render(template, context).map_err(|e| {
            let origin = self
                .template_origins
                .get(template)
                .cloned()
                .unwrap_or_else(|| template.to_string());
            Problem::error(
                "template",
                crate::text!("render-failed", reason = e.to_string()),
            )
            .in_file(origin)
            .help(crate::text!("render-failed-help"))
        })
    }
}

/// Everything rendering reads, derived once from the site model.
pub struct Prepared<'a> {
    pub site: &'a Site,
    pub renderer: &'a Renderer,
    pub images: HashMap<String, ImageSet>,
    /// Template value of each page's summary, by page id.
    pub summaries: Vec<Value>,
    /// The search indexer, when the build writes a search index.
    pub indexer: Option<&'a crate::search::Indexer>,
    base: HashMap<Lang, Context>,
}

impl<'a> Prepared<'a> {
    pub fn new(
        site: &'a Site,
        renderer: &'a Renderer,
        images: HashMap<String, ImageSet>,
        indexer: Option<&'a crate::search::Indexer>,
    ) -> Prepared<'a> {
        let summaries = site
            .pages
            .par_iter()
            .map(|p| Value::from_serializable(&view::summary(site, p, &images)))
            .collect();
        Prepared::from_parts(site, renderer, images, summaries, indexer)
    }

    pub fn context(&self, lang: Lang) -> Context {
        self.base.get(&lang).cloned().unwrap_or_default()
    }

    pub fn summary(&self, id: crate::site::PageId) -> Value {
        self.summaries[id.0].clone()
    }

    /// The summary cards of `cards`, in order.
    pub fn cards(&self, cards: &[jobs::inputs::Card]) -> Vec<Value> {
        cards.iter().map(|c| self.summary(c.id())).collect()
    }
}

/// Render every job, passing each file to `sink` as soon as it is ready. Returns the number of
/// HTML pages written; all problems of all jobs are reported together.
pub fn render_all(
    prepared: &Prepared<'_>,
    jobs: &[Job],
    sink: &(dyn Fn(&OutputFile) -> Result<(), Problem> + Sync),
) -> Result<PageCounts, Failed> {
    let results: Vec<Result<(PageKind, usize), Problem>> = jobs
        .par_iter()
        .map(|job| {
            let files = jobs::render_job(prepared, job)?;
            // A search index is thousands of files: written in parallel, so that the end of
            // the build does not wait on one thread writing them (a page is one file: inline).
            let html = files
                .par_iter()
                .with_min_len(64)
                .map(|file| sink(file).map(|()| usize::from(file.path.ends_with(".html"))))
                .sum::<Result<usize, Problem>>()?;
            Ok((job.page_kind(), html))
        })
        .collect();
    let mut problems = Vec::new();
    let mut pages = PageCounts::default();
    for r in results {
        match r {
            Ok((kind, n)) => pages.add(kind, n),
            Err(p) => {
                if !problems
                    .iter()
                    .any(|q: &Problem| q.message == p.message && q.file == p.file)
                {
                    problems.push(p);
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(pages)
    } else {
        Err(Failed(problems))
    }
}
