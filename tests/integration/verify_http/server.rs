//! The test server: the sample site from `built()`, served on 127.0.0.1 by axum from a thread
//! of its own, misbehaving as a `Tamper` says, counting what it is asked.

use super::built;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How the server misbehaves.
#[derive(Clone, Default)]
pub struct Tamper {
    /// Path (as in the manifest) → what is served instead; `None` deletes it.
    pub replace: BTreeMap<String, Option<Vec<u8>>>,
    /// Path → (User-Agent substring, body served to that agent only).
    pub for_agent: BTreeMap<String, (&'static str, Vec<u8>)>,
    /// Path → (Referer substring, body served to such visitors only).
    pub for_referer: BTreeMap<String, (&'static str, Vec<u8>)>,
    /// Path → (status, Location).
    pub redirect: BTreeMap<String, (u16, String)>,
    /// Path → status served instead of the file.
    pub status: BTreeMap<String, u16>,
    /// Every answer waits this long.
    pub delay: Option<Duration>,
    /// Path → how long its answers wait.
    pub slow: BTreeMap<String, Duration>,
}

pub struct Shared {
    tamper: Tamper,
    pub hits: AtomicUsize,
    in_flight: AtomicUsize,
    pub max_in_flight: AtomicUsize,
    asked: Mutex<Vec<String>>,
}

pub struct Server {
    pub base: String,
    pub shared: Arc<Shared>,
}

impl Server {
    pub fn hits(&self) -> usize {
        self.shared.hits.load(Ordering::SeqCst)
    }
    pub fn asked(&self) -> Vec<String> {
        self.shared.asked.lock().expect("lock").clone()
    }
}

/// Serve the sample site on 127.0.0.1 (a free port) from a thread of its own; it lives as long
/// as the test process.
pub fn serve(tamper: Tamper) -> Server {
    let (listener, base) = bind();
    start(listener, base, tamper)
}

pub fn bind() -> (std::net::TcpListener, String) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    listener.set_nonblocking(true).expect("nonblocking");
    let base = format!("http://{}/", listener.local_addr().expect("addr"));
    (listener, base)
}

pub fn start(listener: std::net::TcpListener, base: String, tamper: Tamper) -> Server {
    let shared = Arc::new(Shared {
        tamper,
        hits: AtomicUsize::new(0),
        in_flight: AtomicUsize::new(0),
        max_in_flight: AtomicUsize::new(0),
        asked: Mutex::new(Vec::new()),
    });
    let state = shared.clone();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            let app = axum::Router::new().fallback(answer).with_state(state);
            axum::serve(listener, app).await.expect("serve");
        });
    });
    Server { base, shared }
}

async fn answer(State(s): State<Arc<Shared>>, uri: Uri, headers: HeaderMap) -> Response {
    s.hits.fetch_add(1, Ordering::SeqCst);
    let now = s.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    s.max_in_flight.fetch_max(now, Ordering::SeqCst);
    // The manifest path asked for, recorded before any delay (a client that gives up cancels
    // the rest of this function).
    let mut path = percent_encoding::percent_decode_str(uri.path().trim_start_matches('/'))
        .decode_utf8_lossy()
        .into_owned();
    if path.is_empty() || path.ends_with('/') {
        path.push_str("index.html");
    }
    s.asked.lock().expect("lock").push(path.clone());
    if let Some(delay) = s.tamper.delay.or_else(|| s.tamper.slow.get(&path).copied()) {
        tokio::time::sleep(delay).await;
    }
    let response = respond(&s, &path, &headers);
    s.in_flight.fetch_sub(1, Ordering::SeqCst);
    response
}

fn respond(s: &Shared, path: &str, headers: &HeaderMap) -> Response {
    let t = &s.tamper;
    let header_has = |name, needle: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains(needle))
    };
    if let Some(&code) = t.status.get(path) {
        return StatusCode::from_u16(code).expect("status").into_response();
    }
    if let Some((code, location)) = t.redirect.get(path) {
        let status = StatusCode::from_u16(*code).expect("status");
        return (status, [(header::LOCATION, location.clone())]).into_response();
    }
    if let Some((needle, body)) = t.for_agent.get(path)
        && header_has(header::USER_AGENT, needle)
    {
        return body.clone().into_response();
    }
    if let Some((needle, body)) = t.for_referer.get(path)
        && header_has(header::REFERER, needle)
    {
        return body.clone().into_response();
    }
    let body = match t.replace.get(path) {
        Some(replaced) => replaced.clone(),
        None => built().files.get(path).cloned(),
    };
    match body {
        Some(bytes) => bytes.into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
