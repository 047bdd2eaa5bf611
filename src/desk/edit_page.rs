//! The edit screen: the page's fields as a form beside the real preview of both twins, each
//! finding next to the field or line it concerns, the review sign-offs as buttons.

use super::document::Document;
use super::session::Session;
use super::views::{layout, problem, urlencode};
use crate::error::Problem;
use crate::escape::markup as esc;
use crate::messages::{Lang, Text};
use crate::review::{Level, State};
use crate::text;

/// Everything the edit screen shows.
pub struct EditView<'a> {
    pub file: &'a str,
    pub doc: &'a Document,
    /// The SHA-256 of the file as the form shows it: a save against another version is refused.
    pub base_sha: &'a str,
    pub problems: Vec<&'a Problem>,
    /// Preview addresses of the page and of its twin.
    pub previews: Vec<(Lang, String)>,
    /// For an English twin: the Chinese page's file and fields, shown beside each field.
    pub original: Option<(String, Document)>,
    /// The Chinese page's English twin, if it has one.
    pub twin: Option<String>,
    /// Choices for fields that have them (`category`: the site's role-model categories).
    pub choices: Vec<(&'static str, Vec<String>)>,
    pub review: Vec<(Level, State)>,
    pub notice: Option<Text>,
}

fn t(lang: Lang, text: Text) -> String {
    esc(&text.in_lang(lang))
}

pub fn edit(lang: Lang, session: &Session, v: &EditView) -> String {
    let fields_html = fields(lang, v);
    let line_of_body = v.doc.fields().last().map_or(1, |f| f.line + 2);
    let body_problems: String = v
        .problems
        .iter()
        .filter(|p| p.line.is_none_or(|l| l as usize >= line_of_body))
        .map(|p| problem(lang, p))
        .collect();
    let notice = v.notice.as_ref().map_or(String::new(), |n| {
        format!("<p class=\"ok\" role=\"status\">{}</p>", t(lang, n.clone()))
    });
    let blocking = v.problems.iter().filter(|p| p.is_error()).count();
    let save_note = if blocking > 0 {
        format!(
            "<p class=\"error\">{}</p>",
            t(lang, text!("desk-save-blocks", count = blocking))
        )
    } else {
        String::new()
    };
    let other = v.doc.other_lines();
    let other = if other.trim().is_empty() {
        String::new()
    } else {
        format!(
            "<details><summary>{}</summary><pre>{}</pre></details>",
            t(lang, text!("desk-other-fields")),
            esc(&other)
        )
    };
    let twin = match (&v.twin, &v.original) {
        (Some(en), _) => format!(
            "<p><a href=\"/desk/edit?file={}\">{}</a></p>",
            esc(&urlencode(en)),
            t(lang, text!("desk-edit-twin"))
        ),
        (None, Some((zh, _))) => format!(
            "<p><a href=\"/desk/edit?file={}\">{}</a></p>",
            esc(&urlencode(zh)),
            t(lang, text!("desk-edit-original"))
        ),
        (None, None) if v.file.ends_with(".en.md") => String::new(),
        (None, None) => format!(
            "<p class=\"warning\">{}</p><form method=\"post\" action=\"/desk/twin\"><input type=\"hidden\" name=\"csrf\" value=\"{}\"><input type=\"hidden\" name=\"file\" value=\"{}\"><label for=\"twin-title\">{}</label><input id=\"twin-title\" name=\"title\" lang=\"en\" required><p><button class=\"secondary\">{}</button></p></form>",
            t(lang, text!("desk-no-twin")),
            esc(&session.csrf),
            esc(v.file),
            t(lang, text!("desk-twin-title")),
            t(lang, text!("desk-twin-create"))
        ),
    };
    let body = format!(
        "<h2>{title}</h2><p><code>{file}</code></p>{notice}{twin}<div class=\"grid\"><section aria-labelledby=\"form-h\"><h3 id=\"form-h\">{form_h}</h3><form method=\"post\" action=\"/desk/save\"><input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><input type=\"hidden\" name=\"file\" value=\"{file}\"><input type=\"hidden\" name=\"base_sha\" value=\"{sha}\">{fields_html}{other}<label for=\"body\">{body_l}</label>{body_problems}{toolbar}<textarea id=\"body\" name=\"body\" lang=\"{page_lang}\">\n{body_text}</textarea>{save_note}<p><button>{save}</button></p></form>{upload}{actions}{review}</section><section aria-labelledby=\"preview-h\"><h3 id=\"preview-h\">{preview_h}</h3><input type=\"checkbox\" id=\"phone\"><label for=\"phone\" style=\"display:inline;font-weight:400\">{phone}</label><div id=\"draft-findings\" aria-live=\"polite\"></div><div class=\"previews\">{previews}</div></section></div>{picker}",
        title = esc(v.doc.value("title").unwrap_or(v.file)),
        file = esc(v.file),
        csrf = esc(&session.csrf),
        sha = esc(v.base_sha),
        form_h = t(lang, text!("desk-fields")),
        body_l = t(lang, text!("desk-body")),
        page_lang = if v.file.ends_with(".en.md") {
            "en"
        } else {
            "zh-CN"
        },
        body_text = esc(&v.doc.body),
        save = t(lang, text!("desk-save")),
        review = review(lang, session, v),
        actions = actions(lang, session, v.file),
        preview_h = t(lang, text!("desk-preview")),
        phone = t(lang, text!("desk-phone-frame")),
        previews = previews(lang, &v.previews),
        toolbar = super::toolbar::toolbar(lang),
        upload = super::toolbar::upload_panel(lang, v.file),
        picker = super::toolbar::page_picker(lang),
    );
    layout(
        lang,
        v.doc.value("title").unwrap_or(v.file),
        Some(session),
        &body,
    )
}

