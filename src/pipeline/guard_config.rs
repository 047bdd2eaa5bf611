//! site.yaml's published text through the guard (issue 24): its title, description, menu
//! labels, footer and identity stand in every page, so spam there is spam on every page. Each
//! text is scanned as plain text with the guard's public API; a finding names site.yaml and the
//! line the text is on.

use crate::config::{CONFIG_FILE, Localized, SiteConfig};
use crate::error::Problem;
use crate::guard::Guard;
use crate::guard::report::{finding_text, problem};

/// Every finding in site.yaml's published texts.
pub fn scan(guard: &Guard, config: &SiteConfig) -> Vec<Problem> {
    published_texts(config)
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .flat_map(|(field, text)| {
            // `.txt`: the guard's rules for plain published text (spam words and links).
            let findings = guard.scan_published("site.yaml.txt", text.as_bytes(), false);
            let line = line_of(&config.source, &text);
            findings.into_iter().map(move |f| {
                let message = crate::text!(
                    "guard-config-text",
                    field = field.clone(),
                    finding = finding_text(&f)
                );
                let p = problem(f, CONFIG_FILE, message);
                match line {
                    Some(line) => p.at_line(line),
                    None => p,
                }
            })
        })
        .collect()
}

/// The texts of site.yaml that pages show, each with the field it comes from.
fn published_texts(c: &SiteConfig) -> Vec<(String, String)> {
    let mut out = Vec::new();
    localized(&mut out, "title", &c.title);
    localized(&mut out, "description", &c.description);
    localized(&mut out, "city.name", &c.city.name);
    for d in &c.city.districts {
        out.push(("city.districts".to_string(), d.clone()));
    }
    for (lang, items) in &c.menus {
        for item in items {
            out.push((format!("menus.{}", lang.code()), item.label.clone()));
        }
    }
    let f = &c.footer;
    for (name, value) in [
        ("footer.sponsor", &f.sponsor),
        ("footer.contact", &f.contact),
        ("footer.address", &f.address),
    ] {
        if let Some(value) = value {
            localized(&mut out, name, value);
        }
    }
    for (name, value) in [
        ("footer.icp", &f.icp),
        ("footer.police", &f.police),
        ("footer.site_id", &f.site_id),
    ] {
        out.extend(value.iter().map(|v| (name.to_string(), v.clone())));
    }
    if let Some(g) = &c.gov_meta {
        out.push(("gov_meta.site_name".to_string(), g.site_name.clone()));
    }
    let lists = [
        ("role_model_categories", &c.role_model_categories),
        ("psa_themes", &c.psa_themes),
        ("tags", &c.tags),
    ];
    for (name, items) in lists {
        for item in items {
            localized(&mut out, name, &item.label);
        }
    }
    out
}

fn localized(out: &mut Vec<(String, String)>, field: &str, value: &Localized) {
    out.push((format!("{field}.zh-CN"), value.zh.clone()));
    if let Some(en) = &value.en {
        out.push((format!("{field}.en"), en.clone()));
    }
}

/// The 1-based line of site.yaml where `text` first appears (a quoted or folded value may not
/// appear verbatim; then the problem names the file and field only).
fn line_of(source: &str, text: &str) -> Option<usize> {
    let at = source.find(text.lines().next()?)?;
    Some(source[..at].matches('\n').count() + 1)
}
