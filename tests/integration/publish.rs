//! `civic publish` to a folder target: the real binary builds the small site, publishes it into
//! `www/releases/<id>` beside the live one and switches `www/current`; a static HTTP server on
//! 127.0.0.1 serves `www/current`, so each state is checked as a visitor sees it, and the live
//! verify of the publish runs against that server.

use crate::common::publish_site::{
    differing, get, json, live, manifest, names, partials, publish, serve_live, shared_inodes,
    site_with_target,
};
use crate::common::stderr;
use civic::publish::{self, Progress, Step};

#[test]
fn publish_change_list_and_roll_back_over_http() {
    let f = site_with_target("{ path: www }");
    let www = f.root().join("www");
    let base = serve_live(&www);

    let first = json(&publish(&f, &base, &[]));
    let id1 = first["release"].as_str().expect("release").to_string();
    let m1 = manifest(&f.out());
    assert_eq!(
        names(&first["uploaded"]),
        m1.keys().cloned().collect(),
        "a first publish uploads everything"
    );
    assert_eq!(live(&www), id1);
    let home = get(&base).expect("the live home page answers");
    assert!(home.contains("欢迎。"), "{home}");
    assert_eq!(first["verify"]["reached"], true, "{first}");
    assert_eq!(
        first["verify"]["clean"], true,
        "the live site matches: {first}"
    );

    f.write(
        "content/_index.md",
        "---\ntitle: 首页\n---\n欢迎再次光临。\n",
    );
    let second = json(&publish(&f, &base, &[]));
    let id2 = second["release"].as_str().expect("release").to_string();
    let m2 = manifest(&f.out());
    let changed = differing(&m1, &m2);
    assert!(changed.contains("index.html"), "{changed:?}");
    assert!(
        changed.len() < m2.len() / 2,
        "an edit of one page changes few files: {changed:?}"
    );
    assert_eq!(
        names(&second["uploaded"]),
        changed,
        "exactly the changed files travel"
    );
    // What did not travel is the very file of the previous release (a hard link), what did is new.
    let shared = shared_inodes(&www, &id1, &id2, &m2);
    let kept: std::collections::BTreeSet<String> = m2
        .keys()
        .filter(|p| !changed.contains(*p))
        .cloned()
        .collect();
    assert_eq!(shared, kept);
    assert!(get(&base).expect("home").contains("欢迎再次光临。"));
    assert_eq!(second["previous"], id1.as_str());
    assert_eq!(second["verify"]["clean"], true, "{second}");

    let list = json(&publish(&f, &base, &["--list"]));
    let listed: Vec<(&str, bool)> = list
        .as_array()
        .expect("list")
        .iter()
        .map(|r| {
            (
                r["id"].as_str().expect("id"),
                r["live"].as_bool().expect("live"),
            )
        })
        .collect();
    assert_eq!(listed, [(id2.as_str(), true), (id1.as_str(), false)]);
    let record = &list[0]["record"];
    assert_eq!(record["manifest_sha256"].as_str().map(str::len), Some(64));
    assert!(!record["publisher"].as_str().unwrap_or("").is_empty());
    assert!(
        record["build_date"]
            .as_str()
            .unwrap_or("")
            .starts_with("20"),
        "{record}"
    );

    let back = json(&publish(&f, &base, &["--rollback"]));
    assert_eq!(
        (back["from"].as_str(), back["to"].as_str()),
        (Some(id2.as_str()), Some(id1.as_str()))
    );
    assert_eq!(live(&www), id1);
    assert!(
        get(&base).expect("home").contains("欢迎。"),
        "rolled back over HTTP"
    );

    check_logs(&f, &www, &id2);
}

/// Both logs hold the same lines: two publishes and the rollback, with who, when, build, changed
/// pages and the verify result.
fn check_logs(f: &crate::common::Fixture, www: &std::path::Path, id2: &str) {
    let local =
        std::fs::read_to_string(f.root().join(".civic/publish-log.jsonl")).expect("local log");
    let remote = std::fs::read_to_string(www.join("publish-log.jsonl")).expect("target's log");
    assert_eq!(local, remote);
    let lines: Vec<serde_json::Value> = local
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let actions: Vec<&str> = lines
        .iter()
        .map(|l| l["action"].as_str().expect("action"))
        .collect();
    assert_eq!(actions, ["publish", "publish", "rollback"]);
    let second = &lines[1];
    assert_eq!(second["release"], id2);
    assert_eq!(
        names(&second["changed_pages"]),
        ["index.html".to_string()].into()
    );
    assert_eq!(second["verify"]["clean"], true);
    for key in ["publisher", "at", "build_date", "manifest_sha256"] {
        assert!(
            second[key].as_str().is_some_and(|v| !v.is_empty()),
            "{key}: {second}"
        );
    }
}

