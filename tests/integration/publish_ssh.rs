//! `civic publish` to an SSH target, against a real OpenSSH server: Debian's `sshd` started on
//! 127.0.0.1 (a free port) as the current user, with a host key and a user key generated for
//! the test. The server's folder is on this machine, so the test reads the releases directly and
//! serves the live path over HTTP. Skipped, loudly, when sshd is missing and cannot be installed.

use crate::common::publish_site::{
    differing, get, json, live, manifest, names, partials, publish, serve_live, shared_inodes,
    site_with_target,
};
use crate::common::{Fixture, stderr};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SSHD: &str = "/usr/sbin/sshd";

/// A running sshd; stopped when dropped.
struct Sshd {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?}: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn keygen(path: &Path) {
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(path.with_extension("pub"));
    run(Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path));
}

/// sshd is there, or apt-get installs it; false (after saying so) if neither.
fn have_sshd() -> bool {
    if Path::new(SSHD).exists() {
        return true;
    }
    let installed = Command::new("apt-get")
        .args(["install", "-y", "-q", "openssh-server"])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .status()
        .is_ok_and(|s| s.success());
    if !installed || !Path::new(SSHD).exists() {
        eprintln!(
            "SKIPPED publish_ssh: {SSHD} is missing and `apt-get install openssh-server` failed"
        );
        return false;
    }
    true
}

impl Sshd {
    /// Starts sshd in `dir` (keys, config, authorized_keys) on `port` (0: a free one).
    fn start(dir: &Path, port: u16) -> Sshd {
        let port = if port == 0 {
            let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
            l.local_addr().expect("addr").port()
        } else {
            port
        };
        let config = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\nPidFile {d}/sshd.pid\n\
             AuthorizedKeysFile {d}/user_key.pub\nStrictModes no\nUsePAM no\nPasswordAuthentication no\n\
             KbdInteractiveAuthentication no\nPubkeyAuthentication yes\nPermitRootLogin prohibit-password\n\
             LogLevel ERROR\n",
            d = dir.display()
        );
        std::fs::write(dir.join("sshd_config"), config).expect("sshd_config");
        // sshd's privilege separation needs this folder (the package's service would make it).
        let _ = std::fs::create_dir_all("/run/sshd");
        let child = Command::new(SSHD)
            .args(["-D", "-f"])
            .arg(dir.join("sshd_config"))
            .arg("-E")
            .arg(dir.join("sshd.log"))
            .stdout(Stdio::null())
            .spawn()
            .expect("start sshd");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "sshd did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Sshd {
            child,
            port,
            dir: dir.to_path_buf(),
        }
    }
}

/// A site publishing over SSH to `<keys>/remote`, the server, and the loopback HTTP server.
struct Setup {
    site: Fixture,
    keys: tempfile::TempDir,
    sshd: Sshd,
    remote: PathBuf,
    base: String,
}

fn setup() -> Option<Setup> {
    if !have_sshd() {
        return None;
    }
    let keys = tempfile::tempdir().expect("temp dir");
    keygen(&keys.path().join("host_key"));
    keygen(&keys.path().join("user_key"));
    let sshd = Sshd::start(keys.path(), 0);
    let remote = keys.path().join("remote");
    let user = run(Command::new("id").arg("-un")).trim().to_string();
    let target = format!(
        "{{ host: 127.0.0.1, port: {}, user: {user}, key_file: {}, remote_path: {} }}",
        sshd.port,
        keys.path().join("user_key").display(),
        remote.display()
    );
    let site = site_with_target(&target);
    let base = serve_live(&remote);
    Some(Setup {
        site,
        keys,
        sshd,
        remote,
        base,
    })
}

fn fingerprint(public_key: &Path) -> String {
    let out = run(Command::new("ssh-keygen").arg("-lf").arg(public_key));
    out.split_whitespace()
        .nth(1)
        .expect("fingerprint")
        .to_string()
}

