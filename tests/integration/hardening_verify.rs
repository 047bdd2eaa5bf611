//! `civic verify` against a hostile server, second pass (issue 24): cloaking of robots.txt,
//! the sitemap and scripts, the crawlers and search Referers that matter in China, a cap on the
//! extra pages listed, and an overall deadline. Served by verify_http's local test server.

use crate::verify_http::server::{Tamper, serve};
use crate::verify_http::{built, page_with, verify};
use std::time::Duration;

/// A path of the built sample site that ends with `suffix`.
fn built_path(suffix: &str) -> String {
    built()
        .files
        .keys()
        .find(|p| p.ends_with(suffix))
        .unwrap_or_else(|| panic!("the sample site has no {suffix}"))
        .clone()
}

#[test]
fn robots_sitemap_and_scripts_served_differently_to_crawlers_are_cloaking() {
    let script = built_path(".js");
    let cases: [(String, &'static str, &[u8]); 3] = [
        (
            "robots.txt".into(),
            "Bytespider",
            b"Sitemap: https://bet.example/s.xml\n",
        ),
        (
            built_path("sitemap.xml"),
            "YisouSpider",
            b"<urlset><url><loc>/bocai/</loc></url></urlset>",
        ),
        (
            script,
            "Sogou web spider",
            b"location='https://bet.example/'",
        ),
    ];
    for (path, agent, body) in cases {
        let mut tamper = Tamper::default();
        tamper
            .for_agent
            .insert(path.clone(), (agent, body.to_vec()));
        let server = serve(tamper);
        let run = verify(&server.base, &[]);
        assert_eq!(run.code, Some(1), "{path}: {}", run.stderr);
        let cloaked = run.of_kind("cloaked");
        assert_eq!(cloaked.len(), 1, "{path}: {:?}", run.records);
        assert_eq!(cloaked[0]["path"], path.as_str());
        assert!(
            cloaked[0]["user_agent"]
                .as_str()
                .is_some_and(|ua| ua.contains(agent)),
            "{path}: {}",
            cloaked[0]
        );
    }
}

#[test]
fn the_crawlers_and_search_referers_that_matter_in_china_are_all_asked() {
    let about = "about/index.html";
    let spam = page_with(&built().files[about], "<p>澳门娱乐城</p>");
    // Mobile Baiduspider alone (its User-Agent carries this Safari version) and Bytespider.
    for agent in [
        "Safari/10600",
        "Bytespider",
        "YisouSpider",
        "360Spider",
        "bingbot",
        "Googlebot",
    ] {
        let mut tamper = Tamper::default();
        tamper.for_agent.insert(about.into(), (agent, spam.clone()));
        let run = verify(&serve(tamper).base, &[]);
        assert_eq!(
            run.of_kind("cloaked").len(),
            1,
            "{agent}: {:?}",
            run.records
        );
    }
    for referer in [
        "sogou.com",
        "so.com/s",
        "m.sm.cn",
        "google.com",
        "m.baidu.com",
    ] {
        let mut tamper = Tamper::default();
        tamper
            .for_referer
            .insert(about.into(), (referer, spam.clone()));
        let run = verify(&serve(tamper).base, &[]);
        let cloaked = run.of_kind("cloaked");
        assert_eq!(cloaked.len(), 1, "{referer}: {:?}", run.records);
        assert!(
            cloaked[0]["referer"]
                .as_str()
                .is_some_and(|r| r.contains(referer)),
            "{referer}: {}",
            cloaked[0]
        );
    }
}

#[test]
fn thousands_of_extra_links_are_capped_with_a_count_of_the_rest() {
    let about = "about/index.html";
    let links: String = (0..3000)
        .map(|i| format!("<a href=/bocai/{i}.html>x</a>"))
        .collect();
    let mut tamper = Tamper::default();
    tamper
        .replace
        .insert(about.into(), Some(page_with(&built().files[about], &links)));
    let run = verify(&serve(tamper).base, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(
        run.of_kind("extra").len(),
        1000,
        "at most 1000 extra pages listed"
    );
    assert!(
        run.stderr
            .contains("2000 more links to pages the build never wrote"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_slow_server_is_cut_off_by_the_overall_deadline_and_never_called_clean() {
    let tamper = Tamper {
        delay: Some(Duration::from_secs(3)),
        ..Tamper::default()
    };
    let server = serve(tamper);
    let run = verify(&server.base, &["--deadline", "1", "--timeout", "30"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("deadline of 1 s"), "{}", run.stderr);
    assert!(run.stderr.contains("raise --deadline"), "{}", run.stderr);
}

#[test]
fn folder_mode_escapes_file_names_and_reports_a_dangling_symlink() {
    let f = crate::common::Fixture::new();
    assert!(f.build().status.success());
    let out_dir = f.out();
    std::fs::write(out_dir.join("evil\x1b[2Jname.html"), "x").expect("write");
    std::os::unix::fs::symlink("/nowhere/at/all", out_dir.join("gone.html")).expect("ln");
    let out = crate::common::civic()
        .args(["verify", "--lang", "en"])
        .arg(&out_dir)
        .output()
        .expect("run civic");
    let err = crate::common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        !err.contains('\x1b'),
        "a raw escape code reached the terminal: {err:?}"
    );
    assert!(err.contains("evil\\u{1b}[2Jname.html"), "{err}");
    assert!(err.contains("gone.html"), "{err}");
}
