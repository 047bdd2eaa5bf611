// Elder-friendly mode: a visible toggle, larger type (main text at least 18 pt = 24 px) and high
// contrast, kept across pages and applied before first paint (no flash of the normal mode).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchedPage, PHONE } from './lib/harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

// Recorded by every page of the context: was html.elder already set when <body> first appeared,
// and on DOMContentLoaded?
function recordEarlyState() {
  window.__elder = {};
  new MutationObserver((records, observer) => {
    if (document.body) {
      window.__elder.atBody = document.documentElement.classList.contains('elder');
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => {
    window.__elder.atDomContentLoaded = document.documentElement.classList.contains('elder');
  });
}

test('the toggle is visible, large enough, and turns the mode on', async () => {
  const context = await h.browser.newContext({ viewport: PHONE });
  const { page, problems } = await watchedPage(context);
  await page.goto(h.url('/'));
  const toggle = page.locator('button.elder-toggle');
  assert.ok(await toggle.isVisible(), 'toggle visible');
  const box = await toggle.boundingBox();
  assert.ok(box.width >= 44 && box.height >= 44, `toggle is ${box.width}×${box.height}`);
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.prose p')).fontSize));
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('elder')));
  const after = await page.evaluate(() => {
    const p = document.querySelector('.prose p');
    const s = getComputedStyle(p);
    return { size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight), color: s.color };
  });
  assert.ok(after.size >= 24, `main text is ${after.size}px in elder mode (18pt = 24px)`);
  assert.ok(after.size > before, 'text got larger');
  assert.ok(after.line / after.size >= 1.5, 'line height at least 1.5');
  assert.equal(after.color, 'rgb(0, 0, 0)', 'black text in high-contrast mode');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the mode persists across a navigation and applies before first paint', async () => {
  const context = await h.browser.newContext({ viewport: PHONE });
  await context.addInitScript(recordEarlyState);
  const { page } = await watchedPage(context);
  await page.goto(h.url('/'));
  await page.click('button.elder-toggle');
  await Promise.all([page.waitForNavigation(), page.click('.site-nav a[href="/handbook/"]')]);
  const early = await page.evaluate(() => window.__elder);
  assert.equal(early.atBody, true, 'html.elder set before <body> is parsed');
  assert.equal(early.atDomContentLoaded, true, 'html.elder set at DOMContentLoaded');
  assert.equal(await page.getAttribute('button.elder-toggle', 'aria-pressed'), 'true');
  // And into the other language.
  await Promise.all([page.waitForNavigation(), page.click('a.lang-switch')]);
  assert.equal((await page.evaluate(() => window.__elder)).atBody, true);
  // Turning it off is remembered too.
  await page.click('button.elder-toggle');
  await page.reload();
  assert.equal((await page.evaluate(() => window.__elder)).atDomContentLoaded, false);
  await context.close();
});

test('normal mode: body text line height at least 1.5, text not below 16px', async () => {
  const context = await h.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  for (const path of ['/', '/role-models/li-mei/', '/handbook/traffic/', '/en/news/']) {
    await page.goto(h.url(path));
    const m = await page.evaluate(() => {
      const s = getComputedStyle(document.querySelector('main p'));
      return { size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight) };
    });
    assert.ok(m.size >= 16, `${path}: ${m.size}px`);
    assert.ok(m.line / m.size >= 1.5, `${path}: line height ${m.line / m.size}`);
  }
  await context.close();
});
