//! Weighing the evidence of spam. No single listed word decides: each [`Cluster`] of lure words,
//! vocabulary hits and brand-like tokens collects independent signals, and the page adds its
//! own (repetition, density, where the text stands). Two signals make an error; a listed word
//! alone is a warning; honest context (a warning, a law) takes away the word signals.

use super::honest::Honesty;
use super::lexicon::{Class, Lexicon, Morpheme};
use super::normalize::Normalized;
use super::placement::Place;
use super::shape::{self, Cluster};
use super::vocabulary::{Hit, Vocabulary, overlaps};
use super::{Finding, Rule, Severity, finding_at};
use crate::messages::Text;
use crate::text;
use std::collections::HashMap;

/// Where a byte of the original text stands, when that is where spam goes (a title, link text).
pub type Placement<'a> = &'a dyn Fn(usize) -> Option<Place>;

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
];

/// The tools an assessment uses, built once per build.
#[derive(Debug)]
pub struct Assessor {
    pub lexicon: Lexicon,
    pub honesty: Honesty,
}

/// A signal that fired, with what an editor reads about it.
struct Signal {
    code: &'static str,
    says: Text,
}

/// Messages one after the other ("a; b; c"), in the catalogue's list punctuation.
fn joined(parts: Vec<Text>, last_key: fn(Text, Text) -> Text) -> Option<Text> {
    parts
        .into_iter()
        .rev()
        .reduce(|rest, first| last_key(first, rest))
}

fn semicolons(first: Text, rest: Text) -> Text {
    text!("guard-signals-and", first = first, rest = rest)
}

fn commas(first: Text, rest: Text) -> Text {
    text!("guard-words-and", first = first, rest = rest)
}

pub fn assess(
    tools: &Assessor,
    vocab: &Vocabulary,
    original: &str,
    n: &Normalized,
    placement: Placement<'_>,
) -> Vec<Finding> {
    if n.is_empty() {
        return Vec::new();
    }
    let allowed = vocab.allowed_spans(&n.text);
    let hits = vocab.scan(n);
    let morphemes: Vec<Morpheme> = tools
        .lexicon
        .scan(n)
        .into_iter()
        .filter(|m| !overlaps(&allowed, m.start, m.end))
        .collect();
    let hit_spans: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
    let clusters = shape::clusters(n, &morphemes, &hit_spans);
    let page = Page::new(tools, vocab, original, n, &clusters, &hits);
    clusters
        .iter()
        .enumerate()
        .filter_map(|(i, c)| page.finding(vocab, i, c, placement))
        .collect()
}

/// What the page as a whole says about each cluster.
struct Page<'a> {
    original: &'a str,
    n: &'a Normalized,
    hits: &'a [Hit],
    /// Per cluster: the vocabulary hits outside honest context, and whether its lure stands
    /// outside honest context.
    honest_view: Vec<(Vec<usize>, bool)>,
    /// Per cluster: keyword parts and whether a strong separator joins them.
    parts: Vec<(usize, bool)>,
    repeats: HashMap<&'a str, (usize, bool)>,
    /// Per cluster: what makes it one of many spam phrases, if anything does.
    density: Vec<Option<Text>>,
}

