//! Splitting a Markdown file into YAML front matter and body, and the raw (unvalidated) shape of
//! front matter. Validation into typed kinds happens in `kinds`.

use crate::content::date::PubDate;
use crate::content::kind::Kind;
use serde::Deserialize;

/// A file split at its front matter fences. Line numbers are 1-based lines of the whole file.
pub struct Split<'a> {
    pub yaml: &'a str,
    /// Line of the file on which the YAML starts (the line after the opening `---`).
    pub yaml_line: usize,
    pub body: &'a str,
    /// Line of the file on which the body starts.
    pub body_line: usize,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with `---`.
    NoFrontMatter,
    /// The opening `---` has no closing `---`.
    Unclosed,
}

pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let after_open = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
        .ok_or(SplitError::NoFrontMatter)?;
    let open_len = text.len() - after_open.len();
    let mut offset = 0;
    for (i, line) in after_open.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let yaml = &after_open[..offset];
            let body = &after_open[offset + line.len()..];
            return Ok(Split {
                yaml,
                yaml_line: 2,
                body,
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    let _ = open_len;
    Err(SplitError::Unclosed)
}

/// One honour in a role model's profile.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Honor {
    pub title: String,
    #[serde(default)]
    pub level: Option<HonorLevel>,
    #[serde(default)]
    pub year: Option<u16>,
    #[serde(default)]
    pub issuer: Option<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum HonorLevel {
    National,
    Provincial,
    City,
    District,
}

/// How an English twin treats a key of its Chinese source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Twin {
    /// A language-neutral fact (a date, a photo file): written once in the Chinese page, taken
    /// from it when the twin leaves it out.
    Inherits,
    /// Words: the twin writes them in English.
    Translates,
    /// The file's own business (its aliases, its review hash).
    Own,
}

/// One front-matter key of a page: its name, the kind it belongs to (`None`: every kind), how an
/// English twin treats it, and the key it describes (`photo_alt` describes `photo`).
#[derive(Debug)]
pub struct Key {
    pub name: &'static str,
    pub owner: Option<Kind>,
    pub twin: Twin,
    pub describes: Option<&'static str>,
}

