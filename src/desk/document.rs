//! A page's file as the desk's form shows it: the front matter's one-line fields, and the body.
//! Saving changes only the lines of the fields that changed and the body; every other byte
//! (comments, key order, lists, quoting, line endings) stays as the editor or a text editor
//! wrote it, so a file saved unchanged is byte-identical.

/// A line of the front matter.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Line {
    /// `key: value`, a one-line scalar the form can edit.
    Field {
        key: String,
        value: String,
        raw: String,
    },
    /// Anything else (comments, lists, nested maps, block scalars): kept as written.
    Other(String),
}

#[derive(Clone, Debug)]
pub struct Document {
    /// `---` and its line ending, or empty when the file has no front matter.
    open: String,
    front: Vec<Line>,
    /// The closing `---` line.
    close: String,
    pub body: String,
    /// The file's line ending: a browser sends `\r\n`, the file keeps its own.
    crlf: bool,
}

/// A field the form shows: its key, its value as text, and its line in the file (1-based).
pub struct FieldView<'a> {
    pub key: &'a str,
    pub value: &'a str,
    pub line: usize,
}

impl Document {
    pub fn parse(text: &str) -> Document {
        let crlf = text.contains("\r\n");
        let mut lines = text.split_inclusive('\n');
        let first = lines.clone().next().unwrap_or("");
        if first.trim_end() != "---" {
            return Document::plain(text, crlf);
        }
        lines.next();
        let mut front = Vec::new();
        let mut consumed = first.len();
        let rest: Vec<&str> = lines.collect();
        for (i, line) in rest.iter().enumerate() {
            consumed += line.len();
            if line.trim_end() == "---" {
                return Document {
                    open: first.to_string(),
                    front: classify(&front, &rest[i..]),
                    close: line.to_string(),
                    body: text[consumed..].to_string(),
                    crlf,
                };
            }
            front.push(*line);
        }
        Document::plain(text, crlf)
    }

    fn plain(text: &str, crlf: bool) -> Document {
        Document {
            open: String::new(),
            front: Vec::new(),
            close: String::new(),
            body: text.to_string(),
            crlf,
        }
    }

    /// The editable fields, in file order.
    pub fn fields(&self) -> Vec<FieldView<'_>> {
        let mut out = Vec::new();
        for (i, line) in self.front.iter().enumerate() {
            if let Line::Field { key, value, .. } = line {
                out.push(FieldView {
                    key,
                    value,
                    line: i + 2,
                });
            }
        }
        out
    }

    /// The value of field `key`, if the front matter has it as a one-line field.
    pub fn value(&self, key: &str) -> Option<&str> {
        self.fields()
            .into_iter()
            .find(|f| f.key == key)
            .map(|f| f.value)
    }

    /// The lines the form does not edit (lists, comments), as written.
    pub fn other_lines(&self) -> String {
        self.front
            .iter()
            .filter_map(|l| match l {
                Line::Other(raw) => Some(raw.as_str()),
                Line::Field { .. } => None,
            })
            .collect()
    }

    /// The file with `values` (by key) and `body` put in; unchanged fields keep their bytes.
    pub fn with_changes(&self, values: &dyn Fn(&str) -> Option<String>, body: &str) -> String {
        let newline = if self.crlf { "\r\n" } else { "\n" };
        let mut out = self.open.clone();
        for line in &self.front {
            match line {
                Line::Field { key, value, raw } => match values(key) {
                    Some(new) if new.trim() != value.trim() => {
                        out.push_str(&format!("{key}: {}{newline}", encode(new.trim(), value)));
                    }
                    _ => out.push_str(raw),
                },
                Line::Other(raw) => out.push_str(raw),
            }
        }
        out.push_str(&self.close);
        let body = body.replace("\r\n", "\n");
        if body == self.body.replace("\r\n", "\n") {
            out.push_str(&self.body);
        } else if self.crlf {
            out.push_str(&body.replace('\n', "\r\n"));
        } else {
            out.push_str(&body);
        }
        out
    }
}

