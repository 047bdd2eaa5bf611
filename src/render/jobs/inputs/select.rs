//! Which pages each job shows: the pages of a list page, the ads current on the build date and
//! those expired, a role model's related ones, a chapter's neighbours, the home page's blocks,
//! the entries of each feed.

use super::{
    Alias, Feed, Home, Html, MapSection, PageInputs, Paged, Reads, SectionList, SitemapEntry,
    TermLink, out_of_range,
};
use crate::content::kinds::{Kind, KindData};
use crate::error::Problem;
use crate::lang::Lang;
use crate::site::{PageId, Section, Site, taxonomy, urls};
use std::borrow::Cow;
use std::num::NonZeroUsize;

/// Cards of each kind on the home page, and chapters of the handbook entry.
const HOME_CARDS: usize = 6;
const HOME_NEWS: usize = 5;
const RELATED: usize = 3;
/// Pages listed per section on the site-map page.
const MAP_SHOWN: usize = 50;
const FEED_ENTRIES: usize = 20;

/// How many pages a list shows at a time.
#[derive(Clone, Copy, Debug)]
enum PerPage {
    All,
    Each(NonZeroUsize),
}

impl PerPage {
    fn of(section: &Section) -> PerPage {
        let default = match section.kind() {
            Kind::News => Some(10),
            Kind::RoleModel => Some(24),
            Kind::Psa => Some(12),
            Kind::Handbook | Kind::Page => None,
        };
        // Front matter refuses `paginate: 0`.
        match section
            .doc
            .meta
            .paginate
            .or(default)
            .and_then(NonZeroUsize::new)
        {
            Some(per) => PerPage::Each(per),
            None => PerPage::All,
        }
    }

    /// How many pages `items` take (a list has one page even when empty).
    fn pages(self, items: usize) -> usize {
        match self {
            PerPage::All => 1,
            PerPage::Each(per) => items.div_ceil(per.get()).max(1),
        }
    }
}

/// A tag's list shows 20 of its pages at a time.
const TAG_PAGE: PerPage = PerPage::Each(NonZeroUsize::new(20).expect("20 is not zero"));

/// Whether an ad is running on the build date (every other page counts as current).
fn is_current(site: &Site, id: PageId) -> bool {
    match &site.page(id).doc.data {
        KindData::Psa(ad) => ad.is_active(site.build_date),
        _ => true,
    }
}

/// What a section's list shows as of the build date, and how many pages at a time.
pub struct Listing<'a> {
    listed: Cow<'a, [PageId]>,
    per: PerPage,
    /// An ads section's expired ads, which its archive shows instead.
    archive: Option<(Vec<PageId>, PerPage)>,
}

