//! Does a piece of CSS hide its element? Used on `style` attributes and on `<style>` blocks
//! (whose hiding selectors are then applied to classes and ids in the same document).

use crate::messages::Text;
use crate::text;
use std::collections::HashMap;

/// Classes that hide content in every common CSS framework.
pub const HIDE_CLASSES: &[&str] = &[
    "hidden",
    "hide",
    "d-none",
    "display-none",
    "is-hidden",
    "u-hidden",
    "invisible",
    "hidden-xs",
    "hidden-sm",
    "hidden-md",
    "hidden-lg",
    "uk-hidden",
    "none",
];

/// Accessibility classes: hidden visually but read aloud. Honest with text, never with links.
pub const SOFT_CLASSES: &[&str] = &[
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screen-reader-only",
    "a11y-hidden",
    "element-invisible",
];

/// The reason `decls` (the body of a `style` attribute or rule) hides an element.
pub fn hides(decls: &str) -> Option<Text> {
    let css = clean(decls);
    let props = declarations(&css);
    let get = |k: &str| props.get(k).map(String::as_str);
    if get("display") == Some("none") {
        return Some(text!("guard-style-display-none"));
    }
    if matches!(get("visibility"), Some("hidden" | "collapse")) {
        return Some(text!(
            "guard-style-visibility",
            value = get("visibility").unwrap_or("")
        ));
    }
    if get("opacity")
        .and_then(number)
        .is_some_and(|(n, u)| n <= if u == "%" { 5.0 } else { 0.05 })
    {
        return Some(text!("guard-style-zero-opacity"));
    }
    if let Some(fs) = get("font-size").and_then(number) {
        if tiny_font(fs) {
            return Some(text!(
                "guard-style-tiny-font",
                size = get("font-size").unwrap_or("")
            ));
        }
    }
    same_colour(&props)
        .or_else(|| zero_size(&props))
        .or_else(|| off_screen(&props))
        .or_else(|| clipped(&props))
}

fn tiny_font((n, unit): (f64, &str)) -> bool {
    match unit {
        "em" | "rem" => n <= 0.2,
        "%" => n <= 20.0,
        _ => n <= 2.0, // px, pt, unitless 0
    }
}

fn same_colour(props: &HashMap<String, String>) -> Option<Text> {
    let fg = colour(props.get("color")?)?;
    if fg == "transparent" {
        return Some(text!("guard-style-transparent"));
    }
    let bg = props
        .get("background-color")
        .or_else(|| props.get("background"))
        .and_then(|b| colour(b).or_else(|| b.split(' ').find_map(colour)))?;
    (fg == bg).then(|| text!("guard-style-same-colour"))
}

fn zero_size(props: &HashMap<String, String>) -> Option<Text> {
    let px = |k: &str| props.get(k).and_then(|v| number(v)).map(|(n, _)| n);
    let overflow_hidden = props
        .get("overflow")
        .is_some_and(|o| o.contains("hidden") || o.contains("clip"));
    let zero = |k: &str| px(k).is_some_and(|n| n <= 0.0);
    let tiny = |k: &str| px(k).is_some_and(|n| n <= 1.0);
    if zero("width") || zero("height") || zero("max-height") || zero("max-width") {
        return Some(text!("guard-style-zero-size"));
    }
    if overflow_hidden && (tiny("width") || tiny("height")) {
        return Some(text!("guard-style-zero-size"));
    }
    let scale = props.get("transform").is_some_and(|t| {
        t.split_once("scale")
            .and_then(|(_, r)| number(r.trim_start_matches(['x', 'y', '('])))
            .is_some_and(|(n, _)| n.abs() < 0.05)
    });
    scale.then(|| text!("guard-style-scaled"))
}

fn off_screen(props: &HashMap<String, String>) -> Option<Text> {
    let far = |k: &str| {
        props.get(k).and_then(|v| number(v)).is_some_and(|(n, u)| {
            n <= -100.0 || (u == "%" && n <= -50.0) || (u.ends_with("em") && n <= -10.0)
        })
    };
    let keys = [
        "left",
        "top",
        "right",
        "bottom",
        "text-indent",
        "margin-left",
        "margin-top",
        "inset",
    ];
    if let Some(k) = keys.iter().find(|k| far(k)) {
        return Some(text!("guard-style-off-screen", property = *k));
    }
    let translated = props.get("transform").is_some_and(|t| {
        t.split_once("translate")
            .and_then(|(_, r)| number(r.trim_start_matches(['x', 'y', '3', 'd', '('])))
            .is_some_and(|(n, _)| n <= -100.0)
    });
    translated.then(|| text!("guard-style-off-screen", property = "transform"))
}

fn clipped(props: &HashMap<String, String>) -> Option<Text> {
    let clip = props
        .get("clip")
        .is_some_and(|c| c.starts_with("rect(0") || c.starts_with("rect(1px"));
    let path = props.get("clip-path").is_some_and(|c| {
        c.starts_with("inset(50%") || c.starts_with("inset(100%") || c.starts_with("circle(0")
    });
    (clip || path).then(|| text!("guard-style-clipped"))
}

