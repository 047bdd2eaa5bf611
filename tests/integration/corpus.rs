//! The benchmark corpus generator writes a site in Civic's content schema (docs/content-model.md).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use civic_bench::corpus;
use serde_json::Value;

fn md_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    v.sort();
    v
}

/// Splits `---\nYAML\n---\nbody` and parses the YAML.
fn front_matter(path: &Path) -> (Value, String) {
    let text = fs::read_to_string(path).unwrap();
    let rest = text
        .strip_prefix("---\n")
        .unwrap_or_else(|| panic!("{}: no front matter", path.display()));
    let end = rest.find("\n---\n").expect("closing ---");
    let yaml = &rest[..end];
    let body = rest[end + 5..].to_string();
    let v: Value = serde_saphyr::from_str(yaml)
        .unwrap_or_else(|e| panic!("{}: bad YAML: {e}\n{yaml}", path.display()));
    assert!(
        v.is_object(),
        "{}: front matter is not a map",
        path.display()
    );
    (v, body)
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object().unwrap().keys().map(|k| k.as_str()).collect()
}

const COMMON: &[&str] = &[
    "title", "slug", "date", "updated", "draft", "summary", "tags", "aliases", "extra",
];
const INHERITED: &[&str] = &[
    "photo", "category", "year", "date", "updated", "weight", "start", "end", "theme", "poster",
    "tags",
];

fn allowed(kind: &str) -> Vec<&'static str> {
    let own: &[&str] = match kind {
        "role_model" => &[
            "name",
            "category",
            "year",
            "honors",
            "district",
            "occupation",
            "photo",
            "photo_alt",
            "quote",
            "featured",
        ],
        "handbook" => &["weight", "short_title"],
        "psa" => &[
            "theme",
            "campaign",
            "start",
            "end",
            "poster",
            "poster_alt",
            "sponsor",
        ],
        "news" => &["date", "source"],
        _ => &[],
    };
    COMMON.iter().chain(own).copied().collect()
}

fn required(kind: &str) -> &'static [&'static str] {
    match kind {
        "role_model" => &["title", "name", "category", "year"],
        "handbook" => &["title", "weight"],
        "psa" => &["title", "start"],
        "news" => &["title", "date"],
        _ => &["title"],
    }
}

