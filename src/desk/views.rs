//! The desk's screens as HTML: plain forms that work without scripts, large type, every word
//! from the message catalogue (`messages/*/desk.ftl`) in the reader's language.

use super::session::Session;
use crate::escape::markup as esc;
use crate::messages::{Lang, Text};
use crate::text;

const STYLE: &str = "body{font:18px/1.6 system-ui,'PingFang SC','Microsoft YaHei',sans-serif;margin:0;color:#1a1a1a;background:#f6f6f4}\
header{background:#8b1a1a;color:#fff;padding:.6em 1em;display:flex;gap:1em;align-items:center;flex-wrap:wrap}\
header a,header button{color:#fff}header h1{font-size:1.2em;margin:0;flex:1}\
main{padding:1em;max-width:110em;margin:auto}table{border-collapse:collapse;width:100%;background:#fff}\
th,td{border:1px solid #ccc;padding:.4em .6em;text-align:left;vertical-align:top}\
label{display:block;font-weight:600;margin-top:.8em}input,select,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.4em;border:2px solid #666;border-radius:4px}\
textarea{min-height:24em}button{font:inherit;padding:.5em 1.2em;border:2px solid #8b1a1a;background:#8b1a1a;color:#fff;border-radius:4px;cursor:pointer}\
button.secondary{background:#fff;color:#8b1a1a}.error{color:#a00000}.warning{color:#7a4d00}.ok{color:#0a6b2d}\
.problem{border-left:4px solid #a00000;padding:.2em .6em;margin:.3em 0;background:#fff}.problem.warning{border-color:#b06d00}\
.grid{display:grid;grid-template-columns:minmax(22em,1fr) minmax(22em,1.2fr);gap:1.5em}\
.previews{display:flex;gap:1em;flex-wrap:wrap}.previews iframe{border:2px solid #666;background:#fff;width:100%;height:40em}\
.previews figure{flex:1;min-width:20em;margin:0}#phone:checked~.previews iframe{width:390px;height:780px}\
.toolbar{display:flex;flex-wrap:wrap;gap:.4em;margin:.3em 0}.toolbar button{padding:.3em .8em}\
dialog{max-width:40em;width:90%;border:2px solid #666;border-radius:6px}dialog::backdrop{background:rgba(0,0,0,.4)}\
.drop{border:2px dashed #666;padding:.6em;margin-top:.6em;background:#fff}.drop.over{border-color:#1f5fbf;background:#eef4ff}\
.original{color:#444;font-size:.9em;margin:.2em 0}.states span{display:inline-block;margin-right:.4em}\
:focus-visible{outline:3px solid #1f5fbf;outline-offset:2px}@media(max-width:60em){.grid{grid-template-columns:1fr}}";

fn t(lang: Lang, text: Text) -> String {
    esc(&text.in_lang(lang))
}

/// A whole page: the header with the user and sign-out, then `body`.
pub fn layout(lang: Lang, title: &str, session: Option<&Session>, body: &str) -> String {
    let user = session.map_or(String::new(), |s| {
        format!(
            "<span>{}</span><form method=\"post\" action=\"/desk/logout\"><input type=\"hidden\" name=\"csrf\" value=\"{}\"><button class=\"secondary\">{}</button></form>",
            t(lang, text!("desk-signed-in-as", name = s.user.as_str())),
            esc(&s.csrf),
            t(lang, text!("desk-sign-out"))
        )
    });
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title} · {desk}</title><style>{STYLE}</style><script src=\"/desk/desk.js\" defer></script></head><body><header><h1><a href=\"/desk/\">{desk}</a></h1><a href=\"/desk/publish\">{publish}</a>{user}</header><main id=\"main\">{body}</main></body></html>\n",
        code = lang.code(),
        title = esc(title),
        desk = t(lang, text!("desk-title")),
        publish = t(lang, text!("desk-publish")),
    )
}

pub fn login(lang: Lang, message: Option<&Text>) -> String {
    let message = message.map_or(String::new(), |m| {
        format!(
            "<p class=\"error\" role=\"alert\">{}</p>",
            t(lang, m.clone())
        )
    });
    let body = format!(
        "<h2>{heading}</h2>{message}<form method=\"post\" action=\"/desk/login\" style=\"max-width:28em\"><label for=\"name\">{name}</label><input id=\"name\" name=\"name\" autocomplete=\"username\" required><label for=\"password\">{password}</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required><p><button>{submit}</button></p></form>",
        heading = t(lang, text!("desk-sign-in")),
        name = t(lang, text!("desk-account-name")),
        password = t(lang, text!("desk-password")),
        submit = t(lang, text!("desk-sign-in")),
    );
    layout(lang, &text!("desk-sign-in").in_lang(lang), None, &body)
}

/// One row of the content list.
pub struct Item {
    pub file: String,
    pub title: String,
    pub section: String,
    pub states: Vec<Text>,
}

/// What the list is narrowed to, and the sections to choose from.
pub struct Search<'a> {
    pub q: &'a str,
    pub section: &'a str,
    pub sections: &'a [String],
    pub notice: Option<Text>,
    /// The site's errors, when the last change left any.
    pub banner: String,
}

