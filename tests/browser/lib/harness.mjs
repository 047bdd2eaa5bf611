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
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol !== 'data:' && u.hostname !== '127.0.0.1') problems.push(`outside request: ${req.url()}`);
  });
  page.on('requestfailed', (req) => problems.push(`failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    // The 404 page itself is served with 404 on purpose; anything else that 404s is a broken link.
    if (res.status() >= 400 && res.request().resourceType() !== 'document') problems.push(`${res.status()}: ${res.url()}`);
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
