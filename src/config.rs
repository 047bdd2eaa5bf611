//! `site.yaml`: the site's identity, languages, menus and configured lists, typed and validated.

use crate::error::{Failed, Problem};
use crate::lang::Lang;
use crate::messages::Text;
use crate::yaml;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

pub const CONFIG_FILE: &str = "site.yaml";

/// A text given per language. Chinese is required; English falls back to it when missing.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    #[serde(rename = "zh-CN")]
    pub zh: String,
    #[serde(default)]
    pub en: Option<String>,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => self.en.as_deref().unwrap_or(&self.zh),
        }
    }
}

/// An item of a configured list (role-model categories, PSA themes): pages use `key`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ListItem {
    pub key: String,
    /// URL segment of the item's filter page; the key itself when not given.
    #[serde(default)]
    pub slug: Option<String>,
    pub label: Localized,
}

impl ListItem {
    pub fn url_segment(&self) -> &str {
        self.slug.as_deref().unwrap_or(&self.key)
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    pub label: String,
    /// `@/section/_index.md`, a content path, or an absolute `https://` URL.
    pub link: String,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct City {
    pub name: Localized,
    #[serde(default)]
    pub districts: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Footer {
    #[serde(default)]
    pub sponsor: Option<Localized>,
    #[serde(default)]
    pub contact: Option<Localized>,
    #[serde(default)]
    pub address: Option<Localized>,
    #[serde(default)]
    pub icp: Option<String>,
    #[serde(default)]
    pub police: Option<String>,
    #[serde(default)]
    pub police_code: Option<String>,
    #[serde(default)]
    pub site_id: Option<String>,
}

/// Page metadata the State Council's government-website guidelines ask for.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GovMeta {
    pub site_name: String,
    pub site_domain: String,
    pub site_id_code: String,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SearchConfig {
    /// Build the search index and the search page (on by default; government-site norms
    /// expect on-site search). Off, the header has no search link and nothing under `search/`.
    pub enabled: bool,
    /// Words the Chinese segmenter must keep whole (district names, programme names).
    pub words: Vec<String>,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            enabled: true,
            words: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ImageConfig {
    /// Widths, in pixels, that photos and posters are resized to for `srcset`.
    pub widths: Vec<u32>,
    pub quality: u8,
    /// Whether a page's photo or poster is also published at full size (cleaned of metadata,
    /// like every published picture). Off: only the resized forms are published.
    pub publish_originals: bool,
}

impl Default for ImageConfig {
    fn default() -> Self {
        ImageConfig {
            widths: vec![360, 720, 1080],
            quality: 80,
            publish_originals: false,
        }
    }
}

/// `markdown:` in site.yaml: the Markdown extensions an editor can switch off.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct MarkdownConfig {
    /// Emphasis next to Chinese punctuation works (`**“文明城市”**是` is bold); Latin text is
    /// unaffected. Off means plain CommonMark.
    pub cjk_friendly_emphasis: bool,
    /// Bare `www.`, `https://` addresses and e-mail addresses become links, as on GitHub.
    pub bare_links: bool,
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        MarkdownConfig {
            cjk_friendly_emphasis: true,
            bare_links: true,
        }
    }
}

/// Resource limits: far above any real page, so that a mistaken or hostile file fails with a
/// clear error instead of exhausting memory or time. A site that needs more raises them.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Largest Markdown file, in megabytes.
    pub file_size_mb: u64,
    /// Largest front matter (the YAML between the `---` lines), in kilobytes.
    pub front_matter_kb: u64,
    /// Deepest nesting of lists and mappings in front matter.
    pub nesting_depth: usize,
    /// Longest line of a code block that is still highlighted, in characters; longer blocks are
    /// shown as plain text (with a warning) rather than stalling the build.
    pub highlight_line_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_size_mb: 10,
            front_matter_kb: 256,
            nesting_depth: 32,
            highlight_line_chars: 2000,
        }
    }
}

