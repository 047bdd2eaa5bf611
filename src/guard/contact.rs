//! Chat handles, found by shape: a chat service's name followed by an id (`微信 xy88dl`,
//! `飞机@xy_daili88`, `QQ群 123456789`), and whether recruiting, commission or income words
//! stand in the same sentence or the next. A volunteers' QQ group is a handle; a handle beside
//! "commission up to 55%" is an agent recruiting for a gambling site.

use super::normalize::{Gap, Normalized};
use super::wordlists::section;
use crate::evidence::Signal;
use crate::messages::Text;
use crate::text;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::LazyLock;

const CHAT: &str = include_str!("rules/vocab/chat.txt");

/// A service name, an optional 号/群/id word, then an id of five or more letters and digits.
static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    let services = section(CHAT, "handle")
        .into_iter()
        .chain([
            "微信", "威信", "薇信", "v信", "vx", "wx", "qq", "扣扣", "飞机", "telegram", "tg",
            // `薇❤：dk5208`: the one character left of 微信 once the ad has dressed it up; the
            // id after it (five or more letters and digits) keeps the name 王薇 out.
            "薇",
        ])
        .map(|s| regex::escape(&s.to_lowercase()))
        .collect::<Vec<_>>()
        .join("|");
    // Or a mainland mobile number said to be a chat id too (`186 0022 7371（同微信）`): an
    // office publishes its landline or hotline, an ad its seller's phone.
    Regex::new(&format!(
        r"(?:{services})(?:号码|号|群|账号|id|同号)?(?:是|为|联系|联络|搜索|搜|加)?(?P<id>[a-z0-9]{{5,64}})|(?P<phone>1[3-9][0-9]{{9}})[(（]?(?:同微信|微信同号|同号微信|同v信|同vx|同wx|微信同|可加微信|加微)"
    ))
    .expect("the handle pattern is valid")
});

static RECRUIT: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words: Vec<String> = section(CHAT, "recruit")
        .into_iter()
        .chain([
            "代理",
            "招募",
            "合伙人",
            "佣金",
            "分成",
            "返佣",
            "日结",
            "周结",
            "日赚",
            "日入",
            "月入",
            "兼职",
            "推广员",
            "高薪",
            "躺赚",
            "带单",
            "上分",
            "下分",
            "充值",
            "提现",
            "commission",
            "agent",
            "earn",
        ])
        .map(str::to_lowercase)
        .collect();
    AhoCorasick::new(words).expect("the recruiting words are plain literals")
});

pub struct Contact {
    pub signal: Signal,
    pub start: usize,
    pub end: usize,
    pub says: Text,
}

/// The chat handles of `n`; `spam_words` are the vocabulary hits (normalized byte ranges): a
/// handle beside them is the call to act of the ad they make, as a handle beside commission is.
pub fn contacts(n: &Normalized, original: &str, spam_words: &[(usize, usize)]) -> Vec<Contact> {
    let sentences: Vec<(usize, usize)> = n.sentences().collect();
    let found = handles(n, original);
    let mut out = phones_beside_spam(n, &sentences, spam_words, &found);
    out.extend(handle_contacts(n, &sentences, spam_words, found));
    out
}

/// A mobile or 400/800 number in the sentence of a spam phrase (or the next) is how the ad is
/// answered (`海外代孕一站式服务，咨询热线 400-800-6688`): the call to act, as a chat handle is. A
/// number alone is no evidence: offices publish theirs, and mobiles are the inspection's.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])(?P<phone>1[3-9][0-9]{9}|[48]00[0-9]{7})(?:[^0-9]|$)")
        .expect("the phone pattern is valid")
});

