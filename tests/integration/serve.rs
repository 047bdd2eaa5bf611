//! `civic serve` end to end: a real server on a free port, real file edits, the reload event, the
//! error overlay, path traversal, and many concurrent requests.

use crate::common;

use common::small_site::{small_site, write};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &std::path::Path) -> Server {
    start_in(root, "en")
}

/// A server whose messages (terminal and overlay) are in `lang`.
fn start_in(root: &std::path::Path, lang: &str) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_civic"))
        .args([
            "serve",
            "--lang",
            lang,
            "--port",
            "0",
            "--date",
            "2026-11-25",
            "--quiet",
            "--root",
        ])
        .arg(root)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("http://").nth(1) {
                let _ = tx.send(rest.split('/').next().unwrap_or("").to_string());
            }
        }
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("server did not start");
    Server { child, addr }
}

/// A raw HTTP/1.1 GET (the path is sent exactly as given). Returns (status, body).
fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).to_string();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// An open Server-Sent Events connection.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(addr: &str) -> Events {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        write!(
            s,
            "GET /__civic/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut e = Events(BufReader::new(s));
        assert_eq!(e.next(), "hello");
        e
    }

    /// The name of the next event of a rebuild (`reload`, `problems`). The findings panel's
    /// `findings` events come on their own time, after a rebuild; [`Events::findings`] waits
    /// for one.
    fn next(&mut self) -> String {
        loop {
            let name = self.any();
            if name != "findings" {
                return name;
            }
        }
    }

    /// Wait for the findings panel to change.
    fn findings(&mut self) {
        while self.any() != "findings" {}
    }

    /// The name of the next event, whatever it is.
    fn any(&mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut line = String::new();
        while Instant::now() < deadline {
            line.clear();
            if self.0.read_line(&mut line).unwrap_or(0) == 0 {
                break;
            }
            if let Some(name) = line.trim_end().strip_prefix("event: ") {
                return name.to_string();
            }
        }
        panic!("no event arrived");
    }
}

#[test]
fn serve_reloads_on_edits_shows_errors_and_stays_inside_the_output() {
    let site = small_site();
    let root = site.path();
    let server = start(root);
    let addr = server.addr.clone();

    let (status, body) = get(&addr, "/news/a/");
    assert_eq!(status, 200);
    assert!(body.contains("第一条新闻"));
    assert!(
        body.contains("/__civic/reload.js"),
        "the reload script is injected into served HTML"
    );
    let on_disk = std::fs::read_to_string(root.join("output/news/a/index.html")).unwrap();
    assert!(
        !on_disk.contains("__civic"),
        "the output on disk stays as `civic build` writes it"
    );
    let (status, js) = get(&addr, "/__civic/reload.js");
    assert_eq!(status, 200);
    assert!(js.contains("EventSource"));

    // Edit a page: the reload event arrives and the served page changed.
    let mut events = Events::open(&addr);
    write(
        root,
        "content/news/a.md",
        "---\ntitle: 第一条新闻\ndate: 2026-11-20\n---\n\n志愿者清扫了湖滨路。\n",
    );
    assert_eq!(events.next(), "reload");
    assert!(get(&addr, "/news/a/").1.contains("湖滨路"));

    // Add a page, then delete it.
    write(
        root,
        "content/news/b.md",
        "---\ntitle: 第二条新闻\ndate: 2026-11-21\n---\n\n新的一条。\n",
    );
    assert_eq!(events.next(), "reload");
    let (status, body) = get(&addr, "/news/b/");
    assert_eq!(status, 200);
    assert!(body.contains("新的一条"));
    assert!(get(&addr, "/news/").1.contains("第二条新闻"));
    std::fs::remove_file(root.join("content/news/b.md")).unwrap();
    assert_eq!(events.next(), "reload");
    assert_eq!(get(&addr, "/news/b/").0, 404);

    // Break the front matter: the server stays up and every page shows the problem.
    write(
        root,
        "content/news/a.md",
        "---\ntitle: [第一条新闻\ndate: 2026-11-20\n---\n\n正文。\n",
    );
    assert_eq!(events.next(), "problems");
    let (status, body) = get(&addr, "/news/a/");
    assert_eq!(status, 200);
    assert!(body.contains("civic-problems"), "{body}");
    assert!(
        body.contains("content/news/a.md:"),
        "the overlay names the file and line"
    );
    write(
        root,
        "content/news/a.md",
        "---\ntitle: 第一条新闻\ndate: 2026-11-20\n---\n\n修好了。\n",
    );
    assert_eq!(events.next(), "reload");
    let body = get(&addr, "/news/a/").1;
    assert!(!body.contains("civic-problems"));
    assert!(body.contains("修好了"));

    // Nothing outside the output folder is served.
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("site.yaml"), root.join("output/leak.txt")).unwrap();
    for path in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/..%2fsite.yaml",
        "/news/../../site.yaml",
        "/news/%2E%2E/%2E%2E/site.yaml",
        "/..\\site.yaml",
        "//etc/passwd",
        "/leak.txt",
        "/missing/",
    ] {
        let (status, body) = get(&addr, path);
        assert!(status == 404 || status == 400, "{path}: {status}");
        assert!(
            !body.contains("base_url"),
            "{path} leaked a file outside the output"
        );
    }
    assert_eq!(get(&addr, "/news").0, 301);

    // Many concurrent requests.
    let threads: Vec<_> = (0..16)
        .map(|i| {
            let addr = addr.clone();
            std::thread::spawn(move || {
                (0..20).all(|j| {
                    let path = if (i + j) % 2 == 0 { "/news/a/" } else { "/en/" };
                    get(&addr, path).0 == 200
                })
            })
        })
        .collect();
    assert!(threads.into_iter().all(|t| t.join().unwrap()));
    drop(server);
}