impl Limits {
    pub fn file_size_bytes(&self) -> u64 {
        self.file_size_mb.saturating_mul(1024 * 1024)
    }
    pub fn front_matter_bytes(&self) -> u64 {
        self.front_matter_kb.saturating_mul(1024)
    }
}

/// `inspection:` in site.yaml: what the government-website inspection checks (`crate::inspect`).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct InspectionConfig {
    /// Days a column may go without a new item, by its folder under content/ (`news: 14`,
    /// `notices: 180`); the inspection's "not updated" rule.
    pub cadence: BTreeMap<String, u32>,
    /// Days the home page may go without any new item anywhere on the site.
    pub home_days: u32,
    /// A protected-names list older than this (its `as_of:`) is a warning.
    pub names_max_age_days: u32,
    /// Largest attachment (PDF, DOCX, XLSX, …) in megabytes.
    pub attachment_max_mb: u64,
}

impl Default for InspectionConfig {
    fn default() -> InspectionConfig {
        InspectionConfig {
            cadence: BTreeMap::new(),
            home_days: 14,
            names_max_age_days: 90,
            attachment_max_mb: 20,
        }
    }
}

/// `review:` in site.yaml: 三审三校 sign-offs (`crate::review`).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewConfig {
    /// How many levels sign a page: 3 (editor, section head, leader in charge) by the rules.
    #[serde(default = "three_levels")]
    pub levels: u8,
    /// Whether a page without every sign-off may not be published (the default once `review:`
    /// is there).
    #[serde(default = "yes")]
    pub required: bool,
}

fn three_levels() -> u8 {
    3
}

fn yes() -> bool {
    true
}

/// site.yaml itself is read before its limits are known: it is held to the default file size.
const MAX_CONFIG_BYTES: u64 = 10 * 1024 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: String,
    #[serde(default)]
    languages: Option<Vec<String>>,
    title: Localized,
    #[serde(default)]
    description: Localized,
    #[serde(default)]
    theme: Option<String>,
    #[serde(default)]
    city: City,
    #[serde(default)]
    role_model_categories: Option<Vec<ListItem>>,
    #[serde(default)]
    psa_themes: Vec<ListItem>,
    #[serde(default)]
    tags: Vec<ListItem>,
    #[serde(default)]
    menus: BTreeMap<String, Vec<MenuItem>>,
    #[serde(default)]
    footer: Footer,
    #[serde(default)]
    gov_meta: Option<GovMeta>,
    #[serde(default)]
    i18n: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    stale_after_days: Option<u32>,
    #[serde(default)]
    search: SearchConfig,
    #[serde(default)]
    images: ImageConfig,
    #[serde(default)]
    markdown: MarkdownConfig,
    #[serde(default)]
    guard: crate::guard::GuardConfig,
    #[serde(default)]
    limits: Limits,
    #[serde(default)]
    inspection: InspectionConfig,
    #[serde(default)]
    review: Option<ReviewConfig>,
    #[serde(default)]
    publish: BTreeMap<String, PublishTarget>,
}

/// The validated configuration. Built once; read by every later stage.
#[derive(Clone, Debug, Serialize)]
pub struct SiteConfig {
    /// Without a trailing slash, e.g. `https://wenming.minghu.example.cn`.
    pub base_url: String,
    pub languages: Vec<Lang>,
    pub title: Localized,
    pub description: Localized,
    pub theme: String,
    pub city: City,
    pub role_model_categories: Vec<ListItem>,
    pub psa_themes: Vec<ListItem>,
    /// Optional slugs and English labels for tags; an unlisted tag keeps its own text in URLs.
    pub tags: Vec<ListItem>,
    pub menus: BTreeMap<Lang, Vec<MenuItem>>,
    pub footer: Footer,
    pub gov_meta: Option<GovMeta>,
    pub i18n: BTreeMap<Lang, BTreeMap<String, String>>,
    pub stale_after_days: u32,
    pub search: SearchConfig,
    pub images: ImageConfig,
    pub markdown: MarkdownConfig,
    pub limits: Limits,
    pub inspection: InspectionConfig,
    /// 三审三校: `None` when site.yaml has no `review:` (nothing about publishing changes).
    pub review: Option<ReviewConfig>,
    /// `publish:`: where `civic publish` deploys, by name (checked by `publish::target`).
    pub publish: BTreeMap<String, PublishTarget>,
    #[serde(skip)]
    pub guard: crate::guard::GuardConfig,
    /// The text of site.yaml, for locating problems found after parsing.
    #[serde(skip)]
    pub source: std::sync::Arc<str>,
}

