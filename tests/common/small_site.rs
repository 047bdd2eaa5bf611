//! A small bilingual site written into a temporary folder, for the tests that drive the library
//! directly (incremental rebuilds, serve).

use std::path::{Path, PathBuf};

pub const SITE_YAML: &str = "base_url: https://wenming.test.example.cn\nlanguages: [zh-CN, en]\ntitle: { zh-CN: 测试文明网, en: Test Civility Portal }\nstale_after_days: 14\n";

pub fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

/// A site with a home page, a news section and a handbook, in both languages.
pub fn small_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "site.yaml", SITE_YAML);
    write(
        root,
        "content/_index.md",
        "---\ntitle: 首页\n---\n\n欢迎。见[新闻](news/_index.md)。\n",
    );
    write(
        root,
        "content/_index.en.md",
        "---\ntitle: Home\n---\n\nWelcome.\n",
    );
    write(
        root,
        "content/news/_index.md",
        "---\ntitle: 新闻\nkind: news\npaginate: 2\n---\n",
    );
    write(root, "content/news/_index.en.md", "---\ntitle: News\n---\n");
    write(
        root,
        "content/news/a.md",
        "---\ntitle: 第一条新闻\ndate: 2026-11-20\ntags: [志愿服务]\n---\n\n## 详情\n\n志愿者清扫街道。\n",
    );
    write(
        root,
        "content/news/a.en.md",
        "---\ntitle: First news\n---\n\nVolunteers swept the street.\n",
    );
    write(
        root,
        "content/news/c.md",
        "---\ntitle: 第三条新闻\ndate: 2026-11-10\n---\n\n旧闻。\n",
    );
    write(
        root,
        "content/news/d.md",
        "---\ntitle: 第四条新闻\ndate: 2026-11-01\n---\n\n更旧的新闻。\n",
    );
    write(
        root,
        "content/handbook/_index.md",
        "---\ntitle: 手册\nkind: handbook\n---\n",
    );
    write(
        root,
        "content/handbook/_index.en.md",
        "---\ntitle: Handbook\n---\n",
    );
    write(
        root,
        "content/handbook/one.md",
        "---\ntitle: 第一章\nweight: 1\n---\n\n## 礼让行人\n\n内容。\n",
    );
    write(
        root,
        "content/handbook/two.md",
        "---\ntitle: 第二章\nweight: 2\n---\n\n见[第一章](one.md#礼让行人)。\n",
    );
    dir
}

pub fn options(root: &Path, output: PathBuf) -> civic::pipeline::BuildOptions {
    civic::pipeline::BuildOptions {
        root: root.to_path_buf(),
        output,
        base_url: None,
        drafts: false,
        date: "2026-11-25".parse().unwrap(),
    }
}
