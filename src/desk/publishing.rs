//! The desk's publish button: the same preflight (`publish::preflight`: build, then the gate of
//! errors, inspection veto items and missing sign-offs) and the same `publish::run` as `civic
//! publish`, for a publisher, with the result shown and logged.

use super::accounts::Role;
use super::state::{Fields, Shared, page, posted, refuse, session};
use super::views;
use crate::escape::markup as esc;
use crate::messages::Lang;
use crate::text;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

fn t(lang: Lang, text: crate::messages::Text) -> String {
    esc(&text.in_lang(lang))
}

pub async fn publish_form(State(desk): State<Shared>, headers: HeaderMap) -> Response {
    let s = match session(&desk, &headers) {
        Ok(s) => s,
        Err(r) => return *r,
    };
    let lang = desk.lang;
    let targets = crate::config::load(&desk.root, None)
        .map(|c| c.publish.keys().cloned().collect::<Vec<_>>())
        .unwrap_or_default();
    let body = if targets.is_empty() {
        format!(
            "<h2>{}</h2><p>{}</p>",
            t(lang, text!("desk-publish")),
            t(lang, text!("desk-no-targets"))
        )
    } else {
        let options: String = targets
            .iter()
            .map(|n| format!("<option>{}</option>", esc(n)))
            .collect();
        format!(
            "<h2>{h}</h2><p>{explain}</p><form method=\"post\" action=\"/desk/publish\"><input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><label for=\"target\">{target}</label><select id=\"target\" name=\"target\">{options}</select><p><button>{go}</button></p></form>",
            h = t(lang, text!("desk-publish")),
            explain = t(lang, text!("desk-publish-explain")),
            csrf = esc(&s.csrf),
            target = t(lang, text!("desk-publish-target")),
            go = t(lang, text!("desk-publish-now")),
        )
    };
    page(views::layout(
        lang,
        &text!("desk-publish").in_lang(lang),
        Some(&s),
        &body,
    ))
}

pub async fn publish(
    State(desk): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<Fields>,
) -> Response {
    let s = match posted(&desk, &headers, &form, Some(Role::Publisher)) {
        Ok(s) => s,
        Err(r) => return *r,
    };
    let name = form.get("target").cloned();
    let worker = desk.clone();
    let user = s.user.clone();
    let done = tokio::task::spawn_blocking(move || run(&worker, name.as_deref(), &user)).await;
    let lang = desk.lang;
    let body = match done {
        Ok(Ok(html)) => html,
        Ok(Err(message)) => format!("<p class=\"error\" role=\"alert\">{}</p>", esc(&message)),
        Err(_) => return refuse(StatusCode::INTERNAL_SERVER_ERROR, &desk, text!("desk-busy")),
    };
    page(views::layout(
        lang,
        &text!("desk-publish").in_lang(lang),
        Some(&s),
        &body,
    ))
}

/// Builds, gates and publishes: the result as HTML, or why it did not happen.
fn run(desk: &super::state::Desk, target: Option<&str>, user: &str) -> Result<String, String> {
    let lang = desk.lang;
    let config = crate::config::load(&desk.root, None).map_err(|f| {
        f.0.first()
            .map_or_else(String::new, |p| p.message.in_lang(lang))
    })?;
    let target =
        crate::publish::target::select(&config, &desk.root, target).map_err(|m| m.in_lang(lang))?;
    // The published build, as `civic publish` makes it: ROOT/output, no drafts, site.yaml's address.
    let mut options = desk.preview.clone();
    options.drafts = false;
    options.base_url = None;
    options.output = crate::output::place::check(&options.root, &desk.root.join("output"), false)
        .map_err(|m| m.in_lang(lang))?;
    let preflight = crate::publish::preflight(&options);
    let findings: String = preflight
        .problems
        .iter()
        .map(|p| {
            let at = p
                .file
                .as_deref()
                .map_or(String::new(), |f| format!(" <code>{}</code>", esc(f)));
            format!("{}{at}", views::problem(lang, p))
        })
        .collect();
    let request = crate::publish::Options {
        output: options.output.clone(),
        publisher: target.publisher.clone().unwrap_or_else(|| user.to_string()),
        confirmed: false,
        blockers: preflight.blockers,
        local_log: desk.root.join(".civic").join("publish-log.jsonl"),
        verify: None,
    };
    let result = crate::publish::run(&target, &request, &mut crate::publish::Silent);
    let (action, said) = match &result {
        Ok(report) => (
            serde_json::json!({"target": report.target, "release": report.release, "uploaded": report.uploaded.len()}),
            format!(
                "<p class=\"ok\" role=\"status\">{}</p>",
                t(
                    lang,
                    text!(
                        "desk-published",
                        release = report.release.as_str(),
                        uploaded = report.uploaded.len()
                    )
                )
            ),
        ),
        Err(e) => (
            serde_json::json!({"target": target.name, "refused": e.text().in_lang(Lang::En)}),
            format!(
                "<p class=\"error\" role=\"alert\">{}</p><p>{}</p>",
                t(lang, e.text()),
                e.help().map_or(String::new(), |h| t(lang, h))
            ),
        ),
    };
    super::log::append(&desk.root, user, "publish", action);
    Ok(format!(
        "<h2>{}</h2>{said}{findings}",
        t(lang, text!("desk-publish"))
    ))
}