impl<'a> Page<'a> {
    fn new(
        tools: &'a Assessor,
        vocab: &Vocabulary,
        original: &'a str,
        n: &'a Normalized,
        clusters: &'a [Cluster],
        hits: &'a [Hit],
    ) -> Page<'a> {
        // A law's words about vice are the law's all through; lure words built around a brand
        // never are, so the whole document covers only the listed words.
        let legal = super::honest::is_legal_document(original);
        let covered = |s: usize, e: usize| {
            let (os, oe) = n.origin_of(s, e);
            tools.honesty.covers(original, os, oe)
        };
        // Brand names and offers never stand in a law; its words about vices do.
        let legal_word = |hit: &Hit| {
            legal
                && vocab
                    .rule(hit.rule)
                    .is_some_and(|r| matches!(r.family.as_str(), "gambling" | "lottery" | "porn"))
        };
        let honest: Vec<bool> = clusters.iter().map(|c| covered(c.start, c.end)).collect();
        let honest_view: Vec<(Vec<usize>, bool)> = clusters
            .iter()
            .zip(&honest)
            .map(|(c, &honest)| {
                let words = c
                    .vocabulary
                    .iter()
                    .copied()
                    .filter(|&i| !legal_word(&hits[i]) && !covered(hits[i].start, hits[i].end))
                    .collect();
                (words, c.is_lure() && !honest)
            })
            .collect();
        let parts: Vec<(usize, bool)> = clusters
            .iter()
            .map(|c| shape::keyword_parts(original, n, c))
            .collect();
        let mut repeats: HashMap<&str, (usize, bool)> = HashMap::new();
        for (c, &(count, strong)) in clusters.iter().zip(&parts) {
            if c.is_lure() || is_keyword_chain(c, count, strong) {
                let entry = repeats.entry(&n.text[c.start..c.end]).or_default();
                entry.0 += 1;
                entry.1 |= stands_for_a_name(n, c);
            }
        }
        let evidence: Vec<bool> = (0..clusters.len())
            .map(|i| {
                let (words, lure) = &honest_view[i];
                let c = &clusters[i];
                !words.is_empty()
                    || *lure
                    || is_keyword_chain(c, parts[i].0, parts[i].1)
                    || (!honest[i] && c.selling_words() >= 2)
            })
            .collect();
        let density = density(n, clusters, &honest, &evidence);
        Page {
            original,
            n,
            hits,
            honest_view,
            parts,
            repeats,
            density,
        }
    }

    fn finding(
        &self,
        vocab: &Vocabulary,
        i: usize,
        c: &Cluster,
        placement: Placement<'_>,
    ) -> Option<Finding> {
        let (words, lure) = &self.honest_view[i];
        let (count, strong) = self.parts[i];
        let chain = is_keyword_chain(c, count, strong);
        if words.is_empty() && !lure && !chain {
            return None;
        }
        let mut signals = Vec::new();
        if let Some(s) = self.vocabulary_signal(vocab, words) {
            signals.push(s);
        }
        if *lure {
            signals.extend(lure_signals(self.n, c));
        }
        if chain {
            signals.push(Signal {
                code: "seo-title",
                says: text!("guard-signal-seo-title", parts = count),
            });
        }
        signals.extend(self.repetition_signal(c));
        signals.extend(self.disguise_signal(c, words));
        let (start, end) = self.n.origin_of(c.start, c.end);
        if let Some(place) = placement(start) {
            signals.push(Signal {
                code: "placement",
                says: text!("guard-signal-placement", place = place.text()),
            });
        }
        if let Some(says) = &self.density[i] {
            signals.push(Signal {
                code: "density",
                says: says.clone(),
            });
        }
        let severity = match signals.as_slice() {
            [only] if only.code == "vocabulary" => Severity::Warning,
            [_] => return None,
            _ => Severity::Error,
        };
        let family = words
            .first()
            .and_then(|&w| vocab.rule(self.hits[w].rule))
            .map_or("gambling", |r| r.family.as_str());
        let codes = signals.iter().map(|s| s.code).collect();
        let described = joined(signals.into_iter().map(|s| s.says).collect(), semicolons)
            .unwrap_or_else(|| text!("guard-signal-none"));
        let mut f = finding_at(
            self.original,
            start,
            end,
            Rule::Spam,
            severity,
            text!(
                "guard-spam",
                family = family,
                spam = &self.n.text[c.start..c.end],
                signals = described
            ),
        );
        f.signals = codes;
        f.help = Some(text!("guard-spam-help"));
        Some(f)
    }

    fn vocabulary_signal(&self, vocab: &Vocabulary, words: &[usize]) -> Option<Signal> {
        let listed: Vec<Text> = words
            .iter()
            .filter_map(|&w| {
                let hit = self.hits[w];
                let rule = vocab.rule(hit.rule)?;
                Some(text!(
                    "guard-listed-word",
                    word = &self.n.text[hit.start..hit.end],
                    origin = &rule.origin
                ))
            })
            .collect();
        joined(listed, commas).map(|words| Signal {
            code: "vocabulary",
            says: text!("guard-signal-vocabulary", words = words),
        })
    }

    fn repetition_signal(&self, c: &Cluster) -> Option<Signal> {
        let &(times, named) = self.repeats.get(&self.n.text[c.start..c.end])?;
        let says = match (times, named) {
            (t, true) if t >= 2 => text!("guard-signal-repeated-as-name", times = t),
            (t, _) if t >= 3 => text!("guard-signal-repeated", times = t),
            (_, true) if c.is_lure() => text!("guard-signal-as-name"),
            _ => return None,
        };
        Some(Signal {
            code: "repetition",
            says,
        })
    }

    fn disguise_signal(&self, c: &Cluster, words: &[usize]) -> Option<Signal> {
        let spans = words
            .iter()
            .map(|&w| (self.hits[w].start, self.hits[w].end))
            .chain(c.morphemes.iter().map(|m| (m.start, m.end)))
            .chain(c.brands.iter().map(|b| (b.start, b.end)));
        let mut found = spans
            .into_iter()
            .find_map(|(s, e)| shape::disguise(self.original, self.n, s, e));
        if found.is_none() && c.uses_pinyin() {
            found = Some(text!("guard-disguise-pinyin"));
        }
        found.map(|how| Signal {
            code: "disguise",
            says: text!("guard-signal-disguise", how = how),
        })
    }
}

