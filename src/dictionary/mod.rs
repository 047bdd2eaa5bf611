//! jieba's Chinese dictionary (`jieba-dict.txt`, MIT licence, see README.md): word, frequency
//! and part of speech per line. Search segments text with it; the guard reads its place names
//! (`ns`) to tell a real foreign place from a function word before 市人民政府.

/// The whole dictionary, one `word frequency tag` entry per line.
pub const JIEBA: &str = include_str!("jieba-dict.txt");

/// The words jieba tags as place names (`ns`): 杭州, 江宁区, 澳门, ….
pub fn place_names() -> impl Iterator<Item = &'static str> {
    JIEBA.lines().filter_map(|line| {
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