fn fields(lang: Lang, v: &EditView) -> String {
    let mut out = String::new();
    for f in v.doc.fields() {
        let id = format!("f-{}", f.key);
        let here: String = v
            .problems
            .iter()
            .filter(|p| p.line == Some(f.line as u32))
            .map(|p| problem(lang, p))
            .collect();
        let required = f.key == "title";
        let input = match v.choices.iter().find(|(k, _)| *k == f.key) {
            Some((_, options)) => {
                let opts: String = options
                    .iter()
                    .map(|o| {
                        let sel = if o == f.value { " selected" } else { "" };
                        format!("<option{sel}>{}</option>", esc(o))
                    })
                    .collect();
                format!(
                    "<select id=\"{id}\" name=\"field.{}\">{opts}</select>",
                    f.key
                )
            }
            None => {
                let kind = if matches!(f.key, "date" | "start" | "end" | "updated")
                    && jiff::civil::Date::strptime("%Y-%m-%d", f.value).is_ok()
                {
                    "date"
                } else {
                    "text"
                };
                format!(
                    "<input id=\"{id}\" name=\"field.{}\" type=\"{kind}\" value=\"{}\"{}{}>",
                    f.key,
                    esc(f.value),
                    if required {
                        " required aria-required=\"true\""
                    } else {
                        ""
                    },
                    if here.is_empty() {
                        ""
                    } else {
                        " aria-invalid=\"true\""
                    }
                )
            }
        };
        let original = v
            .original
            .as_ref()
            .and_then(|(_, d)| d.value(f.key))
            .map_or(String::new(), |zh| {
                format!(
                    "<p class=\"original\" lang=\"zh-CN\">{}{}</p>",
                    t(lang, text!("desk-original")),
                    esc(zh)
                )
            });
        let mark = if required { " *" } else { "" };
        out.push_str(&format!(
            "<label for=\"{id}\">{}{mark}</label>{original}{here}{input}",
            esc(f.key)
        ));
    }
    out
}

/// Duplicate and delete (to the trash, from where the file can be moved back).
fn actions(lang: Lang, session: &Session, file: &str) -> String {
    let button = |action: &str, label: Text, class: &str| {
        format!(
            "<form method=\"post\" action=\"/desk/{action}\" style=\"display:inline-block;margin-right:1em\"><input type=\"hidden\" name=\"csrf\" value=\"{}\"><input type=\"hidden\" name=\"file\" value=\"{}\"><button class=\"{class}\">{}</button></form>",
            esc(&session.csrf),
            esc(file),
            t(lang, label)
        )
    };
    format!(
        "<div>{}{}</div>",
        button("duplicate", text!("desk-duplicate"), "secondary"),
        button("delete", text!("desk-delete"), "secondary")
    )
}

fn previews(lang: Lang, previews: &[(Lang, String)]) -> String {
    previews
        .iter()
        .map(|(l, url)| {
            let name = t(lang, text!("desk-preview-lang", lang = l.code()));
            format!(
                "<figure><figcaption>{name}</figcaption><iframe src=\"{url}\" data-url=\"{url}\" title=\"{name}\"></iframe></figure>",
                url = esc(url)
            )
        })
        .collect()
}

fn review(lang: Lang, session: &Session, v: &EditView) -> String {
    if v.review.is_empty() {
        return String::new();
    }
    let mut out = format!("<h3>{}</h3><ul>", t(lang, text!("desk-review")));
    for (level, state) in &v.review {
        let (said, can_sign) = match state {
            State::Signed(s) => (
                text!(
                    "desk-review-signed",
                    level = level.label(),
                    name = s.name.as_str(),
                    date = s.date.to_string()
                ),
                false,
            ),
            _ => (text!("desk-review-awaiting", level = level.label()), true),
        };
        let allowed = session.can(super::accounts::Role::reviewer_of(*level));
        let button = if can_sign && allowed {
            format!(
                "<form method=\"post\" action=\"/desk/sign\" style=\"display:inline\"><input type=\"hidden\" name=\"csrf\" value=\"{}\"><input type=\"hidden\" name=\"file\" value=\"{}\"><input type=\"hidden\" name=\"level\" value=\"{}\"> <button>{}</button></form>",
                esc(&session.csrf),
                esc(v.file),
                level.get(),
                t(lang, text!("desk-sign", level = level.label()))
            )
        } else {
            String::new()
        };
        out.push_str(&format!("<li>{}{button}</li>", t(lang, said)));
    }
    out.push_str("</ul>");
    out
}
