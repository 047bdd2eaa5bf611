//! What a text shows of spam, as [`Evidence`]: each detector says which signal of the table
//! (`signals.rs`) fired where, and whether honest context surrounds it. Nothing here decides;
//! [`super::score`] adds the weights for the whole page.
//!
//! `Evidence::honest` means two things by the kind of signal: for words, that a warning, a
//! prohibition or a law surrounds them (their weight then mostly goes); for structure, that it
//! is a quoted specimen in such a text (it keeps most of its weight).
//!
//! Lure words, vocabulary hits and brand-like tokens that stand together form a [`Cluster`]
//! (`shape.rs`); a cluster's shape gives the structural signals (a brand fused with lure words,
//! an SEO chain, repetition where a name belongs), its words the vocabulary signals. Offers with
//! an amount and chat handles are found on their own (`offer.rs`, `contact.rs`).

use super::honest::Honesty;
use super::lexicon::{Class, Lexicon, Morpheme};
use super::normalize::Normalized;
use super::placement::Place;
use super::shape::{self, Cluster};
use super::signals::{MANNER_NEEDS, weight};
use super::vocabulary::{Hit, Vocabulary, overlaps, plausible};
use super::wordlists::{Tier, WordHit, Wordlists};
use crate::evidence::Signal;
use crate::messages::Text;
use crate::text;
use std::collections::HashMap;

/// Where a byte of the original text stands, when that is where spam goes (a title, link text).
pub type Placement<'a> = &'a dyn Fn(usize) -> Option<Place>;

/// What is known of where the text stands: the place of each offset (title, summary, …) and
/// whether the page's title warns or reports a crackdown.
#[derive(Clone, Copy)]
pub struct Where<'a> {
    pub placement: Placement<'a>,
    pub reported: bool,
}

/// Words right after a name in a civic text: spam that replaces the city's name is followed by
/// them.
const AFTER_NAME: &[&str] = &[
    "市委",
    "市政府",
    "人民政府",
    "政府",
    "文明办",
    "文明委",
    "宣传部",
    "委员会",
    "办公室",
    "党委",
    "市",
    "区",
    "县",
    "全市",
    "创建",
    "文明城市",
    "精神文明",
    "连续",
    "获评",
    "坚持",
    "位于",
];

/// The tools an assessment uses, built once per build.
#[derive(Debug)]
pub struct Assessor {
    pub lexicon: Lexicon,
    pub honesty: Honesty,
    pub wordlists: Wordlists,
}

/// One signal that fired: where (the phrase it belongs to, as an original byte range), what an
/// editor reads about it, and whether it stands in honest context.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub signal: Signal,
    /// The phrase, in original bytes: evidence of one phrase is reported together.
    pub start: usize,
    pub end: usize,
    /// The phrase as normalized text, shown in the finding.
    pub phrase: String,
    /// What spam it looks like (gambling, lottery, loan, …), when the signal says.
    pub family: Option<&'static str>,
    pub says: Text,
    pub honest: bool,
}