impl Document {
    /// The file with field `key` set to `value` as an editor would set it by hand: its line
    /// changed when it is there, a commented-out `# key: …` line of the skeleton written as
    /// the field, or else a new line at the end of the front matter. Every other byte is kept.
    pub fn with_field(&self, key: &str, value: &str) -> Option<String> {
        if self.open.is_empty() {
            return None;
        }
        let mut doc = self.clone();
        let newline = if self.crlf { "\r\n" } else { "\n" };
        let line = format!("{key}: {}{newline}", encode(value.trim(), ""));
        let present = doc
            .front
            .iter()
            .any(|l| matches!(l, Line::Field { key: k, .. } if k == key));
        if !present {
            let commented = doc.front.iter().position(|l| {
                matches!(l, Line::Other(raw) if raw.trim_start_matches(['#', ' ']).starts_with(&format!("{key}:")))
            });
            match commented {
                Some(i) => doc.front[i] = Line::Other(line),
                None => doc.front.push(Line::Other(line)),
            }
            return Some(doc.with_changes(&|_| None, &self.body));
        }
        Some(doc.with_changes(&|k| (k == key).then(|| value.to_string()), &self.body))
    }
}

/// The English alternative text of a picture uploaded before the page had an English twin,
/// kept as a comment under the Chinese one (`# photo_alt (English): …`) until the twin is made.
pub fn english_note(alt_key: &str) -> String {
    format!("# {alt_key} (English): ")
}

impl Document {
    /// The file with `# note` written under field `key` (a comment, kept like any other).
    pub fn with_note_after(&self, key: &str, note: &str) -> String {
        let mut doc = self.clone();
        let newline = if self.crlf { "\r\n" } else { "\n" };
        let note = note.replace(['\r', '\n'], " ");
        let at = doc
            .front
            .iter()
            .position(|l| matches!(l, Line::Field { key: k, .. } if k == key));
        let line = Line::Other(format!("{note}{newline}"));
        match at {
            Some(i) => doc.front.insert(i + 1, line),
            None => doc.front.push(line),
        }
        doc.with_changes(&|_| None, &self.body)
    }

    /// The text of the comment line starting with `prefix`, if the front matter has one.
    pub fn note(&self, prefix: &str) -> Option<&str> {
        self.front.iter().find_map(|l| match l {
            Line::Other(raw) => raw.strip_prefix(prefix).map(str::trim_end),
            Line::Field { .. } => None,
        })
    }
}

/// Which lines are one-line fields: `key: value` at the left margin, not followed by indented
/// lines that belong to it (a list or a map under the key).
fn classify(lines: &[&str], after: &[&str]) -> Vec<Line> {
    // A list item (`- x`) or an indented line belongs to the key above; the closing `---` not.
    let indented = |l: Option<&&str>| {
        l.is_some_and(|l| l.starts_with([' ', '\t']) || l.starts_with("- ") || l.trim_end() == "-")
    };
    lines
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            let next = lines.get(i + 1).or(after.first());
            match field(raw) {
                Some((key, value)) if !indented(next) => Line::Field {
                    key,
                    value,
                    raw: raw.to_string(),
                },
                _ => Line::Other(raw.to_string()),
            }
        })
        .collect()
}

/// `key: value` as a key and the value's text, for plain and quoted one-line scalars only.
fn field(raw: &str) -> Option<(String, String)> {
    let line = raw.trim_end_matches(['\n', '\r']);
    let (key, rest) = line.split_once(':')?;
    let key_ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !key_ok || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let v = rest.trim();
    if v.starts_with(['[', '{', '|', '>', '&', '*', '!']) {
        return None;
    }
    if let Some(inner) = v.strip_prefix('"') {
        let decoded: String = serde_json::from_str(&format!("\"{}", inner)).ok()?;
        return Some((key.to_string(), decoded));
    }
    if let Some(inner) = v.strip_prefix('\'').and_then(|i| i.strip_suffix('\'')) {
        return Some((key.to_string(), inner.replace("''", "'")));
    }
    if v.contains(" #") {
        return None;
    }
    Some((key.to_string(), v.to_string()))
}

