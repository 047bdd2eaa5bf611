//! The 发布审核登记表: a printable HTML page (Chinese) listing every page of a build, who signed
//! it at each level and when, its state, and the findings each level saw when signing.

use super::{PageReview, State};
use crate::escape::markup;
use crate::messages::Lang;

pub fn html(site_title: &str, date: &str, reviews: &[PageReview]) -> String {
    let levels = reviews.first().map_or(3, |r| r.levels.len());
    let mut head = String::from("<tr><th>序号</th><th>页面文件</th><th>标题</th>");
    for l in 1..=levels as u8 {
        if let Some(level) = super::Level::new(l) {
            head.push_str(&format!(
                "<th>{}</th>",
                markup(&level.label().in_lang(Lang::Zh))
            ));
        }
    }
    head.push_str("<th>状态</th></tr>");
    let mut rows = String::new();
    for (i, r) in reviews.iter().enumerate() {
        rows.push_str(&format!(
            "<tr><td>{}</td><td><code>{}</code></td><td>{}</td>",
            i + 1,
            markup(&r.file),
            markup(&r.title)
        ));
        for (_, state) in &r.levels {
            rows.push_str(&cell(state));
        }
        let status = if r.complete() {
            "已三审，可发布"
        } else {
            "待审核，不得发布"
        };
        rows.push_str(&format!("<td>{status}</td></tr>\n"));
    }
    let signed = reviews.iter().filter(|r| r.complete()).count();
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>{t}发布审核登记表</title>\n<style>{STYLE}</style></head>\n<body>\n<h1>{t}<br>发布审核登记表</h1>\n<p>登记日期：{d}　　页面总数：{n}　　已完成三审：{signed}</p>\n<table><thead>{head}</thead><tbody>\n{rows}</tbody></table>\n<p class=\"sign\">网站主办单位（盖章）：____________　　分管领导签字：____________</p>\n</body></html>\n",
        t = markup(site_title),
        d = markup(date),
        n = reviews.len(),
    )
}

fn cell(state: &State) -> String {
    let (s, note) = match state {
        State::Signed(s) => (s, ""),
        State::Stale(s) => (s, "<br><b>已修改，需重新签审</b>"),
        State::Missing => return "<td class=\"missing\">未签审</td>".to_string(),
    };
    let findings = if s.findings.is_empty() {
        "签审时无检查问题".to_string()
    } else {
        s.findings
            .iter()
            .map(|f| markup(f))
            .collect::<Vec<_>>()
            .join("<br>")
    };
    format!(
        "<td>{}　{}{note}<br><small>SHA-256 {}…</small><br><small>{}</small></td>",
        markup(&s.name),
        s.date,
        &s.sha256.get(..12).unwrap_or(&s.sha256),
        findings
    )
}

const STYLE: &str = "body{font-family:'Songti SC','SimSun',serif;margin:2em}h1{text-align:center;font-size:1.4em}\
table{border-collapse:collapse;width:100%;font-size:.85em}td,th{border:1px solid #000;padding:.3em;vertical-align:top}\
td.missing{color:#a00;font-weight:bold}small{color:#444}.sign{margin-top:3em}@media print{body{margin:1cm}}";