/// All evidence of spam in `n`, the normalized form of `original`.
pub fn assess(
    tools: &Assessor,
    vocab: &Vocabulary,
    original: &str,
    n: &Normalized,
    page: Where<'_>,
) -> Vec<Evidence> {
    let placement = page.placement;
    if n.is_empty() {
        return Vec::new();
    }
    let allowed = vocab.allowed_spans(&n.text);
    let hits = vocab.scan(n);
    let words: Vec<WordHit> = tools
        .wordlists
        .scan(n)
        .into_iter()
        .filter(|w| !overlaps(&allowed, w.start, w.end))
        .collect();
    let morphemes: Vec<Morpheme> = tools
        .lexicon
        .scan(n)
        .into_iter()
        .filter(|m| !overlaps(&allowed, m.start, m.end))
        // Pinyin lure words must be words (`Wang Zhiqiang` is not wangzhi 网址); `app` in
        // `yaboapp` is the brand's own suffix and stays.
        .filter(|m| !m.pinyin || plausible(n, m.start, m.end))
        .collect();
    let spans: Vec<(usize, usize)> = hits
        .iter()
        .map(|h| (h.start, h.end))
        .chain(words.iter().map(|w| (w.start, w.end)))
        .collect();
    let clusters = shape::clusters(n, &morphemes, &spans);
    let ctx = Context {
        tools,
        vocab,
        original,
        n,
        hits: &hits,
        words: &words,
        legal: super::honest::is_legal_document(original),
        reported: page.reported,
    };
    let mut out = Vec::new();
    let repeats = repeats(n, &clusters);
    for c in &clusters {
        ctx.cluster_evidence(c, &repeats, placement, &mut out);
    }
    weak_words_together(&ctx, &mut out);
    density(&ctx, &mut out);
    for found in super::offer::offers(n) {
        let mut e = ctx.evidence_at(
            Signal::OfferAmount,
            found.start,
            found.end,
            None,
            found.says,
        );
        // The bait a police report or a school lesson describes (“注册送 88 元”), in a sentence
        // that itself warns: named to warn, it keeps half its weight.
        e.honest |= ctx.reported && ctx.covered(found.start, found.end);
        out.push(e);
    }
    for (start, end) in super::offer::brand_domains(original) {
        let domain = &original[start..end];
        let says = text!("guard-signal-brand-domain", domain = domain);
        out.push(Evidence {
            signal: Signal::BrandDomain,
            start,
            end,
            phrase: domain.to_string(),
            family: Some("gambling"),
            says,
            honest: tools.honesty.quotes(original, start, end),
        });
    }
    let mut handles = Vec::new();
    for found in super::contact::contacts(n, original, &spans) {
        let mut e = ctx.evidence_at(found.signal, found.start, found.end, None, found.says);
        // A report on a scam quotes the scammers' handle; recruiting beside it still counts.
        e.honest |= found.signal == Signal::ChatHandle && ctx.reported;
        handles.push(e.start);
        out.push(e);
    }
    for found in super::solicit::solicitations(original, n, &handles) {
        // A page that reports a case and quotes the ad in a blockquote quotes its speech, as
        // quotation marks do; anywhere else a blockquote is only a frame.
        if ctx.reported && super::placement::in_blockquote(original, found.start) {
            continue;
        }
        let (start, end) = n.text_from(found.start, found.end);
        let signal = if found.full {
            Signal::Solicitation
        } else {
            Signal::PartialSolicitation
        };
        let mut e = ctx.evidence_at(signal, start, end, None, found.says);
        // A report's own sentences may describe an offer's parts; its quotes are not read.
        e.honest |= ctx.reported;
        out.push(e);
    }
    out
}

struct Context<'a> {
    tools: &'a Assessor,
    vocab: &'a Vocabulary,
    original: &'a str,
    n: &'a Normalized,
    hits: &'a [Hit],
    words: &'a [WordHit],
    /// A law: its words about vice all name it to rule on it.
    legal: bool,
    /// A page whose title warns or reports a crackdown: its words and lure phrases name the
    /// vice to report on it.
    reported: bool,
}

