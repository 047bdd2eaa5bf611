//! What `civic check` says about the site, shown in the preview beside the pages: a broken
//! `#anchor`, a missing translation, placeholder text. Unlike the problems overlay these do not
//! stop the preview, so they sit in a panel in a corner. They are found by `check` itself on the
//! files as saved, so the preview shows exactly what `civic check` shows; after an edit this runs
//! on its own thread, once the page has reloaded, and the panel is replaced in the open page.

use super::http::Status;
use crate::error::Problem;
use crate::escape::markup as escape;
use crate::messages::Lang;
use crate::pipeline::BuildOptions;
use crate::text;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, RwLock};

/// Check the site now: the panel for the first page served.
pub fn panel_now(options: &BuildOptions, lang: Lang) -> Option<String> {
    panel(&crate::check::check(options), lang)
}

/// Start the thread that checks the site again after each rebuild it is sent (the latest one
/// when several are waiting), puts the new panel in `status` and tells open pages.
pub fn start(
    options: BuildOptions,
    status: Arc<RwLock<Status>>,
    events: tokio::sync::broadcast::Sender<String>,
    lang: Lang,
) -> Sender<u64> {
    let (tx, rx) = std::sync::mpsc::channel::<u64>();
    std::thread::spawn(move || worker(&options, (&status, &events), &rx, lang));
    tx
}

fn worker(
    options: &BuildOptions,
    (status, events): (&RwLock<Status>, &tokio::sync::broadcast::Sender<String>),
    rx: &Receiver<u64>,
    lang: Lang,
) {
    while let Ok(mut build) = rx.recv() {
        while let Ok(later) = rx.try_recv() {
            build = later;
        }
        let panel = panel_now(options, lang);
        let changed = match status.write() {
            Ok(mut s) if s.findings != panel => {
                s.findings = panel;
                true
            }
            _ => false,
        };
        if changed {
            let _ = events.send(format!("findings:{build}"));
        }
    }
}

/// The panel listing `found` (errors first), each with its file and line, what is wrong and
/// what to do; `None` when check finds nothing.
pub fn panel(found: &[Problem], lang: Lang) -> Option<String> {
    if found.is_empty() {
        return None;
    }
    let errors = found.iter().filter(|p| p.is_error()).count();
    let title = text!(
        "serve-findings-title",
        errors = errors,
        warnings = found.len() - errors
    )
    .in_lang(lang);
    let mut items = String::new();
    for p in found {
        items.push_str(&format!(
            "<li data-severity=\"{}\"><strong>{}</strong> {}{}</li>",
            p.severity.as_str(),
            escape(&p.location()),
            escape(&p.message.in_lang(lang)),
            p.help
                .as_ref()
                .map(|h| format!("<br>→ {}", escape(&h.in_lang(lang))))
                .unwrap_or_default(),
        ));
    }
    Some(format!(
        "<aside id=\"civic-findings\" aria-label=\"civic check\" lang=\"{code}\" \
         style=\"position:fixed;right:1rem;bottom:1rem;z-index:99998;max-width:36rem;max-height:45vh;overflow:auto;background:#fff;color:#000;border:2px solid #8a4b00;padding:.5rem 1rem;font:14px/1.5 sans-serif\">\
         <details{open}><summary>{title}</summary><ol>{items}</ol></details></aside>",
        code = lang.code(),
        open = if errors > 0 { " open" } else { "" },
        title = escape(&title),
    ))
}