fn phones_beside_spam(
    n: &Normalized,
    sentences: &[(usize, usize)],
    spam_words: &[(usize, usize)],
    handles: &[Handle<'_>],
) -> Vec<Contact> {
    let mut out = Vec::new();
    for c in PHONE.captures_iter(&n.text) {
        let Some(m) = c.name("phone") else { continue };
        if handles
            .iter()
            .any(|h| h.start <= m.start() && m.end() <= h.end)
        {
            continue;
        }
        let (start, end) = around(sentences, m.start(), m.end(), n.text.len());
        let Some(&(ws, we)) = spam_words.iter().find(|&&(s, e)| s >= start && e <= end) else {
            continue;
        };
        out.push(Contact {
            signal: Signal::ChatRecruit,
            start: m.start(),
            end: m.end(),
            says: text!(
                "guard-signal-chat-recruit",
                handle = m.as_str(),
                word = &n.text[ws..we]
            ),
        });
    }
    out
}

fn handle_contacts(
    n: &Normalized,
    sentences: &[(usize, usize)],
    spam_words: &[(usize, usize)],
    found: Vec<Handle<'_>>,
) -> Vec<Contact> {
    found
        .into_iter()
        // `3021xxxxxx`: a number masked by the notice that quotes it.
        .filter(|m| !m.as_str().contains("xxx"))
        .map(|m| {
            let (start, end) = around(sentences, m.start(), m.end(), n.text.len());
            let recruit = RECRUIT
                .find(&n.text[start..end])
                .map(|w| (start + w.start(), start + w.end()))
                .or_else(|| {
                    spam_words
                        .iter()
                        .find(|&&(s, e)| s >= start && e <= end)
                        .copied()
                });
            let handle = m.as_str();
            let (signal, says) = match recruit {
                Some((ws, we)) => (
                    Signal::ChatRecruit,
                    text!(
                        "guard-signal-chat-recruit",
                        handle = handle,
                        word = &n.text[ws..we]
                    ),
                ),
                None => (
                    Signal::ChatHandle,
                    text!("guard-signal-chat-handle", handle = handle),
                ),
            };
            Contact {
                signal,
                start: m.start(),
                end: m.end(),
                says,
            }
        })
        .collect()
}

/// Every handle of `n`. A match that is no handle (`pocket gives` read as `tg…`) is skipped
/// one character at a time, not whole: the real handle may stand inside it.
fn handles<'t>(n: &'t Normalized, original: &str) -> Vec<Handle<'t>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = HANDLE.captures_at(&n.text, at) {
        let Some(whole) = c.get(0) else { break };
        match handle_at(n, original, &c) {
            Some(h) => {
                at = h.end.max(whole.start() + 1);
                out.push(h);
            }
            None => {
                at = whole.start()
                    + n.text[whole.start()..]
                        .chars()
                        .next()
                        .map_or(1, char::len_utf8);
            }
        }
        if at >= n.text.len() {
            break;
        }
    }
    out
}

/// A handle as written: the service's name a word of its own, the id up to the first space
/// (the normalizer dropped the spaces; its gaps remember them), at most MAX_ID long. English
/// prose compacted (`...start at games...`) is no handle.
fn handle_at<'t>(n: &'t Normalized, original: &str, c: &regex::Captures<'t>) -> Option<Handle<'t>> {
    let whole = c.get(0)?;
    if c.name("phone").is_some() {
        return Some(Handle {
            text: whole.as_str(),
            start: whole.start(),
            end: whole.end(),
        });
    }
    let id = c.name("id")?;
    let starts_latin = n.text[whole.start()..].starts_with(|ch: char| ch.is_ascii_alphanumeric());
    let before = n.text[..whole.start()].chars().next_back();
    if starts_latin
        && before.is_some_and(|ch| ch.is_ascii_alphanumeric())
        && n.gap_at(whole.start()) == Gap::None
    {
        return None;
    }
    if n.inner_gaps(whole.start(), id.start())
        .contains(&Gap::Sentence)
    {
        return None;
    }
    let end = id_end(n, original, id.start(), id.end());
    if starts_latin && is_english_word_after(n, original, whole.start(), id.start(), end) {
        return None;
    }
    let len = end - id.start();
    (MIN_ID..=MAX_ID).contains(&len).then(|| Handle {
        text: &n.text[whole.start()..end],
        start: whole.start(),
        end,
    })
}

/// `Telegram groups`, `WeChat accounts`: a service's English name, a space, and a word of
/// letters only is prose about the service; an id has a digit, or a `:` or `@` before it.
fn is_english_word_after(
    n: &Normalized,
    original: &str,
    start: usize,
    id: usize,
    end: usize,
) -> bool {
    if id <= start || !n.text[id..end].bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let (_, service_end) = n.origin_of(start, id);
    let (id_start, _) = n.origin_of(id, end);
    original
        .get(service_end..id_start)
        .is_some_and(|between| !between.is_empty() && between.trim().is_empty())
}

/// Where an id starting at `start` ends: before the first space or sentence break in the
/// original (`xy_daili88` is one id, `9am visit` is not).
fn id_end(n: &Normalized, original: &str, start: usize, end: usize) -> usize {
    let origins = n.origins(start, end);
    for (i, pair) in origins.windows(2).enumerate() {
        let between = original.get(pair[0].1..pair[1].0).unwrap_or(" ");
        if between.chars().any(char::is_whitespace) || n.gap_at(start + i + 1) == Gap::Sentence {
            return start + i + 1; // ids are ASCII: a byte is a character
        }
    }
    end
}

