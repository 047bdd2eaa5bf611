//! Search index end to end: build from ~30 realistic pages, query through the Rust reference of
//! the client procedure, then run the shipped `search.js` under node on the same files
//! (`tests/search/query.test.mjs`) and check that it gives the same answers.

use std::path::Path;
use std::process::Command;

use civic::search::query::run_on_files;
use civic::search::tokenize::{normalize, word_term};
use civic::search::{Indexer, SearchDoc};

fn d(url: &str, section: &str, title: &str, fields: &[&str], body: &str) -> SearchDoc<'static> {
    SearchDoc {
        url: url.into(),
        title: title.into(),
        section: section.into(),
        date: Some("2026年11月25日".into()),
        headings: Vec::new(),
        fields: fields.iter().map(|s| s.to_string()).collect(),
        body: body.to_string().into(),
    }
}

fn zh_docs() -> Vec<SearchDoc<'static>> {
    let rm = "道德模范";
    let news = "新闻动态";
    let hb = "文明手册";
    let psa = "公益广告";
    vec![
        d(
            "/role-models/li-mei/",
            rm,
            "李梅：三十年义诊的社区医生",
            &["李梅", "明湖区", "助人为乐", "医生"],
            "李梅是明湖区东湖街道社区卫生服务中心的医生。三十年来，她利用休息时间为辖区老人义诊，被群众亲切地称为“贴心医生”。",
        ),
        d(
            "/role-models/wang-qiang/",
            rm,
            "王强：勇救落水儿童",
            &["王强", "西城区", "见义勇为"],
            "2025年夏天，王强在河边散步时发现有儿童落水，他毫不犹豫跳入水中，将孩子救上岸。",
        ),
        d(
            "/role-models/zhao-lan/",
            rm,
            "赵兰：诚信经营二十年",
            &["赵兰", "南山区", "诚实守信"],
            "赵兰经营一家小超市二十年，坚持明码标价、诚信经营，从不缺斤短两。",
        ),
        d(
            "/role-models/chen-jun/",
            rm,
            "陈军：扎根乡村的教师",
            &["陈军", "北塘区", "敬业奉献"],
            "陈军在山区小学任教二十五年，把青春献给了乡村教育事业。",
        ),
        d(
            "/role-models/liu-fang/",
            rm,
            "刘芳：照顾瘫痪婆婆十五年",
            &["刘芳", "明湖区", "孝老爱亲"],
            "刘芳十五年如一日照顾瘫痪在床的婆婆，用孝心诠释了家庭美德。",
        ),
        d(
            "/news/volunteer-day/",
            news,
            "全市志愿服务活动日启动",
            &["志愿服务"],
            "11月25日，全市志愿服务活动日在市民广场启动，三千余名志愿者参加志愿服务，开展环境整治、文明劝导等活动。",
        ),
        d(
            "/news/volunteer-team/",
            news,
            "明湖区成立学雷锋志愿服务队",
            &["志愿服务", "学雷锋"],
            "明湖区学雷锋志愿服务队正式成立，首批招募志愿者两百名，将常态化开展助老助残等志愿服务。",
        ),
        d(
            "/news/garbage/",
            news,
            "垃圾分类进小区 居民积极参与",
            &["垃圾分类"],
            "东湖街道在各小区设置垃圾分类投放点，志愿者现场指导居民正确分类。垃圾分类工作取得明显成效。",
        ),
        d(
            "/news/garbage-school/",
            news,
            "垃圾分类知识走进校园",
            &["垃圾分类", "未成年人"],
            "市城管局联合教育局在中小学开展垃圾分类知识讲座，引导学生养成分类投放的好习惯。",
        ),
        d(
            "/news/civil-city/",
            news,
            "我市通过全国文明城市复查",
            &["文明城市"],
            "近日，我市顺利通过全国文明城市年度复查。市文明办表示，将持续巩固创建成果，推动文明城市创建常态化。",
        ),
        d(
            "/news/culture-fest/",
            news,
            "第五届市民文化节开幕",
            &["文化"],
            "第五届市民文化节在市文化中心开幕，文化惠民演出、非遗展示等文化活动将持续一个月。",
        ),
        d(
            "/news/culture-museum/",
            news,
            "市博物馆推出传统文化展",
            &["文化"],
            "市博物馆推出传统文化主题展览，展出文物两百余件，市民可免费参观。",
        ),
        d(
            "/news/epidemic/",
            news,
            "做好疫情防控常态化工作",
            &["疫情防控"],
            "各社区按照疫情防控常态化要求，做好环境消杀和健康宣传工作。",
        ),
        d(
            "/news/traffic/",
            news,
            "文明交通劝导行动持续开展",
            &["文明交通"],
            "交警部门联合志愿者在主要路口开展文明交通劝导，倡导礼让斑马线。",
        ),
        d(
            "/news/table/",
            news,
            "光盘行动 从我做起",
            &["文明餐桌"],
            "市文明办倡议市民践行光盘行动，推广公筷公勺，营造文明餐桌新风尚。",
        ),
        d(
            "/news/models-award/",
            news,
            "我市五人获评省级道德模范",
            &["道德模范"],
            "在第八届省道德模范评选中，我市李梅、王强等五人获评省级道德模范。",
        ),
        d(
            "/news/models-tour/",
            news,
            "道德模范事迹巡讲走进企业",
            &["道德模范"],
            "道德模范事迹巡讲团走进企业，用身边人身边事传递正能量。",
        ),
        d(
            "/news/elderly/",
            news,
            "社区食堂解决老人吃饭难",
            &["养老"],
            "西城区新建社区食堂十家，为辖区老人提供价格实惠的午餐和晚餐。",
        ),
        d(
            "/news/service-center/",
            news,
            "政务服务中心推出延时服务",
            &["政务服务"],
            "为方便上班族办事，市政务服务中心推出工作日延时服务和周末预约服务。",
        ),
        d(
            "/handbook/intro/",
            hb,
            "市民文明手册：总则",
            &[],
            "本手册介绍日常生活中的文明行为规范，倡导市民讲文明、树新风。",
        ),
        d(
            "/handbook/traffic/",
            hb,
            "文明出行",
            &[],
            "过马路走人行横道，不闯红灯；驾车礼让行人，不乱停乱放。",
        ),
        d(
            "/handbook/pets/",
            hb,
            "文明养犬",
            &[],
            "出门遛狗要牵绳，及时清理犬只粪便，不在公共场所放任犬只吠叫。",
        ),
        d(
            "/handbook/garbage/",
            hb,
            "垃圾分类指南",
            &[],
            "生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾四类。",
        ),
        d(
            "/ads/core-values/",
            psa,
            "社会主义核心价值观公益广告",
            &["核心价值观"],
            "富强、民主、文明、和谐，自由、平等、公正、法治，爱国、敬业、诚信、友善。",
        ),
        d(
            "/ads/water/",
            psa,
            "节约用水 人人有责",
            &["节约"],
            "水是生命之源，请随手关紧水龙头，节约每一滴水。",
        ),
        d(
            "/about/",
            "关于",
            "关于本站",
            &[],
            "本站由市精神文明建设委员会办公室主办，发布文明创建、志愿服务和道德模范等信息。",
        ),
    ]
}