/// The keys of a page, listed once: the raw struct serde reads, the table of [`KEYS`], which keys
/// are set, and a twin's inheritance all come from this one list.
macro_rules! page_keys {
    ($( $(#[$attr:meta])* $name:ident: $ty:ty => $owner:expr, $twin:ident $(, describes $of:ident)?; )*) => {
        /// Every key a page may carry, of every kind. Which keys a kind accepts is checked
        /// afterwards, so that a key of the wrong kind gets a message naming the kind rather
        /// than "unknown key".
        #[derive(Clone, Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct RawPage {
            $( $(#[$attr])* pub $name: Option<$ty>, )*
        }

        /// Every key of a page, in the order editors see them in `civic new`'s skeletons.
        pub const KEYS: &[Key] = &[
            $( Key {
                name: stringify!($name),
                owner: $owner,
                twin: Twin::$twin,
                describes: page_keys!(@describes $($of)?),
            }, )*
        ];

        impl RawPage {
            /// The keys this page sets.
            pub fn keys_present(&self) -> Vec<&'static str> {
                let mut set = Vec::new();
                $( if self.$name.is_some() { set.push(stringify!($name)); } )*
                set
            }

            /// An English twin writes language-neutral facts once, in the Chinese source: fill
            /// them in from `source`.
            pub fn inherit_from(&mut self, source: &RawPage) {
                $( if Twin::$twin == Twin::Inherits && self.$name.is_none() {
                    self.$name.clone_from(&source.$name);
                } )*
            }

            /// The value of `key` when it is words (for a comment showing the Chinese text).
            pub fn words(&self, key: &str) -> Option<&str> {
                match key {
                    $( stringify!($name) => self.$name.as_ref().and_then(|v| KeyWords::words(v)), )*
                    _ => None,
                }
            }
        }
    };
    (@describes $of:ident) => { Some(stringify!($of)) };
    (@describes) => { None };
}

/// A key's value as words, when it is words.
trait KeyWords {
    fn words(&self) -> Option<&str> {
        None
    }
}
impl KeyWords for String {
    fn words(&self) -> Option<&str> {
        Some(self)
    }
}
impl KeyWords for bool {}
impl KeyWords for u16 {}
impl KeyWords for i64 {}
impl KeyWords for Vec<String> {}
impl KeyWords for Vec<Honor> {}
impl KeyWords for serde_json::Value {}

const ROLE_MODEL: Option<Kind> = Some(Kind::RoleModel);
const HANDBOOK: Option<Kind> = Some(Kind::Handbook);
const PSA: Option<Kind> = Some(Kind::Psa);
const NEWS: Option<Kind> = Some(Kind::News);
const EVERY_KIND: Option<Kind> = None;

page_keys! {
    title: String => EVERY_KIND, Translates;
    slug: String => EVERY_KIND, Inherits;
    date: String => EVERY_KIND, Inherits;
    updated: String => EVERY_KIND, Inherits;
    draft: bool => EVERY_KIND, Inherits;
    summary: String => EVERY_KIND, Translates;
    tags: Vec<String> => EVERY_KIND, Inherits;
    aliases: Vec<String> => EVERY_KIND, Own;
    extra: serde_json::Value => EVERY_KIND, Own;
    source_hash: String => EVERY_KIND, Own;
    name: String => ROLE_MODEL, Translates;
    category: String => ROLE_MODEL, Inherits;
    year: u16 => ROLE_MODEL, Inherits;
    honors: Vec<Honor> => ROLE_MODEL, Own;
    district: String => ROLE_MODEL, Translates;
    occupation: String => ROLE_MODEL, Translates;
    photo: String => ROLE_MODEL, Inherits;
    photo_alt: String => ROLE_MODEL, Translates, describes photo;
    quote: String => ROLE_MODEL, Translates;
    featured: bool => ROLE_MODEL, Inherits;
    weight: i64 => HANDBOOK, Inherits;
    short_title: String => HANDBOOK, Translates;
    theme: String => PSA, Inherits;
    campaign: String => PSA, Translates;
    start: String => PSA, Inherits;
    end: String => PSA, Inherits;
    poster: String => PSA, Inherits;
    poster_alt: String => PSA, Translates, describes poster;
    sponsor: String => PSA, Translates;
    source: String => NEWS, Translates;
}

/// Front-matter keys specific to `kind` (beyond the common ones).
pub fn own_keys(kind: Kind) -> impl Iterator<Item = &'static str> {
    KEYS.iter()
        .filter(move |k| k.owner == Some(kind))
        .map(|k| k.name)
}

/// The kind a key belongs to, when it is not common to every kind.
pub fn owner_of(key: &str) -> Option<Kind> {
    KEYS.iter().find(|k| k.name == key).and_then(|k| k.owner)
}

impl RawPage {
    /// Keys that belong to one kind and are set, for checking them against the page's kind.
    pub fn kind_keys_present(&self) -> Vec<&'static str> {
        self.keys_present()
            .into_iter()
            .filter(|k| owner_of(k).is_some())
            .collect()
    }

    /// Whether an English twin that leaves `key` out takes it from its Chinese source. A problem
    /// with such a key is the Chinese file's to fix; every other key is the twin's own.
    pub fn inherits(key: &str) -> bool {
        KEYS.iter()
            .any(|k| k.name == key && k.twin == Twin::Inherits)
    }

    /// The key that `key` describes (`photo` for `photo_alt`).
    pub fn described_by(key: &str) -> Option<&'static str> {
        KEYS.iter()
            .find(|k| k.name == key)
            .and_then(|k| k.describes)
    }
}

/// Front matter of a section's `_index.md` (and of the home page).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub kind: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub weight: Option<i64>,
    pub paginate: Option<usize>,
    pub stale_after_days: Option<u32>,
    pub draft: Option<bool>,
    pub extra: Option<serde_json::Value>,
    pub source_hash: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A date field's value, parsed, or the reason it could not be.
pub fn parse_date(value: &str) -> Result<PubDate, crate::messages::Text> {
    PubDate::parse(value).ok_or_else(|| crate::text!("content-date-invalid", value = value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let s = split("---\ntitle: a\n---\nbody\n").unwrap();
        assert_eq!(s.yaml, "title: a\n");
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn reports_missing_and_unclosed_fences() {
        assert_eq!(split("# hi").err(), Some(SplitError::NoFrontMatter));
        assert_eq!(split("---\ntitle: a\n").err(), Some(SplitError::Unclosed));
    }
}
