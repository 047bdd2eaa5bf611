//! The page's score: the weights of the signals that fired (`signals.rs`), each signal counted
//! once at its strongest, each group capped, honest context taking its share of the vocabulary
//! weights only. The score decides the severity of every spam finding of the page, so a brand
//! in the title and its payout three paragraphs below add up, and a police report's list of
//! gang methods, all in honest context, does not.

use super::assess::Evidence;
use super::signals::{self, ERROR_AT, Group, WARN_AT, row_of};
use super::{Finding, Rule, Severity, finding_at};
use crate::evidence::Signal;
use crate::messages::Text;
use crate::text;
use std::collections::BTreeMap;

/// What the page scored.
#[derive(Debug, Clone, Copy, Default)]
pub struct Score {
    pub total: f32,
}

impl Score {
    pub fn severity(&self) -> Option<Severity> {
        if self.total >= ERROR_AT {
            Some(Severity::Error)
        } else if self.total >= WARN_AT {
            Some(Severity::Warning)
        } else {
            None
        }
    }
}

/// The weight `e` carries: its row's, less what honest context takes.
pub fn weight_of(e: &Evidence) -> f32 {
    signals::weight(e.signal, e.honest)
}

pub fn score(evidence: &[Evidence]) -> Score {
    // Per signal its strongest evidence, kept apart by honesty: words of honest context add up
    // to HONEST_WORDS at most, however many a police report lists, and all honest evidence to
    // HONEST_TOTAL.
    let mut strongest: BTreeMap<(Signal, bool), f32> = BTreeMap::new();
    for e in evidence {
        let entry = strongest.entry((e.signal, e.honest)).or_default();
        *entry = entry.max(weight_of(e));
    }
    let mut plain: BTreeMap<Group, f32> = BTreeMap::new();
    let mut honest: BTreeMap<Group, f32> = BTreeMap::new();
    for ((signal, is_honest), w) in &strongest {
        let group = row_of(*signal).group;
        if !*is_honest {
            *plain.entry(group).or_default() += w;
        } else if strongest.get(&(*signal, false)).is_none_or(|p| p < w) {
            *honest.entry(group).or_default() += w;
        }
    }
    if let Some(words) = honest.get_mut(&Group::Words) {
        *words = words.min(signals::HONEST_WORDS);
    }
    let mut total = 0.0;
    let mut honest_total = 0.0;
    for group in plain
        .keys()
        .chain(honest.keys())
        .collect::<std::collections::BTreeSet<_>>()
    {
        let cap = signals::cap(*group);
        let p = plain.get(group).copied().unwrap_or(0.0).min(cap);
        total += p;
        honest_total += honest.get(group).copied().unwrap_or(0.0).min(cap - p);
    }
    // What stands only quoted in a warning may warn, never stop the build by itself.
    let total = total + honest_total.min(signals::HONEST_TOTAL);
    Score { total }
}

/// One spam finding per phrase with evidence, at the page's severity. Link and markup signals
/// are reported by their own findings (rules `external-link`, `hidden-content`, …).
pub fn findings(original: &str, evidence: &[Evidence], score: &Score) -> Vec<Finding> {
    let Some(severity) = score.severity() else {
        return Vec::new();
    };
    let mut phrases: BTreeMap<(usize, usize), Vec<&Evidence>> = BTreeMap::new();
    for e in evidence {
        let group = row_of(e.signal).group;
        if !matches!(group, Group::Link | Group::Markup) {
            phrases.entry((e.start, e.end)).or_default().push(e);
        }
    }
    let carrying: Vec<_> = phrases
        .into_iter()
        .filter(|(_, list)| list.iter().any(|e| carries(e)))
        .collect();
    let mut out: Vec<Finding> = carrying
        .iter()
        .take(MAX_PHRASES)
        .map(|((start, end), list)| phrase_finding(original, *start, *end, list, score, severity))
        .collect();
    if let Some(((start, end), _)) = carrying.get(MAX_PHRASES) {
        let more = (carrying.len() - MAX_PHRASES) as i64;
        let says = text!("guard-spam-more", more = more, score = points(score.total));
        let mut f = finding_at(original, *start, *end, Rule::Spam, severity, says);
        f.help = Some(text!("guard-spam-help"));
        out.push(f);
    }
    out
}

