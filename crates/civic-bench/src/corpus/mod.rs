//! A deterministic generator of realistic bilingual benchmark sites.
//!
//! [`generate`] writes `site.yaml` and `content/…` in Civic's content schema (see
//! `docs/content-model.md`); [`generate_hugo`] writes the *same* documents (same titles, same Markdown
//! bodies) with Hugo front matter, for the Hugo comparison in `benches/run.sh`.
//!
//! A corpus of `docs` logical documents holds about 70% role-model profiles, 20% handbook chapters and 10%
//! PSAs and news, each written once in Chinese (`x.md`) and once in English (`x.en.md`). Chinese bodies have
//! 600–1,500 characters, English ones 400–900 words, built from a civic vocabulary with headings, lists,
//! quotes, links to other generated pages, and a code block in about 2% of the pages. Everything is derived
//! from `(docs, seed)` alone, so the same arguments always give byte-identical files.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

mod bodies;
mod vocabulary;
mod writers;

use vocabulary::{
    CAMPAIGNS, DEEDS, DISTRICTS, GIVEN, HANDBOOK_TOPICS, HONORS, ISSUERS, NEWS_EVENTS,
    NEWS_SOURCES, OCCUPATIONS, QUOTES, SPONSORS, SURNAMES,
};
pub use vocabulary::{CATEGORIES, PSA_THEMES, TAGS};

/// What a call to [`generate`] or [`generate_hugo`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusStats {
    /// Logical documents (each written in both languages).
    pub docs: usize,
    pub role_models: usize,
    pub handbook: usize,
    pub psas: usize,
    pub news: usize,
    /// PSAs whose `start <= 2026-11-25 <= end` (or open-ended).
    pub psas_active: usize,
    /// Pages carrying a fenced code block (counted per logical document).
    pub code_blocks: usize,
    /// Files written (Markdown and configuration).
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Characters of Chinese Markdown bodies (all characters, markup included).
    pub zh_chars: u64,
    /// Whitespace-separated words of English Markdown bodies.
    pub en_words: u64,
    /// Content pages per language: documents + section indexes + home + about.
    pub pages_per_lang: usize,
}

/// The build date the corpus is designed around (PSAs active or expired relative to it).
pub const REFERENCE_DATE: &str = "2026-11-25";

/// The first news item's date: three days before [`REFERENCE_DATE`].
const RECENT_DATE: &str = "2026-11-22";

/// Content sections: (directory, kind).
pub const SECTIONS: [(&str, &str); 4] = [
    ("role-models", "role_model"),
    ("handbook", "handbook"),
    ("ads", "psa"),
    ("news", "news"),
];

/// Writes a Civic site (`site.yaml`, `content/`) of `docs` logical documents under `root`.
pub fn generate(root: &Path, docs: usize, seed: u64) -> io::Result<CorpusStats> {
    writers::write_corpus(root, docs, seed, Flavor::Civic)
}

