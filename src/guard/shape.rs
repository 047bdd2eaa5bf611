//! Spam by its shape, not by a list: lure words, vocabulary hits and brand-like tokens that
//! stand together form a [`Cluster`], and a cluster tells what it is built like: a brand fused
//! with lure words (`ayx体育`, `8455官网`, `博鱼体育官网`), keyword parts joined by separators
//! (`…体育在线_提现_官方下载安装`), disguised characters. [`super::assess`] weighs the signals.

use super::lexicon::{Class, Morpheme};
use super::normalize::{Gap, Normalized, is_cjk};
use super::t2s::simplify;

/// Items of one sentence closer than this (bytes of normalized text: twenty Chinese characters,
/// or sixty Latin letters) stand together: a testimonial names the brand and the payout a
/// clause apart.
const JOIN_GAP: usize = 60;
/// The longest a cluster grows (bytes of normalized text, about a hundred Chinese characters):
/// a page of one brand repeated with no full stop is many phrases, not one 100 KB phrase
/// whose every word would quote it whole.
const MAX_CLUSTER: usize = 300;
/// A lure word this close after what is sold makes the two characters before it a brand.
const CLUSTER_GAP: usize = 12;

/// Latin and digit tokens that are no brand: file and web words, the city's own services.
const COMMON_LATIN: &[&str] = &[
    "app", "apk", "ios", "www", "com", "cn", "net", "org", "gov", "http", "https", "html", "htm",
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "wps", "qq", "wifi", "5g", "4g", "tv", "nba",
    "cba", "12345", "ai", "ok", "pc", "id", "no",
];

/// Two characters before a lure word that make it an honest phrase, not a brand: 全民体育,
/// 中国体育彩票app, 社区娱乐活动.
const HONEST_MODIFIERS: &[&str] = &[
    "全民", "群众", "竞技", "校园", "学校", "少年", "中国", "国家", "央视", "社区", "老年", "大众",
    "冰雪", "传统", "民族", "学生", "职工", "少儿", "儿童", "幼儿", "疾人", "城市", "乡村", "农村",
    "家庭", "智慧", "数字", "国际", "全国", "全省", "全市", "全区", "福利", "公益", "文化", "休闲",
    "健康", "体育", "群体", "电子", "网络", "线上", "手机", "官方", "下载", "在线", "政务", "服务",
    "文明", "志愿", "办事", "掌上", "移动", "发布", "广播", "电视", "新闻", "融媒", "市民", "便民",
    "惠民", "中心",
];

/// Last characters of a pair before a lure word that end a function word or an institution.
const NOT_BRAND_END: &str =
    "市区县省镇乡村街的和与及等在是为从到向对把被将由了着过就都也还和或局委厅院所站队";

