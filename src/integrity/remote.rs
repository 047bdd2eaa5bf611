//! `civic verify https://…`: the live site compared with the build's manifest, as a visitor
//! and as the search crawlers see it.
//!
//! Every file the manifest lists (or a sample) is fetched as a browser; every HTML page also as
//! each crawler and as a visitor from a search results page ([`fetch::OTHERS`]). A body that
//! differs from the build is read for same-host links to paths the build never wrote; each is
//! fetched once and reported. A few workers (`--concurrency`) share the list, so no more than
//! that many requests are ever in flight.

use super::fetch::{Answer, BROWSER, Fetcher, OTHERS, Visitor, compared_for_cloaking};
use super::findings::{Finding, Kind, Report};
use super::{FileEntry, Manifest, links, sample};
use crate::messages::Text;
use crate::text;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use url::Url;

/// At most this many extra pages are fetched in one run: a spam kit may link thousands.
const MAX_EXTRA_FETCHES: usize = 100;

/// At most this many extra pages are listed in one run; the rest are counted (issue 24: a page
/// of 200,000 distinct links made millions of findings and ran out of memory).
const MAX_EXTRA_LISTED: usize = 1000;

pub struct RemoteOptions {
    /// The site's address, ending in `/`.
    pub base: Url,
    pub manifest: Manifest,
    /// The manifest of the build before (for `--sample`: its changes are always fetched).
    pub since: Option<Manifest>,
    pub sample: Option<usize>,
    pub seed: u64,
    pub concurrency: usize,
    pub timeout: Duration,
    /// The whole run stops after this long, reporting what it found so far.
    pub deadline: Duration,
    pub retries: u32,
    /// The first pause before a retry; doubled for each next one.
    pub backoff: Duration,
    pub progress: bool,
    /// The language of what is printed while it runs.
    pub lang: crate::messages::Lang,
}

#[derive(Debug)]
pub enum RemoteError {
    Unreachable { url: String, message: Text },
    WrongAddress { url: String, location: String },
    Client(String),
}

impl RemoteError {
    /// The error as a message of the catalogue, to print in the reader's language.
    pub fn text(&self) -> Text {
        match self {
            RemoteError::Unreachable { url, message } => {
                text!("verify-unreachable", url = url, reason = message.clone())
            }
            RemoteError::WrongAddress { url, location } => {
                text!("verify-wrong-address", url = url, location = location)
            }
            RemoteError::Client(reason) => text!("verify-client-failed", reason = reason),
        }
    }

    pub fn help(&self) -> Text {
        match self {
            RemoteError::Unreachable { .. } => text!("verify-unreachable-help"),
            RemoteError::WrongAddress { .. } => text!("verify-wrong-address-help"),
            RemoteError::Client(_) => text!("verify-client-failed-help"),
        }
    }
}

/// English, for logs and tests; `civic verify` prints [`RemoteError::text`].
impl std::fmt::Display for RemoteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.text())
    }
}

impl std::error::Error for RemoteError {}

pub struct RemoteOutcome {
    pub report: Report,
    /// Files of the manifest compared (extra pages not counted).
    pub checked: usize,
    /// HTTP requests sent, retries included.
    pub requests: usize,
    /// Extra links found beyond [`MAX_EXTRA_LISTED`], counted, not listed.
    pub unlisted: usize,
    /// Files of the manifest not compared because the deadline came first.
    pub unfinished: usize,
}

pub fn verify_remote(options: &RemoteOptions) -> Result<RemoteOutcome, RemoteError> {
    let fetcher = Fetcher::new(options.timeout, options.retries, options.backoff)
        .map_err(RemoteError::Client)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| RemoteError::Client(e.to_string()))?;
    let targets = sample::targets(
        &options.manifest,
        options.since.as_ref(),
        options.sample,
        options.seed,
    );
    let checker = Arc::new(Checker {
        fetcher,
        base: options.base.clone(),
        manifest: options.manifest.clone(),
        progress: progress_bar(options.progress, targets.len()),
        lang: options.lang,
        found: Mutex::new(Found::default()),
    });
    let total = targets.len();
    let run = checker.clone().run(targets, options.concurrency);
    // On the deadline the workers are dropped mid-request: what they found stays in `found`.
    if let Ok(result) =
        runtime.block_on(async { tokio::time::timeout(options.deadline, run).await })
    {
        result?;
    }
    checker.progress.finish_and_clear();
    let requests = checker.fetcher.requests();
    let found = std::mem::take(&mut *lock(&checker.found));
    let checked = found.checked;
    let unlisted = found.unlisted;
    let mut report = Report {
        findings: found.findings,
        unchanged_count: found.unchanged,
    };
    report.sort();
    Ok(RemoteOutcome {
        report,
        checked,
        requests,
        unlisted,
        unfinished: total.saturating_sub(checked),
    })
}

