//! The pages of the site as a list of jobs, and the template context of each. A job is plain
//! data, so `serve` can re-render just the jobs an edit touches.

use super::view::{self, Alternate, DateView, FacetLink, Link, Meta, Switch};
use super::{Prepared, Renderer, feeds};
use crate::content::kinds::{Kind, KindData};
use crate::error::Problem;
use crate::lang::Lang;
use crate::output::OutputFile;
use crate::site::{PageId, Section, SectionId, Site, urls};
use serde::Serialize;
use tera::{Context, Value};

pub mod deps;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Job {
    Page(PageId),
    /// A section's list, page `n` (1-based).
    SectionList(SectionId, usize),
    /// Expired public-service ads of a PSA section, page `n`.
    PsaArchive(SectionId, usize),
    /// A role-model gallery filtered by one category or year, page `n`.
    Facet(SectionId, usize, usize),
    /// The whole handbook on one printable page.
    HandbookPrint(SectionId),
    TagIndex(Lang),
    Tag(usize, usize),
    Search(Lang),
    SiteMapPage(Lang),
    NotFound,
    Aliases,
    Feeds(Lang),
    SearchIndex(Lang),
    SitemapXml,
    Robots,
}

pub fn per_page(section: &Section) -> usize {
    section.doc.meta.paginate.unwrap_or(match section.kind() {
        Kind::News => 10,
        Kind::RoleModel => 24,
        Kind::Psa => 12,
        Kind::Handbook | Kind::Page => usize::MAX,
    })
}

fn page_count(items: usize, per: usize) -> usize {
    if per == usize::MAX {
        1
    } else {
        items.div_ceil(per).max(1)
    }
}

fn expired(site: &Site, section: &Section) -> Vec<PageId> {
    section
        .pages
        .iter()
        .copied()
        .filter(|id| matches!(&site.page(*id).doc.data, KindData::Psa(p) if !p.is_active(site.build_date)))
        .collect()
}

/// Every job of a full build.
pub fn plan(site: &Site) -> Vec<Job> {
    // The search indexes are the longest jobs by far: started first, the page jobs fill the
    // other core around them instead of waiting at the end.
    let search = site.config.search.enabled;
    let mut jobs: Vec<Job> = Vec::new();
    if search {
        jobs.extend(site.config.languages.iter().map(|&l| Job::SearchIndex(l)));
    }
    jobs.extend(site.pages.iter().map(|p| Job::Page(p.id)));
    for section in &site.sections {
        let per = per_page(section);
        let listed = if section.kind() == Kind::Psa {
            section.pages.len() - expired(site, section).len()
        } else {
            section.pages.len()
        };
        let lists = if section.kind() == Kind::Psa {
            1
        } else {
            page_count(listed, per)
        };
        jobs.extend((1..=lists).map(|n| Job::SectionList(section.id, n)));
        if section.kind() == Kind::Psa {
            let n = page_count(expired(site, section).len(), per);
            jobs.extend((1..=n).map(|n| Job::PsaArchive(section.id, n)));
        }
        if section.kind() == Kind::Handbook {
            jobs.push(Job::HandbookPrint(section.id));
        }
        for (i, facet) in section.facets.iter().enumerate() {
            jobs.extend(
                (1..=page_count(facet.pages.len(), per)).map(|n| Job::Facet(section.id, i, n)),
            );
        }
    }
    for (i, term) in site.tags.iter().enumerate() {
        jobs.extend((1..=page_count(term.pages.len(), 20)).map(|n| Job::Tag(i, n)));
    }
    for &lang in &site.config.languages {
        jobs.extend([
            Job::TagIndex(lang),
            Job::SiteMapPage(lang),
            Job::Feeds(lang),
        ]);
        if search {
            jobs.push(Job::Search(lang));
        }
    }
    jobs.extend([Job::NotFound, Job::Aliases, Job::SitemapXml, Job::Robots]);
    jobs
}

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
struct Frame {
    lang: Lang,
    url: String,
    title: String,
    description: String,
    /// URL of this page in the other language, if it exists.
    translation: Option<String>,
    /// Where the language switch goes when there is no translation.
    fallback: String,
    meta: Vec<Meta>,
    noindex: bool,
}

