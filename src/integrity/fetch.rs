//! One HTTP GET as a given visitor, with a timeout and a bounded retry, reduced to what
//! `verify` compares: the body's hash, a redirect, another status, or why there was no answer.

use crate::messages::Text;
use crate::text;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use url::Url;

/// Bodies are hashed up to this size; a file the build wrote is never this large, so a longer
/// answer is a change whatever follows.
const MAX_BODY: u64 = 64 * 1024 * 1024;

/// Of a body, at most this much is kept to read links from (issue 24: a 63 MB page of links
/// cost 2.5 GB); the hash streams over the whole body up to [`MAX_BODY`].
const KEPT_BODY: usize = 2 * 1024 * 1024;

/// Who asks: the User-Agent sent, and the Referer if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visitor {
    pub user_agent: &'static str,
    pub referer: Option<&'static str>,
}

/// A desktop browser typed the address: what the office's own staff see.
pub const BROWSER: Visitor = Visitor {
    user_agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    referer: None,
};

/// A mobile browser: Shenma (神马) serves only mobile search, Baidu's most of it.
const MOBILE: &str = "Mozilla/5.0 (Linux; Android 14; V2309A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

/// A crawler by its User-Agent.
const fn crawler(user_agent: &'static str) -> Visitor {
    Visitor {
        user_agent,
        referer: None,
    }
}

/// A visitor arriving from a search results page.
const fn searcher(user_agent: &'static str, referer: &'static str) -> Visitor {
    Visitor {
        user_agent,
        referer: Some(referer),
    }
}

/// Who else asks for every page, script, sitemap and robots.txt. Parasite kits (寄生虫) serve
/// spam to the crawlers of the search engines that matter in China and abroad, desktop and
/// mobile, or to visitors who arrive from a search results page, and the clean file to everyone
/// else (issue 24 added mobile Baidu, Bytespider, YisouSpider and the Referers beyond Baidu's).
pub const OTHERS: &[Visitor] = &[
    crawler("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)"),
    crawler(
        "Mozilla/5.0 (Linux;u;Android 4.2.2;zh-cn;) AppleWebKit/534.46 (KHTML,like Gecko) Version/5.1 Mobile Safari/10600.6.3 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
    ),
    crawler("Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)"),
    crawler(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/50.0.2661.102 Safari/537.36; 360Spider",
    ),
    crawler(
        "Mozilla/5.0 (Linux; U; Android 8.1.0; zh-CN; EML-AL00 Build/HUAWEIEML-AL00) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/57.0.2987.108 baidu.sogo.uc.UCBrowser/11.9.4.974 UWS/2.13.1.48 Mobile Safari/537.36 AliApp(DingTalk/4.5.11) YisouSpider/5.0 (+http://yisou.com)",
    ),
    crawler(
        "Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)",
    ),
    crawler("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"),
    crawler("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
    searcher(
        BROWSER.user_agent,
        "https://www.baidu.com/s?wd=%E6%96%87%E6%98%8E%E7%BD%91",
    ),
    searcher(
        MOBILE,
        "https://m.baidu.com/s?word=%E6%96%87%E6%98%8E%E7%BD%91",
    ),
    searcher(
        BROWSER.user_agent,
        "https://www.sogou.com/web?query=%E6%96%87%E6%98%8E%E7%BD%91",
    ),
    searcher(
        BROWSER.user_agent,
        "https://www.so.com/s?q=%E6%96%87%E6%98%8E%E7%BD%91",
    ),
    searcher(MOBILE, "https://m.sm.cn/s?q=%E6%96%87%E6%98%8E%E7%BD%91"),
    searcher(
        BROWSER.user_agent,
        "https://www.google.com/search?q=%E6%96%87%E6%98%8E%E7%BD%91",
    ),
];

/// Whether the crawlers and search visitors of [`OTHERS`] are asked for `path` too: pages,
/// scripts (a kit redirects search visitors from a .js), the sitemap and robots.txt (a kit
/// lists its own pages there for crawlers only).
pub fn compared_for_cloaking(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    path.ends_with(".html")
        || path.ends_with(".js")
        || file == "sitemap.xml"
        || file == "robots.txt"
}

/// What one GET came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A 2xx with a body (hashed up to [`MAX_BODY`], `bytes` its first [`KEPT_BODY`]).
    Body {
        sha256: String,
        size: u64,
        bytes: Vec<u8>,
    },
    Redirect {
        status: u16,
        location: String,
    },
    Status(u16),
    /// The TLS handshake failed; not retried (it fails the same way every time).
    Tls(Text),
    /// No answer after every retry.
    Failed(Text),
}

