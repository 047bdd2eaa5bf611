//! Interface strings: the theme's `i18n/{zh-CN,en}.yaml`, overridable key by key in site.yaml.
//! Both languages must define the same keys, so a string missing in English fails the build
//! instead of showing Chinese (or nothing) to an English reader.

use crate::config::SiteConfig;
use crate::error::{Failed, Problem};
use crate::lang::Lang;
use crate::render::theme::Theme;
use crate::yaml;
use std::collections::BTreeMap;

pub type Strings = BTreeMap<String, String>;

pub fn load(theme: &Theme, config: &SiteConfig) -> Result<BTreeMap<Lang, Strings>, Failed> {
    let mut problems = Vec::new();
    let mut all = BTreeMap::new();
    for lang in Lang::ALL {
        let Some(theme_file) = theme.i18n(lang.code()) else {
            problems.push(
                Problem::error(
                    "i18n",
                    crate::text!("render-i18n-missing-file", lang = lang.code()),
                )
                .help(crate::text!("render-i18n-missing-file-help")),
            );
            continue;
        };
        let file = theme_file.origin.clone();
        let text = String::from_utf8_lossy(&theme_file.bytes);
        let mut strings: Strings = match yaml::parse(&text) {
            Ok(s) => s,
            Err(e) => {
                let mut p = Problem::error("i18n", e.message)
                    .in_file(&file)
                    .at(e.line, e.column)
                    .with_source(&text.as_ref().into());
                p.help = e.help.map(Into::into);
                problems.push(p);
                continue;
            }
        };
        if let Some(overrides) = config.i18n.get(&lang) {
            for (key, value) in overrides {
                if !strings.contains_key(key) {
                    let mut p = Problem::error(
                        "i18n-unknown-key",
                        crate::text!("render-i18n-unknown-key", key = key),
                    )
                    .in_file(crate::config::CONFIG_FILE)
                    .help(crate::text!("render-i18n-unknown-key-help"))
                    .with_source(&config.source);
                    if let Some(line) = yaml::key_line(&config.source, key) {
                        p = p.at_line(line);
                    }
                    problems.push(p);
                }
                strings.insert(key.clone(), value.clone());
            }
        }
        all.insert(lang, strings);
    }
    if let (Some(zh), Some(en)) = (all.get(&Lang::Zh), all.get(&Lang::En)) {
        for (missing_in, have, lacking) in [(Lang::En, zh, en), (Lang::Zh, en, zh)] {
            for key in have.keys().filter(|k| !lacking.contains_key(*k)) {
                problems.push(
                    Problem::error(
                        "i18n-missing",
                        crate::text!(
                            "render-i18n-missing-key",
                            key = key,
                            lang = missing_in.to_string()
                        ),
                    )
                    .in_file(
                        theme
                            .i18n(missing_in.code())
                            .map_or(String::new(), |f| f.origin.clone()),
                    )
                    .help(crate::text!("render-i18n-missing-key-help", key = key)),
                );
            }
        }
    }
    if problems.is_empty() {
        Ok(all)
    } else {
        Err(Failed(problems))
    }
}