const MIN_ID: usize = 5;
const MAX_ID: usize = 32;

/// A handle found in normalized text.
struct Handle<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl Handle<'_> {
    fn as_str(&self) -> &str {
        self.text
    }
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

/// The sentence of `start..end` with the one before and the one after.
fn around(sentences: &[(usize, usize)], start: usize, end: usize, len: usize) -> (usize, usize) {
    let i = sentences
        .iter()
        .position(|&(_, e)| e > start)
        .unwrap_or(sentences.len().saturating_sub(1));
    let from = sentences.get(i.saturating_sub(1)).map_or(0, |s| s.0);
    let to = sentences
        .iter()
        .skip(i)
        .find(|&&(_, e)| e >= end)
        .and_then(|_| sentences.get(i + 1).or(sentences.get(i)))
        .map_or(len, |s| s.1);
    (from.min(start), to.max(end).min(len))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guard::normalize::normalize;

    fn signals(s: &str) -> Vec<Signal> {
        contacts(&normalize(s), s, &[])
            .into_iter()
            .map(|c| c.signal)
            .collect()
    }

    #[test]
    fn a_handle_beside_commission_is_recruiting() {
        assert_eq!(
            signals("佣金最高55%，周结无拖欠。联系飞机@xy_daili88"),
            [Signal::ChatRecruit]
        );
        // The ad's own verb between the service and the id.
        assert_eq!(
            signals("一卡一天佣金 200—500，飞机联系 @paofen_laoA。"),
            [Signal::ChatRecruit]
        );
        assert_eq!(signals("代理加微信：abc12345"), [Signal::ChatRecruit]);
    }

    #[test]
    fn handles_in_english_and_by_nickname() {
        assert_eq!(
            signals("Apply at quickpocket-loan.cc or message our agent on WeChat qp_loan88."),
            [Signal::ChatRecruit]
        );
        assert_eq!(signals("可以加我威芯：duo_mi_888"), [Signal::ChatHandle]);
        let para = "Need cash fast? QuickPocket gives you up to 50,000 yuan with no credit check and no collateral — approved in 5 minutes, money in your account today. Bad credit, blacklisted or overdue elsewhere? No problem. Apply at quickpocket-loan.cc or message our agent on WeChat qp_loan88.";
        assert_eq!(signals(para), [Signal::ChatRecruit]);
        assert!(signals("Children's games start at 9am, visit the portal").is_empty());
        // Prose about the services: no id.
        assert!(signals("recruited agents through Telegram groups and WeChat groups").is_empty());
    }

    /// The spam words of `s` as the assessment gives them: here, every occurrence of `word`.
    fn with_word(s: &str, word: &str) -> Vec<Signal> {
        let n = normalize(s);
        let spans: Vec<(usize, usize)> = n
            .text
            .match_indices(word)
            .map(|(i, w)| (i, i + w.len()))
            .collect();
        contacts(&n, s, &spans)
            .into_iter()
            .map(|c| c.signal)
            .collect()
    }

    #[test]
    fn a_phone_beside_spam_words_is_the_call_to_act_and_alone_is_nothing() {
        let ad = "试管婴儿包成功，海外代孕一站式服务，咨询热线 400-800-6688";
        assert_eq!(with_word(ad, "代孕"), [Signal::ChatRecruit]);
        let office = "市卫健委提醒，孕产妇出现情绪问题可以拨打 400-800-6688 或 12356。";
        assert!(with_word(office, "代孕").is_empty());
        assert!(signals("报名请联系王老师，电话 13812345678。").is_empty());
        // A masked number is no number.
        assert!(with_word("代孕 138****5678", "代孕").is_empty());
    }

    #[test]
    fn a_dressed_up_wei_with_an_id_is_a_handle() {
        assert_eq!(signals("联系薇❤：dk5208"), [Signal::ChatHandle]);
        assert!(signals("联系人王薇，电话 0510-85123456").is_empty());
    }

    #[test]
    fn a_volunteers_group_is_only_a_handle() {
        assert_eq!(
            signals("欢迎加入志愿者QQ群 123456789，参加周末活动。"),
            [Signal::ChatHandle]
        );
        assert!(signals("关注微信公众号“文明明湖”").is_empty());
    }

    #[test]
    fn a_mobile_number_that_is_also_a_chat_id_is_a_handle() {
        assert_eq!(
            signals("专业咨询，电话 186 0022 7371（同微信）。"),
            [Signal::ChatHandle]
        );
        assert!(signals("咨询电话 0510-12345678，监督电话 12345。").is_empty());
    }
}
