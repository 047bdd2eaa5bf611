//! Typed, validated front matter. A value of these types is known to be complete and consistent:
//! a `RoleModel` has a configured category, a PSA has a start date, a photo has alt text.

use crate::config::SiteConfig;
use crate::content::date::PubDate;
use crate::content::frontmatter::{self, Honor, RawPage, RawSection, parse_date};
use crate::messages::Text;
use crate::slug::Slug;
use serde::Serialize;

pub use crate::content::kind::Kind;

/// An image that belongs to a page, with its required description.
#[derive(Clone, Debug, Serialize)]
pub struct Figure {
    /// Content-relative path of the image file (`role-models/li-mei.jpg`).
    pub file: String,
    pub alt: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct RoleModel {
    pub name: String,
    pub category: String,
    pub year: u16,
    pub honors: Vec<Honor>,
    pub district: Option<String>,
    pub occupation: Option<String>,
    pub photo: Option<Figure>,
    pub quote: Option<String>,
    pub featured: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Chapter {
    pub weight: i64,
    pub short_title: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Psa {
    pub theme: Option<String>,
    pub campaign: Option<String>,
    pub start: PubDate,
    pub end: Option<PubDate>,
    pub poster: Option<Figure>,
    pub sponsor: Option<String>,
}

impl Psa {
    pub fn is_active(&self, on: jiff::civil::Date) -> bool {
        self.start.date <= on && self.end.is_none_or(|end| on <= end.date)
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct News {
    pub date: PubDate,
    pub source: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum KindData {
    RoleModel(RoleModel),
    Handbook(Chapter),
    Psa(Psa),
    News(News),
    Page,
}

impl KindData {
    pub fn kind(&self) -> Kind {
        match self {
            KindData::RoleModel(_) => Kind::RoleModel,
            KindData::Handbook(_) => Kind::Handbook,
            KindData::Psa(_) => Kind::Psa,
            KindData::News(_) => Kind::News,
            KindData::Page => Kind::Page,
        }
    }

    pub fn figure(&self) -> Option<&Figure> {
        match self {
            KindData::RoleModel(r) => r.photo.as_ref(),
            KindData::Psa(p) => p.poster.as_ref(),
            _ => None,
        }
    }
}

/// Keys every page may carry.
#[derive(Clone, Debug, Serialize)]
pub struct Common {
    pub title: String,
    pub slug: Slug,
    pub date: Option<PubDate>,
    pub updated: Option<PubDate>,
    pub draft: bool,
    pub summary: Option<String>,
    pub tags: Vec<String>,
    pub aliases: Vec<String>,
    pub extra: serde_json::Value,
    pub source_hash: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SectionMeta {
    pub kind: Kind,
    pub title: String,
    pub summary: Option<String>,
    pub keywords: Vec<String>,
    pub weight: i64,
    pub paginate: Option<usize>,
    pub stale_after_days: Option<u32>,
    pub draft: bool,
    pub extra: serde_json::Value,
    pub source_hash: Option<String>,
    pub aliases: Vec<String>,
}

/// A validation failure for one key (or the file, when `key` is `None`).
#[derive(Debug, Clone)]
pub struct Invalid {
    pub key: Option<&'static str>,
    pub message: Text,
    pub help: Text,
}

fn invalid(key: &'static str, message: Text, help: Text) -> Invalid {
    Invalid {
        key: Some(key),
        message,
        help,
    }
}

pub fn section_meta(
    raw: RawSection,
    inherited_kind: Option<Kind>,
) -> Result<SectionMeta, Vec<Invalid>> {
    let mut errors = Vec::new();
    let kind = match raw.kind.as_deref() {
        Some(name) => Kind::parse(name).unwrap_or_else(|| {
            let kinds = Kind::NAMES.join(", ");
            let help = match crate::yaml::closest(name, &Kind::NAMES) {
                Some(guess) => crate::text!("content-kinds-guess", guess = guess, kinds = kinds),
                None => crate::text!("content-kinds", kinds = kinds),
            };
            errors.push(invalid(
                "kind",
                crate::text!("content-section-kind-unknown", name = name),
                help,
            ));
            Kind::Page
        }),
        None => inherited_kind.unwrap_or(Kind::Page),
    };
    let title = required_text(raw.title, "title", &mut errors);
    if raw.paginate == Some(0) {
        errors.push(invalid(
            "paginate",
            crate::text!("content-paginate-zero"),
            crate::text!("content-paginate-zero-help"),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(SectionMeta {
        kind,
        title,
        summary: raw.summary,
        keywords: raw.keywords,
        weight: raw.weight.unwrap_or(0),
        paginate: raw.paginate,
        stale_after_days: raw.stale_after_days,
        draft: raw.draft.unwrap_or(false),
        extra: raw.extra.unwrap_or(serde_json::Value::Null),
        source_hash: raw.source_hash,
        aliases: raw.aliases,
    })
}

fn required_text(value: Option<String>, key: &'static str, errors: &mut Vec<Invalid>) -> String {
    match value {
        Some(v) if !v.trim().is_empty() => v,
        _ => {
            errors.push(invalid(
                key,
                crate::text!("content-required-empty", key = key),
                crate::text!("content-add-key-help", key = key),
            ));
            String::new()
        }
    }
}

fn date_field(
    value: &Option<String>,
    key: &'static str,
    errors: &mut Vec<Invalid>,
) -> Option<PubDate> {
    let text = value.as_deref()?;
    match parse_date(text) {
        Ok(d) => Some(d),
        Err(msg) => {
            errors.push(invalid(key, msg, crate::text!("content-date-help")));
            None
        }
    }
}

/// A tag becomes a URL (`/tags/志愿服务/`) made of its letters and digits: a tag with none (empty,
/// or only punctuation) would have no address and collide with the tag index.
fn check_tags(tags: &[String], errors: &mut Vec<Invalid>) {
    for tag in tags {
        if !tag.chars().any(char::is_alphanumeric) {
            errors.push(invalid(
                "tags",
                crate::text!("content-tag-unusable", tag = tag.as_str()),
                crate::text!("content-tag-help"),
            ));
        }
    }
}

/// Validate a page's raw front matter as a page of `kind`. `default_slug` comes from the file name.
pub fn page_meta(
    raw: RawPage,
    kind: Kind,
    default_slug: &str,
    config: &SiteConfig,
) -> Result<(Common, KindData), Vec<Invalid>> {
    let mut errors = Vec::new();
    for key in raw.kind_keys_present() {
        if !frontmatter::own_keys(kind).any(|own| own == key) {
            let message = match frontmatter::owner_of(key) {
                Some(owner) => crate::text!(
                    "content-key-other-kind",
                    key = key,
                    kind = kind.name(),
                    owner = owner.name()
                ),
                None => crate::text!("content-key-wrong-kind", key = key, kind = kind.name()),
            };
            errors.push(invalid(
                key,
                message,
                crate::text!("content-key-wrong-kind-help"),
            ));
        }
    }
    let title = required_text(raw.title.clone(), "title", &mut errors);
    let slug_text = raw.slug.clone().unwrap_or_else(|| default_slug.to_string());
    let slug = match Slug::parse(&slug_text) {
        Ok(s) => Some(s),
        Err(why) => {
            let (key, help) = if raw.slug.is_some() {
                ("slug", crate::text!("content-slug-help"))
            } else {
                ("title", crate::text!("content-slug-from-file-help"))
            };
            errors.push(invalid(
                key,
                crate::text!("content-slug-unusable", slug = &slug_text, why = why.text()),
                help,
            ));
            None
        }
    };
    check_tags(raw.tags.as_deref().unwrap_or_default(), &mut errors);
    let date = date_field(&raw.date, "date", &mut errors);
    let updated = date_field(&raw.updated, "updated", &mut errors);
    let data = kind_data(&raw, kind, date, config, &mut errors);
    match (slug, data) {
        (Some(slug), Some(data)) if errors.is_empty() => Ok((
            Common {
                title,
                slug,
                date,
                updated,
                draft: raw.draft.unwrap_or(false),
                summary: raw.summary,
                tags: raw.tags.unwrap_or_default(),
                aliases: raw.aliases.unwrap_or_default(),
                extra: raw.extra.unwrap_or(serde_json::Value::Null),
                source_hash: raw.source_hash,
            },
            data,
        )),
        _ => Err(errors),
    }
}

fn kind_data(
    raw: &RawPage,
    kind: Kind,
    date: Option<PubDate>,
    config: &SiteConfig,
    errors: &mut Vec<Invalid>,
) -> Option<KindData> {
    Some(match kind {
        Kind::RoleModel => KindData::RoleModel(role_model(raw, config, errors)?),
        Kind::Handbook => {
            let Some(weight) = raw.weight else {
                errors.push(invalid(
                    "weight",
                    crate::text!("content-required-missing", key = "weight"),
                    crate::text!("content-weight-help"),
                ));
                return None;
            };
            KindData::Handbook(Chapter {
                weight,
                short_title: raw.short_title.clone(),
            })
        }
        Kind::Psa => KindData::Psa(psa(raw, config, errors)?),
        Kind::News => {
            let Some(date) = date else {
                if raw.date.is_none() {
                    errors.push(invalid(
                        "date",
                        crate::text!("content-required-missing", key = "date"),
                        crate::text!("content-news-date-help"),
                    ));
                }
                return None;
            };
            KindData::News(News {
                date,
                source: raw.source.clone(),
            })
        }
        Kind::Page => KindData::Page,
    })
}

fn figure(
    file: &Option<String>,
    alt: &Option<String>,
    file_key: &'static str,
    alt_key: &'static str,
    errors: &mut Vec<Invalid>,
) -> Option<Figure> {
    let file = file.as_ref()?;
    match alt {
        Some(alt) if !alt.trim().is_empty() => Some(Figure {
            file: file.clone(),
            alt: alt.clone(),
        }),
        _ => {
            // Charged to the alt key: it is missing from the file that lacks it, which for an
            // English twin is the twin even though the picture itself comes from the Chinese page.
            errors.push(invalid(
                alt_key,
                crate::text!(
                    "content-alt-missing",
                    file_key = file_key,
                    alt_key = alt_key
                ),
                crate::text!("content-alt-missing-help", alt_key = alt_key),
            ));
            None
        }
    }
}

fn role_model(raw: &RawPage, config: &SiteConfig, errors: &mut Vec<Invalid>) -> Option<RoleModel> {
    let name = required_text(raw.name.clone(), "name", errors);
    let category = match raw.category.as_deref() {
        Some(key) if config.category(key).is_some() => Some(key.to_string()),
        Some(key) => {
            let keys: Vec<&str> = config
                .role_model_categories
                .iter()
                .map(|c| c.key.as_str())
                .collect();
            let categories = keys.join(", ");
            let help = match crate::yaml::closest_key(key, &keys) {
                Some(guess) => crate::text!(
                    "content-category-guess-help",
                    guess = guess,
                    categories = categories
                ),
                None => crate::text!("content-category-help", categories = categories),
            };
            errors.push(invalid(
                "category",
                crate::text!("content-category-unknown", category = key),
                help,
            ));
            None
        }
        None => {
            errors.push(invalid(
                "category",
                crate::text!("content-required-missing", key = "category"),
                crate::text!("content-category-missing-help"),
            ));
            None
        }
    };
    if raw.year.is_none() {
        errors.push(invalid(
            "year",
            crate::text!("content-required-missing", key = "year"),
            crate::text!("content-year-missing-help"),
        ));
    }
    let photo = figure(&raw.photo, &raw.photo_alt, "photo", "photo_alt", errors);
    Some(RoleModel {
        name,
        category: category?,
        year: raw.year?,
        honors: raw.honors.clone().unwrap_or_default(),
        district: raw.district.clone(),
        occupation: raw.occupation.clone(),
        photo,
        quote: raw.quote.clone(),
        featured: raw.featured.unwrap_or(false),
    })
}

/// The line that adds `theme` to `psa_themes:` in site.yaml, its slug proposed from its pinyin.
fn new_theme_line(theme: &str) -> String {
    let slug = crate::slug::pinyin_slug(theme).unwrap_or_else(|| "new-theme".to_string());
    let key = theme.replace('\\', "\\\\").replace('"', "\\\"");
    format!("- {{ key: \"{key}\", slug: {slug}, label: {{ zh-CN: \"{key}\", en: \"…\" }} }}")
}

fn psa(raw: &RawPage, config: &SiteConfig, errors: &mut Vec<Invalid>) -> Option<Psa> {
    if let Some(theme) = raw.theme.as_deref()
        && config.psa_theme(theme).is_none()
    {
        let keys: Vec<&str> = config.psa_themes.iter().map(|c| c.key.as_str()).collect();
        let themes = keys.join(", ");
        let add = crate::text!("content-theme-add", line = new_theme_line(theme));
        let help = if keys.is_empty() {
            crate::text!("content-theme-none-help", add = add)
        } else {
            match crate::yaml::closest_key(theme, &keys) {
                Some(guess) => crate::text!(
                    "content-theme-guess-help",
                    guess = guess,
                    themes = themes,
                    add = add
                ),
                None => crate::text!("content-theme-help", themes = themes, add = add),
            }
        };
        errors.push(invalid(
            "theme",
            crate::text!("content-theme-unknown", theme = theme),
            help,
        ));
    }
    let start = date_field(&raw.start, "start", errors);
    let end = date_field(&raw.end, "end", errors);
    if raw.start.is_none() {
        errors.push(invalid(
            "start",
            crate::text!("content-required-missing", key = "start"),
            crate::text!("content-start-missing-help"),
        ));
    }
    if let (Some(s), Some(e)) = (start, end)
        && e.date < s.date
    {
        errors.push(invalid(
            "end",
            crate::text!(
                "content-ends-before-start",
                end = e.iso_date(),
                start = s.iso_date()
            ),
            crate::text!("content-ends-before-start-help"),
        ));
    }
    let poster = figure(&raw.poster, &raw.poster_alt, "poster", "poster_alt", errors);
    Some(Psa {
        theme: raw.theme.clone(),
        campaign: raw.campaign.clone(),
        start: start?,
        end,
        poster,
        sponsor: raw.sponsor.clone(),
    })
}
