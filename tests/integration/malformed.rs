//! The malformed-input corpus: each broken site must fail with a clear error naming the file and
//! line, exit code 1, and leave the previous output exactly as it was.

use crate::common;
use common::*;

struct Case {
    name: &'static str,
    /// Files written over the valid fixture.
    files: &'static [(&'static str, &'static [u8])],
    /// `file:line` the report must name.
    location: &'static str,
    /// Words the message must contain.
    says: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "bad YAML",
        files: &[("content/news/bad.md", b"---\ntitle: [unclosed\ndate: 2026-11-01\n---\nx\n")],
        location: "content/news/bad.md:2",
        says: "",
    },
    Case {
        name: "wrong type",
        files: &[("content/role-models/bad.md", b"---\ntitle: t\nname: n\ncategory: \xe5\x8a\xa9\xe4\xba\xba\xe4\xb8\xba\xe4\xb9\x90\nyear: twenty\n---\nx\n")],
        location: "content/role-models/bad.md:5",
        says: "whole number",
    },
    Case {
        name: "unknown key",
        files: &[("content/news/bad.md", b"---\ntitle: t\ndate: 2026-11-01\nsumary: x\n---\nx\n")],
        location: "content/news/bad.md:4",
        says: "did you mean `summary`",
    },
    Case {
        name: "key of another kind",
        files: &[("content/news/bad.md", b"---\ntitle: t\ndate: 2026-11-01\nposter: a.jpg\n---\nx\n")],
        location: "content/news/bad.md:4",
        says: "belongs to `psa` pages",
    },
    Case {
        name: "missing required field",
        files: &[("content/news/bad.md", b"---\ntitle: t\n---\nx\n")],
        location: "content/news/bad.md",
        says: "`date` is missing",
    },
    Case {
        name: "unknown category",
        files: &[("content/role-models/bad.md", b"---\ntitle: t\nname: n\ncategory: sports\nyear: 2025\n---\nx\n")],
        location: "content/role-models/bad.md:4",
        says: "not one of the site's role-model categories",
    },
    Case {
        name: "photo without alt text",
        files: &[
            ("content/role-models/bad.md", b"---\ntitle: t\nname: n\ncategory: \xe5\x8a\xa9\xe4\xba\xba\xe4\xb8\xba\xe4\xb9\x90\nyear: 2025\nphoto: bad.jpg\n---\nx\n"),
        ],
        location: "content/role-models/bad.md:6",
        says: "photo_alt",
    },
    Case {
        name: "a tag with no letter or digit",
        files: &[("content/news/bad.md", b"---\ntitle: t\ndate: 2026-11-01\ntags: [ok, \"--\"]\n---\nx\n")],
        location: "content/news/bad.md:4",
        says: "has no letter or digit",
    },
    Case {
        name: "an alias onto the home page's file",
        files: &[("content/news/bad.md", b"---\ntitle: t\ndate: 2026-11-01\naliases: [/index.html]\n---\nx\n")],
        location: "content/news/bad.md",
        says: "would both be published at",
    },
    Case {
        name: "duplicate slugs",
        files: &[
            ("content/news/one.md", b"---\ntitle: a\ndate: 2026-11-01\nslug: same\n---\nx\n"),
            ("content/news/two.md", b"---\ntitle: b\ndate: 2026-11-02\nslug: same\n---\nx\n"),
        ],
        location: "content/news/two.md",
        says: "would both be published at /news/same/",
    },
    Case {
        name: "link to nothing",
        files: &[("content/news/bad.md", b"---\ntitle: t\ndate: 2026-11-01\n---\nfirst\n\n[x](../handbook/nothing.md)\n")],
        location: "content/news/bad.md:7",
        says: "does not exist",
    },
    Case {
        name: "personal ID number",
        files: &[("content/news/bad.md", b"---\ntitle: t\ndate: 2026-11-01\nextra: { id: 11010519491231002X }\n---\nx\n")],
        location: "content/news/bad.md:4",
        says: "resident ID number",
    },
    Case {
        name: "mobile number",
        files: &[("content/news/bad.md", b"---\ntitle: t\ndate: 2026-11-01\nsource: call 13800138000\n---\nx\n")],
        location: "content/news/bad.md:4",
        says: "mobile number",
    },
    Case {
        name: "template error",
        files: &[("templates/news.html", b"{% extends \"base.html\" %}{% block content %}{{ page.no_such_field }}{% endblock content %}")],
        location: "templates/news.html",
        says: "rendering failed",
    },
    Case {
        name: "template syntax error",
        files: &[("templates/page.html", b"{% extends \"base.html\" %}{% block content %}{% if %}{% endblock content %}")],
        location: "",
        says: "page.html",
    },
    Case {
        name: "invalid UTF-8",
        files: &[("content/news/bad.md", b"---\ntitle: t\ndate: 2026-11-01\n---\nok\n\xff\xfe bad\n")],
        location: "content/news/bad.md:6",
        says: "not UTF-8",
    },
    Case {
        name: "no front matter",
        files: &[("content/news/bad.md", b"# Just a heading\n")],
        location: "content/news/bad.md:1",
        says: "no front matter",
    },
    Case {
        name: "Chinese file name without slug",
        files: &[("content/news/新闻.md", b"---\ntitle: t\ndate: 2026-11-01\n---\nx\n")],
        location: "content/news/",
        says: "cannot be used in a URL",
    },
    Case {
        name: "bad date",
        files: &[("content/news/bad.md", b"---\ntitle: t\ndate: 2026-02-30\n---\nx\n")],
        location: "content/news/bad.md:3",
        says: "not a date",
    },
    Case {
        name: "PSA ends before it starts",
        files: &[("content/ads/bad.md", b"---\ntitle: t\nstart: 2026-05-01\nend: 2026-04-01\n---\nx\n")],
        location: "content/ads/bad.md:4",
        says: "ends",
    },
    Case {
        name: "section without kind",
        files: &[("content/events/_index.md", b"---\ntitle: events\n---\n")],
        location: "content/events/_index.md",
        says: "kind",
    },
    Case {
        name: "broken site.yaml",
        files: &[("site.yaml", b"base_url: https://x.cn\ntitle: { zh-CN: a }\nmenus: 3\n")],
        location: "site.yaml:3",
        says: "",
    },
    Case {
        name: "broken menu link",
        files: &[("site.yaml", b"base_url: https://x.cn\ntitle: { zh-CN: a }\npsa_themes: [{ key: \xe6\xa0\xb8\xe5\xbf\x83\xe4\xbb\xb7\xe5\x80\xbc\xe8\xa7\x82, label: { zh-CN: x } }]\nmenus:\n  zh-CN:\n    - { label: x, link: \"@/nowhere/_index.md\" }\n")],
        location: "site.yaml:6",
        says: "does not exist",
    },
];

