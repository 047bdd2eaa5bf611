//! Script inspection: the SEO-spam redirect checks who is visiting (search-engine referrer,
//! crawler user agent) and sends humans to a casino while crawlers see the page. Such code is
//! usually obfuscated, so it is checked both as written and after undoing the usual tricks
//! (`\x` escapes, `String.fromCharCode`, `atob`, `unescape`, string concatenation).

use super::Rule;
use crate::messages::Text;
use crate::text;
use regex::Regex;
use std::sync::OnceLock;

struct Check {
    re: Regex,
    rule: Rule,
    message: Text,
}

fn checks() -> &'static [Check] {
    static C: OnceLock<Vec<Check>> = OnceLock::new();
    C.get_or_init(|| {
        let c = |re: &str, rule, message| Regex::new(re).ok().map(|re| Check { re, rule, message });
        [
            c(r#"(?i)document\s*(?:\.\s*|\[\s*["'`])referrer\b"#, Rule::Cloaking, text!("guard-script-referrer")),
            c(r#"(?i)navigator\s*(?:\.\s*|\[\s*["'`])useragent\b"#, Rule::Cloaking, text!("guard-script-user-agent")),
            c(r"(?i)baiduspider|googlebot|bingbot|sogou\s*(?:web\s*)?spider|360spider|yisouspider|bytespider|sosospider", Rule::Cloaking, text!("guard-script-crawlers")),
            c(r"(?i)\b(?:baidu|google|sogou|bing|yahoo|soso|youdao|toutiao|sm)\.(?:com|cn)\b", Rule::Cloaking, text!("guard-script-search-visitors")),
            c(r"(?i)\beval\s*\(|\bnew\s+function\s*\(|\bsettimeout\s*\(\s*['`]", Rule::Script, text!("guard-script-eval")),
            c(r"(?i)fromcharcode|\batob\s*\(|\bunescape\s*\(|(?:\\x[0-9a-f]{2}){6,}|(?:\\u[0-9a-f]{4}){6,}", Rule::Script, text!("guard-script-obfuscated")),
            c(r"(?i)document\s*\.\s*write(?:ln)?\s*\(", Rule::Script, text!("guard-script-document-write")),
            c(r#"(?i)location(?:\s*\.\s*href)?\s*=\s*["'`]\s*(?:https?:)?//|location\s*\.\s*(?:replace|assign)\s*\(\s*["'`]\s*(?:https?:)?//"#, Rule::Script, text!("guard-script-redirect")),
        ]
        .into_iter()
        .flatten()
        .collect()
    })
}

/// Findings in `code` as `(start, end, rule, message)` byte ranges. Obfuscation markers are
/// reported only for script files (`is_file`): an inline script is already an error itself.
pub fn inspect(code: &str, is_file: bool) -> Vec<(usize, usize, Rule, Text)> {
    let mut out = Vec::new();
    for c in checks() {
        if !is_file && c.rule == Rule::Script {
            continue;
        }
        if let Some(m) = c.re.find(code) {
            out.push((m.start(), m.end(), c.rule, c.message.clone()));
        }
    }
    let decoded = deobfuscate(code);
    if decoded != code {
        for c in checks().iter().filter(|c| c.rule == Rule::Cloaking) {
            if out.iter().any(|o| o.2 == c.rule) {
                continue;
            }
            if c.re.is_match(&decoded) {
                let end = code.len().min(80);
                let end = (0..=end)
                    .rev()
                    .find(|i| code.is_char_boundary(*i))
                    .unwrap_or(0);
                out.push((
                    0,
                    end,
                    c.rule,
                    text!(
                        "guard-script-hidden-by-obfuscation",
                        finding = c.message.clone()
                    ),
                ));
            }
        }
    }
    out
}

/// Undo the common JavaScript obfuscations, repeatedly (they are often layered).
pub fn deobfuscate(code: &str) -> String {
    let mut s = code.to_string();
    for _ in 0..3 {
        let next = join_concatenation(&decode_escapes(&decode_char_codes(&decode_base64_calls(
            &s,
        ))));
        let next = super::normalize::decode_percent_str(&next);
        if next == s {
            break;
        }
        s = next;
    }
    s
}

/// `"docu" + "ment.ref" + 'errer'` → `"document.referrer"`.
fn join_concatenation(s: &str) -> String {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    match RE.get_or_init(|| Regex::new(r#"["'`]\s*\+\s*["'`]"#).ok()) {
        Some(re) => re.replace_all(s, "").into_owned(),
        None => s.to_string(),
    }
}

/// `\x64`, `\u0064`, `\u{64}` → `d`.
fn decode_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let (hex, skip) = if let Some(h) = after.strip_prefix('x') {
            (h.get(..2), 3)
        } else if let Some(h) = after.strip_prefix("u{") {
            let n = h.find('}').unwrap_or(0);
            (h.get(..n), n + 3)
        } else if let Some(h) = after.strip_prefix('u') {
            (h.get(..4), 5)
        } else {
            (None, 0)
        };
        match hex
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32)
        {
            Some(c) => {
                out.push(c);
                rest = &rest[i + 1 + skip..];
            }
            None => {
                out.push('\\');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `String.fromCharCode(100, 111)` → `"do"`.
fn decode_char_codes(s: &str) -> String {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(re) =
        RE.get_or_init(|| Regex::new(r"(?i)string\s*\.\s*fromcharcode\s*\(([\d\s,x]+)\)").ok())
    else {
        return s.to_string();
    };
    re.replace_all(s, |c: &regex::Captures| {
        let text: String = c[1]
            .split(',')
            .filter_map(|n| {
                let n = n.trim();
                let v = match n.strip_prefix("0x") {
                    Some(h) => u32::from_str_radix(h, 16).ok(),
                    None => n.parse().ok(),
                };
                v.and_then(char::from_u32)
            })
            .collect();
        format!("\"{text}\"")
    })
    .into_owned()
}

/// `atob("ZG9j…")` → `"doc…"`.
fn decode_base64_calls(s: &str) -> String {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(re) =
        RE.get_or_init(|| Regex::new(r#"atob\s*\(\s*["'`]([A-Za-z0-9+/=\s]+)["'`]\s*\)"#).ok())
    else {
        return s.to_string();
    };
    re.replace_all(s, |c: &regex::Captures| match base64(&c[1]) {
        Some(t) => format!("\"{t}\""),
        None => c[0].to_string(),
    })
    .into_owned()
}

fn base64(s: &str) -> Option<String> {
    let mut bits: u32 = 0;
    let mut n = 0;
    let mut bytes = Vec::new();
    for c in s.bytes().filter(|b| !b.is_ascii_whitespace() && *b != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(v);
        n += 6;
        if n >= 8 {
            n -= 8;
            bytes.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(code: &str) -> Vec<Rule> {
        inspect(code, true).into_iter().map(|f| f.2).collect()
    }

    #[test]
    fn finds_plain_and_obfuscated_sniffing() {
        assert!(rules("if(document.referrer.indexOf('baidu')>-1){}").contains(&Rule::Cloaking));
        assert!(rules("var r=document['refe'+'rrer'];").contains(&Rule::Cloaking));
        assert!(rules(r"var r=window[atob('ZG9jdW1lbnQ=')][atob('cmVmZXJyZXI=')]; var d=atob('ZG9jdW1lbnQucmVmZXJyZXI=')").contains(&Rule::Cloaking));
        assert!(
            rules(r"eval('\x64\x6f\x63\x75\x6d\x65\x6e\x74\x2e\x72\x65\x66\x65\x72\x72\x65\x72')")
                .contains(&Rule::Cloaking)
        );
        assert!(rules("String.fromCharCode(110,97,118,105,103,97,116,111,114,46,117,115,101,114,65,103,101,110,116)").contains(&Rule::Cloaking));
    }

    #[test]
    fn honest_theme_script_passes() {
        let elder = "document.documentElement.classList.toggle('elder');\nlocalStorage.setItem('elder','1');\nlocation.href = '/en/';";
        assert!(rules(elder).is_empty(), "{:?}", inspect(elder, true));
    }
}
