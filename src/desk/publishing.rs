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
    let ask = Ask {
        target: form.get("target").cloned(),
        // The deletions the publisher saw and confirmed; a plan deleting more asks again.
        confirmed: form.get("confirm").and_then(|n| n.parse::<usize>().ok()),
        csrf: s.csrf.clone(),
        user: s.user.clone(),
    };
    let worker = desk.clone();
    let done = tokio::task::spawn_blocking(move || run(&worker, &ask)).await;
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

/// A press of the publish button: where to, by whom, and what was confirmed.
struct Ask {
    target: Option<String>,
    confirmed: Option<usize>,
    csrf: String,
    user: String,
}

/// Builds, gates, plans and publishes: the result as HTML, the question when the publish
/// would delete files not yet confirmed, or why it did not happen.
fn run(desk: &super::state::Desk, ask: &Ask) -> Result<String, String> {
    let lang = desk.lang;
    let config = crate::config::load(&desk.root, None).map_err(|f| {
        f.0.first()
            .map_or_else(String::new, |p| p.message.in_lang(lang))
    })?;
    let target = crate::publish::target::select(&config, &desk.root, ask.target.as_deref())
        .map_err(|m| m.in_lang(lang))?;
    // The published build, as `civic publish` makes it: ROOT/output, no drafts, site.yaml's address.
    let mut options = desk.preview.clone();
    options.drafts = false;
    options.base_url = None;
    options.output = crate::output::place::check(&options.root, &desk.root.join("output"), false)
        .map_err(|m| m.in_lang(lang))?;
    let preflight = crate::publish::preflight(&options);
    let findings = findings(lang, &preflight.problems);
    let mut planned = String::new();
    if preflight.blockers.is_empty() {
        let plan = crate::publish::plan(&target, &options.output, &mut crate::publish::Silent)
            .map_err(|e| e.text().in_lang(lang))?;
        let deletes = plan.delete.len();
        if deletes > 0 && ask.confirmed.is_none_or(|n| deletes > n) {
            return Ok(question(lang, ask, &target.name, &plan) + &findings);
        }
        planned = status(lang, planned_text(&plan));
    }
    let request = crate::publish::Options {
        output: options.output.clone(),
        publisher: target.publisher.clone().unwrap_or_else(|| ask.user.clone()),
        confirmed: ask.confirmed.is_some(),
        blockers: preflight.blockers,
        local_log: desk.root.join(".civic").join("publish-log.jsonl"),
        verify: Some(crate::publish::VerifyOptions {
            base_url: config.base_url.clone(),
            sample: VERIFY_SAMPLE,
            lang,
        }),
    };
    let result = crate::publish::run(&target, &request, &mut crate::publish::Silent);
    let (action, said) = match &result {
        Ok(report) => (
            serde_json::json!({"target": report.target, "release": report.release, "uploaded": report.uploaded.len(), "deleted": report.deleted.len(), "verified": report.verify.as_ref().map(|v| v.clean)}),
            if report
                .verify
                .as_ref()
                .is_some_and(|v| v.reached && !v.clean)
            {
                // Published, but the live site differs from it: said as a problem to act on.
                format!(
                    "<p class=\"error\" role=\"alert\">{}</p>",
                    t(lang, report.summary())
                )
            } else {
                status(lang, report.summary())
            },
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
    super::log::append(&desk.root, &ask.user, "publish", action);
    Ok(format!(
        "<h2>{}</h2>{planned}{said}{findings}",
        t(lang, text!("desk-publish"))
    ))
}

/// How many pages the verify after a publish fetches, as `civic publish`'s default.
const VERIFY_SAMPLE: usize = 20;

fn planned_text(plan: &crate::publish::Plan) -> crate::messages::Text {
    text!(
        "publish-planned",
        upload = plan.upload.len(),
        unchanged = plan.unchanged.len(),
        delete = plan.delete.len()
    )
}

fn status(lang: Lang, said: crate::messages::Text) -> String {
    format!("<p class=\"ok\" role=\"status\">{}</p>", t(lang, said))
}

fn findings(lang: Lang, problems: &[crate::error::Problem]) -> String {
    problems
        .iter()
        .map(|p| {
            let at = p
                .file
                .as_deref()
                .map_or(String::new(), |f| format!(" <code>{}</code>", esc(f)));
            format!("{}{at}", views::problem(lang, p))
        })
        .collect()
}

/// The plan of a publish that deletes files, the first of them, and the button that confirms.
fn question(lang: Lang, ask: &Ask, target: &str, plan: &crate::publish::Plan) -> String {
    let shown: String = plan
        .delete
        .iter()
        .take(20)
        .map(|f| format!("<li><code>{}</code></li>", esc(f)))
        .collect();
    let more = plan.delete.len().saturating_sub(20);
    let more = if more > 0 {
        format!(
            "<p>{}</p>",
            t(lang, text!("desk-publish-more", count = more))
        )
    } else {
        String::new()
    };
    format!(
        "<h2>{h}</h2><p class=\"warning\" role=\"alert\">{planned}</p><p>{explain}</p><ul>{shown}</ul>{more}<form method=\"post\" action=\"/desk/publish\"><input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><input type=\"hidden\" name=\"target\" value=\"{target}\"><input type=\"hidden\" name=\"confirm\" value=\"{n}\"><p><button>{go}</button> <a href=\"/desk/publish\">{cancel}</a></p></form>",
        h = t(lang, text!("desk-publish-confirm-title")),
        planned = t(lang, planned_text(plan)),
        explain = t(
            lang,
            text!("desk-publish-confirm-explain", count = plan.delete.len())
        ),
        csrf = esc(&ask.csrf),
        target = esc(target),
        n = plan.delete.len(),
        go = t(
            lang,
            text!("desk-publish-confirm", count = plan.delete.len())
        ),
        cancel = t(lang, text!("desk-publish-cancel")),
    )
}
