//! A seller speaking to the reader, found by the shape of the speech and no list of spam words:
//! plain-speech offers (a loan "for friends short of money", a seat at a private table, a
//! room-number escort ad, a bank card "lent for a few days") use everyday words, but they all
//! address the reader, ask to be contacted, and promise money or ease in the same paragraph.
//! Civic text almost never does all of that at once: a notice addresses the reader and gives a
//! hotline, but no one in it says "find me" and "no questions asked".
//!
//! Each paragraph (a block of the source: blank lines, list items, table rows and quotes part
//! them) is read for five parts of an offer, outside quotation marks (a report quoting a scam
//! says what it said, it does not say it):
//!
//! - **reader**: the text speaks to you (你, 您, 老哥, 姐妹们, `you`);
//! - **call**: contact me or join (找我, 加我, 私聊, 进群, `text me`, `DM`);
//! - **gain**: money to the reader (到账, 日结, `300元`, `cash`, `per day`);
//! - **ease**: no questions, no risk (不问, 无所谓, 靠谱, `no credit check`);
//! - **speaker**: someone sells in the first person (我, 我们, but not 我市 or 我国).
//!
//! Four parts, or the reader, the call and one more, make a solicitation. Honest pages of the
//! corpus and the 708 real laws show two parts at most in one paragraph.

use super::normalize::Normalized;
use crate::messages::Text;
use crate::text;
use regex::{Regex, RegexSet};
use std::sync::LazyLock;

/// The parts of an offer to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Reader,
    Call,
    Gain,
    Ease,
    Speaker,
}

/// A pattern for each part over normalized Chinese text (compact, lower case, simplified), and
/// one over the original for English, where word boundaries still stand.
struct Pattern {
    part: Part,
    normalized: Regex,
    english: Regex,
}

fn pattern(part: Part, normalized: &str, english: &str) -> Pattern {
    let compile = |p: &str| Regex::new(p).expect("a solicitation pattern is valid");
    Pattern {
        part,
        normalized: compile(normalized),
        english: compile(&format!("(?i)(?-u:\\b)(?:{english})(?-u:\\b)")),
    }
}

/// Characters after 我 that make it an institution (我市, 我国, 我局), not a seller.
const INSTITUTION: &str = "国市省区县局院校委部厅会司所队站镇乡村党军方";

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    vec![
        pattern(
            Part::Reader,
            concat!(
                r"你[我们]?|您|老哥|兄弟们|姐妹们|宝妈|老铁|亲们|朋友们|家人们|各位老板",
                r"|的(?:朋友|老板|老哥|街坊|邻居|住户|宝妈|姐妹|兄弟|家长|老铁)|有需要的",
                r"|想(?:约|玩|要|来|赚)的|有意者|有意向的|感兴趣的"
            ),
            r"you|your|yours|you're|you'll|you've",
        ),
        pattern(
            Part::Call,
            concat!(
                r"(?:找|联系|加|私聊|私信|留言|问|戳|滴滴|告诉|call|dd)(?:一下)?我们?",
                r"|给我(?:留|发|打|说|回|私)|拉你|带你|进群|加群|入群|搜一搜|私聊|私信|详聊",
                r"|加(?:v|微|q|扣|企鹅|飞机|tg)|留个(?:电话|房间号|号|联系方式)|打电话给|联系人",
                r"|\d{11,}"
            ),
            concat!(
                r"(?:text|dm|message|whatsapp|telegram|wechat|ping|call|contact|email|add)\s+(?:me|us)",
                r"|(?:text|whatsapp|dm|telegram)[^.\n]{0,30}\d{3}",
                r"|join\s+(?:our|my|the)\s+(?:vip\s+)?(?:group|channel|chat)|hit\s+(?:me|us)\s+up"
            ),
        ),
        pattern(
            Part::Gain,
            concat!(
                r"\d+(?:块|元|万|千|个点|usdt)|[一二三四五六七八九十两几]+[十百千万]+(?:块|元)",
                r"|到账|到手|到卡|结钱|给钱|日结|现结|稳赚|稳红|包赔|包过|包你|保你|回本|翻倍",
                r"|赚钱|赚米|提现|返现|好处费|报酬|佣金|额度|先拿钱|退钱|一分钱不收|全额退|全赔",
                r"|包中|稳中|中一回|[一二三四五六七八九两][百千万][一二三四五六七八九]?(?:块|元)?(?:起|到手|没问题)"
            ),
            concat!(
                r"get\s+up\s+to|in\s+your\s+account|earn[a-z]*|cash|guaranteed|per\s+(?:day|hour|week)",
                r"|daily|profit[a-z]*|payout|winnings|commission|\d+\s?%"
            ),
        ),
        pattern(
            Part::Ease,
            concat!(
                r"不问|无所谓|随你|靠谱|放心|保密|不看|无需|免抵押|免担保|免面签|不用你|不跑路",
                r"|人齐就开|先转后|当天(?:到|放|下款)|秒到|马上给|凭身份证|只要身份证|不记账",
                r"|不满意|都不看|照片就是本人|不需要(?:任何)?经验|无需经验|无经验要求"
            ),
            concat!(
                r"no\s+questions|nobody\s+(?:looks|asks|checks)|no\s+credit|within\s+the\s+hour",
                r"|discreet[a-z]*|no\s+paperwork|instant[a-z]*|same[- ]day|confidential"
            ),
        ),
        pattern(
            Part::Speaker,
            &format!("[自你]?我们?[{INSTITUTION}]?|(?:帮|给|替|陪|发给)(?:你|您)"),
            r"i|we|our|my|me|us",
        ),
    ]
});