impl<'a> Listing<'a> {
    pub fn of(site: &Site, section: &'a Section) -> Listing<'a> {
        let per = PerPage::of(section);
        if section.kind() != Kind::Psa {
            return Listing {
                listed: Cow::Borrowed(&section.pages),
                per,
                archive: None,
            };
        }
        let (current, expired) = section.pages.iter().partition(|id| is_current(site, **id));
        // Every current ad is on the one list page; expired ones go to the paginated archive.
        Listing {
            listed: Cow::Owned(current),
            per: PerPage::All,
            archive: Some((expired, per)),
        }
    }

    /// How many pages the section's list has.
    pub fn pages(&self) -> usize {
        self.per.pages(self.listed.len())
    }

    /// How many pages its archive has (an ads section's).
    pub fn archive_pages(&self) -> Option<usize> {
        self.archive.as_ref().map(|(ids, per)| per.pages(ids.len()))
    }
}

/// How many pages a role-model filter has.
pub fn facet_pages(section: &Section, facet: &taxonomy::Facet) -> usize {
    PerPage::of(section).pages(facet.pages.len())
}

/// How many pages a tag's list has.
pub fn tag_pages(term: &taxonomy::Term) -> usize {
    TAG_PAGE.pages(term.pages.len())
}

/// Page `n` (1-based) of `ids`, `per` at a time.
fn window(r: &mut Reads, ids: &[PageId], per: PerPage, n: usize) -> Paged {
    let shown = match per {
        PerPage::All => ids,
        PerPage::Each(per) => {
            let start = per.get().saturating_mul(n.saturating_sub(1)).min(ids.len());
            &ids[start..start.saturating_add(per.get()).min(ids.len())]
        }
    };
    Paged {
        cards: r.cards(shown.iter().copied()),
        current: n,
        total: per.pages(ids.len()),
    }
}

pub(super) fn page(site: &Site, id: PageId, r: &mut Reads) -> PageInputs {
    let page = site.page(id);
    let section = site.section(page.section);
    let related = match &page.doc.data {
        KindData::RoleModel(model) => section
            .pages
            .iter()
            .copied()
            .filter(|other| *other != id)
            .filter(|other| matches!(&site.page(*other).doc.data, KindData::RoleModel(o) if o.category == model.category))
            .take(RELATED)
            .collect(),
        _ => Vec::new(),
    };
    let chapters = if page.kind() == Kind::Handbook {
        chapter_window(&section.pages, id)
    } else {
        &[]
    };
    PageInputs {
        page: r.card(id),
        section: r.section(page.section),
        prev: page.prev.map(|p| r.label(p)),
        next: page.next.map(|p| r.label(p)),
        translation: page.translation.map(|p| r.label(p)),
        related: r.cards(related),
        chapters: r.labels(chapters),
    }
}

/// Chapters listed on a chapter page: all of them in an ordinary handbook, the nearest ones in a
/// very long one (listing every chapter on every chapter page would grow with the square).
fn chapter_window(ids: &[PageId], current: PageId) -> &[PageId] {
    const ALL_UP_TO: usize = 40;
    const AROUND: usize = 10;
    if ids.len() <= ALL_UP_TO {
        return ids;
    }
    let at = ids.iter().position(|id| *id == current).unwrap_or(0);
    &ids[at.saturating_sub(AROUND)..(at + AROUND + 1).min(ids.len())]
}

pub(super) fn section_list(site: &Site, section: &Section, n: usize, r: &mut Reads) -> SectionList {
    let listing = Listing::of(site, section);
    SectionList {
        section: r.section(section.id),
        list: window(r, &listing.listed, listing.per, n),
        archived: listing.archive.map_or(0, |(ids, _)| ids.len()),
        home: section
            .is_home()
            .then(|| Box::new(home(site, section.lang(), r))),
    }
}

pub(super) fn home(site: &Site, lang: Lang, r: &mut Reads) -> Home {
    let of_kind = |kind: Kind| {
        site.sections_in(lang)
            .filter(move |s| s.kind() == kind && !s.is_home())
    };
    let pages_of = |kind: Kind| of_kind(kind).flat_map(|s| s.pages.iter().copied());
    let psas: Vec<PageId> = pages_of(Kind::Psa)
        .filter(|id| is_current(site, *id))
        .take(HOME_CARDS)
        .collect();
    let mut news: Vec<PageId> = pages_of(Kind::News).collect();
    news.sort_by_key(|id| std::cmp::Reverse(site.page(*id).date()));
    news.truncate(HOME_NEWS);
    let featured: Vec<PageId> = pages_of(Kind::RoleModel)
        .filter(|id| matches!(&site.page(*id).doc.data, KindData::RoleModel(m) if m.featured))
        .take(HOME_CARDS)
        .collect();
    let handbook = of_kind(Kind::Handbook).next().map(|s| {
        let chapters = &s.pages[..s.pages.len().min(HOME_CARDS)];
        (r.section(s.id), r.labels(chapters))
    });
    let first = |kind: Kind| of_kind(kind).next().map(|s| s.id);
    Home {
        psas: r.cards(psas),
        news: r.cards(news),
        featured: r.cards(featured),
        handbook,
        sections: site
            .sections_in(lang)
            .filter(|s| !s.is_home() && s.parent.is_some_and(|p| site.section(p).is_home()))
            .map(|s| s.id)
            .collect(),
        psas_from: first(Kind::Psa),
        news_from: first(Kind::News),
        featured_from: first(Kind::RoleModel),
    }
}

pub(super) fn psa_archive<'a>(
    site: &Site,
    section: &Section,
    n: usize,
    r: &mut Reads,
) -> Result<Html<'a>, Problem> {
    let listing = Listing::of(site, section);
    let Some((expired, per)) = listing.archive else {
        return Err(out_of_range("archive of a section without ads"));
    };
    Ok(Html::PsaArchive {
        section: r.section(section.id),
        list: window(r, &expired, per, n),
    })
}

pub(super) fn tag_index(site: &Site, lang: Lang) -> Html<'_> {
    Html::TagIndex {
        lang,
        terms: site
            .tags
            .iter()
            .filter(|t| t.lang == lang)
            .map(|t| TermLink {
                label: &t.label,
                url: &t.url,
                count: t.pages.len(),
            })
            .collect(),
    }
}

