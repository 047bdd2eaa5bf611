//! Which files a run fetches: all of them, or for frequent runs (`--sample N`) the files that
//! matter most plus N picked at random.
//!
//! "Changed in the last build" is known from the manifest of the build before it (`--since`):
//! every file whose hash differs from it, or that it does not list. The manifests are kept off
//! the server (docs/deploy.md), so keeping the previous one costs one `cp` in the deploy script.

use super::Manifest;

/// Always fetched in a sample: the home page and the files crawlers read first.
const ALWAYS: &[&str] = &["index.html", "sitemap.xml", "robots.txt"];

/// The manifest paths to fetch, the home page first (it doubles as the reachability check).
pub fn targets(
    manifest: &Manifest,
    since: Option<&Manifest>,
    sample: Option<usize>,
    seed: u64,
) -> Vec<String> {
    let mut chosen: Vec<String> = match sample {
        None => manifest.files.keys().cloned().collect(),
        Some(n) => {
            let (mut chosen, rest): (Vec<String>, Vec<String>) =
                manifest.files.keys().cloned().partition(|p| {
                    ALWAYS.contains(&p.as_str())
                        || since.is_some_and(|old| old.files.get(p) != manifest.files.get(p))
                });
            let mut rest = rest;
            fastrand::Rng::with_seed(seed).shuffle(&mut rest);
            rest.truncate(n);
            chosen.extend(rest);
            chosen.sort();
            chosen
        }
    };
    if let Some(i) = chosen.iter().position(|p| p == "index.html") {
        let home = chosen.remove(i);
        chosen.insert(0, home);
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::integrity::FileEntry;

    fn manifest(entries: &[(&str, &str)]) -> Manifest {
        Manifest {
            version: 1,
            algorithm: "sha256".into(),
            files: entries
                .iter()
                .map(|(p, h)| {
                    let e = FileEntry {
                        sha256: h.to_string(),
                        size: 1,
                    };
                    (p.to_string(), e)
                })
                .collect(),
        }
    }

    #[test]
    fn a_sample_keeps_the_home_page_the_crawler_files_and_what_changed() {
        let mut files: Vec<(String, String)> = (0..100)
            .map(|i| (format!("p{i:03}/index.html"), "a".to_string()))
            .collect();
        files.extend(
            ["index.html", "robots.txt", "sitemap.xml", "site.css"].map(|p| (p.into(), "a".into())),
        );
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, h)| (p.as_str(), h.as_str()))
            .collect();
        let old = manifest(&refs);
        let mut new_refs = refs.clone();
        new_refs.retain(|(p, _)| *p != "p050/index.html");
        new_refs.push(("p050/index.html", "b"));
        new_refs.push(("new/index.html", "a"));
        let new = manifest(&new_refs);

        let all = targets(&new, None, None, 1);
        assert_eq!(all.len(), 105);
        assert_eq!(all[0], "index.html");

        let picked = targets(&new, Some(&old), Some(5), 7);
        assert_eq!(picked[0], "index.html");
        for must in [
            "robots.txt",
            "sitemap.xml",
            "p050/index.html",
            "new/index.html",
        ] {
            assert!(picked.iter().any(|p| p == must), "{must} in {picked:?}");
        }
        assert_eq!(picked.len(), 5 + 5);
        assert_eq!(
            picked,
            targets(&new, Some(&old), Some(5), 7),
            "same seed, same sample"
        );
        assert_ne!(
            picked,
            targets(&new, Some(&old), Some(5), 8),
            "another seed, another sample"
        );
        assert_eq!(
            targets(&new, None, Some(0), 7),
            ["index.html", "robots.txt", "sitemap.xml"]
        );
    }
}
