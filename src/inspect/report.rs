//! The inspection report of `civic check --inspection`: every finding grouped by the
//! inspection's items, Chinese first and English under it, as text for the terminal and as a
//! printable HTML page an office files with its monthly self-check.

use super::Item;
use crate::error::Problem;
use crate::escape::markup;
use crate::messages::Lang;

/// What the report is about: the site's name and the date it was checked on.
pub struct Header<'a> {
    pub site: &'a str,
    pub date: String,
}

fn grouped(problems: &[Problem]) -> Vec<(Item, Vec<&Problem>)> {
    Item::ALL
        .iter()
        .map(|item| {
            (
                *item,
                problems
                    .iter()
                    .filter(|p| Item::of(p.code) == *item)
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

fn counts(list: &[&Problem]) -> (i64, i64) {
    let errors = list.iter().filter(|p| super::is_veto(p)).count();
    (errors as i64, (list.len() - errors) as i64)
}

fn verdict(problems: &[Problem]) -> crate::messages::Text {
    if problems.iter().any(super::is_veto) {
        crate::text!("inspect-verdict-fail")
    } else {
        crate::text!("inspect-verdict-pass")
    }
}

/// Both languages of a message, Chinese first.
fn both(t: &crate::messages::Text) -> (String, String) {
    (t.in_lang(Lang::Zh), t.in_lang(Lang::En))
}

/// The report as text.
pub fn text(header: &Header<'_>, problems: &[Problem]) -> String {
    let title = crate::text!(
        "inspect-report-title",
        site = header.site,
        date = header.date.as_str()
    );
    let (zh, en) = both(&title);
    let mut out = format!("{zh}\n{en}\n\n");
    for (item, list) in grouped(problems) {
        let (errors, warnings) = counts(&list);
        let (zh, en) = both(&item.heading());
        let (czh, cen) = both(&crate::text!(
            "inspect-item-counts",
            errors = errors,
            warnings = warnings
        ));
        out.push_str(&format!("■ {zh} / {en} — {czh} / {cen}\n"));
        for p in list {
            let (mzh, men) = both(&p.message);
            out.push_str(&format!(
                "  [{}] {}  {}\n",
                p.severity.as_str(),
                p.location(),
                p.code
            ));
            out.push_str(&format!("      {mzh}\n      {men}\n"));
            if let Some(h) = &p.help {
                let (hzh, hen) = both(h);
                out.push_str(&format!("      → {hzh}\n      → {hen}\n"));
            }
        }
        out.push('\n');
    }
    let (zh, en) = both(&verdict(problems));
    out.push_str(&format!("{zh}\n{en}\n"));
    out
}

/// The report as a printable HTML page (zh-CN, English under each line).
pub fn html(header: &Header<'_>, problems: &[Problem]) -> String {
    let title = crate::text!(
        "inspect-report-title",
        site = header.site,
        date = header.date.as_str()
    );
    let (tzh, ten) = both(&title);
    let mut body = String::new();
    for (item, list) in grouped(problems) {
        let (errors, warnings) = counts(&list);
        let (zh, en) = both(&item.heading());
        let (czh, cen) = both(&crate::text!(
            "inspect-item-counts",
            errors = errors,
            warnings = warnings
        ));
        body.push_str(&format!(
            "<section><h2>{} <small>{}</small></h2>\n<p class=\"counts\">{} · {}</p>\n",
            markup(&zh),
            markup(&en),
            markup(&czh),
            markup(&cen)
        ));
        if !list.is_empty() {
            body.push_str("<table><thead><tr><th>级别</th><th>位置 Location</th><th>问题 Finding</th><th>处理 What to do</th></tr></thead><tbody>\n");
            for p in list {
                body.push_str(&row(p));
            }
            body.push_str("</tbody></table>\n");
        }
        body.push_str("</section>\n");
    }
    let (vzh, ven) = both(&verdict(problems));
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>{t}</title>\n<style>{STYLE}</style></head>\n<body>\n<h1>{t}<br><small>{e}</small></h1>\n{body}<p class=\"verdict\">{vzh}<br><small>{ven}</small></p>\n<p class=\"sign\">自查人：________　　日期：________　　审核人：________</p>\n</body></html>\n",
        t = markup(&tzh),
        e = markup(&ten),
        vzh = markup(&vzh),
        ven = markup(&ven),
    )
}

fn row(p: &Problem) -> String {
    let (mzh, men) = both(&p.message);
    let (hzh, hen) = p.help.as_ref().map(|h| both(h)).unwrap_or_default();
    let level = if super::is_veto(p) {
        "否决/错误"
    } else {
        "扣分/警告"
    };
    format!(
        "<tr class=\"{}\"><td>{level}</td><td><code>{}</code><br><small>{}</small></td><td>{}<br><small>{}</small></td><td>{}<br><small>{}</small></td></tr>\n",
        p.severity.as_str(),
        markup(&p.location()),
        p.code,
        markup(&mzh),
        markup(&men),
        markup(&hzh),
        markup(&hen)
    )
}

const STYLE: &str = "body{font-family:'Songti SC','SimSun',serif;margin:2em;}h1{font-size:1.5em;text-align:center}\
h2{font-size:1.15em;border-bottom:1px solid #000}small{color:#444;font-weight:normal}\
table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border:1px solid #000;padding:.3em;vertical-align:top}\
tr.error td:first-child{font-weight:bold}.verdict{font-weight:bold;margin-top:2em}.sign{margin-top:3em}\
@media print{body{margin:1cm}section{break-inside:avoid-page}}";
