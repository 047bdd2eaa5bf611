//! The language Civic speaks to an editor: `--lang`, then the locale, then the site's first
//! language (zh-CN), in the terminal and in `check`'s JSON.

use crate::common;

use common::small_site::{small_site, write};
use std::process::Command;

fn civic(root: &std::path::Path, env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_civic"));
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    command.envs(env.iter().copied());
    command.args(args).arg("--root").arg(root);
    command.output().unwrap()
}

fn broken_site() -> tempfile::TempDir {
    let site = small_site();
    write(
        site.path(),
        "content/_index.md",
        "---\ntitle: 首页\n---\n见[这里](missing.md)。\n",
    );
    site
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_failed_build_speaks_the_locale_and_the_flag_wins() {
    let site = broken_site();
    let root = site.path();
    let zh = civic(
        root,
        &[("LANG", "zh_CN.UTF-8")],
        &["build", "--date", "2026-11-25"],
    );
    assert_eq!(zh.status.code(), Some(1));
    let text = stderr(&zh);
    assert!(text.contains("链接无效"), "{text}");
    assert!(text.contains("构建失败"), "{text}");
    assert!(!text.contains("Build failed"), "{text}");

    let en = civic(
        root,
        &[("LANG", "zh_CN.UTF-8")],
        &["build", "--lang", "en", "--date", "2026-11-25"],
    );
    let text = stderr(&en);
    assert!(text.contains("broken link"), "{text}");
    assert!(text.contains("Build failed: 1 error in 1 file."), "{text}");

    // LC_ALL outranks LANG, as in gettext.
    let lc_all = civic(
        root,
        &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "en_GB.UTF-8")],
        &["build", "--date", "2026-11-25"],
    );
    assert!(
        stderr(&lc_all).contains("Build failed"),
        "{}",
        stderr(&lc_all)
    );
}

#[test]
fn without_a_locale_messages_are_in_the_sites_first_language() {
    let site = broken_site();
    let out = civic(site.path(), &[], &["build", "--date", "2026-11-25"]);
    assert!(stderr(&out).contains("构建失败"), "{}", stderr(&out));
}

