//! Build-time site search: a Chinese-aware, sharded, static index per language.
//!
//! `Indexer` is built once per build (it owns the segmenter's dictionary, which is costly to
//! load) and is shared read-only across threads. `Indexer::build` turns the pages of one language into
//! the files under `search/<lang>/`; `themes/civic/static/js/search.js` queries them in the
//! browser, fetching only the shards a query needs. The format and the reasoning behind it are
//! in `docs/search.md`; `query` is a Rust reference of the client's query procedure (used by
//! the tests and the benchmark).

mod batch;
mod index;
pub mod query;
pub mod segment;
pub mod text;
pub mod tokenize;

use segment::Segmenter;

/// FxHash maps for the index (terms, words, runs of text): much cheaper than the default SipHash
/// on short keys. The keys are the site's own text, which its editors write: a build need not
/// defend against crafted collisions.
type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Version of the on-disk format, written to `meta.json` and checked by `search.js`.
pub const FORMAT_VERSION: u32 = 1;

/// One page to index.
#[derive(Debug, Clone, Default)]
pub struct SearchDoc<'a> {
    /// Root-relative URL of the page (e.g. `/role-models/li-mei/`).
    pub url: String,
    pub title: String,
    /// Section label shown in results (e.g. 道德模范 / Role models).
    pub section: String,
    /// Date already formatted for display.
    pub date: Option<String>,
    pub headings: Vec<String>,
    /// Front-matter values a citizen searches for: name, district, category label, tags.
    pub fields: Vec<String>,
    pub body: Body<'a>,
}

/// A page body to index, as plain text or as the page's rendered HTML. A build passes HTML
/// borrowed from the site model: the text is then made one page at a time while indexing,
/// rather than kept for every page at once.
#[derive(Debug, Clone)]
pub enum Body<'a> {
    Text(std::borrow::Cow<'a, str>),
    Html(&'a str),
}

impl Body<'_> {
    /// The plain text, or its first `max_chars` characters.
    pub fn text(&self, max_chars: usize) -> std::borrow::Cow<'_, str> {
        match self {
            Body::Text(t) => std::borrow::Cow::Borrowed(t),
            Body::Html(h) => std::borrow::Cow::Owned(text::html_to_text(h, max_chars)),
        }
    }
}

impl Default for Body<'_> {
    fn default() -> Self {
        Body::Text(std::borrow::Cow::Borrowed(""))
    }
}

impl<'a> From<&'a str> for Body<'a> {
    fn from(text: &'a str) -> Self {
        Body::Text(text.into())
    }
}

impl From<String> for Body<'_> {
    fn from(text: String) -> Self {
        Body::Text(text.into())
    }
}

/// The search indexer: a segmenter with jieba's dictionary and the site's own words, built once
/// per build.
#[derive(Debug, Clone)]
pub struct Indexer {
    seg: Segmenter,
}

// The indexer is shared read-only across rayon threads.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Indexer>();
};

impl Indexer {
    /// The indexer for a site whose text is `texts` (its content files), with jieba's
    /// dictionary, the built-in civic vocabulary (`tokenize::CIVIC_WORDS`) and the site's words
    /// (district names, 明湖, 文明办…). Only the dictionary words made of the texts' characters
    /// are loaded up front; text with other characters is still cut correctly, with the whole
    /// dictionary loaded when first needed. Words are normalised like indexed text; words that
    /// are not purely Chinese are ignored (other words need no dictionary).
    pub fn for_texts<'t>(
        extra_words: &'t [String],
        texts: impl IntoIterator<Item = &'t str>,
    ) -> Indexer {
        let mut chars = segment::CharSet::default();
        for text in texts
            .into_iter()
            .chain(extra_words.iter().map(String::as_str))
            .chain(tokenize::CIVIC_WORDS.iter().copied())
        {
            // Unnormalised is enough: normalising changes no ideograph.
            chars.add_text(text);
        }
        Indexer::with_segmenter(Segmenter::for_chars(chars), extra_words)
    }

    fn with_segmenter(mut seg: Segmenter, extra_words: &[String]) -> Indexer {
        let civic = tokenize::CIVIC_WORDS.iter().map(|w| w.to_string());
        for w in civic.chain(extra_words.iter().cloned()) {
            let w = tokenize::normalize(w.trim());
            if w.chars().count() >= 2 && w.chars().all(tokenize::is_cjk) && !seg.has_word(&w) {
                seg.add_word(&w);
            }
        }
        Indexer { seg }
    }

    /// Make short Chinese field values (a role model's name, a district) dictionary words, so
    /// that the body of any page mentioning 李梅 segments it as one word. Called once per build
    /// with every page's fields; a value already known costs nothing.
    pub fn learn_phrases<I: IntoIterator<Item = String>>(&mut self, fields: I) {
        for phrase in index::new_phrases(&self.seg, fields) {
            self.seg.add_word(&phrase);
        }
    }

    /// The terms of `text`, in order, as the index sees them (the language only matters for
    /// the path of the index: the rules are the same for both, so mixed text works).
    pub fn tokenize(&self, text: &str) -> Vec<String> {
        tokenize::terms(&self.seg, text)
    }

    /// Build the index files of one language. Paths are relative to the output root
    /// (`search/<lang>/meta.json`, …). Same docs (in any order) → same bytes.
    pub fn build(&self, lang: &str, docs: &[SearchDoc<'_>]) -> Vec<(String, Vec<u8>)> {
        index::build(&self.seg, lang, docs)
    }
}

/// The [`Indexer`] of a build, being made on its own thread ([`prepare`]).
pub struct Preparing {
    indexer: std::thread::JoinHandle<Indexer>,
}

/// Start making the indexer of a site whose own words are `words` (district names, 明湖,
/// 文明办…) and whose text is `texts`: loading the segmenter's dictionary is the slowest step of
/// a build's start and only the index needs it, so it runs beside the site model and the guard.
/// Only the dictionary words made of the characters of `texts` and `words` are loaded
/// ([`Indexer::for_texts`]).
///
/// A build that fails before [`Preparing::finish`] drops the handle: the thread then ends on its
/// own and its work is dropped, and the failure is reported without waiting for it.
pub fn prepare(words: Vec<String>, texts: Vec<std::sync::Arc<str>>) -> Preparing {
    let indexer =
        std::thread::spawn(move || Indexer::for_texts(&words, texts.iter().map(|t| &**t)));
    Preparing { indexer }
}

impl Preparing {
    /// The indexer, once ready, with `phrases` (every page's field values, known only once the
    /// site is modelled) learnt as words ([`Indexer::learn_phrases`]).
    pub fn finish(self, phrases: impl IntoIterator<Item = String>) -> Indexer {
        let mut indexer = self
            .indexer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        indexer.learn_phrases(phrases);
        indexer
    }
}

/// The folder of a language's index, relative to the output root (`search/zh-CN`).
pub fn index_dir(lang: &str) -> String {
    let safe: String = lang
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    format!("search/{}", if safe.is_empty() { "default" } else { &safe })
}

#[cfg(test)]
mod tests;
