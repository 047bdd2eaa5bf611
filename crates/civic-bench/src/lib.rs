//! Benchmark tooling for Civic, kept out of the `civic` binary: a deterministic generator of
//! realistic bilingual sites ([`corpus`]) and a measure of `civic serve`'s one-page edit path
//! ([`edit`]), and of the desk's preview refreshed while typing ([`draft`]). `benches/run.sh`
//! drives them through the `civic-bench` binary; the tests of the main crate use the generator
//! for large sites. [`hostile`] times the hostile inputs of issue 24 at two sizes.

pub mod corpus;
pub mod draft;
pub mod edit;
pub mod hostile;
