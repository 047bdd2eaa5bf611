//! Counting the terms of a batch of documents (one rayon task of the index build).
//!
//! Terms get ids local to the batch, so a document's counts are a plain vector and the merge
//! into the index looks each term up once per batch rather than once per document. Each
//! distinct unit of text (an English word, a word of jieba's segmentation) is expanded into its
//! terms once per batch — stemming, stop words and the dictionary look-ups for the words inside
//! a Chinese word are not repeated for each occurrence.

use super::segment::{Scratch, Segmenter};
use super::tokenize::{self, Unit};
use super::{FxMap, SearchDoc};

/// Characters of text kept per document for snippets (the index's `meta.json` says so too).
pub const TEXT_CHARS: usize = 480;

/// Occurrences of a term in each field of a document (title, headings, fields, body),
/// saturating at 255: a posting is then 8 bytes, and the score byte is already within 1 of its
/// maximum long before (BM25 saturates).
pub type Tf = [u8; 4];

/// The terms of a batch of documents.
pub struct Batch {
    /// Local term id → term.
    pub terms: Vec<Box<str>>,
    /// Per document, in input order.
    pub docs: Vec<DocCounts>,
}

/// One document's term counts (by local term id, each id once) and field lengths in terms.
pub struct DocCounts {
    pub counts: Vec<(u32, Tf)>,
    pub len: [u32; 4],
    /// The text shown under the result: the body's first `TEXT_CHARS` characters, or the
    /// fields when there is no body.
    pub snippet: String,
}

/// Collapse whitespace and cut to `max` characters.
fn snippet_text(body: &str, max: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    let mut space = false;
    for c in body.chars() {
        if n >= max {
            break;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            n += 1;
            space = false;
        }
        out.push(c);
        n += 1;
    }
    out
}

/// Tokenise and count `docs`.
pub fn count(seg: &Segmenter, docs: &[&SearchDoc<'_>]) -> Batch {
    let mut counter = Counter {
        seg,
        ids: FxMap::with_capacity_and_hasher(4096, Default::default()),
        terms: Vec::with_capacity(4096),
        units: Units::default(),
        expansions: Vec::with_capacity(8192),
        slot: Vec::new(),
        counts: Vec::new(),
        word: String::new(),
        norm: String::new(),
    };
    let mut scratch = Scratch::default();
    let docs = docs
        .iter()
        .map(|doc| counter.doc(doc, &mut scratch))
        .collect();
    Batch {
        terms: counter.terms,
        docs,
    }
}

const NONE: u32 = u32::MAX;

struct Counter<'j> {
    seg: &'j Segmenter,
    /// Term → local id, and back.
    ids: FxMap<Box<str>, u32>,
    terms: Vec<Box<str>>,
    /// Unit text → its terms, as a range of `expansions`.
    units: Units,
    expansions: Vec<u32>,
    /// Local id → index in `counts` for the current document (`NONE` when absent).
    slot: Vec<u32>,
    counts: Vec<(u32, Tf)>,
    word: String,
    /// Normalised text of the current field.
    norm: String,
}

impl Counter<'_> {
    fn doc(&mut self, doc: &SearchDoc<'_>, scratch: &mut Scratch) -> DocCounts {
        let body = doc.body.text(usize::MAX);
        let texts = std::iter::once((0, doc.title.as_str()))
            .chain(doc.headings.iter().map(|h| (1, h.as_str())))
            .chain(doc.fields.iter().map(|f| (2, f.as_str())))
            .chain(std::iter::once((3, body.as_ref())));
        let mut len = [0u32; 4];
        let mut norm = std::mem::take(&mut self.norm);
        for (field, text) in texts {
            tokenize::normalize_into(text, &mut norm);
            let mut n = 0u32;
            tokenize::for_each_unit(self.seg, &norm, scratch, |unit| {
                let (start, end) = self.expand(unit);
                for i in start..end {
                    let term = self.expansions[i as usize];
                    self.add(term, field);
                }
                n += end - start;
            });
            if field == 2
                && let Some(whole) = tokenize::whole_value_term(&norm)
            {
                // A name or district as one whole term, counted once per document.
                let term = self.intern(&whole);
                if !self.has(term, 2) {
                    self.add(term, 2);
                    n += 1;
                }
            }
            len[field] = len[field].saturating_add(n);
        }
        self.norm = norm;
        for &(term, _) in &self.counts {
            self.slot[term as usize] = NONE;
        }
        let counts = std::mem::take(&mut self.counts);
        self.counts = Vec::with_capacity(counts.len());
        let mut snippet = snippet_text(&body, TEXT_CHARS);
        if snippet.is_empty() {
            snippet = snippet_text(&doc.fields.join(" · "), TEXT_CHARS);
        }
        DocCounts {
            counts,
            len,
            snippet,
        }
    }

    /// The terms of `unit`, expanded on its first occurrence in the batch.
    fn expand(&mut self, unit: Unit<'_>) -> (u32, u32) {
        let (Unit::Word(text) | Unit::Cjk(text)) = unit;
        if let Some(range) = self.units.get(text) {
            return range;
        }
        let start = self.expansions.len() as u32;
        let mut found: Vec<u32> = Vec::new();
        let mut word = std::mem::take(&mut self.word);
        let seg = self.seg;
        tokenize::unit_terms(seg, unit, &mut word, &mut |t: &str| {
            found.push(self.intern(t))
        });
        self.word = word;
        self.expansions.extend(found);
        let range = (start, self.expansions.len() as u32);
        self.units.insert(text, range);
        range
    }

    fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(term.into());
        self.ids.insert(term.into(), id);
        self.slot.push(NONE);
        id
    }

    fn has(&self, term: u32, field: usize) -> bool {
        match self.slot[term as usize] {
            NONE => false,
            i => self.counts[i as usize].1[field] > 0,
        }
    }

    fn add(&mut self, term: u32, field: usize) {
        match self.slot[term as usize] {
            NONE => {
                self.slot[term as usize] = self.counts.len() as u32;
                let mut tf = Tf::default();
                tf[field] = 1;
                self.counts.push((term, tf));
            }
            i => {
                let tf = &mut self.counts[i as usize].1;
                tf[field] = tf[field].saturating_add(1);
            }
        }
    }
}

/// Unit text → a range of `Counter::expansions`. Words of up to 15 bytes (nearly all: five
/// ideographs, or fifteen letters) are keys of their own bytes, so a look-up hashes two words
/// and compares two, without following a pointer to the text.
#[derive(Default)]
struct Units {
    short: FxMap<u128, (u32, u32)>,
    long: FxMap<Box<str>, (u32, u32)>,
}

impl Units {
    fn short_key(text: &str) -> Option<u128> {
        let bytes = text.as_bytes();
        let mut key = [0u8; 16];
        key.get_mut(..bytes.len())?.copy_from_slice(bytes);
        // The length in the last byte tells "ab" from "ab\0" (and 15 bytes leave it free).
        *key.get_mut(15).filter(|_| bytes.len() < 16)? = bytes.len() as u8;
        Some(u128::from_le_bytes(key))
    }

    fn get(&self, text: &str) -> Option<(u32, u32)> {
        match Units::short_key(text) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(text).copied(),
        }
    }

    fn insert(&mut self, text: &str, range: (u32, u32)) {
        match Units::short_key(text) {
            Some(k) => self.short.insert(k, range),
            None => self.long.insert(text.into(), range),
        };
    }
}