fn progress_bar(shown: bool, len: usize) -> indicatif::ProgressBar {
    if !shown {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("verify {bar:30} {pos}/{len} {wide_msg}")
    {
        bar.set_style(style);
    }
    bar
}

#[derive(Default)]
struct Found {
    findings: Vec<Finding>,
    unchanged: usize,
    checked: usize,
    /// Same-host paths the build never wrote → the URL found and the first file linking it.
    extra: BTreeMap<String, (Url, String)>,
    /// Further such links, beyond [`MAX_EXTRA_LISTED`].
    unlisted: usize,
}

struct Checker {
    fetcher: Fetcher,
    base: Url,
    manifest: Manifest,
    progress: indicatif::ProgressBar,
    lang: crate::messages::Lang,
    found: Mutex<Found>,
}

fn lock(found: &Mutex<Found>) -> std::sync::MutexGuard<'_, Found> {
    // A worker that panicked left whole findings behind; keep them.
    found.lock().unwrap_or_else(|e| e.into_inner())
}

impl Checker {
    async fn run(
        self: Arc<Self>,
        targets: Vec<String>,
        concurrency: usize,
    ) -> Result<(), RemoteError> {
        let mut targets = targets.into_iter();
        let Some(first) = targets.next() else {
            return Ok(());
        };
        // The home page alone first: when it gets no answer at all, nothing else would either,
        // and a run that compared nothing must not look like a run that found something.
        let url = links::url_of(&self.base, &first);
        match self.fetcher.get(&url, BROWSER).await {
            Answer::Failed(message) => {
                return Err(RemoteError::Unreachable {
                    url: url.to_string(),
                    message,
                });
            }
            Answer::Redirect { location, .. } if is_other_address(&url, &location) => {
                return Err(RemoteError::WrongAddress {
                    url: url.to_string(),
                    location,
                });
            }
            Answer::Tls(message) => {
                // Every other file would fail the same way: one finding says it.
                let finding = Finding::new(Kind::Tls)
                    .at_url(url.as_str())
                    .message(message);
                lock(&self.found).findings.push(finding);
                return Ok(());
            }
            first_answer => self.check(&first, Some(first_answer)).await,
        }
        self.progress.inc(1);

        let queue = Arc::new(Mutex::new(targets));
        let mut workers = tokio::task::JoinSet::new();
        for _ in 0..concurrency.max(1) {
            let (me, queue) = (self.clone(), queue.clone());
            workers.spawn(async move {
                loop {
                    let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                    let Some(path) = next else { break };
                    me.check(&path, None).await;
                    me.progress.inc(1);
                }
            });
        }
        workers.join_all().await;
        self.check_extras(concurrency).await;
        Ok(())
    }

    /// Fetch one manifest file as a browser (unless already done) and, for a page, as each
    /// other visitor.
    async fn check(&self, path: &str, browser: Option<Answer>) {
        let Some(entry) = self.manifest.files.get(path) else {
            return;
        };
        let url = links::url_of(&self.base, path);
        self.progress.set_message(path.to_string());
        let browser = match browser {
            Some(answer) => answer,
            None => self.fetcher.get(&url, BROWSER).await,
        };
        let mut findings = Vec::new();
        if let Some(f) = compare(&url, path, entry, &browser) {
            findings.push(f);
        }
        self.scan_links(path, &url, entry, &browser);
        let page = compared_for_cloaking(path);
        let reached = !matches!(browser, Answer::Failed(_) | Answer::Tls(_));
        if page && reached {
            for &visitor in OTHERS {
                let answer = self.fetcher.get(&url, visitor).await;
                if answer.same_as(&browser) || matches_build(entry, &answer) {
                    continue;
                }
                self.scan_links(path, &url, entry, &answer);
                findings.push(cloaked(&url, path, entry, visitor, &answer));
            }
        }
        let mut found = lock(&self.found);
        found.checked += 1;
        if findings.is_empty() {
            found.unchanged += 1;
        }
        found.findings.extend(findings);
    }

