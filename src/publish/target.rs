//! A checked publish target: site.yaml's `publish:` entry turned into a folder or an SSH server,
//! with secrets refused (a key file path or the agent, never a key or password inline).

use crate::config::{PublishTarget, SiteConfig};
use crate::messages::Text;
use crate::text;
use std::path::{Path, PathBuf};

pub const DEFAULT_KEEP: usize = 5;
pub const DEFAULT_MAX_DELETE_PERCENT: u8 = 20;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A local folder or a mounted share; the web server serves `<path>/current`.
    Folder(PathBuf),
    Ssh(SshPlace),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SshPlace {
    pub host: String,
    pub port: u16,
    pub user: Option<String>,
    /// None: the SSH agent (or the user's own ssh configuration).
    pub key_file: Option<PathBuf>,
    /// The folder on the server holding `releases/` and the `current` symlink.
    pub remote_path: String,
    /// The site's pinned host keys (`.civic/known_hosts`).
    pub known_hosts: PathBuf,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub name: String,
    pub place: Place,
    pub keep: usize,
    pub max_delete_percent: u8,
    pub publisher: Option<String>,
}

/// Where the site pins SSH host keys on first use.
pub fn known_hosts_file(root: &Path) -> PathBuf {
    root.join(".civic").join("known_hosts")
}

/// The target named `name` (or the only one), checked. Errors name site.yaml and say what to do.
pub fn select(config: &SiteConfig, root: &Path, name: Option<&str>) -> Result<Target, Text> {
    let names: Vec<&str> = config.publish.keys().map(String::as_str).collect();
    let (name, raw) = match name {
        Some(n) => match config.publish.get(n) {
            Some(raw) => (n, raw),
            None => {
                return Err(text!(
                    "publish-no-such-target",
                    name = n,
                    names = names.join(", ")
                ));
            }
        },
        None => match config.publish.iter().next() {
            Some((n, raw)) if names.len() == 1 => (n.as_str(), raw),
            Some(_) => return Err(text!("publish-which-target", names = names.join(", "))),
            None => return Err(text!("publish-no-targets")),
        },
    };
    check(name, raw, root)
}

/// One entry of `publish:` as a [`Target`].
pub fn check(name: &str, raw: &PublishTarget, root: &Path) -> Result<Target, Text> {
    if raw.password.is_some() || raw.private_key.is_some() {
        return Err(text!("publish-secret-inline", name = name));
    }
    let place = match (&raw.path, &raw.host) {
        (Some(path), None) => Place::Folder(root.join(path)),
        (None, Some(host)) => Place::Ssh(ssh_place(name, raw, host, root)?),
        _ => return Err(text!("publish-target-kind", name = name)),
    };
    let max_delete_percent = raw.max_delete_percent.unwrap_or(DEFAULT_MAX_DELETE_PERCENT);
    if max_delete_percent > 100 {
        return Err(text!("publish-bad-percent", name = name));
    }
    Ok(Target {
        name: name.to_string(),
        place,
        keep: raw.keep.unwrap_or(DEFAULT_KEEP).max(1),
        max_delete_percent,
        publisher: raw.publisher.clone(),
    })
}

fn ssh_place(name: &str, raw: &PublishTarget, host: &str, root: &Path) -> Result<SshPlace, Text> {
    let plain =
        |s: &str| !s.is_empty() && !s.starts_with('-') && !s.chars().any(char::is_whitespace);
    if !plain(host) || raw.user.as_deref().is_some_and(|u| !plain(u)) {
        return Err(text!("publish-bad-host", name = name));
    }
    let Some(remote_path) = raw.remote_path.clone().filter(|p| p.starts_with('/')) else {
        return Err(text!("publish-remote-path", name = name));
    };
    let key_file = raw.key_file.as_deref().map(|k| match k.strip_prefix("~/") {
        Some(rest) => std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_default()
            .join(rest),
        None => root.join(k),
    });
    if let Some(key) = &key_file {
        // A key pasted into site.yaml instead of a path: refuse it rather than look for a file.
        if key.to_string_lossy().contains("PRIVATE KEY") {
            return Err(text!("publish-secret-inline", name = name));
        }
    }
    Ok(SshPlace {
        host: host.to_string(),
        port: raw.port.unwrap_or(22),
        user: raw.user.clone(),
        key_file,
        remote_path: remote_path.trim_end_matches('/').to_string(),
        known_hosts: known_hosts_file(root),
    })
}
