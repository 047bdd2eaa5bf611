//! Stage 1: files → typed content. Walks `content/`, splits front matter, validates it into typed
//! kinds, pairs each page with its translation and fills in what an English twin inherits.
//! Produces [`Content`], which later stages only read.

pub mod date;
pub mod frontmatter;
pub mod kind;
pub mod kinds;
pub mod placeholder;
pub mod single;
mod twin_fields;
mod validate;
pub mod walk;

/// Slugs are read by `config` too, which comes before content: the type lives below both.
pub use crate::slug;

use crate::config::{Limits, SiteConfig};
use crate::error::{Failed, Problem};
use crate::lang::Lang;
use crate::yaml;
use frontmatter::{RawPage, RawSection};
use kinds::{Common, Kind, KindData, SectionMeta};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use validate::{Rejected, invalid_to_problem, validate_page};
pub use walk::{AssetFile, CONTENT_DIR, DocName, MarkdownFile};

/// The text of one Markdown file and where its body starts.
#[derive(Clone, Debug)]
pub struct Source {
    /// Site-relative path: `content/role-models/li-mei.md`.
    pub file: String,
    pub text: Arc<str>,
    pub yaml: std::ops::Range<usize>,
    pub body: std::ops::Range<usize>,
    /// 1-based line of the file where the YAML starts.
    pub yaml_line: usize,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
}

impl Source {
    pub fn body(&self) -> &str {
        &self.text[self.body.clone()]
    }
    pub fn yaml(&self) -> &str {
        &self.text[self.yaml.clone()]
    }
    /// Line of the file where front-matter `key` is written.
    pub fn key_line(&self, key: &str) -> Option<usize> {
        yaml::key_line(self.yaml(), key).map(|l| l + self.yaml_line - 1)
    }
    pub fn problem(&self, code: &'static str, message: crate::messages::Text) -> Problem {
        Problem::error(code, message)
            .in_file(&self.file)
            .with_source(&self.text)
    }
}

#[derive(Clone, Debug)]
pub struct SectionDoc {
    /// Content-relative folder (`""` for the home page).
    pub dir: String,
    pub lang: Lang,
    pub meta: SectionMeta,
    pub source: Source,
}

#[derive(Clone, Debug)]
pub struct PageDoc {
    /// Content-relative folder the page's URL sits in (`role-models`).
    pub dir: String,
    /// Content-relative folder of the section it belongs to (nearest `_index.md`).
    pub section_dir: String,
    /// File stem or bundle folder name: the page's identity across languages.
    pub name: String,
    pub lang: Lang,
    /// Content-relative path of the Markdown file (`role-models/li-mei.en.md`).
    pub rel: String,
    pub bundle: Option<String>,
    pub common: Common,
    pub data: KindData,
    pub source: Source,
}

impl PageDoc {
    pub(crate) fn new(
        md: &MarkdownFile,
        section_dir: &str,
        name: String,
        (common, data): (Common, KindData),
        source: Source,
    ) -> PageDoc {
        PageDoc {
            dir: md.dir.clone(),
            section_dir: section_dir.to_string(),
            name,
            lang: md.lang,
            rel: md.rel.clone(),
            bundle: md.bundle.clone(),
            common,
            data,
            source,
        }
    }

    pub fn kind(&self) -> Kind {
        self.data.kind()
    }
}