impl SiteConfig {
    /// The city and its districts in every language: the guard's "our own places".
    pub fn place_names(&self) -> Vec<String> {
        let mut names = vec![self.city.name.zh.clone()];
        names.extend(self.city.name.en.clone());
        names.extend(self.city.districts.iter().cloned());
        names
    }

    pub fn has_lang(&self, lang: Lang) -> bool {
        self.languages.contains(&lang)
    }

    pub fn category(&self, key: &str) -> Option<&ListItem> {
        self.role_model_categories.iter().find(|c| c.key == key)
    }

    pub fn psa_theme(&self, key: &str) -> Option<&ListItem> {
        self.psa_themes.iter().find(|c| c.key == key)
    }

    pub fn tag(&self, key: &str) -> Option<&ListItem> {
        self.tags.iter().find(|c| c.key == key)
    }

    /// The site's host name (for telling internal from external links).
    pub fn host(&self) -> &str {
        let rest = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, r)| r);
        rest.split('/').next().unwrap_or(rest)
    }

    /// Path part of base_url (`""` when the site lives at the host root).
    pub fn base_path(&self) -> &str {
        let rest = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, r)| r);
        rest.find('/').map_or("", |i| &rest[i..])
    }
}

/// The five national categories of moral role models, used when site.yaml lists none.
pub fn default_categories() -> Vec<ListItem> {
    [
        ("助人为乐", "helping-others", "Helping Others"),
        ("见义勇为", "bravery", "Bravery"),
        ("诚实守信", "honesty", "Honesty and Trustworthiness"),
        ("敬业奉献", "dedication", "Dedication to Work"),
        ("孝老爱亲", "filial-piety", "Filial Piety and Family Love"),
    ]
    .into_iter()
    .map(|(key, slug, en)| ListItem {
        key: key.to_string(),
        slug: Some(slug.to_string()),
        label: Localized {
            zh: key.to_string(),
            en: Some(en.to_string()),
        },
    })
    .collect()
}

/// Read and validate `site.yaml` under `root`. `base_url_override` comes from `--base-url`.
pub fn load(root: &Path, base_url_override: Option<&str>) -> Result<SiteConfig, Failed> {
    let path = root.join(CONFIG_FILE);
    // Inside the site, a regular file, at most MAX_CONFIG_BYTES: a site.yaml symlinked to
    // /dev/zero or a FIFO is refused instead of read for ever (issue 24).
    let read =
        crate::paths::SitePath::parse(CONFIG_FILE).and_then(|p| p.read_in(root, MAX_CONFIG_BYTES));
    let bytes = match read {
        Ok(bytes) => bytes,
        Err(crate::paths::PathProblem::TooLarge(_)) => {
            return Err(Problem::error(
                "config-too-large",
                crate::text!(
                    "config-too-large",
                    limit_mb = MAX_CONFIG_BYTES / 1024 / 1024
                ),
            )
            .in_file(CONFIG_FILE)
            .help(crate::text!("config-too-large-help"))
            .into());
        }
        Err(problem) => {
            return Err(Problem::error(
                "config-unreadable",
                crate::text!("config-unreadable", reason = problem.text()),
            )
            .in_file(CONFIG_FILE)
            .help(crate::text!(
                "config-unreadable-help",
                path = path.display().to_string()
            ))
            .into());
        }
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        Problem::error("not-utf8", crate::text!("config-not-utf8"))
            .in_file(CONFIG_FILE)
            .at_line(line)
            .help(crate::text!("config-not-utf8-help"))
    })?;
    let source: std::sync::Arc<str> = text.as_str().into();
    let raw: RawConfig = yaml::parse(&text).map_err(|e| {
        let mut p = Problem::error("config-invalid", e.message)
            .in_file(CONFIG_FILE)
            .at(e.line, e.column)
            .with_source(&source);
        p.help = e.help.map(Box::new);
        p
    })?;
    validate(raw, &source, base_url_override).map_err(|problems| {
        Failed(
            problems
                .into_iter()
                .map(|p| p.with_source(&source))
                .collect(),
        )
    })
}

