//! The offline package (`scripts/package.sh`) as an office without internet gets it: unpacked in
//! an empty folder, checked against its SHA-256 sums, and run with no Rust, no cargo and no
//! repository in reach: `civic --version` answers and the starter site builds.
//! The test packages the debug binary (`CIVIC_BIN`) so that it needs no release build; the
//! release binary differs only in its profile.

use std::path::Path;
use std::process::Command;

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run");
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A command with nothing of the developer's environment: no cargo on PATH, a fresh HOME.
fn clean(program: &Path, home: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", home)
        .env("LANG", "zh_CN.UTF-8");
    cmd
}

#[test]
fn the_offline_package_unpacks_and_builds_its_starter_site_without_rust() {
    if Command::new("tar").arg("--version").output().is_err() {
        eprintln!("skipped: no tar on this machine");
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dist = tempfile::tempdir().expect("dist");
    let printed = run(Command::new("bash")
        .arg(repo.join("scripts/package.sh"))
        .arg(dist.path())
        .current_dir(repo)
        .env("CIVIC_BIN", env!("CARGO_BIN_EXE_civic")));
    let archive = printed
        .lines()
        .find(|l| l.ends_with(".tar.gz"))
        .map(Path::new)
        .expect("package.sh names the archive");
    assert!(archive.starts_with(dist.path()), "{printed}");

    let machine = tempfile::tempdir().expect("the office's machine");
    run(Command::new("tar")
        .arg("-xzf")
        .arg(archive)
        .arg("-C")
        .arg(machine.path()));
    let dirs: Vec<_> = std::fs::read_dir(machine.path())
        .expect("unpacked")
        .flatten()
        .map(|e| e.path())
        .collect();
    let [dir] = dirs.as_slice() else {
        panic!("one folder in the package: {dirs:?}")
    };
    run(Command::new("sha256sum")
        .args(["--quiet", "-c", "SHA256SUMS"])
        .current_dir(dir));
    let guide = std::fs::read_to_string(dir.join("编辑快速上手.md")).expect("the Chinese guide");
    assert!(
        guide.contains("civic publish"),
        "the guide covers publishing"
    );

    let home = machine.path().join("home");
    std::fs::create_dir(&home).expect("home");
    let version = run(clean(&dir.join("civic"), &home).arg("--version"));
    assert!(
        version.contains(env!("CARGO_PKG_VERSION")),
        "civic --version: {version}"
    );
    let site = dir.join("starter-site");
    let yaml = std::fs::read_to_string(site.join("site.yaml")).expect("site.yaml");
    assert!(
        yaml.contains("# publish:"),
        "the starter site explains publish targets"
    );
    run(clean(&dir.join("civic"), &home)
        .args(["build", "--quiet", "--date", "2026-11-25", "--root"])
        .arg(&site));
    let home_page = std::fs::read_to_string(site.join("output/index.html")).expect("built");
    assert!(home_page.contains("lang=\"zh-CN\""));
    assert!(site.join("output/en/index.html").is_file());
}
