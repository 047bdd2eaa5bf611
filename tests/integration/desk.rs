//! `civic desk` as editors and reviewers use it, through HTTP as a browser speaks it: the real
//! binary on a real site, forms read from the HTML it serves and posted back.

use crate::common::http::{Answer, form, request};
use crate::common::{DATE, Fixture};
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};

mod cookie;
mod draft;
mod publish;
mod upload;

/// A running desk; stopped when dropped.
struct Desk {
    child: Child,
    host: String,
}

impl Drop for Desk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &std::path::Path, bind: &str) -> Desk {
    let mut child = crate::common::civic()
        .args([
            "desk", "--quiet", "--port", "0", "--bind", bind, "--date", DATE, "--root",
        ])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start civic desk");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the desk prints its address");
    let host = line
        .trim()
        .trim_start_matches("http://")
        .trim_end_matches("/desk/")
        .to_string();
    assert!(host.contains(':'), "the desk's address: {line:?}");
    Desk { child, host }
}

impl Desk {
    fn get(&self, path: &str, cookie: Option<&str>) -> Answer {
        let headers: Vec<(&str, &str)> = cookie.map(|c| ("Cookie", c)).into_iter().collect();
        request(&self.host, "GET", path, &headers, "")
    }

    fn post(&self, path: &str, cookie: Option<&str>, pairs: &[(&str, &str)]) -> Answer {
        let headers: Vec<(&str, &str)> = cookie.map(|c| ("Cookie", c)).into_iter().collect();
        request(&self.host, "POST", path, &headers, &form(pairs))
    }
}

/// The named inputs of the first form posting to `action`, as a browser would send them.
fn form_values(html: &str, action: &str) -> Vec<(String, String)> {
    let doc = scraper::Html::parse_document(html);
    let form_sel = scraper::Selector::parse(&format!("form[action=\"{action}\"]")).expect("sel");
    let field_sel =
        scraper::Selector::parse("input[name], textarea[name], select[name]").expect("sel");
    let option_sel = scraper::Selector::parse("option").expect("sel");
    let form = doc.select(&form_sel).next().expect("the form");
    form.select(&field_sel)
        .map(|e| {
            let name = e.value().attr("name").unwrap_or("").to_string();
            let value = match e.value().name() {
                // A browser sends a textarea's text with CRLF line breaks.
                "textarea" => e.text().collect::<String>().replace('\n', "\r\n"),
                "select" => e
                    .select(&option_sel)
                    .find(|o| o.value().attr("selected").is_some())
                    .or_else(|| e.select(&option_sel).next())
                    .map(|o| o.text().collect())
                    .unwrap_or_default(),
                _ => e.value().attr("value").unwrap_or("").to_string(),
            };
            (name, value)
        })
        .collect()
}

