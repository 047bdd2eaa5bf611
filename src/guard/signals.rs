//! The one table of the guard's spam signals, read by the scorer as ripgrep reads its flag
//! definitions: each row is a signal (a type, not a string), its weight, its group, and how much of
//! it honest context leaves. A page's score adds the
//! weights of the signals that fired, each counted once, each group capped, so one phrase never
//! counts twice (SpamAssassin's scored rules and rspamd's symbol groups are the model).
//!
//! The weights were fitted, not guessed: `cargo test --test integration guard_fit -- --ignored
//! --nocapture` fits them on the training half of the labelled corpus and prints this table's
//! figures on the half it did not see (docs/guard.md gives the split and the figures).

use crate::evidence::Signal;

/// Groups of signals that say the same kind of thing: their sum is capped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// Words of the spam vocabularies.
    Words,
    /// The shape of a brand or an SEO title.
    Brand,
    /// Offers, chat handles and recruiting: the call to act.
    Offer,
    /// Links that hide or fake where they go.
    Link,
    /// Disguise, placement and density: how and where the spam is put.
    Manner,
    /// Markup no honest page has; each is an error by itself.
    Markup,
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub signal: Signal,
    pub group: Group,
    /// Points added to the page's score.
    pub weight: f32,
    /// The share of the weight left in honest context. For words: when a warning, a
    /// prohibition or a law surrounds them. For structure: only when it is a quoted specimen
    /// in such a text, and never less than half (an attacker can paste a warning, or quote).
    pub honest_share: f32,
}

/// A page scoring this much gets warnings.
pub const WARN_AT: f32 = 4.0;
/// A page scoring this much stops the build.
pub const ERROR_AT: f32 = 8.0;

/// Most points the words of a page's honest context add together: a police report quoting the
/// gangs' phrases says little more with each one it quotes.
pub const HONEST_WORDS: f32 = 2.0;

/// Most points all evidence of honest context adds: less than ERROR_AT, so an anti-fraud
/// notice quoting a scam's message whole may be warned about, never stopped.
pub const HONEST_TOTAL: f32 = 6.0;

/// Most points one group adds.
pub fn cap(group: Group) -> f32 {
    match group {
        Group::Words => 12.0,
        Group::Brand => 12.0,
        Group::Offer => 10.0,
        Group::Link => 8.0,
        Group::Manner => 8.0,
        Group::Markup => ERROR_AT,
    }
}

const fn row(signal: Signal, group: Group, weight: f32, honest_share: f32) -> Row {
    Row {
        signal,
        group,
        weight,
        honest_share,
    }
}

use Group::*;
use Signal as S;

/// The table. Weights from `guard_fit` (see the module docs); the markup rows and the link rows
/// for shorteners, look-alike hosts and gambling hosts are policy, not fitted: a civic page never needs them.
pub const TABLE: &[Row] = &[
    row(S::StrongWord, Words, 6.5, 0.2),
    row(S::WeakWord, Words, 0.5, 0.0),
    row(S::ListedWord, Words, 6.0, 0.35),
    row(S::KnownBrand, Brand, 8.5, 0.5),
    row(S::LureWords, Words, 11.5, 0.1),
    row(S::FusedBrand, Brand, 5.5, 0.5),
    row(S::BrandDomain, Brand, 1.5, 0.5),
    row(S::SeoChain, Brand, 7.5, 0.5),
    row(S::NameRepetition, Brand, 3.0, 0.5),
    row(S::Repetition, Brand, 2.0, 0.5),
    row(S::OfferAmount, Offer, 6.5, 0.5),
    row(S::ChatHandle, Offer, 2.5, 0.5),
    row(S::ChatRecruit, Offer, 3.5, 0.5),
    row(S::Solicitation, Offer, 8.0, 0.5),
    row(S::PartialSolicitation, Offer, 5.5, 0.5),
    row(S::Shortener, Link, ERROR_AT, 1.0),
    row(S::LookalikeHost, Link, ERROR_AT, 1.0),
    row(S::LureLinkText, Link, 5.0, 1.0),
    row(S::GamblingHost, Link, ERROR_AT, 1.0),
    row(S::Disguise, Manner, 6.5, 0.5),
    row(S::Placement, Manner, 4.0, 0.25),
    row(S::Density, Manner, 2.0, 0.25),
    row(S::Markup, Markup, ERROR_AT, 1.0),
];

/// The weight `signal` carries, less what honest context takes.
pub fn weight(signal: Signal, honest: bool) -> f32 {
    let row = row_of(signal);
    if honest {
        row.weight * row.honest_share
    } else {
        row.weight
    }
}

/// A phrase carrying less than this by what it says is not made spam by how or where it
/// stands: a weak word in a title, or repeated, stays a weak word.
pub const MANNER_NEEDS: f32 = 2.0;

/// The row of `signal`.
pub fn row_of(signal: Signal) -> &'static Row {
    // Every signal has a row: `every_signal_has_one_row` below keeps it so.
    TABLE
        .iter()
        .find(|r| r.signal == signal)
        .unwrap_or(&TABLE[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_signal_has_one_row() {
        for s in crate::evidence::ALL {
            assert_eq!(TABLE.iter().filter(|r| r.signal == *s).count(), 1, "{s:?}");
        }
    }

    #[test]
    fn thresholds_and_caps_are_ordered() {
        const { assert!(0.0 < WARN_AT && WARN_AT < ERROR_AT) };
        for r in TABLE {
            assert!(
                r.weight > 0.0 && (0.0..=1.0).contains(&r.honest_share),
                "{r:?}"
            );
            assert!(r.weight <= cap(r.group), "{r:?}");
            if !matches!(r.group, Group::Words | Group::Manner) {
                assert!(
                    r.honest_share >= 0.5,
                    "structure keeps half its weight: {r:?}"
                );
            }
        }
    }
}
