//! Traditional → simplified for the characters the vocabulary and place rules use
//! (`rules/t2s.txt`): step 4 of the normalizer, and how a site's own rule file may be written in
//! either script.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Traditional → simplified for the characters the rules use (`rules/t2s.txt`).
pub fn simplify(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    struct T2s {
        /// One bit per BMP character: set when it is a key of `map` (skips the hash lookup
        /// for the vast majority of characters, which are not traditional).
        bmp: Vec<u64>,
        map: HashMap<char, char>,
    }
    static MAP: OnceLock<T2s> = OnceLock::new();
    let t2s = MAP.get_or_init(|| {
        let map: HashMap<char, char> = include_str!("rules/t2s.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .filter_map(|pair| {
                let mut cs = pair.chars();
                Some((cs.next()?, cs.next()?))
            })
            .collect();
        let mut bmp = vec![0u64; 0x10000 / 64];
        for &k in map.keys() {
            let k = k as usize;
            if let Some(w) = bmp.get_mut(k / 64) {
                *w |= 1 << (k % 64);
            }
        }
        T2s { bmp, map }
    });
    let i = c as usize;
    if let Some(w) = t2s.bmp.get(i / 64) {
        if w & (1 << (i % 64)) == 0 {
            return c;
        }
    }
    t2s.map.get(&c).copied().unwrap_or(c)
}