#[derive(Debug)]
pub struct Content {
    pub sections: Vec<SectionDoc>,
    pub pages: Vec<PageDoc>,
    pub assets: Vec<AssetFile>,
    /// Problems that do not stop the build (skipped symlinks).
    pub warnings: Vec<Problem>,
    /// Link keys (`news/2025-10-01-x`, `handbook/_index`) of the drafts this build leaves out,
    /// so a link to one says so rather than that the page does not exist.
    pub drafts: Vec<String>,
    /// Content-relative paths of the symlinks the walk skipped (see `walk::Walked::symlinks`).
    pub symlinks: Vec<String>,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct LoadOptions {
    pub drafts: bool,
}

enum Parsed {
    Section(MarkdownFile, Box<RawSection>, Source),
    Page(MarkdownFile, Box<RawPage>, Source),
}

pub fn load(root: &Path, config: &SiteConfig, options: LoadOptions) -> Result<Content, Failed> {
    let walked = walk::walk(root).map_err(Failed)?;
    let results: Vec<(DocKey, Lang, Result<Parsed, Vec<Problem>>)> = walked
        .markdown
        .into_par_iter()
        .filter(|md| config.has_lang(md.lang))
        .map(|md| {
            (
                (md.dir.clone(), doc_name(&md)),
                md.lang,
                parse_file(md, &config.limits),
            )
        })
        .collect();
    let mut problems = Vec::new();
    let mut parsed = Vec::with_capacity(results.len());
    // Chinese sources that could not be read: their twins' missing keys follow from that.
    let mut failed = Failures::default();
    for (key, lang, r) in results {
        match r {
            Ok(p) => parsed.push(p),
            Err(mut ps) => {
                problems.append(&mut ps);
                if lang == Lang::Zh {
                    failed.sources.insert(key);
                }
            }
        }
    }
    let (sections, mut section_problems) = validate_sections(&parsed, &mut failed);
    problems.append(&mut section_problems);
    let mut warnings = walked.warnings;
    warnings.extend(dropped_twin_fields(&parsed));
    let (pages, mut page_problems) = validate_pages(parsed, &sections, config, &failed);
    problems.append(&mut page_problems);
    if !problems.is_empty() {
        return Err(Failed(problems));
    }
    warnings.extend(typed_placeholders(&sections, &pages));
    Ok(drop_drafts(
        Content {
            sections,
            pages,
            assets: walked.assets,
            warnings,
            drafts: Vec::new(),
            symlinks: walked.symlinks,
        },
        options,
    ))
}

/// Placeholder text an editor typed, in every page and section index that is to be published.
fn typed_placeholders(sections: &[SectionDoc], pages: &[PageDoc]) -> Vec<Problem> {
    let published_pages = pages.iter().filter(|p| !p.common.draft).map(|p| &p.source);
    let published_sections = sections.iter().filter(|s| !s.meta.draft).map(|s| &s.source);
    published_pages
        .chain(published_sections)
        .flat_map(placeholder::suspects)
        .collect()
}

fn parse_file(md: MarkdownFile, limits: &Limits) -> Result<Parsed, Vec<Problem>> {
    let file = format!("{CONTENT_DIR}/{}", md.rel);
    let unreadable = |e: std::io::Error| {
        vec![
            Problem::error(
                "unreadable",
                crate::text!("content-unreadable", reason = e.to_string()),
            )
            .in_file(&file),
        ]
    };
    // Checked before reading: a 2 GB file must fail with its name, not be killed by the kernel.
    let size = std::fs::metadata(&md.path).map_err(unreadable)?.len();
    if size > limits.file_size_bytes() {
        return Err(vec![too_large(&file, size, limits)]);
    }
    let bytes = std::fs::read(&md.path).map_err(unreadable)?;
    parse_bytes(md, bytes, limits)
}

/// [`parse_file`] of bytes already read (the desk's preview of text not saved yet).
fn parse_bytes(md: MarkdownFile, bytes: Vec<u8>, limits: &Limits) -> Result<Parsed, Vec<Problem>> {
    let file = format!("{CONTENT_DIR}/{}", md.rel);
    if bytes.len() as u64 > limits.file_size_bytes() {
        return Err(vec![too_large(&file, bytes.len() as u64, limits)]);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        vec![
            Problem::error("not-utf8", crate::text!("content-not-utf8"))
                .in_file(&file)
                .at_line(line)
                .help(crate::text!("content-not-utf8-help")),
        ]
    })?;
    if let Some(nul) = text.find('\0') {
        let line = text[..nul].matches('\n').count() + 1;
        let column = text[..nul]
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count())
            + 1;
        return Err(vec![
            Problem::error("nul-byte", crate::text!("content-nul-byte"))
                .in_file(&file)
                .at(line, column)
                .help(crate::text!("content-nul-byte-help")),
        ]);
    }
    let text: Arc<str> = text.into();
    let split = frontmatter::split(&text).map_err(|e| {
        let (msg, help) = match e {
            frontmatter::SplitError::NoFrontMatter => (
                crate::text!("content-no-front-matter"),
                crate::text!("content-no-front-matter-help"),
            ),
            frontmatter::SplitError::Unclosed => (
                crate::text!("content-front-matter-unclosed"),
                crate::text!("content-front-matter-unclosed-help"),
            ),
        };
        vec![
            Problem::error("front-matter", msg)
                .in_file(&file)
                .at_line(1)
                .help(help)
                .with_source(&text),
        ]
    })?;
    let base = text.as_ptr() as usize;
    let yaml_start = split.yaml.as_ptr() as usize - base;
    let body_start = split.body.as_ptr() as usize - base;
    let source = Source {
        file: file.clone(),
        text: Arc::clone(&text),
        yaml: yaml_start..yaml_start + split.yaml.len(),
        body: body_start..text.len(),
        yaml_line: split.yaml_line,
        body_line: split.body_line,
    };
    // Personal data in front matter is the inspection's (crate::inspect::personal reads the
    // whole file with check digits, masks and a page's allowed numbers).
    if source.yaml().len() as u64 > limits.front_matter_bytes() {
        return Err(vec![
            // No source frame: it would print the over-long text.
            Problem::error(
                "front-matter-too-large",
                crate::text!(
                    "content-front-matter-too-large",
                    size_kb = source.yaml().len() / 1024,
                    limit_kb = limits.front_matter_kb
                ),
            )
            .in_file(&file)
            .at_line(source.yaml_line)
            .help(crate::text!("content-front-matter-too-large-help")),
        ]);
    }
    let located = |e: yaml::YamlError| vec![yaml_problem(&source, e)];
    Ok(match md.name {
        DocName::SectionIndex => {
            let raw = parse_yaml::<RawSection>(source.yaml(), limits).map_err(located)?;
            Parsed::Section(md, Box::new(raw), source)
        }
        DocName::Page(_) => {
            let raw = parse_yaml::<RawPage>(source.yaml(), limits).map_err(located)?;
            Parsed::Page(md, Box::new(raw), source)
        }
    })
}

