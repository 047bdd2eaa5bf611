//! Hardening, second pass (issue 24): input that crashed a build after the output was swapped,
//! `--force` on folders Civic did not make, and config paths that read outside the site.

use crate::common;
use common::*;
use std::path::Path;
use std::time::Duration;

/// One brand 20,000 times: 120 KB in a page, 320 KB in a static text file.
fn brand_repeated(times: usize) -> String {
    "葡京".repeat(times)
}

fn with_guard_line(f: &Fixture, line: &str) {
    let yaml = format!("{SITE_YAML}guard:\n  {line}\n");
    f.write("site.yaml", &yaml);
}

fn build_for_at_most(f: &Fixture, args: &[&str], secs: u64) -> std::process::Output {
    civic_in(f.root())
        .args(["build", "--quiet", "--date", DATE])
        .args(args)
        .timeout(Duration::from_secs(secs))
        .output()
        .expect("run civic")
}

#[test]
fn a_brand_repeated_20000_times_does_not_crash_build_or_check() {
    let f = Fixture::new();
    f.write(
        "content/spam.md",
        &format!("---\ntitle: 活动\n---\n{}\n", brand_repeated(20_000)),
    );
    for command in ["build", "check"] {
        let out = civic()
            .args([command, "--date", DATE, "--root"])
            .arg(f.root())
            .output()
            .expect("run civic");
        // A stack overflow aborts (signal 6, no exit code); an answer is 0, 1 or 2.
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "{command}: {:?}\n{}",
            out.status,
            stderr(&out)
        );
    }
}

#[test]
fn a_320_kb_static_text_of_spam_never_replaces_the_output_and_then_fails() {
    let f = Fixture::new();
    assert!(f.build().status.success(), "{}", stderr(&f.build()));
    let before = snapshot(&f.out());
    f.write("static/notice.txt", &brand_repeated(80_000));
    f.write(
        "content/spam.md",
        &format!("---\ntitle: 活动\n---\n{}\n", brand_repeated(20_000)),
    );
    let out = f.build();
    let code = out.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "{:?}\n{}",
        out.status,
        stderr(&out)
    );
    if code != Some(0) {
        assert_eq!(snapshot(&f.out()), before, "a failed build changed output/");
    } else {
        assert!(
            f.out().join("notice.txt").is_file(),
            "a build that passed wrote it all"
        );
    }
}

#[test]
fn force_never_empties_a_folder_civic_did_not_make() {
    let f = Fixture::new();
    let home = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(home.path().join(".ssh")).expect("mkdir");
    std::fs::write(home.path().join(".ssh/id_rsa"), "key").expect("write");
    std::fs::write(home.path().join("id_rsa"), "key").expect("write");
    let before = snapshot(home.path());
    let out = civic()
        .args(["build", "--quiet", "--force", "--date", DATE, "--root"])
        .arg(f.root())
        .arg("--output")
        .arg(home.path())
        .output()
        .expect("run civic");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains(".civic-output"), "{}", stderr(&out));
    assert_eq!(
        snapshot(home.path()),
        before,
        "--force changed a folder Civic did not make"
    );
    for system in ["/", "/etc", "/bin"] {
        let out = build_for_at_most(&f, &["--force", "--output", system], 60);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{system}: {err}");
        assert!(
            err.contains(&format!("--output {system} "))
                || err.contains(&format!("--output {system}:")),
            "{system}: {err}"
        );
    }
    assert!(Path::new("/etc/passwd").is_file());
}

#[test]
fn extra_rules_outside_the_site_are_refused_and_never_echoed() {
    let f = Fixture::new();
    std::os::unix::fs::symlink("/etc", f.root().join("etc")).expect("ln");
    std::os::unix::fs::symlink("/dev/zero", f.root().join("zero")).expect("ln");
    for (given, says) in [
        ("/etc/passwd", "absolute"),
        ("../../etc/passwd", "climbs out"),
        ("etc/passwd", "outside the site"),
        ("zero", "outside the site"),
    ] {
        with_guard_line(&f, &format!("extra_rules: \"{given}\""));
        let out = build_for_at_most(&f, &[], 60);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{given}: {err}");
        assert!(err.contains(says), "{given}: expected `{says}` in {err}");
        assert!(
            !err.contains("root:x:0"),
            "{given}: echoed /etc/passwd: {err}"
        );
    }
}

