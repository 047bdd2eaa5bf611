//! An English twin that leaves out a field the Chinese page shows (`honors`, `quote`, …): the
//! field does not carry over — it is words to translate, or the twin's own — so the English page
//! silently lacked it. Each such field is a warning on the twin, naming the field.

use super::Source;
use super::frontmatter::{KEYS, RawPage, Twin};
use crate::error::Problem;

/// Keys a twin does not inherit but that need not be repeated: the title is required anyway,
/// the summary falls back to the body's start, and aliases, `extra` and the source hash are
/// each file's own business.
const NOT_SHOWN: &[&str] = &["title", "summary", "aliases", "extra", "source_hash"];

/// Warnings for the fields `zh` sets that its English twin `en` leaves out.
pub(super) fn dropped(
    en: &RawPage,
    en_source: &Source,
    zh: &RawPage,
    zh_file: &str,
) -> Vec<Problem> {
    let has = en.keys_present();
    zh.keys_present()
        .into_iter()
        .filter(|key| !has.contains(key) && !NOT_SHOWN.contains(key))
        .filter(|key| {
            KEYS.iter()
                .any(|k| k.name == *key && k.twin != Twin::Inherits)
        })
        .map(|key| {
            Problem::warning(
                "twin-missing-field",
                crate::text!("content-twin-missing-field", key = key, zh = zh_file),
            )
            .in_file(&en_source.file)
            .with_source(&en_source.text)
            .at_line(en_source.yaml_line)
            .help(crate::text!("content-twin-missing-field-help", key = key))
        })
        .collect()
}
