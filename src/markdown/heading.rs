//! Heading ids: the strict `{#id .class}` attribute form and ids that stay unique on a page.

use std::collections::{HashMap, HashSet};

/// Attributes written at the end of a heading: `## 活动安排 {#schedule .wide}`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Attributes {
    pub id: Option<String>,
    pub classes: Vec<String>,
}

/// Splits a trailing `{#id .class}` off a heading's text. Only this strict form counts: one or
/// more `#id` / `.class` words separated by spaces, at most one id, nothing else inside the
/// braces, and a space, a Chinese character or nothing before them. Any other braces (`{周六上午}`,
/// `{Saturday}`, `{width=3}`) are the editor's words and stay in the heading.
pub fn split_attributes(text: &str) -> Option<(&str, Attributes)> {
    let trimmed = text.trim_end();
    let inner_end = trimmed.strip_suffix('}')?;
    let open = inner_end.rfind('{')?;
    let before = &trimmed[..open];
    // Chinese puts no space before it (`## 活动安排{#schedule}`); Latin text needs one, as in
    // Pandoc, so `a{#x}` stays the editor's words.
    let glued_to_chinese = before.chars().next_back().is_some_and(super::cjk::is_wide);
    if !(before.is_empty() || before.ends_with([' ', '\t']) || glued_to_chinese) {
        return None;
    }
    let mut attributes = Attributes::default();
    let mut words = 0;
    for word in inner_end[open + 1..]
        .split([' ', '\t'])
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if let Some(id) = word.strip_prefix('#') {
            if attributes.id.is_some() || !is_name(id, true) {
                return None;
            }
            attributes.id = Some(id.to_string());
        } else if let Some(class) = word.strip_prefix('.') {
            if !is_name(class, false) {
                return None;
            }
            attributes.classes.push(class.to_string());
        } else {
            return None;
        }
    }
    (words > 0).then(|| (before.trim_end(), attributes))
}

/// Letters and digits of any script, `-` and `_` (and for ids `:` and `.`), not empty.
fn is_name(name: &str, id: bool) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || (id && (c == ':' || c == '.')))
}

/// The ids used on one page. A repeated id gets the next free `-1`, `-2`, …; each base remembers
/// its last suffix, so 40,000 identical headings cost linear time, not quadratic.
#[derive(Debug, Default)]
pub struct Ids {
    used: HashSet<String>,
    next_suffix: HashMap<String, usize>,
}

impl Ids {
    /// Keep `id` for an element Civic adds itself (footnotes), so no heading takes it.
    pub fn reserve(&mut self, id: &str) {
        self.used.insert(id.to_string());
    }

    pub fn unique(&mut self, base: String) -> String {
        if !self.used.contains(&base) {
            self.used.insert(base.clone());
            return base;
        }
        let next = self.next_suffix.entry(base.clone()).or_insert(1);
        loop {
            let candidate = format!("{base}-{next}");
            *next += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_strict_form_is_an_attribute() {
        let (text, attrs) = split_attributes("活动安排 {#schedule .wide}").expect("strict form");
        assert_eq!(text, "活动安排");
        assert_eq!(attrs.id.as_deref(), Some("schedule"));
        assert_eq!(attrs.classes, ["wide"]);
        let (text, attrs) = split_attributes("活动安排{#schedule}").expect("glued to Chinese");
        assert_eq!((text, attrs.id.as_deref()), ("活动安排", Some("schedule")));
        for kept in [
            "活动安排 {周六上午}",
            "Schedule {Saturday}",
            "Size {width=3}",
            "a{#x}",
            "x {#a #b}",
            "x {}",
            "x {#}",
            "x {# a}",
        ] {
            assert_eq!(split_attributes(kept), None, "{kept}");
        }
    }

    #[test]
    fn repeated_ids_get_suffixes_that_never_collide() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique("a".into()), "a");
        assert_eq!(ids.unique("a-1".into()), "a-1");
        assert_eq!(ids.unique("a".into()), "a-2");
        assert_eq!(ids.unique("a".into()), "a-3");
        ids.reserve("fn-1");
        assert_eq!(ids.unique("fn-1".into()), "fn-1-1");
    }
}
