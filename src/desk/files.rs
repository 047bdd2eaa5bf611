//! Deleting and duplicating pages from the desk. Nothing is ever gone: a deleted page (with its
//! English twin and its sign-off record) moves to the site's `.civic/trash/<time>/`, keeping its
//! path, from where it can be moved back.

use super::accounts::Role;
use super::document::Document;
use super::pages::posted_file;
use super::state::{Desk, Fields, Shared, redirect, refuse};
use super::views::urlencode;
use crate::text;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use std::path::Path;

/// Where deleted pages go, relative to the site.
pub const TRASH: &str = ".civic/trash";

pub async fn delete(
    State(desk): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Fields>,
) -> Response {
    let (s, file, path) = match posted_file(&desk, &headers, &form, Role::Editor) {
        Ok(f) => f,
        Err(r) => return *r,
    };
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let trash = desk.root.join(TRASH).join(&stamp);
    let mut moved = Vec::new();
    for rel in companions(&file) {
        let from = if rel == file {
            path.clone()
        } else {
            desk.root.join(&rel)
        };
        if !from.is_file() {
            continue;
        }
        if let Err(e) = move_into(&from, &trash.join(&rel)) {
            return refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                &desk,
                text!("desk-unwritable", file = rel.as_str(), why = e.to_string()),
            );
        }
        moved.push(rel);
    }
    super::log::append(
        &desk.root,
        &s.user,
        "delete",
        serde_json::json!({"file": file, "moved": moved, "to": format!("{TRASH}/{stamp}")}),
    );
    for rel in moved.iter().filter(|r| r.ends_with(".md")) {
        super::pages::rebuild(&desk, rel);
    }
    redirect("/desk/?deleted=1")
}

/// A page's file, its English twin and its sign-off record (the files that go together).
fn companions(file: &str) -> Vec<String> {
    let stem = file
        .strip_suffix(".en.md")
        .or_else(|| file.strip_suffix(".md"))
        .unwrap_or(file);
    let mut out = vec![file.to_string()];
    if !file.ends_with(".en.md") {
        out.push(format!("{stem}.en.md"));
        out.push(crate::review::record::record_file(file));
    }
    out
}

fn move_into(from: &Path, to: &Path) -> std::io::Result<()> {
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::rename(from, to)
}

pub async fn duplicate(
    State(desk): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Fields>,
) -> Response {
    let (s, file, path) = match posted_file(&desk, &headers, &form, Role::Editor) {
        Ok(f) => f,
        Err(r) => return *r,
    };
    let copy = match copy_of(&desk, &file, &path) {
        Ok(c) => c,
        Err(m) => return refuse(StatusCode::BAD_REQUEST, &desk, m),
    };
    super::log::append(
        &desk.root,
        &s.user,
        "duplicate",
        serde_json::json!({"file": file, "copy": copy}),
    );
    super::pages::rebuild(&desk, &copy);
    redirect(&format!("/desk/edit?file={}", urlencode(&copy)))
}

/// Writes `stem-2.md` (the first free number) with the title marked as a copy and the slug, if
/// the page names one, made new; the file name of the copy.
fn copy_of(desk: &Desk, file: &str, path: &Path) -> Result<String, crate::messages::Text> {
    let text = super::pages::read(path, file)?;
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let (n, copy) = (2..1000)
        .map(|n| (n, format!("{stem}-{n}.md")))
        .find(|(_, c)| !desk.root.join(c).exists())
        .ok_or_else(|| text!("desk-bad-file", file = file, why = "no free name"))?;
    let doc = Document::parse(&text);
    let marked = text!("desk-copy-title", title = doc.value("title").unwrap_or(""))
        .in_lang(crate::messages::Lang::Zh);
    let fields = |k: &str| match k {
        "title" => Some(marked.clone()),
        "slug" => doc.value("slug").map(|s| format!("{s}-{n}")),
        _ => None,
    };
    let body = doc.body.clone();
    crate::paths::write_file_atomically(
        &desk.root.join(&copy),
        doc.with_changes(&fields, &body).as_bytes(),
    )
    .map_err(|e| text!("desk-unwritable", file = copy.as_str(), why = e.to_string()))?;
    Ok(copy)
}

/// Creates the English twin of a Chinese page, as `civic new --lang en` does: every field to
/// translate filled from the Chinese page and marked, the English title as the editor gave it.
pub async fn twin(
    State(desk): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Fields>,
) -> Response {
    let (s, file) = match posted_file(&desk, &headers, &form, Role::Editor) {
        Ok((s, file, _)) if !file.ends_with(".en.md") => (s, file),
        Ok((_, file, _)) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                &desk,
                text!("desk-not-content", file = file.as_str()),
            );
        }
        Err(r) => return *r,
    };
    let kind = {
        let live = match desk.live() {
            Ok(l) => l,
            Err(r) => return *r,
        };
        live.site()
            .and_then(|site| site.pages.iter().find(|p| *p.doc.source.file == *file))
            .map(|p| p.kind().name())
    };
    let Some(kind) = kind else {
        return refuse(StatusCode::CONFLICT, &desk, text!("desk-not-built"));
    };
    let rel = file.strip_prefix("content/").unwrap_or(&file);
    let (section, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    let slug = name.strip_suffix(".md").unwrap_or(name);
    let title = form.get("title").map_or("", |t| t.trim());
    let request = crate::new::Request {
        kind,
        title,
        root: &desk.root,
        slug: Some(slug),
        lang: crate::new::NewLang::En,
        section: Some(section),
        date: None,
    };
    match crate::new::create(&request) {
        Ok(_) => {
            let en = format!(
                "content/{}{slug}.en.md",
                if section.is_empty() {
                    String::new()
                } else {
                    format!("{section}/")
                }
            );
            english_alt_into_twin(&desk, &file, &en);
            super::log::append(
                &desk.root,
                &s.user,
                "new-twin",
                serde_json::json!({"file": en, "of": file}),
            );
            super::pages::rebuild(&desk, &en);
            redirect(&format!("/desk/edit?file={}", urlencode(&en)))
        }
        Err(refused) => refuse(
            StatusCode::BAD_REQUEST,
            &desk,
            super::pages::refusal(refused),
        ),
    }
}

/// The English alternative text given when a picture was uploaded before the twin existed
/// (a comment under the Chinese page's `photo_alt`/`poster_alt`), written into the new twin.
fn english_alt_into_twin(desk: &Desk, zh: &str, en: &str) {
    let (Ok(zh_text), Ok(en_text)) = (
        super::pages::read(&desk.root.join(zh), zh),
        super::pages::read(&desk.root.join(en), en),
    ) else {
        return;
    };
    let zh_doc = Document::parse(&zh_text);
    for key in ["photo_alt", "poster_alt"] {
        let note = super::document::english_note(key);
        let Some(alt) = zh_doc.note(&note).filter(|a| !a.trim().is_empty()) else {
            continue;
        };
        if let Some(set) = Document::parse(&en_text).with_field(key, alt) {
            let _ = crate::paths::write_file_atomically(&desk.root.join(en), set.as_bytes());
        }
    }
}
