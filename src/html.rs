//! What the guard and search both need to know about HTML to read a page's text: which elements
//! end a run of text, and what a character reference stands for. Kept in one place so that the
//! text the guard scans for spam is cut and decoded as the text search indexes.

/// Elements that end a run of text: what the guard treats as a hard boundary, and search as a
/// line break when it reads a page's text.
pub const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "blockquote",
    "pre",
    "hr",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "title",
    "option",
    "details",
    "summary",
    "address",
    "form",
    "fieldset",
    "legend",
    "caption",
    "body",
    "head",
    "html",
    "img",
];

/// The character a reference at the start of `s` (`&name;`, `&#123;`, `&#x1F;`) stands for, and
/// the reference's length in bytes; `None` when `s` does not start with one, and the `&` is then
/// just an ampersand.
///
/// Read as a browser reads it, since that is what a visitor sees: a numeric reference needs no
/// final `;`, and one naming no character (zero, a surrogate, beyond Unicode) shows as U+FFFD.
/// A reference is all ASCII, so its length in bytes is also its length in characters.
pub fn reference(s: &str) -> Option<(char, usize)> {
    let body = s.strip_prefix('&')?;
    if let Some(number) = body.strip_prefix('#') {
        let (digits, radix, before) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, "&#x".len()),
            None => (number, 10, "&#".len()),
        };
        let len = digits.chars().take_while(|c| c.is_digit(radix)).count();
        // Eight digits already name more than Unicode holds; longer runs are read as those
        // eight (and so as U+FFFD) rather than overflowing.
        let code = u32::from_str_radix(digits.get(..len.min(8))?, radix).ok()?;
        let semicolon = usize::from(digits[len..].starts_with(';'));
        let ch = char::from_u32(code)
            .filter(|c| *c != '\0')
            .unwrap_or('\u{fffd}');
        return Some((ch, before + len + semicolon));
    }
    let name_len = body.chars().take_while(char::is_ascii_alphanumeric).count();
    if !body[name_len..].starts_with(';') {
        return None;
    }
    let ch = named(&body[..name_len])?;
    Some((ch, "&".len() + name_len + ";".len()))
}

/// Length of the longest reference [`reference`] decodes by name: how far to look ahead.
pub const LONGEST_NAMED: usize = "&NegativeMediumSpace;".len();

/// The named references that matter for reading text and for hiding it (a full table is not
/// needed: an unknown name is left as it is written, which hides nothing).
fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ensp" | "emsp" | "thinsp" => ' ',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "shy" => '\u{ad}',
        "NoBreak" => '\u{2060}',
        "ZeroWidthSpace" | "NegativeMediumSpace" | "NegativeThinSpace" => '\u{200b}',
        "InvisibleTimes" | "it" => '\u{2062}',
        "middot" | "centerdot" => '·',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "colon" => ':',
        "period" => '.',
        "comma" => ',',
        "sol" => '/',
        "lpar" => '(',
        "rpar" => ')',
        "Tab" => '\t',
        "NewLine" => '\n',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::reference;

    #[test]
    fn references_read_as_a_browser_reads_them() {
        assert_eq!(reference("&amp;x"), Some(('&', 5)));
        assert_eq!(reference("&#24425;"), Some(('彩', 8)));
        assert_eq!(reference("&#x5F69 more"), Some(('彩', 7)));
        assert_eq!(reference("&#XD800;"), Some(('\u{fffd}', 8)));
        assert_eq!(reference("&#0;"), Some(('\u{fffd}', 4)));
        assert_eq!(reference("&#99999999;"), Some(('\u{fffd}', 11)));
    }

    #[test]
    fn anything_else_is_an_ampersand() {
        for s in ["&", "& b", "&unknown;", "&amp", "&#;", "&#x;", "x&amp;"] {
            assert_eq!(reference(s), None, "{s}");
        }
    }
}