#[test]
fn fifos_and_devices_are_refused_without_blocking() {
    let f = Fixture::new();
    let fifo = f.root().join("rules.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    with_guard_line(&f, "extra_rules: rules.fifo");
    let out = build_for_at_most(&f, &[], 60);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_file(f.root().join("site.yaml")).expect("rm");
    std::os::unix::fs::symlink(&fifo, f.root().join("site.yaml")).expect("ln");
    let out = build_for_at_most(&f, &[], 60);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
    let out = civic_in(f.root())
        .args(["verify", ".", "--manifest"])
        .arg(&fifo)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("run civic");
    assert!(
        stderr(&out).contains("not a regular file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_theme_or_static_folder_linked_outside_the_site_is_refused() {
    let f = Fixture::new();
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(outside.path().join("static")).expect("mkdir");
    std::fs::write(outside.path().join("static/leak.txt"), "secret").expect("write");
    std::fs::create_dir_all(f.root().join("themes")).expect("mkdir");
    std::os::unix::fs::symlink(outside.path(), f.root().join("themes/evil")).expect("ln");
    let yaml = std::fs::read_to_string(f.root().join("site.yaml")).expect("read");
    f.write("site.yaml", &format!("{yaml}theme: evil\n"));
    let out = build_for_at_most(&f, &[], 120);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("themes/evil") && err.contains("outside the site"),
        "{err}"
    );
    assert!(
        !f.out().join("leak.txt").exists(),
        "an outside theme was published"
    );
    // The site's own static/ linked outside is refused the same way.
    f.write("site.yaml", &yaml);
    std::fs::remove_dir_all(f.root().join("static")).ok();
    std::os::unix::fs::symlink(outside.path().join("static"), f.root().join("static")).expect("ln");
    let out = build_for_at_most(&f, &[], 120);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("static") && err.contains("outside the site"),
        "{err}"
    );
    assert!(
        !f.out().join("leak.txt").exists(),
        "an outside static/ was published"
    );
}

#[test]
fn a_symlinked_content_folder_is_refused_not_published_behind_a_warning() {
    let f = Fixture::new();
    let elsewhere = tempfile::tempdir().expect("tmp");
    let moved = elsewhere.path().join("content");
    std::fs::rename(f.root().join("content"), &moved).expect("mv");
    std::os::unix::fs::symlink(&moved, f.root().join("content")).expect("ln");
    let out = build_for_at_most(&f, &[], 120);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/") && err.contains("symbolic link"),
        "{err}"
    );
    assert!(
        !f.out().join("index.html").exists(),
        "a linked content/ was published"
    );
}

/// SITE_YAML with `from` replaced by `to` (the fixture's own site.yaml, one value changed).
fn site_yaml_with(f: &Fixture, from: &str, to: &str) {
    assert!(SITE_YAML.contains(from), "{from}");
    f.write("site.yaml", &SITE_YAML.replacen(from, to, 1));
}

