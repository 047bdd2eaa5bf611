//! Chinese word segmentation, exactly as jieba cuts with its HMM on: the most probable path
//! through the graph of dictionary words, and jieba's HMM for runs of characters that the
//! dictionary leaves single (so unknown names still come out as words).
//!
//! The path search is ours; jieba-rs (without its built-in dictionary) provides the HMM. Why
//! not `jieba_rs::Jieba::cut`: on a 20,000-page site it was half of the index's time. It looks
//! each edge of the graph up in the trie a second time, takes a logarithm per edge, and runs a
//! regex over each text. Here the trie is walked once per position and the logarithms are
//! kept. `tests/segment_parity.rs` checks that both cut the sample content and a benchmark
//! corpus identically.
//!
//! The dictionary is jieba's (`data/jieba-dict.txt`, MIT licence, see `data/README.md`).

use cedarwood::Cedar;
use jieba_rs::Jieba;

static DICT: &str = include_str!("data/jieba-dict.txt");

/// A dictionary and the segmentation over it. Cloning copies the dictionary.
#[derive(Clone)]
pub struct Segmenter {
    /// Word → id (index into `freq` and `ln_freq`).
    trie: Cedar,
    freq: Vec<u64>,
    ln_freq: Vec<f64>,
    total: u64,
    /// jieba with an empty dictionary: only its HMM is used.
    hmm: Jieba,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("words", &self.freq.len())
            .field("total", &self.total)
            .finish()
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

/// Characters jieba's own splitter treats as Chinese. Narrower than `tokenize::is_cjk` (it
/// leaves out 〇 and a few supplementary blocks); other characters cut a run, as in jieba.
fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0x2CEB0..=0x2EBEF
        | 0x2F800..=0x2FA1F)
}

impl Segmenter {
    /// jieba's dictionary (about 350,000 words).
    pub fn new() -> Segmenter {
        let mut trie = Cedar::new();
        let mut freq = Vec::with_capacity(350_000);
        for line in DICT.lines() {
            let mut parts = line.split_ascii_whitespace();
            let (Some(word), Some(f)) = (parts.next(), parts.next()) else {
                continue;
            };
            let f = f.parse::<u64>().unwrap_or(0);
            // The file has no duplicates (checked by a test), so no look-up before the insert.
            trie.update(word, freq.len() as i32);
            freq.push(f);
        }
        let ln_freq = freq.iter().map(|&f| (f as f64).ln()).collect();
        let total = freq.iter().sum();
        Segmenter {
            trie,
            freq,
            ln_freq,
            total,
            hmm: Jieba::empty(),
        }
    }

    /// Is `word` in the dictionary?
    pub fn has_word(&self, word: &str) -> bool {
        self.id(word).is_some()
    }

    fn id(&self, word: &str) -> Option<usize> {
        self.trie
            .exact_match_search(word)
            .map(|(id, _, _)| id as usize)
    }

    /// Add `word` with the frequency jieba suggests for it (enough for it to be cut as one word).
    pub fn add_word(&mut self, word: &str) {
        if word.is_empty() {
            return;
        }
        let freq = self.suggest_freq(word);
        match self.id(word) {
            Some(id) => {
                self.total = self.total + freq - self.freq[id];
                self.freq[id] = freq;
                self.ln_freq[id] = (freq as f64).ln();
            }
            None => {
                self.trie.update(word, self.freq.len() as i32);
                self.freq.push(freq);
                self.ln_freq.push((freq as f64).ln());
                self.total += freq;
            }
        }
    }

    /// jieba's `suggest_freq`: the frequency that makes `word` beat its current segmentation.
    fn suggest_freq(&self, word: &str) -> u64 {
        let ln_total = (self.total as f64).ln();
        let mut ln = 0f64;
        let mut route = Vec::new();
        self.for_each_block(word, |piece, is_han| {
            let mut add = |w: &str| {
                let f = self.id(w).map_or(1, |id| self.freq[id]);
                ln = ln + (f as f64).ln() - ln_total;
            };
            if !is_han {
                add(piece);
                return;
            }
            self.best_route(piece, &mut route);
            let mut x = 0;
            while x < piece.len() {
                let y = route[x].1;
                add(&piece[x..y]);
                x = y;
            }
        });
        let suggested = (ln + ln_total).exp() as u64 + 1;
        suggested.max(self.id(word).map_or(1, |id| self.freq[id]))
    }

    /// Call `out` with the words of `run` (consecutive ideographs) that have two or more
    /// characters, in order. (Single characters are never search terms, so they are skipped.)
    pub fn cut(&self, run: &str, route: &mut Vec<(f64, usize)>, mut out: impl FnMut(&str)) {
        self.for_each_block(run, |block, is_han| {
            if is_han {
                self.cut_block(block, route, &mut out);
            }
        });
    }

    /// Split `text` into jieba's Chinese blocks and single other characters.
    fn for_each_block(&self, text: &str, mut f: impl FnMut(&str, bool)) {
        let mut start = None;
        for (i, c) in text.char_indices() {
            if is_han(c) {
                start.get_or_insert(i);
                continue;
            }
            if let Some(s) = start.take() {
                f(&text[s..i], true);
            }
            f(&text[i..i + c.len_utf8()], false);
        }
        if let Some(s) = start {
            f(&text[s..], true);
        }
    }

    /// `route[i]` = (log probability of the best path from byte `i` to the end, end of its
    /// first word), for each character start `i` of `block`.
    fn best_route(&self, block: &str, route: &mut Vec<(f64, usize)>) {
        route.clear();
        route.resize(block.len() + 1, (0.0, 0));
        let ln_total = (self.total as f64).ln();
        let mut next = block.len();
        for (start, _) in block.char_indices().rev() {
            let mut best: Option<(f64, usize)> = None;
            for (id, last) in self.trie.common_prefix_iter(&block[start..]) {
                let end = start + last + 1;
                let candidate = (self.ln_freq[id as usize] - ln_total + route[end].0, end);
                // As `Iterator::max_by`: a later candidate wins ties.
                best = match best {
                    Some(b) if b.partial_cmp(&candidate) == Some(std::cmp::Ordering::Greater) => {
                        Some(b)
                    }
                    _ => Some(candidate),
                };
            }
            // A character the dictionary does not know is a word of frequency 1.
            route[start] = best.unwrap_or((0f64 - ln_total + route[next].0, next));
            next = start;
        }
    }

    fn cut_block(&self, block: &str, route: &mut Vec<(f64, usize)>, out: &mut impl FnMut(&str)) {
        self.best_route(block, route);
        let mut x = 0;
        let mut singles: Option<usize> = None;
        while x < block.len() {
            let y = route[x].1;
            if block[x..y].chars().nth(1).is_none() {
                singles.get_or_insert(x);
            } else {
                if let Some(s) = singles.take() {
                    self.cut_singles(&block[s..x], out);
                }
                out(&block[x..y]);
            }
            x = y;
        }
        if let Some(s) = singles {
            self.cut_singles(&block[s..], out);
        }
    }

    /// A run of characters the path left single: jieba's HMM finds the words in it, unless the
    /// whole run is itself a dictionary word (then its characters stay single).
    fn cut_singles(&self, run: &str, out: &mut impl FnMut(&str)) {
        if run.chars().nth(1).is_none() || self.has_word(run) {
            return;
        }
        for w in self.hmm.cut(run, true) {
            if w.chars().nth(1).is_some() {
                out(w);
            }
        }
    }
}
