//! The jobs of the fixed pages each language has once: search, the site map, and the 404 page.

use super::frame::Frame;
use super::html;
use crate::built::OutputFile;
use crate::error::Problem;
use crate::lang::Lang;
use crate::render::Prepared;
use crate::render::search_docs;
use crate::render::view::Link;
use serde::Serialize;
use tera::Context;

pub(super) fn search_page(p: &Prepared<'_>, lang: Lang) -> Result<OutputFile, Problem> {
    let mut extra = Context::new();
    extra.insert(
        "search_index_url",
        &p.site.url(&search_docs::index_url(lang)),
    );
    simple(p, lang, "search", "search.html", true, extra)
}

fn simple(
    p: &Prepared<'_>,
    lang: Lang,
    slug: &str,
    template: &str,
    noindex: bool,
    extra: Context,
) -> Result<OutputFile, Problem> {
    let site = p.site;
    let url = site.url(&format!("{}/{slug}/", lang.url_prefix()));
    let mut ctx = p.context(lang);
    ctx.extend(extra);
    let title = p
        .renderer
        .strings(lang)
        .get(slug)
        .cloned()
        .unwrap_or_default();
    let mut frame = Frame::new(lang, &url, &title);
    frame.noindex = noindex;
    frame.translation = Some(site.url(&format!("{}/{slug}/", lang.other().url_prefix())))
        .filter(|_| site.config.has_lang(lang.other()));
    frame.apply(site, &mut ctx);
    Ok(html(&url, site, p.renderer.render(template, &ctx)?))
}

#[derive(Serialize)]
struct MapSection {
    title: String,
    url: String,
    pages: Vec<Link>,
    more: usize,
}

pub(super) fn site_map_page(p: &Prepared<'_>, lang: Lang) -> Result<OutputFile, Problem> {
    const SHOWN: usize = 50;
    let site = p.site;
    let sections: Vec<MapSection> = site
        .sections_in(lang)
        .map(|s| MapSection {
            title: s.doc.meta.title.clone(),
            url: s.url.clone(),
            pages: s
                .pages
                .iter()
                .take(SHOWN)
                .map(|id| Link {
                    label: site.page(*id).title().to_string(),
                    url: site.page(*id).url.clone(),
                })
                .collect(),
            more: s.pages.len().saturating_sub(SHOWN),
        })
        .collect();
    let url = site.url(&format!("{}/sitemap/", lang.url_prefix()));
    let mut ctx = p.context(lang);
    ctx.insert("sections", &sections);
    let title = p
        .renderer
        .strings(lang)
        .get("sitemap")
        .cloned()
        .unwrap_or_default();
    let mut frame = Frame::new(lang, &url, &title);
    frame.translation = Some(site.url(&format!("{}/sitemap/", lang.other().url_prefix())))
        .filter(|_| site.config.has_lang(lang.other()));
    frame.apply(site, &mut ctx);
    Ok(html(&url, site, p.renderer.render("sitemap.html", &ctx)?))
}

pub(super) fn not_found(p: &Prepared<'_>) -> Result<OutputFile, Problem> {
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
    let mut frame = Frame::new(lang, &site.url("/404.html"), &title);
    frame.noindex = true;
    frame.fallback = site.url("/en/");
    frame.apply(site, &mut ctx);
    let text = p.renderer.render("404.html", &ctx)?;
    Ok(OutputFile {
        path: "404.html".to_string(),
        bytes: text.into_bytes(),
    })
}
