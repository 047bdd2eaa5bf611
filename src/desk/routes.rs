//! The desk's addresses: the preview site at `/`, the desk at `/desk/`, sign-in and sign-out.

use super::accounts;
use super::session::{over_https, set_cookie};
use super::state::{Fields, Shared, cookie, page, posted, redirect, session};
use super::{draft, files, pages, toolbar, upload, views};
use crate::messages::Text;
use crate::text;
use axum::Router;
use axum::body::Body;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

pub fn router(desk: Shared) -> Router {
    Router::new()
        .route("/desk", get(|| async { redirect("/desk/") }))
        .route("/desk/", get(pages::list))
        .route("/desk/login", get(login_form).post(login))
        .route("/desk/logout", post(logout))
        .route("/desk/edit", get(pages::edit))
        .route("/desk/save", post(pages::save))
        .route("/desk/draft", post(draft::draft))
        .route(
            "/desk/upload",
            post(upload::upload).layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route("/desk/desk.js", get(toolbar::script))
        .route("/desk/pages.json", get(toolbar::pages))
        .route("/desk/new", post(pages::new_page))
        .route("/desk/sign", post(pages::sign))
        .route("/desk/delete", post(files::delete))
        .route("/desk/duplicate", post(files::duplicate))
        .route("/desk/twin", post(files::twin))
        .route(
            "/desk/publish",
            get(pages::publish_form).post(pages::publish),
        )
        .fallback(preview)
        .with_state(desk)
}

async fn login_form(State(desk): State<Shared>) -> Response {
    if !desk.sign_in {
        return redirect("/desk/");
    }
    page(views::login(desk.lang, None))
}

async fn login(
    State(desk): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Fields>,
) -> Response {
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
    let cookie = set_cookie(&token, over_https(&headers));
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
    let gone = set_cookie("", over_https(&headers));
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
