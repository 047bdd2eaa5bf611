//! Hostile and mistaken input (issue 13): each test is one thing a careless editor or an attacker
//! with an editor's account did, and what Civic must do instead of losing work, hanging, or
//! reading and writing outside the site.

use crate::common;
use common::*;
use std::path::Path;
use std::process::Output;

fn run_in(dir: &Path, args: &[&str]) -> Output {
    civic()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run civic")
}

fn build_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["build", "--quiet", "--date", DATE];
    args.extend_from_slice(extra);
    args
}

fn assert_usage_error(out: &Output, says: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(says), "expected `{says}` in:\n{err}");
}

fn staging_leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("civic-staging"))
        .collect()
}

// 1. No data loss through --output.

#[test]
fn output_onto_the_sources_is_refused_and_nothing_is_deleted() {
    let f = Fixture::new();
    let before = snapshot(f.root());
    for target in [
        "content",
        "content/news",
        "site.yaml",
        ".",
        "static",
        "templates",
    ] {
        let out = run_in(f.root(), &build_args(&["--output", target]));
        assert_usage_error(&out, "--output");
        assert_eq!(
            snapshot(f.root()),
            before,
            "--output {target} changed the site"
        );
    }
    // The root, named from elsewhere, and a folder that contains the root.
    let parent = f.root().parent().expect("parent");
    let root = f.root().to_str().expect("utf-8");
    let out = run_in(parent, &build_args(&["--root", root, "--output", root]));
    assert_usage_error(&out, "the site's folder");
    let out = run_in(parent, &build_args(&["--root", root, "--output", ".."]));
    assert_usage_error(&out, "contains the site's folder");
    assert_eq!(snapshot(f.root()), before);
}

#[test]
fn an_existing_folder_civic_did_not_make_is_kept_even_when_forced() {
    let f = Fixture::new();
    let other = tempfile::tempdir().expect("tmp");
    std::fs::write(other.path().join("thesis.docx"), "years of work").expect("write");
    let out = f.build_into(other.path());
    assert_usage_error(&out, ".civic-output");
    assert!(other.path().join("thesis.docx").exists());
    // A folder a build made carries the stamp and is replaced without asking.
    let out = f.build();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(f.out().join(".civic-output").is_file());
    assert!(f.build().status.success());
    // --force does not replace the foreign folder either (issue 24).
    let forced = civic()
        .args(["build", "--quiet", "--date", DATE, "--force", "--root"])
        .arg(f.root())
        .arg("--output")
        .arg(other.path())
        .output()
        .expect("run");
    assert_usage_error(&forced, ".civic-output");
    assert!(other.path().join("thesis.docx").exists());
    assert!(!other.path().join("index.html").exists());
}

#[test]
fn output_dot_from_another_folder_leaves_no_staging_behind() {
    let f = Fixture::new();
    let parent = tempfile::tempdir().expect("tmp");
    let out_dir = parent.path().join("public");
    std::fs::create_dir(&out_dir).expect("mkdir");
    let root = f.root().to_str().expect("utf-8");
    let out = run_in(&out_dir, &build_args(&["--root", root, "--output", "."]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out_dir.join("index.html").is_file());
    assert!(staging_leftovers(&out_dir).is_empty());
    assert!(staging_leftovers(parent.path()).is_empty());
}

// 2. Interrupted builds clean up.

/// A site large enough that a build takes a while (so a signal lands in the middle of it).
fn big_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    let site = dir.path().join("site");
    civic_bench::corpus::generate(&site, 400, 42).expect("the corpus is written");
    dir
}

fn spawn_build(site: &Path) -> std::process::Child {
    civic()
        .args(["build", "--quiet", "--date", DATE, "--root"])
        .arg(site)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn")
}

/// Wait until a staging folder appears next to the output (the build is writing).
fn wait_for_staging(site: &Path, child: &mut std::process::Child) -> bool {
    for _ in 0..1200 {
        if !staging_leftovers(site).is_empty() {
            return true;
        }
        if child.try_wait().expect("wait").is_some() {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    false
}

#[cfg(unix)]
#[test]
fn sigterm_and_sigkill_mid_build_leave_no_staging_folder() {
    let dir = big_site();
    let site = dir.path().join("site");
    let first = spawn_build(&site).wait_with_output().expect("build");
    assert!(first.status.success(), "{}", stderr(&first));
    let before = snapshot(&site.join("output"));

    let mut child = spawn_build(&site);
    assert!(
        wait_for_staging(&site, &mut child),
        "no staging folder seen"
    );
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(143), "exit after SIGTERM: {status:?}");
    assert!(
        staging_leftovers(&site).is_empty(),
        "{:?}",
        staging_leftovers(&site)
    );
    assert_eq!(snapshot(&site.join("output")), before);

    // SIGKILL cannot be caught: the next build removes what the killed one left.
    let mut child = spawn_build(&site);
    assert!(
        wait_for_staging(&site, &mut child),
        "no staging folder seen"
    );
    child.kill().expect("kill -9");
    child.wait().expect("wait");
    assert!(!staging_leftovers(&site).is_empty());
    let again = spawn_build(&site).wait_with_output().expect("build");
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        staging_leftovers(&site).is_empty(),
        "{:?}",
        staging_leftovers(&site)
    );
}

