//! For the publish tests: a site with a publish target, a tiny static HTTP server serving a
//! target's live path (`current`, followed on every request, as nginx would), and reading what a
//! publish left on the target.

use super::{DATE, Fixture};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The small bilingual site with `target` (YAML of one entry) as `publish.office` and its
/// `base_url` pointing at `base_url`.
pub fn site_with_target(target: &str) -> Fixture {
    let f = Fixture::new();
    let yaml = std::fs::read_to_string(f.root().join("site.yaml")).expect("site.yaml");
    f.write(
        "site.yaml",
        &format!("{yaml}\npublish:\n  office: {target}\n"),
    );
    f
}

/// `civic publish` on `f` with `args`, as JSON, verifying against `base_url`.
pub fn publish(f: &Fixture, base_url: &str, args: &[&str]) -> Output {
    super::civic()
        .args([
            "publish", "--format", "json", "--date", DATE, "--sample", "50", "--root",
        ])
        .arg(f.root())
        .args(["--base-url", base_url])
        .args(args)
        .env_remove("SSH_AUTH_SOCK")
        .output()
        .expect("run civic publish")
}

pub fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "civic publish failed ({:?}):\n{}",
        out.status,
        super::stderr(out)
    );
    serde_json::from_slice(&out.stdout).expect("publish prints JSON")
}

/// The names in a JSON array of strings.
pub fn names(value: &serde_json::Value) -> BTreeSet<String> {
    value
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v.as_str().expect("string").to_string())
        .collect()
}

/// The build's manifest: path → sha256.
pub fn manifest(output: &Path) -> BTreeMap<String, String> {
    let bytes = std::fs::read(output.join("civic-manifest.json")).expect("manifest");
    let value: serde_json::Value = serde_json::from_slice(&bytes).expect("manifest JSON");
    let files = value["files"].as_object().expect("files");
    files
        .iter()
        .map(|(k, v)| (k.clone(), v["sha256"].as_str().expect("sha").to_string()))
        .collect()
}

/// Files whose content differs between two manifests, or that only the new one has.
pub fn differing(
    old: &BTreeMap<String, String>,
    new: &BTreeMap<String, String>,
) -> BTreeSet<String> {
    new.iter()
        .filter(|(p, h)| old.get(*p) != Some(h))
        .map(|(p, _)| p.clone())
        .collect()
}

/// The release `base/current` points to.
pub fn live(base: &Path) -> String {
    let link = std::fs::read_link(base.join("current")).expect("current is a symlink");
    link.file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned()
}

/// Files of release `new` that are the very same inode as in release `old`: those did not travel.
pub fn shared_inodes(
    base: &Path,
    old: &str,
    new: &str,
    files: &BTreeMap<String, String>,
) -> BTreeSet<String> {
    let ino = |id: &str, rel: &str| {
        std::fs::metadata(base.join("releases").join(id).join(rel)).map(|m| m.ino())
    };
    files
        .keys()
        .filter(|rel| matches!((ino(old, rel), ino(new, rel)), (Ok(a), Ok(b)) if a == b))
        .cloned()
        .collect()
}

/// Partial (interrupted) releases left on the target.
pub fn partials(base: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(base.join("releases")) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".partial"))
        .collect()
}

/// Serves `root/current` on 127.0.0.1 from a thread; returns the base URL (`http://127.0.0.1:N/`).
pub fn serve_live(root: &Path) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}/", listener.local_addr().expect("addr"));
    let live = root.join("current");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let live = live.clone();
            std::thread::spawn(move || answer(stream, &live));
        }
    });
    base
}

fn answer(mut stream: std::net::TcpStream, live: &Path) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    // Headers are read and ignored; the answer closes the connection.
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let path = decode(target.split(['?', '#']).next().unwrap_or("/"));
    let mut file = live.join(path.trim_start_matches('/'));
    if path.ends_with('/') || file.is_dir() {
        file = file.join("index.html");
    }
    let found = !path.contains("..") && file.is_file();
    let (status, body) = match std::fs::read(&file) {
        Ok(body) if found => ("200 OK", body),
        _ => ("404 Not Found", b"not found".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
}

fn decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// GET `url` from the loopback server: the body, or None if not 200.
pub fn get(url: &str) -> Option<String> {
    let rest = url.strip_prefix("http://")?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let mut stream = std::net::TcpStream::connect(host).ok()?;
    write!(
        stream,
        "GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut answer = Vec::new();
    std::io::Read::read_to_end(&mut stream, &mut answer).ok()?;
    let text = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = text.split_once("\r\n\r\n")?;
    head.starts_with("HTTP/1.1 200").then(|| body.to_string())
}
