// The language switch lands on the same page in the other language; on a page without a
// translation it lands on the nearest translated section, and the page says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, watchedPage } from './lib/harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const TWINS = [
  ['/', '/en/'],
  ['/role-models/li-mei/', '/en/role-models/li-mei/'],
  ['/role-models/category/bravery/', '/en/role-models/category/bravery/'],
  ['/handbook/traffic/', '/en/handbook/traffic/'],
  ['/handbook/print/', '/en/handbook/print/'],
  ['/ads/archive/', '/en/ads/archive/'],
  ['/about/', '/en/about/'],
  ['/sitemap/', '/en/sitemap/'],
];

async function follow(page, from) {
  await page.goto(h.url(from));
  await Promise.all([page.waitForNavigation(), page.click('a.lang-switch')]);
  return new URL(page.url()).pathname;
}

test('the switch lands on the twin page, both ways', async () => {
  const context = await h.browser.newContext();
  const { page, problems } = await watchedPage(context);
  for (const [zh, en] of TWINS) {
    assert.equal(decodeURI(await follow(page, zh)), en, `switch from ${zh}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('.translation-missing').count(), 0, `no notice on ${en}`);
    assert.equal(decodeURI(await follow(page, en)), zh, `switch from ${en}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a later page of a list switches to the first page of the twin list (pages need not line up)', async () => {
  const context = await h.browser.newContext();
  const { page } = await watchedPage(context);
  assert.equal(await follow(page, '/news/page/2/'), '/en/news/');
  assert.equal(await page.locator('.translation-missing').count(), 0);
  await context.close();
});

test('a page without translation: the switch goes to the nearest translated section and the page says so', async () => {
  const context = await h.browser.newContext();
  const { page } = await watchedPage(context);
  const zhOnly = '/news/2026-02-26-night-school-enrolment/';
  const res = await page.goto(h.url(zhOnly));
  assert.equal(res.status(), 200, 'the sample site has a Chinese-only news item');
  const notice = page.locator('.translation-missing');
  await assert.doesNotReject(notice.waitFor({ state: 'visible' }), 'the notice shows');
  assert.match(await notice.innerText(), /英文/);
  assert.equal(await page.locator('link[rel=alternate][hreflang=en]').count(), 0, 'no hreflang to a page that does not exist');
  await Promise.all([page.waitForNavigation(), page.click('a.lang-switch')]);
  assert.equal(new URL(page.url()).pathname, '/en/news/');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});
