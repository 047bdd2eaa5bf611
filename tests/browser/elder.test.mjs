// Elder mode is the first "text size" step of the accessibility toolbar (a11y-toolbar.test.mjs
// tests the toolbar as a whole): larger type (main text at least 18 pt = 24 px), line height 1.5+,
// kept across pages. A setting saved by the theme's earlier elder-mode button still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchedPage, PHONE } from './lib/harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

test('the toolbar is visible, large enough, and its "large" step turns elder mode on', async () => {
  const context = await h.browser.newContext({ viewport: PHONE });
  const { page, problems } = await watchedPage(context);
  await page.goto(h.url('/'));
  const toggle = page.locator('#a11y-open');
  assert.ok(await toggle.isVisible(), 'toolbar toggle visible');
  const box = await toggle.boundingBox();
  assert.ok(box.width >= 44 && box.height >= 44, `toggle is ${box.width}×${box.height}`);
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.prose p')).fontSize));
  await toggle.click();
  const large = page.locator('.a11y-panel [data-set="text"][data-value="1"]');
  assert.equal(await large.getAttribute('aria-pressed'), 'false');
  await large.click();
  assert.equal(await large.getAttribute('aria-pressed'), 'true');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('elder')));
  const after = await page.evaluate(() => {
    const s = getComputedStyle(document.querySelector('.prose p'));
    return { size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight) };
  });
  assert.ok(after.size >= 24, `main text is ${after.size}px in elder mode (18pt = 24px)`);
  assert.ok(after.size > before, 'text got larger');
  assert.ok(after.line / after.size >= 1.5, 'line height at least 1.5');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a setting saved by the earlier elder-mode button becomes the first text step', async () => {
  const context = await h.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(h.url('/'));
  await page.evaluate(() => { localStorage.clear(); localStorage.setItem('civic-elder', '1'); });
  await page.goto(h.url('/handbook/'));
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('elder')));
  // The next choice saves the new setting and drops the old key.
  await page.click('#a11y-open');
  await page.click('.a11y-panel [data-set="simple"]');
  const stored = await page.evaluate(() => [localStorage.getItem('civic-elder'), JSON.parse(localStorage.getItem('civic-a11y'))]);
  assert.equal(stored[0], null);
  assert.equal(stored[1].text, 1);
  assert.equal(stored[1].simple, true);
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
