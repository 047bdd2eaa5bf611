//! The desk's screens and actions on content: the list, the edit screen, saving, a new page,
//! signing, publishing. Each action calls the library the commands call (`new::create`,
//! `review::sign`, `publish::preflight` and `publish::run`) and is written to the desk's log.

use super::accounts::Role;
use super::document::Document;
use super::edit_page::{EditView, edit as edit_html};
use super::state::{EditParams, Fields, Shared, page, posted, redirect, refuse, session};
use super::views::{self, Item, urlencode};
use crate::messages::{Lang, Text};
use crate::paths::SitePath;
use crate::serve::live::Changes;
use crate::text;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use std::path::PathBuf;

/// The most a page's file may hold when the desk reads it.
const PAGE_LIMIT: u64 = 4 * crate::paths::MB;

const KINDS: &[&str] = &["news", "role_model", "handbook", "psa", "page"];

/// The list's search: words in the title or file name, and one section.
#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub section: String,
    /// Set after a page was deleted: the list says where it went.
    #[serde(default)]
    pub deleted: Option<String>,
}

pub async fn list(
    State(desk): State<Shared>,
    headers: HeaderMap,
    Query(query): Query<ListQuery>,
) -> Response {
    let s = match session(&desk, &headers) {
        Ok(s) => s,
        Err(r) => return *r,
    };
    let (all, banner) = {
        let live = match desk.live() {
            Ok(l) => l,
            Err(r) => return *r,
        };
        let all = live
            .site()
            .map_or_else(Vec::new, |site| items(site, &desk.root));
        (all, views::site_problems(desk.lang, live.problems()))
    };
    let mut sections: Vec<String> = all.iter().map(|i| i.section.clone()).collect();
    sections.dedup();
    let words = query.q.trim().to_lowercase();
    let shown: Vec<Item> = all
        .into_iter()
        .filter(|i| query.section.is_empty() || i.section == query.section)
        .filter(|i| {
            words.is_empty()
                || i.title.to_lowercase().contains(&words)
                || i.file.to_lowercase().contains(&words)
        })
        .collect();
    let search = views::Search {
        q: &query.q,
        section: &query.section,
        sections: &sections,
        notice: query.deleted.is_some().then(|| text!("desk-deleted")),
        banner,
    };
    page(views::list(desk.lang, &s, &shown, KINDS, &search))
}

fn items(site: &crate::site::Site, root: &std::path::Path) -> Vec<Item> {
    let translations = crate::translations::rows(site);
    let reviews = crate::review::status(site, root).unwrap_or_default();
    site.pages_in(Lang::Zh)
        .map(|p| {
            let file = p.doc.source.file.to_string();
            let mut states = Vec::new();
            if p.doc.common.draft {
                states.push(text!("desk-state-draft"));
            }
            if let Some(row) = translations.iter().find(|r| r.file == file) {
                states.push(text!("desk-state-english", state = freshness(&row.status)));
            }
            if let Some(level) = reviews
                .iter()
                .find(|r| r.file == file)
                .and_then(|r| r.awaiting())
            {
                states.push(text!("desk-state-awaiting", level = level.label()));
            }
            Item {
                title: p.title().to_string(),
                section: site.section(p.section).doc.meta.title.clone(),
                file,
                states,
            }
        })
        .collect()
}

fn freshness(f: &crate::translations::Freshness) -> &'static str {
    use crate::translations::Freshness as F;
    match f {
        F::Missing => "missing",
        F::UpToDate => "up-to-date",
        F::Outdated => "outdated",
        F::Unreviewed => "unreviewed",
    }
}

/// A page's file named by a request: under content/, a Markdown file, inside the site.
pub(super) fn content_file(
    desk: &super::state::Desk,
    given: &str,
) -> Result<(String, PathBuf), Text> {
    let rel =
        SitePath::parse(given).map_err(|p| text!("desk-bad-file", file = given, why = p.text()))?;
    if !rel.as_str().starts_with("content/") || !rel.as_str().ends_with(".md") {
        return Err(text!("desk-not-content", file = given));
    }
    let path = rel
        .open_in(&desk.root)
        .map_err(|p| text!("desk-bad-file", file = given, why = p.text()))?;
    Ok((rel.as_str().to_string(), path))
}