#[test]
fn spam_in_site_yaml_titles_menus_and_footer_stops_the_build() {
    let spam = "澳门葡京赌场 在线棋牌 注册送彩金";
    for (from, field) in [
        ("title: { zh-CN: 测试文明网", "title.zh-CN"),
        ("{ label: 道德模范,", "menus.zh-CN"),
        ("sponsor: { zh-CN: 明湖市文明办", "footer.sponsor.zh-CN"),
    ] {
        let f = Fixture::new();
        let to = from.replacen(from.split(' ').next_back().unwrap_or(""), "", 1);
        let to = format!("{to}{spam}{}", if from.ends_with(',') { "," } else { "" });
        site_yaml_with(&f, from, &to);
        let line = SITE_YAML
            .lines()
            .position(|l| l.contains(from))
            .unwrap_or(0)
            + 1;
        let out = build_for_at_most(&f, &["--lang", "en"], 120);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{field}: {err}");
        assert!(
            err.contains(&format!("site.yaml:{line}")),
            "{field}: line {line}: {err}"
        );
        assert!(err.contains(field), "{field}: {err}");
        assert!(
            !f.out().join("index.html").exists(),
            "{field}: spam was published"
        );
    }
}

#[test]
fn a_menu_link_to_another_host_stops_the_build() {
    for link in [
        "https://casino.example.com/",
        "//casino.example.com/",
        "/\\\\casino.example.com/",
    ] {
        let f = Fixture::new();
        site_yaml_with(
            &f,
            "link: \"@/role-models/_index.md\" }\n  en:",
            &format!("link: \"{link}\" }}\n  en:"),
        );
        let out = build_for_at_most(&f, &["--lang", "en"], 120);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{link}: {err}");
        assert!(
            err.contains("menu link") && err.contains("site.yaml"),
            "{link}: {err}"
        );
    }
}

#[test]
fn a_redirect_of_the_whole_site_to_another_host_stops_the_build() {
    for target in ["https://casino.example.com/", "/\\casino.example.com/"] {
        let f = Fixture::new();
        f.write("static/_redirects", &format!("/* {target} 301\n"));
        let out = build_for_at_most(&f, &["--lang", "en"], 120);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{target}: {err}");
        assert!(err.contains("_redirects"), "{target}: {err}");
        assert!(!f.out().join("_redirects").exists(), "{target}: published");
    }
}

#[test]
fn a_picture_of_30000_by_30000_pixels_is_refused_before_decoding() {
    let f = Fixture::new();
    f.write_bytes(
        "content/huge.png",
        &civic_bench::hostile::png_claiming(30_000, 30_000),
    );
    f.write(
        "content/photo.md",
        "---\ntitle: 照片\n---\n![大图](huge.png)\n",
    );
    let out = build_for_at_most(&f, &["--lang", "en"], 120);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/huge.png"), "{err}");
    assert!(err.contains("30000×30000 pixels"), "{err}");
}

#[test]
fn a_section_index_error_comes_before_the_errors_of_its_pages() {
    let f = Fixture::new();
    f.write(
        "content/news/_index.md",
        "---\ntitle: 新闻\nstale_after_days: -5\n---\n",
    );
    for day in 1..=3 {
        f.write(
            &format!("content/news/2026-01-0{day}-x.md"),
            &format!(
                "---\ntitle: 第{day}条\ndate: 2026-01-0{day}\n---\n[坏链接](nowhere-{day}.md)\n"
            ),
        );
    }
    let out = build_for_at_most(&f, &["--lang", "en"], 120);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let index = err.find("content/news/_index.md").unwrap_or(usize::MAX);
    let page = err.find("content/news/2026-").unwrap_or(usize::MAX);
    assert!(index < page, "the root cause is not first:\n{err}");
}

#[test]
fn errors_are_capped_per_file_with_a_count_of_the_rest() {
    let f = Fixture::new();
    let body: String = (0..120)
        .map(|i| format!("[坏链接{i}](nowhere-{i}.md)\n\n"))
        .collect();
    f.write("content/broken.md", &format!("---\ntitle: 坏\n---\n{body}"));
    let out = build_for_at_most(&f, &["--lang", "en"], 120);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let shown = (0..120)
        .filter(|i| err.contains(&format!("nowhere-{i}.md")))
        .count();
    assert!(
        (1..=50).contains(&shown),
        "{shown} problems of one file printed"
    );
    assert!(
        err.contains("70 more problems in content/broken.md"),
        "{err}"
    );
}