fn too_large(file: &str, size: u64, limits: &Limits) -> Problem {
    Problem::error(
        "file-too-large",
        crate::text!(
            "content-file-too-large",
            size_mb = format!("{:.1}", size as f64 / (1024.0 * 1024.0)),
            limit_mb = limits.file_size_mb
        ),
    )
    .in_file(file)
    .help(crate::text!("content-file-too-large-help"))
}

/// A front-matter YAML error, placed in the file.
fn yaml_problem(source: &Source, e: yaml::YamlError) -> Problem {
    let mut p = source
        .problem("front-matter", e.message)
        .at(e.line + source.yaml_line - 1, e.column);
    p.help = e.help.map(Box::new);
    p
}

/// Empty front matter (`---\n---`) is an empty mapping, not a YAML error.
fn parse_yaml<T: serde::de::DeserializeOwned + Default>(
    text: &str,
    limits: &Limits,
) -> Result<T, yaml::YamlError> {
    if text.trim().is_empty() {
        return Ok(T::default());
    }
    yaml::parse_nested(text, limits.nesting_depth)
}

/// A document's identity across languages: its folder and name (`_index` for a section).
type DocKey = (String, String);

/// What already failed, so that what merely follows from it is not reported as well: the root
/// cause first, and only once.
#[derive(Default)]
struct Failures {
    /// Chinese files that could not be parsed (their English twins inherit nothing).
    sources: std::collections::HashSet<DocKey>,
    /// Folders whose section index is invalid (their pages have no section to belong to).
    sections: std::collections::HashSet<String>,
}

