#!/usr/bin/env python3
"""Measure the guard through the real build on folders of labelled pages.

Usage: tools/guard-measure.py [--civic BIN] DIR [DIR ...]
Each DIR holds news items named attack-*.md / honest-*.md / clean-*.md (or subfolders attack/ and
honest/). All pages of a DIR are dropped into a copy of the sample site's content/news/ and built
once with --date 2026-11-25; each page's verdict is taken from the build's messages: stopped (an
error names it), warned (only warnings), silent. Prints per-page verdicts and a summary.
"""
import argparse, os, re, shutil, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def pages(d):
    out = []
    for p in sorted(Path(d).rglob("*.md")):
        name = p.name
        if p.parent.name in ("attack", "honest"):
            label = p.parent.name
        elif name.startswith("attack"):
            label = "attack"
        elif name.startswith(("honest", "clean")):
            label = "honest"
        else:
            continue
        out.append((label, p))
    return out

def measure(civic, d):
    site = Path(tempfile.mkdtemp(prefix="guard-measure-"))
    for item in ("site.yaml", "content", "themes"):
        src = ROOT / item
        (shutil.copytree if src.is_dir() else shutil.copy)(src, site / item)
    labelled = {}
    for i, (label, p) in enumerate(pages(d)):
        name = f"zz-{label}-{i:03d}-{p.stem}.md"
        shutil.copy(p, site / "content/news" / name)
        labelled[name] = (label, p)
    env = dict(os.environ, NO_COLOR="1", COLUMNS="400")
    r = subprocess.run([civic, "build", "--root", str(site), "--date", "2026-11-25", "--lang", "en",
                        "-o", str(site / "out")], capture_output=True, text=True, env=env)
    text = r.stdout + r.stderr
    verdict = {n: "silent" for n in labelled}
    for m in re.finditer(r"^\s*(×|⚠|error|warning)\S*\s+content/news/(zz-[^:\s]+\.md)", text, re.M):
        kind, name = m.group(1), m.group(2)
        if name in verdict:
            if kind in ("×", "error"):
                verdict[name] = "stopped"
            elif verdict[name] == "silent":
                verdict[name] = "warned"
    # Errors outside the guard (a page's bad front matter) can stop the build before the guard
    # runs: every page would read as silent. Say so instead of measuring nothing.
    other = [l for l in text.splitlines()
             if re.match(r"^\s*(×|error)", l) and "zz-" not in l]
    if r.returncode != 0 and other:
        print(f"!! the build failed for reasons besides the guard; verdicts may be wrong:", file=sys.stderr)
        for l in other[:20]:
            print(f"   {l.strip()}", file=sys.stderr)
    shutil.rmtree(site, ignore_errors=True)
    return [(labelled[n][0], labelled[n][1], verdict[n]) for n in sorted(labelled)]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--civic", default=str(ROOT / "target/release/civic"))
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    for d in a.dirs:
        rows = measure(a.civic, d)
        if not a.quiet:
            for label, p, v in rows:
                bad = (label == "attack" and v != "stopped") or (label == "honest" and v == "stopped")
                print(f"{'!!' if bad else '  '} {label:6} {v:7} {p.name}")
        att = [v for l, _, v in rows if l == "attack"]
        hon = [v for l, _, v in rows if l == "honest"]
        print(f"{d}: attacks {len(att)}: stopped {att.count('stopped')}, warned {att.count('warned')}, "
              f"silent {att.count('silent')}; honest {len(hon)}: blocked {hon.count('stopped')}, "
              f"warned {hon.count('warned')}, clean {hon.count('silent')}")

if __name__ == "__main__":
    main()
