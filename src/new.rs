//! `civic new KIND TITLE`: start a page in the section that holds that kind, with the kind's
//! front matter filled in. The file name (the page's URL slug) is proposed from the title's pinyin
//! for the editor to accept or fix; Civic transliterates only to propose (here, and in the line
//! an unknown theme's message offers for site.yaml), never silently: the build itself takes
//! slugs only from file names or `slug:`.

use crate::content::frontmatter::{self, KEYS, Key, RawPage, RawSection, Twin};
use crate::content::kinds::Kind;
use crate::content::placeholder;
use crate::messages::Text;
use crate::slug::Slug;
pub use crate::slug::pinyin_slug;
use std::path::{Path, PathBuf};

/// What `civic new` is asked for.
pub struct Request<'a> {
    /// The kind of page, as the editor typed it.
    pub kind: &'a str,
    pub title: &'a str,
    pub root: &'a Path,
    pub slug: Option<&'a str>,
    pub lang: NewLang,
    pub section: Option<&'a str>,
    pub date: Option<&'a str>,
}

/// Which file to write: the Chinese page, the English twin of an existing Chinese page, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewLang {
    Zh,
    En,
    Both,
}

/// The files written, and what the editor should know about them.
pub struct Created {
    pub files: Vec<PathBuf>,
    pub notes: Vec<Text>,
}

/// Why `civic new` wrote nothing.
#[derive(Debug)]
pub enum Refused {
    /// The request itself cannot be met (an unknown kind, a bad slug or date).
    Request(Text),
    /// site.yaml has problems.
    Site(crate::error::Failed),
    /// The page cannot be written here, and what to do about it.
    Cannot(Text, Option<Text>),
}

/// Double-quoted YAML text.
fn q(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn sections_of_kind(content: &Path, kind: Kind) -> Vec<String> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(content)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if entry.file_name() != "_index.md" {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let Ok(split) = frontmatter::split(&text) else {
            continue;
        };
        let Ok(raw) = crate::yaml::parse::<RawSection>(split.yaml) else {
            continue;
        };
        if raw.kind.as_deref().and_then(Kind::parse) == Some(kind) {
            let dir = entry
                .path()
                .parent()
                .and_then(|p| p.strip_prefix(content).ok());
            found.push(dir.map(crate::error::display_path).unwrap_or_default());
        }
    }
    found
}

/// The next chapter number of a handbook section.
fn next_weight(dir: &Path) -> i64 {
    let mut max = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let Ok(split) = frontmatter::split(&text) else {
            continue;
        };
        if let Ok(raw) = crate::yaml::parse::<RawPage>(split.yaml) {
            max = max.max(raw.weight.unwrap_or(0));
        }
    }
    max + 1
}

struct Plan {
    dir: PathBuf,
    slug: String,
    kind: Kind,
    date: String,
}

/// Why a page cannot be written, and what to do about it.
type Failure = (Text, Option<Text>);

/// Write the page (or twin) `request` asks for, as a draft.
pub fn create(request: &Request) -> Result<Created, Refused> {
    let kind = parse_kind(request.kind)?;
    let date = crate::pipeline::build_date(request.date)
        .map_err(Refused::Request)?
        .to_string();
    let config = crate::config::load(request.root, None).map_err(Refused::Site)?;
    let dir = section_dir(request, kind)?;
    let mut notes = Vec::new();
    let slug = file_slug(request, (kind, &dir, &date), &mut notes)?;
    notes.extend(inspection_notes(request.root, &config));
    let plan = Plan {
        dir,
        slug,
        kind,
        date,
    };
    let title = request.title;
    let files = match request.lang {
        NewLang::Zh => create_zh(&plan, title, &config).map(|p| vec![p]),
        NewLang::En => create_en(&plan, title),
        NewLang::Both => create_zh(&plan, title, &config).and_then(|zh| {
            create_en(&plan, placeholder::ENGLISH_TITLE).map(|en| [vec![zh], en].concat())
        }),
    }
    .map_err(|(message, help)| Refused::Cannot(message, help))?;
    Ok(Created { files, notes })
}

