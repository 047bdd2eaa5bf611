//! Civic's segmenter (`search::segment`) must cut Chinese exactly as jieba-rs does with its
//! HMM on, over the same dictionary and the same added words: the index was designed and
//! tested against jieba's segmentation, and only the speed is meant to differ.

use std::path::Path;

use civic::search::segment::{CharSet, Scratch, Segmenter};
use civic::search::tokenize::{self, CIVIC_WORDS, Run};
use jieba_rs::Jieba;

/// Both segmenters, with the civic words and `extra` added in the same order.
fn pair(extra: &[&str]) -> (Segmenter, Jieba) {
    pair_with(Segmenter::new(), extra)
}

fn pair_with(mut ours: Segmenter, extra: &[&str]) -> (Segmenter, Jieba) {
    let mut theirs = Jieba::new();
    for w in CIVIC_WORDS.iter().chain(extra) {
        if !ours.has_word(w) {
            ours.add_word(w);
        }
        if !theirs.has_word(w) {
            theirs.add_word(w, None, None);
        }
    }
    (ours, theirs)
}

/// Words of two or more characters in each CJK run of `text`, by both segmenters.
fn cut_both(ours: &Segmenter, theirs: &Jieba, text: &str) -> (Vec<String>, Vec<String>) {
    let norm = tokenize::normalize(text);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let mut scratch = Scratch::default();
    for run in tokenize::runs(&norm) {
        let Run::Cjk(run) = run else { continue };
        ours.cut(run, &mut scratch, |w| a.push(w.to_string()));
        b.extend(
            theirs
                .cut(run, true)
                .into_iter()
                .filter(|w| w.chars().count() >= 2)
                .map(str::to_string),
        );
    }
    (a, b)
}

fn assert_same(ours: &Segmenter, theirs: &Jieba, text: &str, what: &str) -> usize {
    let (a, b) = cut_both(ours, theirs, text);
    if a != b {
        let at = a
            .iter()
            .zip(&b)
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        panic!(
            "{what}: segmentation differs at word {at}: ours {:?}, jieba {:?}",
            &a[at..(at + 5).min(a.len())],
            &b[at..(at + 5).min(b.len())]
        );
    }
    a.len()
}

/// (path, text) of every Markdown file under `dir`.
fn markdown_under(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "md") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            out.push((entry.path().display().to_string(), text));
        }
    }
    out
}

/// The sample site's Markdown files.
fn sample_files() -> Vec<(String, String)> {
    let files = markdown_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"));
    assert!(files.len() > 20, "sample content not found");
    files
}

/// The sample's district and city names, as the build teaches them to the segmenter.
const SAMPLE_WORDS: &[&str] = &["湖滨区", "东城区", "西湾区", "明湖", "明湖市"];

#[test]
fn the_sample_site_segments_as_with_jieba() {
    let files = sample_files();
    let (ours, theirs) = pair(SAMPLE_WORDS);
    let words: usize = files
        .iter()
        .map(|(path, text)| assert_same(&ours, &theirs, text, path))
        .sum();
    assert!(words > 2000, "only {words} words compared");
}

#[test]
fn a_benchmark_corpus_segments_as_with_jieba() {
    let dir = tempfile::tempdir().unwrap();
    civic_bench::corpus::generate(dir.path(), 60, 7).unwrap();
    let files = markdown_under(dir.path());
    let (ours, theirs) = pair(&[]);
    for (path, text) in &files {
        assert_same(&ours, &theirs, text, path);
    }
}

#[test]
fn unknown_names_and_odd_characters_segment_as_with_jieba() {
    let (ours, theirs) = pair(&["李梅"]);
    for text in [
        "志愿者王小明和赵铁柱在二〇二六年参加了垃圾分类宣传活动",
        "疫情防控常态化下，社区网格员上门服务。",
        "𠀀𠀁中华人民共和国成立了，欧阳修和司马光",
        "李梅说：我们要把文明实践站办好！",
        "的的的的的",
        "一",
        "",
    ] {
        assert_same(&ours, &theirs, text, text);
    }
    // A name the dictionary lacks still comes out as one word (jieba's HMM).
    let (a, _) = cut_both(&ours, &theirs, "张晓燕把钱包还给了失主");
    assert!(a.iter().any(|w| w.starts_with("张")), "{a:?}");
}