/// `new` as YAML: plain when that reads back the same and the old value was plain too, else
/// double-quoted (JSON's escapes are YAML's).
fn encode(new: &str, old: &str) -> String {
    let special = new.is_empty()
        || new.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`',
        ])
        || new.contains(": ")
        || new.contains(" #")
        || new.ends_with(':')
        || new.contains(['\n', '\r', '\t']);
    let typed = |s: &str| {
        matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "null" | "~" | "on" | "off"
        ) || s.parse::<f64>().is_ok()
    };
    if special || (typed(new) && !typed(old)) {
        serde_json::to_string(new).unwrap_or_else(|_| format!("\"{new}\""))
    } else {
        new.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "---\n# 编辑：王\ntitle: \"李梅：三十年\"\ndate: 2026-11-20\ntags:\n  - 志愿\nsummary: 一句话\n---\n\n正文。\n";

    #[test]
    fn unchanged_is_byte_identical_and_fields_are_read() {
        let d = Document::parse(PAGE);
        let keys: Vec<&str> = d.fields().iter().map(|f| f.key).collect();
        assert_eq!(keys, ["title", "date", "summary"]);
        assert_eq!(d.value("title"), Some("李梅：三十年"));
        let same = d.with_changes(
            &|k| d.value(k).map(str::to_string),
            &d.body.replace('\n', "\r\n"),
        );
        assert_eq!(same, PAGE);
    }

    #[test]
    fn only_the_changed_line_and_the_body_change() {
        let d = Document::parse(PAGE);
        let out = d.with_changes(
            &|k| (k == "summary").then(|| "新的: 一句话".to_string()),
            "\n新正文。\n",
        );
        assert_eq!(
            out,
            "---\n# 编辑：王\ntitle: \"李梅：三十年\"\ndate: 2026-11-20\ntags:\n  - 志愿\nsummary: \"新的: 一句话\"\n---\n\n新正文。\n"
        );
    }

    #[test]
    fn a_field_is_set_where_the_skeleton_comments_it_or_added_at_the_end() {
        let d = Document::parse("---\ntitle: 甲\n# photo: x.jpg\n---\n正文\n");
        let set = d.with_field("photo", "jia.jpg").expect("front matter");
        assert_eq!(set, "---\ntitle: 甲\nphoto: jia.jpg\n---\n正文\n");
        let d = Document::parse(&set);
        let alt = d
            .with_field("photo_alt", "甲在夜校: 上课")
            .expect("front matter");
        assert_eq!(
            alt,
            "---\ntitle: 甲\nphoto: jia.jpg\nphoto_alt: \"甲在夜校: 上课\"\n---\n正文\n"
        );
        let again = Document::parse(&alt)
            .with_field("photo", "yi.jpg")
            .expect("fm");
        assert!(again.contains("photo: yi.jpg\nphoto_alt"));
        assert!(
            Document::parse("只有正文\n")
                .with_field("photo", "a.jpg")
                .is_none()
        );
    }

    #[test]
    fn crlf_files_keep_crlf_and_files_without_front_matter_are_all_body() {
        let d = Document::parse("---\r\ntitle: 甲\r\n---\r\n正文\r\n");
        assert_eq!(d.value("title"), Some("甲"));
        assert_eq!(
            d.with_changes(&|_| Some("乙".into()), "正文\n"),
            "---\r\ntitle: 乙\r\n---\r\n正文\r\n"
        );
        let plain = Document::parse("只有正文\n");
        assert!(plain.fields().is_empty());
        assert_eq!(plain.with_changes(&|_| None, "只有正文\n"), "只有正文\n");
    }
}
