//! Splitting a Markdown file into YAML front matter and body, and the raw (unvalidated) shape of
//! front matter. Validation into typed kinds happens in `kinds`.

use crate::content::date::PubDate;
use serde::Deserialize;

/// A file split at its front matter fences. Line numbers are 1-based lines of the whole file.
pub struct Split<'a> {
    pub yaml: &'a str,
    /// Line of the file on which the YAML starts (the line after the opening `---`).
    pub yaml_line: usize,
    pub body: &'a str,
    /// Line of the file on which the body starts.
    pub body_line: usize,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with `---`.
    NoFrontMatter,
    /// The opening `---` has no closing `---`.
    Unclosed,
}

pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let after_open = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
        .ok_or(SplitError::NoFrontMatter)?;
    let open_len = text.len() - after_open.len();
    let mut offset = 0;
    for (i, line) in after_open.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let yaml = &after_open[..offset];
            let body = &after_open[offset + line.len()..];
            return Ok(Split {
                yaml,
                yaml_line: 2,
                body,
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    let _ = open_len;
    Err(SplitError::Unclosed)
}

/// One honour in a role model's profile.
#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Honor {
    pub title: String,
    #[serde(default)]
    pub level: Option<HonorLevel>,
    #[serde(default)]
    pub year: Option<u16>,
    #[serde(default)]
    pub issuer: Option<String>,
}

#[derive(Clone, Copy, Debug, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum HonorLevel {
    National,
    Provincial,
    City,
    District,
}

/// Every key a page may carry, of every kind. Which keys a kind accepts is checked afterwards,
/// so that a key of the wrong kind gets a message naming the kind rather than "unknown key".
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPage {
    pub title: Option<String>,
    pub slug: Option<String>,
    pub date: Option<String>,
    pub updated: Option<String>,
    pub draft: Option<bool>,
    pub summary: Option<String>,
    pub tags: Option<Vec<String>>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub extra: Option<serde_json::Value>,
    pub source_hash: Option<String>,
    // role_model
    pub name: Option<String>,
    pub category: Option<String>,
    pub year: Option<u16>,
    pub honors: Option<Vec<Honor>>,
    pub district: Option<String>,
    pub occupation: Option<String>,
    pub photo: Option<String>,
    pub photo_alt: Option<String>,
    pub quote: Option<String>,
    pub featured: Option<bool>,
    // handbook
    pub weight: Option<i64>,
    pub short_title: Option<String>,
    // psa
    pub theme: Option<String>,
    pub campaign: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub poster: Option<String>,
    pub poster_alt: Option<String>,
    pub sponsor: Option<String>,
    // news
    pub source: Option<String>,
}

impl RawPage {
    /// Keys that are set, for checking them against the page's kind.
    pub fn kind_keys_present(&self) -> Vec<&'static str> {
        let set = [
            ("name", self.name.is_some()),
            ("category", self.category.is_some()),
            ("year", self.year.is_some()),
            ("honors", self.honors.is_some()),
            ("district", self.district.is_some()),
            ("occupation", self.occupation.is_some()),
            ("photo", self.photo.is_some()),
            ("photo_alt", self.photo_alt.is_some()),
            ("quote", self.quote.is_some()),
            ("featured", self.featured.is_some()),
            ("weight", self.weight.is_some()),
            ("short_title", self.short_title.is_some()),
            ("theme", self.theme.is_some()),
            ("campaign", self.campaign.is_some()),
            ("start", self.start.is_some()),
            ("end", self.end.is_some()),
            ("poster", self.poster.is_some()),
            ("poster_alt", self.poster_alt.is_some()),
            ("sponsor", self.sponsor.is_some()),
            ("source", self.source.is_some()),
        ];
        set.into_iter()
            .filter(|(_, on)| *on)
            .map(|(k, _)| k)
            .collect()
    }

    /// The keys an English twin takes from its Chinese source when it does not write them
    /// itself (see [`RawPage::inherit_from`]). A problem with such a key that the twin does not
    /// write is the Chinese file's to fix; every other key is the twin's own.
    pub const INHERITED: &'static [&'static str] = &[
        "slug", "date", "updated", "draft", "tags", "category", "year", "photo", "featured",
        "weight", "theme", "start", "end", "poster",
    ];

    /// An English twin writes language-neutral facts once, in the Chinese source; fill them in.
    /// Keep in step with [`RawPage::INHERITED`].
    pub fn inherit_from(&mut self, source: &RawPage) {
        fn take<T: Clone>(mine: &mut Option<T>, theirs: &Option<T>) {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
        take(&mut self.slug, &source.slug);
        take(&mut self.date, &source.date);
        take(&mut self.updated, &source.updated);
        take(&mut self.draft, &source.draft);
        take(&mut self.tags, &source.tags);
        take(&mut self.category, &source.category);
        take(&mut self.year, &source.year);
        take(&mut self.photo, &source.photo);
        take(&mut self.featured, &source.featured);
        take(&mut self.weight, &source.weight);
        take(&mut self.theme, &source.theme);
        take(&mut self.start, &source.start);
        take(&mut self.end, &source.end);
        take(&mut self.poster, &source.poster);
    }
}

