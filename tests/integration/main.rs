//! Civic's integration tests: one binary, as ripgrep and mdBook build theirs, so the crate and the
//! test helpers are compiled and linked once rather than once per file. Each module is one
//! concern (a command, a pipeline stage, a corpus) and drives the real `civic` binary or the
//! library on real files; `common` holds the fixtures and helpers they share.

mod common;

mod architecture;
mod build_site;
mod check;
mod corpus;
mod dates;
mod desk;
mod drafts;
mod editors_markdown;
mod guard_build;
mod guard_corpus;
mod guard_eval;
mod guard_fit;
mod guard_props;
mod guard_realtext;
mod hardening;
mod hardening_places;
mod hardening_verify;
mod hostile;
mod incremental;
mod inspection;
mod malformed;
mod markdown_chinese;
mod markdown_scaling;
mod markdown_spec;
mod messages;
mod new_and_translations;
mod package;
mod photos;
mod placeholders;
mod publish;
mod publish_ssh;
mod review;
mod robustness;
mod search_index;
mod segment_parity;
mod serve;
mod suggestions;
mod translation_diff;
mod twin_errors;
mod verify;
mod verify_http;
mod verify_links_props;
