//! Link checks: dangerous schemes, hosts outside the site's allowlist, and look-alikes of
//! trusted hosts (`g0v.cn`, `www.gov.cn.example.top`, IDN homographs).

use super::normalize::{decode_entities_str, normalized_text};
use super::{GuardError, Rule, Severity};
use crate::messages::Text;
use crate::text;
use regex::Regex;
use std::sync::OnceLock;

/// Hosts every Chinese public site links to from its footer (ICP and police filing, the
/// central government and civilization portals).
const BUILTIN_ALLOW: &[&str] = &[
    "beian.miit.gov.cn",
    "beian.gov.cn",
    "www.beian.gov.cn",
    "www.gov.cn",
    "www.wenming.cn",
    // The national reporting centres every portal's "report illegal content" box links to.
    "www.12377.cn",
    "12377.cn",
    "www.12321.cn",
];

/// Government hosts: only government bodies can register under `gov.cn`, so a portal's links
/// to other offices (the welfare lottery centre, a ministry) are never a defacer's.
const BUILTIN_ALLOW_SUFFIXES: &[&str] = &["gov.cn"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundUrl {
    pub url: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug)]
pub struct LinkPolicy {
    exact: Vec<String>,
    /// `*.example.cn` entries, stored as `example.cn`.
    suffixes: Vec<String>,
    severity: Severity,
}

impl LinkPolicy {
    pub fn new(
        allowlist: &[String],
        site_hosts: &[String],
        severity: Severity,
    ) -> Result<Self, GuardError> {
        let mut exact: Vec<String> = BUILTIN_ALLOW.iter().map(|s| s.to_string()).collect();
        let mut suffixes = Vec::new();
        for entry in allowlist.iter().chain(site_hosts) {
            let e = entry.trim().trim_end_matches('.').to_ascii_lowercase();
            let host = host_of_entry(&e).ok_or_else(|| {
                GuardError::Config(text!("guard-allowlist-not-a-host", entry = entry))
            })?;
            match host.strip_prefix("*.") {
                Some(base) => suffixes.push(base.to_string()),
                None => exact.push(host),
            }
        }
        Ok(LinkPolicy {
            exact,
            suffixes,
            severity,
        })
    }

    fn allowed(&self, host: &str) -> bool {
        self.exact.iter().any(|h| h == host)
            || self.suffixes.iter().any(|s| {
                host == s
                    || host
                        .strip_suffix(s.as_str())
                        .is_some_and(|p| p.ends_with('.'))
            })
    }

    fn trusted(&self) -> impl Iterator<Item = &String> {
        self.exact.iter().chain(&self.suffixes)
    }

    /// What is wrong with a link, if anything.
    pub fn check(&self, raw: &str) -> Option<(Rule, Severity, Text)> {
        let url: String = decode_entities_str(raw)
            .chars()
            .filter(|c| !c.is_control() && !super::normalize::is_invisible(*c))
            .collect();
        let url = url.trim();
        if let Some(scheme) = dangerous_scheme(url) {
            return Some((
                Rule::Script,
                Severity::Error,
                text!("guard-dangerous-scheme", scheme = scheme),
            ));
        }
        let host = host_of(url)?;
        if is_private_host(&host) {
            return Some((
                Rule::PrivateLink,
                Severity::Error,
                text!("guard-private-link", host = &host),
            ));
        }
        if self.allowed(&host) {
            return None;
        }
        let fake = |t: &&String| looks_like(&host, t) || recombines(&host, t);
        if let Some(t) = self.trusted().find(fake) {
            let shown = idna::domain_to_unicode(&host).0;
            return Some((
                Rule::LookalikeHost,
                Severity::Error,
                text!("guard-lookalike-host", host = shown, trusted = t),
            ));
        }
        // After the look-alike check: `beian-miit.gov.cn` still imitates `beian.miit.gov.cn`.
        if is_government(&host) {
            return None;
        }
        Some((
            Rule::ExternalLink,
            self.severity,
            text!("guard-external-link", host = host),
        ))
    }
}

fn is_government(host: &str) -> bool {
    BUILTIN_ALLOW_SUFFIXES
        .iter()
        .any(|s| host == *s || host.strip_suffix(s).is_some_and(|p| p.ends_with('.')))
}

/// Hosts of URL shorteners (`rules/vocab/shorteners.txt`): a shortened link hides where it goes,
/// and a civic page has no reason to.
static SHORTENERS: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| {
        include_str!("rules/vocab/shorteners.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('['))
            .map(str::to_ascii_lowercase)
            .collect()
    });