/// Writes the same corpus as [`generate`] with Hugo front matter (`content/` only; `hugo.toml` and
/// `layouts/` come from `benches/hugo/`).
pub fn generate_hugo(root: &Path, docs: usize, seed: u64) -> io::Result<CorpusStats> {
    writers::write_corpus(root, docs, seed, Flavor::Hugo)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Flavor {
    Civic,
    Hugo,
}

// ---------------------------------------------------------------------------------------------
// PRNG: splitmix64 (public domain algorithm by Sebastiano Vigna), enough for text generation.

struct Rng(u64);

impl Rng {
    fn for_doc(seed: u64, salt: u64, i: usize) -> Self {
        let mut r = Rng(seed ^ salt.wrapping_mul(0xA076_1D64_78BD_642F));
        r.0 =
            r.0.wrapping_add((i as u64).wrapping_mul(0xE703_7ED1_A0B4_28DB));
        r.next_u64();
        r
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// The document model shared by both flavors.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    RoleModel,
    Handbook,
    Psa,
    News,
}

impl Kind {
    fn dir(self) -> &'static str {
        match self {
            Kind::RoleModel => "role-models",
            Kind::Handbook => "handbook",
            Kind::Psa => "ads",
            Kind::News => "news",
        }
    }
}

/// What other documents need to know about a document to link to it.
struct Meta {
    kind: Kind,
    slug: String,
    title_zh: String,
    title_en: String,
}

struct Counts {
    role_models: usize,
    handbook: usize,
    psas: usize,
    news: usize,
}

fn counts(docs: usize) -> Counts {
    let role_models = (docs * 7 + 5) / 10;
    let handbook = ((docs * 2 + 5) / 10).min(docs - role_models);
    let rest = docs - role_models - handbook;
    let psas = rest / 2;
    Counts {
        role_models,
        handbook,
        psas,
        news: rest - psas,
    }
}

fn kind_of(c: &Counts, i: usize) -> (Kind, usize) {
    if i < c.role_models {
        (Kind::RoleModel, i)
    } else if i < c.role_models + c.handbook {
        (Kind::Handbook, i - c.role_models)
    } else if i < c.role_models + c.handbook + c.psas {
        (Kind::Psa, i - c.role_models - c.handbook)
    } else {
        (Kind::News, i - c.role_models - c.handbook - c.psas)
    }
}

const SALT_META: u64 = 1;
const SALT_BODY: u64 = 2;

fn meta(seed: u64, c: &Counts, i: usize) -> Meta {
    let (kind, k) = kind_of(c, i);
    let mut r = Rng::for_doc(seed, SALT_META, i);
    match kind {
        Kind::RoleModel => {
            let (sz, sp) = r.pick(&SURNAMES);
            let (gz, gp) = r.pick(&GIVEN);
            let (dz, de) = r.pick(&DEEDS);
            Meta {
                kind,
                slug: format!("{sp}-{gp}-{:05}", k + 1),
                title_zh: format!("{sz}{gz}：{dz}"),
                title_en: format!("{}: {de}", en_name(sp, gp)),
            }
        }
        Kind::Handbook => {
            let (tz, te) = HANDBOOK_TOPICS[k % HANDBOOK_TOPICS.len()];
            Meta {
                kind,
                slug: format!("chapter-{:04}", k + 1),
                title_zh: format!("第{}章 {tz}", k + 1),
                title_en: format!("Chapter {}: {te}", k + 1),
            }
        }
        Kind::Psa => {
            let (cz, ce) = r.pick(&CAMPAIGNS);
            Meta {
                kind,
                slug: format!("psa-{:04}", k + 1),
                title_zh: format!("公益广告：{cz}（{}）", k + 1),
                title_en: format!("Public service ad: {ce} ({})", k + 1),
            }
        }
        Kind::News => {
            let (dz, de) = r.pick(&DISTRICTS);
            let (ez, ee) = r.pick(&NEWS_EVENTS);
            Meta {
                kind,
                slug: format!("news-{:05}", k + 1),
                title_zh: format!("{dz}{ez}"),
                title_en: format!("{de} {ee}"),
            }
        }
    }
}

fn en_name(surname: &str, given: &str) -> String {
    format!("{} {}", capitalize(surname), capitalize(given))
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// A YAML double-quoted scalar.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}

fn date(year: usize, month: usize, day: usize) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// A random date in `year`, not later than 2026-11-24.
fn random_date(r: &mut Rng, year: usize) -> String {
    let month = if year == 2026 {
        r.range(1, 11)
    } else {
        r.range(1, 12)
    };
    let day = if year == 2026 && month == 11 {
        r.range(1, 24)
    } else {
        r.range(1, 28)
    };
    date(year, month, day)
}

/// Language-neutral and per-language front-matter fields of one document, and its bodies.
struct Doc {
    /// `key: value` lines written in both languages' files, Chinese values.
    zh_fields: Vec<(String, String)>,
    en_fields: Vec<(String, String)>,
    /// Language-neutral fields (written once in Civic's Chinese file; in both files for Hugo).
    neutral: Vec<(String, String)>,
    /// Hugo-only language-neutral fields (e.g. `categories`).
    hugo_neutral: Vec<(String, String)>,
    zh_body: String,
    en_body: String,
    has_code: bool,
    psa_active: bool,
}

fn yaml_list(items: &[&str]) -> String {
    let mut s = String::from("[");
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&q(it));
    }
    s.push(']');
    s
}

fn pick_tags(r: &mut Rng) -> Vec<&'static str> {
    let n = r.range(1, 4);
    let mut tags: Vec<&'static str> = Vec::with_capacity(n);
    while tags.len() < n {
        let t = r.pick(&TAGS);
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    tags
}

