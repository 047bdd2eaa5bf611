//! Code highlighting with syntect, emitting CSS classes (never inline styles) so a strict
//! Content-Security-Policy holds. The syntax set is loaded once per process.

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

pub const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

pub struct Highlighter {
    syntaxes: SyntaxSet,
}

impl Default for Highlighter {
    fn default() -> Self {
        Highlighter {
            syntaxes: SyntaxSet::load_defaults_newlines(),
        }
    }
}

/// A code block as HTML, and the length (in characters) of the line too long to highlight, when
/// one made the block fall back to plain text.
pub struct Block {
    pub html: String,
    pub long_line: Option<usize>,
}

/// The warning for a code block shown unhighlighted because of a long line.
pub fn long_line_warning(chars: usize, limit: usize, line: usize) -> crate::error::Problem {
    crate::error::Problem::warning(
        "long-code-line",
        crate::text!("markdown-long-code-line", chars = chars, limit = limit),
    )
    .at_line(line)
    .help(crate::text!("markdown-long-code-line-help"))
}

impl Highlighter {
    /// [`Highlighter::block`], unless a line is longer than `max_line` characters: highlighting
    /// such a line can take very long, so the block is shown as plain text instead.
    pub fn block_within(&self, code: &str, lang: &str, max_line: usize) -> Block {
        let longest = code
            .lines()
            .filter(|l| l.len() > max_line)
            .map(|l| l.chars().count())
            .max()
            .filter(|&n| n > max_line);
        match longest {
            Some(chars) if !is_plain(lang) => Block {
                html: self.block(code, "text"),
                long_line: Some(chars),
            },
            _ => Block {
                html: self.block(code, lang),
                long_line: None,
            },
        }
    }

    /// `<pre>` block for `code` in `lang` (a fence info string such as `rust` or `yaml`).
    pub fn block(&self, code: &str, lang: &str) -> String {
        let lang = lang.split([' ', ',', '{']).next().unwrap_or("").trim();
        let label = escape(lang);
        let syntax = if lang.is_empty() || lang == "text" || lang == "plain" {
            None
        } else {
            self.syntaxes.find_syntax_by_token(lang)
        };
        let inner = match syntax.and_then(|s| self.classed(code, s)) {
            Some(html) => html,
            None => escape(code),
        };
        if label.is_empty() {
            format!("<pre class=\"code\"><code>{inner}</code></pre>\n")
        } else {
            format!(
                "<pre class=\"code\" data-lang=\"{label}\"><code class=\"language-{label}\">{inner}</code></pre>\n"
            )
        }
    }

    fn classed(&self, code: &str, syntax: &syntect::parsing::SyntaxReference) -> Option<String> {
        let mut generator =
            ClassedHTMLGenerator::new_with_class_style(syntax, &self.syntaxes, CLASS_STYLE);
        for line in LinesWithEndings::from(code) {
            generator
                .parse_html_for_line_which_includes_newline(line)
                .ok()?;
        }
        Some(generator.finalize())
    }
}

/// No highlighting asked for: no language, or `text`/`plain`.
fn is_plain(lang: &str) -> bool {
    let lang = lang.split([' ', ',', '{']).next().unwrap_or("").trim();
    lang.is_empty() || lang == "text" || lang == "plain"
}

use crate::escape::markup as escape;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_with_classes_not_styles() {
        let h = Highlighter::default();
        let html = h.block("fn main() {}\n", "rust");
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="));
        let plain = h.block("<b>\n", "text");
        assert!(plain.contains("&lt;b&gt;"));
    }
}