/// A form post that names a page: the session that may do `role`, and the page's file (site
/// relative) and path, or the answer that refuses it.
pub(super) fn posted_file(
    desk: &super::state::Desk,
    headers: &HeaderMap,
    form: &Fields,
    role: Role,
) -> Result<(super::session::Session, String, PathBuf), Box<Response>> {
    let s = posted(desk, headers, form, Some(role))?;
    let given = form.get("file").map_or("", String::as_str);
    let (file, path) = content_file(desk, given)
        .map_err(|m| Box::new(refuse(StatusCode::BAD_REQUEST, desk, m)))?;
    Ok((s, file, path))
}

pub(super) fn read(path: &std::path::Path, file: &str) -> Result<String, Text> {
    let bytes = crate::paths::read_regular(path, PAGE_LIMIT)
        .map_err(|p| text!("desk-bad-file", file = file, why = p.text()))?;
    String::from_utf8(bytes).map_err(|_| text!("desk-not-utf8", file = file))
}

pub async fn edit(State(desk): State<Shared>, headers: HeaderMap, q: EditParams) -> Response {
    let s = match session(&desk, &headers) {
        Ok(s) => s,
        Err(r) => return *r,
    };
    let notice = q.saved.is_some().then(|| text!("desk-saved"));
    show_edit(&desk, &s, &q.file, None, notice)
}

/// The edit screen of `file`; with `draft`, the text the editor sent instead of the file's.
fn show_edit(
    desk: &super::state::Desk,
    s: &super::session::Session,
    given: &str,
    draft: Option<(&Fields, Text)>,
    notice: Option<Text>,
) -> Response {
    let (file, path) = match content_file(desk, given) {
        Ok(f) => f,
        Err(m) => return refuse(StatusCode::BAD_REQUEST, desk, m),
    };
    let text = match read(&path, &file) {
        Ok(t) => t,
        Err(m) => return refuse(StatusCode::NOT_FOUND, desk, m),
    };
    let sha = crate::digest::sha256_hex(text.as_bytes());
    let mut doc = Document::parse(&text);
    let mut notice = notice;
    if let Some((form, why)) = draft {
        let fields = |k: &str| form.get(&format!("field.{k}")).cloned();
        let body = form.get("body").cloned().unwrap_or_default();
        doc = Document::parse(&doc.with_changes(&fields, &body));
        notice = Some(why);
    }
    let live = match desk.live() {
        Ok(l) => l,
        Err(r) => return *r,
    };
    let problems: Vec<&crate::error::Problem> = live
        .problems()
        .iter()
        .filter(|p| p.file.as_deref() == Some(file.as_str()))
        .collect();
    let site = live.site();
    let this = site.and_then(|site| site.pages.iter().find(|p| *p.doc.source.file == *file));
    let twin = this
        .and_then(|p| p.translation)
        .and_then(|t| site.map(|site| site.page(t)));
    let previews: Vec<(Lang, String)> = this
        .into_iter()
        .chain(twin)
        .map(|p| (p.lang(), p.url.clone()))
        .collect();
    let original = file.strip_suffix(".en.md").and_then(|stem| {
        let zh = format!("{stem}.md");
        let text = read(&desk.root.join(&zh), &zh).ok()?;
        Some((zh, Document::parse(&text)))
    });
    let twin_file = (!file.ends_with(".en.md"))
        .then(|| twin.map(|t| t.doc.source.file.to_string()))
        .flatten();
    let review = site
        .and_then(|site| crate::review::status(site, &desk.root).ok())
        .and_then(|all| all.into_iter().find(|r| r.file == file))
        .map(|r| r.levels)
        .unwrap_or_default();
    let categories = site.map_or_else(Vec::new, |site| {
        site.config
            .role_model_categories
            .iter()
            .map(|c| c.key.clone())
            .collect()
    });
    let view = EditView {
        file: &file,
        doc: &doc,
        base_sha: &sha,
        problems,
        previews,
        original,
        twin: twin_file,
        choices: vec![("category", categories)],
        review,
        notice,
    };
    page(edit_html(desk.lang, s, &view))
}

