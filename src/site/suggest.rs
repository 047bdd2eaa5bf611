//! "Did you mean" for links to files that do not exist: the nearest page or file the site has,
//! written the way that always works (`@/folder/file.md`).

use crate::error::Problem;
use crate::markdown::links::{LinkTable, normalize};

/// `problems` of one body, with a suggestion added to each broken link that has a near target.
/// `dir` is the content-relative folder the links are relative to.
pub(super) fn link_targets(problems: &[Problem], dir: &str, links: &LinkTable) -> Vec<Problem> {
    problems
        .iter()
        .map(|p| {
            let guess = (p.code == "broken-link")
                .then(|| broken_dest(p).and_then(|dest| missing_target(dest, dir)))
                .flatten()
                .and_then(|missing| nearest(&missing, links));
            match (guess, &p.help) {
                (Some(target), Some(help)) => p.clone().help(crate::text!(
                    "link-did-you-mean",
                    target = target,
                    otherwise = (**help).clone()
                )),
                _ => p.clone(),
            }
        })
        .collect()
}

/// The link as written, from a broken-link problem's message.
fn broken_dest(p: &Problem) -> Option<&str> {
    match p.message.args().iter().find(|(name, _)| *name == "why")? {
        (_, crate::messages::Arg::Text(why)) => why.verbatim("dest"),
        _ => None,
    }
}

/// The content-relative path a broken link asked for.
fn missing_target(dest: &str, dir: &str) -> Option<String> {
    let path = dest.split('#').next()?;
    match path.strip_prefix("@/") {
        Some(rest) => normalize(rest),
        None => normalize(&format!("{dir}/{path}")),
    }
}

/// The page file (`folder/name.md`) or other file nearest to `missing`: the same file name in
/// another folder first, else the closest spelling of the whole path.
fn nearest(missing: &str, links: &LinkTable) -> Option<String> {
    let name = |path: &str| path.rsplit('/').next().unwrap_or(path).to_string();
    let candidates: Vec<String> = links
        .docs
        .keys()
        .map(|k| format!("{k}.md"))
        .chain(links.assets.iter().cloned())
        .collect();
    let wanted_name = name(missing);
    let mut same_name: Vec<&String> = candidates
        .iter()
        .filter(|c| name(c) == wanted_name)
        .collect();
    same_name.sort();
    if let Some(found) = same_name.first() {
        return Some((*found).clone());
    }
    // A near spelling only for names long enough that one or two letters off is a typo, not
    // another page (`b.md` is not a misspelt `a.md`).
    let stem_len = wanted_name
        .rsplit_once('.')
        .map_or(wanted_name.as_str(), |(stem, _)| stem)
        .chars()
        .count();
    if stem_len < 3 {
        return None;
    }
    let limit = (stem_len / 3).clamp(1, 3);
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(missing, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> LinkTable {
        let mut t = LinkTable::default();
        for key in ["role-models/li-mei", "handbook/traffic", "_index"] {
            t.docs
                .insert(key.to_string(), [Some(format!("/{key}/")), None]);
        }
        t.assets.insert("ads/poster.jpg".to_string());
        t
    }

    #[test]
    fn suggests_the_nearest_page_file() {
        let t = table();
        assert_eq!(
            nearest("role-models/li-mai.md", &t).as_deref(),
            Some("role-models/li-mei.md")
        );
        assert_eq!(
            nearest("news/li-mei.md", &t).as_deref(),
            Some("role-models/li-mei.md")
        );
        assert_eq!(
            nearest("ads/postr.jpg", &t).as_deref(),
            Some("ads/poster.jpg")
        );
        assert_eq!(nearest("news/completely-else.md", &t), None);
        assert_eq!(nearest("handbook/b.md", &t), None);
        assert_eq!(
            missing_target("../role-models/li-mai.md#a", "news"),
            Some("role-models/li-mai.md".to_string())
        );
    }
}