impl Failures {
    /// Whether the nearest section index at or above `dir` is one that failed.
    fn in_failed_section(&self, dir: &str, sections: &HashMap<&str, Kind>) -> bool {
        let mut d = dir;
        loop {
            if self.sections.contains(d) {
                return true;
            }
            if sections.contains_key(d) {
                return false;
            }
            match d.rsplit_once('/') {
                Some((parent, _)) => d = parent,
                None if !d.is_empty() => d = "",
                None => return false,
            }
        }
    }
}

fn validate_sections(parsed: &[Parsed], failed: &mut Failures) -> (Vec<SectionDoc>, Vec<Problem>) {
    let mut kinds: HashMap<&str, Kind> = HashMap::new();
    let mut problems = Vec::new();
    // Chinese first: the English index inherits its section's kind.
    let mut ordered: Vec<(&MarkdownFile, &RawSection, &Source)> = parsed
        .iter()
        .filter_map(|p| match p {
            Parsed::Section(md, raw, src) => Some((md, &**raw, src)),
            Parsed::Page(..) => None,
        })
        .collect();
    ordered.sort_by_key(|(md, _, _)| (md.lang, md.rel.clone()));
    let mut sections = Vec::new();
    for (md, raw, source) in ordered {
        let source_failed = failed.sources.contains(&(md.dir.clone(), doc_name(md)))
            || failed.sections.contains(&md.dir);
        if md.lang != Lang::Zh && raw.kind.is_none() && source_failed {
            // The Chinese index failed and is reported; this twin only lacks what it inherits.
            continue;
        }
        if raw.kind.is_none() && !md.dir.is_empty() && !kinds.contains_key(md.dir.as_str()) {
            problems.push(
                source
                    .problem("section-kind", crate::text!("content-section-kind-missing"))
                    .at_line(source.yaml_line)
                    .help(crate::text!(
                        "content-section-kind-missing-help",
                        kinds = Kind::NAMES.join(", ")
                    )),
            );
            continue;
        }
        match kinds::section_meta(raw.clone(), kinds.get(md.dir.as_str()).copied()) {
            Ok(meta) => {
                kinds.entry(md.dir.as_str()).or_insert(meta.kind);
                sections.push(SectionDoc {
                    dir: md.dir.clone(),
                    lang: md.lang,
                    meta,
                    source: source.clone(),
                });
            }
            Err(invalids) => {
                failed.sections.insert(md.dir.clone());
                problems.extend(
                    invalids
                        .into_iter()
                        .map(|i| invalid_to_problem(i, source, None)),
                );
            }
        }
    }
    if !sections
        .iter()
        .any(|s| s.dir.is_empty() && s.lang == Lang::Zh)
        && problems.is_empty()
    {
        problems.push(
            Problem::error("no-home", crate::text!("content-no-home"))
                .in_file("content/_index.md")
                .help(crate::text!("content-no-home-help")),
        );
    }
    (sections, problems)
}

