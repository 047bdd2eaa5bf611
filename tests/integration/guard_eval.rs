//! Recall of the guard on attacks written from brands and templates its rules never saw
//! (`tests/guard-eval/heldout/`), next to the half they were written from (`dev/`). Every
//! template is injected into real text as an attacker injects it: as the title, in the body, in
//! front matter, link and alt text, disguised, or in place of a name throughout the text. The
//! real text is `../shared/realtext/` when present (public state documents), else the sample
//! site's news. `cargo test --test guard_eval -- --nocapture` prints recall per class.

use crate::common;

use civic::guard::{Finding, Severity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Recall floors: held-out as measured when the rules were written (docs/guard.md), dev higher.
const HELDOUT_FLOOR: f64 = 0.90;
const DEV_FLOOR: f64 = 0.95;
/// Brands of each kind used per template (round robin over the half's list).
const BRANDS_PER_TEMPLATE: usize = 4;

pub struct Half {
    zh: Vec<String>,
    latin: Vec<String>,
    attacks: Vec<(String, String)>,
}

fn eval_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/guard-eval")
}

pub fn load(half: &str) -> Half {
    let read = |name: &str| {
        std::fs::read_to_string(eval_dir().join(half).join(name)).expect("eval file readable")
    };
    let lines = |text: String| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    };
    let brands = lines(read("brands.txt"));
    let of_kind = |kind: &str| -> Vec<String> {
        brands
            .iter()
            .filter_map(|l| l.strip_prefix(kind).map(|b| b.trim().to_string()))
            .collect()
    };
    let attacks = lines(read("attacks.txt"))
        .into_iter()
        .filter_map(|l| {
            let (class, template) = l.split_once(" | ")?;
            Some((class.trim().to_string(), template.trim().to_string()))
        })
        .collect();
    Half {
        zh: of_kind("zh "),
        latin: of_kind("latin "),
        attacks,
    }
}

/// Honest real paragraphs, about 1,200 characters each: every 25th real text, or the sample
/// site's news when the real texts are absent.
pub fn real_texts() -> Vec<String> {
    let realtext = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/realtext");
    let mut files: Vec<PathBuf> = if realtext.is_dir() {
        walkdir::WalkDir::new(&realtext)
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| e.into_path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect()
    } else {
        let news = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/news");
        std::fs::read_dir(news)
            .expect("sample news")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.to_string_lossy().ends_with(".md") && !p.to_string_lossy().ends_with(".en.md")
            })
            .collect()
    };
    files.sort();
    let step = if files.len() > 100 { 25 } else { 1 };
    files
        .iter()
        .step_by(step)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|text| {
            let body = common::guard::body_of(&text);
            let mut out = String::new();
            for line in body
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                if out.chars().count() > 1200 {
                    break;
                }
                out.push_str(line);
                out.push_str("\n\n");
            }
            out
        })
        .filter(|t| t.chars().count() > 200)
        .collect()
}

const ENGLISH: &str = "Volunteers from the Hubin District cleaned the riverside park on Saturday morning. \
The city thanks everyone who joined the campaign and reminds residents that the new waste-sorting rules \
take effect next month.\n\nThe community centre offers free classes for older residents every week.\n";

fn page(title: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2026-11-20\n{extra}---\n\n{body}")
}

/// Insert `sentence` after the first full stop of `text` (or at its start).
fn paste(text: &str, sentence: &str) -> String {
    match text.find('。') {
        Some(i) => format!(
            "{}{sentence}{}",
            &text[..i + '。'.len_utf8()],
            &text[i + '。'.len_utf8()..]
        ),
        None => format!("{sentence}\n\n{text}"),
    }
}

fn disguise(how: &str, phrase: &str) -> String {
    match how {
        "spaced" => phrase.chars().map(|c| format!("{c} ")).collect(),
        "zerowidth" => phrase.chars().map(|c| format!("{c}\u{200b}")).collect(),
        "fullwidth" => phrase
            .chars()
            .map(|c| match c {
                '!'..='~' => char::from_u32(c as u32 + 0xfee0).unwrap_or(c),
                _ => c,
            })
            .collect(),
        "entities" => phrase
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    c.to_string()
                } else {
                    format!("&#{};", c as u32)
                }
            })
            .collect(),
        _ => phrase.to_string(),
    }
}

/// The attack page for one class and filled template, built on `real` text.
fn attack_page(class: &str, attack: &str, latin: &str, real: &str) -> Option<String> {
    Some(match class {
        "substitution" => {
            let name = ["中华人民共和国", "国务院", "人民政府", "明湖市"]
                .into_iter()
                .max_by_key(|n| real.matches(n).count())?;
            if real.matches(name).count() < 2 {
                return None;
            }
            page(
                &format!("{attack}工作报告"),
                "",
                &real.replace(name, attack),
            )
        }
        "seo-title" => page(attack, "", &format!("# {attack}\n\n{real}")),
        "brand-run" => page("工作动态", "", &paste(real, attack)),
        "front-matter" => {
            let (field, value) = attack.split_once(": ")?;
            match field {
                "title" => page(value, "", real),
                "summary" => page("工作动态", &format!("summary: {value}\n"), real),
                "tags" => page("工作动态", &format!("tags: {value}\n"), real),
                "alt" => page(
                    "工作动态",
                    "",
                    &format!("{real}![{value}](/images/a.jpg)\n"),
                ),
                "link" => page(
                    "工作动态",
                    "",
                    &format!("{real}[{value}](https://{latin}.com/)\n"),
                ),
                _ => return None,
            }
        }
        "disguise" => {
            let (how, phrase) = attack.split_once(": ")?;
            page(
                "工作动态",
                "",
                &paste(real, &format!("{}。", disguise(how, phrase))),
            )
        }
        "english" => page("Community news", "", &format!("{ENGLISH}\n{attack}\n")),
        "hidden" => page("工作动态", "", &format!("{real}\n{attack}\n")),
        _ => return None,
    })
}