/// The gambling words that name betting sites' hosts (`bet365`, `xbet`, `…casino…`,
/// `yulecheng` for 娱乐城): a host is read as its runs of letters, so `alphabet` or
/// `betterhealth` are not `bet`. Lottery words are not here: the official lotteries have hosts.
const GAMBLING_HOST_WORDS: &[&str] = &[
    "bet",
    "bets",
    "betting",
    "xbet",
    "casino",
    "casinos",
    "poker",
    "slots",
    "baccarat",
    "sportsbook",
    "bocai",
    "duchang",
    "yulecheng",
    "baijiale",
];

/// The gambling word a link's host is named with, if any.
pub fn gambling_word_in_host(url: &str) -> Option<&'static str> {
    let host = host_of(url)?;
    host.split(|c: char| !c.is_ascii_alphabetic())
        .find_map(|run| GAMBLING_HOST_WORDS.iter().find(|w| **w == run).copied())
}

/// Whether `url` goes through a URL shortener.
pub fn is_shortener(url: &str) -> bool {
    let Some(host) = host_of(url) else {
        return false;
    };
    let host = host.trim_start_matches("www.");
    SHORTENERS.contains(host)
}

/// Whether `host` recombines the distinctive labels of the trusted host `t` under another
/// registrable domain: `wenming-minghu.gov.cn.example`, `minghu-wenming.top` for
/// `wenming.minghu.gov.cn`.
fn recombines(host: &str, t: &str) -> bool {
    if registrable(host) == registrable(t) {
        return false;
    }
    const GENERIC: &[&str] = &[
        "www", "gov", "com", "net", "org", "edu", "cn", "http", "https",
    ];
    let distinctive: Vec<&str> = t
        .split(['.', '-'])
        .filter(|l| l.len() >= 4 && !GENERIC.contains(l))
        .collect();
    if distinctive.is_empty() {
        return false;
    }
    let found = distinctive.iter().filter(|l| host.contains(*l)).count();
    found >= 2 || (found == 1 && distinctive.len() == 1 && host.contains("gov"))
}

/// A host from an allowlist entry: a bare host, `*.host`, or a URL.
fn host_of_entry(e: &str) -> Option<String> {
    if let Some(base) = e.strip_prefix("*.") {
        return host_of(&format!("https://{base}/")).map(|h| format!("*.{h}"));
    }
    if e.contains("://") {
        return host_of(e);
    }
    host_of(&format!("https://{e}/"))
}

fn dangerous_scheme(url: &str) -> Option<&'static str> {
    let lower: String = url
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(24)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        ("javascript:", "javascript:"),
        ("vbscript:", "vbscript:"),
        ("data:text/html", "data:text/html"),
        ("data:application", "data:application"),
        ("data:image/svg", "data:image/svg+xml"),
    ]
    .iter()
    .find(|(p, _)| lower.starts_with(p))
    .map(|(_, name)| *name)
}

/// The host of an absolute http(s)/ftp URL (or a `//host` one), parsed the way browsers do.
pub fn host_of(url: &str) -> Option<String> {
    let absolute = if url.starts_with("//") || url.starts_with("\\\\") {
        format!("https:{url}")
    } else {
        url.to_string()
    };
    let parsed = url::Url::parse(&absolute).ok()?;
    if !matches!(parsed.scheme(), "http" | "https" | "ftp") {
        return None;
    }
    let host = parsed.host_str()?.trim_end_matches('.').to_string();
    (!host.is_empty()).then_some(host)
}

/// Loopback, private-network and link-local addresses, and `localhost`: a link to one was copied
/// from the preview (`civic serve`) or an intranet, and is broken for every visitor.
pub fn is_private_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host == "localhost" || host.ends_with(".localhost") {
        return true;
    }
    match host.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(ip)) => {
            ip.is_loopback() || ip.is_private() || ip.is_link_local() || ip.is_unspecified()
        }
        Ok(std::net::IpAddr::V6(ip)) => {
            ip.is_loopback() || ip.is_unspecified() || (ip.segments()[0] & 0xfe00) == 0xfc00
        }
        Err(_) => false,
    }
}

