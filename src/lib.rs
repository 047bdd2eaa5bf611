//! Civic: a static-site generator for bilingual civic information portals.
//!
//! The pipeline flows one way: `config` + `content` (files → typed content) → `site` (read-only
//! model) → `render` (pages, feeds, sitemap, search index) → `output` (staging, swap, manifest).

pub mod corpus;
