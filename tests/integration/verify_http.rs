//! `civic verify URL`: the live site, fetched over HTTP as a browser, as search crawlers and as
//! a visitor from a search engine, compared with the build's manifest.
//!
//! Each test serves a built sample site from a small axum server on 127.0.0.1 inside the test,
//! tampered the way a compromised server would be, and runs the real `civic` binary against it.
//! Nothing leaves the loopback address; every server counts its requests, and the counts are
//! checked, so a run can never hammer a site.

use crate::common;

pub(crate) mod server;

use common::{Fixture, stderr};
use server::{Tamper, bind, serve, start};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// The sample site, built once for every test here, with its manifest kept "off the server".
pub(crate) struct Built {
    _fixture: Fixture,
    pub(crate) files: BTreeMap<String, Vec<u8>>,
    manifest: PathBuf,
}

pub(crate) fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let fixture = Fixture::new();
        let out = fixture.build();
        assert!(out.status.success(), "build failed:\n{}", stderr(&out));
        let mut files = common::snapshot(&fixture.out());
        let manifest_bytes = files
            .remove("civic-manifest.json")
            .expect("the build writes a manifest");
        fixture.write_bytes("kept/civic-manifest.json", &manifest_bytes);
        let manifest = fixture.root().join("kept/civic-manifest.json");
        Built {
            _fixture: fixture,
            files,
            manifest,
        }
    })
}

pub(crate) struct Run {
    pub(crate) code: Option<i32>,
    pub(crate) records: Vec<serde_json::Value>,
    pub(crate) stderr: String,
}

impl Run {
    pub(crate) fn of_kind(&self, kind: &str) -> Vec<&serde_json::Value> {
        self.records.iter().filter(|r| r["kind"] == kind).collect()
    }
}

