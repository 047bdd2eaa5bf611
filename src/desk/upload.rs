//! Photos and attachments, picked or dragged onto the edit screen (`desk.js` posts the file's
//! bytes with the page, the name and the alternative texts in the address, and the session's
//! CSRF token in `X-Civic-Csrf`). A picture is stored beside its page as the build publishes
//! one: decoded, turned upright, encoded again without EXIF, GPS or camera data
//! (`render::images::clean_picture`); its name made safe (pinyin or ASCII, lowercase, never an
//! existing file's); its alternative text required in Chinese and English. A role model's
//! photo or an ad's poster is set on the page (`photo:`/`photo_alt:`, and the English twin's
//! `photo_alt:`), any other picture or an attachment is inserted into the body where the editor
//! is typing.

use super::accounts::Role;
use super::document::Document;
use super::pages::{posted_file, read, rebuild_all};
use super::state::{Desk, Fields, Shared};
use crate::content::kinds::Kind;
use crate::messages::Text;
use crate::text;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::path::{Path, PathBuf};

/// The most an uploaded file may hold.
pub const LIMIT: usize = 20 * crate::paths::MB as usize;

#[derive(serde::Deserialize)]
pub struct UploadQuery {
    file: String,
    name: String,
    #[serde(default)]
    alt_zh: String,
    #[serde(default)]
    alt_en: String,
    /// The SHA-256 of the page as the form shows it.
    #[serde(default)]
    base: String,
}

/// What an upload did, for the script.
#[derive(serde::Serialize, Default)]
struct Stored {
    name: String,
    /// Fields set on the page (the form takes their new values).
    fields: Vec<(String, String)>,
    /// The page's new SHA-256 when its file was changed.
    sha: Option<String>,
    /// Markdown to insert where the editor is typing.
    markdown: Option<String>,
    message: String,
}

pub async fn upload(
    State(desk): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<UploadQuery>,
    body: Body,
) -> Response {
    let csrf = headers
        .get("x-civic-csrf")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let form: Fields = [("csrf", csrf), ("file", q.file.as_str())]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let (s, file, path) = match posted_file(&desk, &headers, &form, Role::Editor) {
        Ok(f) => f,
        Err(r) => return *r,
    };
    let bytes = match axum::body::to_bytes(body, LIMIT).await {
        Ok(b) => b,
        Err(_) => {
            return refused(
                &desk,
                text!(
                    "desk-upload-too-large",
                    limit_mb = LIMIT / crate::paths::MB as usize
                ),
            );
        }
    };
    let worker = desk.clone();
    let page = file.clone();
    let done = tokio::task::spawn_blocking(move || store(&worker, &page, &path, &q, &bytes)).await;
    match done {
        Ok(Ok(stored)) => {
            super::log::append(
                &desk.root,
                &s.user,
                "upload",
                serde_json::json!({"file": file, "stored": stored.name, "fields": stored.fields}),
            );
            json(StatusCode::OK, &serde_json::json!(stored))
        }
        Ok(Err(message)) => refused(&desk, message),
        Err(_) => refused(&desk, text!("desk-busy")),
    }
}

