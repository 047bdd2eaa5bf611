//! Files published as they are (a content folder's attachments, a site's `static/` files): each
//! is scanned by the rules for its type, or refused by its type. A page written in HTML or an
//! SVG can carry spam, hidden links and scripts as well as Markdown can; a script or a server
//! file in `content/` has no business on a civic portal.

use super::{Finding, Guard, Rule, Severity, finding_at};
use crate::messages::Text;
use crate::text;

/// What the guard does with a published file, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// HTML or SVG: markup, scanned like a rendered page.
    Markup,
    /// JavaScript: scanned for sniffing, redirects and obfuscation; refused in `content/`.
    Script,
    /// Netlify/Cloudflare `_redirects`: every target goes through the link rules.
    Redirects,
    /// Style sheets: every `url(…)` and `@import` goes through the link rules.
    Style,
    /// Plain text, XML, JSON, CSV: spam words and links.
    Text,
    /// Images, documents, media and fonts: published as they are.
    Binary,
    /// Anything a web server might execute or treat specially: never published.
    Refused,
}

const BINARY: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "avif", "ico", "bmp", "pdf", "doc", "docx", "xls", "xlsx",
    "ppt", "pptx", "odt", "ods", "odp", "wps", "mp3", "mp4", "m4a", "webm", "ogg", "wav", "woff",
    "woff2", "ttf", "otf", "zip",
    // Photos the image stage re-encodes or refuses with its own advice (export as JPEG).
    "heic", "heif", "tif", "tiff", "dng",
];

impl FileKind {
    pub fn of(name: &str) -> FileKind {
        let file = name.rsplit('/').next().unwrap_or(name);
        if file == "_redirects" {
            return FileKind::Redirects;
        }
        if file == "_headers" {
            return FileKind::Refused; // would replace the site's security headers
        }
        let ext = file
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "html" | "htm" | "xhtml" | "svg" => FileKind::Markup,
            "js" | "mjs" => FileKind::Script,
            "css" => FileKind::Style,
            "txt" | "xml" | "json" | "csv" | "md" | "yaml" | "yml" => FileKind::Text,
            e if BINARY.contains(&e) => FileKind::Binary,
            _ => FileKind::Refused,
        }
    }
}

impl Guard {
    /// Findings for a file published as it is. `from_content`: it lies in `content/`, where
    /// scripts are refused (a site's own script belongs in `static/js/`).
    pub fn scan_published(&self, name: &str, bytes: &[u8], from_content: bool) -> Vec<Finding> {
        let kind = FileKind::of(name);
        let text = String::from_utf8_lossy(bytes);
        match kind {
            FileKind::Markup => self.scan_html(&text),
            FileKind::Script if from_content => {
                let mut out = vec![refusal(
                    &text,
                    text!("guard-script-in-content"),
                    text!("guard-script-in-content-help"),
                )];
                out.extend(self.scan_script(&text));
                out
            }
            FileKind::Script => self.scan_script(&text),
            FileKind::Redirects => self.scan_redirects(&text),
            FileKind::Style => self.scan_style(&text),
            FileKind::Text => self.scan_plain_text(&text),
            FileKind::Binary => Vec::new(),
            FileKind::Refused => vec![refusal(
                &text,
                text!("guard-refused-file"),
                text!("guard-refused-file-help"),
            )],
        }
    }

    /// A link of site.yaml (a menu entry): the link rules of a page apply.
    pub fn check_config_link(&self, url: &str) -> Option<Finding> {
        let (rule, severity, message) = self.links.check(url)?;
        let mut f = finding_at(url, 0, url.len(), rule, severity, message);
        f.help = Some(text!("guard-menu-link-help"));
        Some(f)
    }

    fn scan_redirects(&self, text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let target = line
                .split('#')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .nth(1);
            if let Some(target) = target {
                let start = at + line.find(target).unwrap_or(0);
                if let Some((rule, severity, message)) = self.links.check(target) {
                    out.push(finding_at(
                        text,
                        start,
                        start + target.len(),
                        rule,
                        severity,
                        message,
                    ));
                }
            }
            at += line.len();
        }
        out
    }

    fn scan_style(&self, text: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, _) in text
            .match_indices("url(")
            .chain(text.match_indices("@import"))
        {
            let rest = &text[i..];
            let url = rest
                .split(['(', ' ', '"', '\''])
                .filter(|s| !s.is_empty())
                .nth(1)
                .unwrap_or("")
                .trim_end_matches([')', ';', '"', '\'']);
            if let Some((rule, severity, message)) = self.links.check(url) {
                out.push(finding_at(
                    text,
                    i,
                    i + rest.len().min(80),
                    rule,
                    severity,
                    message,
                ));
            }
        }
        out
    }

    fn scan_plain_text(&self, text: &str) -> Vec<Finding> {
        let nowhere = |_: usize| None;
        let norm = super::normalize::normalize(text);
        let urls = super::links::urls_in_text(text);
        let page = super::assess::Where {
            placement: &nowhere,
            reported: false,
        };
        self.judge(text, &norm, super::Words::Read(page), Vec::new(), urls)
    }
}

fn refusal(text: &str, message: Text, help: Text) -> Finding {
    let mut f = finding_at(text, 0, 0, Rule::Script, Severity::Error, message);
    f.help = Some(help);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name() {
        assert_eq!(FileKind::of("news/x.html"), FileKind::Markup);
        assert_eq!(FileKind::of("a/logo.SVG"), FileKind::Markup);
        assert_eq!(FileKind::of("go.js"), FileKind::Script);
        assert_eq!(FileKind::of("_redirects"), FileKind::Redirects);
        assert_eq!(FileKind::of("x/_headers"), FileKind::Refused);
        assert_eq!(FileKind::of("shell.php"), FileKind::Refused);
        assert_eq!(FileKind::of("noextension"), FileKind::Refused);
        assert_eq!(FileKind::of("photo.JPG"), FileKind::Binary);
    }
}