/// `civic verify URL --manifest KEPT --format json ARGS…`, proxies from the environment removed
/// so that nothing but the loopback server is asked.
pub(crate) fn verify(url: &str, args: &[&str]) -> Run {
    let out = common::civic()
        .args(["verify", url, "--format", "json", "--manifest"])
        .arg(&built().manifest)
        .args(args)
        .env_remove("HTTP_PROXY")
        .env_remove("HTTPS_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("http_proxy")
        .env_remove("https_proxy")
        .env_remove("all_proxy")
        .output()
        .expect("run civic");
    let stdout = String::from_utf8_lossy(&out.stdout);
    Run {
        code: out.status.code(),
        records: stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect(),
        stderr: stderr(&out),
    }
}

/// Files the crawlers and search visitors are asked for too: pages, scripts, the sitemap and
/// robots.txt.
fn cloak_compared() -> usize {
    built()
        .files
        .keys()
        .filter(|p| {
            p.ends_with(".html")
                || p.ends_with(".js")
                || p.ends_with("sitemap.xml")
                || p.ends_with("robots.txt")
        })
        .count()
}

/// One browser GET per file, and one more per crawler and search visitor for each file
/// compared for cloaking (eight crawlers, six search visitors).
fn clean_requests() -> usize {
    built().files.len() + 14 * cloak_compared()
}

fn sha256(bytes: &[u8]) -> String {
    civic::integrity::sha256_hex(bytes)
}

pub(crate) fn page_with(base: &[u8], extra: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(base).replace("</body>", &format!("{extra}</body>"));
    text.into_bytes()
}

const ABOUT: &str = "about/index.html";

#[test]
fn a_clean_server_passes_with_a_bounded_number_of_requests() {
    let server = serve(Tamper::default());
    let run = verify(&server.base, &["--concurrency", "2"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.records.is_empty(), "{:?}", run.records);
    assert_eq!(server.hits(), clean_requests());
    assert!(
        run.stderr.contains(&format!(
            "{} unchanged; {} files checked with {} requests",
            built().files.len(),
            built().files.len(),
            clean_requests()
        )),
        "{}",
        run.stderr
    );
    let max = server.shared.max_in_flight.load(Ordering::SeqCst);
    assert!(
        (1..=2).contains(&max),
        "at most 2 requests at once, saw {max}"
    );
}

#[test]
fn a_changed_page_and_a_deleted_file_are_found() {
    let css = built()
        .files
        .keys()
        .find(|p| p.ends_with(".css"))
        .expect("a stylesheet")
        .clone();
    let spam = page_with(&built().files[ABOUT], "<a href=/bocai/>娱乐城</a>");
    let mut tamper = Tamper::default();
    tamper.replace.insert(ABOUT.into(), Some(spam.clone()));
    tamper.replace.insert(css.clone(), None);
    let server = serve(tamper);
    let run = verify(&server.base, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);

    let changed = run.of_kind("changed");
    assert_eq!(changed.len(), 1, "{:?}", run.records);
    assert_eq!(changed[0]["url"], format!("{}about/", server.base));
    assert_eq!(changed[0]["path"], ABOUT);
    assert_eq!(changed[0]["expected_sha256"], sha256(&built().files[ABOUT]));
    assert_eq!(changed[0]["got_sha256"], sha256(&spam));
    assert_eq!(changed[0]["got_size"], spam.len());

    let missing = run.of_kind("missing");
    assert_eq!(missing.len(), 1, "{:?}", run.records);
    assert_eq!(missing[0]["path"], css.as_str());
    assert_eq!(missing[0]["status"], 404);

    // The spam's link, to a path the build never wrote, is named too.
    let extra = run.of_kind("extra");
    assert_eq!(extra.len(), 1, "{:?}", run.records);
    assert_eq!(extra[0]["url"], format!("{}bocai/", server.base));
    assert_eq!(extra[0]["status"], 404);
    assert!(
        run.records.iter().all(|r| r["kind"] != "cloaked"),
        "{:?}",
        run.records
    );
}

#[test]
fn spam_only_for_baiduspider_is_cloaking() {
    let spam = page_with(
        &built().files[ABOUT],
        "<a href=/bocai/1.html>澳门娱乐城</a>",
    );
    let mut tamper = Tamper::default();
    tamper.for_agent.insert(
        ABOUT.into(),
        ("Mozilla/5.0 (compatible; Baiduspider", spam.clone()),
    );
    let server = serve(tamper);
    let run = verify(&server.base, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let cloaked = run.of_kind("cloaked");
    assert_eq!(
        cloaked.len(),
        1,
        "only Baiduspider got spam: {:?}",
        run.records
    );
    let c = cloaked[0];
    assert_eq!(c["path"], ABOUT);
    assert!(
        c["user_agent"]
            .as_str()
            .is_some_and(|ua| ua.contains("Baiduspider")),
        "{c}"
    );
    assert!(c.get("referer").is_none(), "{c}");
    assert_eq!(c["expected_sha256"], sha256(&built().files[ABOUT]));
    assert_eq!(c["got_sha256"], sha256(&spam));
    assert!(
        run.of_kind("changed").is_empty(),
        "the browser saw the build"
    );
    let extra = run.of_kind("extra");
    assert_eq!(extra.len(), 1, "{:?}", run.records);
    assert_eq!(extra[0]["url"], format!("{}bocai/1.html", server.base));
    assert_eq!(extra[0]["linked_from"], format!("{}about/", server.base));

    let text = text_run(&server.base);
    assert!(
        text.contains(&format!(
            "cloaked  {}about/: as Mozilla/5.0 (compatible; Baiduspider/2.0",
            server.base
        )),
        "{text}"
    );
}

fn text_run(url: &str) -> String {
    let out = common::civic()
        .args(["verify", url, "--manifest"])
        .arg(&built().manifest)
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "text goes to stderr");
    stderr(&out)
}

#[test]
fn spam_only_for_visitors_from_a_search_engine_is_cloaking() {
    let spam = b"<script>location='https://bet.example/'</script>".to_vec();
    let mut tamper = Tamper::default();
    tamper
        .for_referer
        .insert("index.html".into(), ("www.baidu.com", spam.clone()));
    let server = serve(tamper);
    let run = verify(&server.base, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let cloaked = run.of_kind("cloaked");
    assert_eq!(cloaked.len(), 1, "{:?}", run.records);
    assert_eq!(cloaked[0]["url"], server.base);
    assert!(
        cloaked[0]["referer"]
            .as_str()
            .is_some_and(|r| r.starts_with("https://www.baidu.com/s?")),
        "{}",
        cloaked[0]
    );
    assert!(cloaked[0].get("user_agent").is_none());
    assert_eq!(cloaked[0]["got_sha256"], sha256(&spam));
    assert_eq!(run.records.len(), 1, "{:?}", run.records);
}

#[test]
fn a_redirect_the_build_never_made_is_found() {
    let mut tamper = Tamper::default();
    tamper.redirect.insert(
        "role-models/index.html".into(),
        (302, "https://bet.example/?from=wenming".into()),
    );
    let server = serve(tamper);
    let run = verify(&server.base, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(run.records.len(), 1, "{:?}", run.records);
    let r = &run.records[0];
    assert_eq!(r["kind"], "redirect");
    assert_eq!(r["url"], format!("{}role-models/", server.base));
    assert_eq!(r["status"], 302);
    assert_eq!(r["location"], "https://bet.example/?from=wenming");
    assert_eq!(
        server.hits(),
        clean_requests(),
        "redirects are never followed"
    );
}

#[test]
fn an_extra_spam_page_linked_from_the_sitemap_is_found() {
    // The sitemap names the spam page by its absolute URL on this very server, known once bound.
    let (listener, base) = bind();
    let spam_url = format!("{base}news/2026/bocai-vip.html");
    let sitemap = String::from_utf8_lossy(&built().files["sitemap.xml"]).replace(
        "</urlset>",
        &format!("<url><loc>{spam_url}</loc></url></urlset>"),
    );
    let spam_page = "<h1>澳门新葡京</h1>".as_bytes().to_vec();
    let mut tamper = Tamper::default();
    tamper
        .replace
        .insert("sitemap.xml".into(), Some(sitemap.into_bytes()));
    tamper
        .replace
        .insert("news/2026/bocai-vip.html".into(), Some(spam_page.clone()));
    let server = start(listener, base, tamper);
    let run = verify(&server.base, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let changed = run.of_kind("changed");
    assert_eq!(changed.len(), 1, "{:?}", run.records);
    assert_eq!(changed[0]["path"], "sitemap.xml");
    let extra = run.of_kind("extra");
    assert_eq!(extra.len(), 1, "{:?}", run.records);
    assert_eq!(extra[0]["url"], spam_url);
    assert_eq!(
        extra[0]["linked_from"],
        format!("{}sitemap.xml", server.base)
    );
    assert_eq!(extra[0]["got_sha256"], sha256(&spam_page));
    assert_eq!(run.records.len(), 2, "{:?}", run.records);
    assert_eq!(
        server.hits(),
        clean_requests() + 1,
        "the extra page is fetched once"
    );
}

#[test]
fn a_slow_server_times_out_with_a_clear_message_and_exit_2() {
    let server = serve(Tamper {
        delay: Some(Duration::from_secs(5)),
        ..Tamper::default()
    });
    let started = std::time::Instant::now();
    let run = verify(&server.base, &["--timeout", "0.3", "--retries", "1"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.records.is_empty());
    assert!(
        run.stderr.starts_with(&format!(
            "error: cannot reach {}: no answer within 0.3 s",
            server.base
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("(2 tries)") && run.stderr.contains("\nhelp: "),
        "{}",
        run.stderr
    );
    assert_eq!(server.hits(), 2, "one try and one retry");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "gave up without waiting for the server"
    );
}

#[test]
fn one_slow_page_is_a_finding_once_the_site_answered() {
    let mut tamper = Tamper::default();
    tamper
        .slow
        .insert("handbook/index.html".into(), Duration::from_secs(5));
    let server = serve(tamper);
    let run = verify(&server.base, &["--timeout", "0.5", "--retries", "1"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(run.records.len(), 1, "{:?}", run.records);
    let r = &run.records[0];
    assert_eq!(r["kind"], "unreachable");
    assert_eq!(r["path"], "handbook/index.html");
    assert_eq!(
        r["message"],
        "no answer within 0.5 s (raise --timeout if the server is only slow) (2 tries)"
    );
    // Two tries as a browser; a page nobody could fetch is not asked again as each crawler.
    let asks = server
        .asked()
        .iter()
        .filter(|p| *p == "handbook/index.html")
        .count();
    assert_eq!(asks, 2);
}

#[test]
fn a_500_is_reported_once_not_retried() {
    let mut tamper = Tamper::default();
    tamper.status.insert(ABOUT.into(), 500);
    let server = serve(tamper);
    let run = verify(&server.base, &["--retries", "3"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(run.records.len(), 1, "{:?}", run.records);
    assert_eq!(run.records[0]["kind"], "http_status");
    assert_eq!(run.records[0]["status"], 500);
    assert_eq!(run.records[0]["path"], ABOUT);
    assert_eq!(
        server.hits(),
        clean_requests(),
        "no retries for an HTTP status"
    );
    let about_asks = server.asked().iter().filter(|p| *p == ABOUT).count();
    assert_eq!(about_asks, 15, "once per visitor");
}

#[test]
fn a_refused_connection_is_exit_2_with_a_clear_message() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let url = format!("http://127.0.0.1:{port}/");
    let run = verify(&url, &["--retries", "1"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with(&format!("error: cannot reach {url}: cannot connect: ")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.to_lowercase().contains("refused"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("help: check the address"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_tls_failure_is_a_finding_not_a_crash() {
    // A plain-HTTP server asked over https: the handshake fails the way a hijacked certificate
    // would, and the run says so instead of crashing or calling the site unreachable.
    let server = serve(Tamper::default());
    let https = server.base.replacen("http://", "https://", 1);
    let run = verify(&https, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(run.records.len(), 1, "{:?}", run.records);
    assert_eq!(run.records[0]["kind"], "tls");
    assert_eq!(run.records[0]["url"], https);
    assert!(server.hits() <= 1, "no retries after a TLS failure");
    assert!(
        run.stderr.contains("; 0 files checked with 1 request"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_address_needs_a_manifest_kept_off_the_server() {
    let out = common::civic()
        .args(["verify", "http://127.0.0.1:9/"])
        .output()
        .expect("run");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("needs --manifest") && err.contains("help: "),
        "{err}"
    );
}

#[test]
fn a_sample_fetches_what_changed_since_the_last_build_and_a_few_more() {
    // The build before differed in one page: the sample must always include it.
    let mut before: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&built().manifest).expect("read")).expect("json");
    before["files"]["handbook/traffic/index.html"]["sha256"] = "0".repeat(64).into();
    let since = built().manifest.with_file_name("before.json");
    std::fs::write(&since, before.to_string()).expect("write");
    let server = serve(Tamper::default());
    let since_arg = since.to_string_lossy().into_owned();
    let run = verify(
        &server.base,
        &["--sample", "2", "--since", &since_arg, "--seed", "9"],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let asked: std::collections::BTreeSet<String> = server.asked().into_iter().collect();
    for must in [
        "index.html",
        "sitemap.xml",
        "robots.txt",
        "handbook/traffic/index.html",
    ] {
        assert!(asked.contains(must), "{must} not fetched: {asked:?}");
    }
    assert_eq!(asked.len(), 4 + 2, "{asked:?}");
    assert!(
        run.stderr.contains("6 files checked") && run.stderr.contains("sample seed 9"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_http_address_that_redirects_to_https_is_the_wrong_address_not_a_thousand_findings() {
    let (listener, base) = bind();
    let mut tamper = Tamper::default();
    let https = base.replacen("http://", "https://", 1);
    tamper
        .redirect
        .insert("index.html".into(), (301, https.clone()));
    let server = start(listener, base, tamper);
    let run = verify(&server.base, &[]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.starts_with(&format!(
            "error: {} redirects to {https}\nhelp: ",
            server.base
        )),
        "{}",
        run.stderr
    );
    assert_eq!(server.hits(), 1);

    // A home page sent to another host is a hijack: a finding, and the run goes on.
    let mut tamper = Tamper::default();
    tamper
        .redirect
        .insert("index.html".into(), (302, "https://bet.example/".into()));
    let server = serve(tamper);
    let run = verify(&server.base, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(run.of_kind("redirect").len(), 1, "{:?}", run.records);
    assert_eq!(server.hits(), clean_requests());
}