fn validate_pages(
    parsed: Vec<Parsed>,
    sections: &[SectionDoc],
    config: &SiteConfig,
    failed: &Failures,
) -> (Vec<PageDoc>, Vec<Problem>) {
    let kinds: HashMap<&str, Kind> = sections
        .iter()
        .map(|s| (s.dir.as_str(), s.meta.kind))
        .collect();
    let (zh, en): (Vec<_>, Vec<_>) = parsed
        .into_iter()
        .filter_map(|p| match p {
            Parsed::Page(md, raw, src) => Some((md, raw, src)),
            Parsed::Section(..) => None,
        })
        .partition(|(md, _, _)| md.lang == Lang::Zh);
    let sources: HashMap<(String, String), (Box<RawPage>, Source)> = zh
        .iter()
        .map(|(md, raw, src)| ((md.dir.clone(), doc_name(md)), (raw.clone(), src.clone())))
        .collect();
    let results: Vec<Result<PageDoc, Vec<Problem>>> = zh
        .into_par_iter()
        .chain(en.into_par_iter())
        .map(|(md, raw, source)| {
            let twin = sources
                .get(&(md.dir.clone(), doc_name(&md)))
                .filter(|_| md.lang != Lang::Zh);
            let zh = twin.map(|(raw, source)| (&**raw, source));
            match validate_page(&md, raw, source, zh, &kinds, config) {
                Ok(doc) => Ok(doc),
                // Follows from a failure already reported: the page's section index is invalid,
                // or (for an English twin) its Chinese source could not be read.
                Err(Rejected::Invalid(_))
                    if failed.in_failed_section(&md.dir, &kinds)
                        || (md.lang != Lang::Zh
                            && twin.is_none()
                            && failed.sources.contains(&(md.dir.clone(), doc_name(&md)))) =>
                {
                    Err(Vec::new())
                }
                Err(Rejected::Invalid(problems) | Rejected::Unfinished(problems)) => Err(problems),
            }
        })
        .collect();
    let mut pages = Vec::new();
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok(p) => pages.push(p),
            Err(mut ps) => problems.append(&mut ps),
        }
    }
    pages.sort_by(|a, b| (a.lang, &a.rel).cmp(&(b.lang, &b.rel)));
    (pages, problems)
}

/// Fields a Chinese page shows that its English twin leaves out (see `twin_fields`).
fn dropped_twin_fields(parsed: &[Parsed]) -> Vec<Problem> {
    let pages = || {
        parsed.iter().filter_map(|p| match p {
            Parsed::Page(md, raw, src) => Some((md, &**raw, src)),
            Parsed::Section(..) => None,
        })
    };
    let zh: HashMap<(String, String), (&RawPage, &Source)> = pages()
        .filter(|(md, _, _)| md.lang == Lang::Zh)
        .map(|(md, raw, src)| ((md.dir.clone(), doc_name(md)), (raw, src)))
        .collect();
    pages()
        .filter(|(md, _, _)| md.lang != Lang::Zh)
        .filter_map(|(md, raw, src)| {
            let (zh_raw, zh_src) = zh.get(&(md.dir.clone(), doc_name(md)))?;
            Some(twin_fields::dropped(raw, src, zh_raw, &zh_src.file))
        })
        .flatten()
        .collect()
}

fn doc_name(md: &MarkdownFile) -> String {
    match &md.name {
        DocName::Page(name) => name.clone(),
        DocName::SectionIndex => "_index".to_string(),
    }
}

/// Whether a page would be left out of a build with these options.
pub fn is_dropped(doc: &PageDoc, options: LoadOptions) -> bool {
    !options.drafts && doc.common.draft
}

fn drop_drafts(mut content: Content, options: LoadOptions) -> Content {
    if options.drafts {
        return content;
    }
    let draft_dirs: Vec<String> = content
        .sections
        .iter()
        .filter(|s| s.meta.draft && !s.dir.is_empty())
        .map(|s| s.dir.clone())
        .collect();
    let in_draft = |dir: &str| {
        draft_dirs
            .iter()
            .any(|d| dir == d || dir.starts_with(&format!("{d}/")))
    };
    let key = |dir: &str, name: &str| {
        if dir.is_empty() {
            name.to_string()
        } else {
            format!("{dir}/{name}")
        }
    };
    let (sections, pages) = (&mut content.sections, &mut content.pages);
    let drafts = &mut content.drafts;
    sections.retain(|s| {
        let kept = !in_draft(&s.dir);
        if !kept {
            drafts.push(key(&s.dir, "_index"));
        }
        kept
    });
    pages.retain(|p| {
        let kept = !is_dropped(p, options) && !in_draft(&p.section_dir);
        if !kept {
            drafts.push(key(&p.dir, &p.name));
        }
        kept
    });
    content
}