/// Lowercase, comments and CSS escapes removed, whitespace collapsed, `!important` dropped.
fn clean(css: &str) -> String {
    let mut s = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        s.push_str(&rest[..i]);
        rest = rest[i + 2..]
            .find("*/")
            .map_or("", |j| &rest[i + 2 + j + 2..]);
    }
    s.push_str(rest);
    unescape(&s)
        .to_lowercase()
        .replace("!important", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// CSS escapes: `\64 isplay` → `display`, `\:` → `:`.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let mut hex = String::new();
        while hex.len() < 6 && chars.peek().is_some_and(char::is_ascii_hexdigit) {
            hex.extend(chars.next());
        }
        if hex.is_empty() {
            out.extend(chars.next());
        } else {
            if chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            let code = u32::from_str_radix(&hex, 16).unwrap_or(0xfffd);
            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
        }
    }
    out
}

/// `prop: value` pairs, later ones winning, as in the browser.
fn declarations(css: &str) -> HashMap<String, String> {
    css.split(';')
        .filter_map(|d| d.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// Leading number of a CSS value and its unit: `-9999px` → (-9999, "px").
fn number(v: &str) -> Option<(f64, &str)> {
    let v = v.trim_start();
    let end = v
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || *c == '.' || ((*c == '-' || *c == '+') && *i == 0)))
        .map_or(v.len(), |(i, _)| i);
    let n: f64 = v[..end].parse().ok()?;
    let unit_end = v[end..]
        .find(|c: char| !(c.is_ascii_alphabetic() || c == '%'))
        .map_or(v.len(), |u| end + u);
    Some((n, &v[end..unit_end]))
}

/// A colour in canonical `#rrggbb` form (or `transparent`).
fn colour(v: &str) -> Option<String> {
    let v = v.trim();
    let named = match v {
        "white" => "#ffffff",
        "black" => "#000000",
        "red" => "#ff0000",
        "blue" => "#0000ff",
        "green" => "#008000",
        "yellow" => "#ffff00",
        "gray" | "grey" => "#808080",
        "silver" => "#c0c0c0",
        "transparent" => "transparent",
        _ => "",
    };
    if !named.is_empty() {
        return Some(named.into());
    }
    if let Some(hex) = v.strip_prefix('#') {
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        return match hex.len() {
            3 | 4 => Some(hex.chars().take(3).flat_map(|c| [c, c]).collect::<String>())
                .map(|h| format!("#{h}")),
            6 | 8 => Some(format!("#{}", &hex[..6])),
            _ => None,
        };
    }
    let inner = v.strip_prefix("rgba(").or_else(|| v.strip_prefix("rgb("))?;
    let parts: Vec<f64> = inner
        .trim_end_matches(')')
        .split([',', ' ', '/'])
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.trim_end_matches('%').parse().ok())
        .collect();
    if parts.len() == 4 && parts[3] == 0.0 {
        return Some("transparent".into());
    }
    let [r, g, b] =
        [parts.first()?, parts.get(1)?, parts.get(2)?].map(|x| x.clamp(0.0, 255.0) as u8);
    Some(format!("#{r:02x}{g:02x}{b:02x}"))
}

/// Classes and ids whose rules in a stylesheet hide them.
pub fn hidden_selectors(css: &str) -> (Vec<String>, Vec<String>) {
    let css = clean(css);
    let (mut classes, mut ids) = (Vec::new(), Vec::new());
    for block in css.split('}') {
        let Some((selector, body)) = block.rsplit_once('{') else {
            continue;
        };
        if hides(body).is_none() {
            continue;
        }
        for part in selector.split(|c: char| c.is_whitespace() || c == ',' || c == '>') {
            collect_names(part, '.', &mut classes);
            collect_names(part, '#', &mut ids);
        }
    }
    (classes, ids)
}

fn collect_names(selector: &str, sigil: char, out: &mut Vec<String>) {
    for piece in selector.split(sigil).skip(1) {
        let name: String = piece
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_hiding_trick() {
        for css in [
            "display:none",
            "DISPLAY : None !important",
            "visibility:hidden",
            "position:absolute;left:-9999px",
            "text-indent:-10000px",
            "width:0;height:0;overflow:hidden",
            "height:1px;width:1px;overflow:hidden",
            "opacity:0",
            "font-size:0",
            "font-size:1px",
            "color:#fff;background:#ffffff",
            "color:white;background-color:rgb(255,255,255)",
            "clip:rect(0,0,0,0);position:absolute",
            "transform:translateX(-5000px)",
            "dis/**/play:none",
            "\\64 isplay:none",
        ] {
            assert!(hides(css).is_some(), "{css}");
        }
    }

    #[test]
    fn ordinary_styles_do_not_hide() {
        for css in [
            "color:#333;background:#fff",
            "font-size:18px",
            "margin-left:-10px",
            "width:100%",
            "text-align:center",
            "opacity:0.9",
        ] {
            assert_eq!(hides(css), None, "{css}");
        }
    }

    #[test]
    fn stylesheet_selectors() {
        let (c, i) = hidden_selectors(".a{color:red} .seo-box, #x{display:none}");
        assert_eq!(c, ["seo-box"]);
        assert_eq!(i, ["x"]);
    }
}
