//! Foreign places: spam pasted into a civic page sometimes swaps the city's name for another
//! one in phrases like “X人民政府” or “X文明办”. A page naming an office of a real place (a
//! place name in jieba's dictionary, [`crate::dictionary::place_names`]) that is not the site's
//! city or one of its districts gets one warning per place. Words that only look like a name
//! before 市/省 (第四条 市人民政府, 或者省人民政府) are no place, so they never warn.

use super::normalize::{Gap, Normalized, is_cjk, normalized_text};
use super::vocabulary::overlaps;
use regex::Regex;
use std::collections::HashSet;
use std::sync::OnceLock;

const OFFICES_ZH: &str = r"人民政府|政府|文明办|文明委|精神文明建设(?:指导)?委员会|精神文明建设办公室|宣传部|人大常委会|政协";
const OFFICES_EN: &str = r"(?:People['’]s Government|Civili[sz]ation Office|Civili[sz]ation Commission|Publicity Department)";
/// A word every match of `OFFICES_EN` contains.
const OFFICE_WORDS_EN: &[&str] = &["Government", "Civili", "Publicity Department"];

/// Administrative suffixes, longest first.
const SUFFIXES: &[&str] = &[
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "省",
    "市",
    "区",
    "县",
    "州",
    "盟",
    "旗",
];

/// Suffixes of provinces and regions.
const PROVINCIAL: &[&str] = &["特别行政区", "自治区", "省"];

/// Generic English words that can precede the office names.
const GENERIC_EN: &[&str] = &[
    "the",
    "municipal",
    "city",
    "district",
    "county",
    "provincial",
    "party",
    "committee",
    "cpc",
    "central",
    "spiritual",
    "local",
    "national",
    "state",
    "chinese",
    "of",
    "and",
    "our",
    "this",
    "township",
    "special",
    "administrative",
    "region",
    "people's",
    "guidance",
];

/// Common words that end in an administrative suffix but name no place: “城市文明办” is “a city's
/// civilization office”, “社区文明办” a community's.
const GENERIC_ZH: &[&str] = &[
    "城市", "市区", "城区", "社区", "小区", "园区", "景区", "街区", "辖区", "地区", "山区", "郊区",
    "片区", "校区", "厂区", "县区", "区县", "省市", "市县", "各省", "各市", "各区", "各县",
];

/// Names spam uses for a place without an administrative suffix.
const NOTABLE: &[&str] = &["澳门", "香港", "台湾", "台北"];

#[derive(Debug)]
pub struct Places {
    /// Real place names (jieba's `ns` words).
    known: HashSet<&'static str>,
    zh: Vec<String>,
    en: Vec<String>,
    allow_en: Vec<String>,
}

impl Places {
    pub fn new(city_names: &[String], allow_words: &[String]) -> Self {
        let mut zh = Vec::new();
        let mut en = Vec::new();
        for name in city_names {
            let n = normalized_text(name);
            if name.is_ascii() {
                en.extend(name.split_whitespace().map(str::to_ascii_lowercase));
            } else if !n.is_empty() {
                zh.push(strip_suffix(&n).to_string());
                zh.push(n);
            }
        }
        en.retain(|w| !GENERIC_EN.contains(&w.as_str()));
        let allow_en = allow_words.iter().map(|w| w.to_ascii_lowercase()).collect();
        let known = crate::dictionary::place_names().collect();
        Places {
            known,
            zh,
            en,
            allow_en,
        }
    }

    /// `(start, end, message)` byte ranges in `text` of foreign-place mentions worth an
    /// editor's look: an office of another real place in the page's title (`in_title`), or
    /// named three times on a page that never names the site's own city (another city's text
    /// passed off as this one's). Pages that name other cities' governments in passing (a
    /// court case, a partner city) are no one's mistake and stay quiet.
    pub fn scan(
        &self,
        text: &str,
        norm: &Normalized,
        allowed: &[(usize, usize)],
        in_title: &dyn Fn(usize) -> bool,
    ) -> Vec<(usize, usize, crate::messages::Text)> {
        if self.zh.is_empty() && self.en.is_empty() {
            return Vec::new(); // no city configured: nothing to compare with
        }
        let mut mentions: Vec<(usize, usize, crate::messages::Text)> = Vec::new();
        for m in offices_zh()
            .into_iter()
            .flat_map(|re| re.find_iter(&norm.text))
        {
            if let Some(name_start) = self.foreign_zh(norm, m.start()) {
                if overlaps(allowed, name_start, m.end())
                    || norm
                        .inner_gaps(name_start, m.end())
                        .contains(&Gap::Sentence)
                {
                    continue;
                }
                let (s, e) = norm.origin_of(name_start, m.end());
                let phrase = &norm.text[name_start..m.end()];
                mentions.push((s, e, crate::text!("guard-foreign-office", office = phrase)));
            }
        }
        // The regex has no literal prefix to skip ahead with: look for the office words first
        // (most pages name none, and every page of a build is scanned).
        let names_office = OFFICE_WORDS_EN.iter().any(|w| text.contains(w));
        for c in offices_en()
            .filter(|_| names_office)
            .into_iter()
            .flat_map(|re| super::links::scan_bounded(re, text, |_| true))
        {
            let (Some(all), Some(words)) = (c.get(0), c.get(1)) else {
                continue;
            };
            if self.foreign_en(words.as_str())
                && !self
                    .allow_en
                    .iter()
                    .any(|a| all.as_str().to_ascii_lowercase().contains(a))
            {
                mentions.push((
                    all.start(),
                    all.end(),
                    crate::text!("guard-foreign-office-en", office = all.as_str()),
                ));
            }
        }
        let own_named = self.zh.iter().any(|z| norm.text.contains(z.as_str()))
            || self
                .en
                .iter()
                .any(|w| text.to_ascii_lowercase().contains(w.as_str()));
        let mut counts: std::collections::HashMap<&crate::messages::Text, usize> =
            Default::default();
        for (_, _, message) in &mentions {
            *counts.entry(message).or_default() += 1;
        }
        let mut seen = HashSet::new();
        mentions
            .iter()
            .filter(|(s, _, message)| {
                let often = counts.get(message).copied().unwrap_or(0) >= 3;
                (in_title(*s) || (often && !own_named)) && seen.insert(message.clone())
            })
            .cloned()
            .collect()
    }

