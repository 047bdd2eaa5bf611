//! Rust reference of the query procedure in `search.js` (same steps, same arithmetic), used by
//! the tests and by `examples/search_bench.rs` to count the bytes a query fetches.
//!
//! 1. Normalise the query and split it into CJK runs and words (as the indexer does).
//! 2. Fetch the vocabulary buckets of every ideograph of the CJK runs and of every word's key.
//! 3. Segment each CJK run against those term lists (dynamic programming: cover as many
//!    characters as possible with as few terms as possible); a 1–3 ideograph run with no term
//!    expands to the three most frequent terms starting with it. Words map to their stem; the
//!    last word, while still being typed (no trailing space), also matches up to five terms it
//!    is a prefix of. Each query word is a group of alternatives.
//! 4. Fetch the postings packs of those terms; score = Σ over groups of the best
//!    `idf × score byte × weight`, times (matched groups / groups)².
//! 5. Fetch the document records of the first page of results.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::index::{bucket_of, term_key};
use super::tokenize::{MAX_TERM_CHARS, Run, normalize, runs, word_term};

/// Results per page (document records fetched per page).
pub const PAGE: usize = 10;

#[derive(Debug, Clone)]
struct Entry {
    df: u32,
    pack: u32,
    off: usize,
    len: usize,
}

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: u32,
    pub score: f64,
    /// URL from the document record (only for the first page).
    pub url: Option<String>,
}

/// What a query did.
#[derive(Debug, Default, Clone)]
pub struct Outcome {
    /// Groups of (term, weight) the query was turned into.
    pub groups: Vec<Vec<(String, f64)>>,
    pub hits: Vec<Hit>,
    /// Files fetched (paths relative to the index folder), in fetch order, with sizes.
    pub fetched: Vec<(String, usize)>,
}

impl Outcome {
    pub fn bytes(&self) -> usize {
        self.fetched.iter().map(|f| f.1).sum()
    }
    pub fn urls(&self) -> Vec<&str> {
        self.hits.iter().filter_map(|h| h.url.as_deref()).collect()
    }
}

fn varint(b: &[u8], i: &mut usize) -> u32 {
    let mut v: u32 = 0;
    let mut shift = 0;
    while *i < b.len() {
        let x = b[*i];
        *i += 1;
        if shift < 32 {
            v |= ((x & 0x7f) as u32) << shift;
        }
        shift += 7;
        if x & 0x80 == 0 {
            break;
        }
    }
    v
}

