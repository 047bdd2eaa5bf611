//! The kinds of page (which keys belong to each: `frontmatter::KEYS`).

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
}