/// The page's file name: `--slug`, else proposed from the title's pinyin (with a note to check
/// it), after the date as the section's other news are named (`2026-11-25-…`).
fn file_slug(
    request: &Request,
    (kind, dir, date): (Kind, &Path, &str),
    notes: &mut Vec<Text>,
) -> Result<String, Refused> {
    if let Some(s) = request.slug {
        return Slug::parse(s).map(|s| s.to_string()).map_err(|e| {
            Refused::Request(crate::text!("new-slug-invalid", slug = s, why = e.text()))
        });
    }
    let mut s = pinyin_slug(request.title).ok_or_else(|| {
        Refused::Cannot(
            crate::text!("new-no-slug"),
            Some(crate::text!("new-no-slug-help")),
        )
    })?;
    if kind == Kind::News && names_are_dated(dir) {
        s = Slug::parse(&format!("{date}-{s}")).map_or(s, |dated| dated.to_string());
    }
    if !request.title.is_ascii() {
        notes.push(crate::text!("new-pinyin-note", slug = &s));
    }
    Ok(s)
}

/// Whether the pages of `dir` are named after their date (`2026-03-05-lei-feng-month.md`), as
/// the sample site's news are: most of them, or the section has none yet.
fn names_are_dated(dir: &Path) -> bool {
    let (mut dated, mut undated) = (0usize, 0usize);
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let Some(name) = name
            .to_str()
            .filter(|n| n.ends_with(".md") && !n.starts_with("_index"))
        else {
            continue;
        };
        let prefix = name.get(..11).unwrap_or("");
        let is_dated = prefix.ends_with('-') && prefix[..10].parse::<jiff::civil::Date>().is_ok();
        if is_dated {
            dated += 1;
        } else {
            undated += 1;
        }
    }
    dated >= undated
}

/// What a new page is checked against before it is published: the protected-name lists in
/// `data/names/` (or that the site keeps none) and, with `review:` on, its three sign-offs.
fn inspection_notes(root: &Path, config: &crate::config::SiteConfig) -> Vec<Text> {
    let names = root.join(crate::inspect::names::NAMES_DIR);
    let mut notes = vec![if names.is_dir() {
        crate::text!(
            "new-names-note",
            dir = crate::inspect::names::NAMES_DIR,
            days = i64::from(config.inspection.names_max_age_days)
        )
    } else {
        crate::text!("new-names-missing", dir = crate::inspect::names::NAMES_DIR)
    }];
    if let Some(review) = &config.review {
        notes.push(crate::text!(
            "new-review-note",
            levels = i64::from(review.levels)
        ));
    }
    notes
}

fn parse_kind(kind: &str) -> Result<Kind, Refused> {
    Kind::parse(kind).ok_or_else(|| {
        let kinds = Kind::NAMES.join(", ");
        Refused::Request(match crate::yaml::closest(kind, &Kind::NAMES) {
            Some(guess) => crate::text!(
                "new-kind-unknown-guess",
                kind = kind,
                guess = guess,
                kinds = kinds
            ),
            None => crate::text!("new-kind-unknown", kind = kind, kinds = kinds),
        })
    })
}

/// The section folder the new page goes into: the one given, or the only one holding `kind`.
fn section_dir(request: &Request, kind: Kind) -> Result<PathBuf, Refused> {
    let content = request.root.join(crate::content::CONTENT_DIR);
    let section = match request.section {
        Some(s) => s.trim_matches('/').to_string(),
        None => {
            let found = sections_of_kind(&content, kind);
            match found.as_slice() {
                [one] => one.clone(),
                [] if kind == Kind::Page => String::new(),
                [] => {
                    return Err(Refused::Cannot(
                        crate::text!("new-no-section", kind = kind.name()),
                        Some(crate::text!("new-no-section-help", kind = kind.name())),
                    ));
                }
                many => {
                    return Err(Refused::Cannot(
                        crate::text!(
                            "new-several-sections",
                            kind = kind.name(),
                            sections = many.join(", ")
                        ),
                        Some(crate::text!("new-several-sections-help")),
                    ));
                }
            }
        }
    };
    let dir = crate::paths::inside(&content, Path::new(&section)).map_err(|outside| {
        Refused::Request(crate::text!(
            "new-section-outside",
            section = &section,
            outside = outside.display().to_string()
        ))
    })?;
    if !dir.is_dir() {
        return Err(Refused::Cannot(
            crate::text!("new-no-section-folder", section = &section),
            Some(crate::text!("new-no-section-folder-help")),
        ));
    }
    Ok(dir)
}