/// One kind of thing standing together with others: a lure word, a vocabulary hit (its index
/// in the caller's list), or a brand-like token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Morpheme(Morpheme),
    Vocabulary(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A brand-like token: normalized byte range, and whether it is Latin letters and digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Brand {
    pub start: usize,
    pub end: usize,
    pub latin: bool,
}

/// Items standing together inside one sentence.
#[derive(Debug, Clone, Default)]
pub struct Cluster {
    pub start: usize,
    pub end: usize,
    pub morphemes: Vec<Morpheme>,
    pub vocabulary: Vec<usize>,
    /// Brand-like tokens fused with the lure words.
    pub brands: Vec<Brand>,
}

impl Cluster {
    pub fn has(&self, class: Class) -> bool {
        self.morphemes.iter().any(|m| m.class == class)
    }

    /// Lure words built into a spam offer: a brand with what it sells or how to reach it, or
    /// what is sold with its payout.
    pub fn is_lure(&self) -> bool {
        let sells = self.has(Class::Domain) || self.has(Class::Money);
        let words = self.morphemes.len();
        let latin_brand = self.brands.iter().any(|b| b.latin);
        (!self.brands.is_empty() && words >= 2 && sells)
            || (self.has(Class::Domain) && self.has(Class::Money))
            || (self.brands.len() >= 2 && words >= 2)
            || (latin_brand && words >= 2)
            || (self.has(Class::Access) && self.money_words() >= 2)
    }

    fn money_words(&self) -> usize {
        self.morphemes
            .iter()
            .filter(|m| m.class == Class::Money)
            .count()
    }

    pub fn uses_pinyin(&self) -> bool {
        self.morphemes.iter().filter(|m| m.pinyin).count() >= 2
    }
}

/// Group the items of each sentence of `n` into clusters (items in text order).
pub fn clusters(n: &Normalized, morphemes: &[Morpheme], hits: &[(usize, usize)]) -> Vec<Cluster> {
    let mut items: Vec<(Span, Item)> = morphemes
        .iter()
        .map(|m| {
            (
                Span {
                    start: m.start,
                    end: m.end,
                },
                Item::Morpheme(*m),
            )
        })
        .chain(
            hits.iter()
                .enumerate()
                .map(|(i, &(start, end))| (Span { start, end }, Item::Vocabulary(i))),
        )
        .collect();
    items.sort_by_key(|(s, _)| (s.start, s.end));
    let mut out = Vec::new();
    let mut sentences = n.sentences().peekable();
    let mut current: Option<(Cluster, usize)> = None; // cluster and its sentence's end
    for (span, item) in items {
        while sentences.peek().is_some_and(|&(_, e)| e <= span.start) {
            sentences.next();
        }
        let sentence_end = sentences.peek().map_or(n.text.len(), |&(_, e)| e);
        let joins = current.as_ref().is_some_and(|(c, end)| {
            *end == sentence_end
                && span.start <= c.end + JOIN_GAP
                && span.end <= c.start + MAX_CLUSTER
        });
        if !joins {
            if let Some((c, _)) = current.take() {
                out.push(c);
            }
            current = Some((
                Cluster {
                    start: span.start,
                    end: span.end,
                    ..Cluster::default()
                },
                sentence_end,
            ));
        }
        if let Some((c, _)) = current.as_mut() {
            c.end = c.end.max(span.end);
            match item {
                Item::Morpheme(m) => c.morphemes.push(m),
                Item::Vocabulary(i) => c.vocabulary.push(i),
            }
        }
    }
    out.extend(current.map(|(c, _)| c));
    for c in &mut out {
        c.brands = brands(n, c);
        if let Some(first) = c.brands.iter().map(|b| b.start).min() {
            c.start = c.start.min(first);
        }
        if let Some(last) = c.brands.iter().map(|b| b.end).max() {
            c.end = c.end.max(last);
        }
    }
    out
}

/// Brand-like tokens of a cluster: Latin letters or digits glued to a Chinese or pinyin lure
/// word (`ayx体育`, `8455官网`, `ayxtiyu`), and two Chinese characters before what is sold
/// when a way in follows (`博鱼体育官网`).
fn brands(n: &Normalized, c: &Cluster) -> Vec<Brand> {
    let mut out: Vec<Brand> = Vec::new();
    let glue_points = c
        .morphemes
        .iter()
        .filter(|m| !m.english)
        .flat_map(|m| [m.start, m.end]);
    for at in glue_points {
        if n.gap_at(at) == Gap::Sentence {
            continue;
        }
        for span in [
            latin_before(n, at, &c.morphemes),
            latin_after(n, at, &c.morphemes),
        ]
        .into_iter()
        .flatten()
        {
            let brand = Brand {
                start: span.start,
                end: span.end,
                latin: true,
            };
            if !out.contains(&brand) {
                out.push(brand);
            }
        }
    }
    for (i, m) in c.morphemes.iter().enumerate() {
        let followed = c.morphemes[i + 1..]
            .iter()
            .any(|f| f.class != Class::Domain && f.start <= m.end + CLUSTER_GAP);
        if m.class != Class::Domain || m.pinyin || !followed {
            continue;
        }
        if let Some(span) = chinese_brand_before(n, m.start, &c.morphemes) {
            out.push(Brand {
                start: span.start,
                end: span.end,
                latin: false,
            });
        }
    }
    out
}

fn inside_morpheme(at: usize, morphemes: &[Morpheme]) -> bool {
    morphemes.iter().any(|m| m.start <= at && at < m.end)
}

/// The Latin run ending at `at`, up to the previous lure word or gap.
fn latin_before(n: &Normalized, at: usize, morphemes: &[Morpheme]) -> Option<Span> {
    let text = n.text.as_str();
    let mut start = None;
    for (i, ch) in text[..at].char_indices().rev() {
        if !ch.is_ascii_alphanumeric() || inside_morpheme(i, morphemes) {
            break;
        }
        start = Some(i);
        if n.gap_at(i) != Gap::None {
            break;
        }
    }
    brand_token(text, start?, at)
}

/// The Latin run starting at `at`, up to the next lure word or gap.
fn latin_after(n: &Normalized, at: usize, morphemes: &[Morpheme]) -> Option<Span> {
    let text = n.text.as_str();
    let mut end = at;
    for (i, ch) in text[at..].char_indices() {
        let i = at + i;
        let gap = i > at && n.gap_at(i) != Gap::None;
        if !ch.is_ascii_alphanumeric() || inside_morpheme(i, morphemes) || gap {
            break;
        }
        end = i + ch.len_utf8();
    }
    brand_token(text, at, end)
}

fn brand_token(text: &str, start: usize, end: usize) -> Option<Span> {
    let token = text.get(start..end)?;
    let token = token
        .strip_suffix("com")
        .or_else(|| token.strip_suffix("cn"))
        .or_else(|| token.strip_suffix("vip"))
        .filter(|t| t.len() >= 2)
        .unwrap_or(token);
    let year = token.len() == 4 && (token.starts_with("19") || token.starts_with("20"));
    let digits = token.bytes().all(|b| b.is_ascii_digit());
    let plausible = token.len() >= 2
        && token.len() <= 16
        && !COMMON_LATIN.contains(&token)
        && !year
        && !(digits && (token.len() > 6 || token.len() < 3));
    plausible.then_some(Span { start, end })
}

fn chinese_brand_before(n: &Normalized, at: usize, morphemes: &[Morpheme]) -> Option<Span> {
    let text = n.text.as_str();
    let mut before = text[..at].char_indices().rev();
    let (second, c2) = before.next()?;
    let (first, c1) = before.next()?;
    let pair = &text[first..at];
    let honest = !is_cjk(c1)
        || !is_cjk(c2)
        || NOT_BRAND_END.contains(c2)
        // 某某 and 某 X stand for a name left out, 等等 for more of a list.
        || c1 == c2
        || c1 == '某'
        || HONEST_MODIFIERS.contains(&pair)
        || inside_morpheme(first, morphemes)
        || inside_morpheme(second, morphemes)
        || n.gap_at(at) != Gap::None
        || n.gap_at(second) != Gap::None;
    (!honest).then_some(Span {
        start: first,
        end: at,
    })
}

/// Keyword parts of a cluster: how many runs of its items the original text separates with
/// `_`, `|`, `-`, `/`, `·` or spaces between Chinese words, and whether a strong separator
/// (`_`, `|`), rare in prose, is among them.
pub fn keyword_parts(original: &str, n: &Normalized, c: &Cluster) -> (usize, bool) {
    let mut spans: Vec<Span> = c
        .morphemes
        .iter()
        .map(|m| Span {
            start: m.start,
            end: m.end,
        })
        .chain(c.brands.iter().map(|b| Span {
            start: b.start,
            end: b.end,
        }))
        .collect();
    spans.sort_by_key(|s| s.start);
    let (mut parts, mut strong) = (1, false);
    for pair in spans.windows(2) {
        let (_, prev_end) = n.origin_of(pair[0].start, pair[0].end);
        let (next_start, _) = n.origin_of(pair[1].start, pair[1].end);
        let Some(between) = original.get(prev_end..next_start) else {
            continue;
        };
        let hard = between.contains(['_', '|', '｜']);
        let soft = between.contains(['-', '—', '–', '/', '·', '•', '\\', '丨'])
            || spaced_words(original, prev_end, next_start);
        if hard || soft {
            parts += 1;
            strong |= hard;
        }
    }
    (parts, strong)
}

/// Only spaces between two Chinese words: not between a Chinese and a Latin word, nor around
/// a number (`送 88 元`, `未满 8 周岁`), as prose has.
fn spaced_words(original: &str, prev_end: usize, next_start: usize) -> bool {
    let between = &original[prev_end..next_start];
    if between.is_empty() || !between.chars().all(|c| c == ' ' || c == '\u{3000}') {
        return false;
    }
    let before = original[..prev_end].chars().next_back();
    let after = original[next_start..].chars().next();
    before.is_some_and(is_cjk) && after.is_some_and(is_cjk)
}

/// How the characters of `start..end` (normalized) were disguised in `original`, if they were.
pub fn disguise(
    original: &str,
    n: &Normalized,
    start: usize,
    end: usize,
) -> Option<crate::messages::Text> {
    use crate::text;
    let origins = n.origins(start, end);
    let chars = n.text.get(start..end)?.chars();
    let mut previous_end: Option<usize> = None;
    for (ch, &(s, e)) in chars.zip(origins) {
        let written = original.get(s..e)?;
        if let Some(p) = previous_end {
            let between = original.get(p..s).unwrap_or("");
            if between.chars().any(super::normalize::is_invisible) {
                return Some(text!("guard-disguise-invisible"));
            }
            if between.contains('<') {
                return Some(text!("guard-disguise-markup"));
            }
            let prev = original[..p].chars().next_back();
            if !between.is_empty() && prev.is_some_and(is_cjk) && is_cjk(first_char(written)) {
                return Some(text!("guard-disguise-spaced"));
            }
        }
        previous_end = Some(e);
        let mut wc = written.chars();
        let first = wc.next()?;
        if wc.next().is_some() {
            return Some(if written.starts_with('&') || written.starts_with('%') {
                text!("guard-disguise-encoded")
            } else {
                text!("guard-disguise-combining")
            });
        }
        if first == ch || first.to_ascii_lowercase() == ch {
            continue;
        }
        if is_cjk(first) && simplify(first) == ch {
            return Some(text!("guard-disguise-traditional"));
        }
        return Some(text!("guard-disguise-lookalike"));
    }
    None
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guard::lexicon::Lexicon;
    use crate::guard::normalize::normalize;

    fn shapes(text: &str) -> Vec<(String, Vec<String>, bool)> {
        let n = normalize(text);
        let morphemes = Lexicon::builtin().expect("lexicon").scan(&n);
        clusters(&n, &morphemes, &[])
            .iter()
            .map(|c| {
                let brands = c.brands.iter().map(|b| n.text[b.start..b.end].to_string());
                (
                    n.text[c.start..c.end].to_string(),
                    brands.collect(),
                    c.is_lure(),
                )
            })
            .collect()
    }

    #[test]
    fn brands_glued_to_lure_words_are_found() {
        let found = shapes("欢迎访问ayx体育官方网站");
        assert_eq!(found[0].1, ["ayx"]);
        assert!(found[0].2);
        assert_eq!(shapes("博鱼体育官网入口")[0].1, ["博鱼"]);
        assert_eq!(shapes("ayxtiyu guanwang")[0].1, ["ayx"]);
    }

    #[test]
    fn honest_phrases_have_no_brand() {
        for honest in [
            "扫码下载明湖发布APP，注册登录",
            "中国体育彩票APP可以查询开奖结果",
            "市体育局官网发布通知",
            "全民体育在线平台",
        ] {
            assert!(
                shapes(honest).iter().all(|s| !s.2),
                "{honest}: {:?}",
                shapes(honest)
            );
        }
    }

    #[test]
    fn separators_make_keyword_parts() {
        let text = "ayx体育在线_提现_官方下载安装";
        let n = normalize(text);
        let morphemes = Lexicon::builtin().expect("lexicon").scan(&n);
        let c = &clusters(&n, &morphemes, &[])[0];
        assert_eq!(keyword_parts(text, &n, c), (3, true));
    }

    #[test]
    fn disguises_are_named() {
        let d = |t: &str| {
            let n = normalize(t);
            disguise(t, &n, 0, n.text.len()).map(|how| how.to_string())
        };
        assert_eq!(d("博彩"), None);
        assert_eq!(d("Casino"), None);
        assert_eq!(
            d("博\u{200b}彩"),
            Some("invisible characters between the letters".into())
        );
        assert_eq!(
            d("博 彩"),
            Some("characters spaced out with fillers".into())
        );
        assert_eq!(d("ｂｅｔ"), Some("full-width or look-alike letters".into()));
        assert_eq!(d("賭場"), Some("traditional characters".into()));
        assert_eq!(
            d("&#21338;彩"),
            Some("HTML entities or percent-encoding".into())
        );
    }
}
