//! The catalogue: one Fluent bundle per language, built from the `.ftl` files compiled into the
//! binary. It is read-only data, built once on first use like a compiled regex.

use super::{Arg, Lang, Text};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The catalogue's files, named once for both languages: `zh-CN/NAME.ftl` and `en/NAME.ftl`.
macro_rules! catalogue_files {
    ($($name:literal),* $(,)?) => {
        &[$(
            (Lang::Zh, concat!("zh-CN/", $name, ".ftl"), include_str!(concat!("zh-CN/", $name, ".ftl"))),
            (Lang::En, concat!("en/", $name, ".ftl"), include_str!(concat!("en/", $name, ".ftl"))),
        )*]
    };
}

/// Every `.ftl` file of the catalogue: (language, file name, text). A message may live in any
/// file of its language; the split is by the part of Civic that speaks.
pub const CATALOGUE_SOURCES: &[(Lang, &str, &str)] = catalogue_files!(
    "civic",
    "cli",
    "content",
    "config",
    "guard",
    "integrity",
    "markdown",
    "new",
    "translations",
    "output",
    "render",
    "site",
    "inspect",
    "review",
    "publish",
    "desk",
);

pub struct Catalogue {
    zh: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

impl Catalogue {
    pub fn builtin() -> &'static Catalogue {
        static BUILTIN: OnceLock<Catalogue> = OnceLock::new();
        BUILTIN.get_or_init(Catalogue::load)
    }

    fn load() -> Catalogue {
        let mut zh = bundle("zh-CN");
        let mut en = bundle("en");
        for (lang, _, text) in CATALOGUE_SOURCES {
            // A syntax error in a catalogue file is caught by this module's tests; what parses
            // is still used, so one bad entry cannot silence the others.
            let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
            let target = match lang {
                Lang::Zh => &mut zh,
                Lang::En => &mut en,
            };
            let _ = target.add_resource(resource);
        }
        Catalogue { zh, en }
    }

    fn bundle_for(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// `text` in `lang`'s words. A key missing from `lang` falls back to the other language, and
    /// one missing from both shows its key and values, so a gap in the catalogue never hides a
    /// problem from the person reading it.
    pub fn format(&self, text: &Text, lang: Lang) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &text.args {
            let value = match value {
                Arg::Verbatim(s) => FluentValue::from(s.clone()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Text(inner) => FluentValue::from(self.format(inner, lang)),
            };
            args.set(*name, value);
        }
        for lang in [lang, lang.other()] {
            let bundle = self.bundle_for(lang);
            let Some(pattern) = bundle.get_message(text.key).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&args), &mut errors)
                .into_owned();
        }
        let values: Vec<String> = text
            .args
            .iter()
            .map(|(n, v)| format!("{n}={v:?}"))
            .collect();
        format!("{} {}", text.key, values.join(" "))
    }
}

fn bundle(code: &str) -> FluentBundle<FluentResource> {
    let id = code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks are for right-to-left scripts; in a terminal they show as stray characters.
    bundle.set_use_isolating(false);
    bundle
}
