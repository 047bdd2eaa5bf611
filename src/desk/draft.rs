//! The preview while the editor types: the edit form, as it is and not saved, is posted to
//! `/desk/draft` a short pause after the last keystroke (`desk.js`); the page is made from it
//! as the save would make the file (`Document::with_changes`), rendered by serve's live engine
//! from the page's declared inputs ([`Live::render_draft`]) and sent back as JSON for both
//! twins' previews. Nothing is written to content/ or to the preview's folder.
//!
//! [`Live::render_draft`]: crate::serve::live::Live::render_draft

use super::accounts::Role;
use super::document::Document;
use super::pages::{posted_file, read};
use super::state::{Desk, Fields, Shared};
use super::views::problem;
use crate::serve::live::Drafted;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::path::PathBuf;

pub async fn draft(
    State(desk): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Fields>,
) -> Response {
    let (_, file, path) = match posted_file(&desk, &headers, &form, Role::Editor) {
        Ok(f) => f,
        Err(r) => return *r,
    };
    let worker = desk.clone();
    let done = tokio::task::spawn_blocking(move || render(&worker, &file, path, &form)).await;
    match done {
        Ok(Ok(json)) => {
            let mut r = json.to_string().into_response();
            let headers = r.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            );
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            r
        }
        Ok(Err(r)) => *r,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The form's page rendered: `{state, pages: [{lang, url, html}], problems, ms}`.
fn render(
    desk: &Desk,
    file: &str,
    path: PathBuf,
    form: &Fields,
) -> Result<serde_json::Value, Box<Response>> {
    let text = read(&path, file)
        .map_err(|m| Box::new(super::state::refuse(StatusCode::NOT_FOUND, desk, m)))?;
    let fields = |k: &str| form.get(&format!("field.{k}")).cloned();
    let body = form.get("body").map_or("", String::as_str);
    let unsaved = Document::parse(&text).with_changes(&fields, body);
    let rel = file.strip_prefix("content/").unwrap_or(file);
    let draft = desk.live()?.render_draft(rel, &unsaved);
    let ms = draft.elapsed.as_secs_f64() * 1000.0;
    let lang = desk.lang;
    Ok(match draft.drafted {
        Drafted::Pages(pages) => serde_json::json!({
            "state": "pages",
            "pages": pages.iter().map(|p| serde_json::json!({
                "lang": p.lang.code(), "url": p.url, "html": with_base(&p.html, &p.url),
            })).collect::<Vec<_>>(),
            "problems": "",
            "ms": ms,
        }),
        Drafted::Problems(problems) => serde_json::json!({
            "state": "problems",
            "pages": [],
            "problems": problems.iter().map(|p| problem(lang, p)).collect::<String>(),
            "ms": ms,
        }),
        Drafted::AfterSave => serde_json::json!({
            "state": "after-save",
            "pages": [],
            "problems": crate::escape::markup(&crate::text!("desk-draft-after-save").in_lang(lang)),
            "ms": ms,
        }),
    })
}

/// The page's own address as its base: shown in the preview's frame as `srcdoc`, its relative
/// links and images resolve as on the page itself.
fn with_base(html: &str, url: &str) -> String {
    let base = format!("<head><base href=\"{}\">", crate::escape::markup(url));
    html.replacen("<head>", &base, 1)
}
