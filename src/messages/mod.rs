//! Every sentence Civic says to a person — errors, warnings, help lines, summaries — in zh-CN and
//! English, from one catalogue.
//!
//! Code never holds the words: it names a message by key with [`text!`] and passes the values
//! that fill it. The words live in Project Fluent files (`src/messages/{zh-CN,en}/*.ftl`, one per
//! concern), so a translator edits one folder per language, plural forms are the catalogue's
//! business, and a test keeps the two languages key for key and variable for variable. A
//! [`Text`] stays language-neutral until the command layer prints it in the reader's language
//! ([`Text::in_lang`]); `Display` gives English, for logs and tests.

mod catalogue;

pub use crate::lang::Lang;
pub use catalogue::{CATALOGUE_SOURCES, Catalogue};

use serde::Serialize;
use std::fmt;

/// A message of the catalogue with the values that fill it, not yet put into words.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// A value that fills a message: words that are the same in every language (a path, a key, a
/// quoted line), a number (which picks plural forms), or another message (put into the same
/// language as the one it fills).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    Verbatim(String),
    Number(i64),
    Text(Box<Text>),
}

impl Text {
    pub fn new(key: &'static str) -> Text {
        Text {
            key,
            args: Vec::new(),
        }
    }

    pub fn key(&self) -> &'static str {
        self.key
    }

    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Text {
        self.args.push((name, value.into()));
        self
    }

    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The message in `lang`'s words.
    pub fn in_lang(&self, lang: Lang) -> String {
        Catalogue::builtin().format(self, lang)
    }

    /// The value of argument `name`, when it was given as words (for code that must act on, say,
    /// the path a problem names).
    pub fn verbatim(&self, name: &str) -> Option<&str> {
        self.args.iter().find_map(|(n, a)| match a {
            Arg::Verbatim(s) if *n == name => Some(s.as_str()),
            _ => None,
        })
    }
}

/// English, for logs, tests and anything that has no reader's language.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Verbatim(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Verbatim(s.clone())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Verbatim(s.to_string())
    }
}
impl From<&&str> for Arg {
    fn from(s: &&str) -> Arg {
        Arg::Verbatim(s.to_string())
    }
}
impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(s: std::borrow::Cow<'_, str>) -> Arg {
        Arg::Verbatim(s.into_owned())
    }
}
impl From<Text> for Arg {
    fn from(t: Text) -> Arg {
        Arg::Text(Box::new(t))
    }
}
impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Arg {
        Arg::Verbatim(crate::paths::display(p))
    }
}
impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::from(p.as_path())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(usize, u64, u32, u16, u8, i64, i32);

/// `text!(KEY, name = value, …)`: the message KEY of the catalogue, filled with the values.
/// The key must exist in both languages with exactly these variables (`tests` in this module
/// check every call in `src/`).
#[macro_export]
macro_rules! text {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Text::new($key)$(.with(stringify!($name), $value))*
    };
}

/// The language a person reading the terminal wants: `--lang`, then `LC_ALL`, `LC_MESSAGES`,
/// `LANG` (as gettext reads them; `C` and `POSIX` mean untranslated, which is English), then the
/// site's own first language.
pub fn reader_lang(flag: Option<Lang>, env: impl Fn(&str) -> Option<String>, site: Lang) -> Lang {
    if let Some(lang) = flag {
        return lang;
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        let Some(value) = env(var).filter(|v| !v.is_empty()) else {
            continue;
        };
        let code = value.split(['.', '@']).next().unwrap_or("");
        return if code.starts_with("zh") {
            Lang::Zh
        } else if code.starts_with("en") || code == "C" || code == "POSIX" {
            Lang::En
        } else {
            site
        };
    }
    site
}

#[cfg(test)]
mod tests;
