//! The two languages a Civic site is written in. Chinese is the source language and lives at `/`;
//! English twins live under `/en/`. A closed enum keeps "which language?" from ever being a typo.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "zh-CN")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];
    pub const DEFAULT: Lang = Lang::Zh;

    /// BCP 47 code, as used in `lang=""`, `hreflang=""` and site.yaml keys.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Infix in file names: `li-mei.en.md`. The default language has none.
    pub fn file_suffix(self) -> Option<&'static str> {
        match self {
            Lang::Zh => None,
            Lang::En => Some("en"),
        }
    }

    /// Path prefix of this language's URLs, without a trailing slash (`""` or `"/en"`).
    pub fn url_prefix(self) -> &'static str {
        match self {
            Lang::Zh => "",
            Lang::En => "/en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh-CN" | "zh" | "zh-cn" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language whose file infix is `suffix` (`"en"` in `x.en.md`).
    pub fn from_file_suffix(suffix: &str) -> Option<Lang> {
        match suffix {
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