fn build_doc(seed: u64, c: &Counts, metas: &[Meta], i: usize) -> Doc {
    let m = &metas[i];
    let (_, k) = kind_of(c, i);
    let mut r = Rng::for_doc(seed, SALT_BODY, i);
    let mut zh = Vec::new();
    let mut en = Vec::new();
    let mut neutral = Vec::new();
    let mut hugo_neutral = Vec::new();
    let mut psa_active = false;
    let f = |k: &str, v: String| (k.to_string(), v);

    zh.push(f("title", q(&m.title_zh)));
    en.push(f("title", q(&m.title_en)));

    match m.kind {
        Kind::RoleModel => {
            let (name_zh, rest) = m.title_zh.split_once('：').unwrap_or((&m.title_zh, ""));
            let name_en = m.title_en.split(':').next().unwrap_or("");
            let year = r.range(2018, 2026);
            let (cat, _, _) = r.pick(&CATEGORIES);
            let (dz, de) = r.pick(&DISTRICTS);
            let (oz, oe) = r.pick(&OCCUPATIONS);
            let (qz, qe) = r.pick(&QUOTES);
            zh.push(f(
                "summary",
                q(&format!("{dz}{oz}{name_zh}，{rest}，事迹感人。")),
            ));
            en.push(f(
                "summary",
                q(&format!(
                    "{name_en}, a {oe} from {de}, honoured for {}.",
                    &m.title_en[name_en.len() + 2..]
                )),
            ));
            zh.push(f("name", q(name_zh)));
            en.push(f("name", q(name_en)));
            let n_honors = r.range(1, 3);
            let mut hz = String::new();
            let mut he = String::new();
            let mut used = Vec::new();
            for _ in 0..n_honors {
                let h = r.below(HONORS.len());
                if used.contains(&h) {
                    continue;
                }
                used.push(h);
                let (tz, te, level, iss) = HONORS[h];
                let hy = r.range(2018.max(year - 3), year);
                let (iz, ie) = ISSUERS[iss];
                let _ = write!(
                    hz,
                    "\n  - {{ title: {}, level: {level}, year: {hy}, issuer: {} }}",
                    q(tz),
                    q(iz)
                );
                let _ = write!(
                    he,
                    "\n  - {{ title: {}, level: {level}, year: {hy}, issuer: {} }}",
                    q(te),
                    q(ie)
                );
            }
            zh.push(f("honors", hz));
            en.push(f("honors", he));
            zh.push(f("district", q(dz)));
            en.push(f("district", q(de)));
            zh.push(f("occupation", q(oz)));
            en.push(f("occupation", q(&capitalize(oe))));
            zh.push(f("quote", q(qz)));
            en.push(f("quote", q(qe)));
            if k % 50 == 0 {
                zh.push(f("featured", "true".into()));
                en.push(f("featured", "true".into()));
            }
            neutral.push(f("category", q(cat)));
            hugo_neutral.push(f("categories", yaml_list(&[cat])));
            neutral.push(f("year", year.to_string()));
            hugo_neutral.push(f("years", format!("[\"{year}\"]")));
            neutral.push(f("date", random_date(&mut r, year)));
            neutral.push(f("tags", yaml_list(&pick_tags(&mut r))));
        }
        Kind::Handbook => {
            let (tz, te) = HANDBOOK_TOPICS[k % HANDBOOK_TOPICS.len()];
            zh.push(f(
                "summary",
                q(&format!("市民文明手册第{}章，介绍{tz}的基本要求。", k + 1)),
            ));
            en.push(f(
                "summary",
                q(&format!(
                    "Chapter {} of the citizens' handbook: the basics of {}.",
                    k + 1,
                    te.to_lowercase()
                )),
            ));
            zh.push(f("short_title", q(tz)));
            en.push(f("short_title", q(te)));
            neutral.push(f("weight", (k + 1).to_string()));
            // Every page carries a date (the inspection's undated-item); no draw from `r`, so
            // the rest of the corpus stays as it was.
            neutral.push(f("date", date(2026, 1 + k % 10, 1 + k % 28)));
            neutral.push(f("tags", yaml_list(&pick_tags(&mut r))));
        }
        Kind::Psa => {
            let (theme, _, _, _) = r.pick(&PSA_THEMES);
            let (cz, ce) = r.pick(&CAMPAIGNS);
            let (sz, se) = r.pick(&SPONSORS);
            zh.push(f(
                "summary",
                q(&format!("{cz}主题公益广告，倡导市民共建文明城市。")),
            ));
            en.push(f(
                "summary",
                q(&format!(
                    "A public service ad for the {ce} campaign, inviting everyone to help build a civil city."
                )),
            ));
            zh.push(f("campaign", q(cz)));
            en.push(f("campaign", q(ce)));
            zh.push(f("sponsor", q(sz)));
            en.push(f("sponsor", q(se)));
            neutral.push(f("theme", q(theme)));
            // A third active and ending later, a third open-ended (active), a third expired.
            let (start, end) = match k % 3 {
                0 => (
                    date(2026, r.range(1, 10), r.range(1, 28)),
                    Some(date(2026 + r.below(2), 12, r.range(1, 31))),
                ),
                1 => (date(2026, r.range(1, 11), r.range(1, 20)), None),
                _ => {
                    let y = r.range(2018, 2025);
                    (
                        date(y, r.range(1, 6), r.range(1, 28)),
                        Some(date(y, r.range(7, 12), r.range(1, 28))),
                    )
                }
            };
            psa_active = k % 3 != 2;
            hugo_neutral.push(f("date", start.clone()));
            neutral.push(f("start", start));
            if let Some(e) = end {
                neutral.push(f("end", e));
            }
            neutral.push(f("tags", yaml_list(&pick_tags(&mut r))));
        }
        Kind::News => {
            let (sz, se) = r.pick(&NEWS_SOURCES);
            zh.push(f("summary", q(&format!("{}。", m.title_zh))));
            en.push(f("summary", q(&format!("{}.", m.title_en))));
            zh.push(f("source", q(sz)));
            en.push(f("source", q(se)));
            let year = r.range(2018, 2026);
            let random = random_date(&mut r, year);
            // A portal publishes every week: the first item is recent, so the home page and the
            // news column are fresh on REFERENCE_DATE (the inspection warns otherwise).
            let date = if k == 0 {
                RECENT_DATE.to_string()
            } else {
                random
            };
            neutral.push(f("date", date));
            neutral.push(f("tags", yaml_list(&pick_tags(&mut r))));
        }
    }

    let has_code = r.chance(2);
    let links = pick_links(&mut r, metas, i);
    let zh_target = r.range(600, 1500);
    let en_target = r.range(400, 900);
    let zh_body = bodies::zh_body(&mut r, metas, &links, zh_target, has_code);
    let en_body = bodies::en_body(&mut r, metas, &links, en_target, has_code);
    Doc {
        zh_fields: zh,
        en_fields: en,
        neutral,
        hugo_neutral,
        zh_body,
        en_body,
        has_code,
        psa_active,
    }
}

