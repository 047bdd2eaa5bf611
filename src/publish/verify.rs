//! After the switch: `civic verify` of the live address (the library behind `civic verify URL`)
//! on a sample of the published manifest, kept in the report and the log.

use super::report::{VerifyOptions, VerifyResult};
use crate::integrity::Manifest;
use crate::integrity::remote::{RemoteOptions, verify_remote};
use std::time::Duration;

pub fn live(options: &VerifyOptions, manifest: &Manifest) -> VerifyResult {
    let unreached = |why: String| VerifyResult {
        reached: false,
        clean: false,
        summary: why,
    };
    let address = format!("{}/", options.base_url.trim_end_matches('/'));
    let Ok(base) = url::Url::parse(&address) else {
        return unreached(address);
    };
    let remote = RemoteOptions {
        base,
        manifest: manifest.clone(),
        since: None,
        sample: Some(options.sample),
        seed: fastrand::u64(..),
        concurrency: 4,
        timeout: Duration::from_secs(10),
        retries: 1,
        backoff: Duration::from_millis(500),
        // A publish's check of a sample: five minutes is long enough for any real server.
        deadline: Duration::from_secs(300),
        progress: false,
        lang: options.lang,
    };
    match verify_remote(&remote) {
        Ok(outcome) => VerifyResult {
            reached: true,
            clean: outcome.report.is_clean(),
            summary: outcome.report.summary().in_lang(options.lang),
        },
        Err(e) => unreached(e.text().in_lang(options.lang)),
    }
}
