//! An SSH target through the system's OpenSSH client (`ssh`, plus `tar` on both ends).
//!
//! Why the system client and not a crate: it is what the office's administrators already run and
//! trust, it honours the agent, `~/.ssh/config`, jump hosts and hardware keys, and it adds no
//! cryptography to Civic's binary. Host keys are pinned in the site's `.civic/known_hosts`
//! (`UserKnownHostsFile`, the system's lists ignored): the first connection records the key
//! (`StrictHostKeyChecking=accept-new`) and its fingerprint is shown; every later connection runs
//! with `StrictHostKeyChecking=yes`, so a server presenting another key stops the publish.
//! `BatchMode=yes`: never a password prompt; secrets stay in the key file or the agent.

use super::error::PublishError;
use super::target::SshPlace;
use super::transport::{CURRENT, HOLDER, LOCK, LOG, PARTIAL, RELEASES, Transport};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

pub struct Ssh {
    place: SshPlace,
    /// `accept-new` only until the host key is pinned, then `yes`.
    strict: &'static str,
}

/// `s` as one word of a POSIX shell command.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

impl Ssh {
    /// Connects once (`true` on the server). When the site has no key pinned for the host yet,
    /// this first connection pins it; the fingerprint of the newly pinned key is returned.
    pub fn connect(place: &SshPlace) -> Result<(Ssh, Option<String>), PublishError> {
        if let Some(parent) = place.known_hosts.parent() {
            std::fs::create_dir_all(parent).map_err(|e| PublishError::Io {
                path: parent.display().to_string(),
                reason: e.to_string(),
            })?;
        }
        let mut ssh = Ssh {
            place: place.clone(),
            strict: "yes",
        };
        let first_use = ssh.pinned_fingerprint().is_none();
        if first_use {
            ssh.strict = "accept-new";
        }
        ssh.run("true", b"")?;
        ssh.strict = "yes";
        let pinned = first_use.then(|| ssh.pinned_fingerprint().unwrap_or_default());
        Ok((ssh, pinned))
    }

    fn base(&self) -> String {
        quote(&self.place.remote_path)
    }

    fn command(&self) -> Command {
        let p = &self.place;
        let mut cmd = Command::new("ssh");
        let known = p.known_hosts.display().to_string();
        cmd.args(["-o", "BatchMode=yes", "-o", "HashKnownHosts=no"])
            .args(["-o", &format!("StrictHostKeyChecking={}", self.strict)])
            .args(["-o", &format!("UserKnownHostsFile={known}")])
            .args([
                "-o",
                "GlobalKnownHostsFile=/dev/null",
                "-o",
                "ConnectTimeout=20",
            ])
            .args(["-p", &p.port.to_string()]);
        if let Some(key) = &p.key_file {
            cmd.args(["-i", &key.display().to_string(), "-o", "IdentitiesOnly=yes"]);
        }
        if let Some(user) = &p.user {
            cmd.args(["-l", user]);
        }
        cmd.arg(&p.host).arg("--");
        cmd
    }

    /// Runs `script` on the server with `input` on its standard input; its standard output.
    fn run(&self, script: &str, input: &[u8]) -> Result<Vec<u8>, PublishError> {
        let mut child = self
            .command()
            .arg(script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| PublishError::Ssh {
                host: self.place.host.clone(),
                reason: format!("ssh: {e}"),
            })?;
        if let Some(mut stdin) = child.stdin.take() {
            // A server that exits early closes the pipe; its exit status says why.
            let _ = stdin.write_all(input);
        }
        let out = child.wait_with_output().map_err(|e| PublishError::Ssh {
            host: self.place.host.clone(),
            reason: e.to_string(),
        })?;
        if out.status.success() {
            return Ok(out.stdout);
        }
        Err(self.failure(&String::from_utf8_lossy(&out.stderr)))
    }