#[test]
fn generated_site_has_the_expected_files_and_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let stats = corpus::generate(dir.path(), 30, 42).unwrap();
    assert_eq!(stats.docs, 30);
    assert_eq!(
        (stats.role_models, stats.handbook, stats.psas, stats.news),
        (21, 6, 1, 2)
    );
    assert_eq!(stats.pages_per_lang, 30 + 4 + 2);
    // site.yaml + home + about + 4 section indexes + 30 documents, in two languages (site.yaml once).
    assert_eq!(stats.files, 1 + 2 * (2 + 4 + 30));

    let site: Value =
        serde_saphyr::from_str(&fs::read_to_string(dir.path().join("site.yaml")).unwrap()).unwrap();
    for k in [
        "base_url",
        "languages",
        "title",
        "role_model_categories",
        "psa_themes",
        "menus",
        "footer",
    ] {
        assert!(site.get(k).is_some(), "site.yaml lacks {k}");
    }
    let categories: BTreeSet<String> = site["role_model_categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(categories.len(), 5);
    let themes: BTreeSet<String> = site["psa_themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap().to_string())
        .collect();

    let content = dir.path().join("content");
    for f in ["_index.md", "_index.en.md", "about.md", "about.en.md"] {
        assert!(content.join(f).is_file(), "missing {f}");
    }
    let expected = [
        ("role-models", "role_model", 21),
        ("handbook", "handbook", 6),
        ("ads", "psa", 1),
        ("news", "news", 2),
    ];
    let mut links = 0;
    for (section, kind, n) in expected {
        let sdir = content.join(section);
        let (index, _) = front_matter(&sdir.join("_index.md"));
        assert_eq!(index["kind"], kind);
        assert!(index["title"].is_string());
        let (index_en, _) = front_matter(&sdir.join("_index.en.md"));
        assert!(index_en["title"].is_string());

        let files: Vec<PathBuf> = md_files(&sdir)
            .into_iter()
            .filter(|p| {
                !p.file_name()
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .starts_with("_index")
            })
            .collect();
        assert_eq!(files.len(), 2 * n, "{section}");
        for path in &files {
            let name = path.file_name().unwrap().to_str().unwrap();
            let english = name.ends_with(".en.md");
            let stem = name.trim_end_matches(".en.md").trim_end_matches(".md");
            assert!(
                stem.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "slug {stem}"
            );
            let twin = sdir.join(if english {
                format!("{stem}.md")
            } else {
                format!("{stem}.en.md")
            });
            assert!(twin.is_file(), "{name} has no twin");

            let (fm, body) = front_matter(path);
            let allowed = allowed(kind);
            for k in keys(&fm) {
                assert!(allowed.contains(&k), "{name}: unknown key {k}");
                if english {
                    assert!(
                        !INHERITED.contains(&k),
                        "{name}: English twin repeats inherited {k}"
                    );
                }
            }
            if !english {
                for k in required(kind) {
                    assert!(fm.get(*k).is_some(), "{name}: missing required {k}");
                }
            } else {
                assert!(fm["title"].is_string());
            }
            if kind == "role_model" {
                assert!(fm["name"].is_string(), "{name}: name");
                if !english {
                    assert!(categories.contains(fm["category"].as_str().unwrap()));
                    let y = fm["year"].as_u64().unwrap();
                    assert!((2018..=2026).contains(&y));
                }
                for h in fm["honors"].as_array().unwrap() {
                    let level = h["level"].as_str().unwrap();
                    assert!(["national", "provincial", "city", "district"].contains(&level));
                }
            }
            if kind == "psa" && !english {
                assert!(themes.contains(fm["theme"].as_str().unwrap()));
            }
            // Body: headings, and every link goes to a generated file.
            assert!(body.contains("\n## "), "{name}: no heading");
            let mut rest = body.as_str();
            while let Some(i) = rest.find("](../") {
                let tail = &rest[i + 2..];
                let end = tail.find(')').unwrap();
                let target = &tail[..end];
                assert!(sdir.join(target).is_file(), "{name}: broken link {target}");
                links += 1;
                rest = &tail[end..];
            }
            let len = if english {
                body.split_whitespace().count()
            } else {
                body.chars().count()
            };
            let (lo, hi) = if english { (400, 1100) } else { (600, 1900) };
            assert!((lo..=hi).contains(&len), "{name}: body length {len}");
        }
    }
    assert!(links >= 30, "too few links: {links}");
}

#[test]
fn generation_is_deterministic_and_seed_dependent() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let c = tempfile::tempdir().unwrap();
    corpus::generate(a.path(), 40, 7).unwrap();
    corpus::generate(b.path(), 40, 7).unwrap();
    corpus::generate(c.path(), 40, 8).unwrap();
    let read = |root: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        let mut v: Vec<_> = walk(root)
            .into_iter()
            .map(|p| {
                (
                    p.strip_prefix(root).unwrap().to_path_buf(),
                    fs::read(&p).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(read(a.path()), read(b.path()));
    assert_ne!(read(a.path()), read(c.path()));
}

#[test]
fn hugo_copy_has_the_same_bodies() {
    let civic = tempfile::tempdir().unwrap();
    let hugo = tempfile::tempdir().unwrap();
    corpus::generate(civic.path(), 25, 3).unwrap();
    corpus::generate_hugo(hugo.path(), 25, 3).unwrap();
    let files = walk(&civic.path().join("content"));
    assert_eq!(files.len(), walk(&hugo.path().join("content")).len());
    for f in files {
        if f.file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("_index")
        {
            continue;
        }
        let rel = f.strip_prefix(civic.path()).unwrap();
        let (_, body_c) = front_matter(&f);
        let (fm_h, body_h) = front_matter(&hugo.path().join(rel));
        assert_eq!(body_c, body_h, "{}", rel.display());
        assert!(fm_h["title"].is_string());
        if rel.starts_with("content/role-models") {
            assert!(fm_h["categories"].is_array(), "{}", rel.display());
            assert!(fm_h["params"]["name"].is_string());
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn count_index_html(dir: &Path, skip: Option<&Path>) -> usize {
    let mut n = 0;
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if Some(p.as_path()) == skip {
            continue;
        }
        if p.is_dir() {
            n += count_index_html(&p, skip);
        } else if p.file_name().unwrap() == "index.html" {
            n += 1;
        }
    }
    n
}

#[test]
fn generated_site_builds_cleanly_with_civic() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let out = dir.path().join("out");
    let stats = corpus::generate(&site, 30, 42).unwrap();

    let run = assert_cmd::Command::cargo_bin("civic")
        .unwrap()
        .args([
            "build",
            "--root",
            site.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ])
        .args(["--date", corpus::REFERENCE_DATE, "--quiet"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(
        stderr.trim().is_empty(),
        "the build reported problems:\n{stderr}"
    );

    // Every document, section, the home page and the about page, in both languages.
    let content = site.join("content");
    let mut expected_pages = 0;
    for (section, _) in corpus::SECTIONS {
        for f in md_files(&content.join(section)) {
            let name = f.file_name().unwrap().to_str().unwrap();
            let (page, lang_root) = match name.strip_suffix(".en.md") {
                Some(stem) => (stem, out.join("en")),
                None => (name.trim_end_matches(".md"), out.clone()),
            };
            let html = if page == "_index" {
                lang_root.join(section).join("index.html")
            } else {
                expected_pages += 1;
                lang_root.join(section).join(page).join("index.html")
            };
            assert!(html.is_file(), "{} was not built", html.display());
        }
    }
    assert_eq!(expected_pages, 2 * stats.docs);
    for lang_root in [out.clone(), out.join("en")] {
        assert!(lang_root.join("index.html").is_file());
        assert!(lang_root.join("about/index.html").is_file());
    }
    let zh = count_index_html(&out, Some(&out.join("en")));
    let en = count_index_html(&out.join("en"), None);
    assert!(
        zh >= stats.pages_per_lang,
        "zh-CN: {zh} index.html < {}",
        stats.pages_per_lang
    );
    assert_eq!(zh, en, "both languages have the same pages");
}
