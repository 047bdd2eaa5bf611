use std::sync::OnceLock;

use super::query::run_on_files;
use super::tokenize::{normalize, stem};
use super::*;

fn ix() -> &'static Indexer {
    static IX: OnceLock<Indexer> = OnceLock::new();
    IX.get_or_init(|| Indexer::for_texts(&["明湖区".to_string(), "东湖街道".to_string()], []))
}

fn zh(text: &str) -> Vec<String> {
    ix().tokenize(text)
}

fn doc(url: &str, title: &str, body: &str) -> SearchDoc<'static> {
    SearchDoc {
        url: url.into(),
        title: title.into(),
        section: "新闻".into(),
        body: body.to_string().into(),
        ..Default::default()
    }
}

fn has(v: &[String], t: &str) -> bool {
    v.iter().any(|x| x == t)
}

#[test]
fn segments_civic_words() {
    for w in ["志愿服务", "垃圾分类", "道德模范"] {
        let t = zh(w);
        assert!(has(&t, w), "{w}: {t:?}");
        assert!(t.iter().all(|x| x.chars().count() >= 2), "{w}: {t:?}");
    }
    // Parts are indexed too, so a query for 志愿 still finds 志愿服务 pages.
    let t = zh("志愿服务");
    assert!(has(&t, "志愿") && has(&t, "服务"), "{t:?}");
    let t = zh("疫情防控常态化");
    for w in ["疫情防控", "疫情", "防控", "常态化"] {
        assert!(has(&t, w), "{w} missing: {t:?}");
    }
    assert!(!t.iter().any(|x| x.chars().count() == 1), "{t:?}");
}

#[test]
fn segments_a_pasted_sentence_and_site_words() {
    let t = zh("2024年，明湖区东湖街道组织居民开展垃圾分类志愿服务活动！");
    for w in [
        "2024",
        "明湖区",
        "东湖街道",
        "组织",
        "居民",
        "垃圾分类",
        "志愿服务",
        "活动",
    ] {
        assert!(has(&t, w), "{w} missing: {t:?}");
    }
    // No single-character noise, no function words.
    assert!(t.iter().all(|x| x.chars().count() >= 2), "{t:?}");
    assert!(!has(&zh("我们一起进行"), "我们"));
}

#[test]
fn stop_word_list_is_sorted() {
    assert!(tokenize::EN_STOP.windows(2).all(|w| w[0] < w[1]));
    assert!(tokenize::ZH_STOP.windows(2).all(|w| w[0] < w[1]));
    // The lookups reject longer words before searching.
    assert!(
        tokenize::EN_STOP
            .iter()
            .all(|w| w.len() <= tokenize::EN_STOP_MAX_LEN)
    );
    assert!(
        tokenize::ZH_STOP
            .iter()
            .all(|w| w.chars().count() == 2 && w.len() == 6)
    );
}

#[test]
fn english_case_folding_stemming_stop_words() {
    assert_eq!(stem("volunteers"), "volunteer");
    assert_eq!(stem("volunteering"), "volunteer");
    assert_eq!(stem("volunteered"), "volunteer");
    assert_eq!(stem("cities"), "city");
    assert_eq!(stem("running"), "run");
    assert_eq!(stem("serve"), stem("served"));
    assert_eq!(stem("services"), stem("service"));
    assert_eq!(stem("classes"), "class");
    assert_eq!(stem("campus"), "campus");
    assert_eq!(
        zh("The VOLUNTEERS of the City's Volunteer Service"),
        vec!["volunteer", "city", "volunteer", "servic"]
    );
    // Full-width letters and zero-width characters normalise away.
    assert_eq!(normalize("ＡＢＣ\u{200b}ｄ"), "abcd");
}

#[test]
fn odd_input_does_not_panic() {
    let long = "文明".repeat(50_000) + &"x".repeat(10_000);
    for s in [
        "",
        " ",
        "\u{0}\u{fffd}\u{10ffff}",
        "𠀀𠀁𪚥",
        "İstanbul ΣΑΣ ß",
        "a\u{301}\u{302}",
        &long,
        "🎉🎉文明🎉",
        "\u{3000}\u{ff01}\u{ff5e}",
    ] {
        let _ = zh(s);
        let files = ix().build("en", &[doc("/x/", s, s)]);
        let _ = run_on_files(&files, s);
    }
    let files = ix().build("zh-CN", &[]);
    assert!(files.iter().any(|f| f.0 == "search/zh-CN/meta.json"));
    assert!(run_on_files(&files, "文明").hits.is_empty());
}

