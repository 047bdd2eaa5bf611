//! Property tests for the guard: the normalizer's invariants, and no panic from any scanner on
//! any input (the stable-toolchain stand-in for the cargo-fuzz targets in `fuzz/`).

use civic::guard::normalize::{normalize, normalized_text};
use civic::guard::{Guard, GuardConfig, sanitize};
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

fn guard() -> &'static Guard {
    static G: OnceLock<Guard> = OnceLock::new();
    G.get_or_init(|| {
        let cfg = GuardConfig {
            link_allowlist: vec!["*.minghu.example.cn".into()],
            ..GuardConfig::default()
        };
        Guard::new(
            &cfg,
            Path::new("."),
            &["明湖市".into(), "湖滨区".into()],
            &[],
        )
        .expect("guard builds")
    })
}

/// Strings made of the pieces attackers and HTML use, so the generator reaches deep paths.
fn tricky() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<".to_string()),
        Just(">".to_string()),
        Just("</a>".to_string()),
        Just("<a href=\"https://x.top/\">".to_string()),
        Just("<div style=\"display:none\">".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<style>".to_string()),
        Just("&#".to_string()),
        Just("&#x".to_string()),
        Just("&amp;".to_string()),
        Just(";".to_string()),
        Just("%E5".to_string()),
        Just("%".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{202e}".to_string()),
        Just("博彩".to_string()),
        Just("注册".to_string()),
        Just("送".to_string()),
        Just("，".to_string()),
        Just("市人民政府".to_string()),
        Just("{{".to_string()),
        Just("}}".to_string()),
        Just("{%".to_string()),
        Just("`".to_string()),
        Just("```\n".to_string()),
        Just("\n".to_string()),
        Just("---\n".to_string()),
        Just("\\x64".to_string()),
        Just("atob('".to_string()),
        Just("\u{301}".to_string()),
        Just("ｂｅｔ".to_string()),
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn normalizer_output_is_compact_lowercase_and_idempotent(s in "\\PC{0,64}") {
        let n = normalized_text(&s);
        prop_assert!(n.chars().all(char::is_alphanumeric), "{:?}", n);
        prop_assert_eq!(normalized_text(&n), n.clone());
    }

    #[test]
    fn origins_are_valid_ranges_of_the_input(s in tricky()) {
        let n = normalize(&s);
        for (i, _) in n.text.char_indices() {
            let (a, b) = n.origin_of(i, i + 1);
            prop_assert!(a <= b && b <= s.len());
            prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
        }
    }

    #[test]
    fn invisible_characters_change_nothing(s in "[\u{4e00}-\u{4e80}a-z0-9]{1,16}", zw in prop::sample::select(vec!['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}', '\u{202e}'])) {
        let spread: String = s.chars().flat_map(|c| [c, zw]).collect();
        prop_assert_eq!(normalized_text(&spread), normalized_text(&s));
    }

    #[test]
    fn full_width_and_entities_change_nothing(s in "[a-z0-9\u{4e00}-\u{4e80}]{1,16}") {
        let wide: String = s.chars().map(|c| if c.is_ascii() { char::from_u32(c as u32 + 0xfee0).unwrap_or(c) } else { c }).collect();
        let entities: String = s.chars().map(|c| format!("&#{};", c as u32)).collect();
        prop_assert_eq!(normalized_text(&wide), s.clone());
        prop_assert_eq!(normalized_text(&entities), s);
    }

    #[test]
    fn scanners_never_panic_and_positions_are_valid(s in tricky()) {
        let g = guard();
        let lines = s.split('\n').count();
        for f in g.scan_source(&s).into_iter()
            .chain(g.scan_html(&s))
            .chain(g.scan_template(&s, &["/js/elder.js".to_string()]))
            .chain(g.scan_script(&s))
        {
            prop_assert!(f.line >= 1 && f.line <= lines && f.column >= 1, "{f}");
        }
        let (clean, _) = sanitize(&s, &["video".to_string()]);
        prop_assert!(!clean.contains("<script"));
    }

    #[test]
    fn arbitrary_unicode_never_panics(s in "\\PC{0,200}") {
        let g = guard();
        let _ = g.scan_source(&s);
        let _ = g.scan_html(&s);
        let _ = g.scan_template(&s, &[]);
        let _ = g.scan_script(&s);
        let _ = sanitize(&s, &[]);
    }
}
