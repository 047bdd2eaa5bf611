#!/usr/bin/env bash
# Remakes the screenshots in docs/: the preview's problem box in Chinese, as an editor sees it
# after a typical mistake, in a copy of the sample site. Needs what the browser tests need
# (/usr/bin/chromium with CJK fonts, `npm ci`).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release
work=$(mktemp -d)
trap 'kill "${serve_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r site.yaml content "$work/"
[ -d static ] && cp -r static "$work/"
[ -d themes ] && cp -r themes "$work/"

target/release/civic serve --lang zh-CN --port 0 --date 2026-11-25 --quiet --root "$work" \
  2> "$work/serve.log" &
serve_pid=$!
for _ in $(seq 1 120); do
  address=$(grep -o 'http://[^ ）]*' "$work/serve.log" | head -n 1 || true)
  [ -n "$address" ] && break
  sleep 0.5
done
[ -n "$address" ] || { cat "$work/serve.log"; exit 1; }

# The mistake: a traditional character typed by the input method in the category.
page="$work/content/role-models/deng-xiaochuan.md"
sed -i 's/^category: 见义勇为$/category: 見義勇為/' "$page"
sleep 3

node --input-type=module - "$address" docs/images/overlay-zh.png <<'JS'
import { chromium } from 'playwright-core';
const [address, file] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 900, height: 760 } });
await page.goto(address);
await page.waitForSelector('#civic-problems');
await page.screenshot({ path: file });
await browser.close();
JS
echo "wrote docs/images/overlay-zh.png"
