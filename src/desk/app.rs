//! The desk's requests. Every request is a session's (loopback: the editor at this computer;
//! otherwise a signed-in account); every form post carries the session's CSRF token and, when
//! the browser sends one, an Origin of this host. The preview site is served at `/`, the desk
//! at `/desk/`.

use super::accounts::{self, Role};
use super::session::{COOKIE, Session, Sessions, same_token};
use super::{pages, views};
use crate::messages::{Lang, Text};
use crate::pipeline::BuildOptions;
use crate::serve::live::Live;
use crate::text;
use axum::Router;
use axum::body::Body;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, HeaderValue, Request, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pub struct Desk {
    pub root: PathBuf,
    pub lang: Lang,
    /// Bound beyond loopback: accounts and sign-in are required.
    pub sign_in: bool,
    /// The session of the editor at this computer (loopback use).
    pub local: Session,
    pub sessions: Sessions,
    pub live: Mutex<Live>,
    /// How the preview is built (drafts included, at the desk's own address).
    pub preview: BuildOptions,
}

pub type Shared = Arc<Desk>;
pub type Fields = HashMap<String, String>;

pub fn router(desk: Shared) -> Router {
    Router::new()
        .route("/desk", get(|| async { redirect("/desk/") }))
        .route("/desk/", get(pages::list))
        .route("/desk/login", get(login_form).post(login))
        .route("/desk/logout", post(logout))
        .route("/desk/edit", get(pages::edit))
        .route("/desk/save", post(pages::save))
        .route("/desk/new", post(pages::new_page))
        .route("/desk/sign", post(pages::sign))
        .route(
            "/desk/publish",
            get(pages::publish_form).post(pages::publish),
        )
        .fallback(preview)
        .with_state(desk)
}

pub fn redirect(to: &str) -> Response {
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

pub fn page(html: String) -> Response {
    let mut r = Html(html).into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r.headers_mut().insert(
        "content-security-policy",
        HeaderValue::from_static(
            "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'",
        ),
    );
    r
}

pub fn refuse(status: StatusCode, desk: &Desk, message: Text) -> Response {
    let body = format!(
        "<p class=\"error\" role=\"alert\">{}</p><p><a href=\"/desk/\">{}</a></p>",
        crate::escape::markup(&message.in_lang(desk.lang)),
        crate::escape::markup(&text!("desk-back").in_lang(desk.lang))
    );
    let mut r = page(views::layout(
        desk.lang,
        &message.in_lang(desk.lang),
        None,
        &body,
    ));
    *r.status_mut() = status;
    r
}

fn cookie(headers: &HeaderMap) -> Option<String> {
    let raw = headers.get(header::COOKIE)?.to_str().ok()?;
    raw.split(';').find_map(|c| {
        let (k, v) = c.trim().split_once('=')?;
        (k == COOKIE).then(|| v.to_string())
    })
}

/// The session of this request, or the sign-in page.
pub fn session(desk: &Desk, headers: &HeaderMap) -> Result<Session, Box<Response>> {
    if !desk.sign_in {
        return Ok(desk.local.clone());
    }
    cookie(headers)
        .and_then(|token| desk.sessions.get(&token))
        .ok_or_else(|| Box::new(redirect("/desk/login")))
}

/// The session of a form post that may do `role`: signed in, the form's CSRF token, an Origin
/// (when sent) of this very host.
pub fn posted(
    desk: &Desk,
    headers: &HeaderMap,
    form: &Fields,
    role: Option<Role>,
) -> Result<Session, Box<Response>> {
    let s = session(desk, headers)?;
    let token = form.get("csrf").map_or("", String::as_str);
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin_ok = headers
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
        .is_none_or(|o| {
            let o = o
                .trim_start_matches("http://")
                .trim_start_matches("https://");
            host == Some(o)
        });
    if !same_token(token, &s.csrf) || !origin_ok {
        return Err(Box::new(refuse(
            StatusCode::FORBIDDEN,
            desk,
            text!("desk-csrf"),
        )));
    }
    if let Some(role) = role.filter(|r| !s.can(*r)) {
        return Err(Box::new(refuse(
            StatusCode::FORBIDDEN,
            desk,
            text!("desk-not-allowed", role = role.code()),
        )));
    }
    Ok(s)
}

async fn login_form(State(desk): State<Shared>) -> Response {
    if !desk.sign_in {
        return redirect("/desk/");
    }
    page(views::login(desk.lang, None))
}

async fn login(State(desk): State<Shared>, Form(form): Form<Fields>) -> Response {
    if !desk.sign_in {
        return redirect("/desk/");
    }
    let name = form.get("name").map_or("", |s| s.trim());
    let password = form.get("password").map_or("", String::as_str);
    let fail = |m: Text| {
        let mut r = page(views::login(desk.lang, Some(&m)));
        *r.status_mut() = StatusCode::UNAUTHORIZED;
        r
    };
    if let Some(left) = desk.sessions.locked(name) {
        super::log::append(&desk.root, name, "sign-in-locked", serde_json::json!({}));
        let minutes = left.as_secs().div_ceil(60) as i64;
        return fail(text!("desk-locked", minutes = minutes));
    }
    let accounts = match accounts::load(&desk.root) {
        Ok(a) => a,
        Err(m) => return fail(m),
    };
    let Some(account) = accounts::verify(&accounts, name, password) else {
        desk.sessions.failed(name);
        super::log::append(&desk.root, name, "sign-in-failed", serde_json::json!({}));
        return fail(text!("desk-wrong-password"));
    };
    desk.sessions.succeeded(name);
    let token = desk.sessions.open(account);
    super::log::append(&desk.root, &account.name, "sign-in", serde_json::json!({}));
    let mut r = redirect("/desk/");
    let cookie = format!("{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/");
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        r.headers_mut().insert(header::SET_COOKIE, v);
    }
    r
}

async fn logout(
    State(desk): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Fields>,
) -> Response {
    if let Err(r) = posted(&desk, &headers, &form, None) {
        return *r;
    }
    if let Some(token) = cookie(&headers) {
        desk.sessions.close(&token);
    }
    let mut r = redirect("/desk/login");
    let gone = format!("{COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    if let Ok(v) = HeaderValue::from_str(&gone) {
        r.headers_mut().insert(header::SET_COOKIE, v);
    }
    r
}

/// The preview site, as built with drafts, for signed-in users only.
async fn preview(State(desk): State<Shared>, request: Request<Body>) -> Response {
    if let Err(r) = session(&desk, request.headers()) {
        return *r;
    }
    let path = request.uri().path().to_string();
    let output = desk.preview.output.clone();
    let found =
        tokio::task::spawn_blocking(move || crate::serve::http::resolve(&output, "", &path))
            .await
            .ok()
            .flatten();
    match found {
        Some(crate::serve::http::Resolved::File(real)) => match tokio::fs::read(&real).await {
            Ok(bytes) => {
                let mut r = bytes.into_response();
                r.headers_mut().insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(crate::serve::http::content_type(&real)),
                );
                r.headers_mut()
                    .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                r
            }
            Err(_) => StatusCode::NOT_FOUND.into_response(),
        },
        Some(crate::serve::http::Resolved::AddSlash) => {
            let to = format!("/{}/", request.uri().path().trim_start_matches(['/', '\\']));
            redirect(&to)
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Query parameters of the edit screen.
#[derive(serde::Deserialize)]
pub struct EditQuery {
    pub file: String,
    #[serde(default)]
    pub saved: Option<String>,
}

pub type EditParams = Query<EditQuery>;