#[test]
fn a_second_build_of_the_same_output_at_the_same_time_says_so() {
    let dir = big_site();
    let site = dir.path().join("site");
    let mut first = spawn_build(&site);
    assert!(
        wait_for_staging(&site, &mut first),
        "no staging folder seen"
    );
    let second = spawn_build(&site).wait_with_output().expect("build");
    let err = stderr(&second);
    assert_eq!(second.status.code(), Some(1), "{err}");
    assert!(err.contains("another civic build"), "{err}");
    let first = first.wait_with_output().expect("build");
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(staging_leftovers(&site).is_empty());
}

// 4. Resource limits.

#[test]
fn a_page_over_the_file_size_limit_names_the_file_the_limit_and_how_to_raise_it() {
    let f = Fixture::new();
    let mut text = String::from("---\ntitle: 大文件\n---\n");
    text.push_str(&"很长的正文。\n".repeat(70_000)); // about 1.3 MB
    f.write("content/big.md", &text);
    f.write(
        "site.yaml",
        &format!("{SITE_YAML}limits:\n  file_size_mb: 1\n"),
    );
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/big.md"), "{err}");
    assert!(err.contains("limit of 1 MB"), "{err}");
    assert!(err.contains("file_size_mb"), "{err}");
    // The default (10 MB) lets the same page through.
    f.write("site.yaml", SITE_YAML);
    let out = f.build();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn front_matter_over_its_limit_and_too_deep_nesting_fail_clearly() {
    let f = Fixture::new();
    let long = "x".repeat(300 * 1024);
    f.write(
        "content/fat.md",
        &format!("---\ntitle: 长\nsummary: \"{long}\"\n---\n正文\n"),
    );
    let deep = format!("{}1{}", "[".repeat(40), "]".repeat(40));
    f.write(
        "content/deep.md",
        &format!("---\ntitle: 深\nextra: {{ x: {deep} }}\n---\n正文\n"),
    );
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/fat.md"), "{err}");
    assert!(err.contains("front_matter_kb"), "{err}");
    assert!(err.contains("content/deep.md"), "{err}");
    assert!(err.contains("nesting_depth"), "{err}");
}

#[test]
fn a_code_line_too_long_to_highlight_is_plain_text_with_a_warning() {
    let f = Fixture::new();
    let line = format!("SELECT '{}';", "\\".repeat(3000));
    f.write(
        "content/sql.md",
        &format!("---\ntitle: 代码\n---\n说明\n\n```sql\n{line}\n```\n"),
    );
    let out = civic()
        .args(["build", "--date", DATE, "--root"])
        .arg(f.root())
        .output()
        .expect("run");
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("content/sql.md"), "{err}");
    assert!(err.contains("highlight_line_chars"), "{err}");
    let html = f.read("sql/index.html");
    assert!(html.contains("SELECT"), "the code is still shown");
    assert!(!html.contains("hl-source"), "not highlighted");
}

// 5. No writes or reads outside the site.

#[test]
fn new_with_a_section_outside_content_is_refused() {
    let f = Fixture::new();
    let out = civic()
        .args([
            "new",
            "news",
            "测试",
            "--section",
            "../..",
            "--slug",
            "escape",
            "--root",
        ])
        .arg(f.root())
        .output()
        .expect("run");
    assert_usage_error(&out, "outside content/");
    assert!(
        !f.root()
            .parent()
            .expect("parent")
            .join("escape.md")
            .exists()
    );
}

#[test]
fn translations_mark_outside_content_is_refused() {
    let f = Fixture::new();
    let outside = tempfile::tempdir().expect("tmp");
    let victim = outside.path().join("x.en.md");
    std::fs::write(&victim, "---\ntitle: not yours\n---\n").expect("write");
    std::fs::write(outside.path().join("x.md"), "---\ntitle: 不是\n---\n").expect("write");
    let out = civic()
        .args(["translations", "--root"])
        .arg(f.root())
        .arg("mark")
        .arg(&victim)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("content/"), "{}", stderr(&out));
    let text = std::fs::read_to_string(&victim).expect("read");
    assert!(!text.contains("source_hash"), "{text}");
    // A page of the site is still marked.
    let ok = civic()
        .args(["translations", "--root"])
        .arg(f.root())
        .args(["mark", "content/about.en.md"])
        .output()
        .expect("run");
    assert!(ok.status.success(), "{}", stderr(&ok));
}

