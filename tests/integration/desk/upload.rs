//! Photos and attachments uploaded through the desk: stored beside the page, cleaned as the
//! build cleans them (no GPS, no camera, upright), with both alternative texts, a safe name,
//! only the types the site takes, and only with the form's token.

use super::{Desk, edit_path, form_values, start};
use crate::common::Fixture;
use crate::common::http::{Answer, request_bytes};
use crate::photos::{PHONE_MODEL, gps_latitude, phone_photo};

fn upload(desk: &Desk, csrf: &str, query: &[(&str, &str)], bytes: &[u8]) -> Answer {
    let q: String = query
        .iter()
        .map(|(k, v)| {
            let v = percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC);
            format!("{k}={v}&")
        })
        .collect();
    let headers = [
        ("X-Civic-Csrf", csrf),
        ("Content-Type", "application/octet-stream"),
    ];
    request_bytes(
        &desk.host,
        "POST",
        &format!("/desk/upload?{q}"),
        &headers,
        bytes,
    )
}

fn form_of(desk: &Desk, file: &str) -> (String, String) {
    let page = desk.get(&edit_path(file), None);
    let values = form_values(&page.body, "/desk/save");
    let get = |k: &str| {
        values
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    (get("csrf"), get("base_sha"))
}

#[test]
fn a_role_models_photo_is_stored_clean_with_both_alternative_texts() {
    let f = Fixture::new();
    let desk = start(f.root(), "127.0.0.1");
    let file = "content/role-models/wang-jun.md";
    let (csrf, base) = form_of(&desk, file);
    let photo = phone_photo();
    let q = |alt_en: &'static str| {
        vec![
            ("file", file),
            ("name", "王军 在社区.JPG"),
            ("alt_zh", "王军在社区巡逻"),
            ("alt_en", alt_en),
        ]
    };
    let mut missing = q("");
    missing.push(("base", base.as_str()));
    let refused = upload(&desk, &csrf, &missing, &photo);
    assert_eq!(refused.status, 400);
    assert!(
        refused
            .body
            .contains("alternative text in Chinese and in English"),
        "{}",
        refused.body
    );
    assert!(upload(&desk, "forged", &missing, &photo).status == 403);

    let mut good = q("Wang Jun on patrol in his neighbourhood");
    good.push(("base", base.as_str()));
    let done = upload(&desk, &csrf, &good, &photo);
    assert_eq!(done.status, 200, "{}", done.body);
    let answer: serde_json::Value = serde_json::from_str(&done.body).expect("json");
    assert_eq!(
        answer["name"], "wang-jun-zai-she-qu.jpg",
        "a safe name: {answer}"
    );
    let stored = std::fs::read(f.root().join("content/role-models/wang-jun-zai-she-qu.jpg"))
        .expect("stored beside the page");
    for (what, secret) in [
        ("GPS", gps_latitude()),
        ("camera", PHONE_MODEL.to_vec()),
        ("EXIF", b"Exif\0\0".to_vec()),
    ] {
        assert!(
            !stored.windows(secret.len()).any(|w| w == secret.as_slice()),
            "the stored photo carries its {what}"
        );
    }
    let img = image::load_from_memory(&stored).expect("a picture");
    assert_eq!((img.width(), img.height()), (120, 160), "turned upright");
    let text = std::fs::read_to_string(f.root().join(file)).expect("the page");
    assert!(
        text.contains("photo: wang-jun-zai-she-qu.jpg\nphoto_alt: 王军在社区巡逻\n# photo_alt (English): Wang Jun on patrol in his neighbourhood\n---"),
        "the English text waits for the twin: {text}"
    );
    let preview = desk.get("/role-models/wang-jun/", None);
    // The twin made from the page takes the English alternative text.
    let made = desk.post(
        "/desk/twin",
        None,
        &[
            ("csrf", csrf.as_str()),
            ("file", file),
            ("title", "Wang Jun"),
        ],
    );
    assert_eq!(made.status, 303, "{}", made.body);
    let en = std::fs::read_to_string(f.root().join("content/role-models/wang-jun.en.md"))
        .expect("the twin");
    assert!(
        en.contains("photo_alt: Wang Jun on patrol in his neighbourhood\n"),
        "{en}"
    );
    let list = desk.get("/desk/", None);
    assert!(
        preview.body.contains("王军在社区巡逻"),
        "the preview shows the photo: {}",
        list.body
    );
}

#[test]
fn only_the_sites_types_are_taken_and_attachments_go_into_the_body() {
    let f = Fixture::new();
    let desk = start(f.root(), "127.0.0.1");
    let file = "content/news/lifts.md";
    let (csrf, _) = form_of(&desk, file);
    let before = std::fs::read_to_string(f.root().join(file)).expect("the page");
    let q = |name: &'static str| {
        vec![
            ("file", file),
            ("name", name),
            ("alt_zh", "图"),
            ("alt_en", "picture"),
        ]
    };
    let exe = upload(&desk, &csrf, &q("setup.exe"), b"MZ");
    assert_eq!(exe.status, 400);
    assert!(exe.body.contains("cannot be uploaded"), "{}", exe.body);
    let heic = upload(&desk, &csrf, &q("IMG_0001.HEIC"), b"....ftypheic");
    assert_eq!(heic.status, 400);
    let fake = upload(&desk, &csrf, &q("photo.jpg"), b"not a picture");
    assert_eq!(fake.status, 400);
    assert!(
        fake.body.contains("cannot be read as a picture"),
        "{}",
        fake.body
    );
    let pdf = upload(&desk, &csrf, &q("通知.pdf"), b"%PDF-1.4\n%%EOF\n");
    assert_eq!(pdf.status, 200, "{}", pdf.body);
    let answer: serde_json::Value = serde_json::from_str(&pdf.body).expect("json");
    assert_eq!(answer["markdown"], "[图](tong-zhi.pdf)", "{answer}");
    assert!(f.root().join("content/news/tong-zhi.pdf").is_file());
    assert_eq!(
        std::fs::read_to_string(f.root().join(file)).expect("the page"),
        before,
        "the page itself is not changed"
    );
}