impl Context<'_> {
    /// Evidence for the normalized range `start..end`.
    fn evidence_at(
        &self,
        signal: Signal,
        start: usize,
        end: usize,
        family: Option<&'static str>,
        says: Text,
    ) -> Evidence {
        let (os, oe) = self.n.origin_of(start, end);
        Evidence {
            signal,
            start: os,
            end: oe,
            phrase: self.n.text[start..end].to_string(),
            family,
            says,
            honest: self.tools.honesty.quotes(self.original, os, oe),
        }
    }

    fn cluster_evidence(
        &self,
        c: &Cluster,
        repeats: &HashMap<&str, (usize, bool)>,
        placement: Placement<'_>,
        out: &mut Vec<Evidence>,
    ) {
        let first = out.len();
        let at = |signal, family, says| self.evidence_at(signal, c.start, c.end, family, says);
        for &i in &c.vocabulary {
            out.push(self.word_evidence(c, i));
        }
        if c.is_lure() {
            let mut lure = at(Signal::LureWords, Some("gambling"), lure_says(self.n, c));
            lure.honest = self.reported || self.covered(c.start, c.end);
            out.push(lure);
            if let Some(b) = c.brands.first() {
                let brand = &self.n.text[b.start..b.end];
                let mut fused = at(
                    Signal::FusedBrand,
                    Some("gambling"),
                    text!("guard-signal-brand", brand = brand),
                );
                // A court or police report naming the gang's "娱乐城" in a sentence that itself
                // reports (涉案, 被告人): the brand is named to report on it, and keeps half.
                fused.honest |= self.reported && self.covered(c.start, c.end);
                out.push(fused);
            }
        }
        let (parts, strong) = shape::keyword_parts(self.original, self.n, c);
        if is_keyword_chain(c, parts, strong) {
            out.push(at(
                Signal::SeoChain,
                Some("gambling"),
                text!("guard-signal-seo-title", parts = parts),
            ));
        }
        if let Some(&(times, named)) = repeats.get(&self.n.text[c.start..c.end]) {
            if named && times >= 2 {
                let says = text!("guard-signal-repeated-as-name", times = times);
                out.push(at(Signal::NameRepetition, Some("gambling"), says));
            } else if times >= 3
                && (c.is_lure() || !c.brands.is_empty() || !c.vocabulary.is_empty())
            {
                // A lone lure word (平台, 注册) repeated is how laws are written: only a phrase
                // that is evidence by itself gains by being repeated.
                let says = text!("guard-signal-repeated", times = times);
                out.push(at(Signal::Repetition, Some("gambling"), says));
            }
        }
        if carried(&out[first..]) < MANNER_NEEDS {
            return; // a lone or weak word: neither disguise nor place make it spam
        }
        // How and where a phrase stands amplifies what it says: honest when all of that is.
        let honest = all_honest(&out[first..]);
        let manner = |signal, says| Evidence {
            honest,
            ..at(signal, None, says)
        };
        if let Some(how) = self.disguise(c) {
            out.push(manner(
                Signal::Disguise,
                text!("guard-signal-disguise", how = how),
            ));
        }
        let (start, _) = self.n.origin_of(c.start, c.end);
        if let Some(place) = placement(start) {
            let says = text!("guard-signal-placement", place = place.text());
            out.push(manner(Signal::Placement, says));
        }
    }

    /// Evidence for vocabulary item `i` of a cluster (old rule hits first, then word lists).
    fn word_evidence(&self, c: &Cluster, i: usize) -> Evidence {
        if let Some(hit) = self.hits.get(i) {
            let rule = self.vocab.rule(hit.rule);
            let family = rule.map_or("gambling", |r| family_name(&r.family));
            let signal = if family == "brand" {
                Signal::KnownBrand
            } else {
                Signal::ListedWord
            };
            let word = &self.n.text[hit.start..hit.end];
            let origin = rule.map_or("", |r| r.origin.as_str());
            let says = text!(
                "guard-signal-vocabulary",
                words = text!("guard-listed-word", word = word, origin = origin)
            );
            let mut e = self.evidence_at(signal, c.start, c.end, Some(family), says);
            // A law speaks of vice all through; a brand never stands in one.
            e.honest = signal == Signal::ListedWord
                && (self.legal || self.reported || self.covered(hit.start, hit.end));
            return e;
        }
        let w = &self.words[i - self.hits.len()];
        let word = &self.n.text[w.start..w.end];
        let (signal, says) = match w.tier {
            Tier::Strong => (
                Signal::StrongWord,
                text!(
                    "guard-signal-strong-word",
                    word = word,
                    family = text!("guard-family", family = w.family)
                ),
            ),
            Tier::Weak => (
                Signal::WeakWord,
                text!(
                    "guard-signal-weak-word",
                    word = word,
                    family = text!("guard-family", family = w.family)
                ),
            ),
        };
        let mut e = self.evidence_at(signal, c.start, c.end, Some(w.family), says);
        e.honest = self.legal || self.reported || self.covered(w.start, w.end);
        e
    }

    fn covered(&self, start: usize, end: usize) -> bool {
        let (os, oe) = self.n.origin_of(start, end);
        self.tools.honesty.covers(self.original, os, oe)
    }

    fn disguise(&self, c: &Cluster) -> Option<Text> {
        let spans = c
            .vocabulary
            .iter()
            .filter_map(|&i| match self.hits.get(i) {
                Some(h) => Some((h.start, h.end)),
                None => self
                    .words
                    .get(i - self.hits.len())
                    .map(|w| (w.start, w.end)),
            })
            .chain(c.morphemes.iter().map(|m| (m.start, m.end)))
            .chain(c.brands.iter().map(|b| (b.start, b.end)));
        let found = spans
            .into_iter()
            .find_map(|(s, e)| shape::disguise(self.original, self.n, s, e));
        found.or_else(|| c.uses_pinyin().then(|| text!("guard-disguise-pinyin")))
    }
}

/// The vocabulary family of a rule file, as the findings name it.
fn family_name(family: &str) -> &'static str {
    match family {
        "lottery" => "lottery",
        "porn" => "porn",
        "app-lure" => "app",
        "brands" => "brand",
        "site" => "site",
        _ => "gambling",
    }
}

/// How often each phrase that could be a brand run stands on the page, and whether it stands
/// where a name belongs. Counts phrases with a brand-like token or a way in as well as lure
/// clusters: an invented brand replacing the city's name has no sold word.
fn repeats<'a>(n: &'a Normalized, clusters: &[Cluster]) -> HashMap<&'a str, (usize, bool)> {
    let mut out: HashMap<&str, (usize, bool)> = HashMap::new();
    for c in clusters {
        // A way in with something more (X官网, 官方入口): a lone 平台 or 登录 is how laws and
        // notices are written.
        let access_phrase = c.has(Class::Access) && c.morphemes.len() >= 2;
        let brandish = !c.brands.is_empty() || access_phrase || c.is_lure();
        if brandish && c.end - c.start >= 6 {
            let entry = out.entry(&n.text[c.start..c.end]).or_default();
            entry.0 += 1;
            entry.1 |= stands_for_a_name(n, c);
        }
    }
    out
}

/// Distinct weak words of one family that, standing in one sentence, say as much as a strong
/// one.
const WEAK_TOGETHER: usize = 3;

