//! The desk's state and what every request goes through: each is a session's (loopback: the
//! editor at this computer; otherwise a signed-in account), and every form post carries the
//! session's CSRF token and, when the browser sends one, an Origin of this host.

use super::accounts::Role;
use super::session::{COOKIE, Session, Sessions, same_token};
use super::views;
use crate::messages::{Lang, Text};
use crate::pipeline::BuildOptions;
use crate::serve::live::Live;
use crate::text;
use axum::extract::Query;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

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

impl Desk {
    /// The live site, or the answer that the desk cannot use it now.
    pub fn live(&self) -> Result<MutexGuard<'_, Live>, Box<Response>> {
        self.live.lock().map_err(|_| {
            Box::new(refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                self,
                text!("desk-busy"),
            ))
        })
    }
}

pub type Shared = Arc<Desk>;
pub type Fields = HashMap<String, String>;

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

pub fn cookie(headers: &HeaderMap) -> Option<String> {
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

/// Query parameters of the edit screen.
#[derive(serde::Deserialize)]
pub struct EditQuery {
    pub file: String,
    #[serde(default)]
    pub saved: Option<String>,
}

pub type EditParams = Query<EditQuery>;