fn pick_links(r: &mut Rng, metas: &[Meta], me: usize) -> Vec<usize> {
    let n = r.range(1, 3);
    let mut out = Vec::with_capacity(n);
    if metas.len() < 2 {
        return out;
    }
    while out.len() < n {
        let j = r.below(metas.len());
        if j != me && !out.contains(&j) {
            out.push(j);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up() {
        for n in [0, 1, 2, 3, 10, 30, 1000, 10_000] {
            let c = counts(n);
            assert_eq!(c.role_models + c.handbook + c.psas + c.news, n);
        }
        let c = counts(1000);
        assert_eq!(
            (c.role_models, c.handbook, c.psas, c.news),
            (700, 200, 50, 50)
        );
    }

    #[test]
    fn bodies_have_the_requested_length() {
        let c = counts(200);
        let metas: Vec<Meta> = (0..200).map(|i| meta(7, &c, i)).collect();
        for i in 0..200 {
            let d = build_doc(7, &c, &metas, i);
            let zh = d.zh_body.chars().count();
            let en = d.en_body.split_whitespace().count();
            assert!((600..=1800).contains(&zh), "zh {zh}");
            assert!((400..=1000).contains(&en), "en {en}");
        }
    }

    #[test]
    fn slugs_are_unique() {
        let c = counts(5000);
        let mut slugs: Vec<String> = (0..5000).map(|i| meta(1, &c, i).slug).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), 5000);
    }
}