#[test]
fn every_malformed_case_fails_clearly_and_keeps_the_previous_output() {
    let mut failures = Vec::new();
    for case in CASES {
        let f = Fixture::new();
        let first = f.build();
        assert!(
            first.status.success(),
            "{}: base fixture must build:\n{}",
            case.name,
            stderr(&first)
        );
        let before = snapshot(&f.out());
        for (path, bytes) in case.files {
            f.write_bytes(path, bytes);
        }
        let out = f.build();
        let err = stderr(&out);
        let code = out.status.code();
        let after = snapshot(&f.out());
        let mut wrong = Vec::new();
        if code != Some(1) {
            wrong.push(format!("exit code {code:?}"));
        }
        if !err.contains(case.location) {
            wrong.push(format!("does not name `{}`", case.location));
        }
        if !err.contains(case.says) {
            wrong.push(format!("does not say `{}`", case.says));
        }
        if before != after {
            wrong.push("previous output changed".to_string());
        }
        if !err.contains("left unchanged") {
            wrong.push("no summary line".to_string());
        }
        if !wrong.is_empty() {
            failures.push(format!("[{}] {}\n{err}", case.name, wrong.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn all_errors_of_a_build_are_reported_together() {
    let f = Fixture::new();
    f.write("content/news/a.md", "---\ntitle: a\n---\nx\n");
    f.write(
        "content/news/b.md",
        "---\ntitle: b\ndate: 2026-11-01\ncolour: red\n---\nx\n",
    );
    f.write(
        "content/handbook/c.md",
        "---\ntitle: c\n---\n[x](nowhere.md)\n",
    );
    let out = f.build();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    for file in [
        "content/news/a.md",
        "content/news/b.md:4",
        "content/handbook/c.md",
    ] {
        assert!(err.contains(file), "missing {file} in:\n{err}");
    }
    assert!(err.contains("3 errors in 3 files"), "{err}");
}

#[test]
fn usage_errors_exit_with_code_2() {
    let f = Fixture::new();
    let bad_flag = civic()
        .args(["build", "--no-such-flag"])
        .output()
        .expect("run");
    assert_eq!(bad_flag.status.code(), Some(2));
    let bad_date = civic()
        .args(["build", "--date", "next week", "--root"])
        .arg(f.root())
        .output()
        .expect("run");
    assert_eq!(bad_date.status.code(), Some(2));
    assert!(stderr(&bad_date).contains("--date"));
}

#[test]
fn missing_site_yaml_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = civic()
        .args(["build", "--root"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("site.yaml"));
}