fn write_new(path: &Path, text: &str) -> Result<PathBuf, Failure> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            let shown = path.display().to_string();
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                (
                    crate::text!("new-exists", path = shown),
                    Some(crate::text!("new-exists-help")),
                )
            } else {
                (
                    crate::text!("new-cannot-create", path = shown, reason = e.to_string()),
                    None,
                )
            }
        })?;
    file.write_all(text.as_bytes()).map_err(|e| {
        (
            crate::text!(
                "new-cannot-write",
                path = path.display().to_string(),
                reason = e.to_string()
            ),
            None,
        )
    })?;
    Ok(path.to_path_buf())
}

/// The front matter every new page starts with: a draft, so nothing half-finished is published.
const DRAFT_LINE: &str =
    "draft: true   # 草稿：写完后删除这一行才会发布 · Draft: delete this line to publish\n";

/// The optional keys every kind accepts, as hints.
const COMMON_HINTS: &str = "# summary: 一句话摘要（不写则取正文开头）\n# tags: [志愿服务]\n";

/// The Chinese page: the kind's required keys with a value to check, every optional key as a
/// commented example, and placeholder text that the build refuses to publish.
fn zh_skeleton(plan: &Plan, title: &str, config: &crate::config::SiteConfig) -> String {
    let Plan {
        dir,
        slug,
        kind,
        date,
    } = plan;
    let year = date.get(..4).unwrap_or("2026");
    let mut fm = format!("title: {}\n{DRAFT_LINE}{COMMON_HINTS}", q(title));
    let body = match kind {
        Kind::RoleModel => {
            let keys: Vec<&str> = config
                .role_model_categories
                .iter()
                .map(|c| c.key.as_str())
                .collect();
            let district = config
                .city
                .districts
                .first()
                .map_or("湖滨区", String::as_str);
            fm.push_str(&format!("name: {}\n", q(title)));
            fm.push_str(&format!(
                "category: {}   # one of: {}\n",
                keys.first().copied().unwrap_or("助人为乐"),
                keys.join(", ")
            ));
            fm.push_str(&format!("year: {year}\n"));
            // The inspection counts a page without a visible date as not updated.
            fm.push_str(&format!("date: {date}\n"));
            fm.push_str(&format!(
                "# honors:\n#   - {{ title: 明湖好人, level: city, year: {year} }}\n"
            ));
            fm.push_str(&format!(
                "# district: {district}\n# occupation: 社区工作者\n"
            ));
            fm.push_str(&format!(
                "# photo: {slug}.jpg\n# photo_alt: 照片里是谁、在做什么\n# quote: 一句本人说过的话\n# featured: true\n"
            ));
            placeholder::ROLE_MODEL_BODY
        }
        Kind::Handbook => {
            fm.push_str(&format!(
                "weight: {}\ndate: {date}\n# updated: {date}\n# short_title: 目录里显示的短标题\n",
                next_weight(dir)
            ));
            placeholder::HANDBOOK_BODY
        }
        Kind::Psa => {
            let themes: Vec<&str> = config.psa_themes.iter().map(|t| t.key.as_str()).collect();
            match themes.first() {
                Some(first) => fm.push_str(&format!(
                    "theme: {first}   # one of: {}\n",
                    themes.join(", ")
                )),
                None => fm.push_str("# theme: (add psa_themes to site.yaml first)\n"),
            }
            fm.push_str(&format!(
                "start: {date}\n# end: {date}\n# campaign: 活动名称\n"
            ));
            fm.push_str(&format!(
                "# poster: {slug}.jpg\n# poster_alt: 海报上的画面和文字\n# sponsor: 明湖市文明办\n"
            ));
            placeholder::PSA_BODY
        }
        Kind::News => {
            fm.push_str(&format!(
                "date: {date}\n# updated: {date}\n# source: 明湖日报\n"
            ));
            placeholder::NEWS_BODY
        }
        Kind::Page => {
            fm.push_str(&format!("date: {date}\n"));
            placeholder::PAGE_BODY
        }
    };
    format!("---\n{fm}---\n\n{body}\n")
}