fn validate(
    raw: RawConfig,
    source: &std::sync::Arc<str>,
    base_url_override: Option<&str>,
) -> Result<SiteConfig, Vec<Problem>> {
    let text: &str = source;
    let mut problems = Vec::new();
    let problem = |code, key: &str, msg: Text, help: Text| {
        let p = Problem::error(code, msg).in_file(CONFIG_FILE).help(help);
        match yaml::key_line(text, key) {
            Some(line) => p.at_line(line),
            None => p,
        }
    };

    let base_url = base_url_override
        .unwrap_or(&raw.base_url)
        .trim_end_matches('/')
        .to_string();
    if let Err(why) = check_base_url(&base_url) {
        problems.push(match base_url_override {
            // The flag's value, not site.yaml's: say so rather than blame a line of the file.
            Some(_) => Problem::error(
                "config-base-url",
                crate::text!("config-base-url-flag", url = &base_url, why = why),
            )
            .help(crate::text!("config-base-url-flag-help")),
            None => problem(
                "config-base-url",
                "base_url",
                crate::text!("config-base-url", url = &base_url, why = why),
                crate::text!("config-base-url-help"),
            ),
        });
    }
    if let Some(theme) = &raw.theme
        && !is_folder_name(theme)
    {
        problems.push(problem(
            "config-theme",
            "theme",
            crate::text!("config-theme-invalid", theme = theme),
            crate::text!("config-theme-invalid-help"),
        ));
    }

    let mut languages = Vec::new();
    for code in raw
        .languages
        .unwrap_or_else(|| vec!["zh-CN".into(), "en".into()])
    {
        match Lang::from_code(&code) {
            Some(lang) if !languages.contains(&lang) => languages.push(lang),
            Some(_) => {}
            None => problems.push(problem(
                "config-language",
                "languages",
                crate::text!("config-language-unsupported", code = &code),
                crate::text!("config-language-unsupported-help"),
            )),
        }
    }
    if languages.first() != Some(&Lang::Zh) {
        problems.push(problem(
            "config-language",
            "languages",
            crate::text!("config-language-first"),
            crate::text!("config-language-first-help"),
        ));
    }

    let menus = lang_map(raw.menus, "menus", text, &mut problems);
    let i18n = lang_map(raw.i18n, "i18n", text, &mut problems);

    let role_model_categories = raw.role_model_categories.unwrap_or_else(default_categories);
    check_list(
        &role_model_categories,
        "role_model_categories",
        text,
        &mut problems,
    );
    check_list(&raw.psa_themes, "psa_themes", text, &mut problems);
    check_list(&raw.tags, "tags", text, &mut problems);

    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(SiteConfig {
        base_url,
        languages,
        title: raw.title,
        description: raw.description,
        theme: raw.theme.unwrap_or_else(|| "civic".to_string()),
        city: raw.city,
        role_model_categories,
        psa_themes: raw.psa_themes,
        tags: raw.tags,
        menus,
        footer: raw.footer,
        gov_meta: raw.gov_meta,
        i18n,
        stale_after_days: raw.stale_after_days.unwrap_or(14),
        search: raw.search,
        images: raw.images,
        markdown: raw.markdown,
        limits: raw.limits,
        inspection: raw.inspection,
        review: raw.review,
        publish: raw.publish,
        guard: raw.guard,
        source: std::sync::Arc::clone(source),
    })
}