/// Is `host` (not allowed) an imitation of the trusted host `t`?
fn looks_like(host: &str, t: &str) -> bool {
    if registrable(host) == registrable(t) {
        return false; // another host of the same organisation: external, not fake
    }
    let (hs, ts) = (skeleton(host), skeleton(t));
    if hs == ts {
        return true;
    }
    let (hf, tf) = (hs.replace(['.', '-'], ""), ts.replace(['.', '-'], ""));
    if tf.chars().count() >= 6 && hf.starts_with(&tf) {
        return true; // www.gov.cn.example.top, www-gov-cn.top
    }
    let limit = match ts.chars().count() {
        0..=5 => 0,
        6..=11 => 1,
        _ => 2,
    };
    levenshtein(&hs, &ts) <= limit
}

/// The organisation's domain: `a.b.gov.cn` → `b.gov.cn`, `x.example.com` → `example.com`.
fn registrable(host: &str) -> String {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let second_level = n >= 3
        && labels[n - 1].len() == 2
        && matches!(
            labels[n - 2],
            "gov" | "com" | "org" | "net" | "edu" | "ac" | "co"
        );
    let keep = if second_level { 3 } else { 2 };
    labels[n.saturating_sub(keep)..].join(".")
}

/// A form in which confusable hosts compare equal: Unicode folded to ASCII look-alikes, digits
/// that look like letters mapped to them, `rn` → `m`, `vv` → `w`.
pub fn skeleton(host: &str) -> String {
    let unicode = idna::domain_to_unicode(host).0;
    let mut s = String::with_capacity(unicode.len());
    for c in unicode.chars() {
        if c == '.' || c == '-' {
            s.push(c);
        } else {
            s.push_str(&normalized_text(c.encode_utf8(&mut [0u8; 4])));
        }
    }
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '0' => 'o',
            '1' | 'i' | '|' => 'l',
            '3' => 'e',
            '5' => 's',
            _ => c,
        })
        .collect();
    mapped
        .replace("rn", "m")
        .replace("vv", "w")
        .replace("cl", "d")
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// URLs written in Markdown or plain text: `https://…`, `[x](//host)`, `[x](javascript:…)`,
/// reference definitions.
pub fn urls_in_text(text: &str) -> Vec<FoundUrl> {
    // The first alternative is meant to start at a (Unicode) word boundary. A Unicode `\b`
    // forces the slow regex engines on non-ASCII text, so the pattern leaves it out and
    // `scan_bounded` checks it instead; the matches are the same.
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(concat!(
            r#"(?i)(?:https?|ftp)://[^\s<>"'`()\[\]{}，。、；：！？（）《》“”‘’]+"#,
            r#"|\]\(\s*<?\s*((?://|\\\\|javascript:|vbscript:|data:)[^)\s>]*)"#,
            r#"|(?m)^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?((?://|javascript:|vbscript:|data:)\S*)"#,
        ))
        .ok()
    });
    let Some(re) = re else {
        return Vec::new();
    };
    // Only the first alternative (no capture group) needs the boundary before it.
    scan_bounded(re, text, |c| c.get(1).is_none() && c.get(2).is_none())
        .into_iter()
        .filter_map(|c| c.get(1).or_else(|| c.get(2)).or_else(|| c.get(0)))
        .map(|m| FoundUrl {
            url: m
                .as_str()
                .trim_end_matches(['.', ',', ';', ':', '!', '?'])
                .to_string(),
            start: m.start(),
            end: m.end(),
        })
        .collect()
}

/// `re.captures_iter(text)` for a pattern that, where `needs_boundary` says so, was written
/// with a Unicode `\b` in front of a word character: a match preceded by a word character is
/// rejected and the search resumes one character later, exactly as the `\b` would have made
/// the regex do. (Every alternative that needs the boundary starts with a word character, and
/// no other alternative can start with the same character.)
pub(crate) fn scan_bounded<'t>(
    re: &Regex,
    text: &'t str,
    needs_boundary: impl Fn(&regex::Captures<'t>) -> bool,
) -> Vec<regex::Captures<'t>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at <= text.len() {
        let Some(c) = re.captures_at(text, at) else {
            break;
        };
        let Some(m) = c.get(0) else {
            break;
        };
        if needs_boundary(&c) && word_before(text, m.start()) {
            let step = text[m.start()..].chars().next().map_or(1, char::len_utf8);
            at = m.start() + step;
            continue;
        }
        at = if m.end() > m.start() {
            m.end()
        } else {
            // Empty match: step over one character, as `captures_iter` does.
            m.end() + text[m.end()..].chars().next().map_or(1, char::len_utf8)
        };
        out.push(c);
    }
    out
}

