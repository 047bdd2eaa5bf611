//! What every page's template context shares: the site-wide `base_context` and the per-page
//! `Frame` (title, canonical URL, language switch, `<meta>` tags).

use crate::lang::Lang;
use crate::render::Renderer;
use crate::render::view::{Alternate, DateView, Meta, Switch};
use crate::site::{SectionId, Site};
use serde::Serialize;
use tera::Context;

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    city: &'a str,
    base_url: &'a str,
    home_url: String,
    /// `None` when the site has no search (`search.enabled: false`).
    search_url: Option<String>,
    sitemap_url: String,
    tags_url: String,
    feed_url: String,
    menu: &'a [crate::site::MenuEntry],
    footer: FooterView<'a>,
    build_date: DateView,
    languages: Vec<&'static str>,
}

#[derive(Serialize)]
struct FooterView<'a> {
    sponsor: Option<&'a str>,
    contact: Option<&'a str>,
    address: Option<&'a str>,
    icp: Option<&'a str>,
    police: Option<&'a str>,
    police_code: Option<&'a str>,
    site_id: Option<&'a str>,
}

pub fn base_context(site: &Site, renderer: &Renderer, lang: Lang) -> Context {
    let c = &site.config;
    let prefix = lang.url_prefix();
    let footer = &c.footer;
    let site_view = SiteView {
        title: c.title.get(lang),
        description: c.description.get(lang),
        city: c.city.name.get(lang),
        base_url: &c.base_url,
        home_url: site.url(&format!("{prefix}/")),
        search_url: c
            .search
            .enabled
            .then(|| site.url(&format!("{prefix}/search/"))),
        sitemap_url: site.url(&format!("{prefix}/sitemap/")),
        tags_url: site.url(&format!("{prefix}/tags/")),
        feed_url: site.url(&format!("{prefix}/atom.xml")),
        menu: site.menus.get(&lang).map_or(&[], Vec::as_slice),
        footer: FooterView {
            sponsor: footer.sponsor.as_ref().map(|s| s.get(lang)),
            contact: footer.contact.as_ref().map(|s| s.get(lang)),
            address: footer.address.as_ref().map(|s| s.get(lang)),
            icp: footer.icp.as_deref(),
            police: footer.police.as_deref(),
            police_code: footer.police_code.as_deref(),
            site_id: footer.site_id.as_deref(),
        },
        build_date: DateView::new(
            crate::content::date::PubDate::from_date(site.build_date),
            lang,
        ),
        languages: c.languages.iter().map(|l| l.code()).collect(),
    };
    let mut ctx = Context::new();
    ctx.insert("site", &site_view);
    ctx.insert("t", renderer.strings(lang));
    ctx.insert("lang", lang.code());
    ctx.insert("static_url", &site.url("/"));
    ctx
}

/// What every HTML page's `<head>` and header need, besides the page itself.
pub(super) struct Frame {
    lang: Lang,
    url: String,
    pub(super) title: String,
    pub(super) description: String,
    /// URL of this page in the other language, if it exists.
    pub(super) translation: Option<String>,
    /// Where the language switch goes when there is no translation.
    pub(super) fallback: String,
    pub(super) meta: Vec<Meta>,
    pub(super) noindex: bool,
}

impl Frame {
    pub(super) fn new(lang: Lang, url: &str, title: &str) -> Frame {
        Frame {
            lang,
            url: url.to_string(),
            title: title.to_string(),
            description: String::new(),
            translation: None,
            fallback: String::new(),
            meta: Vec::new(),
            noindex: false,
        }
    }

    pub(super) fn apply(self, site: &Site, ctx: &mut Context) {
        let mut alternates = vec![Alternate {
            hreflang: self.lang.code(),
            href: site.permalink(&self.url),
        }];
        if let Some(t) = &self.translation {
            alternates.push(Alternate {
                hreflang: self.lang.other().code(),
                href: site.permalink(t),
            });
        }
        alternates.sort_by_key(|a| a.hreflang != "zh-CN");
        if let Some(zh) = alternates.iter().find(|a| a.hreflang == "zh-CN") {
            let href = zh.href.clone();
            alternates.push(Alternate {
                hreflang: "x-default",
                href,
            });
        }
        let switch = Switch {
            missing: self.translation.is_none(),
            url: self.translation.unwrap_or(self.fallback),
            lang: self.lang.other().code(),
        };
        let mut meta = gov_site_meta(site);
        meta.extend(self.meta);
        ctx.insert("current_url", &self.url);
        ctx.insert("canonical", &site.permalink(&self.url));
        ctx.insert("page_title", &self.title);
        ctx.insert("description", &self.description);
        ctx.insert("alternates", &alternates);
        ctx.insert("switch", &switch);
        ctx.insert("meta", &meta);
        ctx.insert("noindex", &self.noindex);
        ctx.insert("code_css", &false);
        // Only a page rendered with `--drafts` is a draft; see jobs/page.rs.
        ctx.insert("draft", &false);
        ctx.insert("has_translation", &site.config.has_lang(self.lang.other()));
    }
}

fn gov_site_meta(site: &Site) -> Vec<Meta> {
    match &site.config.gov_meta {
        Some(g) => vec![
            Meta {
                name: "SiteName",
                content: g.site_name.clone(),
            },
            Meta {
                name: "SiteDomain",
                content: g.site_domain.clone(),
            },
            Meta {
                name: "SiteIDCode",
                content: g.site_id_code.clone(),
            },
        ],
        None => Vec::new(),
    }
}

/// The nearest section above `id` (inclusive) that exists in the other language, else its home.
pub(super) fn fallback_url(site: &Site, mut id: Option<SectionId>, lang: Lang) -> String {
    while let Some(s) = id {
        let section = site.section(s);
        if let Some(t) = section.translation {
            return site.section(t).url.clone();
        }
        id = section.parent;
    }
    site.url(&format!("{}/", lang.other().url_prefix()))
}