/// Front matter of a section's `_index.md` (and of the home page).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub kind: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    pub weight: Option<i64>,
    pub paginate: Option<usize>,
    pub stale_after_days: Option<u32>,
    pub draft: Option<bool>,
    pub extra: Option<serde_json::Value>,
    pub source_hash: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A date field's value, parsed, or the reason it could not be.
pub fn parse_date(value: &str) -> Result<PubDate, crate::messages::Text> {
    PubDate::parse(value).ok_or_else(|| crate::text!("content-date-invalid", value = value))
}

/// Personal ID numbers (18 digits with a birth date inside) and mainland mobile numbers must never
/// be published in front matter. Returns (line, column, what) for each look-alike, 1-based;
/// `what` names the kind of number (`a mobile phone number`).
pub fn find_personal_numbers(yaml: &str) -> Vec<(usize, usize, crate::messages::Text)> {
    let mut found = Vec::new();
    for (i, line) in yaml.lines().enumerate() {
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut j = 0;
        while j < chars.len() {
            if !chars[j].1.is_ascii_digit() {
                j += 1;
                continue;
            }
            // Collect a run of digits, allowing single spaces or hyphens between groups.
            let start = j;
            let mut digits = String::new();
            let mut k = j;
            while k < chars.len() {
                let c = chars[k].1;
                if c.is_ascii_digit() {
                    digits.push(c);
                    k += 1;
                } else if (c == ' ' || c == '-')
                    && k + 1 < chars.len()
                    && chars[k + 1].1.is_ascii_digit()
                    && digits.len() < 18
                {
                    k += 1;
                } else if (c == 'X' || c == 'x') && digits.len() == 17 {
                    digits.push('X');
                    k += 1;
                    break;
                } else {
                    break;
                }
            }
            let column = line[..chars[start].0].chars().count() + 1;
            if let Some(what) = classify_number(&digits) {
                found.push((i + 1, column, what));
            }
            j = k.max(j + 1);
        }
    }
    found
}

fn classify_number(digits: &str) -> Option<crate::messages::Text> {
    let b = digits.as_bytes();
    if b.len() == 18 {
        let year: u32 = digits[6..10].parse().ok()?;
        let month: u32 = digits[10..12].parse().ok()?;
        let day: u32 = digits[12..14].parse().ok()?;
        if (1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day) {
            return Some(crate::text!("content-personal-id"));
        }
    }
    if b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) {
        return Some(crate::text!("content-personal-mobile"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let s = split("---\ntitle: a\n---\nbody\n").unwrap();
        assert_eq!(s.yaml, "title: a\n");
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn reports_missing_and_unclosed_fences() {
        assert_eq!(split("# hi").err(), Some(SplitError::NoFrontMatter));
        assert_eq!(split("---\ntitle: a\n").err(), Some(SplitError::Unclosed));
    }

    #[test]
    fn finds_ids_and_mobiles_but_not_years_or_hotlines() {
        let yaml = "a: 110101199003071234\nb: 138 0013 8000\nc: 2025\nd: 0571-12345\ne: 11010119900307123X\n";
        let found = find_personal_numbers(yaml);
        let lines: Vec<usize> = found.iter().map(|f| f.0).collect();
        assert_eq!(lines, vec![1, 2, 5]);
    }
}