fn errors(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

/// The attack pages of a half: (class, page), each template filled with brands of the half and
/// injected into a real text.
pub fn attack_pages(half: &Half, real: &[String]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut k = 0;
    for (class, template) in &half.attacks {
        for b in 0..BRANDS_PER_TEMPLATE {
            k += 1;
            let zh = &half.zh[(k + b) % half.zh.len()];
            let latin = &half.latin[(k * 3 + b) % half.latin.len()];
            let attack = template.replace("{zh}", zh).replace("{latin}", latin);
            if let Some(text) = attack_page(class, &attack, latin, &real[k % real.len()]) {
                out.push((format!("{class}: {attack}"), text));
            }
        }
    }
    out
}

/// Recall per class: (caught, total), and the missed pages' first lines.
fn recall(half: &Half, real: &[String]) -> (BTreeMap<String, (usize, usize)>, Vec<String>) {
    let guard = common::guard::minghu_guard();
    let mut by_class: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    for (name, text) in attack_pages(half, real) {
        let class = name.split(':').next().unwrap_or("").to_string();
        let entry = by_class.entry(class).or_default();
        entry.1 += 1;
        if errors(&common::guard::scan_markdown_page(guard, &text)).is_empty() {
            missed.push(name);
        } else {
            entry.0 += 1;
        }
    }
    (by_class, missed)
}

fn report(name: &str, by_class: &BTreeMap<String, (usize, usize)>) -> f64 {
    let (caught, total) = by_class
        .values()
        .fold((0, 0), |(c, t), &(cc, tt)| (c + cc, t + tt));
    let per_class: Vec<String> = by_class
        .iter()
        .map(|(k, (c, t))| format!("{k} {c}/{t}"))
        .collect();
    let overall = caught as f64 / total.max(1) as f64;
    println!(
        "guard recall, {name}: {caught}/{total} = {:.1}% ({})",
        100.0 * overall,
        per_class.join(", ")
    );
    overall
}

#[test]
fn the_real_texts_used_as_carriers_are_clean() {
    let guard = common::guard::minghu_guard();
    for text in real_texts() {
        let page = page("工作动态", "", &text);
        let found = errors(&common::guard::scan_markdown_page(guard, &page))
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>();
        assert!(
            found.is_empty(),
            "honest carrier blocked: {found:?}\n{text}"
        );
    }
}

#[test]
fn held_out_attacks_are_caught() {
    let real = real_texts();
    let (dev, dev_missed) = recall(&load("dev"), &real);
    let (heldout, missed) = recall(&load("heldout"), &real);
    let dev_recall = report("dev (rules written from it)", &dev);
    let heldout_recall = report("held out (never seen)", &heldout);
    // Held-out misses are counted, never listed: rules are fixed from the dev misses only.
    for m in &dev_missed {
        println!("missed (dev): {m}");
    }
    assert!(
        dev_recall >= DEV_FLOOR,
        "dev recall {dev_recall:.3} < {DEV_FLOOR}; missed:\n{}",
        dev_missed.join("\n")
    );
    assert!(
        heldout_recall >= HELDOUT_FLOOR,
        "held-out recall {heldout_recall:.3} < {HELDOUT_FLOOR} ({} missed)",
        missed.len()
    );
}

#[test]
fn held_out_brands_are_not_listed_words() {
    let guard = common::guard::minghu_guard();
    let half = load("heldout");
    for brand in half.zh.iter().chain(&half.latin) {
        use civic::evidence::Signal;
        let listed: Vec<Signal> = guard
            .source_signals(&format!("{brand}。"))
            .into_iter()
            .map(|(s, _)| s)
            .filter(|s| {
                matches!(
                    s,
                    Signal::ListedWord | Signal::KnownBrand | Signal::StrongWord
                )
            })
            .collect();
        assert!(
            listed.is_empty(),
            "held-out brand {brand} is a listed word: {listed:?}"
        );
    }
}

/// Every finding for one text: `GUARD_PROBE='…' cargo test --test guard_eval probe -- --ignored --nocapture`.
#[test]
#[ignore]
fn probe() {
    let text = std::env::var("GUARD_PROBE").unwrap_or_default();
    for f in common::guard::scan_markdown_page(common::guard::minghu_guard(), &text) {
        println!("{f} {:?}", f.signals);
    }
}
