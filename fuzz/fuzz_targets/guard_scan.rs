//! Every guard scanner and the sanitizer on arbitrary text: no panic, valid positions.
#![no_main]

use civic::guard::{Guard, GuardConfig, sanitize};
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

fn guard() -> &'static Guard {
    static G: OnceLock<Guard> = OnceLock::new();
    G.get_or_init(|| {
        let cfg = GuardConfig {
            link_allowlist: vec!["*.minghu.example.cn".into()],
            allow_words: vec!["明湖发布".into()],
            ..GuardConfig::default()
        };
        let city = ["明湖市".to_string(), "湖滨区".to_string(), "Minghu City".to_string()];
        Guard::new(&cfg, Path::new("."), &city, &["wenming.minghu.example.cn".into()])
            .expect("the built-in rules compile")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let g = guard();
    let lines = s.split('\n').count();
    let scripts = ["/js/elder.js".to_string()];
    for f in g
        .scan_source(s)
        .into_iter()
        .chain(g.scan_html(s))
        .chain(g.scan_template(s, &scripts))
        .chain(g.scan_script(s))
    {
        assert!(f.line >= 1 && f.line <= lines && f.column >= 1);
    }
    let (clean, _) = sanitize(s, &["video".to_string()]);
    // Whatever went in, the sanitized body holds no live script: scanning it finds none.
    assert!(!clean.contains("<script"));
});