fn en_docs() -> Vec<SearchDoc<'static>> {
    vec![
        d(
            "/en/role-models/li-mei/",
            "Role models",
            "Li Mei: a community doctor for thirty years",
            &["Li Mei", "Minghu District", "Helping others"],
            "Li Mei has volunteered free health checks for elderly residents for thirty years.",
        ),
        d(
            "/en/news/volunteer-day/",
            "News",
            "City Volunteer Service Day launched",
            &["volunteering"],
            "More than three thousand volunteers joined the volunteer service day in Citizens' Square.",
        ),
        d(
            "/en/news/garbage/",
            "News",
            "Garbage sorting comes to residential communities",
            &["garbage sorting"],
            "Volunteers showed residents how to sort their household waste correctly.",
        ),
        d(
            "/en/news/culture-fest/",
            "News",
            "Fifth Citizens' Culture Festival opens",
            &["culture"],
            "Performances and intangible heritage shows will run for a month.",
        ),
        d(
            "/en/handbook/traffic/",
            "Handbook",
            "Civilized travel",
            &[],
            "Use pedestrian crossings, never run red lights, and yield to pedestrians when driving.",
        ),
        d(
            "/en/news/service/",
            "News",
            "Service centre extends its opening hours",
            &[],
            "The government service centre now serves citizens on weekday evenings and weekends.",
        ),
    ]
}

fn write(dir: &Path, files: &[(String, Vec<u8>)]) {
    for (p, b) in files {
        let path = dir.join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, b).unwrap();
    }
}

const ZH_QUERIES: &[&str] = &[
    "志愿服务",
    "垃圾分类",
    "道德模范",
    "文明",
    "文化",
    "李梅",
    "王强",
    "明湖区",
    "疫情防控常态化",
    "市文明办倡议市民践行光盘行动",
    "文明城市创建",
    "志愿",
    "文",
    "见义勇为",
    "礼让斑马线",
    "ＡＢＣ",
    "the",
    "",
];
const EN_QUERIES: &[&str] = &[
    "volunteer",
    "Volunteers",
    "volunt",
    "garbage sorting",
    "li mei",
    "the of and",
    "culture",
    "service centre",
    "Services",
    "pedestrians ",
    "城市",
];