impl Answer {
    /// Two answers are the same answer (for cloaking: did this visitor get what the browser got).
    pub fn same_as(&self, other: &Answer) -> bool {
        match (self, other) {
            (Answer::Body { sha256: a, .. }, Answer::Body { sha256: b, .. }) => a == b,
            (a, b) => a == b,
        }
    }
}

pub struct Fetcher {
    client: reqwest::Client,
    retries: u32,
    timeout: Duration,
    backoff: Duration,
    requests: AtomicUsize,
}

impl Fetcher {
    pub fn new(timeout: Duration, retries: u32, backoff: Duration) -> Result<Fetcher, String> {
        // reqwest is built without a rustls crypto provider (to keep aws-lc-rs out): name
        // ring, once per process. An error means one is installed already, which is the goal.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            // A redirect is a finding, never followed.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .connect_timeout(timeout)
            .pool_max_idle_per_host(8)
            .build()
            .map_err(|e| chain(&e))?;
        Ok(Fetcher {
            client,
            retries,
            timeout,
            backoff,
            requests: AtomicUsize::new(0),
        })
    }

    /// Requests sent so far, retries included.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::Relaxed)
    }

    pub async fn get(&self, url: &Url, visitor: Visitor) -> Answer {
        let mut attempt = 0;
        loop {
            self.requests.fetch_add(1, Ordering::Relaxed);
            match self.try_get(url, visitor).await {
                Ok(answer) => return answer,
                Err(e) if is_tls(&e) => {
                    return Answer::Tls(text!("verify-tls-failed", reason = chain(&e)));
                }
                Err(e) if attempt >= self.retries => {
                    let problem = self.describe(&e);
                    return Answer::Failed(if attempt == 0 {
                        problem
                    } else {
                        text!("verify-after-tries", problem = problem, tries = attempt + 1)
                    });
                }
                Err(_) => {
                    tokio::time::sleep(self.backoff * 2u32.saturating_pow(attempt)).await;
                    attempt += 1;
                }
            }
        }
    }

    async fn try_get(&self, url: &Url, visitor: Visitor) -> Result<Answer, reqwest::Error> {
        let mut request = self
            .client
            .get(url.clone())
            .header(reqwest::header::USER_AGENT, visitor.user_agent)
            .header(reqwest::header::ACCEPT, "*/*");
        if let Some(referer) = visitor.referer {
            request = request.header(reqwest::header::REFERER, referer);
        }
        let mut response = request.send().await?;
        let status = response.status();
        if status.is_redirection() {
            let location = response
                .headers()
                .get(reqwest::header::LOCATION)
                .map(|l| String::from_utf8_lossy(l.as_bytes()).into_owned())
                .unwrap_or_default();
            return Ok(Answer::Redirect {
                status: status.as_u16(),
                location,
            });
        }
        if !status.is_success() {
            return Ok(Answer::Status(status.as_u16()));
        }
        use sha2::Digest;
        let mut hasher = sha2::Sha256::new();
        let mut bytes = Vec::new();
        let mut size = 0u64;
        while let Some(chunk) = response.chunk().await? {
            size += chunk.len() as u64;
            if size > MAX_BODY {
                break;
            }
            hasher.update(&chunk);
            let room = KEPT_BODY.saturating_sub(bytes.len());
            bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
        }
        Ok(Answer::Body {
            sha256: crate::digest::hex(&hasher.finalize()),
            size,
            bytes,
        })
    }

    fn describe(&self, e: &reqwest::Error) -> Text {
        if e.is_timeout() {
            text!(
                "verify-no-answer",
                seconds = format!("{:.1}", self.timeout.as_secs_f64())
            )
        } else if e.is_connect() {
            text!("verify-cannot-connect", reason = root_cause(e))
        } else {
            text!("verify-request-failed", reason = chain(e))
        }
    }
}

/// A certificate or handshake error anywhere in the chain. rustls's error arrives wrapped in
/// `io::Error`s (whose `source()` skips what they wrap), so those are looked inside too.
fn is_tls(e: &reqwest::Error) -> bool {
    fn within(err: &(dyn std::error::Error + 'static)) -> bool {
        if err.is::<rustls::Error>() {
            return true;
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>()
            && let Some(inner) = io.get_ref()
            && within(inner)
        {
            return true;
        }
        err.source().is_some_and(within)
    }
    within(e)
}

fn root_cause(e: &reqwest::Error) -> String {
    let mut last: &dyn std::error::Error = e;
    while let Some(source) = last.source() {
        last = source;
    }
    last.to_string()
}

/// "error sending request: client error (Connect): invalid peer certificate: …".
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut next = e.source();
    while let Some(err) = next {
        let s = err.to_string();
        if !text.contains(&s) {
            text.push_str(": ");
            text.push_str(&s);
        }
        next = err.source();
    }
    text
}
