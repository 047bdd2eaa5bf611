//! `civic serve`: build, serve the output folder on 127.0.0.1, watch the site's files, rebuild
//! what an edit touches and reload the open browser page. Problems keep the server running and
//! show in the browser (an overlay naming the file and line) and in the terminal until fixed.
//!
//! Serve speaks to the editor at the terminal as it goes (it runs until stopped); how it ends is
//! the command layer's to report.

pub mod findings;
pub mod http;
pub mod live;
pub mod watch;

use crate::error::{self, Problem};
use crate::messages::{Lang, Text};
use crate::pipeline::BuildOptions;
use crate::text;
use live::{Changes, Live, Mode, Outcome};
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, RwLock};
use std::time::Duration;

pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: IpAddr,
    pub port: u16,
    pub quiet: bool,
    /// The language of messages in the terminal and in the browser's problem overlay.
    pub lang: Lang,
}

/// How serve talks to the editor: how much, and in which language.
#[derive(Clone, Copy)]
struct Voice {
    quiet: bool,
    lang: Lang,
}

/// Why serve could not start or stopped.
#[derive(Debug)]
pub enum Stopped {
    /// The address or the output folder cannot be had: the command line must change (and how).
    Unusable(Text, Option<Text>),
    /// The output folder is being served by another `civic serve`.
    Busy(Problem),
    /// Something failed on the way (watching files, the server itself).
    Failed(Text),
}

/// Why `addr` cannot be listened on, in the editor's words (the system's own text only for the
/// rare causes without a name), and what to do.
pub fn cannot_listen(addr: SocketAddr, e: &std::io::Error) -> (Text, Text) {
    use std::io::ErrorKind;
    let port = addr.port().to_string();
    let next = addr.port().checked_add(1).unwrap_or(1111).to_string();
    let (reason, help) = match e.kind() {
        ErrorKind::AddrInUse => (
            text!("serve-port-in-use", port = port),
            text!("serve-port-help", next = next),
        ),
        ErrorKind::PermissionDenied => (
            text!("serve-port-denied", port = port),
            text!("serve-port-help", next = next),
        ),
        ErrorKind::AddrNotAvailable => (
            text!("serve-address-unavailable", ip = addr.ip().to_string()),
            text!("serve-address-help"),
        ),
        _ => (
            text!("serve-listen-failed", reason = e.to_string()),
            text!("serve-listen-help"),
        ),
    };
    let message = text!(
        "serve-cannot-listen",
        address = addr.to_string(),
        reason = reason
    );
    (message, help)
}

/// Build, serve and rebuild until Ctrl-C.
pub fn run(options: ServeOptions) -> Result<(), Stopped> {
    let voice = Voice {
        quiet: options.quiet,
        lang: options.lang,
    };
    let lang = voice.lang;
    let wanted = SocketAddr::new(options.bind, options.port);
    let listener = match std::net::TcpListener::bind(wanted) {
        Ok(l) => l,
        Err(e) => {
            let (message, help) = cannot_listen(wanted, &e);
            return Err(Stopped::Unusable(message, Some(help)));
        }
    };
    let addr = listener
        .local_addr()
        .unwrap_or(SocketAddr::new(options.bind, options.port));
    let base_path = live_base_path(&options.build);
    let address = format!("http://{addr}{base_path}/");
    // Held until serve exits: `civic build` of this folder meanwhile says so.
    let _served = match crate::output::served::ServeLock::take(&options.build.output, &address) {
        Ok(lock) => lock,
        Err(p) => return Err(Stopped::Busy(p)),
    };
    let (live, outcome) = Live::start(options.build.clone());
    report(&live, &outcome, voice);
    let output = live.output().to_path_buf();
    if std::fs::create_dir_all(&output).is_err() {
        return Err(Stopped::Failed(text!(
            "serve-cannot-create-output",
            output = &output
        )));
    }
    let status = Arc::new(RwLock::new(http::Status {
        build: 1,
        overlay: overlay(live.problems(), lang),
        findings: findings::panel_now(&options.build, lang),
    }));
    let (events, _) = tokio::sync::broadcast::channel::<String>(64);
    let rechecks = findings::start(
        options.build.clone(),
        Arc::clone(&status),
        events.clone(),
        lang,
    );
    let (tx, rx) = std::sync::mpsc::channel::<Changes>();
    let watcher = match watch::start(&options.build.root, &output, tx) {
        Ok(w) => w,
        Err(e) => {
            return Err(Stopped::Failed(text!(
                "serve-cannot-watch",
                reason = e.to_string()
            )));
        }
    };
    {
        let status = Arc::clone(&status);
        let events = events.clone();
        let root = options.build.root.clone();
        std::thread::spawn(move || {
            rebuild_loop(
                live,
                (watcher, &root),
                &rx,
                (&status, &events, &rechecks),
                voice,
            );
        });
    }
    let state = http::AppState {
        output,
        base_path: base_path.clone(),
        status,
        events,
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            return Err(Stopped::Failed(text!(
                "serve-cannot-start",
                reason = e.to_string()
            )));
        }
    };
    eprintln!(
        "{}",
        text!("serve-serving", address = address).in_lang(lang)
    );
    let served = runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, http::router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    });
    served.map_err(|e| Stopped::Failed(text!("serve-stopped", reason = e.to_string())))
}