fn json(status: StatusCode, value: &serde_json::Value) -> Response {
    let mut r = (status, value.to_string()).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn refused(desk: &Desk, message: Text) -> Response {
    json(
        StatusCode::BAD_REQUEST,
        &serde_json::json!({"message": message.in_lang(desk.lang)}),
    )
}

/// Checks, cleans and stores the file beside the page, and sets the page's photo when it has one.
fn store(
    desk: &Desk,
    file: &str,
    page: &Path,
    q: &UploadQuery,
    bytes: &[u8],
) -> Result<Stored, Text> {
    if file.ends_with(".en.md") {
        return Err(text!("desk-upload-on-chinese"));
    }
    let (stem, ext) = q.name.rsplit_once('.').unwrap_or((q.name.as_str(), ""));
    let ext = match ext.to_ascii_lowercase().as_str() {
        "jpeg" => "jpg".to_string(),
        e => e.to_string(),
    };
    let (alt_zh, alt_en) = (one_line(&q.alt_zh), one_line(&q.alt_en));
    let picture = crate::render::images::picture_format(&ext);
    let data = match picture {
        Some(_) if alt_zh.is_empty() || alt_en.is_empty() => {
            return Err(text!("desk-upload-alt-needed"));
        }
        Some(format) => crate::render::images::clean_picture(bytes, format)
            .map_err(|why| text!("desk-upload-bad-image", name = q.name.as_str(), why = why))?,
        None => attachment(bytes, &ext, &q.name)?,
    };
    let slot = picture.and_then(|_| figure_fields(desk, file));
    // The page is changed only from the version the form shows (another save wins, as ever).
    if slot.is_some() && crate::digest::sha256_hex(read(page, file)?.as_bytes()) != q.base {
        return Err(text!("desk-conflict"));
    }
    let dir = page
        .parent()
        .ok_or_else(|| text!("desk-not-content", file = file))?;
    let name = free_name(dir, stem, &ext, file);
    crate::paths::write_file_atomically(&dir.join(&name), &data)
        .map_err(|e| text!("desk-unwritable", file = name.as_str(), why = e.to_string()))?;
    let alts = (name.as_str(), alt_zh.as_str(), alt_en.as_str());
    let stored = match slot {
        Some(keys) => set_figure(desk, (file, page), keys, alts),
        None => Ok(in_body(desk, alts, picture.is_some())),
    };
    // A new file beside the pages: the whole preview is built again (as serve does).
    rebuild_all(desk);
    stored
}

/// An attachment of a type the desk takes, whose first bytes are what its name says.
fn attachment(bytes: &[u8], ext: &str, name: &str) -> Result<Vec<u8>, Text> {
    let magic: &[u8] = match ext {
        "pdf" => b"%PDF-",
        "docx" | "xlsx" => b"PK\x03\x04",
        _ => return Err(text!("desk-upload-type", ext = ext)),
    };
    if bytes.starts_with(magic) {
        Ok(bytes.to_vec())
    } else {
        Err(text!("desk-upload-not-what-named", name = name, ext = ext))
    }
}

/// A picture or an attachment that goes into the body where the editor is typing.
fn in_body(desk: &Desk, (name, alt_zh, alt_en): (&str, &str, &str), picture: bool) -> Stored {
    let label = markdown_text(if alt_zh.is_empty() { name } else { alt_zh });
    let (markdown, said) = if picture {
        let english = format!("![{}]({name})", markdown_text(alt_en));
        (
            format!("![{label}]({name})"),
            text!("desk-upload-in-body", name = name, english = english),
        )
    } else {
        (
            format!("[{label}]({name})"),
            text!("desk-upload-attached", name = name),
        )
    };
    Stored {
        name: name.to_string(),
        markdown: Some(markdown),
        message: said.in_lang(desk.lang),
        ..Stored::default()
    }
}

/// Text for a Markdown link or image label: its brackets and backslashes escaped.
fn markdown_text(s: &str) -> String {
    s.chars().fold(String::new(), |mut out, c| {
        if matches!(c, '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
        out
    })
}

/// An alternative text as one line of plain text.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name beside the page no file has: the upload's name as pinyin or ASCII words, else the
/// page's own name, then `-2`, `-3`… when taken.
fn free_name(dir: &Path, stem: &str, ext: &str, file: &str) -> String {
    let page = file
        .trim_end_matches(".md")
        .rsplit('/')
        .next()
        .filter(|s| *s != "index")
        .unwrap_or("photo")
        .to_string();
    let base = crate::slug::pinyin_slug(stem).unwrap_or(page);
    (1..1000)
        .map(|n| {
            if n == 1 {
                format!("{base}.{ext}")
            } else {
                format!("{base}-{n}.{ext}")
            }
        })
        .find(|n| !dir.join(n).exists())
        .unwrap_or_else(|| format!("{base}-{}.{ext}", jiff::Timestamp::now().as_second()))
}

/// The page's figure fields, when its kind has one: a role model's photo, an ad's poster.
fn figure_fields(desk: &Desk, file: &str) -> Option<(&'static str, &'static str)> {
    let live = desk.live().ok()?;
    let kind = live
        .site()?
        .pages
        .iter()
        .find(|p| *p.doc.source.file == *file)?
        .kind();
    match kind {
        Kind::RoleModel => Some(("photo", "photo_alt")),
        Kind::Psa => Some(("poster", "poster_alt")),
        _ => None,
    }
}

/// Sets the figure and its Chinese alternative text on the page, the English one on its twin.
fn set_figure(
    desk: &Desk,
    (file, page): (&str, &Path),
    (key, alt_key): (&str, &str),
    (name, alt_zh, alt_en): (&str, &str, &str),
) -> Result<Stored, Text> {
    let text = read(page, file)?;
    let changed = Document::parse(&text)
        .with_field(key, name)
        .map(|t| Document::parse(&t))
        .and_then(|d| d.with_field(alt_key, alt_zh))
        .ok_or_else(|| text!("desk-not-content", file = file))?;
    let twin_file = format!("{}.en.md", file.trim_end_matches(".md"));
    let twin: PathBuf = desk.root.join(&twin_file);
    let changed = if twin.is_file() {
        let en = read(&twin, &twin_file)?;
        if let Some(set) = Document::parse(&en).with_field(alt_key, alt_en) {
            write(&twin, &twin_file, &set)?;
        }
        changed
    } else {
        // No English page yet: the English text waits under the Chinese one for the twin.
        let note = format!("{}{alt_en}", super::document::english_note(alt_key));
        Document::parse(&changed).with_note_after(alt_key, &note)
    };
    write(page, file, &changed)?;
    Ok(Stored {
        name: name.to_string(),
        fields: vec![(key.into(), name.into()), (alt_key.into(), alt_zh.into())],
        sha: Some(crate::digest::sha256_hex(changed.as_bytes())),
        markdown: None,
        message: text!("desk-upload-figure", name = name, field = key).in_lang(desk.lang),
    })
}

fn write(path: &Path, file: &str, text: &str) -> Result<(), Text> {
    crate::paths::write_file_atomically(path, text.as_bytes())
        .map_err(|e| text!("desk-unwritable", file = file, why = e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_cannot_close_the_link_and_attachments_are_what_they_say() {
        assert_eq!(markdown_text("a](x) [b\\"), "a\\](x) \\[b\\\\");
        assert!(attachment(b"%PDF-1.7 ...", "pdf", "a.pdf").is_ok());
        assert!(attachment(b"MZ\x90\0", "pdf", "a.pdf").is_err());
        assert!(attachment(b"PK\x03\x04...", "docx", "a.docx").is_ok());
        assert!(attachment(b"PK\x03\x04", "exe", "a.exe").is_err());
    }
}
