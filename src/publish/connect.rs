//! Opening a target: the [`Transport`] for its kind of place.

use super::error::PublishError;
use super::folder::Folder;
use super::report::{Progress, Step};
use super::ssh::Ssh;
use super::target::{Place, Target};
use super::transport::Transport;

/// The transport to `target`; for an SSH server seen for the first time, its host key is pinned
/// now (and the progress hears its fingerprint), so every later command checks it strictly.
pub fn open(
    target: &Target,
    progress: &mut dyn Progress,
) -> Result<Box<dyn Transport>, PublishError> {
    match &target.place {
        Place::Folder(path) => Ok(Box::new(Folder::new(path))),
        Place::Ssh(place) => {
            let (ssh, pinned) = Ssh::connect(place)?;
            if let Some(fingerprint) = pinned {
                progress.step(&Step::HostKeyPinned {
                    host: place.host.clone(),
                    fingerprint,
                    known_hosts: place.known_hosts.display().to_string(),
                });
            }
            Ok(Box::new(ssh))
        }
    }
}
