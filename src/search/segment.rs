//! Chinese word segmentation, exactly as jieba cuts with its HMM on: the most probable path
//! through the graph of dictionary words, and jieba's HMM for runs of characters that the
//! dictionary leaves single (so unknown names still come out as words).
//!
//! The path search is ours; jieba-rs (without its built-in dictionary) provides the HMM. Why
//! not `jieba_rs::Jieba::cut`: on a 20,000-page site it was half of the index's time. It looks
//! each edge of the graph up in the trie a second time, takes a logarithm per edge, and runs a
//! regex over each text. Here the trie is walked once per position and the logarithms are
//! kept. `tests/integration/segment_parity.rs` checks that both cut the sample content and a benchmark
//! corpus identically.
//!
//! The dictionary is jieba's (`src/dictionary/`, MIT licence). A
//! build loads only the words made of characters its site uses ([`Segmenter::for_chars`]): no
//! other word can match the site's text, and the dictionary's total frequency is kept, so the
//! cuts are the same. Text with a character outside that set is cut with the whole dictionary,
//! loaded then (`serve`, after an edit).

use std::sync::OnceLock;

use cedarwood::Cedar;
use jieba_rs::Jieba;

use super::FxMap;

/// Buffers a caller reuses between [`Segmenter::cut`] calls: the path search's table, and the
/// HMM's cuts of the runs of single characters seen so far (short runs of function words such
/// as 了和 or 的与 recur on every page; the HMM is by far the costliest step per character).
#[derive(Default)]
pub struct Scratch {
    route: Vec<(f64, usize)>,
    hmm: HmmMemo,
}

/// A run of single characters → the spans of the words the HMM cut it into.
type HmmMemo = FxMap<Box<str>, Box<[(u32, u32)]>>;

/// Runs of single characters remembered per [`Scratch`] (a batch of pages): enough for the
/// recurring ones, bounded for text full of rare characters.
const HMM_MEMO: usize = 16 * 1024;

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
    /// The characters whose words were loaded (`None`: every word).
    chars: Option<CharSet>,
    /// Words added since loading, in order: replayed on the whole dictionary when needed.
    added: Vec<String>,
    /// The whole dictionary with the same added words, loaded the first time a text needs it.
    whole: OnceLock<Box<Segmenter>>,
}

/// A set of characters (a bit per code point below U+30000; characters above it are treated
/// as present, which only keeps a few more words).
#[derive(Clone)]
pub struct CharSet {
    bits: Vec<u64>,
}

const CHARSET_LIMIT: u32 = 0x30000;

impl Default for CharSet {
    fn default() -> Self {
        CharSet {
            bits: vec![0; CHARSET_LIMIT as usize / 64],
        }
    }
}

