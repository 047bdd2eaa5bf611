//! Protected names: national, provincial and city leaders with the titles they held and when,
//! and fixed official names (中华人民共和国, 国务院, the city's organs), kept in
//! `data/names/*.yaml`, each list with its `as_of:` date. A one-character near miss, a
//! same-pinyin homophone or two swapped characters is an error whose help gives the exact form;
//! a leader named with a title not held on the page's date is a warning.
//!
//! Why some near misses are not errors: a different character in the *last* place of a fixed
//! name is usually a different, real name (全国文明城市 / 全国文明城区, 中央文明办 / 中央文明委),
//! and a leader's name with another character is usually another person — so a leader's
//! non-homophone near miss counts only next to one of that leader's titles.

use crate::config::InspectionConfig;
use crate::content::Source;
use crate::error::Problem;
use jiff::civil::Date;
use pinyin::ToPinyinMulti;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::path::Path;

pub const NAMES_DIR: &str = "data/names";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    as_of: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    leaders: Vec<RawLeader>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLeader {
    name: String,
    #[serde(default)]
    titles: Vec<RawTitle>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTitle {
    title: String,
    from: String,
    #[serde(default)]
    to: Option<String>,
}

/// A title a leader held from `from` to `to` (still holding when `None`).
#[derive(Clone, Debug)]
pub struct Held {
    pub title: String,
    pub from: Date,
    pub to: Option<Date>,
}

impl Held {
    pub fn on(&self, date: Date) -> bool {
        self.from <= date && self.to.is_none_or(|to| date <= to)
    }
}

/// One protected name: a fixed official name (no titles) or a leader.
#[derive(Clone, Debug)]
pub struct Name {
    pub text: String,
    chars: Vec<char>,
    pub titles: Vec<Held>,
    pub leader: bool,
}

/// Every protected name of the site.
#[derive(Default, Debug)]
pub struct Lists {
    pub names: Vec<Name>,
}

/// Read every list under `data/names/` (none: no names are protected), with problems for a list
/// that cannot be read and a warning for one older than the configured age.
pub fn load(root: &Path, today: Date, config: &InspectionConfig) -> (Lists, Vec<Problem>) {
    let mut lists = Lists::default();
    let mut problems = Vec::new();
    let Ok(dir) = std::fs::read_dir(root.join(NAMES_DIR)) else {
        return (lists, problems);
    };
    let mut files: Vec<_> = dir
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    for path in files {
        let rel = format!(
            "{NAMES_DIR}/{}",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        match read_list(&path, &rel, today, config) {
            Ok((mut names, stale)) => {
                lists.names.append(&mut names);
                problems.extend(stale);
            }
            Err(p) => problems.push(p),
        }
    }
    (lists, problems)
}

fn invalid(rel: &str, line: usize, message: crate::messages::Text) -> Problem {
    Problem::error("names-list-invalid", message)
        .in_file(rel)
        .at_line(line)
        .help(crate::text!("inspect-names-list-help"))
}

fn read_list(
    path: &Path,
    rel: &str,
    today: Date,
    config: &InspectionConfig,
) -> Result<(Vec<Name>, Option<Problem>), Problem> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        invalid(
            rel,
            1,
            crate::text!("inspect-names-unreadable", reason = e.to_string()),
        )
    })?;
    let raw: RawList = crate::yaml::parse(&text).map_err(|e| {
        let mut p = invalid(rel, e.line, e.message);
        if let Some(h) = e.help {
            p = p.help(h);
        }
        p
    })?;
    let date = |s: &str, key: &str| {
        s.parse::<Date>().map_err(|_| {
            let line = crate::yaml::key_line(&text, key).unwrap_or(1);
            invalid(rel, line, crate::text!("inspect-names-bad-date", date = s))
        })
    };
    let as_of = date(&raw.as_of, "as_of")?;
    let age = (today - as_of).get_days();
    let stale = (i64::from(age) > i64::from(config.names_max_age_days)).then(|| {
        super::warning(Problem::error(
            "names-list-stale",
            crate::text!(
                "inspect-names-stale",
                as_of = raw.as_of.as_str(),
                age = age,
                limit = config.names_max_age_days
            ),
        ))
        .in_file(rel)
        .at_line(crate::yaml::key_line(&text, "as_of").unwrap_or(1))
        .help(crate::text!("inspect-names-stale-help"))
    });
    let mut names: Vec<Name> = raw
        .names
        .iter()
        .map(|n| name(n, Vec::new(), false))
        .collect();
    for leader in &raw.leaders {
        let mut titles = Vec::new();
        for t in &leader.titles {
            let to = match &t.to {
                Some(s) => Some(date(s, "to")?),
                None => None,
            };
            titles.push(Held {
                title: t.title.clone(),
                from: date(&t.from, "from")?,
                to,
            });
        }
        names.push(name(&leader.name, titles, true));
    }
    names.retain(|n| n.chars.len() >= 2);
    Ok((names, stale))
}