#[test]
fn a_successful_build_summary_is_translated_too() {
    let site = small_site();
    let out = civic(
        site.path(),
        &[],
        &["build", "--lang", "zh-CN", "--date", "2026-11-25"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("已生成"), "{}", stderr(&out));
}

#[test]
fn check_json_carries_the_message_in_the_readers_language_and_a_stable_key() {
    let site = broken_site();
    let out = civic(
        site.path(),
        &[],
        &[
            "check",
            "--format",
            "json",
            "--lang",
            "zh-CN",
            "--date",
            "2026-11-25",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let problem = report["problems"]
        .as_array()
        .and_then(|a| a.iter().find(|p| p["code"] == "broken-link"))
        .expect("the broken link is reported");
    assert_eq!(problem["message_key"], "link-broken");
    assert!(
        problem["message"].as_str().unwrap().contains("链接无效"),
        "{problem}"
    );
    assert!(
        problem["help"].as_str().unwrap().contains("路径"),
        "{problem}"
    );
    assert_eq!(problem["file"], "content/_index.md");
}

#[test]
fn an_unknown_message_language_is_a_usage_error() {
    let site = small_site();
    let out = civic(site.path(), &[], &["check", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("请用 zh-CN 或 en"),
        "{}",
        stderr(&out)
    );
    let out = civic(
        site.path(),
        &[("LANG", "en_US.UTF-8")],
        &["check", "--lang", "fr"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("use zh-CN or en"), "{}", stderr(&out));
}

/// `--help` and the command line's own errors (clap's) speak the reader's language too.
#[test]
fn help_and_command_line_errors_follow_the_reader_language() {
    let site = small_site();
    let help = civic(site.path(), &[], &["build", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8_lossy(&help.stdout);
    for words in [
        "构建网站",
        "用法：civic build",
        "选项",
        "网站文件夹",
        "显示帮助",
    ] {
        assert!(text.contains(words), "`{words}` missing from:\n{text}");
    }
    assert!(!text.contains("Print help"), "{text}");
    let help = civic(site.path(), &[], &["build", "--help", "--lang", "en"]);
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(
        text.contains("Usage: civic build") && text.contains("Print help"),
        "{text}"
    );

    let typo = civic(site.path(), &[], &["build", "--frce"]);
    assert_eq!(typo.status.code(), Some(2));
    let err = stderr(&typo);
    assert!(err.starts_with("错误：这里没有 `--frce` 这个选项"), "{err}");
    assert!(err.contains("您是不是想写 `--force`？"), "{err}");
    assert!(err.contains("`civic build --help`"), "{err}");
    let typo = civic(site.path(), &[("LC_ALL", "C")], &["chek"]);
    assert_eq!(typo.status.code(), Some(2));
    let err = stderr(&typo);
    assert!(
        err.starts_with("error: there is no command `chek`"),
        "{err}"
    );
    assert!(err.contains("did you mean `check`?"), "{err}");

    let value = civic(site.path(), &[], &["check", "--format", "xml"]);
    assert_eq!(value.status.code(), Some(2));
    let err = stderr(&value);
    assert!(
        err.contains("不能取 `xml` 这个值") && err.contains("text, json"),
        "{err}"
    );
}

/// A port already in use (issue 29): one `错误：` prefix, the cause in Chinese rather than the
/// system's English, and what to do (another `--port`); the same in English.
#[test]
fn a_port_in_use_says_so_once_in_the_readers_language_with_what_to_do() {
    let site = small_site();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = taken.local_addr().expect("its address").port().to_string();
    let args = ["serve", "--port", port.as_str(), "--date", "2026-11-25"];
    let zh = civic(site.path(), &[("LANG", "zh_CN.UTF-8")], &args);
    assert_eq!(zh.status.code(), Some(2), "{}", stderr(&zh));
    let text = stderr(&zh);
    assert_eq!(text.matches("错误：").count(), 1, "{text}");
    assert!(
        text.contains(&format!("端口 {port} 已经被另一个程序占用")),
        "{text}"
    );
    assert!(text.contains("--port 0"), "{text}");
    let next = format!("--port {}", port.parse::<u16>().unwrap() + 1);
    assert!(text.contains(&next), "{text}");
    assert!(!text.contains("Address already in use"), "{text}");
    assert!(!text.contains("os error"), "{text}");

    let en = civic(site.path(), &[("LANG", "en_GB.UTF-8")], &args);
    let text = stderr(&en);
    assert_eq!(text.matches("error:").count(), 1, "{text}");
    assert!(
        text.contains("is already used by another program"),
        "{text}"
    );
    assert!(text.contains(&next), "{text}");
    drop(taken);
}

/// The place of a problem is given once in characters: the source frame's `[file:line:column]`
/// agrees with the location before the message on a Chinese line (it counted bytes: 13:15 beside
/// 13:37).
#[test]
fn the_column_of_a_problem_is_the_same_in_the_location_and_the_frame() {
    let site = small_site();
    write(
        site.path(),
        "content/news/a.md",
        "---\ntitle: 第一条新闻\ndate: 2026-11-20\n---\n\n志愿者清扫街道，在这里写新闻正文。\n",
    );
    let out = civic(
        site.path(),
        &[],
        &["build", "--lang", "en", "--date", "2026-11-25"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stderr(&out);
    // 志愿者清扫街道， is eight characters (24 bytes): the placeholder starts at column 9.
    assert!(text.contains("content/news/a.md:6:9: "), "{text}");
    assert!(text.contains("[content/news/a.md:6:9]"), "{text}");
    assert!(!text.contains("a.md:6:25"), "{text}");
}
