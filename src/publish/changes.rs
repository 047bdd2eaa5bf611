//! What a publish changes: the new build's manifest against the live release's.

use crate::integrity::Manifest;

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Plan {
    /// New or changed files: they travel.
    pub upload: Vec<String>,
    /// Same SHA-256 and size: linked (or copied) from the live release on the target's side.
    pub unchanged: Vec<String>,
    /// Live files the new build no longer has.
    pub delete: Vec<String>,
    /// How many files the live release has.
    pub live_files: usize,
}

impl Plan {
    pub fn new(live: Option<&Manifest>, new: &Manifest) -> Plan {
        let Some(live) = live else {
            return Plan {
                upload: new.files.keys().cloned().collect(),
                ..Plan::default()
            };
        };
        let mut plan = Plan {
            live_files: live.files.len(),
            ..Plan::default()
        };
        for (path, entry) in &new.files {
            match live.files.get(path) {
                Some(old) if old == entry => plan.unchanged.push(path.clone()),
                _ => plan.upload.push(path.clone()),
            }
        }
        plan.delete = live
            .files
            .keys()
            .filter(|p| !new.files.contains_key(*p))
            .cloned()
            .collect();
        plan
    }

    /// The share of the live files this publish deletes, in percent (0 with no live release).
    pub fn delete_percent(&self) -> f64 {
        if self.live_files == 0 {
            return 0.0;
        }
        self.delete.len() as f64 * 100.0 / self.live_files as f64
    }

    /// Files of the live release not to link into the new one: changed or deleted.
    pub fn not_linked(&self) -> Vec<String> {
        let mut out = self.delete.clone();
        out.extend(self.upload.iter().cloned());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::integrity::FileEntry;

    fn manifest(files: &[(&str, &str)]) -> Manifest {
        Manifest {
            version: 1,
            algorithm: "sha256".into(),
            files: files
                .iter()
                .map(|(p, h)| {
                    (
                        p.to_string(),
                        FileEntry {
                            sha256: h.to_string(),
                            size: 1,
                        },
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn only_changed_files_travel() {
        let live = manifest(&[("a.html", "1"), ("b.html", "2"), ("c.html", "3")]);
        let new = manifest(&[("a.html", "1"), ("b.html", "9"), ("d.html", "4")]);
        let plan = Plan::new(Some(&live), &new);
        assert_eq!(plan.upload, ["b.html", "d.html"]);
        assert_eq!(plan.unchanged, ["a.html"]);
        assert_eq!(plan.delete, ["c.html"]);
        assert!((plan.delete_percent() - 100.0 / 3.0).abs() < 1e-9);
        let first = Plan::new(None, &new);
        assert_eq!(first.upload.len(), 3);
        assert_eq!(first.delete_percent(), 0.0);
    }
}
