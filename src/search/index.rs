//! Building the sharded index of one language. Format (see docs/search.md):
//!
//! * `meta.json` — `{"version","lang","docs","buckets","packs","hash","textChars"}`.
//! * `v/<b>.json` — vocabulary bucket `b`: `[[term, df, pack, offset, len], …]` sorted by
//!   term, for every term whose key (its first ideograph, or first two characters of a word)
//!   hashes to `b` (FNV-1a over code points, modulo `buckets`). The client segments Chinese
//!   queries against these term lists.
//! * `p/<n>.bin` — postings packs: for each term, at `offset..offset+len`, `df` pairs of
//!   (varint doc-id delta, one byte score). Terms are packed in term order, ~`PACK_TARGET` bytes
//!   a file; a frequent term gets a file of its own.
//! * `d/<id>.json` — one small document record per result: `{"u","t","s","d","x"}` (url,
//!   title, section, date, first `TEXT_CHARS` characters of the text for the snippet).

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::batch::{self, TEXT_CHARS, Tf};
use super::segment::Segmenter;
use super::tokenize::{self, is_cjk};
use super::{FORMAT_VERSION, FxMap, SearchDoc, index_dir};

/// Target size of a postings pack in bytes.
pub const PACK_TARGET: usize = 8 * 1024;
/// Average number of terms per vocabulary bucket.
const TERMS_PER_BUCKET: usize = 48;
/// BM25 saturation constant.
pub const K1: f64 = 1.2;
/// Field weights and length-normalisation strength: title, headings, fields, body.
const WEIGHT: [f64; 4] = [8.0, 3.0, 5.0, 1.0];
const B: [f64; 4] = [0.5, 0.5, 0.3, 0.75];
/// Documents tokenised per rayon task, and per merge round (bounds peak memory).
const CHUNK: usize = 64;
const ROUND: usize = 1024;

/// The vocabulary key of a term: its first character if it is an ideograph, else its first
/// two characters.
pub fn term_key(term: &str) -> &str {
    let mut it = term.char_indices();
    match it.next() {
        None => term,
        Some((_, c)) if is_cjk(c) => &term[..c.len_utf8()],
        Some(_) => match it.nth(1) {
            Some((i, _)) => &term[..i],
            None => term,
        },
    }
}

/// FNV-1a over the code points of `key`, modulo `buckets`.
pub fn bucket_of(key: &str, buckets: u32) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for c in key.chars() {
        h = (h ^ c as u32).wrapping_mul(0x0100_0193);
    }
    h % buckets.max(1)
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The field values that should be dictionary words and are not yet: sorted, so that words
/// are always added in the same order (the segmenter suggests each new word's frequency from the
/// dictionary as it stands).
pub fn new_phrases<S: AsRef<str>>(
    seg: &Segmenter,
    fields: impl IntoIterator<Item = S>,
) -> Vec<String> {
    let mut phrases: Vec<String> = fields
        .into_iter()
        .filter_map(|f| tokenize::whole_value_term(f.as_ref()))
        .filter(|w| !seg.has_word(w))
        .collect();
    phrases.sort_unstable();
    phrases.dedup();
    phrases
}

pub fn build(seg: &Segmenter, lang: &str, docs: &[SearchDoc<'_>]) -> Vec<(String, Vec<u8>)> {
    let dir = index_dir(lang);
    let t0 = std::time::Instant::now();
    let phase = |name: &str| crate::timings::report(&format!("search[{lang}] {name}"), t0);
    let order = in_url_order(docs);
    let learned = with_new_phrases(seg, &order);
    let seg = learned.as_ref().unwrap_or(seg);
    phase("dictionary");
    let Tokenised {
        term_ids,
        postings,
        lens,
        snippets,
    } = tokenise(seg, &order);
    phase("tokenised");
    let avg = average_lengths(&lens, order.len());
    let mut terms: Vec<(Box<str>, u32)> = term_ids.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let encoded = encode_postings(&terms, &postings, &lens, &avg);
    drop(postings);
    phase("postings encoded");
    let (mut files, entries, packs) = packs(&dir, &encoded);
    let buckets = bucket_count(terms.len());
    files.extend(vocabulary(&dir, &terms, &encoded, &entries, buckets));
    phase("packs and vocabulary");
    files.extend(records(&dir, &order, snippets));
    let meta = meta(lang, order.len(), buckets, packs, &files);
    files.push((format!("{dir}/meta.json"), meta));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    phase("done");
    files
}

/// Doc ids follow URL order, so the input order does not matter.
fn in_url_order<'d, 'a>(docs: &'d [SearchDoc<'a>]) -> Vec<&'d SearchDoc<'a>> {
    let mut order: Vec<&SearchDoc<'_>> = docs.iter().collect();
    order.sort_by(|a, b| {
        (&a.url, &a.title)
            .cmp(&(&b.url, &b.title))
            .then_with(|| a.body.text(usize::MAX).cmp(&b.body.text(usize::MAX)))
    });
    order
}