fn corpus() -> Vec<SearchDoc<'static>> {
    vec![
        doc(
            "/news/volunteer/",
            "明湖区志愿服务队走进社区",
            "周末，志愿者们在社区开展志愿服务，帮助老人打扫卫生。",
        ),
        doc(
            "/news/culture/",
            "文化惠民演出进社区",
            "市文化馆组织文化演出，丰富居民文化生活。",
        ),
        doc(
            "/news/civil/",
            "我市再获全国文明城市称号",
            "文明城市创建成果显著，文明风尚深入人心。",
        ),
        doc(
            "/news/service/",
            "便民服务中心延长服务时间",
            "为方便群众办事，服务中心周末也提供服务。志愿者引导群众。",
        ),
        SearchDoc {
            url: "/role-models/li-mei/".into(),
            title: "助人为乐的社区医生".into(),
            section: "道德模范".into(),
            fields: vec!["李梅".into(), "明湖区".into(), "助人为乐".into()],
            body: "她三十年如一日义务为社区老人看病。".into(),
            ..Default::default()
        },
        doc(
            "/news/li-mei-award/",
            "社区医生获评道德模范",
            "近日，李梅同志获评市级道德模范。",
        ),
    ]
}

#[test]
fn volunteer_service_ranks_first_and_wenming_is_not_wenhua() {
    let files = ix().build("zh-CN", &corpus());
    let r = run_on_files(&files, "志愿服务");
    assert_eq!(r.urls().first(), Some(&"/news/volunteer/"), "{r:?}");
    let r = run_on_files(&files, "文明");
    assert_eq!(r.urls(), vec!["/news/civil/"], "{r:?}");
    let r = run_on_files(&files, "文化");
    assert_eq!(r.urls(), vec!["/news/culture/"], "{r:?}");
}

#[test]
fn a_name_finds_the_profile() {
    let files = ix().build("zh-CN", &corpus());
    let r = run_on_files(&files, "李梅");
    let urls = r.urls();
    assert_eq!(urls.first(), Some(&"/role-models/li-mei/"), "{r:?}");
    assert!(urls.contains(&"/news/li-mei-award/"), "{r:?}");
}

#[test]
fn title_hit_beats_body_hits() {
    let docs = vec![
        doc(
            "/a/",
            "社区新闻",
            "今天社区开展了垃圾分类宣传，垃圾分类知识讲座，还有垃圾分类游戏。",
        ),
        doc("/b/", "垃圾分类", "社区新闻。"),
    ];
    let files = ix().build("zh-CN", &docs);
    let r = run_on_files(&files, "垃圾分类");
    assert_eq!(r.urls(), vec!["/b/", "/a/"]);
    let docs = vec![
        doc(
            "/a/",
            "Community news",
            "Volunteers cleaned the park. Volunteer work continues.",
        ),
        doc("/b/", "Volunteer day", "The park was cleaned."),
    ];
    let files = ix().build("en", &docs);
    assert_eq!(
        run_on_files(&files, "volunteering").urls(),
        vec!["/b/", "/a/"]
    );
    // Prefix while typing.
    assert_eq!(run_on_files(&files, "volunt").urls(), vec!["/b/", "/a/"]);
    // Stop words alone find nothing.
    assert!(run_on_files(&files, "the of").hits.is_empty());
}

#[test]
fn deterministic_and_order_independent() {
    let mut docs = corpus();
    let a = ix().build("zh-CN", &docs);
    docs.reverse();
    let b = ix().build("zh-CN", &docs);
    assert_eq!(a, b);
}

/// `normalize` as specified, one character at a time (the shipped one copies unchanged spans
/// whole).
fn normalize_reference(text: &str) -> String {
    let out: String = text
        .chars()
        .filter_map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0),
            0x3000 => Some(' '),
            0x200B..=0x200D | 0x2060 | 0xFEFF | 0x00AD => None,
            _ => Some(c),
        })
        .collect();
    out.to_lowercase()
}

proptest::proptest! {
    #[test]
    fn normalize_matches_its_reference(text in "[a-zA-Z0-9 .,;志愿服务文明ΣσςΑÉéİ\u{3000}\u{200b}\u{ad}\u{feff}ＡＺ１，。、\u{4dc0}\u{3400}𠀀〇·—]{0,40}") {
        proptest::prop_assert_eq!(normalize(&text), normalize_reference(&text));
    }
}