#[test]
fn a_theme_outside_themes_is_refused() {
    let f = Fixture::new();
    for theme in ["/etc", "../..", "a/b"] {
        f.write("site.yaml", &format!("{SITE_YAML}theme: \"{theme}\"\n"));
        let out = f.build();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("site.yaml"), "{err}");
        assert!(err.contains("not the name of a folder in themes/"), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_in_content_pointing_outside_is_a_warning() {
    let f = Fixture::new();
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::write(outside.path().join("secret.md"), "---\ntitle: 秘密\n---\n").expect("w");
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        f.root().join("content/secret.md"),
    )
    .expect("symlink");
    let out = civic()
        .args(["build", "--date", DATE, "--root"])
        .arg(f.root())
        .output()
        .expect("run");
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("content/secret.md"), "{err}");
    assert!(err.contains("points outside content/"), "{err}");
    assert!(!f.out().join("secret").exists());
}

// 7. Config validation.

#[test]
fn base_url_with_query_fragment_or_password_is_rejected() {
    let f = Fixture::new();
    for bad in [
        "https://wenming.example.cn/?utm=x",
        "https://wenming.example.cn/#top",
        "https://admin:hunter2@wenming.example.cn",
    ] {
        let yaml = SITE_YAML.replace("https://wenming.example.cn", bad);
        f.write("site.yaml", &yaml);
        let out = f.build();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{bad}: {err}");
        assert!(err.contains("site.yaml:1"), "{bad}: {err}");
        assert!(err.contains("base_url"), "{bad}: {err}");
    }
}

#[test]
fn a_base_url_flag_mistake_is_a_usage_error_naming_the_flag() {
    let f = Fixture::new();
    let out = civic()
        .args([
            "build",
            "--quiet",
            "--date",
            DATE,
            "--base-url",
            "wenming.example.cn",
            "--root",
        ])
        .arg(f.root())
        .output()
        .expect("run");
    assert_usage_error(&out, "--base-url");
    assert!(!stderr(&out).contains("site.yaml"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_file_name_with_a_backslash_is_rejected() {
    let f = Fixture::new();
    f.write(
        "content/role-models\\li-mei.md",
        "---\ntitle: 影子\nname: 影子\ncategory: 助人为乐\nyear: 2025\n---\n冒名。\n",
    );
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("backslash"), "{err}");
}

#[test]
fn a_nul_byte_in_a_body_is_reported_at_its_line() {
    let f = Fixture::new();
    f.write_bytes("content/nul.md", b"---\ntitle: t\n---\nline\nbad \0 byte\n");
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/nul.md:5:5"), "{err}");
    assert!(err.contains("NUL"), "{err}");
}

// 8. Messages.

#[test]
fn an_over_long_slug_names_the_file_not_the_disk() {
    let f = Fixture::new();
    let slug = "a".repeat(300);
    f.write(
        "content/news/long.md",
        &format!("---\ntitle: 长\ndate: 2026-11-01\nslug: {slug}\n---\n正文\n"),
    );
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/news/long.md"), "{err}");
    assert!(!err.contains("disk"), "{err}");
}

#[test]
fn the_alias_bomb_message_has_no_parser_internals() {
    let f = Fixture::new();
    let mut yaml =
        String::from("---\ntitle: t\nextra:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9 {
        let prev = i - 1;
        yaml.push_str(&format!(
            "  a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
        ));
    }
    yaml.push_str("---\nbody\n");
    f.write("content/bomb.md", &yaml);
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/bomb.md"), "{err}");
    assert!(!err.contains("budget"), "{err}");
    assert!(!err.contains("Nodes"), "{err}");
}

#[test]
fn negative_stale_after_days_gets_help_about_that_key() {
    let f = Fixture::new();
    f.write("site.yaml", &format!("{SITE_YAML}stale_after_days: -3\n"));
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("stale_after_days"), "{err}");
    assert!(!err.contains("year:"), "{err}");
}

#[test]
fn invalid_utf8_in_site_yaml_says_so_and_not_to_pass_root() {
    let f = Fixture::new();
    let mut bytes = SITE_YAML.as_bytes().to_vec();
    bytes.extend_from_slice(b"# \xb2\xe2\xca\xd4\n");
    f.write_bytes("site.yaml", &bytes);
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("UTF-8"), "{err}");
    assert!(!err.contains("--root"), "{err}");
}