/// Names and districts from the fields become dictionary words for this build. The build
/// pipeline has taught them to the indexer already (`Indexer::learn_phrases`); a caller that
/// did not (serve after an edit adding a name) pays for a private copy of the dictionary.
fn with_new_phrases(seg: &Segmenter, order: &[&SearchDoc<'_>]) -> Option<Segmenter> {
    let phrases = new_phrases(seg, order.iter().flat_map(|d| &d.fields));
    if phrases.is_empty() {
        return None;
    }
    let mut learned = seg.clone();
    for p in &phrases {
        learned.add_word(p);
    }
    Some(learned)
}

/// Every document's term counts, merged in doc order (so postings are sorted by doc id).
struct Tokenised {
    term_ids: FxMap<Box<str>, u32>,
    postings: Vec<Vec<(u32, Tf)>>,
    lens: Vec<[u32; 4]>,
    snippets: Vec<String>,
}

/// Tokenise in parallel, merge postings in doc order.
fn tokenise(seg: &Segmenter, order: &[&SearchDoc<'_>]) -> Tokenised {
    let mut out = Tokenised {
        term_ids: FxMap::default(),
        postings: Vec::new(),
        lens: Vec::with_capacity(order.len()),
        snippets: Vec::with_capacity(order.len()),
    };
    for round in order.chunks(ROUND) {
        let batches: Vec<batch::Batch> = round
            .par_chunks(CHUNK)
            .map(|docs| batch::count(seg, docs))
            .collect();
        for batch in batches {
            out.merge(batch);
        }
    }
    out
}

impl Tokenised {
    fn merge(&mut self, batch: batch::Batch) {
        // Local term ids → index-wide ids, once per batch.
        let global: Vec<u32> = batch
            .terms
            .into_iter()
            .map(|term| match self.term_ids.get(&term) {
                Some(&t) => t,
                None => {
                    let t = self.postings.len() as u32;
                    self.term_ids.insert(term, t);
                    self.postings.push(Vec::new());
                    t
                }
            })
            .collect();
        for doc in batch.docs {
            let id = self.lens.len() as u32;
            for (term, tf) in doc.counts {
                self.postings[global[term as usize] as usize].push((id, tf));
            }
            self.lens.push(doc.len);
            self.snippets.push(doc.snippet);
        }
    }
}

/// Average field lengths for BM25F-style normalisation.
fn average_lengths(lens: &[[u32; 4]], docs: usize) -> [f64; 4] {
    let n_docs = docs.max(1) as f64;
    let mut avg = [0f64; 4];
    for l in lens {
        for f in 0..4 {
            avg[f] += l[f] as f64;
        }
    }
    for a in &mut avg {
        *a = (*a / n_docs).max(1.0);
    }
    avg
}

/// Each term's postings (in `terms` order) encoded in parallel, with its document frequency.
fn encode_postings(
    terms: &[(Box<str>, u32)],
    postings: &[Vec<(u32, Tf)>],
    lens: &[[u32; 4]],
    avg: &[f64; 4],
) -> Vec<(Vec<u8>, u32)> {
    terms
        .par_iter()
        .map(|(_, tid)| {
            let list = &postings[*tid as usize];
            let mut out = Vec::with_capacity(list.len() * 2);
            let mut prev = 0u32;
            for (i, (doc, tf)) in list.iter().enumerate() {
                let l = &lens[*doc as usize];
                let mut w = 0f64;
                for f in 0..4 {
                    if tf[f] > 0 {
                        let norm = 1.0 - B[f] + B[f] * l[f] as f64 / avg[f];
                        w += WEIGHT[f] * tf[f] as f64 / norm;
                    }
                }
                let q = (255.0 * w / (K1 + w)).ceil().clamp(1.0, 255.0) as u8;
                push_varint(&mut out, if i == 0 { *doc } else { doc - prev });
                out.push(q);
                prev = *doc;
            }
            (out, list.len() as u32)
        })
        .collect()
}

/// Where each term's postings are: pack, offset, length.
type Entry = (u32, u32, u32);

/// Files of the index: path and bytes.
type Files = Vec<(String, Vec<u8>)>;

/// The encoded postings cut into pack files of about PACK_TARGET bytes; each term's entry; the
/// number of packs.
fn packs(dir: &str, encoded: &[(Vec<u8>, u32)]) -> (Files, Vec<Entry>, u32) {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut entries: Vec<Entry> = Vec::with_capacity(encoded.len());
    let mut pack: Vec<u8> = Vec::new();
    let mut pack_no = 0u32;
    for (bytes, _) in encoded {
        if !pack.is_empty() && pack.len() + bytes.len() > PACK_TARGET {
            files.push((format!("{dir}/p/{pack_no}.bin"), std::mem::take(&mut pack)));
            pack_no += 1;
        }
        entries.push((pack_no, pack.len() as u32, bytes.len() as u32));
        pack.extend_from_slice(bytes);
    }
    if !pack.is_empty() {
        files.push((format!("{dir}/p/{pack_no}.bin"), pack));
        pack_no += 1;
    }
    (files, entries, pack_no)
}

fn bucket_count(terms: usize) -> u32 {
    (terms / TERMS_PER_BUCKET)
        .max(1)
        .next_power_of_two()
        .min(4096) as u32
}

/// The vocabulary buckets: each term with its document frequency and postings entry.
fn vocabulary(
    dir: &str,
    terms: &[(Box<str>, u32)],
    encoded: &[(Vec<u8>, u32)],
    entries: &[Entry],
    buckets: u32,
) -> Vec<(String, Vec<u8>)> {
    let mut vocab: Vec<Vec<serde_json::Value>> = vec![Vec::new(); buckets as usize];
    for (i, (term, _)) in terms.iter().enumerate() {
        let b = bucket_of(term_key(term), buckets) as usize;
        let (p, off, len) = entries[i];
        let df = encoded[i].1;
        vocab[b].push(serde_json::json!([term, df, p, off, len]));
    }
    vocab
        .into_iter()
        .enumerate()
        .map(|(b, list)| {
            let bytes = serde_json::to_vec(&list).unwrap_or_else(|_| b"[]".to_vec());
            (format!("{dir}/v/{b}.json"), bytes)
        })
        .collect()
}

/// One record per document: URL, title, section, date and snippet.
fn records(dir: &str, order: &[&SearchDoc<'_>], snippets: Vec<String>) -> Vec<(String, Vec<u8>)> {
    let records: Vec<Vec<u8>> = order
        .par_iter()
        .zip(snippets)
        .map(|(d, text)| {
            let v = serde_json::json!({
                "u": d.url, "t": d.title, "s": d.section, "d": d.date, "x": text,
            });
            serde_json::to_vec(&v).unwrap_or_default()
        })
        .collect();
    records
        .into_iter()
        .enumerate()
        .map(|(id, r)| (format!("{dir}/d/{id}.json"), r))
        .collect()
}

/// The index's meta file, with a hash of every other file (clients use it to bust caches).
fn meta(lang: &str, docs: usize, buckets: u32, packs: u32, files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut h = Sha256::new();
    for (p, b) in files {
        h.update(p.as_bytes());
        h.update((b.len() as u64).to_le_bytes());
        h.update(b);
    }
    let hash = crate::digest::hex(&h.finalize()[..8]);
    let meta = serde_json::json!({
        "version": FORMAT_VERSION,
        "lang": lang,
        "docs": docs,
        "buckets": buckets,
        "packs": packs,
        "hash": hash,
        "textChars": TEXT_CHARS,
    });
    serde_json::to_vec(&meta).unwrap_or_default()
}