/// Why `url` cannot be the site's published address, if it cannot: it must be a plain `http(s)`
/// address of a host (and optionally a path). A query, fragment or `user:password@` would be
/// published in every canonical link, feed and the sitemap.
/// The reason is the end of a sentence that starts with the address (`base_url `…` is not a web
/// address`).
pub fn check_base_url(url: &str) -> Result<(), Text> {
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(crate::text!("config-url-spaces"));
    }
    let parsed = url::Url::parse(url).map_err(|_| crate::text!("config-url-not-web"))?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none_or(str::is_empty) {
        return Err(crate::text!("config-url-no-host"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(crate::text!("config-url-credentials"));
    }
    if parsed.query().is_some() {
        return Err(crate::text!("config-url-query"));
    }
    if parsed.fragment().is_some() {
        return Err(crate::text!("config-url-fragment"));
    }
    Ok(())
}

/// A single folder name: not empty, no `/` or `\\`, not `.` or `..`.
fn is_folder_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0'])
        && !std::path::Path::new(name).is_absolute()
}

fn lang_map<T>(
    raw: BTreeMap<String, T>,
    key: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) -> BTreeMap<Lang, T> {
    let mut out = BTreeMap::new();
    for (code, value) in raw {
        match Lang::from_code(&code) {
            Some(lang) => {
                out.insert(lang, value);
            }
            None => {
                let mut p = Problem::error(
                    "config-language",
                    crate::text!("config-language-unknown-entry", key = key, code = &code),
                )
                .in_file(CONFIG_FILE)
                .help(crate::text!("config-language-unknown-entry-help"));
                if let Some(line) = yaml::key_line(text, &code) {
                    p = p.at_line(line);
                }
                problems.push(p);
            }
        }
    }
    out
}

fn check_list(items: &[ListItem], key: &str, text: &str, problems: &mut Vec<Problem>) {
    let mut seen_keys = std::collections::HashSet::new();
    let mut seen_slugs = std::collections::HashSet::new();
    for item in items {
        let line = yaml::key_line(text, key);
        let located = |p: Problem| match line {
            Some(l) => p.at_line(l),
            None => p,
        };
        if !seen_keys.insert(item.key.as_str()) {
            problems.push(located(
                Problem::error(
                    "config-duplicate",
                    crate::text!("config-duplicate-key", list = key, item = &item.key),
                )
                .in_file(CONFIG_FILE)
                .help(crate::text!("config-duplicate-key-help")),
            ));
        }
        if !seen_slugs.insert(item.url_segment()) {
            problems.push(located(
                Problem::error(
                    "config-duplicate",
                    crate::text!(
                        "config-duplicate-segment",
                        list = key,
                        segment = item.url_segment()
                    ),
                )
                .in_file(CONFIG_FILE)
                .help(crate::text!("config-duplicate-segment-help")),
            ));
        }
        if let Some(slug) = &item.slug
            && crate::slug::Slug::parse(slug).is_err()
        {
            problems.push(located(
                Problem::error(
                    "config-slug",
                    crate::text!("config-slug-invalid", slug = slug),
                )
                .in_file(CONFIG_FILE)
                .help(crate::text!("config-slug-invalid-help")),
            ));
        }
    }
}

/// A target of `civic publish` as site.yaml gives it: a folder (`path`) or an SSH server (`host`,
/// `remote_path`, ...). `password` and `private_key` exist only to refuse them: secrets never live
/// in site.yaml (`publish::target` turns this into a checked `Target`).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PublishTarget {
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub host: Option<String>,
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default)]
    pub user: Option<String>,
    /// A path to the private key file (never the key itself); without it, the SSH agent.
    #[serde(default)]
    pub key_file: Option<String>,
    #[serde(default)]
    pub remote_path: Option<String>,
    #[serde(default)]
    pub keep: Option<usize>,
    #[serde(default)]
    pub max_delete_percent: Option<u8>,
    /// The name written in the publish log; the OS user when absent.
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing)]
    pub password: Option<String>,
    #[serde(default, skip_serializing)]
    pub private_key: Option<String>,
}