/// Whether a normalized match is the part it looks like: `你们` and `你我` (文明你我他) do
/// not speak to one reader, `联系我们` is every notice's contact line, `我市` is an office.
fn is_part(part: Part, found: &str) -> bool {
    match part {
        Part::Reader => !found.starts_with('你') || found == "你",
        Part::Call if found.bytes().all(|b| b.is_ascii_digit()) => is_mobile(found),
        Part::Call => !found.ends_with('们'),
        Part::Speaker => {
            !found.starts_with(['自', '你']) && !found.ends_with(|c| INSTITUTION.contains(c))
        }
        Part::Gain | Part::Ease => true,
    }
}

/// A mainland mobile number: eleven digits, `1` then `3`–`9`.
fn is_mobile(digits: &str) -> bool {
    let b = digits.as_bytes();
    b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1])
}

/// A paragraph that solicits: its original byte range, and whether all of the offer is there
/// (four parts or more) or only its core (the reader, the call and one more).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solicitation {
    pub start: usize,
    pub end: usize,
    pub full: bool,
    pub says: Text,
}

/// Paragraphs longer than this are an article's running text, not an inserted offer: its parts
/// would stand together only by chance.
const LONGEST_PARAGRAPH: usize = 1500;

/// Every pattern of each kind in one set, so a page is read once (twice: normalized and
/// original) to learn which parts it has at all; most pages lack what any paragraph would need.
struct Sets {
    normalized: RegexSet,
    english: RegexSet,
}

static SETS: LazyLock<Sets> = LazyLock::new(|| Sets {
    normalized: RegexSet::new(PATTERNS.iter().map(|p| p.normalized.as_str()))
        .expect("the solicitation patterns are valid"),
    english: RegexSet::new(PATTERNS.iter().map(|p| p.english.as_str()))
        .expect("the solicitation patterns are valid"),
});

/// The parts the page has anywhere (as patterns match, before `is_part` looks closer), or
/// `None` when no paragraph of it can solicit: fewer than four parts stand on the whole page,
/// or three without both the reader and the call.
fn parts_on_page(original: &str, n: &Normalized, handles: &[usize]) -> Option<[bool; 5]> {
    let mut present = [false; 5];
    for set in [
        SETS.normalized.matches(&n.text),
        SETS.english.matches(original),
    ] {
        for i in set.iter() {
            present[PATTERNS[i].part as usize] = true;
        }
    }
    present[Part::Call as usize] |= !handles.is_empty();
    let core = present[Part::Reader as usize] && present[Part::Call as usize];
    let count = present.iter().filter(|p| **p).count();
    (count >= 4 || (core && count >= 3)).then_some(present)
}

