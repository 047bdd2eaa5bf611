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

/// A Chinese character, or punctuation that ends a sentence or clause: a bare URL never
/// continues past it (`见https://www.gov.cn/。` and `登录www.gov.cn查询` link the address alone).
/// An address with Chinese in it is written `<https://…>`.
pub fn ends_bare_link(c: char) -> bool {
    is_wide(c)
        || matches!(
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

/// Whether `line` starts with a Chinese item number: `一、` `十二、`, `（一）` `(三)` `（1）`,
/// `1、` `１、`, or a circled or parenthesized number `①` `⑴`.
pub fn is_numbering(line: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十百零〇";
    let numeral =
        |c: char| NUMERALS.contains(c) || c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if ('\u{2460}'..='\u{2487}').contains(&first) || ('\u{3251}'..='\u{325F}').contains(&first) {
        return true;
    }
    let rest: String = chars.collect();
    match first {
        '（' | '(' => {
            let inner = rest.trim_start_matches(numeral);
            inner.len() < rest.len() && inner.starts_with(['）', ')'])
        }
        c if numeral(c) => rest.trim_start_matches(numeral).starts_with('、'),
        _ => false,
    }
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

    #[test]
    fn chinese_item_numbers() {
        for yes in [
            "一、总体要求",
            "十二、附则",
            "（一）目标",
            "(三)措施",
            "（1）",
            "1、报名",
            "１、报名",
            "①第一",
            "⑴其一",
        ] {
            assert!(is_numbering(yes), "{yes}");
        }
        for no in ["一些人", "（注）", "2024年", "(a)", "一", "1.5"] {
            assert!(!is_numbering(no), "{no}");
        }
    }
}
