//! The guard's normalizer on arbitrary text: no panic, origins inside the input on character
//! boundaries, output compact and idempotent.
#![no_main]

use civic::guard::normalize::{normalize, normalized_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let n = normalize(s);
    for (i, c) in n.text.char_indices() {
        let (a, b) = n.origin_of(i, i + c.len_utf8());
        assert!(a <= b && b <= s.len() && s.is_char_boundary(a) && s.is_char_boundary(b));
    }
    assert!(n.text.chars().all(char::is_alphanumeric));
    assert_eq!(normalized_text(&n.text), n.text);
});
