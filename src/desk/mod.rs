//! `civic desk`: the editor's desk in a browser. The list of the site's pages with their state,
//! forms made from the front matter beside the real preview of both twins, findings on the field
//! they concern, 三审三校 sign-offs and the publish button, all calling the library the commands
//! call. On 127.0.0.1 it is the editor's own; on any other address it requires sign-in with the
//! accounts of `.civic/desk-accounts.json` (`civic desk add-user`), roles, CSRF tokens and a
//! lockout, and it logs who did what in `.civic/desk-log.jsonl`.

pub mod accounts;
mod document;
mod draft;
mod edit_page;
mod files;
mod log;
mod pages;
mod publishing;
mod routes;
mod session;
mod state;
mod toolbar;
mod upload;
mod views;

use crate::messages::{Lang, Text};
use crate::pipeline::BuildOptions;
use crate::serve::live::Live;
use crate::text;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};

pub struct DeskOptions {
    /// The site and the build date; `output` is ignored (the preview has its own folder).
    pub build: BuildOptions,
    pub bind: IpAddr,
    pub port: u16,
    pub lang: Lang,
    /// Called with the desk's address once it listens (the command prints it).
    pub on_listen: Box<dyn FnOnce(&str) + Send>,
}

/// The preview's folder: inside the site's `.civic/`, never the published output.
pub const PREVIEW_DIR: &str = ".civic/desk-preview";

/// Runs the desk until Ctrl-C.
pub fn run(options: DeskOptions) -> Result<(), Text> {
    let sign_in = !options.bind.is_loopback();
    if sign_in {
        let accounts = accounts::load(&options.build.root)?;
        if accounts.is_empty() {
            return Err(text!("desk-no-accounts"));
        }
    }
    let addr = SocketAddr::new(options.bind, options.port);
    let listener = std::net::TcpListener::bind(addr).map_err(|e| {
        let (message, help) = crate::serve::cannot_listen(addr, &e);
        text!(
            "serve-with-help",
            message = message,
            help = text!("cmd-help", help = help)
        )
    })?;
    let local = listener.local_addr().unwrap_or(addr);
    let shown = if options.bind.is_unspecified() {
        SocketAddr::new(IpAddr::from([127, 0, 0, 1]), local.port())
    } else {
        local
    };
    let mut preview = options.build.clone();
    preview.output = options.build.root.join(PREVIEW_DIR);
    preview.drafts = true;
    preview.base_url = Some(format!("http://{shown}"));
    let (live, _) = Live::start(preview.clone());
    let desk = Arc::new(state::Desk {
        root: options.build.root.clone(),
        lang: options.lang,
        sign_in,
        local: session::Session {
            user: crate::publish::os_user(),
            roles: vec![accounts::Role::Admin],
            csrf: session::token(),
        },
        sessions: session::Sessions::default(),
        live: Mutex::new(live),
        preview,
    });
    (options.on_listen)(&format!("http://{shown}/desk/"));
    serve(listener, desk)
}

fn serve(listener: std::net::TcpListener, desk: state::Shared) -> Result<(), Text> {
    let failed = |e: std::io::Error| text!("desk-failed", why = e.to_string());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(failed)?;
    runtime.block_on(async move {
        listener.set_nonblocking(true).map_err(failed)?;
        let listener = tokio::net::TcpListener::from_std(listener).map_err(failed)?;
        axum::serve(listener, routes::router(desk))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(failed)
    })
}