/// Every soliciting paragraph of `original`, whose normalized form is `n`; a chat handle found
/// at one of `handles` (original offsets) is a call to contact.
pub fn solicitations(original: &str, n: &Normalized, handles: &[usize]) -> Vec<Solicitation> {
    let Some(present) = parts_on_page(original, n, handles) else {
        return Vec::new();
    };
    let blocks = blocks(original);
    let quotes = quoted_ranges(original);
    let mut parts: Vec<[bool; 5]> = vec![[false; 5]; blocks.len()];
    let mut mark = |at: usize, part: Part| {
        let quote = quotes.partition_point(|q| q.1 <= at);
        if quotes.get(quote).is_some_and(|q| q.0 <= at) {
            return;
        }
        let i = blocks.partition_point(|b| b.1 <= at);
        if let Some(found) = parts.get_mut(i).filter(|_| blocks[i].0 <= at) {
            found[part as usize] = true;
        }
    };
    for &at in handles {
        mark(at, Part::Call);
    }
    for p in PATTERNS.iter().filter(|p| present[p.part as usize]) {
        for m in p.normalized.find_iter(&n.text) {
            if is_part(p.part, m.as_str()) {
                mark(n.origin_of(m.start(), m.end()).0, p.part);
            }
        }
        for m in p.english.find_iter(original) {
            mark(m.start(), p.part);
        }
    }
    blocks
        .iter()
        .zip(&parts)
        .filter(|((s, e), _)| e - s <= LONGEST_PARAGRAPH)
        .filter_map(|(&(start, end), found)| {
            let count = found.iter().filter(|f| **f).count();
            let core = found[Part::Reader as usize] && found[Part::Call as usize];
            let full = count >= 4;
            (full || (core && count == 3)).then(|| {
                let phrase = opening(original, start, end);
                let says = if full {
                    text!("guard-signal-solicitation", phrase = phrase)
                } else {
                    text!("guard-signal-partial-solicitation", phrase = phrase)
                };
                Solicitation {
                    start,
                    end,
                    full,
                    says,
                }
            })
        })
        .collect()
}

/// The first words of a paragraph, to name it in a finding.
fn opening(original: &str, start: usize, end: usize) -> String {
    const SHOWN: usize = 24;
    let text = original.get(start..end).unwrap_or_default().trim();
    let cut: String = text.chars().take(SHOWN).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// The original byte ranges of the paragraphs: runs of lines parted by blank lines, and each
/// list item, table row or quote line on its own.
fn blocks(original: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    let mut at = 0;
    for line in original.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim();
        let opens = body.is_empty() || starts_item(body);
        if opens && let Some(block) = current.take() {
            out.push(block);
        }
        if !body.is_empty() {
            current = Some(current.map_or((start, at), |(s, _)| (s, at)));
        }
    }
    out.extend(current);
    out
}

/// Whether a line begins a block of its own: a list item, a table row, a quote or a heading.
fn starts_item(line: &str) -> bool {
    let numbered = line
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .is_some_and(|(i, c)| i > 0 && matches!(c, '.' | ')' | '、'));
    numbered || line.starts_with(['-', '*', '+', '>', '|', '#'])
}

/// Original byte ranges inside quotation marks closed on the same line.
fn quoted_ranges(original: &str) -> Vec<(usize, usize)> {
    const PAIRS: [(char, char); 5] = [
        ('“', '”'),
        ('‘', '’'),
        ('「', '」'),
        ('『', '』'),
        ('"', '"'),
    ];
    const LONGEST_QUOTE: usize = 900;
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in original.char_indices() {
        match open {
            Some((close, start)) if c == close => {
                out.push((start, i));
                open = None;
            }
            Some((_, start)) if c == '\n' || i - start > LONGEST_QUOTE => open = None,
            Some(_) => {}
            None => {
                open = PAIRS
                    .iter()
                    .find(|(o, _)| *o == c)
                    .map(|(_, close)| (*close, i));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guard::normalize::normalize;

    fn found(text: &str) -> Vec<bool> {
        solicitations(text, &normalize(text), &[])
            .into_iter()
            .map(|s| s.full)
            .collect()
    }

    #[test]
    fn a_plain_speech_offer_is_found_without_spam_words() {
        let page = "社区举办了象棋比赛，老陈守擂成功。\n\n\
                    手头紧的朋友别急，带上证件找我就行，不问用途，两个钟头钱就到卡上。\n\n\
                    主办方表示明年继续举办。";
        assert_eq!(found(page), [true]);
        let en = "The night school opened.\n\nShort of cash? Text me on 0917 222 4488 and \
                  get up to 50,000 in your account, no questions asked.\n";
        assert_eq!(found(en), [true]);
    }

    #[test]
    fn notices_quotes_and_offices_are_no_offer() {
        // A notice speaks to the reader and gives a way to reach the office.
        assert!(found("您如有疑问，请联系我们，我市将在三个工作日内答复。").is_empty());
        // A report quotes what the scammers said.
        assert!(found("骗子常说：“找我就行，不问用途，当天到账，你放心。”").is_empty());
        // 我市, 我国 and 你我 are no seller and no reader.
        assert!(found("我市连续三年获评，文明你我他，补贴300元。").is_empty());
    }

    #[test]
    fn paragraphs_are_read_apart() {
        let page = "你可以来看看。\n\n找我的人很多。\n\n每天到手三百。\n\n我们很靠谱。";
        assert!(found(page).is_empty());
    }
}
