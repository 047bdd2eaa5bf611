//! Civic: a static-site generator for bilingual civic information portals.
//!
//! The pipeline flows one way: `config` + `content` (files → typed content) → `markdown` → `site`
//! (read-only model) → `render` (pages, feeds, sitemap, search index) → `output` (staging, swap,
//! manifest), run in order by `pipeline`; `inspect`, `review`, `check`, `serve`, `publish` and
//! `desk` are services on top of it, and `cmd` is the command layer over everything. The README's
//! table "How the code is organised" gives every module's row and its one job; a module uses only
//! the rows above its own, which `tests/integration/architecture.rs` reads from that table and
//! enforces.

pub mod built;
pub mod check;
pub mod cmd;
pub mod config;
pub mod content;
pub mod desk;
pub mod dictionary;
pub mod digest;
pub mod error;
pub mod escape;
pub mod evidence;
pub mod guard;
pub mod html;
pub mod inspect;
pub mod integrity;
pub mod lang;
pub mod markdown;
pub mod messages;
pub mod new;
pub mod output;
pub mod paths;
pub mod pipeline;
pub mod publish;
pub mod render;
pub mod review;
pub mod search;
pub mod serve;
pub mod site;
pub mod slug;
pub mod timings;
pub mod translations;
pub mod yaml;
