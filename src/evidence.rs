//! The signals a spam finding of the guard rests on. The guard's signal table
//! (`guard::signals`) gives each its weight and group; this module only names them, so a
//! reported problem can carry the set to `check --format json` without depending on the guard.

use serde::ser::{Serialize, SerializeSeq, Serializer};

/// Every signal the guard can raise. The names ([`Signal::code`]) are stable: sites and CI may
/// read them from `check --format json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Signal {
    /// A word of a spam vocabulary that honest civic and legal text never uses (百家乐, 无视征信).
    StrongWord,
    /// A word of a spam vocabulary that honest text also uses (赌博, 彩票, 贷款).
    WeakWord,
    /// A pattern of the older rule files (`rules/*.txt`) or of the site's `extra_rules`.
    ListedWord,
    /// A known gambling brand (葡京, bet365).
    KnownBrand,
    /// Lure words built into an offer: what is sold with how to get there or what it pays.
    LureWords,
    /// A brand-like token fused with lure words (`鑫鼎体育`, `ayx体育`, `8455官网`).
    FusedBrand,
    /// A bare domain whose name mixes letters and digits (`hd6688.vip`), written as text.
    BrandDomain,
    /// Keyword parts joined by separators, as SEO titles are (`X体育_官网_注册`).
    SeoChain,
    /// The same phrase standing where the text names its city or office (`X官网市委`).
    NameRepetition,
    /// The same lure phrase three times or more.
    Repetition,
    /// An offer with an amount (`首存100送58`, `日入300`, `返水1.5%`, `$100 bonus`).
    OfferAmount,
    /// A chat handle or id (微信, QQ, Telegram, `@handle`).
    ChatHandle,
    /// A chat handle beside recruiting, commission or income words.
    ChatRecruit,
    /// A paragraph that speaks to the reader, asks to be contacted and promises money or ease,
    /// with a seller speaking (找我就行，不问用途，当天到账): an offer in plain words.
    Solicitation,
    /// Only the core of one: the reader, the call to contact and one more part.
    PartialSolicitation,
    /// A link through a URL shortener, which hides where it goes.
    Shortener,
    /// A link whose host imitates a trusted host or recombines the site's own host.
    LookalikeHost,
    /// A link whose text lures while its host is outside the allowlist.
    LureLinkText,
    /// A link to a host named after gambling (`bet-…365.com`, `…casino…`), whatever its text.
    GamblingHost,
    /// Characters disguised: invisible characters, look-alikes, spacing, pinyin.
    Disguise,
    /// Spam words where spam is put: a title, summary, tags, link or image text.
    Placement,
    /// Many spam phrases on one page.
    Density,
    /// Hidden content, scripts, event handlers, iframes, cloaking: never in an honest page.
    Markup,
}

/// All signals, in the order of the table and of the bit set.
pub const ALL: &[Signal] = &[
    Signal::StrongWord,
    Signal::WeakWord,
    Signal::ListedWord,
    Signal::KnownBrand,
    Signal::LureWords,
    Signal::FusedBrand,
    Signal::BrandDomain,
    Signal::SeoChain,
    Signal::NameRepetition,
    Signal::Repetition,
    Signal::OfferAmount,
    Signal::ChatHandle,
    Signal::ChatRecruit,
    Signal::Solicitation,
    Signal::PartialSolicitation,
    Signal::Shortener,
    Signal::LookalikeHost,
    Signal::LureLinkText,
    Signal::GamblingHost,
    Signal::Disguise,
    Signal::Placement,
    Signal::Density,
    Signal::Markup,
];

impl Signal {
    pub fn code(self) -> &'static str {
        match self {
            Signal::StrongWord => "strong-word",
            Signal::WeakWord => "weak-word",
            Signal::ListedWord => "listed-word",
            Signal::KnownBrand => "known-brand",
            Signal::LureWords => "lure",
            Signal::FusedBrand => "brand",
            Signal::BrandDomain => "brand-domain",
            Signal::SeoChain => "seo-title",
            Signal::NameRepetition => "name-repetition",
            Signal::Repetition => "repetition",
            Signal::OfferAmount => "offer-amount",
            Signal::ChatHandle => "chat-handle",
            Signal::ChatRecruit => "chat-recruit",
            Signal::Solicitation => "solicitation",
            Signal::PartialSolicitation => "partial-solicitation",
            Signal::Shortener => "shortener",
            Signal::LookalikeHost => "lookalike-host",
            Signal::LureLinkText => "lure-link-text",
            Signal::GamblingHost => "gambling-host",
            Signal::Disguise => "disguise",
            Signal::Placement => "placement",
            Signal::Density => "density",
            Signal::Markup => "markup",
        }
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// A set of signals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Signals(u32);

impl Signals {
    pub fn insert(&mut self, signal: Signal) {
        self.0 |= signal.bit();
    }

    pub fn contains(&self, signal: Signal) -> bool {
        self.0 & signal.bit() != 0
    }

    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = Signal> + '_ {
        ALL.iter().copied().filter(|s| self.contains(*s))
    }

    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.iter().map(Signal::code)
    }
}

impl FromIterator<Signal> for Signals {
    fn from_iter<I: IntoIterator<Item = Signal>>(signals: I) -> Self {
        let mut set = Signals::default();
        signals.into_iter().for_each(|s| set.insert(s));
        set
    }
}

impl Serialize for Signals {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for name in self.names() {
            seq.serialize_element(name)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_of_signals_serializes_as_names() {
        let s: Signals = [Signal::LureWords, Signal::Disguise].into_iter().collect();
        assert!(s.contains(Signal::LureWords) && !s.contains(Signal::FusedBrand));
        assert_eq!(
            serde_json::to_string(&s).expect("json"),
            r#"["lure","disguise"]"#
        );
    }

    #[test]
    fn every_signal_is_listed_once_in_bit_order() {
        for (i, s) in ALL.iter().enumerate() {
            assert_eq!(*s as usize, i, "{s:?}");
        }
        assert!(ALL.len() <= 32);
    }
}