fn pairs(values: &[(String, String)]) -> Vec<(&str, &str)> {
    values
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

fn set(values: &mut [(String, String)], name: &str, value: &str) {
    let slot = values
        .iter_mut()
        .find(|(k, _)| k == name)
        .unwrap_or_else(|| panic!("no field {name}"));
    slot.1 = value.to_string();
}

fn edit_path(file: &str) -> String {
    format!(
        "/desk/edit?file={}",
        percent_encoding::utf8_percent_encode(file, percent_encoding::NON_ALPHANUMERIC)
    )
}

#[test]
fn an_editor_edits_previews_and_two_browsers_never_lose_a_change() {
    let f = Fixture::new();
    let desk = start(f.root(), "127.0.0.1");
    let list = desk.get("/desk/", None);
    assert_eq!(list.status, 200);
    assert!(list.body.contains("李梅") && list.body.contains("content/role-models/wang-jun.md"));
    assert!(list.body.contains("English missing"), "王军 has no twin");

    let file = "content/role-models/li-mei.md";
    let page = desk.get(&edit_path(file), None);
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("src=\"/role-models/li-mei/\""),
        "the Chinese preview"
    );
    assert!(
        page.body.contains("src=\"/en/role-models/li-mei/\""),
        "the English twin beside it"
    );
    let mut first = form_values(&page.body, "/desk/save");
    let second = first.clone();

    // Unchanged, the file stays byte for byte what it was.
    let before = std::fs::read(f.root().join(file)).expect("file");
    let saved = desk.post("/desk/save", None, &pairs(&first));
    assert_eq!(saved.status, 303);
    assert_eq!(std::fs::read(f.root().join(file)).expect("file"), before);

    set(&mut first, "field.title", "李梅：夜校三十年");
    let body = "\r\n## 夜校的故事\r\n\r\n她在社区办了三十年夜校。\r\n";
    set(&mut first, "body", body);
    let saved = desk.post("/desk/save", None, &pairs(&first));
    assert_eq!(saved.status, 303, "{}", saved.body);
    let text = std::fs::read_to_string(f.root().join(file)).expect("saved");
    assert_eq!(
        text,
        "---\ntitle: 李梅：夜校三十年\nname: 李梅\ncategory: 助人为乐\nyear: 2025\ntags: [志愿服务]\nhonors:\n  - { title: 明湖好人, level: city, year: 2025 }\n---\n\n## 夜校的故事\n\n她在社区办了三十年夜校。\n",
        "only the title line and the body changed; lists and key order kept"
    );
    let preview = desk.get("/role-models/li-mei/", None);
    assert!(
        preview.body.contains("她在社区办了三十年夜校。"),
        "the preview is rebuilt"
    );

    // The second browser still has the old version open: its save is refused, not merged.
    let refused = desk.post("/desk/save", None, &pairs(&second));
    assert_eq!(refused.status, 200);
    assert!(
        refused
            .body
            .contains("someone (or another browser window) saved it")
    );
    assert_eq!(
        std::fs::read_to_string(f.root().join(file)).expect("kept"),
        text
    );

    // A mistake shows on its field, with the build's own message.
    let page = desk.get(&edit_path(file), None);
    let mut values = form_values(&page.body, "/desk/save");
    set(&mut values, "field.year", "去年");
    desk.post("/desk/save", None, &pairs(&values));
    let page = desk.get(&edit_path(file), None);
    let doc = scraper::Html::parse_document(&page.body);
    let year = scraper::Selector::parse("#f-year[aria-invalid=true]").expect("sel");
    assert!(
        doc.select(&year).next().is_some(),
        "the year field is marked: {}",
        page.body
    );
    assert!(
        page.body
            .contains("cannot be published until they are fixed")
    );
}

#[test]
fn a_new_page_from_the_desk_is_the_file_civic_new_writes() {
    let f = Fixture::new();
    let desk = start(f.root(), "127.0.0.1");
    let list = desk.get("/desk/", None);
    let mut values = form_values(&list.body, "/desk/new");
    set(&mut values, "kind", "role_model");
    set(&mut values, "title", "张华");
    let made = desk.post("/desk/new", None, &pairs(&values));
    assert_eq!(made.status, 303, "{}", made.body);
    let to = made.header("location").expect("to the new page");
    assert!(
        to.starts_with("/desk/edit?file=content%2Frole%2Dmodels%2F"),
        "{to}"
    );
    let log = std::fs::read_to_string(f.root().join(".civic/desk-log.jsonl")).expect("log");
    assert!(log.contains("\"action\":\"new\""), "{log}");
}

fn review_site() -> Fixture {
    let f = Fixture::new();
    let yaml = std::fs::read_to_string(f.root().join("site.yaml")).expect("site.yaml");
    f.write("site.yaml", &format!("{yaml}review:\n  required: true\n"));
    f.write(
        "data/reviewers.yaml",
        "reviewers:\n  - { name: 李审核, level: 1 }\n  - { name: 周主任, level: 2 }\n",
    );
    for (name, role) in [("王编辑", "editor"), ("李审核", "reviewer-1")] {
        let mut add = crate::common::civic()
            .args(["desk", "--root"])
            .arg(f.root())
            .args(["add-user", name, "--role", role])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("add-user");
        use std::io::Write;
        add.stdin
            .take()
            .expect("stdin")
            .write_all(b"long enough password\n")
            .expect("password");
        assert!(add.wait().expect("done").success());
    }
    f
}

fn sign_in(desk: &Desk, name: &str, password: &str) -> Answer {
    desk.post(
        "/desk/login",
        None,
        &[("name", name), ("password", password)],
    )
}

fn cookie_of(answer: &Answer) -> String {
    answer
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_string()
}