    /// Runs `script` on the server reading `stdin` (another process's output).
    fn run_with(&self, script: &str, stdin: Stdio) -> Result<(), PublishError> {
        let out = self
            .command()
            .arg(script)
            .stdin(stdin)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| PublishError::Ssh {
                host: self.place.host.clone(),
                reason: format!("ssh: {e}"),
            })?;
        if out.status.success() {
            return Ok(());
        }
        Err(self.failure(&String::from_utf8_lossy(&out.stderr)))
    }

    fn failure(&self, stderr: &str) -> PublishError {
        if stderr.contains("REMOTE HOST IDENTIFICATION HAS CHANGED")
            || stderr.contains("Host key verification failed")
        {
            let offered = stderr
                .split_whitespace()
                .find(|w| w.starts_with("SHA256:"))
                .unwrap_or("?")
                .trim_end_matches('.')
                .to_string();
            return PublishError::HostKeyChanged {
                host: self.place.host.clone(),
                known_hosts: self.place.known_hosts.display().to_string(),
                pinned: self.pinned_fingerprint().unwrap_or_else(|| "?".into()),
                offered,
            };
        }
        PublishError::Ssh {
            host: self.place.host.clone(),
            reason: stderr.trim().lines().last().unwrap_or("").to_string(),
        }
    }

    /// The fingerprint pinned for this host, as `ssh-keygen -l` prints it.
    fn pinned_fingerprint(&self) -> Option<String> {
        let p = &self.place;
        let name = if p.port == 22 {
            p.host.clone()
        } else {
            format!("[{}]:{}", p.host, p.port)
        };
        let out = Command::new("ssh-keygen")
            .arg("-lF")
            .arg(&name)
            .arg("-f")
            .arg(&p.known_hosts)
            .output()
            .ok()?;
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .find(|w| w.starts_with("SHA256:"))
            .map(str::to_string)
    }

    fn release(&self, id: &str) -> String {
        quote(&format!("{}/{RELEASES}/{id}", self.place.remote_path))
    }
}

/// Paths as NUL-separated bytes, for `xargs -0` and `tar --null -T -`.
fn nul_list(files: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    for f in files {
        out.extend_from_slice(f.as_bytes());
        out.push(0);
    }
    out
}

impl Transport for Ssh {
    fn read(&mut self, rel: &str) -> Result<Option<Vec<u8>>, PublishError> {
        let path = quote(&format!("{}/{rel}", self.place.remote_path));
        let out = self.run(
            &format!("if [ -f {path} ]; then printf y; cat {path}; fi"),
            b"",
        )?;
        Ok(out.strip_prefix(b"y").map(<[u8]>::to_vec))
    }

    fn list_releases(&mut self) -> Result<Vec<String>, PublishError> {
        let dir = quote(&format!("{}/{RELEASES}", self.place.remote_path));
        let out = self.run(&format!("[ -d {dir} ] && ls -1A {dir}; true"), b"")?;
        Ok(String::from_utf8_lossy(&out)
            .lines()
            .map(str::to_string)
            .collect())
    }

    fn live(&mut self) -> Result<Option<String>, PublishError> {
        let link = quote(&format!("{}/{CURRENT}", self.place.remote_path));
        let out = self.run(&format!("[ -L {link} ] && readlink {link}; true"), b"")?;
        let text = String::from_utf8_lossy(&out);
        Ok(text
            .trim()
            .rsplit('/')
            .next()
            .filter(|s| !s.is_empty())
            .map(str::to_string))
    }

    fn prepare(
        &mut self,
        id: &str,
        from: Option<&str>,
        skip: &[String],
    ) -> Result<(), PublishError> {
        let partial = self.release(&format!("{id}{PARTIAL}"));
        // An interrupted publish left its partial release: start over.
        let releases = quote(&format!("{}/{RELEASES}", self.place.remote_path));
        let mut script =
            format!("set -e; mkdir -p {releases}; rm -rf {releases}/*{PARTIAL}; mkdir {partial}; ");
        if let Some(from) = from {
            // `cp -al`: hard links on the server, so unchanged files do not travel; the changed
            // and deleted ones are unlinked before new copies arrive (the live inodes stay intact).
            let from = self.release(from);
            script.push_str(&format!(
                "cp -al {from}/. {partial}/; cd {partial}; xargs -0 rm -f --"
            ));
            return self.run(&script, &nul_list(skip)).map(drop);
        }
        self.run(&script, b"").map(drop)
    }