impl CharSet {
    /// Add the characters of `text` (ASCII is always present).
    pub fn add_text(&mut self, text: &str) {
        // A build passes every content file: decode only the three-byte sequences (where the
        // ideographs are) by hand, and skip ASCII without decoding.
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&lead) = bytes.get(i) {
            let (code, len) = match lead {
                0x00..=0x7f => (None, 1),
                0xe0..=0xef => match bytes.get(i + 1..i + 3) {
                    Some(&[b1, b2]) => {
                        let c = (u32::from(lead & 0x0f) << 12)
                            | (u32::from(b1 & 0x3f) << 6)
                            | u32::from(b2 & 0x3f);
                        (Some(c), 3)
                    }
                    _ => (None, 1),
                },
                _ => {
                    let c = text.get(i..).and_then(|t| t.chars().next());
                    (c.map(u32::from), c.map_or(1, char::len_utf8))
                }
            };
            if let Some(c) = code.filter(|&c| c < CHARSET_LIMIT) {
                self.bits[(c / 64) as usize] |= 1 << (c % 64);
            }
            i += len;
        }
    }

    pub fn contains(&self, c: char) -> bool {
        let c = c as u32;
        !(0x80..CHARSET_LIMIT).contains(&c) || self.bits[(c / 64) as usize] & (1 << (c % 64)) != 0
    }

    fn covers(&self, text: &str) -> bool {
        text.chars().all(|c| self.contains(c))
    }
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("words", &self.freq.len())
            .field("total", &self.total)
            .field("whole", &self.chars.is_none())
            .field("added", &self.added.len())
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
    /// jieba's whole dictionary (about 350,000 words).
    pub fn new() -> Segmenter {
        Segmenter::load(None)
    }

    /// jieba's dictionary, the words made of `chars` only (a site's characters: on a typical
    /// site a half to a tenth of the words, loaded that much faster).
    pub fn for_chars(chars: CharSet) -> Segmenter {
        Segmenter::load(Some(chars))
    }

    fn load(chars: Option<CharSet>) -> Segmenter {
        let mut trie = Cedar::new();
        let mut freq = Vec::new();
        // Words left out still count in the total: the probabilities stay jieba's.
        let mut total = 0u64;
        for line in crate::dictionary::jieba().lines() {
            let mut parts = line.split_ascii_whitespace();
            let (Some(word), Some(f)) = (parts.next(), parts.next()) else {
                continue;
            };
            let f = f.parse::<u64>().unwrap_or(0);
            total += f;
            if chars.as_ref().is_none_or(|set| set.covers(word)) {
                // The file has no duplicates (checked by a test): no look-up before the insert.
                trie.update(word, freq.len() as i32);
                freq.push(f);
            }
        }
        let ln_freq = freq.iter().map(|&f| (f as f64).ln()).collect();
        Segmenter {
            trie,
            freq,
            ln_freq,
            total,
            hmm: Jieba::empty(),
            chars,
            added: Vec::new(),
            whole: OnceLock::new(),
        }
    }

    /// Does this segmenter's dictionary have every word that can occur in `text`?
    fn covers(&self, text: &str) -> bool {
        self.chars.as_ref().is_none_or(|set| set.covers(text))
    }

    /// The whole dictionary with the same added words (this one, if it is whole).
    fn whole(&self) -> &Segmenter {
        if self.chars.is_none() {
            return self;
        }
        self.whole.get_or_init(|| {
            let mut whole = Segmenter::new();
            for w in &self.added {
                whole.add_word(w);
            }
            Box::new(whole)
        })
    }

    /// Is `word` in the dictionary?
    pub fn has_word(&self, word: &str) -> bool {
        if !self.covers(word) {
            return self.whole().has_word(word);
        }
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
        if !self.covers(word) {
            // Words with this word's characters were not loaded: become the whole dictionary.
            let whole = self.whole().clone();
            *self = whole;
        }
        self.added.push(word.to_string());
        self.whole = OnceLock::new();
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
    pub fn cut(&self, run: &str, scratch: &mut Scratch, mut out: impl FnMut(&str)) {
        if !self.covers(run) {
            return self.whole().cut(run, scratch, out);
        }
        self.for_each_block(run, |block, is_han| {
            if is_han {
                self.cut_block(block, scratch, &mut out);
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

    fn cut_block(&self, block: &str, scratch: &mut Scratch, out: &mut impl FnMut(&str)) {
        let mut route = std::mem::take(&mut scratch.route);
        self.best_route(block, &mut route);
        let mut x = 0;
        let mut singles: Option<usize> = None;
        while x < block.len() {
            let y = route[x].1;
            if block[x..y].chars().nth(1).is_none() {
                singles.get_or_insert(x);
            } else {
                if let Some(s) = singles.take() {
                    self.cut_singles(&block[s..x], &mut scratch.hmm, out);
                }
                out(&block[x..y]);
            }
            x = y;
        }
        if let Some(s) = singles {
            self.cut_singles(&block[s..], &mut scratch.hmm, out);
        }
        scratch.route = route;
    }

    /// A run of characters the path left single: jieba's HMM finds the words in it, unless the
    /// whole run is itself a dictionary word (then its characters stay single).
    fn cut_singles(&self, run: &str, memo: &mut HmmMemo, out: &mut impl FnMut(&str)) {
        if run.chars().nth(1).is_none() {
            return;
        }
        let emit = |spans: &[(u32, u32)], out: &mut dyn FnMut(&str)| {
            for &(a, b) in spans {
                if let Some(w) = run.get(a as usize..b as usize) {
                    out(w);
                }
            }
        };
        if let Some(spans) = memo.get(run) {
            return emit(spans, out);
        }
        let spans: Box<[(u32, u32)]> = if self.has_word(run) {
            Box::default()
        } else {
            let base = run.as_ptr() as usize;
            self.hmm
                .cut(run, true)
                .into_iter()
                .filter(|w| w.chars().nth(1).is_some())
                .map(|w| {
                    let a = w.as_ptr() as usize - base;
                    (a as u32, (a + w.len()) as u32)
                })
                .collect()
        };
        emit(&spans, out);
        if memo.len() < HMM_MEMO {
            memo.insert(run.into(), spans);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CharSet;

    #[test]
    fn a_char_set_has_exactly_the_characters_of_its_texts() {
        let text = "Ünïcode 志愿服务 𠀀𪜀 é ñ 〇 ＡＢ";
        let mut set = CharSet::default();
        set.add_text(text);
        for c in text.chars() {
            assert!(set.contains(c), "{c}");
        }
        for c in ['文', '明', 'ö', '𠀁', '＃'] {
            assert!(!set.contains(c), "{c}");
        }
        // ASCII, and what lies beyond the bitmap, always count as present.
        assert!(set.contains('z') && set.contains('\u{31350}'));
    }
}