#[test]
fn on_the_office_network_the_desk_requires_sign_in_roles_and_its_form_token() {
    let f = review_site();
    let accounts =
        std::fs::read_to_string(f.root().join(".civic/desk-accounts.json")).expect("accounts");
    assert!(!accounts.contains("long enough password") && accounts.contains("$argon2id$"));
    let desk = start(f.root(), "0.0.0.0");

    let anonymous = desk.get("/desk/", None);
    assert_eq!(anonymous.status, 303);
    assert_eq!(anonymous.header("location"), Some("/desk/login"));
    assert_eq!(
        desk.get("/role-models/li-mei/", None).status,
        303,
        "the preview too"
    );
    assert_eq!(sign_in(&desk, "王编辑", "wrong password!!").status, 401);

    let editor = cookie_of(&sign_in(&desk, "王编辑", "long enough password"));
    assert!(
        sign_in(&desk, "王编辑", "long enough password")
            .header("set-cookie")
            .is_some_and(|c| c.contains("HttpOnly") && c.contains("SameSite=Strict"))
    );
    let file = "content/role-models/li-mei.md";
    let page = desk.get(&edit_path(file), Some(&editor));
    assert_eq!(page.status, 200);
    let mut values = form_values(&page.body, "/desk/save");
    set(&mut values, "field.title", "李梅（改）");
    let mut forged: Vec<(String, String)> = values.clone();
    set(&mut forged, "csrf", "0000");
    let refused = desk.post("/desk/save", Some(&editor), &pairs(&forged));
    assert_eq!(
        refused.status, 403,
        "a post without the form token is refused"
    );
    assert!(
        !std::fs::read_to_string(f.root().join(file))
            .expect("file")
            .contains("（改）")
    );
    let cross_site = request(
        &desk.host,
        "POST",
        "/desk/save",
        &[
            ("Cookie", editor.as_str()),
            ("Origin", "http://evil.example"),
        ],
        &form(&pairs(&values)),
    );
    assert_eq!(cross_site.status, 403, "another site's Origin is refused");
    assert_eq!(
        desk.post("/desk/save", Some(&editor), &pairs(&values))
            .status,
        303
    );
    assert!(
        std::fs::read_to_string(f.root().join(file))
            .expect("file")
            .contains("（改）")
    );

    // An editor has no sign button and cannot sign by hand.
    let page = desk.get(&edit_path(file), Some(&editor));
    assert!(!page.body.contains("action=\"/desk/sign\""));
    let csrf = form_values(&page.body, "/desk/save")
        .into_iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v)
        .expect("csrf");
    let sign = [("csrf", csrf.as_str()), ("file", file), ("level", "1")];
    assert_eq!(desk.post("/desk/sign", Some(&editor), &sign).status, 403);

    let reviewer = cookie_of(&sign_in(&desk, "李审核", "long enough password"));
    let page = desk.get(&edit_path(file), Some(&reviewer));
    let values = form_values(&page.body, "/desk/sign");
    let signed = desk.post("/desk/sign", Some(&reviewer), &pairs(&values));
    assert_eq!(signed.status, 303, "{}", signed.body);
    let page = desk.get(&edit_path(file), Some(&reviewer));
    assert!(page.body.contains("signed by 李审核"), "{}", page.body);

    // Five wrong passwords lock the account, even against the right one.
    for _ in 0..5 {
        sign_in(&desk, "王编辑", "not the password");
    }
    let locked = sign_in(&desk, "王编辑", "long enough password");
    assert_eq!(locked.status, 401);
    assert!(locked.body.contains("locked"));

    let log = std::fs::read_to_string(f.root().join(".civic/desk-log.jsonl")).expect("log");
    for action in [
        "sign-in",
        "sign-in-failed",
        "save",
        "sign",
        "sign-in-locked",
    ] {
        assert!(
            log.contains(&format!("\"action\":\"{action}\"")),
            "{action}: {log}"
        );
    }
    assert!(log.contains("\"user\":\"李审核\""));
}

#[test]
fn without_accounts_the_desk_refuses_to_open_beyond_this_computer() {
    let f = Fixture::new();
    let out = crate::common::civic()
        .args(["desk", "--bind", "0.0.0.0", "--port", "0", "--root"])
        .arg(f.root())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(crate::common::stderr(&out).contains("no accounts"));
}

#[test]
fn every_file_of_the_sample_site_saved_unchanged_in_the_desk_is_byte_identical() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = tempfile::tempdir().expect("site");
    for item in ["site.yaml", "content", "themes", "data", "static"] {
        let from = repo.join(item);
        if from.is_dir() {
            copy_tree(&from, &site.path().join(item));
        } else if from.is_file() {
            std::fs::copy(&from, site.path().join(item)).expect("copy");
        }
    }
    let desk = start(site.path(), "127.0.0.1");
    let mut files = Vec::new();
    for e in walkdir::WalkDir::new(site.path().join("content"))
        .into_iter()
        .flatten()
    {
        if e.path().extension().is_some_and(|x| x == "md") {
            let rel = e.path().strip_prefix(site.path()).expect("rel");
            files.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    assert!(files.len() > 50, "the sample site's pages: {}", files.len());
    for file in &files {
        let before = std::fs::read(site.path().join(file)).expect("read");
        let page = desk.get(&edit_path(file), None);
        assert_eq!(page.status, 200, "{file}");
        let values = form_values(&page.body, "/desk/save");
        let saved = desk.post("/desk/save", None, &pairs(&values));
        assert_eq!(saved.status, 303, "{file}: {}", saved.body);
        let after = std::fs::read(site.path().join(file)).expect("read");
        assert!(before == after, "{file} changed by a save without edits");
    }
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    for e in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = e.path().strip_prefix(from).expect("rel");
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &dest).expect("copy");
        }
    }
}