/// Weak words of one family in one sentence: 黑户, 不看征信, 秒批 and 包下款 are each common
/// enough in honest text; four in one sentence are a loan ad. (A paragraph is too wide: a
/// community report has 上门服务 for the elderly and a 同城交友 mixer a sentence apart.)
fn weak_words_together(ctx: &Context<'_>, out: &mut Vec<Evidence>) {
    let mut by_sentence: HashMap<(usize, &str), Vec<&WordHit>> = HashMap::new();
    let sentences: Vec<(usize, usize)> = ctx.n.sentences().collect();
    for w in ctx.words.iter().filter(|w| w.tier == Tier::Weak) {
        let sentence = sentences.partition_point(|&(_, e)| e <= w.start);
        by_sentence.entry((sentence, w.family)).or_default().push(w);
    }
    let mut groups: Vec<_> = by_sentence.into_iter().collect();
    groups.sort_unstable_by_key(|(key, _)| *key);
    for ((_, family), run) in groups {
        let mut terms: Vec<&str> = run.iter().map(|w| &ctx.n.text[w.start..w.end]).collect();
        terms.sort_unstable();
        terms.dedup();
        if terms.len() < WEAK_TOGETHER {
            continue;
        }
        let (start, end) = (run[0].start, run[run.len() - 1].end);
        let says = text!(
            "guard-signal-weak-words-together",
            words = terms.join("、"),
            family = text!("guard-family", family = family)
        );
        let mut e = ctx.evidence_at(Signal::StrongWord, start, end, Some(family), says);
        e.honest = ctx.legal || ctx.reported || run.iter().all(|w| ctx.covered(w.start, w.end));
        out.push(e);
    }
}

/// What a phrase's evidence says by itself, in points.
fn carried(evidence: &[Evidence]) -> f32 {
    evidence
        .iter()
        .filter(|e| carries_by_itself(e.signal))
        .map(|e| weight(e.signal, e.honest))
        .sum()
}

/// Whether every piece of evidence that says something by itself is in honest context.
fn all_honest(evidence: &[Evidence]) -> bool {
    evidence
        .iter()
        .filter(|e| carries_by_itself(e.signal))
        .all(|e| e.honest)
}

/// Whether a signal says spam by itself, not only how, where or how often it is put.
fn carries_by_itself(signal: Signal) -> bool {
    !matches!(
        signal,
        Signal::Placement | Signal::Disguise | Signal::Repetition | Signal::Density
    )
}

/// Many phrases with evidence on one page: each of them gets the density signal.
fn density(ctx: &Context<'_>, out: &mut Vec<Evidence>) {
    let mut carried_at: HashMap<(usize, usize), (f32, bool)> = HashMap::new();
    for e in out.iter().filter(|e| carries_by_itself(e.signal)) {
        let entry = carried_at.entry((e.start, e.end)).or_insert((0.0, true));
        entry.0 += weight(e.signal, e.honest);
        entry.1 &= e.honest;
    }
    let mut phrases: Vec<((usize, usize), bool)> = carried_at
        .into_iter()
        .filter(|(_, (w, _))| *w >= MANNER_NEEDS)
        .map(|(p, (_, honest))| (p, honest))
        .collect();
    phrases.sort_unstable_by_key(|(p, _)| *p);
    if phrases.len() < 3 {
        return;
    }
    let says = text!("guard-signal-density-page", phrases = phrases.len());
    for ((start, end), honest) in phrases {
        out.push(Evidence {
            signal: Signal::Density,
            start,
            end,
            phrase: ctx.original[start..end].to_string(),
            family: None,
            says: says.clone(),
            honest,
        });
    }
}

/// Keyword parts joined by separators, with something sold or a brand among them; three
/// parts joined by `_` or `|` and stuffed with lure words are an SEO title by themselves.
fn is_keyword_chain(c: &Cluster, parts: usize, strong: bool) -> bool {
    let sells = c.has(Class::Domain) || c.has(Class::Money) || !c.brands.is_empty();
    let stuffed = parts >= 3 && strong && c.morphemes.len() >= 3;
    (sells && ((parts >= 2 && strong) || parts >= 3)) || stuffed
}

/// The cluster stands where the text names its city or office: right before 市委, 文明办, ….
fn stands_for_a_name(n: &Normalized, c: &Cluster) -> bool {
    let after = &n.text[c.end..];
    AFTER_NAME.iter().any(|w| after.starts_with(w))
}

/// What a lure cluster says: lure words around a brand, or what is sold with its payout.
fn lure_says(n: &Normalized, c: &Cluster) -> Text {
    match c.brands.first() {
        Some(b) => text!("guard-signal-lure-around", brand = &n.text[b.start..b.end]),
        None => text!("guard-signal-lure-payout"),
    }
}
