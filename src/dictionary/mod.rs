//! jieba's Chinese dictionary (`jieba-dict.txt`, MIT licence, see README.md): word, frequency
//! and part of speech per line. Search segments text with it; the guard reads its place names
//! (`ns`) to tell a real foreign place from a function word before 市人民政府.

include_flate::flate!(static DICTIONARY: str from "src/dictionary/jieba-dict.txt");

/// The whole dictionary, one `word frequency tag` entry per line. Stored compressed (a third of
/// its size in the binary) and inflated on the first call.
pub fn jieba() -> &'static str {
    &DICTIONARY
}

/// The words jieba tags as place names (`ns`): 杭州, 江宁区, 澳门, ….
pub fn place_names() -> impl Iterator<Item = &'static str> {
    jieba().lines().filter_map(|line| {
        let mut fields = line.split(' ');
        let word = fields.next()?;
        (fields.nth(1)? == "ns").then_some(word)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn place_names_are_read_from_the_tags() {
        let places: Vec<&str> = super::place_names().collect();
        assert!(places.contains(&"杭州") && places.contains(&"江宁区"));
        assert!(!places.contains(&"或者") && !places.contains(&"四条"));
    }
}