/// A twin pair's problems clear when the file that causes them is fixed, from either side (the
/// overlay used to keep an English twin's error, charged to the Chinese file, until that file
/// was saved).
#[test]
fn serve_overlay_clears_twin_errors_when_the_right_file_is_fixed() {
    let site = small_site();
    let root = site.path();
    write(
        root,
        "content/role-models/_index.md",
        "---\ntitle: 模范\nkind: role_model\n---\n",
    );
    write(
        root,
        "content/role-models/_index.en.md",
        "---\ntitle: Role models\n---\n",
    );
    let mut png = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(image::RgbImage::new(40, 30))
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    std::fs::write(root.join("content/role-models/zhang.png"), png.into_inner()).unwrap();
    let zh_ok = "---\ntitle: 张秀兰\nname: 张秀兰\ncategory: 助人为乐\nyear: 2025\nphoto: zhang.png\nphoto_alt: 张秀兰在社区\n---\n事迹。\n";
    let en_ok = "---\ntitle: Zhang Xiulan\nname: Zhang Xiulan\nphoto_alt: Zhang Xiulan at home\n---\nStory.\n";
    write(root, "content/role-models/zhang.md", zh_ok);
    write(root, "content/role-models/zhang.en.md", en_ok);
    let server = start(root);
    let addr = server.addr.clone();
    // The blocking overlay only (the findings panel beside it lists check's warnings).
    let overlay = |addr: &str| {
        let doc = scraper::Html::parse_document(&get(addr, "/role-models/zhang/").1);
        common::select(&doc, "#civic-problems")
            .first()
            .map(|e| e.html())
    };
    assert!(overlay(&addr).is_none());
    let mut events = Events::open(&addr);

    // The English twin loses its description: its own file is named, and fixing it clears it.
    write(
        root,
        "content/role-models/zhang.en.md",
        "---\ntitle: Zhang Xiulan\nname: Zhang Xiulan\n---\nStory.\n",
    );
    assert_eq!(events.next(), "problems");
    let body = overlay(&addr).expect("overlay after breaking the English twin");
    assert!(body.contains("content/role-models/zhang.en.md:"), "{body}");
    assert!(!body.contains("content/role-models/zhang.md:"), "{body}");
    write(root, "content/role-models/zhang.en.md", en_ok);
    assert_eq!(events.next(), "reload");
    assert!(overlay(&addr).is_none(), "the overlay stays after the fix");

    // The Chinese page names a photo that does not exist: the Chinese file is named (not the
    // twin that inherits it), and fixing it clears it.
    write(
        root,
        "content/role-models/zhang.md",
        &zh_ok.replace("zhang.png", "zhang.PNG"),
    );
    assert_eq!(events.next(), "problems");
    let body = overlay(&addr).expect("overlay after breaking the photo");
    assert!(body.contains("content/role-models/zhang.md:6"), "{body}");
    assert_eq!(
        body.matches("<li><p><strong>").count(),
        1,
        "reported once, not once per file of the pair: {body}"
    );
    assert!(!body.contains("zhang.en.md"), "{body}");
    write(root, "content/role-models/zhang.md", zh_ok);
    assert_eq!(events.next(), "reload");
    assert!(overlay(&addr).is_none(), "the overlay stays after the fix");
}