#[test]
fn paginate_zero_reports_the_root_cause_only() {
    let f = Fixture::new();
    f.write(
        "content/news/_index.md",
        "---\nkind: news\ntitle: 工作动态\npaginate: 0\n---\n",
    );
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/news/_index.md:4"), "{err}");
    assert!(err.contains("Build failed: 1 error in 1 file"), "{err}");
}

#[test]
fn a_chinese_type_error_is_not_followed_by_its_twins_missing_keys() {
    let f = Fixture::new();
    f.write(
        "content/role-models/li-mei.md",
        "---\ntitle: 李梅\nname: 李梅\ncategory: 助人为乐\nyear: twenty\n---\n正文\n",
    );
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/role-models/li-mei.md:5"), "{err}");
    assert!(!err.contains("li-mei.en.md"), "{err}");
    assert!(err.contains("Build failed: 1 error in 1 file"), "{err}");
}

#[test]
fn aliases_onto_the_builds_own_files_name_the_page() {
    for (alias, says) in [
        ("/robots.txt", "robots.txt"),
        ("/404.html", "not found"),
        ("/civic-manifest.json", "integrity manifest"),
    ] {
        let f = Fixture::new();
        assert!(f.build().status.success());
        let manifest = f.read("civic-manifest.json");
        f.write(
            "content/news/toilets.md",
            &format!(
                "---\ntitle: 新建公厕\ndate: 2026-10-01\naliases: [\"{alias}\"]\n---\n正文。\n"
            ),
        );
        let out = f.build();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{alias}: {err}");
        assert!(err.contains("content/news/toilets.md:4"), "{alias}: {err}");
        assert!(err.contains(says), "{alias}: {err}");
        assert_eq!(f.read("civic-manifest.json"), manifest);
    }
}

#[test]
fn a_tag_clashing_with_a_page_names_the_file_that_uses_it() {
    let f = Fixture::new();
    // Two tags that differ as keys but share a URL segment (`志愿-服务`, `志愿 服务`).
    f.write(
        "content/role-models/wang-jun.md",
        "---\ntitle: 王军\nname: 王军\ncategory: 见义勇为\nyear: 2024\ntags: [\"志愿-服务\"]\n---\n正文\n",
    );
    f.write(
        "content/role-models/li-mei.md",
        "---\ntitle: 李梅\nname: 李梅\ncategory: 助人为乐\nyear: 2025\ntags: [\"志愿 服务\"]\n---\n正文\n",
    );
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("url-clash"), "{err}");
    assert!(!err.contains("× site:"), "every error names a file: {err}");
    assert!(err.contains("content/role-models/"), "{err}");
}

// 6. serve keeps working.

struct Server(std::process::Child, String);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(root: &Path) -> Server {
    use std::io::BufRead;
    let mut child = civic()
        .args(["serve", "--port", "0", "--date", DATE, "--root"])
        .arg(root)
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if let Some(rest) = line.split("http://").nth(1) {
                let _ = tx.send(rest.split('/').next().unwrap_or("").to_string());
            }
        }
    });
    let addr = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("server did not start");
    Server(child, addr)
}

/// A raw GET of exactly `path`; the whole response (head and body).
fn get(addr: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .expect("timeout");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    String::from_utf8_lossy(&raw).into_owned()
}

#[test]
fn serve_never_redirects_to_another_host() {
    let f = Fixture::new();
    let server = serve(f.root());
    for path in ["//handbook", "///handbook", "/handbook"] {
        let response = get(&server.1, path);
        let location = response
            .lines()
            .find_map(|l| {
                l.strip_prefix("location: ")
                    .or_else(|| l.strip_prefix("Location: "))
            })
            .unwrap_or_else(|| panic!("{path}: no redirect in {response}"));
        assert_eq!(location.trim(), "/handbook/", "{path}");
    }
}

#[test]
fn serve_watches_content_again_after_it_is_deleted_and_recreated() {
    let f = Fixture::new();
    let server = serve(f.root());
    let wait_for = |path: &str, text: &str| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while std::time::Instant::now() < deadline {
            if get(&server.1, path).contains(text) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        false
    };
    assert!(wait_for("/about/", "示例内容"));
    // As `git checkout` or a restore does: the whole folder goes and comes back.
    let saved = tempfile::tempdir().expect("tmp");
    let copy = saved.path().join("content");
    std::fs::rename(f.root().join("content"), &copy).expect("move away");
    std::thread::sleep(std::time::Duration::from_millis(500));
    std::fs::rename(&copy, f.root().join("content")).expect("move back");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    // A later edit inside the re-created folder is rebuilt.
    f.write(
        "content/about.md",
        "---\ntitle: 关于本站\n---\n恢复之后的修改。\n",
    );
    assert!(
        wait_for("/about/", "恢复之后的修改"),
        "the edit was never rebuilt"
    );
}