#[test]
fn publish_over_ssh_change_and_roll_back() {
    let Some(s) = setup() else { return };
    let out = publish(&s.site, &s.base, &[]);
    let first = json(&out);
    let pinned = fingerprint(&s.keys.path().join("host_key.pub"));
    let err = stderr(&out);
    assert!(
        err.contains("is now pinned") && err.contains(&pinned),
        "first use shows the fingerprint: {err}"
    );
    let known = std::fs::read_to_string(s.site.root().join(".civic/known_hosts")).expect("pinned");
    assert!(
        known.contains(&format!("[127.0.0.1]:{}", s.sshd.port)),
        "{known}"
    );
    let id1 = first["release"].as_str().expect("id").to_string();
    let m1 = manifest(&s.site.out());
    assert_eq!(names(&first["uploaded"]), m1.keys().cloned().collect());
    assert!(get(&s.base).expect("home").contains("欢迎。"));
    assert_eq!(first["verify"]["clean"], true, "{first}");

    s.site.write(
        "content/_index.md",
        "---\ntitle: 首页\n---\n欢迎再次光临。\n",
    );
    let out = publish(&s.site, &s.base, &[]);
    assert!(!stderr(&out).contains("pinned"), "the key is pinned once");
    let second = json(&out);
    let id2 = second["release"].as_str().expect("id").to_string();
    let m2 = manifest(&s.site.out());
    let changed = differing(&m1, &m2);
    assert_eq!(
        names(&second["uploaded"]),
        changed,
        "exactly the changed files travel"
    );
    let kept: std::collections::BTreeSet<String> = m2
        .keys()
        .filter(|p| !changed.contains(*p))
        .cloned()
        .collect();
    assert!(!kept.is_empty());
    assert_eq!(
        shared_inodes(&s.remote, &id1, &id2, &m2),
        kept,
        "unchanged files are linked on the server"
    );
    assert!(get(&s.base).expect("home").contains("欢迎再次光临。"));

    let list = json(&publish(&s.site, &s.base, &["--list"]));
    assert_eq!(list[0]["id"], id2.as_str());
    assert_eq!(list[0]["live"], true);
    let back = json(&publish(&s.site, &s.base, &["--rollback"]));
    assert_eq!(back["to"], id1.as_str());
    assert_eq!(live(&s.remote), id1);
    assert!(
        get(&s.base).expect("home").contains("欢迎。"),
        "rolled back over HTTP"
    );
    let log = std::fs::read_to_string(s.remote.join("publish-log.jsonl")).expect("server's log");
    assert_eq!(log.lines().count(), 3);
}

/// A `tar` first in PATH that sends the start of the archive and then stalls: an upload that is
/// half way when the test kills it.
fn stalling_tar(dir: &Path) -> PathBuf {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).expect("bin");
    let script = "#!/bin/sh\n/usr/bin/tar \"$@\" | { head -c 3000; sleep 120; cat; }\n";
    std::fs::write(bin.join("tar"), script).expect("tar");
    run(Command::new("chmod").arg("+x").arg(bin.join("tar")));
    bin
}

#[test]
fn a_killed_upload_keeps_the_old_release_live_and_a_changed_host_key_stops() {
    let Some(s) = setup() else { return };
    let id1 = json(&publish(&s.site, &s.base, &["--no-verify"]))["release"]
        .as_str()
        .expect("id")
        .to_string();
    s.site.write(
        "content/_index.md",
        "---\ntitle: 首页\n---\n欢迎再次光临。\n",
    );
    assert!(s.site.build().status.success());

    let path = format!(
        "{}:{}",
        stalling_tar(s.keys.path()).display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut child = crate::common::civic();
    child
        .args(["publish", "--no-build", "--no-verify", "--root"])
        .arg(s.site.root())
        .env("PATH", path)
        .env_remove("SSH_AUTH_SOCK")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    std::os::unix::process::CommandExt::process_group(&mut child, 0);
    let mut child = child.spawn().expect("start civic publish");
    let started = Instant::now();
    while partials(&s.remote).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the upload never started"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        child.try_wait().expect("wait").is_none(),
        "the upload is still under way"
    );
    assert!(
        get(&s.base).expect("home").contains("欢迎。"),
        "mid-upload the old site is served"
    );
    // Kill the publish, its ssh and its tar: our own process group.
    run(Command::new("kill").args(["-s", "KILL", "--", &format!("-{}", child.id())]));
    let _ = child.wait();
    assert_eq!(
        live(&s.remote),
        id1,
        "the killed upload left the old release live"
    );
    assert!(get(&s.base).expect("home").contains("欢迎。"));

    let again = json(&publish(&s.site, &s.base, &["--no-build", "--no-verify"]));
    assert!(
        partials(&s.remote).is_empty(),
        "the next publish started over"
    );
    assert_eq!(live(&s.remote), again["release"].as_str().expect("id"));
    assert!(get(&s.base).expect("home").contains("欢迎再次光临。"));

    let port = s.sshd.port;
    let dir = s.sshd.dir.clone();
    drop(s.sshd);
    keygen(&dir.join("host_key"));
    let _other = Sshd::start(&dir, port);
    let live_before = live(&s.remote);
    let out = publish(&s.site, &s.base, &["--no-build", "--no-verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("pinned on first use") && err.contains("known_hosts"),
        "{err}"
    );
    assert!(
        err.contains(&fingerprint(&dir.join("host_key.pub"))),
        "the offered key is named: {err}"
    );
    assert_eq!(live(&s.remote), live_before);
}