#[test]
fn the_list_is_searched_and_a_deleted_page_waits_in_the_trash() {
    let f = Fixture::new();
    let desk = start(f.root(), "127.0.0.1");
    let found = desk.get("/desk/?q=%E7%8E%8B", None);
    assert!(
        found.body.contains("王军") && !found.body.contains(">李梅<"),
        "only 王军 matches 王"
    );

    let file = "content/role-models/li-mei.md";
    let page = desk.get(&edit_path(file), None);
    let copy = desk.post(
        "/desk/duplicate",
        None,
        &pairs(&form_values(&page.body, "/desk/duplicate")),
    );
    assert_eq!(copy.status, 303);
    let copied = std::fs::read_to_string(f.root().join("content/role-models/li-mei-2.md"))
        .expect("the copy");
    assert!(
        copied.starts_with("---\ntitle: 李梅（副本）\nname: 李梅\n"),
        "{copied}"
    );

    // 王军 has no page linking to it; deleting 李梅 would break the about page's link.
    let file = "content/role-models/wang-jun.md";
    let page = desk.get(&edit_path(file), None);
    let before = std::fs::read(f.root().join(file)).expect("page");
    let gone = desk.post(
        "/desk/delete",
        None,
        &pairs(&form_values(&page.body, "/desk/delete")),
    );
    assert_eq!(gone.status, 303);
    assert!(!f.root().join(file).exists());
    let trash: Vec<_> = walkdir::WalkDir::new(f.root().join(".civic/trash"))
        .into_iter()
        .flatten()
        .filter(|e| e.path().ends_with("content/role-models/wang-jun.md"))
        .collect();
    assert_eq!(trash.len(), 1, "the page waits in the trash");
    assert_eq!(std::fs::read(trash[0].path()).expect("trash"), before);
    let list = desk.get("/desk/?deleted=1", None);
    assert!(
        list.body.contains(".civic/trash/"),
        "the list says where it went"
    );
    assert!(
        !list
            .body
            .contains("<code>content/role-models/wang-jun.md</code>"),
        "the deleted page is no longer listed"
    );
}

#[test]
fn deleting_a_page_others_link_to_shows_the_broken_links_first() {
    let f = Fixture::new();
    let desk = start(f.root(), "127.0.0.1");
    let file = "content/role-models/li-mei.md";
    let page = desk.get(&edit_path(file), None);
    desk.post(
        "/desk/delete",
        None,
        &pairs(&form_values(&page.body, "/desk/delete")),
    );
    let list = desk.get("/desk/?deleted=1", None);
    let doc = scraper::Html::parse_document(&list.body);
    let alert = scraper::Selector::parse("section[role=alert] a").expect("sel");
    let files: Vec<String> = doc.select(&alert).map(|a| a.text().collect()).collect();
    assert!(
        files.iter().any(|f| f == "content/about.md"),
        "the about page links to the deleted page: {files:?}\n{}",
        list.body
    );
}

#[test]
fn an_english_twin_is_made_from_its_chinese_page_with_the_original_beside_each_field() {
    let f = Fixture::new();
    let desk = start(f.root(), "127.0.0.1");
    let page = desk.get(&edit_path("content/role-models/wang-jun.md"), None);
    let mut values = form_values(&page.body, "/desk/twin");
    set(&mut values, "title", "Wang Jun");
    let made = desk.post("/desk/twin", None, &pairs(&values));
    assert_eq!(made.status, 303, "{}", made.body);
    let en =
        std::fs::read_to_string(f.root().join("content/role-models/wang-jun.en.md")).expect("twin");
    assert!(
        en.contains("title: \"Wang Jun\"") && en.contains("# 中文: 王军"),
        "{en}"
    );
    let page = desk.get(&edit_path("content/role-models/wang-jun.en.md"), None);
    assert!(
        page.body.contains("Chinese original:"),
        "the Chinese beside the English fields"
    );
    assert!(page.body.contains("王军"));
}