impl Frame {
    fn new(lang: Lang, url: &str, title: &str) -> Frame {
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

    fn apply(self, site: &Site, ctx: &mut Context) {
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
fn fallback_url(site: &Site, mut id: Option<SectionId>, lang: Lang) -> String {
    while let Some(s) = id {
        let section = site.section(s);
        if let Some(t) = section.translation {
            return site.section(t).url.clone();
        }
        id = section.parent;
    }
    site.url(&format!("{}/", lang.other().url_prefix()))
}

pub fn render_job(p: &Prepared<'_>, job: &Job) -> Result<Vec<OutputFile>, Problem> {
    let site = p.site;
    match job {
        Job::Page(id) => page(p, *id).map(|f| vec![f]),
        Job::SectionList(id, n) => section_list(p, site.section(*id), *n).map(|f| vec![f]),
        Job::PsaArchive(id, n) => psa_archive(p, site.section(*id), *n).map(|f| vec![f]),
        Job::Facet(id, i, n) => facet(p, site.section(*id), *i, *n).map(|f| vec![f]),
        Job::HandbookPrint(id) => handbook_print(p, site.section(*id)).map(|f| vec![f]),
        Job::TagIndex(lang) => tag_index(p, *lang).map(|f| vec![f]),
        Job::Tag(i, n) => tag(p, *i, *n).map(|f| vec![f]),
        Job::Search(lang) => search_page(p, *lang).map(|f| vec![f]),
        Job::SiteMapPage(lang) => site_map_page(p, *lang).map(|f| vec![f]),
        Job::NotFound => not_found(p).map(|f| vec![f]),
        Job::Aliases => Ok(feeds::aliases(site)),
        Job::Feeds(lang) => Ok(feeds::atom_feeds(p, *lang)),
        Job::SearchIndex(lang) => Ok(super::search_docs::index(p, *lang)),
        Job::SitemapXml => Ok(vec![feeds::sitemap(site)]),
        Job::Robots => Ok(vec![feeds::robots(site)]),
    }
}

fn html(path_url: &str, site: &Site, text: String) -> OutputFile {
    let base = site.config.base_path();
    let path = path_url.strip_prefix(base).unwrap_or(path_url);
    OutputFile {
        path: urls::output_file(path),
        bytes: text.into_bytes(),
    }
}

fn page(p: &Prepared<'_>, id: PageId) -> Result<OutputFile, Problem> {
    let site = p.site;
    let page = site.page(id);
    let lang = page.lang();
    let section = site.section(page.section);
    let mut ctx = p.context(lang);
    ctx.insert_value("summary", p.summary(id));
    ctx.insert("page", &view::page_view(site, page));
    ctx.insert("section", &view::section_view(site, section));
    if let KindData::RoleModel(r) = &page.doc.data {
        let related: Vec<Value> = section
            .pages
            .iter()
            .filter(|other| **other != id)
            .filter(|other| matches!(&site.page(**other).doc.data, KindData::RoleModel(o) if o.category == r.category))
            .take(3)
            .map(|other| p.summary(*other))
            .collect();
        ctx.insert("related", &related);
    }
    if page.kind() == Kind::Handbook {
        ctx.insert("chapters", &chapter_window(site, section, id));
    }
    let mut frame = Frame::new(lang, &page.url, page.title());
    frame.description = page.summary.clone();
    frame.translation = page.translation.map(|t| site.page(t).url.clone());
    frame.fallback = fallback_url(site, Some(page.section), lang);
    frame.meta = article_meta(site, page);
    frame.apply(site, &mut ctx);
    ctx.insert("code_css", &page.body.has_code);
    let template = match page.kind() {
        Kind::RoleModel => "role_model.html",
        Kind::Handbook => "chapter.html",
        Kind::Psa => "psa.html",
        Kind::News => "news.html",
        Kind::Page => "page.html",
    };
    Ok(html(&page.url, site, p.renderer.render(template, &ctx)?))
}

/// Chapters listed on a chapter page: all of them in an ordinary handbook, the nearest ones in a
/// very long one (listing every chapter on every chapter page would grow with the square).
fn chapter_window(site: &Site, section: &Section, current: PageId) -> Vec<Link> {
    const ALL_UP_TO: usize = 40;
    const AROUND: usize = 10;
    let ids = &section.pages;
    if ids.len() <= ALL_UP_TO {
        return links_to(site, ids);
    }
    let at = ids.iter().position(|id| *id == current).unwrap_or(0);
    links_to(
        site,
        &ids[at.saturating_sub(AROUND)..(at + AROUND + 1).min(ids.len())],
    )
}

fn chapter_links(site: &Site, section: &Section) -> Vec<Link> {
    links_to(site, &section.pages)
}

fn links_to(site: &Site, ids: &[PageId]) -> Vec<Link> {
    ids.iter()
        .map(|id| {
            let c = site.page(*id);
            let label = match &c.doc.data {
                KindData::Handbook(ch) => ch
                    .short_title
                    .clone()
                    .unwrap_or_else(|| c.title().to_string()),
                _ => c.title().to_string(),
            };
            Link {
                label,
                url: c.url.clone(),
            }
        })
        .collect()
}

fn article_meta(site: &Site, page: &crate::site::Page) -> Vec<Meta> {
    if site.config.gov_meta.is_none() {
        return Vec::new();
    }
    let source = match &page.doc.data {
        KindData::News(n) => n.source.clone(),
        KindData::Psa(p) => p.sponsor.clone(),
        _ => None,
    }
    .unwrap_or_else(|| site.config.title.get(page.lang()).to_string());
    let mut meta = vec![Meta {
        name: "ArticleTitle",
        content: page.title().to_string(),
    }];
    if let Some(date) = page.date().or(page.doc.common.updated) {
        meta.push(Meta {
            name: "PubDate",
            content: date.minutes(),
        });
    }
    meta.push(Meta {
        name: "ContentSource",
        content: source,
    });
    meta
}

fn column_meta(site: &Site, section: &Section) -> Vec<Meta> {
    if site.config.gov_meta.is_none() {
        return Vec::new();
    }
    let column_type = match section.kind() {
        Kind::RoleModel => "道德模范",
        Kind::Handbook => "文明手册",
        Kind::Psa => "公益广告",
        Kind::News => "工作动态",
        Kind::Page => "栏目",
    };
    vec![
        Meta {
            name: "ColumnName",
            content: section.doc.meta.title.clone(),
        },
        Meta {
            name: "ColumnDescription",
            content: section.doc.meta.summary.clone().unwrap_or_default(),
        },
        Meta {
            name: "ColumnKeywords",
            content: section.doc.meta.keywords.join(","),
        },
        Meta {
            name: "ColumnType",
            content: column_type.to_string(),
        },
    ]
}

fn page_slice(p: &Prepared<'_>, ids: &[PageId], per: usize, n: usize) -> Vec<Value> {
    let start = if per == usize::MAX { 0 } else { per * (n - 1) };
    ids.iter()
        .skip(start)
        .take(per)
        .map(|id| p.summary(*id))
        .collect()
}

fn section_frame(site: &Site, section: &Section, url: &str, title: &str) -> Frame {
    let lang = section.lang();
    let mut frame = Frame::new(lang, url, title);
    frame.description = section.doc.meta.summary.clone().unwrap_or_default();
    frame.translation = section.translation.map(|t| site.section(t).url.clone());
    frame.fallback = fallback_url(site, section.parent, lang);
    frame.meta = column_meta(site, section);
    frame
}

fn facet_links(section: &Section, current: Option<usize>) -> Vec<FacetLink> {
    section
        .facets
        .iter()
        .enumerate()
        .map(|(i, f)| FacetLink {
            kind: f.kind,
            label: f.label.clone(),
            url: f.url.clone(),
            count: f.pages.len(),
            current: current == Some(i),
        })
        .collect()
}

fn section_list(p: &Prepared<'_>, section: &Section, n: usize) -> Result<OutputFile, Problem> {
    let site = p.site;
    let lang = section.lang();
    let url = urls::paginated(&section.url, n);
    let mut ctx = p.context(lang);
    ctx.insert("section", &view::section_view(site, section));
    let per = per_page(section);
    let (listed, archived): (Vec<PageId>, usize) = if section.kind() == Kind::Psa {
        let expired = expired(site, section);
        let active = section
            .pages
            .iter()
            .copied()
            .filter(|id| !expired.contains(id))
            .collect();
        (active, expired.len())
    } else {
        (section.pages.clone(), 0)
    };
    let total = if section.kind() == Kind::Psa {
        1
    } else {
        page_count(listed.len(), per)
    };
    let per = if section.kind() == Kind::Psa {
        usize::MAX
    } else {
        per
    };
    ctx.insert("pages", &page_slice(p, &listed, per, n));
    ctx.insert("paginator", &view::pagination(&section.url, n, total));
    ctx.insert("facets", &facet_links(section, None));
    ctx.insert("facet", &Option::<FacetLink>::None);
    ctx.insert("archive_url", &format!("{}archive/", section.url));
    ctx.insert("archived_count", &archived);
    if section.is_home() {
        ctx.insert("home", &home_blocks(p, lang));
    }
    if section.kind() == Kind::Handbook {
        ctx.insert("print_url", &format!("{}print/", section.url));
    }
    let mut frame = section_frame(site, section, &url, &section.doc.meta.title);
    if section.is_home() {
        frame.title = site.config.title.get(lang).to_string();
        frame.description = site.config.description.get(lang).to_string();
        frame.meta.clear();
    }
    frame.apply(site, &mut ctx);
    let template = match section.kind() {
        _ if section.is_home() => "index.html",
        Kind::RoleModel => "role_models.html",
        Kind::Handbook => "handbook.html",
        Kind::Psa => "psas.html",
        Kind::News => "news_list.html",
        Kind::Page => "section.html",
    };
    Ok(html(&url, site, p.renderer.render(template, &ctx)?))
}

#[derive(Serialize)]
struct HomeBlocks {
    psas: Vec<Value>,
    news: Vec<Value>,
    featured: Vec<Value>,
    handbook: Option<HandbookEntry>,
    sections: Vec<Link>,
    /// The sections the PSA, news and role-model blocks come from ("view all" links).
    psas_url: Option<String>,
    news_url: Option<String>,
    featured_url: Option<String>,
}

#[derive(Serialize)]
struct HandbookEntry {
    title: String,
    url: String,
    summary: Option<String>,
    chapters: Vec<Link>,
}

fn home_blocks(p: &Prepared<'_>, lang: Lang) -> HomeBlocks {
    let site = p.site;
    let of_kind = |kind: Kind| {
        site.sections_in(lang)
            .filter(move |s| s.kind() == kind && !s.is_home())
    };
    let psas = of_kind(Kind::Psa)
        .flat_map(|s| s.pages.iter())
        .filter(|id| matches!(&site.page(**id).doc.data, KindData::Psa(a) if a.is_active(site.build_date)))
        .take(6)
        .map(|id| p.summary(*id))
        .collect();
    let mut news: Vec<PageId> = of_kind(Kind::News)
        .flat_map(|s| s.pages.iter().copied())
        .collect();
    news.sort_by_key(|id| std::cmp::Reverse(site.page(*id).date()));
    let featured = of_kind(Kind::RoleModel)
        .flat_map(|s| s.pages.iter())
        .filter(|id| matches!(&site.page(**id).doc.data, KindData::RoleModel(r) if r.featured))
        .take(6)
        .map(|id| p.summary(*id))
        .collect();
    let handbook = of_kind(Kind::Handbook).next().map(|s| HandbookEntry {
        title: s.doc.meta.title.clone(),
        url: s.url.clone(),
        summary: s.doc.meta.summary.clone(),
        chapters: chapter_links(site, s).into_iter().take(6).collect(),
    });
    let sections = site
        .sections_in(lang)
        .filter(|s| !s.is_home() && s.parent.is_some_and(|par| site.section(par).is_home()))
        .map(|s| Link {
            label: s.doc.meta.title.clone(),
            url: s.url.clone(),
        })
        .collect();
    let first_url = |kind: Kind| of_kind(kind).next().map(|s| s.url.clone());
    HomeBlocks {
        psas_url: first_url(Kind::Psa),
        news_url: first_url(Kind::News),
        featured_url: first_url(Kind::RoleModel),
        psas,
        news: news.into_iter().take(5).map(|id| p.summary(id)).collect(),
        featured,
        handbook,
        sections,
    }
}

fn psa_archive(p: &Prepared<'_>, section: &Section, n: usize) -> Result<OutputFile, Problem> {
    let site = p.site;
    let lang = section.lang();
    let base = format!("{}archive/", section.url);
    let url = urls::paginated(&base, n);
    let expired = expired(site, section);
    let per = per_page(section);
    let mut ctx = p.context(lang);
    ctx.insert("section", &view::section_view(site, section));
    ctx.insert("pages", &page_slice(p, &expired, per, n));
    ctx.insert(
        "paginator",
        &view::pagination(&base, n, page_count(expired.len(), per)),
    );
    let title = format!(
        "{} · {}",
        section.doc.meta.title,
        p.renderer
            .strings(lang)
            .get("archive")
            .map_or("", String::as_str)
    );
    let mut frame = section_frame(site, section, &url, &title);
    frame.translation = section
        .translation
        .map(|t| format!("{}archive/", site.section(t).url));
    frame.apply(site, &mut ctx);
    Ok(html(
        &url,
        site,
        p.renderer.render("psa_archive.html", &ctx)?,
    ))
}

fn facet(
    p: &Prepared<'_>,
    section: &Section,
    index: usize,
    n: usize,
) -> Result<OutputFile, Problem> {
    let site = p.site;
    let lang = section.lang();
    let Some(f) = section.facets.get(index) else {
        return Err(Problem::error("internal", "filter page out of range"));
    };
    let url = urls::paginated(&f.url, n);
    let per = per_page(section);
    let mut ctx = p.context(lang);
    ctx.insert("section", &view::section_view(site, section));
    ctx.insert("pages", &page_slice(p, &f.pages, per, n));
    ctx.insert(
        "paginator",
        &view::pagination(&f.url, n, page_count(f.pages.len(), per)),
    );
    let links = facet_links(section, Some(index));
    ctx.insert("facet", &links.get(index));
    ctx.insert("facets", &links);
    ctx.insert("archive_url", &"");
    ctx.insert("archived_count", &0);
    let title = format!("{} · {}", section.doc.meta.title, f.label);
    let mut frame = section_frame(site, section, &url, &title);
    frame.translation = section.translation.and_then(|t| {
        site.section(t)
            .facets
            .iter()
            .find(|o| o.kind == f.kind && o.key == f.key)
            .map(|o| o.url.clone())
    });
    frame.fallback = section.translation.map_or_else(
        || fallback_url(site, section.parent, lang),
        |t| site.section(t).url.clone(),
    );
    frame.apply(site, &mut ctx);
    Ok(html(
        &url,
        site,
        p.renderer.render("role_models.html", &ctx)?,
    ))
}

#[derive(Serialize)]
struct PrintChapter<'a> {
    title: &'a str,
    id: String,
    content: &'a str,
}

fn handbook_print(p: &Prepared<'_>, section: &Section) -> Result<OutputFile, Problem> {
    let site = p.site;
    let lang = section.lang();
    let url = format!("{}print/", section.url);
    let chapters: Vec<PrintChapter<'_>> = section
        .pages
        .iter()
        .map(|id| {
            let c = site.page(*id);
            PrintChapter {
                title: c.title(),
                id: format!("chapter-{}", c.doc.common.slug),
                content: &c.body.html,
            }
        })
        .collect();
    let mut ctx = p.context(lang);
    ctx.insert("section", &view::section_view(site, section));
    ctx.insert("chapters", &chapters);
    let mut frame = section_frame(site, section, &url, &section.doc.meta.title);
    frame.translation = section
        .translation
        .map(|t| format!("{}print/", site.section(t).url));
    frame.apply(site, &mut ctx);
    let has_code = section.pages.iter().any(|id| site.page(*id).body.has_code);
    ctx.insert("code_css", &has_code);
    Ok(html(
        &url,
        site,
        p.renderer.render("handbook_print.html", &ctx)?,
    ))
}

fn tag_index(p: &Prepared<'_>, lang: Lang) -> Result<OutputFile, Problem> {
    let site = p.site;
    let url = site.url(&crate::site::taxonomy::tag_index_path(lang));
    let terms: Vec<FacetLink> = site
        .tags
        .iter()
        .filter(|t| t.lang == lang)
        .map(|t| FacetLink {
            kind: crate::site::FacetKind::Category,
            label: t.label.clone(),
            url: t.url.clone(),
            count: t.pages.len(),
            current: false,
        })
        .collect();
    let mut ctx = p.context(lang);
    ctx.insert("terms", &terms);
    let title = p
        .renderer
        .strings(lang)
        .get("tags")
        .cloned()
        .unwrap_or_default();
    let mut frame = Frame::new(lang, &url, &title);
    frame.translation = Some(site.url(&crate::site::taxonomy::tag_index_path(lang.other())))
        .filter(|_| site.config.has_lang(lang.other()));
    frame.fallback = site.url(&format!("{}/", lang.other().url_prefix()));
    frame.apply(site, &mut ctx);
    Ok(html(&url, site, p.renderer.render("tags.html", &ctx)?))
}

fn tag(p: &Prepared<'_>, index: usize, n: usize) -> Result<OutputFile, Problem> {
    let site = p.site;
    let Some(term) = site.tags.get(index) else {
        return Err(Problem::error("internal", "tag out of range"));
    };
    let lang = term.lang;
    let url = urls::paginated(&term.url, n);
    let mut ctx = p.context(lang);
    ctx.insert(
        "term",
        &Link {
            label: term.label.clone(),
            url: term.url.clone(),
        },
    );
    ctx.insert("pages", &page_slice(p, &term.pages, 20, n));
    ctx.insert(
        "paginator",
        &view::pagination(&term.url, n, page_count(term.pages.len(), 20)),
    );
    let mut frame = Frame::new(lang, &url, &term.label);
    frame.translation = site
        .tags
        .iter()
        .find(|t| t.lang != lang && t.key == term.key)
        .map(|t| t.url.clone());
    frame.fallback = site.url(&crate::site::taxonomy::tag_index_path(lang.other()));
    frame.apply(site, &mut ctx);
    Ok(html(&url, site, p.renderer.render("tag.html", &ctx)?))
}

fn search_page(p: &Prepared<'_>, lang: Lang) -> Result<OutputFile, Problem> {
    let mut extra = Context::new();
    extra.insert(
        "search_index_url",
        &p.site.url(&super::search_docs::index_url(lang)),
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

fn site_map_page(p: &Prepared<'_>, lang: Lang) -> Result<OutputFile, Problem> {
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

fn not_found(p: &Prepared<'_>) -> Result<OutputFile, Problem> {
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