#[test]
fn added_words_get_jiebas_frequencies() {
    // The same suggested frequency means the same cuts of text around the new words.
    let (ours, theirs) = pair(&["湖滨区", "文明小区", "青石镇", "河口乡"]);
    let text = "湖滨区青石镇河口乡的文明小区里，居民们讨论湖滨区文明小区的评选";
    assert_same(&ours, &theirs, text, text);
}

#[test]
fn the_dictionary_file_has_no_duplicate_words() {
    // `Segmenter::new` inserts without a look-up; a duplicate would keep the wrong frequency.
    let dict = include_str!("../../src/dictionary/jieba-dict.txt");
    let mut words: Vec<&str> = dict
        .lines()
        .filter_map(|l| l.split_ascii_whitespace().next())
        .collect();
    let n = words.len();
    words.sort_unstable();
    words.dedup();
    assert_eq!(words.len(), n);
    assert!(n > 340_000);
}

/// A segmenter loaded with the words of `text`'s characters only (as a build loads one).
fn for_text_of(text: &str) -> Segmenter {
    let mut chars = CharSet::default();
    chars.add_text(text);
    for w in CIVIC_WORDS {
        chars.add_text(w);
    }
    Segmenter::for_chars(chars)
}

#[test]
fn a_dictionary_cut_to_the_sites_characters_segments_the_same() {
    let files = sample_files();
    let all: String = files.iter().map(|(_, t)| t.as_str()).collect();
    let (ours, theirs) = pair_with(for_text_of(&all), SAMPLE_WORDS);
    assert!(format!("{ours:?}").contains("whole: false"));
    for (path, text) in &files {
        assert_same(&ours, &theirs, text, path);
    }
}

#[test]
fn text_beyond_the_loaded_characters_falls_back_to_the_whole_dictionary() {
    let site = "志愿者参加垃圾分类宣传活动，社区居民积极响应。";
    let (ours, theirs) = pair_with(for_text_of(site), &[]);
    // 餐饮, 浪费 and 粮食 have characters the site does not use: still cut as jieba cuts them.
    for text in [site, "餐饮行业反对浪费，节约粮食从我做起", "社区餐饮志愿者"]
    {
        assert_same(&ours, &theirs, text, text);
    }
    assert!(ours.has_word("粮食") && ours.has_word("志愿者"));
    assert!(!ours.has_word("粮食志愿者协会"));

    // Adding a word with new characters keeps the cuts identical too.
    let (mut ours, mut theirs) = pair_with(for_text_of(site), &[]);
    ours.add_word("鑫垚社区");
    theirs.add_word("鑫垚社区", None, None);
    let text = "鑫垚社区的志愿者参加垃圾分类宣传活动";
    assert_same(&ours, &theirs, text, text);
    assert!(
        cut_both(&ours, &theirs, text)
            .0
            .contains(&"鑫垚社区".to_string())
    );
}

#[test]
fn building_the_sample_site_keeps_to_the_words_of_its_own_characters() {
    // The build loads only the dictionary words its content and site.yaml can use; learning
    // the site's names and labels must not have to fall back to the whole dictionary.
    let out = tempfile::tempdir().unwrap();
    let options = civic::pipeline::BuildOptions {
        root: Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
        output: out.path().join("output"),
        base_url: None,
        drafts: false,
        date: "2026-11-25".parse().unwrap(),
        theme_dir: None,
    };
    let loaded = civic::pipeline::load(&options, &civic::markdown::Highlighter::default())
        .unwrap_or_else(|e| panic!("the sample site loads: {e:?}"));
    let indexer = format!("{:?}", loaded.indexer.expect("search is on in the sample"));
    assert!(indexer.contains("whole: false"), "{indexer}");
}