    /// Start (in normalized text) of a foreign place name ending right before `office`: the
    /// longest real place name (with or without its suffix) glued to the suffix and the office.
    fn foreign_zh(&self, norm: &Normalized, office: usize) -> Option<usize> {
        let before = norm.text[..office]
            .strip_suffix('委')
            .unwrap_or(&norm.text[..office]);
        if norm.gap_at(before.len()) != Gap::None {
            return None;
        }
        let Some(suffix) = SUFFIXES.iter().find(|s| before.ends_with(*s)) else {
            return self.notable(before);
        };
        if PROVINCIAL.contains(suffix) {
            return None; // the site's own province and the regions are named all the time
        }
        if GENERIC_ZH.iter().any(|w| before.ends_with(w)) {
            return None;
        }
        let stem = &before[..before.len() - suffix.len()];
        let name = (2..=4).rev().map(|k| last_chars(stem, k)).find(|cand| {
            cand.chars().all(is_cjk)
                && glued(norm, stem.len() - cand.len(), before.len())
                && (self.known.contains(*cand)
                    || self.known.contains(format!("{cand}{suffix}").as_str()))
        })?;
        let own = self
            .zh
            .iter()
            .any(|z| z == name || *z == format!("{name}{suffix}"));
        (!own).then(|| stem.len() - name.len())
    }

    fn notable(&self, before: &str) -> Option<usize> {
        let n = NOTABLE.iter().find(|n| before.ends_with(*n))?;
        (!self.zh.iter().any(|z| z == n)).then(|| before.len() - n.len())
    }

    fn foreign_en(&self, words: &str) -> bool {
        let specific: Vec<String> = words
            .split([' ', '-'])
            .map(str::to_ascii_lowercase)
            .filter(|w| !w.is_empty() && !GENERIC_EN.contains(&w.as_str()))
            .collect();
        !specific.is_empty() && !specific.iter().any(|w| self.en.contains(w))
    }
}

fn offices_zh() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(OFFICES_ZH).ok()).as_ref()
}

/// Written with a leading `\b`; [`super::links::scan_bounded`] checks that boundary.
fn offices_en() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!(r"((?:[A-Z][a-z]+[ -]){{1,4}}){OFFICES_EN}")).ok())
        .as_ref()
}

fn strip_suffix(name: &str) -> &str {
    SUFFIXES
        .iter()
        .find_map(|s| name.strip_suffix(s).filter(|r| r.chars().count() >= 2))
        .unwrap_or(name)
}

fn last_chars(s: &str, k: usize) -> &str {
    let start = s.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i);
    &s[start..]
}

/// No gap (space, punctuation, line break) anywhere in the normalized range `start..end`.
fn glued(norm: &Normalized, start: usize, end: usize) -> bool {
    norm.inner_gaps(start, end).iter().all(|g| *g == Gap::None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guard::normalize::normalize;

    fn found(text: &str) -> Vec<String> {
        let p = Places::new(
            &[
                "明湖市".into(),
                "湖滨区".into(),
                "东城区".into(),
                "Minghu City".into(),
                "Hubin District".into(),
            ],
            &["杭州市".into()],
        );
        let n = normalize(text);
        p.scan(text, &n, &[], &|_| true)
            .into_iter()
            .map(|(s, e, _)| text[s..e].to_string())
            .collect()
    }

    #[test]
    fn own_city_and_generic_offices_pass() {
        for ok in [
            "明湖市人民政府",
            "中共明湖市委宣传部 明湖市文明办",
            "湖滨区人民政府",
            "由市人民政府牵头",
            "中央文明办",
            "省文明办",
            "向区文明办报告",
            "Minghu Municipal People's Government",
            "the Central Civilization Office",
            "国务院办公厅",
            "第四条 市人民政府应当",
            "或者省人民政府批准",
            "金沙江路街道办事处",
        ] {
            assert!(found(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
    }

    #[test]
    fn other_places_warn() {
        assert_eq!(found("澳门新葡京市人民政府"), ["葡京市人民政府"]);
        assert_eq!(found("欢迎访问江宁区文明办"), ["江宁区文明办"]);
        assert_eq!(found("江宁区文明办，江宁区文明办"), ["江宁区文明办"]);
        assert_eq!(found("Riverton Municipal People's Government").len(), 1);
    }
}