#[test]
fn build_errors_and_mass_deletions_leave_the_live_site_alone() {
    let f = site_with_target("{ path: www, max_delete_percent: 5 }");
    let www = f.root().join("www");
    let base = serve_live(&www);
    let id1 = json(&publish(&f, &base, &["--no-verify"]))["release"]
        .as_str()
        .expect("id")
        .to_string();

    f.write("content/news/broken.md", "---\ntitle: [unclosed\n---\n");
    let out = publish(&f, &base, &["--no-verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not published: the build has"),
        "{}",
        stderr(&out)
    );
    assert_eq!(live(&www), id1);
    f.remove("content/news/broken.md");

    for page in ["content/about.md", "content/about.en.md"] {
        if f.root().join(page).exists() {
            f.remove(page);
        }
    }
    let news = f.root().join("content/news");
    std::fs::remove_dir_all(&news).expect("remove the news section");
    let out = publish(&f, &base, &["--no-verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("would delete") && err.contains("--yes"),
        "{err}"
    );
    assert_eq!(live(&www), id1, "refused: the live site is as it was");
    assert!(get(&base).is_some());

    let forced = json(&publish(&f, &base, &["--no-verify", "--yes"]));
    assert!(!names(&forced["deleted"]).is_empty());
    assert_eq!(live(&www), forced["release"].as_str().expect("id"));
}

/// Stops after the unchanged files were linked, before the upload.
struct StopAfterLink(bool);
impl Progress for StopAfterLink {
    fn step(&mut self, step: &Step) {
        self.0 |= matches!(step, Step::Linked);
    }
    fn cancelled(&self) -> bool {
        self.0
    }
}

#[test]
fn an_interrupted_publish_leaves_live_as_it_was_and_the_next_starts_over() {
    let f = site_with_target("{ path: www, keep: 2 }");
    assert!(f.build().status.success());
    let config = civic::config::load(f.root(), None).expect("config");
    let target = publish::target::select(&config, f.root(), None).expect("target");
    let www = f.root().join("www");
    let options = publish::Options {
        output: f.out(),
        publisher: "测试编辑".into(),
        confirmed: false,
        blockers: Vec::new(),
        local_log: f.root().join(".civic/publish-log.jsonl"),
        verify: None,
    };
    let first = publish::run(&target, &options, &mut publish::Silent).expect("publish");
    let err = publish::run(&target, &options, &mut StopAfterLink(false)).expect_err("stopped");
    assert!(matches!(err, publish::PublishError::Cancelled), "{err:?}");
    assert_eq!(live(&www), first.release);
    assert_eq!(
        partials(&www).len(),
        1,
        "the half-made release is beside the live one"
    );

    let mut ids = vec![first.release];
    for _ in 0..2 {
        std::thread::sleep(std::time::Duration::from_millis(1100));
        let done = publish::run(&target, &options, &mut publish::Silent).expect("publish");
        assert!(
            partials(&www).is_empty(),
            "the next publish removed the partial release"
        );
        assert_eq!(
            done.uploaded,
            Vec::<String>::new(),
            "the same build again uploads nothing"
        );
        ids.push(done.release);
    }
    let listed: Vec<String> = publish::list(&target)
        .expect("list")
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(
        listed,
        [ids[2].clone(), ids[1].clone()],
        "keep: 2 keeps the two newest"
    );
    assert_eq!(live(&www), ids[2]);
}

/// 三审三校 gates publishing: with `review:` in site.yaml an unsigned page stops the publish
/// (the same `check::publish_gate` the desk will call) and nothing goes live.
#[test]
fn unsigned_pages_are_not_published() {
    let f = site_with_target("{ path: www }");
    let yaml = std::fs::read_to_string(f.root().join("site.yaml")).expect("site.yaml");
    f.write("site.yaml", &format!("{yaml}review:\n  required: true\n"));
    let www = f.root().join("www");
    let base = serve_live(&www);
    let out = publish(&f, &base, &["--no-verify"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("review-unsigned"), "{err}");
    assert!(!www.join("current").exists(), "nothing went live");
    f.write("site.yaml", &format!("{yaml}review:\n  required: false\n"));
    let done = json(&publish(&f, &base, &["--no-verify"]));
    assert_eq!(live(&www), done["release"].as_str().expect("id"));
}

/// Two publishes to one target never run together: a publish that finds another's lock stops
/// without touching the live site and names who holds it; a lock left by a publish that was
/// killed more than an hour ago is taken over, and a finished publish leaves no lock behind.
#[test]
fn one_publish_at_a_time_and_a_stale_lock_is_taken_over() {
    let f = site_with_target("{ path: www }");
    let www = f.root().join("www");
    let base = serve_live(&www);
    let id1 = json(&publish(&f, &base, &["--no-verify"]))["release"]
        .as_str()
        .expect("id")
        .to_string();
    let lock = www.join(".publish-lock");
    assert!(!lock.exists(), "a finished publish releases its lock");

    let now = jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ");
    std::fs::create_dir(&lock).expect("lock");
    std::fs::write(
        lock.join("holder.json"),
        format!(r#"{{"by":"王编辑","since":"{now}"}}"#),
    )
    .expect("holder");
    f.write("content/_index.md", "---\ntitle: 首页\n---\n新的欢迎。\n");
    for args in [&["--no-verify"][..], &["--rollback"][..]] {
        let out = publish(&f, &base, args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains("王编辑") && err.contains("wait until"),
            "{err}"
        );
        assert_eq!(live(&www), id1, "the live site is as it was");
        assert!(lock.exists(), "another's lock is not removed");
    }

    // A publish killed on this machine: its process is gone, its lock is taken over at once.
    let machine = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    std::fs::write(
        lock.join("holder.json"),
        format!(
            r#"{{"by":"王编辑","since":"{now}","machine":"{}","pid":4194303}}"#,
            machine.trim()
        ),
    )
    .expect("killed holder");
    let taken = json(&publish(&f, &base, &["--no-verify"]));
    assert!(!lock.exists(), "{taken}");
    std::fs::create_dir(&lock).expect("lock again");
    std::fs::write(
        lock.join("holder.json"),
        r#"{"by":"王编辑","since":"2026-01-01T08:00:00Z"}"#,
    )
    .expect("old holder");
    f.write("content/_index.md", "---\ntitle: 首页\n---\n又一次欢迎。\n");
    let done = json(&publish(&f, &base, &["--no-verify"]));
    assert_ne!(done["release"].as_str().expect("id"), id1);
    assert!(get(&base).expect("home").contains("又一次欢迎。"));
    assert!(!lock.exists());
}