/// The preview counts pages as `civic build` does (it used to count content pages, not the HTML
/// pages the build writes).
#[test]
fn serve_reports_the_same_page_count_as_build() {
    let site = small_site();
    let root = site.path();
    let counted = |line: &str| line.split(" files in").next().unwrap_or("").to_string();
    let build = Command::new(env!("CARGO_BIN_EXE_civic"))
        .args(["build", "--lang", "en", "--date", "2026-11-25", "--root"])
        .arg(root)
        .arg("--output")
        .arg(root.join("built"))
        .output()
        .unwrap();
    assert!(build.status.success());
    let build_line = String::from_utf8_lossy(&build.stderr)
        .lines()
        .find(|l| l.starts_with("Built "))
        .map(counted)
        .expect("build prints its summary");
    let mut child = Command::new(env!("CARGO_BIN_EXE_civic"))
        .args([
            "serve",
            "--lang",
            "en",
            "--port",
            "0",
            "--date",
            "2026-11-25",
            "--root",
        ])
        .arg(root)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let line = BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .find(|l| l.starts_with("Built "));
        let _ = tx.send(line);
    });
    let serve_line = rx
        .recv_timeout(Duration::from_secs(60))
        .ok()
        .flatten()
        .map(|l| counted(&l));
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(serve_line.as_deref(), Some(build_line.as_str()));
    assert!(build_line.starts_with("Built "), "{build_line}");
}

/// `civic build` of the folder a preview serves refuses, naming the preview, in the reader's
/// language, and leaves the served folder as it was.
#[test]
fn build_while_serve_runs_says_so_and_leaves_the_served_folder_alone() {
    let site = small_site();
    let root = site.path();
    let server = start(root);
    let index = root.join("output/index.html");
    let before = std::fs::read(&index).expect("serve built the site");
    for (lang, says) in [("en", "civic serve is previewing"), ("zh-CN", "正在")] {
        let build = Command::new(env!("CARGO_BIN_EXE_civic"))
            .args(["build", "--lang", lang, "--date", "2026-11-25", "--root"])
            .arg(root)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&build.stderr);
        assert_eq!(build.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(
            stderr.contains(&server.addr),
            "names the preview's address: {stderr}"
        );
    }
    assert_eq!(std::fs::read(&index).unwrap(), before);
    // Another folder builds while the preview runs.
    let other = Command::new(env!("CARGO_BIN_EXE_civic"))
        .args(["build", "--quiet", "--date", "2026-11-25", "--root"])
        .arg(root)
        .arg("--output")
        .arg(root.join("dist"))
        .output()
        .unwrap();
    assert!(
        other.status.success(),
        "{}",
        String::from_utf8_lossy(&other.stderr)
    );
    drop(server);
    // Once the preview stops, the folder builds again.
    let after = Command::new(env!("CARGO_BIN_EXE_civic"))
        .args(["build", "--quiet", "--date", "2026-11-25", "--root"])
        .arg(root)
        .output()
        .unwrap();
    assert!(
        after.status.success(),
        "{}",
        String::from_utf8_lossy(&after.stderr)
    );
}