fn search_form(lang: Lang, search: &Search) -> String {
    let mut options = format!(
        "<option value=\"\">{}</option>",
        t(lang, text!("desk-all-sections"))
    );
    for s in search.sections {
        let sel = if s == search.section { " selected" } else { "" };
        options.push_str(&format!("<option{sel}>{}</option>", esc(s)));
    }
    let notice = search.notice.as_ref().map_or(String::new(), |n| {
        format!("<p class=\"ok\" role=\"status\">{}</p>", t(lang, n.clone()))
    });
    format!(
        "{notice}{banner}<form method=\"get\" action=\"/desk/\" role=\"search\" style=\"display:flex;gap:1em;align-items:end;flex-wrap:wrap;margin:1em 0\"><div style=\"flex:1\"><label for=\"q\">{find}</label><input id=\"q\" name=\"q\" type=\"search\" value=\"{q}\"></div><div><label for=\"section\">{section}</label><select id=\"section\" name=\"section\">{options}</select></div><button class=\"secondary\">{go}</button></form>",
        banner = search.banner,
        find = t(lang, text!("desk-search")),
        q = esc(search.q),
        section = t(lang, text!("desk-column-section")),
        go = t(lang, text!("desk-search-go")),
    )
}

pub fn list(
    lang: Lang,
    session: &Session,
    items: &[Item],
    kinds: &[&str],
    search: &Search,
) -> String {
    let mut rows = String::new();
    for i in items {
        let states: String = i
            .states
            .iter()
            .map(|s| format!("<span>{}</span>", t(lang, s.clone())))
            .collect();
        rows.push_str(&format!(
            "<tr><td>{}</td><td><a href=\"/desk/edit?file={}\">{}</a></td><td class=\"states\">{states}</td><td><code>{}</code></td></tr>",
            esc(&i.section),
            esc(&urlencode(&i.file)),
            esc(&i.title),
            esc(&i.file)
        ));
    }
    let options: String = kinds
        .iter()
        .map(|k| format!("<option value=\"{k}\">{}</option>", t(lang, kind_name(k))))
        .collect();
    let body = format!(
        "<h2>{heading}</h2><form method=\"post\" action=\"/desk/new\" style=\"display:flex;gap:1em;align-items:end;flex-wrap:wrap\"><input type=\"hidden\" name=\"csrf\" value=\"{csrf}\"><div><label for=\"kind\">{kind}</label><select id=\"kind\" name=\"kind\">{options}</select></div><div style=\"flex:1\"><label for=\"title\">{title}</label><input id=\"title\" name=\"title\" required></div><button>{create}</button></form>{search}<table><caption style=\"text-align:left;font-weight:600;padding:.5em 0\">{caption}</caption><thead><tr><th scope=\"col\">{section}</th><th scope=\"col\">{page}</th><th scope=\"col\">{state}</th><th scope=\"col\">{file}</th></tr></thead><tbody>{rows}</tbody></table>",
        heading = t(lang, text!("desk-content")),
        search = search_form(lang, search),
        csrf = esc(&session.csrf),
        kind = t(lang, text!("desk-new-kind")),
        title = t(lang, text!("desk-new-title")),
        create = t(lang, text!("desk-new-create")),
        caption = t(lang, text!("desk-content-count", count = items.len())),
        section = t(lang, text!("desk-column-section")),
        page = t(lang, text!("desk-column-page")),
        state = t(lang, text!("desk-column-state")),
        file = t(lang, text!("desk-column-file")),
    );
    layout(
        lang,
        &text!("desk-content").in_lang(lang),
        Some(session),
        &body,
    )
}

fn kind_name(kind: &str) -> Text {
    text!("desk-kind", kind = kind)
}

/// `s` for a query string.
pub fn urlencode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// A finding as the desk shows it: severity, message, what to do.
pub fn problem(lang: Lang, p: &crate::error::Problem) -> String {
    let class = if p.is_error() {
        "problem"
    } else {
        "problem warning"
    };
    let help = p
        .help
        .as_ref()
        .map_or(String::new(), |h| format!("<br>{}", t(lang, (**h).clone())));
    let at = p
        .line
        .map_or(String::new(), |l| format!(" ({}:{l})", p.code));
    format!(
        "<div class=\"{class}\" role=\"note\"><strong>{}</strong>{at}{help}</div>",
        t(lang, p.message.clone())
    )
}

/// The site's errors (the last build or change failed): the list shows them first, each with
/// its file, because until they are fixed the preview stays as it was and nothing can be published.
pub fn site_problems(lang: Lang, problems: &[crate::error::Problem]) -> String {
    let errors: Vec<&crate::error::Problem> = problems.iter().filter(|p| p.is_error()).collect();
    if errors.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<section role=\"alert\"><h3 class=\"error\">{}</h3>",
        t(lang, text!("desk-site-errors", count = errors.len()))
    );
    for p in errors.iter().take(20) {
        let file = p.file.as_deref().unwrap_or("site.yaml");
        let link = if file.starts_with("content/") && file.ends_with(".md") {
            format!(
                "<a href=\"/desk/edit?file={}\"><code>{}</code></a>",
                esc(&urlencode(file)),
                esc(file)
            )
        } else {
            format!("<code>{}</code>", esc(file))
        };
        out.push_str(&format!("{link}{}", problem(lang, p)));
    }
    out.push_str("</section>");
    out
}
