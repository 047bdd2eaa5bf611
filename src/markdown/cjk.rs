//! Which characters are Chinese (or Japanese) for line breaking and for ending a bare link.
//!
//! Chinese is written without spaces, so a line break an editor puts inside a sentence must not
//! become a space in the page (CSS Text 3 "segment break transformation", which browsers do not
//! implement). Hangul is not included: Korean puts spaces between words.

/// Wide East Asian letters and punctuation, without Hangul.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF      // CJK radicals, Kangxi radicals
        | 0x2FF0..=0x303F    // ideographic description, CJK symbols and punctuation (、。「」)
        | 0x3040..=0x30FF    // Hiragana, Katakana
        | 0x3100..=0x312F    // Bopomofo
        | 0x31A0..=0x31FF    // Bopomofo extended, CJK strokes, Katakana extensions
        | 0x3200..=0x33FF    // enclosed CJK, CJK compatibility
        | 0x3400..=0x4DBF    // extension A
        | 0x4E00..=0x9FFF    // unified ideographs
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFE10..=0xFE1F    // vertical forms
        | 0xFE30..=0xFE4F    // CJK compatibility forms
        | 0xFF00..=0xFF60    // full-width forms (，：（）！？)
        | 0xFFE0..=0xFFE6    // full-width signs (￥)
        | 0x20000..=0x3FFFF) // extensions B and later
}

/// Punctuation Chinese text shares with Western text (quotes, ellipsis, dash): it counts as
/// Chinese when the other side of a line break is Chinese.
fn is_shared_punctuation(c: char) -> bool {
    matches!(c, '‘' | '’' | '“' | '”' | '…' | '—' | '·')
}

/// A soft line break between `before` and `after` disappears rather than becoming a space.
pub fn break_vanishes(before: char, after: char) -> bool {
    (is_wide(before) && (is_wide(after) || is_shared_punctuation(after)))
        || (is_shared_punctuation(before) && is_wide(after))
}

/// Full-width punctuation that ends a sentence or clause: a bare URL never continues past it
/// (`见 https://www.gov.cn/。` links `https://www.gov.cn/`).
pub fn ends_bare_link(c: char) -> bool {
    matches!(
        c,
        '。' | '，'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '（'
            | '）'
            | '【'
            | '】'
            | '「'
            | '」'
            | '『'
            | '』'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '…'
            | '—'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_vanish_only_between_chinese() {
        assert!(break_vanishes('，', '遵'));
        assert!(break_vanishes('明', '”'));
        assert!(break_vanishes('”', '是'));
        assert!(!break_vanishes('a', '文'));
        assert!(!break_vanishes('d', 'w'));
        assert!(!break_vanishes('한', '국'));
    }
}