/// Run `query` against an index whose files `get` returns (paths relative to the index
/// folder, e.g. `meta.json`, `v/3.json`). Missing or malformed files count as empty.
pub fn run(get: &dyn Fn(&str) -> Option<Vec<u8>>, query: &str) -> Outcome {
    let mut out = Outcome::default();
    let fetch = |path: &str, out: &mut Outcome| -> Vec<u8> {
        let b = get(path).unwrap_or_default();
        out.fetched.push((path.to_string(), b.len()));
        b
    };
    let meta: serde_json::Value =
        serde_json::from_slice(&fetch("meta.json", &mut out)).unwrap_or_default();
    let n_docs = meta["docs"].as_u64().unwrap_or(0) as f64;
    let buckets = meta["buckets"].as_u64().unwrap_or(1) as u32;

    let norm = normalize(query);
    let open = norm.chars().last().is_some_and(|c| c.is_alphanumeric());
    let rs = runs(&norm);

    // Buckets to fetch.
    let mut need: BTreeSet<u32> = BTreeSet::new();
    for (i, r) in rs.iter().enumerate() {
        match r {
            Run::Cjk(s) => {
                for c in s.chars() {
                    need.insert(bucket_of(c.encode_utf8(&mut [0; 4]), buckets));
                }
            }
            Run::Word(w) => {
                if let Some(t) = word_term(w) {
                    need.insert(bucket_of(term_key(&t), buckets));
                }
                if i + 1 == rs.len() && open && w.chars().count() >= 3 {
                    need.insert(bucket_of(term_key(w), buckets));
                }
            }
        }
    }
    let mut vocab: HashMap<String, Entry> = HashMap::new();
    for b in need {
        let bytes = fetch(&format!("v/{b}.json"), &mut out);
        let list: Vec<(String, u32, u32, usize, usize)> =
            serde_json::from_slice(&bytes).unwrap_or_default();
        for (t, df, pack, off, len) in list {
            vocab.insert(t, Entry { df, pack, off, len });
        }
    }
    // Terms with a prefix, most frequent first.
    let prefixed = |p: &str, skip: &str, k: usize| -> Vec<String> {
        let mut v: Vec<(&String, &Entry)> = vocab
            .iter()
            .filter(|(t, _)| t.starts_with(p) && t.as_str() != skip)
            .collect();
        v.sort_by(|a, b| b.1.df.cmp(&a.1.df).then(a.0.cmp(b.0)));
        v.into_iter().take(k).map(|(t, _)| t.clone()).collect()
    };

    // Groups.
    for (i, r) in rs.iter().enumerate() {
        match r {
            Run::Word(w) => {
                let t = word_term(w);
                let mut g = Vec::new();
                if let Some(t) = &t
                    && vocab.contains_key(t)
                {
                    g.push((t.clone(), 1.0));
                }
                let live = i + 1 == rs.len() && open && w.chars().count() >= 3;
                if live {
                    for p in prefixed(w, t.as_deref().unwrap_or(""), 5) {
                        g.push((p, 0.5));
                    }
                }
                if t.is_some() || !g.is_empty() {
                    out.groups.push(g);
                }
            }
            Run::Cjk(s) => {
                let chars: Vec<(usize, char)> = s.char_indices().collect();
                let n = chars.len();
                let at = |j: usize| if j < n { chars[j].0 } else { s.len() };
                // best[i] = (uncovered, terms, next) for the suffix from i.
                let mut best = vec![(0usize, 0usize, 0usize); n + 1];
                for i in (0..n).rev() {
                    let mut b = (best[i + 1].0 + 1, best[i + 1].1, i + 1);
                    let mut j = (i + MAX_TERM_CHARS).min(n);
                    while j >= i + 2 {
                        if vocab.contains_key(&s[at(i)..at(j)]) {
                            let c = (best[j].0, best[j].1 + 1, j);
                            if (c.0, c.1) < (b.0, b.1) {
                                b = c;
                            }
                        }
                        j -= 1;
                    }
                    best[i] = b;
                }
                let mut i = 0;
                let mut found = false;
                while i < n {
                    let j = best[i].2;
                    if j >= i + 2 {
                        out.groups.push(vec![(s[at(i)..at(j)].to_string(), 1.0)]);
                        found = true;
                    }
                    i = j;
                }
                if !found && n <= 3 {
                    let g: Vec<(String, f64)> =
                        prefixed(s, "", 3).into_iter().map(|t| (t, 0.5)).collect();
                    if !g.is_empty() {
                        out.groups.push(g);
                    }
                }
            }
        }
    }

    // Postings.
    let packs: BTreeSet<u32> = out
        .groups
        .iter()
        .flatten()
        .filter_map(|(t, _)| vocab.get(t).map(|e| e.pack))
        .collect();
    let mut pack_bytes: BTreeMap<u32, Vec<u8>> = BTreeMap::new();
    for p in packs {
        let b = fetch(&format!("p/{p}.bin"), &mut out);
        pack_bytes.insert(p, b);
    }
    let total = out.groups.len();
    let mut scores: BTreeMap<u32, Vec<f64>> = BTreeMap::new();
    for (gi, g) in out.groups.iter().enumerate() {
        for (t, w) in g {
            let Some(e) = vocab.get(t) else { continue };
            let Some(pack) = pack_bytes.get(&e.pack) else {
                continue;
            };
            let end = (e.off + e.len).min(pack.len());
            let bytes = pack.get(e.off.min(end)..end).unwrap_or_default();
            let df = e.df as f64;
            let idf = (1.0 + (n_docs - df + 0.5) / (df + 0.5)).ln();
            let mut i = 0;
            let mut doc = 0u32;
            let mut first = true;
            while i < bytes.len() {
                let d = varint(bytes, &mut i);
                doc = if first { d } else { doc.wrapping_add(d) };
                first = false;
                let q = bytes.get(i).copied().unwrap_or(0) as f64;
                i += 1;
                let s = idf * q * w;
                let v = scores.entry(doc).or_insert_with(|| vec![0.0; total]);
                if s > v[gi] {
                    v[gi] = s;
                }
            }
        }
    }
    let mut hits: Vec<Hit> = scores
        .into_iter()
        .map(|(id, v)| {
            let matched = v.iter().filter(|s| **s > 0.0).count() as f64;
            let sum: f64 = v.iter().sum();
            let c = matched / total as f64;
            Hit {
                id,
                score: sum * c * c,
                url: None,
            }
        })
        .collect();
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
    for h in hits.iter_mut().take(PAGE) {
        let rec: serde_json::Value =
            serde_json::from_slice(&fetch(&format!("d/{}.json", h.id), &mut out))
                .unwrap_or_default();
        h.url = rec["u"].as_str().map(str::to_string);
    }
    out.hits = hits;
    out
}

/// Convenience: run a query against the output of `Indexer::build`.
pub fn run_on_files(files: &[(String, Vec<u8>)], query: &str) -> Outcome {
    let map: HashMap<&str, &Vec<u8>> = files
        .iter()
        .filter_map(|(p, b)| {
            // strip "search/<lang>/"
            let rest = p.strip_prefix("search/")?;
            let (_, rel) = rest.split_once('/')?;
            Some((rel, b))
        })
        .collect();
    run(&|p: &str| map.get(p).map(|b| b.to_vec()), query)
}
