#!/usr/bin/env bash
# Runs every test of Civic: the Rust unit and integration tests, then (when present) the
# browser tests against the built sample site. Works on a fresh machine: installs what the
# browser tests need (Debian chromium + CJK fonts, npm packages) if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo test"
cargo test --all-targets

if [ -f tests/browser/run.sh ]; then
  echo "== browser tests"
  bash tests/browser/run.sh
fi