#[test]
fn index_answers_civic_queries_and_search_js_agrees() {
    let words = ["明湖区".to_string(), "东湖街道".to_string()];
    let ix = Indexer::for_texts(&words, []);
    let zh = ix.build("zh-CN", &zh_docs());
    let en = ix.build("en", &en_docs());

    let q = |files: &[(String, Vec<u8>)], s: &str| run_on_files(files, s).urls().join(" ");
    let first = |files: &[(String, Vec<u8>)], s: &str| {
        run_on_files(files, s).urls().first().map(|s| s.to_string())
    };
    // 志愿服务 finds volunteer-service pages first.
    let r = run_on_files(&zh, "志愿服务");
    assert!(
        r.urls()[..2]
            .iter()
            .all(|u| u.starts_with("/news/volunteer")),
        "{r:?}"
    );
    // 文明 never matches pages that only talk about 文化.
    let wm = q(&zh, "文明");
    assert!(!wm.contains("culture"), "{wm}");
    assert!(wm.contains("/news/civil-city/"), "{wm}");
    let wh = q(&zh, "文化");
    assert!(
        wh.contains("/news/culture-fest/") && !wh.contains("civil-city"),
        "{wh}"
    );
    // A name finds the profile first, then the news mentioning it.
    assert_eq!(first(&zh, "李梅").as_deref(), Some("/role-models/li-mei/"));
    assert!(q(&zh, "李梅").contains("/news/models-award/"));
    assert_eq!(
        first(&zh, "王强").as_deref(),
        Some("/role-models/wang-qiang/")
    );
    // Category and district fields are searchable.
    assert_eq!(
        first(&zh, "见义勇为").as_deref(),
        Some("/role-models/wang-qiang/")
    );
    assert!(q(&zh, "明湖区").contains("/role-models/liu-fang/"));
    let r = run_on_files(&zh, "垃圾分类");
    assert!(r.urls()[..3].iter().all(|u| u.contains("garbage")), "{r:?}");
    assert!(first(&zh, "道德模范").unwrap().starts_with("/news/models-"));
    assert_eq!(
        first(&zh, "疫情防控常态化").as_deref(),
        Some("/news/epidemic/")
    );
    // A pasted sentence finds its page.
    assert_eq!(
        first(&zh, "市文明办倡议市民践行光盘行动").as_deref(),
        Some("/news/table/")
    );
    // English: stemming, case, prefix while typing, stop words.
    assert_eq!(
        first(&en, "Volunteers").as_deref(),
        Some("/en/news/volunteer-day/")
    );
    assert_eq!(
        first(&en, "volunt").as_deref(),
        Some("/en/news/volunteer-day/")
    );
    assert_eq!(
        first(&en, "li mei").as_deref(),
        Some("/en/role-models/li-mei/")
    );
    assert!(run_on_files(&en, "the of and").hits.is_empty());

    // Now the shipped search.js, on the same files.
    let node_ok = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !node_ok {
        eprintln!("node not found: skipping the search.js half of this test");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), &zh);
    write(tmp.path(), &en);
    let cases = |files: &[(String, Vec<u8>)], lang: &str, qs: &[&str]| -> Vec<serde_json::Value> {
        qs.iter()
            .map(|s| {
                let r = run_on_files(files, s);
                serde_json::json!({
                    "lang": lang, "q": s, "groups": r.groups,
                    "ids": r.hits.iter().map(|h| h.id).collect::<Vec<_>>(),
                    "urls": r.urls(), "bytes": r.bytes(),
                    "fetched": r.fetched.iter().map(|f| &f.0).collect::<Vec<_>>(),
                })
            })
            .collect()
    };
    let mut all = cases(&zh, "zh-CN", ZH_QUERIES);
    all.extend(cases(&en, "en", EN_QUERIES));
    let words = [
        "volunteers",
        "volunteering",
        "volunteered",
        "cities",
        "running",
        "served",
        "services",
        "classes",
        "campus",
        "agreed",
        "hoping",
        "centre",
        "the",
        "a",
        "x1",
        "élan",
        "2024",
        "news",
        "analysis",
        "ties",
        "sses",
        "freed",
    ];
    let stems: Vec<serde_json::Value> = words
        .iter()
        .map(|w| serde_json::json!([w, word_term(&normalize(w))]))
        .collect();
    let fixture = serde_json::json!({ "cases": all, "stems": stems });
    std::fs::write(tmp.path().join("fixture.json"), fixture.to_string()).unwrap();

    let test_file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search/query.test.mjs");
    let out = Command::new("node")
        .arg("--test")
        .arg(&test_file)
        .env("CIVIC_SEARCH_FIXTURE", tmp.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "node --test failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{stdout}");
    assert!(
        stdout.contains("# fail 0") && stdout.contains("# skipped 0"),
        "{stdout}"
    );
}
