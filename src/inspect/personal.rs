//! Personal data that must not be published unmasked: 18-digit resident ID numbers (GB 11643:
//! a valid birth date and check digit), mainland mobile numbers and bank-card numbers (Luhn).
//! A masked number (`320102********1234`, `138****5678`) does not match; office numbers
//! (`0510-…`, `12345`) are not mobile numbers. A page may allow a number with a reason
//! (`extra: { allow_numbers: [{ number: …, reason: … }] }`); the reason is in the report.

use crate::content::Source;
use crate::error::Problem;
use regex::Regex;
use std::sync::OnceLock;

/// A number a page publishes on purpose, and why.
#[derive(Clone, Debug)]
pub struct Allowed {
    pub number: String,
    pub reason: String,
}

/// The numbers `extra.allow_numbers` allows (entries without a reason do not count).
pub fn allowed(extra: &serde_json::Value) -> Vec<Allowed> {
    let Some(list) = extra.get("allow_numbers").and_then(|v| v.as_array()) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|e| {
            let number = digits_only(e.get("number")?.as_str()?);
            let reason = e.get("reason")?.as_str()?.trim().to_string();
            (!reason.is_empty() && !number.is_empty()).then_some(Allowed { number, reason })
        })
        .collect()
}

/// What kind of personal number was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    IdNumber,
    Mobile,
    BankCard,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::IdNumber => "personal-id",
            Kind::Mobile => "personal-mobile",
            Kind::BankCard => "personal-bank-card",
        }
    }

    fn label(self) -> crate::messages::Text {
        match self {
            Kind::IdNumber => crate::text!("inspect-kind-id"),
            Kind::Mobile => crate::text!("inspect-kind-mobile"),
            Kind::BankCard => crate::text!("inspect-kind-bank-card"),
        }
    }
}

/// A personal number in a text: its kind, byte offset and the number as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub kind: Kind,
    pub at: usize,
    pub text: String,
}

fn patterns() -> &'static [(Kind, Regex); 3] {
    static P: OnceLock<[(Kind, Regex); 3]> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).unwrap_or_else(|_| unreachable!("fixed pattern"));
        [
            (Kind::IdNumber, re(r"[1-9]\d{16}[\dXx]")),
            (Kind::Mobile, re(r"1[3-9]\d[- ]?\d{4}[- ]?\d{4}")),
            (
                Kind::BankCard,
                re(r"(?:62|4\d|5[1-5])\d{2}(?: ?\d{4}){2,3}(?: ?\d{1,3})?"),
            ),
        ]
    })
}

/// Every unmasked personal number in `text`, in order. A number inside a longer run of digits,
/// letters or a URL's path is not one (an article id, a file hash).
pub fn find(text: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for (kind, re) in patterns() {
        for m in re.find_iter(text) {
            if !bounded(text, m.start(), m.end()) || out.iter().any(|f| overlaps(f, m.start())) {
                continue;
            }
            let number = digits_only(m.as_str());
            let valid = match kind {
                Kind::IdNumber => valid_id(&number),
                Kind::Mobile => number.len() == 11,
                Kind::BankCard => (16..=19).contains(&number.len()) && luhn(&number),
            };
            if valid {
                out.push(Found {
                    kind: *kind,
                    at: m.start(),
                    text: m.as_str().to_string(),
                });
            }
        }
    }
    out.sort_by_key(|f| f.at);
    out
}

fn overlaps(f: &Found, at: usize) -> bool {
    at >= f.at && at < f.at + f.text.len()
}

fn bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let glued =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || "/=_.#%&*".contains(c));
    !glued(before) && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '*')
}

fn digits_only(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_digit() || *c == 'X' || *c == 'x')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// GB 11643-1999: a real birth date (1900 to 2099) and the ISO 7064 MOD 11-2 check digit.
pub fn valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let num = |r: std::ops::Range<usize>| id[r].parse::<i16>().ok();
    let (Some(y), Some(m), Some(d)) = (num(6..10), num(10..12), num(12..14)) else {
        return false;
    };
    if !(1900..=2099).contains(&y) || jiff::civil::Date::new(y, m as i8, d as i8).is_err() {
        return false;
    }
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = b[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(c, w)| u32::from(c - b'0') * w)
        .sum();
    b[17] == b"10X98765432"[(sum % 11) as usize]
}

/// The Luhn check of card numbers.
pub fn luhn(number: &str) -> bool {
    let mut sum = 0;
    for (i, c) in number.bytes().rev().enumerate() {
        if !c.is_ascii_digit() {
            return false;
        }
        let mut d = u32::from(c - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// The number with all but its first and last digits hidden, for a report that must not leak it.
pub fn masked(number: &str) -> String {
    let n: Vec<char> = number.chars().collect();
    let keep = if n.len() > 11 { 4 } else { 3 };
    n.iter()
        .enumerate()
        .map(|(i, c)| {
            if i < keep || i + 4 >= n.len() || !c.is_ascii_digit() {
                *c
            } else {
                '*'
            }
        })
        .collect()
}

/// Findings for one Markdown file (body, front matter, alt text: the whole file is published).
pub fn check_source(source: &Source, allowed: &[Allowed], out: &mut Vec<Problem>) {
    for f in find(&source.text) {
        let line = super::line_of(&source.text, f.at);
        out.push(
            finding(&f, allowed)
                .in_file(&source.file)
                .at_line(line)
                .with_source(&source.text),
        );
    }
}

/// A finding for `f`: an error with the masked form as help, or a warning naming the reason a
/// page gave for allowing it.
pub fn finding(f: &Found, allowed: &[Allowed]) -> Problem {
    let number = digits_only(&f.text);
    let shown = masked(&f.text);
    if let Some(a) = allowed.iter().find(|a| a.number == number) {
        return super::warning(Problem::error(
            "personal-allowed",
            crate::text!(
                "inspect-personal-allowed",
                kind = f.kind.label(),
                number = shown,
                reason = a.reason.as_str()
            ),
        ));
    }
    Problem::error(
        f.kind.code(),
        crate::text!(
            "inspect-personal",
            kind = f.kind.label(),
            number = shown.as_str()
        ),
    )
    .help(crate::text!("inspect-personal-help", masked = shown))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_numbers_need_their_check_digit_and_a_real_birth_date() {
        assert!(valid_id("11010519491231002X"));
        assert!(!valid_id("110105194912310021"));
        assert!(!valid_id("110105194913310029"));
    }

    #[test]
    fn masked_and_office_numbers_are_not_personal_data() {
        let text = "身份证 320102********1234，手机 138****5678，热线 12345，电话 0510-88612345";
        assert!(find(text).is_empty(), "{:?}", find(text));
        let kinds: Vec<Kind> = find("电话13812345678，卡号 6222 0212 3456 7890 128")
            .iter()
            .map(|f| f.kind)
            .collect();
        assert_eq!(kinds[0], Kind::Mobile);
    }
}
