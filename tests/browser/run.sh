#!/usr/bin/env bash
# Browser tests of the default theme: builds the sample site into output/ (build date fixed, so
# the active ads are always the same), then runs the node tests in this folder against it.
# Installs nothing: it needs /usr/bin/chromium (+ fonts-noto-cjk) and `npm ci` done first (see README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "tests/browser: no Chromium at ${CHROMIUM:-/usr/bin/chromium} (apt-get install chromium fonts-noto-cjk)" >&2
  exit 1
fi
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/vnu-jar ] || [ ! -d node_modules/lighthouse ]; then
  echo "tests/browser: npm packages missing: run \`npm ci\` in the repository root" >&2
  exit 1
fi

echo "== building the sample site (--date 2026-11-25) into output/"
cargo run --quiet -- build --quiet --date 2026-11-25 --output output

echo "== node --test tests/browser/"
node --test tests/browser/
