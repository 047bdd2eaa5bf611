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

use std::collections::HashMap;

use jieba_rs::Jieba;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::tokenize::{self, is_cjk};
use super::{FORMAT_VERSION, SearchDoc, index_dir};

/// Target size of a postings pack in bytes.
pub const PACK_TARGET: usize = 8 * 1024;
/// Characters of text kept per document for snippets.
pub const TEXT_CHARS: usize = 480;
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

/// Occurrences of a term in each field of a document, saturating at 255: a posting is then 8
/// bytes, and the score byte is already within 1 of its maximum long before (BM25 saturates).
type Tf = [u8; 4];

/// Tokenised document: its terms with per-field counts, and field lengths.
struct DocTerms {
    terms: Vec<(String, Tf)>,
    len: [u32; 4],
}

/// FxHash-style hasher for the per-document term maps (keys are short strings we produced).
#[derive(Default)]
struct Fx(u64);
impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for c in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..c.len()].copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}
type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fx>>;

fn doc_terms(jieba: &Jieba, doc: &SearchDoc<'_>) -> DocTerms {
    let mut len = [0u32; 4];
    let mut map: FxMap<String, Tf> = FxMap::with_capacity_and_hasher(512, Default::default());
    // Most occurrences repeat a term already counted: look up by `&str`, allocate on a miss.
    let count_term = |map: &mut FxMap<String, Tf>, term: &str, field: usize| {
        if let Some(e) = map.get_mut(term) {
            e[field] = e[field].saturating_add(1);
        } else {
            let mut e = Tf::default();
            e[field] = 1;
            map.insert(term.to_string(), e);
        }
    };
    let body = doc.body.text(usize::MAX);
    let texts = std::iter::once((0, doc.title.as_str()))
        .chain(doc.headings.iter().map(|h| (1, h.as_str())))
        .chain(doc.fields.iter().map(|f| (2, f.as_str())))
        .chain(std::iter::once((3, body.as_ref())));
    let mut bufs = tokenize::TermBuffers::default();
    for (field, text) in texts {
        let norm = tokenize::normalize(text);
        let mut count = 0u32;
        tokenize::for_each_term(jieba, &norm, &mut bufs, |t| {
            count += 1;
            count_term(&mut map, t, field);
        });
        if field == 2
            && let Some(whole) = tokenize::whole_value_term(&norm)
        {
            let e = map.entry(whole).or_default();
            if e[2] == 0 {
                e[2] = 1;
                count += 1;
            }
        }
        len[field] = len[field].saturating_add(count);
    }
    let mut terms: Vec<(String, Tf)> = map.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    DocTerms { terms, len }
}

