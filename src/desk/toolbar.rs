//! The body's small toolbar (bold, link, list, heading, image, link to another page) above the
//! plain text area, the dialog that picks the page, the upload panel, and the desk's script
//! that runs them. The
//! buttons only type Markdown into the text area, as the editor would; without the script the
//! toolbar stays hidden and the text area works as before.

use super::state::{Shared, session};
use crate::escape::markup as esc;
use crate::messages::{Lang, Text};
use crate::text;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};

const SCRIPT: &str = include_str!("desk.js");

fn t(lang: Lang, text: Text) -> String {
    esc(&text.in_lang(lang))
}

/// The toolbar, hidden until the script shows it. One tab stop; the arrow keys move along it.
pub fn toolbar(lang: Lang) -> String {
    let buttons: String = ["bold", "link", "list", "heading", "image", "page"]
        .iter()
        .enumerate()
        .map(|(i, action)| {
            format!(
                "<button type=\"button\" class=\"secondary\" data-action=\"{action}\" tabindex=\"{}\">{}</button>",
                if i == 0 { 0 } else { -1 },
                t(lang, text!("desk-toolbar-button", action = *action))
            )
        })
        .collect();
    format!(
        "<div id=\"body-toolbar\" class=\"toolbar\" role=\"toolbar\" aria-label=\"{}\" aria-controls=\"body\" hidden>{buttons}</div>",
        t(lang, text!("desk-toolbar"))
    )
}

/// The dialog of the toolbar's last button: the site's pages, narrowed by words.
pub fn page_picker(lang: Lang) -> String {
    format!(
        "<dialog id=\"page-picker\" aria-labelledby=\"picker-h\"><h3 id=\"picker-h\">{h}</h3><label for=\"picker-q\">{find}</label><input id=\"picker-q\" type=\"search\"><label for=\"picker-list\">{pages}</label><select id=\"picker-list\" size=\"8\"></select><p><button type=\"button\" id=\"picker-insert\">{insert}</button> <button type=\"button\" class=\"secondary\" id=\"picker-cancel\">{cancel}</button></p></dialog>",
        h = t(lang, text!("desk-picker-title")),
        find = t(lang, text!("desk-picker-find")),
        pages = t(lang, text!("desk-picker-pages")),
        insert = t(lang, text!("desk-picker-insert")),
        cancel = t(lang, text!("desk-picker-cancel")),
    )
}

/// The upload panel of a Chinese page's edit screen, outside the save form (its fields are not
/// the page's); hidden until the script shows it.
pub fn upload_panel(lang: Lang, file: &str) -> String {
    if file.ends_with(".en.md") {
        return String::new();
    }
    format!(
        "<section id=\"upload\" aria-labelledby=\"upload-h\" hidden><h3 id=\"upload-h\">{h}</h3><div id=\"drop\" class=\"drop\"><label for=\"upload-file\">{pick}</label><input id=\"upload-file\" type=\"file\" accept=\".jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx\"></div><label for=\"alt-zh\">{zh}</label><input id=\"alt-zh\" lang=\"zh-CN\"><label for=\"alt-en\">{en}</label><input id=\"alt-en\" lang=\"en\"><p><button type=\"button\" id=\"upload-go\">{go}</button></p><div id=\"upload-status\" role=\"status\"></div></section>",
        h = t(lang, text!("desk-upload")),
        pick = t(lang, text!("desk-upload-pick")),
        zh = t(lang, text!("desk-upload-alt-zh")),
        en = t(lang, text!("desk-upload-alt-en")),
        go = t(lang, text!("desk-upload-go")),
    )
}

pub async fn script() -> Response {
    let mut r = SCRIPT.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

/// The site's Chinese pages as the picker lists them: title, file, and the link a page writes
/// to it (`@/role-models/li-mei.md`; in an English page it leads to the English twin).
pub async fn pages(State(desk): State<Shared>, headers: HeaderMap) -> Response {
    if let Err(r) = session(&desk, &headers) {
        return *r;
    }
    let list: Vec<serde_json::Value> = match desk.live() {
        Ok(live) => live.site().map_or_else(Vec::new, |site| {
            site.pages_in(Lang::Zh)
                .map(|p| {
                    serde_json::json!({
                        "title": p.title(),
                        "file": p.doc.source.file,
                        "link": format!("@/{}", p.doc.rel),
                    })
                })
                .collect()
        }),
        Err(r) => return *r,
    };
    let mut r = serde_json::Value::from(list).to_string().into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}
