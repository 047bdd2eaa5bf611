//! The kinds of page, and which front-matter keys belong to each.

use crate::content::frontmatter::KEYS;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    RoleModel,
    Handbook,
    Psa,
    News,
    Page,
}

impl Kind {
    pub const NAMES: [&'static str; 5] = ["role_model", "handbook", "psa", "news", "page"];

    pub fn parse(name: &str) -> Option<Kind> {
        Some(match name {
            "role_model" => Kind::RoleModel,
            "handbook" => Kind::Handbook,
            "psa" => Kind::Psa,
            "news" => Kind::News,
            "page" => Kind::Page,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::RoleModel => "role_model",
            Kind::Handbook => "handbook",
            Kind::Psa => "psa",
            Kind::News => "news",
            Kind::Page => "page",
        }
    }

    /// Front-matter keys specific to this kind (beyond the common ones), from the key table.
    pub fn own_keys(self) -> impl Iterator<Item = &'static str> {
        KEYS.iter()
            .filter(move |k| k.owner == Some(self))
            .map(|k| k.name)
    }

    /// The kind a key belongs to, when it is not common to every kind.
    pub fn owner_of(key: &str) -> Option<Kind> {
        KEYS.iter().find(|k| k.name == key).and_then(|k| k.owner)
    }
}