/// The most spam phrases one page's findings name; the rest are counted in one more finding
/// (a page of one brand repeated 20,000 times is one problem, not 20,000).
const MAX_PHRASES: usize = 20;

/// Evidence that says something by itself (not only how or where the spam is put).
fn carries(e: &Evidence) -> bool {
    row_of(e.signal).group != Group::Manner && weight_of(e) > 0.0
}

fn phrase_finding(
    original: &str,
    start: usize,
    end: usize,
    list: &[&Evidence],
    score: &Score,
    severity: Severity,
) -> Finding {
    let mut seen = Vec::new();
    let mut parts = Vec::new();
    for e in list {
        if seen.contains(&e.signal) {
            continue;
        }
        seen.push(e.signal);
        parts.push(text!(
            "guard-signal-weighted",
            says = e.says.clone(),
            weight = points(weight_of(e))
        ));
    }
    let described = parts
        .into_iter()
        .rev()
        .reduce(|rest, first| text!("guard-signals-and", first = first, rest = rest))
        .unwrap_or_else(|| text!("guard-signal-none"));
    let family = list.iter().find_map(|e| e.family).unwrap_or("gambling");
    let phrase = list.first().map_or("", |e| e.phrase.as_str());
    let mut f = finding_at(
        original,
        start,
        end,
        Rule::Spam,
        severity,
        spam_text(family, phrase, described, score),
    );
    f.signals = seen.into_iter().collect();
    f.help = Some(text!("guard-spam-help"));
    f
}

fn spam_text(family: &str, phrase: &str, described: Text, score: &Score) -> Text {
    text!(
        "guard-spam",
        family = family,
        spam = phrase,
        signals = described,
        score = points(score.total),
        limit = points(if score.total >= ERROR_AT {
            ERROR_AT
        } else {
            WARN_AT
        })
    )
}

/// A weight as people write it: `5`, `1.5`.
pub fn points(w: f32) -> String {
    let rounded = (w * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(signal: Signal, honest: bool) -> Evidence {
        Evidence {
            signal,
            start: 0,
            end: 3,
            phrase: "x".into(),
            family: None,
            says: text!("guard-signal-none"),
            honest,
        }
    }

    #[test]
    fn each_signal_counts_once_and_groups_are_capped() {
        let once = score(&[e(Signal::StrongWord, false)]).total;
        let twice = score(&[e(Signal::StrongWord, false), e(Signal::StrongWord, false)]).total;
        assert_eq!(once, twice);
        let words = [
            Signal::StrongWord,
            Signal::ListedWord,
            Signal::LureWords,
            Signal::WeakWord,
        ];
        let all: Vec<Evidence> = words.iter().map(|s| e(*s, false)).collect();
        assert!(score(&all).total <= signals::cap(Group::Words));
    }

    #[test]
    fn honest_context_lowers_words_and_leaves_structure_half() {
        let honest = score(&[e(Signal::StrongWord, true)]).total;
        assert!(honest < score(&[e(Signal::StrongWord, false)]).total);
        let chain = score(&[e(Signal::NameRepetition, true)]).total;
        assert!(chain >= row_of(Signal::NameRepetition).weight / 2.0);
    }

    #[test]
    fn evidence_only_of_honest_context_never_stops_the_build() {
        let all: Vec<Evidence> = crate::evidence::ALL.iter().map(|s| e(*s, true)).collect();
        assert!(score(&all).total < ERROR_AT);
    }

    #[test]
    fn points_read_as_written() {
        assert_eq!(points(5.0), "5");
        assert_eq!(points(1.25), "1.3");
    }
}