fn live_base_path(options: &BuildOptions) -> String {
    crate::config::load(&options.root, options.base_url.as_deref())
        .map(|c| c.base_path().trim_end_matches('/').to_string())
        .unwrap_or_default()
}

fn rebuild_loop(
    mut live: Live,
    (mut watcher, root): (watch::WatchHandle, &std::path::Path),
    rx: &std::sync::mpsc::Receiver<Changes>,
    (status, events, rechecks): (
        &RwLock<http::Status>,
        &tokio::sync::broadcast::Sender<String>,
        &std::sync::mpsc::Sender<u64>,
    ),
    voice: Voice,
) {
    while let Ok(first) = rx.recv() {
        let mut changes = first;
        // Gather what else arrived meanwhile, so a burst of saves is one rebuild.
        while let Ok(more) = rx.recv_timeout(Duration::from_millis(20)) {
            changes.markdown.extend(more.markdown);
            changes.full |= more.full;
        }
        if changes.full {
            watch::rewatch(&mut watcher, root);
        }
        let outcome = live.apply(&changes);
        report(&live, &outcome, voice);
        let build = match status.write() {
            Ok(mut s) => {
                s.build += 1;
                s.overlay = overlay(live.problems(), voice.lang);
                s.build
            }
            Err(_) => continue,
        };
        let event = if live.problems().is_empty() {
            format!("reload:{build}")
        } else {
            format!("problems:{build}")
        };
        let _ = events.send(event);
        // The search index last: the page reloads meanwhile; a search typed right away may miss
        // the edit for a moment.
        let _ = live.finish_deferred();
        // Then what `civic check` finds, on its own thread: the panel follows in a moment.
        let _ = rechecks.send(build);
    }
}

fn report(live: &Live, outcome: &Outcome, voice: Voice) {
    let lang = voice.lang;
    if !live.problems().is_empty() {
        error::eprint(live.problems(), lang);
        let files: std::collections::BTreeSet<_> = live
            .problems()
            .iter()
            .filter_map(|p| p.file.as_deref())
            .collect();
        let message = text!(
            "serve-problems",
            problems = live.problems().len(),
            files = files.len()
        );
        eprintln!("{}", message.in_lang(lang));
        return;
    }
    if voice.quiet {
        return;
    }
    let milliseconds = format!("{:.1}", outcome.elapsed.as_secs_f64() * 1000.0);
    let rebuilt = |how| {
        text!(
            "serve-rebuilt",
            how = how,
            written = outcome.written,
            removed = outcome.removed,
            milliseconds = milliseconds.clone()
        )
    };
    let message = match outcome.mode {
        Mode::Full => live.build_summary().clone(),
        Mode::Reload => rebuilt(text!("serve-rebuilt-reload")),
        Mode::Edit => rebuilt(text!("serve-rebuilt-edit")),
        Mode::Failed => return,
    };
    eprintln!("{}", message.in_lang(lang));
}

use crate::escape::markup as escape;

/// The overlay shown over every page while the site has problems: each with its file and line,
/// what is wrong, the source frame and what to do.
pub fn overlay(problems: &[Problem], lang: Lang) -> Option<String> {
    if problems.is_empty() {
        return None;
    }
    let mut items = String::new();
    for p in problems {
        let frame = error::report(p, false, lang);
        items.push_str(&format!(
            "<li><p><strong>{}</strong></p><p>{}</p>{}<pre>{}</pre></li>",
            escape(&p.location()),
            escape(&p.message.in_lang(lang)),
            p.help
                .as_ref()
                .map(|h| format!("<p>→ {}</p>", escape(&h.in_lang(lang))))
                .unwrap_or_default(),
            escape(&frame)
        ));
    }
    let title = text!("serve-overlay-title", problems = problems.len()).in_lang(lang);
    Some(format!(
        "<div id=\"civic-problems\" role=\"alertdialog\" aria-labelledby=\"civic-problems-title\" \
         style=\"position:fixed;inset:0;z-index:99999;overflow:auto;background:#fff;color:#000;padding:1.5rem;font:16px/1.5 sans-serif\">\
         <h2 id=\"civic-problems-title\" lang=\"{code}\" style=\"color:#b00020\">{title}</h2>\
         <ol lang=\"{code}\">{items}</ol></div>",
        code = lang.code(),
        title = escape(&title),
    ))
}
