// Shared set-up of the browser tests: the built site served locally and a headless Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '../../..');
export const OUTPUT = path.resolve(process.env.CIVIC_OUTPUT || path.join(REPO, 'output'));
export const ARTIFACTS = path.join(REPO, 'tests/browser/artifacts');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export function requireSite() {
  if (!fs.existsSync(path.join(OUTPUT, 'index.html'))) {
    throw new Error(`no built site in ${OUTPUT}: run tests/browser/run.sh (it builds the sample site first)`);
  }
}

/** Starts the server and the browser; returns them with a `close()` for `after()`. */
export async function launch() {
  requireSite();
  const server = await startServer(OUTPUT);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
  return {
    server,
    browser,
    url: (p) => server.url + p,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A page that records what went wrong while it loaded: console errors, CSP violations,
 * failed requests and requests that left 127.0.0.1.
 */
export async function watchedPage(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    // Failed loads are reported (with their URL) by the response handler below.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol !== 'data:' && u.hostname !== '127.0.0.1') problems.push(`outside request: ${req.url()}`);
  });
  page.on('requestfailed', (req) => {
    // A navigation cancels the requests the previous page still had open (favicon and such).
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on('response', (res) => {
    // The 404 page itself is served with 404 on purpose; anything else that 404s is a broken link.
    if (res.status() >= 400 && res.request().resourceType() !== 'document' && !knownMissing(res.url())) {
      problems.push(`${res.status()}: ${res.url()}`);
    }
  });
  return { page, problems };
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** Every HTML file under output/ (relative paths with forward slashes). */
export function htmlFiles(dir = OUTPUT, prefix = '') {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...htmlFiles(path.join(dir, entry.name), rel + '/'));
    else if (entry.name.endsWith('.html')) out.push(rel);
  }
  return out.sort();
}

/** Loads every lazy image now and waits for them, so full-page screenshots show them. */
export async function loadImages(page) {
  await page.evaluate(() => document.querySelectorAll('img[loading=lazy]').forEach((img) => { img.loading = 'eager'; }));
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
}

// The search page's script comes with the search feature (built on its own branch); until it
// is in this tree its absence is not a theme error.
function knownMissing(url) {
  return new URL(url).pathname === '/js/search.js' && !fs.existsSync(path.join(OUTPUT, 'js/search.js'));
}
