//! Civic: a static-site generator for bilingual civic information portals.
//!
//! The pipeline flows one way: `config` + `content` (files → typed content) → `site` (read-only
//! model) → `render` (pages, feeds, sitemap, search index) → `output` (staging, swap, manifest).

pub mod check;
pub mod cmd;
pub mod config;
pub mod content;
pub mod dictionary;
pub mod digest;
pub mod error;
pub mod escape;
pub mod evidence;
pub mod guard;
pub mod integrity;
pub mod lang;
pub mod markdown;
pub mod messages;
pub mod new;
pub mod output;
pub mod paths;
pub mod pipeline;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod timings;
pub mod translations;
pub mod yaml;
