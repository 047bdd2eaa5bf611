//! The Markdown bodies of the documents: paragraphs, headings, lists and quotes up to a target
//! length, links to other generated pages, and the occasional code block.

use super::vocabulary::{
    EN_HEADINGS, EN_LIST_ITEMS, EN_OBJECTS, EN_OPENERS, EN_SUBJECTS, EN_TAILS, EN_VERBS, QUOTES,
    ZH_HEADINGS, ZH_LIST_ITEMS, ZH_OBJECTS, ZH_OPENERS, ZH_SUBJECTS, ZH_TAILS, ZH_VERBS,
};
use super::{Meta, Rng, capitalize};
use std::fmt::Write as _;

fn link_path(m: &Meta) -> String {
    format!("../{}/{}.md", m.kind.dir(), m.slug)
}

const CODE_TEXT: &str = "```text\n明湖市文明办 志愿服务热线\n服务时间：周一至周五 9:00-17:00\n地址：湖滨区文明路 1 号\n```\n";
const CODE_RUST: &str = "```rust\n/// Counts volunteer hours per district.\nfn total_hours(records: &[(String, u32)]) -> u32 {\n    records.iter().map(|(_, h)| h).sum()\n}\n```\n";

fn zh_sentence(r: &mut Rng, out: &mut String) {
    out.push_str(r.pick(&ZH_OPENERS));
    out.push_str(r.pick(&ZH_SUBJECTS));
    out.push_str(r.pick(&ZH_VERBS));
    out.push_str(r.pick(&ZH_OBJECTS));
    out.push('，');
    out.push_str(r.pick(&ZH_TAILS));
    out.push('。');
}

fn zh_paragraph(r: &mut Rng, out: &mut String) -> usize {
    let before = out.len();
    for _ in 0..r.range(2, 4) {
        zh_sentence(r, out);
    }
    out.push_str("\n\n");
    out[before..].chars().count()
}

pub(super) fn zh_body(
    r: &mut Rng,
    metas: &[Meta],
    links: &[usize],
    target: usize,
    code: bool,
) -> String {
    let mut out = String::with_capacity(target * 4);
    let mut chars = zh_paragraph(r, &mut out);
    let mut headings: Vec<usize> = Vec::new();
    let mut section = 0;
    while chars < target {
        // A new heading every few paragraphs; no heading repeats within a page.
        if section % 2 == 0 && headings.len() < ZH_HEADINGS.len() {
            let mut h = r.below(ZH_HEADINGS.len());
            while headings.contains(&h) {
                h = (h + 1) % ZH_HEADINGS.len();
            }
            headings.push(h);
            let before = out.len();
            let _ = write!(out, "## {}\n\n", ZH_HEADINGS[h]);
            chars += out[before..].chars().count();
        }
        let before = out.len();
        match r.below(6) {
            0 => {
                let (start, step) = (r.below(ZH_LIST_ITEMS.len()), r.pick(&[1usize, 5, 7]));
                for n in 0..r.range(3, 5) {
                    let item = ZH_LIST_ITEMS[(start + n * step) % ZH_LIST_ITEMS.len()];
                    let _ = writeln!(out, "- {item}");
                }
                out.push('\n');
            }
            1 => {
                let (qz, _) = r.pick(&QUOTES);
                let _ = write!(out, "> {qz}\n\n");
            }
            _ => {
                zh_paragraph(r, &mut out);
            }
        }
        chars += out[before..].chars().count();
        section += 1;
    }
    if !links.is_empty() {
        out.push_str("延伸阅读：");
        for (n, &j) in links.iter().enumerate() {
            if n > 0 {
                out.push('、');
            }
            let _ = write!(out, "[{}]({})", metas[j].title_zh, link_path(&metas[j]));
        }
        out.push_str("。\n");
    }
    if code {
        out.push('\n');
        out.push_str(if r.chance(50) { CODE_TEXT } else { CODE_RUST });
    }
    out
}

fn en_sentence(r: &mut Rng, out: &mut String) -> usize {
    let opener = r.pick(&EN_OPENERS);
    let subject = r.pick(&EN_SUBJECTS);
    let before = out.len();
    if opener.is_empty() {
        out.push_str(&capitalize(subject));
    } else {
        out.push_str(opener);
        out.push_str(subject);
    }
    out.push(' ');
    out.push_str(r.pick(&EN_VERBS));
    out.push(' ');
    out.push_str(r.pick(&EN_OBJECTS));
    out.push_str(", ");
    out.push_str(r.pick(&EN_TAILS));
    out.push_str(". ");
    out[before..].split_whitespace().count()
}

fn en_paragraph(r: &mut Rng, out: &mut String) -> usize {
    let mut words = 0;
    for _ in 0..r.range(2, 4) {
        words += en_sentence(r, out);
    }
    out.pop();
    out.push_str("\n\n");
    words
}

pub(super) fn en_body(
    r: &mut Rng,
    metas: &[Meta],
    links: &[usize],
    target: usize,
    code: bool,
) -> String {
    let mut out = String::with_capacity(target * 8);
    let mut words = en_paragraph(r, &mut out);
    let mut headings: Vec<usize> = Vec::new();
    let mut section = 0;
    while words < target {
        if section % 2 == 0 && headings.len() < EN_HEADINGS.len() {
            let mut h = r.below(EN_HEADINGS.len());
            while headings.contains(&h) {
                h = (h + 1) % EN_HEADINGS.len();
            }
            headings.push(h);
            let _ = write!(out, "## {}\n\n", EN_HEADINGS[h]);
            words += 1 + EN_HEADINGS[h].split_whitespace().count();
        }
        match r.below(6) {
            0 => {
                let (start, step) = (r.below(EN_LIST_ITEMS.len()), r.pick(&[1usize, 5, 7]));
                for n in 0..r.range(3, 5) {
                    let item = EN_LIST_ITEMS[(start + n * step) % EN_LIST_ITEMS.len()];
                    let _ = writeln!(out, "- {item}");
                    words += 1 + item.split_whitespace().count();
                }
                out.push('\n');
            }
            1 => {
                let (_, qe) = r.pick(&QUOTES);
                let _ = write!(out, "> {qe}\n\n");
                words += 1 + qe.split_whitespace().count();
            }
            _ => words += en_paragraph(r, &mut out),
        }
        section += 1;
    }
    if !links.is_empty() {
        out.push_str("See also: ");
        for (n, &j) in links.iter().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "[{}]({})", metas[j].title_en, link_path(&metas[j]));
        }
        out.push_str(".\n");
    }
    if code {
        out.push('\n');
        out.push_str(if r.chance(50) { CODE_TEXT } else { CODE_RUST });
    }
    out
}
