//! Front matter on arbitrary input: splitting, YAML into every raw shape, personal-number scan.
//! Any input must end in a value or an error, never a panic.
#![no_main]

use civic::content::frontmatter::{RawPage, RawSection, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The personal-number scan moved to the inspection (issue 26).
    let _ = civic::inspect::personal::find(text);
    let yaml = match split(text) {
        Ok(s) => s.yaml,
        Err(_) => text,
    };
    let _ = civic::yaml::parse::<RawPage>(yaml);
    let _ = civic::yaml::parse::<RawSection>(yaml);
    let _ = civic::content::date::PubDate::parse(yaml);
});
