#!/usr/bin/env bash
# Runs every test of Civic: the Rust unit and integration tests (tests/integration/search_index.rs also runs
# the shipped search.js under node), then the browser tests against the built sample site (headless Chromium, axe-core, the W3C Nu
# HTML checker). Works on a fresh machine: installs what the browser tests need if it is missing
# (Debian chromium + CJK fonts, a Java runtime for vnu, the npm packages in package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo test"
cargo test --workspace --all-targets

echo "== installing browser-test dependencies where missing"
if [ ! -x /usr/bin/chromium ] || ! command -v java >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk default-jre-headless >/dev/null
fi
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

echo "== browser tests"
bash tests/browser/run.sh
