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
        theme_dir: None,
    }
}

/// site.yaml with the role-model categories [`gallery_site`] files its people under.
pub const GALLERY_SITE_YAML: &str = "base_url: https://wenming.test.example.cn\nlanguages: [zh-CN, en]\ntitle: { zh-CN: 测试文明网, en: Test Civility Portal }\nstale_after_days: 14\nrole_model_categories:\n  - { key: 助人为乐, slug: helping, label: { zh-CN: 助人为乐, en: Helping Others } }\n  - { key: 见义勇为, slug: bravery, label: { zh-CN: 见义勇为, en: Bravery } }\n";

pub fn role_model(name: &str, category: &str, year: u16, quote: &str) -> String {
    format!(
        "---\ntitle: {name}的故事\nname: {name}\ncategory: {category}\nyear: {year}\nquote: {quote}\n---\n\n{name}帮助邻居。\n"
    )
}

pub fn ad(title: &str, start: &str, end: &str) -> String {
    format!("---\ntitle: {title}\nstart: {start}\nend: {end}\n---\n\n海报文字。\n")
}

/// The small site plus a role-model gallery (two list pages, two categories) and an ads section
/// whose archive has two pages.
pub fn gallery_site() -> tempfile::TempDir {
    let site = small_site();
    let root = site.path();
    write(root, "site.yaml", GALLERY_SITE_YAML);
    write(
        root,
        "content/role-models/_index.md",
        "---\ntitle: 道德模范\nkind: role_model\npaginate: 2\n---\n",
    );
    write(
        root,
        "content/role-models/_index.en.md",
        "---\ntitle: Role models\n---\n",
    );
    let people = [
        ("r1", "张一", "助人为乐", 2026),
        ("r2", "王二", "助人为乐", 2025),
        ("r3", "李三", "助人为乐", 2024),
        ("r4", "赵四", "见义勇为", 2023),
        ("r5", "钱五", "助人为乐", 2022),
    ];
    for (file, name, category, year) in people {
        write(
            root,
            &format!("content/role-models/{file}.md"),
            &role_model(name, category, year, "举手之劳。"),
        );
    }
    write(
        root,
        "content/role-models/r2.en.md",
        "---\ntitle: Wang Er\nname: Wang Er\n---\n\nHelped the neighbours.\n",
    );
    write(
        root,
        "content/ads/_index.md",
        "---\ntitle: 公益广告\nkind: psa\npaginate: 1\n---\n",
    );
    write(root, "content/ads/_index.en.md", "---\ntitle: Ads\n---\n");
    write(
        root,
        "content/ads/now.md",
        &ad("正在投放", "2026-11-01", "2026-12-31"),
    );
    write(
        root,
        "content/ads/old1.md",
        &ad("往期一", "2026-09-01", "2026-09-30"),
    );
    write(
        root,
        "content/ads/old2.md",
        &ad("往期二", "2026-08-01", "2026-08-31"),
    );
    site
}
