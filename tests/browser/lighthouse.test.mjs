// Lighthouse (npm `lighthouse@12`, run against Debian's headless Chromium, offline on 127.0.0.1):
// the accessibility score is 100 on the home page, a profile, a handbook chapter, a PSA and the
// search page, in both languages, with mobile emulation (Lighthouse's default); also on desktop
// with CIVIC_LIGHTHOUSE_DESKTOP=1 (another minute and a half on 2 cores).
// Failing audits are listed by id. Performance and the other categories are not gated here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { requireSite, OUTPUT, CHROMIUM } from './lib/harness.mjs';
import { startServer } from './lib/server.mjs';

const PAGES = ['/', '/role-models/li-mei/', '/handbook/waste-sorting/', '/ads/zebra-crossing/', '/search/'];

let server;
let chrome;
before(async () => {
  requireSite();
  server = await startServer(OUTPUT);
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
});
after(async () => {
  await chrome?.kill();
  await server?.close();
});

for (const formFactor of process.env.CIVIC_LIGHTHOUSE_DESKTOP ? ['mobile', 'desktop'] : ['mobile']) {
  test(`Lighthouse accessibility 100, zh-CN and en, ${formFactor}`, async () => {
    const failures = [];
    const scores = [];
    for (const url of PAGES.flatMap((p) => [p, `/en${p}`])) {
      const flags = { port: chrome.port, onlyCategories: ['accessibility'], output: 'json', logLevel: 'error' };
      const config = formFactor === 'desktop'
        ? { extends: 'lighthouse:default', settings: { formFactor: 'desktop', screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false } } }
        : undefined;
      const result = await lighthouse(server.url + url, flags, config);
      const lhr = result.lhr;
      assert.equal(lhr.runtimeError, undefined, `${url}: ${lhr.runtimeError?.message}`);
      const score = Math.round(lhr.categories.accessibility.score * 100);
      scores.push(`${url} ${score}`);
      if (score !== 100) {
        const failed = lhr.categories.accessibility.auditRefs
          .map((ref) => lhr.audits[ref.id])
          .filter((a) => a.score !== null && a.score < 1)
          .map((a) => `${a.id}: ${a.title}`);
        failures.push(`${url}: ${score} (${failed.join('; ')})`);
      }
    }
    console.log(`Lighthouse accessibility (${formFactor}): ${scores.join(', ')}`);
    assert.deepEqual(failures, []);
  });
}