    fn upload(&mut self, id: &str, local: &Path, files: &[String]) -> Result<(), PublishError> {
        if files.is_empty() {
            return Ok(());
        }
        let partial = self.release(&format!("{id}{PARTIAL}"));
        let tar_failed = |e: std::io::Error| PublishError::Io {
            path: local.display().to_string(),
            reason: format!("tar: {e}"),
        };
        // The archive streams from the local tar straight into ssh: nothing is held in memory.
        let mut tar = Command::new("tar")
            .arg("-C")
            .arg(local)
            .args(["--null", "-T", "-", "-cf", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(tar_failed)?;
        if let Some(mut stdin) = tar.stdin.take() {
            stdin.write_all(&nul_list(files)).map_err(tar_failed)?;
        }
        let Some(archive) = tar.stdout.take() else {
            return Err(tar_failed(std::io::Error::other("no output")));
        };
        let sent = self.run_with(&format!("tar -C {partial} -xf -"), Stdio::from(archive));
        let status = tar.wait().map_err(tar_failed)?;
        sent?;
        if !status.success() {
            return Err(tar_failed(std::io::Error::other(status.to_string())));
        }
        Ok(())
    }

    fn finish(&mut self, id: &str, record: &[u8]) -> Result<(), PublishError> {
        let partial = self.release(&format!("{id}{PARTIAL}"));
        let done = self.release(id);
        let json = self.release(&format!("{id}.json"));
        let script =
            format!("set -e; mv -T {partial} {done}; cat > {json}.tmp; mv -T {json}.tmp {json}");
        self.run(&script, record).map(drop)
    }

    fn switch(&mut self, id: &str) -> Result<(), PublishError> {
        let base = self.base();
        let tmp = quote(&format!(".{CURRENT}.{id}.tmp"));
        let target = quote(&format!("{RELEASES}/{id}"));
        // `mv -T` is rename(2): the old link is replaced in one step, never removed first.
        let script =
            format!("set -e; cd {base}; rm -f {tmp}; ln -s {target} {tmp}; mv -T {tmp} {CURRENT}");
        self.run(&script, b"").map(drop)
    }

    fn remove_release(&mut self, id: &str) -> Result<(), PublishError> {
        let dir = self.release(id);
        self.run(&format!("rm -rf {dir} {dir}.json"), b"").map(drop)
    }

    fn lock(&mut self, holder: &str) -> Result<Option<Vec<u8>>, PublishError> {
        let base = self.base();
        let lock = quote(&format!("{}/{LOCK}", self.place.remote_path));
        // `mkdir` of the lock either makes it or fails because it exists: one step on the server.
        let script = format!(
            "set -e; mkdir -p {base}; if mkdir {lock} 2>/dev/null; then cat > {lock}/{HOLDER}; \
             else printf busy; cat {lock}/{HOLDER} 2>/dev/null || true; fi"
        );
        let out = self.run(&script, holder.as_bytes())?;
        Ok(out.strip_prefix(b"busy").map(<[u8]>::to_vec))
    }

    fn unlock(&mut self) -> Result<(), PublishError> {
        let lock = quote(&format!("{}/{LOCK}", self.place.remote_path));
        self.run(&format!("rm -rf {lock}"), b"").map(drop)
    }

    fn append_log(&mut self, line: &str) -> Result<(), PublishError> {
        let log = quote(&format!("{}/{LOG}", self.place.remote_path));
        self.run(&format!("cat >> {log}"), format!("{line}\n").as_bytes())
            .map(drop)
    }
}
