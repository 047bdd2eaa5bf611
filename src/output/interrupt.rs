//! Cleaning up after an interrupted build. A build fills a staging folder beside its output (up
//! to hundreds of megabytes); Ctrl+C or a SIGTERM from a deploy script must not leave it behind.
//! SIGKILL cannot be caught: the next build removes what such a build left (see `Staging::new`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// Staging folders of builds now running in this process.
static STAGING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Set once a signal arrived: writers stop adding files to a folder being removed.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

pub fn register(dir: &Path) {
    if let Ok(mut dirs) = STAGING.lock() {
        dirs.push(dir.to_path_buf());
    }
}

/// Forget a staging folder. Runs `swap` while holding the registry, so that a signal arriving
/// during the swap into place waits for it instead of removing a half-swapped output.
pub fn unregister_with<T>(dir: &Path, swap: impl FnOnce() -> T) -> T {
    let guard = STAGING.lock();
    let result = swap();
    if let Ok(mut dirs) = guard {
        dirs.retain(|d| d != dir);
    }
    result
}

pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}

/// On SIGINT or SIGTERM, remove the staging folders of running builds and exit with the
/// signal's conventional status (130, 143). For `civic build`; `civic serve` handles Ctrl+C
/// itself and leaves staging folders to the next build.
pub fn clean_up_on_signals(lang: crate::messages::Lang) {
    let (ready, listening) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("civic-signals".into())
        .spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_io()
                .build()
            else {
                return;
            };
            let code = runtime.block_on(wait_for_signal(ready));
            INTERRUPTED.store(true, Ordering::Relaxed);
            // Holding the registry until exit: no build can start a swap after this point.
            let dirs = STAGING.lock();
            for dir in dirs.iter().flat_map(|d| d.iter()) {
                remove_dir_retrying(dir);
            }
            eprintln!(
                "\n{}",
                crate::text!("output-interrupted-cleaned").in_lang(lang)
            );
            std::process::exit(code);
        });
    match spawned {
        // The handlers are in place before the build starts (or the thread failed to set them).
        Ok(_) => {
            let _ = listening.recv_timeout(std::time::Duration::from_secs(2));
        }
        Err(e) => eprintln!(
            "{}",
            crate::text!("output-no-signal-watch", reason = e.to_string()).in_lang(lang)
        ),
    }
}

/// Install the handlers, say so on `ready`, then wait for a signal; its exit status.
#[cfg(unix)]
async fn wait_for_signal(ready: std::sync::mpsc::Sender<()>) -> i32 {
    use tokio::signal::unix::{SignalKind, signal};
    let (Ok(mut int), Ok(mut term)) = (
        signal(SignalKind::interrupt()),
        signal(SignalKind::terminate()),
    ) else {
        let _ = ready.send(());
        return std::future::pending().await;
    };
    let _ = ready.send(());
    tokio::select! {
        _ = int.recv() => 130,
        _ = term.recv() => 143,
    }
}

#[cfg(not(unix))]
async fn wait_for_signal(ready: std::sync::mpsc::Sender<()>) -> i32 {
    let ctrl_c = tokio::signal::ctrl_c();
    let _ = ready.send(());
    match ctrl_c.await {
        Ok(()) => 130,
        Err(_) => std::future::pending().await,
    }
}

/// Writers may still be finishing a file when the signal arrives: try a few times.
fn remove_dir_retrying(dir: &Path) {
    for _ in 0..20 {
        match std::fs::remove_dir_all(dir) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
            _ => return,
        }
    }
}