/// Whether the character before byte `at` is a Unicode word character (`\w`).
fn word_before(text: &str, at: usize) -> bool {
    let Some(c) = text.get(..at).and_then(|t| t.chars().next_back()) else {
        return false;
    };
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    static WORD: OnceLock<Option<Regex>> = OnceLock::new();
    let mut buf = [0u8; 4];
    WORD.get_or_init(|| Regex::new(r"\A\w\z").ok())
        .as_ref()
        .is_some_and(|w| w.is_match(c.encode_utf8(&mut buf)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> LinkPolicy {
        let allow = [
            "*.minghu.example.cn".to_string(),
            "www.wenming.cn".to_string(),
        ];
        LinkPolicy::new(
            &allow,
            &["wenming.minghu.example.cn".to_string()],
            Severity::Warning,
        )
        .expect("valid")
    }

    fn rule(url: &str) -> Option<Rule> {
        policy().check(url).map(|c| c.0)
    }

    #[test]
    fn links_to_the_preview_or_a_private_network_are_errors() {
        for url in [
            "http://127.0.0.1:37589/news/a/",
            "http://localhost:1111/",
            "https://192.168.1.20/x",
            "http://10.0.0.5/",
            "http://172.16.3.4/",
            "http://[::1]:8080/",
        ] {
            let found = policy().check(url);
            assert_eq!(
                found.as_ref().map(|c| (c.0, c.1)),
                Some((Rule::PrivateLink, Severity::Error)),
                "{url}"
            );
        }
        assert_eq!(rule("http://172.32.0.1/"), Some(Rule::ExternalLink));
    }

    #[test]
    fn allowlisted_and_relative_links_pass() {
        for ok in [
            "/about/",
            "../x.md",
            "https://www.gov.cn/zhengce/",
            "https://app.minghu.example.cn/",
            "mailto:a@b.cn",
            "tel:12345",
            "#top",
        ] {
            assert_eq!(rule(ok), None, "{ok}");
        }
    }

    #[test]
    fn other_hosts_are_external_and_imitations_are_lookalikes() {
        assert_eq!(rule("https://news.example.com/"), Some(Rule::ExternalLink));
        assert_eq!(rule("//evil.example.top/x"), Some(Rule::ExternalLink));
        assert_eq!(rule("https://www.g0v.cn/"), Some(Rule::LookalikeHost));
        assert_eq!(
            rule("https://www.gov.cn.xpj.top/"),
            Some(Rule::LookalikeHost)
        );
        assert_eq!(
            rule("https://wenming.minghu.exarnple.cn/"),
            Some(Rule::LookalikeHost)
        );
        assert_eq!(rule("https://www.wenmіng.cn/"), Some(Rule::LookalikeHost)); // Cyrillic і
        assert_eq!(
            rule("https://beian-miit.gov.cn/"),
            Some(Rule::LookalikeHost)
        );
        assert_eq!(rule("https://www.cwl.gov.cn/"), None);
        assert_eq!(rule("https://www.12377.cn/"), None);
        assert_eq!(rule("https://evilgov.cn/"), Some(Rule::ExternalLink));
        assert_eq!(rule("java\tscript:alert(1)"), Some(Rule::Script));
        assert_eq!(rule("&#106;avascript:alert(1)"), Some(Rule::Script));
    }

    #[test]
    fn hosts_named_after_gambling_are_found_by_their_words() {
        let word = gambling_word_in_host;
        assert_eq!(word("https://bet-yunding365.com/?ref=1"), Some("bet"));
        assert_eq!(word("https://www.1xbet.mobi/"), Some("xbet"));
        assert_eq!(word("https://abc.jinsha-casino88.net/"), Some("casino"));
        assert_eq!(word("https://www.betterhealth.vic.gov.au/"), None);
        assert_eq!(word("https://abc.xyz/alphabet"), None);
        assert_eq!(word("https://www.lottery.gov.cn/"), None);
    }

    #[test]
    fn finds_urls_in_markdown() {
        let urls = urls_in_text(
            "见 https://a.cn/x。 和 [b](//b.cn) [c](javascript:alert(1))\n[d]: //d.cn\n",
        );
        let u: Vec<&str> = urls.iter().map(|u| u.url.as_str()).collect();
        assert_eq!(
            u,
            ["https://a.cn/x", "//b.cn", "javascript:alert(1", "//d.cn"]
        );
    }
}
