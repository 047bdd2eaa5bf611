//! Civic: a static-site generator for bilingual civic information portals.
//!
//! The pipeline flows one way: `config` + `content` (files → typed content) → `markdown` → `site`
//! (read-only model) → `render` (pages, feeds, sitemap, search index) → `output` (staging, swap,
//! manifest), run in order by `pipeline`. A module only uses what is below it
//! (`tests/integration/architecture.rs` checks that there is no cycle):
//! - foundation: `lang`, `paths`, `digest`, `escape`, `html`, `slug`, `built`, `evidence`,
//!   `timings`, `dictionary`, `messages`, `error`, `yaml`;
//! - what the stages call on: `guard` (the content guard), `search` (the index), `integrity`
//!   (manifest and `civic verify`);
//! - the stages, each using only those before it: `config` → `content` → `markdown` → `site` →
//!   `render` → `output` → `pipeline`;
//! - the commands on top: `cli`, `check`, `new`, `translations`, `serve`.

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
