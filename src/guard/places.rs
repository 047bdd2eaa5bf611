//! Foreign places: spam pasted into a civic page sometimes swaps the city's name for another
//! one (or for a casino brand) in phrases like “X人民政府” or “X文明办”. A page naming an
//! office of a place that is not the site's city or one of its districts gets a warning.

use super::normalize::{Gap, Normalized, normalized_text};
use super::vocabulary::overlaps;
use regex::Regex;
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

/// Characters that end a function word, not a place name: “由市人民政府”, “向区文明办”.
const STOP: &str =
    "由经在向对和与及的为本全该各我两是等至到从被将请同或共辖省市区县州旗委部办级上下内外里";

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

/// Two characters before “市/区/县…” that are words, not place names: “按照市文明办”.
const NOT_NAMES: &[&str] = &[
    "按照", "依照", "遵照", "参照", "根据", "依据", "通过", "经过", "会同", "联合", "配合", "协助",
    "报请", "提请", "邀请", "全国", "各地", "本地", "外地", "当地", "所在", "来到", "前往", "走进",
    "得到", "受到", "获得", "联系", "咨询", "举报", "反映", "提交", "上报", "报送", "抄送", "发给",
];

/// Names spam uses for a place without an administrative suffix.
const NOTABLE: &[&str] = &["澳门", "香港", "台湾", "台北"];

#[derive(Debug)]
pub struct Places {
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
        Places { zh, en, allow_en }
    }

    /// `(start, end, message)` byte ranges in `text` of foreign-place mentions.
    pub fn scan(
        &self,
        text: &str,
        norm: &Normalized,
        allowed: &[(usize, usize)],
    ) -> Vec<(usize, usize, String)> {
        if self.zh.is_empty() && self.en.is_empty() {
            return Vec::new(); // no city configured: nothing to compare with
        }
        let mut out = Vec::new();
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
                out.push((s, e, format!("“{phrase}” names an office of a place that is not this site's city or its districts")));
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
                out.push((
                    all.start(),
                    all.end(),
                    format!(
                        "“{}” names an office of a place that is not this site's city",
                        all.as_str()
                    ),
                ));
            }
        }
        out
    }

    /// Start (in normalized text) of a foreign place name ending right before `office`.
    fn foreign_zh(&self, norm: &Normalized, office: usize) -> Option<usize> {
        let before = norm.text[..office]
            .strip_suffix('委')
            .unwrap_or(&norm.text[..office]);
        let Some(suffix) = SUFFIXES.iter().find(|s| before.ends_with(*s)) else {
            return self.notable(before);
        };
        if GENERIC_ZH.iter().any(|w| before.ends_with(w)) {
            return None;
        }
        let stem = &before[..before.len() - suffix.len()];
        let last = stem.chars().next_back()?;
        if STOP.contains(last) || !is_cjk(last) {
            return None;
        }
        let known = (2..=4).any(|k| {
            let cand = last_chars(stem, k);
            cand.chars().count() == k
                && (self
                    .zh
                    .iter()
                    .any(|z| z == cand || *z == format!("{cand}{suffix}")))
        });
        if known {
            return None;
        }
        let name = last_chars(stem, 2);
        if NOT_NAMES.contains(&name) {
            return None;
        }
        (name.chars().count() == 2 && name.chars().all(is_cjk)).then(|| stem.len() - name.len())
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

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
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
        p.scan(text, &n, &[])
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
        ] {
            assert!(found(ok).is_empty(), "{ok}: {:?}", found(ok));
        }
    }

    #[test]
    fn other_places_warn() {
        assert_eq!(found("澳门新葡京市人民政府"), ["葡京市人民政府"]);
        assert_eq!(found("欢迎访问江宁区文明办"), ["江宁区文明办"]);
        assert_eq!(found("澳门特别行政区政府"), ["澳门特别行政区政府"]);
        assert_eq!(found("Riverton Municipal People's Government").len(), 1);
    }
}