fn create_zh(
    plan: &Plan,
    title: &str,
    config: &crate::config::SiteConfig,
) -> Result<PathBuf, Failure> {
    write_new(
        &plan.dir.join(format!("{}.md", plan.slug)),
        &zh_skeleton(plan, title, config),
    )
}

/// The value of `key` in the Chinese page, on one line, for a comment.
fn zh_value(raw: &RawPage, key: &str) -> Option<String> {
    let value = raw.words(key)?;
    Some(value.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The English twin of the Chinese page `zh_text`: every key the twin must write in English, each
/// under a comment with the Chinese value to translate, as a draft with placeholder text.
fn en_skeleton(zh_text: &str, title: &str) -> Result<String, Text> {
    let split = frontmatter::split(zh_text).map_err(|_| crate::text!("new-zh-no-front-matter"))?;
    let raw: RawPage = if split.yaml.trim().is_empty() {
        RawPage::default()
    } else {
        crate::yaml::parse(split.yaml).map_err(|e| {
            crate::text!(
                "new-zh-front-matter-unreadable",
                line = e.line + split.yaml_line - 1,
                problem = e.message
            )
        })?
    };
    let mut fm = String::new();
    if let Some(zh) = zh_value(&raw, "title") {
        fm.push_str(&format!("# 中文: {zh}\n"));
    }
    fm.push_str(&format!("title: {}\n{DRAFT_LINE}", q(title)));
    // Every key the twin writes in English that the Chinese page has, and the description of
    // an image the Chinese page has (`photo_alt` as soon as there is a `photo`).
    let translated = KEYS
        .iter()
        .filter(|k| k.twin == Twin::Translates && k.name != "title");
    for Key {
        name: key,
        describes,
        ..
    } in translated
    {
        let needed = std::iter::once(*key)
            .chain(*describes)
            .any(|k| raw.words(k).is_some());
        if !needed {
            continue;
        }
        if let Some(zh) = zh_value(&raw, key) {
            fm.push_str(&format!("# 中文: {zh}\n"));
        }
        fm.push_str(&format!("{key}: {}\n", q(placeholder::TRANSLATE_VALUE)));
    }
    fm.push_str("# Dates, photo, category and other facts come from the Chinese page.\n");
    fm.push_str("# After translating, run: civic translations mark THIS-FILE\n");
    Ok(format!("---\n{fm}---\n\n{}\n", placeholder::TRANSLATE_BODY))
}

fn create_en(plan: &Plan, title: &str) -> Result<Vec<PathBuf>, Failure> {
    let Plan { dir, slug, .. } = plan;
    let zh = dir.join(format!("{slug}.md"));
    let Ok(zh_text) = std::fs::read_to_string(&zh) else {
        return Err((
            crate::text!("new-no-chinese-page", path = zh.display().to_string()),
            Some(crate::text!("new-no-chinese-page-help")),
        ));
    };
    let text = en_skeleton(&zh_text, title).map_err(|e| {
        (
            crate::text!(
                "new-chinese-page-problem",
                path = zh.display().to_string(),
                problem = e
            ),
            Some(crate::text!("new-chinese-page-problem-help")),
        )
    })?;
    write_new(&dir.join(format!("{slug}.en.md")), &text).map(|p| vec![p])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_from_chinese_and_english_titles() {
        assert_eq!(pinyin_slug("李梅").as_deref(), Some("li-mei"));
        assert_eq!(
            pinyin_slug("2026年文明交通 Week").as_deref(),
            Some("2026-nian-wen-ming-jiao-tong-week")
        );
        assert_eq!(pinyin_slug("！！").as_deref(), None);
    }
}
