//! Writes a benchmark corpus: `cargo run --release --example gen_corpus -- DIR N [SEED] [--hugo]`.
//!
//! `DIR` receives `site.yaml` + `content/` (Civic) or `content/` with Hugo front matter (`--hugo`).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut hugo = false;
    let mut pos = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "--hugo" {
            hugo = true;
        } else {
            pos.push(a);
        }
    }
    let (Some(dir), Some(n)) = (
        pos.first(),
        pos.get(1).and_then(|s| s.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: gen_corpus DIR N [SEED] [--hugo]");
        return ExitCode::from(2);
    };
    let seed = pos.get(2).and_then(|s| s.parse::<u64>().ok()).unwrap_or(42);
    let root = PathBuf::from(dir);
    let t = Instant::now();
    let res = if hugo {
        civic::corpus::generate_hugo(&root, n, seed)
    } else {
        civic::corpus::generate(&root, n, seed)
    };
    match res {
        Ok(s) => {
            eprintln!(
                "wrote {} files ({:.1} MB) in {:.2}s: {} docs = {} role models, {} handbook, {} PSAs ({} active), {} news; {} pages per language",
                s.files,
                s.bytes as f64 / 1e6,
                t.elapsed().as_secs_f64(),
                s.docs,
                s.role_models,
                s.handbook,
                s.psas,
                s.psas_active,
                s.news,
                s.pages_per_lang
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
