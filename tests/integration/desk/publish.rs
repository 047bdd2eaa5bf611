//! The publish button: the same plan and `publish::run` as `civic publish`; a publish that
//! would delete live files asks first and shows what goes, and the result ends with the verify
//! of the live address.

use super::{form_values, pairs, start};
use crate::common::publish_site::{live, serve_live, site_with_target};

#[test]
fn a_publish_that_deletes_files_asks_first_and_the_result_shows_the_verify() {
    let f = site_with_target("{ path: www }");
    let www = f.root().join("www");
    let base = serve_live(&www);
    let yaml = std::fs::read_to_string(f.root().join("site.yaml")).expect("site.yaml");
    f.write(
        "site.yaml",
        &yaml.replace(
            "base_url: https://wenming.example.cn",
            &format!("base_url: {base}"),
        ),
    );
    let desk = start(f.root(), "127.0.0.1");
    let form = desk.get("/desk/publish", None);
    let values = form_values(&form.body, "/desk/publish");
    let first = desk.post("/desk/publish", None, &pairs(&values));
    assert_eq!(first.status, 200, "{}", first.body);
    assert!(first.body.contains("to upload"), "the plan: {}", first.body);
    assert!(first.body.contains("published release"), "{}", first.body);
    assert!(
        first.body.contains("The live site matches the release"),
        "the verify's result: {}",
        first.body
    );
    let release = live(&www);

    f.remove("content/news/lifts.md");
    f.remove("content/news/lifts.en.md");
    let asked = desk.post("/desk/publish", None, &pairs(&values));
    assert!(
        asked.body.contains("would delete files from the live site"),
        "{}",
        asked.body
    );
    assert!(
        asked.body.contains("news/lifts/index.html"),
        "the files that go"
    );
    assert_eq!(live(&www), release, "nothing published before the answer");

    let confirm = form_values(&asked.body, "/desk/publish");
    assert!(confirm.iter().any(|(k, v)| k == "confirm" && v != "0"));
    let done = desk.post("/desk/publish", None, &pairs(&confirm));
    assert!(done.body.contains("published release"), "{}", done.body);
    assert_ne!(live(&www), release);
    assert!(!www.join("current/news/lifts/index.html").exists());
}
