//! The preview while typing: the edit form, unsaved, posted to `/desk/draft`, comes back as both
//! twins' pages rendered by the build's code; nothing is written.

use super::{edit_path, form_values, pairs, set, start};
use crate::common::Fixture;
use crate::common::http::Answer;

fn json(answer: &Answer) -> serde_json::Value {
    assert_eq!(answer.status, 200, "{}", answer.body);
    serde_json::from_str(&answer.body).expect("the draft answers JSON")
}

#[test]
fn the_unsaved_form_is_rendered_for_both_twins_and_nothing_is_written() {
    let f = Fixture::new();
    let desk = start(f.root(), "127.0.0.1");
    let file = "content/role-models/li-mei.md";
    let page = desk.get(&edit_path(file), None);
    let mut values = form_values(&page.body, "/desk/save");
    set(&mut values, "field.title", "李梅：夜校三十年");
    set(
        &mut values,
        "body",
        "\r\n她在社区办了三十年夜校，还没有保存。\r\n",
    );
    let source = std::fs::read(f.root().join(file)).expect("file");
    let preview_file = f
        .root()
        .join(".civic/desk-preview/role-models/li-mei/index.html");
    let built = std::fs::read(&preview_file).expect("the preview's page");

    let answer = json(&desk.post("/desk/draft", None, &pairs(&values)));
    assert_eq!(answer["state"], "pages", "{answer}");
    let pages = answer["pages"].as_array().expect("pages");
    let zh = &pages[0];
    assert_eq!(zh["url"], "/role-models/li-mei/");
    let html = zh["html"].as_str().expect("html");
    assert!(
        html.contains("她在社区办了三十年夜校，还没有保存。"),
        "{html}"
    );
    assert!(
        html.contains("<title>李梅：夜校三十年"),
        "the theme's whole page"
    );
    assert!(html.contains("<base href=\"/role-models/li-mei/\">"));
    // The English twin inherits from the Chinese page: it is rendered again beside it.
    assert_eq!(pages[1]["url"], "/en/role-models/li-mei/");
    assert!(
        pages[1]["html"]
            .as_str()
            .is_some_and(|h| h.contains("night school"))
    );

    assert_eq!(std::fs::read(f.root().join(file)).expect("file"), source);
    assert_eq!(std::fs::read(&preview_file).expect("page"), built);
    let preview = desk.get("/role-models/li-mei/", None);
    assert!(
        !preview.body.contains("还没有保存"),
        "the preview site is as saved"
    );

    // The model is put back as it was: a save after the draft rebuilds from the saved text, and
    // no list shows the title that was only drafted.
    let mut saved = form_values(&page.body, "/desk/save");
    set(&mut saved, "body", "\r\n保存的正文。\r\n");
    assert_eq!(desk.post("/desk/save", None, &pairs(&saved)).status, 303);
    let gallery = desk.get("/role-models/", None);
    assert!(gallery.body.contains("李梅"), "{}", gallery.body);
    assert!(
        !gallery.body.contains("夜校三十年"),
        "the drafted title leaked into the model"
    );
    let page = desk.get("/role-models/li-mei/", None);
    assert!(page.body.contains("保存的正文。") && !page.body.contains("夜校三十年"));
}

#[test]
fn a_mistake_in_the_unsaved_form_comes_back_as_the_builds_finding() {
    let f = Fixture::new();
    let desk = start(f.root(), "127.0.0.1");
    let file = "content/role-models/li-mei.md";
    let page = desk.get(&edit_path(file), None);
    let mut values = form_values(&page.body, "/desk/save");
    set(&mut values, "body", "见[不存在的页面](../nowhere.md)。\r\n");
    let answer = json(&desk.post("/desk/draft", None, &pairs(&values)));
    assert_eq!(answer["state"], "problems", "{answer}");
    assert!(
        answer["problems"]
            .as_str()
            .is_some_and(|p| p.contains("nowhere.md")),
        "{answer}"
    );

    // Like every post, it needs the form's token.
    let mut values = form_values(&page.body, "/desk/save");
    set(&mut values, "csrf", "forged");
    assert_eq!(desk.post("/desk/draft", None, &pairs(&values)).status, 403);
}

#[test]
fn a_draft_leaves_the_live_model_exactly_as_it_was() {
    use civic::serve::live::{Drafted, Live};
    let f = Fixture::new();
    let options = crate::common::small_site::options(f.root(), f.root().join("out"));
    let (mut live, _) = Live::start(options);
    let before = format!("{:?}", live.site().expect("built"));
    let rel = "role-models/li-mei.md";
    let text = std::fs::read_to_string(f.root().join("content").join(rel)).expect("page");
    // Another title and body: the gallery's order, the summary and the twin would change.
    let drafted = text
        .replacen("title: 李梅", "title: 阿梅：夜校", 1)
        .replace("\n---\n", "\n---\n草稿的正文。\n");
    let draft = live.render_draft(rel, &drafted);
    match &draft.drafted {
        Drafted::Pages(pages) => {
            assert_eq!(pages.len(), 2);
            assert!(pages[0].html.contains("草稿的正文。"));
        }
        other => panic!("not rendered: {other:?}"),
    }
    // The whole model, field by field, is what it was before the draft.
    assert_eq!(format!("{:?}", live.site().expect("built")), before);
}
