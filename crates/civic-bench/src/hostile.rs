//! The hostile inputs of issue 24 that once took minutes, each built at half its size and at its
//! size in one small site, through the whole build (content, Markdown, guard, images, output) as
//! `civic build` runs it: doubling the input should at most about double the time. A benchmark,
//! not a test: it prints figures (stdout, one line per input) and judges nothing.

use civic::pipeline::{BuildOptions, build};
use std::path::Path;
use std::time::{Duration, Instant};

/// One hostile input: its name, its size in the issue, and the files of size `n`.
struct Input {
    name: &'static str,
    size: usize,
    files: fn(usize) -> Vec<(String, Vec<u8>)>,
}

const INPUTS: &[Input] = &[
    Input {
        name: "reference links",
        size: 50_000,
        files: reference_links,
    },
    Input {
        name: "footnotes",
        size: 40_000,
        files: footnotes,
    },
    Input {
        name: "nested raw-HTML divs",
        size: 100_000,
        files: nested_divs,
    },
    Input {
        name: "spam lines",
        size: 20_000,
        files: spam_lines,
    },
    Input {
        name: "PNG megapixels",
        size: 900,
        files: huge_png,
    },
];

const SITE_YAML: &str = "base_url: https://wenming.example.cn\nlanguages: [zh-CN]\n\
title: { zh-CN: 测试文明网 }\ncity:\n  name: { zh-CN: 明湖市 }\n  districts: [湖滨区]\n";

/// Time each input at `scale` × half its size and `scale` × its size, best of `runs` builds.
pub fn run(scale: f64, runs: usize, only: Option<&str>) -> Result<(), String> {
    let work = tempdir()?;
    println!("input\tn\tms\t2n\tms\tratio\tproblems");
    for input in INPUTS {
        if only.is_some_and(|o| !input.name.contains(o)) {
            continue;
        }
        let n = ((input.size as f64 * scale / 2.0) as usize).max(1);
        let (small, _) = best_of(&work, input, n, runs)?;
        let (large, problems) = best_of(&work, input, 2 * n, runs)?;
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
        println!(
            "{}\t{n}\t{:.0}\t{}\t{:.0}\t{ratio:.2}\t{problems}",
            input.name,
            small.as_secs_f64() * 1000.0,
            2 * n,
            large.as_secs_f64() * 1000.0
        );
    }
    std::fs::remove_dir_all(&work).map_err(|e| format!("cannot clean {}: {e}", work.display()))
}

/// A fresh folder on tmpfs when there is one.
fn tempdir() -> Result<std::path::PathBuf, String> {
    let parent = if Path::new("/dev/shm").is_dir() {
        std::path::PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    let dir = parent.join(format!("civic-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

/// The best time of `runs` whole builds of the site with `input` at size `n`, and how many
/// problems the build reported (a hostile input usually fails the build, as it should).
fn best_of(work: &Path, input: &Input, n: usize, runs: usize) -> Result<(Duration, usize), String> {
    let root = work.join(format!("{}-{n}", input.name.replace(' ', "-")));
    write_site(&root, &(input.files)(n))?;
    let options = BuildOptions {
        root: root.clone(),
        output: root.join("output"),
        base_url: None,
        drafts: false,
        date: "2026-11-25".parse().map_err(|e| format!("{e}"))?,
        theme_dir: None,
    };
    let mut best = Duration::MAX;
    let mut problems = 0;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let outcome = build(&options);
        best = best.min(started.elapsed());
        problems = outcome.err().map_or(0, |f| f.0.len());
    }
    Ok((best, problems))
}

fn write_site(root: &Path, files: &[(String, Vec<u8>)]) -> Result<(), String> {
    let home = (
        "content/_index.md".to_string(),
        b"---\ntitle: Home\n---\n".to_vec(),
    );
    let config = ("site.yaml".to_string(), SITE_YAML.as_bytes().to_vec());
    for (rel, bytes) in files.iter().chain([&home, &config]) {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

fn page(body: String) -> Vec<(String, Vec<u8>)> {
    let text = format!("---\ntitle: 测试\n---\n{body}");
    vec![("content/hostile.md".to_string(), text.into_bytes())]
}

fn reference_links(n: usize) -> Vec<(String, Vec<u8>)> {
    let mut body: String = (0..n).map(|i| format!("见[第{i}条][r{i}]。\n\n")).collect();
    body.extend((0..n).map(|i| format!("[r{i}]: https://www.gov.cn/{i}\n")));
    page(body)
}

fn footnotes(n: usize) -> Vec<(String, Vec<u8>)> {
    let mut body: String = (0..n).map(|i| format!("注释{i}[^{i}]。\n\n")).collect();
    body.extend((0..n).map(|i| format!("[^{i}]: 第{i}条注释。\n\n")));
    page(body)
}

fn nested_divs(n: usize) -> Vec<(String, Vec<u8>)> {
    page(format!("{}正文{}\n", "<div>".repeat(n), "</div>".repeat(n)))
}

fn spam_lines(n: usize) -> Vec<(String, Vec<u8>)> {
    let line = "澳门葡京娱乐场官网 注册就送888元彩金 在线真人百家乐 https://pj888.example/\n\n";
    page(line.repeat(n))
}

/// A PNG claiming `n` megapixels (a square of about √n million pixels), shown on a page.
fn huge_png(n: usize) -> Vec<(String, Vec<u8>)> {
    let side = ((n as f64) * 1e6).sqrt() as u32;
    let mut files = page("![大图](huge.png)\n".to_string());
    files.push(("content/huge.png".to_string(), png_claiming(side, side)));
    files
}

/// CRC-32 (ISO-HDLC, as PNG chunks carry it), bit by bit: a header needs only a few bytes.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(data.len())
        .unwrap_or(0)
        .to_be_bytes()
        .to_vec();
    let body: Vec<u8> = kind.iter().chain(data).copied().collect();
    out.extend(&body);
    out.extend(crc32(&body).to_be_bytes());
    out
}

/// A PNG whose header says `w`×`h` pixels; its pixel data is a stub nothing should read (also
/// the hardening test's huge image).
pub fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(png_chunk(b"IHDR", &ihdr));
    png.extend(png_chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(png_chunk(b"IEND", &[]));
    png
}