/// Each section of a language with the first of its pages.
pub(super) fn site_map<'a>(site: &Site, lang: Lang, r: &mut Reads) -> Html<'a> {
    Html::SiteMapPage {
        lang,
        sections: site
            .sections_in(lang)
            .map(|s| MapSection {
                section: s.id,
                pages: r.labels(&s.pages[..s.pages.len().min(MAP_SHOWN)]),
                more: s.pages.len().saturating_sub(MAP_SHOWN),
            })
            .collect(),
    }
}

pub(super) fn facet<'a>(
    site: &'a Site,
    section: &Section,
    index: usize,
    n: usize,
    r: &mut Reads,
) -> Result<Html<'a>, Problem> {
    let f = section
        .facets
        .get(index)
        .ok_or_else(|| out_of_range("filter page out of range"))?;
    let twin = section.translation.and_then(|t| {
        site.section(t)
            .facets
            .iter()
            .find(|o| o.kind == f.kind && o.key == f.key)
            .map(|o| o.url.as_str())
    });
    Ok(Html::Facet {
        section: r.section(section.id),
        index,
        list: window(r, &f.pages, PerPage::of(section), n),
        twin,
    })
}

pub(super) fn tag<'a>(
    site: &'a Site,
    index: usize,
    n: usize,
    r: &mut Reads,
) -> Result<Html<'a>, Problem> {
    let term = site
        .tags
        .get(index)
        .ok_or_else(|| out_of_range("tag out of range"))?;
    Ok(Html::Tag {
        lang: term.lang,
        label: &term.label,
        term_url: &term.url,
        list: window(r, &term.pages, TAG_PAGE, n),
        twin: site
            .tags
            .iter()
            .find(|t| t.lang != term.lang && t.key == term.key)
            .map(|t| t.url.as_str()),
    })
}

pub(super) fn aliases(site: &Site) -> Vec<Alias<'_>> {
    let pages = site
        .pages
        .iter()
        .map(|p| (&p.doc.common.aliases, &p.url, p.lang(), p.title()));
    let sections = site.sections.iter().map(|s| {
        (
            &s.doc.meta.aliases,
            &s.url,
            s.lang(),
            s.doc.meta.title.as_str(),
        )
    });
    pages
        .chain(sections)
        .flat_map(|(list, target, lang, title)| {
            list.iter().map(move |alias| Alias {
                path: urls::output_file(alias.trim_start_matches(site.config.base_path())),
                lang,
                target,
                title,
            })
        })
        .collect()
}

/// The site feed of a language (news and ads, newest first) and one feed per dated section.
pub(super) fn feeds(site: &Site, lang: Lang, r: &mut Reads) -> Vec<Feed> {
    let mut dated: Vec<PageId> = site
        .pages_in(lang)
        .filter(|page| matches!(page.kind(), Kind::News | Kind::Psa))
        .map(|page| page.id)
        .collect();
    dated.sort_by_key(|id| (std::cmp::Reverse(site.page(*id).date()), *id));
    dated.truncate(FEED_ENTRIES);
    let home = site.url(&format!("{}/", lang.url_prefix()));
    let mut feeds = vec![Feed {
        lang,
        url: format!("{home}atom.xml"),
        title: site.config.title.get(lang).to_string(),
        html_url: home,
        entries: r.cards(dated),
    }];
    for section in site
        .sections_in(lang)
        .filter(|s| matches!(s.kind(), Kind::News | Kind::Psa))
    {
        let title = format!(
            "{} · {}",
            section.doc.meta.title,
            site.config.title.get(lang)
        );
        let entries = &section.pages[..section.pages.len().min(FEED_ENTRIES)];
        feeds.push(Feed {
            lang,
            url: format!("{}atom.xml", section.url),
            html_url: section.url.clone(),
            title,
            entries: r.cards(entries.iter().copied()),
        });
    }
    feeds
}

/// Every section list and page, with its language twin and last change.
pub(super) fn sitemap(site: &Site) -> Vec<SitemapEntry<'_>> {
    let sections = site.sections.iter().map(|s| SitemapEntry {
        url: &s.url,
        lang: s.lang(),
        twin: s.translation.map(|t| site.section(t).url.as_str()),
        lastmod: None,
    });
    let pages = site.pages.iter().map(|p| SitemapEntry {
        url: &p.url,
        lang: p.lang(),
        twin: p.translation.map(|t| site.page(t).url.as_str()),
        lastmod: p.doc.common.updated.or(p.date()),
    });
    sections.chain(pages).collect()
}