fn name(text: &str, titles: Vec<Held>, leader: bool) -> Name {
    let text = text.trim().to_string();
    Name {
        chars: text.chars().collect(),
        text,
        titles,
        leader,
    }
}

/// The lists, indexed by character: a window of text is looked at only when it shares all but
/// one character with a name in place, so a page costs a pass over its characters; names with
/// two characters swapped are searched for as written (one automaton for all of them).
pub struct Checker<'a> {
    names: &'a [Name],
    by_char: FxHashMap<char, Vec<(usize, usize)>>,
    swapped: Option<(aho_corasick::AhoCorasick, Vec<usize>)>,
}

/// How a text differs from a protected name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Miss {
    Homophone,
    OneCharacter,
    Swapped,
}

impl<'a> Checker<'a> {
    pub fn new(lists: &'a Lists) -> Checker<'a> {
        let mut by_char: FxHashMap<char, Vec<(usize, usize)>> = FxHashMap::default();
        for (n, name) in lists.names.iter().enumerate() {
            for (p, c) in name.chars.iter().enumerate() {
                by_char.entry(*c).or_default().push((n, p));
            }
        }
        Checker {
            names: &lists.names,
            by_char,
            swapped: swapped_forms(&lists.names),
        }
    }

    /// Near misses of protected names in one file (titles: [`super::titles`]).
    pub fn check(&self, source: &Source, out: &mut Vec<Problem>) {
        if self.names.is_empty() {
            return;
        }
        for (i, line) in source.text.lines().enumerate() {
            if line.is_ascii() {
                continue;
            }
            let chars: Vec<char> = line.chars().collect();
            for (name, start, miss) in self.misses(&chars) {
                let written: String = chars[start..start + name.chars.len()].iter().collect();
                out.push(
                    Problem::error(
                        "protected-name",
                        crate::text!(
                            "inspect-name-miss",
                            written = written.as_str(),
                            kind = miss_text(miss)
                        ),
                    )
                    .in_file(&source.file)
                    .at(i + 1, start + 1)
                    .with_source(&source.text)
                    .help(crate::text!(
                        "inspect-name-miss-help",
                        name = name.text.as_str()
                    )),
                );
            }
        }
    }

    /// Near misses in one line: (name, start, how). Each character votes for the names it
    /// would be in place in; only a window with all but one vote, or a swapped form, is looked at.
    pub fn misses(&self, chars: &[char]) -> Vec<(&'a Name, usize, Miss)> {
        // votes[n * width + start]: how many characters of name n are in place from `start`.
        let width = chars.len();
        let mut votes = vec![0u8; self.names.len() * width];
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        for (i, c) in chars.iter().enumerate() {
            let Some(places) = self.by_char.get(c) else {
                continue;
            };
            for &(n, p) in places {
                let len = self.names[n].chars.len();
                if i < p || i - p + len > width || len < 3 {
                    continue;
                }
                let vote = &mut votes[n * width + i - p];
                *vote = vote.saturating_add(1);
                // Reached once per window: all but one character in place.
                if usize::from(*vote) + 1 == len {
                    candidates.push((n, i - p));
                }
            }
        }
        candidates.extend(self.swapped_at(chars));
        candidates.sort_unstable();
        let mut found: Vec<(&Name, usize, Miss)> = Vec::new();
        for (n, start) in candidates {
            let name = &self.names[n];
            let len = name.chars.len();
            let window = &chars[start..start + len];
            let Some(miss) = classify(name, window, chars, start) else {
                continue;
            };
            if !self.is_other_name(chars, start, len) {
                found.push((name, start, miss));
            }
        }
        found
    }

    /// Where a name is written with two neighbouring characters swapped: (name, start).
    fn swapped_at(&self, chars: &[char]) -> Vec<(usize, usize)> {
        let Some((automaton, owners)) = &self.swapped else {
            return Vec::new();
        };
        let line: String = chars.iter().collect();
        automaton
            .find_overlapping_iter(&line)
            .map(|m| {
                let start = line[..m.start()].chars().count();
                (owners[m.pattern().as_usize()], start)
            })
            .collect()
    }

    /// Whether the window is (part of) another protected name written exactly.
    fn is_other_name(&self, chars: &[char], start: usize, len: usize) -> bool {
        let line: String = chars.iter().collect();
        let window: String = chars[start..start + len].iter().collect();
        self.names
            .iter()
            .any(|n| n.text.contains(&window) && line.contains(&n.text))
    }
}

/// Every name that counts as swapped ([`classify`]) with each pair of neighbouring characters
/// swapped, and the name each form belongs to.
fn swapped_forms(names: &[Name]) -> Option<(aho_corasick::AhoCorasick, Vec<usize>)> {
    let mut forms = Vec::new();
    let mut owners = Vec::new();
    for (n, name) in names.iter().enumerate() {
        if !(name.leader || name.chars.len() >= 4) || name.chars.len() < 3 {
            continue;
        }
        for a in 0..name.chars.len() - 1 {
            if name.chars[a] != name.chars[a + 1] {
                let mut form = name.chars.clone();
                form.swap(a, a + 1);
                forms.push(form.into_iter().collect::<String>());
                owners.push(n);
            }
        }
    }
    let automaton = aho_corasick::AhoCorasick::new(&forms).ok()?;
    (!forms.is_empty()).then_some((automaton, owners))
}

fn miss_text(miss: Miss) -> crate::messages::Text {
    match miss {
        Miss::Homophone => crate::text!("inspect-miss-homophone"),
        Miss::OneCharacter => crate::text!("inspect-miss-one"),
        Miss::Swapped => crate::text!("inspect-miss-swapped"),
    }
}

/// How `window` misses `name`, if it is a near miss worth an error.
fn classify(name: &Name, window: &[char], line: &[char], start: usize) -> Option<Miss> {
    let diff: Vec<usize> = (0..window.len())
        .filter(|&i| window[i] != name.chars[i])
        .collect();
    match diff.as_slice() {
        [k] => {
            let (w, n) = (window[*k], name.chars[*k]);
            if !is_han(w) {
                return None;
            }
            if same_pinyin(w, n) {
                return Some(Miss::Homophone);
            }
            if other_scope(w, n) {
                return None;
            }
            let interior = *k > 0 && *k + 1 < window.len();
            let near_title = name.leader && next_to_title(name, line, start, window.len());
            ((!name.leader && window.len() >= 5 && interior) || near_title)
                .then_some(Miss::OneCharacter)
        }
        // A three-character place with two characters swapped is often another real place
        // (湖滨区 / 滨湖区); a person's name or a longer fixed name swapped is a typo.
        [a, b] if *b == a + 1 && window[*a] == name.chars[*b] && window[*b] == name.chars[*a] => {
            (name.leader || window.len() >= 4).then_some(Miss::Swapped)
        }
        _ => None,
    }
}

/// 全国 written 全市, 全省, 全区: the same kind of name at another level of government
/// (全市文明城市创建, 全省人民代表大会), not a typo.
fn other_scope(written: char, name: char) -> bool {
    name == '国' && "省市区县州镇乡村".contains(written)
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn same_pinyin(a: char, b: char) -> bool {
    let readings = |c: char| -> Vec<&'static str> {
        c.to_pinyin_multi()
            .map(|m| m.into_iter().map(|p| p.plain()).collect())
            .unwrap_or_default()
    };
    let ra = readings(a);
    readings(b).iter().any(|r| ra.contains(r))
}

fn next_to_title(name: &Name, line: &[char], start: usize, len: usize) -> bool {
    let before: String = line[start.saturating_sub(8)..start].iter().collect();
    let after: String = line[start + len..(start + len + 8).min(line.len())]
        .iter()
        .collect();
    name.titles
        .iter()
        .any(|t| before.ends_with(&t.title) || after.starts_with(&t.title))
}
