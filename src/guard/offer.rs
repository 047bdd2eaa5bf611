//! Offers with an amount, found by shape: a word of what spam pays out next to a number
//! (`首存100送58`, `日入300`, `返水1.5%`, `100% match bonus`). Normalized text is compact (no
//! spaces, punctuation or symbols), so `返水 1.5%` reads `返水15` and a filler cannot split it.

use super::normalize::Normalized;
use crate::messages::Text;
use crate::text;
use regex::Regex;
use std::sync::LazyLock;

/// Payout words then an amount of two or more digits (or one digit and a unit), or an amount
/// then a payout word. Only words that honest notices do not use with amounts: a prize or a
/// subsidy is not among them.
static OFFER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:首存|首充|首冲|存送|充值送|注册送|注册就送|开户送|彩金|返水|反水|返利|返佣|日入|日赚|日结|",
        r"周结|月入|月赚|佣金|体验金|秒提|提款|出款|上分|救援金|",
        r"bonus|rebate|cashback|freebet|freespins|nodeposit|winnings|deposit|cashout|payout)",
        r"(?:即送|就送|送|返|高达|最高|可达|达|领取|领|得|赚|过|轻松|稳定|至少|上|超)?",
        r"(?:\d{2,}|\d(?:元|块|倍|万|u|usdt|%|\$)|(?:几|数|上)?[一二三四五六七八九两]?[十百千万]块",
        r"|[一二三四五六七八九两]{1,2}[十百千万])",
        r"|(?:\d{2,}|\d万)(?:元|块|u|usdt)?(?:彩金|体验金|红包|救援金|返水|",
        r"freespins|freebet|bonus|matchbonus|match|cashback|rebate)"
    ))
    .expect("the offer pattern is valid")
});

/// A bare domain whose name mixes letters with three or more digits (`hd6688.vip`,
/// `xpj8455.com`), written as text rather than linked: how gambling spam names its site so
/// the link check cannot see it. Public-service numbers (`12345.gov.cn`) are digits only.
static BRAND_DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:[a-z]+\d{3,}|\d{3,}[a-z]+)[a-z0-9]*\.[a-z]{2,6}\b")
        .expect("the domain pattern is valid")
});

/// Brand-like bare domains of the original text (byte ranges there).
pub fn brand_domains(original: &str) -> Vec<(usize, usize)> {
    BRAND_DOMAIN
        .find_iter(original)
        .filter(|m| !original[m.end()..].starts_with(['/', '.']) || m.as_str().contains("vip"))
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// An offer found in normalized text (byte range) and what an editor reads about it.
pub struct Offer {
    pub start: usize,
    pub end: usize,
    pub says: Text,
}

pub fn offers(n: &Normalized) -> Vec<Offer> {
    OFFER
        .find_iter(&n.text)
        .map(|m| Offer {
            start: m.start(),
            end: m.end(),
            says: text!("guard-signal-offer-amount", offer = m.as_str()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guard::normalize::normalize;

    fn found(s: &str) -> Vec<String> {
        let n = normalize(s);
        offers(&n)
            .into_iter()
            .map(|o| n.text[o.start..o.end].to_string())
            .collect()
    }

    #[test]
    fn amounts_of_any_length_after_payout_words() {
        assert_eq!(found("首存100送58"), ["首存100"]);
        assert_eq!(found("日入300元不是梦"), ["日入300"]);
        assert_eq!(found("返水 1.5%"), ["返水15"]);
        assert_eq!(found("Get a 100% match bonus"), ["100matchbonus"]);
        assert_eq!(found("送 88 元彩金"), ["88元彩金"]);
        assert_eq!(found("月入四五千没问题"), ["月入四五千"]);
    }

    #[test]
    fn prizes_subsidies_and_fines_are_no_offer() {
        assert!(found("每人补贴200元，奖金5000元，罚款300元").is_empty());
        assert!(found("日均接待游客3万人次").is_empty());
    }
}