/// The preview's overlay speaks the editor's language.
#[test]
fn serve_overlay_speaks_chinese_with_lang_zh() {
    let site = small_site();
    let root = site.path();
    let server = start_in(root, "zh-CN");
    let mut events = Events::open(&server.addr);
    write(
        root,
        "content/_index.md",
        "---\ntitle: 首页\n---\n见[这里](missing.md)。\n",
    );
    assert_eq!(events.next(), "problems");
    let body = get(&server.addr, "/").1;
    assert!(body.contains("网站有 1 处问题"), "{body}");
    assert!(body.contains("链接无效"), "{body}");
    assert!(body.contains(r#"lang="zh-CN""#), "{body}");
    assert!(!body.contains("broken link"), "{body}");
}

/// The preview shows every problem `civic check` shows (issue 29: a broken `#anchor` was caught
/// by check while the preview showed nothing): in a panel beside the page, which follows edits.
#[test]
fn serve_shows_what_check_finds_and_follows_the_fix() {
    let site = small_site();
    let root = site.path();
    let broken = "---\ntitle: 第二章\nweight: 2\n---\n\n见[第一章](one.md#礼让)。\n";
    write(root, "content/handbook/two.md", broken);
    let (found, _) = common::sample_site::check(root, "2026-11-25");
    let anchor = found
        .iter()
        .find(|f| f.code == "broken-anchor")
        .expect("check finds the broken anchor");
    assert_eq!(
        (anchor.file.as_str(), anchor.line),
        ("content/handbook/two.md", Some(6))
    );
    let server = start(root);
    let addr = server.addr.clone();
    let shown = |addr: &str| -> Vec<String> {
        let doc = scraper::Html::parse_document(&get(addr, "/handbook/two/").1);
        common::select(&doc, "#civic-findings li strong")
            .iter()
            .map(|e| e.text().collect())
            .collect()
    };
    let listed = shown(&addr);
    let expected: Vec<String> = found
        .iter()
        .map(|f| format!("{}:{}", f.file, f.line.unwrap_or(0)))
        .collect();
    assert_eq!(listed.len(), expected.len(), "{listed:?} vs {expected:?}");
    for (l, e) in listed.iter().zip(&expected) {
        assert!(
            l.starts_with(e.trim_end_matches(":0")),
            "{listed:?} vs {expected:?}"
        );
    }
    let (_, body) = get(&addr, "/handbook/two/");
    assert!(body.contains("#礼让"), "{body}");
    assert!(
        !body.contains("civic-problems"),
        "the page is not blocked: {body}"
    );

    // The anchor is fixed: the page reloads, then the panel follows without it.
    let mut events = Events::open(&addr);
    write(
        root,
        "content/handbook/two.md",
        &broken.replace("#礼让", "#礼让行人"),
    );
    assert_eq!(events.next(), "reload");
    events.findings();
    assert!(
        !shown(&addr)
            .iter()
            .any(|l| l == "content/handbook/two.md:6"),
        "{:?}",
        shown(&addr)
    );
    let (status, panel) = get(&addr, "/__civic/findings");
    assert_eq!(status, 200);
    assert!(!panel.contains("#礼让"), "{panel}");
    // Broken again: the panel names it again.
    write(root, "content/handbook/two.md", broken);
    assert_eq!(events.next(), "reload");
    events.findings();
    assert!(
        shown(&addr)
            .iter()
            .any(|l| l == "content/handbook/two.md:6"),
        "{:?}",
        shown(&addr)
    );
}
