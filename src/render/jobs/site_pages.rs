//! The jobs of the fixed pages each language has once: search, the site map, and the 404 page.

use super::frame::Frame;
use super::inputs::MapSection;
use crate::error::Problem;
use crate::lang::Lang;
use crate::render::Prepared;
use crate::render::search_docs;
use crate::render::view::Link;
use serde::Serialize;

pub(super) fn search_page(p: &Prepared<'_>, url: &str, lang: Lang) -> Result<String, Problem> {
    let site = p.site;
    let mut ctx = p.context(lang);
    ctx.insert("search_index_url", &site.url(&search_docs::index_url(lang)));
    let title = p
        .renderer
        .strings(lang)
        .get("search")
        .cloned()
        .unwrap_or_default();
    let mut frame = Frame::new(lang, url, &title);
    frame.noindex = true;
    frame.translation = Some(site.url(&format!("{}/search/", lang.other().url_prefix())))
        .filter(|_| site.config.has_lang(lang.other()));
    frame.apply(site, &mut ctx);
    p.renderer.render("search.html", &ctx)
}

#[derive(Serialize)]
struct MapView {
    title: String,
    url: String,
    pages: Vec<Link>,
    more: usize,
}

pub(super) fn site_map_page(
    p: &Prepared<'_>,
    url: &str,
    lang: Lang,
    shown: &[MapSection],
) -> Result<String, Problem> {
    let site = p.site;
    let sections: Vec<MapView> = shown
        .iter()
        .map(|m| {
            let s = site.section(m.section);
            MapView {
                title: s.doc.meta.title.clone(),
                url: s.url.clone(),
                pages: m
                    .pages
                    .iter()
                    .map(|id| {
                        let page = site.page(id.id());
                        Link {
                            label: page.title().to_string(),
                            url: page.url.clone(),
                        }
                    })
                    .collect(),
                more: m.more,
            }
        })
        .collect();
    let mut ctx = p.context(lang);
    ctx.insert("sections", &sections);
    let title = p
        .renderer
        .strings(lang)
        .get("sitemap")
        .cloned()
        .unwrap_or_default();
    let mut frame = Frame::new(lang, url, &title);
    frame.translation = Some(site.url(&format!("{}/sitemap/", lang.other().url_prefix())))
        .filter(|_| site.config.has_lang(lang.other()));
    frame.apply(site, &mut ctx);
    p.renderer.render("sitemap.html", &ctx)
}

pub(super) fn not_found(p: &Prepared<'_>, url: &str) -> Result<String, Problem> {
    let site = p.site;
    let lang = Lang::Zh;
    let mut ctx = p.context(lang);
    ctx.insert("t_en", p.renderer.strings(Lang::En));
    ctx.insert("en_home", &site.url("/en/"));
    let title = p
        .renderer
        .strings(lang)
        .get("not_found")
        .cloned()
        .unwrap_or_default();
    let mut frame = Frame::new(lang, url, &title);
    frame.noindex = true;
    frame.fallback = site.url("/en/");
    frame.apply(site, &mut ctx);
    p.renderer.render("404.html", &ctx)
}