/// The field values that should be dictionary words and are not yet: sorted, so that words
/// are always added in the same order (jieba suggests each new word's frequency from the
/// dictionary as it stands).
pub fn new_phrases<S: AsRef<str>>(
    jieba: &Jieba,
    fields: impl IntoIterator<Item = S>,
) -> Vec<String> {
    let mut phrases: Vec<String> = fields
        .into_iter()
        .filter_map(|f| tokenize::whole_value_term(f.as_ref()))
        .filter(|w| !jieba.has_word(w))
        .collect();
    phrases.sort_unstable();
    phrases.dedup();
    phrases
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

pub fn build(jieba: &Jieba, lang: &str, docs: &[SearchDoc<'_>]) -> Vec<(String, Vec<u8>)> {
    let dir = index_dir(lang);
    let timing = std::env::var_os("CIVIC_SEARCH_TIMING").is_some();
    let t0 = std::time::Instant::now();
    let phase = |name: &str| {
        if timing {
            eprintln!(
                "search[{lang}] {name}: {:.0} ms",
                t0.elapsed().as_secs_f64() * 1e3
            );
        }
    };

    // Doc ids follow URL order, so the input order does not matter.
    let mut order: Vec<&SearchDoc<'_>> = docs.iter().collect();
    order.sort_by(|a, b| {
        (&a.url, &a.title)
            .cmp(&(&b.url, &b.title))
            .then_with(|| a.body.text(usize::MAX).cmp(&b.body.text(usize::MAX)))
    });

    // Names and districts from the fields become dictionary words for this build. The build
    // pipeline has taught them to the indexer already (`Indexer::learn_phrases`); a caller that
    // did not (serve after an edit adding a name) pays for a private copy of the dictionary.
    let phrases = new_phrases(jieba, order.iter().flat_map(|d| &d.fields));
    let owned;
    let jieba = if phrases.is_empty() {
        jieba
    } else {
        let mut j = jieba.clone();
        for p in &phrases {
            j.add_word(p, None, None);
        }
        owned = j;
        &owned
    };

    phase("dictionary");
    // Tokenise in parallel, merge postings in doc order (so postings are sorted by doc id).
    let mut term_ids: FxMap<String, u32> = FxMap::default();
    let mut postings: Vec<Vec<(u32, Tf)>> = Vec::new();
    let mut lens: Vec<[u32; 4]> = Vec::with_capacity(order.len());
    for (round_no, round) in order.chunks(ROUND).enumerate() {
        let chunks: Vec<Vec<DocTerms>> = round
            .par_chunks(CHUNK)
            .map(|c| c.iter().map(|d| doc_terms(jieba, d)).collect())
            .collect();
        for (id, dt) in ((round_no * ROUND) as u32..).zip(chunks.into_iter().flatten()) {
            for (term, tf) in dt.terms {
                let tid = match term_ids.get(&term) {
                    Some(&t) => t,
                    None => {
                        let t = postings.len() as u32;
                        term_ids.insert(term, t);
                        postings.push(Vec::new());
                        t
                    }
                };
                postings[tid as usize].push((id, tf));
            }
            lens.push(dt.len);
        }
    }

    phase("tokenised");
    // Average field lengths for BM25F-style normalisation.
    let n_docs = order.len().max(1) as f64;
    let mut avg = [0f64; 4];
    for l in &lens {
        for f in 0..4 {
            avg[f] += l[f] as f64;
        }
    }
    for a in &mut avg {
        *a = (*a / n_docs).max(1.0);
    }

    // Terms in sorted order; encode postings in parallel.
    let mut terms: Vec<(String, u32)> = term_ids.into_iter().collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let encoded: Vec<(Vec<u8>, u32)> = terms
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
        .collect();
    drop(postings);
    phase("postings encoded");

    // Packs.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut entries: Vec<(u32, u32, u32)> = Vec::with_capacity(terms.len()); // pack, offset, len
    let mut pack: Vec<u8> = Vec::new();
    let mut pack_no = 0u32;
    for (bytes, _) in &encoded {
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

    // Vocabulary buckets.
    let buckets = (terms.len() / TERMS_PER_BUCKET)
        .max(1)
        .next_power_of_two()
        .min(4096) as u32;
    let mut vocab: Vec<Vec<serde_json::Value>> = vec![Vec::new(); buckets as usize];
    for (i, (term, _)) in terms.iter().enumerate() {
        let b = bucket_of(term_key(term), buckets) as usize;
        let (p, off, len) = entries[i];
        let df = encoded[i].1;
        vocab[b].push(serde_json::json!([term, df, p, off, len]));
    }
    for (b, list) in vocab.into_iter().enumerate() {
        let bytes = serde_json::to_vec(&list).unwrap_or_else(|_| b"[]".to_vec());
        files.push((format!("{dir}/v/{b}.json"), bytes));
    }

    phase("packs and vocabulary");
    // Document records.
    let records: Vec<Vec<u8>> = order
        .par_iter()
        .map(|d| {
            // Whitespace collapses: read a few times the characters kept.
            let mut text = snippet_text(&d.body.text(4 * TEXT_CHARS), TEXT_CHARS);
            if text.is_empty() {
                text = snippet_text(&d.fields.join(" · "), TEXT_CHARS);
            }
            let v = serde_json::json!({
                "u": d.url, "t": d.title, "s": d.section, "d": d.date, "x": text,
            });
            serde_json::to_vec(&v).unwrap_or_default()
        })
        .collect();
    for (id, r) in records.into_iter().enumerate() {
        files.push((format!("{dir}/d/{id}.json"), r));
    }

    // Meta, with a hash of everything else (clients use it to bust caches).
    let mut h = Sha256::new();
    for (p, b) in &files {
        h.update(p.as_bytes());
        h.update((b.len() as u64).to_le_bytes());
        h.update(b);
    }
    let hash: String = h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let meta = serde_json::json!({
        "version": FORMAT_VERSION,
        "lang": lang,
        "docs": order.len(),
        "buckets": buckets,
        "packs": pack_no,
        "hash": hash,
        "textChars": TEXT_CHARS,
    });
    files.push((
        format!("{dir}/meta.json"),
        serde_json::to_vec(&meta).unwrap_or_default(),
    ));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    phase("done");
    files
}