/// Spam phrases come in numbers: three on a page, two in a sentence, or four different words
/// of what is sold or paid out across the page (outside honest context).
fn density(
    n: &Normalized,
    clusters: &[Cluster],
    honest: &[bool],
    evidence: &[bool],
) -> Vec<Option<Text>> {
    let on_page = evidence.iter().filter(|e| **e).count();
    let mut per_sentence: HashMap<usize, usize> = HashMap::new();
    let mut selling = std::collections::HashSet::new();
    for (i, c) in clusters.iter().enumerate() {
        if evidence[i] {
            *per_sentence.entry(c.sentence).or_default() += 1;
        }
        if !honest[i] {
            selling.extend(
                c.morphemes
                    .iter()
                    .filter(|m| m.class != Class::Access)
                    .map(|m| &n.text[m.start..m.end]),
            );
        }
    }
    clusters
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let in_sentence = per_sentence.get(&c.sentence).copied().unwrap_or(0);
            if !evidence[i] {
                None
            } else if on_page >= 3 {
                Some(text!("guard-signal-density-page", phrases = on_page))
            } else if in_sentence >= 2 {
                Some(text!(
                    "guard-signal-density-sentence",
                    phrases = in_sentence
                ))
            } else if selling.len() >= 4 {
                Some(text!("guard-signal-density-words", words = selling.len()))
            } else {
                None
            }
        })
        .collect()
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

/// A lure cluster says up to three things: that lure words stand together, that a brand-like
/// token mixing Latin letters or digits with them is among them (`ayx体育`, `8455官网`), and
/// that a payout is promised (`返水`, `提现`, `bonus`).
fn lure_signals(n: &Normalized, c: &Cluster) -> Vec<Signal> {
    let mut out = vec![Signal {
        code: "lure",
        says: match c.brands.first() {
            Some(b) => text!("guard-signal-lure-around", brand = &n.text[b.start..b.end]),
            None => text!("guard-signal-lure-payout"),
        },
    }];
    if let Some(b) = c.brands.iter().find(|b| b.latin) {
        out.push(Signal {
            code: "brand",
            says: text!("guard-signal-brand", brand = &n.text[b.start..b.end]),
        });
    }
    if let Some(m) = c.morphemes.iter().find(|m| m.class == Class::Money) {
        out.push(Signal {
            code: "payout",
            says: text!("guard-signal-payout", payout = &n.text[m.start..m.end]),
        });
    }
    out
}
