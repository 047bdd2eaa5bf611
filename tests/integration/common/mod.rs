//! Helpers shared by the integration tests: fixture sites in temporary folders, running the real
//! `civic` binary, and reading what it wrote.
#![allow(dead_code)]

pub mod guard;
pub mod http;
pub mod publish_site;
pub mod sample_site;
pub mod small_site;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

pub const DATE: &str = "2026-11-25";

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    /// A small but complete bilingual site: home, about, one section of each kind.
    pub fn new() -> Fixture {
        let f = Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        f.write("site.yaml", SITE_YAML);
        for (path, text) in BASE_CONTENT {
            f.write(path, text);
        }
        f
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("output")
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.dir.path().join(rel)).expect("remove");
    }

    pub fn build(&self) -> Output {
        self.build_into(&self.out())
    }

    pub fn build_into(&self, out: &Path) -> Output {
        civic()
            .args(["build", "--quiet", "--date", DATE, "--root"])
            .arg(self.root())
            .arg("--output")
            .arg(out)
            .output()
            .expect("run civic")
    }

    pub fn read(&self, rel: &str) -> String {
        let path = self.out().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    pub fn html(&self, rel: &str) -> scraper::Html {
        scraper::Html::parse_document(&self.read(rel))
    }
}

/// The `civic` binary, speaking English whatever the machine's locale (tests/integration/messages.rs covers
/// Chinese).
pub fn civic() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_civic"));
    command.env("LC_ALL", "C.UTF-8");
    command
}

/// [`civic`] run from the site folder `root`, for `assert_cmd`'s assertions.
pub fn civic_in(root: &Path) -> assert_cmd::Command {
    let mut command = assert_cmd::Command::from_std(civic());
    command.current_dir(root);
    command
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file under `dir` with its bytes, keyed by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(rel, std::fs::read(entry.path()).expect("read"));
        }
    }
    files
}

pub fn select<'a>(doc: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector =
        scraper::Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"));
    doc.select(&selector).collect()
}

pub fn attr(doc: &scraper::Html, css: &str, name: &str) -> Option<String> {
    select(doc, css)
        .first()
        .and_then(|e| e.value().attr(name))
        .map(str::to_string)
}

pub const SITE_YAML: &str = r#"base_url: https://wenming.example.cn
languages: [zh-CN, en]
title: { zh-CN: 测试文明网, en: Test Civility Portal }
description: { zh-CN: 测试站点, en: A test site }
city:
  name: { zh-CN: 明湖市, en: Minghu City }
  districts: [湖滨区]
psa_themes:
  - { key: 核心价值观, slug: core-values, label: { zh-CN: 核心价值观, en: Core Values } }
menus:
  zh-CN:
    - { label: 首页, link: "@/_index.md" }
    - { label: 道德模范, link: "@/role-models/_index.md" }
  en:
    - { label: Home, link: "@/_index.md" }
    - { label: Role models, link: "@/role-models/_index.md" }
footer:
  sponsor: { zh-CN: 明湖市文明办, en: Minghu Civilization Office }
  icp: 明ICP备00000001号
gov_meta: { site_name: 测试文明网, site_domain: wenming.example.cn, site_id_code: "0000000001" }
"#;

pub const BASE_CONTENT: &[(&str, &str)] = &[
    ("content/_index.md", "---\ntitle: 首页\n---\n欢迎。\n"),
    ("content/_index.en.md", "---\ntitle: Home\n---\nWelcome.\n"),
    (
        "content/about.md",
        "---\ntitle: 关于本站\n---\n## 本站简介\n\n示例内容。见[李梅](role-models/li-mei.md)。\n",
    ),
    (
        "content/about.en.md",
        "---\ntitle: About\n---\nSample content. See [Li Mei](role-models/li-mei.md).\n",
    ),
    (
        "content/role-models/_index.md",
        "---\nkind: role_model\ntitle: 道德模范\n---\n",
    ),
    (
        "content/role-models/_index.en.md",
        "---\ntitle: Role models\n---\n",
    ),
    (
        "content/role-models/li-mei.md",
        "---\ntitle: 李梅\nname: 李梅\ncategory: 助人为乐\nyear: 2025\ntags: [志愿服务]\nhonors:\n  - { title: 明湖好人, level: city, year: 2025 }\n---\n## 夜校的故事\n\n她办了夜校。[手册](../handbook/traffic.md#礼让行人)\n\n## 夜校的故事\n\n重复的标题。\n",
    ),
    (
        "content/role-models/li-mei.en.md",
        "---\ntitle: Li Mei\nname: Li Mei\n---\n## The night school\n\nShe runs a night school. [Handbook](../handbook/traffic.md)\n",
    ),
    (
        "content/role-models/wang-jun.md",
        "---\ntitle: 王军\nname: 王军\ncategory: 见义勇为\nyear: 2024\n---\n只有中文。\n",
    ),
    (
        "content/handbook/_index.md",
        "---\nkind: handbook\ntitle: 市民文明手册\n---\n",
    ),
    (
        "content/handbook/_index.en.md",
        "---\ntitle: Civility Handbook\n---\n",
    ),
    (
        "content/handbook/traffic.md",
        "---\ntitle: 文明交通\nweight: 2\n---\n## 礼让行人\n\n```rust\nfn main() { println!(\"礼让\"); }\n```\n\n| 项目 | 说明 |\n|---|---|\n| 斑马线 | 礼让 |\n\n脚注[^1]。\n\n[^1]: 注释。\n\n- [x] 已学习\n- [ ] 未学习\n",
    ),
    (
        "content/handbook/traffic.en.md",
        "---\ntitle: Traffic\n---\n## Yield to pedestrians\n\nText.\n",
    ),
    (
        "content/handbook/convention.md",
        "---\ntitle: 市民公约\nweight: 1\n---\n公约。\n",
    ),
    (
        "content/handbook/convention.en.md",
        "---\ntitle: Convention\n---\nConvention.\n",
    ),
    (
        "content/ads/_index.md",
        "---\nkind: psa\ntitle: 公益广告\n---\n",
    ),
    (
        "content/ads/_index.en.md",
        "---\ntitle: Public service ads\n---\n",
    ),
    (
        "content/ads/now.md",
        "---\ntitle: 光盘行动\ntheme: 核心价值观\nstart: 2026-11-01\nend: 2026-12-31\n---\n文字稿。\n",
    ),
    (
        "content/ads/now.en.md",
        "---\ntitle: Clean plate\n---\nTranscript.\n",
    ),
    (
        "content/ads/old.md",
        "---\ntitle: 文明祭扫\nstart: 2026-03-20\nend: 2026-04-10\n---\n文字稿。\n",
    ),
    (
        "content/news/_index.md",
        "---\nkind: news\ntitle: 工作动态\npaginate: 1\n---\n",
    ),
    ("content/news/_index.en.md", "---\ntitle: News\n---\n"),
    (
        "content/news/lifts.md",
        "---\ntitle: 老旧小区加装电梯\ndate: 2026-11-20\nsource: 明湖日报\n---\n新闻正文。\n",
    ),
    (
        "content/news/lifts.en.md",
        "---\ntitle: Lifts for old buildings\n---\nNews text.\n",
    ),
    (
        "content/news/toilets.md",
        "---\ntitle: 新建公厕\ndate: 2026-10-01\n---\n正文。\n",
    ),
];