pub async fn save(
    State(desk): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Fields>,
) -> Response {
    let (s, file, path) = match posted_file(&desk, &headers, &form, Role::Editor) {
        Ok(f) => f,
        Err(r) => return *r,
    };
    let text = match read(&path, &file) {
        Ok(t) => t,
        Err(m) => return refuse(StatusCode::NOT_FOUND, &desk, m),
    };
    let before = crate::digest::sha256_hex(text.as_bytes());
    // Another browser saved since this form was opened: keep both, lose neither.
    if form.get("base_sha").map(String::as_str) != Some(before.as_str()) {
        super::log::append(
            &desk.root,
            &s.user,
            "save-conflict",
            serde_json::json!({"file": file}),
        );
        return show_edit(
            &desk,
            &s,
            &file,
            Some((&form, text!("desk-conflict"))),
            None,
        );
    }
    let doc = Document::parse(&text);
    let fields = |k: &str| form.get(&format!("field.{k}")).cloned();
    let new = doc.with_changes(&fields, form.get("body").map_or("", String::as_str));
    if new != text {
        if let Err(e) = crate::paths::write_file_atomically(&path, new.as_bytes()) {
            return refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                &desk,
                text!("desk-unwritable", file = file.as_str(), why = e.to_string()),
            );
        }
        let after = crate::digest::sha256_hex(new.as_bytes());
        super::log::append(
            &desk.root,
            &s.user,
            "save",
            serde_json::json!({"file": file, "sha256_before": before, "sha256_after": after}),
        );
        rebuild(&desk, &file);
    }
    redirect(&format!("/desk/edit?file={}&saved=1", urlencode(&file)))
}

/// Rebuilds what an edit of `file` touches, as `civic serve` does.
pub(super) fn rebuild(desk: &super::state::Desk, file: &str) {
    let mut changes = Changes::default();
    if let Some(rel) = file.strip_prefix("content/") {
        changes.markdown.insert(rel.to_string());
    }
    if let Ok(mut live) = desk.live() {
        live.apply(&changes);
    }
}

/// Builds the whole preview again, as `civic serve` does when a file beside the pages appears.
pub(super) fn rebuild_all(desk: &super::state::Desk) {
    if let Ok(mut live) = desk.live() {
        live.apply(&Changes {
            full: true,
            ..Changes::default()
        });
    }
}

pub async fn new_page(
    State(desk): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Fields>,
) -> Response {
    let s = match posted(&desk, &headers, &form, Some(Role::Editor)) {
        Ok(s) => s,
        Err(r) => return *r,
    };
    let kind = form.get("kind").map_or("", String::as_str);
    let title = form.get("title").map_or("", |t| t.trim());
    let date = desk.preview.date.to_string();
    let request = crate::new::Request {
        kind,
        title,
        root: &desk.root,
        slug: None,
        lang: crate::new::NewLang::Zh,
        section: None,
        date: Some(&date),
    };
    match crate::new::create(&request) {
        Ok(created) => {
            let file = created
                .files
                .first()
                .map(|f| f.strip_prefix(&desk.root).unwrap_or(f))
                .map(|f| f.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            super::log::append(
                &desk.root,
                &s.user,
                "new",
                serde_json::json!({"file": file, "kind": kind}),
            );
            rebuild(&desk, &file);
            redirect(&format!("/desk/edit?file={}", urlencode(&file)))
        }
        Err(refused) => refuse(StatusCode::BAD_REQUEST, &desk, refusal(refused)),
    }
}

pub async fn sign(
    State(desk): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Fields>,
) -> Response {
    let level = form
        .get("level")
        .and_then(|l| l.parse::<u8>().ok())
        .and_then(crate::review::Level::new);
    let Some(level) = level else {
        return refuse(StatusCode::BAD_REQUEST, &desk, text!("desk-bad-level"));
    };
    let (s, file, _) = match posted_file(&desk, &headers, &form, Role::reviewer_of(level)) {
        Ok(f) => f,
        Err(r) => return *r,
    };
    let signed = {
        let live = match desk.live() {
            Ok(l) => l,
            Err(r) => return *r,
        };
        let Some(site) = live.site() else {
            return refuse(StatusCode::CONFLICT, &desk, text!("desk-not-built"));
        };
        crate::review::sign(site, &desk.root, &file, level, &s.user, desk.preview.date)
    };
    match signed {
        Ok(signoff) => {
            super::log::append(
                &desk.root,
                &s.user,
                "sign",
                serde_json::json!({"file": file, "level": level.get(), "sha256": signoff.sha256}),
            );
            redirect(&format!("/desk/edit?file={}&saved=1", urlencode(&file)))
        }
        Err(failed) => {
            let message = failed
                .0
                .first()
                .map_or_else(|| text!("desk-busy"), |p| p.message.clone());
            refuse(StatusCode::FORBIDDEN, &desk, message)
        }
    }
}

pub(super) fn refusal(refused: crate::new::Refused) -> Text {
    use crate::new::Refused as R;
    match refused {
        R::Request(t) | R::Cannot(t, _) => t,
        R::Site(failed) => failed
            .0
            .into_iter()
            .next()
            .map_or_else(|| text!("desk-busy"), |p| p.message),
    }
}

pub use super::publishing::{publish, publish_form};
