//! The preview web server. Serves only files inside the output folder (no `..`, no symlinks out),
//! answers missing files with a real 404, and adds to HTML responses — never to files on disk — a
//! small script that reloads the page when a rebuild finishes, and an overlay while the site has
//! problems.

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::convert::Infallible;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, RwLock};
use tokio::sync::broadcast;

pub const EVENTS: &str = "/__civic/events";
pub const SCRIPT: &str = "/__civic/reload.js";
pub const FINDINGS: &str = "/__civic/findings";

/// What the server knows about the latest build.
#[derive(Clone, Debug, Default)]
pub struct Status {
    /// Increases with every finished rebuild.
    pub build: u64,
    /// The overlay's HTML while the site has problems.
    pub overlay: Option<String>,
    /// The panel of what `civic check` finds, while it finds anything.
    pub findings: Option<String>,
}

impl Status {
    /// What is added to every HTML page: the overlay and the findings panel.
    fn shown(&self) -> Option<String> {
        match (&self.overlay, &self.findings) {
            (None, None) => None,
            (o, f) => Some(format!(
                "{}{}",
                o.as_deref().unwrap_or(""),
                f.as_deref().unwrap_or("")
            )),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub output: PathBuf,
    pub base_path: String,
    pub status: Arc<RwLock<Status>>,
    pub events: broadcast::Sender<String>,
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route(EVENTS, get(events))
        .route(SCRIPT, get(script))
        .route(FINDINGS, get(findings))
        .fallback(file)
        .with_state(state)
}

async fn events(State(state): State<AppState>) -> impl IntoResponse {
    let rx = state.events.subscribe();
    let build = state.status.read().map(|s| s.build).unwrap_or(0);
    // First tell the page which build it is connected to, then pass on every later event.
    let hello = Event::default().event("hello").data(build.to_string());
    let stream = futures_util::stream::unfold((Some(hello), rx), |(first, mut rx)| async move {
        if let Some(event) = first {
            return Some((Ok::<_, Infallible>(event), (None, rx)));
        }
        loop {
            match rx.recv().await {
                Ok(data) => {
                    let (name, data) = data.split_once(':').unwrap_or(("reload", data.as_str()));
                    let event = Event::default().event(name).data(data);
                    return Some((Ok(event), (None, rx)));
                }
                Err(broadcast::error::RecvError::Lagged(_)) => {}
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

const RELOAD_JS: &str = r#"(function () {
  var build = null;
  var es = new EventSource("/__civic/events");
  es.addEventListener("hello", function (e) {
    if (build !== null && e.data !== build) { location.reload(); }
    build = e.data;
  });
  es.addEventListener("reload", function () { location.reload(); });
  es.addEventListener("problems", function () { location.reload(); });
  es.addEventListener("findings", function () {
    fetch("/__civic/findings", { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var old = document.getElementById("civic-findings");
        if (old) { old.remove(); }
        if (html) { document.body.insertAdjacentHTML("beforeend", html); }
      });
  });
})();
"#;

/// The findings panel alone (empty when check finds nothing), for an open page to replace its own.
async fn findings(State(state): State<AppState>) -> Response {
    let panel = state
        .status
        .read()
        .ok()
        .and_then(|s| s.findings.clone())
        .unwrap_or_default();
    uncached(
        StatusCode::OK,
        "text/html; charset=utf-8",
        panel.into_bytes(),
    )
}

async fn script() -> Response {
    let body = RELOAD_JS.as_bytes().to_vec();
    uncached(StatusCode::OK, "text/javascript; charset=utf-8", body)
}

/// Map a request path to a file inside `root`, or `None`. Refuses `..`, absolute segments,
/// backslashes and NUL after percent-decoding, and anything whose real path (symlinks resolved)
/// is outside the output folder.
pub fn resolve(root: &Path, base_path: &str, request_path: &str) -> Option<Resolved> {
    let decoded = percent_encoding::percent_decode_str(request_path)
        .decode_utf8()
        .ok()?;
    let path = decoded.strip_prefix(base_path).unwrap_or(&decoded);
    if path.contains('\\') || path.contains('\0') {
        return None;
    }
    let mut rel = PathBuf::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p => rel.push(p),
        }
    }
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let root = std::fs::canonicalize(root).ok()?;
    let mut candidate = root.join(&rel);
    if candidate.is_dir() {
        if !path.ends_with('/') && !path.is_empty() {
            return Some(Resolved::AddSlash);
        }
        candidate = candidate.join("index.html");
    }
    let real = std::fs::canonicalize(&candidate).ok()?;
    if !real.starts_with(&root) || !real.is_file() {
        return None;
    }
    Some(Resolved::File(real))
}

pub enum Resolved {
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect so relative links work.
    AddSlash,
}

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

async fn file(State(state): State<AppState>, request: Request<Body>) -> Response {
    let path = request.uri().path().to_string();
    let output = state.output.clone();
    let base = state.base_path.clone();
    let found = tokio::task::spawn_blocking(move || resolve(&output, &base, &path))
        .await
        .ok()
        .flatten();
    let overlay = state.status.read().ok().and_then(|s| s.shown());
    match found {
        Some(Resolved::AddSlash) => {
            // One leading slash only: `//host/` (or `/\\host/`) in Location is another site.
            let to = format!("/{}/", request.uri().path().trim_start_matches(['/', '\\']));
            let mut r = StatusCode::MOVED_PERMANENTLY.into_response();
            if let Ok(v) = HeaderValue::from_str(&to) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
        Some(Resolved::File(real)) => match tokio::fs::read(&real).await {
            Ok(bytes) => respond(StatusCode::OK, &real, bytes, overlay.as_deref()),
            Err(_) => not_found(&state, overlay.as_deref()).await,
        },
        None => not_found(&state, overlay.as_deref()).await,
    }
}

async fn not_found(state: &AppState, overlay: Option<&str>) -> Response {
    let page = state.output.join("404.html");
    match tokio::fs::read(&page).await {
        Ok(bytes) => respond(StatusCode::NOT_FOUND, &page, bytes, overlay),
        Err(_) => {
            let body = String::from(
                "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>404</title><body><h1>404</h1><p>页面不存在 · Not found</p></body></html>",
            );
            respond(
                StatusCode::NOT_FOUND,
                Path::new("404.html"),
                body.into_bytes(),
                overlay,
            )
        }
    }
}

fn respond(status: StatusCode, path: &Path, bytes: Vec<u8>, overlay: Option<&str>) -> Response {
    let kind = content_type(path);
    let bytes = if kind.starts_with("text/html") {
        inject(bytes, overlay)
    } else {
        bytes
    };
    uncached(status, kind, bytes)
}

/// A response of type `kind` that the browser must not keep: every answer of the preview
/// server changes with the next edit.
fn uncached(status: StatusCode, kind: &'static str, bytes: Vec<u8>) -> Response {
    let mut r = (status, bytes).into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// Add the reload script (and the problem overlay) before `</body>`, or at the end.
pub fn inject(bytes: Vec<u8>, overlay: Option<&str>) -> Vec<u8> {
    let Ok(mut html) = String::from_utf8(bytes) else {
        return Vec::new();
    };
    let mut snippet = format!("<script src=\"{SCRIPT}\" defer></script>");
    if let Some(o) = overlay {
        snippet.push_str(o);
    }
    match html.rfind("</body>") {
        Some(i) => html.insert_str(i, &snippet),
        None => html.push_str(&snippet),
    }
    html.into_bytes()
}