    /// Links in a body that differs from the build: an unchanged file links only to what the
    /// build wrote (or to what the editors linked on purpose, which `civic check` covers).
    fn scan_links(&self, path: &str, url: &Url, entry: &FileEntry, answer: &Answer) {
        let Answer::Body { bytes, .. } = answer else {
            return;
        };
        if matches_build(entry, answer) {
            return;
        }
        let mut found = lock(&self.found);
        for link in links::links_in(path, url, bytes) {
            if let Some(Err(unbuilt)) = links::manifest_path(&self.base, &self.manifest, &link) {
                if found.extra.len() >= MAX_EXTRA_LISTED && !found.extra.contains_key(&unbuilt) {
                    found.unlisted += 1;
                    continue;
                }
                found
                    .extra
                    .entry(unbuilt)
                    .or_insert_with(|| (link, url.to_string()));
            }
        }
    }

    /// Fetch each extra page once, as a browser, to say what is there.
    async fn check_extras(self: &Arc<Self>, concurrency: usize) {
        let extra: Vec<(Url, String)> = lock(&self.found).extra.values().cloned().collect();
        let skipped = extra.len().saturating_sub(MAX_EXTRA_FETCHES);
        let queue = Arc::new(Mutex::new(extra.into_iter().enumerate()));
        let mut workers = tokio::task::JoinSet::new();
        for _ in 0..concurrency.max(1) {
            let (me, queue) = (self.clone(), queue.clone());
            workers.spawn(async move {
                loop {
                    let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                    let Some((i, (url, from))) = next else { break };
                    let mut finding = Finding::new(Kind::Extra).at_url(url.as_str());
                    finding.linked_from = Some(from);
                    if i < MAX_EXTRA_FETCHES {
                        finding = describe(finding, &me.fetcher.get(&url, BROWSER).await);
                    } else {
                        finding = finding.message(text!("verify-extra-not-fetched"));
                    }
                    lock(&me.found).findings.push(finding);
                }
            });
        }
        workers.join_all().await;
        if skipped > 0 {
            self.progress
                .println(text!("verify-extra-skipped", pages = skipped).in_lang(self.lang));
        }
    }
}

fn matches_build(entry: &FileEntry, answer: &Answer) -> bool {
    matches!(answer, Answer::Body { sha256, size, .. } if *sha256 == entry.sha256 && *size == entry.size)
}

/// The browser's answer for a file the build wrote: `None` when it is the build's.
fn compare(url: &Url, path: &str, entry: &FileEntry, answer: &Answer) -> Option<Finding> {
    let finding = |kind| {
        Finding::new(kind)
            .at_url(url.as_str())
            .at_path(path)
            .expected(entry)
    };
    Some(match answer {
        _ if matches_build(entry, answer) => return None,
        Answer::Body { .. } => describe(finding(Kind::Changed), answer),
        Answer::Status(404 | 410) => describe(finding(Kind::Missing), answer),
        Answer::Status(_) => describe(finding(Kind::HttpStatus), answer),
        Answer::Redirect { .. } => describe(finding(Kind::Redirect), answer),
        Answer::Tls(_) => describe(finding(Kind::Tls), answer),
        Answer::Failed(_) => describe(finding(Kind::Unreachable), answer),
    })
}

fn cloaked(url: &Url, path: &str, entry: &FileEntry, visitor: Visitor, answer: &Answer) -> Finding {
    let mut finding = Finding::new(Kind::Cloaked)
        .at_url(url.as_str())
        .at_path(path)
        .expected(entry);
    match visitor.referer {
        Some(referer) => finding.referer = Some(referer.to_string()),
        None => finding.user_agent = Some(visitor.user_agent.to_string()),
    }
    describe(finding, answer)
}

/// The answer's side of a finding: the hash got, the status, where a redirect points, why
/// nothing came.
fn describe(mut finding: Finding, answer: &Answer) -> Finding {
    match answer {
        Answer::Body { sha256, size, .. } => {
            finding.status = None;
            finding.got(sha256.clone(), *size)
        }
        Answer::Redirect { status, location } => {
            finding.status = Some(*status);
            finding.location = Some(location.clone());
            finding
        }
        Answer::Status(status) => {
            finding.status = Some(*status);
            finding
        }
        Answer::Tls(message) | Answer::Failed(message) => finding.message(message.clone()),
    }
}

/// The home page redirects to itself under the other scheme (`http` → `https`): every file
/// would redirect the same way, so the address given is not the one the site is served at. A
/// redirect anywhere else is a finding (a hijacked home page sends visitors away).
fn is_other_address(url: &Url, location: &str) -> bool {
    let Ok(target) = url.join(location) else {
        return false;
    };
    target.scheme() != url.scheme()
        && target.host_str() == url.host_str()
        && target.path() == url.path()
}
